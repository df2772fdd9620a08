import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { accountLifecycle, sessions, users } from '../../src/db/schema/index.js';
import { forgetPrincipalsOf } from '../../src/http/principal.js';
import { accountSecurityServices } from '../../src/services/account-lifecycle-services.js';
import { emailServices } from '../../src/services/email-services.js';
import { buildTestApp, type TestApp } from '../helper.js';
import {
  assertError,
  Browser,
  CHROME_WINDOWS,
  claimsOf,
  fresh,
  GOOD_PASSWORD,
  SAFARI_IPHONE,
} from './account-support.js';

describe('account lifecycle, activity and audit log routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  async function staleReauth(token: string) {
    await t.app.db
      .update(sessions)
      .set({ reauthAt: new Date(Date.now() - 3_600_000) })
      .where(eq(sessions.id, claimsOf(token).sid as string));
    forgetPrincipalsOf(claimsOf(token).sub as string);
  }

  async function mails(to: string, template: string) {
    await emailServices(t.app).deferred.idle();
    return (await emailServices(t.app).outbox.list({ to, template })).items;
  }

  it('deactivates (re-auth, every session out, email) and reactivates after signing in again', async () => {
    const { email, ip } = fresh('deact');
    const b = new Browser(t.app, ip);
    const phone = new Browser(t.app, '192.168.1.30', SAFARI_IPHONE);
    const { access_token: token } = await b.register(email);
    const phoneToken = (await phone.login(email)).access_token;
    await staleReauth(token);
    assertError(await b.post('/auth/account/deactivate', {}, token), 403, 'reauth_required');
    await b.post('/auth/reauth', { method: 'password', password: GOOD_PASSWORD }, token);
    const res = await b.post('/auth/account/deactivate', { reason: 'taking_a_break' }, token);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'deactivated');
    assert.equal(res.json().sessions_revoked, 2);
    assertError(await phone.get('/auth/me', phoneToken), 401, 'unauthenticated');
    assertError(await b.post('/auth/refresh'), 401, 'session_expired');
    assert.equal((await mails(email, 'account_deactivated')).length, 1);

    // Signing in works and says so; reactivating brings the account back.
    const again = await b.login(email);
    assert.equal((again.user as unknown as { status: string }).status, 'deactivated');
    const back = await b.post('/auth/account/reactivate', undefined, again.access_token);
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual(
      { ...(back.json() as Record<string, unknown>), reactivated_at: 'x' },
      { status: 'active', reactivated_at: 'x', deletion_cancelled: false },
    );
    assert.equal((await b.get('/auth/me', again.access_token)).json().status, 'active');
    const log = (await b.get('/auth/audit-log?category=account', again.access_token)).json();
    assert.deepEqual(
      log.items.map((e: { event: string }) => e.event),
      ['account.reactivated', 'account.deactivated', 'account.created'],
    );
    assert.equal(log.items[1].details.reason, 'taking_a_break');
  });

  it('says what deletion removes, needs the email typed, schedules it after the grace period, and can be cancelled', async () => {
    const { email, ip } = fresh('delete');
    const b = new Browser(t.app, ip);
    const { access_token: token } = await b.register(email);
    const plan = (await b.get('/auth/account/deletion', token)).json();
    assert.equal(plan.status, 'active');
    assert.equal(plan.grace_period_days, 30);
    assert.equal(plan.scheduled_for, null);
    assert.deepEqual(
      plan.will_delete.find((k: { kind: string }) => k.kind === 'profiles'),
      { kind: 'profiles', count: 1 },
    );
    assert.ok(plan.will_keep.length > 0);

    const mismatch = await b.post('/auth/account/delete', { confirm_email: 'someone@else.test' }, token);
    assert.equal(assertError(mismatch, 422, 'confirmation_mismatch').details?.fields?.[0]?.field, 'confirm_email');
    assert.equal((await b.get('/auth/me', token)).statusCode, 200, 'nothing happened');
    const scheduled = await b.post(
      '/auth/account/delete',
      { confirm_email: email.toUpperCase(), reason: 'privacy', feedback: 'bye' },
      token,
    );
    assert.equal(scheduled.statusCode, 202, scheduled.body);
    const body = scheduled.json();
    assert.equal(body.status, 'pending_deletion');
    assert.ok(Math.abs(Date.parse(body.scheduled_for) - Date.now() - 30 * 86_400_000) < 60_000);
    assertError(await b.get('/auth/me', token), 401, 'unauthenticated');
    assert.equal((await mails(email, 'account_deletion')).length, 1);

    // Signed in again within the grace period: a second request is 409; reactivating cancels it.
    const again = (await b.login(email)).access_token;
    assert.equal((await b.get('/auth/account/deletion', again)).json().status, 'pending_deletion');
    assertError(await b.post('/auth/account/delete', { confirm_email: email }, again), 409);
    const back = (await b.post('/auth/account/reactivate', undefined, again)).json();
    assert.equal(back.deletion_cancelled, true);

    // Scheduled again, and the grace period passes: the account is deleted.
    await b.post('/auth/account/delete', { confirm_email: email }, again);
    const [user] = await t.app.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const lifecycle = accountSecurityServices(t.app).lifecycle;
    assert.equal(await lifecycle.purgeDue(), 0, 'not before the grace period ends');
    await t.app.db
      .update(accountLifecycle)
      .set({ deletionScheduledFor: new Date(Date.now() - 1000) })
      .where(eq(accountLifecycle.userId, user?.id as string));
    assert.equal(await lifecycle.purgeDue(), 1);
    assert.equal((await t.app.db.select().from(users).where(eq(users.email, email))).length, 0);
    assertError(await b.post('/auth/login', { email, password: GOOD_PASSWORD }), 401, 'invalid_credentials');
  });

  it('lists sign-in attempts with where and how, filters them and pages them by cursor', async () => {
    const { email, ip } = fresh('activity');
    const b = new Browser(t.app, ip);
    await b.register(email);
    const pc = new Browser(t.app, '203.0.113.7', CHROME_WINDOWS);
    for (let i = 0; i < 3; i++) await pc.post('/auth/login', { email, password: 'not the password' });
    const { access_token: token } = await pc.login(email);
    const all = (await b.get('/auth/activity', token)).json();
    // The sign-up, three wrong passwords and the sign-in, newest first.
    assert.equal(all.items.length, 5);
    assert.equal(all.items[4].method, 'sign_up');
    const success = all.items[0];
    assert.equal(success.outcome, 'success');
    assert.equal(success.method, 'password');
    assert.equal(success.ip, '203.0.113.7');
    assert.equal(success.device_name, 'Chrome on Windows');
    assert.equal(success.session_id, claimsOf(token).sid);
    assert.equal(success.new_device, true);
    assert.equal(all.items[1].failure_reason, 'wrong_password');

    const failures = (await b.get('/auth/activity?outcome=failure', token)).json();
    assert.equal(failures.items.length, 3);
    const seen: string[] = [];
    let cursor: string | null = '';
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await b.get(`/auth/activity?limit=3${cursor ? `&cursor=${cursor}` : ''}`, token)
      ).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.items.map((i: { id: string }) => i.id),
    );
    assertError(await b.get('/auth/activity?cursor=nonsense', token), 400, 'validation_failed');
    const future = (await b.get(`/auth/activity?since=${new Date(Date.now() + 60_000).toISOString()}`, token)).json();
    assert.equal(future.items.length, 0);
  });

  it('shows the audit log with filters and paging, and only the account’s own events', async () => {
    const { email, ip } = fresh('audit');
    const b = new Browser(t.app, ip);
    const { access_token: token } = await b.register(email);
    for (let i = 0; i < 4; i++) await b.post('/auth/reauth', { method: 'password', password: GOOD_PASSWORD }, token);
    await b.post('/auth/sessions/revoke-others', undefined, token);
    const all = (await b.get('/auth/audit-log?limit=100', token)).json();
    const names = all.items.map((e: { event: string }) => e.event);
    assert.equal(names[0], 'sessions.revoked_others');
    assert.ok(names.includes('account.created') && names.includes('sign_in.succeeded'));
    assert.ok(all.items.every((e: { ip: string }) => e.ip === ip));
    const reauth = (await b.get('/auth/audit-log?category=reauth', token)).json();
    assert.equal(reauth.items.length, 4);
    const one = (await b.get('/auth/audit-log?event=sessions.revoked_others', token)).json();
    assert.equal(one.items.length, 1);
    assert.equal(one.items[0].category, 'sessions');
    const paged: string[] = [];
    let cursor: string | null = '';
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await b.get(`/auth/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token)
      ).json();
      paged.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    assert.deepEqual(
      paged,
      all.items.map((e: { id: string }) => e.id),
    );
    assertError(await b.get('/auth/audit-log?category=nope', token), 400, 'validation_failed');

    // Another account sees none of it, and cannot sign out this account's sessions.
    const stranger = new Browser(t.app, fresh('stranger').ip);
    const theirs = (await stranger.register(fresh('stranger').email)).access_token;
    const log = (await stranger.get('/auth/audit-log?limit=100', theirs)).json();
    assert.ok(log.items.every((e: { ip: string }) => e.ip !== ip));
    assertError(await stranger.delete(`/auth/sessions/${claimsOf(token).sid}`, theirs), 404, 'not_found');
    assert.equal((await b.get('/auth/me', token)).statusCode, 200);
  });

  it('takes a body-less request sent with Content-Type: application/json (as plain clients send it)', async () => {
    const { email, ip } = fresh('plain');
    const b = new Browser(t.app, ip);
    const { access_token: token } = await b.register(email);
    const other = await new Browser(t.app, ip).login(email);
    const json = { 'content-type': 'application/json' };
    const res = await b.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${claimsOf(other.access_token).sid}`,
      headers: json,
      token,
    });
    assert.equal(res.statusCode, 204, res.body);
    const broken = await b.request({
      method: 'POST',
      url: '/api/v1/auth/reauth',
      headers: json,
      payload: '{"pass',
      token,
    });
    assertError(broken, 400, 'validation_failed');
    const poisoned = await b.request({
      method: 'POST',
      url: '/api/v1/auth/reauth',
      headers: json,
      payload: '{"method":"password","password":"x","__proto__":{"admin":true}}',
      token,
    });
    assertError(poisoned, 400);
  });
});
