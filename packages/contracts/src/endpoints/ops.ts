import * as z from 'zod/mini';
import { PageQuery, page } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { Permission } from '../permissions.js';
import {
  ClientErrorBatch,
  ClientErrorGroup,
  ObservabilityWindow,
  OpsHealth,
  OpsVersion,
  PublicJwkSet,
  RouteStatsReport,
  TelemetryAccepted,
  WebVitalBatch,
  WebVitalName,
  WebVitalsReport,
} from '../schemas/ops.js';

const WindowQuery = z.object({
  /** Default 1h. */
  window: z.optional(ObservabilityWindow),
});

export const opsHealth = defineEndpoint({
  operation: 'ops.health',
  method: 'GET',
  path: '/ops/health',
  summary: 'Liveness and dependencies (database, media job queue); answers 503 with the same body when down',
  response: OpsHealth,
  errors: [503],
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-admin'],
});

export const opsMetrics = defineEndpoint({
  operation: 'ops.metrics',
  method: 'GET',
  path: '/ops/metrics',
  summary:
    'Prometheus text exposition: request rates and latency histograms per route, errors, job queue, ' +
    'active streams',
  response: z.string(),
  bodyKind: 'text',
  auth: Auth.staff,
  permission: Permission.observabilityView,
  retry: Retry.safe,
  origin: 'S',
});

export const opsVersion = defineEndpoint({
  operation: 'ops.version',
  method: 'GET',
  path: '/ops/version',
  summary: 'The running build: version, commit, build time, contract version and package versions',
  response: OpsVersion,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-admin', 'reel-shell'],
});

export const opsRouteStats = defineEndpoint({
  operation: 'ops.routeStats',
  method: 'GET',
  path: '/ops/observability/routes',
  summary: 'Per-route request rate, error rate and latency p50/p95/p99 over a window, with a timeline',
  query: z.extend(WindowQuery, {
    sort: z.optional(z.enum(['requests', 'errors', 'error_rate', 'p95', 'p99'])),
    /** Only routes whose template contains this. */
    route: z.optional(z.string().check(z.maxLength(200))),
  }),
  response: RouteStatsReport,
  auth: Auth.staff,
  permission: Permission.observabilityView,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-admin'],
});

export const opsClientErrors = defineEndpoint({
  operation: 'ops.clientErrors',
  method: 'GET',
  path: '/ops/observability/client-errors',
  summary: 'Client errors reported by the elements, grouped by fingerprint, most frequent first',
  query: z.extend(z.extend(PageQuery, WindowQuery.def.shape), {
    element: z.optional(z.string().check(z.maxLength(60))),
    release: z.optional(z.string().check(z.maxLength(40))),
  }),
  response: page(ClientErrorGroup),
  auth: Auth.staff,
  permission: Permission.observabilityView,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-admin'],
});

export const opsReportClientErrors = defineEndpoint({
  operation: 'ops.reportClientErrors',
  method: 'POST',
  path: '/ops/observability/client-errors',
  summary:
    'Report uncaught element errors (sent by the kit, possibly with `sendBeacon`). Public, rate-limited ' +
    'per client, body capped at 64 KB; excess reports are dropped, not refused',
  body: ClientErrorBatch,
  status: 202,
  response: TelemetryAccepted,
  errors: [413],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'added',
  usedBy: ['reel-shell'],
});

export const opsWebVitals = defineEndpoint({
  operation: 'ops.webVitals',
  method: 'GET',
  path: '/ops/observability/web-vitals',
  summary: 'Web vitals (LCP, INP, CLS, FCP, TTFB): percentiles, ratings and a per-page breakdown',
  query: z.extend(WindowQuery, {
    page: z.optional(z.string().check(z.maxLength(200))),
    name: z.optional(WebVitalName),
  }),
  response: WebVitalsReport,
  auth: Auth.staff,
  permission: Permission.observabilityView,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-admin'],
});

export const opsReportWebVitals = defineEndpoint({
  operation: 'ops.reportWebVitals',
  method: 'POST',
  path: '/ops/observability/web-vitals',
  summary:
    'Report web vitals measured by the elements (sent by the kit, possibly with `sendBeacon`). Public, ' +
    'rate-limited per client, body capped at 64 KB',
  body: WebVitalBatch,
  status: 202,
  response: TelemetryAccepted,
  errors: [413],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'added',
  usedBy: ['reel-shell'],
});

export const opsJwks = defineEndpoint({
  operation: 'ops.jwks',
  method: 'GET',
  path: '/.well-known/jwks.json',
  summary: 'The public keys that verify access tokens (ES256). Served at the site root, not under the API base',
  response: PublicJwkSet,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'added',
});

/** Health, metrics, version and observability (§30, issue 17); the JWKS document. */
export const ops = {
  health: opsHealth,
  metrics: opsMetrics,
  version: opsVersion,
  routeStats: opsRouteStats,
  clientErrors: opsClientErrors,
  reportClientErrors: opsReportClientErrors,
  webVitals: opsWebVitals,
  reportWebVitals: opsReportWebVitals,
  jwks: opsJwks,
} as const;
