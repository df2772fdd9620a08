// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ReelAuthProvider } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import type { ReelCheckbox } from '@reel/ui';
import './define.js';
import '@reel/core/define';
import type { ReelSignUp } from './reel-sign-up.js';
import { estimateStrength } from './strength.js';
import {
  alertText,
  deepActive,
  field,
  fill,
  PASSWORD,
  registerAccount,
  settled,
  signOutBrowser,
  submit,
  uniqueEmail,
  waitForMail,
} from './test-support.js';

async function mount() {
  await signOutBrowser();
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1"><reel-sign-up></reel-sign-up></reel-auth-provider>`,
  );
  await settled(provider);
  const el = provider.querySelector('reel-sign-up') as ReelSignUp;
  await el.updateComplete;
  return { provider, el };
}

const terms = (el: ReelSignUp) => el.shadowRoot?.querySelector('reel-checkbox[name="terms"]') as ReelCheckbox;

describe('<reel-sign-up> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('creates the account, signs the page in, and the verification email reaches the mailbox', async () => {
    const { provider, el } = await mount();
    await expect(el).to.be.accessible();
    expect(field(el, 'password').autocomplete).to.equal('new-password');
    expect(field(el, 'email').autocomplete).to.equal('email');
    expect(field(el, 'display_name').autocomplete).to.equal('name');
    const email = uniqueEmail('signup');
    await fill(el, 'display_name', 'Jordan Rivers');
    await fill(el, 'email', email);
    await fill(el, 'password', PASSWORD);
    terms(el).checked = true;
    const signedUp = oneEvent(el, 'reel-signed-up');
    submit(el);
    const { detail } = await signedUp;
    expect(detail.user.email).to.equal(email);
    expect(detail.user.email_verified).to.equal(false);
    expect(provider.status).to.equal('signed-in');
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.contain(email);
    await expect(el).to.be.accessible();

    const mail = await waitForMail(email, 'email_verification');
    expect(mail.subject).to.equal('Confirm your email address');
    expect(mail.links[0]).to.match(/\/verify-email\?token=/);
  });

  it('shows the server’s refusal at the field and keeps everything typed', async () => {
    const taken = uniqueEmail('taken');
    await registerAccount(taken);
    const { el } = await mount();
    await fill(el, 'display_name', 'Jordan Rivers');
    await fill(el, 'email', taken);
    await fill(el, 'password', PASSWORD);
    terms(el).checked = true;
    submit(el);
    await waitUntil(() => field(el, 'email').error, 'the address is refused at its field', { timeout: 8000 });
    expect(field(el, 'email').error).to.contain('already has an account');
    expect(field(el, 'display_name').value).to.equal('Jordan Rivers');
    expect(field(el, 'email').value).to.equal(taken);
    expect(field(el, 'password').value).to.equal(PASSWORD);
    await waitUntil(
      () => deepActive() === field(el, 'email').shadowRoot?.querySelector('input'),
      'the field has focus',
    );

    // A common password: the server's 422 names the field.
    await fill(el, 'email', uniqueEmail('weak'));
    await fill(el, 'password', 'password1234');
    submit(el);
    await waitUntil(() => field(el, 'password').error, 'the password is refused at its field', { timeout: 8000 });
    expect(field(el, 'password').error.toLowerCase()).to.contain('common');
    expect(field(el, 'email').error).to.equal('');
    expect(alertText(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('asks for the terms and checks fields before sending', async () => {
    const { el } = await mount();
    await fill(el, 'display_name', 'Jordan');
    await fill(el, 'email', uniqueEmail('terms'));
    await fill(el, 'password', 'short');
    submit(el);
    await el.updateComplete;
    expect(field(el, 'password').error).to.contain('10');
    await fill(el, 'password', PASSWORD);
    submit(el);
    await el.updateComplete;
    expect(terms(el).error).to.contain('terms');
  });

  it('meters the new password in words, not colour alone', async () => {
    const { el } = await mount();
    await fill(el, 'password', 'qwerty1234');
    await el.updateComplete;
    const meter = () => el.shadowRoot?.querySelector('[part="strength"]');
    expect(meter()?.textContent).to.match(/Password strength:\s*Weak/);
    await fill(el, 'password', 'velvet-otter-harbour-sings');
    await el.updateComplete;
    expect(meter()?.textContent).to.match(/Password strength:\s*Strong/);
    expect(meter()?.getAttribute('data-score')).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    expect(await mountMany(() => document.createElement('reel-sign-up'), { times: 30 })).to.be.empty;
  });
});

describe('the strength estimator', () => {
  it('rates short, common, personal and random passwords', () => {
    expect(estimateStrength('abc').score).to.equal(0);
    expect(estimateStrength('password123').score).to.equal(1);
    expect(estimateStrength('password123').warning).to.equal('common');
    expect(estimateStrength('jordanrivers1', ['jordan@example.test', 'Jordan Rivers']).warning).to.equal('personal');
    expect(estimateStrength('abcdefghijkl').warning).to.equal('sequence');
    expect(estimateStrength('correct horse battery staple').score).to.be.greaterThan(2);
    expect(estimateStrength('V8#qL2!zR9@m').score).to.be.greaterThan(2);
  });
});
