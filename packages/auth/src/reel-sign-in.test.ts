// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { authLogin, mfaReset } from '@reel/contracts';
import { type ReelAuthProvider, setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import '@reel/core/define';
import type { ReelSignIn } from './reel-sign-in.js';
import {
  alertText,
  api,
  deepActive,
  field,
  fill,
  mailbox,
  PASSWORD,
  registerAccount,
  registerMfaAccount,
  settled,
  signOutBrowser,
  submit,
  tokenOf,
  totp,
  uniqueEmail,
  waitForMail,
  wrongTotp,
} from './test-support.js';

async function mount() {
  await signOutBrowser();
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1"><reel-sign-in></reel-sign-in></reel-auth-provider>`,
  );
  await settled(provider);
  const el = provider.querySelector('reel-sign-in') as ReelSignIn;
  await el.updateComplete;
  return { provider, el };
}

/** A link-styled button of the element whose text contains `text`. */
const linkButton = (el: Element, text: string) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.linklike') ?? [])].find((b) =>
    b.textContent?.includes(text),
  );

describe('<reel-sign-in> with the real API', () => {
  afterEach(() => signOutBrowser());

  it('is accessible, labels its fields with the right autocomplete, and signs the whole page in', async () => {
    const { provider, el } = await mount();
    await expect(el).to.be.accessible();
    expect(field(el, 'email').autocomplete).to.equal('email');
    expect(field(el, 'password').autocomplete).to.equal('current-password');
    expect(field(el, 'password').revealable).to.equal(true);
    expect(provider.status).to.equal('signed-out');
    await fill(el, 'email', 'viewer@reel.test');
    await fill(el, 'password', 'reel-viewer-demo');
    const signedIn = oneEvent(el, 'reel-signed-in');
    // Enter in the password field submits.
    await sendKeys({ press: 'Enter' });
    const { detail } = await signedIn;
    expect(detail.user.email).to.equal('viewer@reel.test');
    expect(detail.next).to.equal(null);
    expect(provider.status).to.equal('signed-in');
    expect(provider.session?.user?.email).to.equal('viewer@reel.test');
  });

  it('answers a wrong password and an unknown email with the same message, keeping what was typed', async () => {
    const { provider, el } = await mount();
    await fill(el, 'email', 'viewer@reel.test');
    await fill(el, 'password', 'not-the-password');
    submit(el);
    await waitUntil(() => alertText(el), 'the failure is explained', { timeout: 8000 });
    const wrongPassword = alertText(el);
    expect(field(el, 'email').value).to.equal('viewer@reel.test');
    expect(field(el, 'password').value).to.equal('not-the-password');
    expect(deepActive()?.localName, 'the password is focused to try again').to.equal('input');
    expect(el.busy).to.equal(false);

    await fill(el, 'email', uniqueEmail('nobody'));
    await fill(el, 'password', 'not-the-password');
    submit(el);
    await waitUntil(() => !el.busy && alertText(el), 'answered again', { timeout: 8000 });
    await el.updateComplete;
    expect(alertText(el)).to.equal(wrongPassword);
    expect(provider.status).to.equal('signed-out');
    await expect(el).to.be.accessible();
  });

  it('checks the fields before sending and focuses the first invalid one', async () => {
    const { el } = await mount();
    await fill(el, 'email', 'not-an-email');
    submit(el);
    await el.updateComplete;
    expect(field(el, 'email').error).to.contain('email address');
    expect(field(el, 'password').error).to.not.equal('');
    expect(deepActive()).to.equal(field(el, 'email').shadowRoot?.querySelector('input'));
    expect(field(el, 'email').value, 'input kept').to.equal('not-an-email');
  });

  it('shows a Caps Lock hint on the password field', async () => {
    const { el } = await mount();
    const password = field(el, 'password');
    password.focus();
    password.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: true, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(password.helpText).to.contain('Caps Lock');
    password.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(password.helpText).to.equal('');
  });

  it('follows `next` after signing in (same-site paths only) and links to the other flows', async () => {
    const { el } = await mount();
    el.next = 'https://evil.example/steal';
    await el.updateComplete;
    const signUp = el.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="/sign-up"]');
    expect(signUp?.getAttribute('href')).to.equal('/sign-up');
    el.next = '/title/abc?play=1';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('a[href^="/sign-up"]')?.getAttribute('href')).to.equal(
      `/sign-up?next=${encodeURIComponent('/title/abc?play=1')}`,
    );
    // The shell routes links: it cancels reel-navigate, and the page stays.
    const navigations: string[] = [];
    const route = (e: CustomEvent<{ href: string }>) => {
      e.preventDefault();
      navigations.push(e.detail.href);
    };
    el.addEventListener('reel-navigate', route);
    el.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="/forgot-password"]')?.click();
    expect(navigations).to.deep.equal(['/forgot-password']);
    await fill(el, 'email', 'viewer@reel.test');
    await fill(el, 'password', 'reel-viewer-demo');
    submit(el);
    await waitUntil(() => navigations.length === 2, 'the return URL is followed', { timeout: 8000 });
    expect(navigations[1]).to.equal('/title/abc?play=1');
    el.removeEventListener('reel-navigate', route);
  });

  it('works without a provider: signs in with the API and says so', async () => {
    await signOutBrowser();
    const email = uniqueEmail('standalone');
    await registerAccount(email);
    const el = await themedFixture<ReelSignIn>(html`<reel-sign-in api-base="/api/v1"></reel-sign-in>`);
    await fill(el, 'email', email);
    await fill(el, 'password', PASSWORD);
    const signedIn = oneEvent(el, 'reel-signed-in');
    submit(el);
    expect((await signedIn).detail.user.email).to.equal(email);
  });

  /** Signs in to the password step's answer: the MFA step of a real account with MFA on. */
  async function toMfaStep(el: ReelSignIn, email: string) {
    const mfa = oneEvent(el, 'reel-mfa-required');
    await fill(el, 'email', email);
    await fill(el, 'password', PASSWORD);
    submit(el);
    const { detail } = await mfa;
    await el.updateComplete;
    expect(el.step).to.equal('mfa');
    await waitUntil(
      () => deepActive() === field(el, 'code').shadowRoot?.querySelector('input'),
      'the code field has focus',
    );
    return detail;
  }

  it('asks an account with MFA for its code, keeps the form on a wrong one, and signs in with the right one', async () => {
    const { email, secret } = await registerMfaAccount();
    const { provider, el } = await mount();
    const { methods } = await toMfaStep(el, email);
    expect(methods).to.have.members(['totp', 'backup_code']);
    expect(field(el, 'code').autocomplete).to.equal('one-time-code');
    expect(field(el, 'code').inputmode).to.equal('numeric');
    await expect(el).to.be.accessible();
    // A code of the wrong shape never leaves the page.
    await fill(el, 'code', '12');
    submit(el);
    await el.updateComplete;
    expect(field(el, 'code').error).to.contain('6-digit');
    // A well-formed wrong code: the server's message at the field, the form and the code kept.
    const wrong = await wrongTotp(secret);
    await fill(el, 'code', wrong);
    submit(el);
    await waitUntil(() => !el.busy && field(el, 'code').error, 'the server’s answer is shown at the field', {
      timeout: 8000,
    });
    expect(field(el, 'code').error).to.contain('not right');
    expect(field(el, 'code').value).to.equal(wrong);
    expect(el.step).to.equal('mfa');
    expect(provider.status).to.equal('signed-out');
    expect(deepActive(), 'the code is focused to try again').to.equal(
      field(el, 'code').shadowRoot?.querySelector('input'),
    );
    // The next step's code (enrolment spent the current one).
    await fill(el, 'code', await totp(secret, 1));
    const signedIn = oneEvent(el, 'reel-signed-in');
    submit(el);
    expect((await signedIn).detail.user.email).to.equal(email);
    expect(provider.status).to.equal('signed-in');
    expect(provider.session?.user?.email).to.equal(email);
  });

  it('signs in with a backup code once; the same code is refused the next time', async () => {
    const { email, backupCodes } = await registerMfaAccount();
    const code = backupCodes[0] as string;
    const first = await mount();
    await toMfaStep(first.el, email);
    linkButton(first.el, 'Use a backup code')?.click();
    await first.el.updateComplete;
    await waitUntil(
      () => deepActive() === field(first.el, 'backup_code').shadowRoot?.querySelector('input'),
      'the backup code field has focus',
    );
    await expect(first.el).to.be.accessible();
    await fill(first.el, 'backup_code', code);
    const signedIn = oneEvent(first.el, 'reel-signed-in');
    submit(first.el);
    expect((await signedIn).detail.user.email).to.equal(email);
    expect(first.provider.status).to.equal('signed-in');
    first.provider.remove();

    const { provider, el } = await mount();
    await toMfaStep(el, email);
    linkButton(el, 'Use a backup code')?.click();
    await el.updateComplete;
    await fill(el, 'backup_code', code);
    submit(el);
    await waitUntil(() => !el.busy && field(el, 'backup_code').error, 'the used code is refused at the field', {
      timeout: 8000,
    });
    expect(field(el, 'backup_code').error).to.contain('already used');
    expect(field(el, 'backup_code').value).to.equal(code);
    expect(el.step).to.equal('mfa');
    expect(provider.status).to.equal('signed-out');
    // Another code of the set still works.
    await fill(el, 'backup_code', backupCodes[1] as string);
    const again = oneEvent(el, 'reel-signed-in');
    submit(el);
    expect((await again).detail.user.email).to.equal(email);
  });

  it('“Lost your device?” asks for the reset by keyboard, says what happens next, and emails the link', async () => {
    const { email, secret } = await registerMfaAccount();
    const { provider, el } = await mount();
    await toMfaStep(el, email);
    const lost = linkButton(el, 'Lost your device?') as HTMLButtonElement;
    expect(lost.localName).to.equal('button');
    expect(lost.getAttribute('aria-describedby')).to.equal('lost-help');
    lost.focus();
    const requested = oneEvent(el, 'reel-mfa-reset-requested');
    await sendKeys({ press: 'Enter' });
    const { reset } = (await requested).detail;
    expect(reset.status).to.equal('email_sent');
    await el.updateComplete;
    expect(el.step).to.equal('mfa-reset');
    const heading = el.shadowRoot?.querySelector('h1');
    expect(heading?.textContent?.trim()).to.equal('Check your email');
    await waitUntil(() => deepActive() === heading, 'the heading takes focus, so the answer is read from the top');
    const text = el.shadowRoot?.querySelector('.card')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.contain(reset.email_hint);
    expect(text, 'the waiting period the server answered').to.contain(`${reset.waiting_period_hours} hours`);
    expect(text).to.contain('unless you cancel');
    await expect(el).to.be.accessible();
    expect(provider.status).to.equal('signed-out');

    // The request is recorded: the confirmation email, with the links <reel-mfa-reset> opens.
    const mail = await waitForMail(email, 'mfa_reset');
    expect(mail.subject).to.equal('Confirm the reset of two-step verification');
    const confirm = mail.links.find((l) => l.includes('action=confirm')) ?? '';
    expect(new URL(confirm).pathname).to.equal('/mfa-reset');
    expect(tokenOf(confirm)).to.be.a('string').and.not.empty;
    expect(mail.links.some((l) => l.includes('action=cancel'))).to.equal(true);

    // In Spanish too.
    try {
      await setLocale('es');
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal('Revisa tu correo');
    } finally {
      await setLocale('en');
    }

    // The device turned up: back to the code, with the same sign-in.
    const back = [...(el.shadowRoot?.querySelectorAll('reel-button') ?? [])].find((b) =>
      b.textContent?.includes('Enter a code'),
    ) as HTMLElement;
    back.click();
    await el.updateComplete;
    expect(el.step).to.equal('mfa');
    await waitUntil(
      () => deepActive() === field(el, 'code').shadowRoot?.querySelector('input'),
      'the code field has focus again',
    );
    await fill(el, 'code', await totp(secret, 1));
    const signedIn = oneEvent(el, 'reel-signed-in');
    submit(el);
    expect((await signedIn).detail.user.email).to.equal(email);
  });

  it('“Lost your device?” while a confirmed reset is waiting says when MFA goes, and sends nothing new', async () => {
    const { email } = await registerMfaAccount();
    // Arranged through the API: a reset requested from another sign-in and confirmed from its email.
    const login = await api.call(authLogin, { body: { email, password: PASSWORD } });
    if (!('mfa_required' in login)) throw new Error('expected the MFA step');
    await api.call(mfaReset, { body: { step: 'request', mfa_token: login.mfa_token } });
    const link = (await waitForMail(email, 'mfa_reset')).links.find((l) => l.includes('action=confirm')) ?? '';
    const confirmed = await api.call(mfaReset, { body: { step: 'confirm', token: tokenOf(link) } });
    expect(confirmed.status).to.equal('waiting');

    const { el } = await mount();
    await toMfaStep(el, email);
    const requested = oneEvent(el, 'reel-mfa-reset-requested');
    linkButton(el, 'Lost your device?')?.click();
    const { reset } = (await requested).detail;
    expect(reset.status).to.equal('waiting');
    expect(reset.eligible_at).to.equal(confirmed.eligible_at);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal('A reset is already under way');
    const text = el.shadowRoot?.querySelector('.card')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.contain(String(new Date(reset.eligible_at as string).getFullYear()));
    expect(text).to.contain('unless you cancel');
    await expect(el).to.be.accessible();
    expect((await mailbox(email, 'mfa_reset')).items, 'no second confirmation email').to.have.length(1);
  });

  it('a second step the server no longer accepts goes back to the password, with a reason', async () => {
    // Real account and challenge. The test only reads the sign-in's answer (to learn its
    // challenge token) and spends that challenge through the API before the element does.
    const { email, secret } = await registerMfaAccount();
    const realFetch = window.fetch;
    let challenge = '';
    window.fetch = async (input, init) => {
      const answer = await realFetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/auth/login')) {
        const body = (await answer.clone().json()) as { mfa_token?: string };
        challenge = body.mfa_token ?? '';
      }
      return answer;
    };
    try {
      const { el } = await mount();
      await toMfaStep(el, email);
      expect(challenge).to.not.equal('');
      const spent = await realFetch('/api/v1/auth/login/mfa', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mfa_token: challenge, code: await totp(secret, 1) }),
      });
      expect(spent.status).to.equal(200);
      await fill(el, 'code', await totp(secret, 1));
      submit(el);
      await waitUntil(() => el.step === 'credentials', 'back to the password', { timeout: 8000 });
      await el.updateComplete;
      expect(alertText(el)).to.contain('took too long');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('speaks Arabic right to left (and Spanish) with the rest of the page', async () => {
    const { el } = await mount();
    try {
      await setLocale('ar');
      await el.updateComplete;
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(el.shadowRoot?.querySelector('h1')?.textContent).to.equal('تسجيل الدخول');
      expect(field(el, 'password').label).to.equal('كلمة المرور');
      await expect(el).to.be.accessible();
      await setLocale('es');
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('h1')?.textContent).to.equal('Iniciar sesión');
    } finally {
      await setLocale('en');
    }
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    expect(await mountMany(() => document.createElement('reel-sign-in'), { times: 30 })).to.be.empty;
  });
});
