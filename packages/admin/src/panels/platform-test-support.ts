// Test support for the platform panels (staff, permissions, API keys, JWKS): a provider signed in
// as the demo admin, answering the re-authentication prompt (the test API asks after 3 s).
import { waitUntil } from '@open-wc/testing';
import { authLogin } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { settled, signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import '../define.js';

export const ADMIN = { email: 'admin@reel.test', password: 'reel-admin-demo' };

export const root = (el: Element) => el.shadowRoot as ShadowRoot;

/** A `<reel-auth-provider>` signed in as the demo admin; `stop()` signs out and removes it. */
export async function adminProvider(): Promise<{ provider: ReelAuthProvider; stop: () => Promise<void> }> {
  await signOut();
  // Themed as on the site (axe judges contrast), the panel in a <main> as in <reel-admin>.
  // (Not a fixture: those are removed after each test, and the provider lives for the file.)
  const page = document.createElement('div');
  page.dataset.reelTheme = 'dark';
  page.dir = 'ltr';
  page.className = 'reel-test-page';
  const provider = document.createElement('reel-auth-provider');
  provider.setAttribute('api-base', '/api/v1');
  provider.append(document.createElement('main'));
  page.append(provider);
  document.body.append(page);
  await settled(provider);
  const session = provider.session;
  if (!session) throw new Error('no session');
  const tokens = await session.client.call(authLogin, { body: ADMIN });
  if (!('access_token' in tokens)) throw new Error('the demo admin has no MFA');
  session.acceptTokens(tokens);
  await waitUntil(() => provider.status === 'signed-in', 'signed in');
  // Re-authentication prompts are answered with the admin's password while the test runs.
  let running = true;
  const answering = (async () => {
    while (running) {
      const dialog = provider.shadowRoot?.querySelector('dialog[open]');
      const input = dialog?.querySelector<HTMLInputElement>('input[name="password"]');
      if (dialog && input && !input.value) {
        input.value = ADMIN.password;
        dialog.querySelector('form')?.requestSubmit();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    provider,
    stop: async () => {
      running = false;
      await answering;
      provider.parentElement?.remove();
      await signOut();
    },
  };
}

/** Mounts a panel in the provider and waits for `ready` to find something. */
export async function mount<T extends HTMLElement>(
  provider: ReelAuthProvider,
  tag: string,
  ready: (shadow: ShadowRoot) => unknown,
): Promise<T> {
  const el = document.createElement(tag) as T;
  (provider.querySelector('main') ?? provider).append(el);
  await waitUntil(() => el.shadowRoot && ready(el.shadowRoot), `${tag} renders`, { timeout: 15000 });
  return el;
}

/** Presses the confirm button of the panel's confirmation dialog. */
export async function confirmDialog(el: Element, what = 'the confirmation'): Promise<void> {
  const dialog = root(el).querySelector('reel-confirm-dialog.platform-confirm') as HTMLElement & { open: boolean };
  await waitUntil(() => dialog.open, `${what} opens`, { timeout: 5000 });
  const button = dialog.shadowRoot?.querySelector('[part~="confirm-button"]') as HTMLElement;
  button.click();
  await waitUntil(() => !dialog.open, `${what} closes`, { timeout: 5000 });
}

/** Every reel-admin-table row's text. */
export function rowTexts(el: Element): string[] {
  const table = root(el).querySelector('reel-admin-table');
  return [...(table?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((r) => r.textContent ?? '');
}

/** Opens a reel-admin-table row (click) whose text includes `text`. */
export function openRow(el: Element, text: string): void {
  const table = root(el).querySelector('reel-admin-table');
  const row = [...(table?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  (row.querySelector('td') as HTMLElement).click();
}

/** Clicks the reel-button whose text includes `label`, within `scope`. */
export function press(scope: ParentNode, label: string): void {
  const button = [...scope.querySelectorAll('reel-button')].find((b) => b.textContent?.includes(label)) as
    | HTMLElement
    | undefined;
  if (!button) throw new Error(`no button ${label}`);
  // The inner control, as a user's click lands (a submit button submits its form from there).
  ((button.shadowRoot?.querySelector('button, a') as HTMLElement | null) ?? button).click();
}

/** Types into a reel-text-field by name. */
export async function fill(scope: ParentNode, name: string, value: string): Promise<void> {
  const field = scope.querySelector(`reel-text-field[name="${name}"]`) as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  const input = field.shadowRoot?.querySelector('input, textarea') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await field.updateComplete;
}

/** Ticks a reel-checkbox by value. */
export function tick(scope: ParentNode, value: string): void {
  const input = scope.querySelector(`reel-checkbox[value="${value}"]`)?.shadowRoot?.querySelector('input');
  if (!input) throw new Error(`no checkbox ${value}`);
  input.click();
}
