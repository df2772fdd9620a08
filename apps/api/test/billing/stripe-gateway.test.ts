// The Stripe adapter on the real `stripe` SDK, against a local node:http server standing in for
// Stripe's API (REEL_STRIPE_API_HOST/PORT/PROTOCOL point the SDK at it). The stand-in records every
// request and answers the endpoints the adapter calls in Stripe's JSON shapes: customers,
// payment_methods attach/detach, payment_intents create (confirm=true) / retrieve / confirm, with
// success, card_declined, insufficient_funds, expired_card and authentication_required outcomes.
// It replays a stored answer for a repeated Idempotency-Key, as Stripe does. No network.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { PaymentDeclined } from '../../src/services/billing/gateway.js';
import { StripeGateway } from '../../src/services/billing/stripe-gateway.js';
import { createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  form: URLSearchParams;
}

/** Stripe's test PaymentMethods by the card they stand for. */
const CARDS: Record<string, { last4: string; brand: string; outcome: string }> = {
  pm_card_visa: { last4: '4242', brand: 'visa', outcome: 'succeeded' },
  pm_card_chargeDeclined: { last4: '0002', brand: 'visa', outcome: 'card_declined' },
  pm_card_chargeDeclinedInsufficientFunds: { last4: '9995', brand: 'visa', outcome: 'insufficient_funds' },
  pm_card_chargeDeclinedExpiredCard: { last4: '0069', brand: 'visa', outcome: 'expired_card' },
  pm_card_authenticationRequired: { last4: '3155', brand: 'visa', outcome: 'authentication_required' },
};

/** A local stand-in for api.stripe.com. */
class StripeStandIn {
  readonly requests: Recorded[] = [];
  readonly intents = new Map<string, Record<string, unknown>>();
  readonly #replays = new Map<string, { status: number; body: unknown }>();
  #seq = 0;
  server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] as string;
      const form = new URLSearchParams(raw);
      this.requests.push({ method: req.method ?? '', path, headers: req.headers, raw, form });
      const key = req.headers['idempotency-key'];
      const replayKey = typeof key === 'string' && req.method === 'POST' ? `${path} ${key}` : null;
      const stored = replayKey ? this.#replays.get(replayKey) : undefined;
      const { status, body } = stored ?? this.answer(req.method ?? '', path, form);
      if (replayKey && !stored) this.#replays.set(replayKey, { status, body });
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_${++this.#seq}`,
        ...(stored ? { 'idempotent-replayed': 'true' } : {}),
      });
      res.end(JSON.stringify(body));
    });
  });

  id = (prefix: string) => `${prefix}_${(++this.#seq).toString(36).padStart(8, '0')}`;

  cardError(code: string, declineCode: string | null, message: string, intent?: Record<string, unknown>) {
    return {
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code,
          ...(declineCode ? { decline_code: declineCode } : {}),
          message,
          doc_url: `https://stripe.com/docs/error-codes/${code}`,
          ...(intent ? { payment_intent: intent } : {}),
        },
      },
    };
  }

  answer(method: string, path: string, form: URLSearchParams): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/customers')
      return {
        status: 200,
        body: {
          id: this.id('cus'),
          object: 'customer',
          metadata: { reel_user_id: form.get('metadata[reel_user_id]') },
        },
      };
    const attach = path.match(/^\/v1\/payment_methods\/([^/]+)\/(attach|detach)$/);
    if (method === 'POST' && attach) {
      const pm = decodeURIComponent(attach[1] as string);
      const card = CARDS[pm];
      if (!card)
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such PaymentMethod: '${pm}'`,
            },
          },
        };
      return {
        status: 200,
        body: {
          id: pm,
          object: 'payment_method',
          type: 'card',
          customer: attach[2] === 'attach' ? form.get('customer') : null,
          card: {
            brand: card.brand,
            last4: card.last4,
            exp_month: 12,
            exp_year: 2034,
            country: 'US',
            funding: 'credit',
          },
        },
      };
    }
    if (method === 'POST' && path === '/v1/payment_intents') {
      const pm = form.get('payment_method') ?? '';
      const outcome = CARDS[pm]?.outcome ?? 'card_declined';
      const id = this.id('pi');
      const intent: Record<string, unknown> = {
        id,
        object: 'payment_intent',
        amount: Number(form.get('amount')),
        currency: form.get('currency'),
        customer: form.get('customer'),
        payment_method: pm,
        client_secret: `${id}_secret_${this.id('s')}`,
        metadata: {},
        next_action: null,
        last_payment_error: null,
        status: 'requires_payment_method',
      };
      this.intents.set(id, intent);
      if (outcome === 'succeeded') {
        intent.status = 'succeeded';
        intent.latest_charge = this.id('ch');
        return { status: 200, body: intent };
      }
      if (outcome === 'authentication_required') {
        if (form.get('off_session') === 'true')
          return this.cardError(
            'authentication_required',
            'authentication_required',
            'Your card was declined. This transaction requires authentication.',
            intent,
          );
        intent.status = 'requires_action';
        intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
        return { status: 200, body: intent };
      }
      if (outcome === 'insufficient_funds')
        return this.cardError('card_declined', 'insufficient_funds', 'Your card has insufficient funds.', intent);
      // Stripe's expired card: a `code` with no `decline_code`.
      if (outcome === 'expired_card') return this.cardError('expired_card', null, 'Your card has expired.', intent);
      return this.cardError('card_declined', 'generic_decline', 'Your card was declined.', intent);
    }
    const one = path.match(/^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/);
    if (one) {
      const intent = this.intents.get(decodeURIComponent(one[1] as string));
      if (!intent)
        return {
          status: 404,
          body: {
            error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' },
          },
        };
      return { status: 200, body: intent };
    }
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    };
  }

  /** What Stripe.js does in the browser when the person completes the 3-D Secure step. */
  authenticate(intentId: string): void {
    const intent = this.intents.get(intentId);
    if (intent) Object.assign(intent, { status: 'succeeded', next_action: null, latest_charge: this.id('ch') });
  }

  posts(path: string | RegExp): Recorded[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }
}

describe('Stripe gateway adapter against a stand-in for the Stripe API', () => {
  const stripe = new StripeStandIn();
  let t: TestApp;
  let plans: Record<string, string>;
  const saved: Record<string, string | undefined> = {};
  const ENV = ['REEL_STRIPE_SECRET_KEY', 'REEL_STRIPE_API_HOST', 'REEL_STRIPE_API_PORT', 'REEL_STRIPE_API_PROTOCOL'];

  const send = async (who: TestCaller | null, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(who?.headers ?? {}), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers asserted field by field
    return { status: res.statusCode, body: (res.body ? res.json() : null) as any };
  };
  const withCard = async (pm: string) => {
    const who = await createViewer(t.app);
    const card = await send(who, 'POST', '/billing/payment-methods', { token: pm });
    assert.equal(card.status, 201, JSON.stringify(card.body));
    return { who, card: card.body as { id: string; last4: string; brand: string } };
  };
  const subscribe = (who: TestCaller, cardId: string, plan = 'basic') =>
    send(who, 'POST', '/billing/subscription', { plan_id: plans[plan], payment_method_id: cardId }, randomUUID());

  before(async () => {
    await new Promise<void>((resolve) => stripe.server.listen(0, '127.0.0.1', resolve));
    for (const k of ENV) saved[k] = process.env[k];
    // Billing reads these from the process environment when its routes are registered.
    process.env.REEL_STRIPE_SECRET_KEY = 'sk_test_standin';
    process.env.REEL_STRIPE_API_HOST = '127.0.0.1';
    process.env.REEL_STRIPE_API_PORT = String((stripe.server.address() as AddressInfo).port);
    process.env.REEL_STRIPE_API_PROTOCOL = 'http';
    t = await buildTestApp();
    const list = await send(null, 'GET', '/billing/plans');
    plans = Object.fromEntries((list.body.items as { code: string; id: string }[]).map((p) => [p.code, p.id]));
  });
  after(async () => {
    await t?.close();
    await new Promise<void>((resolve) => stripe.server.close(() => resolve()));
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('serves billing through Stripe: no sandbox, a customer per account, the PaymentMethod attached', async () => {
    assert.equal(t.app.billing.sandbox, null);
    assert.equal(t.app.billing.service.gateway.name, 'stripe');
    const { who, card } = await withCard('pm_card_visa');
    assert.equal(card.last4, '4242');
    assert.equal(card.brand, 'visa');
    const [customer] = stripe.posts('/v1/customers');
    assert.ok(customer);
    assert.equal(customer.headers.authorization, 'Bearer sk_test_standin');
    assert.equal(customer.form.get('metadata[reel_user_id]'), who.userId);
    assert.equal(customer.headers['idempotency-key'], `customer-${who.userId}`);
    const [attach] = stripe.posts('/v1/payment_methods/pm_card_visa/attach');
    assert.ok(attach);
    assert.match(attach.form.get('customer') ?? '', /^cus_/);

    // A second card of the same account reuses its customer.
    const before = stripe.posts('/v1/customers').length;
    assert.equal(
      (await send(who, 'POST', '/billing/payment-methods', { token: 'pm_card_chargeDeclined' })).status,
      201,
    );
    assert.equal(stripe.posts('/v1/customers').length, before);

    const unknown = await send(who, 'POST', '/billing/payment-methods', { token: 'pm_nope' });
    assert.ok(unknown.status >= 400, 'an unknown PaymentMethod is not saved');
  });

  it('charges in minor units, form-encoded, with the idempotency key of the invoice', async () => {
    const { who, card } = await withCard('pm_card_visa');
    const r = await subscribe(who, card.id, 'standard');
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.status, 'succeeded');
    assert.equal(r.body.invoice.status, 'paid');
    const charge = stripe.posts('/v1/payment_intents').at(-1) as Recorded;
    assert.match(String(charge.headers['content-type']), /^application\/x-www-form-urlencoded/);
    assert.equal(charge.form.get('amount'), String(r.body.invoice.total.amount));
    assert.equal(charge.form.get('amount'), '1399', 'integer minor units, US cents');
    assert.equal(charge.form.get('currency'), 'usd');
    assert.equal(charge.form.get('confirm'), 'true');
    assert.equal(charge.form.get('off_session'), 'false');
    assert.equal(charge.form.get('payment_method'), 'pm_card_visa');
    assert.match(charge.form.get('customer') ?? '', /^cus_/);
    assert.equal(charge.form.get('metadata[invoice_id]'), r.body.invoice.id);
    assert.equal(charge.headers['idempotency-key'], `${r.body.invoice.id}-1`);
    assert.ok(charge.headers['stripe-version'], 'the SDK pins an API version');
    assert.equal((await send(who, 'GET', '/billing/subscription')).body.plan_code, 'standard');
  });

  it('maps declines to the contract decline codes, and nothing is subscribed', async () => {
    const cases: [string, string][] = [
      ['pm_card_chargeDeclined', 'card_declined'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
    ];
    for (const [pm, code] of cases) {
      const { who, card } = await withCard(pm);
      const r = await subscribe(who, card.id);
      assert.equal(r.status, 402, `${pm}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'payment_failed');
      assert.equal(r.body.error.details.hint.decline_code, code, pm);
      assert.equal((await send(who, 'GET', '/billing/subscription')).body.plan_code, 'free');
    }
  });

  it('handles requires_action as the authentication step, confirmed by asking Stripe', async () => {
    const { who, card } = await withCard('pm_card_authenticationRequired');
    const first = await subscribe(who, card.id);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'requires_action');
    assert.equal(first.body.subscription.status, 'incomplete');
    assert.equal(first.body.action.gateway, 'stripe');
    const intent = stripe.posts('/v1/payment_intents').at(-1) as Recorded;
    assert.equal(intent.form.get('payment_method'), 'pm_card_authenticationRequired');

    // Not completed in the browser yet: Stripe still says requires_action, so it is refused.
    const early = await send(
      who,
      'POST',
      '/billing/subscription/confirm',
      { action_id: first.body.action.id },
      randomUUID(),
    );
    assert.equal(early.status, 402, JSON.stringify(early.body));
    assert.equal(early.body.error.details.hint.decline_code, 'authentication_failed');

    const again = await subscribe(who, card.id);
    assert.equal(again.body.status, 'requires_action');
    const pi = [...stripe.intents.values()].at(-1) as { id: string };
    stripe.authenticate(pi.id);
    const done = await send(
      who,
      'POST',
      '/billing/subscription/confirm',
      { action_id: again.body.action.id },
      randomUUID(),
    );
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'succeeded');
    assert.equal(done.body.subscription.status, 'active');
    assert.equal(done.body.invoice.status, 'paid');
    assert.ok(stripe.requests.some((r) => r.method === 'GET' && r.path === `/v1/payment_intents/${pi.id}`));
  });

  it('off-session (renewals): authentication_required is a decline, and a repeated key is one charge', async () => {
    const gateway = StripeGateway.fromEnv(process.env, t.app.db);
    const { card, who } = await withCard('pm_card_authenticationRequired');
    const [row] = (await send(who, 'GET', '/billing/payment-methods')).body.items as { id: string }[];
    assert.equal(row?.id, card.id);
    const customer = (
      stripe.posts('/v1/payment_methods/pm_card_authenticationRequired/attach').at(-1) as Recorded
    ).form.get('customer');
    const request = {
      userId: who.userId,
      cardRef: `${customer}/pm_card_authenticationRequired`,
      amount: 799,
      currency: 'USD',
      description: 'Reel Basic',
      idempotencyKey: `inv_test-${randomUUID()}`,
      offSession: true,
      metadata: { invoice_id: 'inv_test' },
    };
    await assert.rejects(gateway.charge(request), (e: unknown) => {
      assert.ok(e instanceof PaymentDeclined);
      assert.equal(e.code, 'authentication_failed');
      return true;
    });

    const ok = { ...request, cardRef: `${customer}/pm_card_visa`, offSession: false, idempotencyKey: randomUUID() };
    const a = await gateway.charge(ok);
    const b = await gateway.charge(ok);
    assert.equal(a.status, 'succeeded');
    assert.deepEqual(a, b, 'the same key: Stripe replays the same PaymentIntent');
    const sent = stripe.posts('/v1/payment_intents').filter((r) => r.headers['idempotency-key'] === ok.idempotencyKey);
    assert.equal(sent.length, 2);
    assert.equal(new Set(sent.map((r) => r.raw)).size, 1, 'the same body both times');
  });
});
