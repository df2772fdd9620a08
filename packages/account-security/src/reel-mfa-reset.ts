import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import { mfaReset, type ResponseOf } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { when } from './format.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-mfa-reset': ReelMfaReset;
  }
  interface GlobalEventHandlersEventMap {
    'reel-mfa-reset-change': CustomEvent<{ status: ResponseOf<typeof mfaReset>['status'] }>;
  }
}

type Reset = ResponseOf<typeof mfaReset>;

/**
 * The page an MFA-reset email links to (`/mfa-reset?token=…&action=confirm|cancel`): it says what
 * will happen and asks before acting — confirming starts the waiting period after which
 * two-step verification is removed; cancelling ("this wasn't me") stops the reset. Works signed
 * out: the emailed token is the proof.
 *
 * @summary Confirm or cancel a lost-device reset of two-step verification.
 * @fires reel-mfa-reset-change - The reset was confirmed or cancelled; `detail: { status }`.
 * @csspart card - The card.
 */
export class ReelMfaReset extends ReelElement {
  static version = '1.0.0';
  static override styles = css`
    :host {
      display: block;
      padding: var(--reel-space-16) var(--reel-space-4);
      color: var(--reel-color-text);
    }
    .card {
      box-sizing: border-box;
      max-inline-size: 30rem;
      margin-inline: auto;
      padding: var(--reel-space-10);
      border-radius: var(--reel-radius-xl);
      border: 1px solid var(--reel-color-border);
      background: var(--reel-color-surface-raised);
      box-shadow: var(--reel-shadow-2);
    }
    .icon {
      display: grid;
      place-items: center;
      inline-size: 3rem;
      block-size: 3rem;
      border-radius: var(--reel-radius-lg);
      background: var(--reel-color-warning-soft);
      color: var(--reel-color-warning);
      --reel-icon-size: 1.5rem;
      margin-block-end: var(--reel-space-4);
    }
    .icon.good {
      background: var(--reel-color-success-soft);
      color: var(--reel-color-success);
    }
    h1 {
      margin: 0 0 var(--reel-space-3);
      font-size: var(--reel-font-size-2xl);
      line-height: var(--reel-line-height-tight);
    }
    p {
      margin: 0 0 var(--reel-space-4);
      color: var(--reel-color-text-muted);
      line-height: var(--reel-line-height-normal);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--reel-space-3);
      margin-block-start: var(--reel-space-6);
    }
    .error {
      color: var(--reel-color-danger);
    }
    @media (max-width: 599px) {
      :host {
        padding: var(--reel-space-6) var(--reel-space-3);
      }
      .card {
        padding: var(--reel-space-6);
      }
    }
  `;

  /** The token of the emailed link. */
  @property() token = '';
  /** What the link is for: `confirm` the reset, or `cancel` it. */
  @property({ reflect: true }) action: 'confirm' | 'cancel' = 'confirm';
  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private result: Reset | null = null;
  @state() private error = '';
  @state() private busy = false;

  private readonly api = new SessionConsumer(this);

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    if (!this.token) this.token = params.get('token') ?? '';
    const action = params.get('action');
    if (action === 'cancel' || action === 'confirm') this.action = action;
  }

  private async act(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.result = await this.api.client.call(mfaReset, { body: { step: this.action, token: this.token } });
      emit(this, 'reel-mfa-reset-change', { status: this.result.status });
    } catch (error) {
      this.error =
        error instanceof ApiError && error.status === 410
          ? error.hint?.reason === 'expired'
            ? msg('This link has expired. Ask for a new one from the sign-in page.', { id: 'security.reset.expired' })
            : msg('This link was already used or is not valid.', { id: 'security.reset.used' })
          : error instanceof ApiError
            ? error.message
            : msg('We could not reach Reel. Try again.', { id: 'security.reset.network' });
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`<div class="card" part="card">${this.result ? this.renderDone(this.result) : this.renderAsk()}</div>`;
  }

  private renderAsk() {
    const cancel = this.action === 'cancel';
    return html`<div class="icon" aria-hidden="true"><reel-icon name="shield"></reel-icon></div>
      <h1>${cancel ? msg('Stop the reset of two-step verification?', { id: 'security.reset.cancel.title' }) : msg('Reset two-step verification?', { id: 'security.reset.confirm.title' })}</h1>
      <p>
        ${
          cancel
            ? msg(
                'If you did not ask to remove two-step verification, stop it here, then sign in and change your password.',
                { id: 'security.reset.cancel.text' },
              )
            : msg(
                'You lost the device with your authenticator app. After a waiting period, two-step verification is removed and you can sign in with your password, then set it up again. We email you when the waiting period starts.',
                { id: 'security.reset.confirm.text' },
              )
        }
      </p>
      ${!this.token ? html`<p class="error" role="alert">${msg('This link is incomplete. Open it again from the email.', { id: 'security.reset.no-token' })}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <reel-button variant=${cancel ? 'danger' : 'primary'} ?disabled=${!this.token} ?loading=${this.busy} @click=${this.act}>
          ${cancel ? msg('Stop the reset', { id: 'security.reset.cancel.button' }) : msg('Start the waiting period', { id: 'security.reset.confirm.button' })}
        </reel-button>
        <reel-button variant="ghost" href="/sign-in">${msg('Back to sign in', { id: 'security.reset.back' })}</reel-button>
      </div>`;
  }

  private renderDone(reset: Reset) {
    return html`<div class="icon good" aria-hidden="true"><reel-icon name="success"></reel-icon></div>
      <h1 tabindex="-1">
        ${
          reset.status === 'cancelled'
            ? msg('The reset was stopped', { id: 'security.reset.cancelled.title' })
            : reset.status === 'completed'
              ? msg('Two-step verification was removed', { id: 'security.reset.completed.title' })
              : msg('The waiting period has started', { id: 'security.reset.waiting.title' })
        }
      </h1>
      <p role="status">
        ${
          reset.status === 'cancelled'
            ? msg('Two-step verification stays on. If you did not ask for the reset, change your password now.', {
                id: 'security.reset.cancelled.text',
              })
            : reset.status === 'waiting' && reset.eligible_at
              ? msg(
                  str`Two-step verification will be removed on ${when(reset.eligible_at)}. We sent a notice to ${reset.email_hint}.`,
                  { id: 'security.reset.waiting.text' },
                )
              : msg('Sign in with your password, then turn two-step verification on again.', {
                  id: 'security.reset.completed.text',
                })
        }
      </p>
      <div class="actions">
        <reel-button variant="primary" href="/sign-in">${msg('Go to sign in', { id: 'security.reset.sign-in' })}</reel-button>
      </div>`;
  }
}
