import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Auth, defineEndpoint, Retry } from '@reel/contracts';
import * as z from 'zod/mini';
import { bindDomains } from './bind.js';
import { ApiError, ContractError, isAbortError, NetworkError } from './errors.js';
import { envelope, json, startTestServer } from './test-server.js';
import { createTransport } from './transport.js';

// Contract fixtures: small endpoints with each retry policy and body kind.
const Thing = z.object({ id: z.string(), count: z.int() });
const fixtures = {
  get: defineEndpoint({
    operation: 'things.get',
    method: 'GET',
    path: '/things/{id}',
    summary: 'one thing',
    params: z.object({ id: z.string() }),
    query: z.object({ expand: z.optional(z.boolean()) }),
    response: Thing,
    auth: Auth.public,
    retry: Retry.safe,
    origin: 'added',
  }),
  create: defineEndpoint({
    operation: 'things.create',
    method: 'POST',
    path: '/things',
    summary: 'create once',
    body: z.object({ name: z.string() }),
    status: 201,
    response: Thing,
    auth: Auth.session,
    retry: Retry.never,
    origin: 'added',
  }),
  charge: defineEndpoint({
    operation: 'things.charge',
    method: 'POST',
    path: '/things/{id}/charge',
    summary: 'moves money',
    params: z.object({ id: z.string() }),
    body: z.object({ amount: z.int() }),
    response: Thing,
    auth: Auth.session,
    retry: Retry.idempotencyKey,
    origin: 'added',
  }),
  remove: defineEndpoint({
    operation: 'things.remove',
    method: 'DELETE',
    path: '/things/{id}',
    summary: 'no content',
    params: z.object({ id: z.string() }),
    auth: Auth.session,
    retry: Retry.safe,
    origin: 'added',
  }),
  export: defineEndpoint({
    operation: 'things.export',
    method: 'GET',
    path: '/things/export',
    summary: 'a file',
    bodyKind: 'file',
    auth: Auth.session,
    retry: Retry.safe,
    origin: 'added',
  }),
} as const;

describe('transport', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sleeps: number[] = [];
  const fakeSleep = async (ms: number, signal?: AbortSignal) => {
    sleeps.push(ms);
    if (signal?.aborted) throw signal.reason;
  };
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    sleeps.length = 0;
  });
  const client = (extra: Parameters<typeof createTransport>[0] | object = {}) =>
    bindDomains(createTransport({ baseUrl: server.baseUrl, sleep: fakeSleep, random: () => 1, ...extra }), {
      things: fixtures,
    });

  it('returns the validated body, unknown fields dropped, path params and query encoded', async () => {
    server.on('GET', '/things/a%2Fb', (_req, res) => json(res, 200, { id: 'a/b', count: 2, extra: 'x' }));
    const thing = await client().things.get('a/b', { expand: true });
    assert.deepEqual(thing, { id: 'a/b', count: 2 });
    assert.equal(server.requests[0]?.path, '/api/v1/things/a%2Fb?expand=true');
  });

  it('turns a body that breaks the contract into a ContractError naming operation and field', async () => {
    server.on('GET', '/things/bad', (_req, res) => json(res, 200, { id: 'bad', count: 'many' }));
    const error = await client()
      .things.get('bad')
      .catch((e: unknown) => e);
    assert.ok(error instanceof ContractError);
    assert.equal(error.operation, 'things.get');
    assert.equal(error.field, 'count');
    assert.equal(error.status, 200);
    assert.equal(error.requestId, 'req-1');
    assert.match(error.message, /things\.get.*count/);
  });

  it('turns a non-JSON success into a ContractError', async () => {
    server.on('GET', '/things/html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>');
    });
    await assert.rejects(client().things.get('html'), (e) => e instanceof ContractError && e.field === '');
  });

  it('turns the error envelope into an ApiError with code, field errors and request id', async () => {
    server.on('POST', '/things', (_req, res) =>
      json(
        res,
        400,
        envelope('validation_failed', 'name is too long', {
          details: { fields: [{ field: 'name', message: 'at most 40 characters' }] },
        }),
      ),
    );
    const error = await client()
      .things.create({ name: 'x'.repeat(50) })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fields, { name: 'at most 40 characters' });
    assert.equal(error.requestId, 'req-err');
  });

  it('reports an error answer without the envelope as unexpected_response', async () => {
    server.on('GET', '/things/proxy', (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
    await assert.rejects(
      client({ retry: { retries: 0 } }).things.get('proxy'),
      (e) => e instanceof ApiError && e.code === 'unexpected_response' && e.status === 500,
    );
  });

  it('turns a refused connection into a NetworkError after bounded retries with growing backoff', async () => {
    const offline = bindDomains(
      createTransport({
        baseUrl: 'http://127.0.0.1:9/api/v1',
        sleep: fakeSleep,
        random: () => 1,
        retry: { retries: 4, baseDelayMs: 100, maxDelayMs: 500 },
      }),
      { things: fixtures },
    );
    await assert.rejects(offline.things.get('x'), (e) => e instanceof NetworkError && e.operation === 'things.get');
    assert.deepEqual(sleeps, [100, 200, 400, 500]);
  });

  it('uses full jitter: each backoff is random × the capped exponential', async () => {
    let n = 0;
    const randoms = [0.5, 0.25, 0];
    server.on('GET', '/things/flaky', (_req, res) =>
      n++ < 3 ? json(res, 503, envelope('unavailable', 'try again')) : json(res, 200, { id: 'flaky', count: 1 }),
    );
    const thing = await client({ random: () => randoms.shift() ?? 0, retry: { baseDelayMs: 200 } }).things.get('flaky');
    assert.equal(thing.id, 'flaky');
    assert.deepEqual(sleeps, [100, 100, 0]);
    assert.equal(server.requests.length, 4);
  });

  it('honours Retry-After on a 429 and gives up when it is longer than allowed', async () => {
    let n = 0;
    server.on('GET', '/things/limited', (_req, res) =>
      n++ === 0
        ? json(res, 429, envelope('rate_limited', 'slow down'), { 'retry-after': '2' })
        : json(res, 200, { id: 'limited', count: 1 }),
    );
    await client().things.get('limited');
    assert.deepEqual(sleeps, [2000]);

    server.on('GET', '/things/long', (_req, res) =>
      json(res, 429, envelope('rate_limited', 'slow down'), { 'retry-after': '120' }),
    );
    const error = await client()
      .things.get('long')
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.retryAfter, 120);
    assert.equal(server.requests.filter((r) => r.path.endsWith('/long')).length, 1);
  });

  it('never retries an unsafe request without an idempotency key', async () => {
    server.on('POST', '/things', (_req, res) => json(res, 503, envelope('unavailable', 'down')));
    await assert.rejects(client().things.create({ name: 'a' }), ApiError);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(sleeps, []);
  });

  it('retries a money-moving request with the same idempotency key every time', async () => {
    let n = 0;
    server.on('POST', '/things/t1/charge', (_req, res) => {
      if (n++ === 0) {
        res.socket?.destroy();
        return;
      }
      json(res, 200, { id: 't1', count: 5 });
    });
    const result = await client().things.charge('t1', { amount: 500 });
    assert.equal(result.count, 5);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    assert.equal(keys.length, 2);
    assert.ok(keys[0] && keys[0] === keys[1]);
  });

  it('uses the caller’s idempotency key when given', async () => {
    server.on('POST', '/things/t2/charge', (_req, res) => json(res, 200, { id: 't2', count: 1 }));
    await client().things.charge('t2', { amount: 1 }, { idempotencyKey: 'key-123' });
    assert.equal(server.requests[0]?.headers['idempotency-key'], 'key-123');
  });

  it('on 401 asks for a fresh token once and sends again with it', async () => {
    let token = 'old';
    let refreshes = 0;
    server.on('GET', '/things/me', (req, res) =>
      req.headers.authorization === 'Bearer new'
        ? json(res, 200, { id: 'me', count: 1 })
        : json(res, 401, envelope('token_expired', 'expired')),
    );
    const c = client({
      getAccessToken: () => token,
      onUnauthorized: async () => {
        refreshes++;
        token = 'new';
        return token;
      },
    });
    assert.equal((await c.things.get('me')).id, 'me');
    assert.equal(refreshes, 1);
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      ['Bearer old', 'Bearer new'],
    );
  });

  it('does not loop when the fresh token is refused too, and throws the 401', async () => {
    let refreshes = 0;
    server.on('GET', '/things/never', (_req, res) => json(res, 401, envelope('unauthenticated', 'no')));
    const c = client({
      getAccessToken: () => 't',
      onUnauthorized: async () => {
        refreshes++;
        return 'also-refused';
      },
    });
    await assert.rejects(c.things.get('never'), (e) => e instanceof ApiError && e.status === 401);
    assert.equal(refreshes, 1);
    assert.equal(server.requests.length, 2);
  });

  it('shares one request between identical GETs in flight', async () => {
    server.on('GET', '/things/shared', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 30));
      json(res, 200, { id: 'shared', count: 1 });
    });
    const c = client();
    const [a, b, d] = await Promise.all([c.things.get('shared'), c.things.get('shared'), c.things.get('shared')]);
    assert.deepEqual([a.id, b.id, d.id], ['shared', 'shared', 'shared']);
    assert.equal(server.requests.length, 1);
    // Once settled, a new call makes a new request.
    await c.things.get('shared');
    assert.equal(server.requests.length, 2);
  });

  it('keeps a shared request going for the callers that did not abort', async () => {
    server.on('GET', '/things/slow', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 50));
      json(res, 200, { id: 'slow', count: 1 });
    });
    const c = client();
    const controller = new AbortController();
    const aborted = c.things.get('slow', {}, { signal: controller.signal });
    const kept = c.things.get('slow');
    controller.abort();
    await assert.rejects(aborted, (e) => isAbortError(e));
    assert.equal((await kept).id, 'slow');
    assert.equal(server.requests.length, 1);
  });

  it('aborts during a backoff wait without another request', async () => {
    server.on('GET', '/things/down', (_req, res) => json(res, 503, envelope('unavailable', 'down')));
    const controller = new AbortController();
    const c = bindDomains(
      createTransport({
        baseUrl: server.baseUrl,
        retry: { baseDelayMs: 5000, maxDelayMs: 5000 },
        random: () => 1,
      }),
      { things: fixtures },
    );
    const pending = c.things.get('down', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await assert.rejects(pending, (e) => isAbortError(e));
    assert.ok(Date.now() - started < 2000);
    assert.equal(server.requests.length, 1);
  });

  it('returns undefined for 204 and a named file for downloads', async () => {
    server.on('DELETE', '/things/t3', (_req, res) => {
      res.writeHead(204);
      res.end();
    });
    server.on('GET', '/things/export', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="things.csv"' });
      res.end('id,count\nt1,1\n');
    });
    const c = client();
    assert.equal(await c.things.remove('t3'), undefined);
    const file = await c.things.export();
    assert.equal(file.filename, 'things.csv');
    assert.equal(await file.blob.text(), 'id,count\nt1,1\n');
  });
});

describe('batching', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const batched = () =>
    bindDomains(createTransport({ baseUrl: server.baseUrl, batch: true, retry: { retries: 0 } }), {
      things: fixtures,
    });

  it('sends GETs made in one tick as one POST /batch and validates each answer on its own', async () => {
    server.on('POST', '/batch', (req, res) => {
      const { requests } = req.body as { requests: { id: string; path: string }[] };
      json(res, 200, {
        responses: requests.map((r) => {
          const id = r.path.split('/').pop()?.split('?')[0] ?? '';
          if (id === 'missing')
            return { id: r.id, status: 404, body: envelope('not_found', 'no such thing'), headers: {} };
          if (id === 'broken') return { id: r.id, status: 200, body: { id, count: 'x' }, headers: {} };
          return { id: r.id, status: 200, body: { id, count: 1 }, headers: {} };
        }),
      });
    });
    const c = batched();
    const results = await Promise.allSettled([
      c.things.get('a'),
      c.things.get('b', { expand: true }),
      c.things.get('missing'),
      c.things.get('broken'),
      c.things.get('a'),
    ]);
    assert.equal(server.requests.length, 1, 'one request for all');
    const batchBody = server.requests[0]?.body as { requests: { path: string }[] };
    const sent = batchBody.requests.map((r) => r.path);
    assert.deepEqual(sent, ['/things/a', '/things/b?expand=true', '/things/missing', '/things/broken']);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled'],
    );
    const [, , missing, broken] = results as PromiseRejectedResult[];
    assert.ok(missing?.reason instanceof ApiError && missing.reason.code === 'not_found');
    assert.ok(broken?.reason instanceof ContractError && broken.reason.field === 'count');
  });

  it('falls back to single requests when the server has no /batch', async () => {
    server.on('POST', '/batch', (_req, res) => json(res, 404, envelope('not_found', 'no route')));
    server.on('GET', '/things/x', (_req, res) => json(res, 200, { id: 'x', count: 1 }));
    server.on('GET', '/things/y', (_req, res) => json(res, 200, { id: 'y', count: 2 }));
    const c = batched();
    const [x, y] = await Promise.all([c.things.get('x'), c.things.get('y')]);
    assert.deepEqual([x.count, y.count], [1, 2]);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      ['POST /api/v1/batch', 'GET /api/v1/things/x', 'GET /api/v1/things/y'],
    );
  });

  it('sends a lone GET as itself', async () => {
    server.on('GET', '/things/solo', (_req, res) => json(res, 200, { id: 'solo', count: 1 }));
    await batched().things.get('solo');
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/api/v1/things/solo'],
    );
  });
});
