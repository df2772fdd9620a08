import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { titles, titleViews } from '../../src/db/schema/index.js';
import { CatalogService } from '../../src/services/catalog.js';
import { FIXTURE_TITLES, insertFixtureCatalog, VISIBLE_IDS, watch } from '../catalog-fixture.js';
import { createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

interface Summary {
  id: string;
  name: string;
  year: number | null;
  maturity_level: number;
  rating_average: number | null;
  genres: { slug: string }[];
  badges: { top10_rank?: number; is_new: boolean; coming_soon: boolean };
  progress?: { fraction: number; episode_id?: string };
}

describe('catalog routes', () => {
  let t: TestApp;
  let adult: TestCaller;
  let kids: TestCaller;
  let other: TestCaller;

  const get = async (url: string, caller?: TestCaller) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: caller?.headers ?? {} });
    return { status: res.statusCode, body: res.json() };
  };
  /** Every page of a list, following next_cursor. */
  const all = async (url: string, caller?: TestCaller) => {
    const out: Summary[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const sep = url.includes('?') ? '&' : '?';
      const res = await get(`${url}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, caller);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      out.push(...res.body.items);
      cursor = res.body.next_cursor;
      if (!cursor) return out;
    }
    throw new Error('too many pages');
  };
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    adult = await createViewer(t.app, { profiles: [{ name: 'Alex' }] });
    kids = await createViewer(t.app, { profiles: [{ name: 'Sam', isKids: true, maturityLevel: 7 }] });
    other = await createViewer(t.app, { region: 'GB' });
  });
  after(() => t?.close());

  describe('GET /titles/{id}', () => {
    it('answers the detail with certifications, their meaning and availability', async () => {
      const { status, body } = await get('/titles/t-interstellar');
      assert.equal(status, 200);
      assert.equal(body.name, 'Interstellar');
      assert.equal(body.certification, 'PG-13');
      assert.equal(body.certifications[0].region, 'US');
      assert.match(body.certifications[0].meaning, /under 13/);
      assert.equal(body.certifications[0].min_age, 13);
      assert.equal(body.available, true);
      assert.deepEqual(
        body.availability.map((a: { region: string }) => a.region),
        ['GB', 'US'],
      );
      assert.deepEqual(
        body.genres.map((g: { slug: string }) => g.slug),
        ['sci-fi', 'drama'],
      );
      assert.equal(body.seasons_count, null);
      assert.equal(body.trailer.duration, 120);
      assert.equal(body.review_count, 10);
      assert.equal(body.rating_average, 4.6);
      assert.equal(body.progress, undefined);
    });

    it('marks a title region-locked elsewhere as unavailable in the viewer region', async () => {
      const us = await get('/titles/t-moorland');
      assert.equal(us.status, 200);
      assert.equal(us.body.available, false);
      const gb = await get('/titles/t-moorland', other);
      assert.equal(gb.body.available, true);
    });

    it('hides drafts and titles whose publication time has not come (404)', async () => {
      assert.equal((await get('/titles/t-secret-draft')).status, 404);
      assert.equal((await get('/titles/t-future-film')).status, 404);
      assert.equal((await get('/titles/no-such-title')).body.error.code, 'not_found');
    });

    it("hides titles above a kids profile's maturity ceiling", async () => {
      assert.equal((await get('/titles/t-interstellar', kids)).status, 404);
      assert.equal((await get('/titles/t-toy-story', kids)).status, 200);
      assert.equal((await get('/titles/t-up', kids)).status, 200);
    });

    it("carries the signed-in profile's progress", async () => {
      await watch(t.app, adult.profileId as string, [{ titleId: 't-inception', position: 3000, duration: 6000 }]);
      const { body } = await get('/titles/t-inception', adult);
      assert.equal(body.progress.fraction, 0.5);
      assert.equal(body.progress.completed, false);
      const anonymous = await get('/titles/t-inception');
      assert.equal(anonymous.body.progress, undefined);
    });

    it('serves from memory until invalidated', async () => {
      await t.app.db.update(titles).set({ name: 'Inception (Director’s Cut)' }).where(eq(titles.id, 't-inception'));
      assert.equal((await get('/titles/t-inception')).body.name, 'Inception');
      t.app.catalog.invalidate();
      assert.equal((await get('/titles/t-inception')).body.name, 'Inception (Director’s Cut)');
      await t.app.db.update(titles).set({ name: 'Inception' }).where(eq(titles.id, 't-inception'));
      t.app.catalog.invalidate();
    });

    it('reads ratings and view statistics again in the background, without a reload', async () => {
      let clock = Date.now();
      const service = new CatalogService(t.app.db, { now: () => clock, refreshMs: 60_000, viewsRefreshMs: 600_000 });
      const viewer = await service.viewer(null);
      const before = await service.get('t-night-terrors', viewer);
      assert.equal(before.rating_average, 3.1);
      assert.equal(before.badges.top10_rank, 4);
      await t.app.db
        .update(titles)
        .set({ ratingAverage: 4.9, ratingCount: 11 })
        .where(eq(titles.id, 't-night-terrors'));
      await t.app.db
        .update(titleViews)
        .set({ views: 5000 })
        .where(and(eq(titleViews.titleId, 't-night-terrors'), eq(titleViews.region, 'US')));
      clock += 61_000;
      await service.snapshot();
      await service.settled();
      const rated = await service.get('t-night-terrors', viewer);
      assert.equal(rated.rating_average, 4.9);
      assert.equal(rated.review_count, 11);
      assert.equal(rated.badges.top10_rank, 4, 'views are read less often');
      clock += 600_000;
      await service.snapshot();
      await service.settled();
      assert.equal((await service.get('t-night-terrors', viewer)).badges.top10_rank, 1);
      await t.app.db
        .update(titles)
        .set({ ratingAverage: 3.1, ratingCount: 10 })
        .where(eq(titles.id, 't-night-terrors'));
      await t.app.db
        .update(titleViews)
        .set({ views: 60 })
        .where(and(eq(titleViews.titleId, 't-night-terrors'), eq(titleViews.region, 'US')));
    });

    it('shows a scheduled title once its publication time has passed', async () => {
      await t.app.db
        .update(titles)
        .set({ publishAt: new Date(Date.now() - 1000) })
        .where(eq(titles.id, 't-future-film'));
      t.app.catalog.invalidate();
      assert.equal((await get('/titles/t-future-film')).status, 200);
      await t.app.db
        .update(titles)
        .set({ publishAt: new Date(Date.now() + 2 * 86_400_000) })
        .where(eq(titles.id, 't-future-film'));
      t.app.catalog.invalidate();
      assert.equal((await get('/titles/t-future-film')).status, 404);
    });
  });

  describe('GET /titles (browse)', () => {
    it('lists every visible title once over cursor pages, for every sort and order', async () => {
      for (const sort of ['popularity', 'release_date', 'rating', 'title', 'added']) {
        for (const order of ['asc', 'desc']) {
          const items = await all(`/titles?sort=${sort}&order=${order}&limit=4`);
          assert.deepEqual([...ids(items)].sort(), [...VISIBLE_IDS].sort(), `${sort} ${order}`);
        }
      }
    });

    it('sorts: popularity (default), title A→Z, release date, rating with unrated last, recently added', async () => {
      const byPopularity = ids(await all('/titles?limit=100'));
      const expected = FIXTURE_TITLES.filter((x) => VISIBLE_IDS.includes(x.id))
        .sort((a, b) => b.popularity - a.popularity)
        .map((x) => x.id);
      assert.deepEqual(byPopularity, expected);
      const byTitle = (await all('/titles?sort=title&limit=100')).map((s) => s.name);
      assert.deepEqual(
        byTitle,
        [...byTitle].sort((a, b) => a.normalize('NFD').localeCompare(b.normalize('NFD'), 'en')),
      );
      const byRelease = await all('/titles?sort=release_date&limit=100');
      assert.equal(byRelease[0]?.id, 't-next-frontier');
      const years = byRelease.map((s) => s.year ?? 0);
      assert.deepEqual(
        years,
        [...years].sort((a, b) => b - a),
      );
      const byRating = await all('/titles?sort=rating&limit=100');
      assert.equal(byRating[0]?.id, 't-dark-knight');
      const firstUnrated = byRating.findIndex((s) => s.rating_average === null);
      assert.ok(
        byRating.slice(firstUnrated).every((s) => s.rating_average === null),
        'unrated titles last',
      );
      const ascRating = await all('/titles?sort=rating&order=asc&limit=100');
      assert.equal(ascRating[0]?.id, 't-night-terrors');
      assert.equal(ascRating[ascRating.length - 1]?.rating_average, null, 'unrated last in ascending order too');
      const added = await all('/titles?sort=added&limit=100');
      assert.deepEqual(ids(added).slice(0, 2), ['t-steel-titans', 't-galaxy-pups']);
    });

    it('filters by genre (sub-genres included), with AND and OR', async () => {
      const scifi = ids(await all('/titles?genre=sci-fi'));
      assert.ok(scifi.includes('t-star-voyagers'), 'space-opera is a sci-fi sub-genre');
      assert.ok(!scifi.includes('t-dark-knight'));
      const either = ids(await all('/titles?genre=comedy,thriller&genre_mode=or'));
      assert.deepEqual([...either].sort(), [
        't-amelie',
        't-dark-knight',
        't-inception',
        't-moorland',
        't-morning-tea',
        't-night-terrors',
        't-toy-story',
      ]);
      const both = ids(await all('/titles?genre=sci-fi,action&genre_mode=and'));
      assert.deepEqual([...both].sort(), ['t-inception', 't-steel-titans']);
      assert.deepEqual(ids(await all('/titles?genre=no-such-genre')), []);
    });

    it('filters by year range, rating, certification, language, studio, network and type', async () => {
      assert.deepEqual(ids(await all('/titles?year_from=2008&year_to=2010&sort=release_date&order=asc')), [
        't-dark-knight',
        't-up',
        't-inception',
      ]);
      assert.deepEqual([...ids(await all('/titles?rating_min=4.5'))].sort(), [
        't-dark-knight',
        't-inception',
        't-interstellar',
      ]);
      assert.deepEqual([...ids(await all('/titles?certification=r,g'))].sort(), [
        't-amelie',
        't-night-terrors',
        't-toy-story',
      ]);
      assert.deepEqual(ids(await all('/titles?language=fr')), ['t-amelie']);
      assert.deepEqual([...ids(await all('/titles?studio=PIXAR'))].sort(), ['t-toy-story', 't-up']);
      assert.deepEqual(ids(await all('/titles?network=Reel%20Originals')), ['t-star-voyagers']);
      assert.deepEqual([...ids(await all('/titles?type=anime'))].sort(), ['t-morning-tea', 't-steel-titans']);
      assert.deepEqual(ids(await all('/titles?type=series&genre=kids')), ['t-galaxy-pups']);
    });

    it('rejects a reversed year range and a foreign cursor with 400 naming the field', async () => {
      const reversed = await get('/titles?year_from=2010&year_to=2000');
      assert.equal(reversed.status, 400);
      assert.equal(reversed.body.error.details.fields[0].field, 'query.year_to');
      const cursor = await get('/titles?cursor=not-a-cursor');
      assert.equal(cursor.status, 400);
      assert.equal(cursor.body.error.details.fields[0].field, 'query.cursor');
      assert.equal((await get('/titles?sort=loudness')).status, 400);
    });

    it('applies the kids ceiling', async () => {
      const list = await all('/titles?limit=100', kids);
      assert.ok(list.length > 0);
      assert.ok(list.every((s) => s.maturity_level <= 7));
      assert.deepEqual([...ids(list)].sort(), ['t-galaxy-pups', 't-morning-tea', 't-toy-story', 't-up']);
    });

    it('puts badges on cards: top 10 rank in the region, new, coming soon', async () => {
      const list = await all('/titles?limit=100');
      const byId = new Map(list.map((s) => [s.id, s]));
      assert.equal(byId.get('t-inception')?.badges.top10_rank, 1);
      assert.equal(byId.get('t-moorland')?.badges.top10_rank, undefined, 'not offered in the US');
      assert.equal(byId.get('t-galaxy-pups')?.badges.is_new, true);
      assert.equal(byId.get('t-interstellar')?.badges.is_new, false);
      assert.equal(byId.get('t-next-frontier')?.badges.coming_soon, true);
    });
  });

  describe('seasons and episodes', () => {
    it('lists seasons with episode counts', async () => {
      const { body } = await get('/titles/t-star-voyagers/seasons');
      assert.deepEqual(
        body.items.map((s: { number: number; episode_count: number }) => [s.number, s.episode_count]),
        [
          [1, 3],
          [2, 3],
        ],
      );
      assert.deepEqual((await get('/titles/t-interstellar/seasons')).body.items, []);
    });

    it('lists episodes with markers and per-episode progress', async () => {
      await watch(t.app, adult.profileId as string, [
        {
          titleId: 't-star-voyagers',
          episodeId: 't-star-voyagers-s1e1',
          position: 2700,
          duration: 2700,
          completed: true,
          minutesAgo: 10,
        },
        { titleId: 't-star-voyagers', episodeId: 't-star-voyagers-s1e2', position: 900, duration: 2700, minutesAgo: 5 },
      ]);
      const { status, body } = await get('/titles/t-star-voyagers/seasons/1/episodes', adult);
      assert.equal(status, 200);
      assert.equal(body.items.length, 3);
      const [e1, e2, e3] = body.items;
      assert.deepEqual(e1.markers, ['intro', 'credits']);
      assert.deepEqual(e2.markers, ['recap']);
      assert.equal(e1.progress.completed, true);
      assert.equal(e2.progress.fraction, 0.3333);
      assert.equal(e3.progress, undefined);
      assert.ok(e1.still);
      // Another profile sees no progress.
      const fresh = await get('/titles/t-star-voyagers/seasons/1/episodes', other);
      assert.equal(fresh.body.items[0].progress, undefined);
      // The title's card carries the latest episode's progress.
      const card = await get('/titles/t-star-voyagers', adult);
      assert.equal(card.body.progress.episode_id, 't-star-voyagers-s1e2');
    });

    it('answers 404 for a season that does not exist and for a hidden title', async () => {
      assert.equal((await get('/titles/t-star-voyagers/seasons/9/episodes')).status, 404);
      assert.equal((await get('/titles/t-star-voyagers/seasons/1/episodes', kids)).status, 404);
      assert.equal((await get('/titles/t-star-voyagers/seasons', kids)).status, 404);
    });
  });

  describe('similar, related, credits, people', () => {
    it('ranks similar titles by shared genres, tags and people', async () => {
      const list = await all('/titles/t-inception/similar?limit=3');
      const top = ids(list).slice(0, 2);
      assert.ok(top.includes('t-dark-knight'), 'same director, genres and a tag');
      assert.ok(!ids(list).includes('t-inception'));
      const again = await all('/titles/t-inception/similar?limit=3');
      assert.deepEqual(ids(again), ids(list), 'deterministic');
      const forKids = await all('/titles/t-toy-story/similar', kids);
      assert.ok(forKids.every((s) => s.maturity_level <= 7));
      assert.ok(ids(forKids).includes('t-up'));
    });

    it('lists related titles in both directions', async () => {
      const forward = await get('/titles/t-interstellar/related');
      assert.deepEqual(
        forward.body.items.map((i: { relation: string; title: { id: string } }) => [i.relation, i.title.id]),
        [['sequel', 't-interstellar-return']],
      );
      const back = await get('/titles/t-interstellar-return/related');
      assert.deepEqual(
        back.body.items.map((i: { relation: string; title: { id: string } }) => [i.relation, i.title.id]),
        [['prequel', 't-interstellar']],
      );
    });

    it('lists cast and crew, and 404s for kids above the ceiling', async () => {
      const { body } = await get('/titles/t-night-terrors/credits');
      assert.deepEqual(
        body.cast.map((c: { person: { name: string }; character: string }) => [c.person.name, c.character]),
        [['Christian Bale', 'The Caretaker']],
      );
      assert.deepEqual(
        body.crew.map((c: { person: { id: string }; role: string }) => [c.person.id, c.role]),
        [['p-horror', 'director']],
      );
      assert.equal((await get('/titles/t-night-terrors/credits', kids)).status, 404);
    });

    it('answers a person with their filmography, newest first, filtered for kids', async () => {
      const { status, body } = await get('/people/p-bale');
      assert.equal(status, 200);
      assert.equal(body.name, 'Christian Bale');
      assert.deepEqual(
        body.filmography.map((f: { title: { id: string }; character: string }) => [f.title.id, f.character]),
        [
          ['t-night-terrors', 'The Caretaker'],
          ['t-dark-knight', 'Bruce Wayne'],
        ],
      );
      assert.deepEqual((await get('/people/p-bale', kids)).body.filmography, []);
      assert.equal((await get('/people/p-nobody')).status, 404);
    });
  });

  describe('genres and collections', () => {
    it('lists genres with visible title counts (parents count sub-genres)', async () => {
      const { body } = await get('/genres');
      const scifi = body.items.find((g: { slug: string }) => g.slug === 'sci-fi');
      assert.equal(scifi.title_count, 7);
      assert.ok(scifi.artwork);
      const kidsGenres = (await get('/genres', kids)).body.items;
      assert.equal(kidsGenres.find((g: { slug: string }) => g.slug === 'sci-fi').title_count, 1);
    });

    it('answers a genre with its subcategories', async () => {
      const { body } = await get('/genres/sci-fi');
      assert.deepEqual(
        body.subcategories.map((g: { slug: string }) => g.slug),
        ['space-opera'],
      );
      assert.equal(body.subcategories[0].parent, 'sci-fi');
      assert.equal((await get('/genres/nope')).status, 404);
    });

    it('lists collections and pages a collection (titles offered in the region, within the ceiling)', async () => {
      const list = await get('/collections');
      assert.deepEqual(
        list.body.items.map((c: { slug: string; title_count: number }) => [c.slug, c.title_count]),
        [
          ['mind-benders', 4],
          ['family-night', 3],
          ['hidden-gems', 1],
        ],
      );
      const first = await get('/collections/mind-benders?limit=2');
      assert.deepEqual(ids(first.body.items), ['t-inception', 't-interstellar']);
      const rest = await get(`/collections/mind-benders?limit=2&cursor=${first.body.next_cursor}`);
      assert.deepEqual(ids(rest.body.items), ['t-dark-knight', 't-night-terrors']);
      assert.equal(rest.body.next_cursor, null);
      const gb = await get('/collections/mind-benders', other);
      assert.ok(ids(gb.body.items).includes('t-moorland'));
      const forKids = await get('/collections/mind-benders', kids);
      assert.deepEqual(forKids.body.items, []);
      assert.equal((await get('/collections/nope')).status, 404);
    });
  });

  describe('anime', () => {
    it('lists anime with sub/dub and simulcast filters', async () => {
      assert.deepEqual([...ids(await all('/anime'))].sort(), ['t-morning-tea', 't-steel-titans']);
      assert.deepEqual(ids(await all('/anime?audio=dub')), ['t-steel-titans']);
      assert.deepEqual(ids(await all('/anime?simulcast=false')), ['t-morning-tea']);
      assert.deepEqual(ids(await all('/anime?simulcast=true&audio=sub')), ['t-steel-titans']);
      assert.deepEqual(ids(await all('/anime', kids)), ['t-morning-tea']);
    });

    it('answers arcs in order (empty arcs left out) and the filler guide', async () => {
      const arcs = await get('/anime/t-steel-titans/arcs');
      assert.deepEqual(
        arcs.body.items.map((a: { name: string; episode_count: number; filler_count: number; order: number }) => [
          a.name,
          a.order,
          a.episode_count,
          a.filler_count,
        ]),
        [
          ['Awakening', 1, 3, 1],
          ['Siege', 2, 3, 0],
        ],
      );
      assert.deepEqual(arcs.body.items[1].first_episode, { season_number: 1, number: 4 });
      const filler = await get('/anime/t-steel-titans/filler');
      assert.deepEqual(filler.body.counts, { canon: 4, mixed: 1, filler: 1 });
      assert.equal(filler.body.items[2].kind, 'filler');
      assert.equal((await get('/anime/t-interstellar/arcs')).status, 404);
      assert.equal((await get('/anime/t-steel-titans/filler', kids)).status, 404);
    });
  });
});
