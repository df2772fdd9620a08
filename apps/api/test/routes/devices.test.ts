import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountServices } from '../../src/services/auth.js';
import { parseUserAgent } from '../../src/services/client-info.js';
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

describe('devices routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('reads browsers, systems and kinds of device from User-Agents', () => {
    assert.deepEqual(parseUserAgent(FIREFOX_MAC), {
      browser: 'Firefox',
      os: 'macOS',
      type: 'desktop',
      name: 'Firefox on macOS',
    });
    assert.deepEqual(parseUserAgent(SAFARI_IPHONE), {
      browser: 'Safari',
      os: 'iOS',
      type: 'mobile',
      name: 'Safari on iOS',
    });
    assert.equal(parseUserAgent(CHROME_WINDOWS).name, 'Chrome on Windows');
    assert.equal(
      parseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      ).browser,
      'Edge',
    );
    assert.equal(
      parseUserAgent(
        'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      ).type,
      'tablet',
    );
    assert.equal(
      parseUserAgent(
        'Mozilla/5.0 (SMART-TV; Linux; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/5.0 TV Safari/537.36',
      ).type,
      'tv',
    );
    assert.equal(
      parseUserAgent('Mozilla/5.0 (PlayStation; PlayStation 5/6.50) AppleWebKit/605.1.15 (KHTML, like Gecko)').type,
      'console',
    );
    assert.deepEqual(parseUserAgent(undefined), { browser: null, os: null, type: 'other', name: 'Unknown browser' });
  });

  /** One account signed in from a Mac (twice: the same browser, recognised by its cookie) and a phone. */
  async function account() {
    const { email, ip } = fresh('dev');
    const mac = new Browser(t.app, ip, FIREFOX_MAC);
    const phone = new Browser(t.app, '192.168.7.7', SAFARI_IPHONE);
    await mac.register(email);
    const macToken = (await mac.login(email)).access_token;
    const phoneToken = (await phone.login(email)).access_token;
    return { email, mac, phone, macToken, phoneToken };
  }

  it('records one device per browser (recognised by its cookie), with session counts, this one marked', async () => {
    const { mac, macToken } = await account();
    const res = await mac.get('/users/me/devices', macToken);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.items.length, 2, 'the Mac signed in twice with one cookie: one device');
    const current = body.items.find((d: { current: boolean }) => d.current);
    assert.equal(body.current_device_id, current.id);
    assert.equal(current.name, 'Firefox on macOS');
    assert.equal(current.active_sessions, 2);
    assert.equal(current.trusted, false);
    const phone = body.items.find((d: { current: boolean }) => !d.current);
    assert.equal(phone.type, 'mobile');
    assert.equal(phone.last_ip, '192.168.7.7');
    assert.equal(phone.last_location.label, 'Local network');
    assert.equal(phone.active_sessions, 1);
  });

  it('groups active sessions by device, and filters by one device', async () => {
    const { mac, macToken } = await account();
    const all = (await mac.get('/users/me/devices/sessions', macToken)).json();
    assert.equal(all.items.length, 2);
    const macGroup = all.items.find((g: { device: { current: boolean } }) => g.device.current);
    assert.equal(macGroup.sessions.length, 2);
    assert.ok(macGroup.sessions.some((s: { current: boolean }) => s.current));
    const one = await mac.get(`/users/me/devices/sessions?device_id=${macGroup.device.id}`, macToken);
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.json().items.length, 1);

    const other = await account();
    assertError(
      await other.mac.get(`/users/me/devices/sessions?device_id=${macGroup.device.id}`, other.macToken),
      404,
      'not_found',
    );
  });

  it("removes a device: its sessions end; another account's device is 404", async () => {
    const { mac, phone, macToken, phoneToken } = await account();
    const devices = (await mac.get('/users/me/devices', macToken)).json();
    const phoneDevice = devices.items.find((d: { current: boolean }) => !d.current);

    const other = await account();
    assertError(await other.mac.delete(`/users/me/devices/${phoneDevice.id}`, other.macToken), 404, 'not_found');
    assert.equal((await phone.get('/auth/me', phoneToken)).statusCode, 200, 'untouched by another account');

    const res = await mac.delete(`/users/me/devices/${phoneDevice.id}`, macToken);
    assert.equal(res.statusCode, 204, res.body);
    assertError(await phone.get('/auth/me', phoneToken), 401, 'unauthenticated');
    assertError(await phone.post('/auth/refresh'), 401, 'session_expired');
    const after = (await mac.get('/users/me/devices', macToken)).json();
    assert.equal(after.items.length, 1);
    assertError(await mac.delete(`/users/me/devices/${phoneDevice.id}`, macToken), 404, 'not_found');
  });

  it('signs out every device, optionally keeping this one, and drops their MFA trust', async () => {
    const { mac, phone, macToken, phoneToken, email } = await account();
    const userId = claimsOf(macToken).sub as string;
    const service = accountServices(t.app);
    const phoneDevice = await service.sessions.deviceOf(claimsOf(phoneToken).sid as string);
    assert.ok(phoneDevice);
    await service.devices.trust(phoneDevice, {
      ip: '192.168.7.7',
      userAgent: SAFARI_IPHONE,
      device: parseUserAgent(SAFARI_IPHONE),
      location: { city: null, region: null, country: null, label: 'Local network' },
      browserKey: null,
    });
    const trusted = (await mac.get('/auth/trusted-devices', macToken)).json();
    assert.equal(trusted.items.length, 1);
    assert.equal(trusted.items[0].device_id, phoneDevice);
    assert.equal(trusted.items[0].current, false);

    const kept = await mac.post('/users/me/devices/revoke-all', { keep_current: true }, macToken);
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual(kept.json(), { devices: 1, sessions: 1, current_revoked: false });
    assertError(await phone.get('/auth/me', phoneToken), 401);
    assert.equal((await mac.get('/auth/me', macToken)).statusCode, 200);
    assert.equal((await mac.get('/auth/trusted-devices', macToken)).json().items.length, 0, 'trust dropped');
    assert.equal(await service.devices.isTrusted(userId, null), null);

    const again = await phone.login(email);
    const all = await mac.post('/users/me/devices/revoke-all', {}, macToken);
    assert.deepEqual(all.json(), { devices: 2, sessions: 3, current_revoked: true });
    assertError(await mac.get('/auth/me', macToken), 401);
    assertError(await phone.get('/auth/me', again.access_token), 401);
  });

  it("removes a browser's MFA trust; another account's device is 404", async () => {
    const { mac, macToken } = await account();
    const service = accountServices(t.app);
    const device = (await service.sessions.deviceOf(claimsOf(macToken).sid as string)) as string;
    await service.devices.trust(device, {
      ip: '10.0.0.1',
      userAgent: FIREFOX_MAC,
      device: parseUserAgent(FIREFOX_MAC),
      location: { city: null, region: null, country: null, label: 'Local network' },
      browserKey: null,
    });
    const list = (await mac.get('/auth/trusted-devices', macToken)).json();
    assert.equal(list.items[0].current, true);
    assert.equal(list.items[0].location.label, 'Local network');

    const other = await account();
    assertError(await other.mac.delete(`/auth/trusted-devices/${device}`, other.macToken), 404, 'not_found');
    assert.equal((await mac.delete(`/auth/trusted-devices/${device}`, macToken)).statusCode, 204);
    assert.equal((await mac.get('/auth/trusted-devices', macToken)).json().items.length, 0);
    assert.equal((await mac.get('/auth/me', macToken)).statusCode, 200, 'removing trust does not sign out');
  });
});
