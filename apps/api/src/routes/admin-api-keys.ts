import {
  adminApiKeysCreate,
  adminApiKeysGet,
  adminApiKeysList,
  adminApiKeysRevoke,
  adminApiKeysUpdate,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { pageOf } from '../http/cursor.js';
import { handle } from '../http/route.js';
import { recordAdminAction } from '../services/admin/audit.js';

const auditFields = (k: { name: string; scopes: string[]; allowed_origins?: string[]; allowedOrigins?: string[] }) => ({
  name: k.name,
  scopes: k.scopes,
  allowed_origins: k.allowed_origins ?? k.allowedOrigins ?? [],
});

/**
 * Partner API keys (§21, `api_keys.manage`): create (the secret is in that answer only, stored
 * hashed), list and get (never the secret; last use and usage), rename or change origins, revoke.
 */
export function registerAdminApiKeyRoutes(app: FastifyInstance): void {
  handle(app, adminApiKeysList, async ({ query }) => {
    const keys = await app.partner.list(query.status, query.q);
    return pageOf(keys, query.cursor, query.limit ?? 50, (k) => k.id);
  });

  handle(app, adminApiKeysGet, async ({ params }) => app.partner.get(params.id));

  handle(app, adminApiKeysCreate, async ({ body, principal, request }) => {
    const created = await app.partner.create(body, principal.userId);
    await recordAdminAction(
      app,
      { principal, request },
      'api_key.create',
      { type: 'api_key', id: created.id, label: created.name },
      null,
      auditFields(created),
    );
    return created;
  });

  handle(app, adminApiKeysUpdate, async ({ params, body, principal, request }) => {
    const { before, after } = await app.partner.update(params.id, body);
    await recordAdminAction(
      app,
      { principal, request },
      'api_key.update',
      { type: 'api_key', id: after.id, label: after.name },
      auditFields(before),
      auditFields(after),
    );
    return after;
  });

  handle(app, adminApiKeysRevoke, async ({ params, principal, request }) => {
    const { row, changed } = await app.partner.revoke(params.id);
    if (changed) {
      await recordAdminAction(
        app,
        { principal, request },
        'api_key.revoke',
        { type: 'api_key', id: row.id, label: row.name },
        { status: 'active' },
        { status: 'revoked' },
      );
    }
  });
}
