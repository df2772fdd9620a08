import { ErrorCode } from '@reel/contracts';
import { HttpError } from './errors.js';

/**
 * Opaque pagination cursors: the sort key of the last item returned and its id (ties broken by
 * id), as base64url JSON. A cursor that does not decode is a 400 on `query.cursor`.
 */
export function encodeCursor(position: { k: (string | number | null)[]; id: string }): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { k: (string | number | null)[]; id: string } | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      Array.isArray((value as { k?: unknown }).k) &&
      typeof (value as { id?: unknown }).id === 'string'
    ) {
      return value as { k: (string | number | null)[]; id: string };
    }
  } catch {
    // fall through
  }
  throw new HttpError(400, ErrorCode.validationFailed, 'query.cursor: not a cursor this server gave out', {
    fields: [{ field: 'query.cursor', message: 'not a cursor this server gave out' }],
  });
}

/** Pages an in-memory, already sorted list by an offset cursor (for lists computed in memory). */
export function pageOf<T>(items: readonly T[], cursor: string | undefined, limit: number, idOf: (item: T) => string) {
  const decoded = decodeCursor(cursor);
  let start = 0;
  if (decoded) {
    const offset = Number(decoded.k[0]);
    start = Number.isInteger(offset) && offset >= 0 ? offset : 0;
    // If the list changed, continue after the item with the cursor's id when it is still there.
    const at = items.findIndex((item) => idOf(item) === decoded.id);
    if (at >= 0) start = at + 1;
  }
  const slice = items.slice(start, start + limit);
  const last = slice[slice.length - 1];
  const next_cursor =
    start + limit < items.length && last ? encodeCursor({ k: [start + limit], id: idOf(last) }) : null;
  return { items: slice, next_cursor };
}
