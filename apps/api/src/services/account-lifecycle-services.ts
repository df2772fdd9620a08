import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import { AccountLifecycleService } from './account-lifecycle.js';
import { accountServices } from './auth.js';
import { emailServices } from './email-services.js';
import { MfaResetService } from './mfa-reset.js';

/** The account-security services of an app: the lost-device MFA reset and the account's lifecycle. */
export interface AccountSecurityServices {
  mfaReset: MfaResetService;
  lifecycle: AccountLifecycleService;
}

const services = new WeakMap<Db, AccountSecurityServices>();

/**
 * The account-security services of an app, made on first use and shared by its route modules
 * (keyed by the app's database, like `accountServices` and `emailServices`). Emails go through
 * the app's mailer.
 * @example
 * await accountSecurityServices(app).mfaReset.completeDue();
 */
export function accountSecurityServices(app: FastifyInstance): AccountSecurityServices {
  let found = services.get(app.db);
  if (!found) {
    const auth = accountServices(app);
    const email = emailServices(app);
    const origin = app.config.publicOrigin;
    found = {
      mfaReset: new MfaResetService(app.db, auth, email.mailer, email.deferred, origin),
      lifecycle: new AccountLifecycleService(app.db, auth, email.mailer, email.deferred, origin),
    };
    services.set(app.db, found);
  }
  return found;
}

/** How often the due work (finished MFA resets, accounts past their grace period) is looked for. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Looks for due work every minute while the app runs: MFA resets whose waiting period ended and
 * accounts whose deletion grace period is over. Stops when the app closes.
 */
export function startAccountSweeps(app: FastifyInstance): void {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    const s = accountSecurityServices(app);
    running = Promise.all([s.mfaReset.completeDue(), s.lifecycle.purgeDue()])
      .then(() => undefined)
      .catch((error: unknown) => app.log.error({ err: error }, 'the account sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(sweep, SWEEP_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
