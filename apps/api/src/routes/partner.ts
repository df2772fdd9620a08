import { partnerPlaybackToken } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';

/**
 * Partner embedding (issue 13): a partner's server mints short-lived playback tokens with its API
 * key (`X-Api-Key`); the player passes them instead of a user session.
 */
export function registerPartnerRoutes(app: FastifyInstance): void {
  handle(app, partnerPlaybackToken, async ({ body, request }) => {
    const key = await app.partner.authenticate(request);
    return app.partner.mint(key, body);
  });
}
