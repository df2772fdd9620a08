import { randomInt } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db/client.js';
import { mfaBackupCodes, mfaFactors } from '../db/schema/index.js';
import { newId } from '../ids.js';
import type { Secrets } from './secrets.js';

/** TOTP parameters (RFC 6238 defaults, what every authenticator app supports). */
export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = 'SHA1';
/** Steps accepted either side of now, for clocks a little off. */
const TOTP_WINDOW = 1;
/** Backup codes in a set. */
export const BACKUP_CODE_COUNT = 10;
const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** At or below this many unused backup codes, the UI suggests a new set. */
export const LOW_BACKUP_CODES = 3;

/** The contract's `MfaBackupCodesSummary`. */
export interface BackupCodesSummary {
  mfa_enabled: boolean;
  total: number;
  remaining: number;
  generated_at: string | null;
  last_used_at: string | null;
  low: boolean;
}

/** The result of checking a second-factor code. */
export type CodeCheck = 'ok' | 'wrong' | 'replayed' | 'used' | 'not_enabled';

/** Backup codes as typed: case, spaces and dashes do not matter. */
export function normaliseBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * TOTP factors and backup codes: what sign-in and re-authentication check. Secrets are
 * encrypted at rest with the server key (bound to the user id); the last accepted step is kept,
 * so a code cannot be used twice; backup codes are stored as keyed hashes and used once.
 * Enrolment routes (`/auth/mfa/*`) build on `enrolTotp` and `generateBackupCodes`.
 */
export class MfaService {
  constructor(
    private readonly db: Db,
    private readonly secrets: Secrets,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the account has a confirmed TOTP factor. */
  async isEnabled(userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ userId: mfaFactors.userId })
      .from(mfaFactors)
      .where(and(eq(mfaFactors.userId, userId), isNotNull(mfaFactors.enabledAt)));
    return Boolean(row);
  }

  /**
   * Stores a TOTP secret for the account (a new random one unless given), enabled at once or
   * pending confirmation. Answers the base32 secret.
   */
  async enrolTotp(
    userId: string,
    options: { secret?: string; enabled: boolean; pendingTtlMs?: number },
  ): Promise<string> {
    const base32 = options.secret ?? new Secret({ size: 20 }).base32;
    const values = {
      secretEncrypted: this.secrets.encrypt(base32, userId),
      lastUsedStep: null,
      enabledAt: options.enabled ? new Date(this.now()) : null,
      pendingExpiresAt: options.enabled ? null : new Date(this.now() + (options.pendingTtlMs ?? 10 * 60_000)),
    };
    await this.db
      .insert(mfaFactors)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: mfaFactors.userId, set: values });
    return base32;
  }

  /** A TOTP generator for the account's secret (for enrolment screens and tests). */
  async totpOf(userId: string): Promise<TOTP | null> {
    const [row] = await this.db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId));
    if (!row) return null;
    const secret = Secret.fromBase32(this.secrets.decrypt(row.secretEncrypted, userId));
    return new TOTP({ issuer: 'Reel', secret, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD });
  }

  /**
   * Checks a TOTP code against the confirmed factor and spends its step: a code (or an earlier
   * one) that was already accepted answers `replayed`.
   */
  async verifyTotp(userId: string, code: string, options: { allowPending?: boolean } = {}): Promise<CodeCheck> {
    const [row] = await this.db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId));
    if (!row || (!row.enabledAt && !options.allowPending)) return 'not_enabled';
    const secret = Secret.fromBase32(this.secrets.decrypt(row.secretEncrypted, userId));
    const now = this.now();
    // validate() answers the step offset (0 for the current step, which is falsy) or null.
    const delta = TOTP.validate({
      token: code,
      secret,
      algorithm: TOTP_ALGORITHM,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD,
      timestamp: now,
      window: TOTP_WINDOW,
    });
    if (delta === null) return 'wrong';
    const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
    if (row.lastUsedStep !== null && step <= row.lastUsedStep) return 'replayed';
    // Conditional update: of two requests racing with the same code, only one wins.
    const won = await this.db
      .update(mfaFactors)
      .set({ lastUsedStep: step })
      .where(and(eq(mfaFactors.userId, userId), or(isNull(mfaFactors.lastUsedStep), lt(mfaFactors.lastUsedStep, step))))
      .returning({ userId: mfaFactors.userId });
    return won.length ? 'ok' : 'replayed';
  }

  /** Replaces the account's backup codes with a new set; answers the codes in clear, this once. */
  async generateBackupCodes(userId: string): Promise<string[]> {
    const codes: string[] = [];
    for (let i = 0; i < BACKUP_CODE_COUNT; i++) {
      let raw = '';
      for (let j = 0; j < 10; j++) raw += BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)];
      codes.push(`${raw.slice(0, 5)}-${raw.slice(5)}`);
    }
    await this.db.transaction(async (tx) => {
      await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, userId));
      await tx.insert(mfaBackupCodes).values(
        codes.map((code, i) => ({
          id: newId('bkc'),
          userId,
          codeHash: this.backupHash(userId, code),
          position: i + 1,
          hint: normaliseBackupCode(code).slice(-2),
        })),
      );
    });
    return codes;
  }

  /** Backup codes not used yet. */
  async backupCodesLeft(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(mfaBackupCodes)
      .where(and(eq(mfaBackupCodes.userId, userId), isNull(mfaBackupCodes.usedAt)));
    return row?.n ?? 0;
  }

  /** Uses a backup code once: `ok` the first time, `used` after, `wrong` for a code not in the set. */
  async consumeBackupCode(userId: string, code: string, usedFrom: string): Promise<CodeCheck> {
    if (!(await this.isEnabled(userId))) return 'not_enabled';
    const codeHash = this.backupHash(userId, code);
    const used = await this.db
      .update(mfaBackupCodes)
      .set({ usedAt: new Date(this.now()), usedFrom })
      .where(
        and(eq(mfaBackupCodes.userId, userId), eq(mfaBackupCodes.codeHash, codeHash), isNull(mfaBackupCodes.usedAt)),
      )
      .returning({ id: mfaBackupCodes.id });
    if (used.length) return 'ok';
    const [exists] = await this.db
      .select({ id: mfaBackupCodes.id })
      .from(mfaBackupCodes)
      .where(and(eq(mfaBackupCodes.userId, userId), eq(mfaBackupCodes.codeHash, codeHash)));
    return exists ? 'used' : 'wrong';
  }

  /** The account's TOTP factor as stored (enabled, or an enrolment waiting for its first code). */
  async factor(userId: string): Promise<typeof mfaFactors.$inferSelect | null> {
    const [row] = await this.db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId));
    return row ?? null;
  }

  /**
   * Confirms a pending enrolment with its first code: the factor is enabled (and that code's step
   * spent). `expired` when the enrolment lapsed, `no_pending` without one, `already_enabled` when
   * MFA is on.
   */
  async confirmEnrolment(
    userId: string,
    code: string,
  ): Promise<{ result: CodeCheck | 'no_pending' | 'expired' | 'already_enabled'; enabledAt?: Date }> {
    const row = await this.factor(userId);
    if (!row) return { result: 'no_pending' };
    if (row.enabledAt) return { result: 'already_enabled' };
    if (row.pendingExpiresAt && row.pendingExpiresAt.getTime() <= this.now()) return { result: 'expired' };
    const result = await this.verifyTotp(userId, code, { allowPending: true });
    if (result !== 'ok') return { result };
    const enabledAt = new Date(this.now());
    const won = await this.db
      .update(mfaFactors)
      .set({ enabledAt, pendingExpiresAt: null })
      .where(and(eq(mfaFactors.userId, userId), isNull(mfaFactors.enabledAt)))
      .returning({ userId: mfaFactors.userId });
    return won.length ? { result: 'ok', enabledAt } : { result: 'already_enabled' };
  }

  /** Removes the TOTP factor and every backup code; answers whether MFA was on. */
  async disable(userId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const removed = await tx
        .delete(mfaFactors)
        .where(eq(mfaFactors.userId, userId))
        .returning({ enabledAt: mfaFactors.enabledAt });
      await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, userId));
      return removed.some((r) => r.enabledAt !== null);
    });
  }

  /** The current backup-code set, code by code (position, last characters, when and where used). */
  async backupCodeSlots(userId: string): Promise<(typeof mfaBackupCodes.$inferSelect)[]> {
    return this.db
      .select()
      .from(mfaBackupCodes)
      .where(eq(mfaBackupCodes.userId, userId))
      .orderBy(asc(mfaBackupCodes.position));
  }

  /** The contract's `MfaBackupCodesSummary`: how many codes are left, never the codes. */
  async backupSummary(userId: string): Promise<BackupCodesSummary> {
    const [enabled, slots] = await Promise.all([this.isEnabled(userId), this.backupCodeSlots(userId)]);
    if (!enabled)
      return { mfa_enabled: false, total: 0, remaining: 0, generated_at: null, last_used_at: null, low: false };
    const remaining = slots.filter((s) => !s.usedAt).length;
    const lastUsed = slots.reduce<Date | null>(
      (last, s) => (s.usedAt && (!last || s.usedAt > last) ? s.usedAt : last),
      null,
    );
    const generated = slots.reduce<Date | null>(
      (first, s) => (!first || s.createdAt < first ? s.createdAt : first),
      null,
    );
    return {
      mfa_enabled: true,
      total: slots.length,
      remaining,
      generated_at: generated?.toISOString() ?? null,
      last_used_at: lastUsed?.toISOString() ?? null,
      low: remaining <= LOW_BACKUP_CODES,
    };
  }

  private backupHash(userId: string, code: string): string {
    return this.secrets.mac('backup-code', `${userId}:${normaliseBackupCode(code)}`);
  }
}
