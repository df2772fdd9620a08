import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { emailTokens, securityEvents } from '../../src/db/schema/index.js';
import { emailServices } from '../../src/services/email-services.js';
import { tokenHash } from '../../src/services/secrets.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { assertError, Browser, fresh } from './account-support.js';

interface Mail {
  id: string;
  to: string;
  template: string;
  links: string[];
  text: string;
  html: string | null;
  subject: string;
  sent_at: string;
}

async function mailbox(t: TestApp, query = ''): Promise<{ items: Mail[]; next_cursor: string | null }> {
  await emailServices(t.app).deferred.idle();
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dev/mailbox?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string;

async function verificationLinks(t: TestApp, email: string): Promise<string[]> {
  const { items } = await mailbox(t, `to=${encodeURIComponent(email)}&template=email_verification`);
  return items.map((m) => m.links[0] as string);
}

describe('email verification routes', () => {
  let t: TestApp;
  before(async () => {
    // No wait between resends here unless a test asks for one (it builds its own app).
    t = await buildTestApp({ REEL_EMAIL_RESEND_SECONDS: '0' });
  });
  after(() => t.close());

  it('sign-up sends the verification email; its link verifies the address, signed out too, once', async () => {
    const { email, ip } = fresh('verify');
    const b = new Browser(t.app, ip);
    const { access_token, user } = await b.register(email);
    const [link] = await verificationLinks(t, email);
    assert.ok(link, 'a verification email');
    assert.match(link, /\/verify-email\?token=[A-Za-z0-9_-]{40,}$/);
    const before = (await b.get('/auth/email/status', access_token)).json();
    assert.equal(before.verified, false);
    assert.equal(before.email, email);
    assert.ok(before.last_sent_at);

    const anonymous = new Browser(t.app, ip);
    const res = await anonymous.post('/auth/email/verify', { token: tokenOf(link) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().already_verified, false);
    assert.equal(res.json().email, email);

    const after = (await b.get('/auth/email/status', access_token)).json();
    assert.equal(after.verified, true);
    assert.equal(after.retry_after, 0);
    assert.equal((await b.get('/auth/me', access_token)).json().email_verified, true);

    // The link again: nothing to do, and that is fine.
    const again = await anonymous.post('/auth/email/verify', { token: tokenOf(link) });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().already_verified, true);
    // Resending is pointless now.
    assertError(await b.post('/auth/email/resend', undefined, access_token), 409, 'conflict');

    const events = await t.app.db
      .select({ event: securityEvents.event, category: securityEvents.category })
      .from(securityEvents)
      .where(eq(securityEvents.userId, user.id));
    assert.ok(events.some((e) => e.event === 'email.verification_sent' && e.category === 'email'));
    assert.ok(events.some((e) => e.event === 'email.verified'));
  });

  it('unknown and expired links answer 410 with the reason; tokens are stored hashed', async () => {
    const { email, ip } = fresh('verify-expired');
    const b = new Browser(t.app, ip);
    const { access_token, user } = await b.register(email);
    const [link] = await verificationLinks(t, email);
    const token = tokenOf(link as string);
    const rows = await t.app.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
    assert.ok(!JSON.stringify(rows).includes(token));
    assert.equal(rows[0]?.tokenHash, tokenHash(token));

    const unknown = assertError(await b.post('/auth/email/verify', { token: `x${token.slice(1, -1)}y` }), 410);
    assert.equal(unknown.details?.hint?.reason, 'invalid');
    // Injected fault: the link's lifetime moved into the past.
    await t.app.db
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailTokens.userId, user.id));
    assertError(await b.post('/auth/email/verify', { token }), 410, 'link_expired');
    assert.equal((await b.get('/auth/email/status', access_token)).json().verified, false);
  });

  it('resend sends a new link that works; status and resend need a session', async () => {
    const { email, ip } = fresh('verify-resend');
    const b = new Browser(t.app, ip);
    const { access_token } = await b.register(email);
    const sent = await b.post('/auth/email/resend', undefined, access_token);
    assert.equal(sent.statusCode, 202, sent.body);
    assert.equal(sent.json().email, email);
    assert.equal(sent.json().link_expires_in, 48 * 3600);
    const links = await verificationLinks(t, email);
    assert.equal(links.length, 2);
    const ok = await b.post('/auth/email/verify', { token: tokenOf(links[0] as string) });
    assert.equal(ok.statusCode, 200, ok.body);
    assertError(await new Browser(t.app, ip).post('/auth/email/resend'), 401, 'unauthenticated');
    assertError(await new Browser(t.app, ip).get('/auth/email/status'), 401, 'unauthenticated');
  });

  it('resend is rate-limited per account: 429 with retry_after, and the status counts down', async () => {
    const { email, ip } = fresh('verify-limit');
    const b = new Browser(t.app, ip);
    const { access_token } = await b.register(email);
    const statuses: number[] = [];
    let last = null as null | ReturnType<typeof assertError>;
    for (let i = 0; i < 4; i++) {
      const res = await b.post('/auth/email/resend', undefined, access_token);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) last = assertError(res, 429, 'rate_limited');
    }
    assert.deepEqual(statuses, [202, 202, 202, 429], 'email_resend.user: 3 an hour');
    const wait = last?.details?.hint?.retry_after as number;
    assert.ok(wait > 60, `a long wait after three resends (${wait} s)`);
    const status = (await b.get('/auth/email/status', access_token)).json();
    assert.ok(status.retry_after > 0 && status.retry_after <= wait, JSON.stringify(status));
  });

  it('waits REEL_EMAIL_RESEND_SECONDS between emails (the sign-up email counts)', async () => {
    const slow = await buildTestApp({ REEL_EMAIL_RESEND_SECONDS: '60' });
    try {
      const { email, ip } = fresh('verify-cooldown');
      const b = new Browser(slow.app, ip);
      const { access_token } = await b.register(email);
      await emailServices(slow.app).deferred.idle();
      const status = (await b.get('/auth/email/status', access_token)).json();
      assert.ok(status.retry_after > 50 && status.retry_after <= 60, JSON.stringify(status));
      const res = await b.post('/auth/email/resend', undefined, access_token);
      const error = assertError(res, 429, 'rate_limited');
      assert.ok((error.details?.hint?.retry_after as number) > 50);
      assert.equal(res.headers['retry-after'], String(error.details?.hint?.retry_after));
    } finally {
      await slow.close();
    }
  });
});

describe('development mailbox', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('lists kept emails newest first, filtered and paged, as JSON and as a script-free HTML page', async () => {
    const people = [fresh('mailbox-a'), fresh('mailbox-b'), fresh('mailbox-c')];
    for (const p of people) await new Browser(t.app, p.ip).register(p.email, undefined, 'Ada <b>Lovelace</b>');
    const all = await mailbox(t, 'template=email_verification&limit=2');
    assert.equal(all.items.length, 2);
    assert.equal(all.items[0]?.to, people[2]?.email, 'newest first');
    assert.ok(all.next_cursor);
    const rest = await mailbox(t, `template=email_verification&limit=2&cursor=${all.next_cursor}`);
    assert.equal(rest.items[0]?.to, people[0]?.email);
    const one = await mailbox(t, `to=${encodeURIComponent(people[1]?.email as string)}`);
    assert.equal(one.items.length, 1);
    assert.equal(one.items[0]?.subject, 'Confirm your email address');
    assert.ok(one.items[0]?.html?.includes('Ada &lt;b&gt;Lovelace&lt;/b&gt;'), 'names are escaped in the HTML body');

    const page = await t.app.inject({
      method: 'GET',
      url: `/dev/mailbox?to=${encodeURIComponent(people[0]?.email as string)}`,
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    const csp = page.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(page.body, /<script|style="/);
    assert.ok(page.body.includes(people[0]?.email as string));
    assert.ok(!page.body.includes(people[1]?.email as string), 'filtered');
    assert.match(page.body, /<a href="http[^"]+\/verify-email\?token=/);
    assert.ok(page.body.includes('Ada &lt;b&gt;Lovelace&lt;/b&gt;'));
    const css = await t.app.inject({ method: 'GET', url: '/dev/mailbox.css' });
    assert.equal(css.statusCode, 200);
  });

  it('answers 404 in production', async () => {
    // A data folder of its own: production keeps its secret key there.
    const prod = await buildTestApp({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      REEL_DATA_DIR: mkdtempSync(join(tmpdir(), 'reel-prod-')),
    });
    try {
      assertError(await prod.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' }), 404, 'not_found');
      assert.equal((await prod.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode, 404);
      assert.equal((await prod.app.inject({ method: 'GET', url: '/dev/mailbox.css' })).statusCode, 404);
    } finally {
      await prod.close();
    }
  });
});
