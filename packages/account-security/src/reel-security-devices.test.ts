// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import './define.js';
import '@reel/core/define';
import type { ReelSecurityDevices } from './reel-security-devices.js';
import { button, confirmDialog, mountSignedIn, press, signOutBrowser } from './test-support.js';

const devices = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part="device"]') ?? [])];

describe('<reel-security-devices> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('lists this browser with its sessions, shows trusted browsers, and signs every other device out', async function () {
    this.timeout(30_000);
    const { el } = await mountSignedIn<ReelSecurityDevices>(
      'reel-security-devices',
      html`<reel-security-devices></reel-security-devices>`,
    );
    await waitUntil(() => devices(el).length === 1, 'this browser is listed', { timeout: 8000 });
    await expect(el).to.be.accessible();
    const row = devices(el)[0] as Element;
    expect(row.textContent).to.contain('This device');
    expect(row.textContent).to.contain('1 active session');
    press(button(el, 'Sessions'));
    await waitUntil(() => row.querySelector('.sessions li')?.textContent?.includes('This session'), 'its sessions', {
      timeout: 8000,
    });

    // The trusted tab: none yet, said plainly.
    const tab = el.shadowRoot?.querySelector('reel-tab[panel="trusted"]') as HTMLElement;
    tab.click();
    await waitUntil(() => el.shadowRoot?.textContent?.includes('No trusted browsers'), 'the empty state', {
      timeout: 8000,
    });
    await expect(el).to.be.accessible();

    // Sign out all devices, keeping this one (the default): this session stays.
    press(button(el, 'Sign out all devices'));
    await confirmDialog(el);
    await waitUntil(
      () => !(el.shadowRoot?.querySelector('reel-confirm-dialog') as unknown as { open: boolean } | null)?.open,
      'done',
      {
        timeout: 8000,
      },
    );
    const me = await fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'include' });
    expect(me.status, 'this device kept its session').to.equal(200);
  });
});
