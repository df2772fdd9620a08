import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { mfaResets, sessions } from '../../src/db/schema/index.js';
import { forgetPrincipalsOf } from '../../src/http/principal.js';
import { accountSecurityServices } from '../../src/services/account-lifecycle-services.js';
import { emailServices } from '../../src/services/email-services.js';
import { RATE_RULES, RateLimiter } from '../../src/services/rate-limit.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { assertError, Browser, CHROME_WINDOWS, claimsOf, fresh, GOOD_PASSWORD } from './account-support.js';

const totpOf = (secret: string) => new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
/** A code of the step `offset` steps from now. */
const codeAt = (secret: string, offset = 0, base = Date.now()) =>
  totpOf(secret).generate({ timestamp: base + offset * 30_000 });
const other = (code: string) => (code === '000000' ? '111111' : '000000');

describe('MFA routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  /** A new account with MFA turned on through the routes; answers its key and backup codes. */
  async function enrolled(prefix = 'mfa') {
    const { email, ip } = fresh(prefix);
    const b = new Browser(t.app, ip);
    const { access_token: token, user } = await b.register(email);
    const setup = await b.post('/auth/mfa/setup', undefined, token);
    assert.equal(setup.statusCode, 200, setup.body);
    const { secret } = setup.json();
    const at = Date.now();
    const verified = await b.post('/auth/mfa/verify', { code: codeAt(secret, 0, at) }, token);
    assert.equal(verified.statusCode, 200, verified.body);
    const codes = verified.json().backup_codes.codes as string[];
    return { email, ip, b, token, user, secret: secret as string, codes, at };
  }

  /** Makes the session's re-auth window stale, as if it was opened long ago. */
  async function staleReauth(token: string) {
    await t.app.db
      .update(sessions)
      .set({ reauthAt: new Date(Date.now() - 3_600_000) })
      .where(eq(sessions.id, claimsOf(token).sid as string));
    forgetPrincipalsOf(claimsOf(token).sub as string);
  }

  async function events(b: Browser, token: string, query = '') {
    const res = await b.get(`/auth/audit-log?limit=100${query}`, token);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as { event: string; ip: string | null; user_agent: string | null; details: object }[];
  }

  it('sets up TOTP with a QR URI and a key, confirms with a code, and shows the backup codes once', async () => {
    const { email, ip } = fresh('setup');
    const b = new Browser(t.app, ip);
    const { access_token: token } = await b.register(email);
    const off = (await b.get('/auth/mfa', token)).json();
    assert.equal(off.enabled, false);
    assert.equal(off.backup_codes.total, 0);

    const setup = (await b.post('/auth/mfa/setup', undefined, token)).json();
    assert.match(setup.secret, /^[A-Z2-7]{32}$/);
    assert.match(setup.otpauth_uri, /^otpauth:\/\/totp\/Reel:.*secret=[A-Z2-7]+/);
    assert.ok(setup.otpauth_uri.includes(encodeURIComponent(email)));
    assert.equal(setup.issuer, 'Reel');
    const pending = (await b.get('/auth/mfa', token)).json();
    assert.equal(pending.enabled, false, 'not on before a code confirms it');
    assert.ok(pending.pending_setup_expires_at);
    // Sign-in does not ask for a code yet.
    assert.ok(
      (await new Browser(t.app, ip).post('/auth/login', { email, password: GOOD_PASSWORD })).json().access_token,
    );

    const wrong = await b.post('/auth/mfa/verify', { code: other(codeAt(setup.secret)) }, token);
    assert.equal(assertError(wrong, 422, 'invalid_code').details?.fields?.[0]?.field, 'code');
    assertError(await b.post('/auth/mfa/verify', { code: '12345' }, token), 400, 'validation_failed');
    const ok = await b.post('/auth/mfa/verify', { code: codeAt(setup.secret) }, token);
    assert.equal(ok.statusCode, 200, ok.body);
    const enabled = ok.json();
    assert.equal(enabled.enabled, true);
    assert.equal(enabled.backup_codes.codes.length, 10);
    assert.ok(enabled.backup_codes.codes.every((c: string) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c)));

    const on = (await b.get('/auth/mfa', token)).json();
    assert.equal(on.enabled, true);
    assert.equal(on.method, 'totp');
    assert.equal(on.backup_codes.remaining, 10);
    assert.equal(on.pending_setup_expires_at, null);
    // The codes are never shown again: only counts and hints.
    const summary = await b.get('/auth/mfa/backup-codes', token);
    assert.equal(summary.json().remaining, 10);
    const slots = (await b.get('/auth/recovery-codes', token)).json();
    assert.equal(slots.codes.length, 10);
    assert.ok(!JSON.stringify(slots).includes(enabled.backup_codes.codes[0]));
    assert.equal(slots.codes[0].hint, `…${enabled.backup_codes.codes[0].slice(-2)}`);
    // Setting up again while on is refused; confirming again too.
    assertError(await b.post('/auth/mfa/setup', undefined, token), 409);
    assertError(await b.post('/auth/mfa/verify', { code: codeAt(setup.secret) }, token), 409);

    const log = await events(b, token, '&category=mfa');
    const names = log.map((e) => e.event);
    assert.ok(names.includes('mfa.setup_started') && names.includes('mfa.enabled'), names.join());
    const entry = log.find((e) => e.event === 'mfa.enabled');
    assert.equal(entry?.ip, ip);
    assert.ok(entry?.user_agent?.includes('Firefox'));
    await emailServices(t.app).deferred.idle();
    const mail = await emailServices(t.app).outbox.list({ to: email, template: 'security_alert' });
    assert.ok(mail.items.some((m) => /Two-step verification is on/.test(m.subject)));
  });

  it('signs in with a code or a backup code; refuses wrong, expired and replayed codes and a used backup code', async () => {
    const { email, ip, secret, codes, at } = await enrolled('signin');
    const browser = new Browser(t.app, ip, CHROME_WINDOWS);
    const challenge = async () => {
      const res = await browser.post('/auth/login', { email, password: GOOD_PASSWORD });
      const body = res.json();
      assert.equal(body.mfa_required, true, res.body);
      assert.equal(body.access_token, undefined);
      return body.mfa_token as string;
    };
    // Expired: a code from three steps ago (outside the one-step tolerance).
    const expired = await browser.post('/auth/login/mfa', {
      method: 'totp',
      mfa_token: await challenge(),
      code: codeAt(secret, -3, at),
    });
    assertError(expired, 422, 'invalid_code');
    // The enrolment spent the current step: its code is a replay now, and so is an earlier one.
    const token = await challenge();
    assert.match(
      assertError(
        await browser.post('/auth/login/mfa', { mfa_token: token, code: codeAt(secret, 0, at) }),
        422,
        'invalid_code',
      ).message,
      /already used/,
    );
    // The next step's code (inside the tolerance) works once, `method` left out as plain clients do.
    const next = codeAt(secret, 1, at);
    const ok = await browser.post('/auth/login/mfa', { mfa_token: token, code: next });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().user.mfa_enabled, true);
    const replay = await browser.post('/auth/login/mfa', { mfa_token: await challenge(), code: next });
    assert.match(assertError(replay, 422, 'invalid_code').message, /already used/);

    const backup = await browser.post('/auth/login/mfa', { mfa_token: await challenge(), backup_code: codes[0] });
    assert.equal(backup.statusCode, 200, backup.body);
    const used = await browser.post('/auth/login/mfa', {
      method: 'backup_code',
      mfa_token: await challenge(),
      backup_code: codes[0] as string,
    });
    assert.match(assertError(used, 422, 'invalid_code').message, /already used/);

    const activity = (await browser.get('/auth/activity?limit=50', backup.json().access_token)).json();
    const reasons = activity.items.map((a: { failure_reason: string | null }) => a.failure_reason);
    for (const reason of ['wrong_code', 'replayed_code', 'used_backup_code'])
      assert.ok(reasons.includes(reason), `${reason} in ${reasons}`);
    assert.ok(
      activity.items.some(
        (a: { outcome: string; method: string }) => a.outcome === 'success' && a.method === 'password_backup_code',
      ),
    );
  });

  it('locks the second step after repeated wrong codes, for a while only; the rate limit answers 429', async () => {
    const { email, ip, secret } = await enrolled('brute');
    const browser = new Browser(t.app, ip, CHROME_WINDOWS);
    const token = (await browser.post('/auth/login', { email, password: GOOD_PASSWORD })).json().mfa_token;
    const wrong = other(codeAt(secret, 1));
    const answers: number[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await browser.post('/auth/login/mfa', { mfa_token: token, code: wrong })).statusCode);
    assert.deepEqual(answers, [422, 422, 422, 422, 423, 423]);
    const locked = await browser.post('/auth/login/mfa', { mfa_token: token, code: codeAt(secret, 1) });
    const error = assertError(locked, 423, 'locked');
    const wait = Number(locked.headers['retry-after']);
    // Locked for minutes, not for ever: one attempt comes back after window / limit.
    const rule = RATE_RULES['mfa.user'];
    assert.ok(wait > 0 && wait <= rule.windowMs / rule.limit / 1000, `retry after ${wait}s`);
    assert.equal(Number(error.details?.hint?.retry_after), wait);
    // The password still works: the account itself is not locked.
    const relogin = (await browser.post('/auth/login', { email, password: GOOD_PASSWORD })).json();
    assert.equal(relogin.mfa_required, true);
    // The lock is a token bucket: after the wait, an attempt is allowed again.
    let now = 0;
    const limiter = new RateLimiter({}, () => now);
    for (let i = 0; i < rule.limit; i++) limiter.fail('mfa.user', 'u');
    const decision = limiter.check('mfa.user', 'u');
    assert.equal(decision.allowed, false);
    now += (decision.allowed ? 0 : decision.retryAfterSeconds) * 1000;
    assert.equal(limiter.check('mfa.user', 'u').allowed, true);

    // From one address, the second step is rate-limited (429 with Retry-After) whatever the account.
    const flood = new Browser(t.app, fresh('flood').ip);
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < RATE_RULES['mfa.ip'].limit + 1 && last !== 429; i++) {
      const res = await flood.post('/auth/login/mfa', { mfa_token: 'not-a-token', code: '123456' });
      last = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
    }
    assert.equal(last, 429);
    assert.ok(Number(retryAfter) > 0);
  });

  it('disables MFA only after a fresh re-auth (password or code); backup codes and trust go with it', async () => {
    const { email, ip, b, token, secret } = await enrolled('disable');
    await staleReauth(token);
    assertError(await b.post('/auth/mfa/disable', undefined, token), 403, 'reauth_required');
    assertError(await b.post('/auth/reauth', { method: 'totp', code: other(codeAt(secret, 1)) }, token), 422);
    const reauth = await b.post('/auth/reauth', { method: 'totp', code: codeAt(secret, 1) }, token);
    assert.equal(reauth.statusCode, 200, reauth.body);
    const off = await b.post('/auth/mfa/disable', undefined, token);
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().enabled, false);
    assert.equal(off.json().backup_codes.total, 0);
    assert.ok(
      (await new Browser(t.app, ip).post('/auth/login', { email, password: GOOD_PASSWORD })).json().access_token,
    );
    const names = (await events(b, token)).map((e) => e.event);
    assert.ok(names.includes('mfa.disabled') && names.includes('reauth.succeeded'), names.join());
  });

  it('regenerates backup codes (re-auth): the old set stops working; a backup code can re-authenticate', async () => {
    const { email, b, token, codes } = await enrolled('regen');
    const used = await b.post('/auth/mfa/validate-backup', { backup_code: codes[1] }, token);
    assert.equal(used.statusCode, 200, used.body);
    assert.equal(used.json().remaining, 9);
    assert.equal(used.json().reauth.method, 'backup_code');
    assert.match(
      assertError(await b.post('/auth/mfa/validate-backup', { backup_code: codes[1] }, token), 422, 'invalid_code')
        .message,
      /already used/,
    );
    const slots = (await b.get('/auth/recovery-codes', token)).json();
    assert.ok(slots.codes[1].used_at);
    assert.equal(slots.codes[1].used_from, 'Local network');
    await staleReauth(token);
    assertError(await b.post('/auth/mfa/backup-codes/regenerate', undefined, token), 403, 'reauth_required');
    await b.post('/auth/reauth', { method: 'password', password: GOOD_PASSWORD }, token);
    const fresh2 = await b.post('/auth/mfa/backup-codes/regenerate', undefined, token);
    assert.equal(fresh2.statusCode, 200, fresh2.body);
    assert.equal(fresh2.json().codes.length, 10);
    const c = (await new Browser(t.app).post('/auth/login', { email, password: GOOD_PASSWORD })).json();
    assertError(
      await new Browser(t.app).post('/auth/login/mfa', { mfa_token: c.mfa_token, backup_code: codes[2] }),
      422,
      'invalid_code',
    );
  });

  it('resets MFA for a lost device: emailed confirmation, a waiting period, cancel, then removal', async () => {
    const { email, ip, b, token } = await enrolled('lost');
    const resets = accountSecurityServices(t.app).mfaReset;
    const outbox = emailServices(t.app).outbox;
    const lost = new Browser(t.app, ip, CHROME_WINDOWS);
    const challenge = async () => (await lost.post('/auth/login', { email, password: GOOD_PASSWORD })).json().mfa_token;

    assertError(await lost.post('/auth/mfa-reset', { step: 'request', mfa_token: 'forged' }), 401, 'mfa_expired');
    const requested = await lost.post('/auth/mfa-reset', { step: 'request', mfa_token: await challenge() });
    assert.equal(requested.statusCode, 200, requested.body);
    assert.equal(requested.json().status, 'email_sent');
    assert.match(requested.json().email_hint, /^l•••\d@reel\.test$|^l•••.@reel\.test$/);
    const mail = (await outbox.list({ to: email, template: 'mfa_reset' })).items[0];
    assert.ok(mail, 'a confirmation email');
    const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string;
    const confirmLink = mail.links.find((l) => l.includes('action=confirm')) as string;
    const cancelLink = mail.links.find((l) => l.includes('action=cancel')) as string;

    // Cancelled from the first email's link ("this wasn't me").
    const cancelled = await lost.post('/auth/mfa-reset', { step: 'cancel', token: tokenOf(cancelLink) });
    assert.equal(cancelled.json().status, 'cancelled');
    assertError(await lost.post('/auth/mfa-reset', { step: 'confirm', token: tokenOf(confirmLink) }), 410, 'link_used');
    assertError(await lost.post('/auth/mfa-reset', { step: 'confirm', token: 'x'.repeat(43) }), 410, 'link_invalid');

    // Again, confirmed this time: the waiting period starts and is announced.
    await t.app.db
      .update(mfaResets)
      .set({ requestedAt: new Date(Date.now() - 120_000) })
      .where(eq(mfaResets.status, 'cancelled'));
    await lost.post('/auth/mfa-reset', { step: 'request', mfa_token: await challenge() });
    const second = (await outbox.list({ to: email, template: 'mfa_reset' })).items[0];
    const waiting = await lost.post('/auth/mfa-reset', {
      step: 'confirm',
      token: tokenOf(second?.links.find((l) => l.includes('action=confirm')) as string),
    });
    assert.equal(waiting.statusCode, 200, waiting.body);
    assert.equal(waiting.json().status, 'waiting');
    const hours = waiting.json().waiting_period_hours;
    assert.ok(hours > 0);
    assert.ok(Math.abs(Date.parse(waiting.json().eligible_at) - Date.now() - hours * 3_600_000) < 60_000);
    const status = (await b.get('/auth/mfa', token)).json();
    assert.equal(status.reset.status, 'waiting', 'the signed-in owner sees the reset');
    // Nothing happens before the waiting period ends.
    assert.equal(await resets.completeDue(), 0);
    assert.equal((await b.get('/auth/mfa', token)).json().enabled, true);

    // The owner still has the device and cancels from a session; a new request then waits again.
    assert.equal((await b.delete('/auth/mfa-reset', token)).statusCode, 204);
    assert.equal((await b.get('/auth/mfa', token)).json().reset, null);
    await t.app.db
      .update(mfaResets)
      .set({ requestedAt: new Date(Date.now() - 120_000) })
      .where(eq(mfaResets.status, 'cancelled'));
    await lost.post('/auth/mfa-reset', { step: 'request', mfa_token: await challenge() });
    const third = (await outbox.list({ to: email, template: 'mfa_reset' })).items[0];
    await lost.post('/auth/mfa-reset', {
      step: 'confirm',
      token: tokenOf(third?.links.find((l) => l.includes('action=confirm')) as string),
    });
    // Time passes: the waiting period is over.
    await t.app.db
      .update(mfaResets)
      .set({ eligibleAt: new Date(Date.now() - 1000) })
      .where(eq(mfaResets.status, 'waiting'));
    assert.equal(await resets.completeDue(), 1);
    const signedIn = (await lost.post('/auth/login', { email, password: GOOD_PASSWORD })).json();
    assert.ok(signedIn.access_token, 'MFA is gone: the password signs in');
    const names = (await events(lost, signedIn.access_token, '&category=mfa')).map((e) => e.event);
    for (const name of ['mfa.reset_requested', 'mfa.reset_confirmed', 'mfa.reset_cancelled', 'mfa.reset_completed'])
      assert.ok(names.includes(name), `${name} in ${names}`);
    await emailServices(t.app).deferred.idle();
    const alerts = (await outbox.list({ to: email, template: 'security_alert' })).items.map((m) => m.subject);
    assert.ok(alerts.some((s) => /will be removed/.test(s)));
    assert.ok(alerts.some((s) => /was removed/.test(s)));
  });
});
