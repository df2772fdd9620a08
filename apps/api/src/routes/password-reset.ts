import { auth } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { emailServices } from '../services/email-services.js';
import { clientOf } from './auth.js';

/**
 * Password reset by emailed link (§17): request, check the link, set the new password. Requests
 * answer the same for every address; the link works once, for an hour; a reset signs out every
 * session of the account.
 */
export function registerPasswordResetRoutes(app: FastifyInstance): void {
  const service = () => emailServices(app).passwordReset;

  handle(app, auth.requestPasswordReset, async ({ body, request, reply }) => {
    reply.header('cache-control', 'no-store');
    return service().request(body.email, clientOf(request));
  });

  handle(app, auth.verifyPasswordReset, async ({ body, reply }) => {
    reply.header('cache-control', 'no-store');
    return service().verify(body.token);
  });

  handle(app, auth.confirmPasswordReset, async ({ body, request, reply }) => {
    reply.header('cache-control', 'no-store');
    return service().confirm(body.token, body.new_password, clientOf(request));
  });
}
