// Runs against the real reference API: the demo admin invites someone, the emailed link opens the
// page, the password is set, and the page sends the new member on to two-step verification.
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { adminStaffInvite, authLogin } from '@reel/contracts';
import { themedFixture } from '@reel/core/testing';
import './define.js';
import '@reel/core/define';
import type { ReelStaffInvitation } from './reel-staff-invitation.js';
import { alertText, api, fill, signOutBrowser, submit, tokenOf, uniqueEmail, waitForMail } from './test-support.js';

async function invite(email: string): Promise<string> {
  const tokens = await api.call(authLogin, { body: { email: 'admin@reel.test', password: 'reel-admin-demo' } });
  if (!('access_token' in tokens)) throw new Error('the demo admin has no MFA');
  await api.call(adminStaffInvite, {
    body: { email, display_name: 'Ines Invited', roles: ['analyst'] },
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  const mail = await waitForMail(email, 'staff_invitation');
  return tokenOf((mail as { links: string[] }).links[0] as string);
}

describe('<reel-staff-invitation> with the real API', function () {
  this.timeout(30_000);
  before(() => customElements.whenDefined('reel-staff-invitation'));
  afterEach(() => signOutBrowser());

  it('checks the link, sets the password, then asks for two-step verification', async () => {
    const email = uniqueEmail('staff');
    const token = await invite(email);
    const el = await themedFixture<ReelStaffInvitation>(
      html`<reel-staff-invitation .token=${token}></reel-staff-invitation>`,
    );
    await waitUntil(() => el.step === 'choose', 'the link is checked', { timeout: 8000 });
    expect(el.shadowRoot?.textContent).to.include(email);
    await expect(el).to.be.accessible();
    await fill(el, 'password', 'short');
    submit(el);
    await el.updateComplete;
    expect(el.step).to.equal('choose');
    await fill(el, 'password', 'copper-kettle-evening-88');
    await fill(el, 'confirm', 'copper-kettle-evening-88');
    const accepted = oneEvent(el, 'reel-staff-invitation-accepted');
    submit(el);
    expect((await accepted).detail.email).to.equal(email);
    await waitUntil(() => el.step === 'mfa', 'asks for MFA');
    expect(el.shadowRoot?.querySelector('reel-button')?.getAttribute('href')).to.equal('/account/security/two-step');
    await expect(el).to.be.accessible();
  });

  it('says when a link was already used', async () => {
    const el = await themedFixture<ReelStaffInvitation>(
      html`<reel-staff-invitation token="not-a-real-invitation-token-000"></reel-staff-invitation>`,
    );
    await waitUntil(() => el.step === 'invalid', 'refused', { timeout: 8000 });
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot?.querySelector('h1')?.textContent).to.include('can’t be used');
    await expect(el).to.be.accessible();
  });
});
