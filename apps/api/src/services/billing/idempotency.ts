// Idempotency-Key handling for requests that can move money, the way Stripe's API does it: the
// first request with a key runs and its answer (success or a 4xx) is kept; the same key with the
// same body replays that answer; the same key with another body is refused (422); a request with a
// key whose first request is still running is refused (409). A 5xx is not kept, so a retry runs.
import { createHash } from 'node:crypto';
import { ErrorCode } from '@reel/contracts';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { billingIdempotency } from '../../db/schema/index.js';
import { badRequest, HttpError } from '../../http/errors.js';

const KEY = /^[\x21-\x7e]{8,255}$/;
/** Keys are kept a day, as Stripe keeps them. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** A stable hash of a JSON body: object keys sorted, so key order does not matter. */
export function bodyHash(body: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

/** The `Idempotency-Key` header, checked; null when absent and optional. */
export function idempotencyKeyOf(headers: Record<string, unknown>, required: boolean): string | null {
  const raw = headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || key === '') {
    if (!required) return null;
    throw new HttpError(400, 'idempotency_key_required', 'This request moves money: send an Idempotency-Key header', {
      fields: [{ field: 'Idempotency-Key', message: 'required' }],
    });
  }
  if (typeof key !== 'string' || !KEY.test(key))
    throw badRequest('Idempotency-Key: 8 to 255 visible ASCII characters', [
      { field: 'Idempotency-Key', message: '8 to 255 visible ASCII characters' },
    ]);
  return key;
}

/**
 * Runs `work` once per (account, key). `rawBody` is the body as sent (before the schema strips
 * unknown fields), so a key reused with any other body is refused.
 */
export async function idempotent<T>(
  db: Db,
  scope: { userId: string; key: string | null; operation: string; rawBody: unknown; now: Date },
  work: () => Promise<T>,
): Promise<T> {
  if (!scope.key) return work();
  const hash = bodyHash({ op: scope.operation, body: scope.rawBody ?? null });
  // Forget keys older than a day for this account (cheap: the primary key's prefix).
  await db
    .delete(billingIdempotency)
    .where(
      and(
        eq(billingIdempotency.userId, scope.userId),
        lt(billingIdempotency.createdAt, new Date(scope.now.getTime() - IDEMPOTENCY_TTL_MS)),
      ),
    );
  const inserted = await db
    .insert(billingIdempotency)
    .values({ userId: scope.userId, key: scope.key, operation: scope.operation, bodyHash: hash, state: 'in_flight' })
    .onConflictDoNothing()
    .returning({ key: billingIdempotency.key });
  if (!inserted.length) {
    const [row] = await db
      .select()
      .from(billingIdempotency)
      .where(and(eq(billingIdempotency.userId, scope.userId), eq(billingIdempotency.key, scope.key)));
    if (!row) return idempotent(db, scope, work);
    if (row.bodyHash !== hash)
      throw new HttpError(
        422,
        ErrorCode.idempotencyConflict,
        'This Idempotency-Key was used with another request: use a new key for a new request',
      );
    if (row.state === 'in_flight')
      throw new HttpError(
        409,
        ErrorCode.idempotencyInFlight,
        'The first request with this Idempotency-Key is still running: wait for its answer',
        undefined,
        { 'retry-after': '1' },
      );
    const stored = row.responseBody as { ok: true; value: T } | { ok: false; error: StoredError };
    if (stored.ok) return stored.value;
    throw new HttpError(stored.error.status, stored.error.code, stored.error.message, stored.error.details);
  }
  const where = and(eq(billingIdempotency.userId, scope.userId), eq(billingIdempotency.key, scope.key));
  try {
    const value = await work();
    await db
      .update(billingIdempotency)
      .set({ state: 'done', responseStatus: 200, responseBody: { ok: true, value } })
      .where(where);
    return value;
  } catch (error) {
    if (error instanceof HttpError && error.status < 500 && error.status !== 409) {
      const kept: StoredError = {
        status: error.status,
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
      await db
        .update(billingIdempotency)
        .set({ state: 'done', responseStatus: error.status, responseBody: { ok: false, error: kept } })
        .where(where);
    } else {
      await db.delete(billingIdempotency).where(where);
    }
    throw error;
  }
}

interface StoredError {
  status: number;
  code: string;
  message: string;
  details?: HttpError['details'];
}
