import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertFixtureCatalog, VISIBLE_IDS } from '../catalog-fixture.js';
import { createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

describe('POST /batch', () => {
  let t: TestApp;
  let viewer: TestCaller;
  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    viewer = await createViewer(t.app);
  });
  after(() => t.close());

  const batch = (requests: { id: string; path: string }[], headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/batch', payload: { requests }, headers });

  it('answers each GET in its own slot, exactly as it would answer alone', async () => {
    const id = VISIBLE_IDS[0] as string;
    const res = await batch([
      { id: 'a', path: '/genres' },
      { id: 'b', path: `/titles/${id}` },
      { id: 'c', path: '/titles/no-such-title' },
      { id: 'd', path: '/titles?limit=abc' },
    ]);
    assert.equal(res.statusCode, 200);
    const { responses } = res.json() as { responses: { id: string; status: number; body: unknown }[] };
    assert.deepEqual(
      responses.map((r) => [r.id, r.status]),
      [
        ['a', 200],
        ['b', 200],
        ['c', 404],
        ['d', 400],
      ],
    );
    const single = await t.app.inject({ method: 'GET', url: `/api/v1/titles/${id}` });
    assert.deepEqual(responses[1]?.body, single.json());
    const missing = responses[2]?.body as { error: { code: string } };
    assert.equal(missing.error.code, 'not_found');
  });

  it('authorises each slot as the caller: a signed-in route needs the caller’s token', async () => {
    const anonymous = await batch([{ id: 'me', path: '/auth/me' }]);
    assert.equal(anonymous.json().responses[0].status, 401);
    const signedIn = await batch([{ id: 'me', path: '/auth/me' }], viewer.headers);
    assert.equal(signedIn.json().responses[0].status, 200);
    assert.equal(signedIn.json().responses[0].body.email, viewer.email);
  });

  it('refuses a nested batch in its slot and more than 25 requests as a whole', async () => {
    const nested = await batch([{ id: 'x', path: '/batch' }]);
    assert.equal(nested.json().responses[0].status, 400);
    const tooMany = await batch(Array.from({ length: 26 }, (_, i) => ({ id: String(i), path: '/genres' })));
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.json().error.code, 'validation_failed');
  });
});
