// Pure helpers behind <reel-watchlist>'s order: moving one title (drag-and-drop or keyboard), and
// the list's own search, sort and filters (the whole list is on the page: at most 500 titles).
import type { WatchlistItem } from '@reel/contracts';

/** `ids` with `id` moved to index `to` (clamped). */
export function moveId(ids: readonly string[], id: string, to: number): string[] {
  const from = ids.indexOf(id);
  if (from < 0) return [...ids];
  const out = ids.filter((x) => x !== id);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, id);
  return out;
}

export type WatchlistSortKey = 'position' | 'added' | 'title' | 'year' | 'rating';

export interface ListView {
  q: string;
  sort: WatchlistSortKey;
  type: string;
  genre: string;
  /** A folder id, `none`, or '' for every title. */
  folder: string;
  tag: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The items shown for a view, in its order. Nulls (no year, no rating) sort last. */
export function viewItems(items: readonly WatchlistItem[], view: ListView): WatchlistItem[] {
  const needle = fold(view.q.trim());
  const tag = view.tag.toLowerCase();
  const out = items.filter(
    (i) =>
      (!needle || fold(i.title.name).includes(needle)) &&
      (!view.type || i.title.type === view.type) &&
      (!view.genre || i.title.genres.some((g) => g.slug === view.genre)) &&
      (!view.folder || (view.folder === 'none' ? i.folder_ids.length === 0 : i.folder_ids.includes(view.folder))) &&
      (!tag || i.tags.some((t) => t.toLowerCase() === tag)),
  );
  const nullsLast = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
  switch (view.sort) {
    case 'added':
      return out.sort((a, b) => b.added_at.localeCompare(a.added_at));
    case 'title':
      return out.sort((a, b) => fold(a.title.name).localeCompare(fold(b.title.name)));
    case 'year':
      return out.sort((a, b) => nullsLast(a.title.year, b.title.year));
    case 'rating':
      return out.sort((a, b) => nullsLast(a.title.rating_average, b.title.rating_average));
    default:
      return out.sort((a, b) => a.position - b.position);
  }
}

/** Whether the view shows the whole list in its own order (the only view that can be reordered). */
export const canReorder = (view: ListView): boolean =>
  view.sort === 'position' && !view.q.trim() && !view.type && !view.genre && !view.folder && !view.tag;
