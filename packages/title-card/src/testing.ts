/**
 * Test helpers for the discovery packages (browser tests only: `@reel/title-card/testing`
 * resolves to this source through the `reel-source` condition and is in no bundle). They talk to
 * the real reference API the test runner proxies.
 */
import { waitUntil } from '@open-wc/testing';
import { authLogin, homeRails, profilesList, type Rail, type TitleSummary } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';

/** Signs the browser out (drops the refresh cookie), so a new provider starts signed out. */
export async function signOut(): Promise<void> {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => {});
}

/** Waits for a provider to know whether it is signed in. */
export async function settled(provider: ReelAuthProvider): Promise<ReelAuthProvider> {
  await customElements.whenDefined('reel-auth-provider');
  await waitUntil(() => provider.status !== 'loading', 'the provider settles', { timeout: 10000 });
  return provider;
}

/** Signs `provider` in as the demo viewer and makes the profile Alex active (Alex has history). */
export async function signInAsAlex(provider: ReelAuthProvider): Promise<string> {
  await settled(provider);
  if (provider.status !== 'signed-in') {
    const session = provider.session;
    if (!session) throw new Error('no session');
    const tokens = await session.client.call(authLogin, {
      body: { email: 'viewer@reel.test', password: 'reel-viewer-demo' },
    });
    if (!('access_token' in tokens)) throw new Error('the demo viewer has no MFA');
    session.acceptTokens(tokens);
    await waitUntil(() => provider.status === 'signed-in', 'signed in');
  }
  const session = provider.session;
  if (!session) throw new Error('no session');
  const { items } = await session.client.call(profilesList);
  const alex = items.find((p) => p.name === 'Alex');
  if (!alex) throw new Error('the demo viewer has a profile Alex');
  if (session.profileId !== alex.id) await session.switchProfile(alex.id);
  await waitUntil(() => provider.session?.profileId === alex.id, 'Alex is active');
  return alex.id;
}

/** The home rails as the server answers them for `provider`'s session. */
export async function serverRails(provider: ReelAuthProvider, itemsPerRail = 20): Promise<Rail[]> {
  const session = provider.session;
  if (!session) throw new Error('no session');
  return (await session.client.call(homeRails, { query: { items_per_rail: itemsPerRail } })).rails;
}

/** `count` distinct titles made from real ones (for long-list tests). */
export function manyTitles(seed: TitleSummary[], count: number): TitleSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const base = seed[i % seed.length] as TitleSummary;
    return { ...base, id: `${base.id}-${i}`, name: `${base.name} ${i + 1}` };
  });
}

/** Resolves after the next painted frame. */
export const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
