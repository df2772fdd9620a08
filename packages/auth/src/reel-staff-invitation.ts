import { msg } from '@lit/localize';
import { ApiError } from '@reel/client';
import { authAcceptStaffInvitation, authVerifyStaffInvitation } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import type { ReelTextField } from '@reel/ui';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { authStyles, strengthStyles } from './auth.styles.js';
import {
  basicProblem,
  focusFirstInvalid,
  navigate,
  pageParam,
  problemOf,
  publicClient,
  submitOnEnter,
  validateFields,
} from './flow.js';
import { renderStrength } from './password.js';
import { MIN_LENGTH } from './strength.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-staff-invitation': ReelStaffInvitation;
  }
  interface GlobalEventHandlersEventMap {
    'reel-staff-invitation-accepted': CustomEvent<{ email: string }>;
  }
}

/** Where the page is, reflected as the `step` attribute. */
export type InvitationStep = 'checking' | 'invalid' | 'choose' | 'mfa';

/**
 * The page an emailed staff invitation opens (§21): the link is checked, the new member chooses
 * a password (with the strength meter) and is signed in, then is sent to set up two-step
 * verification, which the admin requires before any of its routes answer.
 *
 * @summary Accept a staff invitation: set a password, then set up two-step verification.
 * @tagname reel-staff-invitation
 * @fires reel-staff-invitation-accepted - The password is set and the member signed in; `detail: { email }`.
 * @fires reel-navigate - Going on to the security settings; cancel it to route it yourself.
 * @csspart card - The card.
 * @csspart form - The password form.
 * @cssproperty --reel-auth-backdrop - The page behind the card.
 */
export class ReelStaffInvitation extends ReelElement {
  static version = '1.0.0';
  static override styles = [authStyles, strengthStyles];

  /** The token of the emailed link (also read from `?token=`). */
  @property() token: string | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Where two-step verification is set up. */
  @property({ attribute: 'security-href' }) securityHref = '/account/security/two-step';

  @property({ reflect: true }) step: InvitationStep = 'checking';

  @property({ type: Boolean, reflect: true }) busy = false;

  @state() private email = '';
  @state() private name = '';
  @state() private password = '';
  @state() private message = '';
  @state() private reason: 'invalid' | 'expired' | 'used' = 'invalid';

  private readonly api = new SessionConsumer(this);

  private get client() {
    return this.api.session?.client ?? publicClient(this.apiBase);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.token ??= pageParam('token');
    void this.check();
  }

  private async go(step: InvitationStep) {
    this.step = step;
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>('reel-text-field') ?? this.renderRoot.querySelector<HTMLElement>('h1')
    )?.focus();
  }

  private gone(error: unknown): boolean {
    if (!(error instanceof ApiError) || (error.status !== 410 && error.status !== 400)) return false;
    const reason = error.hint?.reason;
    this.reason = reason === 'expired' || reason === 'used' ? reason : 'invalid';
    return true;
  }

  private async check() {
    const token = this.token;
    if (!token) {
      this.reason = 'invalid';
      await this.go('invalid');
      return;
    }
    try {
      const status = await this.client.call(authVerifyStaffInvitation, { body: { token } });
      this.email = status.email;
      this.name = status.display_name;
      await this.go('choose');
    } catch (error) {
      if (!this.gone(error)) this.message = problemOf(error).message ?? '';
      await this.go('invalid');
    }
  }

  private async accept(event: SubmitEvent) {
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
      const tokens = await this.client.call(authAcceptStaffInvitation, {
        body: { token: this.token, password: this.password, ...(this.name ? { display_name: this.name } : {}) },
      });
      this.api.session?.acceptTokens(tokens);
      emit(this, 'reel-staff-invitation-accepted', { email: this.email });
      await this.go('mfa');
    } catch (error) {
      if (this.gone(error) && (error as ApiError).status === 410) {
        await this.go('invalid');
        return;
      }
      const problem = problemOf(error);
      for (const field of this.renderRoot.querySelectorAll<ReelTextField>('reel-text-field'))
        field.error = problem.fields[field.name] ?? '';
      this.message = problem.message ?? '';
      await focusFirstInvalid(this.renderRoot);
    } finally {
      this.busy = false;
    }
  }

  private renderAlert() {
    return this.message
      ? html`<div class="alert" role="alert"><reel-icon name="warning"></reel-icon><p>${this.message}</p></div>`
      : nothing;
  }

  private renderChoose() {
    return html`
      <h1 id="title">${msg('Join the Reel admin', { id: 'auth.staff.title' })}</h1>
      <p class="lead">${msg('Choose a password for', { id: 'auth.staff.for' })} <strong class="address">${this.email}</strong>.</p>
      ${this.renderAlert()}
      <form part="form" novalidate aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.accept} @keydown=${submitOnEnter}>
        <reel-text-field
          name="display_name"
          label=${msg('Your name', { id: 'auth.staff.name' })}
          autocomplete="name"
          required
          .value=${this.name}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.name = e.detail.value;
          }}
        ></reel-text-field>
        <reel-text-field
          name="password"
          type="password"
          label=${msg('Password', { id: 'auth.staff.password' })}
          autocomplete="new-password"
          revealable
          required
          minlength=${MIN_LENGTH}
          .value=${this.password}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.password = e.detail.value;
          }}
        ></reel-text-field>
        ${renderStrength(this.password, [this.email, this.name])}
        <reel-text-field
          name="confirm"
          type="password"
          label=${msg('Type it again', { id: 'auth.reset.confirm-label' })}
          autocomplete="new-password"
          revealable
          required
        ></reel-text-field>
        <reel-button class="submit" type="submit" variant="primary" block ?loading=${this.busy}>
          ${msg('Continue', { id: 'auth.staff.submit' })}
        </reel-button>
      </form>
    `;
  }

  private renderMfa() {
    return html`<div class="done">
      <div class="badge" aria-hidden="true"><reel-icon name="shield"></reel-icon></div>
      <h1 tabindex="-1">${msg('Set up two-step verification', { id: 'auth.staff.mfa-go' })}</h1>
      <p class="lead">${msg('You are signed in. The admin opens once two-step verification is on.', { id: 'auth.staff.mfa-lead' })}</p>
      <div class="actions">
        <reel-button variant="primary" block href=${this.securityHref} @click=${(e: MouseEvent) => {
          e.preventDefault();
          navigate(this, this.securityHref);
        }}>${msg('Set up two-step verification', { id: 'auth.staff.mfa-go' })}</reel-button>
      </div>
    </div>`;
  }

  private renderInvalid() {
    const text =
      this.reason === 'expired'
        ? msg('This invitation has expired: ask for a new one.', { id: 'auth.staff.expired' })
        : this.reason === 'used'
          ? msg('This invitation was already used, or a newer one was sent.', {
              id: 'auth.staff.used',
            })
          : msg('This invitation link is not valid: open the whole link from the email.', {
              id: 'auth.staff.invalid',
            });
    return html`<div class="done">
      <div class="badge warn" aria-hidden="true"><reel-icon name="warning"></reel-icon></div>
      <h1 tabindex="-1">${msg('This invitation can’t be used', { id: 'auth.staff.invalid-title' })}</h1>
      <p class="lead">${text}</p>
      ${this.renderAlert()}
    </div>`;
  }

  protected override render() {
    const body =
      this.step === 'checking'
        ? html`<div class="done" aria-busy="true"><reel-spinner size="lg" label=${msg('Checking your link…', { id: 'auth.reset.checking' })}></reel-spinner></div>`
        : this.step === 'invalid'
          ? this.renderInvalid()
          : this.step === 'mfa'
            ? this.renderMfa()
            : this.renderChoose();
    return html`<div class="card" part="card">${body}</div>`;
  }
}
