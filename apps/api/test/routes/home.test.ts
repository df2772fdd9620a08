import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BECAUSE_THRESHOLD,
  coldStart,
  historyWeight,
  recommend,
  similarity,
  type TitleFeatures,
} from '../../src/services/recommender.js';
import { dayWeight, topTen, trendingOrder, trendingScores } from '../../src/services/trending.js';
import { insertFixtureCatalog, watch } from '../catalog-fixture.js';
import { createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

const DAY = 86_400_000;

const film = (id: string, genres: string[], extra: Partial<TitleFeatures> = {}): TitleFeatures => ({
  id,
  name: id.toUpperCase(),
  type: 'film',
  genres,
  tags: [],
  people: [],
  popularity: 10,
  languages: ['en'],
  ...extra,
});

describe('recommender (scoring)', () => {
  const space = film('space', ['sci-fi', 'drama'], { tags: ['space', 'time'], people: [{ id: 'dir', weight: 1.2 }] });
  const space2 = film('space2', ['sci-fi', 'drama'], {
    tags: ['space'],
    people: [{ id: 'dir', weight: 1.2 }],
    popularity: 5,
  });
  const heist = film('heist', ['action', 'thriller'], {
    tags: ['heist'],
    people: [{ id: 'dir', weight: 1.2 }],
    popularity: 50,
  });
  const scifiOnly = film('scifi-only', ['sci-fi'], { tags: ['robots'], popularity: 20 });
  const romcom = film('romcom', ['comedy', 'romance'], { popularity: 100 });
  const genreNames = new Map([
    ['sci-fi', 'Sci-Fi'],
    ['drama', 'Drama'],
    ['action', 'Action'],
  ]);
  const personNames = new Map([['dir', 'Chris Director']]);
  const features = new Map([space, space2, heist, scifiOnly, romcom].map((f) => [f.id, f]));
  const input = (history: { titleId: string; engagement: number; daysAgo?: number }[]) => ({
    history: history.map((h) => ({
      titleId: h.titleId,
      engagement: h.engagement,
      finished: h.engagement >= 1,
      lastWatched: Date.UTC(2026, 0, 30) - (h.daysAgo ?? 0) * DAY,
    })),
    candidates: [space, space2, heist, scifiOnly, romcom],
    features,
    genreNames,
    personNames,
    maxPopularity: 100,
    language: 'en',
    region: 'US',
  });

  it('scores similarity as a cosine over weighted genres, tags and people', () => {
    assert.equal(similarity(space, space).score.toFixed(6), '1.000000');
    assert.ok(similarity(space, space2).score > similarity(space, scifiOnly).score);
    assert.equal(similarity(space, romcom).score, 0);
    assert.deepEqual(similarity(space, heist).shared, ['p:dir']);
  });

  it('weights history by engagement and halves it every 30 days', () => {
    const now = Date.UTC(2026, 0, 30);
    assert.equal(historyWeight({ titleId: 'a', engagement: 1, finished: true, lastWatched: now }, now), 1);
    assert.equal(historyWeight({ titleId: 'a', engagement: 1, finished: true, lastWatched: now - 30 * DAY }, now), 0.5);
    assert.equal(historyWeight({ titleId: 'a', engagement: 0.4, finished: false, lastWatched: now }, now), 0.4);
  });

  it('ranks titles like the history first, leaves watched ones out and explains each pick', () => {
    const out = recommend(input([{ titleId: 'space', engagement: 1 }]));
    assert.deepEqual(
      out.map((r) => r.titleId),
      ['space2', 'scifi-only', 'heist', 'romcom'],
    );
    assert.equal(out[0]?.reason, 'Because you watched SPACE');
    assert.equal(out[0]?.kind, 'because-you-watched');
    assert.equal(out[0]?.sourceId, 'space');
    assert.equal(out.find((r) => r.titleId === 'scifi-only')?.reason, 'Popular in Sci-Fi');
    assert.equal(out.find((r) => r.titleId === 'heist')?.reason, 'More with Chris Director');
    assert.equal(out.find((r) => r.titleId === 'romcom')?.reason, 'Popular on Reel');
    assert.ok(!out.some((r) => r.titleId === 'space'));
  });

  it('is deterministic for a history, and recency moves the taste', () => {
    const history = [
      { titleId: 'heist', engagement: 1, daysAgo: 0 },
      { titleId: 'scifi-only', engagement: 1, daysAgo: 120 },
    ];
    assert.deepEqual(recommend(input(history)), recommend(input(history)));
    const recentHeist = recommend(input(history));
    const recentScifi = recommend(
      input([
        { titleId: 'heist', engagement: 1, daysAgo: 120 },
        { titleId: 'scifi-only', engagement: 1, daysAgo: 0 },
      ]),
    );
    const rank = (list: { titleId: string }[], id: string) => list.findIndex((r) => r.titleId === id);
    assert.ok(rank(recentScifi, 'space2') <= rank(recentHeist, 'space2'));
    assert.ok(BECAUSE_THRESHOLD > 0);
  });

  it('cold start: popular titles, the profile language first, with the reason saying so', () => {
    const local = film('local', ['drama'], { languages: ['es'], popularity: 1 });
    const out = coldStart({ candidates: [romcom, local, heist], maxPopularity: 100, language: 'es-MX', region: 'MX' });
    assert.deepEqual(
      out.map((r) => [r.titleId, r.reason]),
      [
        ['local', 'Popular in Spanish'],
        ['romcom', 'Popular in Mexico'],
        ['heist', 'Popular in Mexico'],
      ],
    );
    const none = recommend({ ...input([]), region: 'GB' });
    assert.equal(none[0]?.titleId, 'romcom');
    assert.equal(none[0]?.reason, 'Popular in United Kingdom');
  });
});

describe('trending and top 10 (scoring)', () => {
  it('weighs recent days more', () => {
    assert.equal(dayWeight(0), 1);
    assert.equal(dayWeight(2), 0.5);
    const scores = trendingScores([
      { titleId: 'old-hit', region: 'US', day: 'd6', views: 300, age: 6 },
      { titleId: 'old-hit', region: 'US', day: 'd5', views: 300, age: 5 },
      { titleId: 'rising', region: 'US', day: 'd0', views: 100, age: 0 },
      { titleId: 'rising', region: 'US', day: 'd1', views: 90, age: 1 },
      { titleId: 'too-old', region: 'US', day: 'd9', views: 9999, age: 9 },
    ]);
    const order = trendingOrder(
      [
        { id: 'old-hit', popularity: 1 },
        { id: 'rising', popularity: 1 },
        { id: 'too-old', popularity: 5 },
      ],
      scores,
      'US',
    ).map((e) => e.item.id);
    assert.deepEqual(order, ['rising', 'old-hit', 'too-old']);
  });

  it('ranks the latest day, skipping titles not eligible, and falls back to popularity', () => {
    const eligible = [
      { id: 'a', popularity: 1 },
      { id: 'b', popularity: 3 },
      { id: 'c', popularity: 2 },
    ];
    assert.deepEqual(
      topTen(eligible, [
        ['locked', 500],
        ['c', 10],
        ['a', 5],
      ]).map((t) => t.id),
      ['c', 'a'],
    );
    assert.deepEqual(
      topTen(eligible, undefined).map((t) => t.id),
      ['b', 'c', 'a'],
    );
  });
});

describe('home routes', () => {
  let t: TestApp;
  let alex: TestCaller;
  let kids: TestCaller;
  let fresh: TestCaller;
  let gb: TestCaller;

  const get = async (url: string, caller?: TestCaller) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: caller?.headers ?? {} });
    return { status: res.statusCode, body: res.json() };
  };
  type RailBody = {
    id: string;
    kind: string;
    reason: { title_id: string } | null;
    items: { id: string; maturity_level: number; badges: { top10_rank?: number }; progress?: unknown }[];
  };

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    alex = await createViewer(t.app, { profiles: [{ name: 'Alex' }] });
    kids = await createViewer(t.app, { profiles: [{ name: 'Sam', isKids: true, maturityLevel: 7 }] });
    fresh = await createViewer(t.app, { profiles: [{ name: 'Nia', language: 'fr' }] });
    gb = await createViewer(t.app, { region: 'GB' });
    await watch(t.app, alex.profileId as string, [
      { titleId: 't-interstellar', position: 6000, duration: 6000, completed: true, minutesAgo: 60 },
      { titleId: 't-star-voyagers', episodeId: 't-star-voyagers-s1e2', position: 900, duration: 2700, minutesAgo: 5 },
      {
        titleId: 't-star-voyagers',
        episodeId: 't-star-voyagers-s1e1',
        position: 2700,
        duration: 2700,
        completed: true,
        minutesAgo: 30,
      },
    ]);
  });
  after(() => t?.close());

  it('signed out: public rails only, in order, and a hero', async () => {
    const { status, body } = await get('/home/rails');
    assert.equal(status, 200);
    assert.deepEqual(
      body.rails.map((r: RailBody) => r.id),
      ['trending', 'top10', 'collection:mind-benders', 'collection:family-night', 'new-this-week'],
    );
    assert.ok(body.hero);
    assert.equal(body.hero.id, 't-inception');
  });

  it('signed in: Continue Watching first, then Top 10, Trending, Because you watched, Recommended …', async () => {
    const { body } = await get('/home/rails', alex);
    const railIds = body.rails.map((r: RailBody) => r.id);
    // The most recently watched titles (finished, or watched far enough) start "Because you watched" rails.
    assert.deepEqual(railIds.slice(0, 5), [
      'continue-watching',
      'top10',
      'trending',
      'because-you-watched:t-star-voyagers',
      'because-you-watched:t-interstellar',
    ]);
    assert.ok(railIds.indexOf('recommendations') > railIds.indexOf('because-you-watched:t-interstellar'));
    assert.ok(railIds.indexOf('new-this-week') > railIds.indexOf('recommendations'));
    assert.ok(railIds.indexOf('coming-soon') > railIds.indexOf('new-this-week'));
    assert.ok(railIds.indexOf('collection:mind-benders') > railIds.indexOf('coming-soon'));
    assert.ok(railIds.some((id: string) => id.startsWith('genre:')));
    const continuing = body.rails[0] as RailBody;
    assert.deepEqual(
      continuing.items.map((i) => i.id),
      ['t-star-voyagers'],
    );
    assert.ok(continuing.items[0]?.progress);
    const because = body.rails.find((r: RailBody) => r.id === 'because-you-watched:t-interstellar') as RailBody;
    assert.equal(because.reason?.title_id, 't-interstellar');
    assert.ok(!because.items.some((i) => i.id === 't-interstellar'));
    assert.equal(because.items[0]?.id, 't-interstellar-return');
    const soon = body.rails.find((r: RailBody) => r.id === 'coming-soon') as RailBody;
    assert.deepEqual(
      soon.items.map((i) => i.id),
      ['t-next-frontier'],
    );
    assert.notEqual(body.hero.id, 't-interstellar', 'the hero is not something already finished');
  });

  it('respects items_per_rail', async () => {
    const { body } = await get('/home/rails?items_per_rail=2', alex);
    assert.ok(body.rails.every((r: RailBody) => r.items.length <= 2));
    assert.equal((await get('/home/rails?items_per_rail=0')).status, 400);
  });

  it("keeps every rail and the hero within a kids profile's ceiling", async () => {
    const { body } = await get('/home/rails', kids);
    assert.ok(body.rails.length > 0);
    for (const rail of body.rails as RailBody[])
      assert.ok(
        rail.items.every((i) => i.maturity_level <= 7),
        rail.id,
      );
    assert.ok(body.hero.maturity_level <= 7);
  });

  it('top 10: ranks of the region’s latest day, region-locked titles only in their region', async () => {
    const us = await get('/top10');
    assert.equal(us.body.region, 'US');
    assert.deepEqual(
      us.body.items.map((i: { id: string }) => i.id),
      ['t-inception', 't-toy-story', 't-dark-knight', 't-night-terrors', 't-steel-titans', 't-interstellar'],
    );
    assert.deepEqual(
      us.body.items.map((i: { badges: { top10_rank: number } }) => i.badges.top10_rank),
      [1, 2, 3, 4, 5, 6],
    );
    const uk = await get('/top10?region=GB');
    assert.deepEqual(
      uk.body.items.map((i: { id: string }) => i.id),
      ['t-moorland', 't-interstellar'],
    );
    const mine = await get('/top10', gb);
    assert.equal(mine.body.region, 'GB');
    const films = await get('/top10?type=anime');
    assert.deepEqual(
      films.body.items.map((i: { id: string; badges: { top10_rank: number } }) => [i.id, i.badges.top10_rank]),
      [['t-steel-titans', 1]],
    );
    const forKids = await get('/top10', kids);
    assert.deepEqual(
      forKids.body.items.map((i: { id: string; badges: { top10_rank: number } }) => [i.id, i.badges.top10_rank]),
      [['t-toy-story', 2]],
    );
    const rail = (await get('/home/rails')).body.rails.find((r: RailBody) => r.id === 'top10') as RailBody;
    assert.ok(!rail.items.some((i) => i.id === 't-moorland'));
    assert.equal((await get('/top10?region=usa')).status, 400);
  });

  it('trending: this week, recent days weighing more, region-locked titles left out', async () => {
    const { body } = await get('/trending?limit=3');
    assert.deepEqual(
      body.items.map((i: { id: string }) => i.id),
      ['t-inception', 't-interstellar', 't-toy-story'],
    );
    const rest = await get(`/trending?limit=50&cursor=${body.next_cursor}`);
    const allIds = [...body.items, ...rest.body.items].map((i: { id: string }) => i.id);
    assert.ok(!allIds.includes('t-moorland'));
    assert.ok(!allIds.includes('t-next-frontier'), 'not out yet');
    assert.equal(new Set(allIds).size, allIds.length);
    const anime = await get('/trending?type=anime');
    assert.ok(anime.body.items.every((i: { type: string }) => i.type === 'anime'));
  });

  it('recommendations explain themselves and leave out what was watched', async () => {
    const { status, body } = await get('/recommendations?limit=50', alex);
    assert.equal(status, 200);
    const ids = body.items.map((i: { title: { id: string } }) => i.title.id);
    assert.ok(!ids.includes('t-interstellar'));
    assert.ok(!ids.includes('t-star-voyagers'));
    assert.ok(!ids.includes('t-moorland'), 'not offered in the US');
    assert.ok(!ids.includes('t-next-frontier'), 'not out yet');
    const first = body.items[0];
    assert.equal(first.title.id, 't-interstellar-return');
    assert.equal(first.reason, 'Because you watched Interstellar');
    assert.ok(body.items.every((i: { reason: string }) => i.reason.length > 0));
    const scores = body.items.map((i: { score: number }) => i.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a: number, b: number) => b - a),
    );
    assert.deepEqual((await get('/recommendations?limit=50', alex)).body, body, 'deterministic');
    const page1 = await get('/recommendations?limit=3', alex);
    const page2 = await get(`/recommendations?limit=3&cursor=${page1.body.next_cursor}`, alex);
    assert.deepEqual(
      [...page1.body.items, ...page2.body.items].map((i: { title: { id: string } }) => i.title.id),
      ids.slice(0, 6),
    );
  });

  it('recommendations cold start: popular, in the profile language first', async () => {
    const { body } = await get('/recommendations', fresh);
    assert.equal(body.items[0].title.id, 't-amelie');
    assert.equal(body.items[0].reason, 'Popular in French');
    assert.equal(body.items[1].reason, 'Popular in United States');
    const forKids = await get('/recommendations?limit=50', kids);
    assert.ok(forKids.body.items.every((i: { title: { maturity_level: number } }) => i.title.maturity_level <= 7));
  });

  it('recommendations need a signed-in profile', async () => {
    assert.equal((await get('/recommendations')).status, 401);
  });
});
