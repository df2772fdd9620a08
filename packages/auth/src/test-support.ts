/**
 * Helpers for the browser tests of @reel/auth (not part of any bundle): fresh accounts (with
 * two-step verification turned on through the real routes), TOTP codes computed from a key
 * (RFC 6238, with Web Crypto), the development mailbox through the contract's `authDevMailbox`,
 * and typing into Reel text fields.
 */
import { waitUntil } from '@open-wc/testing';
import { createTransport } from '@reel/client';
import { authDevMailbox, authReauth, authRegister, mfaSetup, mfaVerify } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { totp } from '@reel/core/testing';
import type { ReelTextField } from '@reel/ui';

export { totp };

export const PASSWORD = 'lantern-harbour-meadow-42';

/** A fresh address for one test. */
export const uniqueEmail = (prefix = 'flow') =>
  `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** A client without cookies, for arranging a test through the API. */
export const api = createTransport({ baseUrl: '/api/v1', credentials: 'omit' });

/** Signs the browser out (clears the refresh cookie). */
export async function signOutBrowser(): Promise<void> {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => {});
}

/** Creates an account through the API (not signed in on this page); answers its access token. */
export async function registerAccount(email = uniqueEmail(), password = PASSWORD, name = 'Casey Tester') {
  return api.call(authRegister, { body: { email, password, display_name: name, accept_terms: true } });
}

/**
 * Creates an account and turns two-step verification on through the real routes, as the security
 * page does: re-authenticate with the password (setup asks for a fresh re-auth window), start the
 * setup, confirm it with a code computed from the returned key. Answers the key and the backup codes.
 */
export async function registerMfaAccount(email = uniqueEmail('mfa')) {
  const { access_token: token } = await registerAccount(email);
  const as = createTransport({ baseUrl: '/api/v1', credentials: 'omit', getAccessToken: () => token });
  await as.call(authReauth, { body: { method: 'password', password: PASSWORD } });
  const setup = await as.call(mfaSetup);
  const enabled = await as.call(mfaVerify, { body: { code: await totp(setup.secret) } });
  return { email, secret: setup.secret, backupCodes: enabled.backup_codes.codes };
}

/** A well-formed code the server refuses: none of the steps it would accept now. */
export async function wrongTotp(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1, 2].map((offset) => totp(secret, offset))));
  for (const candidate of ['000000', '111111', '222222', '333333', '444444'])
    if (!valid.has(candidate)) return candidate;
  throw new Error('unreachable: five codes cannot all be valid');
}

/** Waits for the newest email of a template to an address and answers it. */
export async function waitForMail(to: string, template: string, count = 1) {
  let found: Awaited<ReturnType<typeof mailbox>>['items'] = [];
  await waitUntil(
    async () => {
      found = (await mailbox(to, template)).items;
      return found.length >= count;
    },
    `an email (${template}) to ${to}`,
    { timeout: 8000, interval: 150 },
  );
  return found[0] as (typeof found)[number];
}

export function mailbox(to: string, template?: string) {
  return api.call(authDevMailbox, { query: { to, ...(template ? { template } : {}) } });
}

/** The `token` of an emailed link. */
export const tokenOf = (link: string) => new URL(link, location.href).searchParams.get('token') as string;

/** A named text field in an element's shadow root. */
export function field(host: Element, name: string): ReelTextField {
  const found = host.shadowRoot?.querySelector<ReelTextField>(`reel-text-field[name="${name}"]`);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

/** Types a value into a Reel text field as a user would (its input event). */
export async function fill(host: Element, name: string, value: string): Promise<void> {
  const target = field(host, name);
  await target.updateComplete;
  const input = target.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await target.updateComplete;
}

/** Submits the element's form (as Enter or the submit button would). */
export function submit(host: Element): void {
  host.shadowRoot?.querySelector('form')?.requestSubmit();
}

/** The text of the form's alert, or ''. */
export const alertText = (host: Element) =>
  host.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element that has focus, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until a provider knows whether the browser is signed in. */
export async function settled(provider: ReelAuthProvider): Promise<void> {
  await waitUntil(() => provider.status !== 'loading', 'the provider settles', { timeout: 8000 });
}
