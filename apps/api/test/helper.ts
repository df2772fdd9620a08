// Builds the app in-process on a fresh in-memory PGlite (or the PostgreSQL server named by
// REEL_TEST_DATABASE_URL, one schema per app) and calls it with app.inject().
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';

export interface TestApp {
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', REEL_SEED_DEMO: '0', ...env });
  const database = await openDatabase({ databaseUrl: process.env.REEL_TEST_DATABASE_URL, dataDir: null });
  const app = await buildApp(config, database);
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
