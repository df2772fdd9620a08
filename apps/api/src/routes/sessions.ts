import { sessions } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { originOf, recordSecurityEvent } from '../services/audit.js';
import { accountServices } from '../services/auth.js';
import { clearSessionCookie, clientOf } from './auth.js';

/**
 * Where you are signed in (§19): list, sign out one, everywhere, or everywhere else. A revoked
 * session's refresh family ends at once, and its access tokens fail from the next request.
 */
export function registerSessionRoutes(app: FastifyInstance): void {
  const service = () => accountServices(app);

  handle(app, sessions.list, async ({ principal }) => ({
    items: await service().sessions.list(principal.userId, principal.sessionId),
    current_session_id: principal.sessionId,
  }));

  handle(app, sessions.revoke, async ({ principal, params, request, reply }) => {
    const revoked = await service().sessions.revoke(principal.userId, [params.session_id], 'revoked_by_user');
    if (!revoked.length) {
      // Signed out already answers the same again; another account's session is not found.
      if (!(await service().sessions.owns(principal.userId, params.session_id))) throw notFound('That session');
      return;
    }
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'session.revoked',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
      details: { session_id: params.session_id },
    });
    if (params.session_id === principal.sessionId) clearSessionCookie(app, request, reply);
  });

  handle(app, sessions.revokeAll, async ({ principal, request, reply }) => {
    const revoked = await service().sessions.revokeAllBut(principal.userId, [], 'revoked_all');
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'sessions.revoked_all',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
      details: { revoked: revoked.length },
    });
    clearSessionCookie(app, request, reply);
    return { revoked: revoked.length, current_revoked: true };
  });

  handle(app, sessions.revokeOthers, async ({ principal, request }) => {
    const revoked = await service().sessions.revokeAllBut(principal.userId, [principal.sessionId], 'revoked_others');
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'sessions.revoked_others',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
      details: { revoked: revoked.length },
    });
    return { revoked: revoked.length, current_revoked: false };
  });
}
