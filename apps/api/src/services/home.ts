// The home page (§7): rails in order, the hero, and the recommendations behind them.
import type { Progress, Rail, TitleSummary } from '@reel/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { profiles } from '../db/schema/index.js';
import { pageOf } from '../http/cursor.js';
import {
  aggregateHistory,
  type CatalogService,
  type CatalogSnapshot,
  DEFAULT_PAGE,
  progressOf,
  type TitleRecord,
  type Viewer,
} from './catalog.js';
import { type Recommendation, recommend, similarTitles, type WatchedTitle } from './recommender.js';

const DAY = 86_400_000;
export const DEFAULT_ITEMS_PER_RAIL = 20;
/** How many "Because you watched" rails the home page shows. */
const BECAUSE_RAILS = 2;
const GENRE_RAILS = 2;
const COMING_SOON_WINDOW = 90 * DAY;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const regionName = (code: string) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** A profile's history, read once per request and shared by the rails. */
interface Personal {
  rows: Awaited<ReturnType<CatalogService['progressRows']>>;
  progress: Map<string, Progress>;
  /** Titles on the profile's list (read once for every card of the answer). */
  watchlist: Set<string>;
  history: WatchedTitle[];
  language: string;
}

/**
 * Home rails and recommendations.
 *
 * @example
 * const { rails, hero } = await home.rails(viewer, { itemsPerRail: 12 });
 */
export class HomeService {
  readonly #db: Db;
  readonly #catalog: CatalogService;

  constructor(db: Db, catalog: CatalogService) {
    this.#db = db;
    this.#catalog = catalog;
  }

  async #personal(snap: CatalogSnapshot, profileId: string): Promise<Personal> {
    const [rows, watchlist, profile] = await Promise.all([
      this.#catalog.progressRows(profileId),
      this.#catalog.watchlistFor(profileId),
      this.#db.select({ language: profiles.language }).from(profiles).where(eq(profiles.id, profileId)),
    ]);
    const progress = new Map<string, Progress>();
    for (const r of rows) if (!progress.has(r.titleId)) progress.set(r.titleId, progressOf(r));
    return {
      rows,
      progress,
      watchlist,
      history: aggregateHistory(snap, rows),
      language: profile[0]?.language ?? 'en',
    };
  }

  /** Ranked recommendations for a profile (cold start without history). */
  #rank(snap: CatalogSnapshot, viewer: Viewer, personal: Personal | null): Recommendation[] {
    const now = this.#catalog.now();
    const candidates = this.#catalog
      .railTitles(snap, viewer, now)
      .filter((t) => this.#catalog.isAvailable(t, viewer.region, now))
      .map((t) => this.#catalog.features(snap, t));
    const features = new Map(candidates.map((f) => [f.id, f]));
    for (const h of personal?.history ?? []) {
      const t = snap.titles.get(h.titleId);
      if (t && !features.has(t.id)) features.set(t.id, this.#catalog.features(snap, t));
    }
    const personNames = new Map<string, string>();
    for (const p of snap.people.values()) personNames.set(p.id, p.name);
    return recommend({
      history: (personal?.history ?? []).slice(0, 50),
      candidates,
      features,
      genreNames: new Map(snap.genreList.map((g) => [g.slug, g.name])),
      personNames,
      maxPopularity: snap.maxPopularity,
      language: personal?.language ?? 'en',
      region: viewer.region,
    });
  }

  /** GET /recommendations: a page of picks, each with its reason and score. */
  async recommendations(viewer: Viewer & { profileId: string }, cursor: string | undefined, limit: number | undefined) {
    const snap = await this.#catalog.snapshot();
    const personal = await this.#personal(snap, viewer.profileId);
    const ranked = this.#rank(snap, viewer, personal);
    const page = pageOf(ranked, cursor, limit ?? DEFAULT_PAGE, (r) => r.titleId);
    const records = page.items.map((r) => snap.titles.get(r.titleId) as TitleRecord);
    const summaries = await this.#catalog.personalize(
      records.map((t) => this.#catalog.summaryOf(snap, t, viewer.region)),
      viewer,
      personal.progress,
      personal.watchlist,
    );
    return {
      items: page.items.map((r, i) => ({ title: summaries[i] as TitleSummary, reason: r.reason, score: r.score })),
      next_cursor: page.next_cursor,
    };
  }

  /**
   * GET /home/rails. Signed in with a profile: Continue Watching, Top 10, Trending, Because you
   * watched (×2), Recommended, New this week, Coming soon, featured collections, genre rails.
   * Signed out (or no profile chosen): Trending, Top 10, featured collections, New this week.
   * Empty rails are left out. The hero is the top pick that can be watched now.
   */
  async rails(
    viewer: Viewer,
    options: { itemsPerRail?: number | undefined } = {},
  ): Promise<{ rails: Rail[]; hero: TitleSummary | null }> {
    const n = options.itemsPerRail ?? DEFAULT_ITEMS_PER_RAIL;
    const snap = await this.#catalog.snapshot();
    // Without a profile the rails are the same for every viewer of a region: built once per snapshot.
    const key = viewer.profileId ? null : `${viewer.region}|${n}|${viewer.maturityCeiling}`;
    const cached = key ? snap.memo.rails.get(key) : undefined;
    if (cached) return cached;
    const now = this.#catalog.now();
    const personal = viewer.profileId ? await this.#personal(snap, viewer.profileId) : null;
    const region = viewer.region;
    const railTitles = this.#catalog.railTitles(snap, viewer, now);
    const rails: { rail: Omit<Rail, 'items'>; records: TitleRecord[] }[] = [];
    const add = (rail: Omit<Rail, 'items'>, records: TitleRecord[]) => {
      if (records.length) rails.push({ rail, records: records.slice(0, n) });
    };

    const ranks = await this.#catalog.top10Records(snap, viewer, region);
    const top10 = ranks.map((r) => r.t);
    const rankOf = new Map(ranks.map((r) => [r.t.id, r.rank]));
    const trending = await this.#catalog.trendingRecords(snap, viewer);
    const added = railTitles
      .filter((t) => now - t.addedAt < 7 * DAY && t.addedAt <= now && this.#catalog.isAvailable(t, region, now))
      .sort((a, b) => b.addedAt - a.addedAt || (a.id < b.id ? -1 : 1));
    const collectionRails = async () => {
      for (const c of snap.collectionList.filter((x) => x.featured)) {
        add(
          {
            id: `collection:${c.slug}`,
            kind: 'collection',
            heading: c.name,
            source: `collection:${c.slug}`,
            reason: null,
            see_all: `/collections/${c.slug}`,
          },
          await this.#catalog.collectionTitles(snap, c.slug, viewer),
        );
      }
    };
    const top10Rail = () =>
      add(
        {
          id: 'top10',
          kind: 'top10',
          heading: `Top 10 in ${regionName(region)} today`,
          source: 'top10',
          reason: null,
          see_all: `/top10?region=${region}`,
        },
        top10,
      );
    const trendingRail = () =>
      add(
        {
          id: 'trending',
          kind: 'trending',
          heading: 'Trending now',
          source: 'trending',
          reason: null,
          see_all: '/trending',
        },
        trending,
      );
    const newRail = () =>
      add(
        {
          id: 'new-this-week',
          kind: 'new-this-week',
          heading: 'New this week',
          source: 'new-this-week',
          reason: null,
          see_all: '/titles?sort=added',
        },
        added,
      );

    let ranked: Recommendation[] = [];
    if (!personal) {
      trendingRail();
      top10Rail();
      await collectionRails();
      newRail();
    } else {
      const watched = new Set(personal.history.map((h) => h.titleId));
      const continuing = personal.rows
        .filter((r, i, all) => all.findIndex((x) => x.titleId === r.titleId) === i)
        .filter((r) => {
          if (r.completed) return false;
          const fraction = r.duration > 0 ? r.position / r.duration : 0;
          return fraction >= 0.01 && fraction < 0.95;
        })
        .map((r) => snap.titles.get(r.titleId))
        .filter((t): t is TitleRecord => t !== undefined && this.#catalog.isVisible(t, viewer, now));
      add(
        {
          id: 'continue-watching',
          kind: 'continue-watching',
          heading: 'Continue watching',
          source: 'continue-watching',
          reason: null,
          see_all: null,
        },
        continuing,
      );
      top10Rail();
      trendingRail();

      const candidates = railTitles.filter((t) => !watched.has(t.id));
      const candidateFeatures = candidates.map((t) => this.#catalog.features(snap, t));
      const sources = personal.history
        .filter((h) => h.finished || h.engagement >= 0.5)
        .map((h) => snap.titles.get(h.titleId))
        .filter((t): t is TitleRecord => t !== undefined && this.#catalog.isVisible(t, viewer, now))
        .slice(0, BECAUSE_RAILS);
      for (const s of sources) {
        const similar = similarTitles(this.#catalog.features(snap, s), candidateFeatures, snap.maxPopularity)
          .map((x) => snap.titles.get(x.id))
          .filter((t): t is TitleRecord => t !== undefined);
        add(
          {
            id: `because-you-watched:${s.id}`,
            kind: 'because-you-watched',
            heading: `Because you watched ${s.row.name}`,
            source: `because-you-watched:${s.id}`,
            reason: { title_id: s.id, name: s.row.name },
            see_all: `/titles/${s.id}/similar`,
          },
          similar,
        );
      }

      ranked = this.#rank(snap, viewer, personal);
      add(
        {
          id: 'recommendations',
          kind: 'recommendations',
          heading: 'Recommended for you',
          source: 'recommendations',
          reason: null,
          see_all: '/recommendations',
        },
        ranked.map((r) => snap.titles.get(r.titleId)).filter((t): t is TitleRecord => t !== undefined),
      );
      newRail();
      const soon = railTitles
        .map((t) => ({ t, at: this.#comingAt(t, region, now) }))
        .filter((x): x is { t: TitleRecord; at: number } => x.at !== null && x.at - now <= COMING_SOON_WINDOW)
        .sort((a, b) => a.at - b.at || (a.t.id < b.t.id ? -1 : 1))
        .map((x) => x.t);
      add(
        {
          id: 'coming-soon',
          kind: 'coming-soon',
          heading: 'Coming soon',
          source: 'coming-soon',
          reason: null,
          see_all: '/schedule',
        },
        soon,
      );
      await collectionRails();

      for (const slug of this.#favouriteGenres(snap, personal.history, railTitles)) {
        const genre = snap.genres.get(slug);
        if (!genre) continue;
        add(
          {
            id: `genre:${slug}`,
            kind: 'genre',
            heading: genre.name,
            source: `genre:${slug}`,
            reason: null,
            see_all: `/titles?genre=${slug}`,
          },
          candidates.filter((t) => t.genreSet.has(slug) && this.#catalog.isAvailable(t, region, now)),
        );
      }
    }

    // Cards of every rail, with progress from the history already read (no second query).
    const cards = rails.map((r) => r.records.map((t) => this.#catalog.summaryOf(snap, t, region)));
    const personalised = personal
      ? await Promise.all(cards.map((c) => this.#catalog.personalize(c, viewer, personal.progress, personal.watchlist)))
      : cards;
    const out: Rail[] = rails.map((r, i) => {
      const items = personalised[i] ?? [];
      if (r.rail.kind !== 'top10') return { ...r.rail, items };
      return {
        ...r.rail,
        items: items.map((s, k) => ({ ...s, badges: { ...s.badges, top10_rank: rankOf.get(s.id) ?? k + 1 } })),
      };
    });

    const heroPick = [...ranked.map((r) => snap.titles.get(r.titleId)), ...top10, ...trending].find(
      (t): t is TitleRecord =>
        t !== undefined && this.#catalog.isAvailable(t, region, now) && !this.#catalog.isComingSoon(t, region, now),
    );
    let hero: TitleSummary | null = null;
    if (heroPick) {
      const base = this.#catalog.summaryOf(snap, heroPick, region);
      hero = personal
        ? ((await this.#catalog.personalize([base], viewer, personal.progress, personal.watchlist))[0] ?? base)
        : base;
    }
    const result = { rails: out, hero };
    if (key) snap.memo.rails.set(key, result);
    return result;
  }

  /** When a title comes out (or comes to the region, or its next season starts); null when it is out. */
  #comingAt(t: TitleRecord, region: string, now: number): number | null {
    const times: number[] = [];
    if (t.releaseTime !== null && t.releaseTime > now) times.push(t.releaseTime);
    if (t.nextRelease !== null && t.nextRelease > now) times.push(t.nextRelease);
    if (!this.#catalog.isAvailable(t, region, now)) {
      for (const a of t.availability) if (a.region === region && a.from !== null && a.from > now) times.push(a.from);
    }
    if (!times.length && t.row.status === 'upcoming') return now + COMING_SOON_WINDOW;
    return times.length ? Math.min(...times) : null;
  }

  /** The profile's favourite genres (by watch weight), or the catalog's biggest ones for a new profile. */
  #favouriteGenres(snap: CatalogSnapshot, history: WatchedTitle[], titles: TitleRecord[]): string[] {
    const weight = new Map<string, number>();
    for (const h of history) {
      const t = snap.titles.get(h.titleId);
      for (const [i, g] of (t?.genres ?? []).entries()) {
        weight.set(g.slug, (weight.get(g.slug) ?? 0) + h.engagement * (i === 0 ? 1 : 0.6));
      }
    }
    if (!weight.size) {
      for (const t of titles)
        for (const g of t.genres) weight.set(g.slug, (weight.get(g.slug) ?? 0) + t.row.popularity);
    }
    return [...weight]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, GENRE_RAILS)
      .map(([slug]) => slug);
  }
}
