import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { devices, sessions } from '../db/schema/index.js';
import { newId, newSecret } from '../ids.js';
import {
  type ApproxLocation,
  asDeviceType,
  type ClientContext,
  type DeviceType,
  locationFromLabel,
} from './client-info.js';
import { tokenHash } from './secrets.js';
import { notExpired } from './sessions.js';

/** How long "trust this browser" skips the MFA step. */
export const DEVICE_TRUST_DAYS = 30;

/** The contract's `AccountDevice`. */
export interface AccountDeviceView {
  id: string;
  current: boolean;
  name: string;
  type: DeviceType;
  browser: string | null;
  os: string | null;
  last_ip: string | null;
  last_location: ApproxLocation | null;
  first_seen_at: string;
  last_active_at: string;
  active_sessions: number;
  trusted: boolean;
  trusted_until: string | null;
}

/** The contract's `TrustedDevice`. */
export interface TrustedDeviceView {
  id: string;
  device_id: string | null;
  current: boolean;
  name: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  location: ApproxLocation | null;
  trusted_at: string;
  last_used_at: string | null;
  expires_at: string;
}

type DeviceRow = typeof devices.$inferSelect;

/** A browser key as the device cookie carries it (what `newSecret()` makes). */
export const BROWSER_KEY = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * Devices: browsers and apps that have signed in to an account. A browser is recognised by a
 * long-lived random key in its device cookie (stored hashed), the same key for every account
 * signed in from it; each account has its own device row for it.
 */
export class DeviceService {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The account's device for this browser, if it has one. */
  async find(userId: string, browserKey: string | null): Promise<DeviceRow | null> {
    if (!browserKey || !BROWSER_KEY.test(browserKey)) return null;
    const [row] = await this.db
      .select()
      .from(devices)
      .where(and(eq(devices.userId, userId), eq(devices.browserKeyHash, tokenHash(browserKey))));
    return row ?? null;
  }

  /** Whether this browser may skip the MFA step for the account. */
  async isTrusted(userId: string, browserKey: string | null): Promise<DeviceRow | null> {
    const device = await this.find(userId, browserKey);
    return device?.trustedUntil && device.trustedUntil.getTime() > this.now() ? device : null;
  }

  /**
   * Records a sign-in from this browser: finds or creates the account's device for it (and a
   * browser key when the browser had none), refreshing its name, address and last activity.
   */
  async touch(
    userId: string,
    client: ClientContext,
  ): Promise<{ device: DeviceRow; browserKey: string; isNew: boolean }> {
    const browserKey = client.browserKey && BROWSER_KEY.test(client.browserKey) ? client.browserKey : newSecret();
    const existing = await this.find(userId, browserKey);
    const seen = {
      name: client.device.name,
      type: client.device.type,
      browser: client.device.browser ?? '',
      os: client.device.os ?? '',
      lastIp: client.ip,
      lastLocation: client.location.label,
      lastActiveAt: new Date(this.now()),
    };
    if (existing) {
      const [device] = await this.db.update(devices).set(seen).where(eq(devices.id, existing.id)).returning();
      return { device: device as DeviceRow, browserKey, isNew: false };
    }
    const [device] = await this.db
      .insert(devices)
      .values({
        id: newId('dev'),
        userId,
        browserKeyHash: tokenHash(browserKey),
        createdAt: new Date(this.now()),
        ...seen,
      })
      .returning();
    return { device: device as DeviceRow, browserKey, isNew: true };
  }

  /** Lets the device skip the MFA step for `DEVICE_TRUST_DAYS`. */
  async trust(deviceId: string, client: ClientContext): Promise<void> {
    const now = this.now();
    await this.db
      .update(devices)
      .set({
        trustedAt: new Date(now),
        trustedUntil: new Date(now + DEVICE_TRUST_DAYS * 86_400_000),
        trustedIp: client.ip,
        trustedLocation: client.location.label,
        trustLastUsedAt: null,
      })
      .where(eq(devices.id, deviceId));
  }

  /** Notes that a trusted device skipped the MFA step. */
  async trustUsed(deviceId: string): Promise<void> {
    await this.db
      .update(devices)
      .set({ trustLastUsedAt: new Date(this.now()) })
      .where(eq(devices.id, deviceId));
  }

  /** Drops MFA trust from some of the account's devices (all when `deviceIds` is null); answers how many lost it. */
  async untrust(userId: string, deviceIds: string[] | null): Promise<number> {
    const rows = await this.db
      .update(devices)
      .set({ trustedUntil: null, trustedAt: null, trustedIp: null, trustedLocation: null, trustLastUsedAt: null })
      .where(
        and(
          eq(devices.userId, userId),
          sql`${devices.trustedUntil} is not null`,
          ...(deviceIds ? [inArray(devices.id, deviceIds.length ? deviceIds : [''])] : []),
        ),
      )
      .returning({ id: devices.id });
    return rows.length;
  }

  /** The account's devices, most recently active first, with their active session counts. */
  async list(userId: string, currentDeviceId: string | null): Promise<AccountDeviceView[]> {
    const rows = await this.db
      .select()
      .from(devices)
      .where(eq(devices.userId, userId))
      .orderBy(sql`${devices.lastActiveAt} desc`, devices.id);
    const counts = await this.db
      .select({ deviceId: sessions.deviceId, n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), notExpired(this.now())))
      .groupBy(sessions.deviceId);
    const active = new Map(counts.map((c) => [c.deviceId, c.n]));
    return rows.map((row) => this.view(row, currentDeviceId, active.get(row.id) ?? 0));
  }

  /** One row in the contract's shape. */
  view(row: DeviceRow, currentDeviceId: string | null, activeSessions: number): AccountDeviceView {
    const trusted = Boolean(row.trustedUntil && row.trustedUntil.getTime() > this.now());
    return {
      id: row.id,
      current: row.id === currentDeviceId,
      name: row.name,
      type: asDeviceType(row.type),
      browser: row.browser || null,
      os: row.os || null,
      last_ip: row.lastIp,
      last_location: locationFromLabel(row.lastLocation),
      first_seen_at: row.createdAt.toISOString(),
      last_active_at: row.lastActiveAt.toISOString(),
      active_sessions: activeSessions,
      trusted,
      trusted_until: trusted && row.trustedUntil ? row.trustedUntil.toISOString() : null,
    };
  }

  /** Forgets a device of the account (its sessions must be revoked first); false when it is not the account's. */
  async remove(userId: string, deviceId: string): Promise<boolean> {
    const rows = await this.db
      .delete(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.userId, userId)))
      .returning({ id: devices.id });
    return rows.length > 0;
  }

  /** The contract's `TrustedDevice` list: devices that skip the MFA step now. */
  async trusted(userId: string, currentDeviceId: string | null): Promise<TrustedDeviceView[]> {
    const rows = await this.db
      .select()
      .from(devices)
      .where(and(eq(devices.userId, userId), gt(devices.trustedUntil, new Date(this.now()))))
      .orderBy(sql`${devices.trustedAt} desc nulls last`, devices.id);
    return rows.map((row) => ({
      id: row.id,
      device_id: row.id,
      current: row.id === currentDeviceId,
      name: row.name,
      browser: row.browser || null,
      os: row.os || null,
      ip: row.trustedIp,
      location: locationFromLabel(row.trustedLocation),
      trusted_at: (row.trustedAt ?? row.createdAt).toISOString(),
      last_used_at: row.trustLastUsedAt?.toISOString() ?? null,
      expires_at: (row.trustedUntil as Date).toISOString(),
    }));
  }

  /** One device of the account, or null. */
  async get(userId: string, deviceId: string): Promise<DeviceRow | null> {
    const [row] = await this.db
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.userId, userId)));
    return row ?? null;
  }
}
