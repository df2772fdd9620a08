import {
  type AdminRole,
  type AdminStaffMember,
  allPermissions,
  BuiltInRoles,
  Permission as P,
  type Permission,
} from '@reel/contracts';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { mfaFactors, roles, sessions, staffMembers, staffRoleMeta, userRoles, users } from '../../db/schema/index.js';
import { conflict, HttpError, notFound } from '../../http/errors.js';
import { forgetPrincipalsOf } from '../../http/principal.js';
import { newId, newSecret } from '../../ids.js';
import { accountServices, normaliseEmail } from '../auth.js';
import { layout } from '../email.js';
import { emailServices } from '../email-services.js';
import { linkGone } from '../email-tokens.js';
import type { EmailMessage } from '../outbox.js';
import { passwordProblem } from '../passwords.js';
import { tokenHash } from '../secrets.js';

/** How long an invitation link works: 7 days. */
export const INVITATION_TTL_SECONDS = 7 * 86_400;

const builtIn = BuiltInRoles as Record<string, readonly Permission[]>;
const BUILT_IN_SINCE = '2026-01-01T00:00:00.000Z';

/** Labels and descriptions of the built-in roles (their permissions come from the contract). */
const BUILT_IN_INFO: Record<string, { label: string; description: string }> = {
  admin: { label: 'Administrator', description: 'Every permission, including staff, roles and signing keys.' },
  content_editor: { label: 'Content editor', description: 'Catalog, taxonomy, assets, bundles and downloads.' },
  moderator: { label: 'Moderator', description: 'The review reports queue and the audit log.' },
  support: { label: 'Support', description: 'Live sessions and the audit log.' },
  analyst: { label: 'Analyst', description: 'Analytics, costs and observability, read-only.' },
};

/** Every named permission with the panel group it belongs to and what it allows. */
export const PERMISSION_INFO: Record<Permission, { group: string; description: string }> = {
  [P.dashboardView]: { group: 'Overview', description: 'See the admin dashboard' },
  [P.auditView]: { group: 'Overview', description: 'Read the audit log of staff actions' },
  [P.catalogManage]: { group: 'Content', description: 'Create, edit and publish titles, series and episodes' },
  [P.taxonomyManage]: { group: 'Content', description: 'Edit genres, tags, moods, certifications and anime arcs' },
  [P.assetsManage]: { group: 'Content', description: 'Upload video, subtitles, artwork and audio; bulk upload' },
  [P.bundlesManage]: { group: 'Content', description: 'Edit bundles and collections' },
  [P.downloadsManage]: { group: 'Content', description: 'Edit offline download rules and policies' },
  [P.reviewsModerate]: { group: 'Community', description: 'Keep, hide or delete reported reviews' },
  [P.sessionsManage]: { group: 'Operations', description: 'Watch live sessions and terminate streams' },
  [P.deliveryManage]: { group: 'Operations', description: 'CDN delivery, signed cookies and cache policy' },
  [P.observabilityView]: { group: 'Operations', description: 'Request rates, errors, latency and web vitals' },
  [P.analyticsView]: { group: 'Insights', description: 'Plays, watch time and quality of experience' },
  [P.costsView]: { group: 'Insights', description: 'Storage, delivery and transcode costs' },
  [P.costsManage]: { group: 'Insights', description: 'Change the cost model' },
  [P.billingManage]: { group: 'Insights', description: 'Plans, prices and subscriptions' },
  [P.staffManage]: { group: 'Platform', description: 'Invite, edit, deactivate and reactivate staff' },
  [P.permissionsManage]: { group: 'Platform', description: 'Create and edit roles' },
  [P.apiKeysManage]: { group: 'Platform', description: 'Create and revoke partner API keys' },
  [P.jwksManage]: { group: 'Platform', description: 'Rotate and retire token signing keys' },
};

type StaffRow = {
  id: string;
  email: string;
  displayName: string;
  createdAt: Date;
  roles: string[];
  invitedAt: Date | null;
  invitedBy: string | null;
  invitationExpiresAt: Date | null;
  acceptedAt: Date | null;
  deactivatedAt: Date | null;
  hasStaffRow: boolean;
  mfaEnabled: boolean;
  lastActiveAt: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isBuiltIn = (name: string) => Object.hasOwn(builtIn, name);

/**
 * Staff members, their roles and invitations, and custom roles (§21). Changes to roles or
 * assignments drop the cached principals of the members they touch, so they apply on the next
 * request without signing in again.
 */
export class StaffService {
  constructor(private readonly app: FastifyInstance) {}

  private get db(): Db {
    return this.app.db;
  }

  // -------------------------------------------------------------------------------------------
  // Roles

  /** The permissions of the custom roles, by name. */
  private async customRoles(): Promise<Map<string, typeof roles.$inferSelect & { label: string; updatedAt: Date }>> {
    const rows = await this.db
      .select({
        name: roles.name,
        description: roles.description,
        permissions: roles.permissions,
        createdAt: roles.createdAt,
        label: staffRoleMeta.label,
        updatedAt: staffRoleMeta.updatedAt,
      })
      .from(roles)
      .leftJoin(staffRoleMeta, eq(staffRoleMeta.name, roles.name));
    return new Map(
      rows.map((r) => [r.name, { ...r, label: r.label ?? r.name, updatedAt: r.updatedAt ?? r.createdAt }]),
    );
  }

  async listRoles(permission?: Permission): Promise<AdminRole[]> {
    const counts = await this.db
      .select({ role: userRoles.role, n: sql<number>`count(*)::int` })
      .from(userRoles)
      .groupBy(userRoles.role);
    const count = new Map(counts.map((c) => [c.role, Number(c.n)]));
    const out: AdminRole[] = Object.entries(builtIn).map(([name, perms]) => ({
      id: name,
      name,
      label: BUILT_IN_INFO[name]?.label ?? name,
      description: BUILT_IN_INFO[name]?.description ?? '',
      permissions: [...perms],
      built_in: true,
      member_count: count.get(name) ?? 0,
      created_at: BUILT_IN_SINCE,
      updated_at: BUILT_IN_SINCE,
    }));
    const custom = [...(await this.customRoles()).values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const r of custom) {
      out.push({
        id: r.name,
        name: r.name,
        label: r.label,
        description: r.description,
        permissions: r.permissions.filter((p): p is Permission => (allPermissions as readonly string[]).includes(p)),
        built_in: false,
        member_count: count.get(r.name) ?? 0,
        created_at: r.createdAt.toISOString(),
        updated_at: r.updatedAt.toISOString(),
      });
    }
    return permission ? out.filter((r) => r.permissions.includes(permission)) : out;
  }

  async getRole(name: string): Promise<AdminRole> {
    const role = (await this.listRoles()).find((r) => r.id === name);
    if (!role) throw notFound('That role');
    return role;
  }

  async createRole(input: {
    name: string;
    label: string;
    description?: string;
    permissions: Permission[];
  }): Promise<AdminRole> {
    if (isBuiltIn(input.name)) throw conflict(`${input.name} is a built-in role`);
    const permissions = [...new Set(input.permissions)].sort();
    const created = await this.db.transaction(async (tx) => {
      const rows = await tx
        .insert(roles)
        .values({ name: input.name, description: input.description ?? '', permissions })
        .onConflictDoNothing()
        .returning({ name: roles.name });
      if (!rows.length) return false;
      await tx.insert(staffRoleMeta).values({ name: input.name, label: input.label });
      return true;
    });
    if (!created) throw conflict(`A role named ${input.name} already exists`);
    return this.getRole(input.name);
  }

  async updateRole(
    name: string,
    input: { label?: string; description?: string; permissions?: Permission[] },
  ): Promise<{ before: AdminRole; after: AdminRole }> {
    const before = await this.getRole(name);
    if (before.built_in) throw conflict('Built-in roles cannot be changed');
    await this.db.transaction(async (tx) => {
      await tx
        .update(roles)
        .set({
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.permissions ? { permissions: [...new Set(input.permissions)].sort() } : {}),
        })
        .where(eq(roles.name, name));
      await tx
        .insert(staffRoleMeta)
        .values({ name, label: input.label ?? before.label, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: staffRoleMeta.name,
          set: { label: input.label ?? before.label, updatedAt: new Date() },
        });
    });
    await this.forgetHoldersOf(name);
    return { before, after: await this.getRole(name) };
  }

  async deleteRole(name: string): Promise<AdminRole> {
    const role = await this.getRole(name);
    if (role.built_in) throw conflict('Built-in roles cannot be deleted');
    if (role.member_count > 0)
      throw conflict(`${role.member_count} staff member(s) hold this role: assign them another one first`);
    await this.db.delete(roles).where(eq(roles.name, name));
    return role;
  }

  /** Drops the cached principals of every account holding a role (its permissions changed). */
  private async forgetHoldersOf(role: string): Promise<void> {
    const rows = await this.db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, role));
    for (const r of rows) forgetPrincipalsOf(r.id);
  }

  /** Every role name must be built-in or a stored custom role (422 naming the unknown ones). */
  private async checkRoles(names: string[]): Promise<string[]> {
    const wanted = [...new Set(names)];
    const custom = wanted.filter((n) => !isBuiltIn(n));
    const known = custom.length
      ? new Set(
          (await this.db.select({ name: roles.name }).from(roles).where(inArray(roles.name, custom))).map(
            (r) => r.name,
          ),
        )
      : new Set<string>();
    const unknown = custom.filter((n) => !known.has(n));
    if (unknown.length)
      throw new HttpError(422, 'unknown_role', `roles: no role named ${unknown.join(', ')}`, {
        fields: [{ field: 'roles', message: `unknown role ${unknown.join(', ')}` }],
      });
    return wanted;
  }

  // -------------------------------------------------------------------------------------------
  // Members

  private async rows(userIds?: string[]): Promise<StaffRow[]> {
    const rolesAgg = sql<
      string[]
    >`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`;
    const rows = await this.db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        createdAt: users.createdAt,
        roles: rolesAgg,
        invitedAt: staffMembers.invitedAt,
        invitedBy: staffMembers.invitedBy,
        invitationExpiresAt: staffMembers.invitationExpiresAt,
        acceptedAt: staffMembers.acceptedAt,
        deactivatedAt: staffMembers.deactivatedAt,
        staffUser: staffMembers.userId,
        mfaEnabled: sql<boolean>`exists (select 1 from ${mfaFactors} where ${mfaFactors.userId} = ${users.id} and ${mfaFactors.enabledAt} is not null)`,
        lastActiveAt: sql<
          Date | string | null
        >`(select max(${sessions.lastActiveAt}) from ${sessions} where ${sessions.userId} = ${users.id})`,
      })
      .from(users)
      .leftJoin(staffMembers, eq(staffMembers.userId, users.id))
      .where(
        and(
          sql`(${staffMembers.userId} is not null or exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id}))`,
          userIds ? inArray(users.id, userIds) : undefined,
        ),
      );
    return rows.map((r) => ({
      ...r,
      hasStaffRow: r.staffUser !== null,
      lastActiveAt: r.lastActiveAt ? new Date(r.lastActiveAt) : null,
    }));
  }

  private status(r: StaffRow): AdminStaffMember['status'] {
    if (r.deactivatedAt) return 'deactivated';
    if (r.hasStaffRow && !r.acceptedAt) return 'invited';
    return 'active';
  }

  private async view(list: StaffRow[]): Promise<AdminStaffMember[]> {
    const custom = await this.customRoles();
    const inviterIds = [...new Set(list.map((r) => r.invitedBy).filter((x): x is string => !!x))];
    const inviters = inviterIds.length
      ? await this.db
          .select({ id: users.id, email: users.email, display_name: users.displayName })
          .from(users)
          .where(inArray(users.id, inviterIds))
      : [];
    const inviter = new Map(inviters.map((i) => [i.id, i]));
    return list.map((r) => {
      const status = this.status(r);
      const perms = new Set<Permission>();
      if (status === 'active') {
        for (const role of r.roles) {
          for (const p of builtIn[role] ?? custom.get(role)?.permissions ?? [])
            if ((allPermissions as readonly string[]).includes(p)) perms.add(p as Permission);
        }
      }
      return {
        id: r.id,
        email: r.email,
        display_name: r.displayName,
        roles: r.roles,
        permissions: [...perms].sort(),
        status,
        mfa_enabled: Boolean(r.mfaEnabled),
        invited_at: iso(r.invitedAt),
        invited_by: r.invitedBy ? (inviter.get(r.invitedBy) ?? null) : null,
        invitation_expires_at: status === 'invited' ? iso(r.invitationExpiresAt) : null,
        last_active_at: iso(r.lastActiveAt),
        deactivated_at: iso(r.deactivatedAt),
        created_at: (r.invitedAt ?? r.createdAt).toISOString(),
      };
    });
  }

  async list(filter: {
    q?: string;
    role?: string;
    status?: AdminStaffMember['status'];
    sort?: 'email' | 'display_name' | 'last_active_at' | 'created_at';
    order?: 'asc' | 'desc';
  }): Promise<AdminStaffMember[]> {
    let members = await this.view(await this.rows());
    if (filter.q) {
      const q = filter.q.toLowerCase();
      members = members.filter((m) => m.email.includes(q) || m.display_name.toLowerCase().includes(q));
    }
    if (filter.role) members = members.filter((m) => m.roles.includes(filter.role as string));
    if (filter.status) members = members.filter((m) => m.status === filter.status);
    const sort = filter.sort ?? 'email';
    const key = (m: AdminStaffMember) => String(m[sort] ?? '');
    const order = filter.order ?? (sort === 'last_active_at' || sort === 'created_at' ? 'desc' : 'asc');
    const sign = order === 'asc' ? 1 : -1;
    members.sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
    return members;
  }

  async get(id: string): Promise<AdminStaffMember> {
    const [row] = await this.view(await this.rows([id]));
    if (!row) throw notFound('That staff member');
    return row;
  }

  /** 409 unless another active member keeps `staff.manage` once `userId` loses it. */
  private async keepAManager(userId: string, what: string): Promise<void> {
    const members = await this.view(await this.rows());
    const others = members.filter(
      (m) => m.id !== userId && m.status === 'active' && m.permissions.includes(P.staffManage),
    );
    if (!others.length) throw conflict(`${what}: nobody else could manage staff`);
  }

  private invitationLink(token: string): string {
    return `${this.app.config.publicOrigin}/staff/invitation?token=${encodeURIComponent(token)}`;
  }

  private async sendInvitation(
    userId: string,
    inviterName: string,
  ): Promise<{ token: string; expiresAt: Date; link: string }> {
    const token = newSecret(32);
    const expiresAt = new Date(Date.now() + INVITATION_TTL_SECONDS * 1000);
    await this.db
      .update(staffMembers)
      .set({ invitationTokenHash: tokenHash(token), invitationExpiresAt: expiresAt, invitedAt: new Date() })
      .where(eq(staffMembers.userId, userId));
    const [user] = await this.db
      .select({ email: users.email, name: users.displayName })
      .from(users)
      .where(eq(users.id, userId));
    const link = this.invitationLink(token);
    if (user) await emailServices(this.app).mailer.send(invitationEmail(user.email, user.name, inviterName, link));
    return { token, expiresAt, link };
  }

  async invite(
    input: { email: string; display_name?: string; roles: string[] },
    by: { userId: string; email: string },
  ): Promise<{ member: AdminStaffMember; token: string }> {
    const email = normaliseEmail(input.email);
    const wanted = await this.checkRoles(input.roles);
    const [existing] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    let userId: string;
    if (existing) {
      const [isStaff] = await this.rows([existing.id]);
      if (isStaff) throw conflict(`${email} is already a staff member`);
      userId = existing.id;
    } else {
      userId = newId('usr');
      await this.db.insert(users).values({
        id: userId,
        email,
        // No password until the invitation link sets one: this hash matches nothing.
        passwordHash: `!invited:${newSecret(16)}`,
        displayName: input.display_name ?? email.split('@')[0] ?? email,
      });
    }
    await this.db.insert(staffMembers).values({ userId, invitedAt: new Date(), invitedBy: by.userId });
    if (wanted.length)
      await this.db
        .insert(userRoles)
        .values(wanted.map((role) => ({ userId, role })))
        .onConflictDoNothing();
    const [inviter] = await this.db.select({ name: users.displayName }).from(users).where(eq(users.id, by.userId));
    const { token } = await this.sendInvitation(userId, inviter?.name ?? by.email);
    forgetPrincipalsOf(userId);
    return { member: await this.get(userId), token };
  }

  async resendInvitation(id: string, by: { userId: string }): Promise<AdminStaffMember> {
    const member = await this.get(id);
    if (member.status !== 'invited') throw conflict('Only a pending invitation can be sent again');
    const [inviter] = await this.db.select({ name: users.displayName }).from(users).where(eq(users.id, by.userId));
    await this.sendInvitation(id, inviter?.name ?? 'An administrator');
    return this.get(id);
  }

  async update(
    id: string,
    input: { display_name?: string; roles?: string[] },
    by: { userId: string },
  ): Promise<{ before: AdminStaffMember; after: AdminStaffMember }> {
    const before = await this.get(id);
    const wanted = input.roles ? await this.checkRoles(input.roles) : null;
    if (wanted && before.permissions.includes(P.staffManage)) {
      const custom = await this.customRoles();
      const keeps = wanted.some((r) => (builtIn[r] ?? custom.get(r)?.permissions ?? []).includes(P.staffManage));
      if (!keeps) await this.keepAManager(id, id === by.userId ? 'You cannot drop your own staff.manage' : 'Refused');
    }
    await this.db.transaction(async (tx) => {
      if (input.display_name !== undefined)
        await tx.update(users).set({ displayName: input.display_name, updatedAt: new Date() }).where(eq(users.id, id));
      if (wanted) {
        await tx.delete(userRoles).where(eq(userRoles.userId, id));
        if (wanted.length) await tx.insert(userRoles).values(wanted.map((role) => ({ userId: id, role })));
      }
    });
    forgetPrincipalsOf(id);
    return { before, after: await this.get(id) };
  }

  async deactivate(id: string, reason: string | undefined, by: { userId: string }): Promise<AdminStaffMember> {
    const member = await this.get(id);
    if (id === by.userId) throw conflict('You cannot deactivate yourself');
    if (member.status === 'deactivated') throw conflict('This member is already deactivated');
    if (member.permissions.includes(P.staffManage)) await this.keepAManager(id, 'This is the last staff manager');
    const at = new Date();
    await this.db
      .insert(staffMembers)
      .values({ userId: id, acceptedAt: at, mfaRequired: false, deactivatedAt: at, deactivatedReason: reason ?? null })
      .onConflictDoUpdate({
        target: staffMembers.userId,
        set: { deactivatedAt: at, deactivatedReason: reason ?? null, invitationTokenHash: null },
      });
    await accountServices(this.app).sessions.revokeAllBut(id, [], 'staff_deactivated');
    forgetPrincipalsOf(id);
    return this.get(id);
  }

  async reactivate(id: string): Promise<AdminStaffMember> {
    const member = await this.get(id);
    if (member.status !== 'deactivated') throw conflict('This member is not deactivated');
    await this.db
      .update(staffMembers)
      .set({ deactivatedAt: null, deactivatedReason: null })
      .where(eq(staffMembers.userId, id));
    forgetPrincipalsOf(id);
    return this.get(id);
  }

  // -------------------------------------------------------------------------------------------
  // The invitation link

  private async invitationOf(token: string) {
    const [row] = await this.db
      .select({
        userId: staffMembers.userId,
        expiresAt: staffMembers.invitationExpiresAt,
        acceptedAt: staffMembers.acceptedAt,
        deactivatedAt: staffMembers.deactivatedAt,
        mfaRequired: staffMembers.mfaRequired,
      })
      .from(staffMembers)
      .where(and(eq(staffMembers.invitationTokenHash, tokenHash(token)), isNotNull(staffMembers.invitationTokenHash)));
    if (!row || row.deactivatedAt) throw linkGone('invalid');
    if (row.acceptedAt) throw linkGone('used');
    if (!row.expiresAt || row.expiresAt.getTime() <= Date.now()) throw linkGone('expired');
    return row;
  }

  async verifyInvitation(token: string) {
    const row = await this.invitationOf(token);
    const member = await this.get(row.userId);
    return {
      email: member.email,
      display_name: member.display_name,
      roles: member.roles,
      expires_at: (row.expiresAt as Date).toISOString(),
      mfa_required: row.mfaRequired,
    };
  }

  /** Sets the password, marks the invitation used and answers the new member's user id. */
  async acceptInvitation(token: string, password: string, displayName: string | undefined): Promise<string> {
    const row = await this.invitationOf(token);
    const [user] = await this.db
      .select({ email: users.email, name: users.displayName })
      .from(users)
      .where(eq(users.id, row.userId));
    if (!user) throw linkGone('invalid');
    const refused = passwordProblem(password, { email: user.email, displayName: displayName ?? user.name });
    if (refused)
      throw new HttpError(422, 'weak_password', `password: ${refused}`, {
        fields: [{ field: 'password', message: refused }],
      });
    const passwordHash = await accountServices(this.app).hasher.hash(password);
    const at = new Date();
    const won = await this.db.transaction(async (tx) => {
      const used = await tx
        .update(staffMembers)
        .set({ acceptedAt: at, invitationTokenHash: null })
        .where(and(eq(staffMembers.userId, row.userId), eq(staffMembers.invitationTokenHash, tokenHash(token))))
        .returning({ id: staffMembers.userId });
      if (!used.length) return false;
      await tx
        .update(users)
        .set({
          passwordHash,
          passwordChangedAt: at,
          updatedAt: at,
          ...(displayName ? { displayName } : {}),
          emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        })
        .where(eq(users.id, row.userId));
      return true;
    });
    if (!won) throw linkGone('used');
    forgetPrincipalsOf(row.userId);
    return row.userId;
  }
}

/** "You're invited to Reel's admin", with the single-use link. */
export function invitationEmail(to: string, name: string, inviter: string, link: string): EmailMessage {
  const lines = [
    `Hi ${name},`,
    `${inviter} invited you to join the Reel admin as a staff member.`,
    `Choose a password with the link below; you will then set up two-step verification. The link works once, for ${INVITATION_TTL_SECONDS / 86_400} days.`,
  ];
  return {
    to,
    subject: 'You are invited to the Reel admin',
    template: 'staff_invitation',
    text: `${lines.join('\n\n')}\n\nAccept the invitation: ${link}\n`,
    html: layout('Join the Reel admin', lines, { label: 'Accept the invitation', href: link }),
    links: [link],
  };
}

const services = new WeakMap<FastifyInstance, StaffService>();
/** The staff service of an app (one per app). */
export function staffService(app: FastifyInstance): StaffService {
  let found = services.get(app);
  if (!found) {
    found = new StaffService(app);
    services.set(app, found);
  }
  return found;
}

/** The permission list of the contract, with groups and descriptions. */
export function permissionInfos() {
  return allPermissions.map((name) => ({ name, ...PERMISSION_INFO[name] }));
}
