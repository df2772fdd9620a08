import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertFixtureCatalog, watch } from '../catalog-fixture.js';
import { createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

interface Hit {
  title: { id: string; name: string; maturity_level: number };
  matched_field: string;
  matched_text: string;
  highlights: { start: number; end: number }[];
  fuzzy: boolean;
  score: number;
}

describe('search routes', () => {
  let t: TestApp;
  let alex: TestCaller;
  let kids: TestCaller;
  let bea: TestCaller;
  let cam: TestCaller;

  const request = async (method: 'GET' | 'DELETE', url: string, caller?: TestCaller) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: caller?.headers ?? {} });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const get = (url: string, caller?: TestCaller) => request('GET', url, caller);
  const search = async (q: string, extra = '', caller?: TestCaller) => {
    const res = await get(`/search?q=${encodeURIComponent(q)}${extra}`, caller);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as {
      items: Hit[];
      total: number;
      did_you_mean: string | null;
      corrected_query: string | null;
      people: { person: { id: string; name: string }; known_for_titles: { id: string }[]; fuzzy: boolean }[];
      facets: {
        types: { value: string; count: number }[];
        genres: { slug: string; count: number }[];
        decades: { decade: number }[];
      } | null;
      history_id: string | null;
      next_cursor: string | null;
    };
  };
  const marked = (h: { matched_text: string; highlights: { start: number; end: number }[] }) =>
    h.highlights.map((r) => h.matched_text.slice(r.start, r.end));

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    alex = await createViewer(t.app, { profiles: [{ name: 'Alex' }, { name: 'Second' }] });
    kids = await createViewer(t.app, { profiles: [{ name: 'Sam', isKids: true, maturityLevel: 7 }] });
    bea = await createViewer(t.app);
    cam = await createViewer(t.app);
  });
  after(() => t?.close());

  describe('GET /search', () => {
    it('finds a title by its name, exactly, with the match highlighted', async () => {
      const r = await search('inception', '&record=false');
      const first = r.items[0] as Hit;
      assert.equal(first.title.id, 't-inception');
      assert.equal(first.matched_field, 'name');
      assert.equal(first.fuzzy, false);
      assert.deepEqual(marked(first), ['Inception']);
      assert.equal(r.did_you_mean, null);
      assert.equal(r.corrected_query, null);
    });

    it('tolerates typos and says what it meant', async () => {
      const r = await search('intersteller');
      const first = r.items[0] as Hit;
      assert.equal(first.title.id, 't-interstellar');
      assert.equal(first.fuzzy, true);
      assert.equal(r.did_you_mean, 'Interstellar');
      assert.equal(r.corrected_query, 'Interstellar');
      const knight = await search('dark knigt');
      assert.equal(knight.items[0]?.title.id, 't-dark-knight');
      assert.equal(knight.did_you_mean, 'The Dark Knight');
    });

    it('matches without accents and by prefix while typing', async () => {
      const r = await search('amelie');
      const first = r.items[0] as Hit;
      assert.equal(first.title.id, 't-amelie');
      assert.equal(first.fuzzy, false);
      assert.deepEqual(marked(first), ['Amélie']);
      const typing = await search('interst');
      assert.deepEqual(
        typing.items.slice(0, 2).map((h) => h.title.id),
        ['t-interstellar', 't-interstellar-return'],
      );
      assert.equal(typing.items[0]?.fuzzy, false);
    });

    it('finds people and the titles they are in, and says which field matched', async () => {
      const r = await search('christopher nolan');
      assert.equal(r.people[0]?.person.id, 'p-nolan');
      assert.equal(r.people[0]?.fuzzy, false);
      assert.deepEqual(
        r.people[0]?.known_for_titles.map((x) => x.id),
        ['t-interstellar', 't-inception', 't-dark-knight'],
      );
      assert.deepEqual([...r.items.map((h) => h.title.id)].sort(), ['t-dark-knight', 't-inception', 't-interstellar']);
      assert.ok(r.items.every((h) => h.matched_field === 'person' && h.matched_text === 'Christopher Nolan'));
      const typo = await search('cristopher nolan');
      assert.equal(typo.people[0]?.person.id, 'p-nolan');
      assert.equal(typo.people[0]?.fuzzy, true);
      const character = await search('woody');
      assert.equal(character.items[0]?.title.id, 't-toy-story');
      assert.equal(character.items[0]?.matched_field, 'character');
      const studio = await search('pixar');
      assert.deepEqual([...studio.items.map((h) => h.title.id)].sort(), ['t-toy-story', 't-up']);
      assert.equal(studio.items[0]?.matched_field, 'studio');
    });

    it('searches the synopsis through full-text search (stemmed)', async () => {
      const r = await search('wormholes');
      const first = r.items[0] as Hit;
      assert.equal(first.title.id, 't-interstellar');
      assert.equal(first.matched_field, 'synopsis');
      assert.deepEqual(marked(first), ['wormhole']);
    });

    it('applies the catalog filters, sorts and pages, with facets on the first page', async () => {
      const r = await search('nolan', '&type=film&year_from=2009&sort=release_date');
      assert.deepEqual(
        r.items.map((h) => h.title.id),
        ['t-interstellar', 't-inception'],
      );
      assert.equal(r.total, 2);
      const space = await search('space', '&limit=2');
      assert.ok(space.total > 2);
      assert.ok(space.facets);
      assert.ok(space.facets.types.length > 0);
      const next = await search('space', `&limit=2&cursor=${space.next_cursor}`);
      assert.equal(next.facets, null);
      assert.deepEqual(next.people, []);
      const seen = [...space.items, ...next.items].map((h) => h.title.id);
      assert.equal(new Set(seen).size, seen.length);
      assert.equal((await get('/search?q=')).status, 400);
      assert.equal((await get('/search?q=x&year_from=1800')).status, 400);
    });

    it("keeps a kids profile's results within its ceiling", async () => {
      const r = await search('space', '&record=false', kids);
      assert.ok(r.items.length > 0);
      assert.ok(r.items.every((h) => h.title.maturity_level <= 7));
      assert.deepEqual(
        [...r.items.map((h) => h.title.id)].sort(),
        ['t-galaxy-pups', 't-toy-story'],
        '"spaceman" in Toy Story',
      );
      const nolan = await search('nolan', '&record=false', kids);
      assert.deepEqual(nolan.items, []);
      assert.deepEqual(nolan.people, []);
      const draft = await search('secret draft');
      assert.ok(!draft.items.some((h) => h.title.id === 't-secret-draft'));
    });

    it('offers a spelling when nothing matches at all', async () => {
      const r = await search('zzqqxx');
      assert.equal(r.total, 0);
      assert.equal(r.did_you_mean, null);
    });
  });

  describe('search history', () => {
    it('records searches of the active profile, newest first, unless record=false', async () => {
      const first = await search('inception', '', alex);
      assert.ok(first.history_id);
      await search('interstellar', '&genre=sci-fi', alex);
      await search('pixar', '&record=false', alex);
      await search('inception', '&limit=1', alex);
      const { status, body } = await get('/search/history', alex);
      assert.equal(status, 200);
      assert.deepEqual(
        body.items.map((e: { query: string }) => e.query),
        ['inception', 'interstellar'],
        'a repeated query moves to the top, not recorded twice',
      );
      assert.deepEqual(body.items[1].filters, { genre: 'sci-fi' });
      assert.equal(body.items[1].result_count, 2);
    });

    it('pages history over cursors', async () => {
      const page = await get('/search/history?limit=1', alex);
      assert.equal(page.body.items.length, 1);
      const rest = await get(`/search/history?limit=1&cursor=${page.body.next_cursor}`, alex);
      assert.equal(rest.body.items[0].query, 'interstellar');
      assert.equal(rest.body.next_cursor, null);
    });

    it('keeps profiles apart: another profile, another account see nothing; deleting theirs is 404', async () => {
      const own = (await get('/search/history', alex)).body.items;
      const second = await t.app.inject({
        method: 'GET',
        url: '/api/v1/search/history',
        headers: {
          authorization: `Bearer ${await t.app.keys.signAccessToken({ sub: alex.userId, sid: alex.sessionId, pid: alex.profiles[1]?.id ?? null })}`,
        },
      });
      assert.deepEqual(second.json().items, []);
      assert.deepEqual((await get('/search/history', bea)).body.items, []);
      const foreign = await request('DELETE', `/search/history/${own[0].id}`, bea);
      assert.equal(foreign.status, 404);
      assert.equal((await get('/search/history', alex)).body.items.length, own.length);
      assert.equal((await get('/search/history')).status, 401);
    });

    it('deletes one entry, then clears all', async () => {
      const own = (await get('/search/history', alex)).body.items;
      assert.equal((await request('DELETE', `/search/history/${own[0].id}`, alex)).status, 204);
      assert.deepEqual(
        (await get('/search/history', alex)).body.items.map((e: { id: string }) => e.id),
        own.slice(1).map((e: { id: string }) => e.id),
      );
      assert.equal((await request('DELETE', `/search/history/${own[0].id}`, alex)).status, 404);
      assert.equal((await request('DELETE', '/search/history', alex)).status, 204);
      assert.deepEqual((await get('/search/history', alex)).body.items, []);
    });
  });

  describe('GET /search/suggest', () => {
    it('suggests titles by prefix and close spelling, people and genres', async () => {
      const inter = await get('/search/suggest?q=inter');
      assert.equal(inter.status, 200);
      const texts = inter.body.items.map((s: { kind: string; text: string }) => `${s.kind}:${s.text}`);
      assert.deepEqual(texts.slice(0, 2), ['title:Interstellar', 'title:Interstellar: Return']);
      const first = inter.body.items[0];
      assert.equal(first.text.slice(first.highlights[0].start, first.highlights[0].end), 'Inter');
      assert.ok(first.poster);
      const typo = await get('/search/suggest?q=incepton');
      assert.equal(typo.body.items[0]?.id, 't-inception');
      const person = await get('/search/suggest?q=tom%20ha');
      assert.ok(person.body.items.some((s: { kind: string; id: string }) => s.kind === 'person' && s.id === 'p-hanks'));
      const genre = await get('/search/suggest?q=sci');
      assert.ok(
        genre.body.items.some((s: { kind: string; slug: string }) => s.kind === 'genre' && s.slug === 'sci-fi'),
      );
      const limited = await get('/search/suggest?q=s&limit=3');
      assert.ok(limited.body.items.length <= 3);
    });

    it('puts the profile’s recent searches first and keeps kids within the ceiling', async () => {
      await search('steel titans', '', cam);
      const { body } = await get('/search/suggest?q=ste', cam);
      assert.deepEqual(
        { kind: body.items[0].kind, source: body.items[0].source, text: body.items[0].text },
        { kind: 'query', source: 'history', text: 'steel titans' },
      );
      const forKids = await get('/search/suggest?q=inter', kids);
      assert.ok(!forKids.body.items.some((s: { kind: string }) => s.kind === 'title'));
      const anonymous = await get('/search/suggest?q=ste');
      assert.ok(!anonymous.body.items.some((s: { source?: string }) => s.source === 'history'));
    });
  });

  describe('GET /search/related', () => {
    it('answers what other profiles searched in the same visit, and what they watched next', async () => {
      for (const caller of [alex, bea]) {
        await search('interstellar', '', caller);
        await search('inception', '', caller);
      }
      await search('the dark knight', '', bea);
      await watch(t.app, bea.profileId as string, [{ titleId: 't-dark-knight', position: 100 }]);
      const { status, body } = await get('/search/related?q=Interstellar', cam);
      assert.equal(status, 200);
      assert.deepEqual(body.queries[0], { query: 'inception', score: 1 });
      assert.equal(body.queries[1].query, 'the dark knight');
      assert.equal(body.queries[1].score, 0.5);
      assert.equal(body.titles[0].id, 't-dark-knight');
    });

    it('falls back to genre neighbours when nobody searched it', async () => {
      const { body } = await get('/search/related?q=toy%20story&limit=4');
      assert.ok(body.queries.length > 0);
      assert.ok(body.queries.some((q: { query: string }) => ['Animation', 'Comedy', 'Kids'].includes(q.query)));
      assert.ok(body.titles.some((x: { id: string }) => x.id === 't-toy-story' || x.id === 't-up'));
      const forKids = await get('/search/related?q=interstellar', kids);
      assert.ok(forKids.body.titles.every((x: { maturity_level: number }) => x.maturity_level <= 7));
    });
  });
});
