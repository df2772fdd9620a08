// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountMany } from '@reel/core/testing';
import './define.js';
import '@reel/core/define';
import type { ReelSecurityMfa } from './reel-security-mfa.js';
import { button, deep, mountSignedIn, press, signOutBrowser, totp, type, withReauth } from './test-support.js';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<reel-security-mfa> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('turns two-step verification on: QR code and key, a wrong code is explained, backup codes shown once', async function () {
    this.timeout(40_000);
    const { provider, el } = await mountSignedIn<ReelSecurityMfa>(
      'reel-security-mfa',
      html`<reel-security-mfa></reel-security-mfa>`,
    );
    await waitUntil(() => text(el).includes('Off'), 'the status loads', { timeout: 8000 });
    await expect(el).to.be.accessible();

    await withReauth(provider, async () => {
      press(button(el, 'Turn on'));
      await waitUntil(() => el.shadowRoot?.querySelector('[data-key]'), 'the setup dialog shows the key', {
        timeout: 8000,
      });
    });
    const qr = el.shadowRoot?.querySelector('svg[part="qr"]') as SVGElement;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.querySelector('path')?.getAttribute('d')?.length).to.be.greaterThan(100);
    const key = (el.shadowRoot?.querySelector('[data-key]')?.textContent ?? '').replace(/\s/g, '');
    expect(key).to.match(/^[A-Z2-7]{32}$/);
    await expect(el).to.be.accessible();

    const field = el.shadowRoot?.querySelector('reel-text-field[name="code"]') as HTMLElement;
    await type(field, '000000' === (await totp(key)) ? '111111' : '000000');
    press(button(el, 'Verify and turn on'));
    await waitUntil(() => (field as unknown as { error: string }).error, 'the wrong code is explained', {
      timeout: 8000,
    });
    await type(field, await totp(key));
    press(button(el, 'Verify and turn on'));
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part="codes"] li').length === 10, 'ten backup codes', {
      timeout: 8000,
    });
    const codes = [...(el.shadowRoot?.querySelectorAll('[part="codes"] li') ?? [])].map((li) => li.textContent?.trim());
    expect(codes.every((c) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c ?? ''))).to.equal(true);
    press(button(el, 'saved them'));
    await waitUntil(() => text(el).includes('10 of 10 left'), 'the card says it is on', { timeout: 8000 });
    expect(deep(el, 'reel-badge')?.textContent).to.contain('On');
    await expect(el).to.be.accessible();

    // The code list shows hints only; turning off asks first.
    press(button(el, 'See backup codes'));
    await waitUntil(() => el.shadowRoot?.querySelectorAll('.slots li').length === 10, 'the code slots', {
      timeout: 8000,
    });
    expect(text(el)).not.to.contain(codes[0] as string);
    press(button(el, 'Close'));
    await withReauth(provider, async () => {
      press(button(el, 'Turn off'));
      const dialog = el.shadowRoot?.querySelector('reel-confirm-dialog') as HTMLElement;
      await waitUntil(() => (dialog as unknown as { open: boolean }).open, 'a confirmation');
      press(dialog.shadowRoot?.querySelector('[part="confirm-button"]') as HTMLElement);
      await waitUntil(() => text(el).includes('Off'), 'it is off again', { timeout: 8000 });
    });
  });

  it('does not leak listeners when mounted and removed many times', async () => {
    expect(await mountMany(() => document.createElement('reel-security-mfa'), { times: 30 })).to.be.empty;
  });
});
