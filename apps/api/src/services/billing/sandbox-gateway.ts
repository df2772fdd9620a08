// The built-in sandbox gateway: behaves like a payment provider, on this machine. Card details go
// to its own tokenisation route (POST /integrations/sandbox-gateway/tokens) and come back as a
// single-use token; billing only ever sees tokens and card references. Stripe's published test
// numbers pick the behaviour; its events go to the webhook route, signed, retried with backoff.
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sandboxCards, sandboxCharges, sandboxWebhookDeliveries } from '../../db/schema/index.js';
import { HttpError } from '../../http/errors.js';
import { newId } from '../../ids.js';
import type { Clock } from './clock.js';
import {
  type ChargeRequest,
  type ChargeResult,
  DECLINE_MESSAGES,
  type GatewayCard,
  PaymentDeclined,
  type PaymentGateway,
} from './gateway.js';

/** What a test card number does (Stripe's published numbers; any other valid number succeeds). */
export type CardBehaviour = 'succeed' | 'decline' | 'insufficient_funds' | 'expired' | 'authenticate' | 'charge_fails';

const TEST_CARDS: Record<string, CardBehaviour> = {
  '4000000000000002': 'decline',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired',
  '4000002500003155': 'authenticate',
  '4000002760003184': 'authenticate',
  '4000000000000341': 'charge_fails',
};

/** The brand from the number's prefix. */
export function brandOf(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  if (/^35/.test(number)) return 'jcb';
  if (/^3(0[0-5]|[68])/.test(number)) return 'diners';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

/** The Luhn checksum every card number carries. */
export function luhnOk(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const TOKEN_TTL_MS = 15 * 60 * 1000;

export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox' as const;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The tokenisation route's work: validates the card and answers a single-use token. */
  async tokenize(details: { number: string; exp_month: number; exp_year: number; cvc: string }) {
    if (!luhnOk(details.number))
      throw new HttpError(422, 'invalid_card_number', 'The card number is not valid', {
        fields: [{ field: 'number', message: 'not a valid card number' }],
      });
    const now = this.clock.now();
    const endOfExpiry = Date.UTC(details.exp_year, details.exp_month, 1);
    if (endOfExpiry <= now.getTime())
      throw new HttpError(422, 'invalid_expiry', 'The card has expired', {
        fields: [{ field: 'exp_year', message: 'the expiry date is in the past' }],
      });
    const brand = brandOf(details.number);
    if (brand === 'amex' ? details.cvc.length !== 4 : details.cvc.length !== 3)
      throw new HttpError(422, 'invalid_cvc', 'The security code is not valid', {
        fields: [{ field: 'cvc', message: brand === 'amex' ? '4 digits' : '3 digits' }],
      });
    const token = `tok_sandbox_${newId('x', 24).slice(2)}`;
    const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
    await this.db.insert(sandboxCards).values({
      id: newId('pm_sandbox'),
      token,
      brand,
      last4: details.number.slice(-4),
      expMonth: details.exp_month,
      expYear: details.exp_year,
      behaviour: TEST_CARDS[details.number] ?? 'succeed',
      tokenExpiresAt: expiresAt,
    });
    return {
      token,
      card: { brand, last4: details.number.slice(-4), exp_month: details.exp_month, exp_year: details.exp_year },
      expires_at: expiresAt.toISOString(),
    };
  }

  async attach(_userId: string, token: string): Promise<GatewayCard> {
    const now = this.clock.now();
    // Single use: the first attach takes the token.
    const [card] = await this.db
      .update(sandboxCards)
      .set({ tokenUsedAt: now })
      .where(and(eq(sandboxCards.token, token), isNull(sandboxCards.tokenUsedAt)))
      .returning();
    if (!card || card.tokenExpiresAt.getTime() < now.getTime())
      throw new HttpError(
        422,
        'invalid_token',
        'That payment token is unknown, used or expired: enter the card again',
        {
          fields: [{ field: 'token', message: 'unknown, used or expired' }],
        },
      );
    // Like Stripe, saving a card checks it with the issuer: these numbers are refused here.
    if (card.behaviour === 'decline') throw new PaymentDeclined('card_declined', DECLINE_MESSAGES.card_declined);
    if (card.behaviour === 'insufficient_funds')
      throw new PaymentDeclined('insufficient_funds', DECLINE_MESSAGES.insufficient_funds);
    if (card.behaviour === 'expired') throw new PaymentDeclined('expired_card', DECLINE_MESSAGES.expired_card);
    return { ref: card.id, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
  }

  async detach(): Promise<void> {}

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const [earlier] = await this.db
      .select()
      .from(sandboxCharges)
      .where(eq(sandboxCharges.idempotencyKey, request.idempotencyKey));
    if (earlier) return this.#result(earlier);
    const [card] = await this.db.select().from(sandboxCards).where(eq(sandboxCards.id, request.cardRef));
    if (!card) throw new PaymentDeclined('processing_error', DECLINE_MESSAGES.processing_error);
    let status: 'succeeded' | 'failed' | 'requires_action' = 'succeeded';
    let failureCode: string | null = null;
    if (card.behaviour === 'charge_fails' || card.behaviour === 'decline') {
      status = 'failed';
      failureCode = 'card_declined';
    } else if (card.behaviour === 'insufficient_funds') {
      status = 'failed';
      failureCode = 'insufficient_funds';
    } else if (card.behaviour === 'expired') {
      status = 'failed';
      failureCode = 'expired_card';
    } else if (card.behaviour === 'authenticate') {
      if (request.offSession) {
        status = 'failed';
        failureCode = 'authentication_failed';
      } else status = 'requires_action';
    }
    const id = newId('ch_sandbox');
    const inserted = await this.db
      .insert(sandboxCharges)
      .values({
        id,
        cardId: card.id,
        amount: request.amount,
        currency: request.currency,
        status,
        failureCode,
        idempotencyKey: request.idempotencyKey,
        description: request.description,
      })
      .onConflictDoNothing()
      .returning();
    const row =
      inserted[0] ??
      (await this.db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, request.idempotencyKey)))[0];
    if (!row) throw new PaymentDeclined('processing_error', DECLINE_MESSAGES.processing_error);
    if (inserted[0]) await this.#emit(row, request.metadata);
    return this.#result(row);
  }

  async confirm(intentRef: string, outcome: 'complete' | 'fail' | undefined): Promise<{ chargeRef: string }> {
    const [row] = await this.db
      .update(sandboxCharges)
      .set(
        outcome === 'fail'
          ? { status: 'failed', failureCode: 'authentication_failed' }
          : { status: 'succeeded', failureCode: null },
      )
      .where(and(eq(sandboxCharges.id, intentRef), eq(sandboxCharges.status, 'requires_action')))
      .returning();
    if (!row) {
      const [done] = await this.db.select().from(sandboxCharges).where(eq(sandboxCharges.id, intentRef));
      if (done?.status === 'succeeded') return { chargeRef: done.id };
      throw new PaymentDeclined('authentication_failed', DECLINE_MESSAGES.authentication_failed);
    }
    await this.#emit(row, {});
    if (row.status === 'failed')
      throw new PaymentDeclined('authentication_failed', DECLINE_MESSAGES.authentication_failed);
    return { chargeRef: row.id };
  }

  #result(row: typeof sandboxCharges.$inferSelect): ChargeResult {
    if (row.status === 'succeeded') return { status: 'succeeded', chargeRef: row.id };
    if (row.status === 'requires_action') return { status: 'requires_action', intentRef: row.id, clientSecret: null };
    const code = (row.failureCode ?? 'card_declined') as keyof typeof DECLINE_MESSAGES;
    throw new PaymentDeclined(code, DECLINE_MESSAGES[code] ?? DECLINE_MESSAGES.card_declined);
  }

  /** Queues the charge's event for the webhook route (sent by `deliverDue`). */
  async #emit(row: typeof sandboxCharges.$inferSelect, metadata: Record<string, string>): Promise<void> {
    const type =
      row.status === 'succeeded'
        ? 'payment.succeeded'
        : row.status === 'requires_action'
          ? 'payment.requires_action'
          : 'payment.failed';
    const event = {
      id: newId('evt_sandbox'),
      type,
      created: this.clock.now().toISOString(),
      data: {
        object: {
          id: row.id,
          amount: row.amount,
          currency: row.currency,
          status: row.status,
          failure_code: row.failureCode,
          metadata,
        },
      },
    };
    await this.db.insert(sandboxWebhookDeliveries).values({
      id: event.id,
      body: JSON.stringify(event),
      nextAttemptAt: this.clock.now(),
    });
  }

  /**
   * Sends the events that are due to `post` (the webhook route, signed by the caller); one not
   * acknowledged with a 2xx is retried with exponential backoff (10 s, 20 s, 40 s … up to an hour).
   */
  async deliverDue(post: (body: string) => Promise<number>, limit = 25): Promise<number> {
    const now = this.clock.now();
    const due = await this.db
      .select()
      .from(sandboxWebhookDeliveries)
      .where(and(isNull(sandboxWebhookDeliveries.deliveredAt), lte(sandboxWebhookDeliveries.nextAttemptAt, now)))
      .orderBy(sandboxWebhookDeliveries.createdAt)
      .limit(limit);
    let delivered = 0;
    for (const d of due) {
      let status = 0;
      try {
        status = await post(d.body);
      } catch {
        status = 0;
      }
      const attempts = d.attempts + 1;
      if (status >= 200 && status < 300) {
        delivered++;
        await this.db
          .update(sandboxWebhookDeliveries)
          .set({ attempts, deliveredAt: this.clock.now(), lastStatus: status })
          .where(eq(sandboxWebhookDeliveries.id, d.id));
      } else {
        const backoff = Math.min(3600_000, 10_000 * 2 ** (attempts - 1));
        await this.db
          .update(sandboxWebhookDeliveries)
          .set({ attempts, lastStatus: status, nextAttemptAt: new Date(this.clock.now().getTime() + backoff) })
          .where(eq(sandboxWebhookDeliveries.id, d.id));
      }
    }
    return delivered;
  }
}
