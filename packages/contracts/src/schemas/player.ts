import * as z from 'zod/mini';
import { Id, Language, Seconds, Timestamp, Url } from '../common.js';
import { Episode, Marker, ThumbnailSprite, TitleSummary } from './catalog.js';

// Player sessions, events and playback intelligence (§12, §22–§24, §27, §29).

/** A rung label of the quality ladder, from the height of the picture. */
export const PlayerQuality = z.enum(['240p', '360p', '480p', '720p', '1080p', '1440p', '2160p']);
export type PlayerQuality = z.infer<typeof PlayerQuality>;

/** A quality choice: a rung, or `auto` (adaptive bitrate). */
export const PlayerQualityChoice = z.enum(['auto', '240p', '360p', '480p', '720p', '1080p', '1440p', '2160p']);
export type PlayerQualityChoice = z.infer<typeof PlayerQualityChoice>;

/** Why the quality changed. `user` is a manual choice in the quality menu. */
export const QualitySwitchReason = z.enum([
  'user',
  'startup',
  'bandwidth',
  'buffer',
  'dropped_frames',
  'error',
  'plan_limit',
  'other',
]);
export type QualitySwitchReason = z.infer<typeof QualitySwitchReason>;

export const PlayerDeviceKind = z.enum(['desktop', 'mobile', 'tablet', 'tv', 'console', 'other']);
export type PlayerDeviceKind = z.infer<typeof PlayerDeviceKind>;

/** `navigator.connection.effectiveType`. */
export const EffectiveConnectionType = z.enum(['slow-2g', '2g', '3g', '4g']);
export type EffectiveConnectionType = z.infer<typeof EffectiveConnectionType>;

/** The device a session plays on, as the browser reports it. */
export const PlayerDevice = z.object({
  /** The id of a registered device (§5), when the viewer is signed in on one. */
  device_id: z.optional(Id),
  kind: PlayerDeviceKind,
  os: z.string().check(z.maxLength(60)),
  browser: z.string().check(z.maxLength(60)),
  /** The player element's version. */
  player_version: z.string().check(z.maxLength(40)),
  screen_width: z.int().check(z.minimum(1), z.maximum(16384)),
  screen_height: z.int().check(z.minimum(1), z.maximum(16384)),
  pixel_ratio: z.number().check(z.minimum(0.25), z.maximum(8)),
  /** Media capabilities the browser reported (`MediaSource.isTypeSupported`, `canPlayType`). */
  supports: z.object({
    mse: z.boolean(),
    native_hls: z.boolean(),
    hevc: z.boolean(),
    av1: z.boolean(),
    hdr: z.boolean(),
  }),
  /** Network Information API, where the browser has it. */
  connection: z.optional(
    z.object({
      effective_type: z.optional(EffectiveConnectionType),
      downlink_mbps: z.optional(z.number().check(z.minimum(0), z.maximum(100000))),
      save_data: z.optional(z.boolean()),
    }),
  ),
});
export type PlayerDevice = z.infer<typeof PlayerDevice>;

/** A playback token from a partner (issue 13); up to 4 KB. */
export const PlaybackTokenString = z.string().check(z.minLength(16), z.maxLength(4096));

/** Starts a session. */
export const EnhancedSessionRequest = z.object({
  title_id: Id,
  /**
   * The episode of a series or anime; absent for a film. Absent for a series: the episode the
   * profile is in the middle of, else the one after the last finished, else the first.
   */
  episode_id: z.optional(Id),
  /** The profile watching (one of the account's); default: the token's active profile, else the account's first. */
  profile_id: z.optional(Id),
  /** What the browser reports; absent for a caller that cannot tell (a script, a check). */
  device: z.optional(PlayerDevice),
  /** The viewer's choice; capped by the plan (`max_quality` in the answer). Default `auto`. */
  preferred_quality: z.optional(PlayerQualityChoice),
  /** Start here instead of the saved position (`start-time` attribute). */
  start_position: z.optional(Seconds),
  /**
   * A partner playback token, instead of a user session (an embed that cannot send an
   * `Authorization` header). The token must be bound to this title (or episode) and the page's origin.
   */
  playback_token: z.optional(PlaybackTokenString),
});
export type EnhancedSessionRequest = z.infer<typeof EnhancedSessionRequest>;

/** The short-lived token that authorises media requests (playlists, segments, subtitles, sprites). */
export const MediaToken = z.object({
  token: z.string(),
  expires_at: Timestamp,
  /** Seconds from now until `expires_at`, so a client with a wrong clock still renews in time. */
  expires_in: z.int(),
  /** Renew (`POST /player/sessions/{id}/renew-token`) this many seconds before expiry. */
  renew_before: z.int().check(z.minimum(0)),
  /** How media requests carry it: a query parameter appended to each URL, or a request header. */
  attach: z.object({ mode: z.enum(['query', 'header']), name: z.string() }),
});
export type MediaToken = z.infer<typeof MediaToken>;

/** A rung of the HLS ladder. */
export const QualityRung = z.object({
  /** Index of the variant in the multivariant playlist (hls.js level index). */
  level: z.int().check(z.minimum(0)),
  label: PlayerQuality,
  width: z.int(),
  height: z.int(),
  /** Peak bandwidth from the playlist, bits per second. */
  bandwidth: z.int(),
  /** Average bandwidth, bits per second, where known. */
  average_bandwidth: z.nullable(z.int()),
  codecs: z.string(),
  frame_rate: z.nullable(z.number()),
  /** False when above the plan's `max_quality`: shown locked in the menu, with an upgrade hint. */
  allowed: z.boolean(),
});
export type QualityRung = z.infer<typeof QualityRung>;

/** An audio rendition (`EXT-X-MEDIA TYPE=AUDIO`). */
export const PlayerAudioTrack = z.object({
  /** The rendition's `NAME`, which hls.js reports as the track name. */
  id: z.string(),
  language: Language,
  /** Display name in the language itself: `Español`. */
  name: z.string(),
  kind: z.enum(['main', 'commentary', 'description']),
  channels: z.int(),
  is_default: z.boolean(),
});
export type PlayerAudioTrack = z.infer<typeof PlayerAudioTrack>;

/** A WebVTT subtitle track. */
export const PlayerSubtitleTrack = z.object({
  id: z.string(),
  language: Language,
  name: z.string(),
  /** `captions` also describe sounds (SDH). */
  kind: z.enum(['subtitles', 'captions']),
  /** Forced narrative: shown when no subtitles are chosen and the audio is in another language. */
  forced: z.boolean(),
  /** Signed URL of the WebVTT file (also in the playlist as a rendition). */
  url: Url,
  is_default: z.boolean(),
});
export type PlayerSubtitleTrack = z.infer<typeof PlayerSubtitleTrack>;

/** The profile's playback choices that apply to this title. */
export const PlayerPreferences = z.object({
  /** The audio language to start with; null: the title's default. */
  audio_language: z.nullable(Language),
  /** The subtitle language to start with; null with `subtitles: off`. */
  subtitle_language: z.nullable(Language),
  /** As in the series preference (settings): `forced_only` shows forced narrative subtitles only. */
  subtitles: z.enum(['off', 'forced_only', 'on']),
  /**
   * Where the choice came from: remembered for this series (`PUT /users/{profile_id}/series-preferences/{title_id}`
   * saves it), the profile's ordered language list, or defaults.
   */
  source: z.enum(['series', 'profile', 'default']),
  /** The profile's ordered language preference list, for tracks the choice does not cover. */
  language_order: z.array(Language),
  skip_intros: z.boolean(),
  skip_recaps: z.boolean(),
  /** Anime: autoplay-next skips filler episodes. */
  skip_filler: z.boolean(),
  autoplay_next: z.boolean(),
  /** Episodes played without input before the "Still watching?" prompt; 0 turns it off. */
  still_watching_after: z.int().check(z.minimum(0)),
});
export type PlayerPreferences = z.infer<typeof PlayerPreferences>;

/** What to play after this episode (autoplay). */
export const NextEpisode = z.object({
  episode: Episode,
  /** Seconds the next-episode card counts down before playing. */
  countdown: z.int().check(z.minimum(0)),
  /** Filler episodes jumped over to reach it, when `skip_filler` is on. */
  skipped_filler: z.int().check(z.minimum(0)),
});
export type NextEpisode = z.infer<typeof NextEpisode>;

/** Start-level and buffer advice for hls.js, from the viewer's measured throughput (§24). */
export const PlaybackHints = z.object({
  /** The rung to start at (hls.js `startLevel` by label). */
  start_quality: PlayerQuality,
  /** Initial bandwidth estimate, bits per second (hls.js `abrEwmaDefaultEstimate`). */
  start_bitrate: z.int(),
  /** Median throughput measured in the viewer's recent sessions, bits per second. */
  measured_throughput: z.nullable(z.int()),
  /** How many recent sessions the estimate rests on. */
  samples: z.int(),
  /** `history`: the viewer's sessions; `device`: similar devices and networks; `default`: no data. */
  source: z.enum(['history', 'device', 'default']),
  confidence: z.enum(['low', 'medium', 'high']),
  buffer: z.object({
    /** Forward buffer target, seconds (hls.js `maxBufferLength`). */
    target: Seconds,
    /** Hard ceiling, seconds (hls.js `maxMaxBufferLength`). */
    max: Seconds,
    /** Back buffer kept for seeking back, seconds (hls.js `backBufferLength`). */
    back: Seconds,
  }),
  abr: z.object({
    /** Fraction of the estimate used when switching up (hls.js `abrBandWidthUpFactor`). */
    bandwidth_up_factor: z.number().check(z.minimum(0), z.maximum(1)),
    /** Fraction of the estimate used to stay on a level (hls.js `abrBandWidthFactor`). */
    bandwidth_factor: z.number().check(z.minimum(0), z.maximum(1)),
  }),
  /** Highest rung the plan allows. */
  max_quality: PlayerQuality,
  computed_at: Timestamp,
});
export type PlaybackHints = z.infer<typeof PlaybackHints>;

/** Everything the player needs to start, in one answer. */
export const EnhancedSession = z.object({
  session_id: Id,
  /** Signed HLS multivariant playlist. */
  manifest_url: Url,
  format: z.literal('hls'),
  media_token: MediaToken,
  /** Where to start, seconds; 0 for a fresh start. */
  resume_position: Seconds,
  /** Why that position: the profile's history, the request's `start_position`, or the start. */
  resume_source: z.enum(['history', 'request', 'start']),
  duration: Seconds,
  markers: z.array(Marker),
  thumbnails: z.nullable(ThumbnailSprite),
  /** WebVTT chapters track. */
  chapters_url: z.nullable(Url),
  audio_tracks: z.array(PlayerAudioTrack),
  subtitle_tracks: z.array(PlayerSubtitleTrack),
  /** The ladder, lowest first, with labels. */
  qualities: z.array(QualityRung),
  /** The highest rung the plan allows; higher rungs are `allowed: false`. */
  max_quality: PlayerQuality,
  /** The plan that sets `max_quality` (`free`, `basic`, `premium` …), for the upgrade hint. */
  plan: z.string(),
  /** Send a heartbeat event this often, seconds. */
  heartbeat_interval: z.int().check(z.minimum(1)),
  /** Without a heartbeat for this long the server ends the session and frees its stream slot. */
  idle_timeout: z.int().check(z.minimum(1)),
  title: TitleSummary,
  /** The episode playing; null for a film. */
  episode: z.nullable(Episode),
  /** Null at the end of a series (or for a film). */
  next_episode: z.nullable(NextEpisode),
  preferences: PlayerPreferences,
  /** The same as `GET /playback-intelligence/hints`, saving a request before the first frame. */
  hints: PlaybackHints,
  concurrent_streams: z.object({ in_use: z.int(), limit: z.int() }),
  /** Whether the session runs on a partner playback token (no account data is returned then). */
  partner: z.boolean(),
  created_at: Timestamp,
});
export type EnhancedSession = z.infer<typeof EnhancedSession>;

/** A quality change, reported by the player. */
export const QualitySwitchRequest = z.object({
  from: z.nullable(PlayerQualityChoice),
  to: PlayerQualityChoice,
  mode: z.enum(['auto', 'manual']),
  reason: QualitySwitchReason,
  position: Seconds,
  /** The player's bandwidth estimate at the switch, bits per second. */
  bandwidth_estimate: z.optional(z.int().check(z.minimum(0))),
});
export type QualitySwitchRequest = z.infer<typeof QualitySwitchRequest>;

export const QualitySwitchResult = z.object({
  /** The quality now in force: `to`, or `max_quality` when `to` was above the plan. */
  quality: PlayerQualityChoice,
  /** True when the requested rung was above the plan and was capped. */
  capped: z.boolean(),
  max_quality: PlayerQuality,
  /** A sentence for the viewer when capped ("Your plan streams up to 720p"). */
  message: z.nullable(z.string()),
});
export type QualitySwitchResult = z.infer<typeof QualitySwitchResult>;

/** The session summary shown to the viewer (and fed to the admin quality-of-experience charts). */
export const PlayerSessionAnalytics = z.object({
  session_id: Id,
  title_id: Id,
  episode_id: z.nullable(Id),
  status: z.enum(['active', 'ended', 'expired', 'terminated']),
  started_at: Timestamp,
  ended_at: z.nullable(Timestamp),
  /** Seconds of media actually played (not wall time, not seeking). */
  watch_time: Seconds,
  /** Time from session start to the first frame, milliseconds; null before it. */
  startup_time_ms: z.nullable(z.int()),
  /** Time-weighted average bitrate, bits per second. */
  average_bitrate: z.nullable(z.int()),
  peak_bitrate: z.nullable(z.int()),
  /** Seconds played at each rung. */
  time_by_quality: z.array(z.object({ quality: PlayerQuality, seconds: Seconds })),
  rebuffer_count: z.int(),
  rebuffer_time: Seconds,
  /** Rebuffer time / (watch time + rebuffer time), 0–1. */
  rebuffer_ratio: z.number().check(z.minimum(0), z.maximum(1)),
  quality_switches: z.object({ auto: z.int(), manual: z.int() }),
  errors: z.object({ fatal: z.int(), recovered: z.int() }),
  dropped_frames: z.int(),
  media_token_renewals: z.int(),
});
export type PlayerSessionAnalytics = z.infer<typeof PlayerSessionAnalytics>;

/** A player-side error, as kept in a debug snapshot. */
export const PlayerErrorEntry = z.object({
  at: Timestamp,
  /** hls.js error type and details (`networkError` / `fragLoadError`) or a media error name. */
  type: z.string().check(z.maxLength(80)),
  details: z.string().check(z.maxLength(500)),
  fatal: z.boolean(),
  /** HTTP status of the failed request, if any. */
  status: z.optional(z.int()),
});

/** The player's state when a problem is reported: collected automatically, bounded in size. */
export const PlayerDebugSnapshot = z.object({
  user_agent: z.string().check(z.maxLength(512)),
  player_version: z.string().check(z.maxLength(40)),
  engine: z.enum(['hls.js', 'native']),
  engine_version: z.optional(z.string().check(z.maxLength(40))),
  position: Seconds,
  duration: z.nullable(Seconds),
  /** Seconds buffered ahead of the position. */
  buffer_ahead: Seconds,
  /** hls.js level index in use. */
  level: z.nullable(z.int()),
  quality: z.nullable(PlayerQualityChoice),
  bitrate: z.nullable(z.int()),
  bandwidth_estimate: z.nullable(z.int()),
  resolution: z.nullable(z.object({ width: z.int(), height: z.int() })),
  dropped_frames: z.int().check(z.minimum(0)),
  decoded_frames: z.int().check(z.minimum(0)),
  playback_rate: z.number().check(z.minimum(0), z.maximum(16)),
  audio_track: z.nullable(z.string().check(z.maxLength(100))),
  subtitle_track: z.nullable(z.string().check(z.maxLength(100))),
  /** `HTMLMediaElement.readyState` and `networkState`. */
  ready_state: z.int().check(z.minimum(0), z.maximum(4)),
  network_state: z.int().check(z.minimum(0), z.maximum(3)),
  online: z.boolean(),
  recent_errors: z.array(PlayerErrorEntry).check(z.maxLength(20)),
  /** Anything else worth a look, as short key/value pairs. */
  extra: z.optional(
    z.record(
      z.string().check(z.maxLength(60)),
      z.union([z.string().check(z.maxLength(500)), z.number(), z.boolean(), z.null()]),
    ),
  ),
});
export type PlayerDebugSnapshot = z.infer<typeof PlayerDebugSnapshot>;

export const PlaybackIssueCategory = z.enum([
  'video',
  'audio',
  'subtitles',
  'audio_sync',
  'buffering',
  'quality',
  'playback_error',
  'wrong_content',
  'other',
]);
export type PlaybackIssueCategory = z.infer<typeof PlaybackIssueCategory>;

export const PlaybackIssueReport = z.object({
  category: PlaybackIssueCategory,
  /** What the viewer wrote; may be empty. */
  text: z.string().check(z.maxLength(2000)),
  position: Seconds,
  debug: PlayerDebugSnapshot,
});
export type PlaybackIssueReport = z.infer<typeof PlaybackIssueReport>;

export const PlaybackIssueReceipt = z.object({
  report_id: Id,
  /** A short reference the viewer can quote to support: `PB-7K3Q2`. */
  reference: z.string(),
  created_at: Timestamp,
});
export type PlaybackIssueReceipt = z.infer<typeof PlaybackIssueReceipt>;

/** The server's view of a session, for "stats for nerds" and support. */
export const PlayerDebugInfo = z.object({
  session_id: Id,
  status: z.enum(['active', 'ended', 'expired', 'terminated']),
  /** Why the server ended it (`terminated_by_staff`, `stream_limit`, `idle`), when it did. */
  end_reason: z.nullable(z.string()),
  title_id: Id,
  episode_id: z.nullable(Id),
  created_at: Timestamp,
  last_heartbeat_at: z.nullable(Timestamp),
  /** The server's clock, to spot a skewed client clock (token expiry). */
  server_time: Timestamp,
  /** Last position and quality the player reported. */
  position: z.nullable(Seconds),
  quality: z.nullable(PlayerQualityChoice),
  max_quality: PlayerQuality,
  manifest_url: Url,
  media_token_expires_at: Timestamp,
  media_token_renewals: z.int(),
  /** The node (or CDN edge) serving media. */
  delivery_node: z.string(),
  region: z.nullable(z.string()),
  device: z.object({ kind: z.string(), os: z.string(), browser: z.string(), player_version: z.string() }),
  auth: z.enum(['session', 'partner']),
  events_received: z.int(),
  last_event: z.nullable(z.object({ type: z.string(), at: Timestamp })),
  concurrent_streams: z.object({ in_use: z.int(), limit: z.int() }),
  recent_errors: z.array(PlayerErrorEntry),
});
export type PlayerDebugInfo = z.infer<typeof PlayerDebugInfo>;

// Player events (§23). One schema per type; `type` tells them apart.

const eventBase = {
  /** Client-generated id, unique per session: the server drops duplicates, so a batch can be resent. */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  session_id: Id,
  /** Media position when it happened, seconds. */
  position: Seconds,
  /** When it happened, by the client's clock. */
  timestamp: Timestamp,
};

const EventNote = z.string().check(z.maxLength(500));

export const PlayerEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('play'), details: z.optional(z.object({ autoplay: z.boolean() })) }),
  z.object({ ...eventBase, type: z.literal('pause'), details: z.optional(z.object({})) }),
  z.object({ ...eventBase, type: z.literal('seek'), details: z.object({ from: Seconds, to: Seconds }) }),
  z.object({
    ...eventBase,
    type: z.literal('ended'),
    /** `completed`: reached the end; `next`: went on to the next episode. */
    details: z.optional(z.object({ reason: z.enum(['completed', 'next', 'closed']) })),
  }),
  z.object({
    ...eventBase,
    type: z.literal('error'),
    details: z.object({
      code: z.string().check(z.maxLength(80)),
      message: EventNote,
      fatal: z.boolean(),
      status: z.optional(z.int()),
      recovered: z.optional(z.boolean()),
    }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('quality_change'),
    details: z.object({
      from: z.nullable(PlayerQualityChoice),
      to: PlayerQualityChoice,
      mode: z.enum(['auto', 'manual']),
      reason: QualitySwitchReason,
      bitrate: z.optional(z.int()),
    }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('rebuffer'),
    details: z.object({ duration_ms: z.int().check(z.minimum(0), z.maximum(3_600_000)) }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('heartbeat'),
    details: z.object({
      /** Whether media was playing (not paused) when sent. */
      playing: z.boolean(),
      buffer_ahead: Seconds,
      quality: z.nullable(PlayerQualityChoice),
      bitrate: z.nullable(z.int()),
      bandwidth_estimate: z.nullable(z.int()),
      playback_rate: z.number().check(z.minimum(0), z.maximum(16)),
      dropped_frames: z.int().check(z.minimum(0)),
      /** Seconds played since the previous heartbeat. */
      watched: Seconds,
    }),
  }),
]);
export type PlayerEvent = z.infer<typeof PlayerEvent>;
export type PlayerEventType = PlayerEvent['type'];

/** A batch of events. Sent by `fetch` with a bearer token, or by `navigator.sendBeacon` with the token inside. */
export const PlayerEventBatch = z.object({
  events: z.array(PlayerEvent).check(z.minLength(1), z.maxLength(200)),
  /**
   * The access token or partner playback token, for `sendBeacon` (which cannot set headers). Ignored
   * when an `Authorization` header is present.
   */
  token: z.optional(z.string().check(z.maxLength(4096))),
});
export type PlayerEventBatch = z.infer<typeof PlayerEventBatch>;

export const PlayerEventsAccepted = z.object({
  accepted: z.int(),
  /** Events already received (same session and id), ignored. */
  duplicates: z.int(),
  /** Events for sessions that ended or do not belong to the caller, ignored. */
  ignored: z.int(),
  server_time: Timestamp,
});
export type PlayerEventsAccepted = z.infer<typeof PlayerEventsAccepted>;
