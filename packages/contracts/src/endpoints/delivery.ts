import * as z from 'zod/mini';
import { Id } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { BatchRequest, BatchResponse, DeliveryToken, MediaPath, SignedUrl } from '../schemas/ops.js';

export const deliverySignedUrl = defineEndpoint({
  operation: 'delivery.signedUrl',
  method: 'GET',
  path: '/delivery/signed-url',
  summary:
    'A signed, expiring URL for one media file, by `asset_id` or by `path` (exactly one; 400 otherwise). The caller ' +
    'must be entitled to the title the file belongs to (through `session_id` for a playback session)',
  query: z.object({
    asset_id: z.optional(Id),
    path: z.optional(MediaPath),
    session_id: z.optional(Id),
    /** Lifetime in seconds, 60–21600; default 3600. */
    ttl: z.optional(z.coerce.number().check(z.int(), z.minimum(60), z.maximum(21600))),
  }),
  response: SignedUrl,
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-player', 'reel-downloads'],
});

export const deliveryToken = defineEndpoint({
  operation: 'delivery.token',
  method: 'GET',
  path: '/delivery/token',
  summary:
    'A delivery token for every media file of a playback session (and, on the main site, the same as ' +
    'an httpOnly cookie); never a cookie on a partner page',
  query: z.object({
    session_id: Id,
    /** Lifetime in seconds, 60–21600; default 3600. */
    ttl: z.optional(z.coerce.number().check(z.int(), z.minimum(60), z.maximum(21600))),
  }),
  response: DeliveryToken,
  errors: [410],
  auth: Auth.playback,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-player'],
});

/** Signed media delivery (§29). Media answers 403 (with CORS headers) without a valid signature. */
export const delivery = {
  signedUrl: deliverySignedUrl,
  token: deliveryToken,
} as const;

export const batchRun = defineEndpoint({
  operation: 'batch.run',
  method: 'POST',
  path: '/batch',
  summary:
    'Several GET requests in one (at most 25), each authorised as the caller and answered with its own ' +
    'status and body, in request order. Used by the client to batch and de-duplicate reads',
  body: BatchRequest,
  response: BatchResponse,
  errors: [413],
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-home', 'reel-rail', 'reel-title-detail'],
});

/** Request batching (§28). */
export const batch = {
  run: batchRun,
} as const;
