import { msg } from '@lit/localize';
import { accountActivity } from '@reel/contracts';
import type { SelectOption } from '@reel/ui';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { CursorPages } from './cursor-pages.js';
import { ago, deviceIcon, dotted, type LoginActivityItem, methodLabel, place, when } from './format.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-activity': ReelSecurityActivity;
  }
}

type Outcome = LoginActivityItem['outcome'];
const PAGE = 10;

/** Why a sign-in failed, in words. */
function failureLabel(reason: LoginActivityItem['failure_reason']): string {
  switch (reason) {
    case 'wrong_password':
      return msg('Wrong password', { id: 'security.activity.fail.password' });
    case 'wrong_code':
      return msg('Wrong code', { id: 'security.activity.fail.code' });
    case 'replayed_code':
      return msg('Code already used', { id: 'security.activity.fail.replayed' });
    case 'used_backup_code':
      return msg('Backup code already used', { id: 'security.activity.fail.backup' });
    case 'expired_challenge':
      return msg('Took too long', { id: 'security.activity.fail.expired' });
    case 'rate_limited':
      return msg('Too many attempts', { id: 'security.activity.fail.rate' });
    case 'locked':
      return msg('Locked', { id: 'security.activity.fail.locked' });
    default:
      return msg('Failed', { id: 'security.activity.fail' });
  }
}

/**
 * Recent sign-in attempts on the account, successes and failures, with where (IP address,
 * approximate location, device) and how (password, code, backup code, trusted browser); a first
 * sign-in from a new device or place is flagged. Filter by outcome; more load on request.
 *
 * @summary The "Recent activity" card of the security page.
 * @csspart card - The card.
 * @csspart attempt - Each attempt's row.
 */
export class ReelSecurityActivity extends SecurityPanel {
  static version = '1.0.0';
  static override styles = panelStyles;

  @state() private outcome: Outcome | '' = '';
  private readonly pages = new CursorPages<LoginActivityItem>(
    this,
    (cursor, signal) =>
      this.api.client.call(accountActivity, {
        query: { limit: PAGE, ...(cursor ? { cursor } : {}), ...(this.outcome ? { outcome: this.outcome } : {}) },
        ...(signal ? { signal } : {}),
      }),
    () => [this.api.client, this.outcome],
    (error) => this.say(this.problem(error), 'error'),
  );

  refresh(): void {
    this.pages.refresh();
  }

  protected override render() {
    const options: SelectOption[] = [
      { value: '', label: msg('All sign-ins', { id: 'security.activity.all' }) },
      { value: 'success', label: msg('Successful', { id: 'security.activity.success' }) },
      { value: 'failure', label: msg('Failed', { id: 'security.activity.failed' }) },
      { value: 'mfa_pending', label: msg('Code not entered', { id: 'security.activity.pending' }) },
    ];
    return html`<section class="card" part="card" aria-labelledby="activity-title">
      <div class="head">
        <div class="head-icon" aria-hidden="true"><reel-icon name="clock"></reel-icon></div>
        <div>
          <h2 id="activity-title" tabindex="-1">${msg('Recent activity', { id: 'security.activity.title' })}</h2>
          <p class="lede">${msg('Every attempt to sign in to your account, and where it came from.', { id: 'security.activity.lede' })}</p>
        </div>
      </div>
      <div class="toolbar">
        <reel-select
          label=${msg('Show', { id: 'security.filter.show' })}
          .options=${options}
          .value=${this.outcome}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.outcome = e.detail.value as Outcome | '';
          }}
        ></reel-select>
      </div>
      ${this.renderTask(this.pages.first, {
        complete: (
          page,
        ) => html`<ul class="rows" aria-label=${msg('Sign-in attempts', { id: 'security.activity.list' })}>
            ${[...page.items, ...this.pages.more].map((a) => this.renderAttempt(a))}
          </ul>
          ${
            this.pages.cursor
              ? html`<div class="more"><reel-button variant="secondary" ?loading=${this.pages.loadingMore} @click=${this.pages.loadMore}>
                  ${msg('Show more', { id: 'security.more' })}
                </reel-button></div>`
              : nothing
          }`,
        empty: () => this.renderEmpty({ heading: msg('No sign-ins to show', { id: 'security.activity.empty' }) }),
      })}
    </section>`;
  }

  private renderAttempt(a: LoginActivityItem) {
    const badge =
      a.outcome === 'success'
        ? html`<reel-badge variant="success">${msg('Signed in', { id: 'security.activity.badge.success' })}</reel-badge>`
        : a.outcome === 'failure'
          ? html`<reel-badge variant="danger">${failureLabel(a.failure_reason)}</reel-badge>`
          : html`<reel-badge variant="warning">${msg('Code not entered', { id: 'security.activity.pending' })}</reel-badge>`;
    return html`<li class="row" part="attempt" data-outcome=${a.outcome}>
      <div class="row-icon" aria-hidden="true"><reel-icon name=${deviceIcon(a.device_type)}></reel-icon></div>
      <div class="row-main">
        <div class="row-title">
          <span>${a.device_name ?? msg('Unknown browser', { id: 'security.unknown-browser' })}</span>
          ${badge}
          ${a.new_device ? html`<reel-badge variant="info">${msg('New device', { id: 'security.activity.new-device' })}</reel-badge>` : nothing}
          ${a.new_location && !a.new_device ? html`<reel-badge variant="info">${msg('New place', { id: 'security.activity.new-place' })}</reel-badge>` : nothing}
        </div>
        <p class="meta">${dotted(place(a.location), a.ip, a.method ? methodLabel(a.method) : null)}</p>
      </div>
      <div class="row-actions meta">
        <time datetime=${a.at} title=${when(a.at)}>${ago(a.at)}</time>
      </div>
    </li>`;
  }
}
