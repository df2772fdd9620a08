// The demo catalog seed: deterministic (same seed → same rows, ids included), complete (every
// table of the catalog schema, the counts the product needs) and fast (< 30 s).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { buildCatalog, seedCatalog } from '../src/seed/catalog.js';
import { buildTestApp, type TestApp } from './helper.js';

const SEED = 20261126;
const NOW = new Date('2026-11-26T12:00:00Z');

/** Every table the seed fills, with an order that makes its rows a stable sequence. */
const TABLES: readonly [table: string, order: string][] = [
  ['genres', 'slug'],
  ['titles', 'id'],
  ['title_genres', 'title_id, genre'],
  ['rating_meanings', 'region, rating'],
  ['certifications', 'title_id, region'],
  ['availability', 'title_id, region'],
  ['seasons', 'title_id, number'],
  ['arcs', 'id'],
  ['episodes', 'id'],
  ['markers', 'id'],
  ['people', 'id'],
  ['credits', 'title_id, person_id, role'],
  ['title_relations', 'title_id, related_id'],
  ['collections', 'slug'],
  ['collection_items', 'slug, title_id'],
  ['schedule_items', 'id'],
  ['title_views', 'title_id, region, day'],
];

async function rows(db: Db, query: string): Promise<Record<string, unknown>[]> {
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

async function digest(db: Db, table: string, order: string): Promise<{ count: number; hash: string }> {
  const list = await rows(db, `select * from ${table} order by ${order}`);
  return { count: list.length, hash: createHash('sha256').update(JSON.stringify(list)).digest('hex') };
}

async function one(db: Db, query: string): Promise<number> {
  const [row] = await rows(db, query);
  return Number(Object.values(row ?? {})[0] ?? 0);
}

describe('demo catalog seed', () => {
  let a: TestApp;
  let b: TestApp;
  const took: number[] = [];
  before(async () => {
    a = await buildTestApp();
    b = await buildTestApp();
    for (const t of [a, b]) {
      const started = performance.now();
      await seedCatalog(t.app.db, { seed: SEED, log: () => {}, now: NOW });
      took.push(performance.now() - started);
    }
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  it('takes under 30 s', (t) => {
    t.diagnostic(`seeded in ${took.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' and ')}`);
    for (const ms of took) assert.ok(ms < 30_000, `seeding took ${Math.round(ms)} ms`);
  });

  it('gives the same rows, ids included, for the same seed in two fresh databases', async () => {
    for (const [table, order] of TABLES) {
      const x = await digest(a.app.db, table, order);
      const y = await digest(b.app.db, table, order);
      assert.ok(x.count > 0, `${table} is empty`);
      assert.deepEqual(x, y, `${table} differs between two seeds`);
    }
  });

  it('gives another catalog for another seed', () => {
    const other = buildCatalog(SEED + 1, NOW);
    const same = buildCatalog(SEED, NOW);
    assert.notEqual(other.titles[0]?.id, same.titles[0]?.id);
    assert.notEqual(other.titles.map((t) => t.name).join('|'), same.titles.map((t) => t.name).join('|'));
  });

  it('has the counts of a real service', async () => {
    const db = a.app.db;
    assert.ok((await one(db, 'select count(*) from titles')) >= 220);
    assert.ok((await one(db, 'select count(*) from genres')) >= 40);
    assert.ok((await one(db, 'select count(*) from genres where parent is not null')) >= 20, 'sub-genres');
    assert.ok((await one(db, 'select count(*) from collections')) >= 12);
    assert.ok((await one(db, 'select count(*) from collections where featured')) >= 3);
    assert.equal(
      await one(
        db,
        'select count(*) from collections c where not exists (select 1 from collection_items i where i.slug = c.slug)',
      ),
      0,
    );
    for (const type of ['film', 'series', 'anime']) {
      assert.ok((await one(db, `select count(*) from titles where type = '${type}'`)) >= 30, `${type} titles`);
    }
    assert.equal(
      await one(
        db,
        'select count(*) from genres g where (select count(*) from title_genres tg where tg.genre = g.slug) < 3',
      ),
      0,
      'every genre has at least three titles',
    );
    const years = await rows(db, 'select min(year) as lo, max(year) as hi from titles');
    assert.ok(Number(years[0]?.lo) <= 1960 && Number(years[0]?.hi) >= NOW.getUTCFullYear());
  });

  it('fills series with seasons and episodes, and anime with arcs and filler marks', async () => {
    const db = a.app.db;
    assert.equal(
      await one(
        db,
        "select count(*) from titles t where t.type <> 'film' and not exists (select 1 from episodes e where e.title_id = t.id)",
      ),
      0,
    );
    assert.ok((await one(db, 'select max(number) from seasons')) >= 4, 'some series run several seasons');
    assert.ok(
      (await one(
        db,
        "select count(distinct filler) from episodes e join titles t on t.id = e.title_id where t.type = 'anime'",
      )) === 3,
    );
    assert.equal(
      await one(
        db,
        "select count(*) from episodes e join titles t on t.id = e.title_id where t.type <> 'anime' and e.filler is not null",
      ),
      0,
    );
    assert.ok((await one(db, 'select count(*) from arcs')) >= 30);
    assert.equal(
      await one(
        db,
        'select count(*) from episodes e where e.arc_id is not null and not exists (select 1 from arcs a where a.id = e.arc_id)',
      ),
      0,
    );
    for (const kind of ['intro', 'recap', 'credits', 'preview']) {
      assert.ok((await one(db, `select count(*) from markers where kind = '${kind}'`)) > 0, kind);
    }
    assert.ok(
      (await one(
        db,
        "select count(*) from markers m join titles t on t.id = m.title_id where m.episode_id is null and t.type = 'film' and m.kind = 'credits'",
      )) >= 100,
    );
    assert.equal(await one(db, 'select count(*) from markers where "end" <= start'), 0);
  });

  it('has people with biographies and credits in every role', async () => {
    const db = a.app.db;
    assert.equal(await one(db, "select count(*) from people where biography = '' or birth_place is null"), 0);
    for (const role of ['cast', 'director', 'writer', 'creator', 'composer', 'producer']) {
      assert.ok((await one(db, `select count(*) from credits where role = '${role}'`)) > 0, role);
    }
    assert.equal(await one(db, "select count(*) from credits where role = 'cast' and character is null"), 0);
    assert.ok(
      (await one(
        db,
        'select count(*) from (select person_id from credits group by person_id having count(*) >= 5) x',
      )) >= 20,
      'people with filmographies',
    );
    for (const relation of ['sequel', 'prequel', 'spin_off', 'same_universe']) {
      assert.ok((await one(db, `select count(*) from title_relations where relation = '${relation}'`)) > 0, relation);
    }
  });

  it('rates titles in real systems, with the meaning of every rating used', async () => {
    const db = a.app.db;
    assert.equal(
      await one(
        db,
        'select count(*) from certifications c where not exists (select 1 from rating_meanings m where m.region = c.region and m.rating = c.rating and m.system = c.system)',
      ),
      0,
    );
    const systems = (await rows(db, 'select distinct system from rating_meanings')).map((r) => r.system);
    for (const s of ['MPA', 'TV Parental Guidelines', 'BBFC', 'FSK', 'Eirin', 'ICAA'])
      assert.ok(systems.includes(s), s);
    // Advisories match the level: nothing for all-ages titles, something for mature ones.
    assert.equal(
      await one(db, 'select count(*) from titles where maturity_level = 0 and cardinality(advisories) > 0'),
      0,
    );
    assert.equal(
      await one(db, 'select count(*) from titles where maturity_level >= 16 and cardinality(advisories) = 0'),
      0,
    );
  });

  it('makes titles available by region, with locked, leaving and coming-soon titles', async () => {
    const db = a.app.db;
    const now = `'${NOW.toISOString()}'::timestamptz`;
    assert.ok(
      (await one(
        db,
        'select count(*) from (select title_id from availability group by title_id having count(*) = 8) x',
      )) >= 150,
    );
    assert.ok(
      (await one(
        db,
        'select count(*) from (select title_id from availability group by title_id having count(*) <= 4) x',
      )) >= 5,
      'region-locked',
    );
    assert.ok(
      (await one(
        db,
        `select count(distinct title_id) from availability where available_until > ${now} and available_until < ${now} + interval '30 days'`,
      )) >= 5,
      'leaving soon',
    );
    assert.ok(
      (await one(db, `select count(*) from titles where status = 'upcoming' and added_at > ${now}`)) >= 8,
      'coming soon',
    );
    assert.ok(
      (await one(
        db,
        `select count(*) from titles where added_at <= ${now} and added_at > ${now} - interval '7 days'`,
      )) >= 8,
      'new this week',
    );
  });

  it('schedules premieres, episodes, seasons and departures around the seed day', async () => {
    const db = a.app.db;
    const now = `'${NOW.toISOString()}'::timestamptz`;
    for (const kind of ['premiere', 'new_episode', 'new_season', 'leaving']) {
      assert.ok((await one(db, `select count(*) from schedule_items where kind = '${kind}'`)) > 0, kind);
    }
    assert.ok(
      (await one(
        db,
        `select count(*) from schedule_items where release_at < ${now} and release_at >= ${now} - interval '8 days'`,
      )) > 5,
      'past week',
    );
    assert.ok(
      (await one(db, `select count(*) from schedule_items where release_at > ${now} + interval '14 days'`)) > 5,
      'coming weeks',
    );
    assert.equal(
      await one(
        db,
        "select count(*) from schedule_items where kind in ('new_episode', 'new_season') and episode_id is null",
      ),
      0,
    );
  });

  it('writes a daily view history for 28 days per region, and popularity from it', async () => {
    const db = a.app.db;
    assert.equal(await one(db, 'select count(distinct day) from title_views'), 28);
    assert.equal(await one(db, 'select count(distinct region) from title_views'), 8);
    const top = await rows(
      db,
      "select title_id, sum(views) v from title_views where day = (select max(day) from title_views) and region = 'JP' group by title_id order by v desc limit 10",
    );
    const topUs = await rows(
      db,
      "select title_id, sum(views) v from title_views where day = (select max(day) from title_views) and region = 'US' group by title_id order by v desc limit 10",
    );
    assert.equal(top.length, 10);
    assert.notDeepEqual(
      top.map((r) => r.title_id),
      topUs.map((r) => r.title_id),
      'top 10 differs by region',
    );
    assert.equal(
      await one(
        db,
        "select count(*) from titles where status <> 'upcoming' and publish_state = 'published' and popularity <= 0",
      ),
      0,
    );
  });

  it('stores what search and artwork need on every title', async () => {
    const db = a.app.db;
    assert.equal(await one(db, "select count(*) from titles where artwork_color !~ '^#[0-9a-f]{6}$'"), 0);
    assert.equal(
      await one(
        db,
        'select count(*) from titles where search_document is null or position(name in search_document) = 0',
      ),
      0,
    );
    assert.equal(
      await one(
        db,
        'select count(*) from titles t where not exists (select 1 from credits c join people p on p.id = c.person_id where c.title_id = t.id and position(p.name in t.search_document) > 0)',
      ),
      0,
      'people names are searchable',
    );
    const audio = (
      await rows(db, "select distinct jsonb_array_elements(audio_languages)->>'language' as l from titles")
    ).map((r) => r.l);
    for (const l of ['en', 'es', 'ja']) assert.ok(audio.includes(l), `audio ${l}`);
    assert.ok((await one(db, 'select count(*) from titles where jsonb_array_length(subtitle_languages) >= 4')) >= 200);
  });
});
