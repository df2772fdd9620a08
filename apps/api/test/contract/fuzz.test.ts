// Malformed requests for every served route, generated from the contract with fast-check: broken
// body fields (mutationsOf), wrong-typed and missing params and queries, U+0000 in strings, huge
// strings, wrong content types, invalid JSON. Every answer must be a 4xx in the error envelope with
// the request's id — never a 5xx — and a request refused as malformed must not write a row.
// Runs are bounded: REEL_FUZZ_RUNS (default 1500) spread over the served routes; REEL_FUZZ_SEED varies them.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { type AnyEndpoint, formatIssuePath } from '@reel/contracts';
import { mutationsOf } from '@reel/contracts/testing';
import fc from 'fast-check';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp } from '../helper.js';
import {
  assertSound,
  changedTables,
  describeAnswer,
  inputSchemaOf,
  rowCounter,
  seedOf,
  send,
  servedEndpoints,
  toQueryString,
  urlOf,
  type WellFormed,
  wellFormedRequest,
} from './support.js';

const t = await buildTestApp();
after(() => t.close());
const served = servedEndpoints(t.app);
const countRows = await rowCounter(t.app);

const BUDGET = Number(process.env.REEL_FUZZ_RUNS ?? 1500);
const RUNS = Math.max(6, Math.min(60, Math.floor(BUDGET / Math.max(1, served.length))));

/** A malformed request and what is wrong with it. */
interface Malformed {
  label: string;
  /** Path params as they go into the URL (already encoded, or deliberately broken). */
  rawParams?: Record<string, string>;
  /** Query string (without `?`). */
  rawQuery?: string;
  payload?: string | undefined;
  contentType?: string | undefined;
}

type Path = (string | number)[];

/** Paths of the string leaves of a JSON value. */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const p of path.slice(0, -1)) cursor = cursor[p] as Record<string | number, unknown>;
  cursor[path[path.length - 1] as string | number] = replacement;
  return copy;
}

/** The body with one string replaced (or, without strings, an extra key added) by `make(old)`. */
function withString(body: unknown, make: (old: string) => string): fc.Arbitrary<{ text: string; where: string }> {
  const leaves = stringLeaves(body);
  if (leaves.length === 0 || !body || typeof body !== 'object') {
    const base = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    return fc.constant({ text: JSON.stringify({ ...base, extra: make('') }), where: 'extra' });
  }
  return fc.constantFrom(...leaves).map((path) => ({
    text: JSON.stringify(
      setAt(body, path, make(String(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body)))),
    ),
    where: formatIssuePath(path) || 'body',
  }));
}

const INVALID_JSON = [
  '{',
  '{"a":',
  '[1,',
  'nul',
  '{"a":1}}',
  "{'a':1}",
  '\u0000',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];
const WRONG_TOP_LEVEL = ['[]', '1', '"text"', 'true', '[{"a":1}]'];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/octet-stream',
];
/** Path segments that are wrong for any id: missing, empty-ish, encoded NUL, bad escapes, too long, traversal. */
const BAD_SEGMENTS = [
  '',
  '%00',
  'a%00b',
  '%',
  '%zz',
  '%F0%9F',
  '..%2F..%2Fetc%2Fpasswd',
  '%20',
  'x'.repeat(101),
  'x'.repeat(2048),
  '-1',
  '1e999',
  'null',
  '%E2%80%AE',
];
/** Query values of the wrong type (or no value), as a client could send them. */
const WRONG_QUERY_VALUES = [
  '12345.5',
  'not-what-you-expect',
  'true',
  '-1',
  '',
  '1e999',
  'NaN',
  '0x10',
  '[]',
  '{}',
  '%00',
  'a%00b',
  '%zz',
];

function malformedRequests(endpoint: AnyEndpoint, base: WellFormed): fc.Arbitrary<Malformed> {
  const options: fc.Arbitrary<Malformed>[] = [];
  const hasBody = endpoint.method !== 'GET';
  const baseQuery = toQueryString(base.query);
  if (endpoint.body) {
    const mutations = mutationsOf(inputSchemaOf(endpoint.body), base.body);
    if (mutations.length) {
      options.push(
        fc.constantFrom(...mutations).map((m) => ({
          label: `body ${formatIssuePath(m.path) || '(root)'} broken`,
          payload: JSON.stringify(m.value) ?? '',
        })),
      );
    }
    options.push(
      fc
        .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
        .chain(([a, b]) => withString(base.body, () => `${a}\u0000${b}`))
        .map(({ text, where }) => ({ label: `U+0000 in body ${where}`, payload: text })),
      fc
        .integer({ min: 64 * 1024, max: 900 * 1024 })
        .chain((n) => withString(base.body, () => 'x'.repeat(n)))
        .map(({ text, where }) => ({ label: `huge string in body ${where}`, payload: text })),
      fc
        .constantFrom(...WRONG_TOP_LEVEL)
        .map((payload) => ({ label: `body ${payload} instead of an object`, payload })),
    );
  }
  if (hasBody) {
    options.push(
      fc
        .constantFrom(...INVALID_JSON)
        .map((payload) => ({ label: `invalid JSON ${JSON.stringify(payload)}`, payload })),
      fc.constantFrom(...WRONG_CONTENT_TYPES).map((contentType) => ({
        label: `content type ${contentType}`,
        contentType,
        payload: base.payload ?? '{"a":1}',
      })),
      fc.constant({ label: 'body over the size limit', payload: JSON.stringify({ x: 'x'.repeat(1_100_000) }) }),
    );
  }
  if (base.params) {
    const keys = Object.keys(base.params);
    options.push(
      fc
        .tuple(
          fc.constantFrom(...keys),
          fc.oneof(
            fc.constantFrom(...BAD_SEGMENTS),
            fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
          ),
        )
        .map(([key, value]) => ({ label: `param ${key}=${value.slice(0, 40)}`, rawParams: { [key]: value } })),
    );
  }
  // Queries: a key of the schema (or an unknown one) with a wrong-typed value, repeated, huge or NUL.
  const queryKeys = endpoint.query ? Object.keys(endpoint.query.def.shape) : [];
  options.push(
    fc
      .tuple(
        fc.constantFrom(...queryKeys, 'unknown_key'),
        fc.oneof(
          fc.constantFrom(...WRONG_QUERY_VALUES),
          fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'q'.repeat(n)),
          fc.string({ maxLength: 6 }).map((s) => `${encodeURIComponent(s)}%00`),
        ),
        fc.boolean(),
      )
      .map(([key, value, repeat]) => {
        const extra = repeat ? `${key}=${value}&${key}=${value}` : `${key}=${value}`;
        return {
          label: `query ${key}=${value.slice(0, 40)}${repeat ? ' (twice)' : ''}`,
          rawQuery: baseQuery ? `${baseQuery}&${extra}` : extra,
        };
      }),
  );
  const required = endpoint.query ? ((inputSchemaOf(endpoint.query).required ?? []) as string[]) : [];
  if (required.length) {
    options.push(
      fc.constantFrom(...required).map((key) => {
        const query = { ...base.query };
        delete query[key];
        return { label: `query without ${key}`, rawQuery: toQueryString(query) };
      }),
    );
  }
  return fc.oneof(...options);
}

function urlFor(endpoint: AnyEndpoint, base: WellFormed, malformed: Malformed): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    malformed.rawParams && name in malformed.rawParams
      ? (malformed.rawParams[name] as string)
      : encodeURIComponent(base.params?.[name] ?? ''),
  );
  const query = malformed.rawQuery ?? toQueryString(base.query);
  return urlOf(endpoint, path) + (query ? `?${query}` : '');
}

type CallerName = 'admin' | 'viewer' | 'anonymous';

/** Answers that refuse a request as malformed: bad input, too large, URI too long, wrong media type. */
const MALFORMED_STATUSES = new Set([400, 413, 414, 415, 431]);

describe(`fuzz on ${t.kind}: malformed requests to ${served.length} served routes (${RUNS + 1} each)`, () => {
  for (const endpoint of served) {
    it(`${endpoint.operation}: ${endpoint.method} ${endpoint.path}`, async () => {
      // Fresh callers per route: admin gets past every guard, so the body is what gets checked.
      const callers: Record<CallerName, TestCaller | null> = {
        admin: await createStaff(t.app, 'admin'),
        viewer: await createViewer(t.app),
        anonymous: null,
      };
      const profileId = callers.admin?.profileId ?? null;
      const base = wellFormedRequest(endpoint, { seed: seedOf(endpoint.operation, 7), profileId });
      const statuses = new Map<number, number>();
      // Row counts as of the last request: one count query per request.
      let counts = await countRows();
      // Always tried first: U+0000 in the query, which every route must refuse.
      const nul: Malformed = {
        label: 'query with U+0000',
        rawQuery: `${toQueryString(base.query)}&fuzz=a%00b`.replace(/^&/, ''),
      };
      await fc.assert(
        fc.asyncProperty(
          malformedRequests(endpoint, base),
          fc.oneof(
            { weight: 6, arbitrary: fc.constant<CallerName>('admin') },
            { weight: 1, arbitrary: fc.constant<CallerName>('viewer') },
            { weight: 1, arbitrary: fc.constant<CallerName>('anonymous') },
          ),
          async (malformed, callerName) => {
            const url = urlFor(endpoint, base, malformed);
            const headers: Record<string, string> = { ...base.headers, ...(callers[callerName]?.headers ?? {}) };
            delete headers['content-type'];
            const contentType =
              malformed.contentType ?? (malformed.payload !== undefined ? 'application/json' : undefined);
            if (contentType) headers['content-type'] = contentType;
            const payload = malformed.payload ?? base.payload;
            if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
            const answer = await send(
              t.app,
              { method: endpoint.method, url, headers, payload },
              { stream: endpoint.bodyKind === 'event-stream' },
            );
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            const what = `${callerName}, ${malformed.label}: ${endpoint.method} ${url.length > 200 ? `${url.slice(0, 200)}…` : url}`;
            const code = assertSound(answer, what);
            const before = counts;
            counts = await countRows();
            // Refused as malformed: nothing may be written. (A well-formed request the handler turns
            // down — a wrong password, say — may record a security event.)
            if (MALFORMED_STATUSES.has(answer.status) || code === 'validation_failed') {
              assert.deepEqual(
                changedTables(before, counts),
                [],
                `${describeAnswer(what, answer)}: a request refused as malformed wrote rows`,
              );
            }
          },
        ),
        { numRuns: RUNS, seed: seedOf(endpoint.operation, 11), examples: [[nul, 'admin']] },
      );
      const rejected = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
      assert.ok(rejected > 0, `${endpoint.operation}: no malformed request was rejected (${[...statuses]})`);
    });
  }
});
