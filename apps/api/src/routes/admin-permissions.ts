import {
  adminPermissionsCreateRole,
  adminPermissionsDeleteRole,
  adminPermissionsList,
  adminPermissionsRoles,
  adminPermissionsUpdateRole,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { permissionInfos, staffService } from '../services/admin/staff.js';

const fields = (r: { label: string; description: string; permissions: string[] }) => ({
  label: r.label,
  description: r.description,
  permissions: r.permissions,
});

/**
 * Roles and permissions (§21, `permissions.manage`): the contract's named permissions, built-in
 * roles (read-only) and custom roles stored as sets of permissions. A change to a role applies to
 * its members on their next request.
 */
export function registerAdminPermissionRoutes(app: FastifyInstance): void {
  const staff = () => staffService(app);

  handle(app, adminPermissionsList, async () => ({ items: permissionInfos() }));

  handle(app, adminPermissionsRoles, async ({ query }) => ({ items: await staff().listRoles(query.permission) }));

  handle(app, adminPermissionsCreateRole, async ({ body, principal, request }) => {
    const role = await staff().createRole(body);
    await recordAdminAction(
      app,
      { principal, request },
      'role.create',
      { type: 'role', id: role.id, label: role.label },
      null,
      fields(role),
    );
    return role;
  });

  handle(app, adminPermissionsUpdateRole, async ({ params, body, principal, request }) => {
    const { before, after } = await staff().updateRole(params.id, body);
    await recordAdminAction(
      app,
      { principal, request },
      'role.update',
      { type: 'role', id: after.id, label: after.label },
      fields(before),
      fields(after),
    );
    return after;
  });

  handle(app, adminPermissionsDeleteRole, async ({ params, principal, request }) => {
    const role = await staff().deleteRole(params.id);
    await recordAdminAction(
      app,
      { principal, request },
      'role.delete',
      { type: 'role', id: role.id, label: role.label },
      fields(role),
      null,
    );
  });
}
