import * as z from 'zod/mini';
import { Id, Money, Region, Slug, Timestamp } from '../common.js';

// Plans, subscriptions, payment methods and invoices (§6, §35). Amounts are `Money`: integer
// minor units and an ISO 4217 currency. Credits are negative amounts.

/** Highest video quality a plan streams or downloads. */
export const BillingMaxQuality = z.enum(['480p', '720p', '1080p', '2160p']);
export type BillingMaxQuality = z.infer<typeof BillingMaxQuality>;

/** What a plan allows. The server enforces these where they bite and names the plan that would allow more. */
export const BillingEntitlements = z.object({
  max_quality: BillingMaxQuality,
  /** Streams the account may play at the same time. */
  concurrent_streams: z.int().check(z.minimum(1), z.maximum(10)),
  /** Profiles the account may have. */
  profiles: z.int().check(z.minimum(1), z.maximum(10)),
  /** Titles that may be downloaded at once; 0: no downloads. */
  downloads: z.int().check(z.minimum(0), z.maximum(500)),
  ad_free: z.boolean(),
});
export type BillingEntitlements = z.infer<typeof BillingEntitlements>;

export const BillingInterval = z.enum(['month', 'year']);
export type BillingInterval = z.infer<typeof BillingInterval>;

/** A plan as the plans page shows it. */
export const BillingPlan = z.object({
  id: Id,
  /** Stable code: `basic`, `standard`, `premium`. `free` is the tier without a subscription. */
  code: Slug,
  name: z.string(),
  description: z.string(),
  /** Price per interval, before tax. */
  price: Money,
  interval: BillingInterval,
  /** Free days before the first charge; 0 without a trial. */
  trial_days: z.int().check(z.minimum(0)),
  entitlements: BillingEntitlements,
  /** Short selling points, in order. */
  features: z.array(z.string()),
  /** Marked as the recommended plan in the comparison table. */
  highlighted: z.boolean(),
  /** Position in the comparison table. */
  order: z.int(),
  /** For a signed-in caller: whether this is the account's current plan. */
  is_current: z.optional(z.boolean()),
});
export type BillingPlan = z.infer<typeof BillingPlan>;

export const BillingSubscriptionStatus = z.enum(['trialing', 'active', 'past_due', 'grace', 'canceled', 'incomplete']);
export type BillingSubscriptionStatus = z.infer<typeof BillingSubscriptionStatus>;

export const BillingCardBrand = z.enum([
  'visa',
  'mastercard',
  'amex',
  'discover',
  'jcb',
  'diners',
  'unionpay',
  'unknown',
]);
export type BillingCardBrand = z.infer<typeof BillingCardBrand>;

/** A saved card. The billing API never sees card numbers, only the gateway's tokens. */
export const BillingPaymentMethod = z.object({
  id: Id,
  type: z.literal('card'),
  brand: BillingCardBrand,
  last4: z.string().check(z.regex(/^\d{4}$/)),
  exp_month: z.int().check(z.minimum(1), z.maximum(12)),
  exp_year: z.int(),
  /** Past its expiry date: cannot be charged. */
  expired: z.boolean(),
  /** Charged for renewals and used when none is named. */
  is_default: z.boolean(),
  created_at: Timestamp,
});
export type BillingPaymentMethod = z.infer<typeof BillingPaymentMethod>;

/** Card shown on an invoice or an authentication step. */
export const BillingCardRef = z.object({ brand: BillingCardBrand, last4: z.string().check(z.regex(/^\d{4}$/)) });

/**
 * A step the person must complete before a payment goes through (3-D Secure style). The UI shows
 * it in a dialog and then calls `POST /billing/subscription/confirm` with its `id`.
 */
export const BillingPaymentAction = z.object({
  id: Id,
  type: z.literal('authenticate'),
  /** Which gateway runs the step: the sandbox's own dialog, or the provider's hosted confirmation. */
  gateway: z.enum(['sandbox', 'stripe']),
  /** For the provider's client library (Stripe: the PaymentIntent client secret). Null for the sandbox. */
  client_secret: z.nullable(z.string()),
  /** What is being confirmed, to show in the dialog. */
  amount: Money,
  description: z.string(),
  payment_method: BillingCardRef,
  /** After this the step lapses and the subscription stays incomplete. */
  expires_at: Timestamp,
});
export type BillingPaymentAction = z.infer<typeof BillingPaymentAction>;

/** A failed renewal being retried: the banners on every page come from this. */
export const BillingDunning = z.object({
  /** `retrying`: charges retried on a schedule; `grace`: full access until `grace_ends_at`; then the free tier. */
  state: z.enum(['retrying', 'grace']),
  /** Attempts made so far (the first failed renewal is 1). */
  attempt: z.int().check(z.minimum(1)),
  max_attempts: z.int(),
  next_attempt_at: z.nullable(Timestamp),
  grace_ends_at: z.nullable(Timestamp),
  amount_due: Money,
  invoice_id: Id,
  /** Why the last attempt failed: a decline code (`insufficient_funds`, `expired_card` …) and a sentence. */
  last_failure: z.nullable(z.object({ code: z.string(), message: z.string() })),
  started_at: Timestamp,
});
export type BillingDunning = z.infer<typeof BillingDunning>;

export const BillingCancelReason = z.enum([
  'too_expensive',
  'not_enough_content',
  'technical_issues',
  'switching_service',
  'taking_a_break',
  'other',
]);
export type BillingCancelReason = z.infer<typeof BillingCancelReason>;

/** A change that takes effect later: a downgrade at period end. */
export const BillingScheduledChange = z.object({
  plan: BillingPlan,
  kind: z.enum(['downgrade', 'interval_change']),
  effective_at: Timestamp,
});

export const BillingSubscription = z.object({
  id: Id,
  status: BillingSubscriptionStatus,
  plan: BillingPlan,
  started_at: Timestamp,
  current_period_start: Timestamp,
  current_period_end: Timestamp,
  trial_end: z.nullable(Timestamp),
  /** Ends at `current_period_end` unless resumed before. */
  cancel_at_period_end: z.boolean(),
  cancellation: z.nullable(
    z.object({ reason: BillingCancelReason, feedback: z.nullable(z.string()), requested_at: Timestamp }),
  ),
  canceled_at: z.nullable(Timestamp),
  ended_at: z.nullable(Timestamp),
  scheduled_change: z.nullable(BillingScheduledChange),
  /** Set while a failed renewal is being retried (`past_due`, `grace`). */
  dunning: z.nullable(BillingDunning),
  /** An unfinished authentication step (`incomplete`), so the dialog can be reopened after a reload. */
  pending_action: z.nullable(BillingPaymentAction),
  /** The card charged for renewals. */
  payment_method: z.nullable(BillingPaymentMethod),
  latest_invoice_id: z.nullable(Id),
});
export type BillingSubscription = z.infer<typeof BillingSubscription>;

/** The account's billing state: its subscription (null on the free tier) and what it may do now. */
export const BillingSubscriptionState = z.object({
  subscription: z.nullable(BillingSubscription),
  /** Effective entitlements now (the free tier's without a subscription, full access during grace). */
  entitlements: BillingEntitlements,
  /** Code of the effective plan (`free` without a subscription). */
  plan_code: z.string(),
});
export type BillingSubscriptionState = z.infer<typeof BillingSubscriptionState>;

export const BillingInvoiceLineKind = z.enum(['subscription', 'proration', 'credit', 'tax']);

/**
 * One numbered invoice line. `amount` = `quantity` × `unit_amount`; credits are negative.
 * Subtotal = the sum of non-tax lines; tax = the sum of tax lines; total = subtotal + tax.
 */
export const BillingInvoiceLine = z.object({
  /** 1, 2, 3 … in display order. */
  number: z.int().check(z.minimum(1)),
  kind: BillingInvoiceLineKind,
  description: z.string(),
  quantity: z.int(),
  unit_amount: Money,
  amount: Money,
  /** The service period the line covers (prorations: the remaining part of the period). */
  period: z.nullable(z.object({ start: Timestamp, end: Timestamp })),
  plan_id: z.nullable(Id),
});
export type BillingInvoiceLine = z.infer<typeof BillingInvoiceLine>;

export const BillingInvoiceStatus = z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']);
export type BillingInvoiceStatus = z.infer<typeof BillingInvoiceStatus>;

/** The tax applied: a configurable rate per region. */
export const BillingTaxRate = z.object({
  region: Region,
  /** `VAT`, `Sales tax`. */
  name: z.string(),
  /** Basis points: 2000 = 20 %. */
  rate_bps: z.int().check(z.minimum(0), z.maximum(10000)),
  /** Whether prices already include it. */
  inclusive: z.boolean(),
});

/** An invoice in the billing history list. */
export const BillingInvoiceSummary = z.object({
  id: Id,
  /** Sequential, human-readable: `REEL-2026-000123`. */
  number: z.string(),
  status: BillingInvoiceStatus,
  billing_reason: z.enum(['subscription_create', 'subscription_cycle', 'subscription_update', 'manual']),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  total: Money,
  amount_due: Money,
  period_start: Timestamp,
  period_end: Timestamp,
  created_at: Timestamp,
  paid_at: z.nullable(Timestamp),
});
export type BillingInvoiceSummary = z.infer<typeof BillingInvoiceSummary>;

export const BillingInvoice = z.extend(BillingInvoiceSummary, {
  subscription_id: z.nullable(Id),
  lines: z.array(BillingInvoiceLine),
  subtotal: Money,
  tax: Money,
  tax_rate: z.nullable(BillingTaxRate),
  amount_paid: Money,
  due_at: z.nullable(Timestamp),
  payment_method: z.nullable(BillingCardRef),
  /** Whether `GET /billing/invoices/{id}/pdf` can be downloaded (not for drafts). */
  pdf_available: z.boolean(),
});
export type BillingInvoice = z.infer<typeof BillingInvoice>;

/** A proration preview: what changing plan would charge today and from the next period. */
export const BillingProrationPreview = z.object({
  current_plan: BillingPlan,
  new_plan: BillingPlan,
  /** Upgrades apply now and are prorated; downgrades apply at the period end and charge nothing today. */
  kind: z.enum(['upgrade', 'downgrade', 'interval_change']),
  effective: z.enum(['immediate', 'period_end']),
  effective_at: Timestamp,
  /** Pass to `change` so the charge is computed at the same instant as the preview. */
  proration_date: Timestamp,
  due_today: z.object({
    /** Credit for the unused part of the current plan, charge for the rest of the period, tax. */
    lines: z.array(BillingInvoiceLine),
    subtotal: Money,
    tax: Money,
    total: Money,
  }),
  next_period: z.object({ starts_at: Timestamp, amount: Money }),
  payment_method: z.nullable(BillingCardRef),
});
export type BillingProrationPreview = z.infer<typeof BillingProrationPreview>;

/**
 * The answer of a request that may charge: it went through (`succeeded`), was scheduled for the
 * period end (`scheduled`), or waits for an authentication step (`requires_action`, with `action`).
 * A decline is a 402 `payment_failed` error whose `details.hint.decline_code` is a `BillingDeclineCode`.
 */
export const BillingChangeResult = z.object({
  status: z.enum(['succeeded', 'scheduled', 'requires_action']),
  subscription: BillingSubscription,
  invoice: z.nullable(BillingInvoice),
  action: z.nullable(BillingPaymentAction),
});
export type BillingChangeResult = z.infer<typeof BillingChangeResult>;

/** Why a card was declined, in `error.details.hint.decline_code` of a 402. */
export const BillingDeclineCode = z.enum([
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'authentication_failed',
  'processing_error',
]);
export type BillingDeclineCode = z.infer<typeof BillingDeclineCode>;

// Requests

export const BillingSubscribeBody = z.object({
  plan_id: Id,
  payment_method_id: Id,
});

export const BillingChangeBody = z.object({
  plan_id: Id,
  /** The `proration_date` of the preview the person saw. */
  proration_date: z.optional(Timestamp),
});

export const BillingConfirmBody = z.object({
  action_id: Id,
  /**
   * Sandbox gateway only: the button pressed in its authentication dialog. Real gateways ignore it
   * and the server asks the gateway how the step ended.
   */
  outcome: z.optional(z.enum(['complete', 'fail'])),
});

export const BillingCancelBody = z.object({
  reason: BillingCancelReason,
  feedback: z.optional(z.string().check(z.maxLength(2000))),
});

export const BillingAddPaymentMethodBody = z.object({
  /** A payment-method token from the gateway's tokenisation (never card details). */
  token: z.string().check(z.minLength(1), z.maxLength(255)),
  make_default: z.optional(z.boolean()),
});

/** Card details, sent only to the sandbox gateway's own tokenisation route. */
export const SandboxCardDetails = z.object({
  /** Digits only, 12–19 of them. */
  number: z.string().check(z.regex(/^\d{12,19}$/)),
  exp_month: z.int().check(z.minimum(1), z.maximum(12)),
  exp_year: z.int().check(z.minimum(2000), z.maximum(2100)),
  cvc: z.string().check(z.regex(/^\d{3,4}$/)),
});
export type SandboxCardDetails = z.infer<typeof SandboxCardDetails>;

export const SandboxCardToken = z.object({
  /** Single-use; `POST /billing/payment-methods` takes it. */
  token: z.string(),
  card: z.object({ brand: BillingCardBrand, last4: z.string(), exp_month: z.int(), exp_year: z.int() }),
  expires_at: Timestamp,
});

/**
 * An event from the payment gateway, signed (HMAC-SHA256 over timestamp and body, in the
 * signature header). Each `id` is processed once; unknown `type`s are acknowledged and ignored.
 */
export const BillingWebhookEvent = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(255)),
  /** `payment.succeeded`, `payment.failed`, `payment.requires_action`, `charge.refunded` … */
  type: z.string().check(z.minLength(1), z.maxLength(100)),
  /** ISO 8601 from the sandbox gateway; Unix seconds as Stripe sends them. */
  created: z.union([Timestamp, z.int()]),
  data: z.object({
    object: z.record(z.string(), z.unknown()),
    previous_attributes: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type BillingWebhookEvent = z.infer<typeof BillingWebhookEvent>;
