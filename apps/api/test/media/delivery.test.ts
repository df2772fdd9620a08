// Signed delivery: a valid signature plays; a missing, tampered, expired or out-of-scope one is 403
// with CORS headers (so a cross-origin player can read it); playlists carry the token to their
// children and leave out rungs above the plan; ranges, content types and cache headers; the
// delivery token (and cookie) and the signed-URL endpoint.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, parseMaster, parseMedia, readyAsset } from './support.js';

const ORIGIN = 'https://partner.example';

describe('signed media delivery', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let viewer: TestCaller;
  let titleId: string;
  let assetId: string;
  let session: { session_id: string; manifest_url: string; media_token: { token: string } };

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const start = async (caller: TestCaller, body: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/player/sessions/enhanced',
      headers: { ...caller.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };

  before(async () => {
    t = await mediaApp();
    app = t.app;
    titleId = (await insertTitle(app)).id;
    assetId = (await readyAsset(app, titleId)).id;
    viewer = await createViewer(app, { plan: 'free' });
    session = await start(viewer, { title_id: titleId });
  });
  after(() => t.close());

  it('plays through a signed manifest: every child URI carries the token', async () => {
    const master = await get(session.manifest_url);
    assert.equal(master.statusCode, 200);
    assert.equal(master.headers['content-type'], 'application/vnd.apple.mpegurl');
    assert.match(String(master.headers['cache-control']), /max-age=10\b/);
    const parsed = parseMaster(master.body);
    const token = encodeURIComponent(session.media_token.token);
    for (const m of parsed.media) assert.ok(m.URI?.endsWith(`?token=${token}`), m.URI);
    for (const v of parsed.variants) assert.ok(v.uri.endsWith(`?token=${token}`), v.uri);
    const base = new URL(session.manifest_url, 'http://x');
    const variantUrl = new URL(parsed.variants[0]?.uri as string, base);
    const variant = await get(variantUrl.pathname + variantUrl.search);
    assert.equal(variant.statusCode, 200);
    const media = parseMedia(variant.body);
    assert.ok(media.map?.includes('?token='));
    const segUrl = new URL(media.segments[0]?.uri as string, variantUrl);
    const segment = await get(segUrl.pathname + segUrl.search);
    assert.equal(segment.statusCode, 200);
    assert.equal(segment.headers['content-type'], 'video/iso.segment');
    assert.match(String(segment.headers['cache-control']), /max-age=31536000, immutable/);
    assert.equal(segment.headers['accept-ranges'], 'bytes');
    assert.ok(segment.rawPayload.length > 1000);
    const init = new URL(media.map as string, variantUrl);
    const initRes = await get(init.pathname + init.search);
    assert.equal(initRes.headers['content-type'], 'video/mp4');
  });

  it('applies the cache policies staff set for delivery to the next response, without a restart', async () => {
    const admin = await createStaff(app, 'admin');
    const send = (method: 'GET' | 'PUT', body?: unknown) =>
      app.inject({
        method,
        url: '/api/v1/admin/assets/cdn-delivery',
        headers: { ...admin.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
    const current = (await send('GET')).json();
    const policies = current.cache_policies.map((p: { asset_kind: string }) =>
      p.asset_kind === 'manifest'
        ? { ...p, max_age_seconds: 4 }
        : p.asset_kind === 'segment'
          ? { ...p, max_age_seconds: 600, immutable: false, stale_while_revalidate_seconds: 30 }
          : p,
    );
    const saved = await send('PUT', { ...current, cache_policies: policies });
    assert.equal(saved.statusCode, 200, saved.body);
    try {
      const master = await get(session.manifest_url);
      assert.equal(master.headers['cache-control'], 'private, max-age=4');
      const variant = new URL(
        parseMaster(master.body).variants[0]?.uri as string,
        new URL(session.manifest_url, 'http://x'),
      );
      const media = parseMedia((await get(variant.pathname + variant.search)).body);
      const seg = new URL(media.segments[0]?.uri as string, variant);
      const segment = await get(seg.pathname + seg.search);
      assert.equal(segment.headers['cache-control'], 'public, max-age=600, stale-while-revalidate=30');
    } finally {
      const now = (await send('GET')).json();
      await send('PUT', { ...now, cache_policies: current.cache_policies });
    }
  });

  it('answers 403 with CORS headers without a valid signature: missing, tampered, expired, another asset', async () => {
    const url = new URL(session.manifest_url, 'http://x');
    const segment = `/media/${assetId}/v/240p/seg_00000.m4s`;
    const token = session.media_token.token;
    const tampered = `${token.slice(0, -2)}${token.endsWith('xx') ? 'yy' : 'xx'}`;
    const expired = app.media.signer.sign({
      path: `/media/${assetId}/`,
      exp: Math.floor(Date.now() / 1000) - 5,
      maxHeight: 0,
    });
    const other = app.media.signer.sign({
      path: '/media/ast_other/',
      exp: Math.floor(Date.now() / 1000) + 60,
      maxHeight: 0,
    });
    const cases: [string, string, string][] = [
      ['no signature', segment, 'signature_required'],
      ['tampered signature', `${segment}?token=${tampered}`, 'signature_invalid'],
      ['tampered payload', `${segment}?token=x${token.slice(1)}`, 'signature_invalid'],
      ['expired', `${segment}?token=${expired}`, 'token_expired'],
      ['another asset', `${segment}?token=${other}`, 'signature_invalid'],
      ['master without signature', url.pathname, 'signature_required'],
    ];
    for (const [label, target, code] of cases) {
      const res = await get(target, { origin: ORIGIN });
      assert.equal(res.statusCode, 403, `${label}: ${res.body}`);
      assert.equal(res.json().error.code, code, label);
      assert.ok(res.json().error.request_id, label);
      assert.equal(res.headers['access-control-allow-origin'], ORIGIN, `${label}: CORS on the 403`);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    // A preflight from a partner page is answered too.
    const pre = await app.inject({
      method: 'OPTIONS',
      url: segment,
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'range' },
    });
    assert.equal(pre.statusCode, 204);
    assert.equal(pre.headers['access-control-allow-origin'], ORIGIN);
    assert.match(String(pre.headers['access-control-allow-headers']), /range/);
  });

  it('serves byte ranges: 206 with Content-Range, suffix ranges, 416 outside the file, HEAD', async () => {
    const url = `/media/${assetId}/v/360p/seg_00000.m4s?token=${session.media_token.token}`;
    const whole = await get(url);
    const size = whole.rawPayload.length;
    const part = await get(url, { range: 'bytes=100-199' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 100-199/${size}`);
    assert.equal(part.headers['content-length'], '100');
    assert.deepEqual(part.rawPayload, whole.rawPayload.subarray(100, 200));
    const tail = await get(url, { range: 'bytes=-50' });
    assert.equal(tail.statusCode, 206);
    assert.equal(tail.headers['content-range'], `bytes ${size - 50}-${size - 1}/${size}`);
    const open = await get(url, { range: `bytes=${size - 10}-` });
    assert.equal(open.rawPayload.length, 10);
    const outside = await get(url, { range: `bytes=${size + 10}-` });
    assert.equal(outside.statusCode, 416);
    assert.equal(outside.headers['content-range'], `bytes */${size}`);
    const head = await app.inject({ method: 'HEAD', url });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['content-length'], String(size));
    const etag = String(whole.headers.etag);
    const again = await get(url, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
  });

  it('serves subtitles, sprites and chapters with their types; the thumbnails track links signed images', async () => {
    const token = session.media_token.token;
    const vtt = await get(`/media/${assetId}/s/es/subtitles.vtt?token=${token}`);
    assert.equal(vtt.headers['content-type'], 'text/vtt; charset=utf-8');
    assert.match(vtt.body, /Línea 1/);
    const thumbs = await get(`/media/${assetId}/thumbs/thumbnails.vtt?token=${token}`);
    assert.match(thumbs.body, /sprite_001\.jpg\?token=[^#\s]+#xywh=0,0,240,136/);
    const image = await get(`/media/${assetId}/thumbs/sprite_001.jpg?token=${token}`);
    assert.equal(image.headers['content-type'], 'image/jpeg');
    const json = await get(`/media/${assetId}/output.json?token=${token}`);
    assert.equal(json.statusCode, 404, 'only media files are served');
    const traversal = await get(`/media/${assetId}/..%2F..%2Fsecret.key?token=${token}`);
    assert.equal(traversal.statusCode, 404);
  });

  it('leaves rungs above the plan out of the master and refuses their segments', async () => {
    const limited = app.media.signer.sign({
      path: `/media/${assetId}/`,
      exp: Math.floor(Date.now() / 1000) + 60,
      maxHeight: 240,
    });
    const master = parseMaster((await get(`/media/${assetId}/master.m3u8?token=${limited}`)).body);
    assert.deepEqual(
      master.variants.map((v) => v.attrs.RESOLUTION),
      ['426x240'],
    );
    const above = await get(`/media/${assetId}/v/360p/seg_00000.m4s?token=${limited}`);
    assert.equal(above.statusCode, 403);
    assert.equal(above.json().error.code, 'quality_not_allowed');
    assert.equal((await get(`/media/${assetId}/v/240p/seg_00000.m4s?token=${limited}`)).statusCode, 200);
  });

  it('gives a delivery token and an httpOnly cookie scoped to the media; never a cookie to a partner page', async () => {
    const res = await get(`/api/v1/delivery/token?session_id=${session.session_id}&ttl=120`, viewer.headers);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.path_prefix, `/media/${assetId}/`);
    assert.equal(body.query_param, 'token');
    assert.equal(body.expires_in, 120);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^reel_media=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, new RegExp(`Path=/media/${assetId}/`));
    // The cookie alone plays (no token in the URL: the playlist is not rewritten).
    const value = cookie.split(';')[0] as string;
    const master = await get(`/media/${assetId}/master.m3u8`, { cookie: value });
    assert.equal(master.statusCode, 200);
    assert.ok(!master.body.includes('token='));
    const partner = await get(`/api/v1/delivery/token?session_id=${session.session_id}`, {
      ...viewer.headers,
      origin: ORIGIN,
    });
    assert.equal(partner.json().cookie, null);
    assert.equal(partner.headers['set-cookie'], undefined);
  });

  it('signs one URL for a caller entitled to the title; 404 for media the caller cannot play', async () => {
    const res = await get(`/api/v1/delivery/signed-url?asset_id=${assetId}`, viewer.headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().path, `/media/${assetId}/master.m3u8`);
    assert.equal((await get(res.json().url)).statusCode, 200);
    const file = await get(`/api/v1/delivery/signed-url?path=${assetId}/thumbs/sprite_001.jpg&ttl=60`, viewer.headers);
    assert.equal(file.statusCode, 200);
    assert.equal((await get(file.json().url)).statusCode, 200);
    // That signature covers that file only.
    const token = new URL(file.json().url, 'http://x').searchParams.get('token');
    assert.equal((await get(`/media/${assetId}/master.m3u8?token=${token}`)).statusCode, 403);
    const both = await get(
      `/api/v1/delivery/signed-url?asset_id=${assetId}&path=${assetId}/master.m3u8`,
      viewer.headers,
    );
    assert.equal(both.statusCode, 400);
    const hidden = (await insertTitle(app, { regions: ['GB'] })).id;
    const other = (await readyAsset(app, hidden)).id;
    const refused = await get(`/api/v1/delivery/signed-url?asset_id=${other}`, viewer.headers);
    assert.equal(refused.statusCode, 404);
  });

  it('stops serving a session once it ends', async () => {
    const again = await start(viewer, { title_id: titleId });
    const url = again.manifest_url;
    assert.equal((await get(url)).statusCode, 200);
    const end = await app.inject({
      method: 'DELETE',
      url: `/api/v1/player/sessions/${again.session_id}`,
      headers: viewer.headers,
    });
    assert.equal(end.statusCode, 204);
    const after = await get(url);
    assert.equal(after.statusCode, 403);
    assert.equal(after.json().error.code, 'session_ended');
  });
});
