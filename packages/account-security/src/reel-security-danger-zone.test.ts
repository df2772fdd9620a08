// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import './define.js';
import '@reel/core/define';
import type { ReelSecurityDangerZone } from './reel-security-danger-zone.js';
import { button, mountSignedIn, newestMail, press, signOutBrowser, type, withReauth } from './test-support.js';

describe('<reel-security-danger-zone> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('says what deletion removes, needs the email typed, and schedules it (signed out, announced by email)', async function () {
    this.timeout(30_000);
    const { el, provider, email } = await mountSignedIn<ReelSecurityDangerZone>(
      'reel-security-danger-zone',
      html`<reel-security-danger-zone></reel-security-danger-zone>`,
    );
    await waitUntil(() => el.shadowRoot?.textContent?.includes('after 30 days'), 'the plan loads', { timeout: 8000 });
    await expect(el).to.be.accessible();
    press(button(el, 'Delete account'));
    const confirm = () => button(el, 'Delete my account') as HTMLElement & { disabled: boolean };
    await waitUntil(() => el.shadowRoot?.textContent?.includes('What is deleted'), 'the dialog says what goes');
    expect(el.shadowRoot?.textContent).to.contain('Profiles (1)');
    await expect(el).to.be.accessible();
    const field = el.shadowRoot?.querySelector('reel-text-field[name="confirm_email"]') as HTMLElement;
    await type(field, 'someone@else.test');
    expect(confirm().disabled, 'a different address cannot confirm').to.equal(true);
    await type(field, email.toUpperCase());
    expect(confirm().disabled).to.equal(false);
    const left = oneEvent(el, 'reel-account-left');
    await withReauth(provider, async () => {
      press(confirm());
      expect((await left).detail.status).to.equal('pending_deletion');
    });
    await waitUntil(() => provider.status === 'signed-out', 'signed out here', { timeout: 8000 });
    expect((await newestMail(email, 'account_deletion')).subject).to.contain('will be deleted');
  });

  it('deactivates after a confirmation, and the provider signs out', async function () {
    this.timeout(30_000);
    const { el, provider } = await mountSignedIn<ReelSecurityDangerZone>(
      'reel-security-danger-zone',
      html`<reel-security-danger-zone></reel-security-danger-zone>`,
    );
    // The row's title (the closed dialog's own "Deactivate" button is in the tree from the start).
    await waitUntil(
      () => el.shadowRoot?.querySelector('.rows')?.textContent?.includes('Deactivate account'),
      'the plan loads',
      {
        timeout: 8000,
      },
    );
    press(el.shadowRoot?.querySelector('.rows reel-button') as HTMLElement);
    await waitUntil(
      () => (el.shadowRoot?.querySelector('reel-dialog') as unknown as { open: boolean } | null)?.open,
      'it asks',
    );
    await withReauth(provider, async () => {
      const dialogButtons = [...(el.shadowRoot?.querySelectorAll('reel-dialog reel-button[variant="danger"]') ?? [])];
      press(dialogButtons[0] as HTMLElement);
      await waitUntil(() => provider.status === 'signed-out', 'signed out', { timeout: 8000 });
    });
  });
});
