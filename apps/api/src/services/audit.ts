import type { Db } from '../db/client.js';
import { loginEvents, securityEvents } from '../db/schema/index.js';
import { newId } from '../ids.js';

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
  | 'mfa.backup_code_used'
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
  | 'reauth.succeeded'
  | 'reauth.failed';

const CATEGORY: Record<string, string> = {
  sign_in: 'sign_in',
  sign_out: 'sign_in',
  password: 'password',
  mfa: 'mfa',
  session: 'sessions',
  sessions: 'sessions',
  device: 'devices',
  devices: 'devices',
  account: 'account',
  reauth: 'reauth',
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
