// The billing service (§6, §35): plans, the subscription lifecycle (subscribe with a trial,
// prorated upgrades, downgrades and cancellation at the period end, resume, renewals), dunning
// (retries on a schedule, a grace period with full access, then the free tier), payment methods,
// invoices and gateway events. Time comes from an injectable clock; money from a gateway adapter.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  BillingChangeResult,
  BillingDeclineCode,
  BillingEntitlements,
  BillingInvoice,
  BillingInvoiceSummary,
  BillingPaymentAction,
  BillingPaymentMethod,
  BillingPlan,
  BillingProrationPreview,
  BillingSubscription,
  BillingSubscriptionState,
} from '@reel/contracts';
import { ErrorCode } from '@reel/contracts';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  billingCounters,
  billingInvoices,
  billingPaymentActions,
  billingPaymentMethods,
  billingPlans,
  billingSubscriptions,
  billingWebhookEvents,
  type DunningState,
  users,
} from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { HttpError, notFound } from '../../http/errors.js';
import { forgetPrincipalsOf } from '../../http/principal.js';
import { newId } from '../../ids.js';
import { type RequestOrigin, recordSecurityEvent, type SecurityEventName } from '../audit.js';
import type { Mailer } from '../email.js';
import { addInterval, invoiceTotals, type LineDraft, monthlyPrice, prorate, type TaxRate } from './arithmetic.js';
import type { MovableClock } from './clock.js';
import { type BillingEmail, billingEmail } from './emails.js';
import { type GatewayName, PaymentDeclined, type PaymentGateway } from './gateway.js';
import { cachePlans, type PlanInfo, planByCode } from './plans.js';

type PlanRow = typeof billingPlans.$inferSelect;
type SubRow = typeof billingSubscriptions.$inferSelect;
type InvoiceRow = typeof billingInvoices.$inferSelect;
type PmRow = typeof billingPaymentMethods.$inferSelect;
type ActionRow = typeof billingPaymentActions.$inferSelect;

const DAY = 24 * 3600 * 1000;

/** Settings (`REEL_BILLING_*`, see docs/development.md). */
export interface BillingOptions {
  /** Tax rates by region, exclusive of the price. */
  taxRates: TaxRate[];
  /** Days after the failed renewal on which it is retried (`1,3,5`): then the grace period. */
  retryDays: number[];
  /** Days of full access after the last failed retry, before the free tier. */
  graceDays: number;
  /** HMAC key of the payment webhook. */
  webhookSecret: string;
  /** A signature older (or newer) than this is stale. */
  webhookToleranceSeconds: number;
  /** How long an authentication step stays open. */
  actionTtlMinutes: number;
}

/** Reads the options from the environment. */
export function billingOptionsFromEnv(env: NodeJS.ProcessEnv, fallbackSecret: string): BillingOptions {
  const taxRates = (env.REEL_BILLING_TAX_RATES ?? 'GB:VAT:2000,DE:VAT:1900,FR:TVA:2000,ES:IVA:2100,MX:IVA:1600')
    .split(',')
    .map((s) => s.trim().split(':'))
    .filter((p) => p.length === 3 && /^[A-Z]{2}$/.test(p[0] as string) && /^\d{1,5}$/.test(p[2] as string))
    .map(([region, name, bps]) => ({
      region: region as string,
      name: name as string,
      rate_bps: Math.min(10_000, Number(bps)),
      inclusive: false,
    }));
  const retryDays = (env.REEL_BILLING_RETRY_DAYS ?? '1,3,5')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0)
    .sort((a, b) => a - b);
  const grace = Number(env.REEL_BILLING_GRACE_DAYS ?? 7);
  return {
    taxRates,
    retryDays: retryDays.length ? retryDays : [1, 3, 5],
    graceDays: Number.isFinite(grace) && grace >= 0 ? grace : 7,
    webhookSecret: env.REEL_PAYMENT_WEBHOOK_SECRET || fallbackSecret,
    webhookToleranceSeconds: 300,
    actionTtlMinutes: 30,
  };
}

/** Who asks, for the audit log. */
export interface Caller {
  userId: string;
  sessionId: string | null;
  origin: RequestOrigin | null;
}

const LIVE: SubRow['status'][] = ['trialing', 'active', 'past_due', 'grace'];

/** A 402 for a refused payment, with the decline code in `details.hint`. */
export function paymentFailed(code: BillingDeclineCode, message: string): HttpError {
  return new HttpError(402, ErrorCode.paymentFailed, message, {
    hint: { decline_code: code },
    fields: [{ field: 'payment_method', message }],
  });
}

const monthDay = (d: Date) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);

export class BillingService {
  /** Money-moving work of one account runs one at a time (in this process). */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly db: Db,
    readonly gateway: PaymentGateway,
    readonly clock: MovableClock,
    readonly mailer: Mailer,
    readonly origin: string,
    readonly options: BillingOptions,
    readonly log: { error(o: unknown, m: string): void } | null = null,
  ) {}

  // ─── Plans ──────────────────────────────────────────────────────────────────────────────────

  /** Reads the plans into the in-memory cache (entitlement checks read it). */
  async refreshPlans(): Promise<PlanRow[]> {
    const rows = await this.db.select().from(billingPlans).orderBy(asc(billingPlans.order));
    cachePlans(rows.map((r) => planInfo(r)));
    return rows;
  }

  async plans(userId: string | null, region: string): Promise<{ region: string; items: BillingPlan[] }> {
    const rows = (await this.refreshPlans()).filter((p) => p.active);
    const current = userId ? (await this.#effective(userId)).plan_code : null;
    return {
      region,
      items: rows.map((p) => ({ ...planView(p), ...(userId ? { is_current: p.code === current } : {}) })),
    };
  }

  async #plan(id: string): Promise<PlanRow | null> {
    const [row] = await this.db.select().from(billingPlans).where(eq(billingPlans.id, id));
    return row ?? null;
  }

  // ─── State ──────────────────────────────────────────────────────────────────────────────────

  async #live(userId: string): Promise<SubRow | null> {
    const [row] = await this.db
      .select()
      .from(billingSubscriptions)
      .where(and(eq(billingSubscriptions.userId, userId), isNull(billingSubscriptions.endedAt)));
    return row ?? null;
  }

  async #effective(
    userId: string,
  ): Promise<{ entitlements: BillingEntitlements; plan_code: string; sub: SubRow | null }> {
    const sub = await this.#live(userId);
    if (sub && LIVE.includes(sub.status)) {
      const plan = await this.#plan(sub.planId);
      if (plan) return { entitlements: entitlementsOf(plan), plan_code: plan.code, sub };
    }
    const free = planByCode('free');
    return { entitlements: entitlementsOf(free), plan_code: 'free', sub };
  }

  async state(userId: string): Promise<BillingSubscriptionState> {
    const { entitlements, plan_code, sub } = await this.#effective(userId);
    return { subscription: sub ? await this.#subscriptionView(sub) : null, entitlements, plan_code };
  }

  // ─── Subscribe ──────────────────────────────────────────────────────────────────────────────

  async subscribe(caller: Caller, planId: string, paymentMethodId: string): Promise<BillingChangeResult> {
    return this.#serial(caller.userId, async () => {
      const plan = await this.#plan(planId);
      if (!plan?.active || plan.priceAmount <= 0)
        throw new HttpError(422, 'plan_not_available', 'That plan is not on sale', {
          fields: [{ field: 'plan_id', message: 'not a plan on sale' }],
        });
      const pm = await this.#usablePm(caller.userId, paymentMethodId);
      const existing = await this.#live(caller.userId);
      if (existing && existing.status !== 'incomplete')
        throw new HttpError(409, 'already_subscribed', 'This account already has a subscription: change plan instead', {
          hint: { subscription_id: existing.id },
        });
      const now = this.clock.now();
      if (existing) await this.#abandonIncomplete(existing, now);
      await this.#makeDefault(caller.userId, pm.id);
      const [before] = await this.db
        .select({ n: sql<number>`count(*)::int` })
        .from(billingSubscriptions)
        .where(
          and(
            eq(billingSubscriptions.userId, caller.userId),
            inArray(billingSubscriptions.status, [...LIVE, 'canceled']),
          ),
        );
      const trial = plan.trialDays > 0 && (before?.n ?? 0) === 0;
      const periodEnd = trial ? new Date(now.getTime() + plan.trialDays * DAY) : addInterval(now, plan.interval);
      const sub: typeof billingSubscriptions.$inferInsert = {
        id: newId('sub'),
        userId: caller.userId,
        planId: plan.id,
        status: 'incomplete',
        startedAt: now,
        currentPeriodStart: now,
        currentPeriodEnd: periodEnd,
        trialEnd: trial ? periodEnd : null,
        paymentMethodId: pm.id,
      };
      try {
        await this.db.insert(billingSubscriptions).values(sub);
      } catch {
        throw new HttpError(409, 'already_subscribed', 'This account already has a subscription');
      }
      const rate = await this.#taxRate(caller.userId);
      const lines: LineDraft[] = trial
        ? [
            {
              kind: 'subscription',
              description: `${plan.name} — free trial (${plan.trialDays} days)`,
              unitAmount: 0,
              period: { start: now, end: periodEnd },
              planId: plan.id,
            },
          ]
        : [
            {
              kind: 'subscription',
              description: `${plan.name} plan (${monthDay(now)} – ${monthDay(periodEnd)})`,
              unitAmount: plan.priceAmount,
              period: { start: now, end: periodEnd },
              planId: plan.id,
            },
          ];
      const invoice = await this.#createInvoice(
        caller.userId,
        sub.id as string,
        'subscription_create',
        plan.currency,
        lines,
        rate,
        {
          start: now,
          end: periodEnd,
        },
      );
      const outcome = await this.#collect(invoice, pm, caller.userId, false, `Reel ${plan.name}`, {
        purpose: 'subscribe',
        subscriptionId: sub.id as string,
        planId: plan.id,
      });
      if (outcome.kind === 'declined') {
        await this.db.delete(billingInvoices).where(eq(billingInvoices.id, invoice.id));
        await this.db.delete(billingSubscriptions).where(eq(billingSubscriptions.id, sub.id as string));
        throw paymentFailed(outcome.code, outcome.message);
      }
      if (outcome.kind === 'requires_action') {
        await this.db
          .update(billingSubscriptions)
          .set({ latestInvoiceId: invoice.id, pendingActionId: outcome.action.id, updatedAt: now })
          .where(eq(billingSubscriptions.id, sub.id as string));
        const row = await this.#sub(sub.id as string);
        return {
          status: 'requires_action',
          subscription: await this.#subscriptionView(row),
          invoice: await this.#invoiceView(await this.#invoice(invoice.id)),
          action: actionView(outcome.action),
        };
      }
      await this.db
        .update(billingSubscriptions)
        .set({
          status: trial ? 'trialing' : 'active',
          latestInvoiceId: invoice.id,
          periodPaid: invoice.subtotal,
          updatedAt: now,
        })
        .where(eq(billingSubscriptions.id, sub.id as string));
      await this.#setUserPlan(caller.userId, plan.code);
      await this.#audit(caller, 'billing.subscribed', { plan: plan.code, trial, invoice: invoice.number });
      await this.#email(
        caller.userId,
        trial
          ? {
              kind: 'trial_started',
              plan: plan.name,
              trialEnd: periodEnd,
              amount: plan.priceAmount,
              currency: plan.currency,
            }
          : {
              kind: 'receipt',
              plan: plan.name,
              amount: invoice.total,
              currency: invoice.currency,
              number: invoice.number,
            },
      );
      const row = await this.#sub(sub.id as string);
      return {
        status: 'succeeded',
        subscription: await this.#subscriptionView(row),
        invoice: await this.#invoiceView(await this.#invoice(invoice.id)),
        action: null,
      };
    });
  }

  async #abandonIncomplete(sub: SubRow, now: Date): Promise<void> {
    await this.db
      .update(billingSubscriptions)
      .set({ status: 'canceled', endedAt: now, canceledAt: now, pendingActionId: null, updatedAt: now })
      .where(eq(billingSubscriptions.id, sub.id));
    await this.db
      .update(billingPaymentActions)
      .set({ status: 'failed' })
      .where(and(eq(billingPaymentActions.subscriptionId, sub.id), eq(billingPaymentActions.status, 'pending')));
    await this.db
      .update(billingInvoices)
      .set({ status: 'void' })
      .where(and(eq(billingInvoices.subscriptionId, sub.id), eq(billingInvoices.status, 'open')));
  }

  // ─── Authentication step ────────────────────────────────────────────────────────────────────

  async confirm(
    caller: Caller,
    actionId: string,
    outcome: 'complete' | 'fail' | undefined,
  ): Promise<BillingChangeResult> {
    return this.#serial(caller.userId, async () => {
      const [action] = await this.db
        .select()
        .from(billingPaymentActions)
        .where(and(eq(billingPaymentActions.id, actionId), eq(billingPaymentActions.userId, caller.userId)));
      if (!action) throw notFound('That authentication step');
      const now = this.clock.now();
      if (action.status !== 'pending')
        throw new HttpError(409, 'action_not_pending', 'This authentication step is already finished');
      if (action.expiresAt.getTime() < now.getTime()) {
        await this.#failAction(action, now);
        throw new HttpError(409, 'action_expired', 'This authentication step has expired: start again');
      }
      let chargeRef: string;
      try {
        chargeRef = (await this.gateway.confirm(action.intentRef, outcome)).chargeRef;
      } catch (error) {
        if (error instanceof PaymentDeclined) {
          await this.#failAction(action, now);
          throw paymentFailed(error.code, error.message);
        }
        throw error;
      }
      await this.db
        .update(billingPaymentActions)
        .set({ status: 'succeeded' })
        .where(eq(billingPaymentActions.id, action.id));
      const invoice = await this.#markPaid(action.invoiceId, chargeRef, now);
      const sub = await this.#sub(action.subscriptionId);
      const plan = (await this.#plan(action.planId ?? sub.planId)) as PlanRow;
      if (action.purpose === 'subscribe') {
        await this.db
          .update(billingSubscriptions)
          .set({
            status: sub.trialEnd ? 'trialing' : 'active',
            periodPaid: invoice.subtotal,
            pendingActionId: null,
            updatedAt: now,
          })
          .where(eq(billingSubscriptions.id, sub.id));
        await this.#audit(caller, 'billing.subscribed', {
          plan: plan.code,
          invoice: invoice.number,
          authenticated: true,
        });
      } else {
        await this.db
          .update(billingSubscriptions)
          .set({
            planId: plan.id,
            scheduledPlanId: null,
            periodPaid: sub.periodPaid + invoice.subtotal,
            pendingActionId: null,
            latestInvoiceId: invoice.id,
            updatedAt: now,
          })
          .where(eq(billingSubscriptions.id, sub.id));
        await this.#audit(caller, 'billing.plan_changed', {
          to: plan.code,
          invoice: invoice.number,
          authenticated: true,
        });
      }
      await this.#setUserPlan(caller.userId, plan.code);
      await this.#email(caller.userId, {
        kind: 'receipt',
        plan: plan.name,
        amount: invoice.total,
        currency: invoice.currency,
        number: invoice.number,
      });
      return {
        status: 'succeeded',
        subscription: await this.#subscriptionView(await this.#sub(sub.id)),
        invoice: await this.#invoiceView(invoice),
        action: null,
      };
    });
  }

  async #failAction(action: ActionRow, now: Date): Promise<void> {
    await this.db
      .update(billingPaymentActions)
      .set({ status: 'failed' })
      .where(eq(billingPaymentActions.id, action.id));
    await this.db.update(billingInvoices).set({ status: 'void' }).where(eq(billingInvoices.id, action.invoiceId));
    await this.db
      .update(billingSubscriptions)
      .set({ pendingActionId: null, updatedAt: now })
      .where(eq(billingSubscriptions.id, action.subscriptionId));
  }

  // ─── Plan changes ───────────────────────────────────────────────────────────────────────────

  async #changeContext(userId: string, planId: string) {
    const sub = await this.#live(userId);
    if (!sub || sub.status === 'incomplete')
      throw new HttpError(409, 'no_subscription', 'There is no active subscription to change: subscribe first');
    if (sub.status === 'past_due' || sub.status === 'grace')
      throw new HttpError(409, 'payment_past_due', 'A payment is overdue: update your card before changing plan');
    const current = (await this.#plan(sub.planId)) as PlanRow;
    const next = await this.#plan(planId);
    if (!next?.active)
      throw new HttpError(422, 'plan_not_available', 'That plan is not on sale', {
        fields: [{ field: 'plan_id', message: 'not a plan on sale' }],
      });
    if (next.priceAmount <= 0)
      throw new HttpError(409, 'use_cancel', 'To move to the free tier, cancel the subscription');
    if (next.id === current.id) throw new HttpError(409, 'same_plan', `You are already on the ${current.name} plan`);
    const a = monthlyPrice(current.priceAmount, current.interval);
    const b = monthlyPrice(next.priceAmount, next.interval);
    const kind: 'upgrade' | 'downgrade' | 'interval_change' =
      current.interval !== next.interval ? 'interval_change' : b > a ? 'upgrade' : 'downgrade';
    return { sub, current, next, kind };
  }

  /** Credit and charge lines of an upgrade at `at` (none during a trial). */
  #prorationLines(sub: SubRow, current: PlanRow, next: PlanRow, at: Date): LineDraft[] {
    if (sub.status === 'trialing') return [];
    const { credit, charge } = prorate({
      currentPrice: current.priceAmount,
      periodPaid: sub.periodPaid,
      newPrice: next.priceAmount,
      periodStart: sub.currentPeriodStart,
      periodEnd: sub.currentPeriodEnd,
      at,
    });
    const period = { start: at, end: sub.currentPeriodEnd };
    const lines: LineDraft[] = [];
    if (credit !== 0)
      lines.push({
        kind: 'proration',
        description: `Unused time on ${current.name} after ${monthDay(at)}`,
        unitAmount: credit,
        period,
        planId: current.id,
      });
    lines.push({
      kind: 'proration',
      description: `Remaining time on ${next.name} after ${monthDay(at)}`,
      unitAmount: charge,
      period,
      planId: next.id,
    });
    return lines;
  }

  async previewChange(userId: string, planId: string): Promise<BillingProrationPreview> {
    const { sub, current, next, kind } = await this.#changeContext(userId, planId);
    const now = this.clock.now();
    const immediate = kind === 'upgrade';
    const rate = await this.#taxRate(userId);
    const totals = invoiceTotals(immediate ? this.#prorationLines(sub, current, next, now) : [], rate);
    const pm = await this.#defaultPm(userId);
    const nextTotals = invoiceTotals([{ kind: 'subscription', description: '', unitAmount: next.priceAmount }], rate);
    const money = (amount: number) => ({ amount, currency: next.currency });
    return {
      current_plan: planView(current),
      new_plan: planView(next),
      kind,
      effective: immediate ? 'immediate' : 'period_end',
      effective_at: (immediate ? now : sub.currentPeriodEnd).toISOString(),
      proration_date: now.toISOString(),
      due_today: {
        lines: totals.lines.map((l) => lineView(l, next.currency)),
        subtotal: money(totals.subtotal),
        tax: money(totals.tax),
        total: money(totals.total),
      },
      next_period: { starts_at: sub.currentPeriodEnd.toISOString(), amount: money(nextTotals.total) },
      payment_method: pm ? { brand: brandOf(pm.brand), last4: pm.last4 } : null,
    };
  }

  async change(caller: Caller, planId: string, prorationDate: string | undefined): Promise<BillingChangeResult> {
    return this.#serial(caller.userId, async () => {
      const { sub, current, next, kind } = await this.#changeContext(caller.userId, planId);
      const now = this.clock.now();
      if (kind !== 'upgrade') {
        await this.db
          .update(billingSubscriptions)
          .set({ scheduledPlanId: next.id, updatedAt: now })
          .where(eq(billingSubscriptions.id, sub.id));
        await this.#audit(caller, 'billing.downgrade_scheduled', {
          from: current.code,
          to: next.code,
          effective_at: sub.currentPeriodEnd.toISOString(),
        });
        return {
          status: 'scheduled',
          subscription: await this.#subscriptionView(await this.#sub(sub.id)),
          invoice: null,
          action: null,
        };
      }
      // The preview's instant, if it is recent and inside the period; otherwise now.
      let at = now;
      if (prorationDate) {
        const t = Date.parse(prorationDate);
        if (t >= sub.currentPeriodStart.getTime() && t <= now.getTime() && now.getTime() - t <= 3600_000)
          at = new Date(t);
      }
      if (sub.status === 'trialing') {
        await this.db
          .update(billingSubscriptions)
          .set({ planId: next.id, scheduledPlanId: null, updatedAt: now })
          .where(eq(billingSubscriptions.id, sub.id));
        await this.#setUserPlan(caller.userId, next.code);
        await this.#audit(caller, 'billing.plan_changed', { from: current.code, to: next.code, trial: true });
        return {
          status: 'succeeded',
          subscription: await this.#subscriptionView(await this.#sub(sub.id)),
          invoice: null,
          action: null,
        };
      }
      const pm = await this.#defaultPm(caller.userId);
      if (!pm) throw new HttpError(409, 'no_payment_method', 'Add a card before changing plan');
      const rate = await this.#taxRate(caller.userId);
      const invoice = await this.#createInvoice(
        caller.userId,
        sub.id,
        'subscription_update',
        next.currency,
        this.#prorationLines(sub, current, next, at),
        rate,
        { start: at, end: sub.currentPeriodEnd },
      );
      const outcome = await this.#collect(invoice, pm, caller.userId, false, `Reel ${next.name} (upgrade)`, {
        purpose: 'change',
        subscriptionId: sub.id,
        planId: next.id,
      });
      if (outcome.kind === 'declined') {
        await this.db.delete(billingInvoices).where(eq(billingInvoices.id, invoice.id));
        throw paymentFailed(outcome.code, outcome.message);
      }
      if (outcome.kind === 'requires_action') {
        await this.db
          .update(billingSubscriptions)
          .set({ pendingActionId: outcome.action.id, updatedAt: now })
          .where(eq(billingSubscriptions.id, sub.id));
        return {
          status: 'requires_action',
          subscription: await this.#subscriptionView(await this.#sub(sub.id)),
          invoice: await this.#invoiceView(await this.#invoice(invoice.id)),
          action: actionView(outcome.action),
        };
      }
      await this.db
        .update(billingSubscriptions)
        .set({
          planId: next.id,
          scheduledPlanId: null,
          periodPaid: sub.periodPaid + invoice.subtotal,
          latestInvoiceId: invoice.id,
          updatedAt: now,
        })
        .where(eq(billingSubscriptions.id, sub.id));
      await this.#setUserPlan(caller.userId, next.code);
      await this.#audit(caller, 'billing.plan_changed', { from: current.code, to: next.code, invoice: invoice.number });
      await this.#email(caller.userId, {
        kind: 'receipt',
        plan: next.name,
        amount: invoice.total,
        currency: invoice.currency,
        number: invoice.number,
      });
      return {
        status: 'succeeded',
        subscription: await this.#subscriptionView(await this.#sub(sub.id)),
        invoice: await this.#invoiceView(await this.#invoice(invoice.id)),
        action: null,
      };
    });
  }

  // ─── Cancel and resume ──────────────────────────────────────────────────────────────────────

  async cancel(caller: Caller, reason: string, feedback: string | undefined): Promise<BillingSubscription> {
    return this.#serial(caller.userId, async () => {
      const sub = await this.#live(caller.userId);
      if (!sub || sub.status === 'incomplete')
        throw new HttpError(409, 'no_subscription', 'There is no subscription to cancel');
      if (sub.cancelAtPeriodEnd) throw new HttpError(409, 'already_canceled', 'The subscription is already canceled');
      const now = this.clock.now();
      await this.db
        .update(billingSubscriptions)
        .set({
          cancelAtPeriodEnd: true,
          cancelReason: reason,
          cancelFeedback: feedback?.trim() || null,
          cancelRequestedAt: now,
          scheduledPlanId: null,
          updatedAt: now,
        })
        .where(eq(billingSubscriptions.id, sub.id));
      const plan = (await this.#plan(sub.planId)) as PlanRow;
      await this.#audit(caller, 'billing.canceled', {
        plan: plan.code,
        reason,
        ends_at: sub.currentPeriodEnd.toISOString(),
      });
      await this.#email(caller.userId, { kind: 'canceled', plan: plan.name, endsAt: sub.currentPeriodEnd });
      return this.#subscriptionView(await this.#sub(sub.id));
    });
  }

  async resume(caller: Caller): Promise<BillingSubscription> {
    return this.#serial(caller.userId, async () => {
      const sub = await this.#live(caller.userId);
      if (!sub || (!sub.cancelAtPeriodEnd && !sub.scheduledPlanId))
        throw new HttpError(409, 'nothing_to_resume', 'There is no cancellation or scheduled change to undo');
      const now = this.clock.now();
      await this.db
        .update(billingSubscriptions)
        .set({
          cancelAtPeriodEnd: false,
          cancelReason: null,
          cancelFeedback: null,
          cancelRequestedAt: null,
          scheduledPlanId: null,
          updatedAt: now,
        })
        .where(eq(billingSubscriptions.id, sub.id));
      await this.#audit(caller, 'billing.resumed', { was_canceled: sub.cancelAtPeriodEnd });
      return this.#subscriptionView(await this.#sub(sub.id));
    });
  }

  // ─── Payment methods ────────────────────────────────────────────────────────────────────────

  async paymentMethods(userId: string): Promise<{ items: BillingPaymentMethod[] }> {
    const rows = await this.db
      .select()
      .from(billingPaymentMethods)
      .where(and(eq(billingPaymentMethods.userId, userId), isNull(billingPaymentMethods.removedAt)))
      .orderBy(desc(billingPaymentMethods.isDefault), desc(billingPaymentMethods.createdAt));
    return { items: rows.map((r) => this.#pmView(r)) };
  }

  async addPaymentMethod(
    caller: Caller,
    token: string,
    makeDefault: boolean | undefined,
  ): Promise<BillingPaymentMethod> {
    return this.#serial(caller.userId, async () => {
      let card: Awaited<ReturnType<PaymentGateway['attach']>>;
      try {
        card = await this.gateway.attach(caller.userId, token);
      } catch (error) {
        if (error instanceof PaymentDeclined) throw paymentFailed(error.code, error.message);
        throw error;
      }
      const id = newId('pm');
      await this.db.insert(billingPaymentMethods).values({
        id,
        userId: caller.userId,
        gateway: this.gateway.name,
        gatewayRef: card.ref,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        createdAt: this.clock.now(),
      });
      const current = await this.#defaultPm(caller.userId);
      if (!current || makeDefault) await this.#makeDefault(caller.userId, id);
      await this.#audit(caller, 'billing.payment_method_added', { brand: card.brand, last4: card.last4 });
      const [row] = await this.db.select().from(billingPaymentMethods).where(eq(billingPaymentMethods.id, id));
      if (makeDefault) await this.#retryDunningNow(caller.userId);
      return this.#pmView(row as PmRow);
    });
  }

  async removePaymentMethod(caller: Caller, id: string): Promise<void> {
    return this.#serial(caller.userId, async () => {
      const pm = await this.#ownPm(caller.userId, id);
      const { items } = await this.paymentMethods(caller.userId);
      const sub = await this.#live(caller.userId);
      if (pm.isDefault && items.length === 1 && sub && sub.status !== 'incomplete' && !sub.cancelAtPeriodEnd)
        throw new HttpError(
          409,
          'payment_method_in_use',
          'This card pays for your subscription: add another card first, or cancel the subscription',
        );
      await this.db
        .update(billingPaymentMethods)
        .set({ removedAt: this.clock.now(), isDefault: false })
        .where(eq(billingPaymentMethods.id, pm.id));
      await this.gateway.detach(pm.gatewayRef);
      if (pm.isDefault) {
        const next = items.find((i) => i.id !== pm.id);
        if (next) await this.#makeDefault(caller.userId, next.id);
      }
      await this.#audit(caller, 'billing.payment_method_removed', { brand: pm.brand, last4: pm.last4 });
    });
  }

  async setDefaultPaymentMethod(caller: Caller, id: string): Promise<{ items: BillingPaymentMethod[] }> {
    await this.#serial(caller.userId, async () => {
      const pm = await this.#ownPm(caller.userId, id);
      if (this.#expired(pm))
        throw new HttpError(409, 'card_expired', 'This card has expired: it cannot be the default');
      await this.#makeDefault(caller.userId, pm.id);
      await this.#audit(caller, 'billing.payment_method_default', { brand: pm.brand, last4: pm.last4 });
      await this.#retryDunningNow(caller.userId);
    });
    return this.paymentMethods(caller.userId);
  }

  async #ownPm(userId: string, id: string): Promise<PmRow> {
    const [pm] = await this.db
      .select()
      .from(billingPaymentMethods)
      .where(
        and(
          eq(billingPaymentMethods.id, id),
          eq(billingPaymentMethods.userId, userId),
          isNull(billingPaymentMethods.removedAt),
        ),
      );
    if (!pm) throw notFound('That payment method');
    return pm;
  }

  async #usablePm(userId: string, id: string): Promise<PmRow> {
    const [pm] = await this.db
      .select()
      .from(billingPaymentMethods)
      .where(
        and(
          eq(billingPaymentMethods.id, id),
          eq(billingPaymentMethods.userId, userId),
          isNull(billingPaymentMethods.removedAt),
        ),
      );
    if (!pm)
      throw new HttpError(422, 'payment_method_unknown', 'That card is not saved on this account', {
        fields: [{ field: 'payment_method_id', message: 'not a saved card of this account' }],
      });
    if (this.#expired(pm)) throw paymentFailed('expired_card', 'This card has expired: use another card');
    return pm;
  }

  async #defaultPm(userId: string): Promise<PmRow | null> {
    const [pm] = await this.db
      .select()
      .from(billingPaymentMethods)
      .where(
        and(
          eq(billingPaymentMethods.userId, userId),
          eq(billingPaymentMethods.isDefault, true),
          isNull(billingPaymentMethods.removedAt),
        ),
      );
    return pm ?? null;
  }

  async #makeDefault(userId: string, id: string): Promise<void> {
    await this.db
      .update(billingPaymentMethods)
      .set({ isDefault: sql`${billingPaymentMethods.id} = ${id}` })
      .where(eq(billingPaymentMethods.userId, userId));
    await this.db
      .update(billingSubscriptions)
      .set({ paymentMethodId: id })
      .where(and(eq(billingSubscriptions.userId, userId), isNull(billingSubscriptions.endedAt)));
  }

  #expired(pm: { expMonth: number; expYear: number }): boolean {
    return Date.UTC(pm.expYear, pm.expMonth, 1) <= this.clock.now().getTime();
  }

  #pmView(r: PmRow): BillingPaymentMethod {
    return {
      id: r.id,
      type: 'card',
      brand: brandOf(r.brand),
      last4: r.last4,
      exp_month: r.expMonth,
      exp_year: r.expYear,
      expired: this.#expired(r),
      is_default: r.isDefault,
      created_at: r.createdAt.toISOString(),
    };
  }

  // ─── Invoices ───────────────────────────────────────────────────────────────────────────────

  async invoices(
    userId: string,
    query: { cursor?: string | undefined; limit?: number | undefined; status?: string | undefined },
  ): Promise<{ items: BillingInvoiceSummary[]; next_cursor: string | null }> {
    const limit = Math.min(100, Math.max(1, query.limit ?? 20));
    const after = decodeCursor(query.cursor);
    const conds = [eq(billingInvoices.userId, userId), sql`${billingInvoices.status} <> 'draft'`];
    if (query.status) conds.push(eq(billingInvoices.status, query.status as InvoiceRow['status']));
    if (after) {
      const at = new Date(String(after.k[0]));
      if (!Number.isNaN(at.getTime()))
        conds.push(
          or(
            lt(billingInvoices.createdAt, at),
            and(eq(billingInvoices.createdAt, at), lt(billingInvoices.id, after.id)),
          ) as never,
        );
    }
    const rows = await this.db
      .select()
      .from(billingInvoices)
      .where(and(...conds))
      .orderBy(desc(billingInvoices.createdAt), desc(billingInvoices.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => invoiceSummary(r)),
      next_cursor:
        rows.length > limit && last ? encodeCursor({ k: [last.createdAt.toISOString()], id: last.id }) : null,
    };
  }

  async invoice(userId: string, id: string): Promise<BillingInvoice> {
    const [row] = await this.db
      .select()
      .from(billingInvoices)
      .where(and(eq(billingInvoices.id, id), eq(billingInvoices.userId, userId)));
    if (!row) throw notFound('That invoice');
    return this.#invoiceView(row);
  }

  async #invoice(id: string): Promise<InvoiceRow> {
    const [row] = await this.db.select().from(billingInvoices).where(eq(billingInvoices.id, id));
    if (!row) throw notFound('That invoice');
    return row;
  }

  async #invoiceView(row: InvoiceRow): Promise<BillingInvoice> {
    return invoiceView(row);
  }

  /** Numbers are sequential per year: `REEL-2026-000001`. */
  async #nextNumber(at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const [row] = await this.db
      .insert(billingCounters)
      .values({ name: `invoice-${year}`, value: 1 })
      .onConflictDoUpdate({ target: billingCounters.name, set: { value: sql`${billingCounters.value} + 1` } })
      .returning({ value: billingCounters.value });
    return `REEL-${year}-${String(row?.value ?? 1).padStart(6, '0')}`;
  }

  async #createInvoice(
    userId: string,
    subscriptionId: string,
    reason: InvoiceRow['billingReason'],
    currency: string,
    lines: LineDraft[],
    rate: TaxRate | null,
    period: { start: Date; end: Date },
  ): Promise<InvoiceRow> {
    const now = this.clock.now();
    const totals = invoiceTotals(lines, rate);
    const [row] = await this.db
      .insert(billingInvoices)
      .values({
        id: newId('inv'),
        number: await this.#nextNumber(now),
        userId,
        subscriptionId,
        status: 'open',
        billingReason: reason,
        currency,
        lines: totals.lines,
        subtotal: totals.subtotal,
        tax: totals.tax,
        total: totals.total,
        taxRate: rate,
        periodStart: period.start,
        periodEnd: period.end,
        dueAt: now,
        createdAt: now,
      })
      .returning();
    return row as InvoiceRow;
  }

  async #markPaid(invoiceId: string, chargeRef: string | null, at: Date): Promise<InvoiceRow> {
    const [row] = await this.db
      .update(billingInvoices)
      .set({ status: 'paid', amountPaid: sql`${billingInvoices.total}`, paidAt: at, chargeRef })
      .where(eq(billingInvoices.id, invoiceId))
      .returning();
    return row as InvoiceRow;
  }

  /**
   * Charges an open invoice to a card: paid, an authentication step (on-session only), or
   * declined (the invoice stays open for the caller to handle). A zero total is paid at once.
   */
  async #collect(
    invoice: InvoiceRow,
    pm: PmRow,
    userId: string,
    offSession: boolean,
    description: string,
    purpose: { purpose: 'subscribe' | 'change'; subscriptionId: string; planId: string },
    attempt = 1,
  ): Promise<
    | { kind: 'paid'; invoice: InvoiceRow }
    | { kind: 'requires_action'; action: ActionRow }
    | { kind: 'declined'; code: BillingDeclineCode; message: string }
  > {
    const now = this.clock.now();
    await this.db
      .update(billingInvoices)
      .set({ paymentMethod: { brand: brandOf(pm.brand), last4: pm.last4 } })
      .where(eq(billingInvoices.id, invoice.id));
    if (invoice.total === 0) return { kind: 'paid', invoice: await this.#markPaid(invoice.id, null, now) };
    try {
      const result = await this.gateway.charge({
        userId,
        cardRef: pm.gatewayRef,
        amount: invoice.total,
        currency: invoice.currency,
        description,
        idempotencyKey: `${invoice.id}-${attempt}`,
        offSession,
        metadata: { invoice_id: invoice.id, subscription_id: purpose.subscriptionId, user_id: userId },
      });
      if (result.status === 'succeeded')
        return { kind: 'paid', invoice: await this.#markPaid(invoice.id, result.chargeRef, now) };
      const [action] = await this.db
        .insert(billingPaymentActions)
        .values({
          id: newId('act'),
          userId,
          subscriptionId: purpose.subscriptionId,
          invoiceId: invoice.id,
          purpose: purpose.purpose,
          planId: purpose.planId,
          gateway: this.gateway.name as GatewayName,
          intentRef: result.intentRef,
          clientSecret: result.clientSecret,
          amount: invoice.total,
          currency: invoice.currency,
          description,
          card: { brand: brandOf(pm.brand), last4: pm.last4 },
          status: 'pending',
          expiresAt: new Date(now.getTime() + this.options.actionTtlMinutes * 60_000),
          createdAt: now,
        })
        .returning();
      return { kind: 'requires_action', action: action as ActionRow };
    } catch (error) {
      if (error instanceof PaymentDeclined) return { kind: 'declined', code: error.code, message: error.message };
      throw error;
    }
  }

  async #taxRate(userId: string): Promise<TaxRate | null> {
    const [u] = await this.db.select({ region: users.region }).from(users).where(eq(users.id, userId));
    return this.options.taxRates.find((r) => r.region === u?.region) ?? null;
  }

  // ─── Renewals and dunning ───────────────────────────────────────────────────────────────────

  /**
   * Does what is due at the clock's time: renewals (and the ends of canceled subscriptions),
   * retries of failed renewals, the ends of grace periods, lapsed authentication steps. A clock
   * moved far ahead is caught up step by step, each at the time it was due.
   */
  async tick(): Promise<{ renewed: number; failed: number; ended: number; retried: number }> {
    const stats = { renewed: 0, failed: 0, ended: 0, retried: 0 };
    for (let round = 0; round < 200; round++) {
      const now = this.clock.now();
      const due = await this.db
        .select()
        .from(billingSubscriptions)
        .where(
          and(
            isNull(billingSubscriptions.endedAt),
            or(
              and(
                inArray(billingSubscriptions.status, ['active', 'trialing']),
                lt(billingSubscriptions.currentPeriodEnd, now),
              ),
              inArray(billingSubscriptions.status, ['past_due', 'grace', 'incomplete']),
            ),
          ),
        )
        .limit(100);
      let worked = false;
      for (const sub of due) {
        const did = await this.#serial(sub.userId, () => this.#advance(sub.id, now, stats));
        worked ||= did;
      }
      if (!worked) break;
    }
    return stats;
  }

  /** One step of one subscription, if one is due; true when something changed. */
  async #advance(id: string, now: Date, stats: { renewed: number; failed: number; ended: number; retried: number }) {
    const sub = await this.#sub(id);
    if (sub.endedAt) return false;
    if (sub.status === 'incomplete') {
      if (!sub.pendingActionId) return false;
      const [action] = await this.db
        .select()
        .from(billingPaymentActions)
        .where(eq(billingPaymentActions.id, sub.pendingActionId));
      if (action && action.expiresAt.getTime() < now.getTime()) {
        await this.#failAction(action, now);
        return true;
      }
      return false;
    }
    if ((sub.status === 'active' || sub.status === 'trialing') && sub.currentPeriodEnd.getTime() < now.getTime()) {
      await this.#renew(sub, stats);
      return true;
    }
    const d = sub.dunning;
    if (sub.status === 'past_due' && d?.nextAttemptAt && Date.parse(d.nextAttemptAt) <= now.getTime()) {
      await this.#retry(sub, new Date(d.nextAttemptAt), stats);
      return true;
    }
    if (sub.status === 'grace' && d?.graceEndsAt && Date.parse(d.graceEndsAt) <= now.getTime()) {
      await this.#endGrace(sub, new Date(d.graceEndsAt), stats);
      return true;
    }
    return false;
  }

  async #renew(sub: SubRow, stats: { renewed: number; failed: number; ended: number }): Promise<void> {
    const at = sub.currentPeriodEnd;
    const system: Caller = { userId: sub.userId, sessionId: null, origin: null };
    const oldPlan = (await this.#plan(sub.planId)) as PlanRow;
    if (sub.cancelAtPeriodEnd) {
      await this.db
        .update(billingSubscriptions)
        .set({ status: 'canceled', canceledAt: at, endedAt: at, updatedAt: at })
        .where(eq(billingSubscriptions.id, sub.id));
      await this.#setUserPlan(sub.userId, 'free');
      await this.#audit(system, 'billing.downgraded_to_free', { plan: oldPlan.code, reason: 'canceled' }, 'system');
      await this.#email(sub.userId, { kind: 'ended', plan: oldPlan.name });
      stats.ended++;
      return;
    }
    const plan = sub.scheduledPlanId ? ((await this.#plan(sub.scheduledPlanId)) as PlanRow) : oldPlan;
    const end = addInterval(at, plan.interval);
    const rate = await this.#taxRate(sub.userId);
    const invoice = await this.#createInvoice(
      sub.userId,
      sub.id,
      'subscription_cycle',
      plan.currency,
      [
        {
          kind: 'subscription',
          description: `${plan.name} plan (${monthDay(at)} – ${monthDay(end)})`,
          unitAmount: plan.priceAmount,
          period: { start: at, end },
          planId: plan.id,
        },
      ],
      rate,
      { start: at, end },
    );
    await this.db
      .update(billingSubscriptions)
      .set({
        planId: plan.id,
        scheduledPlanId: null,
        currentPeriodStart: at,
        currentPeriodEnd: end,
        latestInvoiceId: invoice.id,
        periodPaid: 0,
        updatedAt: at,
      })
      .where(eq(billingSubscriptions.id, sub.id));
    if (plan.code !== oldPlan.code) await this.#setUserPlan(sub.userId, plan.code);
    const pm = await this.#defaultPm(sub.userId);
    const outcome = pm
      ? await this.#collect(invoice, pm, sub.userId, true, `Reel ${plan.name}`, {
          purpose: 'subscribe',
          subscriptionId: sub.id,
          planId: plan.id,
        })
      : ({ kind: 'declined', code: 'card_declined', message: 'There is no card on file.' } as const);
    if (outcome.kind === 'paid') {
      await this.db
        .update(billingSubscriptions)
        .set({ status: 'active', periodPaid: invoice.subtotal })
        .where(eq(billingSubscriptions.id, sub.id));
      await this.#audit(system, 'billing.renewed', { plan: plan.code, invoice: invoice.number }, 'system');
      await this.#email(sub.userId, {
        kind: 'receipt',
        plan: plan.name,
        amount: invoice.total,
        currency: invoice.currency,
        number: invoice.number,
      });
      stats.renewed++;
      return;
    }
    const failure =
      outcome.kind === 'declined'
        ? { code: outcome.code, message: outcome.message }
        : { code: 'authentication_failed', message: 'The bank asked for authentication.' };
    const next = new Date(at.getTime() + (this.options.retryDays[0] as number) * DAY);
    const dunning: DunningState = {
      state: 'retrying',
      attempt: 1,
      maxAttempts: this.options.retryDays.length + 1,
      nextAttemptAt: next.toISOString(),
      graceEndsAt: null,
      invoiceId: invoice.id,
      lastFailure: failure,
      startedAt: at.toISOString(),
    };
    await this.db
      .update(billingSubscriptions)
      .set({ status: 'past_due', dunning })
      .where(eq(billingSubscriptions.id, sub.id));
    await this.#audit(system, 'billing.payment_failed', { plan: plan.code, attempt: 1, code: failure.code }, 'system');
    await this.#email(sub.userId, {
      kind: 'payment_failed',
      plan: plan.name,
      amount: invoice.total,
      currency: invoice.currency,
      reason: failure.message,
      nextAttempt: next,
    });
    stats.failed++;
  }

  /** Tries a failed renewal again now (a new default card during dunning). */
  async #retryDunningNow(userId: string): Promise<void> {
    const sub = await this.#live(userId);
    if (!sub || (sub.status !== 'past_due' && sub.status !== 'grace') || !sub.dunning) return;
    await this.#retry(sub, this.clock.now(), { retried: 0, renewed: 0 });
  }

  async #retry(sub: SubRow, at: Date, stats: { retried: number; renewed?: number }): Promise<void> {
    const d = sub.dunning as DunningState;
    const system: Caller = { userId: sub.userId, sessionId: null, origin: null };
    const plan = (await this.#plan(sub.planId)) as PlanRow;
    const invoice = await this.#invoice(d.invoiceId);
    const pm = await this.#defaultPm(sub.userId);
    stats.retried++;
    const outcome = pm
      ? await this.#collect(
          invoice,
          pm,
          sub.userId,
          true,
          `Reel ${plan.name}`,
          { purpose: 'subscribe', subscriptionId: sub.id, planId: plan.id },
          d.attempt + 1,
        )
      : ({ kind: 'declined', code: 'card_declined', message: 'There is no card on file.' } as const);
    if (outcome.kind === 'paid') {
      await this.db
        .update(billingSubscriptions)
        .set({ status: 'active', dunning: null, periodPaid: invoice.subtotal, updatedAt: at })
        .where(eq(billingSubscriptions.id, sub.id));
      await this.#setUserPlan(sub.userId, plan.code);
      await this.#audit(
        system,
        'billing.renewed',
        { plan: plan.code, invoice: invoice.number, recovered: true },
        'system',
      );
      await this.#email(sub.userId, {
        kind: 'recovered',
        plan: plan.name,
        amount: invoice.total,
        currency: invoice.currency,
      });
      return;
    }
    const failure =
      outcome.kind === 'declined'
        ? { code: outcome.code, message: outcome.message }
        : { code: 'authentication_failed', message: 'The bank asked for authentication.' };
    const attempt = d.attempt + 1;
    const started = Date.parse(d.startedAt);
    if (attempt >= d.maxAttempts || sub.status === 'grace') {
      const graceEnds =
        sub.status === 'grace' && d.graceEndsAt
          ? new Date(d.graceEndsAt)
          : new Date(at.getTime() + this.options.graceDays * DAY);
      const next: DunningState = {
        ...d,
        state: 'grace',
        attempt: Math.min(attempt, d.maxAttempts),
        nextAttemptAt: null,
        graceEndsAt: graceEnds.toISOString(),
        lastFailure: failure,
      };
      await this.db
        .update(billingSubscriptions)
        .set({ status: 'grace', dunning: next, updatedAt: at })
        .where(eq(billingSubscriptions.id, sub.id));
      if (sub.status !== 'grace') {
        await this.#audit(system, 'billing.payment_failed', { plan: plan.code, attempt, grace: true }, 'system');
        await this.#email(sub.userId, { kind: 'grace', plan: plan.name, graceEnds });
      }
      return;
    }
    const nextAt = new Date(started + (this.options.retryDays[attempt - 1] as number) * DAY);
    await this.db
      .update(billingSubscriptions)
      .set({
        dunning: { ...d, attempt, nextAttemptAt: nextAt.toISOString(), lastFailure: failure },
        updatedAt: at,
      })
      .where(eq(billingSubscriptions.id, sub.id));
    await this.#audit(system, 'billing.payment_failed', { plan: plan.code, attempt, code: failure.code }, 'system');
    await this.#email(sub.userId, {
      kind: 'retry_failed',
      plan: plan.name,
      attempt,
      nextAttempt: nextAt,
      reason: failure.message,
    });
  }

  async #endGrace(sub: SubRow, at: Date, stats: { ended: number }): Promise<void> {
    const d = sub.dunning as DunningState;
    const system: Caller = { userId: sub.userId, sessionId: null, origin: null };
    const plan = (await this.#plan(sub.planId)) as PlanRow;
    await this.db.update(billingInvoices).set({ status: 'uncollectible' }).where(eq(billingInvoices.id, d.invoiceId));
    await this.db
      .update(billingSubscriptions)
      .set({ status: 'canceled', canceledAt: at, endedAt: at, updatedAt: at })
      .where(eq(billingSubscriptions.id, sub.id));
    await this.#setUserPlan(sub.userId, 'free');
    await this.#audit(system, 'billing.downgraded_to_free', { plan: plan.code, reason: 'payment_failed' }, 'system');
    await this.#email(sub.userId, { kind: 'downgraded', plan: plan.name });
    stats.ended++;
  }

  // ─── Gateway events ─────────────────────────────────────────────────────────────────────────

  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as the sandbox sends it. */
  sign(body: string, at = this.clock.now()): string {
    const t = Math.floor(at.getTime() / 1000);
    const v1 = createHmac('sha256', this.options.webhookSecret).update(`${t}.${body}`).digest('hex');
    return `t=${t},v1=${v1}`;
  }

  /** Checks a signature header against the raw body: 400 for a missing, wrong or stale one. */
  verify(raw: Buffer, header: string | undefined): void {
    const bad = (code: string, message: string) => new HttpError(400, code, message);
    if (!header) throw bad('signature_missing', 'The Reel-Signature header is missing');
    const parts = Object.fromEntries(
      header.split(',').map((p) => {
        const i = p.indexOf('=');
        return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
      }),
    );
    const t = Number(parts.t);
    if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? ''))
      throw bad('signature_invalid', 'The signature header is malformed');
    const expected = createHmac('sha256', this.options.webhookSecret)
      .update(Buffer.concat([Buffer.from(`${t}.`), raw]))
      .digest();
    if (!timingSafeEqual(expected, Buffer.from(parts.v1 as string, 'hex')))
      throw bad('signature_invalid', 'The signature does not match the body');
    if (Math.abs(this.clock.now().getTime() / 1000 - t) > this.options.webhookToleranceSeconds)
      throw bad('signature_stale', 'The signature is too old: the event may be a replay');
  }

  /**
   * Applies a verified event once (by id). Payment events settle the invoice they name; a
   * subscription event applies only if it is newer than the last one applied (`created`), so
   * events arriving out of order never move a subscription backwards.
   */
  async applyEvent(event: {
    id: string;
    type: string;
    created: string | number;
    data: { object: Record<string, unknown> };
  }): Promise<{ received: true; duplicate: boolean }> {
    const fresh = await this.db
      .insert(billingWebhookEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: billingWebhookEvents.id });
    if (!fresh.length) return { received: true, duplicate: true };
    const object = event.data.object;
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    const created = typeof event.created === 'number' ? event.created : Math.floor(Date.parse(event.created) / 1000);
    if (
      (event.type === 'payment.succeeded' || event.type === 'payment_intent.succeeded') &&
      typeof metadata.invoice_id === 'string'
    ) {
      const [inv] = await this.db.select().from(billingInvoices).where(eq(billingInvoices.id, metadata.invoice_id));
      // A payment that succeeded settles an open invoice; a paid one stays as it is.
      if (inv && inv.status === 'open' && inv.total === object.amount) {
        const [action] = await this.db
          .select()
          .from(billingPaymentActions)
          .where(and(eq(billingPaymentActions.invoiceId, inv.id), eq(billingPaymentActions.status, 'pending')));
        if (!action) await this.#markPaid(inv.id, String(object.id ?? ''), this.clock.now());
      }
    }
    if (event.type === 'subscription.updated' || event.type === 'customer.subscription.updated') {
      const subId = typeof object.id === 'string' ? object.id : (metadata.subscription_id as string | undefined);
      const status = object.status as SubRow['status'] | undefined;
      if (subId && status && ['trialing', 'active', 'past_due', 'grace', 'canceled', 'incomplete'].includes(status)) {
        // Only a newer event applies, and never one that would reopen a subscription that ended.
        await this.db
          .update(billingSubscriptions)
          .set({ status, gatewaySeq: created })
          .where(
            and(
              eq(billingSubscriptions.id, subId),
              lt(billingSubscriptions.gatewaySeq, created),
              isNull(billingSubscriptions.endedAt),
            ),
          );
      }
    }
    return { received: true, duplicate: false };
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────────

  async #sub(id: string): Promise<SubRow> {
    const [row] = await this.db.select().from(billingSubscriptions).where(eq(billingSubscriptions.id, id));
    if (!row) throw notFound('That subscription');
    return row;
  }

  async #subscriptionView(sub: SubRow): Promise<BillingSubscription> {
    const plan = (await this.#plan(sub.planId)) as PlanRow;
    const scheduled = sub.scheduledPlanId ? await this.#plan(sub.scheduledPlanId) : null;
    const [pm] = sub.paymentMethodId
      ? await this.db.select().from(billingPaymentMethods).where(eq(billingPaymentMethods.id, sub.paymentMethodId))
      : [];
    const [action] = sub.pendingActionId
      ? await this.db
          .select()
          .from(billingPaymentActions)
          .where(and(eq(billingPaymentActions.id, sub.pendingActionId), eq(billingPaymentActions.status, 'pending')))
      : [];
    const d = sub.dunning;
    const inv = d ? await this.#invoice(d.invoiceId).catch(() => null) : null;
    return {
      id: sub.id,
      status: sub.status,
      plan: planView(plan),
      started_at: sub.startedAt.toISOString(),
      current_period_start: sub.currentPeriodStart.toISOString(),
      current_period_end: sub.currentPeriodEnd.toISOString(),
      trial_end: sub.trialEnd?.toISOString() ?? null,
      cancel_at_period_end: sub.cancelAtPeriodEnd,
      cancellation:
        sub.cancelAtPeriodEnd && sub.cancelReason
          ? {
              reason: sub.cancelReason as 'other',
              feedback: sub.cancelFeedback,
              requested_at: (sub.cancelRequestedAt ?? sub.updatedAt).toISOString(),
            }
          : null,
      canceled_at: sub.canceledAt?.toISOString() ?? null,
      ended_at: sub.endedAt?.toISOString() ?? null,
      scheduled_change: scheduled
        ? {
            plan: planView(scheduled),
            kind: scheduled.interval !== plan.interval ? 'interval_change' : 'downgrade',
            effective_at: sub.currentPeriodEnd.toISOString(),
          }
        : null,
      dunning:
        d && (sub.status === 'past_due' || sub.status === 'grace')
          ? {
              state: d.state,
              attempt: d.attempt,
              max_attempts: d.maxAttempts,
              next_attempt_at: d.nextAttemptAt,
              grace_ends_at: d.graceEndsAt,
              amount_due: { amount: inv?.total ?? 0, currency: inv?.currency ?? plan.currency },
              invoice_id: d.invoiceId,
              last_failure: d.lastFailure,
              started_at: d.startedAt,
            }
          : null,
      pending_action: action ? actionView(action) : null,
      payment_method: pm ? this.#pmView(pm) : null,
      latest_invoice_id: sub.latestInvoiceId,
    };
  }

  async #setUserPlan(userId: string, code: string): Promise<void> {
    await this.db.update(users).set({ plan: code }).where(eq(users.id, userId));
    forgetPrincipalsOf(userId);
  }

  async #audit(
    caller: Caller,
    name: SecurityEventName,
    details: Record<string, string | number | boolean | null>,
    actor: 'self' | 'system' = 'self',
  ): Promise<void> {
    await recordSecurityEvent(this.db, {
      userId: caller.userId,
      name,
      origin: caller.origin,
      sessionId: caller.sessionId,
      actor,
      details,
    });
  }

  async #email(userId: string, email: BillingEmail): Promise<void> {
    try {
      const [u] = await this.db
        .select({ email: users.email, name: users.displayName })
        .from(users)
        .where(eq(users.id, userId));
      if (!u) return;
      await this.mailer.send(billingEmail(u.email, u.name, this.origin, email));
    } catch (error) {
      this.log?.error({ err: error }, 'billing email failed');
    }
  }

  /** Runs `work` after the account's earlier money-moving work has finished. */
  async #serial<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const before = this.#queues.get(userId) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => {});
    this.#queues.set(userId, tail);
    try {
      return await run;
    } finally {
      if (this.#queues.get(userId) === tail) this.#queues.delete(userId);
    }
  }
}

// ─── Views ────────────────────────────────────────────────────────────────────────────────────

export function planInfo(r: PlanRow): PlanInfo {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    priceAmount: r.priceAmount,
    currency: r.currency,
    interval: r.interval,
    trialDays: r.trialDays,
    maxQuality: r.maxQuality,
    concurrentStreams: r.concurrentStreams,
    profiles: r.profiles,
    downloads: r.downloads,
    adFree: r.adFree,
    features: r.features,
    highlighted: r.highlighted,
    order: r.order,
    active: r.active,
  };
}

function entitlementsOf(p: Pick<PlanInfo, 'maxQuality' | 'concurrentStreams' | 'profiles' | 'downloads' | 'adFree'>) {
  return {
    max_quality: p.maxQuality,
    concurrent_streams: p.concurrentStreams,
    profiles: p.profiles,
    downloads: p.downloads,
    ad_free: p.adFree,
  };
}

export function planView(p: PlanRow): BillingPlan {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    description: p.description,
    price: { amount: p.priceAmount, currency: p.currency },
    interval: p.interval,
    trial_days: p.trialDays,
    entitlements: entitlementsOf(p),
    features: p.features,
    highlighted: p.highlighted,
    order: p.order,
  };
}

const BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay'] as const;
function brandOf(b: string): BillingPaymentMethod['brand'] {
  return (BRANDS as readonly string[]).includes(b) ? (b as BillingPaymentMethod['brand']) : 'unknown';
}

function lineView(l: InvoiceRow['lines'][number], currency: string) {
  return {
    number: l.number,
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    unit_amount: { amount: l.unitAmount, currency },
    amount: { amount: l.amount, currency },
    period: l.period,
    plan_id: l.planId,
  };
}

function invoiceSummary(r: InvoiceRow): BillingInvoiceSummary {
  const money = (amount: number) => ({ amount, currency: r.currency });
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    billing_reason: r.billingReason,
    currency: r.currency,
    total: money(r.total),
    amount_due: money(r.status === 'paid' || r.status === 'void' ? 0 : r.total - r.amountPaid),
    period_start: r.periodStart.toISOString(),
    period_end: r.periodEnd.toISOString(),
    created_at: r.createdAt.toISOString(),
    paid_at: r.paidAt?.toISOString() ?? null,
  };
}

export function invoiceView(r: InvoiceRow): BillingInvoice {
  const money = (amount: number) => ({ amount, currency: r.currency });
  return {
    ...invoiceSummary(r),
    subscription_id: r.subscriptionId,
    lines: r.lines.map((l) => lineView(l, r.currency)),
    subtotal: money(r.subtotal),
    tax: money(r.tax),
    tax_rate: r.taxRate,
    amount_paid: money(r.amountPaid),
    due_at: r.dueAt?.toISOString() ?? null,
    payment_method: r.paymentMethod ? { brand: brandOf(r.paymentMethod.brand), last4: r.paymentMethod.last4 } : null,
    pdf_available: r.status !== 'draft',
  };
}

function actionView(a: ActionRow): BillingPaymentAction {
  return {
    id: a.id,
    type: 'authenticate',
    gateway: a.gateway,
    client_secret: a.clientSecret,
    amount: { amount: a.amount, currency: a.currency },
    description: a.description,
    payment_method: { brand: brandOf(a.card.brand), last4: a.card.last4 },
    expires_at: a.expiresAt.toISOString(),
  };
}
