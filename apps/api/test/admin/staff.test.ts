// Staff members (§21, issue 17): staff.manage guards the routes, changes of roles apply on the
// member's next request without signing in again, the invitation link sets a password and staff
// routes answer only once MFA is set up, deactivation ends sessions, everything is audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { adminAudit } from '../../src/db/schema/index.js';
import { emailServices } from '../../src/services/email-services.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

describe('admin staff routes', () => {
  let t: TestApp;
  let admin: TestCaller;

  const send = async (method: string, url: string, headers: Record<string, string> | null, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };

  before(async () => {
    t = await buildTestApp();
    admin = await createStaff(t.app, 'admin', { displayName: 'Ada Admin' });
  });
  after(() => t.close());

  it('refuses staff routes to a role without staff.manage, then grants and removes it on the next request', async () => {
    const role = await send('POST', '/admin/roles', admin.headers, {
      name: 'support_lead',
      label: 'Support lead',
      permissions: ['dashboard.view', 'sessions.manage'],
    });
    assert.equal(role.status, 201, role.raw);
    const lead = await createStaff(t.app, ['support_lead']);
    const viewer = await createViewer(t.app);
    for (const caller of [lead, viewer]) {
      assert.equal((await send('GET', '/admin/staff', caller.headers)).status, 403);
      assert.equal((await send('GET', `/admin/staff/${admin.userId}`, caller.headers)).status, 403);
    }
    // Grant staff.manage through the role: the very next request of the same session gets through.
    const granted = await send('PATCH', '/admin/roles/support_lead', admin.headers, {
      permissions: ['dashboard.view', 'sessions.manage', 'staff.manage'],
    });
    assert.equal(granted.status, 200, granted.raw);
    const listed = await send('GET', '/admin/staff', lead.headers);
    assert.equal(listed.status, 200, listed.raw);
    assert.ok(listed.body.items.some((m: Json) => m.id === lead.userId && m.permissions.includes('staff.manage')));
    // Remove it the same way.
    await send('PATCH', '/admin/roles/support_lead', admin.headers, { permissions: ['dashboard.view'] });
    assert.equal((await send('GET', '/admin/staff', lead.headers)).status, 403);
    // And by assignment: give the member the built-in admin role, then take it away.
    const assigned = await send('PATCH', `/admin/staff/${lead.userId}`, admin.headers, {
      roles: ['support_lead', 'admin'],
    });
    assert.equal(assigned.status, 200, assigned.raw);
    assert.deepEqual(assigned.body.roles, ['admin', 'support_lead']);
    assert.equal((await send('GET', '/admin/staff', lead.headers)).status, 200);
    await send('PATCH', `/admin/staff/${lead.userId}`, admin.headers, { roles: ['support_lead'] });
    assert.equal((await send('GET', '/admin/staff', lead.headers)).status, 403);
  });

  it('refuses unknown roles, a duplicate invitation, and deactivating yourself', async () => {
    const bad = await send('POST', '/admin/staff/invitations', admin.headers, {
      email: 'x@reel.test',
      roles: ['no_such_role'],
    });
    assert.equal(bad.status, 422, bad.raw);
    const me = await send('POST', `/admin/staff/${admin.userId}/deactivate`, admin.headers, {});
    assert.equal(me.status, 409);
    const first = await send('POST', '/admin/staff/invitations', admin.headers, {
      email: 'twice@reel.test',
      roles: ['analyst'],
    });
    assert.equal(first.status, 201, first.raw);
    const again = await send('POST', '/admin/staff/invitations', admin.headers, {
      email: 'twice@reel.test',
      roles: ['analyst'],
    });
    assert.equal(again.status, 409);
  });

  it('invites by email: the link sets a password, staff routes wait for MFA, resend voids the old link', async () => {
    const invited = await send('POST', '/admin/staff/invitations', admin.headers, {
      email: 'New.Editor@reel.test',
      display_name: 'Nia Editor',
      roles: ['content_editor'],
    });
    assert.equal(invited.status, 201, invited.raw);
    const member = invited.body;
    assert.equal(member.email, 'new.editor@reel.test');
    assert.equal(member.status, 'invited');
    assert.deepEqual(member.permissions, [], 'an invitation grants nothing yet');
    assert.equal(member.invited_by.id, admin.userId);
    const linkOf = async () => {
      await emailServices(t.app).deferred.idle();
      const mail = (await emailServices(t.app).outbox.list({ to: member.email, template: 'staff_invitation' })).items;
      const link = mail[0]?.links[0] as string;
      return new URL(link).searchParams.get('token') as string;
    };
    const oldToken = await linkOf();
    const resent = await send('POST', `/admin/staff/${member.id}/resend-invitation`, admin.headers);
    assert.equal(resent.status, 200, resent.raw);
    const token = await linkOf();
    assert.notEqual(token, oldToken);
    assert.equal((await send('POST', '/auth/staff-invitation/verify', null, { token: oldToken })).status, 410);
    const status = await send('POST', '/auth/staff-invitation/verify', null, { token });
    assert.equal(status.status, 200, status.raw);
    assert.equal(status.body.email, 'new.editor@reel.test');
    assert.equal(status.body.mfa_required, true);

    const weak = await send('POST', '/auth/staff-invitation/accept', null, { token, password: 'password12' });
    assert.equal(weak.status, 422, weak.raw);
    const accepted = await send('POST', '/auth/staff-invitation/accept', null, {
      token,
      password: 'a long and unusual passphrase 7',
    });
    assert.equal(accepted.status, 200, accepted.raw);
    assert.equal(
      (await send('POST', '/auth/staff-invitation/accept', null, { token, password: 'x'.repeat(12) })).status,
      410,
    );
    const headers = { authorization: `Bearer ${accepted.body.access_token}` };
    // Signed in, but no staff route answers before MFA is set up.
    assert.equal((await send('GET', '/admin/dashboard', headers)).status, 403);
    assert.deepEqual((await send('GET', '/auth/me', headers)).body.permissions, [], 'the session shows no admin yet');
    const setup = await send('POST', '/auth/mfa/setup', headers);
    assert.equal(setup.status, 200, setup.raw);
    const code = new TOTP({ secret: setup.body.secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate();
    assert.equal((await send('POST', '/auth/mfa/verify', headers, { code })).status, 200);
    assert.equal((await send('GET', '/admin/dashboard', headers)).status, 200);
    assert.ok((await send('GET', '/auth/me', headers)).body.permissions.includes('catalog.manage'));
    const now = await send('GET', `/admin/staff/${member.id}`, admin.headers);
    assert.equal(now.body.status, 'active');
    assert.equal(now.body.mfa_enabled, true);
    assert.ok(now.body.permissions.includes('catalog.manage'));
  });

  it('deactivates (sessions end) and reactivates, audited', async () => {
    const editor = await createStaff(t.app, 'content_editor');
    assert.equal((await send('GET', '/admin/dashboard', editor.headers)).status, 200);
    const off = await send('POST', `/admin/staff/${editor.userId}/deactivate`, admin.headers, { reason: 'left' });
    assert.equal(off.status, 200, off.raw);
    assert.equal(off.body.status, 'deactivated');
    assert.deepEqual(off.body.permissions, []);
    assert.equal((await send('GET', '/admin/dashboard', editor.headers)).status, 401, 'the session was ended');
    assert.equal((await send('POST', `/admin/staff/${editor.userId}/deactivate`, admin.headers, {})).status, 409);
    const list = await send('GET', '/admin/staff?status=deactivated', admin.headers);
    assert.deepEqual(
      list.body.items.map((m: Json) => m.id),
      [editor.userId],
    );
    const on = await send('POST', `/admin/staff/${editor.userId}/reactivate`, admin.headers);
    assert.equal(on.status, 200, on.raw);
    assert.equal(on.body.status, 'active');
    assert.ok(on.body.permissions.includes('catalog.manage'));
    const audit = await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, editor.userId));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['staff.deactivate', 'staff.reactivate']);
  });
});
