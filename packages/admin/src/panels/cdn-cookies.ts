import { msg, str } from '@lit/localize';
import { type AdminCdnCookie, adminCdnCookiesIssue, adminCdnCookiesList, adminCdnCookiesRevoke } from '@reel/contracts';
import { defineElement, formatDate, formatRelativeTime } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import { opsStyles } from './ops-common.js';

type Issued = Awaited<ReturnType<ReelAdminCdnCookies['issueCall']>>;
type Status = '' | 'active' | 'expired' | 'revoked';

const LIFETIMES = [
  { value: '3600', label: () => msg('1 hour', { id: 'admin.delivery.grace.1h' }) },
  { value: '86400', label: () => msg('24 hours', { id: 'admin.delivery.grace.24h' }) },
  { value: '604800', label: () => msg('7 days', { id: 'admin.cookies.7d' }) },
];

/**
 * Signed delivery cookies: issue one for a media path prefix (its value shown once, to copy) and
 * revoke it before it expires (the next media request is refused).
 *
 * @summary Admin delivery cookies.
 */
export class ReelAdminCdnCookies extends AdminPanel {
  static override styles = [
    panelStyles,
    opsStyles,
    css`
      .value {
        font-family: var(--reel-font-family-mono);
        font-size: var(--reel-font-size-sm);
        overflow-wrap: anywhere;
        background: var(--reel-color-surface-sunken);
        padding: var(--reel-space-3);
        border-radius: var(--reel-radius-md);
        margin: 0;
      }
    `,
  ];

  @state() private items: AdminCdnCookie[] = [];
  @state() private status: Status = '';
  @state() private loaded = false;
  @state() private problem = '';
  @state() private draft = { path: '/media/', lifetime: '3600', account: '', note: '' };
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private issued: Issued | null = null;
  @state() private revoking: AdminCdnCookie | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  issueCall(body: { path_prefix: string; lifetime_seconds: number; account_id?: string; note?: string }) {
    return this.client.call(adminCdnCookiesIssue, { body });
  }

  async load(): Promise<void> {
    try {
      const res = await this.client.call(adminCdnCookiesList, {
        query: { limit: 50, ...(this.status ? { status: this.status } : {}) },
      });
      this.items = res.items;
      this.problem = '';
    } catch (error) {
      this.problem = problemOf(error).message;
    } finally {
      this.loaded = true;
    }
  }

  private async issue(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy) return;
    const d = this.draft;
    const errors: Record<string, string> = {};
    if (!/^\/media\/[A-Za-z0-9._~\-/]*$/.test(d.path.trim())) {
      errors.path_prefix = msg('A path under /media/: /media/ast_123/', { id: 'admin.cookies.path-error' });
    }
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      this.issued = await this.issueCall({
        path_prefix: d.path.trim(),
        lifetime_seconds: Number(d.lifetime),
        ...(d.account.trim() ? { account_id: d.account.trim() } : {}),
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
      });
      await this.load();
    } catch (error) {
      const p = problemOf(error);
      this.errors = { ...p.fields, form: p.message };
    } finally {
      this.busy = false;
    }
  }

  private async revoke(): Promise<void> {
    const c = this.revoking;
    if (!c || this.busy) return;
    this.busy = true;
    try {
      await this.client.call(adminCdnCookiesRevoke, { params: { id: c.id } });
      this.revoking = null;
      this.notify(msg(str`Revoked the cookie for ${c.path_prefix}`, { id: 'admin.cookies.revoked' }));
      await this.load();
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    } finally {
      this.busy = false;
    }
  }

  private renderForm() {
    const d = this.draft;
    return html`<section class="card" aria-labelledby="issue">
      <h2 id="issue">${msg('Issue a cookie', { id: 'admin.cookies.issue' })}</h2>
      <form class="form" novalidate @submit=${(e: Event) => void this.issue(e)}>
        <div class="form-row">
          <reel-text-field name="path_prefix" required label=${msg('Path prefix', { id: 'admin.cookies.path' })} help-text="/media/ast_123/"
            .value=${d.path} error=${this.errors.path_prefix ?? ''}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.draft = { ...this.draft, path: e.detail.value };
            }}></reel-text-field>
          <reel-select name="lifetime" label=${msg('Lifetime', { id: 'admin.cookies.lifetime' })} .value=${d.lifetime}
            .options=${LIFETIMES.map((l) => ({ value: l.value, label: l.label() }))}
            @reel-change=${(e: CustomEvent<{ value: string }>) => {
              this.draft = { ...this.draft, lifetime: e.detail.value };
            }}></reel-select>
          <reel-text-field name="account_id" label=${msg('Account id (optional)', { id: 'admin.cookies.account' })} .value=${d.account}
            error=${this.errors.account_id ?? ''}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.draft = { ...this.draft, account: e.detail.value };
            }}></reel-text-field>
          <reel-text-field name="note" maxlength="200" label=${msg('Note', { id: 'admin.reviews.note' })} .value=${d.note}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.draft = { ...this.draft, note: e.detail.value };
            }}></reel-text-field>
        </div>
        ${this.errors.form ? html`<p class="error-text" role="alert">${this.errors.form}</p>` : nothing}
        <div class="form-foot"><reel-button variant="primary" class="issue" ?loading=${this.busy} @click=${() => void this.issue()}>${msg('Issue cookie', { id: 'admin.cookies.issue-button' })}</reel-button></div>
      </form>
    </section>`;
  }

  private renderList() {
    const badge = (s: AdminCdnCookie['status']) =>
      html`<reel-badge variant=${s === 'active' ? 'success' : s === 'revoked' ? 'danger' : 'neutral'}>${s}</reel-badge>`;
    return html`<section class="card" aria-labelledby="cookies">
      <h2 id="cookies">${msg('Issued cookies', { id: 'admin.cookies.list' })}</h2>
      <div class="toolbar">
        <reel-select name="status" label=${msg('Status', { id: 'admin.cookies.status' })} .value=${this.status}
          .options=${[
            { value: '', label: msg('All', { id: 'admin.sessions.all' }) },
            { value: 'active', label: msg('Active', { id: 'admin.cookies.active' }) },
            { value: 'expired', label: msg('Expired', { id: 'admin.cookies.expired' }) },
            { value: 'revoked', label: msg('Revoked', { id: 'admin.cookies.revoked-status' }) },
          ]}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.status = e.detail.value as Status;
            void this.load();
          }}></reel-select>
      </div>
      ${
        this.items.length
          ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Issued cookies table', { id: 'admin.cookies.table' })}><table class="simple cookies">
            <thead><tr><th scope="col">${msg('Path prefix', { id: 'admin.cookies.path' })}</th><th scope="col">${msg('Status', { id: 'admin.cookies.status' })}</th><th scope="col">${msg('For', { id: 'admin.cookies.for' })}</th><th scope="col">${msg('Expires', { id: 'admin.cookies.expires' })}</th><th scope="col">${msg('Issued by', { id: 'admin.cookies.by' })}</th><th scope="col"><span class="sr-only">${msg('Actions', { id: 'admin.table.actions' })}</span></th></tr></thead>
            <tbody>${this.items.map(
              (c) => html`<tr data-id=${c.id}>
                <td class="mono">${c.path_prefix}${c.note ? html`<br /><span class="muted">${c.note}</span>` : nothing}</td>
                <td>${badge(c.status)}</td>
                <td>${c.issued_to?.email ?? '—'}</td>
                <td>${formatDate(c.expires_at, { dateStyle: 'medium', timeStyle: 'short' })}<br /><span class="muted">${formatRelativeTime(c.expires_at)}</span></td>
                <td>${c.issued_by?.display_name ?? '—'}<br /><span class="muted">${formatRelativeTime(c.issued_at)}</span></td>
                <td>${
                  c.status === 'active'
                    ? html`<reel-button size="sm" variant="danger" @click=${() => {
                        this.revoking = c;
                      }}>${msg('Revoke', { id: 'admin.cookies.revoke' })}<span class="sr-only"> ${c.path_prefix}</span></reel-button>`
                    : nothing
                }</td>
              </tr>`,
            )}</tbody></table></div>`
          : html`<p class="muted">${msg('No cookies issued yet.', { id: 'admin.cookies.none' })}</p>`
      }
    </section>`;
  }

  protected override render() {
    const issued = this.issued;
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Delivery cookies', { id: 'admin.group.cookies' })}</h1>
          <p class="lede">${msg('Signed cookies that open a media path on the CDN, for support and testing. Revoking one refuses its next request.', { id: 'admin.cookies.lede' })}</p>
        </div>
      </header>
      <p class="error-text" role="alert">${this.problem}</p>
      ${this.renderForm()}
      ${this.loaded ? this.renderList() : html`<reel-skeleton></reel-skeleton>`}
      <reel-dialog size="md" .open=${!!issued} label=${msg('Cookie issued', { id: 'admin.cookies.issued' })}
        @reel-dialog-close=${() => {
          this.issued = null;
        }}>
        ${
          issued
            ? html`<p>${msg('Copy the value now: it is not shown again.', { id: 'admin.cookies.once' })}</p>
              ${issued.set_cookies.map(
                (
                  s,
                ) => html`<p class="muted">${s.name} · ${msg(str`path ${s.path}`, { id: 'admin.cookies.path-of' })} · ${msg(str`expires ${formatDate(s.expires_at, { dateStyle: 'medium', timeStyle: 'short' })}`, { id: 'admin.cookies.expires-at' })}${s.http_only ? ' · HttpOnly' : ''}${s.secure ? ' · Secure' : ''} · SameSite=${s.same_site}</p>
                  <p class="value issued-value">${s.value}</p>
                  <reel-button size="sm" @click=${() => {
                    void navigator.clipboard?.writeText(s.value).then(
                      () => this.notify(msg('Copied', { id: 'admin.cookies.copied' })),
                      () =>
                        this.notify(
                          msg('Copy it by hand: the clipboard is not available', { id: 'admin.cookies.copy-failed' }),
                          'info',
                        ),
                    );
                  }}>${msg('Copy value', { id: 'admin.cookies.copy' })}</reel-button>`,
              )}`
            : nothing
        }
        <reel-button slot="footer" variant="primary" @click=${() => {
          this.issued = null;
        }}>${msg('Done', { id: 'admin.cookies.done' })}</reel-button>
      </reel-dialog>
      <reel-dialog size="sm" .open=${!!this.revoking} label=${msg('Revoke this cookie?', { id: 'admin.cookies.confirm' })}
        @reel-dialog-close=${() => {
          this.revoking = null;
        }}>
        <p>${this.revoking ? msg(str`Media requests under ${this.revoking.path_prefix} with this cookie are refused from now on.`, { id: 'admin.cookies.confirm.body' }) : ''}</p>
        <reel-button slot="footer" @click=${() => {
          this.revoking = null;
        }}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
        <reel-button slot="footer" variant="danger" class="confirm-revoke" ?loading=${this.busy} @click=${() => void this.revoke()}>${msg('Revoke', { id: 'admin.cookies.revoke' })}</reel-button>
      </reel-dialog>`;
  }
}

defineElement('reel-admin-cdn-cookies', ReelAdminCdnCookies);
