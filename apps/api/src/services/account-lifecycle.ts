import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  accountLifecycle,
  devices,
  mfaFactors,
  profiles,
  progress,
  searchHistory,
  sessions,
  users,
} from '../db/schema/index.js';
import { conflict, HttpError } from '../http/errors.js';
import { forgetPrincipalsOf } from '../http/principal.js';
import { deactivatedEmail, deletionScheduledEmail, reactivatedEmail } from './account-lifecycle-emails.js';
import { type RequestOrigin, recordSecurityEvent } from './audit.js';
import { type AuthService, type Caller, normaliseEmail } from './auth.js';
import type { Deferred, Mailer } from './email.js';

/** Days between a deletion request and the deletion (`REEL_DELETION_GRACE_DAYS`, default 30). */
export function deletionGraceDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.REEL_DELETION_GRACE_DAYS);
  return env.REEL_DELETION_GRACE_DAYS !== undefined && Number.isInteger(n) && n >= 0 ? n : 30;
}

/** Why someone leaves (the contract's `AccountLeaveReason`). */
type LeaveReason =
  | 'taking_a_break'
  | 'too_expensive'
  | 'not_enough_content'
  | 'technical_problems'
  | 'privacy'
  | 'other';

interface LeaveBody {
  reason?: LeaveReason | undefined;
  feedback?: string | undefined;
}

type DataKind =
  | 'profiles'
  | 'viewing_history'
  | 'watchlists'
  | 'ratings_and_reviews'
  | 'downloads'
  | 'settings'
  | 'notifications'
  | 'sessions_and_devices'
  | 'payment_methods';

/** The contract's `AccountDeletionPlan`. */
export interface DeletionPlanView {
  status: 'active' | 'deactivated' | 'pending_deletion';
  grace_period_days: number;
  scheduled_for: string | null;
  will_delete: { kind: DataKind; count: number | null }[];
  will_keep: {
    kind: 'invoices' | 'payment_records' | 'security_log' | 'anonymised_statistics';
    reason: string;
    retained_for_days: number | null;
  }[];
  subscription: { plan: string; current_period_end: string | null } | null;
}

/**
 * The account's lifecycle (§20): deactivate (everything kept, every session signed out; signing
 * in again offers to reactivate), schedule deletion after a grace period (typed confirmation;
 * cancelled by reactivating), and the purge that deletes accounts whose grace period is over.
 * Each step is written to the security log and announced by email.
 */
export class AccountLifecycleService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly deferred: Deferred,
    private readonly publicOrigin: string,
    readonly graceDays: number = deletionGraceDays(),
    private readonly now: () => number = Date.now,
  ) {}

  private async user(userId: string) {
    const [user] = await this.db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new HttpError(401, 'unauthenticated', 'This account no longer exists');
    return user;
  }

  private signInLink(): string {
    return `${this.publicOrigin}/sign-in`;
  }

  private async lifecycle(userId: string) {
    const [row] = await this.db.select().from(accountLifecycle).where(eq(accountLifecycle.userId, userId));
    return row ?? null;
  }

  private async saveLifecycle(userId: string, values: Partial<typeof accountLifecycle.$inferInsert>): Promise<void> {
    const set = { ...values, updatedAt: new Date(this.now()) };
    await this.db
      .insert(accountLifecycle)
      .values({ userId, ...set })
      .onConflictDoUpdate({ target: accountLifecycle.userId, set });
  }

  /** Deactivates the account: every session is signed out; the data stays. 409 while a deletion is pending. */
  async deactivate(
    caller: Caller,
    body: LeaveBody,
    origin: RequestOrigin,
  ): Promise<{ status: 'deactivated'; deactivated_at: string; sessions_revoked: number }> {
    const user = await this.user(caller.userId);
    if (user.status === 'pending_deletion')
      throw conflict('This account is already scheduled for deletion: reactivate it first');
    const at = new Date(this.now());
    await this.db.update(users).set({ status: 'deactivated', updatedAt: at }).where(eq(users.id, user.id));
    await this.saveLifecycle(user.id, {
      deactivatedAt: at,
      reason: body.reason ?? null,
      feedback: body.feedback?.trim() || null,
    });
    const revoked = await this.auth.sessions.revokeAllBut(user.id, [], 'account_deactivated');
    await recordSecurityEvent(this.db, {
      userId: user.id,
      name: 'account.deactivated',
      origin,
      sessionId: caller.sessionId,
      details: { sessions_revoked: revoked.length, ...(body.reason ? { reason: body.reason } : {}) },
    });
    this.deferred.run('deactivation email', () =>
      this.mailer.send(deactivatedEmail(user.email, user.displayName, this.signInLink())),
    );
    return { status: 'deactivated', deactivated_at: at.toISOString(), sessions_revoked: revoked.length };
  }

  /** Brings a deactivated account back, or cancels a deletion still in its grace period. */
  async reactivate(
    caller: Caller,
    origin: RequestOrigin,
  ): Promise<{ status: 'active'; reactivated_at: string; deletion_cancelled: boolean }> {
    const user = await this.user(caller.userId);
    if (user.status === 'active') {
      const row = await this.lifecycle(user.id);
      return {
        status: 'active',
        reactivated_at: (row?.reactivatedAt ?? user.createdAt).toISOString(),
        deletion_cancelled: false,
      };
    }
    const at = new Date(this.now());
    const deletionCancelled = user.status === 'pending_deletion';
    await this.db.update(users).set({ status: 'active', updatedAt: at }).where(eq(users.id, user.id));
    await this.saveLifecycle(user.id, {
      reactivatedAt: at,
      deletionRequestedAt: null,
      deletionScheduledFor: null,
    });
    forgetPrincipalsOf(user.id);
    if (deletionCancelled)
      await recordSecurityEvent(this.db, {
        userId: user.id,
        name: 'account.deletion_cancelled',
        origin,
        sessionId: caller.sessionId,
      });
    await recordSecurityEvent(this.db, {
      userId: user.id,
      name: 'account.reactivated',
      origin,
      sessionId: caller.sessionId,
      details: { deletion_cancelled: deletionCancelled },
    });
    this.deferred.run('reactivation email', () =>
      this.mailer.send(reactivatedEmail(user.email, user.displayName, deletionCancelled)),
    );
    return { status: 'active', reactivated_at: at.toISOString(), deletion_cancelled: deletionCancelled };
  }

  /** What deleting the account removes and keeps, the grace period, and a deletion already scheduled. */
  async plan(userId: string): Promise<DeletionPlanView> {
    const user = await this.user(userId);
    const row = await this.lifecycle(userId);
    const profileIds = (
      await this.db.select({ id: profiles.id }).from(profiles).where(eq(profiles.userId, userId))
    ).map((p) => p.id);
    const count = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
    const n = sql<number>`count(*)::int`;
    const [history, searches, activeSessions, knownDevices] = await Promise.all([
      profileIds.length
        ? count(this.db.select({ n }).from(progress).where(inArray(progress.profileId, profileIds)))
        : 0,
      profileIds.length
        ? count(this.db.select({ n }).from(searchHistory).where(inArray(searchHistory.profileId, profileIds)))
        : 0,
      count(
        this.db
          .select({ n })
          .from(sessions)
          .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
      ),
      count(this.db.select({ n }).from(devices).where(eq(devices.userId, userId))),
    ]);
    return {
      status: user.status,
      grace_period_days: this.graceDays,
      scheduled_for: user.status === 'pending_deletion' ? (row?.deletionScheduledFor?.toISOString() ?? null) : null,
      will_delete: [
        { kind: 'profiles', count: profileIds.length },
        { kind: 'viewing_history', count: history + searches },
        { kind: 'watchlists', count: null },
        { kind: 'ratings_and_reviews', count: null },
        { kind: 'downloads', count: null },
        { kind: 'settings', count: null },
        { kind: 'notifications', count: null },
        { kind: 'sessions_and_devices', count: activeSessions + knownDevices },
        { kind: 'payment_methods', count: null },
      ],
      will_keep: [
        {
          kind: 'anonymised_statistics',
          reason: 'View counts that no longer point to you, so charts such as the top 10 stay right',
          retained_for_days: null,
        },
      ],
      subscription: user.plan === 'free' ? null : { plan: user.plan, current_period_end: null },
    };
  }

  /**
   * Schedules the deletion after the grace period: the typed email must be the account's (422),
   * and a deletion already scheduled is 409. Every session is signed out.
   */
  async scheduleDeletion(
    caller: Caller,
    body: LeaveBody & { confirm_email: string },
    origin: RequestOrigin,
  ): Promise<
    DeletionPlanView & {
      status: 'pending_deletion';
      requested_at: string;
      scheduled_for: string;
      sessions_revoked: number;
    }
  > {
    const user = await this.user(caller.userId);
    if (normaliseEmail(body.confirm_email) !== user.email) {
      const message = 'type the email address of this account';
      throw new HttpError(422, 'confirmation_mismatch', `confirm_email: ${message}`, {
        fields: [{ field: 'confirm_email', message }],
      });
    }
    if (user.status === 'pending_deletion') throw conflict('This account is already scheduled for deletion');
    const now = this.now();
    const requestedAt = new Date(now);
    const scheduledFor = new Date(now + this.graceDays * 86_400_000);
    const plan = await this.plan(user.id);
    await this.db
      .update(users)
      .set({ status: 'pending_deletion', updatedAt: requestedAt })
      .where(eq(users.id, user.id));
    await this.saveLifecycle(user.id, {
      deletionRequestedAt: requestedAt,
      deletionScheduledFor: scheduledFor,
      reason: body.reason ?? null,
      feedback: body.feedback?.trim() || null,
    });
    const revoked = await this.auth.sessions.revokeAllBut(user.id, [], 'account_deletion');
    await recordSecurityEvent(this.db, {
      userId: user.id,
      name: 'account.deletion_requested',
      origin,
      sessionId: caller.sessionId,
      details: { scheduled_for: scheduledFor.toISOString(), sessions_revoked: revoked.length },
    });
    this.deferred.run('deletion email', () =>
      this.mailer.send(
        deletionScheduledEmail(user.email, user.displayName, scheduledFor, this.graceDays, this.signInLink()),
      ),
    );
    return {
      ...plan,
      status: 'pending_deletion',
      requested_at: requestedAt.toISOString(),
      scheduled_for: scheduledFor.toISOString(),
      sessions_revoked: revoked.length,
    };
  }

  /**
   * Deletes the accounts whose grace period is over (run by a timer): their profiles' history and
   * searches, then the account, which takes every row that belongs to it. Answers how many went.
   */
  async purgeDue(): Promise<number> {
    const due = await this.db
      .select({ userId: accountLifecycle.userId })
      .from(accountLifecycle)
      .innerJoin(users, eq(users.id, accountLifecycle.userId))
      .where(
        and(eq(users.status, 'pending_deletion'), lte(accountLifecycle.deletionScheduledFor, new Date(this.now()))),
      );
    for (const { userId } of due) {
      await this.db.transaction(async (tx) => {
        const ids = (await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.userId, userId))).map(
          (p) => p.id,
        );
        if (ids.length) {
          await tx.delete(progress).where(inArray(progress.profileId, ids));
          await tx.delete(searchHistory).where(inArray(searchHistory.profileId, ids));
        }
        await tx.delete(mfaFactors).where(eq(mfaFactors.userId, userId));
        await tx.delete(users).where(and(eq(users.id, userId), eq(users.status, 'pending_deletion')));
      });
      forgetPrincipalsOf(userId);
    }
    return due.length;
  }
}
