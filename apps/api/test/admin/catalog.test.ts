// Admin content routes (§21): titles, series, genres — permissions, audit, paging, CSV, publish rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { titles } from '../../src/db/schema/index.js';
import { insertFixtureCatalog } from '../catalog-fixture.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// A loosely read JSON answer (tests check its fields one by one).
// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

describe('admin catalog routes', () => {
  let t: TestApp;
  let editor: TestCaller;
  let analyst: TestCaller;
  let viewer: TestCaller;

  const send = async (method: string, url: string, caller: TestCaller, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: caller.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    let body: unknown = null;
    try {
      body = res.body ? res.json() : null;
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body: body as Json, raw: res.body, headers: res.headers };
  };

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    editor = await createStaff(t.app, 'content_editor');
    analyst = await createStaff(t.app, 'analyst');
    viewer = await createViewer(t.app);
  });
  after(() => t.close());

  const draft = {
    type: 'film',
    name: 'Quiet Harbour',
    synopsis: 'A lighthouse keeper finds a message in a bottle.',
    original_language: 'en',
    status: 'released',
    genres: ['drama'],
    maturity_level: 7,
    availability: [{ region: 'US', available_from: null, available_until: null }],
  };

  it('refuses a viewer and a staff member without catalog.manage on every title and series route', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/titles'],
      ['GET', '/admin/titles/export'],
      ['GET', '/admin/titles/t-interstellar'],
      ['POST', '/admin/titles', draft],
      ['PATCH', '/admin/titles/t-interstellar', { name: 'x' }],
      ['POST', '/admin/titles/t-interstellar/publish', { state: 'draft' }],
      ['POST', '/admin/titles/bulk', { action: 'publish', ids: ['t-interstellar'] }],
      ['DELETE', '/admin/titles/t-interstellar'],
      ['GET', '/admin/series/t-star-voyagers/seasons'],
      ['POST', '/admin/series/t-star-voyagers/seasons', { number: 9, name: 'Nine' }],
      ['GET', '/admin/series/t-star-voyagers/seasons/1/episodes'],
    ];
    for (const caller of [viewer, analyst]) {
      for (const [method, url, body] of routes) {
        const res = await send(method, url, caller, body);
        assert.equal(res.status, 403, `${method} ${url}`);
        assert.equal(res.body.error.code, 'forbidden');
      }
    }
    assert.equal((await send('GET', '/admin/genres', analyst)).status, 403);
  });

  it('creates a draft title, audits it, refuses to publish it without a source and pages the table', async () => {
    const created = await send('POST', '/admin/titles', editor, draft);
    assert.equal(created.status, 201, created.raw);
    assert.equal(created.body.publish_state, 'draft');
    assert.equal(created.body.slug, 'quiet-harbour');
    const id = created.body.id as string;

    const stale = await send('PATCH', `/admin/titles/${id}`, editor, { name: 'Quiet Harbour II', version: 0 });
    assert.equal(stale.status, 409);
    const edited = await send('PATCH', `/admin/titles/${id}`, editor, {
      name: 'Quiet Harbour II',
      version: created.body.version,
    });
    assert.equal(edited.status, 200, edited.raw);
    assert.equal(edited.body.version, created.body.version + 1);

    const bad = await send('PATCH', `/admin/titles/${id}`, editor, { genres: ['no-such-genre'] });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details.fields[0].field, 'genres[0]');

    const publish = await send('POST', `/admin/titles/${id}/publish`, editor, { state: 'published' });
    assert.equal(publish.status, 422);
    assert.ok(publish.body.error.details.fields.some((f: { field: string }) => f.field === 'source'));

    const dash = await send('GET', '/admin/dashboard', editor);
    assert.equal(dash.status, 200, dash.raw);
    const update = dash.body.recent_activity.find((a: { action: string }) => a.action === 'title.update');
    assert.ok(update, 'title.update audited');
    assert.deepEqual(update.before, { name: 'Quiet Harbour' });
    assert.deepEqual(update.after, { name: 'Quiet Harbour II' });
    assert.equal(update.actor.id, editor.userId);
    assert.ok(dash.body.counts.titles.draft >= 1);

    const first = await send('GET', '/admin/titles?limit=3&sort=name&order=asc', editor);
    assert.equal(first.status, 200, first.raw);
    assert.equal(first.body.items.length, 3);
    const second = await send(
      'GET',
      `/admin/titles?limit=3&sort=name&order=asc&cursor=${first.body.next_cursor}`,
      editor,
    );
    const names = [...first.body.items, ...second.body.items].map((x: { name: string }) => x.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const drafts = await send('GET', '/admin/titles?publish_state=draft', editor);
    assert.ok(drafts.body.items.every((x: { publish_state: string }) => x.publish_state === 'draft'));

    const csv = await send('GET', '/admin/titles/export?columns=id,name,publish_state&publish_state=draft', editor);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.raw, /^id,name,publish_state\r\n/);
    assert.match(csv.raw, /Quiet Harbour II,draft/);

    const removed = await send('DELETE', `/admin/titles/${id}`, editor);
    assert.equal(removed.status, 204);
    assert.equal((await send('GET', `/admin/titles/${id}`, editor)).status, 404);
  });

  it('gives titles made elsewhere (the seed) a valid slug on first admin read', async () => {
    await t.app.db.insert(titles).values({ id: 'ttl_Seed_01', type: 'film', name: 'Ça Ira — Été', synopsis: 'x' });
    const res = await send('GET', '/admin/titles?q=ttl_Seed_01', editor);
    assert.equal(res.status, 200, res.raw);
    assert.equal(res.body.items[0].slug, 'ca-ira-ete');
  });

  it('adds a season and episodes to a series and reorders them', async () => {
    const season = await send('POST', '/admin/series/t-star-voyagers/seasons', editor, { number: 7, name: 'Season 7' });
    assert.equal(season.status, 201, season.raw);
    const a = await send('POST', '/admin/series/t-star-voyagers/seasons/7/episodes', editor, { name: 'Arrival' });
    const b = await send('POST', '/admin/series/t-star-voyagers/seasons/7/episodes', editor, { name: 'Departure' });
    assert.equal(a.status, 201, a.raw);
    assert.equal(b.body.number, 2);
    const wrong = await send('POST', '/admin/series/t-star-voyagers/seasons/7/episodes/reorder', editor, {
      episode_ids: [a.body.id],
    });
    assert.equal(wrong.status, 422);
    const reordered = await send('POST', '/admin/series/t-star-voyagers/seasons/7/episodes/reorder', editor, {
      episode_ids: [b.body.id, a.body.id],
    });
    assert.equal(reordered.status, 200, reordered.raw);
    assert.deepEqual(
      reordered.body.items.map((e: { name: string; number: number }) => `${e.number}:${e.name}`),
      ['1:Departure', '2:Arrival'],
    );
    assert.equal((await send('DELETE', '/admin/series/t-star-voyagers/seasons/7', editor)).status, 409);
    assert.equal(
      (await send('DELETE', '/admin/series/t-star-voyagers/seasons/7?with_episodes=true', editor)).status,
      204,
    );
  });

  it('manages genres: create, conflict, delete with reassignment', async () => {
    const g = await send('POST', '/admin/genres', editor, { slug: 'heist', name: 'Heist' });
    assert.equal(g.status, 201, g.raw);
    assert.equal((await send('POST', '/admin/genres', editor, { slug: 'heist', name: 'Heist' })).status, 409);
    assert.equal((await send('DELETE', '/admin/genres/drama', editor)).status, 409);
    assert.equal((await send('DELETE', '/admin/genres/heist', editor)).status, 204);
  });
});
