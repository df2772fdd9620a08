import { adminJwksList, adminJwksRetire, adminJwksRotate } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { jwksService } from '../services/admin/jwks.js';

/**
 * Access-token signing keys (§21, `jwks.manage`): list with state, rotate (the published next key
 * starts signing, the active one keeps verifying as `retiring`), retire (unpublished, refused).
 */
export function registerAdminJwksRoutes(app: FastifyInstance): void {
  const jwks = () => jwksService(app);

  handle(app, adminJwksList, async () => jwks().list());

  handle(app, adminJwksRotate, async ({ principal, request }) => {
    const moved = await jwks().rotate();
    await recordAdminAction(
      app,
      { principal, request },
      'jwks.rotate',
      { type: 'signing_key', id: moved.activated, label: moved.activated },
      { active: moved.retiring },
      { active: moved.activated, retiring: moved.retiring, next: moved.next },
    );
    return jwks().list();
  });

  handle(app, adminJwksRetire, async ({ params, principal, request }) => {
    const { state } = await jwks().retire(params.kid);
    await recordAdminAction(
      app,
      { principal, request },
      'jwks.retire',
      { type: 'signing_key', id: params.kid, label: params.kid },
      { state },
      { state: 'retired' },
    );
    return jwks().list();
  });
}
