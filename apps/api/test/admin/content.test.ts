// Admin content routes (§21): taxonomy, anime arcs, bundles, downloads and the bulk-upload manifest.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertFixtureCatalog } from '../catalog-fixture.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// A loosely read JSON answer (tests check its fields one by one).
// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

describe('admin content routes', () => {
  let t: TestApp;
  let editor: TestCaller;
  let moderator: TestCaller;
  let viewer: TestCaller;

  const send = async (method: string, url: string, caller: TestCaller, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: caller.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    editor = await createStaff(t.app, 'content_editor');
    moderator = await createStaff(t.app, 'moderator');
    viewer = await createViewer(t.app);
  });
  after(() => t.close());

  it('refuses callers without the group permission on taxonomy, arcs, bundles, downloads and bulk upload', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/taxonomy/tags'],
      ['POST', '/admin/taxonomy/moods', { slug: 'cosy', name: 'Cosy' }],
      ['GET', '/admin/taxonomy/certifications'],
      ['GET', '/admin/anime-arcs?title_id=t-steel-titans'],
      ['GET', '/admin/anime-arcs/filler?title_id=t-steel-titans'],
      ['GET', '/admin/bundles'],
      ['GET', '/admin/downloads'],
      ['GET', '/admin/downloads/policies'],
      ['GET', '/admin/assets/bulk-upload'],
      ['POST', '/admin/assets/bulk-upload/dry-run', { format: 'csv', manifest: 'key\n1' }],
    ];
    for (const caller of [viewer, moderator]) {
      for (const [method, url, body] of routes) {
        const res = await send(method, url, caller, body);
        assert.equal(res.status, 403, `${caller === viewer ? 'viewer' : 'moderator'} ${method} ${url}`);
      }
    }
  });

  it('keeps tags, moods and certifications with their meaning', async () => {
    const tag = await send('POST', '/admin/taxonomy/tags', editor, { slug: 'space', name: 'Space' });
    assert.equal(tag.status, 201, tag.raw);
    assert.ok(tag.body.title_count >= 2, 'fixture titles tagged "space" are counted');
    assert.equal((await send('POST', '/admin/taxonomy/tags', editor, { slug: 'space', name: 'Space' })).status, 409);
    const mood = await send('POST', '/admin/taxonomy/moods', editor, { slug: 'tense', name: 'Tense' });
    assert.equal(mood.status, 201);
    const moods = await send('GET', '/admin/taxonomy/moods?q=ten', editor);
    assert.deepEqual(
      moods.body.items.map((m: { slug: string }) => m.slug),
      ['tense'],
    );

    const cert = await send('POST', '/admin/taxonomy/certifications', editor, {
      region: 'DE',
      system: 'FSK',
      rating: 'FSK 12',
      meaning: 'Released for ages 12 and up',
      min_age: 12,
    });
    assert.equal(cert.status, 201, cert.raw);
    const de = await send('GET', '/admin/taxonomy/certifications?region=DE', editor);
    assert.equal(de.body.items[0].meaning, 'Released for ages 12 and up');
    const us = await send('GET', '/admin/taxonomy/certifications?region=US', editor);
    const pg13 = us.body.items.find((c: { rating: string }) => c.rating === 'PG-13');
    assert.ok(pg13.title_count > 0);
    assert.equal((await send('DELETE', `/admin/taxonomy/certifications/${pg13.id}`, editor)).status, 409);
    assert.equal((await send('DELETE', `/admin/taxonomy/certifications/${cert.body.id}`, editor)).status, 204);
  });

  it('adds an arc over a range of episodes and marks filler', async () => {
    const guide = await send('GET', '/admin/anime-arcs/filler?title_id=t-steel-titans', editor);
    assert.equal(guide.status, 200, guide.raw);
    const eps = guide.body.items as { episode_id: string; kind: string; arc_id: string | null }[];
    assert.ok(eps.length >= 2);
    const free = eps.filter((e) => !e.arc_id);
    if (free.length >= 2) {
      const arc = await send('POST', '/admin/anime-arcs', editor, {
        title_id: 't-steel-titans',
        name: 'Siege',
        first_episode_id: free[0]?.episode_id,
        last_episode_id: free[1]?.episode_id,
      });
      assert.equal(arc.status, 201, arc.raw);
      assert.ok(arc.body.episode_count >= 2);
      const overlap = await send('POST', '/admin/anime-arcs', editor, {
        title_id: 't-steel-titans',
        name: 'Again',
        first_episode_id: free[0]?.episode_id,
        last_episode_id: free[0]?.episode_id,
      });
      assert.equal(overlap.status, 409);
    }
    const set = await send('PUT', '/admin/anime-arcs/filler', editor, {
      title_id: 't-steel-titans',
      items: [{ episode_id: eps[0]?.episode_id, kind: 'filler' }],
    });
    assert.equal(set.status, 200, set.raw);
    assert.equal(set.body.items[0].kind, 'filler');
    assert.ok(set.body.counts.filler >= 1);
  });

  it('creates a season bundle from the season and a download rule; plan policies are editable', async () => {
    const bundle = await send('POST', '/admin/bundles', editor, {
      kind: 'season',
      name: 'Star Voyagers S1',
      title_id: 't-star-voyagers',
      season_number: 1,
      price: { amount: 999, currency: 'USD' },
    });
    assert.equal(bundle.status, 201, bundle.raw);
    assert.ok(bundle.body.items.length > 0);
    const again = await send('POST', '/admin/bundles', editor, {
      kind: 'season',
      name: 'Dup',
      title_id: 't-star-voyagers',
      season_number: 1,
    });
    assert.equal(again.status, 409);
    assert.equal((await send('DELETE', '/admin/titles/t-star-voyagers', editor)).status, 409, 'a bundled title stays');

    const rule = await send('POST', '/admin/downloads', editor, {
      title_id: 't-interstellar',
      allowed: false,
      note: 'rights',
    });
    assert.equal(rule.status, 201, rule.raw);
    assert.equal(rule.body.title.name, 'Interstellar');
    const listed = await send('GET', '/admin/downloads?allowed=false', editor);
    assert.equal(listed.body.items.length, 1);
    const policies = await send('GET', '/admin/downloads/policies', editor);
    assert.equal(policies.status, 200, policies.raw);
    const plan = policies.body.items[0].plan_id;
    const put = await send('PUT', `/admin/downloads/policies/${plan}`, editor, {
      max_devices: 3,
      max_quality: '720p',
      licence_days: 14,
      playback_hours: 24,
      max_renewals: null,
    });
    assert.equal(put.status, 200, put.raw);
    assert.equal(put.body.licence_days, 14);
  });

  it('bulk upload: the dry run names each bad row and field, apply adds the rest once', async () => {
    const manifest = [
      'key,type,name,synopsis,year,genres,maturity_level,regions',
      'bk-1,film,Paper Moons,A quiet drama.,2020,drama,7,US;GB',
      'bk-2,film,,No name here.,2021,drama,7,US',
      'bk-3,series,Salt Roads,Traders cross a desert.,2019,drama;action,13,US',
      'bk-4,film,Bad Genre,Oops.,1700,not-a-genre,7,US',
      'bk-5,anime,Lantern Fox,A fox spirit.,2022,action,10,US',
    ].join('\n');
    const dry = await send('POST', '/admin/assets/bulk-upload/dry-run', editor, { format: 'csv', manifest });
    assert.equal(dry.status, 201, dry.raw);
    assert.equal(dry.body.invalid_rows, 2);
    const bad = dry.body.rows.filter((r: { problems: { severity: string }[] }) =>
      r.problems.some((p) => p.severity === 'error'),
    );
    assert.deepEqual(
      bad.map((r: { row: number; problems: { field: string }[] }) => [r.row, r.problems.map((p) => p.field).sort()]),
      [
        [2, ['name']],
        [4, ['genres', 'year']],
      ],
    );
    const applied = await send('POST', `/admin/assets/bulk-upload/${dry.body.id}/apply`, editor);
    assert.equal(applied.status, 202, applied.raw);
    assert.equal(applied.body.state, 'completed');
    assert.equal(applied.body.progress.created, 3);
    const again = await send('POST', `/admin/assets/bulk-upload/${dry.body.id}/apply`, editor);
    assert.equal(again.body.progress.created, 3);
    const second = await send('POST', '/admin/assets/bulk-upload/dry-run', editor, { format: 'csv', manifest });
    assert.equal(second.body.rows.filter((r: { action: string }) => r.action === 'create').length, 0);
    const reapplied = await send('POST', `/admin/assets/bulk-upload/${second.body.id}/apply`, editor);
    assert.equal(reapplied.body.progress.created, 0);
    const titles = await send('GET', '/admin/titles?q=Paper%20Moons', editor);
    assert.equal(titles.body.items.length, 1, 'one title, not two');

    const json = await send('POST', '/admin/assets/bulk-upload/dry-run', editor, {
      format: 'json',
      manifest: JSON.stringify([
        {
          key: 'bk-1',
          type: 'film',
          name: 'Paper Moons (restored)',
          synopsis: 'A quiet drama.',
          year: 2020,
          genres: ['drama'],
          maturity_level: 7,
          regions: ['US', 'GB'],
        },
      ]),
    });
    assert.equal(json.body.rows[0].action, 'update');
    const list = await send('GET', '/admin/assets/bulk-upload', editor);
    assert.ok(list.body.items.length >= 3);
  });
});
