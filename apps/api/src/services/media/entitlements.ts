// What a plan allows when playing: the highest rung and the concurrent streams. Plans and their
// entitlements live in the billing tables (services/billing/plans.ts keeps them in memory); an
// unknown code gets the free tier's.
import type { PlayerQuality } from '@reel/contracts';
import { cheapestPlanWhere, heightOfQuality, planByCode } from '../billing/plans.js';

export interface PlaybackEntitlements {
  plan: string;
  /** The plan's display name, for refusals. */
  planName: string;
  maxQuality: PlayerQuality;
  concurrentStreams: number;
}

export function playbackEntitlements(plan: string): PlaybackEntitlements {
  const p = planByCode(plan);
  return {
    plan,
    planName: p.name,
    maxQuality: p.maxQuality as PlayerQuality,
    concurrentStreams: p.concurrentStreams,
  };
}

/** The cheapest plan (code) that streams `quality`, for the upgrade hint. */
export function planFor(quality: PlayerQuality): string | null {
  const height = heightOfQuality(quality);
  return cheapestPlanWhere((p) => heightOfQuality(p.maxQuality) >= height)?.code ?? null;
}

/** The cheapest plan (code and name) that plays on more than `streams` screens at once. */
export function planForStreams(streams: number): { code: string; name: string } | null {
  const p = cheapestPlanWhere((plan) => plan.concurrentStreams > streams);
  return p ? { code: p.code, name: p.name } : null;
}
