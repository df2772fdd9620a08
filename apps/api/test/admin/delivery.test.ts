// CDN delivery settings (§21, issue 17): rotation of the URL-signing secret with a grace period
// (the old secret verifies during it, not after), settings kept with a version (409 on a stale
// one), audited, in force at once (in memory) without a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminAudit } from '../../src/db/schema/index.js';
import { createStaff, createViewer, signIn, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

describe('admin CDN delivery settings', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin: TestCaller;

  const call = async (
    caller: { headers: Record<string, string> },
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
  ) => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...caller.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };

  before(async () => {
    t = await buildTestApp();
    app = t.app;
    admin = await createStaff(app, 'admin');
  });
  after(() => t.close());

  it('keeps delivery settings to delivery.manage, and changes to a fresh re-authentication', async () => {
    const viewer = await createViewer(app);
    const analyst = await createStaff(app, 'analyst');
    for (const caller of [viewer, analyst])
      assert.equal((await call(caller, 'GET', '/admin/assets/cdn-delivery')).status, 403);
    const stale = await signIn(app, admin, { reauth: false });
    const res = await call(stale, 'POST', '/admin/assets/cdn-delivery/rotate-secret', { grace_seconds: 60 });
    assert.equal(res.status, 403, res.raw);
    assert.equal(res.body.error.code, 'reauth_required');
  });

  it('rotates the secret: old URLs verify during the grace period, not after', async () => {
    const signer = app.media.signer;
    const grant = { path: '/media/a/', exp: Math.floor(Date.now() / 1000) + 3600, maxHeight: 0 };
    const old = signer.sign(grant);
    const first = (await call(admin, 'GET', '/admin/assets/cdn-delivery')).body;

    const rotated = await call(admin, 'POST', '/admin/assets/cdn-delivery/rotate-secret', { grace_seconds: 600 });
    assert.equal(rotated.status, 200, rotated.raw);
    assert.notEqual(rotated.body.signing.key_id, first.signing.key_id);
    assert.equal(rotated.body.signing.previous_key_id, first.signing.key_id);
    const until = Date.parse(rotated.body.signing.previous_valid_until);
    assert.ok(Math.abs(until - (Date.now() + 600_000)) < 5000, rotated.body.signing.previous_valid_until);
    assert.equal(signer.verify(old, '/media/a/x.m4s').ok, true, 'the old secret verifies in the grace period');
    const fresh = signer.sign(grant);
    assert.equal(signer.verify(fresh, '/media/a/x.m4s').ok, true);

    // Grace 0: everything signed with the previous secret stops at once.
    const again = await call(admin, 'POST', '/admin/assets/cdn-delivery/rotate-secret', { grace_seconds: 0 });
    assert.equal(again.status, 200, again.raw);
    assert.equal(again.body.signing.previous_key_id, null);
    assert.deepEqual(signer.verify(fresh, '/media/a/x.m4s'), { ok: false, reason: 'bad_signature' });
    assert.equal(signer.verify(signer.sign(grant), '/media/a/x.m4s').ok, true);
    const audit = await app.db.select().from(adminAudit).where(eq(adminAudit.action, 'delivery.rotate_secret'));
    assert.equal(audit.length, 2);
  });

  it('saves lifetimes, origins and cache policies with a version; a stale version is 409', async () => {
    const current = (await call(admin, 'GET', '/admin/assets/cdn-delivery')).body;
    const input = {
      token_lifetimes: { ...current.token_lifetimes, signed_url_seconds: 900 },
      allowed_origins: ['https://partner.example.com'],
      cache_policies: current.cache_policies.map((p: Json) =>
        p.asset_kind === 'manifest' ? { ...p, max_age_seconds: 5 } : p,
      ),
      version: current.version,
    };
    const saved = await call(admin, 'PUT', '/admin/assets/cdn-delivery', input);
    assert.equal(saved.status, 200, saved.raw);
    assert.equal(saved.body.version, current.version + 1);
    assert.equal(saved.body.token_lifetimes.signed_url_seconds, 900);
    assert.deepEqual(saved.body.allowed_origins, ['https://partner.example.com']);
    assert.equal(saved.body.updated_by.id, admin.userId);
    // In force at once, in memory.
    assert.equal(app.deliverySettings.token_lifetimes.signed_url_seconds, 900);
    const stale = await call(admin, 'PUT', '/admin/assets/cdn-delivery', input);
    assert.equal(stale.status, 409, stale.raw);
    const twice = await call(admin, 'PUT', '/admin/assets/cdn-delivery', {
      ...input,
      version: saved.body.version,
      cache_policies: [input.cache_policies[0], input.cache_policies[0]],
    });
    assert.equal(twice.status, 400, twice.raw);
  });

  it('issues a signed delivery cookie (values shown once) and revokes it: the next request is refused', async () => {
    const viewer = await createViewer(app);
    const issued = await call(admin, 'POST', '/admin/cdn-cookies', {
      path_prefix: '/media/ast_probe/',
      lifetime_seconds: 600,
      account_id: viewer.userId,
      note: 'CDN test',
    });
    assert.equal(issued.status, 201, issued.raw);
    const [set] = issued.body.set_cookies;
    assert.equal(set.name, 'reel_media');
    assert.equal(set.path, '/media/ast_probe/');
    assert.equal(set.http_only, true);
    assert.equal(issued.body.cookie.status, 'active');
    assert.equal(issued.body.cookie.issued_to.email, viewer.email);
    const fetchMedia = () =>
      app.inject({ method: 'GET', url: '/media/ast_probe/master.m3u8', cookies: { [set.name]: set.value } });
    // Signed and valid: past the signature check (no such file here: 404, not 403).
    assert.equal((await fetchMedia()).statusCode, 404);
    // Another prefix is not covered.
    assert.equal(
      (await app.inject({ method: 'GET', url: '/media/ast_other/master.m3u8', cookies: { [set.name]: set.value } }))
        .statusCode,
      403,
    );
    const list = await call(admin, 'GET', '/admin/cdn-cookies?status=active');
    assert.ok(list.body.items.some((c: Json) => c.id === issued.body.cookie.id));
    assert.ok(!JSON.stringify(list.body).includes(set.value), 'the value is shown once');

    const revoked = await call(admin, 'DELETE', `/admin/cdn-cookies/${issued.body.cookie.id}`);
    assert.equal(revoked.status, 204, revoked.raw);
    assert.equal((await fetchMedia()).statusCode, 403);
    const after = await call(admin, 'GET', '/admin/cdn-cookies?status=revoked');
    assert.equal(after.body.items.find((c: Json) => c.id === issued.body.cookie.id).status, 'revoked');
    assert.equal((await call(admin, 'DELETE', '/admin/cdn-cookies/cdc_nope')).status, 404);
    const bad = await call(admin, 'POST', '/admin/cdn-cookies', { path_prefix: '/api/v1/', lifetime_seconds: 600 });
    assert.equal(bad.status, 400, bad.raw);
  });
});
