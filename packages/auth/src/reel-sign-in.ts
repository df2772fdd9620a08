import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import { authLogin, authLoginMfa, type MfaChallenge, mfaReset, type ResponseOf, type User } from '@reel/contracts';
import { emit, formatDate, formatNumber, ReelElement, SessionConsumer } from '@reel/core';
import type { ReelCheckbox, ReelTextField } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { authStyles } from './auth.styles.js';
import {
  basicProblem,
  capsLockOf,
  emailField,
  focusFirstInvalid,
  navigate,
  onLinkClick,
  pageParam,
  problemOf,
  publicClient,
  safeNext,
  siteSession,
  submitOnEnter,
  validateFields,
  withNext,
} from './flow.js';
import { capsLockText } from './password.js';

/** The lost-device reset as the server answers it (`MfaReset`). */
export type MfaReset = ResponseOf<typeof mfaReset>;

declare global {
  interface HTMLElementTagNameMap {
    'reel-sign-in': ReelSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'reel-signed-in': CustomEvent<{ user: User; next: string | null }>;
    'reel-mfa-required': CustomEvent<{ methods: MfaChallenge['methods'] }>;
    'reel-mfa-reset-requested': CustomEvent<{ reset: MfaReset }>;
  }
}

/** The steps of a sign-in: the password, the second factor, and the lost-device reset's "check your email". */
export const SignInStep = { credentials: 'credentials', mfa: 'mfa', mfaReset: 'mfa-reset' } as const;
export type SignInStep = (typeof SignInStep)[keyof typeof SignInStep];

/**
 * Sign in with email and password, then — when the account has two-step verification and this
 * browser is not trusted — a code from the authenticator app or a backup code. Inside a
 * `<reel-auth-provider>` it signs in through the provider, so every element on the page (and every
 * tab) follows. A wrong password and an unknown email get the same message; what was typed stays.
 * Someone who lost the device of their second factor can ask, from the MFA step, for the
 * lost-device reset: a confirmation link is emailed, and two-step verification is removed only
 * after a waiting period, unless cancelled (the links open `<reel-mfa-reset>`).
 *
 * @summary The sign-in form, with its two-step verification step.
 * @tagname reel-sign-in
 * @fires reel-signed-in - Signed in; `detail: { user, next }`. Then, with a `next` URL, `reel-navigate` to it.
 * @fires reel-mfa-required - The account asks for a second step; `detail: { methods }`.
 * @fires reel-mfa-reset-requested - A lost-device reset was asked for and its link emailed; `detail: { reset }` (the server's `MfaReset`).
 * @fires reel-navigate - A link to another flow (sign-up, forgot password) or the return URL; cancel it to route it yourself.
 * @csspart card - The card holding the form.
 * @csspart form - The form.
 * @cssproperty --reel-auth-backdrop - The page behind the card (an image or gradient).
 * @cssproperty --reel-auth-min-height - The element's minimum height (default: the viewport).
 */
export class ReelSignIn extends ReelElement {
  static version = '1.0.0';
  static override styles = authStyles;

  /** Where to go once signed in (a same-site path); also read from `?next=`. */
  @property() next: string | null = null;

  /** An address to start with (also read from `?email=`). */
  @property() email = '';

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** The step shown, reflected for styling. */
  @property({ reflect: true }) step: SignInStep = 'credentials';

  /** A request is in flight. */
  @property({ type: Boolean, reflect: true }) busy = false;

  @state() private message = '';
  @state() private capsLock = false;
  @state() private challenge: MfaChallenge | null = null;
  @state() private useBackup = false;
  @state() private reset: MfaReset | null = null;

  @query('form') private form?: HTMLFormElement;

  private readonly api = new SessionConsumer(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.next ??= pageParam('next');
    if (!this.email) this.email = pageParam('email') ?? '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('step') && changed.get('step') !== undefined) {
      void this.updateComplete.then(() => {
        // The reset's answer is a page of text: its heading takes focus, so it is read from the top.
        if (this.step === 'mfa-reset') this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
        else this.field(this.step === 'mfa' ? (this.useBackup ? 'backup_code' : 'code') : 'password')?.focus();
      });
    }
  }

  private field(name: string): ReelTextField | null {
    return this.renderRoot.querySelector<ReelTextField>(`reel-text-field[name="${name}"]`);
  }

  private value(name: string): string {
    return this.field(name)?.value ?? '';
  }

  private onKey = (event: KeyboardEvent) => {
    const on = capsLockOf(event);
    if (on !== null) this.capsLock = on;
  };

  private async submitCredentials(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.message = '';
    if (!validateFields(this.renderRoot, basicProblem)) return;
    const credentials = { email: this.value('email').trim(), password: this.value('password') };
    this.busy = true;
    try {
      const session = siteSession(this.api.session);
      if (session) {
        const result = await session.signIn(credentials);
        if (result.status === 'mfa-required') this.askForCode(result.challenge);
        else this.done(result.user);
      } else {
        const answer = await publicClient(this.apiBase).call(authLogin, { body: credentials });
        if ('mfa_required' in answer) this.askForCode(answer);
        else this.done(answer.user);
      }
    } catch (error) {
      await this.fail(error, 'password');
    } finally {
      this.busy = false;
    }
  }

  private askForCode(challenge: MfaChallenge) {
    this.challenge = challenge;
    this.useBackup = false;
    this.step = 'mfa';
    emit(this, 'reel-mfa-required', { methods: challenge.methods });
  }

  private async submitCode(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.challenge) return;
    this.message = '';
    const backup = this.useBackup;
    const ok = validateFields(this.renderRoot, (field) => {
      const basic = basicProblem(field);
      if (basic) return basic;
      if (field.name === 'code' && !/^\d{6}$/.test(field.value.replace(/\s/g, '')))
        return msg('Enter the 6-digit code from your authenticator app.', { id: 'auth.mfa.code-shape' });
      return '';
    });
    if (!ok) return;
    const trust = this.renderRoot.querySelector<ReelCheckbox>('reel-checkbox[name="trust"]')?.checked ?? false;
    const answer = backup
      ? {
          method: 'backup_code' as const,
          mfa_token: this.challenge.mfa_token,
          backup_code: this.value('backup_code').trim(),
          trust_device: trust,
        }
      : {
          method: 'totp' as const,
          mfa_token: this.challenge.mfa_token,
          code: this.value('code').replace(/\s/g, ''),
          trust_device: trust,
        };
    this.busy = true;
    try {
      const session = siteSession(this.api.session);
      const user = session
        ? await session.completeMfa(answer)
        : (await publicClient(this.apiBase).call(authLoginMfa, { body: answer })).user;
      this.done(user);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'mfa_expired') {
        this.backToCredentials(
          msg('That sign-in took too long. Enter your password again.', { id: 'auth.mfa.expired' }),
        );
        return;
      }
      await this.fail(error, backup ? 'backup_code' : 'code');
    } finally {
      this.busy = false;
    }
  }

  /**
   * "Lost your device?": asks for the lost-device reset with this sign-in's challenge (it proves
   * the password). The server emails a confirmation link; the answer says to whom (masked), how long
   * the link works and how long the waiting period is.
   */
  private async requestReset() {
    if (this.busy || !this.challenge) return;
    this.message = '';
    this.busy = true;
    try {
      const client = this.api.session?.client ?? publicClient(this.apiBase);
      const reset = await client.call(mfaReset, { body: { step: 'request', mfa_token: this.challenge.mfa_token } });
      this.reset = reset;
      this.step = 'mfa-reset';
      emit(this, 'reel-mfa-reset-requested', { reset });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'mfa_expired') {
        this.backToCredentials(
          msg('That sign-in took too long. Enter your password again.', { id: 'auth.mfa.expired' }),
        );
        return;
      }
      this.message = problemOf(error).message ?? '';
    } finally {
      this.busy = false;
    }
  }

  /** Back from the reset's answer to the code (the device turned up, or a backup code did). */
  private backToCode() {
    this.message = '';
    this.step = 'mfa';
  }

  /** Shows why a request failed: at the field the server named, or above the form. */
  private async fail(error: unknown, fallbackField: string) {
    const problem = problemOf(error);
    for (const field of this.renderRoot.querySelectorAll<ReelTextField>('reel-text-field')) {
      field.error = problem.fields[field.name] ?? '';
    }
    if (error instanceof ApiError && error.code === 'invalid_credentials') {
      // The same words for an unknown email and a wrong password: which one it was stays unknown.
      this.message = msg('The email address or the password is not right. Check both and try again.', {
        id: 'auth.sign-in.invalid',
      });
    } else {
      this.message = problem.message ?? '';
    }
    await this.updateComplete;
    if (Object.keys(problem.fields).length) await focusFirstInvalid(this.renderRoot);
    else {
      const field = this.field(fallbackField);
      field?.focus();
      field?.select();
    }
  }

  private done(user: User) {
    this.message = '';
    const next = safeNext(this.next);
    emit(this, 'reel-signed-in', { user, next });
    if (next) navigate(this, next);
  }

  private backToCredentials(message = '') {
    this.challenge = null;
    this.reset = null;
    this.step = 'credentials';
    this.message = message;
  }

  private renderAlert() {
    return this.message
      ? html`<div class="alert" role="alert"><reel-icon name="warning"></reel-icon><p>${this.message}</p></div>`
      : nothing;
  }

  private renderCredentials() {
    const next = safeNext(this.next);
    return html`
      <h1 id="title">${msg('Sign in', { id: 'auth.sign-in.title' })}</h1>
      ${this.renderAlert()}
      <form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.submitCredentials} @keydown=${submitOnEnter}>
        ${emailField(this.email, (value) => {
          this.email = value;
        })}
        <reel-text-field
          name="password"
          type="password"
          label=${msg('Password', { id: 'auth.field.password-label' })}
          autocomplete="current-password"
          revealable
          required
          help-text=${this.capsLock ? capsLockText() : ''}
          @keydown=${this.onKey}
          @keyup=${this.onKey}
        ></reel-text-field>
        <reel-button class="submit" type="submit" variant="primary" block ?loading=${this.busy}>
          ${msg('Sign in', { id: 'auth.sign-in.submit' })}
        </reel-button>
        <div class="row">
          <a href=${withNext('/forgot-password', null, this.email ? { email: this.email } : {})} @click=${onLinkClick}
            >${msg('Forgot password?', { id: 'auth.sign-in.forgot' })}</a
          >
        </div>
      </form>
      <div class="links">
        <p>
          ${msg('New to Reel?', { id: 'auth.sign-in.new' })}
          <a href=${withNext('/sign-up', next)} @click=${onLinkClick}>${msg('Sign up now', { id: 'auth.sign-in.sign-up' })}</a>
        </p>
      </div>
    `;
  }

  private renderMfa() {
    const canBackup = this.challenge?.methods.includes('backup_code') ?? false;
    return html`
      <p class="eyebrow">${msg('Two-step verification', { id: 'auth.mfa.eyebrow' })}</p>
      <h1 id="title">
        ${this.useBackup ? msg('Enter a backup code', { id: 'auth.mfa.backup-title' }) : msg('Enter your code', { id: 'auth.mfa.title' })}
      </h1>
      <p class="lead">
        ${
          this.useBackup
            ? msg('Use one of the backup codes you saved when you turned on two-step verification. Each works once.', {
                id: 'auth.mfa.backup-lead',
              })
            : msg('Open your authenticator app and enter the 6-digit code for Reel.', { id: 'auth.mfa.lead' })
        }
      </p>
      ${this.renderAlert()}
      <form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.submitCode} @keydown=${submitOnEnter}>
        ${
          this.useBackup
            ? html`<reel-text-field
                name="backup_code"
                label=${msg('Backup code', { id: 'auth.mfa.backup-label' })}
                autocomplete="one-time-code"
                placeholder="xxxxx-xxxxx"
                required
              ></reel-text-field>`
            : html`<reel-text-field
                name="code"
                label=${msg('6-digit code', { id: 'auth.mfa.code-label' })}
                autocomplete="one-time-code"
                inputmode="numeric"
                pattern="[0-9]*"
                required
              ></reel-text-field>`
        }
        <reel-checkbox name="trust">${msg('Don’t ask again on this browser for 30 days', { id: 'auth.mfa.trust' })}</reel-checkbox>
        <reel-button class="submit" type="submit" variant="primary" block ?loading=${this.busy}>
          ${msg('Verify', { id: 'auth.mfa.submit' })}
        </reel-button>
      </form>
      <div class="links">
        ${
          canBackup
            ? html`<p>
                <button
                  type="button"
                  class="linklike"
                  @click=${() => {
                    this.useBackup = !this.useBackup;
                    this.message = '';
                    void this.updateComplete.then(() => this.field(this.useBackup ? 'backup_code' : 'code')?.focus());
                  }}
                >
                  ${
                    this.useBackup
                      ? msg('Use your authenticator app instead', { id: 'auth.mfa.use-app' })
                      : msg('Use a backup code instead', { id: 'auth.mfa.use-backup' })
                  }
                </button>
              </p>`
            : nothing
        }
        <p>
          ${msg('No device and no backup codes?', { id: 'auth.mfa.lost-lead' })}
          <button
            type="button"
            class="linklike"
            aria-disabled=${this.busy ? 'true' : 'false'}
            aria-describedby="lost-help"
            @click=${() => this.requestReset()}
          >
            ${msg('Lost your device?', { id: 'auth.mfa.lost' })}
          </button>
          <span id="lost-help" class="visually-hidden">
            ${msg('We email you a link to remove two-step verification after a waiting period.', { id: 'auth.mfa.lost-help' })}
          </span>
        </p>
        <p>
          <button type="button" class="linklike" @click=${() => this.backToCredentials()}>
            ${msg(str`Not you? Sign in with another account`, { id: 'auth.mfa.back' })}
          </button>
        </p>
      </div>
    `;
  }

  private renderReset() {
    const reset = this.reset;
    if (!reset) return nothing;
    const hours = formatNumber(reset.waiting_period_hours, { style: 'unit', unit: 'hour', unitDisplay: 'long' });
    const address = reset.email_hint;
    if (reset.status === 'waiting' && reset.eligible_at) {
      const when = formatDate(reset.eligible_at, { dateStyle: 'long', timeStyle: 'short' });
      return html`<div class="done">
        <div class="badge warn" aria-hidden="true"><reel-icon name="warning"></reel-icon></div>
        <h1 id="title" tabindex="-1">${msg('A reset is already under way', { id: 'auth.mfa-reset.waiting-title' })}</h1>
        <p class="lead">
          ${msg(str`Two-step verification will be removed on ${when}, unless you cancel it with the link we emailed to ${address}.`, { id: 'auth.mfa-reset.waiting-1' })}
        </p>
        <p class="fine">${msg('Until then, sign in with a code from your authenticator app or a backup code.', { id: 'auth.mfa-reset.waiting-2' })}</p>
        ${this.renderResetActions()}
      </div>`;
    }
    const minutes = reset.link_expires_in !== null ? Math.max(1, Math.round(reset.link_expires_in / 60)) : null;
    const linkTime =
      minutes !== null ? formatNumber(minutes, { style: 'unit', unit: 'minute', unitDisplay: 'long' }) : '';
    return html`<div class="done">
      <div class="badge mail" aria-hidden="true"><reel-icon name="mail"></reel-icon></div>
      <h1 id="title" tabindex="-1">${msg('Check your email', { id: 'auth.mfa-reset.sent-title' })}</h1>
      <p class="lead">
        ${
          minutes !== null
            ? msg(
                str`We sent a link to ${address}. Open it within ${linkTime} to confirm that you want to remove two-step verification.`,
                { id: 'auth.mfa-reset.sent-1' },
              )
            : msg(
                str`We sent a link to ${address}. Open it to confirm that you want to remove two-step verification.`,
                {
                  id: 'auth.mfa-reset.sent-1b',
                },
              )
        }
      </p>
      <p class="lead">
        ${
          reset.waiting_period_hours > 0
            ? msg(
                str`For your safety, two-step verification is removed ${hours} after you confirm, unless you cancel. We’ll email you when the waiting period starts, with a link to cancel.`,
                { id: 'auth.mfa-reset.sent-wait' },
              )
            : msg(
                'Two-step verification is removed as soon as you confirm. If you did not ask for this, don’t open the link.',
                {
                  id: 'auth.mfa-reset.sent-now',
                },
              )
        }
      </p>
      <p class="fine">${msg('Nothing there? Check your spam folder. The email comes from Reel.', { id: 'auth.mfa-reset.sent-spam' })}</p>
      ${this.renderResetActions()}
    </div>`;
  }

  private renderResetActions() {
    return html`<div class="actions">
      <reel-button variant="secondary" block @click=${() => this.backToCode()}>
        ${msg('Found your device? Enter a code', { id: 'auth.mfa-reset.back-to-code' })}
      </reel-button>
      <p class="fine">
        <button type="button" class="linklike" @click=${() => this.backToCredentials()}>
          ${msg('Back to sign in', { id: 'auth.mfa-reset.back' })}
        </button>
      </p>
    </div>`;
  }

  protected override render() {
    const body =
      this.step === 'mfa-reset' && this.reset
        ? this.renderReset()
        : this.step === 'mfa' || this.step === 'mfa-reset'
          ? this.renderMfa()
          : this.renderCredentials();
    return html`<div class="card" part="card">${body}</div>`;
  }

  /** Focuses the first field (the email, or the code in the second step; the heading of the reset's answer). */
  override focus(options?: FocusOptions): void {
    if (this.step === 'mfa-reset' && this.reset) {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus(options);
      return;
    }
    (this.field(this.step === 'mfa' ? (this.useBackup ? 'backup_code' : 'code') : 'email') ?? this.form)?.focus(
      options,
    );
  }
}
