import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import { authRegister, type User } from '@reel/contracts';
import { emit, getLocale, ReelElement, SessionConsumer } from '@reel/core';
import type { ReelCheckbox, ReelTextField } from '@reel/ui';
import { html, nothing } from 'lit';
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
  safeNext,
  siteSession,
  submitOnEnter,
  validateFields,
  withNext,
} from './flow.js';
import { capsLockText, renderStrength } from './password.js';
import { MIN_LENGTH } from './strength.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-sign-up': ReelSignUp;
  }
  interface GlobalEventHandlersEventMap {
    'reel-signed-up': CustomEvent<{ user: User; next: string | null }>;
  }
}

/**
 * Create an account: name, email, a new password with a strength meter, and the terms. Inside a
 * `<reel-auth-provider>` the new account is signed in for the whole page; a verification email
 * goes to the address, and the element says so. Server refusals (an address already registered, a
 * common password) appear at their field, and nothing typed is lost.
 *
 * @summary The sign-up form.
 * @tagname reel-sign-up
 * @fires reel-signed-up - The account exists and is signed in; `detail: { user, next }`.
 * @fires reel-signed-in - Fired with it, for hosts that only listen to sign-ins.
 * @fires reel-navigate - A link to another flow, or "Continue" to the return URL; cancel it to route it yourself.
 * @csspart card - The card.
 * @csspart form - The form.
 * @csspart strength - The password strength meter.
 * @cssproperty --reel-auth-backdrop - The page behind the card.
 * @cssproperty --reel-auth-min-height - The element's minimum height (default: the viewport).
 */
export class ReelSignUp extends ReelElement {
  static version = '1.0.0';
  static override styles = [authStyles, strengthStyles];

  /** Where "Continue" goes once the account exists (a same-site path); also read from `?next=`. */
  @property() next: string | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** A request is in flight. */
  @property({ type: Boolean, reflect: true }) busy = false;

  @state() private message = '';
  @state() private password = '';
  @state() private name = '';
  @state() private email = '';
  @state() private capsLock = false;
  @state() private created: User | null = null;

  private readonly api = new SessionConsumer(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.next ??= pageParam('next');
    if (!this.email) this.email = pageParam('email') ?? '';
  }

  private field(name: string): ReelTextField | null {
    return this.renderRoot.querySelector<ReelTextField>(`reel-text-field[name="${name}"]`);
  }

  private onKey = (event: KeyboardEvent) => {
    const on = capsLockOf(event);
    if (on !== null) this.capsLock = on;
  };

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.message = '';
    const terms = this.renderRoot.querySelector<ReelCheckbox>('reel-checkbox[name="terms"]');
    const marketing = this.renderRoot.querySelector<ReelCheckbox>('reel-checkbox[name="marketing"]');
    const fieldsOk = validateFields(this.renderRoot, basicProblem);
    if (terms) {
      terms.error = terms.checked
        ? ''
        : msg('Accept the terms to create an account.', { id: 'auth.sign-up.terms-needed' });
      if (fieldsOk && !terms.checked) terms.focus();
    }
    if (!fieldsOk || !terms?.checked) return;
    const details = {
      display_name: this.name.trim(),
      email: this.email.trim(),
      password: this.password,
      accept_terms: true,
      marketing_opt_in: marketing?.checked ?? false,
      language: getLocale(),
    };
    this.busy = true;
    try {
      const session = siteSession(this.api.session);
      const user = session
        ? await session.signUp(details)
        : (await publicClient(this.apiBase).call(authRegister, { body: details })).user;
      this.created = user;
      const next = safeNext(this.next);
      emit(this, 'reel-signed-up', { user, next });
      emit(this, 'reel-signed-in', { user, next });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      const problem = problemOf(error);
      const fields = { ...problem.fields };
      for (const field of this.renderRoot.querySelectorAll<ReelTextField>('reel-text-field')) {
        field.error = fields[field.name] ? this.fieldMessage(field.name, fields[field.name] as string, error) : '';
      }
      this.message = problem.message ?? '';
      await focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }

  /** The server's field message, made friendlier where the case is known. */
  private fieldMessage(field: string, message: string, error: unknown): string {
    if (field === 'email' && error instanceof ApiError && error.status === 409)
      return msg('This email address already has an account. Sign in, or reset its password.', {
        id: 'auth.sign-up.taken',
      });
    return message.charAt(0).toUpperCase() + message.slice(1);
  }

  private renderDone(user: User) {
    const next = safeNext(this.next) ?? '/profiles';
    return html`<div class="done">
      <div class="badge mail" aria-hidden="true"><reel-icon name="mail"></reel-icon></div>
      <h1 tabindex="-1">${msg(str`Welcome to Reel, ${user.display_name}`, { id: 'auth.sign-up.welcome' })}</h1>
      <p class="lead">
        ${msg('We sent a link to', { id: 'auth.sign-up.sent' })} <strong class="address">${user.email}</strong>.
        ${msg('Open it to confirm your email address — you can start watching now.', { id: 'auth.sign-up.sent-2' })}
      </p>
      <div class="actions">
        <reel-button variant="primary" block href=${next} @click=${(e: MouseEvent) => {
          e.preventDefault();
          navigate(this, next);
        }}>${msg('Continue', { id: 'auth.sign-up.continue' })}</reel-button>
      </div>
    </div>`;
  }

  protected override render() {
    if (this.created) return html`<div class="card" part="card">${this.renderDone(this.created)}</div>`;
    const next = safeNext(this.next);
    return html`<div class="card" part="card">
      <h1 id="title">${msg('Create your account', { id: 'auth.sign-up.title' })}</h1>
      <p class="lead">${msg('Films, series and anime — on every screen. Cancel anytime.', { id: 'auth.sign-up.lead' })}</p>
      ${this.message ? html`<div class="alert" role="alert"><reel-icon name="warning"></reel-icon><p>${this.message}</p></div>` : nothing}
      <form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.submit} @keydown=${submitOnEnter}>
        <reel-text-field
          name="display_name"
          label=${msg('Your name', { id: 'auth.field.name-label' })}
          autocomplete="name"
          required
          .value=${this.name}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.name = e.detail.value;
          }}
        ></reel-text-field>
        ${emailField(this.email, (value) => {
          this.email = value;
        })}
        <reel-text-field
          name="password"
          type="password"
          label=${msg('Password', { id: 'auth.field.password-label' })}
          autocomplete="new-password"
          revealable
          required
          minlength=${MIN_LENGTH}
          help-text=${this.capsLock ? capsLockText() : msg('At least 10 characters. A few unrelated words make a strong password.', { id: 'auth.sign-up.password-help' })}
          .value=${this.password}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.password = e.detail.value;
          }}
          @keydown=${this.onKey}
          @keyup=${this.onKey}
        ></reel-text-field>
        ${renderStrength(this.password, [this.email, this.name])}
        <reel-checkbox name="terms" required>${msg('I accept the Terms of Use and the Privacy Policy', { id: 'auth.sign-up.terms' })}</reel-checkbox>
        <reel-checkbox name="marketing">${msg('Email me about new releases and offers', { id: 'auth.sign-up.marketing' })}</reel-checkbox>
        <reel-button class="submit" type="submit" variant="primary" block ?loading=${this.busy}>
          ${msg('Create account', { id: 'auth.sign-up.submit' })}
        </reel-button>
      </form>
      <div class="links">
        <p>
          ${msg('Already have an account?', { id: 'auth.sign-up.have-account' })}
          <a href=${withNext('/sign-in', next, this.email ? { email: this.email } : {})} @click=${onLinkClick}
            >${msg('Sign in', { id: 'auth.sign-up.sign-in' })}</a
          >
        </p>
      </div>
    </div>`;
  }

  /** Focuses the first field. */
  override focus(options?: FocusOptions): void {
    this.field('display_name')?.focus(options);
  }
}
