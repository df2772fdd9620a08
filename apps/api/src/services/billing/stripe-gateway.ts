// The Stripe adapter, on the official SDK: used when REEL_STRIPE_SECRET_KEY is set. Cards are
// collected by Stripe's hosted fields in the browser, which give a PaymentMethod id (`pm_…`): that
// is the token billing receives. A saved card's reference is `cus_…/pm_…` (the customer it is
// attached to). REEL_STRIPE_API_HOST/PORT/PROTOCOL point the SDK elsewhere (the tests' stand-in).
import type { BillingDeclineCode } from '@reel/contracts';
import { and, eq, like } from 'drizzle-orm';
import Stripe from 'stripe';
import type { Db } from '../../db/client.js';
import { billingPaymentMethods } from '../../db/schema/index.js';
import {
  type ChargeRequest,
  type ChargeResult,
  DECLINE_MESSAGES,
  type GatewayCard,
  PaymentDeclined,
  type PaymentGateway,
} from './gateway.js';

const KNOWN: readonly string[] = Object.keys(DECLINE_MESSAGES);

/** A Stripe error as a decline of the contract. */
function declined(error: unknown): PaymentDeclined | null {
  const e = error as { type?: string; code?: string; decline_code?: string; message?: string };
  if (e?.type !== 'StripeCardError') return null;
  // The SDK sets `decline_code` to '' when Stripe sends none (an expired card has only `code`), and a
  // generic `decline_code` (`generic_decline`, `do_not_honor`) says less than a specific `code`: the
  // first of the two the contract knows wins.
  const raws = [e.decline_code, e.code].filter((r): r is string => !!r);
  const known = raws.map((r) => (r === 'authentication_required' ? 'authentication_failed' : r));
  const code = (known.find((r) => KNOWN.includes(r)) ?? 'card_declined') as BillingDeclineCode;
  return new PaymentDeclined(code, DECLINE_MESSAGES[code]);
}

export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe' as const;

  constructor(
    private readonly stripe: Stripe,
    private readonly db: Db,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv, db: Db): StripeGateway {
    const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000 };
    if (env.REEL_STRIPE_API_HOST) config.host = env.REEL_STRIPE_API_HOST;
    if (env.REEL_STRIPE_API_PORT) config.port = Number(env.REEL_STRIPE_API_PORT);
    if (env.REEL_STRIPE_API_PROTOCOL === 'http' || env.REEL_STRIPE_API_PROTOCOL === 'https')
      config.protocol = env.REEL_STRIPE_API_PROTOCOL;
    return new StripeGateway(new Stripe(env.REEL_STRIPE_SECRET_KEY as string, config), db);
  }

  async #customer(userId: string): Promise<string> {
    const [row] = await this.db
      .select({ ref: billingPaymentMethods.gatewayRef })
      .from(billingPaymentMethods)
      .where(and(eq(billingPaymentMethods.userId, userId), like(billingPaymentMethods.gatewayRef, 'cus_%')))
      .limit(1);
    if (row) return row.ref.split('/')[0] as string;
    const customer = await this.stripe.customers.create(
      { metadata: { reel_user_id: userId } },
      { idempotencyKey: `customer-${userId}` },
    );
    return customer.id;
  }

  async attach(userId: string, token: string): Promise<GatewayCard> {
    const customer = await this.#customer(userId);
    try {
      const pm = await this.stripe.paymentMethods.attach(token, { customer });
      const card = pm.card;
      return {
        ref: `${customer}/${pm.id}`,
        brand: card?.brand ?? 'unknown',
        last4: card?.last4 ?? '0000',
        expMonth: card?.exp_month ?? 1,
        expYear: card?.exp_year ?? 2000,
      };
    } catch (error) {
      throw declined(error) ?? error;
    }
  }

  async detach(cardRef: string): Promise<void> {
    const pm = cardRef.split('/')[1];
    if (pm) await this.stripe.paymentMethods.detach(pm).catch(() => undefined);
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const [customer, pm] = request.cardRef.split('/') as [string, string];
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amount,
          currency: request.currency.toLowerCase(),
          customer,
          payment_method: pm,
          confirm: true,
          off_session: request.offSession,
          description: request.description,
          metadata: request.metadata,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (intent.status === 'succeeded') return { status: 'succeeded', chargeRef: intent.id };
      if (intent.status === 'requires_action')
        return { status: 'requires_action', intentRef: intent.id, clientSecret: intent.client_secret };
      throw new PaymentDeclined('processing_error', DECLINE_MESSAGES.processing_error);
    } catch (error) {
      throw declined(error) ?? error;
    }
  }

  async confirm(intentRef: string): Promise<{ chargeRef: string }> {
    const intent = await this.stripe.paymentIntents.retrieve(intentRef);
    if (intent.status === 'succeeded') return { chargeRef: intent.id };
    throw new PaymentDeclined('authentication_failed', DECLINE_MESSAGES.authentication_failed);
  }
}
