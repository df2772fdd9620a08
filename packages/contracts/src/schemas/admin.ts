import * as z from 'zod/mini';
import { DateOnly, Email, Id, Language, Money, Region, Seconds, Slug, Timestamp, Url } from '../common.js';
import { allPermissions, type Permission } from '../permissions.js';
import { BillingEntitlements, BillingInterval, BillingMaxQuality, BillingPlan } from './billing.js';
import {
  Availability,
  Certification,
  Episode,
  FillerKind,
  Marker,
  Season,
  Title,
  TitleSummary,
  TitleType,
} from './catalog.js';
import { ReviewReportReason } from './reviews.js';

// Staff administration (§21). Models are what the admin panels render; `…Input` / `…Update`
// schemas are the bodies the server validates and the admin forms validate with, field by field.

// ---------------------------------------------------------------------------------------------
// Shared

/** Who did something. */
export const AdminActorRef = z.object({ id: Id, email: Email, display_name: z.string() });
export type AdminActorRef = z.infer<typeof AdminActorRef>;

/** A title named in a row of another table. */
export const AdminTitleRef = z.object({ id: Id, name: z.string(), type: TitleType });
export type AdminTitleRef = z.infer<typeof AdminTitleRef>;

/** Where a title, season, episode or bundle is in its life: shown to viewers only when published. */
export const AdminPublishState = z.enum(['draft', 'scheduled', 'published']);
export type AdminPublishState = z.infer<typeof AdminPublishState>;

export const AdminSortOrder = z.enum(['asc', 'desc']);

/** A named staff permission. */
export const AdminPermissionName = z.enum(allPermissions as unknown as [Permission, ...Permission[]]);

/** A web origin a partner page or player runs on: `https://news.example.com`, `https://*.example.com:8443`. */
export const AdminOrigin = z
  .string()
  .check(z.regex(/^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/), z.maxLength(253));

/** Devices as the sessions monitor and analytics group them. */
export const AdminDeviceType = z.enum(['web', 'mobile', 'tablet', 'tv', 'desktop', 'other']);
export type AdminDeviceType = z.infer<typeof AdminDeviceType>;

/** A short name: labels, names of things staff create. */
const Name = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const Text = (max: number) => z.string().check(z.maxLength(max));
const Count = z.int().check(z.minimum(0));

// ---------------------------------------------------------------------------------------------
// Dashboard and audit log

/** One audited action: who did what to which thing, with the fields before and after. */
export const AdminAuditEntry = z.object({
  id: Id,
  at: Timestamp,
  /** Null for the system (scheduled publishing, dunning, pipeline). */
  actor: z.nullable(AdminActorRef),
  /** `title.update`, `api_key.create`, `review.resolve` … */
  action: z.string(),
  target: z.object({ type: z.string(), id: z.nullable(Id), label: z.nullable(z.string()) }),
  /** Changed fields before and after (secrets never appear). Null for creations / deletions respectively. */
  before: z.nullable(z.record(z.string(), z.unknown())),
  after: z.nullable(z.record(z.string(), z.unknown())),
  ip: z.nullable(z.string()),
  request_id: z.nullable(z.string()),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

/** A media pipeline job (transcode, package, thumbnails, validation …) with live progress. */
export const AdminPipelineJob = z.object({
  id: Id,
  kind: z.enum([
    'transcode',
    'package',
    'thumbnails',
    'validate',
    'rung',
    'subtitle',
    'artwork_variants',
    'audio',
    'bulk_upload',
  ]),
  state: z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']),
  /** The step running now: `probe`, `transcode 720p`, `package`, `sprites` … */
  stage: z.nullable(z.string()),
  /** 0–1. */
  progress: z.number().check(z.minimum(0), z.maximum(1)),
  eta_seconds: z.nullable(Seconds),
  attempts: Count,
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
  /** What it works on, for a dashboard list. */
  label: z.string(),
  created_at: Timestamp,
  started_at: z.nullable(Timestamp),
  finished_at: z.nullable(Timestamp),
});
export type AdminPipelineJob = z.infer<typeof AdminPipelineJob>;

/** The landing page. Sections the caller's permissions do not cover are null. */
export const AdminDashboard = z.object({
  counts: z.object({
    titles: z.nullable(z.object({ total: Count, draft: Count, scheduled: Count, published: Count })),
    episodes: z.nullable(Count),
    assets: z.nullable(z.object({ uploading: Count, processing: Count, failed: Count, ready: Count })),
    open_reports: z.nullable(Count),
    live_streams: z.nullable(Count),
    staff: z.nullable(z.object({ active: Count, invited: Count })),
    subscriptions: z.nullable(z.object({ trialing: Count, active: Count, past_due: Count, grace: Count })),
    api_keys: z.nullable(z.object({ active: Count })),
  }),
  /** Running and recently failed pipeline jobs. */
  jobs: z.nullable(z.array(AdminPipelineJob)),
  /** Latest audited actions in the areas the caller may see. */
  recent_activity: z.array(AdminAuditEntry),
  generated_at: Timestamp,
});
export type AdminDashboard = z.infer<typeof AdminDashboard>;

// ---------------------------------------------------------------------------------------------
// Titles

/** Whether a title (or episode) has a playable source. */
export const AdminSourceStatus = z.enum(['none', 'uploading', 'processing', 'ready', 'failed']);

/** A row of the titles table. */
export const AdminTitleRow = z.extend(TitleSummary, {
  slug: Slug,
  publish_state: AdminPublishState,
  publish_at: z.nullable(Timestamp),
  source_status: AdminSourceStatus,
  episode_count: z.nullable(Count),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminTitleRow = z.infer<typeof AdminTitleRow>;

/** A title as the editor shows it: the public detail plus editorial state. */
export const AdminTitle = z.extend(Title, {
  slug: Slug,
  publish_state: AdminPublishState,
  /** When a scheduled title goes live. */
  publish_at: z.nullable(Timestamp),
  published_at: z.nullable(Timestamp),
  moods: z.array(z.string()),
  source_status: AdminSourceStatus,
  created_at: Timestamp,
  updated_at: Timestamp,
  updated_by: z.nullable(AdminActorRef),
  /** Increases with every save; send it back to refuse overwriting someone else's edit (409). */
  version: z.int(),
});
export type AdminTitle = z.infer<typeof AdminTitle>;

/** The title form. Genres, tags and moods are slugs of existing terms. */
export const AdminTitleInput = z.object({
  type: TitleType,
  name: Name(200),
  /** Made from the name when absent; unique. */
  slug: z.optional(Slug),
  tagline: z.optional(z.nullable(Text(200))),
  synopsis: Text(5000),
  year: z.optional(z.nullable(z.int().check(z.minimum(1870), z.maximum(2100)))),
  release_date: z.optional(z.nullable(DateOnly)),
  runtime_minutes: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(1200)))),
  original_language: Language,
  status: z.enum(['released', 'upcoming', 'ended', 'ongoing']),
  genres: z.array(Slug).check(z.maxLength(10)),
  tags: z.optional(z.array(Slug).check(z.maxLength(50))),
  moods: z.optional(z.array(Slug).check(z.maxLength(20))),
  /** A rating per region, from the certifications of that region. */
  certifications: z.optional(z.array(z.object({ region: Region, rating: Name(20) })).check(z.maxLength(100))),
  maturity_level: z.int().check(z.minimum(0), z.maximum(18)),
  advisories: z.optional(z.array(Name(80)).check(z.maxLength(20))),
  studios: z.optional(z.array(Name(120)).check(z.maxLength(20))),
  networks: z.optional(z.array(Name(120)).check(z.maxLength(20))),
  countries: z.optional(z.array(Region).check(z.maxLength(30))),
  /** Anime and series: new episodes the same day as the original broadcast. */
  simulcast: z.optional(z.boolean()),
  /** Availability windows per region; null bounds are open. No window: not available anywhere. */
  availability: z.optional(z.array(Availability).check(z.maxLength(300))),
});
export type AdminTitleInput = z.infer<typeof AdminTitleInput>;

export const AdminTitleUpdate = z.extend(z.partial(AdminTitleInput), {
  /** The `version` the editor loaded; a newer one on the server answers 409. */
  version: z.optional(z.int()),
});
export type AdminTitleUpdate = z.infer<typeof AdminTitleUpdate>;

/** Publish, schedule or take back to draft. Publishing checks the title is ready (422 with the reasons). */
export const AdminPublishInput = z.object({
  state: AdminPublishState,
  /** Required for `scheduled`: when it goes live. */
  publish_at: z.optional(Timestamp),
});

export const AdminTitleBulkInput = z.object({
  action: z.enum(['publish', 'unpublish', 'delete']),
  ids: z.array(Id).check(z.minLength(1), z.maxLength(100)),
});

/** Per-item outcome of a bulk action. */
export const AdminBulkActionResult = z.object({
  results: z.array(
    z.object({ id: Id, ok: z.boolean(), error: z.nullable(z.object({ code: z.string(), message: z.string() })) }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Series: seasons and episodes

export const AdminSeason = z.extend(Season, {
  id: Id,
  title_id: Id,
  synopsis: z.string(),
  publish_state: AdminPublishState,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminSeason = z.infer<typeof AdminSeason>;

export const AdminSeasonInput = z.object({
  number: z.int().check(z.minimum(0), z.maximum(1000)),
  name: Name(120),
  synopsis: z.optional(Text(2000)),
  year: z.optional(z.nullable(z.int().check(z.minimum(1870), z.maximum(2100)))),
  publish_state: z.optional(AdminPublishState),
});
export const AdminSeasonUpdate = z.partial(AdminSeasonInput);

export const AdminEpisode = z.extend(Episode, {
  publish_state: AdminPublishState,
  publish_at: z.nullable(Timestamp),
  source_status: AdminSourceStatus,
  video_asset_id: z.nullable(Id),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminEpisode = z.infer<typeof AdminEpisode>;

export const AdminEpisodeInput = z.object({
  /** Position in the season; appended after the last episode when absent. */
  number: z.optional(z.int().check(z.minimum(0), z.maximum(10000))),
  name: Name(200),
  synopsis: z.optional(Text(4000)),
  /** Known before the source is uploaded; the source's duration wins once processed. */
  runtime_seconds: z.optional(z.nullable(z.number().check(z.minimum(1), z.maximum(86400)))),
  air_date: z.optional(z.nullable(DateOnly)),
  /** Anime only. */
  filler: z.optional(z.nullable(FillerKind)),
  arc_id: z.optional(z.nullable(Id)),
  publish_state: z.optional(AdminPublishState),
  publish_at: z.optional(z.nullable(Timestamp)),
});
export const AdminEpisodeUpdate = z.extend(z.partial(AdminEpisodeInput), {
  /** Moves the episode to another season of the same series. */
  season_number: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
});

export const AdminEpisodeReorderInput = z.object({
  /** Every episode of the season in the new order; numbers are reassigned 1, 2, 3 … */
  episode_ids: z.array(Id).check(z.minLength(1), z.maxLength(2000)),
});

export const AdminMarkersInput = z.object({
  /** At most one of each kind; start < end and both within the episode's duration (checked by the server). */
  markers: z.array(Marker).check(z.maxLength(4)),
});

export const AdminMarkers = z.object({
  episode_id: Id,
  duration: z.nullable(Seconds),
  markers: z.array(Marker),
  updated_at: z.nullable(Timestamp),
  updated_by: z.nullable(AdminActorRef),
});
export type AdminMarkers = z.infer<typeof AdminMarkers>;

// ---------------------------------------------------------------------------------------------
// Genres and taxonomy

export const AdminGenreInput = z.object({
  slug: Slug,
  name: Name(60),
  description: z.optional(Text(1000)),
  /** Slug of the parent genre for a sub-genre. */
  parent: z.optional(z.nullable(Slug)),
  artwork: z.optional(z.nullable(Url)),
});
export const AdminGenreUpdate = z.partial(z.omit(AdminGenreInput, { slug: true }));

/** A tag or a mood. */
export const AdminTaxonomyTerm = z.object({
  id: Id,
  slug: Slug,
  name: z.string(),
  description: z.nullable(z.string()),
  title_count: Count,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminTaxonomyTerm = z.infer<typeof AdminTaxonomyTerm>;

export const AdminTaxonomyTermInput = z.object({
  slug: Slug,
  name: Name(60),
  description: z.optional(z.nullable(Text(300))),
});
export const AdminTaxonomyTermUpdate = z.partial(z.omit(AdminTaxonomyTermInput, { slug: true }));

/** A rating of a region's rating system, with its meaning. */
export const AdminCertification = z.extend(Certification, {
  id: Id,
  /** Position within the system, mildest first. */
  order: z.int(),
  title_count: Count,
});
export type AdminCertification = z.infer<typeof AdminCertification>;

export const AdminCertificationInput = z.object({
  region: Region,
  /** `MPA`, `BBFC`, `FSK`, `TV Parental Guidelines`. */
  system: Name(40),
  rating: Name(20),
  meaning: Name(300),
  min_age: z.int().check(z.minimum(0), z.maximum(21)),
  order: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
});
export const AdminCertificationUpdate = z.partial(AdminCertificationInput);

// ---------------------------------------------------------------------------------------------
// Anime arcs and filler

export const AdminArcInput = z.object({
  title_id: Id,
  name: Name(120),
  synopsis: z.optional(Text(2000)),
  /** Position among the title's arcs; appended when absent. */
  order: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
  first_episode_id: Id,
  last_episode_id: Id,
});
export const AdminArcUpdate = z.partial(z.omit(AdminArcInput, { title_id: true }));

export const AdminFillerGuide = z.object({
  title_id: Id,
  items: z.array(
    z.object({
      episode_id: Id,
      season_number: z.int(),
      number: z.int(),
      name: z.string(),
      kind: FillerKind,
      arc_id: z.nullable(Id),
    }),
  ),
  counts: z.object({ canon: Count, mixed: Count, filler: Count }),
});
export type AdminFillerGuide = z.infer<typeof AdminFillerGuide>;

export const AdminFillerInput = z.object({
  title_id: Id,
  items: z.array(z.object({ episode_id: Id, kind: FillerKind })).check(z.minLength(1), z.maxLength(5000)),
});

// ---------------------------------------------------------------------------------------------
// Assets: uploads, video, subtitles, trailers, artwork, audio

/** Life of an uploaded asset. */
export const AdminAssetStatus = z.enum(['awaiting_upload', 'uploading', 'processing', 'ready', 'failed']);
export type AdminAssetStatus = z.infer<typeof AdminAssetStatus>;

/**
 * Where to send the bytes: a tus 1.0 upload resource (resumable, chunked). The client PATCHes
 * chunks to `url` and, after a reload or a dropped connection, asks it for the offset with HEAD.
 */
export const AdminUploadTarget = z.object({
  protocol: z.literal('tus'),
  url: Url,
  /** Bytes already received (0 for a new upload). */
  offset: Count,
  length: Count,
  /** Suggested chunk size in bytes. */
  chunk_size: z.int().check(z.minimum(1)),
  expires_at: Timestamp,
});
export type AdminUploadTarget = z.infer<typeof AdminUploadTarget>;

/** The file about to be uploaded; its type is checked again from the bytes. */
const UploadFile = <T extends readonly [string, ...string[]]>(types: T, maxBytes: number) => ({
  filename: Name(255),
  content_type: z.enum(types),
  size_bytes: z.int().check(z.minimum(1), z.maximum(maxBytes)),
  /** Hex SHA-256 of the file, checked when the upload completes. */
  checksum_sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/), z.maxLength(64))),
});

const GiB = 1024 * 1024 * 1024;
export const AdminVideoContentType = [
  'video/mp4',
  'video/quicktime',
  'video/x-matroska',
  'video/webm',
  'video/mxf',
] as const;

export const AdminVideoAsset = z.object({
  id: Id,
  title: AdminTitleRef,
  /** Null for a film's source. */
  episode: z.nullable(z.object({ id: Id, season_number: z.int(), number: z.int(), name: z.string() })),
  filename: z.string(),
  content_type: z.string(),
  size_bytes: Count,
  status: AdminAssetStatus,
  uploaded_bytes: Count,
  /** Probed from the source once uploaded. */
  duration: z.nullable(Seconds),
  width: z.nullable(z.int()),
  height: z.nullable(z.int()),
  video_codec: z.nullable(z.string()),
  audio_codec: z.nullable(z.string()),
  frame_rate: z.nullable(z.number()),
  /** The pipeline job working on it now, or the last one. */
  job: z.nullable(AdminPipelineJob),
  validation: z.nullable(z.enum(['pending', 'passed', 'warning', 'failed'])),
  created_at: Timestamp,
  updated_at: Timestamp,
  created_by: z.nullable(AdminActorRef),
});
export type AdminVideoAsset = z.infer<typeof AdminVideoAsset>;

export const AdminVideoUploadInput = z.object({
  title_id: Id,
  /** For a series: the episode this is the source of. */
  episode_id: z.optional(z.nullable(Id)),
  ...UploadFile(AdminVideoContentType, 200 * GiB),
  /** Replace the current source once this one is processed (otherwise 409 when one exists). */
  replace: z.optional(z.boolean()),
});
export type AdminVideoUploadInput = z.infer<typeof AdminVideoUploadInput>;

export const AdminVideoUpload = z.object({ asset: AdminVideoAsset, upload: AdminUploadTarget });

/** What the upload panel polls: bytes received and the pipeline job. */
export const AdminVideoStatus = z.object({
  asset_id: Id,
  status: AdminAssetStatus,
  /** Null once the upload is complete. */
  upload: z.nullable(AdminUploadTarget),
  job: z.nullable(AdminPipelineJob),
  updated_at: Timestamp,
});
export type AdminVideoStatus = z.infer<typeof AdminVideoStatus>;

export const AdminSubtitleFormat = z.enum(['vtt', 'srt']);
/** `sdh`: subtitles for the deaf and hard of hearing; `forced`: only foreign-language parts. */
export const AdminSubtitleKind = z.enum(['subtitles', 'sdh', 'forced']);

/** A problem found in a subtitle file, with where it is. */
export const AdminSubtitleIssue = z.object({
  severity: z.enum(['error', 'warning']),
  line: z.nullable(z.int()),
  cue: z.nullable(z.int()),
  message: z.string(),
});

export const AdminSubtitleTrack = z.object({
  id: Id,
  title_id: Id,
  episode_id: z.nullable(Id),
  language: Language,
  label: z.string(),
  kind: AdminSubtitleKind,
  is_default: z.boolean(),
  /** What was uploaded; SRT is stored converted to WebVTT. */
  source_format: AdminSubtitleFormat,
  cue_count: Count,
  first_cue_start: z.nullable(Seconds),
  last_cue_end: z.nullable(Seconds),
  /** The WebVTT track players load. */
  url: Url,
  warnings: z.array(AdminSubtitleIssue),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminSubtitleTrack = z.infer<typeof AdminSubtitleTrack>;

/** A track with its WebVTT text, for the editor. */
export const AdminSubtitleDetail = z.extend(AdminSubtitleTrack, { content: z.string() });

const SubtitleContent = z.string().check(z.minLength(1), z.maxLength(2_000_000));

export const AdminSubtitleInput = z.object({
  title_id: Id,
  episode_id: z.optional(z.nullable(Id)),
  language: Language,
  label: Name(60),
  kind: AdminSubtitleKind,
  is_default: z.optional(z.boolean()),
  format: AdminSubtitleFormat,
  /** The file's text. Invalid files are refused with 422 and the issues in `details.hint.issues`. */
  content: SubtitleContent,
});
export const AdminSubtitleUpdate = z.object({
  language: z.optional(Language),
  label: z.optional(Name(60)),
  kind: z.optional(AdminSubtitleKind),
  is_default: z.optional(z.boolean()),
  /** Replace the cues: `format` and `content` together. */
  format: z.optional(AdminSubtitleFormat),
  content: z.optional(SubtitleContent),
});

export const AdminSubtitleValidateInput = z.object({
  format: AdminSubtitleFormat,
  content: SubtitleContent,
  /** Duration of the media, to flag cues past its end. */
  media_duration: z.optional(Seconds),
});

export const AdminSubtitleValidation = z.object({
  valid: z.boolean(),
  format: AdminSubtitleFormat,
  cue_count: Count,
  first_cue_start: z.nullable(Seconds),
  last_cue_end: z.nullable(Seconds),
  issues: z.array(AdminSubtitleIssue),
});
export type AdminSubtitleValidation = z.infer<typeof AdminSubtitleValidation>;

export const AdminSubtitleShiftInput = z.object({
  /** Seconds to move cues by; negative moves them earlier (cues before 0 are refused). */
  offset: z.number().check(z.minimum(-36000), z.maximum(36000)),
  /** Shift only cues starting at or after this time. */
  from: z.optional(Seconds),
  /** … and before this time. */
  to: z.optional(Seconds),
});

export const AdminTrailer = z.object({
  id: Id,
  title_id: Id,
  name: z.string(),
  language: z.nullable(Language),
  /** The one title detail shows first. */
  is_primary: z.boolean(),
  order: z.int(),
  status: AdminAssetStatus,
  duration: z.nullable(Seconds),
  thumbnail: z.nullable(Url),
  filename: z.string(),
  size_bytes: Count,
  job: z.nullable(AdminPipelineJob),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminTrailer = z.infer<typeof AdminTrailer>;

export const AdminTrailerInput = z.object({
  title_id: Id,
  name: Name(120),
  language: z.optional(z.nullable(Language)),
  is_primary: z.optional(z.boolean()),
  ...UploadFile(AdminVideoContentType, 20 * GiB),
});
export const AdminTrailerUpdate = z.object({
  name: z.optional(Name(120)),
  language: z.optional(z.nullable(Language)),
  is_primary: z.optional(z.boolean()),
  order: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
});
export const AdminTrailerUpload = z.object({ trailer: AdminTrailer, upload: AdminUploadTarget });

export const AdminArtworkType = z.enum(['poster', 'backdrop', 'logo', 'still', 'banner', 'thumbnail']);

/** An uploaded image: type and dimensions checked, resized variants generated. */
export const AdminArtwork = z.object({
  id: Id,
  title_id: Id,
  episode_id: z.nullable(Id),
  type: AdminArtworkType,
  /** For artwork with text in it (logos, some posters). */
  language: z.nullable(Language),
  is_primary: z.boolean(),
  status: AdminAssetStatus,
  content_type: z.nullable(z.string()),
  width: z.nullable(z.int()),
  height: z.nullable(z.int()),
  size_bytes: z.nullable(Count),
  color: z.nullable(z.string()),
  url: z.nullable(Url),
  variants: z.array(
    z.object({
      width: z.int(),
      height: z.int(),
      format: z.enum(['jpeg', 'webp', 'avif']),
      url: Url,
      size_bytes: Count,
    }),
  ),
  /** Why it was refused: wrong type, too small, wrong aspect ratio … */
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  created_at: Timestamp,
});
export type AdminArtwork = z.infer<typeof AdminArtwork>;

export const AdminArtworkInput = z.object({
  title_id: Id,
  episode_id: z.optional(z.nullable(Id)),
  type: AdminArtworkType,
  language: z.optional(z.nullable(Language)),
  is_primary: z.optional(z.boolean()),
  ...UploadFile(['image/jpeg', 'image/png', 'image/webp'] as const, 25 * 1024 * 1024),
});
export const AdminArtworkUpdate = z.object({
  type: z.optional(AdminArtworkType),
  language: z.optional(z.nullable(Language)),
  is_primary: z.optional(z.boolean()),
});
export const AdminArtworkUpload = z.object({ artwork: AdminArtwork, upload: AdminUploadTarget });

/** `description`: audio description for blind and partially sighted viewers. */
export const AdminAudioKind = z.enum(['main', 'dub', 'commentary', 'description']);

export const AdminAudioTrack = z.object({
  id: Id,
  title_id: Id,
  episode_id: z.nullable(Id),
  language: Language,
  name: z.string(),
  kind: AdminAudioKind,
  is_default: z.boolean(),
  status: AdminAssetStatus,
  channels: z.nullable(z.int()),
  codec: z.nullable(z.string()),
  bitrate: z.nullable(z.int()),
  duration: z.nullable(Seconds),
  filename: z.nullable(z.string()),
  job: z.nullable(AdminPipelineJob),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminAudioTrack = z.infer<typeof AdminAudioTrack>;

const AudioContentType = [
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/x-wav',
  'audio/flac',
  'audio/mpeg',
  'audio/ac3',
  'audio/eac3',
] as const;

export const AdminAudioFileInput = z.object(UploadFile(AudioContentType, 20 * GiB));

export const AdminAudioTrackInput = z.object({
  title_id: Id,
  episode_id: z.optional(z.nullable(Id)),
  language: Language,
  name: Name(60),
  kind: AdminAudioKind,
  is_default: z.optional(z.boolean()),
  ...UploadFile(AudioContentType, 20 * GiB),
});
export const AdminAudioTrackUpdate = z.object({
  language: z.optional(Language),
  name: z.optional(Name(60)),
  kind: z.optional(AdminAudioKind),
  is_default: z.optional(z.boolean()),
});
export const AdminAudioTrackUpload = z.object({ track: AdminAudioTrack, upload: AdminUploadTarget });

// ---------------------------------------------------------------------------------------------
// Bulk upload

export const AdminBulkFormat = z.enum(['csv', 'json']);

export const AdminBulkDryRunInput = z.object({
  format: AdminBulkFormat,
  /** The manifest's text: one row per title (or episode), media by URL or by a finished upload's asset id. */
  manifest: z.string().check(z.minLength(1), z.maxLength(5_000_000)),
});

export const AdminBulkRow = z.object({
  /** Row number as the person sees it in the file (CSV: the line, header excluded; JSON: the index + 1). */
  row: z.int().check(z.minimum(1)),
  /** The row's external id, which makes applying twice change nothing twice. */
  key: z.nullable(z.string()),
  name: z.nullable(z.string()),
  action: z.enum(['create', 'update', 'skip']),
  /** What the dry run found, field by field. Rows with an `error` are not applied. */
  problems: z.array(z.object({ field: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) })),
  /** After apply. */
  result: z.nullable(
    z.object({
      status: z.enum(['pending', 'created', 'updated', 'unchanged', 'failed']),
      target_id: z.nullable(Id),
      message: z.nullable(z.string()),
    }),
  ),
});
export type AdminBulkRow = z.infer<typeof AdminBulkRow>;

export const AdminBulkJobSummary = z.object({
  id: Id,
  format: AdminBulkFormat,
  /** `validated`: dry run done; `running` / `paused` / `failed` can be resumed. */
  state: z.enum(['validated', 'running', 'paused', 'completed', 'failed', 'expired']),
  row_count: Count,
  valid_rows: Count,
  invalid_rows: Count,
  progress: z.object({ done: Count, created: Count, updated: Count, unchanged: Count, failed: Count }),
  created_at: Timestamp,
  created_by: z.nullable(AdminActorRef),
  started_at: z.nullable(Timestamp),
  finished_at: z.nullable(Timestamp),
  /** A dry run must be applied before this. */
  expires_at: z.nullable(Timestamp),
});
export type AdminBulkJobSummary = z.infer<typeof AdminBulkJobSummary>;

export const AdminBulkJob = z.extend(AdminBulkJobSummary, { rows: z.array(AdminBulkRow) });
export type AdminBulkJob = z.infer<typeof AdminBulkJob>;

// ---------------------------------------------------------------------------------------------
// Streams, validation, delivery

/** One rung of a title's HLS ladder. */
export const AdminRung = z.object({
  id: Id,
  /** `1080p`, `720p` … */
  name: z.string(),
  width: z.int(),
  height: z.int(),
  /** Bits per second. */
  bitrate: z.int(),
  codec: z.string(),
  frame_rate: z.nullable(z.number()),
  segment_duration: Seconds,
  segment_count: Count,
  size_bytes: Count,
  status: z.enum(['queued', 'processing', 'ready', 'failed']),
  job: z.nullable(AdminPipelineJob),
  updated_at: Timestamp,
});
export type AdminRung = z.infer<typeof AdminRung>;

export const AdminStreamLadder = z.object({
  title_id: Id,
  episode_id: z.nullable(Id),
  source_asset_id: z.nullable(Id),
  duration: z.nullable(Seconds),
  master_playlist_url: z.nullable(Url),
  rungs: z.array(AdminRung),
  audio: z.array(z.object({ id: Id, language: Language, name: z.string(), channels: z.nullable(z.int()) })),
  subtitles: z.array(z.object({ id: Id, language: Language, label: z.string() })),
  updated_at: z.nullable(Timestamp),
});
export type AdminStreamLadder = z.infer<typeof AdminStreamLadder>;

export const AdminValidationStatus = z.enum(['pending', 'passed', 'warning', 'failed']);
export const AdminAssetKind = z.enum(['video', 'trailer', 'audio', 'subtitle', 'artwork']);

/** What was checked on one source, what failed and why. */
export const AdminValidationReport = z.object({
  asset_id: Id,
  asset_kind: AdminAssetKind,
  title: AdminTitleRef,
  episode_id: z.nullable(Id),
  source: z.string(),
  status: AdminValidationStatus,
  checked_at: z.nullable(Timestamp),
  checks: z.array(
    z.object({
      /** `container`, `duration`, `resolution`, `audio_loudness`, `keyframes` … */
      id: z.string(),
      name: z.string(),
      status: z.enum(['passed', 'warning', 'failed', 'skipped']),
      expected: z.nullable(z.string()),
      actual: z.nullable(z.string()),
      message: z.nullable(z.string()),
    }),
  ),
  failed_count: Count,
  warning_count: Count,
});
export type AdminValidationReport = z.infer<typeof AdminValidationReport>;

export const AdminCacheAssetKind = z.enum(['manifest', 'segment', 'key', 'subtitle', 'artwork', 'sprite', 'download']);

export const AdminCachePolicy = z.object({
  asset_kind: AdminCacheAssetKind,
  max_age_seconds: z.int().check(z.minimum(0), z.maximum(31_536_000)),
  /** Shared (CDN) cache lifetime, when it differs. */
  s_maxage_seconds: z.nullable(z.int().check(z.minimum(0), z.maximum(31_536_000))),
  stale_while_revalidate_seconds: z.int().check(z.minimum(0), z.maximum(86_400)),
  immutable: z.boolean(),
});

export const AdminTokenLifetimes = z.object({
  /** Partner playback tokens. */
  playback_token_seconds: z.int().check(z.minimum(60), z.maximum(86_400)),
  /** `GET /delivery/signed-url` URLs. */
  signed_url_seconds: z.int().check(z.minimum(30), z.maximum(86_400)),
  /** `GET /delivery/token` tokens. */
  delivery_token_seconds: z.int().check(z.minimum(30), z.maximum(86_400)),
  /** Signed delivery cookies. */
  cookie_seconds: z.int().check(z.minimum(60), z.maximum(604_800)),
});

/** Media delivery settings. Changes take effect without a restart. */
export const AdminDeliverySettings = z.object({
  signing: z.object({
    key_id: z.string(),
    created_at: Timestamp,
    /** After a rotation the previous secret still verifies until `previous_valid_until`. */
    previous_key_id: z.nullable(z.string()),
    previous_valid_until: z.nullable(Timestamp),
  }),
  token_lifetimes: AdminTokenLifetimes,
  /** Origins allowed to load media (CORS on delivery), besides partner keys' origins. */
  allowed_origins: z.array(z.string()),
  cache_policies: z.array(AdminCachePolicy),
  updated_at: Timestamp,
  updated_by: z.nullable(AdminActorRef),
  version: z.int(),
});
export type AdminDeliverySettings = z.infer<typeof AdminDeliverySettings>;

export const AdminDeliverySettingsInput = z.object({
  token_lifetimes: AdminTokenLifetimes,
  allowed_origins: z.array(AdminOrigin).check(z.maxLength(100)),
  cache_policies: z.array(AdminCachePolicy).check(z.maxLength(20)),
  /** The `version` loaded; a newer one on the server answers 409. */
  version: z.optional(z.int()),
});

export const AdminRotateSecretInput = z.object({
  /** How long the previous secret keeps verifying (0: at once, invalidating every URL in flight). */
  grace_seconds: z.int().check(z.minimum(0), z.maximum(604_800)),
});

export const AdminCdnCookie = z.object({
  id: Id,
  /** The media path prefix it grants: `/media/t_123/`. */
  path_prefix: z.string(),
  issued_to: z.nullable(z.object({ account_id: Id, email: Email })),
  key_id: z.string(),
  note: z.nullable(z.string()),
  status: z.enum(['active', 'expired', 'revoked']),
  issued_at: Timestamp,
  expires_at: Timestamp,
  revoked_at: z.nullable(Timestamp),
  issued_by: z.nullable(AdminActorRef),
});
export type AdminCdnCookie = z.infer<typeof AdminCdnCookie>;

export const AdminCdnCookieInput = z.object({
  path_prefix: z.string().check(z.regex(/^\/[A-Za-z0-9._~\-/]*$/), z.maxLength(512)),
  lifetime_seconds: z.int().check(z.minimum(60), z.maximum(604_800)),
  /** The account it is for (support and testing); omitted: not tied to an account. */
  account_id: z.optional(Id),
  note: z.optional(Text(200)),
});

/** The issued cookie and the `Set-Cookie` values, shown once. */
export const AdminCdnCookieIssued = z.object({
  cookie: AdminCdnCookie,
  set_cookies: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      domain: z.nullable(z.string()),
      path: z.string(),
      expires_at: Timestamp,
      secure: z.boolean(),
      http_only: z.boolean(),
      same_site: z.enum(['Strict', 'Lax', 'None']),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Bundles and downloads

export const AdminBundle = z.object({
  id: Id,
  kind: z.enum(['season', 'collection']),
  name: z.string(),
  description: z.string(),
  /** Season bundles: the series and season. */
  title_id: z.nullable(Id),
  season_number: z.nullable(z.int()),
  /** Null: included with plans that allow downloads. */
  price: z.nullable(Money),
  /** Plans it is offered on; empty: every plan that allows downloads. */
  plan_ids: z.array(Id),
  items: z.array(
    z.object({
      title_id: Id,
      episode_id: z.nullable(Id),
      name: z.string(),
      size_bytes: z.nullable(Count),
    }),
  ),
  download_size_bytes: z.nullable(Count),
  artwork: z.nullable(Url),
  publish_state: AdminPublishState,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminBundle = z.infer<typeof AdminBundle>;

export const AdminBundleInput = z.object({
  kind: z.enum(['season', 'collection']),
  name: Name(120),
  description: z.optional(Text(2000)),
  title_id: z.optional(z.nullable(Id)),
  season_number: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(1000)))),
  /** Contents in order. A season bundle may leave them empty to take the season's episodes. */
  items: z.optional(
    z.array(z.object({ title_id: Id, episode_id: z.optional(z.nullable(Id)) })).check(z.maxLength(500)),
  ),
  price: z.optional(z.nullable(z.extend(Money, { amount: z.int().check(z.minimum(0), z.maximum(100_000_00)) }))),
  plan_ids: z.optional(z.array(Id).check(z.maxLength(20))),
  artwork: z.optional(z.nullable(Url)),
  publish_state: z.optional(AdminPublishState),
});
export const AdminBundleUpdate = z.partial(AdminBundleInput);

/** Offline rules of a plan. How many titles may be downloaded is the plan's `downloads` entitlement. */
export const AdminDownloadPolicy = z.object({
  plan_id: Id,
  plan_name: z.string(),
  /** From the plan's entitlements (edited in plans). */
  max_downloads: Count,
  max_devices: Count,
  max_quality: BillingMaxQuality,
  /** Days an offline licence lasts before it must be renewed online. */
  licence_days: z.int(),
  /** Hours a download stays playable once playback has started. */
  playback_hours: z.int(),
  /** Renewals of one download's licence; null: unlimited. */
  max_renewals: z.nullable(z.int()),
  updated_at: Timestamp,
});
export type AdminDownloadPolicy = z.infer<typeof AdminDownloadPolicy>;

export const AdminDownloadPolicyInput = z.object({
  max_devices: z.int().check(z.minimum(0), z.maximum(10)),
  max_quality: BillingMaxQuality,
  licence_days: z.int().check(z.minimum(1), z.maximum(365)),
  playback_hours: z.int().check(z.minimum(1), z.maximum(720)),
  max_renewals: z.nullable(z.int().check(z.minimum(0), z.maximum(100))),
});

/** Whether a title may be downloaded, and on which plans and terms (overrides the plan policy). */
export const AdminDownloadRule = z.object({
  id: Id,
  title: AdminTitleRef,
  allowed: z.boolean(),
  /** Empty: every plan that allows downloads. */
  plan_ids: z.array(Id),
  /** Empty: every region the title is available in. */
  regions: z.array(Region),
  max_quality: z.nullable(BillingMaxQuality),
  licence_days: z.nullable(z.int()),
  /** Downloads of this title per account over the window; null: no limit beyond the plan's. */
  max_downloads_per_account: z.nullable(z.int()),
  valid_from: z.nullable(Timestamp),
  valid_until: z.nullable(Timestamp),
  note: z.nullable(z.string()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminDownloadRule = z.infer<typeof AdminDownloadRule>;

export const AdminDownloadRuleInput = z.object({
  title_id: Id,
  allowed: z.boolean(),
  plan_ids: z.optional(z.array(Id).check(z.maxLength(20))),
  regions: z.optional(z.array(Region).check(z.maxLength(250))),
  max_quality: z.optional(z.nullable(BillingMaxQuality)),
  licence_days: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(365)))),
  max_downloads_per_account: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(100)))),
  valid_from: z.optional(z.nullable(Timestamp)),
  valid_until: z.optional(z.nullable(Timestamp)),
  note: z.optional(z.nullable(Text(300))),
});
export const AdminDownloadRuleUpdate = z.partial(z.omit(AdminDownloadRuleInput, { title_id: true }));

// ---------------------------------------------------------------------------------------------
// Analytics and costs

/** Quality of experience from the player's events. Null without plays in the range. */
export const AdminQoe = z.object({
  startup_time_p50: z.nullable(Seconds),
  startup_time_p95: z.nullable(Seconds),
  /** Time stalled / time watched, 0–1. */
  rebuffer_ratio: z.nullable(z.number()),
  errors_per_thousand_plays: z.nullable(z.number()),
  /** Bits per second, weighted by time watched. */
  average_bitrate: z.nullable(z.number()),
});
export type AdminQoe = z.infer<typeof AdminQoe>;

export const AdminAnalyticsReport = z.object({
  from: DateOnly,
  to: DateOnly,
  granularity: z.enum(['hour', 'day', 'week']),
  totals: z.object({
    plays: Count,
    unique_viewers: Count,
    watch_time_seconds: z.number(),
    /** Plays that reached the credits (or 90 %), 0–1. */
    completion_rate: z.nullable(z.number()),
    /** The same figures over the previous range of the same length, for deltas. */
    previous: z.object({ plays: Count, unique_viewers: Count, watch_time_seconds: z.number() }),
  }),
  qoe: AdminQoe,
  series: z.array(
    z.extend(AdminQoe, {
      bucket_start: Timestamp,
      plays: Count,
      unique_viewers: Count,
      watch_time_seconds: z.number(),
      completion_rate: z.nullable(z.number()),
    }),
  ),
  top_titles: z.array(
    z.object({
      rank: z.int(),
      title: AdminTitleRef,
      plays: Count,
      watch_time_seconds: z.number(),
      completion_rate: z.nullable(z.number()),
    }),
  ),
  by_device: z.array(z.extend(AdminQoe, { device_type: AdminDeviceType, plays: Count })),
  by_region: z.array(z.object({ region: Region, plays: Count, watch_time_seconds: z.number() })),
  /** Share of watch time per rendition (`1080p` …), 0–1. */
  by_quality: z.array(z.object({ quality: z.string(), share: z.number() })),
  generated_at: Timestamp,
});
export type AdminAnalyticsReport = z.infer<typeof AdminAnalyticsReport>;

/**
 * How costs are computed. Rates are in minor units of `currency` and may be fractional
 * (0.023 dollars per GB-month is `2.3`); computed costs are `Money` in whole minor units.
 */
export const AdminCostModel = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  storage_per_gb_month: z.number().check(z.minimum(0)),
  delivery_per_gb: z.number().check(z.minimum(0)),
  /** Delivery rates that differ by region. */
  delivery_per_gb_by_region: z.array(z.object({ region: Region, rate: z.number().check(z.minimum(0)) })),
  transcode_per_minute: z.number().check(z.minimum(0)),
  updated_at: z.nullable(Timestamp),
  updated_by: z.nullable(AdminActorRef),
});
export type AdminCostModel = z.infer<typeof AdminCostModel>;

const Rate = z.number().check(z.minimum(0), z.maximum(1_000_000));
export const AdminCostModelInput = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  storage_per_gb_month: Rate,
  delivery_per_gb: Rate,
  delivery_per_gb_by_region: z.array(z.object({ region: Region, rate: Rate })).check(z.maxLength(250)),
  transcode_per_minute: Rate,
});

export const AdminStorageKind = z.enum(['source', 'rendition', 'audio', 'subtitle', 'artwork', 'sprite', 'trailer']);

export const AdminCostReport = z.object({
  from: DateOnly,
  to: DateOnly,
  currency: z.string(),
  totals: z.object({
    /** At the end of the range. */
    storage_bytes: Count,
    storage_cost: Money,
    delivered_bytes: Count,
    delivery_cost: Money,
    transcode_minutes: z.number(),
    transcode_cost: Money,
    total: Money,
  }),
  storage_by_kind: z.array(z.object({ kind: AdminStorageKind, bytes: Count, cost: Money })),
  delivery_by_region: z.array(z.object({ region: Region, bytes: Count, cost: Money })),
  series: z.array(
    z.object({
      date: DateOnly,
      storage_bytes: Count,
      delivered_bytes: Count,
      transcode_minutes: z.number(),
      cost: Money,
    }),
  ),
  top_titles: z.array(z.object({ title: AdminTitleRef, storage_bytes: Count, delivered_bytes: Count, cost: Money })),
  /** This calendar month at the current rate of use. */
  projection: z.object({
    month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
    storage: Money,
    delivery: Money,
    transcode: Money,
    total: Money,
    /** Days of usage the projection extrapolates from. */
    basis_days: z.int(),
  }),
  generated_at: Timestamp,
});
export type AdminCostReport = z.infer<typeof AdminCostReport>;

/** Storage of one asset, with its renditions. */
export const AdminStorageItem = z.object({
  asset_id: Id,
  kind: AdminStorageKind,
  title: AdminTitleRef,
  episode_id: z.nullable(Id),
  label: z.string(),
  bytes: Count,
  renditions: z.array(z.object({ name: z.string(), bytes: Count })),
  monthly_cost: Money,
});
export type AdminStorageItem = z.infer<typeof AdminStorageItem>;

// ---------------------------------------------------------------------------------------------
// Live sessions

export const AdminLiveSession = z.object({
  id: Id,
  account: z.object({ id: Id, email: Email }),
  profile: z.nullable(z.object({ id: Id, name: z.string() })),
  /** Partner playback: the API key that minted the token. */
  api_key: z.nullable(z.object({ id: Id, name: z.string() })),
  title: AdminTitleRef,
  episode: z.nullable(z.object({ id: Id, season_number: z.int(), number: z.int(), name: z.string() })),
  device: z.object({
    type: AdminDeviceType,
    name: z.string(),
    os: z.nullable(z.string()),
    browser: z.nullable(z.string()),
  }),
  region: z.nullable(Region),
  /** Truncated: `203.0.113.x`. */
  ip: z.nullable(z.string()),
  /** The rendition playing now: `1080p`. */
  quality: z.nullable(z.string()),
  bitrate: z.nullable(z.int()),
  position: Seconds,
  state: z.enum(['playing', 'paused', 'buffering']),
  started_at: Timestamp,
  last_heartbeat_at: Timestamp,
  /** Streams of the same account right now, and the plan's limit. */
  account_streams: Count,
  account_stream_limit: z.int(),
});
export type AdminLiveSession = z.infer<typeof AdminLiveSession>;

export const AdminLiveSessionSummary = z.object({
  total: Count,
  by_title: z.array(z.object({ title: AdminTitleRef, count: Count })),
  by_region: z.array(z.object({ region: z.nullable(Region), count: Count })),
  by_device: z.array(z.object({ device_type: AdminDeviceType, count: Count })),
  by_quality: z.array(z.object({ quality: z.nullable(z.string()), count: Count })),
  generated_at: Timestamp,
});

export const AdminAccountConcurrency = z.object({
  account: z.object({ id: Id, email: Email }),
  plan: z.object({ code: z.string(), name: z.string() }),
  active_streams: Count,
  limit: z.int(),
  over_limit: z.boolean(),
  session_ids: z.array(Id),
});

export const AdminTerminateReason = z.enum([
  'concurrent_limit',
  'account_security',
  'policy_violation',
  'maintenance',
  'other',
]);

// ---------------------------------------------------------------------------------------------
// Staff, roles and permissions

/** A role key: `content_editor`, `support_lead`. */
export const AdminRoleName = z.string().check(z.regex(/^[a-z][a-z0-9_]{1,39}$/));

export const AdminStaffMember = z.object({
  id: Id,
  email: Email,
  display_name: z.string(),
  roles: z.array(z.string()),
  /** Effective: the union of the roles' permissions. */
  permissions: z.array(AdminPermissionName),
  /** `invited`: the invitation link has not been used (it sets a password and requires MFA). */
  status: z.enum(['invited', 'active', 'deactivated']),
  mfa_enabled: z.boolean(),
  invited_at: z.nullable(Timestamp),
  invited_by: z.nullable(AdminActorRef),
  invitation_expires_at: z.nullable(Timestamp),
  last_active_at: z.nullable(Timestamp),
  deactivated_at: z.nullable(Timestamp),
  created_at: Timestamp,
});
export type AdminStaffMember = z.infer<typeof AdminStaffMember>;

export const AdminStaffInviteInput = z.object({
  email: Email,
  display_name: z.optional(Name(80)),
  roles: z.array(AdminRoleName).check(z.minLength(1), z.maxLength(10)),
});
export const AdminStaffUpdate = z.object({
  display_name: z.optional(Name(80)),
  /** Takes effect on the member's next request. */
  roles: z.optional(z.array(AdminRoleName).check(z.maxLength(10))),
});

export const AdminPermissionInfo = z.object({
  name: AdminPermissionName,
  /** Panel group: `Content`, `Platform` … */
  group: z.string(),
  description: z.string(),
});

export const AdminRole = z.object({
  id: Id,
  name: AdminRoleName,
  label: z.string(),
  description: z.string(),
  permissions: z.array(AdminPermissionName),
  /** Built-in roles cannot be edited or deleted. */
  built_in: z.boolean(),
  member_count: Count,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AdminRole = z.infer<typeof AdminRole>;

export const AdminRoleInput = z.object({
  name: AdminRoleName,
  label: Name(60),
  description: z.optional(Text(300)),
  permissions: z.array(AdminPermissionName).check(z.minLength(1), z.maxLength(allPermissions.length)),
});
export const AdminRoleUpdate = z.partial(z.omit(AdminRoleInput, { name: true }));

// ---------------------------------------------------------------------------------------------
// API keys and signing keys

export const AdminApiKeyScope = z.enum(['playback', 'catalog']);

export const AdminApiKeyUsage = z.object({
  requests_24h: Count,
  requests_30d: Count,
  tokens_minted_24h: Count,
  tokens_minted_30d: Count,
  refused_24h: Count,
});

/** A partner API key, never with its secret (stored hashed). */
export const AdminApiKey = z.object({
  id: Id,
  name: z.string(),
  /** The secret's first characters, to recognise it: `rk_live_3fa9`. */
  prefix: z.string(),
  scopes: z.array(AdminApiKeyScope),
  allowed_origins: z.array(z.string()),
  status: z.enum(['active', 'revoked']),
  created_at: Timestamp,
  created_by: z.nullable(AdminActorRef),
  last_used_at: z.nullable(Timestamp),
  last_used_origin: z.nullable(z.string()),
  revoked_at: z.nullable(Timestamp),
  usage: AdminApiKeyUsage,
});
export type AdminApiKey = z.infer<typeof AdminApiKey>;

export const AdminApiKeyDetail = z.extend(AdminApiKey, {
  /** The last 30 days. */
  usage_daily: z.array(z.object({ date: DateOnly, requests: Count, tokens_minted: Count, refused: Count })),
});

/** The answer to a creation: the only time the secret is shown. */
export const AdminApiKeyCreated = z.extend(AdminApiKey, { secret: z.string() });
export type AdminApiKeyCreated = z.infer<typeof AdminApiKeyCreated>;

export const AdminApiKeyInput = z.object({
  name: Name(80),
  scopes: z.array(AdminApiKeyScope).check(z.minLength(1), z.maxLength(2)),
  allowed_origins: z.array(AdminOrigin).check(z.minLength(1), z.maxLength(50)),
});
export const AdminApiKeyUpdate = z.object({
  name: z.optional(Name(80)),
  allowed_origins: z.optional(z.array(AdminOrigin).check(z.minLength(1), z.maxLength(50))),
});

/**
 * An access-token signing key. `next`: published in the JWKS, not yet signing; `active`: signing;
 * `retiring`: no longer signing, still verifying; `retired`: unpublished, its tokens refused.
 */
export const AdminSigningKey = z.object({
  kid: z.string(),
  alg: z.literal('ES256'),
  state: z.enum(['next', 'active', 'retiring', 'retired']),
  /** Whether `/.well-known/jwks.json` lists it. */
  published: z.boolean(),
  public_jwk: z.object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
    kid: z.string(),
    alg: z.literal('ES256'),
    use: z.literal('sig'),
  }),
  created_at: Timestamp,
  activated_at: z.nullable(Timestamp),
  retiring_at: z.nullable(Timestamp),
  retired_at: z.nullable(Timestamp),
});
export type AdminSigningKey = z.infer<typeof AdminSigningKey>;

export const AdminJwks = z.object({
  items: z.array(AdminSigningKey),
  last_rotated_at: z.nullable(Timestamp),
  /** Access-token lifetime: a retiring key is safe to retire this long after it stopped signing. */
  access_token_ttl_seconds: z.int(),
});
export type AdminJwks = z.infer<typeof AdminJwks>;

// ---------------------------------------------------------------------------------------------
// Review moderation

/** The reasons a viewer can give (`ReviewReportReason`). */
export const AdminReportReason = ReviewReportReason;

/** A reported review in the moderation queue: every report of it gathered in one case. */
export const AdminReviewCase = z.object({
  id: Id,
  status: z.enum(['open', 'resolved']),
  review: z.object({
    id: Id,
    title: AdminTitleRef,
    author: z.object({ account_id: Id, profile_id: Id, profile_name: z.string() }),
    rating: z.int().check(z.minimum(1), z.maximum(5)),
    headline: z.string(),
    /** Untrusted text: render as text. */
    body: z.string(),
    spoiler: z.boolean(),
    language: Language,
    /** Hidden automatically after enough reports, or by a moderator. */
    hidden: z.boolean(),
    helpful_count: Count,
    not_helpful_count: Count,
    created_at: Timestamp,
    edited_at: z.nullable(Timestamp),
  }),
  report_count: Count,
  reasons: z.array(z.object({ reason: AdminReportReason, count: Count })),
  /** The latest reports. */
  reports: z.array(
    z.object({
      id: Id,
      reason: AdminReportReason,
      text: z.nullable(z.string()),
      reporter: z.object({ account_id: Id, email: Email }),
      created_at: Timestamp,
    }),
  ),
  first_reported_at: Timestamp,
  last_reported_at: Timestamp,
  resolution: z.nullable(
    z.object({ action: z.enum(['keep', 'hide', 'delete']), note: z.string(), by: AdminActorRef, at: Timestamp }),
  ),
});
export type AdminReviewCase = z.infer<typeof AdminReviewCase>;

export const AdminResolveReportInput = z.object({
  action: z.enum(['keep', 'hide', 'delete']),
  /** Kept in the audit log with the decision. */
  note: Name(1000),
});

// ---------------------------------------------------------------------------------------------
// Plans (staff-edited billing plans)

export const AdminPlan = z.extend(BillingPlan, {
  /** On sale. Archived plans keep their subscribers but are not offered. */
  active: z.boolean(),
  subscriber_count: Count,
  created_at: Timestamp,
  updated_at: Timestamp,
  archived_at: z.nullable(Timestamp),
});
export type AdminPlan = z.infer<typeof AdminPlan>;

export const AdminPlanInput = z.object({
  code: Slug,
  name: Name(60),
  description: z.optional(Text(500)),
  /** A new price applies to new subscriptions now and to existing ones at their next renewal. */
  price: z.extend(Money, { amount: z.int().check(z.minimum(0), z.maximum(100_000_00)) }),
  interval: BillingInterval,
  trial_days: z.int().check(z.minimum(0), z.maximum(365)),
  entitlements: BillingEntitlements,
  features: z.optional(z.array(Name(120)).check(z.maxLength(12))),
  highlighted: z.optional(z.boolean()),
  order: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
  active: z.optional(z.boolean()),
});
export const AdminPlanUpdate = z.partial(z.omit(AdminPlanInput, { code: true }));
