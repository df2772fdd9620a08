import {
  adminAnalyticsExport,
  adminAnalyticsReport,
  adminCostAnalyticsModel,
  adminCostAnalyticsReport,
  adminCostAnalyticsSetModel,
  adminCostAnalyticsStorage,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { Analytics, datasetCsv } from '../services/admin/analytics.js';
import { Costs } from '../services/admin/costs.js';

/** Viewing analytics and cost analytics (§21, issue 17). */
export function registerAdminAnalyticsRoutes(app: FastifyInstance): void {
  const analytics = new Analytics(app);
  const costs = new Costs(app);

  handle(app, adminAnalyticsReport, async ({ query }) => analytics.report(query));

  handle(app, adminAnalyticsExport, async ({ query, reply }) => {
    const { dataset, ...rest } = query;
    const csv = datasetCsv(await analytics.report(rest), dataset);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="reel-${dataset}-${query.from}-${query.to}.csv"`);
    reply.header('cache-control', 'no-store');
    return csv;
  });

  handle(app, adminCostAnalyticsReport, async ({ query }) => costs.report(query));

  handle(app, adminCostAnalyticsStorage, async ({ query }) => costs.storageItems(query));

  handle(app, adminCostAnalyticsModel, async () => costs.model());

  handle(app, adminCostAnalyticsSetModel, async ({ body, principal, request }) =>
    costs.setModel(body, { principal, request }),
  );
}
