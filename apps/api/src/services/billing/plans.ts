// The plans and their entitlements, as the rest of the server reads them. Plans live in the
// database (billing_plans, staff-edited); this module keeps the current rows in memory so that
// synchronous checks (player sessions, delivery, profile creation) read them without a query.
// The billing service refreshes it at start and after every plan change. Until then, and for a
// code the table does not know, the defaults below (the seed's plans) answer.
import type { BillingMaxQuality } from '@reel/contracts';

export interface PlanInfo {
  id: string;
  code: string;
  name: string;
  description: string;
  priceAmount: number;
  currency: string;
  interval: 'month' | 'year';
  trialDays: number;
  maxQuality: BillingMaxQuality;
  concurrentStreams: number;
  profiles: number;
  downloads: number;
  adFree: boolean;
  features: string[];
  highlighted: boolean;
  order: number;
  active: boolean;
}

/** The seeded plans (seed/billing.ts inserts these). Prices in US cents. */
export const DEFAULT_PLANS: readonly PlanInfo[] = [
  {
    id: 'plan_free',
    code: 'free',
    name: 'Free',
    description: 'Watch the catalog with ads, in HD.',
    priceAmount: 0,
    currency: 'USD',
    interval: 'month',
    trialDays: 0,
    maxQuality: '720p',
    concurrentStreams: 2,
    profiles: 2,
    downloads: 0,
    adFree: false,
    features: ['The whole catalog, with ads', 'HD (720p)'],
    highlighted: false,
    order: 0,
    active: true,
  },
  {
    id: 'plan_basic',
    code: 'basic',
    name: 'Basic',
    description: 'Ad-free HD on two screens.',
    priceAmount: 799,
    currency: 'USD',
    interval: 'month',
    trialDays: 0,
    maxQuality: '720p',
    concurrentStreams: 2,
    profiles: 3,
    downloads: 5,
    adFree: true,
    features: ['No ads', 'HD (720p)', 'Download 5 titles'],
    highlighted: false,
    order: 1,
    active: true,
  },
  {
    id: 'plan_standard',
    code: 'standard',
    name: 'Standard',
    description: 'Full HD on three screens, with downloads.',
    priceAmount: 1399,
    currency: 'USD',
    interval: 'month',
    trialDays: 0,
    maxQuality: '1080p',
    concurrentStreams: 3,
    profiles: 4,
    downloads: 25,
    adFree: true,
    features: ['No ads', 'Full HD (1080p)', 'Download 25 titles'],
    highlighted: true,
    order: 2,
    active: true,
  },
  {
    id: 'plan_premium',
    code: 'premium',
    name: 'Premium',
    description: '4K Ultra HD on four screens. Try it free for 7 days.',
    priceAmount: 1999,
    currency: 'USD',
    interval: 'month',
    trialDays: 7,
    maxQuality: '2160p',
    concurrentStreams: 4,
    profiles: 5,
    downloads: 100,
    adFree: true,
    features: ['No ads', '4K Ultra HD (2160p)', 'Download 100 titles', '7-day free trial'],
    highlighted: false,
    order: 3,
    active: true,
  },
];

let plans: PlanInfo[] = [...DEFAULT_PLANS];

/** Replaces the cached plans (the billing service calls it with the table's rows). */
export function cachePlans(rows: PlanInfo[]): void {
  if (rows.length) plans = [...rows].sort((a, b) => a.order - b.order || a.priceAmount - b.priceAmount);
}

/** Every known plan, in the comparison table's order. */
export function knownPlans(): readonly PlanInfo[] {
  return plans;
}

const free = () => plans.find((p) => p.code === 'free') ?? (DEFAULT_PLANS[0] as PlanInfo);

/** A plan by code; an unknown code gets the free tier's entitlements under its own code and name. */
export function planByCode(code: string): PlanInfo {
  const known = plans.find((p) => p.code === code);
  if (known) return known;
  return { ...free(), code, name: code.charAt(0).toUpperCase() + code.slice(1) };
}

export const heightOfQuality = (q: string) => Number.parseInt(q, 10) || 0;

/** The cheapest plan on sale (not the free tier) that satisfies `test`, or null. */
export function cheapestPlanWhere(test: (plan: PlanInfo) => boolean): PlanInfo | null {
  return (
    plans
      .filter((p) => p.active && p.code !== 'free' && test(p))
      .sort((a, b) => a.priceAmount - b.priceAmount || a.order - b.order)[0] ?? null
  );
}
