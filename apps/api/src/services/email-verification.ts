import { ErrorCode } from '@reel/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { conflict, HttpError, rateLimited } from '../http/errors.js';
import { originOf, type RequestOrigin, recordSecurityEvent } from './audit.js';
import type { AuthService } from './auth.js';
import type { ClientContext } from './client-info.js';
import { type Mailer, verificationEmail } from './email.js';
import { type EmailTokens, linkGone } from './email-tokens.js';

/** How long a verification link works. */
export const VERIFY_LINK_TTL_SECONDS = 48 * 60 * 60;

/** The contract's `EmailVerificationStatus`. */
export interface EmailStatusView {
  email: string;
  verified: boolean;
  verified_at: string | null;
  last_sent_at: string | null;
  retry_after: number;
}

/**
 * Email verification (§18): the email sent at sign-up, resends (at most one per
 * `emailResendSeconds`, and the `email_resend.user` rate rule), the status the banner shows, and
 * the link's check, which works signed out. A link is tied to the address it was sent to.
 */
export class EmailVerificationService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    private readonly tokens: EmailTokens,
    private readonly mailer: Mailer,
    private readonly publicOrigin: string,
    private readonly resendSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page of the site that opens a verification link. */
  link(token: string): string {
    return `${this.publicOrigin}/verify-email?token=${encodeURIComponent(token)}`;
  }

  private async account(userId: string) {
    const [user] = await this.db
      .select({ id: users.id, email: users.email, name: users.displayName, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new HttpError(401, ErrorCode.unauthenticated, 'This account no longer exists');
    return user;
  }

  /** Sends a verification email to the account's address (at sign-up, and on resend). */
  async send(userId: string, origin: RequestOrigin | null): Promise<{ sentAt: Date }> {
    const user = await this.account(userId);
    const { token, row } = await this.tokens.issue(user.id, 'email_verification', user.email, VERIFY_LINK_TTL_SECONDS);
    await this.mailer.send(verificationEmail(user.email, user.name, this.link(token), VERIFY_LINK_TTL_SECONDS));
    await recordSecurityEvent(this.db, { userId: user.id, name: 'email.verification_sent', origin });
    return { sentAt: row.createdAt };
  }

  /** Seconds until another verification email may go out (0: now). */
  private async wait(userId: string): Promise<{ seconds: number; lastSentAt: Date | null }> {
    const last = await this.tokens.latest(userId, 'email_verification');
    const cooldown = last
      ? Math.max(0, Math.ceil((last.createdAt.getTime() + this.resendSeconds * 1000 - this.now()) / 1000))
      : 0;
    const limit = this.auth.limits.check('email_resend.user', userId);
    const limited = limit.allowed ? 0 : limit.retryAfterSeconds;
    return { seconds: Math.max(cooldown, limited), lastSentAt: last?.createdAt ?? null };
  }

  /** Whether the address is verified, and the resend countdown. */
  async status(userId: string): Promise<EmailStatusView> {
    const user = await this.account(userId);
    const { seconds, lastSentAt } = await this.wait(userId);
    return {
      email: user.email,
      verified: user.verifiedAt !== null,
      verified_at: user.verifiedAt?.toISOString() ?? null,
      last_sent_at: lastSentAt?.toISOString() ?? null,
      retry_after: user.verifiedAt ? 0 : seconds,
    };
  }

  /** Sends the email again: 409 when already verified, 429 (with the wait) before the next is allowed. */
  async resend(userId: string, client: ClientContext) {
    const user = await this.account(userId);
    if (user.verifiedAt) throw conflict('This email address is already verified');
    const { seconds } = await this.wait(userId);
    if (seconds > 0) throw rateLimited(seconds);
    this.auth.take('email_resend.user', userId);
    const { sentAt } = await this.send(userId, originOf(client));
    return {
      email: user.email,
      sent_at: sentAt.toISOString(),
      retry_after: (await this.wait(userId)).seconds,
      link_expires_in: VERIFY_LINK_TTL_SECONDS,
    };
  }

  /**
   * Verifies the address with a link (signed in or not). A link already used for an address that
   * is verified answers `already_verified`; an unknown, expired or used link is 410, as is a link
   * sent to an address the account no longer has.
   */
  async verify(token: string, client: ClientContext) {
    const row = await this.tokens.find(token, 'email_verification');
    if (!row) throw linkGone('invalid');
    const user = await this.account(row.userId).catch(() => null);
    if (!user || user.email !== row.email) throw linkGone('invalid');
    if (user.verifiedAt) {
      return { email: user.email, verified_at: user.verifiedAt.toISOString(), already_verified: true };
    }
    const problem = this.tokens.problem(row);
    if (problem) throw linkGone(problem);
    const at = new Date(this.now());
    const done = await this.db.transaction(async (tx) => {
      if (!(await this.tokens.consume(row.id, tx))) return false;
      await tx.update(users).set({ emailVerifiedAt: at, updatedAt: at }).where(eq(users.id, user.id));
      await this.tokens.retire(user.id, 'email_verification', tx);
      return true;
    });
    if (!done) {
      const again = await this.account(user.id);
      if (again.verifiedAt)
        return { email: again.email, verified_at: again.verifiedAt.toISOString(), already_verified: true };
      throw linkGone('used');
    }
    await recordSecurityEvent(this.db, { userId: user.id, name: 'email.verified', origin: originOf(client) });
    return { email: user.email, verified_at: at.toISOString(), already_verified: false };
  }
}
