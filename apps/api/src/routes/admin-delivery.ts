import {
  adminCdnCookiesIssue,
  adminCdnCookiesList,
  adminCdnCookiesRevoke,
  adminCdnDeliveryGet,
  adminCdnDeliveryRotateSecret,
  adminCdnDeliveryUpdate,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { CdnCookies } from '../services/admin/cdn-cookies.js';
import { DeliverySettings } from '../services/admin/delivery.js';

/**
 * CDN delivery settings (§21, issue 17): signing secret rotation, lifetimes, origins, cache policy;
 * and signed delivery cookies issued by staff (issue, revoke).
 */
export function registerAdminDeliveryRoutes(app: FastifyInstance): void {
  const settings = new DeliverySettings(app);

  handle(app, adminCdnDeliveryGet, async () => settings.get());

  handle(app, adminCdnDeliveryUpdate, async ({ body, principal, request }) =>
    settings.update(body, { principal, request }),
  );

  handle(app, adminCdnDeliveryRotateSecret, async ({ body, principal, request }) =>
    settings.rotate(body.grace_seconds, { principal, request }),
  );

  const cookies = new CdnCookies(app);

  handle(app, adminCdnCookiesList, async ({ query }) => cookies.list(query));

  handle(app, adminCdnCookiesIssue, async ({ body, principal, request }) =>
    cookies.issue(body, { principal, request }),
  );

  handle(app, adminCdnCookiesRevoke, async ({ params, principal, request }) => {
    await cookies.revoke(params.id, { principal, request });
  });
}
