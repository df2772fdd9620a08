import { and, desc, eq, inArray, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { mfaResets, users } from '../db/schema/index.js';
import { conflict, HttpError } from '../http/errors.js';
import { forgetPrincipalsOf } from '../http/principal.js';
import { newId, newSecret } from '../ids.js';
import { mfaResetDoneEmail, mfaResetRequestEmail, mfaResetWaitingEmail } from './account-lifecycle-emails.js';
import { originOf, type RequestOrigin, recordSecurityEvent } from './audit.js';
import type { AuthService } from './auth.js';
import type { ClientContext } from './client-info.js';
import type { Deferred, Mailer } from './email.js';
import { linkGone } from './email-tokens.js';
import { maskEmail } from './password-reset.js';
import { tokenHash } from './secrets.js';

/** How long the confirmation link of a reset request works. */
export const MFA_RESET_LINK_TTL_SECONDS = 60 * 60;
/** A new request within this time answers the pending one instead of emailing again. */
const RESEND_AFTER_MS = 60_000;

/**
 * The waiting period between a confirmed reset and the removal of MFA, in hours
 * (`REEL_MFA_RESET_WAIT_HOURS`, default 48).
 */
export function mfaResetWaitHours(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.REEL_MFA_RESET_WAIT_HOURS);
  return env.REEL_MFA_RESET_WAIT_HOURS !== undefined && Number.isInteger(n) && n >= 0 ? n : 48;
}

type ResetRow = typeof mfaResets.$inferSelect;

/** The contract's `MfaReset`. */
export interface MfaResetView {
  status: 'email_sent' | 'waiting' | 'completed' | 'cancelled';
  email_hint: string;
  requested_at: string;
  eligible_at: string | null;
  waiting_period_hours: number;
  link_expires_in: number | null;
}

/**
 * Lost-device MFA reset (§16): someone who proved the password at sign-in but has no second factor
 * asks for a reset; an emailed link confirms it (the address is the second proof); a waiting
 * period follows, announced by email with a cancel link, so that an attacker who has the password
 * and the mailbox for a moment still cannot remove MFA quietly. When it ends, MFA is removed.
 */
export class MfaResetService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly deferred: Deferred,
    private readonly publicOrigin: string,
    readonly waitHours: number = mfaResetWaitHours(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The page of the site that opens the emailed links. */
  link(token: string, action: 'confirm' | 'cancel'): string {
    return `${this.publicOrigin}/mfa-reset?token=${encodeURIComponent(token)}&action=${action}`;
  }

  private securityLink(): string {
    return `${this.publicOrigin}/account/security`;
  }

  view(row: ResetRow, email: string): MfaResetView {
    const left = Math.max(0, Math.floor((row.linkExpiresAt.getTime() - this.now()) / 1000));
    return {
      status: row.status,
      email_hint: maskEmail(email),
      requested_at: row.requestedAt.toISOString(),
      eligible_at: row.eligibleAt?.toISOString() ?? null,
      waiting_period_hours: this.waitHours,
      link_expires_in: row.status === 'email_sent' ? left : null,
    };
  }

  private async user(userId: string) {
    const [user] = await this.db
      .select({ id: users.id, email: users.email, name: users.displayName })
      .from(users)
      .where(eq(users.id, userId));
    return user ?? null;
  }

  /** The account's reset in progress (a live link, or the waiting period), if any. */
  async pending(userId: string): Promise<MfaResetView | null> {
    await this.completeDue();
    const [row] = await this.db
      .select()
      .from(mfaResets)
      .where(and(eq(mfaResets.userId, userId), inArray(mfaResets.status, ['email_sent', 'waiting'])))
      .orderBy(desc(mfaResets.requestedAt))
      .limit(1);
    if (!row) return null;
    if (row.status === 'email_sent' && row.linkExpiresAt.getTime() <= this.now()) return null;
    const user = await this.user(userId);
    return user ? this.view(row, user.email) : null;
  }

  /**
   * Step 1, from the MFA step of a sign-in (its `mfa_token` proves the password): emails a
   * confirmation link. A request while one is waiting answers that one; a repeated request within a
   * minute answers the pending one without emailing again.
   */
  async request(mfaToken: string, client: ClientContext): Promise<MfaResetView> {
    const { userId } = await this.auth.readChallenge(mfaToken);
    this.auth.take('mfa.ip', client.ip);
    const user = await this.user(userId);
    if (!user) throw new HttpError(401, 'mfa_expired', 'This sign-in step expired or was already used: sign in again');
    if (!(await this.auth.mfa.isEnabled(userId)))
      throw conflict('Two-step verification is already off for this account: sign in with your password');
    const [open] = await this.db
      .select()
      .from(mfaResets)
      .where(and(eq(mfaResets.userId, userId), inArray(mfaResets.status, ['email_sent', 'waiting'])))
      .orderBy(desc(mfaResets.requestedAt))
      .limit(1);
    const now = this.now();
    if (open?.status === 'waiting') return this.view(open, user.email);
    if (open && open.linkExpiresAt.getTime() > now && now - open.requestedAt.getTime() < RESEND_AFTER_MS)
      return this.view(open, user.email);
    // Only the newest link works.
    await this.db
      .update(mfaResets)
      .set({ status: 'cancelled', cancelledAt: new Date(now) })
      .where(and(eq(mfaResets.userId, userId), eq(mfaResets.status, 'email_sent')));
    const confirmToken = newSecret(32);
    const cancelToken = newSecret(32);
    const [row] = await this.db
      .insert(mfaResets)
      .values({
        id: newId('mfr'),
        userId,
        status: 'email_sent',
        confirmTokenHash: tokenHash(confirmToken),
        cancelTokenHash: tokenHash(cancelToken),
        requestedAt: new Date(now),
        linkExpiresAt: new Date(now + MFA_RESET_LINK_TTL_SECONDS * 1000),
        requestIp: client.ip,
        requestLocation: client.location.label,
      })
      .returning();
    const origin = originOf(client);
    await recordSecurityEvent(this.db, { userId, name: 'mfa.reset_requested', origin });
    await this.mailer.send(
      mfaResetRequestEmail(
        user.email,
        user.name,
        this.link(confirmToken, 'confirm'),
        this.link(cancelToken, 'cancel'),
        MFA_RESET_LINK_TTL_SECONDS,
        this.waitHours,
      ),
    );
    return this.view(row as ResetRow, user.email);
  }

  /** Step 2, the emailed link: starts the waiting period (410 when the link is unknown, used or expired). */
  async confirm(token: string, client: ClientContext): Promise<MfaResetView> {
    const [row] = await this.db
      .select()
      .from(mfaResets)
      .where(eq(mfaResets.confirmTokenHash, tokenHash(token)));
    if (!row) throw linkGone('invalid');
    const user = await this.user(row.userId);
    if (!user) throw linkGone('invalid');
    if (row.status === 'waiting') return this.view(row, user.email);
    if (row.status !== 'email_sent') throw linkGone('used');
    const now = this.now();
    if (row.linkExpiresAt.getTime() <= now) throw linkGone('expired');
    const cancelToken = newSecret(32);
    const eligibleAt = new Date(now + this.waitHours * 3_600_000);
    const [updated] = await this.db
      .update(mfaResets)
      .set({ status: 'waiting', confirmedAt: new Date(now), eligibleAt, cancelTokenHash: tokenHash(cancelToken) })
      .where(and(eq(mfaResets.id, row.id), eq(mfaResets.status, 'email_sent')))
      .returning();
    if (!updated) throw linkGone('used');
    await recordSecurityEvent(this.db, {
      userId: row.userId,
      name: 'mfa.reset_confirmed',
      origin: originOf(client),
      details: { eligible_at: eligibleAt.toISOString() },
    });
    await this.mailer.send(mfaResetWaitingEmail(user.email, user.name, eligibleAt, this.link(cancelToken, 'cancel')));
    if (this.waitHours === 0) await this.completeDue();
    const [latest] = await this.db.select().from(mfaResets).where(eq(mfaResets.id, row.id));
    return this.view(latest ?? updated, user.email);
  }

  /** "This wasn't me", from either email's cancel link: the reset stops (410 for an unknown link). */
  async cancel(token: string, client: ClientContext): Promise<MfaResetView> {
    const hash = tokenHash(token);
    const [row] = await this.db
      .select()
      .from(mfaResets)
      .where(or(eq(mfaResets.cancelTokenHash, hash), eq(mfaResets.confirmTokenHash, hash)));
    if (!row) throw linkGone('invalid');
    const user = await this.user(row.userId);
    if (!user) throw linkGone('invalid');
    if (row.status === 'completed')
      throw conflict('Two-step verification was already removed: sign in and turn it on again');
    if (row.status === 'cancelled') return this.view(row, user.email);
    const [updated] = await this.db
      .update(mfaResets)
      .set({ status: 'cancelled', cancelledAt: new Date(this.now()) })
      .where(and(eq(mfaResets.id, row.id), inArray(mfaResets.status, ['email_sent', 'waiting'])))
      .returning();
    await recordSecurityEvent(this.db, {
      userId: row.userId,
      name: 'mfa.reset_cancelled',
      origin: originOf(client),
      details: { via: 'email_link' },
    });
    return this.view(updated ?? row, user.email);
  }

  /** Cancels the account's reset in progress from a signed-in session; answers whether one was. */
  async cancelForUser(userId: string, origin: RequestOrigin, sessionId: string): Promise<boolean> {
    const rows = await this.db
      .update(mfaResets)
      .set({ status: 'cancelled', cancelledAt: new Date(this.now()) })
      .where(and(eq(mfaResets.userId, userId), inArray(mfaResets.status, ['email_sent', 'waiting'])))
      .returning({ id: mfaResets.id });
    if (rows.length)
      await recordSecurityEvent(this.db, {
        userId,
        name: 'mfa.reset_cancelled',
        origin,
        sessionId,
        details: { via: 'signed_in' },
      });
    return rows.length > 0;
  }

  /**
   * Removes MFA from every account whose waiting period is over (run by a timer, and before any
   * read of a reset's state). Answers how many resets completed.
   */
  async completeDue(): Promise<number> {
    const due = await this.db
      .select()
      .from(mfaResets)
      .where(and(eq(mfaResets.status, 'waiting'), lte(mfaResets.eligibleAt, new Date(this.now()))));
    let done = 0;
    for (const row of due) {
      const [won] = await this.db
        .update(mfaResets)
        .set({ status: 'completed', completedAt: new Date(this.now()) })
        .where(and(eq(mfaResets.id, row.id), eq(mfaResets.status, 'waiting')))
        .returning({ id: mfaResets.id });
      if (!won) continue;
      done++;
      await this.auth.mfa.disable(row.userId);
      await this.auth.devices.untrust(row.userId, null);
      forgetPrincipalsOf(row.userId);
      await recordSecurityEvent(this.db, { userId: row.userId, name: 'mfa.reset_completed', actor: 'system' });
      const user = await this.user(row.userId);
      if (user)
        this.deferred.run('MFA reset email', () =>
          this.mailer.send(mfaResetDoneEmail(user.email, user.name, this.securityLink())),
        );
    }
    return done;
  }
}
