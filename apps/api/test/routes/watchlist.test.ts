import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { watchlistItems } from '../../src/db/schema/index.js';
import { insertFixtureCatalog } from '../catalog-fixture.js';
import { createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

interface Item {
  title_id: string;
  position: number;
  title: { id: string; name: string; in_watchlist?: boolean };
}

describe('watchlist routes', () => {
  let t: TestApp;
  /** A family account: adult profile "Alex" (signed in) and kids profile "Sam" (ceiling 7). */
  let family: TestCaller;
  let alex: string;
  let sam: string;
  let stranger: TestCaller;

  const send = async (method: 'GET' | 'POST' | 'DELETE', url: string, caller: TestCaller, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: caller.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const add = (profileId: string, titleId: string, caller = family, extra: Record<string, unknown> = {}) =>
    send('POST', `/users/${profileId}/watchlist`, caller, { title_id: titleId, ...extra });
  const list = async (profileId: string, caller = family, query = '') => {
    const res = await send('GET', `/users/${profileId}/watchlist${query}`, caller);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { items: Item[]; next_cursor: string | null; total: number; total_all: number };
  };
  const ids = (items: Item[]) => items.map((i) => i.title_id);

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    family = await createViewer(t.app, {
      profiles: [{ name: 'Alex' }, { name: 'Sam', isKids: true, maturityLevel: 7 }],
    });
    alex = family.profiles[0]?.id as string;
    sam = family.profiles[1]?.id as string;
    stranger = await createViewer(t.app);
  });
  after(() => t?.close());

  it('adds a title to the top of the list and shows it first, as a card', async () => {
    const first = await add(alex, 't-interstellar');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.title_id, 't-interstellar');
    assert.equal(first.body.title.name, 'Interstellar');
    assert.equal(first.body.position, 0);
    const second = await add(alex, 't-inception');
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.body.position, 0);

    const page = await list(alex);
    assert.deepEqual(ids(page.items), ['t-inception', 't-interstellar']);
    assert.deepEqual(
      page.items.map((i) => i.position),
      [0, 1],
    );
    assert.equal(page.items[0]?.title.in_watchlist, true);
    assert.equal(page.total, 2);
    assert.equal(page.total_all, 2);

    const bottom = await add(alex, 't-up', family, { placement: 'bottom' });
    assert.equal(bottom.body.position, 2);
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar', 't-up']);
  });

  it('marks the title detail and cards as on the list', async () => {
    const detail = await send('GET', '/titles/t-interstellar', family);
    assert.equal(detail.body.in_watchlist, true);
    const other = await send('GET', '/titles/t-toy-story', family);
    assert.equal(other.body.in_watchlist, false);
  });

  it('adding twice keeps one entry where it was', async () => {
    const again = await add(alex, 't-interstellar');
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.position, 1);
    const page = await list(alex);
    assert.deepEqual(ids(page.items), ['t-inception', 't-interstellar', 't-up']);
  });

  it('pages in the stored order and sorts on request', async () => {
    const first = await list(alex, family, '?limit=2');
    assert.deepEqual(ids(first.items), ['t-inception', 't-interstellar']);
    assert.ok(first.next_cursor);
    const rest = await list(alex, family, `?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`);
    assert.deepEqual(ids(rest.items), ['t-up']);
    assert.equal(rest.next_cursor, null);
    assert.deepEqual(ids((await list(alex, family, '?sort=title')).items), ['t-inception', 't-interstellar', 't-up']);
    const searched = await list(alex, family, '?q=INTER');
    assert.deepEqual(ids(searched.items), ['t-interstellar']);
    assert.equal(searched.total, 1);
    assert.equal(searched.total_all, 3);
  });

  it('removes a title, and removing it again is no error', async () => {
    assert.equal((await send('DELETE', `/users/${alex}/watchlist/t-up`, family)).status, 204);
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar']);
    assert.equal((await send('DELETE', `/users/${alex}/watchlist/t-up`, family)).status, 204);
    assert.equal((await send('GET', '/titles/t-up', family)).body.in_watchlist, false);
  });

  it("answers 404 for another account's profile, and changes nothing there", async () => {
    const foreignAdd = await add(alex, 't-toy-story', stranger);
    assert.equal(foreignAdd.status, 404);
    assert.equal(foreignAdd.body.error.code, 'not_found');
    assert.equal((await send('GET', `/users/${alex}/watchlist`, stranger)).status, 404);
    assert.equal((await send('DELETE', `/users/${alex}/watchlist/t-inception`, stranger)).status, 404);
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar']);
  });

  it("keeps titles above a kids profile's ceiling off its list", async () => {
    const refused = await add(sam, 't-interstellar');
    assert.equal(refused.status, 404);
    assert.equal(refused.body.error.code, 'not_found');
    assert.equal((await add(sam, 't-toy-story')).status, 201);
    // A title stored before the ceiling applied (or lowered later) stays hidden.
    await t.app.db.insert(watchlistItems).values({ profileId: sam, titleId: 't-inception', position: -5 });
    const page = await list(sam);
    assert.deepEqual(ids(page.items), ['t-toy-story']);
    assert.equal(page.total_all, 1);
    assert.equal(page.items[0]?.position, 0);
    // Alex's list is Alex's own.
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar']);
  });

  it('answers 404 for an unknown title', async () => {
    const res = await add(alex, 't-does-not-exist');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
  });

  it('refuses a malformed body with the error envelope naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'title_id'],
      [{ title_id: 42 }, 'title_id'],
      [{ title_id: 't-up', placement: 'middle' }, 'placement'],
      [{ title_id: 't-up', tags: ['to watch'] }, 'tags'],
    ];
    for (const [payload, field] of cases) {
      const res = await send('POST', `/users/${alex}/watchlist`, family, payload);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(typeof res.body.error.request_id, 'string');
      assert.deepEqual(
        res.body.error.details.fields.map((f: { field: string }) => f.field),
        [field],
      );
    }
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar']);
  });
});
