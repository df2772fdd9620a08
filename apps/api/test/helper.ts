// Builds the app in-process on a fresh in-memory PGlite and calls it with app.inject(). With
// REEL_TEST_DATABASE_URL set (scripts/with-postgres.mjs sets it), each app gets a database of its
// own on that PostgreSQL server instead — `reel_t_<random>`, dropped on close — so test files can
// run in parallel.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyEndpoint } from '@reel/contracts';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migratedTemplate, migrationsDigest, openDatabase } from '../src/db/client.js';

/** One route of Fastify's route table, and the contract endpoint it serves (set by handle()). */
export interface RouteEntry {
  method: string;
  /** Fastify's pattern: `/api/v1/titles/:id`. */
  path: string;
  endpoint: AnyEndpoint | undefined;
}

export interface TestApp {
  app: FastifyInstance;
  /** Which database the app runs on. */
  kind: 'pglite' | 'postgres';
  /** Every route Fastify would serve (HEAD routes it adds for GET ones included). */
  routeTable(): RouteEntry[];
  close(): Promise<void>;
}

/** Creates an empty database on the server of `adminUrl`; returns its URL and how to drop it. */
async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `reel_t_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The migrated empty database every PGlite test app starts from, made once per set of migrations
 * and kept in the temp directory for the other test processes (opening from it takes about a
 * third of the time of migrating).
 */
let template: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = join(tmpdir(), `reel-pglite-template-${migrationsDigest()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const blob = await migratedTemplate();
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, file);
    return blob;
  })();
  return template;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', REEL_SEED_DEMO: '0', ...env });
  const serverUrl = process.env.REEL_TEST_DATABASE_URL;
  const scratch = serverUrl ? await createTestDatabase(serverUrl) : null;
  const database = await openDatabase({
    databaseUrl: scratch?.url,
    dataDir: null,
    template: scratch ? undefined : await pgliteTemplate(),
  });
  // Fastify lists its routes only through printRoutes(); its meta hook sees each route's context.
  let collecting: RouteEntry[] | null = null;
  // (find-my-way's `buildPrettyMeta` option, missing from Fastify's type of routerOptions.)
  const routerOptions = {
    buildPrettyMeta: (route: { method: string; path: string; store?: { config?: { endpoint?: AnyEndpoint } } }) => {
      collecting?.push({ method: route.method, path: route.path, endpoint: route.store?.config?.endpoint });
      return {};
    },
  } as FastifyServerOptions['routerOptions'];
  const app = await buildApp(config, database, { routerOptions });
  await app.ready();
  return {
    app,
    kind: database.kind,
    routeTable: () => {
      collecting = [];
      app.printRoutes({ commonPrefix: false, includeMeta: true });
      const out = collecting;
      collecting = null;
      return out;
    },
    close: async () => {
      await app.close();
      await database.close();
      await scratch?.drop();
    },
  };
}
