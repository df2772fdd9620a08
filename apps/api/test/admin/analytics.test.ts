// Analytics and cost analytics (§21, issue 17): plays, watch time, completion, top titles and QoE
// from the player's sessions; CSV export; storage from the media folder, delivered bytes,
// transcode minutes, the cost model (kept in the database, audited) and the monthly projection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { playerSessions } from '../../src/db/schema/index.js';
import { newId } from '../../src/ids.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, readyAsset } from '../media/support.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('admin analytics and costs', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let film: string;
  let other: string;
  let asset: string;
  let analyst: TestCaller;
  let finance: TestCaller;

  const call = async (caller: TestCaller | null, method: 'GET' | 'PUT', url: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(caller?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const json = String(res.headers['content-type']).includes('json');
    return {
      status: res.statusCode,
      body: (json && res.body ? res.json() : null) as Json,
      raw: res.body,
      headers: res.headers,
    };
  };

  const play = (titleId: string, o: Json) => ({
    id: newId('pls'),
    userId: o.userId ?? 'usr_x',
    profileId: o.profileId ?? 'prf_x',
    titleId,
    assetId: asset,
    status: 'ended' as const,
    plan: 'premium',
    maxQuality: '1080p',
    region: o.region ?? 'GB',
    device: { kind: o.kind ?? 'desktop' },
    position: o.position ?? 10,
    duration: 100,
    quality: '360p',
    tokenExpiresAt: new Date(),
    lastEventType: o.last ?? 'pause',
    stats: {
      watch: o.watch ?? 60,
      rebufferTime: o.rebuffer ?? 0,
      errors: { fatal: o.fatal ?? 0, recovered: 0 },
      bitrateSum: (o.bitrate ?? 2_000_000) * (o.watch ?? 60),
      bitrateTime: o.watch ?? 60,
      startupMs: o.startup ?? 800,
      byQuality: { '360p': (o.watch ?? 60) / 2, '240p': (o.watch ?? 60) / 2 },
    },
    createdAt: o.at ?? new Date(),
  });

  before(async () => {
    t = await mediaApp();
    app = t.app;
    film = (await insertTitle(app, { maturity: 7 })).id;
    other = (await insertTitle(app, { maturity: 7 })).id;
    asset = (await readyAsset(app, film)).id;
    analyst = await createStaff(app, 'analyst');
    finance = await createStaff(app, 'admin');
    await app.db.insert(playerSessions).values([
      play(film, { watch: 100, position: 95, last: 'ended', startup: 500, kind: 'tv', region: 'US' }),
      play(film, { watch: 40, rebuffer: 10, fatal: 1, startup: 1500, profileId: 'prf_y' }),
      play(film, { watch: 60, startup: 900, profileId: 'prf_z', kind: 'mobile' }),
      play(other, { watch: 20, startup: 700 }),
      // Last week (the previous range) and long ago (outside both).
      play(film, { watch: 30, at: new Date(Date.now() - 9 * 86_400_000) }),
      play(film, { watch: 30, at: new Date(Date.now() - 400 * 86_400_000) }),
    ]);
  });
  after(() => t.close());

  it('keeps analytics to analytics.view and costs to costs.view / costs.manage', async () => {
    const viewer = await createViewer(app);
    const support = await createStaff(app, 'support');
    for (const caller of [viewer, support]) {
      assert.equal((await call(caller, 'GET', `/admin/analytics?from=${today}&to=${today}`)).status, 403);
      assert.equal((await call(caller, 'GET', `/admin/cost-analytics?from=${today}&to=${today}`)).status, 403);
    }
    // The analyst reads costs but may not change the model.
    assert.equal((await call(analyst, 'GET', '/admin/cost-analytics/model')).status, 200);
    const model = (await call(analyst, 'GET', '/admin/cost-analytics/model')).body;
    const { updated_at: _a, updated_by: _b, ...input } = model;
    assert.equal((await call(analyst, 'PUT', '/admin/cost-analytics/model', input)).status, 403);
  });

  it('reports plays, watch time, completion, top titles and QoE over a range', async () => {
    const res = await call(analyst, 'GET', `/admin/analytics?from=${daysAgo(6)}&to=${today}`);
    assert.equal(res.status, 200, res.raw);
    const r = res.body;
    assert.equal(r.granularity, 'day');
    assert.equal(r.series.length, 7);
    assert.equal(r.totals.plays, 4);
    assert.equal(r.totals.unique_viewers, 3);
    assert.equal(r.totals.watch_time_seconds, 220);
    assert.equal(r.totals.completion_rate, 0.25);
    assert.equal(r.totals.previous.plays, 1);
    assert.equal(r.top_titles[0].title.id, film);
    assert.equal(r.top_titles[0].plays, 3);
    assert.equal(r.qoe.startup_time_p50, 0.7);
    assert.equal(r.qoe.errors_per_thousand_plays, 250);
    assert.equal(r.qoe.rebuffer_ratio, Math.round((10 / 230) * 10_000) / 10_000);
    assert.equal(r.qoe.average_bitrate, 2_000_000);
    assert.ok(r.by_device.some((d: Json) => d.device_type === 'tv' && d.plays === 1));
    assert.deepEqual(
      r.by_region.map((x: Json) => x.region),
      ['GB', 'US'],
    );
    assert.deepEqual(
      r.by_quality.map((q: Json) => q.share),
      [0.5, 0.5],
    );
    const filtered = await call(analyst, 'GET', `/admin/analytics?from=${daysAgo(6)}&to=${today}&device_type=tv`);
    assert.equal(filtered.body.totals.plays, 1);
    const hourly = await call(analyst, 'GET', `/admin/analytics?from=${today}&to=${today}`);
    assert.equal(hourly.body.granularity, 'hour');
    assert.equal(hourly.body.series.length, 24);
  });

  it('refuses reversed and over-long ranges with 422', async () => {
    assert.equal((await call(analyst, 'GET', `/admin/analytics?from=${today}&to=${daysAgo(3)}`)).status, 422);
    assert.equal((await call(analyst, 'GET', `/admin/analytics?from=${daysAgo(400)}&to=${today}`)).status, 422);
  });

  it('exports a dataset as CSV', async () => {
    const res = await call(analyst, 'GET', `/admin/analytics/export?from=${daysAgo(6)}&to=${today}&dataset=top_titles`);
    assert.equal(res.status, 200, res.raw);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="reel-top_titles-/);
    const lines = res.raw.trim().split('\r\n');
    assert.equal(lines[0], 'rank,title_id,title,type,plays,watch_time_seconds,completion_rate');
    assert.equal(lines.length, 3);
    assert.match(lines[1] as string, new RegExp(`^1,${film},`));
    const series = await call(analyst, 'GET', `/admin/analytics/export?from=${daysAgo(6)}&to=${today}&dataset=series`);
    assert.equal(series.raw.trim().split('\r\n').length, 8);
  });

  it('prices storage, delivery and transcoding with the stored cost model, and projects the month', async () => {
    const storage = await call(analyst, 'GET', `/admin/cost-analytics/storage?title_id=${film}`);
    assert.equal(storage.status, 200, storage.raw);
    const kinds = storage.body.items.map((i: Json) => i.kind);
    assert.ok(kinds.includes('rendition'), JSON.stringify(kinds));
    assert.ok(kinds.includes('source'));
    const renditions = storage.body.items.find((i: Json) => i.kind === 'rendition');
    assert.ok(renditions.renditions.some((r: Json) => /^\d+p$/.test(r.name)));
    assert.ok(renditions.bytes > 0);

    const before = await call(finance, 'GET', `/admin/cost-analytics?from=${daysAgo(6)}&to=${today}`);
    assert.equal(before.status, 200, before.raw);
    const r = before.body;
    assert.equal(r.currency, 'USD');
    assert.equal(r.series.length, 7);
    // 4 plays at 2 Mb/s: 2e6 × 220 s / 8 bytes.
    assert.equal(r.totals.delivered_bytes, 55_000_000);
    assert.ok(r.totals.transcode_minutes > 0, 'the test asset was transcoded');
    assert.ok(r.totals.storage_bytes > 0);
    assert.equal(r.projection.month, today.slice(0, 7));

    const set = await call(finance, 'PUT', '/admin/cost-analytics/model', {
      currency: 'EUR',
      storage_per_gb_month: 0,
      delivery_per_gb: 1_000_000,
      delivery_per_gb_by_region: [{ region: 'US', rate: 0 }],
      transcode_per_minute: 0,
    });
    assert.equal(set.status, 200, set.raw);
    assert.equal(set.body.updated_by.id, finance.userId);
    const after = (await call(finance, 'GET', `/admin/cost-analytics?from=${daysAgo(6)}&to=${today}`)).body;
    assert.equal(after.currency, 'EUR');
    // Only the GB plays are charged (US is free): 3 plays × 2e6 × (40+60+20) / 8 bytes.
    const gbBytes = (2_000_000 * 120) / 8;
    assert.equal(after.totals.delivery_cost.amount, Math.round((gbBytes / 1024 ** 3) * 1_000_000));
    assert.equal(after.totals.storage_cost.amount, 0);
    assert.deepEqual(
      after.delivery_by_region.map((x: Json) => [x.region, x.cost.amount]),
      [
        ['GB', Math.round((gbBytes / 1024 ** 3) * 1_000_000)],
        ['US', 0],
      ],
    );
  });
});
