import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { emailTokens, securityEvents } from '../../src/db/schema/index.js';
import { emailServices } from '../../src/services/email-services.js';
import { tokenHash } from '../../src/services/secrets.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { assertError, Browser, fresh, GOOD_PASSWORD } from './account-support.js';

const NEW_PASSWORD = 'harbour-violet-compass-77';

interface Mail {
  to: string;
  template: string;
  links: string[];
  text: string;
  subject: string;
}

/** The outbox, newest first, through the contract's dev mailbox endpoint (after queued emails went out). */
async function mailbox(t: TestApp, query: string): Promise<Mail[]> {
  await emailServices(t.app).deferred.idle();
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dev/mailbox?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { items: Mail[] }).items;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string;

async function resetLink(t: TestApp, email: string): Promise<string> {
  const [mail] = await mailbox(t, `to=${encodeURIComponent(email)}&template=password_reset`);
  assert.ok(mail, `a reset email to ${email}`);
  assert.equal(mail.links.length, 1);
  return mail.links[0] as string;
}

describe('password reset routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('request → email with a link → check → new password → every session signed out → sign in with it', async () => {
    const { email, ip } = fresh('reset');
    const b = new Browser(t.app, ip);
    await b.register(email);
    const other = new Browser(t.app, `${ip.split('.').slice(0, 3).join('.')}.250`);
    const otherLogin = await other.login(email);

    const req = await new Browser(t.app, ip).post('/auth/password-reset/request', { email: email.toUpperCase() });
    assert.equal(req.statusCode, 202, req.body);
    assert.deepEqual(req.json(), { accepted: true, link_expires_in: 3600 });
    assert.equal(req.headers['cache-control'], 'no-store');

    const link = await resetLink(t, email);
    assert.match(link, /\/reset-password\?token=[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(link);

    const check = await b.post('/auth/password-reset/verify', { token });
    assert.equal(check.statusCode, 200, check.body);
    const status = check.json();
    assert.equal(status.valid, true);
    assert.equal(status.reason, null);
    assert.equal(status.mfa_enabled, false);
    assert.ok(status.email_hint.includes('•••') && status.email_hint.endsWith('@reel.test'), status.email_hint);
    assert.ok(!status.email_hint.includes(email.split('@')[0]), 'the address is masked');
    assert.ok(Date.parse(status.expires_at) > Date.now() + 50 * 60_000);

    const done = await b.post('/auth/password-reset/confirm', { token, new_password: NEW_PASSWORD });
    assert.equal(done.statusCode, 200, done.body);
    const body = done.json();
    assert.equal(body.sessions_revoked, 2, 'the sign-up session and the other browser');
    assert.equal(body.email_hint, status.email_hint);

    // The other browser's session is over: its token and its refresh cookie are refused.
    assertError(await other.get('/auth/me', otherLogin.access_token), 401);
    assertError(await other.post('/auth/refresh'), 401);

    // The old password no longer works; the new one does.
    assertError(await new Browser(t.app, ip).post('/auth/login', { email, password: GOOD_PASSWORD }), 401);
    const signedIn = await new Browser(t.app, ip).login(email, NEW_PASSWORD);
    assert.equal(signedIn.user.id, (await b.get('/auth/me', signedIn.access_token)).json().id);

    // Recorded in the audit log; a notice went to the address.
    const events = await t.app.db
      .select({ event: securityEvents.event, category: securityEvents.category, details: securityEvents.details })
      .from(securityEvents)
      .where(eq(securityEvents.userId, signedIn.user.id));
    assert.ok(events.some((e) => e.event === 'password.reset_requested' && e.category === 'password'));
    const completed = events.find((e) => e.event === 'password.reset_completed');
    assert.deepEqual(completed?.details, { sessions_revoked: 2 });
    const notices = await mailbox(t, `to=${encodeURIComponent(email)}&template=security_alert`);
    assert.equal(notices.length, 1);
    // Following the link proved the address.
    const me = await b.get('/auth/me', signedIn.access_token);
    assert.equal(me.json().email_verified, true);
  });

  it('a link works once', async () => {
    const { email, ip } = fresh('reset-once');
    const b = new Browser(t.app, ip);
    await b.register(email);
    await b.post('/auth/password-reset/request', { email });
    const token = tokenOf(await resetLink(t, email));
    const first = await b.post('/auth/password-reset/confirm', { token, new_password: NEW_PASSWORD });
    assert.equal(first.statusCode, 200, first.body);
    const again = assertError(
      await b.post('/auth/password-reset/confirm', { token, new_password: 'another-lovely-passphrase-9' }),
      410,
      'link_used',
    );
    assert.equal(again.details?.hint?.reason, 'used');
    const check = (await b.post('/auth/password-reset/verify', { token })).json();
    assert.deepEqual([check.valid, check.reason, check.email_hint], [false, 'used', null]);
    await new Browser(t.app, ip).login(email, NEW_PASSWORD);
  });

  it('two confirmations racing with one link: exactly one wins', async () => {
    const { email, ip } = fresh('reset-race');
    const b = new Browser(t.app, ip);
    await b.register(email);
    await b.post('/auth/password-reset/request', { email });
    const token = tokenOf(await resetLink(t, email));
    const answers = await Promise.all([
      b.post('/auth/password-reset/confirm', { token, new_password: NEW_PASSWORD }),
      b.post('/auth/password-reset/confirm', { token, new_password: 'another-lovely-passphrase-9' }),
    ]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 410]);
  });

  it('an expired link is refused (410 link_expired) and says so when checked', async () => {
    const { email, ip } = fresh('reset-expired');
    const b = new Browser(t.app, ip);
    await b.register(email);
    await b.post('/auth/password-reset/request', { email });
    const token = tokenOf(await resetLink(t, email));
    // Injected fault: the link's lifetime is moved into the past (as an hour passing would).
    await t.app.db
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailTokens.tokenHash, tokenHash(token)));
    const check = (await b.post('/auth/password-reset/verify', { token })).json();
    assert.deepEqual([check.valid, check.reason], [false, 'expired']);
    assertError(
      await b.post('/auth/password-reset/confirm', { token, new_password: NEW_PASSWORD }),
      410,
      'link_expired',
    );
    await new Browser(t.app, ip).login(email, GOOD_PASSWORD);
  });

  it('stores only a hash of the token; an unknown token is invalid', async () => {
    const { email, ip } = fresh('reset-hash');
    const b = new Browser(t.app, ip);
    const { user } = await b.register(email);
    await b.post('/auth/password-reset/request', { email });
    const token = tokenOf(await resetLink(t, email));
    const rows = await t.app.db
      .select()
      .from(emailTokens)
      .where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, 'password_reset')));
    assert.equal(rows.length, 1);
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes(token), 'the token itself is not in the table');
    assert.equal(rows[0]?.tokenHash, tokenHash(token));
    const forged = `${token.slice(0, -4)}AAAA`;
    const check = (await b.post('/auth/password-reset/verify', { token: forged })).json();
    assert.deepEqual([check.valid, check.reason], [false, 'invalid']);
    assertError(
      await b.post('/auth/password-reset/confirm', { token: forged, new_password: NEW_PASSWORD }),
      410,
      'link_invalid',
    );
  });

  it('a newer request retires the older link', async () => {
    const { email, ip } = fresh('reset-newer');
    const b = new Browser(t.app, ip);
    await b.register(email);
    await b.post('/auth/password-reset/request', { email });
    const older = tokenOf(await resetLink(t, email));
    await b.post('/auth/password-reset/request', { email });
    const newer = tokenOf(await resetLink(t, email));
    assert.notEqual(older, newer);
    assert.equal((await b.post('/auth/password-reset/verify', { token: older })).json().valid, false);
    assert.equal((await b.post('/auth/password-reset/verify', { token: newer })).json().valid, true);
  });

  it('refuses a weak new password at the field and keeps the link usable', async () => {
    const { email, ip } = fresh('reset-weak');
    const b = new Browser(t.app, ip);
    await b.register(email);
    await b.post('/auth/password-reset/request', { email });
    const token = tokenOf(await resetLink(t, email));
    const error = assertError(
      await b.post('/auth/password-reset/confirm', { token, new_password: 'password1234' }),
      422,
      'weak_password',
    );
    assert.equal(error.details?.fields?.[0]?.field, 'new_password');
    assert.equal((await b.post('/auth/password-reset/verify', { token })).json().valid, true);
    const short = assertError(await b.post('/auth/password-reset/confirm', { token, new_password: 'short' }), 400);
    assert.equal(short.details?.fields?.[0]?.field, 'new_password');
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = fresh('reset-known');
    await new Browser(t.app, known.ip).register(known.email);
    const unknown = fresh('reset-nobody');
    const a = await new Browser(t.app, known.ip).post('/auth/password-reset/request', { email: known.email });
    const u = await new Browser(t.app, unknown.ip).post('/auth/password-reset/request', { email: unknown.email });
    assert.equal(a.statusCode, u.statusCode);
    assert.equal(a.body, u.body);
    assert.equal(a.headers['content-type'], u.headers['content-type']);
    assert.equal(a.headers['cache-control'], u.headers['cache-control']);
    assert.equal((await mailbox(t, `to=${encodeURIComponent(unknown.email)}`)).length, 0);
    assert.equal((await mailbox(t, `to=${encodeURIComponent(known.email)}&template=password_reset`)).length, 1);
  });

  it('rate-limits requests per address (alike for unknown addresses) and per IP, with Retry-After', async () => {
    const known = fresh('reset-limit');
    await new Browser(t.app, known.ip).register(known.email);
    const nobody = fresh('reset-limit-nobody');
    for (const email of [known.email, nobody.email]) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        // A new IP each time: only the per-address rule can refuse.
        const res = await new Browser(t.app, fresh('ip').ip).post('/auth/password-reset/request', { email });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          const error = assertError(res, 429, 'rate_limited');
          assert.ok(Number(res.headers['retry-after']) > 0);
          assert.equal(error.details?.hint?.retry_after, Number(res.headers['retry-after']));
        }
      }
      assert.deepEqual(statuses, [202, 202, 202, 429], email);
    }
    const { ip } = fresh('reset-ip');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await new Browser(t.app, ip).post('/auth/password-reset/request', { email: fresh('many').email });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(202));
    assert.equal(statuses[10], 429);
  });
});
