import { account } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { accountSecurityServices, startAccountSweeps } from '../services/account-lifecycle-services.js';
import { listLoginActivity, listSecurityEvents, originOf } from '../services/audit.js';
import { callerOf, clearSessionCookie, clientOf } from './auth.js';

/**
 * The account's lifecycle, login activity and security audit log (§20): deactivate, reactivate,
 * what deletion removes, schedule deletion after the grace period, and the two logs with their
 * filters and cursors. (Trusted devices are served with the devices, in devices.ts.)
 */
export function registerAccountRoutes(app: FastifyInstance): void {
  const lifecycle = () => accountSecurityServices(app).lifecycle;
  startAccountSweeps(app);

  handle(app, account.deactivate, async ({ principal, body, request, reply }) => {
    const done = await lifecycle().deactivate(callerOf(principal), body, originOf(clientOf(request)));
    clearSessionCookie(app, request, reply);
    return done;
  });

  handle(app, account.reactivate, async ({ principal, request }) =>
    lifecycle().reactivate(callerOf(principal), originOf(clientOf(request))),
  );

  handle(app, account.deletionPlan, async ({ principal }) => lifecycle().plan(principal.userId));

  handle(app, account.delete, async ({ principal, body, request, reply }) => {
    const scheduled = await lifecycle().scheduleDeletion(callerOf(principal), body, originOf(clientOf(request)));
    clearSessionCookie(app, request, reply);
    return scheduled;
  });

  handle(app, account.activity, async ({ principal, query }) => listLoginActivity(app.db, principal.userId, query));

  handle(app, account.auditLog, async ({ principal, query }) => listSecurityEvents(app.db, principal.userId, query));
}
