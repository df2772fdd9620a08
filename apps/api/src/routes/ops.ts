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
        media_queue: {
          status: 'ok',
          latency_ms: null,
          message: null,
          queued: 0,
          running: 0,
          failed_last_hour: 0,
          oldest_queued_age: null,
        },
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
