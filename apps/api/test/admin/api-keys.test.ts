// Partner API keys from the admin (§21, issue 17): api_keys.manage guards them, and revoking a key
// makes the partner's next token request fail at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertFixtureCatalog, VISIBLE_IDS } from '../catalog-fixture.js';
import { createStaff, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { scratch } from '../media/support.js';

const ORIGIN = 'https://news.example.com';

describe('admin API keys', () => {
  let t: TestApp;
  let admin: TestCaller;

  before(async () => {
    t = await buildTestApp({ REEL_DATA_DIR: scratch('reel-admin-keys-'), REEL_DEMO_MEDIA: 'off' });
    await insertFixtureCatalog(t.app);
    admin = await createStaff(t.app, 'admin');
  });
  after(() => t.close());

  const mint = (secret: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/partner/playback-tokens',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      payload: JSON.stringify({ title_id: VISIBLE_IDS[0], origin: ORIGIN }),
    });

  it('needs api_keys.manage', async () => {
    const support = await createStaff(t.app, 'support');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: support.headers });
    assert.equal(res.statusCode, 403);
  });

  it("revoking a key makes the partner's next token request fail", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: admin.headers,
      payload: { name: 'News', scopes: ['playback'], allowed_origins: [ORIGIN] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const key = created.json();
    assert.equal((await mint(key.secret)).statusCode, 201);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/api-keys/${key.id}`,
      headers: admin.headers,
    });
    assert.ok(listed.json().last_used_at, 'last use recorded');
    assert.equal(listed.json().secret, undefined, 'the secret is never shown again');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/api-keys/${key.id}`,
      headers: admin.headers,
    });
    assert.equal(revoked.statusCode, 204);
    const refused = await mint(key.secret);
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().error.code, 'api_key_revoked');
  });
});
