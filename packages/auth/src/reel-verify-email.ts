import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import { authResendVerification, authVerifyEmail } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { authStyles } from './auth.styles.js';
import { navigate, pageParam, problemOf, publicClient, retryAfterOf, safeNext, withNext } from './flow.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-verify-email': ReelVerifyEmail;
  }
  interface GlobalEventHandlersEventMap {
    'reel-email-verified': CustomEvent<{ email: string; alreadyVerified: boolean }>;
  }
}

/** What the page shows, reflected as `state`. */
export const VerifyState = {
  verifying: 'verifying',
  verified: 'verified',
  failed: 'failed',
  missing: 'missing',
} as const;
export type VerifyState = (typeof VerifyState)[keyof typeof VerifyState];

/**
 * The page an emailed verification link opens: it verifies the address with the link's `token`
 * (attribute or `?token=`), signed in or not, and says how it went. An expired link offers a new
 * email (signed in) or sign-in first (signed out).
 *
 * @summary The email verification page.
 * @tagname reel-verify-email
 * @fires reel-email-verified - The address is verified; `detail: { email, alreadyVerified }`. The verification banner listens for it.
 * @fires reel-navigate - "Continue" or "Sign in"; cancel it to route it yourself.
 * @csspart card - The card.
 * @cssproperty --reel-auth-backdrop - The page behind the card.
 * @cssproperty --reel-auth-min-height - The element's minimum height (default: the viewport).
 */
export class ReelVerifyEmail extends ReelElement {
  static version = '1.0.0';
  static override styles = authStyles;

  /** The token of the emailed link (also read from `?token=`). */
  @property() token: string | null = null;

  /** Where "Continue" goes (a same-site path); also read from `?next=`. */
  @property() next: string | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @property({ reflect: true }) state: VerifyState = 'verifying';

  @state() private email = '';
  @state() private already = false;
  @state() private reason = '';
  @state() private note = '';
  @state() private sending = false;

  private readonly api = new SessionConsumer(this);
  private started: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.token ??= pageParam('token');
    this.next ??= pageParam('next');
  }

  protected override updated(): void {
    const token = this.token;
    if (!token) {
      if (this.state === 'verifying') this.state = 'missing';
      return;
    }
    // Wait for the provider's session (if any) to settle, then verify once per token.
    if (this.api.session?.status === 'loading' || this.started === token) return;
    this.started = token;
    void this.verify(token);
  }

  private async verify(token: string) {
    this.state = 'verifying';
    try {
      const client = this.api.session?.client ?? publicClient(this.apiBase);
      const result = await client.call(authVerifyEmail, { body: { token } });
      this.email = result.email;
      this.already = result.already_verified;
      this.state = 'verified';
      emit(this, 'reel-email-verified', { email: result.email, alreadyVerified: result.already_verified });
    } catch (error) {
      this.reason =
        error instanceof ApiError && (error.status === 410 || error.status === 400)
          ? String(error.hint?.reason ?? 'invalid')
          : (problemOf(error).message ?? '');
      this.state = 'failed';
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async resend() {
    const session = this.api.session;
    if (session?.status !== 'signed-in' || this.sending) return;
    this.sending = true;
    try {
      const sent = await session.client.call(authResendVerification);
      this.note = msg(str`We sent a new link to ${sent.email}.`, { id: 'auth.verify.resent' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        this.state = 'verified';
        this.already = true;
        this.email = session.user?.email ?? '';
        return;
      }
      const wait = retryAfterOf(error);
      this.note =
        wait !== null
          ? msg(str`You can ask for another email in ${Math.ceil(wait)} s.`, { id: 'auth.verify.wait' })
          : (problemOf(error).message ?? '');
    } finally {
      this.sending = false;
    }
  }

  private continueButton(label: string) {
    const href = safeNext(this.next) ?? '/';
    return html`<reel-button variant="primary" block href=${href} @click=${(e: MouseEvent) => {
      e.preventDefault();
      navigate(this, href);
    }}>${label}</reel-button>`;
  }

  private renderFailed() {
    const signedIn = this.api.session?.status === 'signed-in';
    const expired = this.reason === 'expired';
    const known = ['expired', 'used', 'invalid'].includes(this.reason);
    return html`<div class="done">
      <div class="badge warn" aria-hidden="true"><reel-icon name="warning"></reel-icon></div>
      <h1 tabindex="-1">${expired ? msg('This link has expired', { id: 'auth.verify.expired-title' }) : msg('We couldn’t verify your email', { id: 'auth.verify.failed-title' })}</h1>
      <p class="lead">
        ${
          known
            ? expired
              ? msg('Verification links work for two days. Ask for a new one and open it from the newest email.', {
                  id: 'auth.verify.expired',
                })
              : msg('This link is not valid any more. Ask for a new one and open it from the newest email.', {
                  id: 'auth.verify.invalid',
                })
            : this.reason
        }
      </p>
      ${this.note ? html`<div class="alert info" role="status"><reel-icon name="mail"></reel-icon><p>${this.note}</p></div>` : nothing}
      <div class="actions">
        ${
          signedIn
            ? html`<reel-button variant="primary" block ?loading=${this.sending} @click=${() => this.resend()}>${msg('Send a new link', { id: 'auth.verify.resend' })}</reel-button>`
            : html`<reel-button variant="primary" block href=${withNext('/sign-in', '/verify-email')} @click=${(
                e: MouseEvent,
              ) => {
                e.preventDefault();
                navigate(this, withNext('/sign-in', null));
              }}>${msg('Sign in to get a new link', { id: 'auth.verify.sign-in' })}</reel-button>`
        }
      </div>
    </div>`;
  }

  protected override render() {
    let body: unknown;
    switch (this.state) {
      case 'verified':
        body = html`<div class="done">
          <div class="badge" aria-hidden="true"><reel-icon name="check"></reel-icon></div>
          <h1 tabindex="-1">${this.already ? msg('Already verified', { id: 'auth.verify.already-title' }) : msg('Your email is verified', { id: 'auth.verify.done-title' })}</h1>
          <p class="lead">
            <strong class="address">${this.email}</strong>
            ${this.already ? msg('was verified before. You’re all set.', { id: 'auth.verify.already' }) : msg('is confirmed. Thanks — you’re all set.', { id: 'auth.verify.done' })}
          </p>
          <div class="actions">${this.continueButton(msg('Continue to Reel', { id: 'auth.verify.continue' }))}</div>
        </div>`;
        break;
      case 'failed':
        body = this.renderFailed();
        break;
      case 'missing':
        body = html`<div class="done">
          <div class="badge mail" aria-hidden="true"><reel-icon name="mail"></reel-icon></div>
          <h1 tabindex="-1">${msg('Open the link from your email', { id: 'auth.verify.missing-title' })}</h1>
          <p class="lead">${msg('To verify your address, open the link in the email we sent you. It brings you back here.', { id: 'auth.verify.missing' })}</p>
          <div class="actions">${this.continueButton(msg('Continue to Reel', { id: 'auth.verify.continue' }))}</div>
        </div>`;
        break;
      default:
        body = html`<div class="done" aria-busy="true">
          <reel-spinner size="lg" label=${msg('Verifying your email…', { id: 'auth.verify.verifying' })}></reel-spinner>
          <p class="lead">${msg('Verifying your email…', { id: 'auth.verify.verifying' })}</p>
        </div>`;
    }
    return html`<div class="card" part="card">${body}</div>`;
  }
}
