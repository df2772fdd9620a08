// The in-memory copy of the published catalog that the catalog, home and search services answer
// from: read from the database in one go, then served without touching it.
import type {
  Artwork,
  Certification,
  Collection,
  GenreRef,
  Rail,
  Season,
  Title as TitleDetail,
  TitleSummary,
} from '@reel/contracts';
import { and, asc, count, desc, getTableColumns, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { collectionArtwork, personPhoto, titleArtwork } from '../artwork/urls.js';
import type { Db } from '../db/client.js';
import {
  availability,
  certifications,
  collectionItems,
  collections,
  credits,
  episodes,
  genres,
  people,
  ratingMeanings,
  scheduleItems,
  seasons,
  titleGenres,
  titleRelations,
  titles,
  titleViews,
} from '../db/schema/index.js';
import type { TitleFeatures } from './recommender.js';
import { fold } from './text.js';
import { dayWeight, scoresByRegion } from './trending.js';

export type TitleRow = Omit<typeof titles.$inferSelect, 'searchDocument'>;
export type CreditRole = 'cast' | 'director' | 'writer' | 'producer' | 'creator' | 'composer';
export type Relation = 'sequel' | 'prequel' | 'spin_off' | 'remake' | 'same_universe';

export interface CreditRecord {
  personId: string;
  role: CreditRole;
  character: string | null;
  position: number;
}

export interface AvailabilityRecord {
  region: string;
  from: number | null;
  until: number | null;
}

/** A published title with everything the catalog answers need, precomputed. */
export interface TitleRecord {
  row: TitleRow;
  id: string;
  genres: GenreRef[];
  /** The title's genres and their ancestors (a filter on `action` matches `martial-arts`). */
  genreSet: Set<string>;
  certifications: Map<string, Certification>;
  availability: AvailabilityRecord[];
  seasons: Season[];
  episodeCount: number;
  credits: CreditRecord[];
  artwork: Artwork;
  publishAt: number | null;
  addedAt: number;
  /** Release date (or 1 January of the year) in ms; null when unknown. */
  releaseTime: number | null;
  /** Original and audio languages. */
  languages: Set<string>;
  foldedName: string;
  foldedStudios: string[];
  foldedNetworks: string[];
  /** The next premiere or new season on the schedule, in ms. */
  nextRelease: number | null;
}

export interface PersonRecord {
  id: string;
  name: string;
  biography: string;
  birthDate: string | null;
  birthPlace: string | null;
  knownFor: string;
  photo: string;
  credits: { titleId: string; role: CreditRole; character: string | null; position: number }[];
}

export interface GenreRecord {
  slug: string;
  name: string;
  description: string;
  parent: string | null;
  position: number;
}

export interface CollectionRecord {
  slug: string;
  name: string;
  description: string;
  position: number;
  featured: boolean;
  artwork: Artwork | null;
  titleIds: string[];
}

/** The catalog as loaded at one moment. Memoised answers live on it and die with it. */
export interface CatalogSnapshot {
  loadedAt: number;
  /** When ratings and popularity, and the view statistics, were last read (light refreshes). */
  ratingsAt: number;
  viewsAt: number;
  titles: Map<string, TitleRecord>;
  /** Titles in a stable order (popularity desc, id). */
  ordered: TitleRecord[];
  people: Map<string, PersonRecord>;
  genres: Map<string, GenreRecord>;
  genreList: GenreRecord[];
  collections: Map<string, CollectionRecord>;
  collectionList: CollectionRecord[];
  relations: { titleId: string; relatedId: string; relation: Relation }[];
  /** Views of each region's latest day, most viewed first. */
  latestViews: Map<string, { day: string; rows: [string, number][] }>;
  /** Trending scores per region (recent days weigh more), and over all regions (`*`). */
  trending: Map<string, Map<string, number>>;
  maxPopularity: number;
  /** Memoised per region (anonymous forms; personal fields are added per request). */
  memo: {
    summaries: Map<string, Map<string, TitleSummary>>;
    details: Map<string, Map<string, TitleDetail>>;
    top10: Map<string, Map<string, number>>;
    collections: Map<string, Collection>;
    episodes: Map<string, Promise<EpisodeRecord[]>>;
    arcs: Map<string, Promise<ArcRecord[]>>;
    features: Map<string, TitleFeatures>;
    /** Home rails for viewers without a profile, per region and rail size. */
    rails: Map<string, { rails: Rail[]; hero: TitleSummary | null }>;
  };
}

/** An episode as the catalog serves it (loaded per title on first use). */
export interface EpisodeRecord {
  id: string;
  titleId: string;
  seasonNumber: number;
  number: number;
  name: string;
  synopsis: string;
  runtimeSeconds: number;
  airDate: string | null;
  filler: 'canon' | 'mixed' | 'filler' | null;
  arcId: string | null;
  markers: ('intro' | 'recap' | 'credits' | 'preview')[];
}

export interface ArcRecord {
  id: string;
  titleId: string;
  name: string;
  synopsis: string;
  position: number;
}

const DAY = 86_400_000;

function dateMs(value: string | null): number | null {
  if (!value) return null;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(t) ? null : t;
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

interface LanguageEntry {
  language?: unknown;
}

/** Reads the published catalog (drafts are never loaded). */
export async function loadSnapshot(db: Db, now: number): Promise<CatalogSnapshot> {
  const { searchDocument: _document, ...titleColumns } = getTableColumns(titles);
  const titleRows = await db
    .select(titleColumns)
    .from(titles)
    .where(inArray(titles.publishState, ['published', 'scheduled']))
    .orderBy(desc(titles.popularity), asc(titles.id));
  const genreRows = await db.select().from(genres).orderBy(asc(genres.position), asc(genres.slug));
  const titleGenreRows = await db
    .select()
    .from(titleGenres)
    .orderBy(asc(titleGenres.titleId), asc(titleGenres.position));
  const certRows = await db.select().from(certifications);
  const meaningRows = await db.select().from(ratingMeanings);
  const availabilityRows = await db.select().from(availability);
  const seasonRows = await db.select().from(seasons).orderBy(asc(seasons.titleId), asc(seasons.number));
  const episodeCounts = await db
    .select({ titleId: episodes.titleId, season: episodes.seasonNumber, n: count() })
    .from(episodes)
    .groupBy(episodes.titleId, episodes.seasonNumber);
  const peopleRows = await db
    .select({
      id: people.id,
      name: people.name,
      biography: people.biography,
      birthDate: people.birthDate,
      birthPlace: people.birthPlace,
      knownFor: people.knownFor,
    })
    .from(people);
  const creditRows = await db.select().from(credits).orderBy(asc(credits.titleId), asc(credits.position));
  const relationRows = await db.select().from(titleRelations);
  const collectionRows = await db.select().from(collections).orderBy(asc(collections.position), asc(collections.slug));
  const itemRows = await db
    .select()
    .from(collectionItems)
    .orderBy(asc(collectionItems.slug), asc(collectionItems.position));
  const upcoming = await db
    .select({ titleId: scheduleItems.titleId, releaseAt: scheduleItems.releaseAt })
    .from(scheduleItems)
    .where(and(inArray(scheduleItems.kind, ['premiere', 'new_season']), gt(scheduleItems.releaseAt, new Date(now))))
    .orderBy(asc(scheduleItems.releaseAt));
  const views = await loadViews(db);

  const genreMap = new Map<string, GenreRecord>();
  for (const g of genreRows) genreMap.set(g.slug, { ...g });
  const ancestors = (slug: string): string[] => {
    const out: string[] = [];
    let cur = genreMap.get(slug)?.parent ?? null;
    while (cur && !out.includes(cur) && out.length < 8) {
      out.push(cur);
      cur = genreMap.get(cur)?.parent ?? null;
    }
    return out;
  };

  const meanings = new Map(meaningRows.map((m) => [`${m.region}|${m.rating}`, m]));
  const group = <T extends { titleId: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const r of rows) {
      const list = out.get(r.titleId);
      if (list) list.push(r);
      else out.set(r.titleId, [r]);
    }
    return out;
  };
  const genresBy = group(titleGenreRows);
  const certsBy = group(certRows);
  const availBy = group(availabilityRows);
  const seasonsBy = group(seasonRows);
  const creditsBy = group(creditRows);
  const counts = new Map(episodeCounts.map((c) => [`${c.titleId}|${c.season}`, Number(c.n)]));
  const nextRelease = new Map<string, number>();
  for (const u of upcoming) if (!nextRelease.has(u.titleId)) nextRelease.set(u.titleId, u.releaseAt.getTime());

  const titleMap = new Map<string, TitleRecord>();
  const ordered: TitleRecord[] = [];
  let maxPopularity = 0;
  for (const row of titleRows) {
    const tg = genresBy.get(row.id) ?? [];
    const genreRefs: GenreRef[] = [];
    const genreSet = new Set<string>();
    for (const g of tg) {
      const genre = genreMap.get(g.genre);
      if (!genre) continue;
      genreRefs.push({ slug: genre.slug, name: genre.name });
      genreSet.add(genre.slug);
      for (const a of ancestors(genre.slug)) genreSet.add(a);
    }
    const certMap = new Map<string, Certification>();
    for (const c of certsBy.get(row.id) ?? []) {
      const m = meanings.get(`${c.region}|${c.rating}`);
      certMap.set(c.region, {
        region: c.region,
        system: c.system,
        rating: c.rating,
        meaning: m?.meaning ?? `Rated ${c.rating} (${c.system})`,
        min_age: m?.minAge ?? 0,
      });
    }
    const titleSeasons: Season[] = (seasonsBy.get(row.id) ?? []).map((s) => ({
      number: s.number,
      name: s.name,
      year: s.year,
      episode_count: counts.get(`${row.id}|${s.number}`) ?? 0,
      bundle_id: s.bundleId,
    }));
    const languages = new Set<string>([row.originalLanguage.toLowerCase()]);
    for (const a of Array.isArray(row.audioLanguages) ? (row.audioLanguages as LanguageEntry[]) : []) {
      if (typeof a?.language === 'string') languages.add(a.language.toLowerCase());
    }
    const releaseTime = dateMs(row.releaseDate) ?? (row.year ? Date.UTC(row.year, 0, 1) : null);
    const record: TitleRecord = {
      row,
      id: row.id,
      genres: genreRefs,
      genreSet,
      certifications: certMap,
      availability: (availBy.get(row.id) ?? []).map((a) => ({
        region: a.region,
        from: a.availableFrom?.getTime() ?? null,
        until: a.availableUntil?.getTime() ?? null,
      })),
      seasons: titleSeasons,
      episodeCount: titleSeasons.reduce((n, s) => n + s.episode_count, 0),
      credits: (creditsBy.get(row.id) ?? []).map((c) => ({
        personId: c.personId,
        role: c.role,
        character: c.character,
        position: c.position,
      })),
      artwork: titleArtwork(row.id, row.artworkSeed, row.artworkColor),
      publishAt: row.publishAt?.getTime() ?? null,
      addedAt: row.addedAt.getTime(),
      releaseTime,
      languages,
      foldedName: fold(row.name),
      foldedStudios: row.studios.map(fold),
      foldedNetworks: row.networks.map(fold),
      nextRelease: nextRelease.get(row.id) ?? null,
    };
    titleMap.set(row.id, record);
    ordered.push(record);
    if (row.popularity > maxPopularity) maxPopularity = row.popularity;
  }

  const peopleMap = new Map<string, PersonRecord>();
  for (const p of peopleRows) peopleMap.set(p.id, { ...p, photo: personPhoto(p.id), credits: [] });
  for (const c of creditRows) {
    if (!titleMap.has(c.titleId)) continue;
    peopleMap
      .get(c.personId)
      ?.credits.push({ titleId: c.titleId, role: c.role, character: c.character, position: c.position });
  }

  const itemsBy = new Map<string, string[]>();
  for (const i of itemRows) {
    const list = itemsBy.get(i.slug) ?? [];
    list.push(i.titleId);
    itemsBy.set(i.slug, list);
  }
  const collectionList: CollectionRecord[] = collectionRows.map((c) => ({
    slug: c.slug,
    name: c.name,
    description: c.description,
    position: c.position,
    featured: c.featured,
    artwork: collectionArtwork(c.slug, c.artworkColor),
    titleIds: itemsBy.get(c.slug) ?? [],
  }));

  return {
    loadedAt: now,
    ratingsAt: now,
    viewsAt: now,
    titles: titleMap,
    ordered,
    people: peopleMap,
    genres: genreMap,
    genreList: [...genreMap.values()],
    collections: new Map(collectionList.map((c) => [c.slug, c])),
    collectionList,
    relations: relationRows.filter((r) => titleMap.has(r.titleId) && titleMap.has(r.relatedId)),
    latestViews: views.latest,
    trending: views.trending,
    maxPopularity,
    memo: {
      summaries: new Map(),
      details: new Map(),
      top10: new Map(),
      collections: new Map(),
      episodes: new Map(),
      arcs: new Map(),
      features: new Map(),
      rails: new Map(),
    },
  };
}

/** Trending scores and each region's latest day of views, aggregated by the database. */
export interface ViewStats {
  latest: CatalogSnapshot['latestViews'];
  trending: CatalogSnapshot['trending'];
}

/**
 * The last week of daily views before the latest day on record, weighted by age (see
 * `dayWeight`) and summed per title and region in the database, and each region's latest day.
 */
export async function loadViews(db: Db): Promise<ViewStats> {
  const [last] = await db.select({ day: sql<string | null>`max(${titleViews.day})::text` }).from(titleViews);
  const latest: CatalogSnapshot['latestViews'] = new Map();
  if (!last?.day) return { latest, trending: new Map() };
  const anchor = String(last.day).slice(0, 10);
  const weight = sql.raw(
    `case (date '${anchor}' - day) ${[0, 1, 2, 3, 4, 5, 6].map((age) => `when ${age} then ${dayWeight(age)}`).join(' ')} else 0 end`,
  );
  const scored = await db
    .select({
      titleId: titleViews.titleId,
      region: titleViews.region,
      score: sql<number>`sum(${titleViews.views} * ${weight})::float8`,
    })
    .from(titleViews)
    .where(and(gte(titleViews.day, shiftDay(anchor, -6)), lte(titleViews.day, anchor)))
    .groupBy(titleViews.titleId, titleViews.region);
  const latestRows = await db.execute<{ title_id: string; region: string; day: string; views: number }>(sql`
    select tv.title_id, tv.region, tv.day::text as day, tv.views
    from title_views tv
    join (select region, max(day) as day from title_views group by region) m on m.region = tv.region and m.day = tv.day`);
  for (const r of latestRows.rows) {
    let entry = latest.get(r.region);
    if (!entry) {
      entry = { day: String(r.day).slice(0, 10), rows: [] };
      latest.set(r.region, entry);
    }
    entry.rows.push([r.title_id, Number(r.views)]);
  }
  for (const entry of latest.values()) {
    entry.rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return { latest, trending: scoresByRegion(scored.map((r) => ({ ...r, score: Number(r.score) }))) };
}

/** The fields of titles that change without a catalog write (reviews, views): read again periodically. */
export async function loadRatings(db: Db) {
  return db
    .select({
      id: titles.id,
      ratingAverage: titles.ratingAverage,
      ratingCount: titles.ratingCount,
      popularity: titles.popularity,
    })
    .from(titles)
    .where(inArray(titles.publishState, ['published', 'scheduled']));
}
