import type * as z from 'zod/mini';
import type { Permission } from './permissions.js';

/** HTTP methods used by the API. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint.
 * - `public`: anyone, no token (catalog data, sign-in);
 * - `optional`: anyone; a signed-in caller gets a personalised answer;
 * - `session`: a signed-in account (access token);
 * - `profile`: a signed-in account acting for one of its profiles (`{profile_id}` in the path or
 *   the active profile of the token); another account's profile answers 404;
 * - `staff`: a staff account holding `permission`;
 * - `playback`: a signed-in account or a partner playback token;
 * - `api-key`: a partner's server, with its key in `X-Api-Key`;
 * - `signature`: a signed webhook from the payment gateway.
 */
export const Auth = {
  public: 'public',
  optional: 'optional',
  session: 'session',
  profile: 'profile',
  staff: 'staff',
  playback: 'playback',
  apiKey: 'api-key',
  signature: 'signature',
} as const;
export type Auth = (typeof Auth)[keyof typeof Auth];

/**
 * Whether a client may send the request again after a failure.
 * - `safe`: no side effect or an idempotent one (GET, PUT, DELETE of one thing): retried on
 *   network errors, 502/503/504 and 429;
 * - `idempotency-key`: moves money or creates something once: retried only with the same
 *   `Idempotency-Key` header, which the client then always sends;
 * - `never`: not retried.
 */
export const Retry = { safe: 'safe', idempotencyKey: 'idempotency-key', never: 'never' } as const;
export type Retry = (typeof Retry)[keyof typeof Retry];

/** What the success body is. JSON unless said otherwise. */
export const BodyKind = {
  json: 'json',
  /** Plain text (Prometheus metrics, CSV). */
  text: 'text',
  /** A file download (PDF, CSV, JSON export) served with Content-Disposition. */
  file: 'file',
  /** Server-Sent Events (`text/event-stream`); `response` describes one event's data. */
  eventStream: 'event-stream',
  /** No body (204). */
  none: 'none',
} as const;
export type BodyKind = (typeof BodyKind)[keyof typeof BodyKind];

/** Where an endpoint comes from: named in the review (S), implied (I), admin, or added by an issue. */
export type Origin = 'S' | 'I' | 'admin' | 'added';

// biome-ignore lint/suspicious/noExplicitAny: the schema slots accept any zod schema.
type AnySchema = z.ZodMiniType<any, any>;
type ObjectSchema = z.ZodMiniObject;

/** The definition of one endpoint, as written in `src/endpoints/<domain>.ts`. */
export interface EndpointDefinition<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends AnySchema | undefined = AnySchema | undefined,
  R extends AnySchema | undefined = AnySchema | undefined,
  Path extends string = string,
  K extends BodyKind = BodyKind,
> {
  /** Stable operation name, `<domain>.<verb>`: `watchlist.reorder`. Never renamed once shipped. */
  operation: string;
  method: HttpMethod;
  /** Path under the API base (`/api/v1`), params in braces: `/users/{profile_id}/watchlist`. */
  path: Path;
  summary: string;
  /** Path parameters; every `{name}` of `path` must be a key. */
  params?: P;
  query?: Q;
  body?: B;
  /** Success status: 200 by default, 201 for a creation, 202 for accepted work, 204 for no body. */
  status?: 200 | 201 | 202 | 204;
  /** Success body (one event's data for an event stream). Omitted for 204. */
  response?: R;
  bodyKind?: K;
  /** Error statuses this endpoint can answer besides 400/401/403/404/429/500 (409, 413, 422, 423 …). */
  errors?: readonly number[];
  auth: Auth;
  /** For `staff` endpoints, the permission required. */
  permission?: Permission;
  /** Requires a recent re-authentication (`POST /auth/reauth`): answers 403 `reauth_required` otherwise. */
  reauth?: boolean;
  retry: Retry;
  origin: Origin;
  /** Elements (tags) that call it, for the endpoint reference. */
  usedBy?: readonly string[];
}

/** A defined endpoint: the definition with its defaults filled in. */
export type Endpoint<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends AnySchema | undefined = AnySchema | undefined,
  R extends AnySchema | undefined = AnySchema | undefined,
  Path extends string = string,
  K extends BodyKind = BodyKind,
> = EndpointDefinition<P, Q, B, R, Path, K> & { status: 200 | 201 | 202 | 204; bodyKind: K };

// biome-ignore lint/suspicious/noExplicitAny: any endpoint, whatever its schemas.
export type AnyEndpoint = Endpoint<any, any, any, any, string, BodyKind>;

/** The TypeScript types of an endpoint's parts, as the client sends and receives them. */
export type ParamsOf<E> = E extends { params?: infer P }
  ? P extends ObjectSchema
    ? z.infer<P>
    : undefined
  : undefined;
export type QueryOf<E> = E extends { query?: infer Q } ? (Q extends ObjectSchema ? z.input<Q> : undefined) : undefined;
export type BodyOf<E> = E extends { body?: infer B } ? (B extends AnySchema ? z.input<B> : undefined) : undefined;
export type ResponseOf<E> = E extends { response?: infer R }
  ? R extends AnySchema
    ? z.output<R>
    : undefined
  : undefined;

/** The names of a path's `{params}`, in order: `PathParamNames<'/a/{x}/b/{y}'>` is `['x', 'y']`. */
export type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? [Name, ...PathParamNames<Rest>]
  : [];

/**
 * Defines an endpoint. Fills in defaults (status 200, or 204 without a response; JSON bodies)
 * and checks that the path's `{params}` and the params schema agree.
 *
 * @example
 * export const reorder = defineEndpoint({
 *   operation: 'watchlist.reorder', method: 'POST', path: '/users/{profile_id}/watchlist/reorder',
 *   summary: 'Store a new order', params: ProfileParams, body: ReorderBody, response: WatchlistPage,
 *   auth: Auth.profile, retry: Retry.safe, origin: 'S',
 * });
 */
export function defineEndpoint<
  const Path extends string,
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
  R extends AnySchema | undefined = undefined,
  K extends BodyKind = 'json',
>(definition: EndpointDefinition<P, Q, B, R, Path, K>): Endpoint<P, Q, B, R, Path, K> {
  const names = [...definition.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const keys = definition.params ? Object.keys(definition.params.def.shape) : [];
  if (names.length !== keys.length || names.some((n) => !keys.includes(n as string))) {
    throw new Error(
      `${definition.operation}: path params {${names.join(', ')}} do not match params [${keys.join(', ')}]`,
    );
  }
  const status = definition.status ?? (definition.response ? 200 : 204);
  return {
    ...definition,
    status,
    bodyKind: (definition.bodyKind ?? (status === 204 ? BodyKind.none : BodyKind.json)) as K,
  };
}

/** Builds the concrete path of an endpoint from its params: `/users/p1/watchlist`. */
export function buildPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
