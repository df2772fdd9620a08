/**
 * Helpers for the browser tests of @reel/account-security (not part of any bundle): a fresh
 * account signed in on this page, TOTP codes computed from a key (RFC 6238, with Web Crypto),
 * the provider's re-authentication prompt answered as a user would, and shadow-DOM lookups.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { createTransport } from '@reel/client';
import { authDevMailbox } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { themedFixture } from '@reel/core/testing';

export { totp } from '@reel/core/testing';

import { html, type TemplateResult } from 'lit';

export const PASSWORD = 'lantern-harbour-meadow-42';

/** A client without cookies, for arranging a test through the API. */
export const api = createTransport({ baseUrl: '/api/v1', credentials: 'omit' });

export const uniqueEmail = (prefix = 'sec') =>
  `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** Signs the browser out (clears the refresh cookie). */
export async function signOutBrowser(): Promise<void> {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => {});
}

/** Creates an account and signs this browser in with it (the refresh cookie is set). */
export async function signUpHere(email = uniqueEmail()): Promise<{ email: string; token: string }> {
  const res = await fetch('/api/v1/auth/register', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, display_name: 'Casey Tester', accept_terms: true }),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return { email, token: ((await res.json()) as { access_token: string }).access_token };
}

/** Signs an account in from "another browser" (no cookies kept): answers the access token. */
export async function signInElsewhere(email: string): Promise<string> {
  const res = await fetch('/api/v1/auth/login', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Mounts `template` inside a signed-in provider (a fresh account); answers the provider and the element. */
export async function mountSignedIn<T extends Element>(
  tag: string,
  template: TemplateResult,
  email = uniqueEmail(),
): Promise<{ provider: ReelAuthProvider; el: T; email: string }> {
  await signOutBrowser();
  await signUpHere(email);
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1">${template}</reel-auth-provider>`,
  );
  await waitUntil(() => provider.status === 'signed-in', 'the provider signs in', { timeout: 8000 });
  const el = provider.querySelector(tag) as T;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { provider, el, email };
}

/** Mounts outside any provider (for the leak test). */
export const plain = <T extends Element>(template: TemplateResult) => fixture<T>(template);

// ─── The page as a user sees it ────────────────────────────────────────────────────────────────

/** The first element matching `selector` inside `host`'s shadow root (and nested ones, depth-first). */
export function deep<T extends Element>(host: Element, selector: string): T | null {
  const root = host.shadowRoot;
  if (!root) return null;
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const child of root.querySelectorAll('*')) {
    const found = child.shadowRoot ? deep<T>(child, selector) : null;
    if (found) return found;
  }
  return null;
}

/** A reel-button (in `host`'s shadow root) whose text contains `text`. */
export function button(host: Element, text: string | RegExp): HTMLElement {
  const buttons = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('reel-button') ?? [])];
  const found = buttons.find((b) =>
    typeof text === 'string' ? b.textContent?.includes(text) : text.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button "${text}" in ${host.tagName}`);
  return found;
}

/** Presses a reel-button as a user would (its native button receives the click). */
export function press(target: HTMLElement): void {
  const native = target.shadowRoot?.querySelector<HTMLElement>('button, a') ?? target;
  native.click();
}

/** Types into a reel-text-field as a user would. */
export async function type(field: Element, value: string): Promise<void> {
  const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (field as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** The open confirm dialog inside `host`, confirmed (its confirm button pressed). */
export async function confirmDialog(host: Element): Promise<void> {
  let dialog: Element | null = null;
  await waitUntil(
    () => {
      dialog =
        [...(host.shadowRoot?.querySelectorAll('reel-confirm-dialog') ?? [])].find(
          (d) => (d as { open?: boolean }).open,
        ) ?? null;
      return dialog;
    },
    'a confirmation is asked',
    { timeout: 4000 },
  );
  const confirm = (dialog as unknown as Element).shadowRoot?.querySelector('[part="confirm-button"]') as HTMLElement;
  await waitUntil(() => !(confirm as { disabled?: boolean }).disabled, 'the confirm button is enabled');
  press(confirm);
}

/**
 * Answers the provider's "Confirm it's you" prompt with the password whenever it appears while
 * `work` runs (the test server's re-auth window is a few seconds, so sensitive actions ask).
 */
export async function withReauth<T>(
  provider: ReelAuthProvider,
  work: () => Promise<T>,
  password = PASSWORD,
): Promise<T> {
  let done = false;
  const answer = (async () => {
    while (!done) {
      const dialog = provider.shadowRoot?.querySelector('dialog[open]');
      const input = dialog?.querySelector<HTMLInputElement>('input[name="password"]');
      if (dialog && input && !input.value) {
        input.value = password;
        dialog.querySelector('form')?.requestSubmit();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    return await work();
  } finally {
    done = true;
    await answer;
  }
}

/** Reads the newest email of a template to an address from the development mailbox. */
export async function newestMail(to: string, template: string) {
  let found: Awaited<ReturnType<typeof mailbox>>['items'] = [];
  await waitUntil(
    async () => {
      found = (await mailbox(to, template)).items;
      return found.length > 0;
    },
    `an email (${template}) to ${to}`,
    { timeout: 8000, interval: 150 },
  );
  return found[0] as (typeof found)[number];
}

function mailbox(to: string, template: string) {
  return api.call(authDevMailbox, { query: { to, template } });
}
