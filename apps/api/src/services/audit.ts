import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { devices, loginEvents, securityEvents, sessions } from '../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { badRequest } from '../http/errors.js';
import { newId } from '../ids.js';
import { locationFromLabel, parseUserAgent } from './client-info.js';

/** Where a request came from, as the audit tables keep it. */
export interface RequestOrigin {
  ip: string;
  userAgent: string;
  /** Approximate location label. */
  location: string;
  /** `Firefox on macOS`. */
  deviceName: string;
}

/** The audit fields of a caller (see `ClientContext`). */
export function originOf(client: {
  ip: string;
  userAgent: string;
  location: { label: string };
  device: { name: string };
}): RequestOrigin {
  return {
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 512),
    location: client.location.label,
    deviceName: client.device.name,
  };
}

/** The contract's `SecurityAuditEventType` values this server writes so far. */
export type SecurityEventName =
  | 'sign_in.succeeded'
  | 'sign_in.failed'
  | 'sign_in.locked'
  | 'sign_out'
  | 'password.changed'
  | 'password.reset_requested'
  | 'password.reset_completed'
  | 'email.verification_sent'
  | 'email.verified'
  | 'mfa.setup_started'
  | 'mfa.enabled'
  | 'mfa.disabled'
  | 'mfa.backup_codes_regenerated'
  | 'mfa.backup_code_used'
  | 'mfa.reset_requested'
  | 'mfa.reset_confirmed'
  | 'mfa.reset_cancelled'
  | 'mfa.reset_completed'
  | 'mfa.locked'
  | 'session.revoked'
  | 'sessions.revoked_all'
  | 'sessions.revoked_others'
  | 'session.refresh_reuse_detected'
  | 'device.removed'
  | 'devices.revoked_all'
  | 'device.trusted'
  | 'device.trust_removed'
  | 'account.created'
  | 'account.deactivated'
  | 'account.reactivated'
  | 'account.deletion_requested'
  | 'account.deletion_cancelled'
  | 'reauth.succeeded'
  | 'reauth.failed'
  | 'billing.payment_method_added'
  | 'billing.payment_method_removed'
  | 'billing.payment_method_default'
  | 'billing.subscribed'
  | 'billing.plan_changed'
  | 'billing.downgrade_scheduled'
  | 'billing.canceled'
  | 'billing.resumed'
  | 'billing.renewed'
  | 'billing.payment_failed'
  | 'billing.downgraded_to_free';

const CATEGORY: Record<string, string> = {
  sign_in: 'sign_in',
  sign_out: 'sign_in',
  password: 'password',
  email: 'email',
  mfa: 'mfa',
  session: 'sessions',
  sessions: 'sessions',
  device: 'devices',
  devices: 'devices',
  account: 'account',
  reauth: 'reauth',
  billing: 'billing',
};

/** Appends one event to an account's security audit log. Details never carry secrets. */
export async function recordSecurityEvent(
  db: Db,
  event: {
    userId: string;
    name: SecurityEventName;
    origin?: RequestOrigin | null;
    sessionId?: string | null;
    actor?: 'self' | 'staff' | 'system';
    details?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  const prefix = event.name.split('.')[0] as string;
  await db.insert(securityEvents).values({
    id: newId('sev'),
    userId: event.userId,
    category: CATEGORY[prefix] ?? 'account',
    event: event.name,
    actor: event.actor ?? 'self',
    ip: event.origin?.ip ?? null,
    location: event.origin?.location ?? null,
    userAgent: event.origin?.userAgent ?? null,
    deviceName: event.origin?.deviceName ?? null,
    sessionId: event.sessionId ?? null,
    details: event.details ?? {},
  });
}

/** Appends one sign-in attempt to an account's login activity. */
export async function recordLoginEvent(
  db: Db,
  event: {
    userId: string;
    outcome: 'success' | 'mfa_pending' | 'failure';
    failureReason?:
      | 'wrong_password'
      | 'wrong_code'
      | 'replayed_code'
      | 'used_backup_code'
      | 'expired_challenge'
      | 'rate_limited'
      | 'locked';
    method?: string | null;
    origin: RequestOrigin;
    deviceId?: string | null;
    sessionId?: string | null;
    newDevice?: boolean;
    newLocation?: boolean;
  },
): Promise<void> {
  await db.insert(loginEvents).values({
    id: newId('lgn'),
    userId: event.userId,
    outcome: event.outcome,
    failureReason: event.failureReason ?? null,
    method: event.method ?? null,
    ip: event.origin.ip,
    location: event.origin.location,
    userAgent: event.origin.userAgent,
    deviceId: event.deviceId ?? null,
    sessionId: event.sessionId ?? null,
    newDevice: event.newDevice ?? false,
    newLocation: event.newLocation ?? false,
  });
}

// ─── Reading the logs ───────────────────────────────────────────────────────────────────────────

/** A page of a log, newest first. */
export interface LogPage<T> {
  items: T[];
  next_cursor: string | null;
}

/** Filters and paging of the login activity (the contract's `LoginActivityQuery` and `PageQuery`). */
export interface LoginActivityFilter {
  outcome?: 'success' | 'mfa_pending' | 'failure' | undefined;
  since?: string | undefined;
  until?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Filters and paging of the security audit log (the contract's `SecurityAuditQuery` and `PageQuery`). */
export interface SecurityAuditFilter {
  category?: string | undefined;
  event?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

const SIGN_IN_METHODS: readonly string[] = [
  'password',
  'password_totp',
  'password_backup_code',
  'password_trusted_device',
  'sign_up',
  'password_reset',
];

/**
 * Keyset paging on `(at, id)` newest first. The cursor carries the database's own timestamp text
 * (microseconds), so rows written in the same millisecond are neither skipped nor repeated.
 */
function keyset(table: typeof loginEvents | typeof securityEvents, cursor: string | undefined): SQL | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  const at = String(after.k[0] ?? '');
  const iso = at.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  if (
    !/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(at) ||
    Number.isNaN(Date.parse(iso))
  )
    throw badRequest('query.cursor: not a cursor this server gave out', [
      { field: 'query.cursor', message: 'not a cursor this server gave out' },
    ]);
  return sql`(${table.at}, ${table.id}) < (${at}::timestamptz, ${after.id})`;
}

function timeRange(table: typeof loginEvents | typeof securityEvents, since?: string, until?: string): SQL[] {
  const where: SQL[] = [];
  if (since) where.push(gte(table.at, new Date(since)));
  if (until) where.push(lte(table.at, new Date(until)));
  return where;
}

/** The account's sign-in attempts, newest first: outcome, where, how, the session it started if still active. */
export async function listLoginActivity(db: Db, userId: string, filter: LoginActivityFilter) {
  const limit = filter.limit ?? 20;
  const where: SQL[] = [eq(loginEvents.userId, userId), ...timeRange(loginEvents, filter.since, filter.until)];
  if (filter.outcome) where.push(eq(loginEvents.outcome, filter.outcome));
  const page = keyset(loginEvents, filter.cursor);
  if (page) where.push(page);
  const rows = await db
    .select({
      event: loginEvents,
      atText: sql<string>`${loginEvents.at}::text`,
      sessionActive: sql<boolean>`exists (select 1 from ${sessions} where ${sessions.id} = ${loginEvents.sessionId} and ${sessions.revokedAt} is null)`,
      deviceName: devices.name,
    })
    .from(loginEvents)
    .leftJoin(devices, eq(devices.id, loginEvents.deviceId))
    .where(and(...where))
    .orderBy(desc(loginEvents.at), desc(loginEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ event, sessionActive, deviceName }) => {
    const device = parseUserAgent(event.userAgent);
    return {
      id: event.id,
      at: event.at.toISOString(),
      outcome: event.outcome,
      failure_reason: (event.failureReason ?? null) as LoginFailureReason | null,
      method: (event.method && SIGN_IN_METHODS.includes(event.method) ? event.method : null) as SignInMethod | null,
      ip: event.ip,
      location: locationFromLabel(event.location),
      device_name: deviceName ?? (event.userAgent ? device.name : null),
      device_type: device.type,
      browser: device.browser,
      os: device.os,
      session_id: sessionActive ? event.sessionId : null,
      new_device: event.newDevice,
      new_location: event.newLocation,
    };
  });
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    next_cursor: last ? encodeCursor({ k: [last.atText], id: last.event.id }) : null,
  };
}

/** The account's security events, newest first, filtered by category, event and time. */
export async function listSecurityEvents(db: Db, userId: string, filter: SecurityAuditFilter) {
  const limit = filter.limit ?? 20;
  const where: SQL[] = [eq(securityEvents.userId, userId), ...timeRange(securityEvents, filter.since, filter.until)];
  if (filter.category) where.push(eq(securityEvents.category, filter.category));
  if (filter.event) where.push(eq(securityEvents.event, filter.event));
  const page = keyset(securityEvents, filter.cursor);
  if (page) where.push(page);
  const rows = await db
    .select({ event: securityEvents, atText: sql<string>`${securityEvents.at}::text` })
    .from(securityEvents)
    .where(and(...where))
    .orderBy(desc(securityEvents.at), desc(securityEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ event }) => ({
    id: event.id,
    at: event.at.toISOString(),
    category: event.category as SecurityAuditCategory,
    event: event.event as SecurityEventName,
    actor: event.actor,
    ip: event.ip,
    location: locationFromLabel(event.location),
    user_agent: event.userAgent,
    device_name: event.deviceName,
    session_id: event.sessionId,
    details: auditDetails(event.details),
  }));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    next_cursor: last ? encodeCursor({ k: [last.atText], id: last.event.id }) : null,
  };
}

/** Stored details as the contract allows them: flat strings, numbers, booleans and nulls. */
function auditDetails(value: unknown): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else out[k] = JSON.stringify(v);
  }
  return out;
}

type SecurityAuditCategory = 'sign_in' | 'password' | 'mfa' | 'email' | 'sessions' | 'devices' | 'account' | 'reauth';
type LoginFailureReason = NonNullable<Parameters<typeof recordLoginEvent>[1]['failureReason']>;
type SignInMethod =
  | 'password'
  | 'password_totp'
  | 'password_backup_code'
  | 'password_trusted_device'
  | 'sign_up'
  | 'password_reset';
