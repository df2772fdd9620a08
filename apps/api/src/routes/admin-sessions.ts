import { adminSessionsAccounts, adminSessionsList, adminSessionsTerminate } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { LiveSessions } from '../services/admin/sessions.js';

/** The live sessions monitor (§21, issue 17): streams now, streams per account, terminate. */
export function registerAdminSessionRoutes(app: FastifyInstance): void {
  const live = new LiveSessions(app);

  handle(app, adminSessionsList, async ({ query }) => live.list(query));

  handle(app, adminSessionsAccounts, async ({ query }) => live.accounts(query));

  handle(app, adminSessionsTerminate, async ({ params, query, principal, request }) => {
    await live.terminate(params.id, query, { principal, request });
  });
}
