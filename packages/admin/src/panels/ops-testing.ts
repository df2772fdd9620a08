// Browser-test helpers for the platform panels (imported by tests only, in no bundle).
import { waitUntil } from '@open-wc/testing';
import { authLogin } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { settled } from '@reel/title-card/testing';

/** Signs `provider` in as the demo admin (no MFA on the demo account). */
export async function signInAsAdmin(provider: ReelAuthProvider): Promise<void> {
  await settled(provider);
  const session = provider.session;
  if (!session) throw new Error('no session');
  const tokens = await session.client.call(authLogin, {
    body: { email: 'admin@reel.test', password: 'reel-admin-demo' },
  });
  if (!('access_token' in tokens)) throw new Error('the demo admin has no MFA');
  session.acceptTokens(tokens);
  await waitUntil(() => provider.status === 'signed-in', 'signed in');
}

/** A themed page (as the shell paints it) so axe judges the contrast a user sees. */
export function themedPage(): HTMLElement {
  const page = document.createElement('div');
  page.dataset.reelTheme = 'dark';
  page.className = 'reel-test-page';
  document.body.append(page);
  return page;
}

/**
 * Answers the provider's re-authentication dialog with the demo admin's password whenever it opens
 * (the test API asks again after 3 s). Returns a function that stops watching.
 */
export function autoReauth(provider: ReelAuthProvider, password = 'reel-admin-demo'): () => void {
  const timer = setInterval(() => {
    const dialog = provider.shadowRoot?.querySelector('dialog[open]');
    const input = dialog?.querySelector<HTMLInputElement>('input[name="password"]');
    if (!dialog || !input || input.value) return;
    input.value = password;
    dialog.querySelector('form')?.requestSubmit();
  }, 100);
  return () => clearInterval(timer);
}
