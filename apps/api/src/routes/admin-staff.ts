import {
  adminStaffDeactivate,
  adminStaffGet,
  adminStaffInvite,
  adminStaffList,
  adminStaffReactivate,
  adminStaffResendInvitation,
  adminStaffUpdate,
  authAcceptStaffInvitation,
  authVerifyStaffInvitation,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { pageOf } from '../http/cursor.js';
import { handle } from '../http/route.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { staffService } from '../services/admin/staff.js';
import { accountServices } from '../services/auth.js';
import { clientOf, setSessionCookies } from './auth.js';

const target = (m: { id: string; email: string }) => ({ type: 'staff', id: m.id, label: m.email });

/**
 * Staff members (§21, `staff.manage`): list, get, invite by email (the link sets a password, then
 * MFA is required before staff routes answer), resend, change name or roles (effective on the
 * member's next request), deactivate (their sessions end) and reactivate. The invitation link's
 * two public routes check and use it.
 */
export function registerAdminStaffRoutes(app: FastifyInstance): void {
  const staff = () => staffService(app);

  handle(app, adminStaffList, async ({ query }) => {
    const members = await staff().list(query);
    return pageOf(members, query.cursor, query.limit ?? 50, (m) => m.id);
  });

  handle(app, adminStaffGet, async ({ params }) => staff().get(params.id));

  handle(app, adminStaffInvite, async ({ body, principal, request }) => {
    const { member } = await staff().invite(body, principal);
    await recordAdminAction(app, { principal, request }, 'staff.invite', target(member), null, {
      email: member.email,
      roles: member.roles,
    });
    return member;
  });

  handle(app, adminStaffResendInvitation, async ({ params, principal, request }) => {
    const member = await staff().resendInvitation(params.id, principal);
    await recordAdminAction(app, { principal, request }, 'staff.resend_invitation', target(member), null, {
      invitation_expires_at: member.invitation_expires_at,
    });
    return member;
  });

  handle(app, adminStaffUpdate, async ({ params, body, principal, request }) => {
    const { before, after } = await staff().update(params.id, body, principal);
    await recordAdminAction(
      app,
      { principal, request },
      'staff.update',
      target(after),
      { display_name: before.display_name, roles: before.roles },
      { display_name: after.display_name, roles: after.roles },
    );
    return after;
  });

  handle(app, adminStaffDeactivate, async ({ params, body, principal, request }) => {
    const member = await staff().deactivate(params.id, body?.reason, principal);
    await recordAdminAction(
      app,
      { principal, request },
      'staff.deactivate',
      target(member),
      { status: 'active' },
      { status: 'deactivated', reason: body?.reason ?? null },
    );
    return member;
  });

  handle(app, adminStaffReactivate, async ({ params, principal, request }) => {
    const member = await staff().reactivate(params.id);
    await recordAdminAction(
      app,
      { principal, request },
      'staff.reactivate',
      target(member),
      { status: 'deactivated' },
      { status: member.status },
    );
    return member;
  });

  handle(app, authVerifyStaffInvitation, async ({ body, reply }) => {
    reply.header('cache-control', 'no-store');
    return staff().verifyInvitation(body.token);
  });

  handle(app, authAcceptStaffInvitation, async ({ body, request, reply }) => {
    const userId = await staff().acceptInvitation(body.token, body.password, body.display_name);
    const member = await staff().get(userId);
    await recordAdminAction(app, { principal: null, request }, 'staff.accept_invitation', target(member), null, {
      status: 'accepted',
    });
    const signedIn = await accountServices(app).signIn(userId, clientOf(request), 'password');
    setSessionCookies(app, request, reply, signedIn.grant, signedIn.browserKey);
    return signedIn.response;
  });
}
