// Billing through the API on the sandbox gateway (§6, §35): plans, cards, subscribe (with the
// authentication step), idempotency under 50 concurrent requests, proration, downgrade, cancel,
// resume, renewals and dunning with the clock moved forward, invoices and their PDF, audit.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { billingPlans, emailOutbox, sandboxCharges, securityEvents, users } from '../../src/db/schema/index.js';
import { planFor, planForStreams, playbackEntitlements } from '../../src/services/media/entitlements.js';
import { profileLimit } from '../../src/services/profiles.js';
import { createViewer } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { CARDS, caller } from './support.js';

const DAY = 86_400;

describe('billing', () => {
  let t: TestApp;
  let api: ReturnType<typeof caller>;
  let ids: Record<string, string>;
  const advance = async (seconds: number) => {
    t.app.billing.clock.advance(seconds * 1000);
    await t.app.billing.drain();
  };

  /** Moves the clock to an hour after the current period's end. */
  const untilRenewal = async (who: Parameters<typeof api.send>[0]) => {
    const sub = (await api.send(who, 'GET', '/billing/subscription')).body.subscription;
    const ms = Date.parse(sub.current_period_end) - t.app.billing.clock.now().getTime();
    await advance(Math.ceil(ms / 1000) + 3600);
  };

  before(async () => {
    t = await buildTestApp();
    api = caller(t.app);
    ids = await api.plans();
  });
  after(() => t.close());

  it('lists the plans with integer prices, entitlements and the current one marked', async () => {
    const anon = await api.send(null, 'GET', '/billing/plans');
    assert.equal(anon.status, 200);
    assert.deepEqual(
      anon.body.items.map((p: { code: string }) => p.code),
      ['free', 'basic', 'standard', 'premium'],
    );
    const basic = anon.body.items[1];
    assert.deepEqual(basic.price, { amount: 799, currency: 'USD' });
    assert.equal(basic.entitlements.max_quality, '720p');
    assert.equal(basic.entitlements.concurrent_streams, 2);
    assert.equal(basic.is_current, undefined);
    const viewer = await createViewer(t.app);
    const mine = await api.send(viewer, 'GET', '/billing/plans');
    assert.equal(mine.body.items.find((p: { is_current: boolean }) => p.is_current).code, 'free');
  });

  it('tokenises cards on the sandbox route only, and refuses bad numbers', async () => {
    const bad = await api.send(null, 'POST', '/integrations/sandbox-gateway/tokens', {
      number: '4242424242424241',
      exp_month: 12,
      exp_year: 2035,
      cvc: '123',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details.fields[0].field, 'number');
    const past = await api.send(null, 'POST', '/integrations/sandbox-gateway/tokens', {
      number: CARDS.ok,
      exp_month: 1,
      exp_year: 2020,
      cvc: '123',
    });
    assert.equal(past.status, 422);
    const ok = await api.send(null, 'POST', '/integrations/sandbox-gateway/tokens', {
      number: CARDS.ok,
      exp_month: 12,
      exp_year: 2035,
      cvc: '123',
    });
    assert.equal(ok.status, 201);
    assert.match(ok.body.token, /^tok_sandbox_/);
    assert.deepEqual(ok.body.card, { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2035 });
    // The billing API takes tokens, never card numbers.
    const viewer = await createViewer(t.app);
    const numbers = await api.send(viewer, 'POST', '/billing/payment-methods', { number: CARDS.ok });
    assert.equal(numbers.status, 400);
    // A token is single use.
    assert.equal((await api.send(viewer, 'POST', '/billing/payment-methods', { token: ok.body.token })).status, 201);
    assert.equal((await api.send(viewer, 'POST', '/billing/payment-methods', { token: ok.body.token })).status, 422);
  });

  it('refuses declined cards with the decline code', async () => {
    const viewer = await createViewer(t.app);
    for (const [number, code] of [
      [CARDS.decline, 'card_declined'],
      [CARDS.insufficient, 'insufficient_funds'],
      [CARDS.expired, 'expired_card'],
    ] as const) {
      const r = await api.addCard(viewer, number);
      assert.equal(r.status, 402, number);
      assert.equal(r.body.error.code, 'payment_failed');
      assert.equal(r.body.error.details.hint.decline_code, code);
      assert.match(r.body.error.message, /declined/);
    }
    assert.deepEqual((await api.send(viewer, 'GET', '/billing/payment-methods')).body.items, []);
  });

  it('needs a recent re-authentication and an Idempotency-Key to subscribe', async () => {
    const { who, card } = await api.subscriber();
    const stale = await createViewer(t.app, { reauth: false });
    const r = await api.money(stale, '/billing/subscription', { plan_id: ids.basic, payment_method_id: card.id });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'reauth_required');
    const noKey = await api.send(who, 'POST', '/billing/subscription', {
      plan_id: ids.basic,
      payment_method_id: card.id,
    });
    assert.equal(noKey.status, 400);
    assert.equal(noKey.body.error.code, 'idempotency_key_required');
  });

  it('charges once for 50 concurrent identical subscribes, replays the answer, refuses another body', async () => {
    const { who, card } = await api.subscriber();
    const key = randomUUID();
    const body = { plan_id: ids.standard, payment_method_id: card.id };
    const all = await Promise.all(Array.from({ length: 50 }, () => api.money(who, '/billing/subscription', body, key)));
    const ok = all.filter((r) => r.status === 201);
    assert.ok(ok.length >= 1);
    assert.ok(
      all.every((r) => r.status === 201 || r.status === 409),
      JSON.stringify([...new Set(all.map((r) => r.status))]),
    );
    assert.equal(new Set(ok.map((r) => r.body.subscription.id)).size, 1);
    const charges = await t.app.db
      .select()
      .from(sandboxCharges)
      .where(eq(sandboxCharges.amount, ok[0]?.body.invoice.total.amount));
    const mine = charges.filter(
      (c) => c.description === 'Reel Standard' && c.idempotencyKey?.startsWith(ok[0]?.body.invoice.id),
    );
    assert.equal(mine.length, 1, 'one charge');
    const invoices = await api.send(who, 'GET', '/billing/invoices');
    assert.equal(invoices.body.items.length, 1, 'one invoice');
    const replay = await api.money(who, '/billing/subscription', body, key);
    assert.equal(replay.status, 201);
    assert.equal(replay.body.subscription.id, ok[0]?.body.subscription.id);
    const other = await api.money(who, '/billing/subscription', { ...body, coupon: 'x' }, key);
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency_conflict');
    const again = await api.money(who, '/billing/subscription', body);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_subscribed');
    const state = await api.send(who, 'GET', '/billing/subscription');
    assert.equal(state.body.plan_code, 'standard');
    assert.equal(state.body.subscription.status, 'active');
    const [u] = await t.app.db.select().from(users).where(eq(users.id, who.userId));
    assert.equal(u?.plan, 'standard');
  });

  it('completes the authentication step, or leaves the subscription incomplete when it fails', async () => {
    const { who, card } = await api.subscriber(undefined, CARDS.authenticate);
    const first = await api.money(who, '/billing/subscription', { plan_id: ids.basic, payment_method_id: card.id });
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'requires_action');
    assert.equal(first.body.subscription.status, 'incomplete');
    assert.equal(first.body.action.gateway, 'sandbox');
    assert.equal(first.body.subscription.pending_action.id, first.body.action.id);
    assert.equal((await api.send(who, 'GET', '/billing/subscription')).body.plan_code, 'free');
    const failed = await api.money(who, '/billing/subscription/confirm', {
      action_id: first.body.action.id,
      outcome: 'fail',
    });
    assert.equal(failed.status, 402);
    assert.equal(failed.body.error.details.hint.decline_code, 'authentication_failed');
    const second = await api.money(who, '/billing/subscription', { plan_id: ids.basic, payment_method_id: card.id });
    assert.equal(second.body.status, 'requires_action');
    const done = await api.money(who, '/billing/subscription/confirm', {
      action_id: second.body.action.id,
      outcome: 'complete',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'succeeded');
    assert.equal(done.body.subscription.status, 'active');
    assert.equal(done.body.invoice.status, 'paid');
    assert.equal((await api.send(who, 'GET', '/billing/subscription')).body.plan_code, 'basic');
  });

  it('upgrades now with proration, schedules a downgrade, cancels, resumes and renews', async () => {
    const { who } = await api.subscriber('basic', CARDS.ok, 'GB');
    await advance(10 * DAY);
    const preview = await api.send(who, 'POST', '/billing/subscription/preview-change', { plan_id: ids.standard });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const p = preview.body;
    assert.equal(p.kind, 'upgrade');
    assert.equal(p.effective, 'immediate');
    const [credit, charge, tax] = p.due_today.lines;
    assert.equal(credit.amount.amount < 0, true);
    assert.ok(-credit.amount.amount < 799);
    assert.ok(charge.amount.amount > 0 && charge.amount.amount < 1399);
    assert.equal(tax.kind, 'tax');
    assert.equal(p.due_today.subtotal.amount, credit.amount.amount + charge.amount.amount);
    assert.equal(p.due_today.total.amount, p.due_today.subtotal.amount + p.due_today.tax.amount);
    assert.equal(p.next_period.amount.amount, 1399 + 280);
    const up = await api.money(who, '/billing/subscription/change', {
      plan_id: ids.standard,
      proration_date: p.proration_date,
    });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    assert.equal(up.body.status, 'succeeded');
    assert.equal(up.body.subscription.plan.code, 'standard');
    assert.equal(up.body.invoice.total.amount, p.due_today.total.amount, 'charged what the preview said');
    assert.deepEqual(
      up.body.invoice.lines.map((l: { number: number }) => l.number),
      [1, 2, 3],
    );

    const down = await api.money(who, '/billing/subscription/change', { plan_id: ids.basic });
    assert.equal(down.body.status, 'scheduled');
    assert.equal(down.body.subscription.scheduled_change.plan.code, 'basic');
    assert.equal(down.body.subscription.plan.code, 'standard');

    const cancel = await api.send(who, 'POST', '/billing/subscription/cancel', {
      reason: 'too_expensive',
      feedback: 'hm',
    });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.cancel_at_period_end, true);
    assert.equal(cancel.body.cancellation.reason, 'too_expensive');
    assert.equal(cancel.body.scheduled_change, null);
    const resume = await api.send(who, 'POST', '/billing/subscription/resume');
    assert.equal(resume.status, 200);
    assert.equal(resume.body.cancel_at_period_end, false);
    assert.equal((await api.send(who, 'POST', '/billing/subscription/resume')).status, 409);

    // Downgrade again, then renew: the new period is on Basic and charged.
    await api.money(who, '/billing/subscription/change', { plan_id: ids.basic });
    const before = (await api.send(who, 'GET', '/billing/subscription')).body.subscription;
    await advance(25 * DAY);
    const after = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(after.subscription.status, 'active');
    assert.equal(after.subscription.plan.code, 'basic');
    assert.equal(after.subscription.current_period_start, before.current_period_end);
    assert.equal(after.plan_code, 'basic');
    const invoices = (await api.send(who, 'GET', '/billing/invoices')).body.items;
    assert.equal(invoices.length, 3);
    assert.equal(invoices[0].billing_reason, 'subscription_cycle');
    assert.equal(invoices[0].total.amount, 799 + 160);
    const inv = (await api.send(who, 'GET', `/billing/invoices/${invoices[0].id}`)).body;
    assert.equal(inv.tax_rate.rate_bps, 2000);
    assert.equal(inv.subtotal.amount + inv.tax.amount, inv.total.amount);
    const pdf = await api.send(who, 'GET', `/billing/invoices/${invoices[0].id}/pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(pdf.body).subarray(0, 5).toString(), '%PDF-');
    // Someone else's invoice is not found.
    const other = await createViewer(t.app);
    assert.equal((await api.send(other, 'GET', `/billing/invoices/${invoices[0].id}`)).status, 404);
    // Audited.
    const events = await t.app.db.select().from(securityEvents).where(eq(securityEvents.userId, who.userId));
    const names = new Set(events.map((e) => e.event));
    for (const n of [
      'billing.subscribed',
      'billing.plan_changed',
      'billing.downgrade_scheduled',
      'billing.canceled',
      'billing.resumed',
      'billing.renewed',
    ])
      assert.ok(names.has(n), n);
    const audit = await api.send(who, 'GET', '/account/security/audit-log?category=billing');
    if (audit.status === 200) assert.ok(audit.body.items.length >= 6);
  });

  it('ends a canceled subscription at the period end and moves the account to free', async () => {
    const { who } = await api.subscriber('basic');
    await api.send(who, 'POST', '/billing/subscription/cancel', { reason: 'taking_a_break' });
    await advance(32 * DAY);
    const state = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.subscription, null);
    assert.equal(state.plan_code, 'free');
  });

  it('starts a trial without charging, and charges at its end', async () => {
    const { who, card } = await api.subscriber();
    const r = await api.money(who, '/billing/subscription', { plan_id: ids.premium, payment_method_id: card.id });
    assert.equal(r.body.subscription.status, 'trialing');
    assert.equal(r.body.invoice.total.amount, 0);
    assert.ok(r.body.subscription.trial_end);
    await advance(8 * DAY);
    const state = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.subscription.status, 'active');
    const invoices = (await api.send(who, 'GET', '/billing/invoices')).body.items;
    assert.equal(invoices[0].total.amount, 1999);
    assert.equal(invoices[0].status, 'paid');
  });

  it('runs dunning: retries on a schedule, a grace period with full access, then the free tier', async () => {
    const { who } = await api.subscriber('standard');
    const bad = await api.addCard(who, CARDS.chargeFails, true);
    assert.equal(bad.status, 201);
    await untilRenewal(who);
    let state = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.subscription.status, 'past_due');
    assert.equal(state.subscription.dunning.state, 'retrying');
    assert.equal(state.subscription.dunning.attempt, 1);
    assert.equal(state.subscription.dunning.last_failure.code, 'card_declined');
    assert.equal(state.plan_code, 'standard', 'full access while retrying');
    await advance(6 * DAY);
    state = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.subscription.status, 'grace');
    assert.equal(state.subscription.dunning.state, 'grace');
    assert.equal(state.subscription.dunning.attempt, 4);
    assert.equal(state.entitlements.max_quality, '1080p', 'full access in grace');
    await advance(8 * DAY);
    state = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.subscription, null);
    assert.equal(state.plan_code, 'free');
    const [u] = await t.app.db.select().from(users).where(eq(users.id, who.userId));
    assert.equal(u?.plan, 'free');
    const mail = await t.app.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.to, u?.email as string));
    const subjects = mail.map((m) => m.subject);
    assert.ok(subjects.includes('Your Reel payment failed'));
    assert.ok(subjects.filter((s) => /^Payment attempt \d failed$/.test(s)).length >= 2);
    assert.ok(subjects.includes('Action needed: your plan ends soon'));
    assert.ok(subjects.includes('Your account is now on the Free tier'));
    const invoices = (await api.send(who, 'GET', '/billing/invoices?status=uncollectible')).body.items;
    assert.equal(invoices.length, 1);
  });

  it('recovers from dunning when a working card becomes the default', async () => {
    const { who, card: first } = await api.subscriber('basic');
    const bad = await api.addCard(who, CARDS.chargeFails, true);
    await untilRenewal(who);
    assert.equal((await api.send(who, 'GET', '/billing/subscription')).body.subscription.status, 'past_due');
    const good = await api.addCard(who, CARDS.ok);
    const r = await api.send(who, 'POST', `/billing/payment-methods/${good.body.id}/default`);
    assert.equal(r.status, 200);
    assert.equal(r.body.items[0].id, good.body.id);
    const state = (await api.send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.subscription.status, 'active');
    assert.equal(state.subscription.dunning, null);
    // The card in use cannot be removed while it is the only one; another can.
    assert.equal((await api.send(who, 'DELETE', `/billing/payment-methods/${bad.body.id}`)).status, 204);
    assert.equal((await api.send(who, 'DELETE', `/billing/payment-methods/${first.id}`)).status, 204);
    const methods = await api.send(who, 'GET', '/billing/payment-methods');
    assert.deepEqual(
      methods.body.items.map((m: { id: string }) => m.id),
      [good.body.id],
    );
    const only = await api.send(who, 'DELETE', `/billing/payment-methods/${good.body.id}`);
    assert.equal(only.status, 409, JSON.stringify((await api.send(who, 'GET', '/billing/subscription')).body));
  });

  describe('webhooks', () => {
    const post = (body: string, signature: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/integrations/webhooks/payment',
        headers: { 'content-type': 'application/json', 'reel-signature': signature },
        payload: body,
      });
    const event = (id: string, type: string, created: string, object: Record<string, unknown>) =>
      JSON.stringify({ id, type, created, data: { object } });

    it('refuses a bad or stale signature and changes nothing; applies each event id once', async () => {
      const body = event(`evt_${randomUUID()}`, 'payment.succeeded', new Date().toISOString(), { id: 'ch_1' });
      const svc = t.app.billing.service;
      assert.equal((await post(body, 't=1,v1=00')).statusCode, 400);
      assert.equal((await post(body, svc.sign(`${body} `))).statusCode, 400);
      const stale = svc.sign(body, new Date(t.app.billing.clock.now().getTime() - 3600_000));
      const staleRes = await post(body, stale);
      assert.equal(staleRes.statusCode, 400);
      assert.equal(staleRes.json().error.code, 'signature_stale');
      const first = await post(body, svc.sign(body));
      assert.equal(first.statusCode, 200);
      assert.deepEqual(first.json(), { received: true, duplicate: false });
      const again = await post(body, svc.sign(body));
      assert.deepEqual(again.json(), { received: true, duplicate: true });
    });

    it('never moves a subscription backwards when events arrive out of order', async () => {
      const { who } = await api.subscriber('basic');
      const sub = (await api.send(who, 'GET', '/billing/subscription')).body.subscription;
      const svc = t.app.billing.service;
      const now = t.app.billing.clock.now().getTime();
      const newer = event(`evt_${randomUUID()}`, 'subscription.updated', new Date(now - 1000).toISOString(), {
        id: sub.id,
        status: 'past_due',
      });
      const older = event(`evt_${randomUUID()}`, 'subscription.updated', new Date(now - 60_000).toISOString(), {
        id: sub.id,
        status: 'active',
      });
      assert.equal((await post(newer, svc.sign(newer))).statusCode, 200);
      assert.equal((await post(older, svc.sign(older))).statusCode, 200);
      assert.equal((await api.send(who, 'GET', '/billing/subscription')).body.subscription.status, 'past_due');
    });

    it('the sandbox delivers its events, signed, and retries until acknowledged', async () => {
      const { who } = await api.subscriber('basic');
      const sandbox = t.app.billing.sandbox;
      assert.ok(sandbox);
      let calls = 0;
      // Deliberately injected fault: the receiver fails the first time.
      const delivered = await sandbox.deliverDue(async () => {
        calls++;
        return 500;
      });
      assert.equal(delivered, 0);
      assert.ok(calls >= 1);
      await advance(15);
      const second = await sandbox.deliverDue(async () => 200);
      assert.equal(second, 0, 'the real route acknowledged them during drain()');
      assert.ok(who);
    });
  });

  it('enforces plan limits from the database, naming the plan that allows more', async () => {
    assert.deepEqual(
      { q: playbackEntitlements('basic').maxQuality, s: playbackEntitlements('basic').concurrentStreams },
      { q: '720p', s: 2 },
    );
    assert.equal(planFor('1080p'), 'standard');
    assert.deepEqual(planForStreams(2), { code: 'standard', name: 'Standard' });
    assert.deepEqual(profileLimit('basic', 3).upgrade, { plan: 'standard', plan_name: 'Standard', max_profiles: 4 });
    // Staff edit a plan: the limits follow.
    await t.app.db.update(billingPlans).set({ concurrentStreams: 3 }).where(eq(billingPlans.code, 'basic'));
    await t.app.billing.service.refreshPlans();
    assert.equal(playbackEntitlements('basic').concurrentStreams, 3);
    await t.app.db.update(billingPlans).set({ concurrentStreams: 2 }).where(eq(billingPlans.code, 'basic'));
    await t.app.billing.service.refreshPlans();
  });
});
