import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * Subtitle tracks of a title's media (`episode_id` '' for a film). `origin: pipeline` rows are the
 * tracks the pipeline extracted from the source (adopted when first listed); `upload` rows were
 * added by staff. `content` is the WebVTT text; the file lives at `<asset output>/<path>/subtitles.vtt`.
 */
export const adminSubtitles = pgTable(
  'admin_subtitles',
  {
    id: text().primaryKey(),
    titleId: text().notNull(),
    episodeId: text().notNull().default(''),
    assetId: text(),
    path: text().notNull(),
    origin: text({ enum: ['pipeline', 'upload'] }).notNull(),
    language: text().notNull(),
    label: text().notNull(),
    kind: text({ enum: ['subtitles', 'sdh', 'forced'] }).notNull(),
    isDefault: boolean().notNull().default(false),
    sourceFormat: text({ enum: ['vtt', 'srt'] }).notNull(),
    content: text().notNull(),
    cueCount: integer().notNull().default(0),
    firstCueStart: real(),
    lastCueEnd: real(),
    warnings: jsonb().notNull().default(sql`'[]'::jsonb`),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [index('admin_subtitles_media_idx').on(t.titleId, t.episodeId)],
);

/** Audio renditions of a title's media: adopted from the pipeline's output or uploaded by staff. */
export const adminAudioTracks = pgTable(
  'admin_audio_tracks',
  {
    id: text().primaryKey(),
    titleId: text().notNull(),
    episodeId: text().notNull().default(''),
    assetId: text(),
    /** The rendition's directory under the asset's output (`a/en`); null until processed. */
    path: text(),
    origin: text({ enum: ['pipeline', 'upload'] }).notNull(),
    language: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: ['main', 'dub', 'commentary', 'description'] }).notNull(),
    isDefault: boolean().notNull().default(false),
    status: text({ enum: ['awaiting_upload', 'uploading', 'processing', 'ready', 'failed'] }).notNull(),
    channels: integer(),
    codec: text(),
    bitrate: integer(),
    bandwidth: integer(),
    duration: real(),
    filename: text(),
    error: text(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [index('admin_audio_tracks_media_idx').on(t.titleId, t.episodeId)],
);

/** A title's trailers: each a video source (`media_assets`, bound to no title) put through the pipeline. */
export const adminTrailers = pgTable(
  'admin_trailers',
  {
    id: text().primaryKey(),
    titleId: text().notNull(),
    assetId: text().notNull(),
    name: text().notNull(),
    language: text(),
    isPrimary: boolean().notNull().default(false),
    order: integer().notNull().default(0),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [index('admin_trailers_title_idx').on(t.titleId)],
);

/** Uploaded artwork: checked image, its resized variants; the primary one of a type wins over generated art. */
export const adminArtwork = pgTable(
  'admin_artwork',
  {
    id: text().primaryKey(),
    titleId: text().notNull(),
    episodeId: text(),
    type: text({ enum: ['poster', 'backdrop', 'logo', 'still', 'banner', 'thumbnail'] }).notNull(),
    language: text(),
    isPrimary: boolean().notNull().default(false),
    status: text({ enum: ['awaiting_upload', 'uploading', 'processing', 'ready', 'failed'] }).notNull(),
    contentType: text(),
    width: integer(),
    height: integer(),
    sizeBytes: bigint({ mode: 'number' }),
    color: text(),
    /** The original, relative to the media root. */
    file: text(),
    variants: jsonb().notNull().default(sql`'[]'::jsonb`),
    problems: jsonb().notNull().default(sql`'[]'::jsonb`),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [index('admin_artwork_title_idx').on(t.titleId, t.type)],
);

/** A resumable (tus) upload of an audio file or an image, for the row it belongs to. */
export const adminUploads = pgTable('admin_uploads', {
  id: text().primaryKey(),
  kind: text({ enum: ['audio', 'artwork'] }).notNull(),
  targetId: text().notNull(),
  filename: text().notNull(),
  contentType: text().notNull(),
  sizeBytes: bigint({ mode: 'number' }).notNull(),
  uploadedBytes: bigint({ mode: 'number' }).notNull().default(0),
  checksumSha256: text(),
  state: text({ enum: ['open', 'complete', 'failed'] })
    .notNull()
    .default('open'),
  createdBy: text(),
  expiresAt: at(),
  createdAt: at(),
});
