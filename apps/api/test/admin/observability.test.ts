// Observability (§30, issue 17): Prometheus metrics, per-route stats, client errors, web vitals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

/**
 * A strict reading of the Prometheus text format 0.0.4: every line is a `# HELP`, a `# TYPE` or a
 * sample `name{labels} value`; returns the samples.
 */
function parsePrometheus(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  const types = new Map<string, string>();
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const label = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
  const sample = new RegExp(
    `^(${name})(?:\\{((?:${label})(?:,${label})*)?,?\\})? (-?(?:[0-9.e+-]+|NaN|\\+Inf|-Inf))(?: -?\\d+)?$`,
    // Prometheus reads NaN case-insensitively (prom-client writes `Nan`).
    'i',
  );
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const help = line.match(new RegExp(`^# HELP (${name}) .*$`));
    if (help) continue;
    const type = line.match(new RegExp(`^# TYPE (${name}) (counter|gauge|histogram|summary|untyped)$`));
    if (type) {
      types.set(type[1] as string, type[2] as string);
      continue;
    }
    const m = line.match(sample);
    assert.ok(m, `line ${i + 1} is not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1] as string] = l[2] as string;
    const base = (m[1] as string).replace(/_(bucket|sum|count|total)$/, '');
    assert.ok(types.has(m[1] as string) || types.has(base) || types.has(`${base}_total`), `no # TYPE for ${m[1]}`);
    samples.push({ name: m[1] as string, labels, value: Number(m[3]) });
  }
  return samples;
}

describe('observability', () => {
  let t: TestApp;
  let analyst: TestCaller;
  let moderator: TestCaller;
  let viewer: TestCaller;

  const send = async (method: string, url: string, caller: TestCaller | null, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: caller?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return {
      status: res.statusCode,
      body: (res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : null) as Json,
      raw: res.body,
      headers: res.headers,
    };
  };

  before(async () => {
    t = await buildTestApp();
    analyst = await createStaff(t.app, 'analyst');
    moderator = await createStaff(t.app, 'moderator');
    viewer = await createViewer(t.app);
  });
  after(() => t.close());

  it('keeps observability to staff with observability.view', async () => {
    for (const url of [
      '/ops/metrics',
      '/ops/observability/routes',
      '/ops/observability/client-errors',
      '/ops/observability/web-vitals',
    ]) {
      assert.equal((await send('GET', url, null)).status, 401, url);
      assert.equal((await send('GET', url, viewer)).status, 403, url);
      assert.equal((await send('GET', url, moderator)).status, 403, url);
      assert.equal((await send('GET', url, analyst)).status, 200, url);
    }
  });

  it('serves /ops/metrics as Prometheus text whose counters move with requests', async () => {
    const count = (samples: ReturnType<typeof parsePrometheus>, route: string) =>
      samples
        .filter((s) => s.name === 'reel_http_requests_total' && s.labels.route === route && s.labels.method === 'GET')
        .reduce((n, s) => n + s.value, 0);
    const first = await send('GET', '/ops/metrics', analyst);
    assert.equal(first.status, 200);
    assert.match(String(first.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const before = parsePrometheus(first.raw);
    const route = '/api/v1/ops/version';
    const n0 = count(before, route);
    for (let i = 0; i < 3; i++) assert.equal((await send('GET', '/ops/version', null)).status, 200);
    assert.equal((await send('GET', '/titles/not-a-title-at-all', null)).status, 404);
    const after = parsePrometheus((await send('GET', '/ops/metrics', analyst)).raw);
    assert.equal(count(after, route), n0 + 3);
    // A route template, never the raw URL.
    assert.ok(!after.some((s) => s.labels.route?.includes('not-a-title-at-all')));
    assert.ok(after.some((s) => s.name === 'reel_http_requests_total' && s.labels.route === '/api/v1/titles/{id}'));
    const histCount = after.find(
      (s) => s.name === 'reel_http_request_duration_seconds_count' && s.labels.route === route,
    );
    assert.ok(histCount && histCount.value >= 3);
    assert.ok(after.some((s) => s.name === 'reel_http_request_duration_seconds_bucket' && s.labels.le === '+Inf'));
    assert.ok(after.some((s) => s.name === 'reel_active_streams'));
    assert.ok(after.some((s) => s.name === 'reel_media_jobs' && s.labels.state === 'queued'));
  });

  it('reports per-route rates, error rates and percentiles', async () => {
    for (let i = 0; i < 4; i++) await send('GET', '/ops/health', null);
    const res = await send('GET', '/ops/observability/routes?window=5m&route=/ops/health', analyst);
    assert.equal(res.status, 200, res.raw);
    const item = res.body.items.find((s: Json) => s.route === '/api/v1/ops/health');
    assert.ok(item, JSON.stringify(res.body.items));
    assert.equal(item.operation, 'ops.health');
    assert.ok(item.requests >= 4);
    assert.ok(item.latency_ms.p50 > 0 && item.latency_ms.p50 <= item.latency_ms.p99);
    assert.equal(res.body.timeline.length, 30);
    assert.ok(res.body.timeline.reduce((n: number, b: Json) => n + b.requests, 0) >= 4);
    const errors = await send('GET', '/ops/observability/routes?window=5m&sort=error_rate', analyst);
    assert.equal(errors.status, 200);
  });

  it('keeps client errors reported by the elements, grouped by fingerprint', async () => {
    const error = {
      name: 'TypeError',
      message: 'Cannot read properties of undefined (reading "x")',
      stack: 'TypeError: Cannot read\n    at render (https://reel.test/assets/player-abc.js:1:200)',
      source: 'element',
      element: 'reel-player',
      element_version: '1.2.0',
      url: 'https://reel.test/watch/t1',
      occurred_at: new Date().toISOString(),
      release: 'r42',
    };
    const posted = await send('POST', '/ops/observability/client-errors', null, { errors: [error, error] });
    assert.equal(posted.status, 202, posted.raw);
    assert.deepEqual(posted.body, { accepted: 2, dropped: 0 });
    await send('POST', '/ops/observability/client-errors', viewer, {
      errors: [{ ...error, message: 'Something else', url: 'https://reel.test/x?secret=1' }],
    });
    const list = await send('GET', '/ops/observability/client-errors?element=reel-player', analyst);
    assert.equal(list.status, 200, list.raw);
    assert.equal(list.body.items.length, 2);
    const [top, other] = list.body.items;
    assert.equal(top.count, 2);
    assert.equal(top.users, 1);
    assert.equal(top.element, 'reel-player');
    assert.deepEqual(top.releases, ['r42']);
    assert.equal(other.sample.url, 'https://reel.test/x');
    const bad = await send('POST', '/ops/observability/client-errors', null, {
      errors: [{ ...error, element: '<b>' }],
    });
    assert.equal(bad.status, 400);
  });

  it('summarises web vitals by metric and page', async () => {
    const items = [
      { name: 'LCP', value: 1200, rating: 'good', id: 'v1-a', page: '/watch/:id' },
      { name: 'LCP', value: 4200, rating: 'poor', id: 'v1-b', page: '/watch/:id' },
      { name: 'CLS', value: 0.02, rating: 'good', id: 'v1-c', page: '/' },
    ];
    const res = await send('POST', '/ops/observability/web-vitals', null, { items });
    assert.equal(res.status, 202, res.raw);
    assert.equal(res.body.accepted, 3);
    const again = await send('POST', '/ops/observability/web-vitals', null, { items: items.slice(0, 1) });
    assert.deepEqual(again.body, { accepted: 0, dropped: 1 });
    const report = await send('GET', '/ops/observability/web-vitals?window=1h', analyst);
    assert.equal(report.status, 200, report.raw);
    const lcp = report.body.metrics.find((m: Json) => m.name === 'LCP');
    assert.equal(lcp.samples, 2);
    assert.equal(lcp.good, 0.5);
    const watch = report.body.pages.find((p: Json) => p.page === '/watch/:id');
    assert.equal(watch.p75.CLS, null);
    assert.ok(report.body.timeline.length >= 2);
  });

  it('drops reports past the per-client budget instead of refusing them', async () => {
    const error = {
      name: 'Error',
      message: 'flood',
      source: 'window',
      url: 'https://reel.test/',
      occurred_at: new Date().toISOString(),
    };
    let dropped = 0;
    for (let i = 0; i < 8; i++) {
      const res = await send('POST', '/ops/observability/client-errors', null, { errors: Array(20).fill(error) });
      assert.equal(res.status, 202);
      dropped += res.body.dropped;
    }
    assert.ok(dropped >= 20, `dropped ${dropped}`);
  });
});
