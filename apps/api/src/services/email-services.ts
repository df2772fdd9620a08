import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import { accountServices } from './auth.js';
import { createMailer, Deferred, type Mailer } from './email.js';
import { EmailTokens } from './email-tokens.js';
import { EmailVerificationService } from './email-verification.js';
import { Outbox } from './outbox.js';
import { PasswordResetService } from './password-reset.js';

/** The email side of the account services: the mailer, the outbox, reset and verification. */
export interface EmailServices {
  mailer: Mailer;
  outbox: Outbox;
  tokens: EmailTokens;
  passwordReset: PasswordResetService;
  verification: EmailVerificationService;
  /** Work done after answering (emails); tests await `deferred.idle()`. */
  deferred: Deferred;
}

const services = new WeakMap<Db, EmailServices>();

/**
 * The email services of an app, made on first use and shared by every route module (keyed by
 * the app's database, like `accountServices`).
 * @example
 * await emailServices(app).verification.send(userId, null);
 */
export function emailServices(app: FastifyInstance): EmailServices {
  let found = services.get(app.db);
  if (!found) {
    const auth = accountServices(app);
    const mailer = createMailer(app.config, app.db);
    const outbox = new Outbox(app.db);
    const tokens = new EmailTokens(app.db);
    const deferred = new Deferred(app.log);
    const origin = app.config.publicOrigin;
    found = {
      mailer,
      outbox,
      tokens,
      deferred,
      passwordReset: new PasswordResetService(app.db, auth, tokens, mailer, deferred, origin),
      verification: new EmailVerificationService(app.db, auth, tokens, mailer, origin, app.config.emailResendSeconds),
    };
    services.set(app.db, found);
    if (mailer.kind === 'outbox' && app.config.env === 'production')
      app.log.warn('REEL_SMTP_URL is not set: emails are kept in the outbox table and not delivered');
  }
  return found;
}

/** Waits for the emails still being sent, if the services were ever made (the app's onClose hook). */
export async function emailWorkDone(app: FastifyInstance): Promise<void> {
  await services.get(app.db)?.deferred.idle();
}
