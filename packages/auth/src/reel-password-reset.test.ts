// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ReelAuthProvider } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import './define.js';
import '@reel/core/define';
import type { ReelPasswordReset } from './reel-password-reset.js';
import type { ReelSignIn } from './reel-sign-in.js';
import {
  field,
  fill,
  mailbox,
  registerAccount,
  settled,
  signOutBrowser,
  submit,
  tokenOf,
  uniqueEmail,
  waitForMail,
} from './test-support.js';

const NEW_PASSWORD = 'orchard-lighthouse-violet-19';

describe('<reel-password-reset> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('request → mailbox → link → new password → sign in with it', async () => {
    const email = uniqueEmail('reset');
    await registerAccount(email);
    await signOutBrowser();

    // 1. Ask for a link.
    const request = await themedFixture<ReelPasswordReset>(html`<reel-password-reset></reel-password-reset>`);
    expect(request.step).to.equal('request');
    await expect(request).to.be.accessible();
    await fill(request, 'email', email);
    const requested = oneEvent(request, 'reel-password-reset-requested');
    submit(request);
    expect((await requested).detail.email).to.equal(email);
    await request.updateComplete;
    expect(request.step).to.equal('sent');
    expect(request.shadowRoot?.textContent).to.contain(email);
    await expect(request).to.be.accessible();

    // 2. The email, from the development mailbox.
    const mail = await waitForMail(email, 'password_reset');
    const token = tokenOf(mail.links[0] as string);

    // 3. The link's page: checked, then a new password with a strength meter.
    const reset = await themedFixture<ReelPasswordReset>(
      html`<reel-password-reset .token=${token}></reel-password-reset>`,
    );
    await waitUntil(() => reset.step === 'choose', 'the link is accepted', { timeout: 8000 });
    await reset.updateComplete;
    expect(reset.shadowRoot?.textContent).to.contain('•••');
    expect(field(reset, 'password').autocomplete).to.equal('new-password');
    await fill(reset, 'password', NEW_PASSWORD);
    await fill(reset, 'confirm', 'something-else-entirely');
    submit(reset);
    await reset.updateComplete;
    expect(field(reset, 'confirm').error).to.contain('not the same');
    expect(reset.shadowRoot?.querySelector('[part="strength"]')?.textContent).to.contain('Strong');
    await expect(reset).to.be.accessible();
    await fill(reset, 'confirm', NEW_PASSWORD);
    const done = oneEvent(reset, 'reel-password-reset');
    submit(reset);
    expect((await done).detail.sessionsRevoked).to.equal(1);
    await reset.updateComplete;
    expect(reset.step).to.equal('done');
    await expect(reset).to.be.accessible();

    // 4. The same link again: used.
    const again = await themedFixture<ReelPasswordReset>(
      html`<reel-password-reset .token=${token}></reel-password-reset>`,
    );
    await waitUntil(() => again.step === 'invalid', 'a used link is refused', { timeout: 8000 });
    await again.updateComplete;
    expect(again.shadowRoot?.textContent).to.contain('already used');

    // 5. Sign in with the new password through the provider.
    const provider = await themedFixture<ReelAuthProvider>(
      html`<reel-auth-provider api-base="/api/v1"><reel-sign-in></reel-sign-in></reel-auth-provider>`,
    );
    await settled(provider);
    const signIn = provider.querySelector('reel-sign-in') as ReelSignIn;
    await signIn.updateComplete;
    await fill(signIn, 'email', email);
    await fill(signIn, 'password', NEW_PASSWORD);
    const signedIn = oneEvent(signIn, 'reel-signed-in');
    submit(signIn);
    expect((await signedIn).detail.user.email).to.equal(email);
    expect(provider.status).to.equal('signed-in');
  });

  it('answers an unknown address like a known one (and nothing is sent)', async () => {
    const email = uniqueEmail('nobody');
    const el = await themedFixture<ReelPasswordReset>(html`<reel-password-reset></reel-password-reset>`);
    await fill(el, 'email', email);
    submit(el);
    await waitUntil(() => el.step === 'sent', 'the same confirmation', { timeout: 8000 });
    expect((await mailbox(email)).items).to.deep.equal([]);
  });

  it('explains a link that is not valid and starts over', async () => {
    const el = await themedFixture<ReelPasswordReset>(
      html`<reel-password-reset token="this-is-not-a-real-reset-token-at-all"></reel-password-reset>`,
    );
    await waitUntil(() => el.step === 'invalid', 'the link is refused', { timeout: 8000 });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.shadowRoot?.querySelector<HTMLElement>('.actions reel-button')?.click();
    await waitUntil(() => el.step === 'request', 'back to the request form');
  });
});
