// Shared by the contract-driven tests: which endpoints the app serves, well-formed requests
// generated from the contract's schemas, a request sender that checks the error envelope, and a
// snapshot of every table's row count.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { type AnyEndpoint, buildPath, ErrorBody } from '@reel/contracts';
import { allEndpoints } from '@reel/contracts/registry';
import { arbitraryFromJsonSchema, jsonSchemaOf } from '@reel/contracts/testing';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';

/** Every endpoint of the contract, and by operation name. */
export const contract = allEndpoints();
export const contractByOperation = new Map(contract.map((e) => [e.operation, e]));

/** The URL of an endpoint under the server (the API base, or the root for `/.well-known/`). */
export const urlOf = (endpoint: AnyEndpoint, path = endpoint.path) =>
  endpoint.path.startsWith('/.well-known/') ? path : `/api/v1${path}`;

/** The contract endpoints the app registered with handle(); an operation the contract lacks fails. */
export function servedEndpoints(app: FastifyInstance): AnyEndpoint[] {
  const served = [...app.reel.routes];
  const unknown = served.filter((op) => !contractByOperation.has(op));
  assert.deepEqual(unknown, [], 'every served operation is in the contract');
  return contract.filter((e) => app.reel.routes.has(e.operation));
}

/** A deterministic seed per operation, from a base seed (REEL_FUZZ_SEED to vary it). */
export const BASE_SEED = Number(process.env.REEL_FUZZ_SEED ?? 20261126);
export const seedOf = (operation: string, salt = 0) =>
  (createHash('sha256').update(`${BASE_SEED}:${salt}:${operation}`).digest().readUInt32LE(0) & 0x7fffffff) as number;

// ── well-formed requests ────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;
const schemaCache = new WeakMap<object, Json>();
/** JSON Schema (input side) of a contract schema, cached. */
export function inputSchemaOf(schema: NonNullable<AnyEndpoint['body']>): Json {
  let json = schemaCache.get(schema);
  if (!json) {
    json = jsonSchemaOf(schema, 'input');
    schemaCache.set(schema, json);
  }
  return json;
}

/** One value of an arbitrary for a seed. */
export const sampleOne = <T>(arb: fc.Arbitrary<T>, seed: number): T => fc.sample(arb, { numRuns: 1, seed })[0] as T;

/** Serialises a query object as a browser would: arrays as repeated keys, booleans as words. */
export function toQueryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      search.append(key, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
  }
  return search.toString();
}

/** A path segment that reaches the route: Fastify refuses params over 100 characters, URLs resolve dot segments. */
const routable = (value: unknown) =>
  typeof value === 'string' &&
  value !== '' &&
  value !== '.' &&
  value !== '..' &&
  encodeURIComponent(value).length <= 100;

/** Id-like fallbacks for path params when the generated values do not route (long non-ASCII strings). */
const FALLBACK_PARAMS = ['tst_0000000000000001', 'abc', 'a1', '1', 'en', 'US', 'movie', '2026-01-01'];

export interface WellFormed {
  params: Record<string, string> | undefined;
  query: Record<string, unknown> | undefined;
  body: unknown;
  /** The URL with params and query filled in. */
  url: string;
  /** Headers a client sends with it: the JSON content type, an Idempotency-Key where the contract says so. */
  headers: Record<string, string>;
  payload: string | undefined;
}

const TRIES = 40;

/**
 * A request the contract calls valid for `endpoint`, generated from its schemas with fast-check
 * (deterministic for a seed). `profileId` fills a `{profile_id}` path param. Throws when no valid
 * request could be generated, naming the part.
 */
export function wellFormedRequest(
  endpoint: AnyEndpoint,
  options: { seed: number; profileId?: string | null },
): WellFormed {
  const { seed } = options;
  let params: Record<string, string> | undefined;
  if (endpoint.params) {
    const arb = arbitraryFromJsonSchema(inputSchemaOf(endpoint.params));
    const fixed: Record<string, string> =
      options.profileId && 'profile_id' in endpoint.params.def.shape ? { profile_id: options.profileId } : {};
    for (let i = 0; i < TRIES && !params; i++) {
      const candidate: Record<string, string> = { ...(sampleOne(arb, seed + i) as Record<string, string>), ...fixed };
      if (i >= TRIES / 2) {
        // Generated values that do not route: try id-like values the schema accepts.
        for (const [k, v] of Object.entries(candidate)) {
          if (!routable(v)) candidate[k] = FALLBACK_PARAMS[(i + k.length) % FALLBACK_PARAMS.length] as string;
        }
      }
      if (Object.values(candidate).every(routable) && endpoint.params.safeParse(candidate).success) params = candidate;
    }
    assert.ok(params, `${endpoint.operation}: could not generate valid path params`);
  }
  let query: Record<string, unknown> | undefined;
  let queryString = '';
  if (endpoint.query) {
    const arb = arbitraryFromJsonSchema(inputSchemaOf(endpoint.query));
    for (let i = 0; i <= TRIES && query === undefined; i++) {
      // The last try is the empty query, valid whenever no key is required.
      const candidate = i === TRIES ? {} : (sampleOne(arb, seed + 1000 + i) as Record<string, unknown>);
      const qs = toQueryString(candidate);
      // Check it the way the server sees it: parsed back from the query string.
      if (endpoint.query.safeParse({ ...parseQuery(qs) }).success) {
        query = candidate;
        queryString = qs;
      }
    }
    assert.ok(query, `${endpoint.operation}: could not generate a valid query`);
  }
  let body: unknown;
  let payload: string | undefined;
  if (endpoint.body) {
    const arb = arbitraryFromJsonSchema(inputSchemaOf(endpoint.body));
    for (let i = 0; i < TRIES && payload === undefined; i++) {
      const candidate = sampleOne(arb, seed + 2000 + i);
      const text = JSON.stringify(candidate);
      if (text !== undefined && endpoint.body.safeParse(JSON.parse(text)).success) {
        body = JSON.parse(text);
        payload = text;
      }
    }
    assert.ok(payload !== undefined, `${endpoint.operation}: could not generate a valid body`);
  }
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (endpoint.retry === 'idempotency-key') headers['idempotency-key'] = randomUUID();
  const url = urlOf(endpoint, buildPath(endpoint.path, params)) + (queryString ? `?${queryString}` : '');
  return { params, query, body, url, headers, payload };
}

/** The same request with another `{profile_id}` in its path (and a fresh Idempotency-Key). */
export function withProfile(endpoint: AnyEndpoint, request: WellFormed, profileId: string): WellFormed {
  const headers = { ...request.headers };
  if (headers['idempotency-key']) headers['idempotency-key'] = randomUUID();
  if (!request.params || !('profile_id' in request.params)) return { ...request, headers };
  const params = { ...request.params, profile_id: profileId };
  const queryString = toQueryString(request.query);
  const url = urlOf(endpoint, buildPath(endpoint.path, params)) + (queryString ? `?${queryString}` : '');
  return { ...request, params, url, headers };
}

// ── sending and checking answers ────────────────────────────────────────────────────────────

export interface Answer {
  status: number;
  /** The parsed JSON body, when the body is JSON. */
  json: unknown;
  text: string;
  requestId: string;
  contentType: string;
}

let requestCounter = 0;

/**
 * Sends a request with a fresh request id from a random private address (so per-address rate
 * limits do not pile up across the run). Event streams are read only when they are errors.
 */
export async function send(
  app: FastifyInstance,
  request: { method: string; url: string; headers?: Record<string, string>; payload?: string | Buffer | undefined },
  options: { stream?: boolean } = {},
): Promise<Answer> {
  const requestId = `t-${(++requestCounter).toString(36)}-${randomUUID().slice(0, 8)}`;
  const remoteAddress = `10.${(requestCounter >> 16) & 255}.${(requestCounter >> 8) & 255}.${requestCounter & 255}`;
  const headers = { ...request.headers, 'x-request-id': requestId };
  const method = request.method as 'GET';
  let status: number;
  let text: string;
  let contentType: string;
  if (options.stream) {
    const res = await app.inject({
      method,
      url: request.url,
      headers,
      payload: request.payload,
      remoteAddress,
      payloadAsStream: true,
    });
    status = res.statusCode;
    contentType = String(res.headers['content-type'] ?? '');
    const stream = res.stream();
    if (status < 400) {
      // An open event stream: hang up, as a browser tab would.
      stream.destroy();
      res.raw.res?.destroy();
      text = '';
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
      text = Buffer.concat(chunks).toString('utf8');
    }
  } else {
    const res = await app.inject({ method, url: request.url, headers, payload: request.payload, remoteAddress });
    status = res.statusCode;
    text = res.body;
    contentType = String(res.headers['content-type'] ?? '');
  }
  let json: unknown;
  if (contentType.includes('json') && text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status, json, text, requestId, contentType };
}

/** A line that says which request got which answer, for assertion messages. */
export const describeAnswer = (what: string, answer: Answer) =>
  `${what} → ${answer.status} ${answer.text.length > 400 ? `${answer.text.slice(0, 400)}…` : answer.text}`;

/** Asserts a non-2xx answer is the error envelope carrying this request's id, and returns its code. */
export function assertEnvelope(answer: Answer, what: string): string {
  assert.ok(answer.json !== undefined, `${describeAnswer(what, answer)}: an error must be a JSON envelope`);
  const parsed = ErrorBody.safeParse(answer.json);
  assert.ok(parsed.success, `${describeAnswer(what, answer)}: not the error envelope`);
  assert.equal(parsed.data.error.request_id, answer.requestId, `${describeAnswer(what, answer)}: request_id`);
  return parsed.data.error.code;
}

/** Asserts an answer is no server error and, for an error, the envelope; returns the error code or null. */
export function assertSound(answer: Answer, what: string): string | null {
  assert.ok(answer.status < 500, `${describeAnswer(what, answer)}: a server error`);
  if (answer.status < 400) return null;
  return assertEnvelope(answer, what);
}

/** True for the app's answer to a URL that matched no route (the request never reached a handler). */
export const isNoRoute = (answer: Answer) =>
  answer.status === 404 && typeof answer.text === 'string' && answer.text.includes('"No route for ');

// ── database snapshots ──────────────────────────────────────────────────────────────────────

/** Row counts of every table of the app's schema, read in one query. */
export async function rowCounter(app: FastifyInstance): Promise<() => Promise<Record<string, number>>> {
  const result = (await app.db.execute(
    sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] };
  const tables = result.rows.map((r) => r.table_name);
  assert.ok(tables.length > 0, 'the schema has tables');
  const query = sql.raw(`select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`);
  return async () => {
    const counts = (await app.db.execute(query)) as unknown as { rows: Record<string, number>[] };
    return { ...counts.rows[0] };
  };
}

/** The tables whose counts differ between two snapshots, as `name: before → after`. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}
