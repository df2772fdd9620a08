import { allPermissions, BuiltInRoles, ErrorCode, type Permission } from '@reel/contracts';
import { type AnyColumn, and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { mfaFactors, profiles, roles, sessions, staffMembers, userRoles, users } from '../db/schema/index.js';
import type { KeyStore } from '../services/keys.js';
import { HttpError } from './errors.js';

/**
 * What a partner playback token grants (issue 13): one title (or episode), on one origin, through
 * one API key, until `exp` (seconds since the epoch).
 */
export interface PartnerGrant {
  keyId: string;
  tokenId: string;
  titleId: string;
  episodeId: string | null;
  origin: string;
  exp: number;
}

/**
 * Who is calling: a signed-in account, acting for one of its profiles or not yet; or (`partner`,
 * on `playback` routes only) a partner page's playback token, with no account, profile or
 * permission (`userId` is `partner:<key>:<token>`, see services/partner).
 */
export interface Principal {
  kind: 'user' | 'partner';
  /** Set for `kind: 'partner'`. */
  partner?: PartnerGrant;
  userId: string;
  sessionId: string;
  /** The profile chosen for this session (token claim), if any. */
  profileId: string | null;
  email: string;
  status: 'active' | 'deactivated' | 'pending_deletion';
  plan: string;
  region: string;
  roles: string[];
  permissions: Set<Permission>;
  /** When the session last re-authenticated (or signed in). */
  reauthAt: Date | null;
  /** The token's profile, read with the session (null when none is chosen or it is gone). */
  activeProfile: { maturityLevel: number; isKids: boolean } | null;
  /** Every profile of the account, for `{profile_id}` ownership checks without a query. */
  profileIds: string[];
}

const builtIn = BuiltInRoles as Record<string, readonly Permission[]>;

/**
 * True (SQL) while an account's staff roles grant nothing: its invitation is not accepted yet, it
 * is deactivated, or it must have MFA (invited staff) and has none (see db/schema/staff.ts).
 */
export function rolesSuspended(userId: AnyColumn | SQL): SQL {
  return sql`exists (select 1 from ${staffMembers} where ${staffMembers.userId} = ${userId} and (${staffMembers.deactivatedAt} is not null or ${staffMembers.acceptedAt} is null or (${staffMembers.mfaRequired} and not exists (select 1 from ${mfaFactors} where ${mfaFactors.userId} = ${userId} and ${mfaFactors.enabledAt} is not null))))`;
}

/** The effective permissions of a set of role names (built-in roles and custom ones). */
export async function permissionsOf(db: Db, roleNames: string[]): Promise<Set<Permission>> {
  const out = new Set<Permission>();
  const custom: string[] = [];
  for (const name of roleNames) {
    if (builtIn[name]) for (const p of builtIn[name]) out.add(p);
    else custom.push(name);
  }
  if (custom.length) {
    const rows = await db.select({ permissions: roles.permissions }).from(roles).where(inArray(roles.name, custom));
    for (const r of rows)
      for (const p of r.permissions) if ((allPermissions as readonly string[]).includes(p)) out.add(p as Permission);
  }
  return out;
}

/**
 * Principals read in the last second, by token (session, profile, account). A signed-in read
 * then costs no query: on PGlite that query was most of a signed-in request. Entries of an account
 * are dropped when one of its sessions is revoked and after every write the account makes (see
 * route.ts), so its own changes show at once; anything else (a role granted by an admin) shows
 * within a second.
 */
const PRINCIPAL_TTL_MS = 1000;
const MAX_CACHED = 10_000;
const recent = new Map<string, { until: number; principal: Principal }>();

/** Forgets the cached principals of an account: call after changing its sessions, roles or status. */
export function forgetPrincipalsOf(userId: string): void {
  for (const [key, entry] of recent) if (entry.principal.userId === userId) recent.delete(key);
}

/**
 * Resolves the `Authorization: Bearer` header into a principal, or null when there is none.
 * Throws 401 `token_expired` for an expired or invalid token, and 401 `unauthenticated` for a
 * session that was revoked (its access tokens stop working at once, not at expiry).
 */
export async function resolvePrincipal(request: FastifyRequest, db: Db, keys: KeyStore): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpError(401, ErrorCode.unauthenticated, 'The Authorization header must be "Bearer <token>"');
  let claims: Awaited<ReturnType<KeyStore['verifyAccessToken']>>;
  try {
    claims = await keys.verifyAccessToken(match[1] as string);
  } catch {
    throw new HttpError(401, ErrorCode.tokenExpired, 'Your session token expired or is not valid; refresh it');
  }
  const key = `${claims.sid}|${claims.pid ?? ''}|${claims.sub}`;
  const now = Date.now();
  const cached = recent.get(key);
  if (cached && cached.until > now) return cached.principal;
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      status: users.status,
      plan: users.plan,
      region: users.region,
      reauthAt: sessions.reauthAt,
      profileId: sessions.profileId,
      profileMaturity: profiles.maturityLevel,
      profileIsKids: profiles.isKids,
      // One round trip: the roles come along with the session (a query per request matters on PGlite).
      // A staff member's roles grant nothing while invited, deactivated, or without required MFA.
      roles: sql<
        string[]
      >`coalesce((select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id} and not ${rolesSuspended(users.id)}), '{}')`,
      profileIds: sql<
        string[]
      >`coalesce((select array_agg(${profiles.id}) from ${profiles} where ${profiles.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(profiles, and(eq(profiles.id, claims.pid ?? ''), eq(profiles.userId, users.id)))
    .where(and(eq(sessions.id, claims.sid), eq(sessions.userId, claims.sub), isNull(sessions.revokedAt)));
  if (!row) throw new HttpError(401, ErrorCode.unauthenticated, 'This session was signed out');
  const roleNames = row.roles;
  const principal: Principal = {
    kind: 'user',
    userId: row.userId,
    sessionId: claims.sid,
    profileId: claims.pid ?? null,
    email: row.email,
    status: row.status,
    plan: row.plan,
    region: row.region,
    roles: roleNames,
    permissions: await permissionsOf(db, roleNames),
    reauthAt: row.reauthAt,
    activeProfile:
      row.profileMaturity === null || row.profileIsKids === null
        ? null
        : { maturityLevel: row.profileMaturity, isKids: row.profileIsKids },
    profileIds: row.profileIds,
  };
  if (recent.size >= MAX_CACHED) recent.clear();
  recent.set(key, { until: now + PRINCIPAL_TTL_MS, principal });
  return principal;
}
