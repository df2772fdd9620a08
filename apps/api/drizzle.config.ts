import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @reel/api db:generate` writes a migration for schema changes. PGlite and
// PostgreSQL run the same SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
