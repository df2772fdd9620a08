// The catalog as the viewer sees it: title summaries and details, browse with filters and sorts,
// seasons and episodes, people, genres, collections, trending and top 10, anime extras. Answers
// come from an in-memory snapshot of the published catalog (see catalog-snapshot.ts), so an
// anonymous request never touches the database; personal fields (progress, in_watchlist) cost one
// query each.
import type { Arc, Collection, Credit, Episode, Genre, Person, Progress, Title, TitleSummary } from '@reel/contracts';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { episodeStill, genreArtwork } from '../artwork/urls.js';
import type { Db } from '../db/client.js';
import { arcs, episodes, markers, progress, watchlistItems } from '../db/schema/index.js';
import { decodeCursor, encodeCursor, pageOf } from '../http/cursor.js';
import { badRequest, notFound } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import {
  type ArcRecord,
  type CatalogSnapshot,
  type EpisodeRecord,
  loadRatings,
  loadSnapshot,
  loadViews,
  type Relation,
  type TitleRecord,
} from './catalog-snapshot.js';
import { creditWeight, similarTitles, type TitleFeatures, type WatchedTitle } from './recommender.js';
import { fold } from './text.js';
import { topTen, trendingOrder } from './trending.js';
import { type Viewer, viewerOf } from './viewer.js';

export type { CatalogSnapshot, TitleRecord } from './catalog-snapshot.js';
export type { Viewer } from './viewer.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The catalog service: the published catalog, cached in memory; call `invalidate()` after writes. */
    catalog: CatalogService;
  }
}

const DAY = 86_400_000;
/** A title added this recently is "new". */
export const NEW_WINDOW_MS = 7 * DAY;
export const DEFAULT_PAGE = 20;

/** The filters browse and search share (the contract's `CatalogFilters`). */
export interface CatalogFilterQuery {
  genre?: string | undefined;
  genre_mode?: 'and' | 'or' | undefined;
  year_from?: number | undefined;
  year_to?: number | undefined;
  rating_min?: number | undefined;
  certification?: string | undefined;
  language?: string | undefined;
  studio?: string | undefined;
  network?: string | undefined;
  type?: 'film' | 'series' | 'anime' | undefined;
}

export type BrowseSort = 'popularity' | 'release_date' | 'rating' | 'title' | 'added';
type Key = string | number | null;

interface ParsedFilters {
  genres: string[] | null;
  mode: 'and' | 'or';
  yearFrom: number | null;
  yearTo: number | null;
  ratingMin: number | null;
  certifications: Set<string> | null;
  languages: string[] | null;
  studios: string[] | null;
  networks: string[] | null;
  type: 'film' | 'series' | 'anime' | null;
}

const list = (value: string | undefined, map: (s: string) => string) => {
  if (value === undefined) return null;
  const items = value
    .split(',')
    .map((s) => map(s.trim()))
    .filter(Boolean);
  return items.length ? items : null;
};

/** Reads the shared catalog filters; a year range the wrong way round is a 400. */
export function parseFilters(q: CatalogFilterQuery): ParsedFilters {
  if (q.year_from !== undefined && q.year_to !== undefined && q.year_from > q.year_to) {
    throw badRequest('query.year_to: must not be before year_from', [
      { field: 'query.year_to', message: 'must not be before year_from' },
    ]);
  }
  const certs = list(q.certification, (s) => s.toUpperCase());
  return {
    genres: list(q.genre, (s) => s.toLowerCase()),
    mode: q.genre_mode ?? 'or',
    yearFrom: q.year_from ?? null,
    yearTo: q.year_to ?? null,
    ratingMin: q.rating_min ?? null,
    certifications: certs ? new Set(certs) : null,
    languages: list(q.language, (s) => s.toLowerCase()),
    studios: list(q.studio, fold),
    networks: list(q.network, fold),
    type: q.type ?? null,
  };
}

/** Whether a title passes the filters (certifications are read in the viewer's region). */
export function matchesFilters(t: TitleRecord, f: ParsedFilters, region: string): boolean {
  const row = t.row;
  if (f.type && row.type !== f.type) return false;
  if (f.genres) {
    if (f.mode === 'and' ? !f.genres.every((g) => t.genreSet.has(g)) : !f.genres.some((g) => t.genreSet.has(g)))
      return false;
  }
  if (f.yearFrom !== null && (row.year === null || row.year < f.yearFrom)) return false;
  if (f.yearTo !== null && (row.year === null || row.year > f.yearTo)) return false;
  if (f.ratingMin !== null && (row.ratingAverage === null || row.ratingAverage < f.ratingMin)) return false;
  if (f.certifications) {
    const cert = t.certifications.get(region);
    if (!cert || !f.certifications.has(cert.rating.toUpperCase())) return false;
  }
  if (f.languages) {
    const ok = f.languages.some((l) => {
      if (t.languages.has(l)) return true;
      if (l.includes('-')) return false;
      for (const have of t.languages) if (have.split('-')[0] === l) return true;
      return false;
    });
    if (!ok) return false;
  }
  if (f.studios && !f.studios.some((s) => t.foldedStudios.includes(s))) return false;
  if (f.networks && !f.networks.some((s) => t.foldedNetworks.includes(s))) return false;
  return true;
}

/** The sort key of a title, and the default direction of each sort. */
export function sortKey(t: TitleRecord, sort: BrowseSort): Key {
  switch (sort) {
    case 'popularity':
      return t.row.popularity;
    case 'release_date':
      return t.releaseTime;
    case 'rating':
      return t.row.ratingAverage === null ? null : Math.round(t.row.ratingAverage * 1000) / 1000;
    case 'title':
      return t.foldedName;
    case 'added':
      return t.addedAt;
  }
}

export const defaultOrder = (sort: BrowseSort): 'asc' | 'desc' => (sort === 'title' ? 'asc' : 'desc');

function compareKeys(a: Key, b: Key, dir: 1 | -1): number {
  if (a === b) return 0;
  // Unknown values sort last whatever the direction.
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a !== typeof b) return String(a) < String(b) ? -dir : dir;
  return a < b ? -dir : dir;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts by a key (nulls last, ties by id) and returns the page after the cursor. The cursor holds
 * the last item's key and id, so pages never repeat or skip an item even when the list changes.
 */
export function keyedPage<T>(
  items: readonly T[],
  key: (item: T) => Key,
  idOf: (item: T) => string,
  order: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): { items: T[]; next_cursor: string | null } {
  const dir = order === 'asc' ? 1 : -1;
  const decorated = items.map((item) => ({ item, k: key(item), id: idOf(item) }));
  decorated.sort((a, b) => compareKeys(a.k, b.k, dir) || compareIds(a.id, b.id));
  const position = decodeCursor(cursor);
  let start = 0;
  if (position) {
    const k = (position.k[0] ?? null) as Key;
    start = decorated.findIndex((d) => (compareKeys(d.k, k, dir) || compareIds(d.id, position.id)) > 0);
    if (start < 0) start = decorated.length;
  }
  const slice = decorated.slice(start, start + limit);
  const last = slice[slice.length - 1];
  return {
    items: slice.map((d) => d.item),
    next_cursor: last && start + limit < decorated.length ? encodeCursor({ k: [last.k], id: last.id }) : null,
  };
}

/** The most recent progress row of a title, as the contract's `Progress`. */
export function progressOf(row: {
  episodeId: string;
  position: number;
  duration: number;
  completed: boolean;
  updatedAt: Date;
}): Progress {
  const duration = Math.max(0, row.duration);
  const position = Math.max(0, Math.min(row.position, duration || row.position));
  const fraction = row.completed ? 1 : duration > 0 ? Math.min(1, position / duration) : 0;
  return {
    position,
    duration,
    fraction: Math.round(fraction * 10_000) / 10_000,
    completed: row.completed,
    ...(row.episodeId ? { episode_id: row.episodeId } : {}),
    updated_at: row.updatedAt.toISOString(),
  };
}

const RELATION_INVERSE: Record<Relation, Relation> = {
  sequel: 'prequel',
  prequel: 'sequel',
  spin_off: 'same_universe',
  remake: 'remake',
  same_universe: 'same_universe',
};
const RELATION_ORDER: Relation[] = ['prequel', 'sequel', 'spin_off', 'remake', 'same_universe'];
const CREW_ORDER = ['director', 'creator', 'writer', 'producer', 'composer'];
const MARKER_ORDER = ['intro', 'recap', 'credits', 'preview'] as const;

export interface CatalogServiceOptions {
  /**
   * How often ratings and popularity (kept by reviews and playback, which do not invalidate the
   * catalog) are read again, in the background; the snapshot keeps answering meanwhile. 0: never.
   */
  refreshMs?: number;
  /** How often trending and top 10 view statistics are read again (daily counts). 0: never. */
  viewsRefreshMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

/**
 * The published catalog, held in memory and answered from there. Load is lazy (first request);
 * `invalidate()` drops it so the next request reads the database again — admin writes call it.
 * Ratings, popularity and view statistics, which change without catalog writes, are refreshed
 * in the background with small queries (on PGlite a query blocks the event loop while it runs).
 *
 * @example
 * const viewer = await app.catalog.viewer(principal);
 * const title = await app.catalog.get('ttl_123', viewer);
 */
export class CatalogService {
  readonly #db: Db;
  readonly #refreshMs: number;
  readonly #viewsRefreshMs: number;
  readonly now: () => number;
  #snapshot: CatalogSnapshot | null = null;
  #loading: Promise<CatalogSnapshot> | null = null;
  #refreshing: Promise<void> | null = null;
  #generation = 0;

  constructor(db: Db, options: CatalogServiceOptions = {}) {
    this.#db = db;
    this.#refreshMs = options.refreshMs ?? 60_000;
    this.#viewsRefreshMs = options.viewsRefreshMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Forgets the cached catalog: the next request loads it again. Call after every catalog write. */
  invalidate(): void {
    this.#generation++;
    this.#snapshot = null;
    this.#loading = null;
  }

  /** A title's new rating (the reviews service recounted it), seen at once rather than at the next refresh. */
  setRating(id: string, average: number | null, count: number): void {
    const t = this.#snapshot?.titles.get(id);
    if (!t || (t.row.ratingAverage === average && t.row.ratingCount === count)) return;
    t.row.ratingAverage = average;
    t.row.ratingCount = count;
    // The memoised card and detail forms carry the rating (rails ordered by rating are left to the next refresh).
    for (const byRegion of [...this.#snapshot!.memo.summaries.values(), ...this.#snapshot!.memo.details.values()])
      byRegion.delete(id);
  }

  /** The current snapshot (loading it when there is none). */
  async snapshot(): Promise<CatalogSnapshot> {
    const snap = this.#snapshot;
    if (!snap) return this.#load();
    if (!this.#refreshing) {
      const now = this.now();
      const ratings = this.#refreshMs > 0 && now - snap.ratingsAt > this.#refreshMs;
      const views = this.#viewsRefreshMs > 0 && now - snap.viewsAt > this.#viewsRefreshMs;
      if (ratings || views) {
        // Stamp first, so a failing refresh waits for the next interval instead of retrying at once.
        if (ratings) snap.ratingsAt = now;
        if (views) snap.viewsAt = now;
        this.#refreshing = this.#refresh(snap, ratings, views)
          .catch(() => {
            // Keep serving what we have.
          })
          .finally(() => {
            this.#refreshing = null;
          });
      }
    }
    return snap;
  }

  /** Waits for a background refresh in progress (tests). */
  async settled(): Promise<void> {
    await this.#refreshing;
  }

  async #refresh(snap: CatalogSnapshot, ratings: boolean, views: boolean): Promise<void> {
    const rows = ratings ? await loadRatings(this.#db) : null;
    const stats = views ? await loadViews(this.#db) : null;
    if (this.#snapshot !== snap) return;
    let changed = false;
    for (const r of rows ?? []) {
      const t = snap.titles.get(r.id);
      if (!t) continue;
      if (
        t.row.ratingAverage !== r.ratingAverage ||
        t.row.ratingCount !== r.ratingCount ||
        t.row.popularity !== r.popularity
      ) {
        t.row.ratingAverage = r.ratingAverage;
        t.row.ratingCount = r.ratingCount;
        t.row.popularity = r.popularity;
        changed = true;
      }
    }
    if (changed) {
      snap.ordered.sort((a, b) => b.row.popularity - a.row.popularity || compareIds(a.id, b.id));
      snap.maxPopularity = snap.ordered.reduce((m, t) => Math.max(m, t.row.popularity), 0);
    }
    if (stats) {
      snap.latestViews = stats.latest;
      snap.trending = stats.trending;
      changed = true;
    }
    if (changed) {
      const memo = snap.memo;
      for (const m of [memo.summaries, memo.details, memo.top10, memo.collections, memo.features, memo.rails])
        m.clear();
    }
  }

  #load(): Promise<CatalogSnapshot> {
    if (this.#loading) return this.#loading;
    const generation = this.#generation;
    const loading = loadSnapshot(this.#db, this.now())
      .then((snap) => {
        if (generation === this.#generation) this.#snapshot = snap;
        return snap;
      })
      .finally(() => {
        if (this.#loading === loading) this.#loading = null;
      });
    this.#loading = loading;
    return loading;
  }

  /** Who is asking: region (`?region=`, the account's, or US), maturity ceiling, profile. */
  viewer(
    principal: Principal | null,
    options: { region?: string | undefined; profileId?: string | null } = {},
  ): Promise<Viewer> {
    return viewerOf(this.#db, principal, options);
  }

  // ---------------------------------------------------------------------------------------------
  // Rules

  /** Published, and its publication time passed. */
  isPublished(t: TitleRecord, now = this.now()): boolean {
    if (t.row.publishState === 'published') return t.publishAt === null || t.publishAt <= now;
    return t.row.publishState === 'scheduled' && t.publishAt !== null && t.publishAt <= now;
  }

  /** The viewer may see the title at all: published and within the profile's maturity ceiling. */
  isVisible(t: TitleRecord, viewer: Viewer, now = this.now()): boolean {
    return t.row.maturityLevel <= viewer.maturityCeiling && this.isPublished(t, now);
  }

  /** Watchable in the region now. */
  isAvailable(t: TitleRecord, region: string, now = this.now()): boolean {
    return t.availability.some(
      (a) => a.region === region && (a.from === null || a.from <= now) && (a.until === null || a.until > now),
    );
  }

  /** Offered in the region now or later (region-locked elsewhere titles are not): what rails show. */
  isOffered(t: TitleRecord, region: string, now = this.now()): boolean {
    return t.availability.some((a) => a.region === region && (a.until === null || a.until > now));
  }

  /** Not out yet: upcoming, released in the future, or arriving in the region later. */
  isComingSoon(t: TitleRecord, region: string, now = this.now()): boolean {
    if (t.row.status === 'upcoming') return true;
    if (t.releaseTime !== null && t.releaseTime > now) return true;
    const here = t.availability.filter((a) => a.region === region);
    return here.length > 0 && !this.isAvailable(t, region, now) && here.some((a) => a.from !== null && a.from > now);
  }

  /** Visible titles, in the snapshot's order (popularity). */
  visibleTitles(snap: CatalogSnapshot, viewer: Viewer, now = this.now()): TitleRecord[] {
    return snap.ordered.filter((t) => this.isVisible(t, viewer, now));
  }

  /** A visible title, or 404. */
  async visibleTitle(id: string, viewer: Viewer): Promise<{ snap: CatalogSnapshot; title: TitleRecord }> {
    const snap = await this.snapshot();
    const title = snap.titles.get(id);
    if (!title || !this.isVisible(title, viewer)) throw notFound('That title');
    return { snap, title };
  }

  // ---------------------------------------------------------------------------------------------
  // Shapes

  /** Top 10 ranks of a region (all titles published and offered there; maturity is not applied). */
  top10Ranks(snap: CatalogSnapshot, region: string): Map<string, number> {
    let ranks = snap.memo.top10.get(region);
    if (!ranks) {
      const now = this.now();
      const eligible = snap.ordered
        .filter((t) => this.isPublished(t, now) && this.isOffered(t, region, now))
        .map((t) => ({ id: t.id, popularity: t.row.popularity }));
      ranks = new Map(topTen(eligible, snap.latestViews.get(region)?.rows).map((t, i) => [t.id, i + 1]));
      snap.memo.top10.set(region, ranks);
    }
    return ranks;
  }

  /** The card form of a title in a region, without personal fields (memoised per snapshot). */
  summaryOf(snap: CatalogSnapshot, t: TitleRecord, region: string): TitleSummary {
    let byRegion = snap.memo.summaries.get(region);
    if (!byRegion) {
      byRegion = new Map();
      snap.memo.summaries.set(region, byRegion);
    }
    const cached = byRegion.get(t.id);
    if (cached) return cached;
    const now = this.now();
    const row = t.row;
    const rank = this.top10Ranks(snap, region).get(t.id);
    const summary: TitleSummary = {
      id: t.id,
      type: row.type,
      name: row.name,
      year: row.year,
      runtime_minutes: row.runtimeMinutes,
      genres: t.genres,
      certification: t.certifications.get(region)?.rating ?? null,
      maturity_level: Math.max(0, Math.min(18, row.maturityLevel)),
      artwork: t.artwork,
      badges: {
        is_new: t.addedAt <= now && now - t.addedAt < NEW_WINDOW_MS,
        ...(rank ? { top10_rank: rank } : {}),
        sub: row.hasSub,
        dub: row.hasDub,
        simulcast: row.simulcast,
        coming_soon: this.isComingSoon(t, region, now),
      },
      rating_average: row.ratingAverage === null ? null : Math.round(row.ratingAverage * 100) / 100,
      has_preview: row.hasPreview,
    };
    byRegion.set(t.id, summary);
    return summary;
  }

  /** The detail form of a title in a region, without personal fields (memoised per snapshot). */
  detailOf(snap: CatalogSnapshot, t: TitleRecord, region: string): Title {
    let byRegion = snap.memo.details.get(region);
    if (!byRegion) {
      byRegion = new Map();
      snap.memo.details.set(region, byRegion);
    }
    const cached = byRegion.get(t.id);
    if (cached) return cached;
    const row = t.row;
    const certs = [...t.certifications.values()].sort(
      (a, b) => Number(b.region === region) - Number(a.region === region) || compareIds(a.region, b.region),
    );
    const detail: Title = {
      ...this.summaryOf(snap, t, region),
      tagline: row.tagline,
      synopsis: row.synopsis,
      original_language: row.originalLanguage,
      audio_languages: languageList(row.audioLanguages, 'is_default'),
      subtitle_languages: languageList(row.subtitleLanguages, 'forced'),
      release_date: row.releaseDate,
      status: row.status,
      studios: row.studios,
      networks: row.networks,
      countries: row.countries.filter((c) => /^[A-Z]{2}$/.test(c)),
      certifications: certs,
      advisories: row.advisories,
      tags: row.tags,
      availability: [...t.availability]
        .sort((a, b) => compareIds(a.region, b.region))
        .map((a) => ({
          region: a.region,
          available_from: a.from === null ? null : new Date(a.from).toISOString(),
          available_until: a.until === null ? null : new Date(a.until).toISOString(),
        })),
      available: this.isAvailable(t, region),
      seasons_count: row.type === 'film' ? null : t.seasons.length,
      trailer: row.trailerSeconds === null ? null : { id: `${t.id}-trailer`, duration: row.trailerSeconds },
      review_count: row.ratingCount,
    };
    byRegion.set(t.id, detail);
    return detail;
  }

  /** Card forms of some titles for a viewer, with their progress when a profile is signed in. */
  async summaries(snap: CatalogSnapshot, records: readonly TitleRecord[], viewer: Viewer): Promise<TitleSummary[]> {
    const base = records.map((t) => this.summaryOf(snap, t, viewer.region));
    return this.personalize(base, viewer);
  }

  /**
   * Card forms of titles by id, for other services (watchlist, history, schedule …): titles the
   * viewer may not see are left out; the order of `ids` is kept.
   */
  async summariesByIds(ids: readonly string[], viewer: Viewer): Promise<TitleSummary[]> {
    const snap = await this.snapshot();
    const now = this.now();
    const records = ids
      .map((id) => snap.titles.get(id))
      .filter((t): t is TitleRecord => t !== undefined && this.isVisible(t, viewer, now));
    return this.summaries(snap, records, viewer);
  }

  /**
   * Adds the profile's progress and `in_watchlist` to card forms (one query each, unless the
   * caller already read them; nothing for anonymous viewers).
   */
  async personalize<T extends TitleSummary>(
    items: T[],
    viewer: Viewer,
    known?: Map<string, Progress>,
    knownWatchlist?: ReadonlySet<string>,
  ): Promise<T[]> {
    if (!viewer.profileId || !items.length) return items;
    const ids = items.map((i) => i.id);
    const [progressMap, listed] = await Promise.all([
      known ?? this.progressFor(viewer.profileId, ids),
      knownWatchlist ?? this.watchlistFor(viewer.profileId, ids),
    ]);
    return items.map((item) => {
      const p = progressMap.get(item.id);
      return { ...item, ...(p ? { progress: p } : {}), in_watchlist: listed.has(item.id) };
    });
  }

  /** The ids of titles on a profile's list (of some titles, or all). */
  async watchlistFor(profileId: string, titleIds?: readonly string[]): Promise<Set<string>> {
    if (titleIds && !titleIds.length) return new Set();
    const rows = await this.#db
      .select({ titleId: watchlistItems.titleId })
      .from(watchlistItems)
      .where(
        titleIds
          ? and(eq(watchlistItems.profileId, profileId), inArray(watchlistItems.titleId, [...titleIds]))
          : eq(watchlistItems.profileId, profileId),
      );
    return new Set(rows.map((r) => r.titleId));
  }

  /** The latest progress per title of a profile (of some titles, or all). */
  async progressFor(profileId: string, titleIds?: readonly string[]): Promise<Map<string, Progress>> {
    const rows = await this.progressRows(profileId, titleIds);
    const out = new Map<string, Progress>();
    for (const r of rows) if (!out.has(r.titleId)) out.set(r.titleId, progressOf(r));
    return out;
  }

  /** A profile's progress rows, newest first. */
  async progressRows(profileId: string, titleIds?: readonly string[]) {
    if (titleIds && !titleIds.length) return [];
    return this.#db
      .select({
        titleId: progress.titleId,
        episodeId: progress.episodeId,
        position: progress.position,
        duration: progress.duration,
        completed: progress.completed,
        updatedAt: progress.updatedAt,
      })
      .from(progress)
      .where(
        titleIds
          ? and(eq(progress.profileId, profileId), inArray(progress.titleId, [...titleIds]))
          : eq(progress.profileId, profileId),
      )
      .orderBy(desc(progress.updatedAt), asc(progress.titleId));
  }

  /**
   * A profile's history per title, for the recommender: engagement (how much of it was watched),
   * whether it was finished, when it was last watched.
   */
  async watchHistory(snap: CatalogSnapshot, profileId: string): Promise<WatchedTitle[]> {
    const rows = await this.progressRows(profileId);
    return aggregateHistory(snap, rows);
  }

  /** Recommender features of a title (memoised with the snapshot). */
  features(snap: CatalogSnapshot, t: TitleRecord): TitleFeatures {
    let f = snap.memo.features.get(t.id);
    if (!f) {
      f = featuresOf(t);
      snap.memo.features.set(t.id, f);
    }
    return f;
  }

  // ---------------------------------------------------------------------------------------------
  // Endpoints

  /** GET /titles/{id} */
  async get(id: string, viewer: Viewer): Promise<Title> {
    const { snap, title } = await this.visibleTitle(id, viewer);
    const detail = this.detailOf(snap, title, viewer.region);
    if (!viewer.profileId) return detail;
    const [personal] = await this.personalize([detail], viewer);
    return personal ?? detail;
  }

  /** GET /titles: filters, sort, cursor pages. */
  async browse(
    query: CatalogFilterQuery & {
      sort?: BrowseSort | undefined;
      order?: 'asc' | 'desc' | undefined;
      cursor?: string | undefined;
      limit?: number | undefined;
    },
    viewer: Viewer,
    extra?: (t: TitleRecord) => boolean,
  ): Promise<{ items: TitleSummary[]; next_cursor: string | null }> {
    const filters = parseFilters(query);
    const snap = await this.snapshot();
    const now = this.now();
    const sort = query.sort ?? 'popularity';
    const matching = snap.ordered.filter(
      (t) => this.isVisible(t, viewer, now) && matchesFilters(t, filters, viewer.region) && (!extra || extra(t)),
    );
    const page = keyedPage(
      matching,
      (t) => sortKey(t, sort),
      (t) => t.id,
      query.order ?? defaultOrder(sort),
      query.cursor,
      query.limit ?? DEFAULT_PAGE,
    );
    return { items: await this.summaries(snap, page.items, viewer), next_cursor: page.next_cursor };
  }

  /** GET /titles/{id}/seasons */
  async seasons(id: string, viewer: Viewer) {
    const { title } = await this.visibleTitle(id, viewer);
    return { items: title.seasons };
  }

  /** A title's episodes (loaded on first use, kept with the snapshot). */
  async episodeRecords(snap: CatalogSnapshot, titleId: string): Promise<EpisodeRecord[]> {
    let loading = snap.memo.episodes.get(titleId);
    if (!loading) {
      loading = this.#loadEpisodes(titleId);
      snap.memo.episodes.set(titleId, loading);
      loading.catch(() => snap.memo.episodes.delete(titleId));
    }
    return loading;
  }

  async #loadEpisodes(titleId: string): Promise<EpisodeRecord[]> {
    const rows = await this.#db
      .select({
        id: episodes.id,
        titleId: episodes.titleId,
        seasonNumber: episodes.seasonNumber,
        number: episodes.number,
        name: episodes.name,
        synopsis: episodes.synopsis,
        runtimeSeconds: episodes.runtimeSeconds,
        airDate: episodes.airDate,
        filler: episodes.filler,
        arcId: episodes.arcId,
      })
      .from(episodes)
      .where(eq(episodes.titleId, titleId))
      .orderBy(asc(episodes.seasonNumber), asc(episodes.number));
    const markerRows = await this.#db
      .select({ episodeId: markers.episodeId, kind: markers.kind })
      .from(markers)
      .where(and(eq(markers.titleId, titleId), isNotNull(markers.episodeId)));
    const kinds = new Map<string, Set<string>>();
    for (const m of markerRows) {
      if (!m.episodeId) continue;
      const set = kinds.get(m.episodeId) ?? new Set();
      set.add(m.kind);
      kinds.set(m.episodeId, set);
    }
    return rows.map((r) => ({ ...r, markers: MARKER_ORDER.filter((k) => kinds.get(r.id)?.has(k)) }));
  }

  /** GET /titles/{id}/seasons/{n}/episodes, with the profile's progress per episode. */
  async episodes(id: string, season: number, viewer: Viewer): Promise<{ items: Episode[] }> {
    const { snap, title } = await this.visibleTitle(id, viewer);
    const all = await this.episodeRecords(snap, id);
    const inSeason = all.filter((e) => e.seasonNumber === season);
    if (!inSeason.length && !title.seasons.some((s) => s.number === season)) throw notFound('That season');
    const progressByEpisode = new Map<string, Progress>();
    if (viewer.profileId && inSeason.length) {
      const rows = await this.#db
        .select({
          episodeId: progress.episodeId,
          position: progress.position,
          duration: progress.duration,
          completed: progress.completed,
          updatedAt: progress.updatedAt,
        })
        .from(progress)
        .where(
          and(
            eq(progress.profileId, viewer.profileId),
            eq(progress.titleId, id),
            inArray(
              progress.episodeId,
              inSeason.map((e) => e.id),
            ),
          ),
        );
      for (const r of rows) progressByEpisode.set(r.episodeId, progressOf(r));
    }
    return { items: inSeason.map((e) => episodeOf(e, progressByEpisode.get(e.id))) };
  }

  /** GET /titles/{id}/similar */
  async similar(id: string, viewer: Viewer, cursor: string | undefined, limit: number | undefined) {
    const { snap, title } = await this.visibleTitle(id, viewer);
    const now = this.now();
    const candidates = snap.ordered
      .filter((t) => t.id !== id && this.isVisible(t, viewer, now))
      .map((t) => this.features(snap, t));
    const ranked = similarTitles(this.features(snap, title), candidates, snap.maxPopularity);
    const page = pageOf(ranked, cursor, limit ?? DEFAULT_PAGE, (r) => r.id);
    const records = page.items.map((r) => snap.titles.get(r.id)).filter((t): t is TitleRecord => t !== undefined);
    return { items: await this.summaries(snap, records, viewer), next_cursor: page.next_cursor };
  }

  /** GET /titles/{id}/related: both directions of `title_relations` (a prequel's page lists its sequel). */
  async related(id: string, viewer: Viewer) {
    const { snap } = await this.visibleTitle(id, viewer);
    const now = this.now();
    const found = new Map<string, Relation>();
    for (const r of snap.relations) if (r.titleId === id && r.relatedId !== id) found.set(r.relatedId, r.relation);
    for (const r of snap.relations) {
      if (r.relatedId === id && r.titleId !== id && !found.has(r.titleId))
        found.set(r.titleId, RELATION_INVERSE[r.relation]);
    }
    const entries = [...found]
      .map(([otherId, relation]) => ({ relation, t: snap.titles.get(otherId) }))
      .filter((e): e is { relation: Relation; t: TitleRecord } => e.t !== undefined && this.isVisible(e.t, viewer, now))
      .sort(
        (a, b) =>
          RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
          (a.t.releaseTime ?? 0) - (b.t.releaseTime ?? 0) ||
          compareIds(a.t.id, b.t.id),
      );
    const summaries = await this.summaries(
      snap,
      entries.map((e) => e.t),
      viewer,
    );
    return { items: entries.map((e, i) => ({ relation: e.relation, title: summaries[i] as TitleSummary })) };
  }

  /** GET /titles/{id}/credits */
  async credits(id: string, viewer: Viewer): Promise<{ cast: Credit[]; crew: Credit[] }> {
    const { snap, title } = await this.visibleTitle(id, viewer);
    const toCredit = (c: TitleRecord['credits'][number]): Credit | null => {
      const p = snap.people.get(c.personId);
      if (!p) return null;
      return {
        person: { id: p.id, name: p.name, photo: p.photo },
        role: c.role,
        character: c.character,
        order: c.position,
      };
    };
    const cast = title.credits
      .filter((c) => c.role === 'cast')
      .sort((a, b) => a.position - b.position || compareIds(a.personId, b.personId))
      .map(toCredit)
      .filter((c): c is Credit => c !== null);
    const crew = title.credits
      .filter((c) => c.role !== 'cast')
      .sort((a, b) => CREW_ORDER.indexOf(a.role) - CREW_ORDER.indexOf(b.role) || a.position - b.position)
      .map(toCredit)
      .filter((c): c is Credit => c !== null);
    return { cast, crew };
  }

  /** GET /people/{id}: the person and the titles the viewer may see, newest first. */
  async person(id: string, viewer: Viewer): Promise<Person> {
    const snap = await this.snapshot();
    const p = snap.people.get(id);
    if (!p) throw notFound('That person');
    const now = this.now();
    const entries = p.credits
      .map((c) => ({ c, t: snap.titles.get(c.titleId) }))
      .filter(
        (e): e is { c: (typeof p.credits)[number]; t: TitleRecord } =>
          e.t !== undefined && this.isVisible(e.t, viewer, now),
      )
      .sort(
        (a, b) =>
          compareKeys(a.t.row.year, b.t.row.year, -1) ||
          compareIds(a.t.foldedName, b.t.foldedName) ||
          compareIds(a.t.id, b.t.id) ||
          compareIds(a.c.role, b.c.role),
      );
    const summaries = await this.summaries(
      snap,
      entries.map((e) => e.t),
      viewer,
    );
    return {
      id: p.id,
      name: p.name,
      photo: p.photo,
      biography: p.biography,
      birth_date: p.birthDate,
      birth_place: p.birthPlace,
      known_for: p.knownFor,
      filmography: entries.map((e, i) => ({
        title: summaries[i] as TitleSummary,
        role: e.c.role,
        character: e.c.character,
        year: e.t.row.year,
      })),
    };
  }

  /** Genres with how many titles the viewer may see in each (a parent counts its sub-genres'). */
  async genreList(viewer: Viewer): Promise<Genre[]> {
    const snap = await this.snapshot();
    const visible = this.visibleTitles(snap, viewer);
    return snap.genreList.map((g) => {
      const inGenre = visible.filter((t) => t.genreSet.has(g.slug));
      return {
        slug: g.slug,
        name: g.name,
        description: g.description,
        parent: g.parent && snap.genres.has(g.parent) ? g.parent : null,
        title_count: inGenre.length,
        artwork: genreArtwork(g.slug),
      };
    });
  }

  /** GET /genres/{slug} with its sub-genres. */
  async genre(slug: string, viewer: Viewer) {
    const all = await this.genreList(viewer);
    const genre = all.find((g) => g.slug === slug);
    if (!genre) throw notFound('That genre');
    return { ...genre, subcategories: all.filter((g) => g.parent === slug) };
  }

  /** Titles of a collection the viewer may see and that are offered in its region, in order. */
  async collectionTitles(snap: CatalogSnapshot, slug: string, viewer: Viewer): Promise<TitleRecord[]> {
    const c = snap.collections.get(slug);
    if (!c) return [];
    const now = this.now();
    return c.titleIds
      .map((id) => snap.titles.get(id))
      .filter(
        (t): t is TitleRecord =>
          t !== undefined && this.isVisible(t, viewer, now) && this.isOffered(t, viewer.region, now),
      );
  }

  async #collectionOf(snap: CatalogSnapshot, slug: string, viewer: Viewer): Promise<Collection> {
    const c = snap.collections.get(slug);
    if (!c) throw notFound('That collection');
    return {
      slug: c.slug,
      name: c.name,
      description: c.description,
      artwork: c.artwork,
      title_count: (await this.collectionTitles(snap, slug, viewer)).length,
    };
  }

  /** GET /collections */
  async collectionList(viewer: Viewer, cursor: string | undefined, limit: number | undefined) {
    const snap = await this.snapshot();
    const page = pageOf(snap.collectionList, cursor, limit ?? DEFAULT_PAGE, (c) => c.slug);
    const items = await Promise.all(page.items.map((c) => this.#collectionOf(snap, c.slug, viewer)));
    return { items, next_cursor: page.next_cursor };
  }

  /** GET /collections/{slug} with a page of its titles. */
  async collection(slug: string, viewer: Viewer, cursor: string | undefined, limit: number | undefined) {
    const snap = await this.snapshot();
    const collection = await this.#collectionOf(snap, slug, viewer);
    const titlesIn = await this.collectionTitles(snap, slug, viewer);
    const page = pageOf(titlesIn, cursor, limit ?? DEFAULT_PAGE, (t) => t.id);
    return { ...collection, items: await this.summaries(snap, page.items, viewer), next_cursor: page.next_cursor };
  }

  /** Titles for rails: visible, offered in the viewer's region. */
  railTitles(snap: CatalogSnapshot, viewer: Viewer, now = this.now()): TitleRecord[] {
    return snap.ordered.filter((t) => this.isVisible(t, viewer, now) && this.isOffered(t, viewer.region, now));
  }

  /** Trending this week in the viewer's region (recent days weigh more), optionally of one type. */
  async trendingRecords(
    snap: CatalogSnapshot,
    viewer: Viewer,
    type?: 'film' | 'series' | 'anime',
  ): Promise<TitleRecord[]> {
    const now = this.now();
    const eligible = this.railTitles(snap, viewer, now).filter(
      (t) => (!type || t.row.type === type) && this.isAvailable(t, viewer.region, now),
    );
    return trendingOrder(
      eligible.map((t) => ({ id: t.id, popularity: t.row.popularity, t })),
      snap.trending,
      viewer.region,
    ).map((e) => e.item.t);
  }

  /** GET /trending */
  async trending(
    viewer: Viewer,
    query: { type?: 'film' | 'series' | 'anime' | undefined; cursor?: string | undefined; limit?: number | undefined },
  ) {
    const snap = await this.snapshot();
    const ordered = await this.trendingRecords(snap, viewer, query.type);
    const page = pageOf(ordered, query.cursor, query.limit ?? DEFAULT_PAGE, (t) => t.id);
    return { items: await this.summaries(snap, page.items, viewer), next_cursor: page.next_cursor };
  }

  /**
   * The top 10 of a region's latest day (of one type, ranked within it): the rank badge of each
   * item is its place in this list. A kids profile sees the ranked titles within its ceiling.
   */
  async top10Records(snap: CatalogSnapshot, viewer: Viewer, region: string, type?: 'film' | 'series' | 'anime') {
    const now = this.now();
    const eligible = snap.ordered
      .filter((t) => this.isPublished(t, now) && this.isOffered(t, region, now) && (!type || t.row.type === type))
      .map((t) => ({ id: t.id, popularity: t.row.popularity, t }));
    return topTen(eligible, snap.latestViews.get(region)?.rows)
      .map((e, i) => ({ t: e.t, rank: i + 1 }))
      .filter((e) => this.isVisible(e.t, viewer, now));
  }

  /** GET /top10 */
  async top10(viewer: Viewer, region: string, type?: 'film' | 'series' | 'anime') {
    const snap = await this.snapshot();
    const ranked = await this.top10Records(snap, viewer, region, type);
    const regional = { ...viewer, region };
    const items = await this.summaries(
      snap,
      ranked.map((r) => r.t),
      regional,
    );
    return {
      region,
      items: items.map((s, i) => ({ ...s, badges: { ...s.badges, top10_rank: ranked[i]?.rank ?? i + 1 } })),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Anime

  /** An anime title the viewer may see, or 404. */
  async #anime(id: string, viewer: Viewer) {
    const found = await this.visibleTitle(id, viewer);
    if (found.title.row.type !== 'anime') throw notFound('That anime');
    return found;
  }

  /** GET /anime */
  async animeList(
    query: {
      audio?: 'sub' | 'dub' | undefined;
      simulcast?: boolean | undefined;
      genre?: string | undefined;
      sort?: BrowseSort | undefined;
      cursor?: string | undefined;
      limit?: number | undefined;
    },
    viewer: Viewer,
  ) {
    return this.browse({ ...query, type: 'anime' }, viewer, (t) => {
      if (query.audio === 'sub' && !t.row.hasSub) return false;
      if (query.audio === 'dub' && !t.row.hasDub) return false;
      if (query.simulcast !== undefined && t.row.simulcast !== query.simulcast) return false;
      return true;
    });
  }

  async #arcRecords(snap: CatalogSnapshot, titleId: string): Promise<ArcRecord[]> {
    let loading = snap.memo.arcs.get(titleId);
    if (!loading) {
      loading = this.#db
        .select({
          id: arcs.id,
          titleId: arcs.titleId,
          name: arcs.name,
          synopsis: arcs.synopsis,
          position: arcs.position,
        })
        .from(arcs)
        .where(eq(arcs.titleId, titleId))
        .orderBy(asc(arcs.position), asc(arcs.id));
      snap.memo.arcs.set(titleId, loading);
      loading.catch(() => snap.memo.arcs.delete(titleId));
    }
    return loading;
  }

  /** GET /anime/{id}/arcs: arcs in order, with their first and last episodes (arcs without episodes are left out). */
  async arcs(id: string, viewer: Viewer): Promise<{ items: Arc[] }> {
    const { snap } = await this.#anime(id, viewer);
    const [arcRows, eps] = [await this.#arcRecords(snap, id), await this.episodeRecords(snap, id)];
    const items: Arc[] = [];
    arcRows.forEach((a, i) => {
      const inArc = eps.filter((e) => e.arcId === a.id);
      const first = inArc[0];
      const last = inArc[inArc.length - 1];
      if (!first || !last) return;
      items.push({
        id: a.id,
        title_id: id,
        name: a.name,
        synopsis: a.synopsis,
        order: i + 1,
        first_episode: { season_number: first.seasonNumber, number: first.number },
        last_episode: { season_number: last.seasonNumber, number: last.number },
        episode_count: inArc.length,
        filler_count: inArc.filter((e) => e.filler === 'filler').length,
      });
    });
    return { items };
  }

  /** GET /anime/{id}/filler: every episode as canon, mixed or filler (unmarked episodes are canon). */
  async filler(id: string, viewer: Viewer) {
    const { snap } = await this.#anime(id, viewer);
    const eps = await this.episodeRecords(snap, id);
    const counts = { canon: 0, mixed: 0, filler: 0 };
    const items = eps.map((e) => {
      const kind = e.filler ?? 'canon';
      counts[kind]++;
      return { episode_id: e.id, season_number: e.seasonNumber, number: e.number, kind };
    });
    return { items, counts };
  }
}

function languageList<K extends 'is_default' | 'forced'>(
  value: unknown,
  flag: K,
): ({ language: string; name: string } & Record<K, boolean>)[] {
  if (!Array.isArray(value)) return [];
  const out: ({ language: string; name: string } & Record<K, boolean>)[] = [];
  for (const entry of value as Record<string, unknown>[]) {
    if (!entry || typeof entry.language !== 'string' || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(entry.language))
      continue;
    out.push({
      language: entry.language,
      name: typeof entry.name === 'string' ? entry.name : entry.language,
      [flag]: entry[flag] === true,
    } as { language: string; name: string } & Record<K, boolean>);
  }
  return out;
}

function episodeOf(e: EpisodeRecord, p: Progress | undefined): Episode {
  return {
    id: e.id,
    title_id: e.titleId,
    season_number: e.seasonNumber,
    number: e.number,
    name: e.name,
    synopsis: e.synopsis,
    runtime_seconds: e.runtimeSeconds,
    still: episodeStill(e.id),
    air_date: e.airDate,
    filler: e.filler,
    arc_id: e.arcId,
    markers: e.markers,
    ...(p ? { progress: p } : {}),
  };
}

/** Recommender features of a title. */
export function featuresOf(t: TitleRecord): TitleFeatures {
  const weights = new Map<string, number>();
  for (const c of t.credits)
    weights.set(c.personId, Math.max(weights.get(c.personId) ?? 0, creditWeight(c.role, c.position)));
  return {
    id: t.id,
    name: t.row.name,
    type: t.row.type,
    genres: t.genres.map((g) => g.slug),
    tags: t.row.tags.map((x) => x.toLowerCase()),
    people: [...weights].map(([id, weight]) => ({ id, weight })),
    popularity: t.row.popularity,
    languages: [...t.languages],
  };
}

/** Aggregates progress rows per title: engagement, finished, last watched. */
export function aggregateHistory(
  snap: CatalogSnapshot,
  rows: readonly {
    titleId: string;
    episodeId: string;
    position: number;
    duration: number;
    completed: boolean;
    updatedAt: Date;
  }[],
): WatchedTitle[] {
  const byTitle = new Map<
    string,
    { best: number; completedEpisodes: Set<string>; touched: number; last: number; filmDone: boolean }
  >();
  for (const r of rows) {
    const entry = byTitle.get(r.titleId) ?? {
      best: 0,
      completedEpisodes: new Set<string>(),
      touched: 0,
      last: 0,
      filmDone: false,
    };
    const fraction = r.completed ? 1 : r.duration > 0 ? Math.min(1, r.position / r.duration) : 0;
    entry.best = Math.max(entry.best, fraction);
    entry.touched++;
    if (r.completed) {
      if (r.episodeId) entry.completedEpisodes.add(r.episodeId);
      else entry.filmDone = true;
    }
    entry.last = Math.max(entry.last, r.updatedAt.getTime());
    byTitle.set(r.titleId, entry);
  }
  const out: WatchedTitle[] = [];
  for (const [titleId, e] of byTitle) {
    const t = snap.titles.get(titleId);
    const episodeTotal = t?.episodeCount ?? 0;
    const isFilm = !t || t.row.type === 'film' || episodeTotal === 0;
    const engagement = isFilm
      ? e.best
      : Math.min(
          1,
          Math.max(
            e.best * 0.5,
            e.completedEpisodes.size / Math.max(1, Math.min(episodeTotal, 10)) + 0.1 * (e.touched - 1),
          ),
        );
    const finished = isFilm ? e.filmDone : episodeTotal > 0 && e.completedEpisodes.size >= episodeTotal;
    out.push({ titleId, engagement: Math.round(engagement * 1000) / 1000, finished, lastWatched: e.last });
  }
  return out.sort((a, b) => b.lastWatched - a.lastWatched || compareIds(a.titleId, b.titleId));
}

/**
 * Decorates the app with `app.catalog`, and drops the cached catalog after every successful
 * admin write (admin routes may also call `invalidate()` themselves).
 */
export const catalogPlugin = fp(
  async (app: FastifyInstance, options: CatalogServiceOptions) => {
    const service = new CatalogService(app.db, options);
    app.decorate('catalog', service);
    app.addHook('onSend', async (request, reply) => {
      if (
        request.method !== 'GET' &&
        request.method !== 'HEAD' &&
        reply.statusCode < 400 &&
        request.url.startsWith('/api/v1/admin/')
      ) {
        service.invalidate();
      }
    });
  },
  { name: 'reel-catalog' },
);
