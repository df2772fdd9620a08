// A profile's list ("My List", §3, §33): the list in its stored order, add and remove, bulk add by
// name or id, reorder, export and import (validated whole first, then applied in one transaction),
// clear and bulk remove with an undo token, bulk folder and tag actions, folders and read-only
// share links. Titles the profile may not see (above a kids profile's maturity ceiling,
// unpublished) stay stored but are left out of every answer.
import {
  formatIssuePath,
  type SharedWatchlist,
  type TitleSummary,
  type WatchlistAddBody,
  type WatchlistBulkBody,
  type WatchlistBulkResult,
  type WatchlistBulkUploadBody,
  type WatchlistBulkUploadResult,
  type WatchlistClearResult,
  WatchlistExportDocument,
  type WatchlistFolder,
  type WatchlistFolderList,
  type WatchlistImportBody,
  type WatchlistImportResult,
  type WatchlistItem,
  type WatchlistOrder,
  type WatchlistPage,
  type WatchlistShare,
} from '@reel/contracts';
import { and, asc, count, desc, eq, inArray, lt, max, min, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { profiles, watchlistFolders, watchlistItems, watchlistUndo } from '../db/schema/index.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { newId, newSecret } from '../ids.js';
import { avatarUrl } from './avatars.js';
import {
  type CatalogService,
  type CatalogSnapshot,
  DEFAULT_PAGE,
  keyedPage,
  type TitleRecord,
  type Viewer,
} from './catalog.js';
import { fold } from './text.js';
import { lineColumn, scanJson } from './watchlist-import.js';

/** Most titles a list holds. */
export const WATCHLIST_MAX_ITEMS = 500;
/** Most folders a profile has. */
export const WATCHLIST_MAX_FOLDERS = 50;
/** How long an undo token works. */
export const WATCHLIST_UNDO_MS = 10 * 60 * 1000;

type Sort = 'position' | 'added' | 'title' | 'year' | 'rating';
type ProfileViewer = Viewer & { profileId: string };

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

/** A stored row, as undo keeps it. */
interface StoredRow {
  titleId: string;
  position: number;
  addedAt: string;
  folderIds: string[];
  tags: string[];
}

interface Entry {
  titleId: string;
  /** Rank in the stored order (0-based). */
  position: number;
  addedAt: Date;
  folderIds: string[];
  tags: string[];
  summary: TitleSummary;
}

const DEFAULT_ORDER: Record<Sort, 'asc' | 'desc'> = {
  position: 'asc',
  added: 'desc',
  title: 'asc',
  year: 'desc',
  rating: 'desc',
};

/** Tags compare case-insensitively: the first spelling wins. */
function mergeTags(current: readonly string[], more: readonly string[]): string[] {
  const out = [...current];
  const seen = new Set(current.map((t) => t.toLowerCase()));
  for (const t of more) {
    const k = t.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

const unprocessable = (message: string, field: string, hint?: Record<string, unknown>) =>
  new HttpError(422, 'validation_failed', message, { fields: [{ field, message }], ...(hint ? { hint } : {}) });

/** `Dune (2021)` → name and year. */
function parseEntry(input: string): { name: string; year: number | null } {
  const m = /^(.*?)\s*\((\d{4})\)\s*$/.exec(input);
  return m ? { name: (m[1] as string).trim(), year: Number(m[2]) } : { name: input.trim(), year: null };
}

/**
 * The list of a profile. The caller (the route) has already checked the profile is the caller's.
 *
 * @example
 * const item = await watchlist.add(viewer, { title_id: 'ttl_1' });
 */
export class WatchlistService {
  readonly #db: Db;
  readonly #catalog: CatalogService;
  readonly #publicOrigin: string;

  constructor(db: Db, catalog: CatalogService, publicOrigin = '') {
    this.#db = db;
    this.#catalog = catalog;
    this.#publicOrigin = publicOrigin;
  }

  /** The profile's rows, in the stored order (ties: newest first, then by id). */
  #rows(profileId: string, db: Pick<Db, 'select'> = this.#db) {
    return db
      .select({
        titleId: watchlistItems.titleId,
        position: watchlistItems.position,
        addedAt: watchlistItems.addedAt,
        folderIds: watchlistItems.folderIds,
        tags: watchlistItems.tags,
      })
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
        folderIds: row.folderIds,
        tags: row.tags,
        summary: this.#catalog.summaryOf(snap, t, viewer.region),
      });
    }
    return out;
  }

  /** GET /users/{profile_id}/watchlist: a page in the stored order (or sorted), filtered. */
  async list(viewer: ProfileViewer, query: WatchlistListQuery): Promise<WatchlistPage> {
    const all = await this.#entries(viewer);
    const needle = query.q?.trim() ? fold(query.q.trim()) : null;
    const tag = query.tag?.toLowerCase();
    const matching = all.filter(
      (e) =>
        (!needle || fold(e.summary.name).includes(needle)) &&
        (!query.type || e.summary.type === query.type) &&
        (!query.genre || e.summary.genres.some((g) => g.slug === query.genre)) &&
        (query.folder === undefined ||
          (query.folder === 'none' ? e.folderIds.length === 0 : e.folderIds.includes(query.folder))) &&
        (tag === undefined || e.tags.some((t) => t.toLowerCase() === tag)),
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

  /** The profile's folder ids; any id of `wanted` that is not one answers 404. */
  async #checkFolders(profileId: string, wanted: readonly string[]): Promise<void> {
    if (!wanted.length) return;
    const rows = await this.#db
      .select({ id: watchlistFolders.id })
      .from(watchlistFolders)
      .where(and(eq(watchlistFolders.profileId, profileId), inArray(watchlistFolders.id, [...wanted])));
    if (rows.length !== new Set(wanted).size) throw notFound('That folder');
  }

  /**
   * POST /users/{profile_id}/watchlist: adds a title the profile may see (404 otherwise) at the
   * top (or bottom). Idempotent: a title already on the list answers its item where it is, with
   * the folders and tags given added to it.
   */
  async add(viewer: ProfileViewer, body: WatchlistAddBody): Promise<WatchlistItem> {
    const folderIds = [...new Set(body.folder_ids ?? [])];
    await this.#checkFolders(viewer.profileId, folderIds);
    const { snap, title } = await this.#catalog.visibleTitle(body.title_id, viewer);
    const profileId = viewer.profileId;
    await this.#db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ folderIds: watchlistItems.folderIds, tags: watchlistItems.tags })
        .from(watchlistItems)
        .where(and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, title.id)));
      if (existing) {
        if (folderIds.length || body.tags?.length) {
          await tx
            .update(watchlistItems)
            .set({
              folderIds: [...new Set([...existing.folderIds, ...folderIds])],
              tags: mergeTags(existing.tags, body.tags ?? []),
            })
            .where(and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, title.id)));
        }
        return;
      }
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
      await tx
        .insert(watchlistItems)
        .values({ profileId, titleId: title.id, position, folderIds, tags: mergeTags([], body.tags ?? []) })
        .onConflictDoNothing();
    });
    return this.#itemOf(viewer, snap, title);
  }

  /** The item of one title on the list, with its rank among the visible titles. */
  async #itemOf(viewer: ProfileViewer, snap: CatalogSnapshot, title: TitleRecord): Promise<WatchlistItem> {
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

  // ---------------------------------------------------------------------------------------------
  // Bulk add, reorder

  /** Resolves one pasted entry: an id, or a name (with an optional year) matched exactly, then partly. */
  #resolve(
    snap: CatalogSnapshot,
    viewer: Viewer,
    input: string,
  ): {
    outcome: 'resolved' | 'ambiguous' | 'not_found' | 'unavailable';
    title: TitleRecord | null;
    candidates: TitleRecord[];
  } {
    const now = this.#catalog.now();
    const byId = snap.titles.get(input.trim());
    if (byId) {
      if (!this.#catalog.isPublished(byId, now)) return { outcome: 'not_found', title: null, candidates: [] };
      return this.#catalog.isVisible(byId, viewer, now)
        ? { outcome: 'resolved', title: byId, candidates: [] }
        : { outcome: 'unavailable', title: null, candidates: [] };
    }
    const { name, year } = parseEntry(input);
    const wanted = fold(name);
    if (!wanted) return { outcome: 'not_found', title: null, candidates: [] };
    const published = snap.ordered.filter((t) => this.#catalog.isPublished(t, now));
    const yearOk = (t: TitleRecord) => year === null || t.row.year === year;
    let matches = published.filter((t) => t.foldedName === wanted && yearOk(t));
    if (!matches.length) matches = published.filter((t) => t.foldedName.includes(wanted) && yearOk(t));
    const visible = matches.filter((t) => this.#catalog.isVisible(t, viewer, now));
    if (!matches.length) return { outcome: 'not_found', title: null, candidates: [] };
    if (!visible.length) return { outcome: 'unavailable', title: null, candidates: [] };
    if (visible.length === 1) return { outcome: 'resolved', title: visible[0] as TitleRecord, candidates: [] };
    return { outcome: 'ambiguous', title: null, candidates: visible.slice(0, 8) };
  }

  /** POST …/watchlist/bulk-upload: each entry resolved and reported; the resolved ones added at the top. */
  async bulkUpload(viewer: ProfileViewer, body: WatchlistBulkUploadBody): Promise<WatchlistBulkUploadResult> {
    if (body.folder_id) await this.#checkFolders(viewer.profileId, [body.folder_id]);
    const snap = await this.#catalog.snapshot();
    const dryRun = body.dry_run === true;
    const profileId = viewer.profileId;
    const counts = { added: 0, already_present: 0, ambiguous: 0, not_found: 0, unavailable: 0, limit_reached: 0 };
    const results: WatchlistBulkUploadResult['results'] = [];
    await this.#db.transaction(async (tx) => {
      const rows = await tx
        .select({ titleId: watchlistItems.titleId, position: watchlistItems.position })
        .from(watchlistItems)
        .where(eq(watchlistItems.profileId, profileId));
      const present = new Set(rows.map((r) => r.titleId));
      let top = rows.reduce((m, r) => Math.min(m, r.position), 0);
      let size = rows.length;
      const toInsert: (typeof watchlistItems.$inferInsert)[] = [];
      body.entries.forEach((input, index) => {
        const r = this.#resolve(snap, viewer, input);
        const summary = (t: TitleRecord) => this.#catalog.summaryOf(snap, t, viewer.region);
        let outcome: WatchlistBulkUploadResult['results'][number]['outcome'] = r.outcome;
        if (r.title) {
          if (present.has(r.title.id)) outcome = 'already_present';
          else if (size >= WATCHLIST_MAX_ITEMS) outcome = 'limit_reached';
          else {
            outcome = dryRun ? 'resolved' : 'added';
            present.add(r.title.id);
            size++;
            // Entries keep their pasted order, above what was there.
            toInsert.push({
              profileId,
              titleId: r.title.id,
              position: 0,
              folderIds: body.folder_id ? [body.folder_id] : [],
              tags: mergeTags([], body.tags ?? []),
            });
          }
        }
        if (outcome !== 'resolved') counts[outcome]++;
        results.push({
          index,
          input,
          outcome,
          title: r.title ? summary(r.title) : null,
          candidates: r.candidates.map(summary),
        });
      });
      if (dryRun || !toInsert.length) return;
      top -= toInsert.length;
      toInsert.forEach((row, i) => {
        row.position = top + i;
      });
      await tx.insert(watchlistItems).values(toInsert).onConflictDoNothing();
    });
    return { results, counts, dry_run: dryRun };
  }

  /** POST …/watchlist/reorder: every visible title in the new order; a different set answers 409. */
  async reorder(viewer: ProfileViewer, titleIds: readonly string[]): Promise<WatchlistOrder> {
    const entries = await this.#entries(viewer);
    const have = new Set(entries.map((e) => e.titleId));
    const wanted = new Set(titleIds);
    if (wanted.size !== titleIds.length || wanted.size !== have.size || titleIds.some((id) => !have.has(id))) {
      throw conflict('The list changed meanwhile: reload it and try again');
    }
    const profileId = viewer.profileId;
    await this.#db.transaction(async (tx) => {
      const rows = await this.#rows(profileId, tx);
      // Titles the profile cannot see keep their places after the visible ones.
      const hidden = rows.filter((r) => !wanted.has(r.titleId)).map((r) => r.titleId);
      const order = [...titleIds, ...hidden];
      if (!order.length) return;
      const cases = sql.join(
        order.map((id, i) => sql`when ${id} then ${i}::integer`),
        sql` `,
      );
      await tx
        .update(watchlistItems)
        .set({ position: sql`case ${watchlistItems.titleId} ${cases} else ${watchlistItems.position} end` })
        .where(eq(watchlistItems.profileId, profileId));
    });
    return { title_ids: [...titleIds], updated_at: new Date(this.#catalog.now()).toISOString() };
  }

  // ---------------------------------------------------------------------------------------------
  // Export, import

  /** GET …/watchlist/export: the list (or one folder) as a file import accepts. */
  async export(viewer: ProfileViewer, folderId: string | undefined): Promise<WatchlistExportDocument> {
    const folders = await this.#folderRows(viewer.profileId);
    if (folderId && !folders.some((f) => f.id === folderId)) throw notFound('That folder');
    const [profile] = await this.#db
      .select({ name: profiles.name })
      .from(profiles)
      .where(eq(profiles.id, viewer.profileId));
    const names = new Map(folders.map((f) => [f.id, f.name]));
    const entries = (await this.#entries(viewer)).filter((e) => !folderId || e.folderIds.includes(folderId));
    const usedFolders = folderId ? folders.filter((f) => f.id === folderId) : folders;
    return {
      format: 'reel.watchlist',
      version: 1,
      exported_at: new Date(this.#catalog.now()).toISOString(),
      ...(profile ? { profile_name: profile.name.slice(0, 40) } : {}),
      folders: usedFolders.map((f) => ({ name: f.name, description: f.description })),
      items: entries.map((e) => ({
        title_id: e.titleId,
        name: e.summary.name.slice(0, 200),
        year: e.summary.year,
        added_at: e.addedAt.toISOString(),
        folders: e.folderIds
          .filter((id) => !folderId || id === folderId)
          .map((id) => names.get(id))
          .filter((n): n is string => n !== undefined),
        tags: e.tags,
      })),
    };
  }

  /**
   * POST …/watchlist/import: parses and checks the whole file first — syntax, the document's shape,
   * folder references, duplicates, unknown titles, the size limit — answering 422 with the field
   * and the line and column at fault; only then applies it, in one transaction.
   */
  async import(viewer: ProfileViewer, body: WatchlistImportBody): Promise<WatchlistImportResult> {
    const text = body.content;
    const at = (path: readonly (string | number)[]) => {
      const { found } = scanJson(text, path);
      return lineColumn(text, found ?? 0);
    };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      const { error } = scanJson(text);
      const where = lineColumn(text, error ?? text.length);
      throw unprocessable(
        `The file is not valid JSON: problem at line ${where.line}, column ${where.column}`,
        'content',
        where,
      );
    }
    const parsed = WatchlistExportDocument.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = (issue?.path ?? []) as (string | number)[];
      const field = formatIssuePath(path) || 'content';
      const where = at(path);
      throw unprocessable(
        `${field}: ${issue?.message ?? 'invalid'} (line ${where.line}, column ${where.column})`,
        field,
        where,
      );
    }
    const doc = parsed.data;
    const fail = (path: (string | number)[], message: string): never => {
      const where = at(path);
      const field = formatIssuePath(path);
      throw unprocessable(`${field}: ${message} (line ${where.line}, column ${where.column})`, field, where);
    };
    const folderNames = new Map<string, string>();
    doc.folders.forEach((f, i) => {
      const k = f.name.toLowerCase();
      if (folderNames.has(k)) fail(['folders', i, 'name'], `the folder “${f.name}” is listed twice`);
      folderNames.set(k, f.name);
    });
    const snap = await this.#catalog.snapshot();
    const now = this.#catalog.now();
    const seen = new Set<string>();
    const skipped: WatchlistImportResult['skipped'] = [];
    const accepted: { index: number; title: TitleRecord; item: (typeof doc.items)[number] }[] = [];
    doc.items.forEach((item, index) => {
      (item.folders ?? []).forEach((name, j) => {
        if (!folderNames.has(name.toLowerCase()))
          fail(['items', index, 'folders', j], `“${name}” is not one of the file’s folders`);
      });
      let title = snap.titles.get(item.title_id);
      if (!title && item.name) {
        const r = this.#resolve(snap, viewer, item.year ? `${item.name} (${item.year})` : item.name);
        title = r.title ?? undefined;
      }
      if (!title || !this.#catalog.isPublished(title, now)) fail(['items', index, 'title_id'], 'unknown title');
      const t = title as TitleRecord;
      if (seen.has(t.id)) fail(['items', index, 'title_id'], 'this title is listed twice');
      seen.add(t.id);
      if (!this.#catalog.isVisible(t, viewer, now)) {
        skipped.push({ index, title_id: item.title_id, reason: 'Not available on this profile' });
        return;
      }
      accepted.push({ index, title: t, item });
    });

    const profileId = viewer.profileId;
    const dryRun = body.dry_run === true;
    return this.#db.transaction(async (tx) => {
      const rows = await this.#rows(profileId, tx);
      const existingFolders = await tx
        .select({ id: watchlistFolders.id, name: watchlistFolders.name, position: watchlistFolders.position })
        .from(watchlistFolders)
        .where(eq(watchlistFolders.profileId, profileId));
      const folderIdByName = new Map(existingFolders.map((f) => [f.name.toLowerCase(), f.id]));
      const newFolders = doc.folders.filter((f) => !folderIdByName.has(f.name.toLowerCase()));
      if (existingFolders.length + newFolders.length > WATCHLIST_MAX_FOLDERS) {
        fail(['folders'], `a profile has at most ${WATCHLIST_MAX_FOLDERS} folders`);
      }
      const byTitle = new Map(rows.map((r) => [r.titleId, r]));
      const replace = body.mode === 'replace';
      const fileIds = new Set(accepted.map((a) => a.title.id));
      const removedRows = replace ? rows.filter((r) => !fileIds.has(r.titleId)) : [];
      const kept = rows.length - removedRows.length;
      const adding = accepted.filter((a) => !byTitle.has(a.title.id));
      if (kept + adding.length > WATCHLIST_MAX_ITEMS) {
        fail(['items'], `the list would hold ${kept + adding.length} titles; it holds at most ${WATCHLIST_MAX_ITEMS}`);
      }
      const visibleRemoved = removedRows.filter((r) => {
        const t = snap.titles.get(r.titleId);
        return t && this.#catalog.isVisible(t, viewer, now);
      }).length;
      const result: WatchlistImportResult = {
        mode: body.mode,
        dry_run: dryRun,
        added: adding.length,
        updated: accepted.length - adding.length,
        removed: visibleRemoved,
        folders_created: newFolders.length,
        skipped,
        total: 0,
        undo: null,
      };
      const visibleCount = (ids: Iterable<string>) => {
        let n = 0;
        for (const id of ids) {
          const t = snap.titles.get(id);
          if (t && this.#catalog.isVisible(t, viewer, now)) n++;
        }
        return n;
      };
      if (dryRun) {
        const after = new Set([...rows.filter((r) => !removedRows.includes(r)).map((r) => r.titleId), ...fileIds]);
        result.total = visibleCount(after);
        return result;
      }
      let nextFolderPosition = existingFolders.reduce((m, f) => Math.max(m, f.position + 1), 0);
      const stamp = new Date(now);
      for (const f of newFolders) {
        const id = newId('wlf');
        folderIdByName.set(f.name.toLowerCase(), id);
        await tx.insert(watchlistFolders).values({
          id,
          profileId,
          name: f.name,
          description: f.description ?? null,
          position: nextFolderPosition++,
          createdAt: stamp,
          updatedAt: stamp,
        });
      }
      if (replace) {
        // Undo brings the whole previous list back.
        result.undo = await this.#saveUndo(tx, profileId, 'replace', rows.map(storedOf));
        if (removedRows.length) {
          await tx.delete(watchlistItems).where(
            and(
              eq(watchlistItems.profileId, profileId),
              inArray(
                watchlistItems.titleId,
                removedRows.map((r) => r.titleId),
              ),
            ),
          );
        }
      }
      // The file's order: its items first, in order, then what was on the list before (merge).
      const fileOrder = accepted.map((a) => a.title.id);
      const rest = replace ? [] : rows.map((r) => r.titleId).filter((id) => !fileIds.has(id));
      const order = [...fileOrder, ...rest];
      const position = new Map(order.map((id, i) => [id, i]));
      for (const a of accepted) {
        const folderIds = (a.item.folders ?? [])
          .map((n) => folderIdByName.get(n.toLowerCase()))
          .filter((id): id is string => id !== undefined);
        const current = byTitle.get(a.title.id);
        if (current && (!replace || !removedRows.includes(current))) {
          await tx
            .update(watchlistItems)
            .set({
              position: position.get(a.title.id) ?? 0,
              folderIds: replace ? [...new Set(folderIds)] : [...new Set([...current.folderIds, ...folderIds])],
              tags: replace ? mergeTags([], a.item.tags ?? []) : mergeTags(current.tags, a.item.tags ?? []),
            })
            .where(and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, a.title.id)));
        } else {
          await tx.insert(watchlistItems).values({
            profileId,
            titleId: a.title.id,
            position: position.get(a.title.id) ?? 0,
            addedAt: a.item.added_at ? new Date(a.item.added_at) : stamp,
            folderIds: [...new Set(folderIds)],
            tags: mergeTags([], a.item.tags ?? []),
          });
        }
      }
      for (const id of rest) {
        await tx
          .update(watchlistItems)
          .set({ position: position.get(id) ?? 0 })
          .where(and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, id)));
      }
      const after = await tx
        .select({ titleId: watchlistItems.titleId })
        .from(watchlistItems)
        .where(eq(watchlistItems.profileId, profileId));
      result.total = visibleCount(after.map((r) => r.titleId));
      return result;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Clear, undo, bulk actions

  async #saveUndo(
    tx: Pick<Db, 'insert' | 'delete'>,
    profileId: string,
    kind: 'clear' | 'replace' | 'remove',
    rows: StoredRow[],
  ): Promise<{ undo_token: string; expires_at: string }> {
    const now = this.#catalog.now();
    await tx.delete(watchlistUndo).where(lt(watchlistUndo.expiresAt, new Date(now)));
    const token = newSecret(24);
    const expiresAt = new Date(now + WATCHLIST_UNDO_MS);
    await tx.insert(watchlistUndo).values({ token, profileId, kind, rows, expiresAt });
    return { undo_token: token, expires_at: expiresAt.toISOString() };
  }

  /** DELETE …/watchlist/clear: every title off the list (folders stay), with an undo token. */
  async clear(viewer: ProfileViewer): Promise<WatchlistClearResult> {
    const removed = (await this.#entries(viewer)).length;
    const profileId = viewer.profileId;
    return this.#db.transaction(async (tx) => {
      const rows = await this.#rows(profileId, tx);
      const undo = await this.#saveUndo(tx, profileId, 'clear', rows.map(storedOf));
      await tx.delete(watchlistItems).where(eq(watchlistItems.profileId, profileId));
      return { ...undo, removed };
    });
  }

  /**
   * POST …/watchlist/restore: puts back what a clear, a replace import or a bulk remove took, once
   * (410 when expired or used). Titles added meanwhile stay; restored ones keep their places,
   * folders (those that still exist) and tags. A replace import's undo brings the previous list back.
   */
  async restore(viewer: ProfileViewer, token: string): Promise<{ restored: number; total: number }> {
    const profileId = viewer.profileId;
    const restored = await this.#db.transaction(async (tx) => {
      const [undo] = await tx
        .delete(watchlistUndo)
        .where(and(eq(watchlistUndo.token, token), eq(watchlistUndo.profileId, profileId)))
        .returning();
      if (!undo || undo.expiresAt.getTime() <= this.#catalog.now()) {
        throw new HttpError(410, 'gone', 'That undo has expired');
      }
      const saved = undo.rows as StoredRow[];
      const folders = new Set((await this.#folderRows(profileId, tx)).map((f) => f.id));
      if (undo.kind === 'replace') {
        await tx.delete(watchlistItems).where(eq(watchlistItems.profileId, profileId));
      }
      const current = await this.#rows(profileId, tx);
      const present = new Set(current.map((r) => r.titleId));
      const room = Math.max(0, WATCHLIST_MAX_ITEMS - current.length);
      const back = saved.filter((r) => !present.has(r.titleId)).slice(0, room);
      if (back.length) {
        await tx
          .insert(watchlistItems)
          .values(
            back.map((r) => ({
              profileId,
              titleId: r.titleId,
              position: r.position,
              addedAt: new Date(r.addedAt),
              folderIds: r.folderIds.filter((id) => folders.has(id)),
              tags: r.tags,
            })),
          )
          .onConflictDoNothing();
      }
      return back.map((r) => r.titleId);
    });
    const entries = await this.#entries(viewer);
    const shown = new Set(restored);
    return { restored: entries.filter((e) => shown.has(e.titleId)).length, total: entries.length };
  }

  /** POST …/watchlist/bulk: one action on selected titles; ids not on the list are reported. */
  async bulk(viewer: ProfileViewer, body: WatchlistBulkBody): Promise<WatchlistBulkResult> {
    const profileId = viewer.profileId;
    if ('folder_id' in body) await this.#checkFolders(profileId, [body.folder_id]);
    const entries = await this.#entries(viewer);
    const visible = new Set(entries.map((e) => e.titleId));
    const ids = [...new Set(body.title_ids)];
    const targets = ids.filter((id) => visible.has(id));
    const notFoundIds = ids.filter((id) => !visible.has(id));
    const result: WatchlistBulkResult = {
      action: body.action,
      affected: targets.length,
      not_found: notFoundIds,
      undo: null,
    };
    if (!targets.length) return result;
    await this.#db.transaction(async (tx) => {
      const rows = (await this.#rows(profileId, tx)).filter((r) => targets.includes(r.titleId));
      const where = (id: string) => and(eq(watchlistItems.profileId, profileId), eq(watchlistItems.titleId, id));
      if (body.action === 'remove') {
        result.undo = await this.#saveUndo(tx, profileId, 'remove', rows.map(storedOf));
        await tx
          .delete(watchlistItems)
          .where(and(eq(watchlistItems.profileId, profileId), inArray(watchlistItems.titleId, targets)));
        return;
      }
      for (const r of rows) {
        let folderIds = r.folderIds;
        let tags = r.tags;
        switch (body.action) {
          case 'move':
            folderIds = [body.folder_id];
            break;
          case 'add_to_folder':
            folderIds = [...new Set([...r.folderIds, body.folder_id])];
            break;
          case 'remove_from_folder':
            folderIds = r.folderIds.filter((id) => id !== body.folder_id);
            break;
          case 'tag':
            tags = mergeTags(r.tags, body.tags);
            break;
          case 'untag': {
            const drop = new Set(body.tags.map((t) => t.toLowerCase()));
            tags = r.tags.filter((t) => !drop.has(t.toLowerCase()));
            break;
          }
        }
        await tx.update(watchlistItems).set({ folderIds, tags }).where(where(r.titleId));
      }
    });
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Folders and sharing

  #folderRows(profileId: string, db: Pick<Db, 'select'> = this.#db) {
    return db
      .select()
      .from(watchlistFolders)
      .where(eq(watchlistFolders.profileId, profileId))
      .orderBy(asc(watchlistFolders.position), asc(watchlistFolders.createdAt), asc(watchlistFolders.id));
  }

  #shareOf(row: typeof watchlistFolders.$inferSelect): WatchlistShare | null {
    if (!row.shareToken || !row.shareCreatedAt) return null;
    if (row.shareExpiresAt && row.shareExpiresAt.getTime() <= this.#catalog.now()) return null;
    return {
      token: row.shareToken,
      url: `${this.#publicOrigin}/shared/my-list/${row.shareToken}`,
      created_at: row.shareCreatedAt.toISOString(),
      expires_at: row.shareExpiresAt?.toISOString() ?? null,
    };
  }

  #folderOf(row: typeof watchlistFolders.$inferSelect, entries: Entry[]): WatchlistFolder {
    const inside = entries.filter((e) => e.folderIds.includes(row.id));
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      position: row.position,
      item_count: inside.length,
      preview: inside.slice(0, 4).map((e) => e.summary.artwork.poster),
      share: this.#shareOf(row),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    };
  }

  /** GET …/watchlist/folders: folders in order with counts and share links, and the tags in use. */
  async folders(viewer: ProfileViewer): Promise<WatchlistFolderList> {
    const [rows, entries] = await Promise.all([this.#folderRows(viewer.profileId), this.#entries(viewer)]);
    const tags = new Map<string, { tag: string; item_count: number }>();
    for (const e of entries) {
      for (const t of e.tags) {
        const k = t.toLowerCase();
        const have = tags.get(k);
        if (have) have.item_count++;
        else tags.set(k, { tag: t, item_count: 1 });
      }
    }
    return {
      items: rows.map((r, i) => ({ ...this.#folderOf(r, entries), position: i })),
      tags: [...tags.values()].sort((a, b) => b.item_count - a.item_count || a.tag.localeCompare(b.tag)),
      max_folders: WATCHLIST_MAX_FOLDERS,
    };
  }

  async #folder(viewer: ProfileViewer, id: string): Promise<WatchlistFolder> {
    const [row] = await this.#db
      .select()
      .from(watchlistFolders)
      .where(and(eq(watchlistFolders.id, id), eq(watchlistFolders.profileId, viewer.profileId)));
    if (!row) throw notFound('That folder');
    return this.#folderOf(row, await this.#entries(viewer));
  }

  async #nameTaken(profileId: string, name: string, except?: string): Promise<void> {
    const rows = await this.#folderRows(profileId);
    if (rows.some((r) => r.id !== except && r.name.toLowerCase() === name.toLowerCase())) {
      throw conflict('You already have a folder with that name', [
        { field: 'name', message: 'a folder with this name exists' },
      ]);
    }
  }

  /** POST …/watchlist/folders. */
  async createFolder(
    viewer: ProfileViewer,
    body: { name: string; description?: string | undefined },
  ): Promise<WatchlistFolder> {
    const profileId = viewer.profileId;
    const name = body.name.trim();
    if (!name)
      throw new HttpError(400, 'validation_failed', 'name: must not be blank', {
        fields: [{ field: 'name', message: 'must not be blank' }],
      });
    const rows = await this.#folderRows(profileId);
    if (rows.length >= WATCHLIST_MAX_FOLDERS) {
      throw conflict(`You have ${WATCHLIST_MAX_FOLDERS} folders, the most there can be. Delete one first`);
    }
    await this.#nameTaken(profileId, name);
    const id = newId('wlf');
    const stamp = new Date(this.#catalog.now());
    await this.#db.insert(watchlistFolders).values({
      id,
      profileId,
      name,
      description: body.description?.trim() || null,
      position: rows.reduce((m, r) => Math.max(m, r.position + 1), 0),
      createdAt: stamp,
      updatedAt: stamp,
    });
    return this.#folder(viewer, id);
  }

  /** PATCH …/watchlist/folders/{id}: rename, describe, move. */
  async updateFolder(
    viewer: ProfileViewer,
    id: string,
    body: { name?: string | undefined; description?: string | null | undefined; position?: number | undefined },
  ): Promise<WatchlistFolder> {
    const profileId = viewer.profileId;
    const rows = await this.#folderRows(profileId);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('That folder');
    const patch: Partial<typeof watchlistFolders.$inferInsert> = { updatedAt: new Date(this.#catalog.now()) };
    if (body.name !== undefined) {
      const name = body.name.trim();
      if (!name)
        throw new HttpError(400, 'validation_failed', 'name: must not be blank', {
          fields: [{ field: 'name', message: 'must not be blank' }],
        });
      await this.#nameTaken(profileId, name, id);
      patch.name = name;
    }
    if (body.description !== undefined) patch.description = body.description?.trim() || null;
    await this.#db.transaction(async (tx) => {
      await tx.update(watchlistFolders).set(patch).where(eq(watchlistFolders.id, id));
      if (body.position !== undefined) {
        const order = rows.filter((r) => r.id !== id);
        order.splice(Math.min(body.position, order.length), 0, row);
        for (const [i, r] of order.entries()) {
          if (r.position !== i)
            await tx.update(watchlistFolders).set({ position: i }).where(eq(watchlistFolders.id, r.id));
        }
      }
    });
    return this.#folder(viewer, id);
  }

  /** DELETE …/watchlist/folders/{id}: its titles stay unless `removeItems`; its link dies with it. */
  async deleteFolder(viewer: ProfileViewer, id: string, removeItems: boolean): Promise<void> {
    const profileId = viewer.profileId;
    await this.#db.transaction(async (tx) => {
      const [gone] = await tx
        .delete(watchlistFolders)
        .where(and(eq(watchlistFolders.id, id), eq(watchlistFolders.profileId, profileId)))
        .returning({ id: watchlistFolders.id });
      if (!gone) throw notFound('That folder');
      const inFolder = sql`${id} = any(${watchlistItems.folderIds})`;
      if (removeItems) {
        await tx.delete(watchlistItems).where(and(eq(watchlistItems.profileId, profileId), inFolder));
      } else {
        await tx
          .update(watchlistItems)
          .set({ folderIds: sql`array_remove(${watchlistItems.folderIds}, ${id})` })
          .where(and(eq(watchlistItems.profileId, profileId), inFolder));
      }
    });
  }

  /** POST …/folders/{id}/share: a read-only link (a live link is answered again). */
  async shareFolder(viewer: ProfileViewer, id: string, expiresInDays: number | undefined): Promise<WatchlistShare> {
    const [row] = await this.#db
      .select()
      .from(watchlistFolders)
      .where(and(eq(watchlistFolders.id, id), eq(watchlistFolders.profileId, viewer.profileId)));
    if (!row) throw notFound('That folder');
    const live = this.#shareOf(row);
    if (live) return live;
    const now = this.#catalog.now();
    const [updated] = await this.#db
      .update(watchlistFolders)
      .set({
        shareToken: newSecret(24),
        shareCreatedAt: new Date(now),
        shareExpiresAt: expiresInDays ? new Date(now + expiresInDays * 86_400_000) : null,
      })
      .where(eq(watchlistFolders.id, id))
      .returning();
    return this.#shareOf(updated as typeof watchlistFolders.$inferSelect) as WatchlistShare;
  }

  /** DELETE …/folders/{id}/share. */
  async unshareFolder(viewer: ProfileViewer, id: string): Promise<void> {
    const [row] = await this.#db
      .update(watchlistFolders)
      .set({ shareToken: null, shareCreatedAt: null, shareExpiresAt: null })
      .where(and(eq(watchlistFolders.id, id), eq(watchlistFolders.profileId, viewer.profileId)))
      .returning({ id: watchlistFolders.id });
    if (!row) throw notFound('That folder');
  }

  /**
   * GET /shared/watchlists/{token}: the folder for anyone with the link, read-only: names and cards
   * only (no tags, no other folders), titles within the owner profile's maturity ceiling and the
   * reader's. 410 once revoked or expired.
   */
  async shared(
    reader: Viewer,
    token: string,
    query: { cursor?: string | undefined; limit?: number | undefined },
  ): Promise<SharedWatchlist> {
    const [row] = await this.#db
      .select({ folder: watchlistFolders, owner: profiles })
      .from(watchlistFolders)
      .innerJoin(profiles, eq(profiles.id, watchlistFolders.profileId))
      .where(eq(watchlistFolders.shareToken, token));
    const now = this.#catalog.now();
    if (!row || (row.folder.shareExpiresAt && row.folder.shareExpiresAt.getTime() <= now)) {
      throw new HttpError(410, 'gone', 'This link no longer works: its owner stopped sharing it');
    }
    const ownerCeiling = row.owner.isKids ? Math.min(row.owner.maturityLevel, 12) : row.owner.maturityLevel;
    const viewer: ProfileViewer = {
      ...reader,
      maturityCeiling: Math.min(reader.maturityCeiling, ownerCeiling),
      profileId: row.owner.id,
    };
    const entries = (await this.#entries(viewer)).filter((e) => e.folderIds.includes(row.folder.id));
    const page = keyedPage(
      entries,
      (e) => e.position,
      (e) => e.titleId,
      'asc',
      query.cursor,
      query.limit ?? DEFAULT_PAGE,
    );
    const latest = entries.reduce((m, e) => Math.max(m, e.addedAt.getTime()), row.folder.updatedAt.getTime());
    return {
      name: row.folder.name,
      description: row.folder.description,
      owner: { name: row.owner.name, avatar_url: avatarUrl(row.owner.avatar) },
      item_count: entries.length,
      updated_at: new Date(latest).toISOString(),
      items: page.items.map((e) => ({ title: e.summary, added_at: e.addedAt.toISOString() })),
      next_cursor: page.next_cursor,
    };
  }
}

function storedOf(r: {
  titleId: string;
  position: number;
  addedAt: Date;
  folderIds: string[];
  tags: string[];
}): StoredRow {
  return {
    titleId: r.titleId,
    position: r.position,
    addedAt: r.addedAt.toISOString(),
    folderIds: r.folderIds,
    tags: r.tags,
  };
}

function itemOf(e: Entry, card: TitleSummary): WatchlistItem {
  return {
    title_id: e.titleId,
    title: card,
    position: e.position,
    folder_ids: e.folderIds,
    tags: e.tags,
    added_at: e.addedAt.toISOString(),
  };
}
