// What a plan allows when playing: the highest rung and the concurrent streams. The billing
// routes own plans; until they store entitlements, this table is the source (the codes match
// services/profiles.ts), and an unknown code gets the free tier's.
import type { PlayerQuality } from '@reel/contracts';

export interface PlaybackEntitlements {
  plan: string;
  maxQuality: PlayerQuality;
  concurrentStreams: number;
}

export const PLAN_PLAYBACK: Record<string, Omit<PlaybackEntitlements, 'plan'>> = {
  free: { maxQuality: '720p', concurrentStreams: 2 },
  basic: { maxQuality: '720p', concurrentStreams: 1 },
  standard: { maxQuality: '1080p', concurrentStreams: 2 },
  premium: { maxQuality: '2160p', concurrentStreams: 4 },
};

export function playbackEntitlements(plan: string): PlaybackEntitlements {
  return { plan, ...(PLAN_PLAYBACK[plan] ?? (PLAN_PLAYBACK.free as Omit<PlaybackEntitlements, 'plan'>)) };
}

/** The cheapest plan that streams `quality`, for the upgrade hint. */
export function planFor(quality: PlayerQuality): string | null {
  const order = ['basic', 'standard', 'premium'];
  const height = Number.parseInt(quality, 10);
  return order.find((p) => Number.parseInt(PLAN_PLAYBACK[p]?.maxQuality ?? '0', 10) >= height) ?? null;
}
