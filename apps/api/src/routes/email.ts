import { auth } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { emailServices, emailWorkDone } from '../services/email-services.js';
import { clientOf } from './auth.js';

/**
 * Email verification (§18): the link's check (signed in or out), resend with its countdown, and
 * the status the verification banner shows. Sign-up sends the first email (routes/auth.ts).
 */
export function registerEmailRoutes(app: FastifyInstance): void {
  const service = () => emailServices(app).verification;
  // Emails queued after an answer are sent before the database closes.
  app.addHook('onClose', () => emailWorkDone(app));

  handle(app, auth.verifyEmail, async ({ body, request }) => service().verify(body.token, clientOf(request)));

  handle(app, auth.resendVerification, async ({ principal, request }) =>
    service().resend(principal.userId, clientOf(request)),
  );

  handle(app, auth.emailStatus, async ({ principal, reply }) => {
    reply.header('cache-control', 'no-store');
    return service().status(principal.userId);
  });
}
