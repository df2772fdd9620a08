import { msg, str } from '@lit/localize';
import { ApiError, ContractError, NetworkError } from '@reel/client';
import {
  type BillingCancelReason,
  type BillingInvoiceSummary,
  type BillingPaymentAction,
  type BillingPaymentMethod,
  type BillingPlan,
  type BillingProrationPreview,
  type BillingSubscriptionState,
  billingAddPaymentMethod,
  billingCancel,
  billingChange,
  billingConfirm,
  billingInvoicePdf,
  billingInvoices,
  billingPaymentMethods,
  billingPlans,
  billingPreviewChange,
  billingRemovePaymentMethod,
  billingResume,
  billingSetDefaultPaymentMethod,
  billingSubscribe,
  billingSubscription,
  integrationsSandboxToken,
} from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { toast } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatDay, formatExpiry, formatMoney, groupCardNumber, parseExpiry, qualityLabel } from './format.js';
import { billingStyles } from './styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-billing': ReelBilling;
  }
  interface GlobalEventHandlersEventMap {
    'reel-billing-change': CustomEvent<{ plan_code: string; status: string | null }>;
  }
}

/** The parts of the billing pages: the `section` attribute (the URL's rest) names one. */
export const BillingSection = {
  overview: '',
  plans: 'plans',
  paymentMethods: 'payment-methods',
  history: 'history',
} as const;
export type BillingSection = (typeof BillingSection)[keyof typeof BillingSection];

interface CardForm {
  number: string;
  expiry: string;
  cvc: string;
}
type CardErrors = Partial<Record<keyof CardForm | 'form', string>>;

interface Data {
  plans: BillingPlan[];
  state: BillingSubscriptionState | null;
  methods: BillingPaymentMethod[];
  invoices: BillingInvoiceSummary[];
}

const REASONS: { value: BillingCancelReason; label: () => string }[] = [
  { value: 'too_expensive', label: () => msg('It costs too much', { id: 'billing.reason.expensive' }) },
  { value: 'not_enough_content', label: () => msg('Not enough to watch', { id: 'billing.reason.content' }) },
  { value: 'technical_issues', label: () => msg('Technical problems', { id: 'billing.reason.technical' }) },
  { value: 'switching_service', label: () => msg('Switching to another service', { id: 'billing.reason.switching' }) },
  { value: 'taking_a_break', label: () => msg('Taking a break', { id: 'billing.reason.break' }) },
  { value: 'other', label: () => msg('Something else', { id: 'billing.reason.other' }) },
];

const BRAND: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  diners: 'Diners Club',
  unionpay: 'UnionPay',
  unknown: 'Card',
};

/**
 * Plan and billing (§6, §35): the plans comparison table (`/plans`), checkout with a card form that
 * sends card details only to the payment gateway's tokenisation route, an authentication step in a
 * dialog, plan changes with a proration preview, payment methods, billing history with invoice
 * PDFs, and cancellation (reason, an offer, the end date, resume later). Every payment request
 * carries an Idempotency-Key made per attempt, and the pay button is disabled while one is in
 * flight, so a double click never charges twice. Changes ask for a recent re-authentication,
 * which the `<reel-auth-provider>` above prompts for.
 *
 * @summary Plans, checkout, plan changes, payment methods, invoices and cancellation.
 * @fires reel-billing-change - The subscription changed; `detail: { plan_code, status }`.
 * @fires reel-navigate - A section link was followed; `detail: { href }`.
 * @csspart page - The page.
 * @csspart compare - The plans comparison table.
 * @csspart checkout - The checkout form and summary.
 * @cssproperty --reel-billing-max-width - The content width (default 72rem).
 */
export class ReelBilling extends ReelElement {
  static version = '1.0.0';
  static override styles = billingStyles;

  /** `plans`, `payment-methods`, `history`, or empty for the overview. Reflected. */
  @property({ reflect: true }) section = '';

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** The current plan's code once loaded (`free` without a subscription). Reflected. */
  @property({ attribute: 'plan-code', reflect: true }) planCode: string | null = null;

  @state() private data: Data | null = null;
  @state() private loadError: unknown = null;
  @state() private chosen: BillingPlan | null = null;
  @state() private card: CardForm = { number: '', expiry: '', cvc: '' };
  @state() private cardErrors: CardErrors = {};
  @state() private useSaved = true;
  @state() private paying = false;
  @state() private action: BillingPaymentAction | null = null;
  @state() private confirming = false;
  @state() private preview: BillingProrationPreview | null = null;
  @state() private previewError = '';
  @state() private changing = false;
  @state() private cancelStep: 0 | 1 | 2 | 3 = 0;
  @state() private reason: BillingCancelReason | '' = '';
  @state() private feedback = '';
  @state() private cancelError = '';
  @state() private addingCard = false;
  @state() private busyRow = '';

  private readonly api = new SessionConsumer(this);
  private loadedFor: string | null = null;

  private get signedIn(): boolean {
    return this.api.session?.status === 'signed-in';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.api.session?.status ?? 'none'}|${this.api.session?.user?.id ?? ''}|${this.apiBase ?? ''}`;
    if (this.api.session && this.api.session.status !== 'loading' && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
    if (changed.has('section')) this.chosen = null;
  }

  /** Reloads plans, the subscription, cards and invoices. */
  async load(): Promise<void> {
    const client = this.api.client;
    try {
      const plans = await client.call(billingPlans, { query: {} });
      if (!this.signedIn) {
        this.data = { plans: plans.items, state: null, methods: [], invoices: [] };
        this.planCode = null;
        return;
      }
      const [st, methods, invoices] = await Promise.all([
        client.call(billingSubscription),
        client.call(billingPaymentMethods),
        client.call(billingInvoices, { query: { limit: 24 } }),
      ]);
      this.data = { plans: plans.items, state: st, methods: methods.items, invoices: invoices.items };
      this.planCode = st.plan_code;
      this.loadError = null;
      const pending = st.subscription?.pending_action;
      if (pending && !this.action) this.action = pending;
    } catch (error) {
      this.loadError = error;
    }
  }

  private changed(): void {
    const st = this.data?.state;
    emit(this, 'reel-billing-change', {
      plan_code: st?.plan_code ?? 'free',
      status: st?.subscription?.status ?? null,
    });
    window.dispatchEvent(new CustomEvent('reel-billing-change', { detail: { plan_code: st?.plan_code ?? 'free' } }));
  }

  private problem(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.code === 'reauth_required')
        return msg('Confirm it’s you to continue: nothing was charged or changed.', { id: 'billing.error.reauth' });
      return error.message;
    }
    if (error instanceof NetworkError)
      return msg('We could not reach Reel. Check your connection and try again.', { id: 'billing.error.network' });
    if (error instanceof ContractError)
      return msg('Reel answered in a way this page does not understand. Try again later.', {
        id: 'billing.error.contract',
      });
    return msg('Something went wrong. Try again.', { id: 'billing.error.unknown' });
  }

  private go(event: Event, section: BillingSection): void {
    event.preventDefault();
    const href =
      section === 'plans' && this.section === 'plans' ? '/plans' : `/account/billing${section ? `/${section}` : ''}`;
    this.section = section;
    emit(this, 'reel-navigate', { href }, { cancelable: true });
  }

  // ─── Checkout ───────────────────────────────────────────────────────────────────────────────

  private choose(plan: BillingPlan): void {
    if (!this.signedIn) {
      emit(this, 'reel-navigate', { href: `/sign-up?next=${encodeURIComponent('/plans')}` }, { cancelable: true });
      return;
    }
    this.chosen = plan;
    this.cardErrors = {};
    const sub = this.data?.state?.subscription;
    if (sub && sub.status !== 'incomplete') void this.loadPreview(plan);
    else
      void this.updateComplete.then(() => {
        const target = this.renderRoot.querySelector('#checkout-title') as HTMLElement | null;
        target?.scrollIntoView({ block: 'start' });
        target?.focus();
      });
  }

  private validateCard(): CardErrors {
    const errors: CardErrors = {};
    const digits = this.card.number.replace(/\D/g, '');
    if (digits.length < 12 || digits.length > 19)
      errors.number = msg('Enter the card number (12 to 19 digits).', { id: 'billing.card.number.invalid' });
    const exp = parseExpiry(this.card.expiry);
    if (!exp) errors.expiry = msg('Enter the expiry date as MM / YY.', { id: 'billing.card.expiry.invalid' });
    if (!/^\d{3,4}$/.test(this.card.cvc))
      errors.cvc = msg('Enter the 3 or 4 digits on the back of the card.', { id: 'billing.card.cvc.invalid' });
    return errors;
  }

  private fieldErrors(error: ApiError): CardErrors {
    const out: CardErrors = {};
    if (error.fields.number) out.number = error.fields.number;
    if (error.fields.exp_year || error.fields.exp_month) out.expiry = error.fields.exp_year ?? error.fields.exp_month;
    if (error.fields.cvc) out.cvc = error.fields.cvc;
    return out;
  }

  /** Tokenises the typed card with the gateway (never the billing API) and saves it. */
  private async saveTypedCard(key: string, makeDefault: boolean): Promise<BillingPaymentMethod> {
    const exp = parseExpiry(this.card.expiry) as { month: number; year: number };
    const token = await this.api.client.call(integrationsSandboxToken, {
      body: {
        number: this.card.number.replace(/\D/g, ''),
        exp_month: exp.month,
        exp_year: exp.year,
        cvc: this.card.cvc,
      },
    });
    return this.api.client.call(billingAddPaymentMethod, {
      body: { token: token.token, make_default: makeDefault },
      idempotencyKey: `${key}-card`,
    });
  }

  private async pay(event?: Event): Promise<void> {
    event?.preventDefault();
    const plan = this.chosen;
    if (!plan || this.paying) return;
    const saved = this.defaultCard();
    const typed = !(saved && this.useSaved);
    if (typed) {
      const errors = this.validateCard();
      this.cardErrors = errors;
      if (Object.keys(errors).length) return;
    }
    // One key per attempt: a retry of this attempt (network) is the same request; a new click after
    // an answer is a new attempt.
    const key = globalThis.crypto.randomUUID();
    this.paying = true;
    this.cardErrors = {};
    let failed = false;
    try {
      const pm = typed ? await this.saveTypedCard(key, true) : (saved as BillingPaymentMethod);
      const result = await this.api.client.call(billingSubscribe, {
        body: { plan_id: plan.id, payment_method_id: pm.id },
        idempotencyKey: key,
      });
      if (result.status === 'requires_action' && result.action) {
        this.action = result.action;
      } else {
        this.card = { number: '', expiry: '', cvc: '' };
        toast({
          message: msg(str`Welcome to ${plan.name}. Your receipt is in your billing history.`, {
            id: 'billing.subscribed',
          }),
          variant: 'success',
        });
        this.chosen = null;
        await this.load();
        this.changed();
      }
    } catch (error) {
      if (error instanceof ApiError && error.status !== 402 && Object.keys(this.fieldErrors(error)).length)
        this.cardErrors = this.fieldErrors(error);
      else this.cardErrors = { form: this.problem(error) };
      failed = true;
    } finally {
      this.paying = false;
    }
    // The form is usable again the moment the decline shows: reloading the state (a card saved
    // before the decline, say) must not keep the pay button busy, or a click right after the
    // message is swallowed. (A new attempt started meanwhile keeps its own `paying`.)
    if (failed) await this.load();
  }

  private async confirmAction(outcome: 'complete' | 'fail'): Promise<void> {
    const action = this.action;
    if (!action || this.confirming) return;
    this.confirming = true;
    try {
      await this.api.client.call(billingConfirm, {
        body: { action_id: action.id, outcome },
        idempotencyKey: globalThis.crypto.randomUUID(),
      });
      this.action = null;
      this.chosen = null;
      this.preview = null;
      this.card = { number: '', expiry: '', cvc: '' };
      toast({
        message: msg('Payment authenticated. You’re all set.', { id: 'billing.authenticated' }),
        variant: 'success',
      });
      await this.load();
      this.changed();
    } catch (error) {
      this.action = null;
      this.cardErrors = { form: this.problem(error) };
      this.previewError = this.preview ? this.problem(error) : '';
      await this.load();
    } finally {
      this.confirming = false;
    }
  }

  // ─── Plan change ────────────────────────────────────────────────────────────────────────────

  private async loadPreview(plan: BillingPlan): Promise<void> {
    this.preview = null;
    this.previewError = '';
    try {
      this.preview = await this.api.client.call(billingPreviewChange, { body: { plan_id: plan.id } });
    } catch (error) {
      this.previewError = this.problem(error);
    }
  }

  private async applyChange(): Promise<void> {
    const preview = this.preview;
    if (!preview || this.changing) return;
    this.changing = true;
    this.previewError = '';
    try {
      const result = await this.api.client.call(billingChange, {
        body: { plan_id: preview.new_plan.id, proration_date: preview.proration_date },
        idempotencyKey: globalThis.crypto.randomUUID(),
      });
      if (result.status === 'requires_action' && result.action) {
        this.action = result.action;
        return;
      }
      toast({
        message:
          result.status === 'scheduled'
            ? msg(str`You’ll move to ${preview.new_plan.name} on ${formatDay(preview.effective_at)}.`, {
                id: 'billing.change.scheduled',
              })
            : msg(str`You’re now on ${preview.new_plan.name}.`, { id: 'billing.change.done' }),
        variant: 'success',
      });
      this.preview = null;
      this.chosen = null;
      await this.load();
      this.changed();
    } catch (error) {
      this.previewError = this.problem(error);
    } finally {
      this.changing = false;
    }
  }

  // ─── Cancel and resume ──────────────────────────────────────────────────────────────────────

  private async cancel(): Promise<void> {
    if (!this.reason) {
      this.cancelError = msg('Choose a reason.', { id: 'billing.cancel.reason.required' });
      return;
    }
    this.cancelError = '';
    this.changing = true;
    try {
      await this.api.client.call(billingCancel, {
        body: { reason: this.reason, ...(this.feedback.trim() ? { feedback: this.feedback.trim() } : {}) },
      });
      this.cancelStep = 0;
      toast({ message: msg('Your subscription is canceled.', { id: 'billing.cancel.done' }), variant: 'success' });
      await this.load();
      this.changed();
    } catch (error) {
      this.cancelError = this.problem(error);
    } finally {
      this.changing = false;
    }
  }

  private async resume(): Promise<void> {
    this.changing = true;
    try {
      await this.api.client.call(billingResume);
      toast({ message: msg('Your plan continues as before.', { id: 'billing.resumed' }), variant: 'success' });
      await this.load();
      this.changed();
    } catch (error) {
      toast({ message: this.problem(error), variant: 'error' });
    } finally {
      this.changing = false;
    }
  }

  // ─── Payment methods ────────────────────────────────────────────────────────────────────────

  private defaultCard(): BillingPaymentMethod | null {
    return this.data?.methods.find((m) => m.is_default && !m.expired) ?? null;
  }

  private async addCard(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.paying) return;
    const errors = this.validateCard();
    this.cardErrors = errors;
    if (Object.keys(errors).length) return;
    this.paying = true;
    try {
      await this.saveTypedCard(globalThis.crypto.randomUUID(), false);
      this.card = { number: '', expiry: '', cvc: '' };
      this.addingCard = false;
      toast({ message: msg('Card saved.', { id: 'billing.card.saved' }), variant: 'success' });
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.status !== 402 && Object.keys(this.fieldErrors(error)).length)
        this.cardErrors = this.fieldErrors(error);
      else this.cardErrors = { form: this.problem(error) };
    } finally {
      this.paying = false;
    }
  }

  private async cardAction(id: string, what: 'default' | 'remove'): Promise<void> {
    this.busyRow = id;
    try {
      if (what === 'default') await this.api.client.call(billingSetDefaultPaymentMethod, { params: { id } });
      else await this.api.client.call(billingRemovePaymentMethod, { params: { id } });
      toast({
        message:
          what === 'default'
            ? msg('Default card changed.', { id: 'billing.card.defaulted' })
            : msg('Card removed.', { id: 'billing.card.removed' }),
        variant: 'success',
      });
      await this.load();
      if (what === 'default') this.changed();
    } catch (error) {
      toast({ message: this.problem(error), variant: 'error' });
    } finally {
      this.busyRow = '';
    }
  }

  private async download(invoice: BillingInvoiceSummary): Promise<void> {
    try {
      const file = await this.api.client.call(billingInvoicePdf, { params: { id: invoice.id } });
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? `${invoice.number}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toast({ message: this.problem(error), variant: 'error' });
    }
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const data = this.data;
    const section = (this.section || '') as BillingSection;
    const onPlans = section === 'plans';
    if (!onPlans && this.api.session?.status === 'signed-out') {
      return html`<div class="page" part="page">${this.renderEmpty({
        heading: msg('Sign in to manage your plan and billing', { id: 'billing.signed-out' }),
        actions: html`<reel-button variant="primary" href="/sign-in?next=/account/billing">${msg('Sign in', { id: 'billing.sign-in' })}</reel-button>`,
      })}</div>`;
    }
    if (this.loadError && !data)
      return html`<div class="page" part="page">${this.renderError(this.loadError, () => void this.load())}</div>`;
    if (!data) return html`<div class="page" part="page">${this.renderLoading()}</div>`;
    return html`<div class="page" part="page">
      <header>
        <p class="eyebrow">${onPlans ? msg('Plans', { id: 'billing.eyebrow.plans' }) : msg('Account', { id: 'billing.eyebrow' })}</p>
        <h1 tabindex="-1">${
          onPlans
            ? msg('Choose the plan that fits', { id: 'billing.plans.heading' })
            : msg('Plan and billing', { id: 'billing.heading' })
        }</h1>
        <p class="intro">${
          onPlans
            ? msg('Change or cancel any time. Prices include everything but tax.', { id: 'billing.plans.intro' })
            : msg('Your plan, how you pay, and what you were charged.', { id: 'billing.intro' })
        }</p>
      </header>
      ${this.signedIn ? this.renderNav(section) : nothing}
      ${this.renderDunning()}
      ${
        section === 'plans'
          ? this.renderPlans(data)
          : section === 'payment-methods'
            ? this.renderMethods(data)
            : section === 'history'
              ? this.renderHistory(data)
              : this.renderOverview(data)
      }
      ${this.renderActionDialog()} ${this.renderChangeDialog()} ${this.renderCancelDialog()}
    </div>`;
  }

  private renderNav(section: BillingSection) {
    const items: { id: BillingSection; label: string }[] = [
      { id: '', label: msg('Overview', { id: 'billing.nav.overview' }) },
      { id: 'plans', label: msg('Plans', { id: 'billing.nav.plans' }) },
      { id: 'payment-methods', label: msg('Payment methods', { id: 'billing.nav.methods' }) },
      { id: 'history', label: msg('Billing history', { id: 'billing.nav.history' }) },
    ];
    return html`<nav class="tabs" aria-label=${msg('Billing sections', { id: 'billing.nav' })}>
      <ul>
        ${items.map(
          (i) => html`<li>
            <a
              href=${i.id === 'plans' ? '/plans' : `/account/billing${i.id ? `/${i.id}` : ''}`}
              aria-current=${ifDefined(section === i.id ? 'page' : undefined)}
              @click=${(e: Event) => this.go(e, i.id)}
              >${i.label}</a
            >
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderDunning() {
    const d = this.data?.state?.subscription?.dunning;
    if (!d) return nothing;
    const text =
      d.state === 'grace' && d.grace_ends_at
        ? msg(
            str`We couldn’t collect ${formatMoney(d.amount_due)}. You keep full access until ${formatDay(d.grace_ends_at)}; then your account moves to Free.`,
            {
              id: 'billing.dunning.grace',
            },
          )
        : d.next_attempt_at
          ? msg(
              str`Your payment of ${formatMoney(d.amount_due)} failed. We’ll try again on ${formatDay(d.next_attempt_at)}.`,
              {
                id: 'billing.dunning.retrying',
              },
            )
          : msg(str`Your payment of ${formatMoney(d.amount_due)} failed.`, { id: 'billing.dunning.failed' });
    const reason = d.last_failure?.message ?? '';
    return html`<div class="notice" role="status"><reel-icon name="warning"></reel-icon><div>
      <p class="m0">${text}</p>
      ${reason ? html`<p class="small muted mt1">${reason}</p>` : nothing}
      <p class="mt2"><a href="/account/billing/payment-methods" @click=${(e: Event) => this.go(e, 'payment-methods')}>${msg('Update your payment method', { id: 'billing.dunning.update' })}</a></p>
    </div></div>`;
  }

  private renderOverview(data: Data) {
    const st = data.state;
    const sub = st?.subscription;
    const live = sub && sub.status !== 'incomplete';
    const plan = live ? sub.plan : data.plans.find((p) => p.code === 'free');
    return html`<div class="grid-2">
      <section class="card" aria-labelledby="current-title">
        <h2 id="current-title">${msg('Your plan', { id: 'billing.current.title' })}</h2>
        <p class="lede">${
          live
            ? sub.status === 'trialing' && sub.trial_end
              ? msg(str`Free trial until ${formatDay(sub.trial_end)}.`, { id: 'billing.current.trial' })
              : sub.cancel_at_period_end
                ? msg(str`Canceled: ends on ${formatDay(sub.current_period_end)}.`, { id: 'billing.current.ending' })
                : msg(str`Renews on ${formatDay(sub.current_period_end)}.`, { id: 'billing.current.renews' })
            : msg('You’re on the free tier.', { id: 'billing.current.free' })
        }</p>
        <div class="row">
          <div>
            <div class="big">${plan?.name ?? 'Free'} ${
              live
                ? html`<reel-badge variant=${sub.status === 'active' || sub.status === 'trialing' ? 'success' : 'warning'} pill>${this.statusLabel(sub.status)}</reel-badge>`
                : nothing
            }</div>
            ${plan ? html`<div class="muted small">${formatMoney(plan.price)} ${msg('/ month', { id: 'billing.per-month' })} · ${qualityLabel(plan.entitlements.max_quality)} · ${msg(str`${plan.entitlements.concurrent_streams} screens`, { id: 'billing.screens' })}</div>` : nothing}
          </div>
          <div class="actions">
            <reel-button variant="primary" href="/plans" @click=${(e: Event) => this.go(e, 'plans')}>${
              live ? msg('Change plan', { id: 'billing.change' }) : msg('See plans', { id: 'billing.see-plans' })
            }</reel-button>
            ${
              live && (sub.cancel_at_period_end || sub.scheduled_change)
                ? html`<reel-button ?loading=${this.changing} @click=${() => this.resume()}>${
                    sub.cancel_at_period_end
                      ? msg('Resume plan', { id: 'billing.resume' })
                      : msg('Keep current plan', { id: 'billing.keep' })
                  }</reel-button>`
                : live
                  ? html`<reel-button variant="ghost" @click=${() => {
                      this.cancelStep = 1;
                      this.cancelError = '';
                    }}>${msg('Cancel plan', { id: 'billing.cancel' })}</reel-button>`
                  : nothing
            }
          </div>
        </div>
        ${
          live && sub.scheduled_change
            ? html`<p class="notice info small mb0">${msg(
                str`Moves to ${sub.scheduled_change.plan.name} on ${formatDay(sub.scheduled_change.effective_at)}.`,
                { id: 'billing.current.scheduled' },
              )}</p>`
            : nothing
        }
      </section>
      <section class="card" aria-labelledby="pm-mini-title">
        <h2 id="pm-mini-title">${msg('Payment method', { id: 'billing.pm.mini' })}</h2>
        ${(() => {
          const card = data.methods.find((m) => m.is_default);
          return card
            ? html`<p class="card-label"><reel-icon name="credit-card"></reel-icon>${BRAND[card.brand]} •••• ${card.last4}
                <span class="muted small">${msg(str`Expires ${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`, { id: 'billing.card.expires' })}</span></p>`
            : html`<p class="muted">${msg('No card saved.', { id: 'billing.pm.none' })}</p>`;
        })()}
        <reel-button href="/account/billing/payment-methods" @click=${(e: Event) => this.go(e, 'payment-methods')}>${msg('Manage payment methods', { id: 'billing.pm.manage' })}</reel-button>
      </section>
    </div>
    ${this.renderHistory(data, 5)}`;
  }

  private statusLabel(status: string): string {
    return (
      {
        trialing: msg('Trial', { id: 'billing.status.trialing' }),
        active: msg('Active', { id: 'billing.status.active' }),
        past_due: msg('Payment failed', { id: 'billing.status.past-due' }),
        grace: msg('Grace period', { id: 'billing.status.grace' }),
        canceled: msg('Canceled', { id: 'billing.status.canceled' }),
        incomplete: msg('Incomplete', { id: 'billing.status.incomplete' }),
      }[status] ?? status
    );
  }

  private renderPlans(data: Data) {
    const plans = data.plans;
    const current = data.state?.plan_code ?? null;
    const sub = data.state?.subscription;
    const yes = (v: boolean) =>
      v
        ? html`<reel-icon class="yes" name="check" label=${msg('Included', { id: 'billing.included' })}></reel-icon>`
        : html`<reel-icon class="no" name="minus" label=${msg('Not included', { id: 'billing.not-included' })}></reel-icon>`;
    const rows: { label: string; cell: (p: BillingPlan) => unknown }[] = [
      {
        label: msg('Video quality', { id: 'billing.row.quality' }),
        cell: (p) => qualityLabel(p.entitlements.max_quality),
      },
      {
        label: msg('Screens at once', { id: 'billing.row.streams' }),
        cell: (p) => String(p.entitlements.concurrent_streams),
      },
      { label: msg('Profiles', { id: 'billing.row.profiles' }), cell: (p) => String(p.entitlements.profiles) },
      {
        label: msg('Downloads', { id: 'billing.row.downloads' }),
        cell: (p) => (p.entitlements.downloads ? String(p.entitlements.downloads) : yes(false)),
      },
      { label: msg('No ads', { id: 'billing.row.ad-free' }), cell: (p) => yes(p.entitlements.ad_free) },
      {
        label: msg('Free trial', { id: 'billing.row.trial' }),
        cell: (p) => (p.trial_days ? msg(str`${p.trial_days} days`, { id: 'billing.row.trial-days' }) : yes(false)),
      },
    ];
    const cls = (p: BillingPlan) => `${p.highlighted ? 'highlight' : ''} ${p.code === current ? 'current' : ''}`;
    return html`<div class="compare-wrap" part="compare">
        <table class="compare">
          <caption class="visually-hidden sr-only">${msg('Plans compared', { id: 'billing.compare.caption' })}</caption>
          <thead>
            <tr>
              <td></td>
              ${plans.map(
                (
                  p,
                ) => html`<th scope="col" class=${cls(p)} aria-current=${ifDefined(p.code === current ? 'true' : undefined)}>
                  <div class="plan-head">
                    ${p.highlighted ? html`<reel-badge variant="accent" pill>${msg('Most popular', { id: 'billing.popular' })}</reel-badge>` : nothing}
                    <span class="plan-name">${p.name}</span>
                    <span class="price">${p.price.amount ? formatMoney(p.price) : msg('Free', { id: 'billing.free' })}${p.price.amount ? html`<span class="per"> ${msg('/ month', { id: 'billing.per-month' })}</span>` : nothing}</span>
                    <span class="muted small">${p.description}</span>
                    ${p.code === current ? html`<reel-badge variant="success" pill>${msg('Your plan', { id: 'billing.your-plan' })}</reel-badge>` : nothing}
                  </div>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr>
                <th scope="row">${r.label}</th>
                ${plans.map((p) => html`<td class=${cls(p)}>${r.cell(p)}</td>`)}
              </tr>`,
            )}
            <tr>
              <td></td>
              ${plans.map(
                (p) =>
                  html`<td class=${cls(p)}>${
                    p.code === current
                      ? html`<reel-button disabled size="sm">${msg('Current plan', { id: 'billing.current-plan' })}</reel-button>`
                      : p.price.amount === 0
                        ? sub && sub.status !== 'incomplete'
                          ? html`<reel-button size="sm" variant="ghost" @click=${() => {
                              this.cancelStep = 1;
                            }}>${msg('Cancel to switch', { id: 'billing.to-free' })}</reel-button>`
                          : nothing
                        : html`<reel-button
                          size="sm"
                          variant=${p.highlighted ? 'primary' : 'secondary'}
                          data-plan=${p.code}
                          @click=${() => this.choose(p)}
                        >${
                          sub && sub.status !== 'incomplete'
                            ? msg(str`Switch to ${p.name}`, { id: 'billing.switch' })
                            : msg(str`Choose ${p.name}`, { id: 'billing.choose' })
                        }</reel-button>`
                  }</td>`,
              )}
            </tr>
          </tbody>
        </table>
      </div>
      ${this.chosen && !(sub && sub.status !== 'incomplete') ? this.renderCheckout(this.chosen, data) : nothing}`;
  }

  private renderCardFields() {
    const set = (field: keyof CardForm, value: string) => {
      this.card = { ...this.card, [field]: value };
    };
    return html`<reel-text-field
        name="number"
        label=${msg('Card number', { id: 'billing.card.number' })}
        autocomplete="cc-number"
        inputmode="numeric"
        required
        placeholder="1234 1234 1234 1234"
        .value=${this.card.number}
        .error=${this.cardErrors.number ?? ''}
        @reel-input=${(e: CustomEvent<{ value: string }>) => {
          const grouped = groupCardNumber(e.detail.value);
          set('number', grouped);
          (e.target as HTMLInputElement).value = grouped;
        }}
      ></reel-text-field>
      <div class="two">
        <reel-text-field
          name="expiry"
          label=${msg('Expiry (MM / YY)', { id: 'billing.card.expiry' })}
          autocomplete="cc-exp"
          inputmode="numeric"
          required
          placeholder="MM / YY"
          .value=${this.card.expiry}
          .error=${this.cardErrors.expiry ?? ''}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            const v = e.detail.value.length < this.card.expiry.length ? e.detail.value : formatExpiry(e.detail.value);
            set('expiry', v);
            (e.target as HTMLInputElement).value = v;
          }}
        ></reel-text-field>
        <reel-text-field
          name="cvc"
          label=${msg('Security code', { id: 'billing.card.cvc' })}
          autocomplete="cc-csc"
          inputmode="numeric"
          required
          .value=${this.card.cvc}
          .error=${this.cardErrors.cvc ?? ''}
          @reel-input=${(e: CustomEvent<{ value: string }>) => set('cvc', e.detail.value.replace(/\D/g, ''))}
        ></reel-text-field>
      </div>`;
  }

  private renderCheckout(plan: BillingPlan, data: Data) {
    const saved = this.defaultCard();
    const typed = !(saved && this.useSaved);
    return html`<section class="card checkout" part="checkout" aria-labelledby="checkout-title">
      <form class="card-form" novalidate @submit=${this.pay} @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') void this.pay(e);
      }}>
        <h2 id="checkout-title" tabindex="-1" class="m0">${msg(str`Subscribe to ${plan.name}`, { id: 'billing.checkout.title' })}</h2>
        ${
          saved
            ? html`<reel-checkbox
                label=${msg(str`Pay with ${BRAND[saved.brand]} •••• ${saved.last4}`, { id: 'billing.checkout.saved' })}
                .checked=${this.useSaved}
                @reel-change=${(e: CustomEvent<{ checked?: boolean }>) => {
                  this.useSaved = Boolean(e.detail.checked);
                }}
              ></reel-checkbox>`
            : nothing
        }
        ${typed ? this.renderCardFields() : nothing}
        ${this.cardErrors.form ? html`<p class="decline" role="alert"><reel-icon name="error"></reel-icon><span>${this.cardErrors.form}</span></p>` : nothing}
        <reel-button
          variant="primary"
          block
          data-pay
          ?loading=${this.paying}
          ?disabled=${this.paying}
          @click=${(e: Event) => void this.pay(e)}
        >${
          plan.trial_days && !data.invoices.length
            ? msg(str`Start ${plan.trial_days}-day free trial`, { id: 'billing.checkout.trial' })
            : msg(str`Pay ${formatMoney(plan.price)}`, { id: 'billing.checkout.pay' })
        }</reel-button>
        <p class="secure"><reel-icon name="lock"></reel-icon>${msg('Card details go straight to our payment provider; Reel never sees your card number.', { id: 'billing.checkout.secure' })}</p>
      </form>
      <div class="summary">
        <dl>
          <dt>${plan.name}</dt>
          <dd>${formatMoney(plan.price)} ${msg('/ month', { id: 'billing.per-month' })}</dd>
          ${
            plan.trial_days && !data.invoices.length
              ? html`<dt>${msg('Due today', { id: 'billing.due-today' })}</dt><dd>${formatMoney({ ...plan.price, amount: 0 })}</dd>`
              : nothing
          }
          <dt>${msg('Tax', { id: 'billing.tax' })}</dt>
          <dd class="small muted">${msg('Added for your region', { id: 'billing.tax.region' })}</dd>
          <dt class="total">${msg('Renews monthly', { id: 'billing.renews' })}</dt>
          <dd class="total">${formatMoney(plan.price)}</dd>
        </dl>
        <ul class="small muted features">${plan.features.map((f) => html`<li>${f}</li>`)}</ul>
      </div>
    </section>`;
  }

  private renderActionDialog() {
    const a = this.action;
    return html`<reel-dialog
      size="sm"
      .open=${Boolean(a)}
      label=${msg('Confirm this payment with your bank', { id: 'billing.auth.title' })}
      @reel-dialog-close=${() => {
        this.action = null;
      }}
    >
      ${
        a
          ? html`<div class="stack">
              <p class="m0">${msg(str`Your bank asks you to confirm ${formatMoney(a.amount)} to Reel with ${BRAND[a.payment_method.brand]} •••• ${a.payment_method.last4}.`, { id: 'billing.auth.body' })}</p>
              <p class="muted small m0">${a.description}</p>
              <p class="secure"><reel-icon name="shield"></reel-icon>${msg('Test mode: this stands in for your bank’s check.', { id: 'billing.auth.sandbox' })}</p>
            </div>`
          : nothing
      }
      <reel-button slot="footer" ?disabled=${this.confirming} @click=${() => this.confirmAction('fail')}>${msg('Fail authentication', { id: 'billing.auth.fail' })}</reel-button>
      <reel-button slot="footer" variant="primary" ?loading=${this.confirming} @click=${() => this.confirmAction('complete')}>${msg('Complete authentication', { id: 'billing.auth.complete' })}</reel-button>
    </reel-dialog>`;
  }

  private renderChangeDialog() {
    const open = Boolean(
      this.chosen && this.data?.state?.subscription && this.data.state.subscription.status !== 'incomplete',
    );
    const p = this.preview;
    return html`<reel-dialog
      size="md"
      .open=${open}
      label=${this.chosen ? msg(str`Switch to ${this.chosen.name}`, { id: 'billing.switch' }) : ''}
      @reel-dialog-close=${() => {
        this.chosen = null;
        this.preview = null;
      }}
    >
      ${
        p
          ? html`<div class="stack">
              <p class="m0">${
                p.effective === 'immediate'
                  ? msg(str`${p.new_plan.name} starts now. You pay the difference for the rest of this period.`, {
                      id: 'billing.preview.now',
                    })
                  : msg(str`${p.new_plan.name} starts on ${formatDay(p.effective_at)}. Nothing is charged today.`, {
                      id: 'billing.preview.later',
                    })
              }</p>
              ${
                p.due_today.lines.length
                  ? html`<table class="lines">
                      <caption class="caption">${msg('Due today', { id: 'billing.due-today' })}</caption>
                      <tbody>
                        ${p.due_today.lines.map((l) => html`<tr><td>${l.description}</td><td class="num">${formatMoney(l.amount)}</td></tr>`)}
                        <tr><th scope="row">${msg('Total today', { id: 'billing.total-today' })}</th><td class="num"><strong data-total>${formatMoney(p.due_today.total)}</strong></td></tr>
                      </tbody>
                    </table>`
                  : nothing
              }
              <p class="muted small m0">${msg(str`From ${formatDay(p.next_period.starts_at)}: ${formatMoney(p.next_period.amount)} a month.`, { id: 'billing.preview.next' })}</p>
            </div>`
          : this.previewError
            ? nothing
            : html`<reel-spinner label=${msg('Working out the price', { id: 'billing.preview.loading' })}></reel-spinner>`
      }
      ${this.previewError ? html`<p class="decline" role="alert"><reel-icon name="error"></reel-icon><span>${this.previewError}</span></p>` : nothing}
      <reel-button slot="footer" @click=${() => {
        this.chosen = null;
        this.preview = null;
      }}>${msg('Keep current plan', { id: 'billing.keep' })}</reel-button>
      <reel-button slot="footer" variant="primary" data-confirm-change ?disabled=${!p || this.changing} ?loading=${this.changing} @click=${() => this.applyChange()}>${
        p?.effective === 'immediate'
          ? msg(str`Pay ${formatMoney(p.due_today.total)} and switch`, { id: 'billing.preview.pay' })
          : msg('Schedule the change', { id: 'billing.preview.schedule' })
      }</reel-button>
    </reel-dialog>`;
  }

  private renderCancelDialog() {
    const sub = this.data?.state?.subscription;
    const cheaper = this.data?.plans.filter(
      (p) => p.price.amount > 0 && sub && p.price.amount < sub.plan.price.amount,
    )[0];
    const step = this.cancelStep;
    const close = () => {
      this.cancelStep = 0;
    };
    return html`<reel-dialog size="sm" .open=${step > 0 && Boolean(sub)} label=${msg('Cancel your plan', { id: 'billing.cancel.title' })} @reel-dialog-close=${close}>
      ${
        step === 1
          ? html`<div class="stack">
              <reel-select
                label=${msg('Why are you leaving?', { id: 'billing.cancel.why' })}
                placeholder=${msg('Choose a reason', { id: 'billing.cancel.choose' })}
                .options=${REASONS.map((r) => ({ value: r.value, label: r.label() }))}
                .value=${this.reason}
                .error=${this.cancelError}
                @reel-change=${(e: CustomEvent<{ value: string }>) => {
                  this.reason = e.detail.value as BillingCancelReason;
                  this.cancelError = '';
                }}
              ></reel-select>
              <reel-text-field
                multiline
                rows="3"
                maxlength="2000"
                label=${msg('Anything else? (optional)', { id: 'billing.cancel.feedback' })}
                .value=${this.feedback}
                @reel-input=${(e: CustomEvent<{ value: string }>) => {
                  this.feedback = e.detail.value;
                }}
              ></reel-text-field>
            </div>`
          : step === 2
            ? html`<div class="stack">
                <p class="m0">${msg('Before you go:', { id: 'billing.offer.lede' })}</p>
                ${
                  cheaper
                    ? html`<div class="notice info"><reel-icon name="info"></reel-icon><div>
                        <p class="m0">${msg(str`Switch to ${cheaper.name} for ${formatMoney(cheaper.price)} a month instead, from your next renewal.`, { id: 'billing.offer.downgrade' })}</p>
                        <reel-button size="sm" class="mt2" @click=${() => {
                          this.cancelStep = 0;
                          this.section = 'plans';
                          this.choose(cheaper);
                        }}>${msg(str`Switch to ${cheaper.name}`, { id: 'billing.switch' })}</reel-button>
                      </div></div>`
                    : nothing
                }
                <div class="notice info"><reel-icon name="clock"></reel-icon><div>
                  <p class="m0">${msg('Taking a break? Cancel now and resume any time before the period ends — nothing changes until then.', { id: 'billing.offer.pause' })}</p>
                </div></div>
              </div>`
            : step === 3 && sub
              ? html`<p class="m0" data-end>${msg(str`Your ${sub.plan.name} plan stays until ${formatDay(sub.current_period_end)}. After that your account moves to Free. You can resume before then.`, { id: 'billing.cancel.confirm' })}</p>
                ${this.cancelError ? html`<p class="decline" role="alert">${this.cancelError}</p>` : nothing}`
              : nothing
      }
      <reel-button slot="footer" @click=${close}>${msg('Keep my plan', { id: 'billing.cancel.keep' })}</reel-button>
      <reel-button
        slot="footer"
        variant=${step === 3 ? 'danger' : 'primary'}
        ?loading=${this.changing}
        data-cancel-next
        @click=${() => {
          if (step === 1 && !this.reason) {
            this.cancelError = msg('Choose a reason.', { id: 'billing.cancel.reason.required' });
            return;
          }
          if (step < 3) this.cancelStep = (step + 1) as 2 | 3;
          else void this.cancel();
        }}
      >${step === 3 ? msg('Cancel plan', { id: 'billing.cancel' }) : msg('Continue', { id: 'billing.continue' })}</reel-button>
    </reel-dialog>`;
  }

  private renderMethods(data: Data) {
    return html`<section class="card" aria-labelledby="pm-title">
      <div class="row">
        <div>
          <h2 id="pm-title" class="m0">${msg('Payment methods', { id: 'billing.nav.methods' })}</h2>
          <p class="lede m0">${msg('The default card pays for renewals.', { id: 'billing.pm.lede' })}</p>
        </div>
        ${
          this.addingCard
            ? nothing
            : html`<reel-button @click=${() => {
                this.addingCard = true;
                this.cardErrors = {};
              }}><reel-icon name="plus" slot="start"></reel-icon>${msg('Add a card', { id: 'billing.pm.add' })}</reel-button>`
        }
      </div>
      ${
        data.methods.length
          ? html`<ul class="list">
              ${data.methods.map(
                (m) => html`<li>
                  <span class="card-label"><reel-icon name="credit-card"></reel-icon>${BRAND[m.brand]} •••• ${m.last4}
                    <span class="muted small">${msg(str`Expires ${String(m.exp_month).padStart(2, '0')}/${m.exp_year}`, { id: 'billing.card.expires' })}</span>
                    ${m.is_default ? html`<reel-badge pill variant="info">${msg('Default', { id: 'billing.pm.default' })}</reel-badge>` : nothing}
                    ${m.expired ? html`<reel-badge pill variant="danger">${msg('Expired', { id: 'billing.pm.expired' })}</reel-badge>` : nothing}
                  </span>
                  <span class="actions">
                    ${m.is_default || m.expired ? nothing : html`<reel-button size="sm" ?loading=${this.busyRow === m.id} @click=${() => this.cardAction(m.id, 'default')}>${msg('Make default', { id: 'billing.pm.make-default' })}</reel-button>`}
                    <reel-button size="sm" variant="ghost" ?disabled=${this.busyRow === m.id} @click=${() => this.cardAction(m.id, 'remove')} aria-label=${msg(str`Remove ${BRAND[m.brand]} ending ${m.last4}`, { id: 'billing.pm.remove-label' })}>${msg('Remove', { id: 'billing.pm.remove' })}</reel-button>
                  </span>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${msg('No card saved.', { id: 'billing.pm.none' })}</p>`
      }
      ${
        this.addingCard
          ? html`<form class="card-form add-form" novalidate @submit=${this.addCard} @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') void this.addCard(e);
            }}>
              ${this.renderCardFields()}
              ${this.cardErrors.form ? html`<p class="decline" role="alert"><reel-icon name="error"></reel-icon><span>${this.cardErrors.form}</span></p>` : nothing}
              <div class="actions">
                <reel-button variant="primary" ?loading=${this.paying} ?disabled=${this.paying} @click=${(e: Event) => void this.addCard(e)}>${msg('Save card', { id: 'billing.pm.save' })}</reel-button>
                <reel-button @click=${() => {
                  this.addingCard = false;
                }}>${msg('Cancel', { id: 'billing.dismiss' })}</reel-button>
              </div>
            </form>`
          : nothing
      }
    </section>`;
  }

  private renderHistory(data: Data, limit?: number) {
    const items = limit ? data.invoices.slice(0, limit) : data.invoices;
    const status = (s: string) =>
      ({
        paid: msg('Paid', { id: 'billing.invoice.paid' }),
        open: msg('Due', { id: 'billing.invoice.open' }),
        void: msg('Void', { id: 'billing.invoice.void' }),
        uncollectible: msg('Unpaid', { id: 'billing.invoice.uncollectible' }),
        draft: msg('Draft', { id: 'billing.invoice.draft' }),
      })[s] ?? s;
    return html`<section class="card" aria-labelledby="history-title">
      <h2 id="history-title">${msg('Billing history', { id: 'billing.nav.history' })}</h2>
      ${
        items.length
          ? html`<div class="scroll"><table>
              <thead><tr>
                <th scope="col">${msg('Date', { id: 'billing.invoice.date' })}</th>
                <th scope="col">${msg('Invoice', { id: 'billing.invoice.number' })}</th>
                <th scope="col">${msg('Status', { id: 'billing.invoice.status' })}</th>
                <th scope="col" class="end">${msg('Total', { id: 'billing.invoice.total' })}</th>
                <th scope="col"><span class="sr-only">${msg('Download', { id: 'billing.invoice.download' })}</span></th>
              </tr></thead>
              <tbody>
                ${items.map(
                  (i) => html`<tr>
                    <td>${formatDay(i.created_at)}</td>
                    <td class="num">${i.number}</td>
                    <td><reel-badge pill variant=${i.status === 'paid' ? 'success' : i.status === 'open' ? 'warning' : 'neutral'}>${status(i.status)}</reel-badge></td>
                    <td class="num end">${formatMoney(i.total)}</td>
                    <td class="end"><reel-button size="sm" variant="ghost" @click=${() => this.download(i)} aria-label=${msg(str`Download invoice ${i.number} as PDF`, { id: 'billing.invoice.download-label' })}><reel-icon name="download" slot="start"></reel-icon>PDF</reel-button></td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
          : html`<p class="muted">${msg('No invoices yet.', { id: 'billing.invoice.none' })}</p>`
      }
    </section>`;
  }
}
