// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import './define.js';
import '@reel/core/define';
import type { ReelSecurityLog } from './reel-security-log.js';
import { button, mountSignedIn, PASSWORD, press, signOutBrowser } from './test-support.js';

const events = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part="event"]') ?? [])];

describe('<reel-security-log> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('shows security events in words, filters by kind and pages with "Show more"', async function () {
    this.timeout(30_000);
    const { el, provider } = await mountSignedIn<ReelSecurityLog>(
      'reel-security-log',
      html`<reel-security-log></reel-security-log>`,
    );
    const client = provider.session?.client;
    const { authReauth } = await import('@reel/contracts');
    for (let i = 0; i < 16; i++) await client?.call(authReauth, { body: { method: 'password', password: PASSWORD } });
    el.refresh();
    await waitUntil(() => events(el).length === 15, 'the first page', { timeout: 8000 });
    await expect(el).to.be.accessible();
    expect(events(el)[0]?.textContent).to.contain('Confirmed it was you');
    press(button(el, 'Show more'));
    await waitUntil(
      () => !el.shadowRoot?.querySelector('.more') && events(el).length >= 18,
      'the rest: 16 re-auths, the sign-in, the account created',
      { timeout: 8000 },
    );
    expect(events(el).at(-1)?.textContent).to.contain('Account created');

    const select = el.shadowRoot?.querySelector('reel-select') as HTMLElement & { value: string };
    select.value = 'account';
    select.dispatchEvent(new CustomEvent('reel-change', { detail: { value: 'account' } }));
    await waitUntil(() => events(el).length === 1, 'only account events', { timeout: 8000 });
    expect(events(el)[0]?.textContent).to.contain('Account created');
  });
});
