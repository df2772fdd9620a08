import * as z from 'zod/mini';
import { Id, Timestamp, Url } from '../common.js';
import { EffectiveConnectionType, PlayerDeviceKind } from './player.js';

// Delivery (§29), batching (§28), ops and observability (§30, issue 17), JWKS.

// ---------------------------------------------------------------------------------------------
// Delivery

/** A media path under the delivery root: `media/t123/1080p/seg-00042.m4s`. No `..`, no query. */
export const MediaPath = z
  .string()
  .check(z.minLength(1), z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*$/));

export const SignedUrl = z.object({
  url: Url,
  /** The path that was signed. */
  path: z.string(),
  expires_at: Timestamp,
  expires_in: z.int(),
});
export type SignedUrl = z.infer<typeof SignedUrl>;

/** A signed token (and, on the main site, a cookie) that authorises every media URL under a prefix. */
export const DeliveryToken = z.object({
  token: z.string(),
  expires_at: Timestamp,
  expires_in: z.int(),
  /** Media URLs under this prefix accept the token. */
  path_prefix: z.string(),
  /** Query parameter that carries the token when cookies cannot (partner pages, cross-origin). */
  query_param: z.string(),
  /**
   * The cookie form, when the answer also set it (`Set-Cookie`, httpOnly, SameSite). Always null on
   * partner pages: no cookie is ever set there.
   */
  cookie: z.nullable(z.object({ name: z.string(), path: z.string(), domain: z.nullable(z.string()) })),
});
export type DeliveryToken = z.infer<typeof DeliveryToken>;

// ---------------------------------------------------------------------------------------------
// Batch

/**
 * A GET path under the API base, with its query: `/titles/t1?x=1`. A path that is not a GET route
 * (or is `/batch` itself) is answered 400 in its own slot, not for the whole batch.
 */
export const BatchPath = z.string().check(z.minLength(2), z.maxLength(2048), z.regex(/^\/\S+$/));

export const BatchRequest = z.object({
  requests: z
    .array(
      z.object({
        /** Chosen by the client to match answers to requests; unique in the batch. */
        id: z.string().check(z.minLength(1), z.maxLength(64)),
        /** Only GET is batched. */
        method: z.optional(z.literal('GET')),
        path: BatchPath,
      }),
    )
    .check(z.minLength(1), z.maxLength(25)),
});
export type BatchRequest = z.infer<typeof BatchRequest>;

export const BatchResponse = z.object({
  /** One answer per request, in request order. */
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.int(),
      /** The JSON body that the single request would have answered (the error envelope for non-2xx). */
      body: z.unknown(),
      /** Caching headers of the single answer, so the client can cache it like one. */
      headers: z.object({ etag: z.optional(z.string()), cache_control: z.optional(z.string()) }),
    }),
  ),
});
export type BatchResponse = z.infer<typeof BatchResponse>;

// ---------------------------------------------------------------------------------------------
// Health and version

export const OpsStatus = z.enum(['ok', 'degraded', 'down']);
export type OpsStatus = z.infer<typeof OpsStatus>;

export const OpsCheck = z.object({
  status: OpsStatus,
  latency_ms: z.nullable(z.number()),
  /** What is wrong, when not ok. */
  message: z.nullable(z.string()),
});
export type OpsCheck = z.infer<typeof OpsCheck>;

export const OpsHealth = z.object({
  /** The worst of the checks. */
  status: OpsStatus,
  checks: z.object({
    db: OpsCheck,
    media_queue: z.extend(OpsCheck, {
      queued: z.int(),
      running: z.int(),
      failed_last_hour: z.int(),
      /** Age of the oldest queued job, seconds; null when the queue is empty. */
      oldest_queued_age: z.nullable(z.number()),
    }),
  }),
  version: z.string(),
  uptime_seconds: z.number(),
  time: Timestamp,
});
export type OpsHealth = z.infer<typeof OpsHealth>;

export const OpsVersion = z.object({
  version: z.string(),
  commit: z.string(),
  build_time: Timestamp,
  node: z.string(),
  /** The contract's version, which the client compares with its own. */
  contract_version: z.string(),
  packages: z.array(z.object({ name: z.string(), version: z.string() })),
});
export type OpsVersion = z.infer<typeof OpsVersion>;

// ---------------------------------------------------------------------------------------------
// Observability

export const ObservabilityWindow = z.enum(['5m', '15m', '1h', '6h', '24h', '7d']);
export type ObservabilityWindow = z.infer<typeof ObservabilityWindow>;

export const LatencyPercentiles = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });

export const RouteStats = z.object({
  method: z.string(),
  /** The route template: `/api/v1/titles/{id}`. */
  route: z.string(),
  /** The contract operation, when the route has one. */
  operation: z.nullable(z.string()),
  requests: z.int(),
  /** Requests per second over the window. */
  rate: z.number(),
  /** 5xx answers. */
  errors: z.int(),
  /** 4xx answers. */
  client_errors: z.int(),
  /** errors / requests, 0–1. */
  error_rate: z.number().check(z.minimum(0), z.maximum(1)),
  /** Milliseconds. */
  latency_ms: LatencyPercentiles,
});
export type RouteStats = z.infer<typeof RouteStats>;

export const RouteStatsReport = z.object({
  window: ObservabilityWindow,
  from: Timestamp,
  to: Timestamp,
  items: z.array(RouteStats),
  totals: z.object({
    requests: z.int(),
    rate: z.number(),
    errors: z.int(),
    error_rate: z.number(),
    latency_ms: LatencyPercentiles,
  }),
  /** All routes together, in equal buckets over the window, for the charts. */
  timeline: z.array(z.object({ at: Timestamp, requests: z.int(), errors: z.int(), latency_ms: LatencyPercentiles })),
});
export type RouteStatsReport = z.infer<typeof RouteStatsReport>;

/** A custom element tag: `reel-player`. */
export const ClientElementTag = z.string().check(z.maxLength(60), z.regex(/^[a-z][a-z0-9]*-[a-z0-9-]*$/));

/** One uncaught (or reported) error from an element, sent by the kit. */
export const ClientErrorReport = z.object({
  /** `Error.name`: `TypeError`, `ContractError`. */
  name: z.string().check(z.maxLength(120)),
  message: z.string().check(z.maxLength(1000)),
  stack: z.optional(z.string().check(z.maxLength(8000))),
  source: z.enum(['element', 'window', 'unhandledrejection', 'contract', 'network']),
  element: z.optional(ClientElementTag),
  element_version: z.optional(z.string().check(z.maxLength(40))),
  /** The page URL (no query string: the kit strips it). */
  url: z.string().check(z.maxLength(2048)),
  /** The contract operation involved, for `contract` and `network` errors. */
  operation: z.optional(z.string().check(z.maxLength(80))),
  occurred_at: Timestamp,
  /** The shell release or the standalone build it came from. */
  release: z.optional(z.string().check(z.maxLength(40))),
});
export type ClientErrorReport = z.infer<typeof ClientErrorReport>;

export const ClientErrorBatch = z.object({
  errors: z.array(ClientErrorReport).check(z.minLength(1), z.maxLength(20)),
});
export type ClientErrorBatch = z.infer<typeof ClientErrorBatch>;

/** Client errors grouped by fingerprint (name, message, top frame). */
export const ClientErrorGroup = z.object({
  fingerprint: z.string(),
  name: z.string(),
  message: z.string(),
  source: z.string(),
  element: z.nullable(z.string()),
  count: z.int(),
  /** Distinct accounts (or anonymous visitors) affected. */
  users: z.int(),
  first_seen: Timestamp,
  last_seen: Timestamp,
  releases: z.array(z.string()),
  /** The latest occurrence. */
  sample: z.object({
    stack: z.nullable(z.string()),
    url: z.string(),
    user_agent: z.string(),
    element_version: z.nullable(z.string()),
    occurred_at: Timestamp,
  }),
});
export type ClientErrorGroup = z.infer<typeof ClientErrorGroup>;

export const WebVitalName = z.enum(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']);
export type WebVitalName = z.infer<typeof WebVitalName>;

export const WebVitalRating = z.enum(['good', 'needs-improvement', 'poor']);

/** One metric from the `web-vitals` library, as the kit reports it. */
export const WebVitalSample = z.object({
  name: WebVitalName,
  /** Milliseconds, except CLS (unitless). */
  value: z.number().check(z.minimum(0), z.maximum(600000)),
  rating: WebVitalRating,
  /** The library's id for the page load, to de-duplicate. */
  id: z.string().check(z.maxLength(100)),
  /** The route the page was on: `/watch/:id` (a template, not the URL). */
  page: z.string().check(z.maxLength(200)),
  navigation_type: z.optional(
    z.enum(['navigate', 'reload', 'back-forward', 'back-forward-cache', 'prerender', 'restore']),
  ),
  /** The element (or CSS selector) the metric is attributed to. */
  attribution: z.optional(z.string().check(z.maxLength(200))),
  device: z.optional(PlayerDeviceKind),
  effective_connection: z.optional(EffectiveConnectionType),
  release: z.optional(z.string().check(z.maxLength(40))),
});
export type WebVitalSample = z.infer<typeof WebVitalSample>;

export const WebVitalBatch = z.object({
  items: z.array(WebVitalSample).check(z.minLength(1), z.maxLength(50)),
});
export type WebVitalBatch = z.infer<typeof WebVitalBatch>;

export const WebVitalSummary = z.object({
  name: WebVitalName,
  samples: z.int(),
  p50: z.number(),
  /** The value Core Web Vitals are judged on. */
  p75: z.number(),
  p95: z.number(),
  rating: WebVitalRating,
  /** Share of samples rated good / needs improvement / poor, 0–1. */
  good: z.number(),
  needs_improvement: z.number(),
  poor: z.number(),
});
export type WebVitalSummary = z.infer<typeof WebVitalSummary>;

export const WebVitalsReport = z.object({
  window: ObservabilityWindow,
  from: Timestamp,
  to: Timestamp,
  metrics: z.array(WebVitalSummary),
  /** p75 of each metric per page; null where a page has no sample. */
  pages: z.array(
    z.object({
      page: z.string(),
      samples: z.int(),
      p75: z.object({
        LCP: z.nullable(z.number()),
        INP: z.nullable(z.number()),
        CLS: z.nullable(z.number()),
        FCP: z.nullable(z.number()),
        TTFB: z.nullable(z.number()),
      }),
    }),
  ),
  /** p75 per metric in equal buckets over the window. */
  timeline: z.array(z.object({ at: Timestamp, name: WebVitalName, p75: z.number(), samples: z.int() })),
});
export type WebVitalsReport = z.infer<typeof WebVitalsReport>;

/** The answer to a telemetry post. */
export const TelemetryAccepted = z.object({ accepted: z.int(), dropped: z.int() });

// ---------------------------------------------------------------------------------------------
// JWKS

/** A public signing key (ES256, P-256). */
export const PublicJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: Id,
  alg: z.literal('ES256'),
  use: z.literal('sig'),
});
export type PublicJwk = z.infer<typeof PublicJwk>;

/** The JSON Web Key Set: the active key, the next one (published before it signs) and retiring ones. */
export const PublicJwkSet = z.object({ keys: z.array(PublicJwk) });
export type PublicJwkSet = z.infer<typeof PublicJwkSet>;
