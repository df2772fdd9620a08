// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import './define.js';
import '@reel/core/define';
import type { ReelSecurityPassword } from './reel-security-password.js';
import { button, mountSignedIn, press, signInElsewhere, signOutBrowser, type, withReauth } from './test-support.js';

describe('<reel-security-password> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('refuses a common password with the server’s reason, keeps what was typed, then changes it after re-auth', async function () {
    this.timeout(30_000);
    const { el, provider, email } = await mountSignedIn<ReelSecurityPassword>(
      'reel-security-password',
      html`<reel-security-password></reel-security-password>`,
    );
    const other = await signInElsewhere(email);
    await expect(el).to.be.accessible();
    press(button(el, 'Change password'));
    const field = (name: string) =>
      el.shadowRoot?.querySelector(`reel-text-field[name="${name}"]`) as HTMLElement & {
        error: string;
        value: string;
      };
    await waitUntil(() => field('new_password'), 'the dialog opens');
    await expect(el).to.be.accessible();
    await type(field('new_password'), 'password1234');
    await type(field('again'), 'password1234');
    await withReauth(provider, async () => {
      press(button(el, 'Save new password'));
      await waitUntil(() => field('new_password').error, 'the server’s reason', { timeout: 8000 });
    });
    expect(field('new_password').value, 'what was typed stays').to.equal('password1234');

    await type(field('new_password'), 'copper-violin-orchard-77');
    await type(field('again'), 'copper-violin-orchard-77');
    await withReauth(provider, async () => {
      press(button(el, 'Save new password'));
      await waitUntil(
        () => !(el.shadowRoot?.querySelector('reel-dialog') as unknown as { open: boolean } | null)?.open,
        'changed',
        {
          timeout: 8000,
        },
      );
    });
    const me = await fetch('/api/v1/auth/me', { headers: { authorization: `Bearer ${other}` } });
    expect(me.status, 'other sessions were signed out').to.equal(401);
  });
});
