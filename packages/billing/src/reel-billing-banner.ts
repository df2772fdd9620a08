import { msg, str } from '@lit/localize';
import { type BillingDunning, billingSubscription } from '@reel/contracts';
import { ReelElement, SessionConsumer } from '@reel/core';
import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDay, formatMoney } from './format.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-billing-banner': ReelBillingBanner;
  }
}

/**
 * A slim bar on every page while a renewal payment has failed (`past_due`: retrying) or the grace
 * period runs (full access until a date, then the free tier), with a link to update the card. It
 * hides itself when signed out, when payments are fine, and after `reel-billing-change`.
 *
 * @summary Failed-payment and grace-period banner.
 * @tagname reel-billing-banner
 * @csspart banner - The bar.
 * @cssproperty --reel-billing-banner-background - The bar's background.
 */
export class ReelBillingBanner extends ReelElement {
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
      background: var(--reel-billing-banner-background, var(--reel-color-warning-soft));
      color: var(--reel-color-text);
      font-size: var(--reel-font-size-sm);
      border-block-end: 1px solid var(--reel-color-border);
    }
    p {
      display: flex;
      align-items: center;
      gap: var(--reel-space-2);
      flex: 1 1 18rem;
      margin: 0;
      line-height: var(--reel-line-height-snug);
    }
    reel-icon {
      flex: none;
      color: var(--reel-color-warning);
    }
  `;

  /** The dunning state shown (`retrying`, `grace`), or absent. Reflected. */
  @property({ reflect: true }) state: 'retrying' | 'grace' | '' = '';

  @property({ type: Boolean, reflect: true }) override hidden = true;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private dunning: BillingDunning | null = null;

  private readonly api = new SessionConsumer(this);
  private loadedFor: string | null = null;
  private readonly onChange = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('reel-billing-change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('reel-billing-change', this.onChange);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const session = this.api.session;
    const user = session?.status === 'signed-in' ? session.user : null;
    if (!user) {
      this.loadedFor = null;
      this.dunning = null;
    } else if (this.loadedFor !== user.id) {
      this.loadedFor = user.id;
      void this.load();
    }
    this.state = this.dunning?.state ?? '';
    this.hidden = !this.dunning;
  }

  /** Reads the subscription's dunning state again. */
  async load(): Promise<void> {
    if (this.api.session?.status !== 'signed-in') return;
    try {
      const st = await this.api.client.call(billingSubscription);
      this.dunning = st.subscription?.dunning ?? null;
    } catch {
      // A courtesy banner: without the state it stays hidden.
    }
  }

  protected override render() {
    const d = this.dunning;
    if (!d) return html``;
    const text =
      d.state === 'grace' && d.grace_ends_at
        ? msg(
            str`We couldn’t collect your payment. You keep full access until ${formatDay(d.grace_ends_at)}; then your account moves to Free.`,
            {
              id: 'billing.banner.grace',
            },
          )
        : d.next_attempt_at
          ? msg(
              str`Your payment of ${formatMoney(d.amount_due)} failed. We’ll retry on ${formatDay(d.next_attempt_at)}.`,
              {
                id: 'billing.banner.retrying',
              },
            )
          : msg(str`Your payment of ${formatMoney(d.amount_due)} failed.`, { id: 'billing.dunning.failed' });
    return html`<div class="bar" part="banner" role="status">
      <p><reel-icon name="warning"></reel-icon><span>${text}</span></p>
      <reel-button size="sm" variant="primary" href="/account/billing/payment-methods">${msg('Update payment method', { id: 'billing.banner.update' })}</reel-button>
    </div>`;
  }
}
