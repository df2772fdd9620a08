// The media job queue: jobs live in the database and survive a restart; a job whose worker died
// is retried a bounded number of times and then failed; an ffmpeg failure is retried and then
// failed with ffmpeg's own error (the injected fault: an x264 preset that does not exist); the
// pool runs at most `REEL_MEDIA_WORKERS` jobs at once; /ops/health reports the queue.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { mediaAssets, mediaJobs } from '../../src/db/schema/index.js';
import { newId } from '../../src/ids.js';
import type { AssetRow } from '../../src/services/media/index.js';
import { insertTitle, mediaApp, scratch, tinySource } from './support.js';

/** An uploaded source waiting for the pipeline (its job queued, nothing run). */
async function queuedAsset(app: FastifyInstance): Promise<{ asset: AssetRow; jobId: string }> {
  const title = await insertTitle(app);
  const id = newId('ast');
  const relative = join('sources', `${id}.mkv`);
  mkdirSync(join(app.media.root, 'sources'), { recursive: true });
  copyFileSync(await tinySource(), join(app.media.root, relative));
  const [asset] = await app.db
    .insert(mediaAssets)
    .values({
      id,
      titleId: title.id,
      filename: `${id}.mkv`,
      contentType: 'video/x-matroska',
      status: 'processing',
      sourcePath: relative,
    })
    .returning();
  const job = await app.media.queue.enqueue({ assetId: id, kind: 'transcode', label: `${id}.mkv` });
  return { asset: asset as AssetRow, jobId: job.id };
}

const health = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: '/api/v1/ops/health' })).json().checks.media_queue;

describe('media job queue', () => {
  it('claims in order, renews the lease with progress, and reports in /ops/health', async () => {
    const t = await mediaApp();
    try {
      const { app } = t;
      const empty = await health(app);
      assert.ok(typeof empty.latency_ms === 'number');
      assert.deepEqual(
        { ...empty, latency_ms: 0 },
        {
          status: 'ok',
          latency_ms: 0,
          message: null,
          queued: 0,
          running: 0,
          failed_last_hour: 0,
          oldest_queued_age: null,
        },
      );
      const a = await queuedAsset(app);
      const b = await queuedAsset(app);
      await app.media.queue.bump(b.asset.id, 100);
      const q = await health(app);
      assert.equal(q.queued, 2);
      assert.ok(q.oldest_queued_age >= 0);
      const claimed = await app.media.queue.claim('w1');
      assert.equal(claimed?.id, b.jobId, 'the higher priority first');
      assert.equal(claimed?.attempts, 1);
      assert.ok(await app.media.queue.progress(b.jobId, 'w1', 'transcode', 0.5, 3));
      assert.equal(await app.media.queue.progress(b.jobId, 'someone-else', 'transcode', 0.6, 3), false);
      assert.deepEqual([(await health(app)).queued, (await health(app)).running], [1, 1]);
      const next = await app.media.queue.claim('w2');
      assert.equal(next?.id, a.jobId);
      assert.equal(await app.media.queue.claim('w3'), null);
    } finally {
      await t.close();
    }
  });

  it('retries an ffmpeg failure a bounded number of times, then fails the job with ffmpeg’s error', async () => {
    // Injected fault: an encoder preset x264 does not have.
    const t = await mediaApp({ REEL_MEDIA_PRESET: 'nosuchpreset' });
    try {
      const { app } = t;
      const { asset, jobId } = await queuedAsset(app);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await app.media.drain();
        const [job] = await app.db.select().from(mediaJobs).where(eq(mediaJobs.id, jobId));
        assert.equal(job?.attempts, attempt);
        assert.equal(job?.error?.code, 'ffmpeg_failed');
        assert.match(job?.error?.message ?? '', /ffmpeg failed/);
        assert.match(job?.error?.message ?? '', /preset|nosuchpreset|Error/i);
        if (attempt < 3) {
          assert.equal(job?.state, 'queued', 'retried');
          assert.ok((job?.runAfter.getTime() ?? 0) > Date.now(), 'after a backoff');
          await app.db
            .update(mediaJobs)
            .set({ runAfter: new Date(0) })
            .where(eq(mediaJobs.id, jobId));
        } else {
          assert.equal(job?.state, 'failed');
          assert.ok(job?.finishedAt);
        }
      }
      const [row] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, asset.id));
      assert.equal(row?.status, 'failed');
      const q = await health(app);
      assert.equal(q.failed_last_hour, 1);
      assert.equal(q.status, 'degraded');
      // The admin status shows the job and its error.
      const { createStaff } = await import('../fixtures.js');
      const admin = await createStaff(app, 'admin');
      const status = await app.inject({
        method: 'GET',
        url: `/api/v1/admin/assets/video/${asset.id}/status`,
        headers: admin.headers,
      });
      assert.equal(status.statusCode, 200, status.body);
      assert.equal(status.json().job.state, 'failed');
      assert.equal(status.json().job.attempts, 3);
      assert.match(status.json().job.error.message, /ffmpeg failed/);
    } finally {
      await t.close();
    }
  });

  it('gives a crashed job back to the queue until its attempts run out', async () => {
    const t = await mediaApp();
    try {
      const { app } = t;
      const { asset, jobId } = await queuedAsset(app);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const claimed = await app.media.queue.claim('doomed');
        assert.equal(claimed?.id, jobId);
        // The worker dies: its lease lapses.
        await app.db
          .update(mediaJobs)
          .set({ leaseExpiresAt: new Date(Date.now() - 1000) })
          .where(eq(mediaJobs.id, jobId));
        const recovered = await app.media.queue.recover();
        const [job] = await app.db.select().from(mediaJobs).where(eq(mediaJobs.id, jobId));
        assert.equal(job?.error?.code, 'worker_lost');
        if (attempt < 3) {
          assert.deepEqual(recovered, { requeued: 1, failed: [] });
          assert.equal(job?.state, 'queued');
          await app.db
            .update(mediaJobs)
            .set({ runAfter: new Date(0) })
            .where(eq(mediaJobs.id, jobId));
        } else {
          assert.deepEqual(recovered, { requeued: 0, failed: [asset.id] });
          assert.equal(job?.state, 'failed');
        }
      }
    } finally {
      await t.close();
    }
  });

  it('survives a restart: a job running when the server stopped is worked by the next one', async () => {
    const dataDir = scratch();
    const open = async () => {
      const config = loadConfig({
        NODE_ENV: 'test',
        REEL_SEED_DEMO: '0',
        REEL_DEMO_MEDIA: 'off',
        REEL_DATA_DIR: dataDir,
        REEL_MEDIA_SEGMENT_SECONDS: '2',
      });
      const database = await openDatabase({ dataDir });
      const app = await buildApp(config, database);
      await app.ready();
      return { app, database };
    };
    const first = await open();
    const { asset, jobId } = await queuedAsset(first.app);
    // Claimed, then the process goes away mid-job.
    await first.app.media.queue.claim('old-process');
    await first.app.close();
    await first.database.close();

    const second = await open();
    try {
      await second.app.media.startWorker();
      const ready = await second.app.media.waitForAsset(asset.id, 60_000);
      assert.equal(ready?.status, 'ready', JSON.stringify(ready?.validation));
      const [job] = await second.app.db.select().from(mediaJobs).where(eq(mediaJobs.id, jobId));
      assert.equal(job?.state, 'succeeded');
      assert.equal(job?.attempts, 2, 'the interrupted attempt counts');
      assert.equal(job?.progress, 1);
    } finally {
      await second.app.close();
      await second.database.close();
    }
  });

  it('runs at most REEL_MEDIA_WORKERS jobs at once', async () => {
    const t = await mediaApp({ REEL_MEDIA_WORKERS: '2' });
    try {
      const { app } = t;
      const assets = [await queuedAsset(app), await queuedAsset(app), await queuedAsset(app)];
      await app.media.startWorker();
      let most = 0;
      for (;;) {
        const q = await app.media.queue.stats();
        most = Math.max(most, q.running);
        if (q.queued === 0 && q.running === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(most >= 1 && most <= 2, `at most two at once (saw ${most})`);
      for (const { asset } of assets) {
        const [row] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, asset.id));
        assert.equal(row?.status, 'ready');
      }
      // A finished upload is what its title plays.
      const bound = await app.media.boundAsset(assets[0]?.asset.titleId as string, null);
      assert.equal(bound?.id, assets[0]?.asset.id);
    } finally {
      await t.close();
    }
  });
});
