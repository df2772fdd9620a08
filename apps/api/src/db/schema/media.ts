import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { episodes, titles } from './catalog.js';

const at = () => timestamp({ withTimezone: true, mode: 'date' });
const createdAt = () => at().notNull().defaultNow();

/**
 * A video source and what the pipeline made of it. An upload belongs to a title (and episode);
 * a demo source (`origin: demo`) belongs to no title and is shared through `media_bindings`.
 * `probe`, `validation` and `output` are the pipeline's reports (services/media/types.ts).
 */
export const mediaAssets = pgTable(
  'media_assets',
  {
    id: text().primaryKey(),
    titleId: text().references(() => titles.id, { onDelete: 'cascade' }),
    episodeId: text().references(() => episodes.id, { onDelete: 'cascade' }),
    origin: text({ enum: ['upload', 'demo'] })
      .notNull()
      .default('upload'),
    /** For demo sources: which one of the demo set (`demo-1` …); unique. */
    demoKey: text(),
    filename: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull().default(0),
    uploadedBytes: bigint({ mode: 'number' }).notNull().default(0),
    checksumSha256: text(),
    status: text({ enum: ['awaiting_upload', 'uploading', 'processing', 'ready', 'failed'] })
      .notNull()
      .default('awaiting_upload'),
    /** The source file, relative to the media root. */
    sourcePath: text(),
    probe: jsonb(),
    validation: jsonb(),
    validationStatus: text({ enum: ['pending', 'passed', 'warning', 'failed'] }),
    validatedAt: at(),
    /** The packaged renditions (ladder, audio, subtitles, sprites, chapters, poster). */
    output: jsonb(),
    duration: real(),
    /** Replace the title's current source once this one is ready. */
    replace: boolean().notNull().default(false),
    uploadExpiresAt: at(),
    createdBy: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index('media_assets_title_idx').on(t.titleId, t.episodeId),
    uniqueIndex('media_assets_demo_key').on(t.demoKey),
    index('media_assets_status_idx').on(t.status),
  ],
);

/**
 * The media job queue: claimed with `FOR UPDATE SKIP LOCKED`, leased (a worker that dies loses its
 * lease and the job is retried), retried `max_attempts` times, then failed with ffmpeg's error.
 */
export const mediaJobs = pgTable(
  'media_jobs',
  {
    id: text().primaryKey(),
    assetId: text()
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['transcode', 'validate'] }).notNull(),
    state: text({ enum: ['queued', 'running', 'succeeded', 'failed', 'canceled'] })
      .notNull()
      .default('queued'),
    stage: text(),
    progress: real().notNull().default(0),
    /** Higher runs first (a viewer waiting for the media raises it). */
    priority: integer().notNull().default(0),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(3),
    error: jsonb().$type<{ code: string; message: string }>(),
    label: text().notNull(),
    payload: jsonb().notNull().default(sql`'{}'::jsonb`),
    runAfter: at().notNull().defaultNow(),
    leaseExpiresAt: at(),
    workerId: text(),
    etaSeconds: real(),
    createdAt: createdAt(),
    startedAt: at(),
    finishedAt: at(),
    updatedAt: createdAt(),
  },
  (t) => [
    index('media_jobs_queue_idx').on(t.state, t.priority, t.runAfter),
    index('media_jobs_asset_idx').on(t.assetId, t.createdAt),
  ],
);

/** Which media plays for a film (`episode_id` '') or an episode. */
export const mediaBindings = pgTable(
  'media_bindings',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    episodeId: text().notNull().default(''),
    assetId: text()
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.episodeId] }), index('media_bindings_asset_idx').on(t.assetId)],
);

/** URL-signing secrets for media delivery; retired ones verify until their grace period ends. */
export const deliveryKeys = pgTable('delivery_keys', {
  id: text().primaryKey(),
  secret: text().notNull(),
  createdAt: createdAt(),
  retiredAt: at(),
});

/** A playback session: one concurrent-stream slot while `active`. */
export const playerSessions = pgTable(
  'player_sessions',
  {
    id: text().primaryKey(),
    userId: text().notNull(),
    profileId: text().notNull(),
    /** The sign-in session (device) that started it. */
    authSessionId: text(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    episodeId: text(),
    assetId: text().notNull(),
    status: text({ enum: ['active', 'ended', 'expired', 'terminated'] })
      .notNull()
      .default('active'),
    endReason: text(),
    plan: text().notNull(),
    maxQuality: text().notNull(),
    region: text(),
    device: jsonb().notNull().default(sql`'{}'::jsonb`),
    position: real(),
    quality: text(),
    duration: real().notNull().default(0),
    tokenExpiresAt: at().notNull(),
    tokenRenewals: integer().notNull().default(0),
    eventsReceived: integer().notNull().default(0),
    lastEventType: text(),
    lastEventAt: at(),
    /** Analytics accumulators (watch time, rebuffers, switches, bitrates …). */
    stats: jsonb().notNull().default(sql`'{}'::jsonb`),
    recentErrors: jsonb().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    lastHeartbeatAt: at(),
    endedAt: at(),
  },
  (t) => [index('player_sessions_user_idx').on(t.userId, t.status)],
);

/** Playback events as received (de-duplicated by session and the client's event id). */
export const playerEvents = pgTable(
  'player_events',
  {
    sessionId: text()
      .notNull()
      .references(() => playerSessions.id, { onDelete: 'cascade' }),
    eventId: text().notNull(),
    type: text().notNull(),
    position: real().notNull(),
    details: jsonb(),
    occurredAt: at().notNull(),
    receivedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.eventId] })],
);

/** Playback problems reported by viewers, with the player's debug snapshot. */
export const playbackIssues = pgTable('playback_issues', {
  id: text().primaryKey(),
  reference: text().notNull(),
  sessionId: text()
    .notNull()
    .references(() => playerSessions.id, { onDelete: 'cascade' }),
  profileId: text().notNull(),
  category: text().notNull(),
  text: text().notNull(),
  position: real().notNull(),
  debug: jsonb().notNull(),
  createdAt: createdAt(),
});
