import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import { authConfirmPasswordReset, authRequestPasswordReset, authVerifyPasswordReset } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import type { ReelTextField } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { authStyles, strengthStyles } from './auth.styles.js';
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
  submitOnEnter,
  validateFields,
  withNext,
} from './flow.js';
import { capsLockText, renderStrength } from './password.js';
import { MIN_LENGTH } from './strength.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-password-reset': ReelPasswordReset;
  }
  interface GlobalEventHandlersEventMap {
    'reel-password-reset-requested': CustomEvent<{ email: string }>;
    'reel-password-reset': CustomEvent<{ sessionsRevoked: number }>;
  }
}

/** The steps of a reset, reflected as the `step` attribute. */
export const ResetStep = {
  request: 'request',
  sent: 'sent',
  checking: 'checking',
  invalid: 'invalid',
  choose: 'choose',
  done: 'done',
} as const;
export type ResetStep = (typeof ResetStep)[keyof typeof ResetStep];

/**
 * Password reset from start to finish. Without a `token`: the address form, then "check your
 * inbox" (the answer is the same whether the address has an account or not). With the emailed
 * link's `token` (attribute or `?token=`): the link is checked, then a new password is chosen with
 * a strength meter, and every device is signed out. Expired or used links say so and offer a new one.
 *
 * @summary Forgot-password and reset-password pages.
 * @tagname reel-password-reset
 * @fires reel-password-reset-requested - A reset link was asked for; `detail: { email }`.
 * @fires reel-password-reset - The new password is set; `detail: { sessionsRevoked }`.
 * @fires reel-navigate - A link to another flow (sign-in); cancel it to route it yourself.
 * @csspart card - The card.
 * @csspart form - The form of the current step.
 * @csspart strength - The password strength meter.
 * @cssproperty --reel-auth-backdrop - The page behind the card.
 * @cssproperty --reel-auth-min-height - The element's minimum height (default: the viewport).
 */
export class ReelPasswordReset extends ReelElement {
  static version = '1.0.0';
  static override styles = [authStyles, strengthStyles];

  /** The token of an emailed reset link (also read from `?token=`). */
  @property() token: string | null = null;

  /** An address to start with (also read from `?email=`). */
  @property() email = '';

  /** Where sign-in goes afterwards (carried to the sign-in link). */
  @property() next: string | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** The step shown. */
  @property({ reflect: true }) step: ResetStep = 'request';

  @property({ type: Boolean, reflect: true }) busy = false;

  @state() private message = '';
  @state() private password = '';
  @state() private capsLock = false;
  @state() private reason: 'invalid' | 'expired' | 'used' = 'invalid';
  @state() private hint = '';
  @state() private mfa = false;
  @state() private revoked = 0;

  private readonly api = new SessionConsumer(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.token ??= pageParam('token');
    this.next ??= pageParam('next');
    if (!this.email) this.email = pageParam('email') ?? '';
    if (this.token) void this.check();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && changed.get('token') !== undefined && this.token && this.isConnected) void this.check();
  }

  private get client() {
    return this.api.session?.client ?? publicClient(this.apiBase);
  }

  private async go(step: ResetStep) {
    this.step = step;
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('reel-text-field') ?? this.renderRoot.querySelector<HTMLElement>('h1');
    target?.focus();
  }

  /** Checks the link before showing the new-password form. */
  private async check() {
    const token = this.token;
    if (!token) return;
    this.step = 'checking';
    try {
      const status = await this.client.call(authVerifyPasswordReset, { body: { token } });
      if (token !== this.token) return;
      if (status.valid) {
        this.hint = status.email_hint ?? '';
        this.mfa = status.mfa_enabled;
        await this.go('choose');
      } else {
        this.reason = status.reason ?? 'invalid';
        await this.go('invalid');
      }
    } catch (error) {
      // A token the contract refuses outright (too short, wrong characters) is just a bad link.
      if (error instanceof ApiError && error.status === 400) {
        this.reason = 'invalid';
        await this.go('invalid');
        return;
      }
      this.message = problemOf(error).message ?? '';
      await this.go('invalid');
    }
  }

  private onKey = (event: KeyboardEvent) => {
    const on = capsLockOf(event);
    if (on !== null) this.capsLock = on;
  };

  private async request(event?: SubmitEvent) {
    event?.preventDefault();
    if (this.busy) return;
    this.message = '';
    if (event && !validateFields(this.renderRoot, basicProblem)) return;
    const email = this.email.trim();
    this.busy = true;
    try {
      await this.client.call(authRequestPasswordReset, { body: { email } });
      emit(this, 'reel-password-reset-requested', { email });
      await this.go('sent');
    } catch (error) {
      const problem = problemOf(error);
      for (const field of this.renderRoot.querySelectorAll<ReelTextField>('reel-text-field'))
        field.error = problem.fields[field.name] ?? '';
      this.message = problem.message ?? '';
      await focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }

  private async confirm(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.token) return;
    this.message = '';
    const ok = validateFields(this.renderRoot, (field) => {
      const basic = basicProblem(field);
      if (basic) return basic;
      if (field.name === 'confirm' && field.value !== this.password)
        return msg('The two passwords are not the same.', { id: 'auth.reset.mismatch' });
      return '';
    });
    if (!ok) return;
    this.busy = true;
    try {
      const done = await this.client.call(authConfirmPasswordReset, {
        body: { token: this.token, new_password: this.password },
      });
      this.revoked = done.sessions_revoked;
      this.hint = done.email_hint;
      emit(this, 'reel-password-reset', { sessionsRevoked: done.sessions_revoked });
      await this.go('done');
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) {
        const reason = error.hint?.reason;
        this.reason = reason === 'expired' || reason === 'used' ? reason : 'invalid';
        await this.go('invalid');
        return;
      }
      const problem = problemOf(error);
      const fields: Record<string, string> = {};
      if (problem.fields.new_password) fields.password = problem.fields.new_password;
      for (const field of this.renderRoot.querySelectorAll<ReelTextField>('reel-text-field'))
        field.error = fields[field.name] ?? '';
      this.message = problem.message ?? '';
      await focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }

  private restart() {
    this.token = null;
    this.message = '';
    void this.go('request');
  }

  private renderAlert() {
    return this.message
      ? html`<div class="alert" role="alert"><reel-icon name="warning"></reel-icon><p>${this.message}</p></div>`
      : nothing;
  }

  private signInLink(label: string, primary = false) {
    const href = withNext('/sign-in', this.next);
    return primary
      ? html`<reel-button variant="primary" block href=${href} @click=${(e: MouseEvent) => {
          e.preventDefault();
          navigate(this, href);
        }}>${label}</reel-button>`
      : html`<a href=${href} @click=${onLinkClick}>${label}</a>`;
  }

  private renderRequest() {
    return html`
      <h1 id="title">${msg('Forgot your password?', { id: 'auth.reset.request-title' })}</h1>
      <p class="lead">${msg('Enter the email address of your account and we’ll send you a link to choose a new password.', { id: 'auth.reset.request-lead' })}</p>
      ${this.renderAlert()}
      <form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.request} @keydown=${submitOnEnter}>
        ${emailField(this.email, (value) => {
          this.email = value;
        })}
        <reel-button class="submit" type="submit" variant="primary" block ?loading=${this.busy}>
          ${msg('Email me a link', { id: 'auth.reset.request-submit' })}
        </reel-button>
      </form>
      <div class="links"><p>${this.signInLink(msg('Back to sign in', { id: 'auth.reset.back' }))}</p></div>
    `;
  }

  private renderSent() {
    return html`<div class="done">
      <div class="badge mail" aria-hidden="true"><reel-icon name="mail"></reel-icon></div>
      <h1 tabindex="-1">${msg('Check your inbox', { id: 'auth.reset.sent-title' })}</h1>
      <p class="lead">
        ${msg('If there is a Reel account for', { id: 'auth.reset.sent-1' })} <strong class="address">${this.email.trim()}</strong>${msg(', we sent it a link to reset the password. The link works once, for an hour.', { id: 'auth.reset.sent-2' })}
      </p>
      ${this.renderAlert()}
      <p class="fine">${msg('Nothing there? Check your spam folder, or', { id: 'auth.reset.sent-3' })}
        <button type="button" class="linklike" ?disabled=${this.busy} @click=${() => this.request()}>${msg('send it again', { id: 'auth.reset.resend' })}</button>.
      </p>
      <div class="actions">${this.signInLink(msg('Back to sign in', { id: 'auth.reset.back' }), true)}</div>
    </div>`;
  }

  private renderChecking() {
    return html`<div class="done" aria-busy="true">
      <reel-spinner size="lg" label=${msg('Checking your link…', { id: 'auth.reset.checking' })}></reel-spinner>
      <p class="lead">${msg('Checking your link…', { id: 'auth.reset.checking' })}</p>
    </div>`;
  }

  private renderInvalid() {
    const text =
      this.reason === 'expired'
        ? msg('Reset links work for an hour, and this one has expired. Ask for a new one — it only takes a moment.', {
            id: 'auth.reset.expired',
          })
        : this.reason === 'used'
          ? msg('This reset link was already used (or a newer one was sent). Ask for a new one if you still need it.', {
              id: 'auth.reset.used',
            })
          : msg(
              'This reset link is not valid. Check that you opened the whole link from the email, or ask for a new one.',
              { id: 'auth.reset.invalid' },
            );
    return html`<div class="done">
      <div class="badge warn" aria-hidden="true"><reel-icon name="warning"></reel-icon></div>
      <h1 tabindex="-1">${this.reason === 'expired' ? msg('This link has expired', { id: 'auth.reset.expired-title' }) : msg('This link can’t be used', { id: 'auth.reset.invalid-title' })}</h1>
      <p class="lead">${text}</p>
      ${this.renderAlert()}
      <div class="actions">
        <reel-button variant="primary" block @click=${() => this.restart()}>${msg('Get a new link', { id: 'auth.reset.new-link' })}</reel-button>
        ${this.signInLink(msg('Back to sign in', { id: 'auth.reset.back' }))}
      </div>
    </div>`;
  }

  private renderChoose() {
    return html`
      <h1 id="title">${msg('Choose a new password', { id: 'auth.reset.choose-title' })}</h1>
      <p class="lead">
        ${this.hint ? html`${msg('For', { id: 'auth.reset.for' })} <strong class="address">${this.hint}</strong>. ` : nothing}${msg('You’ll be signed out on every device.', { id: 'auth.reset.signout-note' })}
      </p>
      ${this.renderAlert()}
      <form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.confirm} @keydown=${submitOnEnter}>
        <reel-text-field
          name="password"
          type="password"
          label=${msg('New password', { id: 'auth.reset.new-label' })}
          autocomplete="new-password"
          revealable
          required
          minlength=${MIN_LENGTH}
          help-text=${this.capsLock ? capsLockText() : ''}
          .value=${this.password}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.password = e.detail.value;
          }}
          @keydown=${this.onKey}
          @keyup=${this.onKey}
        ></reel-text-field>
        ${renderStrength(this.password, [this.hint])}
        <reel-text-field
          name="confirm"
          type="password"
          label=${msg('Type it again', { id: 'auth.reset.confirm-label' })}
          autocomplete="new-password"
          revealable
          required
          @keydown=${this.onKey}
          @keyup=${this.onKey}
        ></reel-text-field>
        ${this.mfa ? html`<p class="fine">${msg('Two-step verification stays on: you’ll still need your code to sign in.', { id: 'auth.reset.mfa-note' })}</p>` : nothing}
        <reel-button class="submit" type="submit" variant="primary" block ?loading=${this.busy}>
          ${msg('Save new password', { id: 'auth.reset.save' })}
        </reel-button>
      </form>
    `;
  }

  private renderDone() {
    const n = this.revoked;
    return html`<div class="done">
      <div class="badge" aria-hidden="true"><reel-icon name="check"></reel-icon></div>
      <h1 tabindex="-1">${msg('Your password is changed', { id: 'auth.reset.done-title' })}</h1>
      <p class="lead">
        ${
          n === 0
            ? msg('Sign in with your new password.', { id: 'auth.reset.done-0' })
            : n === 1
              ? msg('We signed you out on 1 device. Sign in with your new password.', { id: 'auth.reset.done-1' })
              : msg(str`We signed you out on ${n} devices. Sign in with your new password.`, {
                  id: 'auth.reset.done-n',
                })
        }
      </p>
      <div class="actions">${this.signInLink(msg('Sign in', { id: 'auth.reset.sign-in' }), true)}</div>
    </div>`;
  }

  protected override render() {
    const body =
      this.step === 'sent'
        ? this.renderSent()
        : this.step === 'checking'
          ? this.renderChecking()
          : this.step === 'invalid'
            ? this.renderInvalid()
            : this.step === 'choose'
              ? this.renderChoose()
              : this.step === 'done'
                ? this.renderDone()
                : this.renderRequest();
    return html`<div class="card" part="card">${body}</div>`;
  }
}
