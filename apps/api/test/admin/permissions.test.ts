// Roles and permissions (§21, issue 17): the contract's permission list, built-in roles read-only,
// custom roles as sets of named permissions, permissions.manage guarding it all, audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allPermissions, BuiltInRoles } from '@reel/contracts';
import { eq } from 'drizzle-orm';
import { adminAudit } from '../../src/db/schema/index.js';
import { createStaff, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

describe('admin roles and permissions', () => {
  let t: TestApp;
  let admin: TestCaller;
  let analyst: TestCaller;

  const send = async (method: string, url: string, caller: TestCaller, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: caller.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };

  before(async () => {
    t = await buildTestApp();
    admin = await createStaff(t.app, 'admin');
    analyst = await createStaff(t.app, 'analyst');
  });
  after(() => t.close());

  it('lists every permission of the contract with a group, and the built-in roles read-only', async () => {
    const perms = await send('GET', '/admin/permissions', admin);
    assert.equal(perms.status, 200, perms.raw);
    assert.deepEqual(perms.body.items.map((p: Json) => p.name).sort(), [...allPermissions].sort());
    assert.ok(perms.body.items.every((p: Json) => p.group && p.description));
    const roles = await send('GET', '/admin/roles', admin);
    for (const [name, granted] of Object.entries(BuiltInRoles)) {
      const role = roles.body.items.find((r: Json) => r.name === name);
      assert.ok(role?.built_in, name);
      assert.deepEqual([...role.permissions].sort(), [...granted].sort());
    }
    assert.equal(roles.body.items.find((r: Json) => r.name === 'admin').member_count, 1);
    assert.equal((await send('PATCH', '/admin/roles/admin', admin, { label: 'Boss' })).status, 409);
    assert.equal((await send('DELETE', '/admin/roles/moderator', admin)).status, 409);
    const filtered = await send('GET', '/admin/roles?permission=reviews.moderate', admin);
    assert.deepEqual(filtered.body.items.map((r: Json) => r.name).sort(), ['admin', 'moderator']);
  });

  it('creates, edits and deletes a custom role; refuses unknown permissions and names in use', async () => {
    const unknown = await send('POST', '/admin/roles', admin, {
      name: 'wizard',
      label: 'Wizard',
      permissions: ['spells.cast'],
    });
    assert.equal(unknown.status, 400, unknown.raw);
    const clash = await send('POST', '/admin/roles', admin, { name: 'admin', label: 'X', permissions: ['audit.view'] });
    assert.equal(clash.status, 409);
    const created = await send('POST', '/admin/roles', admin, {
      name: 'qa_lead',
      label: 'QA lead',
      description: 'Checks streams',
      permissions: ['assets.manage', 'dashboard.view', 'assets.manage'],
    });
    assert.equal(created.status, 201, created.raw);
    assert.equal(created.body.built_in, false);
    assert.deepEqual(created.body.permissions, ['assets.manage', 'dashboard.view']);
    assert.equal(
      (await send('POST', '/admin/roles', admin, { name: 'qa_lead', label: 'Again', permissions: ['audit.view'] }))
        .status,
      409,
    );
    const edited = await send('PATCH', '/admin/roles/qa_lead', admin, { label: 'QA', permissions: ['audit.view'] });
    assert.equal(edited.status, 200, edited.raw);
    assert.equal(edited.body.label, 'QA');
    assert.deepEqual(edited.body.permissions, ['audit.view']);
    // A role with members cannot be deleted.
    const member = await createStaff(t.app, ['qa_lead']);
    assert.equal((await send('DELETE', '/admin/roles/qa_lead', admin)).status, 409);
    await send('PATCH', `/admin/staff/${member.userId}`, admin, { roles: ['analyst'] });
    assert.equal((await send('DELETE', '/admin/roles/qa_lead', admin)).status, 204);
    assert.equal((await send('PATCH', '/admin/roles/qa_lead', admin, { label: 'Gone' })).status, 404);
    const audit = await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, 'qa_lead'));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['role.create', 'role.delete', 'role.update']);
  });

  it('needs permissions.manage', async () => {
    assert.equal((await send('GET', '/admin/permissions', analyst)).status, 403);
    assert.equal((await send('GET', '/admin/roles', analyst)).status, 403);
    assert.equal(
      (await send('POST', '/admin/roles', analyst, { name: 'x_role', label: 'X', permissions: ['audit.view'] })).status,
      403,
    );
  });
});
