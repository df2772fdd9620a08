import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { HttpError } from '../http/errors.js';
import { originOf, recordSecurityEvent } from './audit.js';
import { type AuthService, normaliseEmail } from './auth.js';
import type { ClientContext } from './client-info.js';
import { type Deferred, type Mailer, passwordChangedEmail, passwordResetEmail } from './email.js';
import { type EmailTokens, linkGone } from './email-tokens.js';
import { passwordProblem } from './passwords.js';

/** How long a reset link works. */
export const RESET_LINK_TTL_SECONDS = 60 * 60;

/** `viewer@reel.test` → `v•••r@reel.test`: enough to recognise, too little to learn an address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const chars = [...local];
  const shown = chars.length <= 2 ? `${chars[0] ?? ''}•••` : `${chars[0]}•••${chars[chars.length - 1]}`;
  return `${shown}@${domain}`;
}

/** The contract's `PasswordResetTokenStatus`. */
export interface ResetTokenStatus {
  valid: boolean;
  reason: 'invalid' | 'expired' | 'used' | null;
  email_hint: string | null;
  expires_at: string | null;
  mfa_enabled: boolean;
}

/**
 * Password reset by emailed link (§17): request (the same answer whether the address has an
 * account or not, the email sent after the answer), check the link, set the new password (the
 * link works once; every session of the account is signed out; the audit log records it).
 */
export class PasswordResetService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    private readonly tokens: EmailTokens,
    private readonly mailer: Mailer,
    private readonly deferred: Deferred,
    private readonly publicOrigin: string,
  ) {}

  /** The page of the site that opens a reset link. */
  link(token: string): string {
    return `${this.publicOrigin}/reset-password?token=${encodeURIComponent(token)}`;
  }

  /**
   * Accepts a reset request: rate-limited per IP and per address (429 alike for every address),
   * then answers at once; whether an email goes out is decided afterwards, out of the answer's time.
   */
  request(rawEmail: string, client: ClientContext): { accepted: true; link_expires_in: number } {
    const email = normaliseEmail(rawEmail);
    this.auth.take('password_reset.ip', client.ip);
    this.auth.take('password_reset.email', email);
    const origin = originOf(client);
    this.deferred.run('password reset email', async () => {
      const [user] = await this.db
        .select({ id: users.id, email: users.email, name: users.displayName, status: users.status })
        .from(users)
        .where(eq(users.email, email));
      if (!user) return;
      // Only the newest link works: an older email in the inbox is no use to whoever reads it later.
      await this.tokens.retire(user.id, 'password_reset');
      const { token } = await this.tokens.issue(user.id, 'password_reset', user.email, RESET_LINK_TTL_SECONDS);
      await this.mailer.send(passwordResetEmail(user.email, user.name, this.link(token), RESET_LINK_TTL_SECONDS));
      await recordSecurityEvent(this.db, { userId: user.id, name: 'password.reset_requested', origin });
    });
    return { accepted: true, link_expires_in: RESET_LINK_TTL_SECONDS };
  }

  /** Checks a link before the new-password form is shown (does not use it up). */
  async verify(token: string): Promise<ResetTokenStatus> {
    const row = await this.tokens.find(token, 'password_reset');
    const problem = this.tokens.problem(row);
    if (!row || problem) {
      return { valid: false, reason: problem ?? 'invalid', email_hint: null, expires_at: null, mfa_enabled: false };
    }
    return {
      valid: true,
      reason: null,
      email_hint: maskEmail(row.email),
      expires_at: row.expiresAt.toISOString(),
      mfa_enabled: await this.auth.mfa.isEnabled(row.userId),
    };
  }

  /**
   * Sets the new password with a link: 410 when the link is unknown, expired or used; 422 when the
   * password is refused (the link stays usable). Signs out every session of the account.
   */
  async confirm(
    token: string,
    newPassword: string,
    client: ClientContext,
  ): Promise<{ password_changed_at: string; sessions_revoked: number; email_hint: string }> {
    const row = await this.tokens.find(token, 'password_reset');
    const problem = this.tokens.problem(row);
    if (!row || problem) throw linkGone(problem ?? 'invalid');
    const [user] = await this.db
      .select({ id: users.id, email: users.email, name: users.displayName })
      .from(users)
      .where(eq(users.id, row.userId));
    if (!user) throw linkGone('invalid');
    const refused = passwordProblem(newPassword, { email: user.email, displayName: user.name });
    if (refused)
      throw new HttpError(422, 'weak_password', `new_password: ${refused}`, {
        fields: [{ field: 'new_password', message: refused }],
      });
    const passwordHash = await this.auth.hasher.hash(newPassword);
    const at = new Date();
    const revoked = await this.db.transaction(async (tx) => {
      // Two requests racing with one link: only the first to mark it used goes on.
      if (!(await this.tokens.consume(row.id, tx))) return null;
      await tx
        .update(users)
        // Following the emailed link proves the address, so it counts as verified.
        .set({
          passwordHash,
          passwordChangedAt: at,
          updatedAt: at,
          emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        })
        .where(eq(users.id, user.id));
      await this.tokens.retire(user.id, 'password_reset', tx);
      return true;
    });
    if (!revoked) throw linkGone(this.tokens.problem(await this.tokens.find(token, 'password_reset')) ?? 'used');
    const sessions = await this.auth.sessions.revokeAllBut(user.id, [], 'password_reset');
    this.auth.limits.reset('login.email', user.email);
    await recordSecurityEvent(this.db, {
      userId: user.id,
      name: 'password.reset_completed',
      origin: originOf(client),
      details: { sessions_revoked: sessions.length },
    });
    const notice = passwordChangedEmail(user.email, user.name, `${this.publicOrigin}/forgot-password`, sessions.length);
    this.deferred.run('password changed email', () => this.mailer.send(notice));
    return {
      password_changed_at: at.toISOString(),
      sessions_revoked: sessions.length,
      email_hint: maskEmail(user.email),
    };
  }
}
