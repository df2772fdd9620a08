import * as z from 'zod/mini';

// Wire conventions: JSON, snake_case fields, string ids, ISO 8601 UTC times, media positions in
// seconds (numbers), money in integer minor units with an ISO 4217 currency.

/** An opaque id. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));
/** An ISO 8601 UTC timestamp: `2026-11-26T12:00:00.000Z`. */
export const Timestamp = z.iso.datetime();
/** A calendar date: `2026-11-26`. */
export const DateOnly = z.iso.date();
/** A URL-safe slug. */
export const Slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));
/** A BCP 47 language tag: `en`, `es`, `ar`, `pt-BR`. */
export const Language = z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/));
/** An ISO 3166-1 alpha-2 region: `US`. */
export const Region = z.string().check(z.regex(/^[A-Z]{2}$/));
/** Seconds into a media item. */
export const Seconds = z.number().check(z.minimum(0));
/** A URL or a path on the same origin. */
export const Url = z.string().check(z.minLength(1), z.maxLength(2048));
/** Money in integer minor units (cents) and a currency. */
export const Money = z.object({ amount: z.int(), currency: z.string().check(z.regex(/^[A-Z]{3}$/)) });
/** An email address. */
export const Email = z.email().check(z.maxLength(254));

/**
 * A boolean in a query string: `true`/`false` (or `1`/`0`, `yes`/`no`) as the server receives it,
 * or a boolean as a caller passes it. (`z.coerce.boolean()` would read `"false"` as true.)
 */
export const QueryBool = z.union([z.boolean(), z.stringbool()]);

/** `{ id }` path params. */
export const IdParams = z.object({ id: Id });

/** A cursor-paged query: `?cursor=&limit=`. */
export const PageQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(512))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
});

/** A cursor-paged list: `{ items, next_cursor }`; `next_cursor` is null on the last page. */
export function page<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.nullable(z.string()) });
}

/** The one error envelope every non-2xx answer carries. */
export const ErrorBody = z.object({
  error: z.object({
    /** Machine-readable: `validation_failed`, `not_found`, `reauth_required`, `rate_limited` … */
    code: z.string(),
    /** A sentence a person can read. */
    message: z.string(),
    /** Field errors (`{ field: "items[2].title_id", message }`) or other structured detail. */
    details: z.optional(
      z.object({
        fields: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
        /** What would allow it (a plan that allows a 1080p stream, the seconds until retry …). */
        hint: z.optional(z.record(z.string(), z.unknown())),
      }),
    ),
    request_id: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Machine-readable error codes the server uses. A client acts on some of them. */
export const ErrorCode = {
  validationFailed: 'validation_failed',
  unauthenticated: 'unauthenticated',
  tokenExpired: 'token_expired',
  forbidden: 'forbidden',
  reauthRequired: 'reauth_required',
  notFound: 'not_found',
  conflict: 'conflict',
  idempotencyConflict: 'idempotency_conflict',
  idempotencyInFlight: 'idempotency_in_flight',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  entitlementExceeded: 'entitlement_exceeded',
  mfaRequired: 'mfa_required',
  invalidCredentials: 'invalid_credentials',
  paymentFailed: 'payment_failed',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An empty success body `{ ok: true }` for actions that have nothing else to say. */
export const Ok = z.object({ ok: z.literal(true) });

/** Formats a validation issue's path as the error envelope names fields: `items[2].title_id`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
