import * as z from 'zod/mini';
import { Id, Timestamp } from '../common.js';

// Partner embedding (issue 13): playback tokens minted by a partner's server with its API key.

/** A web origin: scheme, host and optional port, no path: `https://news.example.com`. */
export const PartnerOrigin = z.string().check(z.maxLength(255), z.regex(/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/));

export const PartnerPlaybackTokenRequest = z.object({
  title_id: Id,
  /** Binds the token to one episode; without it, any episode of the title. */
  episode_id: z.optional(Id),
  /** The page origin the player runs on; must be one of the key's allowed origins. */
  origin: PartnerOrigin,
  /** Lifetime in seconds, 60–3600; default 900. */
  ttl: z.optional(z.int().check(z.minimum(60), z.maximum(3600))),
  /** The partner's own opaque reference for the viewer, kept for its usage reports. Never personal data. */
  viewer_ref: z.optional(z.string().check(z.maxLength(128))),
});
export type PartnerPlaybackTokenRequest = z.infer<typeof PartnerPlaybackTokenRequest>;

export const PartnerPlaybackToken = z.object({
  /** Give it to `<reel-player playback-token=…>`; it is honoured only for this title and origin. */
  playback_token: z.string(),
  /** Seconds until it expires. */
  expires_in: z.int(),
  expires_at: Timestamp,
  title_id: Id,
  episode_id: z.nullable(Id),
  origin: z.string(),
});
export type PartnerPlaybackToken = z.infer<typeof PartnerPlaybackToken>;
