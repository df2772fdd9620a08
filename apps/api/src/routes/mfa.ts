import { mfa } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { TOTP } from 'otpauth';
import { conflict, HttpError } from '../http/errors.js';
import { handle, REAUTH_WINDOW_MS } from '../http/route.js';
import { mfaChangedEmail } from '../services/account-lifecycle-emails.js';
import { accountSecurityServices } from '../services/account-lifecycle-services.js';
import { originOf, type RequestOrigin, recordSecurityEvent } from '../services/audit.js';
import { type AuthService, accountServices } from '../services/auth.js';
import { emailServices } from '../services/email-services.js';
import { TOTP_ALGORITHM, TOTP_DIGITS, TOTP_PERIOD } from '../services/mfa.js';
import { lockedFor } from '../services/rate-limit.js';
import { clientOf } from './auth.js';

/** How long a started TOTP enrolment waits for its first code. */
const SETUP_TTL_MS = 10 * 60_000;
const ISSUER = 'Reel';

const invalidCode = (field: string, message: string) =>
  new HttpError(422, 'invalid_code', `${field}: ${message}`, { fields: [{ field, message }] });

const mfaLocked = (seconds: number) =>
  lockedFor(seconds, 'Too many wrong codes: two-step verification is locked for a while');

/**
 * Counts a wrong code against the account's MFA lockout (shared with the sign-in step): 423 once
 * the attempts are spent (written to the audit log), otherwise 422 naming the field.
 */
async function wrongCode(
  auth: AuthService,
  app: FastifyInstance,
  userId: string,
  origin: RequestOrigin,
  error: HttpError,
): Promise<never> {
  const after = auth.limits.fail('mfa.user', userId);
  if (!after.allowed) {
    await recordSecurityEvent(app.db, { userId, name: 'mfa.locked', origin, actor: 'system' });
    throw mfaLocked(after.retryAfterSeconds);
  }
  throw error;
}

/**
 * Two-step verification (§16): status, TOTP enrolment (setup → verify), disable, backup codes
 * (count, regenerate, use one to re-authenticate, the set code by code) and the lost-device reset.
 * Wrong codes count towards the same lockout as the sign-in step; every change is audited and
 * announced by email.
 */
export function registerMfaRoutes(app: FastifyInstance): void {
  const auth = () => accountServices(app);
  const resets = () => accountSecurityServices(app).mfaReset;
  const securityLink = () => `${app.config.publicOrigin}/account/security`;

  /** Emails the account about a change of its second factor, after the answer. */
  const announce = (userId: string, change: 'enabled' | 'disabled' | 'codes_regenerated') => {
    const email = emailServices(app);
    email.deferred.run('MFA change email', async () => {
      const user = await auth().userView(userId, null);
      await email.mailer.send(mfaChangedEmail(user.email, user.display_name, change, securityLink()));
    });
  };

  async function status(userId: string, sessionId: string) {
    const s = auth();
    const [factor, backup, reset, current] = await Promise.all([
      s.mfa.factor(userId),
      s.mfa.backupSummary(userId),
      resets().pending(userId),
      s.sessions.deviceOf(sessionId),
    ]);
    const enabled = Boolean(factor?.enabledAt);
    const pending =
      factor && !factor.enabledAt && factor.pendingExpiresAt && factor.pendingExpiresAt.getTime() > Date.now()
        ? factor.pendingExpiresAt.toISOString()
        : null;
    return {
      enabled,
      method: enabled ? ('totp' as const) : null,
      enabled_at: factor?.enabledAt?.toISOString() ?? null,
      pending_setup_expires_at: pending,
      backup_codes: backup,
      reset,
      trusted_devices: (await s.devices.trusted(userId, current)).length,
    };
  }

  handle(app, mfa.status, async ({ principal }) => status(principal.userId, principal.sessionId));

  handle(app, mfa.setup, async ({ principal, request }) => {
    const s = auth();
    if (await s.mfa.isEnabled(principal.userId))
      throw conflict('Two-step verification is already on: turn it off first to move it to another device');
    const secret = await s.mfa.enrolTotp(principal.userId, { enabled: false, pendingTtlMs: SETUP_TTL_MS });
    const totp = new TOTP({
      issuer: ISSUER,
      label: principal.email,
      secret,
      algorithm: TOTP_ALGORITHM,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD,
    });
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'mfa.setup_started',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
    });
    return {
      secret,
      otpauth_uri: totp.toString(),
      issuer: ISSUER,
      account_name: principal.email,
      algorithm: TOTP_ALGORITHM,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD,
      expires_at: new Date(Date.now() + SETUP_TTL_MS).toISOString(),
    };
  });

  handle(app, mfa.verify, async ({ principal, body, request }) => {
    const s = auth();
    const origin = originOf(clientOf(request));
    const lock = s.limits.check('mfa.user', principal.userId);
    if (!lock.allowed) throw mfaLocked(lock.retryAfterSeconds);
    const { result, enabledAt } = await s.mfa.confirmEnrolment(principal.userId, body.code);
    if (result === 'already_enabled') throw conflict('Two-step verification is already on');
    if (result === 'no_pending' || result === 'not_enabled')
      throw conflict('There is no setup to confirm: start the setup again');
    if (result === 'expired') throw conflict('This setup expired: start again to get a new key');
    if (result !== 'ok' || !enabledAt) {
      const message =
        result === 'replayed'
          ? 'this code was already used: wait for the next one'
          : 'this code is not right or has expired';
      return wrongCode(s, app, principal.userId, origin, invalidCode('code', message));
    }
    s.limits.reset('mfa.user', principal.userId);
    const codes = await s.mfa.generateBackupCodes(principal.userId);
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'mfa.enabled',
      origin,
      sessionId: principal.sessionId,
      details: { method: 'totp', backup_codes: codes.length },
    });
    announce(principal.userId, 'enabled');
    return {
      enabled: true as const,
      enabled_at: enabledAt.toISOString(),
      backup_codes: { codes, generated_at: new Date().toISOString() },
    };
  });

  handle(app, mfa.disable, async ({ principal, request }) => {
    const s = auth();
    const origin = originOf(clientOf(request));
    const wasOn = await s.mfa.disable(principal.userId);
    if (wasOn) {
      const untrusted = await s.devices.untrust(principal.userId, null);
      await resets().cancelForUser(principal.userId, origin, principal.sessionId);
      await recordSecurityEvent(app.db, {
        userId: principal.userId,
        name: 'mfa.disabled',
        origin,
        sessionId: principal.sessionId,
        details: { trusted_devices_removed: untrusted },
      });
      announce(principal.userId, 'disabled');
    }
    return status(principal.userId, principal.sessionId);
  });

  handle(app, mfa.backupCodes, async ({ principal }) => auth().mfa.backupSummary(principal.userId));

  handle(app, mfa.regenerateBackupCodes, async ({ principal, request }) => {
    const s = auth();
    if (!(await s.mfa.isEnabled(principal.userId)))
      throw conflict('Turn on two-step verification first: backup codes come with it');
    const codes = await s.mfa.generateBackupCodes(principal.userId);
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'mfa.backup_codes_regenerated',
      origin: originOf(clientOf(request)),
      sessionId: principal.sessionId,
      details: { count: codes.length },
    });
    announce(principal.userId, 'codes_regenerated');
    return { codes, generated_at: new Date().toISOString() };
  });

  handle(app, mfa.validateBackup, async ({ principal, body, request }) => {
    const s = auth();
    const client = clientOf(request);
    const origin = originOf(client);
    const lock = s.limits.check('mfa.user', principal.userId);
    if (!lock.allowed) throw mfaLocked(lock.retryAfterSeconds);
    const result = await s.mfa.consumeBackupCode(principal.userId, body.backup_code, client.location.label);
    if (result === 'not_enabled') throw conflict('Two-step verification is off: there are no backup codes');
    if (result !== 'ok') {
      const message = result === 'used' ? 'this backup code was already used' : 'this backup code is not right';
      return wrongCode(s, app, principal.userId, origin, invalidCode('backup_code', message));
    }
    s.limits.reset('mfa.user', principal.userId);
    const at = await s.sessions.markReauth(principal.sessionId);
    const remaining = await s.mfa.backupCodesLeft(principal.userId);
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'mfa.backup_code_used',
      origin,
      sessionId: principal.sessionId,
      details: { remaining, purpose: 'reauth' },
    });
    await recordSecurityEvent(app.db, {
      userId: principal.userId,
      name: 'reauth.succeeded',
      origin,
      sessionId: principal.sessionId,
      details: { method: 'backup_code' },
    });
    return {
      remaining,
      reauth: {
        method: 'backup_code' as const,
        reauth_until: new Date(at.getTime() + REAUTH_WINDOW_MS).toISOString(),
        expires_in: Math.floor(REAUTH_WINDOW_MS / 1000),
      },
    };
  });

  handle(app, mfa.reset, async ({ body, request, reply }) => {
    reply.header('cache-control', 'no-store');
    const client = clientOf(request);
    if (body.step === 'request') return resets().request(body.mfa_token, client);
    if (body.step === 'confirm') return resets().confirm(body.token, client);
    return resets().cancel(body.token, client);
  });

  handle(app, mfa.cancelReset, async ({ principal, request }) => {
    await resets().cancelForUser(principal.userId, originOf(clientOf(request)), principal.sessionId);
  });

  handle(app, mfa.recoveryCodes, async ({ principal }) => {
    const s = auth();
    const [summary, slots] = await Promise.all([
      s.mfa.backupSummary(principal.userId),
      s.mfa.backupCodeSlots(principal.userId),
    ]);
    return {
      ...summary,
      codes: summary.mfa_enabled
        ? slots.map((slot) => ({
            position: slot.position,
            hint: `…${slot.hint}`,
            used_at: slot.usedAt?.toISOString() ?? null,
            used_from: slot.usedAt ? (slot.usedFrom ?? null) : null,
          }))
        : [],
    };
  });
}
