import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import { authEmailStatus, authResendVerification } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatWait, problemOf, retryAfterOf } from './flow.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-verify-email-banner': ReelVerifyEmailBanner;
  }
  interface GlobalEventHandlersEventMap {
    'reel-verification-sent': CustomEvent<{ email: string; retryAfter: number }>;
  }
}

/**
 * A slim bar for the top of the site while the signed-in user's email address is unverified:
 * it names the address and offers to send the link again, counting down while resending is not
 * allowed yet (from the server's status, or from a 429's `retry_after`). It hides itself when the
 * address is verified (also when `<reel-verify-email>` on the page verifies it), when signed out,
 * and when dismissed.
 *
 * @summary "Confirm your email" banner with a rate-limited resend.
 * @tagname reel-verify-email-banner
 * @fires reel-verification-sent - A new verification email went out; `detail: { email, retryAfter }`.
 * @csspart banner - The bar.
 * @csspart resend - The resend button.
 * @cssproperty --reel-verify-banner-background - The bar's background.
 */
export class ReelVerifyEmailBanner extends ReelElement {
  static version = '1.0.0';
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--reel-space-2) var(--reel-space-4);
      padding: var(--reel-space-2) var(--reel-space-4);
      background: var(--reel-verify-banner-background, var(--reel-color-info-soft));
      color: var(--reel-color-text);
      font-size: var(--reel-font-size-sm);
      border-block-end: 1px solid var(--reel-color-border);
    }
    .text {
      display: flex;
      align-items: center;
      gap: var(--reel-space-2);
      flex: 1 1 18rem;
      margin: 0;
      line-height: var(--reel-line-height-snug);
    }
    .text reel-icon {
      flex: none;
    }
    strong {
      word-break: break-all;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: var(--reel-space-2);
    }
    .status {
      color: var(--reel-color-text-muted);
      font-variant-numeric: tabular-nums;
    }
  `;

  /** Hidden: verified, signed out, dismissed, or not known yet. Reflected. */
  @property({ type: Boolean, reflect: true }) override hidden = true;

  /** Seconds until another email may be sent (0: now). */
  @property({ type: Number, attribute: 'retry-after', reflect: true }) retryAfter = 0;

  /** API base for pages without a `<reel-auth-provider>` (the banner needs a signed-in session). */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private email = '';
  @state() private note = '';
  @state() private sending = false;
  @state() private dismissed = false;
  @state() private verified = false;

  private readonly api = new SessionConsumer(this);
  private loadedFor: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  private onVerified = () => {
    this.verified = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('reel-email-verified', this.onVerified);
    if (this.retryAfter > 0) this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('reel-email-verified', this.onVerified);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const session = this.api.session;
    const user = session?.status === 'signed-in' ? session.user : null;
    if (!user) this.loadedFor = null;
    else if (this.loadedFor !== user.id) {
      this.loadedFor = user.id;
      this.verified = user.email_verified;
      this.email = user.email;
      this.note = '';
      this.dismissed = false;
      if (!user.email_verified) void this.load();
    }
    this.hidden = !user || this.verified || this.dismissed || !this.email;
  }

  private async load() {
    const session = this.api.session;
    if (!session) return;
    try {
      const status = await session.client.call(authEmailStatus);
      this.email = status.email;
      this.verified = status.verified;
      this.countdown(status.retry_after);
    } catch {
      // The banner is a courtesy: without its status it still offers to resend.
    }
  }

  /** Starts (or restarts) the countdown. */
  private countdown(seconds: number) {
    this.retryAfter = Math.max(0, Math.ceil(seconds));
    this.tick();
  }

  private tick() {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.retryAfter <= 0) return;
    this.timer = setInterval(() => {
      this.retryAfter = Math.max(0, this.retryAfter - 1);
      if (this.retryAfter === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    }, 1000);
  }

  private async resend() {
    const session = this.api.session;
    if (!session || this.sending || this.retryAfter > 0) return;
    this.sending = true;
    this.note = '';
    try {
      const sent = await session.client.call(authResendVerification);
      this.note = msg('Sent! Check your inbox.', { id: 'auth.banner.sent' });
      this.countdown(sent.retry_after);
      emit(this, 'reel-verification-sent', { email: sent.email, retryAfter: sent.retry_after });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        this.verified = true;
        return;
      }
      const wait = retryAfterOf(error);
      if (wait !== null) {
        this.note = msg('We just sent one. You can ask again soon.', { id: 'auth.banner.too-soon' });
        this.countdown(wait);
      } else {
        this.note = problemOf(error).message ?? '';
      }
    } finally {
      this.sending = false;
    }
  }

  protected override render() {
    if (this.hidden) return nothing;
    const waiting = this.retryAfter > 0;
    return html`<div class="bar" part="banner" role="region" aria-label=${msg('Email verification', { id: 'auth.banner.label' })}>
      <p class="text">
        <reel-icon name="mail"></reel-icon>
        <span>${msg('Confirm your email address:', { id: 'auth.banner.text' })} <strong>${this.email}</strong>.
          ${msg('Open the link we sent you.', { id: 'auth.banner.text-2' })}</span>
      </p>
      <div class="actions">
        <span class="status" role="status">${this.note}</span>
        ${waiting ? html`<span class="status">${msg(str`Resend in ${formatWait(this.retryAfter)}`, { id: 'auth.banner.countdown' })}</span>` : nothing}
        <reel-button part="resend" size="sm" variant="outline" ?disabled=${waiting} ?loading=${this.sending} @click=${() => this.resend()}>
          ${msg('Resend email', { id: 'auth.banner.resend' })}
        </reel-button>
        <reel-icon-button name="close" size="sm" tooltip="none" label=${msg('Dismiss', { id: 'auth.banner.dismiss' })} @click=${() => {
          this.dismissed = true;
        }}></reel-icon-button>
      </div>
    </div>`;
  }
}
