import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.js';

const createdAt = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();
const at = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * Lost-device MFA resets (§16). A request emails a confirmation link (`confirmTokenHash`, SHA-256
 * of the token); confirming starts the waiting period, after which MFA is removed unless someone
 * cancels — with the link of the notification (`cancelTokenHash`) or from a signed-in session.
 */
export const mfaResets = pgTable(
  'mfa_resets',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: ['email_sent', 'waiting', 'completed', 'cancelled'] }).notNull(),
    confirmTokenHash: text().notNull(),
    cancelTokenHash: text(),
    requestedAt: createdAt(),
    /** The confirmation link lapses at this time (while `email_sent`). */
    linkExpiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    confirmedAt: at(),
    /** MFA is removed at this time (set once the email is confirmed). */
    eligibleAt: at(),
    completedAt: at(),
    cancelledAt: at(),
    requestIp: text(),
    requestLocation: text(),
  },
  (t) => [
    index('mfa_resets_user_idx').on(t.userId, t.requestedAt),
    uniqueIndex('mfa_resets_confirm_key').on(t.confirmTokenHash),
    uniqueIndex('mfa_resets_cancel_key').on(t.cancelTokenHash),
    index('mfa_resets_due_idx').on(t.status, t.eligibleAt),
  ],
);

/**
 * The account's lifecycle beyond `users.status` (§20): when it was deactivated, and a scheduled
 * deletion with its grace period and the reason given. One row per account that ever left.
 */
export const accountLifecycle = pgTable(
  'account_lifecycle',
  {
    userId: text()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    deactivatedAt: at(),
    reactivatedAt: at(),
    deletionRequestedAt: at(),
    /** When a requested deletion becomes final (the purge runs after it). */
    deletionScheduledFor: at(),
    /** The contract's `AccountLeaveReason`, when one was given. */
    reason: text(),
    feedback: text(),
    updatedAt: createdAt(),
  },
  (t) => [index('account_lifecycle_due_idx').on(t.deletionScheduledFor)],
);
