// The demo media: every film and episode is bound to one of the generated sources, with markers
// that fit the demo's length; the sources are made by the job queue (the tiny set here: two
// 6-second sources), each visibly different, with two audio and two subtitle languages; a second
// seed changes nothing; output kept in the data folder is used again after a database reset.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { markers, mediaAssets, mediaBindings, mediaJobs } from '../../src/db/schema/index.js';
import { ensureDemoMedia } from '../../src/seed/media.js';
import { demoMarkers, demoSet } from '../../src/services/media/demo.js';
import type { PackagedMedia } from '../../src/services/media/types.js';
import type { TestApp } from '../helper.js';
import { insertTitle, jpegSize, mediaApp } from './support.js';

describe('demo media', () => {
  let t: TestApp & { dataDir: string };
  let app: FastifyInstance;
  let film: string;
  let series: { id: string; episodeIds: string[] };

  before(async () => {
    t = await mediaApp();
    app = t.app;
    film = (await insertTitle(app)).id;
    series = await insertTitle(app, { type: 'series', episodes: 3 });
    assert.equal(await ensureDemoMedia(app.db, { size: 'tiny' }), true);
  });
  after(() => t.close());

  it('binds every film and episode to a demo source, with markers that fit its length', async () => {
    const bindings = await app.db.select().from(mediaBindings).orderBy(asc(mediaBindings.titleId));
    assert.equal(bindings.length, 1 + 3);
    assert.ok(bindings.every((b) => /^ast_demo_tiny_[12]$/.test(b.assetId)));
    assert.equal(
      new Set(bindings.filter((b) => b.titleId === series.id).map((b) => b.assetId)).size,
      2,
      'episodes vary',
    );
    const set = demoSet('tiny');
    const filmMarkers = await app.db
      .select({ kind: markers.kind, start: markers.start, end: markers.end })
      .from(markers)
      .where(and(isNull(markers.episodeId), eq(markers.titleId, film)));
    assert.deepEqual(filmMarkers.map((m) => m.kind).sort(), ['credits', 'intro']);
    const second = await app.db
      .select({ kind: markers.kind })
      .from(markers)
      .where(eq(markers.episodeId, series.episodeIds[1] as string));
    assert.deepEqual(second.map((m) => m.kind).sort(), ['credits', 'intro', 'preview', 'recap']);
    for (const m of demoMarkers(set.duration)) assert.ok(m.end <= set.duration && m.start < m.end);
    // Seeding again changes nothing.
    assert.equal(await ensureDemoMedia(app.db, { size: 'tiny' }), false);
    assert.equal((await app.db.select().from(mediaJobs)).length, 2);
  });

  it('makes the sources through the job queue: distinct pictures, two audio and two subtitle languages', async () => {
    await app.media.drain();
    const assets = await app.db.select().from(mediaAssets).orderBy(asc(mediaAssets.id));
    assert.deepEqual(
      assets.map((a) => [a.id, a.status, a.origin]),
      [
        ['ast_demo_tiny_1', 'ready', 'demo'],
        ['ast_demo_tiny_2', 'ready', 'demo'],
      ],
    );
    const posters = assets.map((a) => {
      const output = a.output as PackagedMedia;
      assert.deepEqual(
        output.audio.map((x) => x.language),
        ['en', 'es'],
      );
      assert.deepEqual(
        output.subtitles.map((x) => x.language),
        ['en', 'es'],
      );
      assert.ok(output.chapters);
      assert.equal(output.duration, 6);
      const file = join(app.media.outDir(a.id), output.poster as string);
      assert.deepEqual(jpegSize(readFileSync(file)), { width: 640, height: 360 });
      return readFileSync(file);
    });
    assert.notDeepEqual(posters[0], posters[1], 'the sources look different');
    const s = await app.inject({ method: 'GET', url: `/api/v1/episodes/${series.episodeIds[0]}/markers` });
    assert.equal(s.json().duration, 6);
    assert.ok(existsSync(join(app.media.root, 'sources')));
  });

  it('uses packaged demo output again when the database is reset but the data folder kept', async () => {
    await app.db.update(mediaAssets).set({ status: 'processing', output: null });
    await app.media.enqueue({ id: 'ast_demo_tiny_1', filename: 'again' }, { demo: { size: 'tiny', index: 0 } });
    const master = join(app.media.outDir('ast_demo_tiny_1'), 'master.m3u8');
    const before = statSync(master).mtimeMs;
    await app.media.drain();
    const [row] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, 'ast_demo_tiny_1'));
    assert.equal(row?.status, 'ready');
    assert.equal(statSync(master).mtimeMs, before, 'not packaged again');
  });
});
