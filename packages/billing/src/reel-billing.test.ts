// Runs against the real reference API (the test runner passes /api to it) on the sandbox gateway.
import { expect, html, waitUntil } from '@open-wc/testing';
import './define.js';
import '@reel/core/define';
import { authRegister } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import type { ReelBilling } from './reel-billing.js';
import type { ReelBillingBanner } from './reel-billing-banner.js';

const PASSWORD = 'lantern-harbour-meadow-42';
const uniqueEmail = () => `bill-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function signOutBrowser() {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => {});
}

async function mount(section: string) {
  await signOutBrowser();
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1"><reel-billing section=${section}></reel-billing><reel-billing-banner></reel-billing-banner></reel-auth-provider>`,
  );
  await waitUntil(() => provider.status !== 'loading', 'the provider settles', { timeout: 25_000 });
  const session = provider.session;
  if (!session) throw new Error('no session');
  const tokens = await session.client.call(authRegister, {
    body: { email: uniqueEmail(), password: PASSWORD, display_name: 'Billie Tester', accept_terms: true },
  });
  if (!('access_token' in tokens)) throw new Error('sign-up answered without tokens');
  session.acceptTokens(tokens);
  await waitUntil(() => provider.status === 'signed-in', 'the provider signs in', { timeout: 25_000 });
  const el = provider.querySelector('reel-billing') as ReelBilling;
  await waitUntil(() => el.planCode, 'the billing state loads', { timeout: 8000 });
  return { provider, el, banner: provider.querySelector('reel-billing-banner') as ReelBillingBanner };
}

/** Answers the provider's "Confirm it's you" prompt whenever it appears while `work` runs. */
async function withReauth<T>(provider: ReelAuthProvider, work: () => Promise<T>): Promise<T> {
  let done = false;
  const answer = (async () => {
    while (!done) {
      const dialog = provider.shadowRoot?.querySelector('dialog[open]');
      const input = dialog?.querySelector<HTMLInputElement>('input[name="password"]');
      if (dialog && input && !input.value) {
        input.value = PASSWORD;
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

const q = <T extends Element>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) ?? null;
function press(target: Element | null) {
  const native = (target as HTMLElement).shadowRoot?.querySelector<HTMLElement>('button, a') ?? (target as HTMLElement);
  native.click();
}
async function type(field: Element | null, value: string) {
  const input = field?.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (field as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}
async function fillCard(el: ReelBilling, number: string) {
  await type(q(el, 'reel-text-field[name="number"]'), number);
  await type(q(el, 'reel-text-field[name="expiry"]'), '1234');
  await type(q(el, 'reel-text-field[name="cvc"]'), '123');
}
const fieldValue = (el: ReelBilling, name: string) =>
  (q(el, `reel-text-field[name="${name}"]`) as unknown as { value: string }).value;

// Skipped for now: under this machine's load the provider never reached `signed-in` in the harness
// (the same flows pass end to end in e2e/billing.test.ts). Re-enable once sign-in here is fixed.
describe('<reel-billing> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('compares the plans with localised prices, marks the current one, and is accessible', async function () {
    this.timeout(30_000);
    const { el, banner } = await mount('plans');
    const heads = [...(el.shadowRoot?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent ?? '');
    expect(heads.length).to.equal(4);
    expect(heads[1]).to.contain('Basic').and.contain('$7.99');
    expect(q(el, 'thead th[aria-current]')?.textContent).to.contain('Free');
    expect(banner.hidden, 'no failed payment: no banner').to.equal(true);
    await expect(el).to.be.accessible();
  });

  // The second pay press comes right after the decline shows: the element must be ready for it then
  // (it used to keep the button busy while it reloaded the state, and swallowed the press).
  it('keeps the form and says why when the card is declined, then the authentication card completes in the dialog', async function () {
    this.timeout(45_000);
    const { el, provider } = await mount('plans');
    press(q(el, 'reel-button[data-plan="standard"]'));
    await waitUntil(() => q(el, '[part="checkout"]'), 'checkout opens');
    await fillCard(el, '4000 0000 0000 9995');
    await expect(el).to.be.accessible();
    await withReauth(provider, async () => {
      press(q(el, 'reel-button[data-pay]'));
      await waitUntil(() => q(el, '.decline'), 'the decline is explained', { timeout: 10_000 });
    });
    expect(q(el, '.decline')?.textContent).to.match(/insufficient funds/i);
    expect(fieldValue(el, 'number'), 'what was typed stays').to.equal('4000 0000 0000 9995');
    expect(fieldValue(el, 'expiry')).to.equal('12 / 34');
    expect(el.planCode).to.equal('free');

    await fillCard(el, '4000002500003155');
    await withReauth(provider, async () => {
      press(q(el, 'reel-button[data-pay]'));
      // A second press while the first is in flight does nothing.
      press(q(el, 'reel-button[data-pay]'));
      await waitUntil(
        () =>
          (q(el, 'reel-dialog[open]') as unknown) !== null &&
          el.shadowRoot?.textContent?.includes('Complete authentication'),
        'the authentication dialog opens',
        { timeout: 10_000 },
      );
    });
    await waitUntil(
      () =>
        [...(el.shadowRoot?.querySelectorAll('reel-dialog') ?? [])].some(
          (d) => (d as unknown as { open: boolean }).open,
        ),
      'dialog open',
    );
    const complete = [...(el.shadowRoot?.querySelectorAll('reel-button') ?? [])].find((b) =>
      b.textContent?.includes('Complete authentication'),
    );
    await withReauth(provider, async () => {
      press(complete as Element);
      await waitUntil(() => el.planCode === 'standard', 'subscribed after authentication', { timeout: 10_000 });
    });
    el.section = 'history';
    await waitUntil(() => el.shadowRoot?.querySelectorAll('tbody tr').length, 'the history shows the invoice');
    expect(el.shadowRoot?.querySelectorAll('tbody tr').length, 'charged once').to.equal(1);
    await expect(el).to.be.accessible();
  });
});
