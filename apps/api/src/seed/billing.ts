import type { Db } from '../db/client.js';
import { billingPlans } from '../db/schema/index.js';
import { DEFAULT_PLANS } from '../services/billing/plans.js';

/**
 * The plans on sale: Free (the tier without a subscription), Basic, Standard and Premium (with a
 * 7-day trial), priced in US cents. Idempotent: a plan whose code exists is left as staff edited it.
 */
export async function seedPlans(db: Db): Promise<void> {
  await db
    .insert(billingPlans)
    .values(DEFAULT_PLANS.map((p) => ({ ...p, features: [...p.features] })))
    .onConflictDoNothing();
}
