import {
  ErrorCode,
  opsClientErrors,
  opsMetrics,
  opsReportClientErrors,
  opsReportWebVitals,
  opsRouteStats,
  opsWebVitals,
} from '@reel/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.js';
import { handle } from '../http/route.js';
import { Telemetry } from '../services/admin/telemetry.js';

/** Telemetry bodies are capped well below the API's 1 MB. */
const MAX_REPORT_BYTES = 64 * 1024;

function capped(request: FastifyRequest): void {
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > MAX_REPORT_BYTES) {
    throw new HttpError(413, ErrorCode.payloadTooLarge, 'A telemetry report is at most 64 KB');
  }
}

/** Observability (§30, issue 17): Prometheus metrics, per-route stats, client errors, web vitals. */
export function registerAdminOpsRoutes(app: FastifyInstance): void {
  const telemetry = new Telemetry(app.db);

  handle(app, opsMetrics, async ({ reply }) => {
    const metrics = app.opsMetrics;
    reply.header('content-type', metrics.registry.contentType);
    reply.header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });

  handle(app, opsRouteStats, async ({ query }) =>
    app.opsMetrics.routes.report(query.window ?? '1h', { route: query.route, sort: query.sort }),
  );

  handle(app, opsClientErrors, async ({ query }) => telemetry.errorGroups(query));

  handle(app, opsReportClientErrors, async ({ body, principal, request }) => {
    capped(request);
    const result = await telemetry.reportErrors(body, principal, request);
    app.opsMetrics.clientReports.inc({ kind: 'error' }, result.accepted);
    return result;
  });

  handle(app, opsWebVitals, async ({ query }) => telemetry.vitals(query));

  handle(app, opsReportWebVitals, async ({ body, principal, request }) => {
    capped(request);
    const result = await telemetry.reportVitals(body, principal, request);
    app.opsMetrics.clientReports.inc({ kind: 'web_vital' }, result.accepted);
    return result;
  });
}
