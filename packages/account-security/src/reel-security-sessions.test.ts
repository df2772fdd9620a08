// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import '@reel/core/define';
import type { ReelSecuritySessions } from './reel-security-sessions.js';
import { button, confirmDialog, mountSignedIn, press, signInElsewhere, signOutBrowser } from './test-support.js';

const rows = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part="session"]') ?? [])];

describe('<reel-security-sessions> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('lists where you are signed in, this device marked, and signs another session out at once', async () => {
    const { el, email } = await mountSignedIn<ReelSecuritySessions>(
      'reel-security-sessions',
      html`<reel-security-sessions></reel-security-sessions>`,
    );
    const other = await signInElsewhere(email);
    el.refresh();
    await waitUntil(() => rows(el).length === 2, 'two sessions', { timeout: 8000 });
    await expect(el).to.be.accessible();
    const current = rows(el).find((r) => r.textContent?.includes('This device'));
    expect(current, 'this session is marked').to.exist;
    expect(current?.textContent).to.contain('This computer');

    const otherRow = rows(el).find((r) => r !== current) as Element;
    press(otherRow.querySelector('reel-button') as HTMLElement);
    await confirmDialog(el);
    await waitUntil(() => rows(el).length === 1, 'one session left', { timeout: 8000 });
    const me = await fetch('/api/v1/auth/me', { headers: { authorization: `Bearer ${other}` } });
    expect(me.status, 'the other session is refused at once').to.equal(401);
  });

  it('is operable with the keyboard: Tab reaches "Sign out other sessions", Enter asks, Escape cancels', async () => {
    const { el, email } = await mountSignedIn<ReelSecuritySessions>(
      'reel-security-sessions',
      html`<reel-security-sessions></reel-security-sessions>`,
    );
    await signInElsewhere(email);
    el.refresh();
    await waitUntil(() => rows(el).length === 2, 'two sessions', { timeout: 8000 });
    const target = button(el, 'Sign out other sessions');
    target.shadowRoot?.querySelector('button')?.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = el.shadowRoot?.querySelector('reel-confirm-dialog') as unknown as { open: boolean };
    await waitUntil(() => dialog.open, 'the confirmation opens');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape cancels');
    expect(rows(el).length).to.equal(2);
  });
});
