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
      [{ title_id: 't-up', tags: ['a,b'] }, 'tags[0]'],
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

describe('watchlist routes: bulk add, reorder, import/export, undo, folders, tags, sharing', () => {
  let t: TestApp;
  let family: TestCaller;
  let alex: string;
  let sam: string;
  let stranger: TestCaller;

  const send = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    caller: TestCaller | null,
    payload?: unknown,
  ) => {
    const res = await t.app.inject({
      method,
      url: url.startsWith('/api') ? url : `/api/v1${url}`,
      headers: caller?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    let body: unknown = null;
    try {
      body = res.body ? res.json() : null;
    } catch {
      body = res.body;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
    return { status: res.statusCode, body: body as any, headers: res.headers, raw: res.body };
  };
  const list = async (profileId: string, query = '', caller = family) => {
    const res = await send('GET', `/users/${profileId}/watchlist${query}`, caller);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { items: (Item & { folder_ids: string[]; tags: string[] })[]; total: number; total_all: number };
  };
  const ids = (items: Item[]) => items.map((i) => i.title_id);
  const setList = async (profileId: string, titleIds: string[]) => {
    await send('DELETE', `/users/${profileId}/watchlist/clear`, family);
    for (const id of [...titleIds].reverse()) {
      const res = await send('POST', `/users/${profileId}/watchlist`, family, { title_id: id });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  };

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

  it('bulk add resolves each entry by id or name (with a year) and reports it', async () => {
    const res = await send('POST', `/users/${alex}/watchlist/bulk-upload`, family, {
      entries: ['t-inception', 'Interstellar (2014)', 'inter', 'No Such Film', 'Up', 't-inception', 't-secret-draft'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: { outcome: string }) => r.outcome),
      ['added', 'added', 'ambiguous', 'not_found', 'added', 'already_present', 'not_found'],
    );
    assert.deepEqual(res.body.results[2].candidates.map((c: { id: string }) => c.id).sort(), [
      't-interstellar',
      't-interstellar-return',
    ]);
    assert.equal(res.body.counts.added, 3);
    // Pasted order, above what was there.
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar', 't-up']);
    const dry = await send('POST', `/users/${alex}/watchlist/bulk-upload`, family, {
      entries: ['Toy Story'],
      dry_run: true,
    });
    assert.equal(dry.body.results[0].outcome, 'resolved');
    assert.equal((await list(alex)).total_all, 3);
    // A kids profile: a title above its ceiling is reported, not added.
    const kids = await send('POST', `/users/${sam}/watchlist/bulk-upload`, family, {
      entries: ['t-interstellar', 'Toy Story'],
    });
    assert.deepEqual(
      kids.body.results.map((r: { outcome: string }) => r.outcome),
      ['unavailable', 'added'],
    );
    assert.equal(kids.body.results[0].title, null);
  });

  it('stores a new order, and refuses one that does not match the list', async () => {
    const res = await send('POST', `/users/${alex}/watchlist/reorder`, family, {
      title_ids: ['t-up', 't-inception', 't-interstellar'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(ids((await list(alex)).items), ['t-up', 't-inception', 't-interstellar']);
    const stale = await send('POST', `/users/${alex}/watchlist/reorder`, family, {
      title_ids: ['t-up', 't-inception'],
    });
    assert.equal(stale.status, 409);
    const dup = await send('POST', `/users/${alex}/watchlist/reorder`, family, {
      title_ids: ['t-up', 't-up', 't-inception'],
    });
    assert.equal(dup.status, 409);
    assert.deepEqual(ids((await list(alex)).items), ['t-up', 't-inception', 't-interstellar']);
    assert.equal(
      (await send('POST', `/users/${alex}/watchlist/reorder`, stranger, { title_ids: ['t-up'] })).status,
      404,
    );
  });

  let folder: string;
  it('creates, renames, moves and lists folders; names are unique per profile', async () => {
    const made = await send('POST', `/users/${alex}/watchlist/folders`, family, {
      name: 'Weekend',
      description: 'Long ones',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    folder = made.body.id;
    const second = await send('POST', `/users/${alex}/watchlist/folders`, family, { name: 'Date night' });
    assert.equal(second.status, 201);
    const dup = await send('POST', `/users/${alex}/watchlist/folders`, family, { name: 'weekend' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.details.fields[0].field, 'name');
    const renamed = await send('PATCH', `/users/${alex}/watchlist/folders/${folder}`, family, {
      name: 'Weekend epics',
      position: 1,
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const folders = await send('GET', `/users/${alex}/watchlist/folders`, family);
    assert.deepEqual(
      folders.body.items.map((f: { name: string }) => f.name),
      ['Date night', 'Weekend epics'],
    );
    assert.equal(folders.body.max_folders, 50);
    // Sam has no folders; a stranger cannot see or touch Alex's.
    assert.deepEqual((await send('GET', `/users/${sam}/watchlist/folders`, family)).body.items, []);
    assert.equal((await send('GET', `/users/${alex}/watchlist/folders`, stranger)).status, 404);
    assert.equal((await send('PATCH', `/users/${sam}/watchlist/folders/${folder}`, family, { name: 'x' })).status, 404);
  });

  it('bulk moves to a folder, tags and untags, and filters by folder and tag', async () => {
    const moved = await send('POST', `/users/${alex}/watchlist/bulk`, family, {
      action: 'move',
      title_ids: ['t-inception', 't-interstellar', 't-nope'],
      folder_id: folder,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.affected, 2);
    assert.deepEqual(moved.body.not_found, ['t-nope']);
    const tagged = await send('POST', `/users/${alex}/watchlist/bulk`, family, {
      action: 'tag',
      title_ids: ['t-inception', 't-up'],
      tags: ['Nolan', 'rewatch'],
    });
    assert.equal(tagged.body.affected, 2);
    await send('POST', `/users/${alex}/watchlist/bulk`, family, {
      action: 'untag',
      title_ids: ['t-up'],
      tags: ['nolan'],
    });
    assert.deepEqual(ids((await list(alex, `?folder=${folder}`)).items), ['t-inception', 't-interstellar']);
    assert.deepEqual(ids((await list(alex, '?folder=none')).items), ['t-up']);
    assert.deepEqual(ids((await list(alex, '?tag=NOLAN')).items), ['t-inception']);
    const folders = await send('GET', `/users/${alex}/watchlist/folders`, family);
    assert.equal(folders.body.items.find((f: { id: string }) => f.id === folder).item_count, 2);
    assert.deepEqual(folders.body.tags, [
      { tag: 'rewatch', item_count: 2 },
      { tag: 'Nolan', item_count: 1 },
    ]);
    // Adding with a folder of another profile is refused.
    const foreign = await send('POST', `/users/${sam}/watchlist`, family, { title_id: 't-up', folder_ids: [folder] });
    assert.equal(foreign.status, 404);
  });

  it('shares a folder read-only by link, and revoking the link ends it', async () => {
    const shared = await send('POST', `/users/${alex}/watchlist/folders/${folder}/share`, family, {});
    assert.equal(shared.status, 201, JSON.stringify(shared.body));
    assert.match(shared.body.url, /\/shared\/my-list\/[A-Za-z0-9_-]+$/);
    const again = await send('POST', `/users/${alex}/watchlist/folders/${folder}/share`, family, {});
    assert.equal(again.body.token, shared.body.token);
    const page = await send('GET', `/shared/watchlists/${shared.body.token}`, null);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.name, 'Weekend epics');
    assert.equal(page.body.owner.name, 'Alex');
    assert.deepEqual(
      page.body.items.map((i: { title: { id: string } }) => i.title.id),
      ['t-inception', 't-interstellar'],
    );
    assert.equal(JSON.stringify(page.body).includes('Nolan'), false, 'tags stay private');
    assert.equal((await send('DELETE', `/users/${alex}/watchlist/folders/${folder}/share`, stranger)).status, 404);
    assert.equal((await send('DELETE', `/users/${alex}/watchlist/folders/${folder}/share`, family)).status, 204);
    assert.equal((await send('GET', `/shared/watchlists/${shared.body.token}`, null)).status, 410);
  });

  let exported = '';
  it('exports the list as a JSON file that names its folders', async () => {
    const res = await send('GET', `/users/${alex}/watchlist/export`, family);
    assert.equal(res.status, 200);
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="reel-my-list-\d{4}-\d{2}-\d{2}\.json"/,
    );
    exported = res.raw;
    const doc = JSON.parse(exported);
    assert.equal(doc.format, 'reel.watchlist');
    assert.deepEqual(
      doc.items.map((i: { title_id: string }) => i.title_id),
      ['t-up', 't-inception', 't-interstellar'],
    );
    assert.deepEqual(doc.items[1].folders, ['Weekend epics']);
    assert.deepEqual(doc.items[1].tags, ['Nolan', 'rewatch']);
    const one = JSON.parse((await send('GET', `/users/${alex}/watchlist/export?folder_id=${folder}`, family)).raw);
    assert.equal(one.items.length, 2);
    assert.equal((await send('GET', `/users/${alex}/watchlist/export`, stranger)).status, 404);
  });

  it('rejects a malformed import with the field and line at fault, and changes nothing', async () => {
    // An id unknown here, whose name does not resolve either.
    const unknown = () =>
      exported.replace('"t-inception"', '"t-does-not-exist"').replace('"name": "Inception"', '"name": "No Such Film"');
    const before = await list(alex);
    const cases: [string, string, number][] = [
      ['{\n  "format": "reel.watchlist",\n  "version": 1,\n}', 'content', 4],
      [exported.replace('"t-inception"', '42'), 'items[1].title_id', 0],
      [unknown(), 'items[1].title_id', 0],
      [exported.replace('"t-interstellar"', '"t-inception"'), 'items[2].title_id', 0],
      [
        exported.replace('"folders": [\n        "Weekend epics"\n      ]', '"folders": ["Nowhere"]'),
        'items[1].folders[0]',
        0,
      ],
    ];
    for (const [content, field, line] of cases) {
      const res = await send('POST', `/users/${alex}/watchlist/import`, family, { mode: 'replace', content });
      assert.equal(res.status, 422, `${field}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.details.fields[0].field, field);
      assert.equal(typeof res.body.error.details.hint.line, 'number');
      if (line) assert.equal(res.body.error.details.hint.line, line);
      assert.match(res.body.error.message, /line \d+, column \d+/);
    }
    // The unknown title sits on the line of its title_id.
    const bad = unknown();
    const res = await send('POST', `/users/${alex}/watchlist/import`, family, { mode: 'merge', content: bad });
    const expectedLine = bad.split('\n').findIndex((l) => l.includes('t-does-not-exist')) + 1;
    assert.equal(res.body.error.details.hint.line, expectedLine);
    const after = await list(alex);
    assert.deepEqual(after, before);
    const folders = await send('GET', `/users/${alex}/watchlist/folders`, family);
    assert.equal(folders.body.items.length, 2);
  });

  it('clears with an undo token, restores once, and import brings an exported list back', async () => {
    const cleared = await send('DELETE', `/users/${alex}/watchlist/clear`, family);
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    assert.equal(cleared.body.removed, 3);
    assert.equal((await list(alex)).total_all, 0);
    // Another account cannot use the token.
    assert.equal(
      (await send('POST', `/users/${alex}/watchlist/restore`, stranger, { undo_token: cleared.body.undo_token }))
        .status,
      404,
    );
    const restored = await send('POST', `/users/${alex}/watchlist/restore`, family, {
      undo_token: cleared.body.undo_token,
    });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.deepEqual(restored.body, { restored: 3, total: 3 });
    const back = await list(alex);
    assert.deepEqual(ids(back.items), ['t-up', 't-inception', 't-interstellar']);
    assert.deepEqual(back.items[1]?.tags, ['Nolan', 'rewatch']);
    assert.deepEqual(back.items[1]?.folder_ids, [folder]);
    const twice = await send('POST', `/users/${alex}/watchlist/restore`, family, {
      undo_token: cleared.body.undo_token,
    });
    assert.equal(twice.status, 410);

    await send('DELETE', `/users/${alex}/watchlist/clear`, family);
    const imported = await send('POST', `/users/${alex}/watchlist/import`, family, {
      mode: 'merge',
      content: exported,
      filename: 'reel-my-list.json',
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.added, 3);
    assert.equal(imported.body.total, 3);
    const again = await list(alex);
    assert.deepEqual(ids(again.items), ['t-up', 't-inception', 't-interstellar']);
    assert.deepEqual(again.items[1]?.folder_ids, [folder]);
  });

  it('replace import removes what is not in the file, and its undo brings the old list back', async () => {
    const doc = {
      format: 'reel.watchlist',
      version: 1,
      exported_at: new Date().toISOString(),
      folders: [{ name: 'Cartoons' }],
      items: [{ title_id: 't-toy-story', folders: ['Cartoons'] }],
    };
    const dry = await send('POST', `/users/${alex}/watchlist/import`, family, {
      mode: 'replace',
      content: JSON.stringify(doc),
      dry_run: true,
    });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.removed, 3);
    assert.equal((await list(alex)).total_all, 3);
    const res = await send('POST', `/users/${alex}/watchlist/import`, family, {
      mode: 'replace',
      content: JSON.stringify(doc),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.folders_created, 1);
    assert.ok(res.body.undo);
    assert.deepEqual(ids((await list(alex)).items), ['t-toy-story']);
    await send('POST', `/users/${alex}/watchlist/restore`, family, { undo_token: res.body.undo.undo_token });
    assert.deepEqual(ids((await list(alex)).items), ['t-up', 't-inception', 't-interstellar']);
  });

  it('bulk remove answers an undo, and deleting a folder keeps its titles unless asked', async () => {
    const removed = await send('POST', `/users/${alex}/watchlist/bulk`, family, {
      action: 'remove',
      title_ids: ['t-up', 't-inception'],
    });
    assert.equal(removed.body.affected, 2);
    assert.deepEqual(ids((await list(alex)).items), ['t-interstellar']);
    await send('POST', `/users/${alex}/watchlist/restore`, family, { undo_token: removed.body.undo.undo_token });
    assert.deepEqual(ids((await list(alex)).items), ['t-up', 't-inception', 't-interstellar']);

    assert.equal((await send('DELETE', `/users/${alex}/watchlist/folders/${folder}`, stranger)).status, 404);
    assert.equal((await send('DELETE', `/users/${alex}/watchlist/folders/${folder}`, family)).status, 204);
    const after = await list(alex);
    assert.equal(after.total_all, 3);
    assert.ok(after.items.every((i) => i.folder_ids.length === 0));
    const f = await send('POST', `/users/${alex}/watchlist/folders`, family, { name: 'Gone soon' });
    await send('POST', `/users/${alex}/watchlist/bulk`, family, {
      action: 'add_to_folder',
      title_ids: ['t-up'],
      folder_id: f.body.id,
    });
    await send('DELETE', `/users/${alex}/watchlist/folders/${f.body.id}?remove_items=true`, family);
    assert.deepEqual(ids((await list(alex)).items), ['t-inception', 't-interstellar']);
  });

  it("keeps each profile's list its own: Sam sees none of Alex's titles, folders or undo tokens", async () => {
    await setList(sam, ['t-toy-story']);
    const samList = await list(sam);
    assert.deepEqual(ids(samList.items), ['t-toy-story']);
    const cleared = await send('DELETE', `/users/${alex}/watchlist/clear`, family);
    const cross = await send('POST', `/users/${sam}/watchlist/restore`, family, {
      undo_token: cleared.body.undo_token,
    });
    assert.equal(cross.status, 410);
    assert.deepEqual(ids((await list(sam)).items), ['t-toy-story']);
    const samExport = JSON.parse((await send('GET', `/users/${sam}/watchlist/export`, family)).raw);
    assert.deepEqual(
      samExport.items.map((i: { title_id: string }) => i.title_id),
      ['t-toy-story'],
    );
    assert.deepEqual(samExport.folders, []);
  });
});
