import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.js';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });
const createdAt = () => ts().notNull().defaultNow();

/**
 * Plans on sale (§6, §35), edited by staff. Prices are integer minor units and an ISO 4217
 * currency; the entitlements are enforced where they bite (player, profiles, downloads).
 * `free` is the tier without a subscription (price 0, never subscribed to).
 */
export const billingPlans = pgTable(
  'billing_plans',
  {
    id: text().primaryKey(),
    code: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    priceAmount: integer().notNull(),
    currency: text().notNull(),
    interval: text({ enum: ['month', 'year'] }).notNull(),
    trialDays: integer().notNull().default(0),
    maxQuality: text({ enum: ['480p', '720p', '1080p', '2160p'] }).notNull(),
    concurrentStreams: integer().notNull(),
    profiles: integer().notNull(),
    downloads: integer().notNull(),
    adFree: boolean().notNull(),
    features: jsonb().$type<string[]>().notNull().default([]),
    highlighted: boolean().notNull().default(false),
    order: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    archivedAt: ts(),
  },
  (t) => [uniqueIndex('billing_plans_code_key').on(t.code)],
);

/** Saved cards: the gateway's reference and what may be shown (never a card number). */
export const billingPaymentMethods = pgTable(
  'billing_payment_methods',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    gateway: text({ enum: ['sandbox', 'stripe'] }).notNull(),
    gatewayRef: text().notNull(),
    brand: text().notNull(),
    last4: text().notNull(),
    expMonth: integer().notNull(),
    expYear: integer().notNull(),
    isDefault: boolean().notNull().default(false),
    createdAt: createdAt(),
    removedAt: ts(),
  },
  (t) => [index('billing_payment_methods_user_idx').on(t.userId, t.createdAt)],
);

/** Where a failed renewal stands (`past_due` / `grace`). */
export interface DunningState {
  state: 'retrying' | 'grace';
  attempt: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  graceEndsAt: string | null;
  invoiceId: string;
  lastFailure: { code: string; message: string } | null;
  startedAt: string;
}

/**
 * One subscription per account at a time (a partial unique index on the live ones): the period,
 * cancellation, a scheduled downgrade and dunning. `periodPaid` is what was paid for the current
 * period before tax, so a proration credit never exceeds it. `gatewaySeq` is the highest
 * gateway event sequence applied, so events arriving out of order never move it backwards.
 */
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    planId: text()
      .notNull()
      .references(() => billingPlans.id),
    status: text({ enum: ['trialing', 'active', 'past_due', 'grace', 'canceled', 'incomplete'] }).notNull(),
    startedAt: ts().notNull(),
    currentPeriodStart: ts().notNull(),
    currentPeriodEnd: ts().notNull(),
    trialEnd: ts(),
    periodPaid: integer().notNull().default(0),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    cancelReason: text(),
    cancelFeedback: text(),
    cancelRequestedAt: ts(),
    canceledAt: ts(),
    endedAt: ts(),
    scheduledPlanId: text().references(() => billingPlans.id),
    paymentMethodId: text(),
    latestInvoiceId: text(),
    dunning: jsonb().$type<DunningState>(),
    pendingActionId: text(),
    gatewaySeq: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('billing_subscriptions_live_key').on(t.userId).where(sql`ended_at is null`),
    index('billing_subscriptions_period_idx').on(t.status, t.currentPeriodEnd),
  ],
);

/** One stored invoice line (the contract's `BillingInvoiceLine` without the currency). */
export interface StoredLine {
  number: number;
  kind: 'subscription' | 'proration' | 'credit' | 'tax';
  description: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  period: { start: string; end: string } | null;
  planId: string | null;
}

export const billingInvoices = pgTable(
  'billing_invoices',
  {
    id: text().primaryKey(),
    number: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subscriptionId: text(),
    status: text({ enum: ['draft', 'open', 'paid', 'void', 'uncollectible'] }).notNull(),
    billingReason: text({
      enum: ['subscription_create', 'subscription_cycle', 'subscription_update', 'manual'],
    }).notNull(),
    currency: text().notNull(),
    lines: jsonb().$type<StoredLine[]>().notNull(),
    subtotal: integer().notNull(),
    tax: integer().notNull(),
    total: integer().notNull(),
    amountPaid: integer().notNull().default(0),
    taxRate: jsonb().$type<{ region: string; name: string; rate_bps: number; inclusive: boolean } | null>(),
    paymentMethod: jsonb().$type<{ brand: string; last4: string } | null>(),
    periodStart: ts().notNull(),
    periodEnd: ts().notNull(),
    dueAt: ts(),
    paidAt: ts(),
    chargeRef: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('billing_invoices_number_key').on(t.number),
    index('billing_invoices_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Counters (invoice numbers), bumped with `update … returning`. */
export const billingCounters = pgTable('billing_counters', {
  name: text().primaryKey(),
  value: integer().notNull(),
});

/**
 * Requests that can move money, by account and `Idempotency-Key`: the first one runs
 * (`in_flight`), then its answer is kept and replayed for the same key and body.
 */
export const billingIdempotency = pgTable(
  'billing_idempotency',
  {
    userId: text().notNull(),
    key: text().notNull(),
    operation: text().notNull(),
    bodyHash: text().notNull(),
    state: text({ enum: ['in_flight', 'done'] }).notNull(),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** An authentication step (3-D Secure style) waiting for the person. */
export const billingPaymentActions = pgTable('billing_payment_actions', {
  id: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  subscriptionId: text().notNull(),
  invoiceId: text().notNull(),
  purpose: text({ enum: ['subscribe', 'change'] }).notNull(),
  /** For a change: the plan it moves to and the period charge after it. */
  planId: text(),
  gateway: text({ enum: ['sandbox', 'stripe'] }).notNull(),
  intentRef: text().notNull(),
  clientSecret: text(),
  amount: integer().notNull(),
  currency: text().notNull(),
  description: text().notNull(),
  card: jsonb().$type<{ brand: string; last4: string }>().notNull(),
  status: text({ enum: ['pending', 'succeeded', 'failed'] }).notNull(),
  expiresAt: ts().notNull(),
  createdAt: createdAt(),
});

/** Gateway events received, by id: each is applied once. */
export const billingWebhookEvents = pgTable('billing_webhook_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  receivedAt: createdAt(),
});

// ─── The sandbox gateway's own tables (what a provider keeps on its side) ──────────────────────

/** Single-use tokens from the sandbox's tokenisation route, and the cards they became. */
export const sandboxCards = pgTable(
  'sandbox_cards',
  {
    id: text().primaryKey(),
    /** `tok_…` until used; the card is then `pm_…` (the id). */
    token: text().notNull(),
    brand: text().notNull(),
    last4: text().notNull(),
    expMonth: integer().notNull(),
    expYear: integer().notNull(),
    /** What the test number does: `succeed`, `decline`, `insufficient_funds`, `expired`, `authenticate`, `charge_fails`. */
    behaviour: text().notNull(),
    tokenUsedAt: ts(),
    tokenExpiresAt: ts().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sandbox_cards_token_key').on(t.token)],
);

/** Charges the sandbox made (a charge with an idempotency key is made once). */
export const sandboxCharges = pgTable(
  'sandbox_charges',
  {
    id: text().primaryKey(),
    cardId: text().notNull(),
    amount: integer().notNull(),
    currency: text().notNull(),
    status: text({ enum: ['succeeded', 'failed', 'requires_action'] }).notNull(),
    failureCode: text(),
    idempotencyKey: text(),
    description: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sandbox_charges_idem_key').on(t.idempotencyKey)],
);

/** Events the sandbox sends to the webhook route, retried with backoff until acknowledged. */
export const sandboxWebhookDeliveries = pgTable(
  'sandbox_webhook_deliveries',
  {
    id: text().primaryKey(),
    body: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ts().notNull(),
    deliveredAt: ts(),
    lastStatus: integer(),
    createdAt: createdAt(),
  },
  (t) => [index('sandbox_webhook_deliveries_due_idx').on(t.deliveredAt, t.nextAttemptAt)],
);
