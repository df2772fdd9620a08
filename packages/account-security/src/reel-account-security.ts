import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { accountActivity, mfaStatus, sessionsList } from '@reel/contracts';
import { createLifecycles, emit, ReelElement, SessionConsumer } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SecurityArea, SecurityPanel } from './panel.js';
import { pageStyles } from './reel-account-security.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-account-security': ReelAccountSecurity;
  }
}

/** The sections of the page, in order: the `section` attribute (and the URL's last segment) names one. */
export const SecuritySection = {
  twoStep: 'two-step',
  password: 'password',
  sessions: 'sessions',
  devices: 'devices',
  activity: 'activity',
  log: 'log',
  danger: 'danger-zone',
} as const;
export type SecuritySection = (typeof SecuritySection)[keyof typeof SecuritySection];

const SECTIONS: { id: SecuritySection; tag: string; icon: string; label: () => string }[] = [
  {
    id: 'two-step',
    tag: 'reel-security-mfa',
    icon: 'shield',
    label: () => msg('Two-step verification', { id: 'security.mfa.title' }),
  },
  {
    id: 'password',
    tag: 'reel-security-password',
    icon: 'key',
    label: () => msg('Password', { id: 'security.method.password' }),
  },
  {
    id: 'sessions',
    tag: 'reel-security-sessions',
    icon: 'globe',
    label: () => msg('Where you’re signed in', { id: 'security.sessions.title' }),
  },
  {
    id: 'devices',
    tag: 'reel-security-devices',
    icon: 'laptop',
    label: () => msg('Devices', { id: 'security.devices.title' }),
  },
  {
    id: 'activity',
    tag: 'reel-security-activity',
    icon: 'clock',
    label: () => msg('Recent activity', { id: 'security.activity.title' }),
  },
  { id: 'log', tag: 'reel-security-log', icon: 'list', label: () => msg('Security log', { id: 'security.log.title' }) },
  {
    id: 'danger-zone',
    tag: 'reel-security-danger-zone',
    icon: 'warning',
    label: () => msg('Danger zone', { id: 'security.danger.title' }),
  },
];

/** Which panels show what another panel's change affects. */
const AFFECTS: Record<SecurityArea, SecuritySection[]> = {
  mfa: ['two-step', 'devices', 'log'],
  password: ['sessions', 'devices', 'log', 'activity'],
  sessions: ['sessions', 'devices', 'log'],
  devices: ['two-step', 'sessions', 'devices', 'log'],
  account: ['danger-zone', 'log'],
};

/**
 * The account's security page (`/account/security`), laid out like the account settings of a paid
 * service: a short checkup at the top (two-step verification, where you're signed in, recent failed
 * sign-ins), then one card per subject — two-step verification, password, sessions, devices,
 * recent activity, the security log and the danger zone — with a section list to jump between
 * them. Cards reload each other when one changes something that another shows. Needs a signed-in
 * `<reel-auth-provider>` above it; sensitive actions are confirmed through the provider's
 * re-authentication prompt.
 *
 * @summary The account security page: MFA, sessions, devices, activity, security log, danger zone.
 * @fires reel-navigate - A section was chosen; `detail: { href: '/account/security/<section>', replace: true }`.
 * @csspart header - The page header with the checkup.
 * @csspart nav - The list of sections.
 * @cssproperty --reel-account-security-max-width - The page's content width (default 72rem).
 */
export class ReelAccountSecurity extends ReelElement {
  static version = '1.0.0';
  static override styles = pageStyles;

  /** The section to show first (the shell passes the rest of the path: `sessions`, `devices` …). */
  @property({ reflect: true }) section = '';

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  private readonly api = new SessionConsumer(this);
  private scrolledTo = '';

  private readonly checkup = new Task(this, {
    task: async ([client, signedIn], { signal }) => {
      if (!signedIn) return null;
      const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const [mfa, sessions, failures] = await Promise.all([
        client.call(mfaStatus, { signal }),
        client.call(sessionsList, { signal }),
        client.call(accountActivity, { query: { outcome: 'failure', since, limit: 50 }, signal }),
      ]);
      return { mfa, sessions: sessions.items.length, failures: failures.items.length };
    },
    args: () => [this.api.client, this.api.signedIn] as const,
  });

  private panel(id: SecuritySection): SecurityPanel | null {
    return (this.renderRoot.querySelector(`[data-section="${id}"]`) as SecurityPanel | null) ?? null;
  }

  private onChange(event: CustomEvent<{ area: SecurityArea }>): void {
    const source = event.composedPath()[0];
    for (const id of AFFECTS[event.detail.area] ?? []) {
      const panel = this.panel(id);
      if (panel && panel !== source) panel.refresh();
    }
    void this.checkup.run();
  }

  /** Scrolls to a section and moves focus to its heading. */
  async show(section: string): Promise<void> {
    const panel = this.panel(section as SecuritySection);
    if (!panel) return;
    await panel.updateComplete;
    panel.scrollIntoView({
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
      block: 'start',
    });
    (panel.renderRoot.querySelector('h2') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private choose(event: Event, section: SecuritySection): void {
    event.preventDefault();
    this.section = section;
    this.scrolledTo = section;
    void this.show(section);
    emit(this, 'reel-navigate', { href: `/account/security/${section}`, replace: true }, { cancelable: true });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('section') || changed.has('apiBase')) && this.section && this.section !== this.scrolledTo) {
      this.scrolledTo = this.section;
      // Panels render their first content after their data arrives; wait a frame for layout.
      requestAnimationFrame(() => void this.show(this.section));
    }
  }

  protected override render() {
    const session = this.api.session;
    if (session && session.status === 'signed-out') {
      return html`<div class="page">${this.renderEmpty({
        heading: msg('Sign in to see your account’s security', { id: 'security.signed-out' }),
        actions: html`<reel-button variant="primary" href="/sign-in?next=/account/security">${msg('Sign in', { id: 'security.sign-in' })}</reel-button>`,
      })}</div>`;
    }
    const status = session?.user?.status;
    return html`<div class="page">
      <header class="hero" part="header">
        <p class="eyebrow">${msg('Account', { id: 'security.eyebrow' })}</p>
        <h1>${msg('Security', { id: 'security.heading' })}</h1>
        <p class="intro">${msg('How you sign in, where your account is in use, and what happened lately.', { id: 'security.intro' })}</p>
        ${this.renderCheckup()}
      </header>
      ${
        status && status !== 'active'
          ? html`<div class="status-banner" role="status">
              <reel-icon name="warning"></reel-icon>
              <p>${
                status === 'pending_deletion'
                  ? msg('Your account is scheduled for deletion. Keep it from the danger zone below.', {
                      id: 'security.banner.pending',
                    })
                  : msg('Your account is deactivated. Reactivate it from the danger zone below.', {
                      id: 'security.banner.deactivated',
                    })
              }</p>
            </div>`
          : nothing
      }
      <div class="layout">
        <nav part="nav" aria-label=${msg('Security sections', { id: 'security.nav' })}>
          <ul>
            ${SECTIONS.map(
              (s) => html`<li>
                <a
                  href=${`/account/security/${s.id}`}
                  aria-current=${ifDefined(this.section === s.id ? 'location' : undefined)}
                  @click=${(e: Event) => this.choose(e, s.id)}
                ><reel-icon name=${s.icon}></reel-icon><span>${s.label()}</span></a>
              </li>`,
            )}
          </ul>
        </nav>
        <div class="sections" @reel-security-change=${this.onChange}>
          <reel-security-mfa data-section="two-step" .apiBase=${this.apiBase}></reel-security-mfa>
          <reel-security-password data-section="password" .apiBase=${this.apiBase}></reel-security-password>
          <reel-security-sessions data-section="sessions" .apiBase=${this.apiBase}></reel-security-sessions>
          <reel-security-devices data-section="devices" .apiBase=${this.apiBase}></reel-security-devices>
          <reel-security-activity data-section="activity" .apiBase=${this.apiBase}></reel-security-activity>
          <reel-security-log data-section="log" .apiBase=${this.apiBase}></reel-security-log>
          <reel-security-danger-zone data-section="danger-zone" .apiBase=${this.apiBase}></reel-security-danger-zone>
        </div>
      </div>
    </div>`;
  }

  private renderCheckup() {
    const value = this.checkup.value;
    if (!value)
      return html`<div class="checkup" aria-hidden="true"><reel-skeleton></reel-skeleton><reel-skeleton></reel-skeleton><reel-skeleton></reel-skeleton></div>`;
    const tile = (section: SecuritySection, icon: string, tone: string, title: string, text: string) =>
      html`<li><a class="tile ${tone}" href=${`/account/security/${section}`} @click=${(e: Event) => this.choose(e, section)}>
        <span class="tile-icon" aria-hidden="true"><reel-icon name=${icon}></reel-icon></span>
        <span class="tile-text"><strong>${title}</strong><span>${text}</span></span>
        <reel-icon class="chevron" name="chevron-right" aria-hidden="true"></reel-icon>
      </a></li>`;
    return html`<ul class="checkup" aria-label=${msg('Security checkup', { id: 'security.checkup' })}>
      ${tile(
        'two-step',
        value.mfa.enabled ? 'success' : 'warning',
        value.mfa.enabled ? 'good' : 'warn',
        value.mfa.enabled
          ? msg('Two-step verification is on', { id: 'security.checkup.mfa.on' })
          : msg('Turn on two-step verification', { id: 'security.checkup.mfa.off' }),
        value.mfa.enabled
          ? msg(str`${value.mfa.backup_codes.remaining} backup codes left`, { id: 'security.checkup.codes' })
          : msg('Protect your account if your password leaks', { id: 'security.checkup.mfa.why' }),
      )}
      ${tile(
        'sessions',
        'globe',
        'neutral',
        value.sessions === 1
          ? msg('Signed in on 1 device', { id: 'security.checkup.sessions.one' })
          : msg(str`Signed in on ${value.sessions} devices`, { id: 'security.checkup.sessions.many' }),
        msg('Check they are all yours', { id: 'security.checkup.sessions.why' }),
      )}
      ${tile(
        'activity',
        value.failures ? 'warning' : 'success',
        value.failures ? 'warn' : 'good',
        value.failures
          ? msg(str`${value.failures} failed sign-ins`, { id: 'security.checkup.failures' })
          : msg('No failed sign-ins', { id: 'security.checkup.no-failures' }),
        msg('In the last 30 days', { id: 'security.checkup.period' }),
      )}
    </ul>`;
  }
}

/** single-spa lifecycles: the shell mounts the page at `/account/security`. */
export const lifecycles = createLifecycles('reel-account-security');
