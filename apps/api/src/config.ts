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
  /** The media pipeline and delivery (`REEL_DEMO_MEDIA`, `REEL_MEDIA_*`). */
  media: MediaConfig;
  /** `smtp://user:pass@host:587` (`REEL_SMTP_URL`): emails go out by SMTP; without it they stay in the outbox. */
  smtpUrl: string | undefined;
  /** The From of every email (`REEL_MAIL_FROM`). */
  mailFrom: string;
  /** Seconds between two verification emails to one account (`REEL_EMAIL_RESEND_SECONDS`, default 60). */
  emailResendSeconds: number;
  /** The site: the built shell and its import-map overrides. */
  site: SiteConfig;
}

/** How the server serves the shell. */
export interface SiteConfig {
  /** The built shell (`REEL_SHELL_DIR`, default the repository's `shell/dist`). */
  shellDir: string | undefined;
  /**
   * Import-map overrides — a developer's local build of one package on this site
   * (`REEL_IMPORT_MAP_OVERRIDES=1|0`; on by default in development only).
   */
  importMapOverrides: boolean;
  /** Origins an override may load from besides the site's own (`REEL_IMPORT_MAP_OVERRIDE_ORIGINS`, space-separated; local dev servers by default). */
  importMapOverrideOrigins: string[];
}

/** The media pipeline and delivery settings. */
export interface MediaConfig {
  /**
   * Demo media made in the background at start (`REEL_DEMO_MEDIA`): `full` — four one-minute 720p
   * sources; `tiny` — two 6-second 640x360 ones (the default under NODE_ENV=test); `off`.
   */
  demo: 'full' | 'tiny' | 'off';
  /** Pipeline jobs run at once (`REEL_MEDIA_WORKERS`, default 2). */
  workers: number;
  /** x264 preset for uploaded sources (`REEL_MEDIA_PRESET`, default `veryfast`). */
  preset: string;
  /** HLS segment length in seconds, 2–4 (`REEL_MEDIA_SEGMENT_SECONDS`, default 4). */
  segmentSeconds: number;
  /** Lifetime of a media token, seconds (`REEL_MEDIA_TOKEN_TTL`, default 3600). */
  tokenTtl: number;
  /** How long a playback start waits for media still being made, seconds (`REEL_MEDIA_PREPARE_WAIT`, default 15). */
  prepareWait: number;
}

/** A non-negative number of seconds from the environment, or the default. */
const seconds = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

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
    media: {
      demo:
        env.REEL_DEMO_MEDIA === 'full' || env.REEL_DEMO_MEDIA === 'tiny' || env.REEL_DEMO_MEDIA === 'off'
          ? env.REEL_DEMO_MEDIA
          : mode === 'test'
            ? 'tiny'
            : 'full',
      workers: Math.max(1, Math.min(8, Math.floor(seconds(env.REEL_MEDIA_WORKERS, 2)) || 1)),
      preset: /^[a-z]+$/.test(env.REEL_MEDIA_PRESET ?? '') ? (env.REEL_MEDIA_PRESET as string) : 'veryfast',
      segmentSeconds: Math.max(2, Math.min(4, Math.round(seconds(env.REEL_MEDIA_SEGMENT_SECONDS, 4)))),
      tokenTtl: Math.max(60, Math.min(21600, Math.round(seconds(env.REEL_MEDIA_TOKEN_TTL, 3600)))),
      prepareWait: Math.min(60, seconds(env.REEL_MEDIA_PREPARE_WAIT, 15)),
    },
    smtpUrl: env.REEL_SMTP_URL || undefined,
    mailFrom: env.REEL_MAIL_FROM ?? 'Reel <no-reply@reel.test>',
    emailResendSeconds: seconds(env.REEL_EMAIL_RESEND_SECONDS, 60),
    site: {
      shellDir: env.REEL_SHELL_DIR ? resolve(env.REEL_SHELL_DIR) : undefined,
      importMapOverrides:
        env.REEL_IMPORT_MAP_OVERRIDES === '1' || (env.REEL_IMPORT_MAP_OVERRIDES !== '0' && mode === 'development'),
      importMapOverrideOrigins: (env.REEL_IMPORT_MAP_OVERRIDE_ORIGINS ?? 'http://localhost:* http://127.0.0.1:*')
        .split(/[\s,]+/)
        .filter((origin) => /^https?:\/\/[a-z0-9.*-]+(:(\d+|\*))?$/i.test(origin)),
    },
  };
}
