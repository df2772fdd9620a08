import * as z from 'zod/mini';
import { Id, Seconds } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { Marker } from '../schemas/catalog.js';
import {
  EffectiveConnectionType,
  EnhancedSession,
  EnhancedSessionRequest,
  MediaToken,
  PlaybackHints,
  PlaybackIssueReceipt,
  PlaybackIssueReport,
  PlaybackTokenString,
  PlayerDebugInfo,
  PlayerDeviceKind,
  PlayerEventBatch,
  PlayerEventsAccepted,
  PlayerSessionAnalytics,
  QualitySwitchRequest,
  QualitySwitchResult,
} from '../schemas/player.js';

const SessionParams = z.object({ id: Id });

export const playerMarkers = defineEndpoint({
  operation: 'player.markers',
  method: 'GET',
  path: '/episodes/{episode_id}/markers',
  summary: "Intro, recap, credits and preview ranges of an episode, in seconds (a film's come with its session)",
  params: z.object({ episode_id: Id }),
  response: z.object({ episode_id: Id, duration: Seconds, items: z.array(Marker) }),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerStartSession = defineEndpoint({
  operation: 'player.startSession',
  method: 'POST',
  path: '/player/sessions/enhanced',
  summary:
    'Start playback: checks entitlements (plan quality ceiling, concurrent streams, maturity, region, a ' +
    "partner token's title and origin) and answers the signed manifest, media token, tracks, ladder, " +
    'markers, sprite, resume position, next episode and start hints. 409 when the concurrent-stream ' +
    'limit is reached (details list the other streams); 503 with Retry-After while the media is ' +
    'still being prepared (the request waits a few seconds for it first)',
  body: EnhancedSessionRequest,
  status: 201,
  response: EnhancedSession,
  errors: [409, 503],
  auth: Auth.playback,
  retry: Retry.idempotencyKey,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerQualitySwitch = defineEndpoint({
  operation: 'player.qualitySwitch',
  method: 'POST',
  path: '/player/sessions/{id}/quality-switch',
  summary: 'Report a quality change (manual or automatic); a manual choice above the plan is capped',
  params: SessionParams,
  body: QualitySwitchRequest,
  response: QualitySwitchResult,
  errors: [410],
  auth: Auth.playback,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerAnalytics = defineEndpoint({
  operation: 'player.analytics',
  method: 'GET',
  path: '/player/sessions/{id}/analytics',
  summary: 'Session summary for the viewer: watch time, bitrate, startup time, rebuffering, quality switches',
  params: SessionParams,
  response: PlayerSessionAnalytics,
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerReportIssue = defineEndpoint({
  operation: 'player.reportIssue',
  method: 'POST',
  path: '/player/sessions/{id}/report-issue',
  summary: 'Report a playback problem with a category, text and the automatic debug snapshot',
  params: SessionParams,
  body: PlaybackIssueReport,
  status: 201,
  response: PlaybackIssueReceipt,
  errors: [413],
  auth: Auth.playback,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerDebugInfo = defineEndpoint({
  operation: 'player.debugInfo',
  method: 'GET',
  path: '/player/sessions/{id}/debug-info',
  summary: "The server's view of the session, for 'stats for nerds' and support",
  params: SessionParams,
  response: PlayerDebugInfo,
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerEvents = defineEndpoint({
  operation: 'player.events',
  method: 'POST',
  path: '/player/events',
  summary:
    "A batch of playback events; keeps the profile's progress (history, Continue Watching). Also " +
    'accepts `navigator.sendBeacon`: the token then travels in the body (`token`) and the body may ' +
    'arrive as `text/plain`. Events are de-duplicated by session and id, so a batch may be resent',
  body: PlayerEventBatch,
  status: 202,
  response: PlayerEventsAccepted,
  errors: [413],
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-player'],
});

export const playerRenewToken = defineEndpoint({
  operation: 'player.renewToken',
  method: 'POST',
  path: '/player/sessions/{id}/renew-token',
  summary:
    'A fresh media token before (or after) the current one expires; playback resumes without reloading ' +
    'the source. An embed passes the new partner playback token it got from its host',
  params: SessionParams,
  body: z.object({ playback_token: z.optional(PlaybackTokenString) }),
  response: z.object({ media_token: MediaToken }),
  errors: [410],
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-player'],
});

export const playerEndSession = defineEndpoint({
  operation: 'player.endSession',
  method: 'DELETE',
  path: '/player/sessions/{id}',
  summary: 'End the session and free its concurrent-stream slot (sent with `keepalive` when the page hides)',
  params: SessionParams,
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-player'],
});

export const playerHints = defineEndpoint({
  operation: 'player.hints',
  method: 'GET',
  path: '/playback-intelligence/hints',
  summary:
    "Suggested start level, initial bandwidth estimate and buffer settings from the viewer's measured " +
    'throughput history (defaults for partner tokens and new viewers)',
  query: z.object({
    title_id: Id,
    episode_id: z.optional(Id),
    device: z.optional(PlayerDeviceKind),
    effective_connection: z.optional(EffectiveConnectionType),
  }),
  response: PlaybackHints,
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-player'],
});

/**
 * The player: sessions with entitlement checks, quality, events, diagnostics, markers and playback
 * intelligence (§12, §22–§24). `playback` endpoints accept a user session or a partner playback token.
 * Session-scoped calls answer 410 once the session has ended (idle, stream limit, terminated by staff):
 * the player then starts a new one.
 */
export const player = {
  markers: playerMarkers,
  startSession: playerStartSession,
  qualitySwitch: playerQualitySwitch,
  analytics: playerAnalytics,
  reportIssue: playerReportIssue,
  debugInfo: playerDebugInfo,
  events: playerEvents,
  renewToken: playerRenewToken,
  endSession: playerEndSession,
  hints: playerHints,
} as const;
