// The payment gateway adapter: what billing needs from a payment provider. The billing service
// sees tokens and references only, never card numbers. Two adapters: the built-in sandbox
// (sandbox-gateway.ts, the default) and Stripe (stripe-gateway.ts, when REEL_STRIPE_SECRET_KEY is set).
import type { BillingDeclineCode } from '@reel/contracts';

export type GatewayName = 'sandbox' | 'stripe';

/** A card as the gateway describes it. */
export interface GatewayCard {
  ref: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface ChargeRequest {
  /** The account the charge is for (a customer on the provider's side). */
  userId: string;
  cardRef: string;
  amount: number;
  currency: string;
  description: string;
  /** The provider's own idempotency key: one charge per key, however often it is sent. */
  idempotencyKey: string;
  /** Off-session (renewals): no one is there to complete an authentication step. */
  offSession: boolean;
  metadata: Record<string, string>;
}

export type ChargeResult =
  | { status: 'succeeded'; chargeRef: string }
  | { status: 'requires_action'; intentRef: string; clientSecret: string | null };

/** A refused payment: a decline code of the contract and a sentence for the person. */
export class PaymentDeclined extends Error {
  constructor(
    readonly code: BillingDeclineCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentDeclined';
  }
}

export const DECLINE_MESSAGES: Record<BillingDeclineCode, string> = {
  card_declined: 'Your card was declined. Try another card or ask your bank.',
  insufficient_funds: 'Your card was declined for insufficient funds. Try another card.',
  expired_card: 'Your card was declined because it has expired. Check the date or use another card.',
  incorrect_cvc: "Your card was declined: the security code doesn't match.",
  authentication_failed: 'The payment was declined because the authentication step was not completed.',
  processing_error: 'The payment could not be processed. Try again in a moment.',
};

export interface PaymentGateway {
  readonly name: GatewayName;
  /** Turns a single-use token into a saved card; a card that cannot be saved throws PaymentDeclined. */
  attach(userId: string, token: string): Promise<GatewayCard>;
  /** Removes a saved card on the provider's side. */
  detach(cardRef: string): Promise<void>;
  /** Charges a saved card; throws PaymentDeclined. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Completes an authentication step (`outcome` is the sandbox dialog's button; real gateways ask the provider). */
  confirm(intentRef: string, outcome: 'complete' | 'fail' | undefined): Promise<{ chargeRef: string }>;
}
