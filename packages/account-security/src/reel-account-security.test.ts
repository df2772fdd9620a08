// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import '@reel/core/define';
import type { ReelAccountSecurity } from './reel-account-security.js';
import { mountSignedIn, signOutBrowser } from './test-support.js';

describe('<reel-account-security> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('shows the checkup and every section, is accessible, and moves between sections by keyboard', async function () {
    this.timeout(30_000);
    const { el } = await mountSignedIn<ReelAccountSecurity>(
      'reel-account-security',
      html`<reel-account-security></reel-account-security>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('.tile'), 'the checkup', { timeout: 8000 });
    const tiles = [...(el.shadowRoot?.querySelectorAll('.tile') ?? [])].map((t) => t.textContent?.replace(/\s+/g, ' '));
    expect(tiles[0]).to.contain('Turn on two-step verification');
    expect(tiles[1]).to.contain('Signed in on 1 device');
    const panels = [...(el.shadowRoot?.querySelectorAll('[data-section]') ?? [])];
    expect(panels.map((p) => p.getAttribute('data-section'))).to.deep.equal([
      'two-step',
      'password',
      'sessions',
      'devices',
      'activity',
      'log',
      'danger-zone',
    ]);
    await waitUntil(() => panels.every((p) => p.shadowRoot?.querySelector('h2')), 'every card rendered', {
      timeout: 8000,
    });
    await new Promise((r) => setTimeout(r, 500));
    await expect(el).to.be.accessible();

    const navigations: string[] = [];
    el.addEventListener('reel-navigate', (e) => {
      navigations.push(e.detail.href);
      e.preventDefault();
    });
    const link = el.shadowRoot?.querySelector('nav a[href$="/devices"]') as HTMLAnchorElement;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(navigations).to.deep.equal(['/account/security/devices']);
    expect(el.section).to.equal('devices');
    const devices = el.shadowRoot?.querySelector('[data-section="devices"]') as HTMLElement;
    await waitUntil(() => devices.shadowRoot?.activeElement?.tagName === 'H2', 'focus moves to the section heading');
  });
});
