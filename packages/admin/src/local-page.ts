import type { TablePage, TableQuery } from './reel-admin-table.js';

/** Pages, searches and sorts a list the server returns whole (genres, ratings), like a server table. */
export function localPage<T>(
  all: T[],
  q: TableQuery,
  text: (row: T) => string,
  key: (row: T, sort: string) => string | number,
): TablePage<T> {
  let list = all;
  if (q.q) {
    const needle = q.q.toLowerCase();
    list = list.filter((r) => text(r).toLowerCase().includes(needle));
  }
  if (q.sort) {
    const dir = q.order === 'desc' ? -1 : 1;
    const sort = q.sort;
    list = [...list].sort((a, b) => {
      const x = key(a, sort);
      const y = key(b, sort);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }
  const start = Number(q.cursor ?? 0) || 0;
  const items = list.slice(start, start + q.limit);
  return { items, next_cursor: start + q.limit < list.length ? String(start + q.limit) : null };
}
