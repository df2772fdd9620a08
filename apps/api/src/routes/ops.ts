import { readFileSync } from 'node:fs';
import { opsHealth, opsJwks, opsVersion } from '@reel/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';

const started = Date.now();
const root = new URL('../../../../', import.meta.url);
const readVersion = (path: string) =>
  JSON.parse(readFileSync(new URL(path, root), 'utf8')) as { name: string; version: string };
const api = readVersion('apps/api/package.json');
const contracts = readVersion('packages/contracts/package.json');
const buildTime = new Date().toISOString();

/**
 * The media job queue, from its table: degraded when jobs failed in the last hour or the oldest
 * queued job has waited over 10 minutes; down when the queue cannot be read.
 */
async function mediaQueueCheck(app: FastifyInstance) {
  const t0 = performance.now();
  try {
    const q = await app.media.queue.stats();
    const stuck = q.oldestQueuedAge !== null && q.oldestQueuedAge > 600;
    const problems = [
      q.failedLastHour ? `${q.failedLastHour} job${q.failedLastHour === 1 ? '' : 's'} failed in the last hour` : '',
      stuck ? `the oldest queued job has waited ${Math.round(q.oldestQueuedAge ?? 0)} s` : '',
    ].filter(Boolean);
    return {
      status: problems.length ? ('degraded' as const) : ('ok' as const),
      latency_ms: Math.round((performance.now() - t0) * 100) / 100,
      message: problems.length ? problems.join('; ') : null,
      queued: q.queued,
      running: q.running,
      failed_last_hour: q.failedLastHour,
      oldest_queued_age: q.oldestQueuedAge,
    };
  } catch (error) {
    return {
      status: 'down' as const,
      latency_ms: null,
      message: (error as Error).message,
      queued: 0,
      running: 0,
      failed_last_hour: 0,
      oldest_queued_age: null,
    };
  }
}

/** Health, version and the public signing keys (§30). */
export function registerOpsRoutes(app: FastifyInstance): void {
  handle(app, opsHealth, async ({ reply }) => {
    const t0 = performance.now();
    let db: { status: 'ok' | 'down'; latency_ms: number | null; message: string | null };
    try {
      await app.db.execute(sql`select 1`);
      db = { status: 'ok', latency_ms: Math.round((performance.now() - t0) * 100) / 100, message: null };
    } catch (error) {
      db = { status: 'down', latency_ms: null, message: (error as Error).message };
    }
    if (db.status !== 'ok') reply.code(503);
    return {
      status: db.status,
      checks: {
        db,
        media_queue: await mediaQueueCheck(app),
      },
      version: api.version,
      uptime_seconds: Math.round((Date.now() - started) / 1000),
      time: new Date().toISOString(),
    };
  });

  handle(app, opsVersion, async () => ({
    version: api.version,
    commit: process.env.REEL_COMMIT ?? 'dev',
    build_time: buildTime,
    node: process.version,
    contract_version: contracts.version,
    packages: [api, contracts].map((p) => ({ name: p.name, version: p.version })),
  }));

  handle(app, opsJwks, async ({ reply }) => {
    reply.header('cache-control', 'public, max-age=300');
    return app.keys.jwks() as never;
  });
}
