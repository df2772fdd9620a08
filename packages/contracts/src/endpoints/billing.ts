import * as z from 'zod/mini';
import { Id, PageQuery, page, Region } from '../common.js';
import { Auth, BodyKind, defineEndpoint, Retry } from '../endpoint.js';
import {
  BillingAddPaymentMethodBody,
  BillingCancelBody,
  BillingChangeBody,
  BillingChangeResult,
  BillingConfirmBody,
  BillingInvoice,
  BillingInvoiceStatus,
  BillingInvoiceSummary,
  BillingPaymentMethod,
  BillingPlan,
  BillingProrationPreview,
  BillingSubscribeBody,
  BillingSubscription,
  BillingSubscriptionState,
  BillingWebhookEvent,
  SandboxCardDetails,
  SandboxCardToken,
} from '../schemas/billing.js';

const IdParams = z.object({ id: Id });
const PaymentMethods = z.object({ items: z.array(BillingPaymentMethod) });

export const billingPlans = defineEndpoint({
  operation: 'billing.plans',
  method: 'GET',
  path: '/billing/plans',
  summary: 'The plans on sale, with prices for the region and entitlements; the current one marked',
  query: z.object({ region: z.optional(Region) }),
  response: z.object({ region: Region, items: z.array(BillingPlan) }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingSubscription = defineEndpoint({
  operation: 'billing.subscription',
  method: 'GET',
  path: '/billing/subscription',
  summary: "The account's subscription (null on the free tier), dunning state and effective entitlements",
  response: BillingSubscriptionState,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing', 'reel-shell'],
});

export const billingSubscribe = defineEndpoint({
  operation: 'billing.subscribe',
  method: 'POST',
  path: '/billing/subscription',
  summary: 'Subscribe to a plan (trial first if it has one); may answer requires_action for authentication',
  body: BillingSubscribeBody,
  status: 201,
  response: BillingChangeResult,
  errors: [402, 409, 422],
  auth: Auth.session,
  reauth: true,
  retry: Retry.idempotencyKey,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingConfirm = defineEndpoint({
  operation: 'billing.confirm',
  method: 'POST',
  path: '/billing/subscription/confirm',
  summary: 'Complete an authentication step (requires_action) of a subscribe or change',
  body: BillingConfirmBody,
  response: BillingChangeResult,
  errors: [402, 409],
  auth: Auth.session,
  retry: Retry.idempotencyKey,
  origin: 'added',
  usedBy: ['reel-billing'],
});

export const billingPreviewChange = defineEndpoint({
  operation: 'billing.previewChange',
  method: 'POST',
  path: '/billing/subscription/preview-change',
  summary: "Proration preview of a plan change: today's charge lines and the next period's amount",
  body: z.object({ plan_id: Id }),
  response: BillingProrationPreview,
  errors: [409],
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingChange = defineEndpoint({
  operation: 'billing.change',
  method: 'POST',
  path: '/billing/subscription/change',
  summary: 'Change plan: upgrades now with proration, downgrades scheduled for the period end',
  body: BillingChangeBody,
  response: BillingChangeResult,
  errors: [402, 409, 422],
  auth: Auth.session,
  reauth: true,
  retry: Retry.idempotencyKey,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingCancel = defineEndpoint({
  operation: 'billing.cancel',
  method: 'POST',
  path: '/billing/subscription/cancel',
  summary: 'Cancel at the end of the period, with a reason and feedback',
  body: BillingCancelBody,
  response: BillingSubscription,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingResume = defineEndpoint({
  operation: 'billing.resume',
  method: 'POST',
  path: '/billing/subscription/resume',
  summary: 'Undo a cancellation (or a scheduled downgrade) before the period ends',
  response: BillingSubscription,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingPaymentMethods = defineEndpoint({
  operation: 'billing.paymentMethods',
  method: 'GET',
  path: '/billing/payment-methods',
  summary: 'Saved cards, the default first',
  response: PaymentMethods,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingAddPaymentMethod = defineEndpoint({
  operation: 'billing.addPaymentMethod',
  method: 'POST',
  path: '/billing/payment-methods',
  summary: "Save a card from the gateway's payment-method token",
  body: BillingAddPaymentMethodBody,
  status: 201,
  response: BillingPaymentMethod,
  errors: [402, 422],
  auth: Auth.session,
  reauth: true,
  retry: Retry.idempotencyKey,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingRemovePaymentMethod = defineEndpoint({
  operation: 'billing.removePaymentMethod',
  method: 'DELETE',
  path: '/billing/payment-methods/{id}',
  summary: 'Remove a card (409 for the default card of a live subscription while it is the only one)',
  params: IdParams,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingSetDefaultPaymentMethod = defineEndpoint({
  operation: 'billing.setDefaultPaymentMethod',
  method: 'POST',
  path: '/billing/payment-methods/{id}/default',
  summary: 'Make a card the default for renewals (and for retrying a failed one)',
  params: IdParams,
  response: PaymentMethods,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingInvoices = defineEndpoint({
  operation: 'billing.invoices',
  method: 'GET',
  path: '/billing/invoices',
  summary: 'Billing history, newest first',
  query: z.extend(PageQuery, { status: z.optional(BillingInvoiceStatus) }),
  response: page(BillingInvoiceSummary),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingInvoice = defineEndpoint({
  operation: 'billing.invoice',
  method: 'GET',
  path: '/billing/invoices/{id}',
  summary: 'One invoice with its numbered lines, tax and totals',
  params: IdParams,
  response: BillingInvoice,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-billing'],
});

export const billingInvoicePdf = defineEndpoint({
  operation: 'billing.invoicePdf',
  method: 'GET',
  path: '/billing/invoices/{id}/pdf',
  summary: 'The invoice as a PDF download (application/pdf)',
  params: IdParams,
  status: 200,
  bodyKind: BodyKind.file,
  errors: [409],
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-billing'],
});

/**
 * Plans, subscription lifecycle, payment methods and invoices (§6, §35). Every change needs a
 * recent re-authentication and is written to the account's audit log; everything that can move
 * money takes an `Idempotency-Key`.
 */
export const billing = {
  plans: billingPlans,
  subscription: billingSubscription,
  subscribe: billingSubscribe,
  confirm: billingConfirm,
  previewChange: billingPreviewChange,
  change: billingChange,
  cancel: billingCancel,
  resume: billingResume,
  paymentMethods: billingPaymentMethods,
  addPaymentMethod: billingAddPaymentMethod,
  removePaymentMethod: billingRemovePaymentMethod,
  setDefaultPaymentMethod: billingSetDefaultPaymentMethod,
  invoices: billingInvoices,
  invoice: billingInvoice,
  invoicePdf: billingInvoicePdf,
} as const;

export const integrationsPaymentWebhook = defineEndpoint({
  operation: 'integrations.paymentWebhook',
  method: 'POST',
  path: '/integrations/webhooks/payment',
  summary: 'Signed gateway event; bad or stale signature answers 400, a replayed event id changes nothing',
  body: BillingWebhookEvent,
  response: z.object({ received: z.literal(true), duplicate: z.boolean() }),
  auth: Auth.signature,
  retry: Retry.safe,
  origin: 'I',
});

export const integrationsSandboxToken = defineEndpoint({
  operation: 'integrations.sandboxToken',
  method: 'POST',
  path: '/integrations/sandbox-gateway/tokens',
  summary: 'Sandbox gateway: turn card details into a single-use payment-method token',
  body: SandboxCardDetails,
  status: 201,
  response: SandboxCardToken,
  errors: [422],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'added',
  usedBy: ['reel-billing'],
});

/** Calls from the payment gateway, and the sandbox gateway's own tokenisation. */
export const integrations = {
  paymentWebhook: integrationsPaymentWebhook,
  sandboxToken: integrationsSandboxToken,
} as const;
