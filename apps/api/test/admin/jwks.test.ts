// Signing keys (§21, issue 17): rotation end to end. A token signed by the old key verifies after
// the rotation, is refused after the key is retired, and the JWKS document is right at each step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createStaff, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

const kidOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()).kid as string;

describe('admin JWKS rotation', () => {
  let t: TestApp;
  let admin: TestCaller;

  const send = async (method: string, url: string, headers: Record<string, string>) => {
    const res = await t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };
  const published = async () =>
    ((await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys as Json[])
      .map((k) => k.kid)
      .sort();
  const stateOf = (list: Json, kid: string) => list.items.find((k: Json) => k.kid === kid)?.state;

  before(async () => {
    t = await buildTestApp();
    admin = await createStaff(t.app, 'admin');
  });
  after(() => t.close());

  it('rotates, keeps the old key verifying while retiring, refuses its tokens once retired', async () => {
    const viewer = await createStaff(t.app, 'analyst');
    const oldKid = kidOf(viewer.token);
    const before = await send('GET', '/admin/jwks', admin.headers);
    assert.equal(before.status, 200, before.raw);
    assert.equal(before.body.access_token_ttl_seconds, 900);
    const next = before.body.items.find((k: Json) => k.state === 'next');
    assert.ok(next, 'a next key is published before it signs');
    assert.equal(stateOf(before.body, oldKid), 'active');
    assert.deepEqual(await published(), [next.kid, oldKid].sort());

    const rotated = await send('POST', '/admin/jwks/rotate', admin.headers);
    assert.equal(rotated.status, 200, rotated.raw);
    assert.equal(stateOf(rotated.body, next.kid), 'active');
    assert.equal(stateOf(rotated.body, oldKid), 'retiring');
    const newNext = rotated.body.items.find((k: Json) => k.state === 'next');
    assert.ok(newNext && newNext.kid !== next.kid);
    assert.ok(rotated.body.last_rotated_at);
    assert.deepEqual(await published(), [oldKid, next.kid, newNext.kid].sort());

    // The old token still verifies; new sign-ins are signed by the promoted key.
    assert.equal((await send('GET', '/admin/dashboard', viewer.headers)).status, 200);
    const fresh = await createStaff(t.app, 'analyst');
    assert.equal(kidOf(fresh.token), next.kid);

    assert.equal((await send('POST', `/admin/jwks/${next.kid}/retire`, admin.headers)).status, 409, 'active');
    assert.equal((await send('POST', `/admin/jwks/${newNext.kid}/retire`, admin.headers)).status, 409, 'next');
    assert.equal((await send('POST', '/admin/jwks/key_nope/retire', admin.headers)).status, 404);
    const retired = await send('POST', `/admin/jwks/${oldKid}/retire`, admin.headers);
    assert.equal(retired.status, 200, retired.raw);
    assert.equal(stateOf(retired.body, oldKid), 'retired');
    assert.equal(retired.body.items.find((k: Json) => k.kid === oldKid).published, false);
    assert.deepEqual(await published(), [next.kid, newNext.kid].sort());

    const refused = await send('GET', '/admin/dashboard', viewer.headers);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'token_expired');
    assert.equal((await send('GET', '/admin/dashboard', fresh.headers)).status, 200);
    // The admin's own token was signed by the retired key too: it signs in again.
    assert.equal((await send('GET', '/admin/jwks', admin.headers)).status, 401);
    const again = await createStaff(t.app, 'admin');
    assert.equal((await send('POST', `/admin/jwks/${oldKid}/retire`, again.headers)).status, 409, 'already retired');
  });

  it('needs jwks.manage', async () => {
    admin = await createStaff(t.app, 'admin');
    const analyst = await createStaff(t.app, 'analyst');
    assert.equal((await send('GET', '/admin/jwks', analyst.headers)).status, 403);
    assert.equal((await send('POST', '/admin/jwks/rotate', analyst.headers)).status, 403);
  });
});
