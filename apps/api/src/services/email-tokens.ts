import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { emailTokens } from '../db/schema/index.js';
import { HttpError } from '../http/errors.js';
import { newId, newSecret } from '../ids.js';
import { tokenHash } from './secrets.js';

/** What an emailed link is for. */
export type EmailTokenPurpose = 'password_reset' | 'email_verification';

export type EmailTokenRow = typeof emailTokens.$inferSelect;

/** Why a link cannot be used (the contract's `EmailLinkTokenProblem`). */
export type LinkProblem = 'invalid' | 'expired' | 'used';

/** 410 Gone for a link that cannot be used, saying why in `details.hint.reason`. */
export function linkGone(reason: LinkProblem): HttpError {
  const message =
    reason === 'expired'
      ? 'This link has expired: ask for a new one'
      : reason === 'used'
        ? 'This link was already used: ask for a new one'
        : 'This link is not valid: ask for a new one';
  return new HttpError(410, `link_${reason}`, message, { hint: { reason } });
}

/**
 * Single-use, expiring tokens for emailed links. The token (256 random bits, base64url) goes into
 * the email; only its SHA-256 is stored, so the table alone opens nothing.
 */
export class EmailTokens {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Issues a token for `userId`; answers the token (for the link) and when it lapses. */
  async issue(
    userId: string,
    purpose: EmailTokenPurpose,
    email: string,
    ttlSeconds: number,
  ): Promise<{ token: string; row: EmailTokenRow }> {
    const token = newSecret(32);
    const createdAt = new Date(this.now());
    const [row] = await this.db
      .insert(emailTokens)
      .values({
        id: newId('etk'),
        userId,
        purpose,
        tokenHash: tokenHash(token),
        email,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + ttlSeconds * 1000),
      })
      .returning();
    return { token, row: row as EmailTokenRow };
  }

  /** The stored token for a link, whatever its state (null when unknown). */
  async find(token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | null> {
    const [row] = await this.db
      .select()
      .from(emailTokens)
      .where(and(eq(emailTokens.tokenHash, tokenHash(token)), eq(emailTokens.purpose, purpose)));
    return row ?? null;
  }

  /** Why a stored token cannot be used now, or null when it can. */
  problem(row: EmailTokenRow | null): LinkProblem | null {
    if (!row) return 'invalid';
    if (row.usedAt) return 'used';
    if (row.expiresAt.getTime() <= this.now()) return 'expired';
    return null;
  }

  /**
   * Marks the token used, if it still is usable: one conditional UPDATE, so of two requests racing
   * with the same link only one wins. Answers whether this call consumed it.
   */
  async consume(id: string, db: Pick<Db, 'update'> = this.db): Promise<boolean> {
    const now = new Date(this.now());
    const rows = await db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.id, id), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
      .returning({ id: emailTokens.id });
    return rows.length === 1;
  }

  /** Retires every unused token of a purpose for the account (a newer link, or the job is done). */
  async retire(userId: string, purpose: EmailTokenPurpose, db: Pick<Db, 'update'> = this.db): Promise<void> {
    await db
      .update(emailTokens)
      .set({ usedAt: new Date(this.now()) })
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
  }

  /** The newest token of a purpose for the account (when the last email went out). */
  async latest(userId: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | null> {
    const [row] = await this.db
      .select()
      .from(emailTokens)
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)))
      .orderBy(desc(emailTokens.createdAt))
      .limit(1);
    return row ?? null;
  }
}
