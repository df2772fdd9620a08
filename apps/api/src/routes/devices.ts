import { account, devices } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { originOf, recordSecurityEvent } from '../services/audit.js';
import { accountServices } from '../services/auth.js';
import { clearSessionCookie, clientOf } from './auth.js';

/**
 * Devices that have signed in (§5) and the browsers trusted to skip the MFA step (§20).
 * Removing a device signs out its sessions and drops its trust.
 */
export function registerDeviceRoutes(app: FastifyInstance): void {
  const service = () => accountServices(app);

  handle(app, devices.list, async ({ principal }) => {
    const current = await service().sessions.deviceOf(principal.sessionId);
    return { items: await service().devices.list(principal.userId, current), current_device_id: current };
  });

  handle(app, devices.remove, async ({ principal, params, request, reply }) => {
    const s = service();
    if (!(await s.devices.get(principal.userId, params.device_id))) throw notFound('That device');
    const current = await s.sessions.deviceOf(principal.sessionId);
    const revoked = await s.sessions.revoke(
      principal.userId,
      await s.sessions.activeIds(principal.userId, [params.device_id]),
      'device_removed',
    );
    await s.devices.remove(principal.userId, params.device_id);
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'device.removed',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
      details: { device_id: params.device_id, sessions_revoked: revoked.length },
    });
    if (params.device_id === current) clearSessionCookie(app, request, reply);
  });

  handle(app, devices.revokeAll, async ({ principal, body, request, reply }) => {
    const s = service();
    const current = await s.sessions.deviceOf(principal.sessionId);
    const keep = body.keep_current ? current : null;
    const all = await s.devices.list(principal.userId, current);
    const affected = all.filter((d) => d.id !== keep && (d.active_sessions > 0 || d.trusted));
    const keepSessions = keep ? await s.sessions.activeIds(principal.userId, [keep]) : [];
    if (body.keep_current && !keep) keepSessions.push(principal.sessionId);
    const revoked = await s.sessions.revokeAllBut(principal.userId, keepSessions, 'devices_revoked');
    await s.devices.untrust(
      principal.userId,
      all.filter((d) => d.id !== keep).map((d) => d.id),
    );
    const currentRevoked = revoked.includes(principal.sessionId);
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'devices.revoked_all',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
      details: { devices: affected.length, sessions: revoked.length, kept_current: Boolean(body.keep_current) },
    });
    if (currentRevoked) clearSessionCookie(app, request, reply);
    return { devices: affected.length, sessions: revoked.length, current_revoked: currentRevoked };
  });

  handle(app, devices.sessions, async ({ principal, query }) => {
    const s = service();
    const current = await s.sessions.deviceOf(principal.sessionId);
    if (query.device_id && !(await s.devices.get(principal.userId, query.device_id))) throw notFound('That device');
    const list = await s.devices.list(principal.userId, current);
    const sessionsList = await s.sessions.list(principal.userId, principal.sessionId, query.device_id);
    const items = list
      .filter((d) => (query.device_id ? d.id === query.device_id : d.active_sessions > 0))
      .map((device) => ({ device, sessions: sessionsList.filter((x) => x.device_id === device.id) }));
    return { items };
  });

  handle(app, account.trustedDevices, async ({ principal }) => {
    const current = await service().sessions.deviceOf(principal.sessionId);
    return { items: await service().devices.trusted(principal.userId, current) };
  });

  handle(app, account.removeTrustedDevice, async ({ principal, params, request }) => {
    const s = service();
    if (!(await s.devices.get(principal.userId, params.id))) throw notFound('That trusted device');
    const removed = await s.devices.untrust(principal.userId, [params.id]);
    if (removed) {
      await recordSecurityEvent(app.db, {
        userId: principal.userId,
        name: 'device.trust_removed',
        origin: originOf(clientOf(request)),
        sessionId: principal.sessionId,
        details: { device_id: params.id },
      });
    }
  });
}
