import { resolve } from 'node:path';

/** Everything the server reads from its environment, parsed once. */
export interface Config {
  host: string;
  port: number;
  /** Where PGlite keeps its data, and media is cached (`REEL_DATA_DIR`, default `./.data`). */
  dataDir: string;
  /** `postgres://…` to use a PostgreSQL server instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  env: 'development' | 'test' | 'production';
  /** The site's own origin, used in emailed links and token audiences. */
  publicOrigin: string;
  /** Partner origins allowed by CORS besides API-key origins (`REEL_ALLOWED_ORIGINS`, comma-separated). */
  allowedOrigins: string[];
  /** Seed the demo catalog and accounts into an empty database. */
  seedDemo: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  return {
    host,
    port,
    dataDir: resolve(env.REEL_DATA_DIR ?? './.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    env: mode,
    publicOrigin: env.REEL_PUBLIC_ORIGIN ?? `http://${host}:${port}`,
    allowedOrigins: (env.REEL_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    seedDemo: env.REEL_SEED_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
  };
}
