import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/db/schema/index.js';
import type { Principal } from '../../src/http/principal.js';
import { viewerOf } from '../../src/services/viewer.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { assertError, Browser, claimsOf, fresh } from './account-support.js';

describe('profiles routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  /** A new account on the free plan, signed in on its first profile. */
  async function account(plan = 'free') {
    const { email, ip } = fresh('prf');
    const b = new Browser(t.app, ip);
    const { access_token, user } = await b.register(email, undefined, 'Jordan');
    if (plan !== 'free') await t.app.db.update(users).set({ plan }).where(eq(users.id, user.id));
    return { b, token: access_token, userId: user.id, primary: user.active_profile_id as string };
  }

  /** Makes the session's last re-authentication an hour old. */
  async function staleReauth(token: string) {
    await t.app.db
      .update(sessions)
      .set({ reauthAt: new Date(Date.now() - 3_600_000) })
      .where(eq(sessions.id, claimsOf(token).sid as string));
  }

  it('lists profiles with the active one and the plan limit explained', async () => {
    const { b, token, primary } = await account();
    const res = await b.get('/users/me/profiles', token);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.active_profile_id, primary);
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0].is_primary, true);
    assert.equal(body.items[0].is_active, true);
    assert.match(body.items[0].avatar_url, /^\/media\/avatars\/[a-z0-9-]+\.svg/);
    assert.deepEqual(body.limit, {
      max_profiles: 2,
      used: 1,
      can_create: true,
      plan: 'free',
      plan_name: 'Free',
      upgrade: { plan: 'basic', plan_name: 'Basic', max_profiles: 3 },
    });
  });

  it('creates profiles up to the plan limit, then explains the refusal with the upgrade', async () => {
    const { b, token } = await account();
    const created = await b.post('/users/me/profiles', { name: '  Casey ', avatar: 'fox' }, token);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().name, 'Casey');
    assert.equal(created.json().is_primary, false);
    assert.equal(created.json().maturity_level, 18);
    assert.equal(created.json().has_pin, false);

    const over = await b.post('/users/me/profiles', { name: 'Third', avatar: 'owl' }, token);
    const error = assertError(over, 403, 'entitlement_exceeded');
    assert.match(error.message, /Free plan allows 2 profiles/);
    assert.match(error.message, /Basic plan allows 3/);
    assert.deepEqual(error.details?.hint?.upgrade, { plan: 'basic', plan_name: 'Basic', max_profiles: 3 });
    assert.equal(error.details?.hint?.max_profiles, 2);
    assert.equal(error.details?.hint?.used, 2);
    const list = (await b.get('/users/me/profiles', token)).json();
    assert.equal(list.items.length, 2, 'nothing written');
    assert.equal(list.limit.can_create, false);
  });

  it('lets only one of several creations at once take the last place', async () => {
    const { b, token } = await account();
    const answers = await Promise.all(
      ['One', 'Two', 'Three'].map((name) => b.post('/users/me/profiles', { name, avatar: 'cat' }, token)),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 403, 403]);
    assert.equal((await b.get('/users/me/profiles', token)).json().items.length, 2);
  });

  it('allows more profiles on a bigger plan, and refuses a name already used (409)', async () => {
    const { b, token } = await account('premium');
    const limit = (await b.get('/users/me/profiles', token)).json().limit;
    assert.equal(limit.max_profiles, 5);
    assert.equal(limit.upgrade, null);
    assert.equal((await b.post('/users/me/profiles', { name: 'Kim', avatar: 'cat' }, token)).statusCode, 201);
    const dup = await b.post('/users/me/profiles', { name: 'KIM', avatar: 'cat' }, token);
    assert.equal(assertError(dup, 409, 'conflict').details?.fields?.[0]?.field, 'name');
    assertError(await b.post('/users/me/profiles', { name: '   ', avatar: 'cat' }, token), 400, 'validation_failed');
  });

  it('keeps kids profiles at or under the kids maturity ceiling', async () => {
    const { b, token, userId } = await account('premium');
    const kid = await b.post('/users/me/profiles', { name: 'Sky', avatar: 'dino', is_kids: true }, token);
    assert.equal(kid.statusCode, 201, kid.body);
    assert.equal(kid.json().is_kids, true);
    assert.equal(kid.json().maturity_level, 7, 'kids default');
    const tooHigh = await b.post(
      '/users/me/profiles',
      { name: 'Sky2', avatar: 'dino', is_kids: true, maturity_level: 16 },
      token,
    );
    assert.equal(assertError(tooHigh, 400, 'validation_failed').details?.fields?.[0]?.field, 'maturity_level');
    const raise = await b.patch(`/users/me/profiles/${kid.json().id}`, { maturity_level: 14 }, token);
    assertError(raise, 400, 'validation_failed');
    const ok = await b.patch(`/users/me/profiles/${kid.json().id}`, { maturity_level: 12 }, token);
    assert.equal(ok.statusCode, 200, ok.body);
    // An adult profile turned into a kids one comes down to the kids default.
    const adult = (await b.post('/users/me/profiles', { name: 'Teen', avatar: 'cat' }, token)).json();
    const converted = await b.patch(`/users/me/profiles/${adult.id}`, { is_kids: true }, token);
    assert.equal(converted.json().maturity_level, 7);
    // The catalog's viewer context caps what the kids profile sees.
    const principal: Principal = {
      kind: 'user',
      userId,
      sessionId: claimsOf(token).sid as string,
      profileId: kid.json().id,
      email: 'x@reel.test',
      status: 'active',
      plan: 'premium',
      region: 'US',
      roles: [],
      permissions: new Set(),
      reauthAt: null,
      // Not read with the session here: viewerOf reads the profile itself.
      activeProfile: null,
      profileIds: [kid.json().id],
    };
    const viewer = await viewerOf(t.app.db, principal);
    assert.equal(viewer.isKids, true);
    assert.ok(viewer.maturityCeiling <= 12);
  });

  it('asks for the PIN on switch; the new token carries the profile; wrong PINs lock (423)', async () => {
    const { b, token, primary } = await account();
    const locked = await b.post('/users/me/profiles', { name: 'Private', avatar: 'ghost', pin: '4821' }, token);
    assert.equal(locked.statusCode, 201, locked.body);
    assert.equal(locked.json().has_pin, true);
    const id = locked.json().id as string;

    assertError(await b.post(`/users/me/profiles/${id}/switch`, {}, token), 403, 'pin_required');
    const wrong = await b.post(`/users/me/profiles/${id}/switch`, { pin: '0000' }, token);
    assert.equal(assertError(wrong, 403, 'pin_incorrect').details?.fields?.[0]?.field, 'pin');

    const ok = await b.post(`/users/me/profiles/${id}/switch`, { pin: '4821' }, token);
    assert.equal(ok.statusCode, 200, ok.body);
    const switched = ok.json();
    assert.equal(claimsOf(switched.access_token).pid, id);
    assert.equal(switched.user.active_profile_id, id);
    const me = (await b.get('/auth/me', switched.access_token)).json();
    assert.equal(me.active_profile_id, id);
    // The session keeps the profile: a refresh mints tokens for it too.
    const refreshed = await b.post('/auth/refresh');
    assert.equal(claimsOf(refreshed.json().access_token).pid, id);
    const list = (await b.get('/users/me/profiles', switched.access_token)).json();
    assert.equal(list.active_profile_id, id);
    assert.ok(list.items.find((p: { id: string }) => p.id === id).last_used_at);

    // Back to the primary profile (no PIN), then five wrong PINs in a row lock the locked one.
    const back = await b.post(`/users/me/profiles/${primary}/switch`, {}, switched.access_token);
    assert.equal(back.statusCode, 200);
    let last = wrong;
    for (let i = 0; i < 5; i++) last = await b.post(`/users/me/profiles/${id}/switch`, { pin: '1111' }, token);
    const error = assertError(last, 423, 'locked');
    assert.ok(Number(error.details?.hint?.retry_after) > 0);
    assert.ok(Number(last.headers['retry-after']) > 0);
    assertError(await b.post(`/users/me/profiles/${id}/switch`, { pin: '4821' }, token), 423, 'locked');
  });

  it('needs a fresh re-authentication to loosen a profile, not to tighten it', async () => {
    const { b, token } = await account();
    const p = (
      await b.post('/users/me/profiles', { name: 'Lee', avatar: 'cat', is_kids: true, pin: '1234' }, token)
    ).json();
    await staleReauth(token);
    assertError(await b.patch(`/users/me/profiles/${p.id}`, { maturity_level: 10 }, token), 403, 'reauth_required');
    assertError(await b.patch(`/users/me/profiles/${p.id}`, { is_kids: false }, token), 403, 'reauth_required');
    assertError(await b.patch(`/users/me/profiles/${p.id}`, { pin: null }, token), 403, 'reauth_required');
    const tighter = await b.patch(
      `/users/me/profiles/${p.id}`,
      { maturity_level: 5, name: 'Lee B', language: 'es' },
      token,
    );
    assert.equal(tighter.statusCode, 200, tighter.body);
    assert.equal(tighter.json().name, 'Lee B');
    assert.equal(tighter.json().language, 'es');

    const reauth = await b.post('/auth/reauth', { method: 'password', password: 'marble-otter-lantern-42' }, token);
    assert.equal(reauth.statusCode, 200, reauth.body);
    const looser = await b.patch(
      `/users/me/profiles/${p.id}`,
      { is_kids: false, maturity_level: 16, pin: null },
      token,
    );
    assert.equal(looser.statusCode, 200, looser.body);
    assert.equal(looser.json().has_pin, false);
    assert.equal(looser.json().is_kids, false);
  });

  it('deletes a profile with a fresh re-auth; not the primary one, not the active one', async () => {
    const { b, token, primary } = await account();
    const p = (await b.post('/users/me/profiles', { name: 'Gone', avatar: 'cat' }, token)).json();
    assertError(await b.delete(`/users/me/profiles/${primary}`, token), 409, 'conflict');
    const switched = (await b.post(`/users/me/profiles/${p.id}/switch`, {}, token)).json().access_token as string;
    assertError(await b.delete(`/users/me/profiles/${p.id}`, switched), 409, 'conflict');

    await staleReauth(token);
    assertError(await b.delete(`/users/me/profiles/${p.id}`, token), 403, 'reauth_required');
    await b.post('/auth/reauth', { method: 'password', password: 'marble-otter-lantern-42' }, token);
    const res = await b.delete(`/users/me/profiles/${p.id}`, token);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await b.get('/users/me/profiles', token)).json().items.length, 1);
    assertError(await b.delete(`/users/me/profiles/${p.id}`, token), 404, 'not_found');
  });

  it("answers 404 for another account's profile on every profile route", async () => {
    const a = await account();
    const other = await account();
    const id = a.primary;
    const answers = [
      await other.b.patch(`/users/me/profiles/${id}`, { name: 'Mine now' }, other.token),
      await other.b.delete(`/users/me/profiles/${id}`, other.token),
      await other.b.post(`/users/me/profiles/${id}/switch`, {}, other.token),
    ];
    for (const res of answers) assertError(res, 404, 'not_found');
    const list = (await a.b.get('/users/me/profiles', a.token)).json();
    assert.equal(list.items[0].name, 'Jordan', 'untouched');
  });

  it('offers avatars, serves their images, and refuses a key not offered', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/profiles/avatars' });
    assert.equal(res.statusCode, 200);
    const { items } = res.json();
    assert.ok(items.length >= 12);
    assert.ok(items.some((a: { group: string }) => a.group === 'kids'));
    const image = await t.app.inject({ method: 'GET', url: items[0].url });
    assert.equal(image.statusCode, 200);
    assert.match(String(image.headers['content-type']), /^image\/svg\+xml/);
    assert.match(image.body, /<svg /);
    const { b, token } = await account();
    const bad = await b.post('/users/me/profiles', { name: 'Odd', avatar: 'no-such-avatar' }, token);
    assert.equal(assertError(bad, 400, 'validation_failed').details?.fields?.[0]?.field, 'avatar');
  });

  it('needs a signed-in caller', async () => {
    assertError(await t.app.inject({ method: 'GET', url: '/api/v1/users/me/profiles' }), 401, 'unauthenticated');
  });
});
