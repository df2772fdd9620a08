// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import './define.js';
import '@reel/core/define';
import type { ReelSecurityActivity } from './reel-security-activity.js';
import { mountSignedIn, signOutBrowser, uniqueEmail } from './test-support.js';

const attempts = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part="attempt"]') ?? [])];

describe('<reel-security-activity> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('shows successes and failures with where and how, and filters by outcome', async () => {
    const email = uniqueEmail('act');
    const { el } = await mountSignedIn<ReelSecurityActivity>(
      'reel-security-activity',
      html`<reel-security-activity></reel-security-activity>`,
      email,
    );
    for (let i = 0; i < 2; i++)
      await fetch('/api/v1/auth/login', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'not the password at all' }),
      });
    // The failures are written just after their answers.
    await new Promise((r) => setTimeout(r, 300));
    el.refresh();
    await waitUntil(() => attempts(el).length === 3, 'the sign-up and two failures', { timeout: 8000 });
    await expect(el).to.be.accessible();
    const failed = attempts(el).filter((a) => a.getAttribute('data-outcome') === 'failure');
    expect(failed).to.have.length(2);
    expect(failed[0]?.textContent).to.contain('Wrong password');
    expect(attempts(el).at(-1)?.textContent).to.contain('This computer');

    const select = el.shadowRoot?.querySelector('reel-select') as HTMLElement & { value: string };
    select.value = 'failure';
    select.dispatchEvent(new CustomEvent('reel-change', { detail: { value: 'failure' } }));
    await waitUntil(() => attempts(el).length === 2, 'only failures', { timeout: 8000 });
  });
});
