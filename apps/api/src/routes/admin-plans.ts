import {
  type AdminPlan,
  adminPlansArchive,
  adminPlansCreate,
  adminPlansGet,
  adminPlansList,
  adminPlansUpdate,
} from '@reel/contracts';
import { and, count, eq, isNull, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { billingPlans, billingSubscriptions } from '../db/schema/index.js';
import { badRequest, conflict, type FieldProblem, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { planView } from '../services/billing/service.js';

type PlanRow = typeof billingPlans.$inferSelect;

/** ISO 4217 codes the runtime can format (`Intl`), so a price always renders. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The tier without a subscription: price 0, never archived. */
const FREE = 'free';

/**
 * Staff editing of the billing plans (§6, §35, `billing.manage`, every change re-authenticated and
 * audited as `plan.create` / `plan.update` / `plan.archive` / `plan.delete` with the changed fields).
 *
 * Prices are integer minor units of an ISO 4217 currency. What a price change does to the people
 * already on the plan — the choice made here: **existing subscribers keep the price they paid until
 * their next renewal**. Nothing is charged or refunded for the period already paid; the renewal
 * invoice is built from the plan row as it is then, so the new price reaches them at their next
 * renewal. New checkouts see the new price at once, and so do entitlements (they are read from the
 * plan, not the subscription). One edge: the credit of a mid-period upgrade is worked out at the
 * plan's current price, but never exceeds what was paid for the period (`period_paid`).
 *
 * Archiving (`DELETE`) stops selling a plan: it disappears from `GET /billing/plans` and new
 * checkouts and plan changes to it are refused, while its subscribers keep it and renew on it. A
 * plan that no subscription ever referenced is deleted outright instead (nothing to keep). The free
 * tier cannot be archived (409) and its price stays 0.
 */
export function registerAdminPlanRoutes(app: FastifyInstance): void {
  const subscriberCounts = async (): Promise<Map<string, number>> => {
    const rows = await app.db
      .select({ planId: billingSubscriptions.planId, n: count() })
      .from(billingSubscriptions)
      .where(isNull(billingSubscriptions.endedAt))
      .groupBy(billingSubscriptions.planId);
    return new Map(rows.map((r) => [r.planId, r.n]));
  };

  const view = (row: PlanRow, subscribers: number): AdminPlan => ({
    ...planView(row),
    active: row.active,
    subscriber_count: subscribers,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    archived_at: row.archivedAt ? row.archivedAt.toISOString() : null,
  });

  const rowOf = async (id: string): Promise<PlanRow> => {
    const [row] = await app.db.select().from(billingPlans).where(eq(billingPlans.id, id));
    if (!row) throw notFound('That plan');
    return row;
  };

  const viewOf = async (row: PlanRow) => view(row, (await subscriberCounts()).get(row.id) ?? 0);

  /** The fields an audit entry compares (flat, so the diff reads field by field). */
  const audited = (row: PlanRow) => ({
    code: row.code,
    name: row.name,
    description: row.description,
    price_amount: row.priceAmount,
    currency: row.currency,
    interval: row.interval,
    trial_days: row.trialDays,
    max_quality: row.maxQuality,
    concurrent_streams: row.concurrentStreams,
    profiles: row.profiles,
    downloads: row.downloads,
    ad_free: row.adFree,
    features: row.features,
    highlighted: row.highlighted,
    order: row.order,
    active: row.active,
  });

  /** Rules across fields the schema cannot express; each problem names its field. */
  const check = (code: string, price: { amount: number; currency: string }, trialDays: number, active: boolean) => {
    const fields: FieldProblem[] = [];
    if (!CURRENCIES.has(price.currency))
      fields.push({ field: 'price.currency', message: 'not an ISO 4217 currency code' });
    if (code === FREE) {
      if (price.amount !== 0) fields.push({ field: 'price.amount', message: 'the free tier costs nothing' });
      if (trialDays !== 0) fields.push({ field: 'trial_days', message: 'the free tier has no trial' });
      if (!active) fields.push({ field: 'active', message: 'the free tier is always offered' });
    } else if (price.amount <= 0) {
      fields.push({ field: 'price.amount', message: 'a paid plan costs more than 0' });
    }
    if (fields.length) throw badRequest('Check the highlighted fields', fields);
  };

  /** Re-reads the plans into the entitlement cache the player, profiles and downloads use. */
  const refresh = () => app.billing.service.refreshPlans();

  handle(app, adminPlansList, async () => {
    const [rows, counts] = await Promise.all([
      app.db.select().from(billingPlans).orderBy(billingPlans.order, billingPlans.priceAmount),
      subscriberCounts(),
    ]);
    return { items: rows.map((r) => view(r, counts.get(r.id) ?? 0)) };
  });

  handle(app, adminPlansGet, async ({ params }) => viewOf(await rowOf(params.id)));

  handle(app, adminPlansCreate, async ({ body, principal, request }) => {
    const active = body.active ?? true;
    check(body.code, body.price, body.trial_days, active);
    const [taken] = await app.db
      .select({ id: billingPlans.id })
      .from(billingPlans)
      .where(eq(billingPlans.code, body.code));
    if (taken) throw conflict('A plan with this code exists', [{ field: 'code', message: 'already used by a plan' }]);
    const now = new Date();
    const [row] = await app.db
      .insert(billingPlans)
      .values({
        id: newId('plan'),
        code: body.code,
        name: body.name,
        description: body.description ?? '',
        priceAmount: body.price.amount,
        currency: body.price.currency,
        interval: body.interval,
        trialDays: body.trial_days,
        maxQuality: body.entitlements.max_quality,
        concurrentStreams: body.entitlements.concurrent_streams,
        profiles: body.entitlements.profiles,
        downloads: body.entitlements.downloads,
        adFree: body.entitlements.ad_free,
        features: body.features ?? [],
        highlighted: body.highlighted ?? false,
        order: body.order ?? 100,
        active,
        createdAt: now,
        updatedAt: now,
        archivedAt: active ? null : now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('A plan with this code exists', [{ field: 'code', message: 'already used by a plan' }]);
    await refresh();
    await recordAdminAction(
      app,
      { principal, request },
      'plan.create',
      { type: 'plan', id: row.id, label: row.name },
      null,
      audited(row),
    );
    return view(row, 0);
  });

  handle(app, adminPlansUpdate, async ({ params, body, principal, request }) => {
    const before = await rowOf(params.id);
    const price = body.price ?? { amount: before.priceAmount, currency: before.currency };
    const active = body.active ?? before.active;
    check(before.code, price, body.trial_days ?? before.trialDays, active);
    const e = body.entitlements;
    const now = new Date();
    const [row] = await app.db
      .update(billingPlans)
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        priceAmount: price.amount,
        currency: price.currency,
        ...(body.interval !== undefined ? { interval: body.interval } : {}),
        ...(body.trial_days !== undefined ? { trialDays: body.trial_days } : {}),
        ...(e
          ? {
              maxQuality: e.max_quality,
              concurrentStreams: e.concurrent_streams,
              profiles: e.profiles,
              downloads: e.downloads,
              adFree: e.ad_free,
            }
          : {}),
        ...(body.features !== undefined ? { features: body.features } : {}),
        ...(body.highlighted !== undefined ? { highlighted: body.highlighted } : {}),
        ...(body.order !== undefined ? { order: body.order } : {}),
        active,
        // Archiving through an edit stamps the date; putting a plan back on sale clears it.
        archivedAt: active ? null : (before.archivedAt ?? now),
        updatedAt: now,
      })
      .where(eq(billingPlans.id, before.id))
      .returning();
    const after = row as PlanRow;
    await refresh();
    await recordAdminAction(
      app,
      { principal, request },
      'plan.update',
      { type: 'plan', id: after.id, label: after.name },
      audited(before),
      audited(after),
    );
    return viewOf(after);
  });

  handle(app, adminPlansArchive, async ({ params, principal, request }) => {
    const before = await rowOf(params.id);
    if (before.code === FREE) throw conflict('The free tier cannot be archived: it is the plan without a subscription');
    // Any subscription, live or ended, that names the plan (its invoices and history point at it).
    const [used] = await app.db
      .select({ n: count() })
      .from(billingSubscriptions)
      .where(or(eq(billingSubscriptions.planId, before.id), eq(billingSubscriptions.scheduledPlanId, before.id)));
    if ((used?.n ?? 0) === 0) {
      await app.db.delete(billingPlans).where(eq(billingPlans.id, before.id));
      await refresh();
      await recordAdminAction(
        app,
        { principal, request },
        'plan.delete',
        { type: 'plan', id: before.id, label: before.name },
        audited(before),
        null,
      );
      return;
    }
    if (!before.active) return;
    const now = new Date();
    const [row] = await app.db
      .update(billingPlans)
      .set({ active: false, archivedAt: now, updatedAt: now })
      .where(and(eq(billingPlans.id, before.id), eq(billingPlans.active, true)))
      .returning();
    await refresh();
    if (row)
      await recordAdminAction(
        app,
        { principal, request },
        'plan.archive',
        { type: 'plan', id: row.id, label: row.name },
        audited(before),
        audited(row),
      );
  });
}
