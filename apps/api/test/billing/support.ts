// Helpers of the billing tests: a signed-in caller with a saved card, calls with an Idempotency-Key.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createViewer, type TestCaller } from '../fixtures.js';

export const CARDS = {
  ok: '4242424242424242',
  decline: '4000000000000002',
  insufficient: '4000000000009995',
  expired: '4000000000000069',
  authenticate: '4000002500003155',
  chargeFails: '4000000000000341',
} as const;

export interface Res {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, asserted field by field
  body: any;
}

export function caller(app: FastifyInstance) {
  const send = async (
    who: TestCaller | null,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(who?.headers ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') && res.body ? res.json() : res.rawPayload };
  };
  const token = async (number: string) => {
    const r = await send(null, 'POST', '/integrations/sandbox-gateway/tokens', {
      number,
      exp_month: 12,
      exp_year: 2035,
      cvc: '123',
    });
    if (r.status !== 201) throw new Error(`tokenise ${number}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };
  const addCard = async (who: TestCaller, number: string, makeDefault?: boolean) =>
    send(who, 'POST', '/billing/payment-methods', {
      token: await token(number),
      ...(makeDefault ? { make_default: true } : {}),
    });
  const money = (who: TestCaller, url: string, body: unknown, key: string = randomUUID()) =>
    send(who, 'POST', url, body, { 'idempotency-key': key });
  const plans = async () => {
    const r = await send(null, 'GET', '/billing/plans');
    return Object.fromEntries((r.body.items as { code: string; id: string }[]).map((p) => [p.code, p.id])) as Record<
      string,
      string
    >;
  };
  /** A viewer with a saved card, subscribed to `plan` when given. */
  const subscriber = async (plan?: string, number: string = CARDS.ok, region = 'US') => {
    const who = await createViewer(app, { region });
    const card = await addCard(who, number);
    if (card.status !== 201) throw new Error(`card: ${card.status} ${JSON.stringify(card.body)}`);
    if (plan) {
      const ids = await plans();
      const r = await money(who, '/billing/subscription', { plan_id: ids[plan], payment_method_id: card.body.id });
      if (r.status !== 201) throw new Error(`subscribe: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return { who, card: card.body as { id: string } };
  };
  return { send, token, addCard, money, plans, subscriber };
}
