// Runs against the real reference API (the test runner passes /api to it, with
// REEL_EMAIL_RESEND_SECONDS=3: three seconds between verification emails).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { authResendVerification } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import './define.js';
import '@reel/core/define';
import type { ReelVerifyEmail } from './reel-verify-email.js';
import type { ReelVerifyEmailBanner } from './reel-verify-email-banner.js';
import { PASSWORD, settled, signOutBrowser, tokenOf, uniqueEmail, waitForMail } from './test-support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A provider with a freshly signed-up (unverified) user and a banner in it. */
async function signedUpWithBanner(email: string) {
  await signOutBrowser();
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1"><reel-verify-email-banner></reel-verify-email-banner></reel-auth-provider>`,
  );
  await settled(provider);
  const token = await provider.session?.signUp({
    email,
    password: PASSWORD,
    display_name: 'Banner Tester',
    accept_terms: true,
  });
  expect(token?.email_verified).to.equal(false);
  const banner = provider.querySelector('reel-verify-email-banner') as ReelVerifyEmailBanner;
  await waitUntil(() => !banner.hidden && banner.shadowRoot?.querySelector('[part="banner"]'), 'the banner shows', {
    timeout: 8000,
  });
  return { provider, banner };
}

const resendButton = (banner: ReelVerifyEmailBanner) =>
  banner.shadowRoot?.querySelector('[part="resend"]') as HTMLElement & { disabled: boolean };

describe('<reel-verify-email> and the banner with the real API', () => {
  afterEach(() => signOutBrowser());

  it('the banner counts down while a resend is not allowed, then resends', async () => {
    const email = uniqueEmail('banner');
    const { banner } = await signedUpWithBanner(email);
    await expect(banner).to.be.accessible();
    expect(banner.shadowRoot?.textContent).to.contain(email);
    // The sign-up email just went out: the server's status starts the countdown.
    await waitUntil(() => banner.retryAfter > 0, 'a countdown from the status', { timeout: 4000 });
    expect(resendButton(banner).disabled).to.equal(true);
    expect(banner.shadowRoot?.textContent).to.match(/Resend in \d+ s/);
    await waitUntil(() => banner.retryAfter === 0, 'the countdown ends', { timeout: 6000 });
    await banner.updateComplete;
    expect(resendButton(banner).disabled).to.equal(false);
    const sent = oneEvent(banner, 'reel-verification-sent');
    resendButton(banner).click();
    expect((await sent).detail.email).to.equal(email);
    await banner.updateComplete;
    expect(banner.retryAfter).to.be.greaterThan(0);
    expect(banner.shadowRoot?.textContent).to.contain('Sent!');
    await waitForMail(email, 'email_verification', 2);
  });

  it('a 429 (another tab resent first) starts the countdown from retry_after', async () => {
    const email = uniqueEmail('banner-429');
    const { provider, banner } = await signedUpWithBanner(email);
    await waitUntil(() => banner.retryAfter > 0, 'the first countdown starts', { timeout: 4000 });
    await waitUntil(() => banner.retryAfter === 0, 'the first countdown ends', { timeout: 8000 });
    await sleep(1000); // the page's second ticks are not the server's: let its window pass too
    await banner.updateComplete;
    // Another tab sends one now: this banner does not know, its button is enabled.
    const session = provider.session;
    if (!session) throw new Error('no session');
    await session.client.call(authResendVerification);
    expect(resendButton(banner).disabled).to.equal(false);
    resendButton(banner).click();
    await waitUntil(() => banner.retryAfter > 0, 'the 429 starts a countdown', { timeout: 4000 });
    await banner.updateComplete;
    expect(resendButton(banner).disabled).to.equal(true);
    expect(banner.shadowRoot?.textContent).to.contain('We just sent one');
    await expect(banner).to.be.accessible();
  });

  it('the emailed link verifies the address (signed out too) and the banner goes away', async () => {
    const email = uniqueEmail('verify');
    const { banner } = await signedUpWithBanner(email);
    const mail = await waitForMail(email, 'email_verification');
    const token = tokenOf(mail.links[0] as string);
    // The banner is inside the signed-in provider; the page opened from the email is elsewhere.
    const page = await themedFixture<ReelVerifyEmail>(
      html`<reel-verify-email .token=${token} api-base="/api/v1"></reel-verify-email>`,
    );
    const verified = oneEvent(page, 'reel-email-verified');
    expect((await verified).detail).to.deep.equal({ email, alreadyVerified: false });
    await page.updateComplete;
    expect(page.state).to.equal('verified');
    await expect(page).to.be.accessible();
    await waitUntil(() => banner.hidden, 'the banner hides once verified');

    const again = await themedFixture<ReelVerifyEmail>(
      html`<reel-verify-email .token=${token} api-base="/api/v1"></reel-verify-email>`,
    );
    await waitUntil(() => again.state === 'verified', 'the link again: already verified', { timeout: 8000 });
    await again.updateComplete;
    expect(again.shadowRoot?.textContent).to.contain('Already verified');
  });

  it('a bad link explains itself and offers a way on', async () => {
    await signOutBrowser();
    const page = await themedFixture<ReelVerifyEmail>(
      html`<reel-verify-email token="not-a-real-verification-token" api-base="/api/v1"></reel-verify-email>`,
    );
    await waitUntil(() => page.state === 'failed', 'refused', { timeout: 8000 });
    await page.updateComplete;
    expect(page.shadowRoot?.textContent).to.contain('Sign in to get a new link');
    await expect(page).to.be.accessible();
  });

  it('stays hidden for a verified user and when signed out; no timers left behind', async () => {
    await signOutBrowser();
    const provider = await themedFixture<ReelAuthProvider>(
      html`<reel-auth-provider api-base="/api/v1"><reel-verify-email-banner></reel-verify-email-banner></reel-auth-provider>`,
    );
    await settled(provider);
    const banner = provider.querySelector('reel-verify-email-banner') as ReelVerifyEmailBanner;
    expect(banner.hidden).to.equal(true);
    await provider.session?.signIn({ email: 'viewer@reel.test', password: 'reel-viewer-demo' });
    await sleep(300);
    expect(banner.hidden, 'the demo viewer is verified').to.equal(true);
    expect(await mountMany(() => document.createElement('reel-verify-email-banner'), { times: 30 })).to.be.empty;
  });
});
