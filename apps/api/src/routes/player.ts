import {
  playerAnalytics,
  playerDebugInfo,
  playerEndSession,
  playerEvents,
  playerHints,
  playerQualitySwitch,
  playerRenewToken,
  playerReportIssue,
  playerStartSession,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';

/** The player (§22–§24): sessions with entitlement checks, events, diagnostics and hints. */
export async function registerPlayerRoutes(app: FastifyInstance): Promise<void> {
  handle(app, playerStartSession, async ({ principal, body }) => app.player.start(principal, body));
  handle(app, playerEndSession, async ({ principal, params }) => {
    await app.player.end(principal, params.id);
  });
  handle(app, playerRenewToken, async ({ principal, params }) => app.player.renew(principal, params.id));
  handle(app, playerQualitySwitch, async ({ principal, params, body }) =>
    app.player.qualitySwitch(principal, params.id, body),
  );
  handle(app, playerAnalytics, async ({ principal, params }) => app.player.analytics(principal, params.id));
  handle(app, playerDebugInfo, async ({ principal, params }) => app.player.debugInfo(principal, params.id));
  handle(app, playerReportIssue, async ({ principal, params, body }) =>
    app.player.reportIssue(principal, params.id, body),
  );
  handle(app, playerHints, async ({ principal, query }) => app.player.hintsFor(principal, query));

  // Events also arrive by navigator.sendBeacon: a text/plain JSON body carrying the token. Only
  // this route (its own plugin context) reads text/plain, so no other route accepts a form post.
  await app.register(async (beacon) => {
    beacon.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        const error = new SyntaxError('The request body is not valid JSON');
        done(error, undefined);
      }
    });
    beacon.addHook('preHandler', async (request) => {
      const body = request.body as { token?: unknown } | null;
      if (!request.headers.authorization && body && typeof body === 'object' && typeof body.token === 'string') {
        request.headers.authorization = `Bearer ${body.token}`;
      }
    });
    handle(beacon, playerEvents, async ({ principal, body }) => app.player.events(principal, body.events));
  });
}
