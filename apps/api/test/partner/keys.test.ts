// Partner API keys and playback tokens (issue 13): the admin routes (api_keys.manage; the secret
// shown once and stored hashed; last use; revocation at once), token minting and every refusal,
// CORS for key origins (never with credentials), no cookie on partner requests, the per-origin
// limit of public sources, the embed loaders and the iframe's frame-ancestors.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { apiKeys } from '../../src/db/schema/index.js';
import { insertFixtureCatalog, VISIBLE_IDS } from '../catalog-fixture.js';
import { createAccount, createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { buildTestApp } from '../helper.js';
import { scratch } from '../media/support.js';

const PARTNER = 'https://news.example.com';
const OTHER = 'https://other.example.org';

describe('partner API keys and playback tokens', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin: TestCaller;
  let dataDir: string;
  let key: { id: string; secret: string };
  const title = VISIBLE_IDS[0] as string;

  const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });
  const mint = (secret: string | null, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/partner/playback-tokens',
      headers: json({ ...(secret ? { 'x-api-key': secret } : {}), ...headers }),
      payload: JSON.stringify(body),
    });
  const createKey = async (body: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: json(admin.headers),
      payload: JSON.stringify(body),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };

  before(async () => {
    dataDir = scratch('reel-partner-');
    t = await buildTestApp({ REEL_DATA_DIR: dataDir, REEL_DEMO_MEDIA: 'off' });
    app = t.app;
    await insertFixtureCatalog(app);
    admin = await createStaff(app, 'admin');
    key = await createKey({ name: 'News site', scopes: ['playback', 'catalog'], allowed_origins: [PARTNER] });
  });
  after(() => t.close());

  describe('admin api-keys', () => {
    it('creates a key whose secret is shown once and stored only hashed', async () => {
      assert.match(key.secret, /^rk_live_[A-Za-z0-9_-]{40,}$/);
      const [row] = await app.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
      assert.ok(row);
      assert.equal(row.secretHash, createHash('sha256').update(key.secret).digest('hex'));
      assert.ok(!JSON.stringify(row).includes(key.secret), 'the secret is not stored');
      const list = await app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: admin.headers });
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.body.includes(key.secret), 'a list never carries the secret');
      const item = list.json().items.find((k: { id: string }) => k.id === key.id);
      assert.equal(item.prefix, key.secret.slice(0, 12));
      assert.deepEqual(item.scopes, ['playback', 'catalog']);
      assert.deepEqual(item.allowed_origins, [PARTNER]);
      assert.equal(item.status, 'active');
      assert.equal(item.last_used_at, null);
      assert.equal(item.created_by.id, admin.userId);
      const one = await app.inject({ method: 'GET', url: `/api/v1/admin/api-keys/${key.id}`, headers: admin.headers });
      assert.equal(one.statusCode, 200, one.body);
      assert.ok(!one.body.includes(key.secret));
      assert.equal(one.json().usage_daily.length, 30);
    });

    it('needs the api_keys.manage permission', async () => {
      const viewer = await createViewer(app);
      const editor = await createStaff(app, 'content_editor');
      for (const caller of [viewer, editor]) {
        const res = await app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: caller.headers });
        assert.equal(res.statusCode, 403, res.body);
      }
      const anonymous = await app.inject({ method: 'GET', url: '/api/v1/admin/api-keys' });
      assert.equal(anonymous.statusCode, 401);
    });

    it('records last use, renames and changes origins (CORS follows at once)', async () => {
      const res = await mint(key.secret, { title_id: title, origin: PARTNER });
      assert.equal(res.statusCode, 201, res.body);
      const one = (
        await app.inject({ method: 'GET', url: `/api/v1/admin/api-keys/${key.id}`, headers: admin.headers })
      ).json();
      assert.ok(one.last_used_at);
      assert.equal(one.last_used_origin, PARTNER);
      assert.ok(one.usage.tokens_minted_24h >= 1);
      const k2 = await createKey({ name: 'Blog', scopes: ['catalog'], allowed_origins: ['https://blog.example.net'] });
      const preflight = (origin: string) =>
        app.inject({
          method: 'OPTIONS',
          url: '/api/v1/trending',
          headers: { origin, 'access-control-request-method': 'GET' },
        });
      assert.equal((await preflight('https://blog2.example.net')).headers['access-control-allow-origin'], undefined);
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/api-keys/${k2.id}`,
        headers: json(admin.headers),
        payload: JSON.stringify({ name: 'Blog 2', allowed_origins: ['https://blog2.example.net'] }),
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().name, 'Blog 2');
      assert.equal(
        (await preflight('https://blog2.example.net')).headers['access-control-allow-origin'],
        'https://blog2.example.net',
      );
    });
  });

  describe('minting playback tokens', () => {
    it('answers a token bound to the title and origin', async () => {
      const res = await mint(key.secret, { title_id: title, origin: PARTNER, ttl: 120 });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.match(body.playback_token, /^rpt_/);
      assert.equal(body.expires_in, 120);
      assert.equal(body.title_id, title);
      assert.equal(body.episode_id, null);
      assert.equal(body.origin, PARTNER);
      const grant = app.partner.verify(body.playback_token, PARTNER);
      assert.equal(grant.titleId, title);
      assert.equal(grant.keyId, key.id);
    });

    it('refuses a missing, unknown or revoked key, a foreign origin, an unknown title and a key without playback', async () => {
      const cases: [string | null, Record<string, unknown>, number, string][] = [
        [null, { title_id: title, origin: PARTNER }, 401, 'api_key_required'],
        ['rk_live_not-a-key-at-all', { title_id: title, origin: PARTNER }, 401, 'api_key_invalid'],
        [key.secret, { title_id: title, origin: OTHER }, 403, 'origin_not_allowed'],
        [key.secret, { title_id: 'ttl_nope', origin: PARTNER }, 422, 'unknown_title'],
        [key.secret, { title_id: title, episode_id: 'ep_nope', origin: PARTNER }, 422, 'unknown_episode'],
      ];
      for (const [secret, body, status, code] of cases) {
        const res = await mint(secret, body);
        assert.equal(res.statusCode, status, `${code}: ${res.body}`);
        assert.equal(res.json().error.code, code);
        assert.ok(res.json().error.request_id);
      }
      const catalogOnly = await createKey({ name: 'Catalog', scopes: ['catalog'], allowed_origins: [PARTNER] });
      const noScope = await mint(catalogOnly.secret, { title_id: title, origin: PARTNER });
      assert.equal(noScope.statusCode, 403);
      assert.equal(noScope.json().error.code, 'scope_missing');
      const bad = await mint(key.secret, { title_id: title, origin: 'javascript:alert(1)' });
      assert.equal(bad.statusCode, 400);
    });

    it('revokes at once: the next token request and every token of the key are refused', async () => {
      const k = await createKey({ name: 'Short lived', scopes: ['playback'], allowed_origins: [OTHER] });
      const minted = await mint(k.secret, { title_id: title, origin: OTHER });
      assert.equal(minted.statusCode, 201);
      const token = minted.json().playback_token;
      const del = await app.inject({ method: 'DELETE', url: `/api/v1/admin/api-keys/${k.id}`, headers: admin.headers });
      assert.ok(del.statusCode === 204 || del.statusCode === 200, del.body);
      const again = await mint(k.secret, { title_id: title, origin: OTHER });
      assert.equal(again.statusCode, 401);
      assert.equal(again.json().error.code, 'api_key_revoked');
      const start = await app.inject({
        method: 'POST',
        url: '/api/v1/player/sessions/enhanced',
        headers: json({ origin: OTHER }),
        payload: JSON.stringify({ title_id: title, playback_token: token }),
      });
      assert.equal(start.statusCode, 401);
      assert.equal(start.json().error.code, 'api_key_revoked');
      // The page can read why: CORS headers on the refusal, never credentials.
      assert.equal(start.headers['access-control-allow-origin'], OTHER);
      assert.equal(start.headers['access-control-allow-credentials'], undefined);
      const listed = (
        await app.inject({ method: 'GET', url: '/api/v1/admin/api-keys?status=revoked', headers: admin.headers })
      ).json();
      assert.ok(listed.items.some((i: { id: string; status: string }) => i.id === k.id && i.status === 'revoked'));
    });

    it('refuses an expired token, a token for another title and a token used from another origin', async () => {
      const token = (await mint(key.secret, { title_id: title, origin: PARTNER, ttl: 60 })).json().playback_token;
      const start = (body: Record<string, unknown>, origin = PARTNER) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/player/sessions/enhanced',
          headers: json({ origin }),
          payload: JSON.stringify(body),
        });
      const other = await start({ title_id: VISIBLE_IDS[1], playback_token: token });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'playback_token_title_mismatch');
      assert.equal(other.headers['access-control-allow-origin'], PARTNER);
      const foreign = await start({ title_id: title, playback_token: token }, OTHER);
      assert.equal(foreign.statusCode, 403);
      assert.equal(foreign.json().error.code, 'origin_not_allowed');
      assert.equal(foreign.headers['access-control-allow-origin'], OTHER);
      const forged = await start({ title_id: title, playback_token: `${token.slice(0, -4)}AAAA` });
      assert.equal(forged.statusCode, 401);
      assert.equal(forged.json().error.code, 'playback_token_invalid');
      const realNow = app.partner.now;
      app.partner.now = () => realNow() + 61_000;
      try {
        const expired = await start({ title_id: title, playback_token: token });
        assert.equal(expired.statusCode, 401);
        assert.equal(expired.json().error.code, 'playback_token_expired');
      } finally {
        app.partner.now = realNow;
      }
    });
  });

  describe('CORS, cookies and public sources', () => {
    it('gives key origins CORS without credentials, the site with credentials, others nothing', async () => {
      const get = (origin: string) => app.inject({ method: 'GET', url: '/api/v1/trending', headers: { origin } });
      const partner = await get(PARTNER);
      assert.equal(partner.statusCode, 200, partner.body);
      assert.equal(partner.headers['access-control-allow-origin'], PARTNER);
      assert.equal(partner.headers['access-control-allow-credentials'], undefined);
      const site = await get(app.config.publicOrigin);
      assert.equal(site.headers['access-control-allow-origin'], app.config.publicOrigin);
      assert.equal(site.headers['access-control-allow-credentials'], 'true');
      const foreign = await get('https://evil.example');
      assert.equal(foreign.headers['access-control-allow-origin'], undefined);
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/partner/playback-tokens',
        headers: { origin: PARTNER, 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.headers['access-control-allow-credentials'], undefined);
    });

    it('never sets a cookie on a partner request', async () => {
      const account = await createAccount(app, {
        email: 'partner-cookie@reel.test',
        password: 'a long demo password 1',
      });
      const login = (origin: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: json({ origin }),
          payload: JSON.stringify({ email: account.email, password: 'a long demo password 1' }),
        });
      const fromSite = await login(app.config.publicOrigin);
      assert.equal(fromSite.statusCode, 200, fromSite.body);
      assert.ok(fromSite.headers['set-cookie'], 'the site itself gets its refresh cookie');
      const fromPartner = await login(PARTNER);
      assert.equal(fromPartner.headers['set-cookie'], undefined);
    });

    it('limits untokened public reads per origin', async () => {
      app.partner.publicRule = { limit: 3, windowMs: 60_000 };
      app.partner.resetPublic();
      try {
        const get = (origin: string, url = '/api/v1/trending', headers: Record<string, string> = {}) =>
          app.inject({ method: 'GET', url, headers: { origin, ...headers } });
        for (let i = 0; i < 3; i++) assert.equal((await get(PARTNER)).statusCode, 200);
        const limited = await get(PARTNER, `/api/v1/titles/${title}`);
        assert.equal(limited.statusCode, 429, limited.body);
        assert.equal(limited.json().error.code, 'rate_limited');
        assert.ok(Number(limited.headers['retry-after']) >= 1);
        assert.equal(limited.headers['access-control-allow-origin'], PARTNER);
        assert.equal((await get(OTHER)).statusCode, 200, 'another origin has its own budget');
        assert.equal((await get(app.config.publicOrigin)).statusCode, 200, 'the site is not limited');
        assert.equal((await get(PARTNER, '/api/v1/genres')).statusCode, 200, 'only public sources count');
      } finally {
        app.partner.publicRule = { limit: 300, windowMs: 60_000 };
        app.partner.resetPublic();
      }
    });
  });

  describe('embed URLs', () => {
    before(() => {
      // A kept release of the rail: its own content-hashed build.
      const dir = join(dataDir, 'embed-releases', 'rail', '9.1.0');
      mkdirSync(join(dir, '.vite'), { recursive: true });
      writeFileSync(join(dir, 'reel-rail-AbCdEf12.js'), `export const version = '9.1.0';\n${'// pad\n'.repeat(200)}`);
      writeFileSync(
        join(dir, '.vite', 'manifest.json'),
        JSON.stringify({
          'src/define.ts': { file: 'reel-rail-AbCdEf12.js', name: 'reel-rail', isEntry: true, imports: ['_lit.js'] },
          '_lit.js': { file: 'chunks/lit-XyZ.js', imports: ['_runtime.js'] },
          '_runtime.js': { file: 'chunks/runtime-Qr.js' },
        }),
      );
    });

    it('serves a small loader with a short cache that imports the hashed, immutable build', async () => {
      for (const url of ['/embed/rail.js', '/embed/rail@9.js']) {
        const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br', origin: OTHER } });
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers['content-type']), /^text\/javascript/);
        assert.match(String(res.headers['cache-control']), /max-age=300\b/);
        assert.equal(res.headers['access-control-allow-origin'], '*');
        const body =
          res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
        // Every file of the build at once: the entry's static imports listed before it.
        assert.deepEqual(
          body.split('\n').filter((line) => line.startsWith('import')),
          [
            "import './v/rail/9.1.0/chunks/lit-XyZ.js';",
            "import './v/rail/9.1.0/chunks/runtime-Qr.js';",
            "import './v/rail/9.1.0/reel-rail-AbCdEf12.js';",
          ],
        );
        assert.ok(res.rawPayload.length <= 2048, `loader is ${res.rawPayload.length} bytes`);
      }
      const build = await app.inject({ method: 'GET', url: '/embed/v/rail/9.1.0/reel-rail-AbCdEf12.js' });
      assert.equal(build.statusCode, 200);
      assert.equal(build.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(build.headers['access-control-allow-origin'], '*');
      assert.equal((await app.inject({ method: 'GET', url: '/embed/rail@7.js' })).statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/embed/no-such-element.js' })).statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/embed/v/rail/9.1.0/../../x.js' })).statusCode, 404);
      assert.equal(
        (await app.inject({ method: 'GET', url: '/embed/v/rail/9.1.0/.vite/manifest.json' })).statusCode,
        404,
      );
    });

    it('serves the iframe embed framable only by the key origins', async () => {
      const token = (await mint(key.secret, { title_id: title, origin: PARTNER })).json().playback_token;
      const res = await app.inject({
        method: 'GET',
        url: `/embed/frame/player?token=${encodeURIComponent(token)}&title_id=${title}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, new RegExp(`frame-ancestors ${PARTNER.replace(/\./g, '\\.')}(;|$)`));
      assert.match(csp, /require-trusted-types-for 'script'/);
      assert.equal(res.headers['x-frame-options'], undefined);
      assert.equal(res.headers['set-cookie'], undefined);
      assert.match(res.body, /<reel-player api-base="[^"]+\/api\/v1" playback-token="rpt_/);
      assert.match(res.body, /data-host-origin="https:\/\/news\.example\.com"/);
      const bad = await app.inject({ method: 'GET', url: `/embed/frame/player?token=rpt_bad.bad&title_id=${title}` });
      assert.equal(bad.statusCode, 403);
      assert.match(String(bad.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.doesNotMatch(bad.body, /<reel-player/);
    });
  });
});
