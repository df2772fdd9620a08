import type { AnyEndpoint, BodyOf, PathParamNames, QueryOf } from '@reel/contracts';
import type { CallOptions, ResultOf, Transport } from './transport.js';

/** Per-call options of a bound method. */
export type MethodOptions<E> = Pick<CallOptions<E>, 'signal' | 'idempotencyKey' | 'headers'> & {
  /** Query parameters, for endpoints that take a body and a query. */
  query?: QueryOf<E>;
};

type ToArgs<N> = N extends [infer _Head, ...infer Rest] ? [string | number, ...ToArgs<Rest>] : [];
type PathArgs<E> = E extends { path: infer P extends string } ? ToArgs<PathParamNames<P>> : [];

type Has<E, Key extends string> = E extends { [K in Key]?: infer S }
  ? [Exclude<S, undefined>] extends [never]
    ? false
    : true
  : false;

type InputArgs<E> =
  Has<E, 'body'> extends true
    ? [body: BodyOf<E>, options?: MethodOptions<E>]
    : Has<E, 'query'> extends true
      ? [query?: QueryOf<E>, options?: MethodOptions<E>]
      : [options?: MethodOptions<E>];

/** An endpoint as a method: path params in order, then the body (or the query), then options. */
export type Method<E> = (...args: [...PathArgs<E>, ...InputArgs<E>]) => Promise<ResultOf<E>>;

/** A domain (or a nested group of domains) with every endpoint turned into a method. */
export type Bound<D> = {
  [K in keyof D]: D[K] extends AnyEndpoint ? Method<D[K]> : D[K] extends object ? Bound<D[K]> : never;
};

const isEndpoint = (value: unknown): value is AnyEndpoint =>
  typeof value === 'object' && value !== null && 'operation' in value && 'path' in value && 'method' in value;

/** Turns one endpoint into a method on `transport`. */
export function bindEndpoint<E extends AnyEndpoint>(transport: Transport, endpoint: E): Method<E> {
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return ((...args: unknown[]) => {
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = String(args[i]);
    });
    const input = args[names.length];
    const options = (args[names.length + 1] ?? {}) as MethodOptions<E>;
    const hasBody = endpoint.body !== undefined;
    const call: CallOptions = {
      params: names.length ? params : undefined,
      signal: options.signal,
      idempotencyKey: options.idempotencyKey,
      headers: options.headers,
    };
    if (hasBody) {
      call.body = input;
      call.query = options.query;
    } else if (endpoint.query) {
      call.query = input as never;
    } else if (input && typeof input === 'object') {
      // No body or query: the only optional argument is the options object.
      Object.assign(call, { signal: (input as MethodOptions<E>).signal, headers: (input as MethodOptions<E>).headers });
    }
    return transport.call(endpoint, call as CallOptions<E>);
  }) as Method<E>;
}

/**
 * Binds domains of the contract to a transport:
 *
 * @example
 * import { watchlist } from '@reel/contracts';
 * const api = bindDomains(transport, { watchlist });
 * await api.watchlist.reorder(profileId, { title_ids });
 */
export function bindDomains<D extends object>(transport: Transport, domains: D): Bound<D> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(domains)) {
    if (isEndpoint(value)) out[key] = bindEndpoint(transport, value);
    else if (typeof value === 'object' && value !== null) out[key] = bindDomains(transport, value);
  }
  return out as Bound<D>;
}
