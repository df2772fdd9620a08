import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helper.js';
import {
  assertError,
  Browser,
  CHROME_WINDOWS,
  claimsOf,
  FIREFOX_MAC,
  fresh,
  SAFARI_IPHONE,
} from './account-support.js';

describe('sessions routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  /** One account signed in from three browsers. */
  async function threeBrowsers() {
    const { email, ip } = fresh('ses');
    const mac = new Browser(t.app, ip, FIREFOX_MAC);
    const phone = new Browser(t.app, '192.168.1.20', SAFARI_IPHONE);
    const pc = new Browser(t.app, '203.0.113.9', CHROME_WINDOWS);
    await mac.register(email);
    const tokens = {
      mac: (await mac.login(email)).access_token,
      phone: (await phone.login(email)).access_token,
      pc: (await pc.login(email)).access_token,
    };
    return { email, mac, phone, pc, tokens };
  }

  it('lists active sessions with device, browser, IP and place, this one marked', async () => {
    const { mac, tokens } = await threeBrowsers();
    const res = await mac.get('/auth/sessions', tokens.mac);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const sid = claimsOf(tokens.mac).sid;
    assert.equal(body.current_session_id, sid);
    // The sign-up session and the three sign-ins.
    assert.equal(body.items.length, 4);
    const current = body.items.find((s: { current: boolean }) => s.current);
    assert.equal(current.id, sid);
    const byName = Object.fromEntries(body.items.map((s: { id: string; device_name: string }) => [s.id, s]));
    const phone = byName[claimsOf(tokens.phone).sid as string];
    assert.equal(phone.device_name, 'Safari on iOS');
    assert.equal(phone.device_type, 'mobile');
    assert.equal(phone.ip, '192.168.1.20');
    assert.equal(phone.location.label, 'Local network');
    assert.equal(phone.sign_in_method, 'password');
    const pc = byName[claimsOf(tokens.pc).sid as string];
    assert.equal(pc.device_name, 'Chrome on Windows');
    assert.equal(pc.location.label, 'Unknown location');
    assert.ok(Date.parse(pc.expires_at) > Date.now());
  });

  it("revokes one session: its access token fails on the next request and its refresh family ends; another account's session is 404", async () => {
    const { mac, phone, tokens } = await threeBrowsers();
    const phoneSid = claimsOf(tokens.phone).sid as string;
    assert.equal((await phone.get('/auth/me', tokens.phone)).statusCode, 200);
    const res = await mac.delete(`/auth/sessions/${phoneSid}`, tokens.mac);
    assert.equal(res.statusCode, 204, res.body);
    assertError(await phone.get('/auth/me', tokens.phone), 401, 'unauthenticated');
    assertError(await phone.post('/auth/refresh'), 401, 'session_expired');
    // Again: still fine (idempotent), and the mac session is untouched.
    assert.equal((await mac.delete(`/auth/sessions/${phoneSid}`, tokens.mac)).statusCode, 204);
    assert.equal((await mac.get('/auth/me', tokens.mac)).statusCode, 200);

    const other = await threeBrowsers();
    const foreign = await other.mac.delete(`/auth/sessions/${claimsOf(tokens.mac).sid}`, other.tokens.mac);
    assertError(foreign, 404, 'not_found');
    assert.equal((await mac.get('/auth/me', tokens.mac)).statusCode, 200, 'not revoked by another account');
    assertError(await mac.delete('/auth/sessions/ses_nothing', tokens.mac), 404, 'not_found');
  });

  it('revoking this session signs it out and clears the cookie', async () => {
    const { mac, tokens } = await threeBrowsers();
    const res = await mac.delete(`/auth/sessions/${claimsOf(tokens.mac).sid}`, tokens.mac);
    assert.equal(res.statusCode, 204);
    assert.equal(mac.cookies.reel_refresh, undefined);
    assertError(await mac.get('/auth/me', tokens.mac), 401, 'unauthenticated');
  });

  it('revokes every other session, keeping this one', async () => {
    const { mac, phone, pc, tokens } = await threeBrowsers();
    const res = await mac.post('/auth/sessions/revoke-others', undefined, tokens.mac);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { revoked: 3, current_revoked: false });
    assertError(await phone.get('/auth/me', tokens.phone), 401);
    assertError(await pc.post('/auth/refresh'), 401);
    assert.equal((await mac.get('/auth/me', tokens.mac)).statusCode, 200);
    assert.equal((await mac.post('/auth/refresh')).statusCode, 200);
    const list = (await mac.get('/auth/sessions', tokens.mac)).json();
    assert.equal(list.items.length, 1);
  });

  it('revokes every session, this one included', async () => {
    const { mac, phone, tokens } = await threeBrowsers();
    const res = await mac.post('/auth/sessions/revoke-all', undefined, tokens.mac);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { revoked: 4, current_revoked: true });
    assert.equal(mac.cookies.reel_refresh, undefined, 'cookie cleared');
    assertError(await mac.get('/auth/me', tokens.mac), 401, 'unauthenticated');
    assertError(await phone.get('/auth/me', tokens.phone), 401, 'unauthenticated');
  });

  it('needs a signed-in caller', async () => {
    assertError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions' }), 401, 'unauthenticated');
    assertError(
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/sessions/revoke-all' }),
      401,
      'unauthenticated',
    );
  });
});
