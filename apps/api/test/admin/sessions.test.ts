// The live sessions monitor (§21, issue 17): current streams with their title, device, region and
// quality, streams per account against the plan, and terminating a stream — after which its media
// tokens are refused and its renewal answers 410 with the message the player shows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminAudit } from '../../src/db/schema/index.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, readyAsset } from '../media/support.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

describe('admin live sessions', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let film: string;
  let asset: string;
  let support: TestCaller;
  let analyst: TestCaller;

  const call = async (caller: TestCaller | null, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(caller?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };

  const start = async (viewer: TestCaller, device: Json) => {
    const full = {
      os: '',
      browser: '',
      player_version: '1.0.0',
      screen_width: 1920,
      screen_height: 1080,
      pixel_ratio: 1,
      supports: { mse: true, native_hls: false, hevc: false, av1: false, hdr: false },
      ...device,
    };
    const res = await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: film, device: full });
    assert.equal(res.status, 201, res.raw);
    return res.body;
  };

  before(async () => {
    t = await mediaApp();
    app = t.app;
    film = (await insertTitle(app, { maturity: 7 })).id;
    asset = (await readyAsset(app, film)).id;
    support = await createStaff(app, 'support');
    analyst = await createStaff(app, 'analyst');
  });
  after(() => t.close());

  it('keeps the monitor to staff with sessions.manage', async () => {
    const viewer = await createViewer(app);
    for (const caller of [viewer, analyst]) {
      const list = await call(caller, 'GET', '/admin/sessions');
      assert.equal(list.status, 403, list.raw);
      assert.equal((await call(caller, 'GET', '/admin/sessions/accounts')).status, 403);
      assert.equal((await call(caller, 'DELETE', '/admin/sessions/pls_x?reason=other')).status, 403);
    }
  });

  it('lists live streams by title, device and quality, with per-account counts', async () => {
    const family = await createViewer(app, { plan: 'premium' });
    await start(family, { kind: 'tv', os: 'Tizen', browser: 'Samsung Internet' });
    const res = await call(support, 'GET', `/admin/sessions?account_id=${family.userId}`);
    assert.equal(res.status, 200, res.raw);
    assert.equal(res.body.items.length, 1);
    const s = res.body.items[0];
    assert.equal(s.title.id, film);
    assert.equal(s.device.type, 'tv');
    assert.equal(s.device.os, 'Tizen');
    assert.equal(s.account.email, family.email);
    assert.equal(s.account_streams, 1);
    assert.ok(s.account_stream_limit >= 2);
    assert.ok(res.body.summary.total >= 1);
    assert.ok(res.body.summary.by_title.some((b: Json) => b.title.id === film));
    assert.ok(res.body.summary.by_device.some((b: Json) => b.device_type === 'tv'));
    const byTv = await call(support, 'GET', '/admin/sessions?device_type=tv');
    assert.ok(byTv.body.items.every((x: Json) => x.device.type === 'tv'));
    const accounts = await call(support, 'GET', '/admin/sessions/accounts');
    assert.equal(accounts.status, 200, accounts.raw);
    const mine = accounts.body.items.find((a: Json) => a.account.id === family.userId);
    assert.equal(mine.active_streams, 1);
    assert.equal(mine.over_limit, false);
    assert.equal(mine.session_ids.length, 1);
  });

  it('terminates a stream: tokens refused, renewals answered 410 with the message, audited', async () => {
    const viewer = await createViewer(app, { plan: 'basic' });
    const session = await start(viewer, { kind: 'desktop', browser: 'Firefox', os: 'Linux' });
    const token = new URL(session.manifest_url, 'http://x').searchParams.get('token');
    const media = () => app.inject({ method: 'GET', url: `/media/${asset}/master.m3u8?token=${token}` });
    assert.equal((await media()).statusCode, 200);

    const stop = await call(
      support,
      'DELETE',
      `/admin/sessions/${session.session_id}?reason=account_security&message=${encodeURIComponent('Your account is being checked: contact support')}`,
    );
    assert.equal(stop.status, 204, stop.raw);

    // The media already handed out stops working at once.
    assert.equal((await media()).statusCode, 403);
    // Renewal (the player's heartbeat of its token) is refused with the reason and the message.
    const renew = await call(viewer, 'POST', `/player/sessions/${session.session_id}/renew-token`, {});
    assert.equal(renew.status, 410, renew.raw);
    assert.equal(renew.body.error.code, 'session_ended');
    assert.equal(renew.body.error.details.hint.reason, 'terminated_by_staff');
    assert.equal(renew.body.error.details.hint.message, 'Your account is being checked: contact support');
    // It no longer counts as a stream.
    const list = await call(support, 'GET', `/admin/sessions?account_id=${viewer.userId}`);
    assert.equal(list.body.items.length, 0);
    // Terminating again is a no-op; an unknown id is 404.
    assert.equal((await call(support, 'DELETE', `/admin/sessions/${session.session_id}?reason=other`)).status, 204);
    assert.equal((await call(support, 'DELETE', '/admin/sessions/pls_nope?reason=other')).status, 404);
    const audit = await app.db.select().from(adminAudit).where(eq(adminAudit.targetId, session.session_id));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'session.terminate');
    assert.equal(audit[0]?.actorId, support.userId);

    // Without a message, the player's default is sent.
    const other = await start(viewer, { kind: 'mobile' });
    await call(support, 'DELETE', `/admin/sessions/${other.session_id}?reason=maintenance`);
    const again = await call(viewer, 'POST', `/player/sessions/${other.session_id}/renew-token`, {});
    assert.equal(again.body.error.details.hint.message, 'This stream was stopped by Reel support');
  });
});
