import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  accountDeactivate,
  accountDelete,
  accountDeletionPlan,
  accountReactivate,
  type BodyOf,
  type ResponseOf,
} from '@reel/contracts';
import { emit } from '@reel/core';
import type { SelectOption } from '@reel/ui';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { day } from './format.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-danger-zone': ReelSecurityDangerZone;
  }
  interface GlobalEventHandlersEventMap {
    'reel-account-left': CustomEvent<{ status: 'deactivated' | 'pending_deletion' }>;
  }
}

type Plan = ResponseOf<typeof accountDeletionPlan>;
type Reason = NonNullable<BodyOf<typeof accountDeactivate>>['reason'];

function kindLabel(kind: Plan['will_delete'][number]['kind']): string {
  const labels: Record<typeof kind, () => string> = {
    profiles: () => msg('Profiles', { id: 'security.delete.kind.profiles' }),
    viewing_history: () => msg('Viewing and search history', { id: 'security.delete.kind.history' }),
    watchlists: () => msg('My List and its folders', { id: 'security.delete.kind.watchlists' }),
    ratings_and_reviews: () => msg('Ratings and reviews', { id: 'security.delete.kind.reviews' }),
    downloads: () => msg('Downloads', { id: 'security.delete.kind.downloads' }),
    settings: () => msg('Settings and preferences', { id: 'security.delete.kind.settings' }),
    notifications: () => msg('Notifications', { id: 'security.delete.kind.notifications' }),
    sessions_and_devices: () => msg('Sessions and devices', { id: 'security.delete.kind.sessions' }),
    payment_methods: () => msg('Payment methods', { id: 'security.delete.kind.payment' }),
  };
  return labels[kind]();
}

/** What stays after deletion, and why, in the user's language (the server's sentence otherwise). */
function keptLabel(kept: Plan['will_keep'][number]): string {
  switch (kept.kind) {
    case 'anonymised_statistics':
      return msg('View counts that no longer point to you, so charts such as the top 10 stay right', {
        id: 'security.delete.keep.stats',
      });
    case 'invoices':
      return msg('Invoices, as tax law requires', { id: 'security.delete.keep.invoices' });
    case 'payment_records':
      return msg('Payment records, as the law requires', { id: 'security.delete.keep.payments' });
    case 'security_log':
      return msg('The security log, to investigate abuse', { id: 'security.delete.keep.log' });
    default:
      return kept.reason;
  }
}

/**
 * The danger zone: deactivate the account (everything is kept and every device signed out;
 * signing in again brings it back) or delete it (what goes and what stays is listed, the email
 * address must be typed, and deletion happens after a grace period, during which signing in and
 * keeping the account cancels it). Both ask the `<reel-auth-provider>` to confirm it is you, and
 * both are announced by email. A deactivated or pending account is offered to reactivate.
 *
 * @summary The "Danger zone" card of the security page.
 * @fires reel-account-left - The account was deactivated or scheduled for deletion (this session is signed out); `detail: { status }`.
 * @fires reel-security-change - The account was reactivated; `detail: { area: 'account' }`.
 * @csspart card - The card.
 */
export class ReelSecurityDangerZone extends SecurityPanel {
  static version = '1.0.0';
  static override styles = [
    panelStyles,
    css`
      .card {
        border-color: color-mix(in srgb, var(--reel-color-danger) 45%, var(--reel-color-border));
      }
      .row {
        grid-template-columns: minmax(0, 1fr) auto;
      }
      .plan {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: var(--reel-space-4);
        margin: var(--reel-space-4) 0;
      }
      .plan h3 {
        margin: 0 0 var(--reel-space-2);
        font-size: var(--reel-font-size-sm);
        font-weight: var(--reel-font-weight-semibold);
      }
      .plan ul {
        margin: 0;
        padding-inline-start: var(--reel-space-5);
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-sm);
        line-height: var(--reel-line-height-normal);
      }
      .lead {
        margin: 0;
        line-height: var(--reel-line-height-normal);
      }
      @media (max-width: 639px) {
        .row {
          grid-template-columns: 1fr;
        }
        .row-actions {
          grid-column: 1;
        }
      }
    `,
  ];

  @state() private dialog: 'deactivate' | 'delete' | null = null;
  @state() private reason: Reason | '' = '';
  @state() private typed = '';
  @state() private typedError = '';
  @state() private formError = '';
  @state() private busy = false;

  private readonly plan = new Task(this, {
    task: async ([client], { signal }) => client.call(accountDeletionPlan, { signal }),
    args: () => [this.api.client] as const,
  });

  refresh(): void {
    void this.plan.run();
  }

  private open(which: 'deactivate' | 'delete'): void {
    this.dialog = which;
    this.reason = '';
    this.typed = '';
    this.typedError = '';
    this.formError = '';
  }

  private async deactivate(): Promise<void> {
    this.busy = true;
    this.formError = '';
    try {
      await this.api.client.call(accountDeactivate, { body: this.reason ? { reason: this.reason } : {} });
      this.dialog = null;
      this.say(
        msg('Your account is deactivated. Sign in any time to come back.', { id: 'security.deactivate.done' }),
        'info',
      );
      this.dispatchLeft('deactivated');
      await this.signedOutHere();
    } catch (error) {
      this.formError = this.problem(error);
    } finally {
      this.busy = false;
    }
  }

  private async scheduleDeletion(event?: Event): Promise<void> {
    event?.preventDefault();
    const email = this.api.session?.user?.email ?? '';
    if (this.typed.trim().toLowerCase() !== email.toLowerCase()) {
      this.typedError = msg('Type the email address of this account exactly.', { id: 'security.delete.mismatch' });
      return;
    }
    this.busy = true;
    this.typedError = '';
    this.formError = '';
    try {
      const done = await this.api.client.call(accountDelete, {
        body: { confirm_email: this.typed.trim(), ...(this.reason ? { reason: this.reason } : {}) },
      });
      this.dialog = null;
      this.say(
        msg(str`Your account will be deleted on ${day(done.scheduled_for)}. Sign in before then to keep it.`, {
          id: 'security.delete.done',
        }),
        'info',
      );
      this.dispatchLeft('pending_deletion');
      await this.signedOutHere();
    } catch (error) {
      this.typedError = this.fieldProblem(error, 'confirm_email');
      if (!this.typedError) this.formError = this.problem(error);
    } finally {
      this.busy = false;
    }
  }

  private async reactivate(): Promise<void> {
    this.busy = true;
    try {
      const done = await this.api.client.call(accountReactivate);
      this.say(
        done.deletion_cancelled
          ? msg('Deletion cancelled: your account stays.', { id: 'security.reactivate.cancelled' })
          : msg('Welcome back: your account is active.', { id: 'security.reactivate.done' }),
      );
      this.refresh();
      this.changed('account');
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private dispatchLeft(status: 'deactivated' | 'pending_deletion'): void {
    emit(this, 'reel-account-left', { status });
  }

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="danger-title">
      <div class="head">
        <div class="head-icon danger" aria-hidden="true"><reel-icon name="warning"></reel-icon></div>
        <div>
          <h2 id="danger-title" tabindex="-1">${msg('Danger zone', { id: 'security.danger.title' })}</h2>
          <p class="lede">${msg('Take a break from Reel, or leave for good.', { id: 'security.danger.lede' })}</p>
        </div>
      </div>
      <div class="body">
        ${this.renderTask(this.plan, { complete: (plan) => this.renderRows(plan) })}
      </div>
      ${this.renderDeactivate()} ${this.plan.value ? this.renderDelete(this.plan.value) : nothing}
    </section>`;
  }

  private renderRows(plan: Plan) {
    if (plan.status !== 'active') {
      return html`<div class="row">
        <div class="row-main">
          <div class="row-title">
            ${
              plan.status === 'pending_deletion'
                ? html`<reel-badge variant="danger" pill>${msg('Deletion scheduled', { id: 'security.danger.pending' })}</reel-badge>`
                : html`<reel-badge variant="warning" pill>${msg('Deactivated', { id: 'security.danger.deactivated' })}</reel-badge>`
            }
          </div>
          <p class="meta">
            ${
              plan.status === 'pending_deletion' && plan.scheduled_for
                ? msg(
                    str`Your account will be deleted on ${day(plan.scheduled_for)}. Keep it to cancel the deletion.`,
                    {
                      id: 'security.danger.pending.text',
                    },
                  )
                : msg('Your account is deactivated. Reactivate it to use Reel again.', {
                    id: 'security.danger.deactivated.text',
                  })
            }
          </p>
        </div>
        <div class="row-actions">
          <reel-button variant="primary" ?loading=${this.busy} @click=${this.reactivate}>
            ${plan.status === 'pending_deletion' ? msg('Keep my account', { id: 'security.danger.keep' }) : msg('Reactivate', { id: 'security.danger.reactivate' })}
          </reel-button>
        </div>
      </div>`;
    }
    return html`<ul class="rows">
      <li class="row">
        <div class="row-main">
          <div class="row-title">${msg('Deactivate account', { id: 'security.deactivate.title' })}</div>
          <p class="meta">
            ${msg('Every device is signed out. Your profiles, lists and history are kept; sign in any time to come back.', { id: 'security.deactivate.text' })}
          </p>
        </div>
        <div class="row-actions">
          <reel-button variant="outline" @click=${() => this.open('deactivate')}>${msg('Deactivate', { id: 'security.deactivate.button' })}</reel-button>
        </div>
      </li>
      <li class="row">
        <div class="row-main">
          <div class="row-title">${msg('Delete account', { id: 'security.delete.title' })}</div>
          <p class="meta">
            ${msg(str`Everything is deleted after ${plan.grace_period_days} days. Until then, signing in lets you keep the account.`, { id: 'security.delete.text' })}
          </p>
        </div>
        <div class="row-actions">
          <reel-button variant="danger" @click=${() => this.open('delete')}>${msg('Delete account', { id: 'security.delete.title' })}</reel-button>
        </div>
      </li>
    </ul>`;
  }

  private reasonSelect() {
    const options: SelectOption[] = [
      { value: '', label: msg('Prefer not to say', { id: 'security.reason.none' }) },
      { value: 'taking_a_break', label: msg('Taking a break', { id: 'security.reason.break' }) },
      { value: 'too_expensive', label: msg('Too expensive', { id: 'security.reason.price' }) },
      { value: 'not_enough_content', label: msg('Not enough to watch', { id: 'security.reason.content' }) },
      { value: 'technical_problems', label: msg('Technical problems', { id: 'security.reason.technical' }) },
      { value: 'privacy', label: msg('Privacy', { id: 'security.reason.privacy' }) },
      { value: 'other', label: msg('Something else', { id: 'security.reason.other' }) },
    ];
    return html`<reel-select
      label=${msg('Why are you leaving? (optional)', { id: 'security.reason.label' })}
      .options=${options}
      .value=${this.reason ?? ''}
      @reel-change=${(e: CustomEvent<{ value: string }>) => {
        this.reason = e.detail.value as Reason | '';
      }}
    ></reel-select>`;
  }

  private renderDeactivate() {
    return html`<reel-dialog
      size="sm"
      .open=${this.dialog === 'deactivate'}
      label=${msg('Deactivate your account?', { id: 'security.deactivate.dialog' })}
      @reel-dialog-close=${() => {
        this.dialog = null;
      }}
    >
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        <p class="lead">
          ${msg('You will be signed out on every device. Nothing is deleted: sign in again whenever you like and choose to reactivate.', { id: 'security.deactivate.dialog.text' })}
        </p>
        ${this.reasonSelect()}
        ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      </form>
      <reel-button slot="footer" @click=${() => {
        this.dialog = null;
      }}>${msg('Cancel', { id: 'security.cancel' })}</reel-button>
      <reel-button slot="footer" variant="danger" ?loading=${this.busy} @click=${this.deactivate}>
        ${msg('Deactivate', { id: 'security.deactivate.button' })}
      </reel-button>
    </reel-dialog>`;
  }

  private renderDelete(plan: Plan) {
    const email = this.api.session?.user?.email ?? '';
    return html`<reel-dialog
      size="md"
      alert
      .open=${this.dialog === 'delete'}
      label=${msg('Delete your account?', { id: 'security.delete.dialog' })}
      @reel-dialog-close=${() => {
        this.dialog = null;
      }}
    >
      <form novalidate @submit=${this.scheduleDeletion}>
        <p class="lead">
          ${msg(str`Your account is deleted ${plan.grace_period_days} days from now. Until then you can sign in and keep it; after that it cannot be undone.`, { id: 'security.delete.dialog.text' })}
        </p>
        <div class="plan">
          <div>
            <h3>${msg('What is deleted', { id: 'security.delete.goes' })}</h3>
            <ul>
              ${plan.will_delete.map(
                (k) =>
                  html`<li>${kindLabel(k.kind)}${k.count !== null && k.count > 0 ? html` (${k.count})` : nothing}</li>`,
              )}
            </ul>
          </div>
          <div>
            <h3>${msg('What is kept', { id: 'security.delete.stays' })}</h3>
            <ul>
              ${plan.will_keep.map((k) => html`<li>${keptLabel(k)}</li>`)}
            </ul>
          </div>
        </div>
        ${
          plan.subscription
            ? html`<p class="lead">${msg(str`Your ${plan.subscription.plan} plan ends at once, without a refund.`, { id: 'security.delete.subscription' })}</p>`
            : nothing
        }
        ${this.reasonSelect()}
        <reel-text-field
          name="confirm_email"
          type="email"
          autocomplete="off"
          required
          label=${msg(str`Type ${email} to confirm`, { id: 'security.delete.type' })}
          .value=${this.typed}
          .error=${this.typedError}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.typed = e.detail.value;
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') void this.scheduleDeletion(e);
          }}
        ></reel-text-field>
        ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      </form>
      <reel-button slot="footer" @click=${() => {
        this.dialog = null;
      }}>${msg('Cancel', { id: 'security.cancel' })}</reel-button>
      <reel-button
        slot="footer"
        variant="danger"
        ?loading=${this.busy}
        ?disabled=${this.typed.trim().toLowerCase() !== email.toLowerCase()}
        @click=${() => this.scheduleDeletion()}
      >${msg('Delete my account', { id: 'security.delete.confirm' })}</reel-button>
    </reel-dialog>`;
  }
}
