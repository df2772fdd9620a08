import {
  type AnyEndpoint,
  type BodyOf,
  batchRun,
  buildPath,
  ErrorBody,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '@reel/contracts';
import { ApiError, ContractError, formatPath, NetworkError } from './errors.js';

/** A downloaded file (`bodyKind: 'file'`). */
export interface FileResult {
  blob: Blob;
  /** From `Content-Disposition`, when the server named the file. */
  filename: string | null;
  type: string;
}

/** What a call resolves to: the validated body, text, a file, or nothing for 204. */
export type ResultOf<E> = E extends { bodyKind: 'file' }
  ? FileResult
  : E extends { bodyKind: 'text' }
    ? string
    : ResponseOf<E> extends undefined
      ? undefined
      : ResponseOf<E>;

export interface RetryOptions {
  /** Attempts after the first; default 3. */
  retries?: number;
  /** First backoff; each retry doubles it, with full jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** Upper bound of one backoff. Default 4 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the 429 is thrown. Default 30 s. */
  maxRetryAfterMs?: number;
}

export interface ClientOptions {
  /** The API base: `/api/v1` on the site, `https://reel.example/api/v1` on a partner page. */
  baseUrl: string;
  /** The current access token, if any (kept in memory by the auth provider). */
  getAccessToken?: () => string | null | undefined;
  /**
   * Called once when a request answers 401: refresh the session and return the new token (the
   * request is sent again once with it), or null to give up (the 401 is thrown).
   */
  onUnauthorized?: (error: ApiError) => Promise<string | null | undefined>;
  /** Extra headers on every request (a partner's `X-Playback-Token`). */
  headers?: () => Record<string, string>;
  /** `include` on the site (refresh cookie), `omit` on partner pages. Default `same-origin`. */
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Send GETs made within one tick as one `POST /batch`. Off by default. */
  batch?: boolean | { maxSize?: number };
  /** Sleeps between retries; tests pass a fake clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random in [0, 1) for jitter; tests pin it. */
  random?: () => number;
}

/** Per-call options. */
export interface CallOptions<E = AnyEndpoint> {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
  body?: BodyOf<E>;
  signal?: AbortSignal | undefined;
  /** Required for money-moving calls; generated when absent, and reused on every retry. */
  idempotencyKey?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/** The low-level client: one `call` for any endpoint of the contract. */
export interface Transport {
  readonly baseUrl: string;
  call<E extends AnyEndpoint>(endpoint: E, options?: CallOptions<E>): Promise<ResultOf<E>>;
  /** The absolute URL of an endpoint (for `EventSource`, links and downloads). */
  url<E extends AnyEndpoint>(endpoint: E, params?: ParamsOf<E>, query?: QueryOf<E>): string;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const abortError = () => new DOMException('The request was aborted', 'AbortError');

/** Serialises a query object: undefined/null skipped, arrays repeated, booleans as `true`/`false`. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date). */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Validates a success body against the endpoint's response schema. */
export function validateResponse(endpoint: AnyEndpoint, status: number, data: unknown, requestId?: string) {
  if (!endpoint.response) return undefined;
  const result = endpoint.response.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ContractError({
    operation: endpoint.operation,
    status,
    field: formatPath(issue?.path ?? []),
    problem: issue?.message ?? 'invalid',
    requestId,
  });
}

/** Turns an error answer into an `ApiError` (the envelope) or, if it is not one, says so. */
export function errorFromBody(
  endpoint: AnyEndpoint,
  status: number,
  body: unknown,
  requestId: string | undefined,
  retryAfter?: number,
): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) {
    return new ApiError({
      operation: endpoint.operation,
      status,
      code: 'unexpected_response',
      message: `${endpoint.operation}: the server answered ${status} without an error envelope`,
      requestId,
      retryAfter,
    });
  }
  const { error } = parsed.data;
  const fields: Record<string, string> = {};
  for (const f of error.details?.fields ?? []) fields[f.field] = f.message;
  return new ApiError({
    operation: endpoint.operation,
    status,
    code: error.code,
    message: error.message,
    fields,
    hint: error.details?.hint,
    requestId: error.request_id ?? requestId,
    retryAfter,
  });
}

interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  refs: number;
}

/** Waits for `promise`, or rejects as soon as `signal` aborts (the promise goes on for others). */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbort();
    return Promise.reject(signal.reason ?? abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(signal.reason ?? abortError());
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

/**
 * Creates the low-level client. Every response is validated against the contract; errors are
 * `ApiError`, `ContractError` or `NetworkError`; safe requests are retried with exponential
 * backoff and full jitter on network errors, 502/503/504 and 429 (honouring `Retry-After`);
 * unsafe ones only when they carry an idempotency key; a 401 triggers one refresh and one resend;
 * identical GETs in flight share one request; GETs can be batched through `POST /batch`.
 */
export function createTransport(options: ClientOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  // Looked up on each call, so a fetch installed later (a polyfill, a service worker shim) is used.
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const retries = options.retry?.retries ?? 3;
  const baseDelay = options.retry?.baseDelayMs ?? 250;
  const maxDelay = options.retry?.maxDelayMs ?? 4000;
  const maxRetryAfter = options.retry?.maxRetryAfterMs ?? 30_000;
  const inFlight = new Map<string, Shared<unknown>>();
  const batchMax = typeof options.batch === 'object' ? (options.batch.maxSize ?? 20) : 20;
  let batchQueue: BatchItem[] = [];

  const url = (endpoint: AnyEndpoint, params?: unknown, query?: unknown) =>
    `${baseUrl}${buildPath(endpoint.path, params as Record<string, string>)}${queryString(query as Record<string, unknown>)}`;

  function headersFor(endpoint: AnyEndpoint, call: CallOptions, token: string | null | undefined, key?: string) {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers?.(), ...call.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    void endpoint;
    return headers;
  }

  /** One HTTP exchange, turned into a result or a typed error. */
  async function exchange(
    endpoint: AnyEndpoint,
    target: string,
    call: CallOptions,
    signal: AbortSignal | undefined,
    key: string | undefined,
    token: string | null | undefined,
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(target, {
        method: endpoint.method,
        headers: headersFor(endpoint, call, token, key),
        body: call.body === undefined ? null : JSON.stringify(call.body),
        credentials: options.credentials ?? 'same-origin',
        signal: signal ?? null,
      });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason ?? abortError();
      throw new NetworkError({ operation: endpoint.operation, cause });
    }
    return readResponse(endpoint, response);
  }

  async function readResponse(endpoint: AnyEndpoint, response: Response): Promise<unknown> {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const status = response.status;
    if (!response.ok) {
      const body = await response.json().catch(() => undefined);
      throw errorFromBody(endpoint, status, body, requestId, parseRetryAfter(response.headers.get('retry-after')));
    }
    if (endpoint.bodyKind === 'none' || status === 204) return undefined;
    if (endpoint.bodyKind === 'text') return response.text();
    if (endpoint.bodyKind === 'file') {
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
      const blob = await response.blob();
      return { blob, filename: filename ? decodeURIComponent(filename) : null, type: blob.type } satisfies FileResult;
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      throw new ContractError({ operation: endpoint.operation, status, field: '', problem: 'not JSON', requestId });
    }
    return validateResponse(endpoint, status, data, requestId);
  }

  const canRetry = (endpoint: AnyEndpoint, key: string | undefined) =>
    endpoint.retry === 'safe' || (endpoint.retry === 'idempotency-key' && key !== undefined);

  function retryDelay(error: unknown, attempt: number): number | null {
    if (error instanceof NetworkError) return random() * Math.min(maxDelay, baseDelay * 2 ** attempt);
    if (error instanceof ApiError && RETRYABLE_STATUS.has(error.status)) {
      if (error.retryAfter !== undefined) {
        const ms = error.retryAfter * 1000;
        return ms <= maxRetryAfter ? ms : null;
      }
      return random() * Math.min(maxDelay, baseDelay * 2 ** attempt);
    }
    return null;
  }

  /** Sends with retries and the 401-refresh-once rule. */
  async function send(
    endpoint: AnyEndpoint,
    target: string,
    call: CallOptions,
    signal: AbortSignal | undefined,
    key: string | undefined,
  ): Promise<unknown> {
    let refreshed = false;
    let token = options.getAccessToken?.();
    for (let attempt = 0; ; attempt++) {
      try {
        return await exchange(endpoint, target, call, signal, key, token);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401 && !refreshed && options.onUnauthorized) {
          refreshed = true;
          const fresh = await options.onUnauthorized(error);
          if (fresh) {
            token = fresh;
            attempt--;
            continue;
          }
          throw error;
        }
        const delay = attempt < retries && canRetry(endpoint, key) ? retryDelay(error, attempt) : null;
        if (delay === null) throw error;
        await sleep(delay, signal);
      }
    }
  }

  /** De-duplicates identical GETs: callers share one request; it is aborted when all callers abort. */
  function shared<T>(dedupKey: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>) {
    let entry = inFlight.get(dedupKey) as Shared<T> | undefined;
    if (!entry) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (inFlight.get(dedupKey) === created) inFlight.delete(dedupKey);
      });
      const created: Shared<T> = { promise, controller, refs: 0 };
      // Callers that all gave up leave no unhandled rejection behind.
      promise.catch(() => {});
      inFlight.set(dedupKey, created);
      entry = created;
    }
    const current = entry;
    current.refs++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      current.refs--;
      if (current.refs === 0) {
        current.controller.abort(abortError());
        if (inFlight.get(dedupKey) === current) inFlight.delete(dedupKey);
      }
    };
    return withSignal(current.promise, signal, release).finally(() => {
      released = true;
    });
  }

  // ---- batching ----
  interface BatchItem {
    endpoint: AnyEndpoint;
    path: string;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
    signal: AbortSignal;
  }

  function enqueue(endpoint: AnyEndpoint, path: string, signal: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      batchQueue.push({ endpoint, path, resolve, reject, signal });
      if (batchQueue.length === 1) setTimeout(flush, 0);
      else if (batchQueue.length >= batchMax) flush();
    });
  }

  function flush() {
    const items = batchQueue.filter((i) => !i.signal.aborted);
    for (const i of batchQueue) if (i.signal.aborted) i.reject(i.signal.reason ?? abortError());
    batchQueue = [];
    if (items.length === 0) return;
    if (items.length === 1) {
      const [only] = items as [BatchItem];
      send(only.endpoint, `${baseUrl}${only.path}`, {}, only.signal, undefined).then(only.resolve, only.reject);
      return;
    }
    sendBatch(items).catch(() => {
      // The batch route failed as a whole (old server, network): send each on its own.
      for (const i of items) send(i.endpoint, `${baseUrl}${i.path}`, {}, i.signal, undefined).then(i.resolve, i.reject);
    });
  }

  async function sendBatch(items: BatchItem[]) {
    const batchEndpoint = batchRun;
    const result = (await send(
      batchEndpoint,
      `${baseUrl}${batchEndpoint.path}`,
      { body: { requests: items.map((item, n) => ({ id: String(n), path: item.path })) } },
      undefined,
      undefined,
    )) as { responses: { id: string; status: number; body: unknown }[] };
    const byId = new Map(result.responses.map((r) => [r.id, r]));
    items.forEach((item, n) => {
      const r = byId.get(String(n));
      if (!r) {
        item.reject(
          new ContractError({
            operation: item.endpoint.operation,
            status: 200,
            field: `responses[${n}]`,
            problem: 'missing from the batch answer',
          }),
        );
        return;
      }
      try {
        if (r.status >= 200 && r.status < 300) item.resolve(validateResponse(item.endpoint, r.status, r.body));
        else item.reject(errorFromBody(item.endpoint, r.status, r.body, undefined));
      } catch (error) {
        item.reject(error);
      }
    });
  }

  return {
    baseUrl,
    url: (endpoint, params, query) => url(endpoint, params, query),
    call<E extends AnyEndpoint>(endpoint: E, call: CallOptions<E> = {}) {
      const target = url(endpoint, call.params, call.query);
      const key =
        call.idempotencyKey ?? (endpoint.retry === 'idempotency-key' ? globalThis.crypto.randomUUID() : undefined);
      if (endpoint.method !== 'GET' || call.body !== undefined) {
        return send(endpoint, target, call as CallOptions, call.signal, key) as Promise<ResultOf<E>>;
      }
      const token = options.getAccessToken?.() ?? '';
      const dedupKey = `${target}\n${token}\n${JSON.stringify(call.headers ?? {})}`;
      const batchable = options.batch && endpoint.bodyKind === 'json' && !call.headers;
      return shared(dedupKey, call.signal, (signal) =>
        batchable
          ? enqueue(endpoint, target.slice(baseUrl.length), signal)
          : send(endpoint, target, call as CallOptions, signal, key),
      ) as Promise<ResultOf<E>>;
    },
  };
}
