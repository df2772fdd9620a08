import { msg } from '@lit/localize';
import { accountAuditLog, type ResponseOf } from '@reel/contracts';
import type { SelectOption } from '@reel/ui';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { CursorPages } from './cursor-pages.js';
import { ago, dotted, place, when } from './format.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-log': ReelSecurityLog;
  }
}

type AuditEvent = ResponseOf<typeof accountAuditLog>['items'][number];
type Category = AuditEvent['category'];
const PAGE = 15;

const ICONS: Record<Category, string> = {
  sign_in: 'user',
  password: 'key',
  mfa: 'shield',
  email: 'mail',
  sessions: 'globe',
  devices: 'laptop',
  account: 'settings',
  reauth: 'lock',
  billing: 'key',
};

/** What happened, in words. */
export function eventLabel(event: AuditEvent['event']): string {
  const labels: Partial<Record<AuditEvent['event'], () => string>> = {
    'sign_in.succeeded': () => msg('Signed in', { id: 'security.event.sign-in' }),
    'sign_in.failed': () => msg('Sign-in failed', { id: 'security.event.sign-in-failed' }),
    'sign_in.locked': () => msg('Sign-in locked after failed attempts', { id: 'security.event.sign-in-locked' }),
    sign_out: () => msg('Signed out', { id: 'security.event.sign-out' }),
    'password.changed': () => msg('Password changed', { id: 'security.event.password-changed' }),
    'password.reset_requested': () => msg('Password reset requested', { id: 'security.event.reset-requested' }),
    'password.reset_completed': () => msg('Password reset', { id: 'security.event.reset-completed' }),
    'mfa.setup_started': () => msg('Two-step verification setup started', { id: 'security.event.mfa-setup' }),
    'mfa.enabled': () => msg('Two-step verification turned on', { id: 'security.event.mfa-on' }),
    'mfa.disabled': () => msg('Two-step verification turned off', { id: 'security.event.mfa-off' }),
    'mfa.backup_codes_regenerated': () => msg('New backup codes made', { id: 'security.event.codes-new' }),
    'mfa.backup_code_used': () => msg('Backup code used', { id: 'security.event.code-used' }),
    'mfa.reset_requested': () =>
      msg('Two-step verification reset requested', { id: 'security.event.mfa-reset-requested' }),
    'mfa.reset_confirmed': () =>
      msg('Two-step verification reset confirmed', { id: 'security.event.mfa-reset-confirmed' }),
    'mfa.reset_cancelled': () =>
      msg('Two-step verification reset cancelled', { id: 'security.event.mfa-reset-cancelled' }),
    'mfa.reset_completed': () =>
      msg('Two-step verification removed by reset', { id: 'security.event.mfa-reset-completed' }),
    'mfa.locked': () => msg('Codes locked after wrong attempts', { id: 'security.event.mfa-locked' }),
    'email.verification_sent': () => msg('Verification email sent', { id: 'security.event.email-sent' }),
    'email.verified': () => msg('Email address verified', { id: 'security.event.email-verified' }),
    'session.revoked': () => msg('A session was signed out', { id: 'security.event.session-revoked' }),
    'sessions.revoked_all': () => msg('Signed out everywhere', { id: 'security.event.sessions-all' }),
    'sessions.revoked_others': () => msg('Other sessions signed out', { id: 'security.event.sessions-others' }),
    'session.refresh_reuse_detected': () =>
      msg('A copied session token was refused and its session ended', { id: 'security.event.reuse' }),
    'device.removed': () => msg('Device removed', { id: 'security.event.device-removed' }),
    'devices.revoked_all': () => msg('All devices signed out', { id: 'security.event.devices-all' }),
    'device.trusted': () => msg('Browser trusted to skip the code', { id: 'security.event.trusted' }),
    'device.trust_removed': () => msg('Browser trust removed', { id: 'security.event.untrusted' }),
    'account.created': () => msg('Account created', { id: 'security.method.sign-up' }),
    'account.deactivated': () => msg('Account deactivated', { id: 'security.event.deactivated' }),
    'account.reactivated': () => msg('Account reactivated', { id: 'security.event.reactivated' }),
    'account.deletion_requested': () => msg('Account deletion requested', { id: 'security.event.deletion' }),
    'account.deletion_cancelled': () => msg('Account deletion cancelled', { id: 'security.event.deletion-cancelled' }),
    'reauth.succeeded': () => msg('Confirmed it was you', { id: 'security.event.reauth' }),
    'reauth.failed': () => msg('Failed to confirm it was you', { id: 'security.event.reauth-failed' }),
  };
  return labels[event]?.() ?? event;
}

/**
 * The security log: every change to how the account signs in — password, two-step verification,
 * email, sessions, devices, the account itself — with when, where (IP address, approximate
 * location, browser) and who (you, support staff or the system). Filter by kind; more load on
 * request.
 *
 * @summary The "Security log" card of the security page.
 * @csspart card - The card.
 * @csspart event - Each event's row.
 */
export class ReelSecurityLog extends SecurityPanel {
  static version = '1.0.0';
  static override styles = panelStyles;

  @state() private category: Category | '' = '';
  private readonly pages = new CursorPages<AuditEvent>(
    this,
    (cursor, signal) =>
      this.api.client.call(accountAuditLog, {
        query: { limit: PAGE, ...(cursor ? { cursor } : {}), ...(this.category ? { category: this.category } : {}) },
        ...(signal ? { signal } : {}),
      }),
    () => [this.api.client, this.category],
    (error) => this.say(this.problem(error), 'error'),
  );

  refresh(): void {
    this.pages.refresh();
  }

  protected override render() {
    const options: SelectOption[] = [
      { value: '', label: msg('Everything', { id: 'security.log.all' }) },
      { value: 'sign_in', label: msg('Sign-ins', { id: 'security.log.sign-in' }) },
      { value: 'password', label: msg('Password', { id: 'security.method.password' }) },
      { value: 'mfa', label: msg('Two-step verification', { id: 'security.mfa.title' }) },
      { value: 'email', label: msg('Email', { id: 'security.log.email' }) },
      { value: 'sessions', label: msg('Sessions', { id: 'security.sessions.list' }) },
      { value: 'devices', label: msg('Devices', { id: 'security.devices.title' }) },
      { value: 'account', label: msg('Account', { id: 'security.log.account' }) },
      { value: 'reauth', label: msg('Confirming it’s you', { id: 'security.log.reauth' }) },
    ];
    return html`<section class="card" part="card" aria-labelledby="log-title">
      <div class="head">
        <div class="head-icon" aria-hidden="true"><reel-icon name="list"></reel-icon></div>
        <div>
          <h2 id="log-title" tabindex="-1">${msg('Security log', { id: 'security.log.title' })}</h2>
          <p class="lede">${msg('Changes to your password, two-step verification, email, sessions, devices and account.', { id: 'security.log.lede' })}</p>
        </div>
      </div>
      <div class="toolbar">
        <reel-select
          label=${msg('Kind', { id: 'security.log.kind' })}
          .options=${options}
          .value=${this.category}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.category = e.detail.value as Category | '';
          }}
        ></reel-select>
      </div>
      ${this.renderTask(this.pages.first, {
        complete: (page) => html`<ul class="rows" aria-label=${msg('Security events', { id: 'security.log.list' })}>
            ${[...page.items, ...this.pages.more].map((e) => this.renderEvent(e))}
          </ul>
          ${
            this.pages.cursor
              ? html`<div class="more"><reel-button variant="secondary" ?loading=${this.pages.loadingMore} @click=${this.pages.loadMore}>
                  ${msg('Show more', { id: 'security.more' })}
                </reel-button></div>`
              : nothing
          }`,
        empty: () => this.renderEmpty({ heading: msg('Nothing in the log yet', { id: 'security.log.empty' }) }),
      })}
    </section>`;
  }

  private renderEvent(e: AuditEvent) {
    const actor =
      e.actor === 'system'
        ? msg('By Reel', { id: 'security.log.by-system' })
        : e.actor === 'staff'
          ? msg('By Reel support', { id: 'security.log.by-staff' })
          : null;
    return html`<li class="row" part="event" data-event=${e.event}>
      <div class="row-icon" aria-hidden="true"><reel-icon name=${ICONS[e.category] ?? 'info'}></reel-icon></div>
      <div class="row-main">
        <div class="row-title">
          <span>${eventLabel(e.event)}</span>
          ${e.event.endsWith('failed') || e.event.endsWith('locked') || e.event.includes('reuse') ? html`<reel-badge variant="danger">${msg('Attention', { id: 'security.log.attention' })}</reel-badge>` : nothing}
        </div>
        <p class="meta">${dotted(actor, e.device_name, e.ip ? place(e.location) : null, e.ip)}</p>
      </div>
      <div class="row-actions meta">
        <time datetime=${e.at} title=${when(e.at)}>${ago(e.at)}</time>
      </div>
    </li>`;
  }
}
