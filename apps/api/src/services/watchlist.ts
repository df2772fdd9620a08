// A profile's list ("My List"): add, remove and the list itself in its stored order (§3, §33).
// Folders, tags, reorder, import/export and bulk actions come later; the list answers no folders
// and no tags meanwhile. Titles the profile may not see (above a kids profile's maturity ceiling,
// unpublished) stay stored but are left out of every answer.
import type { TitleSummary, WatchlistAddBody, WatchlistItem, WatchlistPage } from '@reel/contracts';
import { and, asc, count, desc, eq, max, min } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { watchlistItems } from '../db/schema/index.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { type CatalogService, DEFAULT_PAGE, keyedPage, type TitleRecord, type Viewer } from './catalog.js';
import { fold } from './text.js';

/** Most titles a list holds. */
export const WATCHLIST_MAX_ITEMS = 500;

type Sort = 'position' | 'added' | 'title' | 'year' | 'rating';

export interface WatchlistListQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
  q?: string | undefined;
  sort?: Sort | undefined;
  order?: 'asc' | 'desc' | undefined;
  type?: string | undefined;
  genre?: string | undefined;
  folder?: string | undefined;
  tag?: string | undefined;
}

interface Entry {
  titleId: string;
  /** Rank in the stored order (0-based). */
  position: number;
  addedAt: Date;
  summary: TitleSummary;
}

const DEFAULT_ORDER: Record<Sort, 'asc' | 'desc'> = {
  position: 'asc',
  added: 'desc',
  title: 'asc',
  year: 'desc',
  rating: 'desc',
};

/**
 * The list of a profile. The caller (the route) has already checked the profile is the caller's.
 *
 * @example
 * const item = await watchlist.add(viewer, { title_id: 'ttl_1' });
 */
export class WatchlistService {
  readonly #db: Db;
  readonly #catalog: CatalogService;

  constructor(db: Db, catalog: CatalogService) {
    this.#db = db;
    this.#catalog = catalog;
  }

  /** The profile's rows, in the stored order (ties: newest first, then by id). */
  #rows(profileId: string) {
    return this.#db
      .select({ titleId: watchlistItems.titleId, addedAt: watchlistItems.addedAt })
      .from(watchlistItems)
      .where(eq(watchlistItems.profileId, profileId))
      .orderBy(asc(watchlistItems.position), desc(watchlistItems.addedAt), asc(watchlistItems.titleId));
  }

  /** The visible entries of a list in stored order, with their card forms (without personal fields). */
  async #entries(viewer: Viewer & { profileId: string }): Promise<Entry[]> {
    const [snap, rows] = await Promise.all([this.#catalog.snapshot(), this.#rows(viewer.profileId)]);
    const now = this.#catalog.now();
    const out: Entry[] = [];
    for (const row of rows) {
      const t = snap.titles.get(row.titleId);
      if (!t || !this.#catalog.isVisible(t, viewer, now)) continue;
      out.push({
        titleId: row.titleId,
        position: out.length,
        addedAt: row.addedAt,
        summary: this.#catalog.summaryOf(snap, t, viewer.region),
      });
    }
    return out;
  }

  /** GET /users/{profile_id}/watchlist: a page in the stored order (or sorted), filtered. */
  async list(viewer: Viewer & { profileId: string }, query: WatchlistListQuery): Promise<WatchlistPage> {
    const all = await this.#entries(viewer);
    const needle = query.q?.trim() ? fold(query.q.trim()) : null;
    // No folders or tags exist yet: `folder=none` is every title, any folder id or tag is none.
    const noneMatch = (query.folder !== undefined && query.folder !== 'none') || query.tag !== undefined;
    const matching = noneMatch
      ? []
      : all.filter(
          (e) =>
            (!needle || fold(e.summary.name).includes(needle)) &&
            (!query.type || e.summary.type === query.type) &&
            (!query.genre || e.summary.genres.some((g) => g.slug === query.genre)),
        );
    const sort = query.sort ?? 'position';
    const key = (e: Entry): string | number | null => {
      switch (sort) {
        case 'position':
          return e.position;
        case 'added':
          return e.addedAt.getTime();
        case 'title':
          return fold(e.summary.name);
        case 'year':
          return e.summary.year;
        case 'rating':
          return e.summary.rating_average;
      }
    };
    const page = keyedPage(
      matching,
      key,
      (e) => e.titleId,
      query.order ?? DEFAULT_ORDER[sort],
      query.cursor,
      query.limit ?? DEFAULT_PAGE,
    );
    const listed = new Set(all.map((e) => e.titleId));
    const cards = await this.#catalog.personalize(
      page.items.map((e) => e.summary),
      viewer,
      undefined,
      listed,
    );
    return {
      items: page.items.map((e, i) => itemOf(e, cards[i] ?? e.summary)),
      next_cursor: page.next_cursor,
      total: matching.length,
      total_all: all.length,
      max_items: WATCHLIST_MAX_ITEMS,
    };
  }

  /**
   * POST /users/{profile_id}/watchlist: adds a title the profile may see (404 otherwise) at the
   * top (or bottom). Idempotent: a title already on the list answers its item where it is.
   */
  async add(viewer: Viewer & { profileId: string }, body: WatchlistAddBody): Promise<WatchlistItem> {
    if (body.folder_ids?.length) throw notFound('That folder');
    if (body.tags?.length) {
      throw badRequest('Tags are not available on the list yet', [
        { field: 'tags', message: 'tags are not available yet' },
      ]);
    }
    const { snap, title } = await this.#catalog.visibleTitle(body.title_id, viewer);
    const profileId = viewer.profileId;
    await this.#db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ titleId: watchlistItems.titleId })
        .from(watchlistItems)
        .where(and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, title.id)));
      if (existing) return;
      const [stats] = await tx
        .select({ n: count(), first: min(watchlistItems.position), last: max(watchlistItems.position) })
        .from(watchlistItems)
        .where(eq(watchlistItems.profileId, profileId));
      const n = Number(stats?.n ?? 0);
      if (n >= WATCHLIST_MAX_ITEMS) {
        throw conflict(`The list is full: it holds at most ${WATCHLIST_MAX_ITEMS} titles. Remove some first`);
      }
      const position =
        n === 0 ? 0 : body.placement === 'bottom' ? Number(stats?.last ?? 0) + 1 : Number(stats?.first ?? 0) - 1;
      await tx.insert(watchlistItems).values({ profileId, titleId: title.id, position }).onConflictDoNothing();
    });
    return this.#itemOf(viewer, snap, title);
  }

  /** The item of one title on the list, with its rank among the visible titles. */
  async #itemOf(
    viewer: Viewer & { profileId: string },
    snap: Awaited<ReturnType<CatalogService['snapshot']>>,
    title: TitleRecord,
  ): Promise<WatchlistItem> {
    const entries = await this.#entries(viewer);
    const entry = entries.find((e) => e.titleId === title.id);
    if (!entry) throw notFound('That title');
    const [card] = await this.#catalog.personalize(
      [this.#catalog.summaryOf(snap, title, viewer.region)],
      viewer,
      undefined,
      new Set([title.id]),
    );
    return itemOf(entry, card ?? entry.summary);
  }

  /** DELETE /users/{profile_id}/watchlist/{title_id}: no error when the title is not on the list. */
  async remove(profileId: string, titleId: string): Promise<void> {
    await this.#db
      .delete(watchlistItems)
      .where(and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, titleId)));
  }
}

function itemOf(e: Entry, card: TitleSummary): WatchlistItem {
  return {
    title_id: e.titleId,
    title: card,
    position: e.position,
    folder_ids: [],
    tags: [],
    added_at: e.addedAt.toISOString(),
  };
}
