// A partner playback token in place of a user session (issue 13): starting a session, media
// delivery with the session's media token (never a cookie), renewal with a new token from the
// host, events without keeping anyone's progress, and the title binding on signed URLs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { progress } from '../../src/db/schema/index.js';
import { createStaff } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, readyAsset } from '../media/support.js';

const PARTNER = 'https://news.example.com';

describe('playback with a partner token', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let film: string;
  let other: string;
  let asset: string;
  let secret: string;

  const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });
  const token = async (titleId = film, ttl = 900) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/partner/playback-tokens',
      headers: json({ 'x-api-key': secret }),
      payload: JSON.stringify({ title_id: titleId, origin: PARTNER, ttl }),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().playback_token as string;
  };
  const start = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/player/sessions/enhanced',
      headers: json({ origin: PARTNER, ...headers }),
      payload: JSON.stringify(body),
    });

  before(async () => {
    t = await mediaApp({ REEL_MEDIA_PREPARE_WAIT: '1' });
    app = t.app;
    film = (await insertTitle(app, { maturity: 12 })).id;
    asset = (await readyAsset(app, film)).id;
    other = (await insertTitle(app, { maturity: 12 })).id;
    await readyAsset(app, other);
    const admin = await createStaff(app, 'admin');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: json(admin.headers),
      payload: JSON.stringify({ name: 'News', scopes: ['playback'], allowed_origins: [PARTNER] }),
    });
    assert.equal(created.statusCode, 201, created.body);
    secret = created.json().secret;
  });
  after(() => t.close());

  it('starts a session with the token in the body, with CORS and no cookie', async () => {
    const playback = await token(film, 300);
    const res = await start({ title_id: film, playback_token: playback });
    assert.equal(res.statusCode, 201, res.body);
    const s = res.json();
    assert.equal(s.partner, true);
    assert.match(s.manifest_url, new RegExp(`^/media/${asset}/master\\.m3u8\\?token=`));
    assert.ok(s.media_token.expires_in <= 300, 'the media token lives no longer than the playback token');
    assert.equal(res.headers['access-control-allow-origin'], PARTNER);
    assert.equal(res.headers['access-control-allow-credentials'], undefined);
    assert.equal(res.headers['set-cookie'], undefined);
    // Media delivery honours the session's media token.
    const master = await app.inject({ method: 'GET', url: s.manifest_url, headers: { origin: PARTNER } });
    assert.equal(master.statusCode, 200, master.body);
    assert.match(master.body, /^#EXTM3U/);
    // The same token in a header (X-Playback-Token) or as a bearer works too.
    const viaHeader = await start({ title_id: film }, { 'x-playback-token': playback });
    assert.equal(viaHeader.statusCode, 201, viaHeader.body);
    const viaBearer = await start({ title_id: film }, { authorization: `Bearer ${playback}` });
    assert.equal(viaBearer.statusCode, 201, viaBearer.body);
  });

  it('refuses another title and an anonymous start', async () => {
    const playback = await token(film);
    const res = await start({ title_id: other, playback_token: playback });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'playback_token_title_mismatch');
    const anonymous = await start({ title_id: film });
    assert.equal(anonymous.statusCode, 401);
  });

  it('renews with a new token from the host, keeps events without any profile progress', async () => {
    const first = await token(film, 120);
    const s = (await start({ title_id: film, playback_token: first })).json();
    const second = await token(film, 600);
    const renewed = await app.inject({
      method: 'POST',
      url: `/api/v1/player/sessions/${s.session_id}/renew-token`,
      headers: json({ origin: PARTNER, 'x-playback-token': first }),
      payload: JSON.stringify({ playback_token: second }),
    });
    assert.equal(renewed.statusCode, 200, renewed.body);
    assert.ok(renewed.json().media_token.expires_in > 300, 'the new media token follows the new playback token');
    const events = await app.inject({
      method: 'POST',
      url: '/api/v1/player/events',
      headers: json({ origin: PARTNER, 'x-playback-token': second }),
      payload: JSON.stringify({
        events: [
          {
            id: 'evt-1',
            session_id: s.session_id,
            type: 'play',
            position: 0,
            timestamp: new Date().toISOString(),
          },
        ],
      }),
    });
    assert.equal(events.statusCode, 202, events.body);
    assert.equal(events.json().accepted, 1);
    assert.equal((await app.db.select().from(progress)).length, 0, 'a partner viewer leaves no progress');
    const debug = await app.inject({
      method: 'GET',
      url: `/api/v1/player/sessions/${s.session_id}/debug-info`,
      headers: { origin: PARTNER, 'x-playback-token': second },
    });
    assert.equal(debug.statusCode, 200, debug.body);
    assert.equal(debug.json().auth, 'partner');
    // Another title's token does not reach this session.
    const elsewhere = await token(other);
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/v1/player/sessions/${s.session_id}/analytics`,
      headers: { origin: PARTNER, 'x-playback-token': elsewhere },
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('gets delivery tokens without a cookie and signs only its own title', async () => {
    const playback = await token(film, 300);
    const s = (await start({ title_id: film, playback_token: playback })).json();
    const delivery = await app.inject({
      method: 'GET',
      url: `/api/v1/delivery/token?session_id=${s.session_id}`,
      headers: { origin: PARTNER, 'x-playback-token': playback },
    });
    assert.equal(delivery.statusCode, 200, delivery.body);
    assert.equal(delivery.json().cookie, null);
    assert.ok(delivery.json().expires_in <= 300);
    assert.equal(delivery.headers['set-cookie'], undefined);
    const signed = await app.inject({
      method: 'GET',
      url: `/api/v1/delivery/signed-url?asset_id=${asset}`,
      headers: { origin: PARTNER, 'x-playback-token': playback },
    });
    assert.equal(signed.statusCode, 200, signed.body);
    const seg = await app.inject({ method: 'GET', url: signed.json().url });
    assert.equal(seg.statusCode, 200);
    const elsewhere = await token(other);
    const refused = await app.inject({
      method: 'GET',
      url: `/api/v1/delivery/signed-url?asset_id=${asset}`,
      headers: { origin: PARTNER, 'x-playback-token': elsewhere },
    });
    assert.equal(refused.statusCode, 404);
  });
});
