import { and, asc, desc, eq, gt, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { devices, refreshTokens, sessions } from '../db/schema/index.js';
import { forgetPrincipalsOf } from '../http/principal.js';
import { newId, newSecret } from '../ids.js';
import { type ApproxLocation, asDeviceType, type ClientContext, locationFromLabel } from './client-info.js';
import { type Secrets, tokenHash } from './secrets.js';

/** A refresh token lapses after this long without use (each rotation starts a new period). */
export const REFRESH_TTL_MS = 30 * 86_400_000;
/**
 * How long after a rotation the old refresh token still answers with the same successor: tabs of
 * one browser that refresh at once all get the token the first one got. After it, presenting the
 * old token again is reuse, and the whole session is revoked.
 */
export const REFRESH_GRACE_MS = 10_000;
/** Active sessions kept per account; beyond it the least recently active are signed out. */
export const MAX_SESSIONS_PER_ACCOUNT = 30;

/** The contract's `SignInMethod`. */
export type SignInMethod =
  | 'password'
  | 'password_totp'
  | 'password_backup_code'
  | 'password_trusted_device'
  | 'sign_up'
  | 'password_reset';

/** The contract's `AccountSession`. */
export interface AccountSessionView {
  id: string;
  current: boolean;
  device_id: string | null;
  device_name: string;
  device_type: 'desktop' | 'mobile' | 'tablet' | 'tv' | 'console' | 'other';
  browser: string | null;
  os: string | null;
  ip: string;
  location: ApproxLocation | null;
  sign_in_method: SignInMethod;
  created_at: string;
  last_active_at: string;
  expires_at: string;
}

/** A session started or continued: what the answer and the cookies need. */
export interface SessionGrant {
  sessionId: string;
  userId: string;
  profileId: string | null;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** The outcome of presenting a refresh token. */
export type RefreshOutcome =
  | ({ kind: 'ok'; graced: boolean } & SessionGrant)
  | { kind: 'invalid' }
  | { kind: 'reused'; userId: string; sessionId: string };

/** A session whose refresh token has not lapsed (sessions written without an expiry never lapse). */
export const notExpired = (now: number) => or(isNull(sessions.expiresAt), gt(sessions.expiresAt, new Date(now)));

const METHODS: readonly string[] = [
  'password',
  'password_totp',
  'password_backup_code',
  'password_trusted_device',
  'sign_up',
  'password_reset',
];

/**
 * Sessions and their refresh tokens. A session is one refresh-token family: opaque random
 * tokens, stored as SHA-256 hashes, rotated on every use. The successor of a token is derived
 * from it (HMAC with a server key), so concurrent refreshes with one token compute the same
 * successor without keeping any token in clear. Revoking a session ends the family at once;
 * access tokens that carry its id are refused from the next request (principal.ts).
 */
export class SessionService {
  /** Settable for tests that need to step past the window. */
  graceMs = REFRESH_GRACE_MS;

  constructor(
    private readonly db: Db,
    private readonly secrets: Secrets,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session for a signed-in account on the client's device. */
  async start(
    userId: string,
    options: { client: ClientContext; method: SignInMethod; profileId: string | null; deviceId: string | null },
  ): Promise<SessionGrant> {
    const now = this.now();
    const sessionId = newId('ses');
    const refreshToken = newSecret();
    const expiresAt = new Date(now + REFRESH_TTL_MS);
    await this.db.transaction(async (tx) => {
      await tx.insert(sessions).values({
        id: sessionId,
        userId,
        deviceId: options.deviceId,
        profileId: options.profileId,
        ip: options.client.ip,
        userAgent: options.client.userAgent.slice(0, 512),
        location: options.client.location.label,
        reauthAt: new Date(now),
        signInMethod: options.method,
        expiresAt,
        createdAt: new Date(now),
        lastActiveAt: new Date(now),
      });
      await tx.insert(refreshTokens).values({
        id: newId('rft'),
        sessionId,
        tokenHash: tokenHash(refreshToken),
        expiresAt,
        createdAt: new Date(now),
      });
    });
    await this.enforceCap(userId);
    return { sessionId, userId, profileId: options.profileId, refreshToken, refreshExpiresAt: expiresAt };
  }

  /** Signs out the least recently active sessions beyond the cap. */
  private async enforceCap(userId: string): Promise<void> {
    const active = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), notExpired(this.now())))
      .orderBy(desc(sessions.lastActiveAt), desc(sessions.createdAt));
    const extra = active.slice(MAX_SESSIONS_PER_ACCOUNT).map((s) => s.id);
    if (extra.length) await this.revoke(userId, extra, 'session_limit');
  }

  /**
   * Rotates a refresh token: the first use answers a new token and marks the old one used; a use
   * within the grace window answers the same successor; a later use is reuse — the token was
   * copied — and revokes the whole session.
   */
  async refresh(token: string, client: ClientContext): Promise<RefreshOutcome> {
    if (!token || token.length > 128) return { kind: 'invalid' };
    const [row] = await this.db
      .select({ token: refreshTokens, session: sessions })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash(token)));
    const now = this.now();
    if (!row || row.session.revokedAt) return { kind: 'invalid' };
    if (row.token.expiresAt.getTime() <= now) return { kind: 'invalid' };
    const successor = this.secrets.mac('refresh-successor', token);
    const expiresAt = new Date(now + REFRESH_TTL_MS);
    const grant = (graced: boolean, refreshExpiresAt: Date): RefreshOutcome => ({
      kind: 'ok',
      graced,
      sessionId: row.session.id,
      userId: row.session.userId,
      profileId: row.session.profileId,
      refreshToken: successor,
      refreshExpiresAt,
    });

    if (!row.token.usedAt) {
      const successorId = newId('rft');
      const won = await this.db.transaction(async (tx) => {
        const updated = await tx
          .update(refreshTokens)
          .set({ usedAt: new Date(now), replacedBy: successorId })
          .where(and(eq(refreshTokens.id, row.token.id), isNull(refreshTokens.usedAt)))
          .returning({ id: refreshTokens.id });
        if (!updated.length) return false;
        await tx.insert(refreshTokens).values({
          id: successorId,
          sessionId: row.session.id,
          tokenHash: tokenHash(successor),
          expiresAt,
          createdAt: new Date(now),
        });
        await tx
          .update(sessions)
          .set({ lastActiveAt: new Date(now), expiresAt, ip: client.ip, location: client.location.label })
          .where(eq(sessions.id, row.session.id));
        return true;
      });
      if (won) return grant(false, expiresAt);
    }

    // Used already: by a concurrent tab (within the window) or by someone holding a copy.
    const [current] = await this.db
      .select({ usedAt: refreshTokens.usedAt, replacedBy: refreshTokens.replacedBy })
      .from(refreshTokens)
      .where(eq(refreshTokens.id, row.token.id));
    const usedAt = current?.usedAt?.getTime() ?? now;
    if (now - usedAt <= this.graceMs && current?.replacedBy) {
      const [next] = await this.db
        .select({ tokenHash: refreshTokens.tokenHash, expiresAt: refreshTokens.expiresAt })
        .from(refreshTokens)
        .where(eq(refreshTokens.id, current.replacedBy));
      const [session] = await this.db
        .select({ revokedAt: sessions.revokedAt })
        .from(sessions)
        .where(eq(sessions.id, row.session.id));
      if (next && next.tokenHash === tokenHash(successor) && session && !session.revokedAt)
        return grant(true, next.expiresAt);
      return { kind: 'invalid' };
    }
    await this.revoke(row.session.userId, [row.session.id], 'refresh_token_reuse');
    return { kind: 'reused', userId: row.session.userId, sessionId: row.session.id };
  }

  /** The session a refresh token belongs to (used or not), if it is still active. */
  async sessionOfToken(token: string): Promise<{ sessionId: string; userId: string } | null> {
    if (!token || token.length > 128) return null;
    const [row] = await this.db
      .select({ sessionId: sessions.id, userId: sessions.userId })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(and(eq(refreshTokens.tokenHash, tokenHash(token)), isNull(sessions.revokedAt)));
    return row ?? null;
  }

  /** Revokes sessions of the account (only its own, only active ones); answers the ids revoked. */
  async revoke(userId: string, sessionIds: string[], reason: string): Promise<string[]> {
    if (!sessionIds.length) return [];
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: new Date(this.now()), revokedReason: reason })
      .where(and(eq(sessions.userId, userId), inArray(sessions.id, sessionIds), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    forgetPrincipalsOf(userId);
    return rows.map((r) => r.id);
  }

  /** Revokes every active session of the account except `keep`; answers the ids revoked. */
  async revokeAllBut(userId: string, keep: string[], reason: string): Promise<string[]> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: new Date(this.now()), revokedReason: reason })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          ...(keep.length ? [notInArray(sessions.id, keep)] : []),
        ),
      )
      .returning({ id: sessions.id });
    forgetPrincipalsOf(userId);
    return rows.map((r) => r.id);
  }

  /** Whether the account has (or had) this session, revoked or lapsed ones included. */
  async owns(userId: string, sessionId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
    return Boolean(row);
  }

  /** Active sessions of some devices of the account (all devices when null). */
  async activeIds(userId: string, deviceIds: string[] | null): Promise<string[]> {
    const rows = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          ...(deviceIds ? [inArray(sessions.deviceId, deviceIds.length ? deviceIds : [''])] : []),
        ),
      );
    return rows.map((r) => r.id);
  }

  /** The session's device, if it has one. */
  async deviceOf(sessionId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ deviceId: sessions.deviceId })
      .from(sessions)
      .where(eq(sessions.id, sessionId));
    return row?.deviceId ?? null;
  }

  /** Points the session at a profile (the access tokens it mints next carry it as `pid`). */
  async setProfile(sessionId: string, profileId: string | null): Promise<void> {
    await this.db
      .update(sessions)
      .set({ profileId, lastActiveAt: new Date(this.now()) })
      .where(eq(sessions.id, sessionId));
  }

  /** Opens the re-authentication window of the session now. */
  async markReauth(sessionId: string): Promise<Date> {
    const at = new Date(this.now());
    await this.db.update(sessions).set({ reauthAt: at }).where(eq(sessions.id, sessionId));
    return at;
  }

  /** Active sessions of the account, most recently active first (optionally of one device). */
  async list(userId: string, currentSessionId: string | null, deviceId?: string): Promise<AccountSessionView[]> {
    const rows = await this.db
      .select({ session: sessions, device: devices })
      .from(sessions)
      .leftJoin(devices, eq(devices.id, sessions.deviceId))
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          notExpired(this.now()),
          ...(deviceId ? [eq(sessions.deviceId, deviceId)] : []),
        ),
      )
      .orderBy(desc(sessions.lastActiveAt), asc(sessions.id));
    return rows.map(({ session, device }) => ({
      id: session.id,
      current: session.id === currentSessionId,
      device_id: session.deviceId,
      device_name: device?.name ?? 'Unknown browser',
      device_type: asDeviceType(device?.type ?? 'other'),
      browser: device?.browser || null,
      os: device?.os || null,
      ip: session.ip,
      location: locationFromLabel(session.location),
      sign_in_method: (METHODS.includes(session.signInMethod) ? session.signInMethod : 'password') as SignInMethod,
      created_at: session.createdAt.toISOString(),
      last_active_at: session.lastActiveAt.toISOString(),
      expires_at: (session.expiresAt ?? session.createdAt).toISOString(),
    }));
  }

  /** Sessions of the account other than `sessionId` that are active (for counts). */
  async countOthers(userId: string, sessionId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, sessionId)));
    return row?.n ?? 0;
  }
}
