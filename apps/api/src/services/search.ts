// Search (§9): Postgres full-text search (tsvector over `search_document`, unaccented) joined
// with pg_trgm similarity on title and people names for typo tolerance; typeahead suggestions
// from memory; per-profile history; "people also searched".
import type {
  SearchHistoryEntry,
  SearchPersonHit,
  SearchResults,
  SearchSuggestion,
  SearchTitleHit,
  TitleSummary,
} from '@reel/contracts';
import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  progress,
  searchDocuments,
  searchHistory,
  searchHistoryFilters,
  searchIndexState,
} from '../db/schema/index.js';
import { decodeCursor, encodeCursor, pageOf } from '../http/cursor.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import {
  type CatalogFilterQuery,
  type CatalogService,
  type CatalogSnapshot,
  DEFAULT_PAGE,
  matchesFilters,
  parseFilters,
  type TitleRecord,
  type Viewer,
} from './catalog.js';
import type { PersonRecord } from './catalog-snapshot.js';
import { popularityPrior } from './recommender.js';
import {
  fold,
  fuzzyHighlights,
  matchExact,
  type PreparedName,
  prepareName,
  queryOf,
  type Range,
  rateName,
  snippet,
  trigrams,
} from './text.js';

/** Trigram similarity (whole name) above which a name counts as a typo-tolerant match. */
export const FUZZY_SIMILARITY = 0.3;
/** Word similarity (the query against the best run of words in a name): pg_trgm's default threshold of `<%`. */
export const FUZZY_WORD_SIMILARITY = 0.6;
const INDEX_KEY = 'search_documents.v1';
/** What a title's full-text document is: `search_document`, or its parts when that is not filled in. */
const TITLE_DOCUMENT = sql.raw(
  "coalesce(search_document, concat_ws(' ', name, original_name, tagline, synopsis, array_to_string(tags, ' '), array_to_string(studios, ' '), array_to_string(networks, ' ')))",
);
/** Similarity a typeahead option needs when it is not a prefix match. */
export const SUGGEST_SIMILARITY = 0.4;
/** How many searches a profile's history keeps. */
export const HISTORY_LIMIT = 100;
/** Searches within this long of each other, by one profile, count as one visit for "also searched". */
const SESSION_WINDOW_MS = 24 * 3_600_000;

export type SearchSort = 'relevance' | 'popularity' | 'release_date' | 'rating' | 'title';
export type SearchQuery = CatalogFilterQuery & {
  q: string;
  sort?: SearchSort | undefined;
  record?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

const FILTER_KEYS = [
  'genre',
  'genre_mode',
  'year_from',
  'year_to',
  'rating_min',
  'certification',
  'language',
  'studio',
  'network',
  'type',
  'sort',
] as const;

interface Match {
  field: SearchTitleHit['matched_field'];
  text: string;
  highlights: Range[];
  fuzzy: boolean;
  score: number;
}

interface Hit {
  t: TitleRecord;
  match: Match;
  score: number;
}

/** What the database says about one title: full-text match and rank, name similarities. */
interface TitleMatchRow {
  id: string;
  fts: boolean;
  rank: number;
  nameSim: number;
  origSim: number;
}

interface PeopleMatch {
  p: PersonRecord;
  exact: { highlights: Range[] } | null;
  sim: number;
}

/** Per-snapshot lookup structures for search and suggestions, built on first use. */
interface SearchIndex {
  titles: {
    t: TitleRecord;
    name: PreparedName;
    /** Folded characters, genres, tags, studios and networks, for a quick first test. */
    fields: string;
  }[];
  people: { p: PersonRecord; name: PreparedName; popularity: number }[];
  genres: { slug: string; name: PreparedName }[];
  fieldsById: Map<string, string>;
}

const EXACT_SCORE = { equal: 100, prefix: 85, phrase: 70, tokens: 55 } as const;

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Search over the catalog and its people.
 *
 * @example
 * const results = await app.search.query({ q: 'intersteller' }, viewer); // results.did_you_mean === 'Interstellar'
 */
export class SearchService {
  readonly #db: Db;
  readonly #catalog: CatalogService;
  readonly #indexes = new WeakMap<CatalogSnapshot, SearchIndex>();
  #popular: { at: number; queries: { text: string; folded: string; profiles: number }[] } | null = null;
  #indexedFor: CatalogSnapshot | null = null;
  #indexing: Promise<void> | null = null;

  constructor(db: Db, catalog: CatalogService) {
    this.#db = db;
    this.#catalog = catalog;
  }

  #index(snap: CatalogSnapshot): SearchIndex {
    let index = this.#indexes.get(snap);
    if (!index) {
      const popularityOf = new Map<string, number>();
      for (const t of snap.ordered) {
        for (const c of t.credits)
          popularityOf.set(c.personId, Math.max(popularityOf.get(c.personId) ?? 0, t.row.popularity));
      }
      index = {
        titles: snap.ordered.map((t) => ({
          t,
          name: prepareName(t.row.name),
          fields: fold(
            [
              ...t.credits.map((c) => c.character ?? ''),
              ...t.genres.map((g) => g.name),
              ...t.row.tags,
              ...t.row.studios,
              ...t.row.networks,
            ].join('\n'),
          ),
        })),
        people: [...snap.people.values()]
          .filter((p) => p.credits.length > 0)
          .map((p) => ({ p, name: prepareName(p.name), popularity: popularityOf.get(p.id) ?? 0 })),
        genres: snap.genreList.map((g) => ({ slug: g.slug, name: prepareName(g.name) })),
        fieldsById: new Map(),
      };
      for (const e of index.titles) index.fieldsById.set(e.t.id, e.fields);
      this.#indexes.set(snap, index);
    }
    return index;
  }

  // ---------------------------------------------------------------------------------------------
  // GET /search

  /** Titles (and people) matching a query, with the catalog filters, sorted and paged. */
  async query(query: SearchQuery, viewer: Viewer): Promise<SearchResults> {
    const filters = parseFilters(query);
    const snap = await this.#catalog.snapshot();
    const now = this.#catalog.now();
    const q = queryOf(query.q);
    const firstPage = !query.cursor;
    if (query.cursor) decodeCursor(query.cursor);

    let titleRows: TitleMatchRow[] = [];
    let peopleMatches: PeopleMatch[] = [];
    if (q.tokens.length) {
      await this.#ensureIndex(snap);
      const [row] = (await this.#db.execute<{ v: string }>(sql`select lower(unaccent(${query.q})) as v`)).rows;
      const folded = row?.v ?? q.phrase;
      titleRows = await this.#titleRows(folded, q.tokens);
      peopleMatches = await this.#peopleRows(snap, folded, q);
    }
    const peopleById = new Map(peopleMatches.map((m) => [m.p.id, m]));
    const sqlById = new Map(titleRows.map((r) => [r.id, r]));

    // Candidates: what the database matched, the titles of matched people, and titles whose
    // structured fields (characters, genres, tags, studios, networks) contain the query.
    const candidateIds = new Set<string>(sqlById.keys());
    for (const m of peopleMatches) for (const c of m.p.credits) candidateIds.add(c.titleId);
    if (q.tokens.length) {
      const first = q.tokens[0] as string;
      for (const entry of this.#index(snap).titles) {
        if (!entry.fields.includes(first)) continue;
        const t = entry.t;
        const fields = [
          ...t.credits.map((c) => c.character ?? ''),
          ...t.genres.map((g) => g.name),
          ...t.row.tags,
          ...t.row.studios,
          ...t.row.networks,
        ];
        if (fields.some((f) => f && matchExact(f, q) !== null)) candidateIds.add(t.id);
      }
    }

    const fieldsOf = this.#index(snap).fieldsById;
    const hits: Hit[] = [];
    for (const id of candidateIds) {
      const t = snap.titles.get(id);
      if (!t || !this.#catalog.isVisible(t, viewer, now) || !matchesFilters(t, filters, viewer.region)) continue;
      const match = bestMatch(t, q, sqlById.get(id), peopleById, fieldsOf.get(id) ?? '');
      if (!match) continue;
      hits.push({ t, match, score: round(match.score + 5 * popularityPrior(t.row.popularity, snap.maxPopularity)) });
    }
    hits.sort((a, b) => b.score - a.score || b.t.row.popularity - a.t.row.popularity || compareIds(a.t.id, b.t.id));

    const best = hits[0];
    let didYouMean: string | null = null;
    let corrected: string | null = null;
    const bestPerson = peopleMatches.find((m) => this.#personVisible(snap, m.p, viewer, now));
    if (best?.match.fuzzy && fold(best.match.text) !== q.phrase) {
      didYouMean = best.match.text;
      if (hits.every((h) => h.match.fuzzy) && !(bestPerson?.exact ?? null)) corrected = best.match.text;
    } else if (!best && bestPerson && !bestPerson.exact) {
      didYouMean = bestPerson.p.name;
      corrected = bestPerson.p.name;
    } else if (!best && !bestPerson && q.tokens.length) {
      didYouMean = this.#nearest(snap, query.q, viewer, now);
    }

    const sorted = sortHits(hits, query.sort ?? 'relevance');
    const page = pageOf(sorted, query.cursor, query.limit ?? DEFAULT_PAGE, (h) => h.t.id);
    const summaries = await this.#catalog.summaries(
      snap,
      page.items.map((h) => h.t),
      viewer,
    );
    const items: SearchTitleHit[] = page.items.map((h, i) => ({
      title: summaries[i] as TitleSummary,
      matched_field: h.match.field,
      matched_text: h.match.text,
      highlights: h.match.highlights,
      fuzzy: h.match.fuzzy,
      score: h.score,
    }));

    let historyId: string | null = null;
    if (viewer.profileId && firstPage && query.record !== false) {
      historyId = await this.record(viewer.profileId, query.q, filtersOf(query), hits.length);
    }

    return {
      items,
      next_cursor: page.next_cursor,
      query: query.q,
      corrected_query: corrected,
      did_you_mean: didYouMean,
      total: hits.length,
      people: firstPage ? this.#personHits(snap, peopleMatches, q, viewer, now) : [],
      facets: firstPage ? facetsOf(hits) : null,
      history_id: historyId,
    };
  }

  /**
   * Brings `search_documents` up to date with the catalog when the snapshot changed: a fingerprint
   * of the sources decides whether to rebuild (rarely: after catalog writes).
   */
  async #ensureIndex(snap: CatalogSnapshot): Promise<void> {
    if (this.#indexedFor === snap) return;
    if (!this.#indexing) {
      this.#indexing = this.#syncIndex()
        .then(() => {
          this.#indexedFor = snap;
        })
        .finally(() => {
          this.#indexing = null;
        });
    }
    await this.#indexing;
  }

  async #syncIndex(): Promise<void> {
    await this.#db.transaction(async (tx) => {
      await tx.insert(searchIndexState).values({ key: INDEX_KEY, fingerprint: '' }).onConflictDoNothing();
      const [state] = await tx.select().from(searchIndexState).where(eq(searchIndexState.key, INDEX_KEY)).for('update');
      const fingerprint = await tx.execute<{ fp: string }>(sql`
        select md5(
          coalesce((select string_agg(concat_ws(chr(31), id, name, original_name, ${TITLE_DOCUMENT}), chr(30) order by id) from titles), '')
          || chr(29) ||
          coalesce((select string_agg(id || chr(31) || name, chr(30) order by id) from people), '')
        ) as fp`);
      const fp = fingerprint.rows[0]?.fp ?? '';
      if (state?.fingerprint === fp) return;
      await tx.delete(searchDocuments);
      await tx.execute(sql`
        insert into search_documents (kind, id, name, original_name, document)
        select 'title', id, lower(unaccent(name)), lower(unaccent(coalesce(original_name, ''))),
          to_tsvector('english', unaccent(${TITLE_DOCUMENT}))
        from titles`);
      await tx.execute(sql`
        insert into search_documents (kind, id, name) select 'person', id, lower(unaccent(name)) from people`);
      await tx
        .update(searchIndexState)
        .set({ fingerprint: fp, builtAt: new Date() })
        .where(eq(searchIndexState.key, INDEX_KEY));
    });
  }

  /** Full-text (all words, the last as a prefix) and trigram matches on title names, from the database. */
  async #titleRows(folded: string, tokens: string[]): Promise<TitleMatchRow[]> {
    const tsquery = tokens.map((t, i) => (i === tokens.length - 1 ? `'${t}':*` : `'${t}'`)).join(' & ');
    const tsq = sql`to_tsquery('english', ${tsquery})`;
    const result = await this.#db.execute<{
      id: string;
      fts: boolean;
      rank: number;
      name_sim: number;
      name_wsim: number;
      orig_sim: number;
      orig_wsim: number;
    }>(sql`
      select d.id, d.document @@ ${tsq} as fts, ts_rank(d.document, ${tsq}) as rank,
        similarity(d.name, ${folded}) as name_sim, word_similarity(${folded}, d.name) as name_wsim,
        similarity(d.original_name, ${folded}) as orig_sim, word_similarity(${folded}, d.original_name) as orig_wsim
      from search_documents d
      where d.kind = 'title'
        and (d.document @@ ${tsq} or d.name % ${folded} or ${folded} <% d.name
          or d.original_name % ${folded} or ${folded} <% d.original_name)
      limit 2000`);
    return result.rows.map((r) => ({
      id: r.id,
      fts: Boolean(r.fts),
      rank: Number(r.rank) || 0,
      nameSim: Math.max(Number(r.name_sim) || 0, wordSim(r.name_wsim, tokens)),
      origSim: Math.max(Number(r.orig_sim) || 0, wordSim(r.orig_wsim, tokens)),
    }));
  }

  /**
   * People whose names match (exactly or by trigram similarity), through the trigram index (the
   * planner would rather scan a small table, which costs more on PGlite than the index does).
   */
  async #peopleRows(
    snap: CatalogSnapshot,
    folded: string,
    q: { phrase: string; tokens: string[] },
  ): Promise<PeopleMatch[]> {
    const result = await this.#db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ id: string; kind: string; sim: number; wsim: number }>(sql`
        select d.id, d.kind, similarity(d.name, ${folded}) as sim, word_similarity(${folded}, d.name) as wsim
        from search_documents d
        where d.name % ${folded} or ${folded} <% d.name`);
    });
    const out: PeopleMatch[] = [];
    for (const r of result.rows) {
      if (r.kind !== 'person') continue;
      const p = snap.people.get(r.id);
      if (!p) continue;
      const exact = matchExact(p.name, q);
      out.push({
        p,
        exact: exact ? { highlights: exact.highlights } : null,
        sim: Math.max(Number(r.sim) || 0, wordSim(r.wsim, q.tokens)),
      });
    }
    return out
      .sort((a, b) => Number(!!b.exact) - Number(!!a.exact) || b.sim - a.sim || compareIds(a.p.id, b.p.id))
      .slice(0, 50);
  }

  #personVisible(snap: CatalogSnapshot, p: PersonRecord, viewer: Viewer, now: number): boolean {
    return p.credits.some((c) => {
      const t = snap.titles.get(c.titleId);
      return t !== undefined && this.#catalog.isVisible(t, viewer, now);
    });
  }

  #personHits(
    snap: CatalogSnapshot,
    matches: PeopleMatch[],
    q: { tokens: string[] },
    viewer: Viewer,
    now: number,
  ): SearchPersonHit[] {
    const out: SearchPersonHit[] = [];
    for (const m of matches) {
      const known = [...new Set(m.p.credits.map((c) => c.titleId))]
        .map((id) => snap.titles.get(id))
        .filter((t): t is TitleRecord => t !== undefined && this.#catalog.isVisible(t, viewer, now))
        .sort((a, b) => b.row.popularity - a.row.popularity || compareIds(a.id, b.id));
      if (!known.length) continue;
      out.push({
        person: { id: m.p.id, name: m.p.name, photo: m.p.photo },
        known_for: m.p.knownFor,
        known_for_titles: known.slice(0, 3).map((t) => ({ id: t.id, name: t.row.name, year: t.row.year })),
        matched_text: m.p.name,
        highlights: m.exact ? m.exact.highlights : fuzzyHighlights(m.p.name, q.tokens),
        fuzzy: !m.exact,
      });
      if (out.length === 10) break;
    }
    return out;
  }

  /** The closest name in the catalog to a query that matched nothing, if any is close at all. */
  #nearest(snap: CatalogSnapshot, raw: string, viewer: Viewer, now: number): string | null {
    const q = queryOf(raw);
    const tri = trigrams(raw);
    let best: { text: string; sim: number } | null = null;
    const index = this.#index(snap);
    for (const e of index.titles) {
      const r = rateName(e.name, q, tri, 0.2);
      if (r && (!best || r.similarity > best.sim) && this.#catalog.isVisible(e.t, viewer, now))
        best = { text: e.t.row.name, sim: r.similarity };
    }
    for (const e of index.people) {
      const r = rateName(e.name, q, tri, 0.2);
      if (r && (!best || r.similarity > best.sim) && this.#personVisible(snap, e.p, viewer, now))
        best = { text: e.p.name, sim: r.similarity };
    }
    return best?.text ?? null;
  }

  // ---------------------------------------------------------------------------------------------
  // GET /search/suggest

  /**
   * Typeahead from memory: the profile's matching recent searches, then titles and people whose
   * names start with (or closely resemble) the text, genres, and popular completions.
   */
  async suggest(raw: string, limit: number, viewer: Viewer): Promise<{ query: string; items: SearchSuggestion[] }> {
    const snap = await this.#catalog.snapshot();
    const now = this.#catalog.now();
    const q = queryOf(raw);
    if (!q.tokens.length) return { query: raw, items: [] };
    const index = this.#index(snap);
    const tri = trigrams(raw);
    type Rated = { score: number; highlights: Range[] };
    const rate = (name: PreparedName): Rated | null => {
      const r = rateName(name, q, tri, SUGGEST_SIMILARITY);
      if (!r) return null;
      if (r.exact) {
        const kind = r.exact.kind;
        return {
          score: kind === 'equal' ? 4 : kind === 'prefix' ? 3 : kind === 'phrase' ? 2.5 : 2,
          highlights: r.exact.highlights,
        };
      }
      return { score: r.similarity, highlights: fuzzyHighlights(name.text, q.tokens) };
    };
    const boost = (popularity: number) => 0.5 * popularityPrior(popularity, snap.maxPopularity);

    const titleOptions: SearchSuggestion[] = [];
    const scoredTitles: { e: SearchIndex['titles'][number]; r: Rated; score: number }[] = [];
    for (const e of index.titles) {
      const r = rate(e.name);
      if (r && this.#catalog.isVisible(e.t, viewer, now))
        scoredTitles.push({ e, r, score: r.score + boost(e.t.row.popularity) });
    }
    scoredTitles.sort((a, b) => b.score - a.score || compareIds(a.e.t.id, b.e.t.id));
    for (const { e, r } of scoredTitles.slice(0, limit)) {
      const width = e.t.artwork.widths[0];
      const poster = e.t.artwork.poster;
      titleOptions.push({
        kind: 'title',
        text: e.t.row.name,
        highlights: r.highlights,
        id: e.t.id,
        type: e.t.row.type,
        year: e.t.row.year,
        poster: width ? `${poster}${poster.includes('?') ? '&' : '?'}w=${width}` : poster,
      });
    }

    const scoredPeople: { e: SearchIndex['people'][number]; r: Rated; score: number }[] = [];
    for (const e of index.people) {
      const r = rate(e.name);
      if (r) scoredPeople.push({ e, r, score: r.score + boost(e.popularity) });
    }
    scoredPeople.sort((a, b) => b.score - a.score || compareIds(a.e.p.id, b.e.p.id));
    const personOptions: SearchSuggestion[] = [];
    for (const { e, r } of scoredPeople) {
      if (personOptions.length === 3) break;
      if (!this.#personVisible(snap, e.p, viewer, now)) continue;
      personOptions.push({
        kind: 'person',
        text: e.p.name,
        highlights: r.highlights,
        id: e.p.id,
        photo: e.p.photo,
        known_for: e.p.knownFor,
      });
    }

    const genreOptions: SearchSuggestion[] = [];
    for (const g of index.genres) {
      const m = rateName(g.name, q, tri, 1)?.exact;
      if (m && (m.kind === 'equal' || m.kind === 'prefix'))
        genreOptions.push({ kind: 'genre', text: g.name.text, highlights: m.highlights, slug: g.slug });
      if (genreOptions.length === 2) break;
    }

    const seen = new Set<string>();
    const historyOptions: SearchSuggestion[] = [];
    if (viewer.profileId) {
      const rows = await this.#db
        .select({ query: searchHistory.query })
        .from(searchHistory)
        .where(eq(searchHistory.profileId, viewer.profileId))
        .orderBy(desc(searchHistory.createdAt), desc(searchHistory.id))
        .limit(HISTORY_LIMIT);
      for (const r of rows) {
        const folded = queryOf(r.query).phrase;
        if (!folded.startsWith(q.phrase) || seen.has(folded)) continue;
        seen.add(folded);
        const m = matchExact(r.query, q);
        historyOptions.push({ kind: 'query', source: 'history', text: r.query, highlights: m?.highlights ?? [] });
        if (historyOptions.length === 3) break;
      }
    }
    const popularOptions: SearchSuggestion[] = [];
    for (const p of await this.#popularQueries()) {
      if (!p.folded.startsWith(q.phrase) || p.folded === q.phrase || seen.has(p.folded)) continue;
      seen.add(p.folded);
      const m = matchExact(p.text, q);
      popularOptions.push({ kind: 'query', source: 'popular', text: p.text, highlights: m?.highlights ?? [] });
      if (popularOptions.length === 2) break;
    }

    // History first, then titles (at least half), people, genres, popular completions; titles fill the rest.
    const head = historyOptions.slice(0, Math.min(3, Math.floor(limit / 3) || 1));
    const rest = [...personOptions, ...genreOptions, ...popularOptions];
    const titleCount = Math.max(Math.ceil(limit / 2), limit - head.length - rest.length);
    const out = [...head, ...titleOptions.slice(0, titleCount), ...rest];
    return { query: raw, items: out.slice(0, limit) };
  }

  /** Queries searched by at least two profiles in the last 30 days (cached for 5 minutes). */
  async #popularQueries() {
    const now = this.#catalog.now();
    if (this.#popular && now - this.#popular.at < 300_000) return this.#popular.queries;
    const rows = await this.#db
      .select({
        folded: sql<string>`lower(unaccent(${searchHistory.query}))`,
        text: sql<string>`min(${searchHistory.query})`,
        profiles: sql<number>`count(distinct ${searchHistory.profileId})`,
      })
      .from(searchHistory)
      .where(gte(searchHistory.createdAt, new Date(now - 30 * 86_400_000)))
      .groupBy(sql`lower(unaccent(${searchHistory.query}))`)
      .having(sql`count(distinct ${searchHistory.profileId}) >= 2`)
      .orderBy(desc(sql`count(distinct ${searchHistory.profileId})`), asc(sql`lower(unaccent(${searchHistory.query}))`))
      .limit(500);
    const queries = rows.map((r) => ({ text: r.text, folded: queryOf(r.folded).phrase, profiles: Number(r.profiles) }));
    this.#popular = { at: now, queries };
    return queries;
  }

  /** Forgets cached popular queries (tests; after clearing histories). */
  resetPopular(): void {
    this.#popular = null;
  }

  // ---------------------------------------------------------------------------------------------
  // History

  /** Records a search in a profile's history (a repeated query moves to the top); returns its id. */
  async record(
    profileId: string,
    query: string,
    filters: Record<string, string>,
    resultCount: number,
  ): Promise<string> {
    const id = newId('srh');
    const folded = queryOf(query).phrase;
    const text = query.trim().slice(0, 200) || query;
    await this.#db.transaction(async (tx) => {
      const previous = await tx
        .select({ id: searchHistory.id, query: searchHistory.query })
        .from(searchHistory)
        .where(eq(searchHistory.profileId, profileId))
        .orderBy(desc(searchHistory.createdAt), desc(searchHistory.id));
      const duplicates = previous.filter((p) => queryOf(p.query).phrase === folded).map((p) => p.id);
      const overflow = previous
        .filter((p) => !duplicates.includes(p.id))
        .slice(HISTORY_LIMIT - 1)
        .map((p) => p.id);
      const drop = [...duplicates, ...overflow];
      if (drop.length)
        await tx
          .delete(searchHistory)
          .where(and(eq(searchHistory.profileId, profileId), inArray(searchHistory.id, drop)));
      await tx
        .insert(searchHistory)
        .values({ id, profileId, query: text, resultCount, createdAt: new Date(this.#catalog.now()) });
      if (Object.keys(filters).length) await tx.insert(searchHistoryFilters).values({ historyId: id, filters });
    });
    return id;
  }

  /** GET /search/history: newest first. */
  async history(profileId: string, cursor: string | undefined, limit: number | undefined) {
    const position = decodeCursor(cursor);
    const size = limit ?? DEFAULT_PAGE;
    const after = position
      ? or(
          lt(searchHistory.createdAt, new Date(Number(position.k[0]))),
          and(eq(searchHistory.createdAt, new Date(Number(position.k[0]))), lt(searchHistory.id, position.id)),
        )
      : undefined;
    if (position && !Number.isFinite(Number(position.k[0]))) return { items: [], next_cursor: null };
    const rows = await this.#db
      .select({
        id: searchHistory.id,
        query: searchHistory.query,
        resultCount: searchHistory.resultCount,
        createdAt: searchHistory.createdAt,
        filters: searchHistoryFilters.filters,
      })
      .from(searchHistory)
      .leftJoin(searchHistoryFilters, eq(searchHistoryFilters.historyId, searchHistory.id))
      .where(after ? and(eq(searchHistory.profileId, profileId), after) : eq(searchHistory.profileId, profileId))
      .orderBy(desc(searchHistory.createdAt), desc(searchHistory.id))
      .limit(size + 1);
    const pageRows = rows.slice(0, size);
    const last = pageRows[pageRows.length - 1];
    const items: SearchHistoryEntry[] = pageRows.map((r) => ({
      id: r.id,
      query: r.query,
      filters: r.filters ?? {},
      result_count: r.resultCount,
      searched_at: r.createdAt.toISOString(),
    }));
    return {
      items,
      next_cursor: rows.length > size && last ? encodeCursor({ k: [last.createdAt.getTime()], id: last.id }) : null,
    };
  }

  /** DELETE /search/history/{id}: only the profile's own entries (another's is 404). */
  async deleteEntry(profileId: string, id: string): Promise<void> {
    const deleted = await this.#db
      .delete(searchHistory)
      .where(and(eq(searchHistory.id, id), eq(searchHistory.profileId, profileId)))
      .returning({ id: searchHistory.id });
    if (!deleted.length) throw notFound('That search');
  }

  /** DELETE /search/history */
  async clear(profileId: string): Promise<void> {
    await this.#db.delete(searchHistory).where(eq(searchHistory.profileId, profileId));
  }

  // ---------------------------------------------------------------------------------------------
  // GET /search/related

  /**
   * "People also searched": queries other profiles searched in the same visit as this one, scored
   * by the share of those profiles; and the titles they went on to watch. When the histories say
   * too little, neighbours from the genres of the query's best match fill in.
   */
  async related(raw: string, limit: number, viewer: Viewer) {
    const snap = await this.#catalog.snapshot();
    const now = this.#catalog.now();
    const q = queryOf(raw);
    const foldedSql = sql`lower(unaccent(${searchHistory.query}))`;
    const target = sql`lower(unaccent(${raw}))`;
    const searches = await this.#db
      .select({ profileId: searchHistory.profileId, at: searchHistory.createdAt })
      .from(searchHistory)
      .where(
        viewer.profileId
          ? and(sql`${foldedSql} = ${target}`, ne(searchHistory.profileId, viewer.profileId))
          : sql`${foldedSql} = ${target}`,
      )
      .orderBy(desc(searchHistory.createdAt))
      .limit(500);

    const queryScores = new Map<string, { text: string; profiles: Set<string> }>();
    const titleCounts = new Map<string, Set<string>>();
    const searchers = new Set(searches.map((s) => s.profileId));
    if (searches.length) {
      const profileIds = [...searchers];
      const others = await this.#db
        .select({ profileId: searchHistory.profileId, query: searchHistory.query, at: searchHistory.createdAt })
        .from(searchHistory)
        .where(inArray(searchHistory.profileId, profileIds));
      const watched = await this.#db
        .select({ profileId: progress.profileId, titleId: progress.titleId, at: progress.updatedAt })
        .from(progress)
        .where(inArray(progress.profileId, profileIds));
      const visits = new Map<string, number[]>();
      for (const s of searches) visits.set(s.profileId, [...(visits.get(s.profileId) ?? []), s.at.getTime()]);
      const near = (profileId: string, at: number, afterOnly: boolean) =>
        (visits.get(profileId) ?? []).some((v) =>
          afterOnly ? at >= v && at - v <= SESSION_WINDOW_MS : Math.abs(at - v) <= SESSION_WINDOW_MS,
        );
      for (const o of others) {
        const folded = queryOf(o.query).phrase;
        if (!folded || folded === q.phrase || !near(o.profileId, o.at.getTime(), false)) continue;
        const entry = queryScores.get(folded) ?? { text: o.query.trim(), profiles: new Set<string>() };
        entry.profiles.add(o.profileId);
        queryScores.set(folded, entry);
      }
      for (const w of watched) {
        if (!near(w.profileId, w.at.getTime(), true)) continue;
        const set = titleCounts.get(w.titleId) ?? new Set<string>();
        set.add(w.profileId);
        titleCounts.set(w.titleId, set);
      }
    }

    const queries = [...queryScores.entries()]
      .map(([folded, e]) => ({ query: e.text, folded, score: round(e.profiles.size / Math.max(1, searchers.size)) }))
      .sort((a, b) => b.score - a.score || compareIds(a.folded, b.folded));

    const visible = (t: TitleRecord | undefined): t is TitleRecord =>
      t !== undefined && this.#catalog.isVisible(t, viewer, now);
    let related = [...titleCounts.entries()]
      .map(([id, set]) => ({ t: snap.titles.get(id), n: set.size }))
      .filter((e): e is { t: TitleRecord; n: number } => visible(e.t))
      .sort((a, b) => b.n - a.n || b.t.row.popularity - a.t.row.popularity || compareIds(a.t.id, b.t.id))
      .map((e) => e.t);

    if (queries.length < limit || related.length < limit) {
      // Genre neighbours: the best match's genres and the popular titles that share them.
      const results = await this.query({ q: raw, record: false, limit: 5 }, { ...viewer, profileId: null });
      const top = results.items[0] ? snap.titles.get(results.items[0].title.id) : undefined;
      const taken = new Set(queries.map((x) => x.folded));
      taken.add(q.phrase);
      if (top) {
        const neighbours = snap.ordered.filter(
          (t) => t.id !== top.id && visible(t) && t.genres.some((g) => top.genres.some((h) => h.slug === g.slug)),
        );
        const fill: { query: string; folded: string; score: number }[] = [];
        for (const g of top.genres) fill.push({ query: g.name, folded: fold(g.name), score: 0.3 });
        for (const t of neighbours.slice(0, limit)) fill.push({ query: t.row.name, folded: t.foldedName, score: 0.2 });
        for (const f of fill) {
          if (queries.length >= limit) break;
          if (taken.has(f.folded)) continue;
          taken.add(f.folded);
          queries.push(f);
        }
        if (related.length < limit) {
          const have = new Set(related.map((t) => t.id));
          const more = [top, ...neighbours].filter((t) => !have.has(t.id));
          related = [...related, ...more];
        }
      }
      if (related.length < limit) {
        const have = new Set(related.map((t) => t.id));
        for (const item of results.items) {
          const t = snap.titles.get(item.title.id);
          if (t && !have.has(t.id)) related.push(t);
        }
      }
    }

    return {
      query: raw,
      queries: queries.slice(0, limit).map(({ query, score }) => ({ query, score })),
      titles: await this.#catalog.summaries(snap, related.slice(0, limit), viewer),
    };
  }
}

/**
 * A word similarity counts only for queries long enough to carry meaning, and from the threshold
 * the database used to find the row (`<%`).
 */
function wordSim(value: unknown, tokens: string[]): number {
  const n = Number(value) || 0;
  return tokens.join(' ').length >= 4 && n >= FUZZY_WORD_SIMILARITY ? n : 0;
}

/** The best reason a title matches, with its score; null when nothing matches. */
function bestMatch(
  t: TitleRecord,
  q: { phrase: string; tokens: string[] },
  row: TitleMatchRow | undefined,
  peopleById: Map<string, PeopleMatch>,
  /** The title's folded characters, genres, tags, studios and networks: none can match unless it has the first word. */
  fields: string,
): Match | null {
  const matches: Match[] = [];
  const inFields = fields.includes(q.tokens[0] ?? '');
  const exact = (field: Match['field'], text: string | null, weight: number) => {
    if (!text) return false;
    const m = matchExact(text, q);
    if (!m) return false;
    matches.push({ field, text, highlights: m.highlights, fuzzy: false, score: EXACT_SCORE[m.kind] * weight });
    return true;
  };
  exact('name', t.row.name, 1);
  exact('original_name', t.row.originalName, 0.95);
  if (row && row.nameSim >= FUZZY_SIMILARITY) {
    matches.push({
      field: 'name',
      text: t.row.name,
      highlights: fuzzyHighlights(t.row.name, q.tokens),
      fuzzy: true,
      score: 50 * row.nameSim,
    });
  }
  if (row && t.row.originalName && row.origSim >= FUZZY_SIMILARITY) {
    matches.push({
      field: 'original_name',
      text: t.row.originalName,
      highlights: fuzzyHighlights(t.row.originalName, q.tokens),
      fuzzy: true,
      score: 45 * row.origSim,
    });
  }
  for (const c of t.credits) {
    const pm = peopleById.get(c.personId);
    if (pm) {
      const billing =
        c.role === 'cast' ? (c.position < 3 ? 1 : 0.85) : c.role === 'director' || c.role === 'creator' ? 1 : 0.8;
      matches.push(
        pm.exact
          ? { field: 'person', text: pm.p.name, highlights: pm.exact.highlights, fuzzy: false, score: 55 * billing }
          : {
              field: 'person',
              text: pm.p.name,
              highlights: fuzzyHighlights(pm.p.name, q.tokens),
              fuzzy: true,
              score: 40 * pm.sim * billing,
            },
      );
    }
    if (c.character && inFields) exact('character', c.character, 0.6);
  }
  if (inFields) {
    for (const g of t.genres) exact('genre', g.name, 0.45);
    for (const tag of t.row.tags) exact('tag', tag, 0.4);
    for (const s of t.row.studios) exact('studio', s, 0.4);
    for (const n of t.row.networks) exact('network', n, 0.4);
  }
  if (row?.fts) {
    // Full-text matched (stemmed, prefix on the last word). When the words are in the synopsis or
    // tagline, that is the match; otherwise it matched a stem of another spelling: a weak, fuzzy hit.
    const where = snippet(t.row.synopsis, q.tokens) ?? (t.row.tagline ? snippet(t.row.tagline, q.tokens) : null);
    const rank = 25 * Math.min(1, row.rank * 5);
    matches.push(
      where
        ? { field: 'synopsis', text: where.text, highlights: where.highlights, fuzzy: false, score: 15 + rank }
        : {
            field: 'synopsis',
            text: t.row.synopsis.slice(0, 160) || t.row.name,
            highlights: [],
            fuzzy: true,
            score: 5 + rank / 5,
          },
    );
  }
  if (!matches.length) return null;
  matches.sort((a, b) => b.score - a.score || Number(a.fuzzy) - Number(b.fuzzy));
  const best = matches[0] as Match;
  // A title that matched exactly somewhere is not a fuzzy hit, whatever scored best.
  const anyExact = matches.some((m) => !m.fuzzy);
  const chosen = best.fuzzy && anyExact ? (matches.find((m) => !m.fuzzy) as Match) : best;
  const extra = Math.min(10, 2 * (new Set(matches.map((m) => m.field)).size - 1));
  return { ...chosen, score: Math.max(best.score, chosen.score) + extra };
}

function sortHits(hits: Hit[], sort: SearchSort): Hit[] {
  if (sort === 'relevance') return hits;
  const key = (h: Hit): number | string | null => {
    switch (sort) {
      case 'popularity':
        return h.t.row.popularity;
      case 'release_date':
        return h.t.releaseTime;
      case 'rating':
        return h.t.row.ratingAverage;
      case 'title':
        return h.t.foldedName;
    }
  };
  const dir = sort === 'title' ? 1 : -1;
  return [...hits].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return ka < kb ? -dir : dir;
    }
    return b.score - a.score || compareIds(a.t.id, b.t.id);
  });
}

function facetsOf(hits: Hit[]) {
  const types = new Map<string, number>();
  const genres = new Map<string, { name: string; count: number }>();
  const decades = new Map<number, number>();
  for (const h of hits) {
    types.set(h.t.row.type, (types.get(h.t.row.type) ?? 0) + 1);
    for (const g of h.t.genres) genres.set(g.slug, { name: g.name, count: (genres.get(g.slug)?.count ?? 0) + 1 });
    if (h.t.row.year !== null) {
      const d = Math.floor(h.t.row.year / 10) * 10;
      decades.set(d, (decades.get(d) ?? 0) + 1);
    }
  }
  return {
    types: [...types]
      .map(([value, count]) => ({ value: value as 'film' | 'series' | 'anime', count }))
      .sort((a, b) => b.count - a.count || compareIds(a.value, b.value)),
    genres: [...genres]
      .map(([slug, g]) => ({ slug, name: g.name, count: g.count }))
      .sort((a, b) => b.count - a.count || compareIds(a.slug, b.slug)),
    decades: [...decades].map(([decade, count]) => ({ decade, count })).sort((a, b) => b.decade - a.decade),
  };
}

/** The filters of a search as query parameters, for its history entry. */
export function filtersOf(query: SearchQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}
