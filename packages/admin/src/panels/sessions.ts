import { msg, str } from '@lit/localize';
import {
  type AdminLiveSession,
  adminSessionsAccounts,
  adminSessionsList,
  adminSessionsTerminate,
} from '@reel/contracts';
import { defineElement, formatDuration, formatRelativeTime } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import { meter, num, opsStyles, statTiles } from './ops-common.js';

type Summary = Awaited<ReturnType<ReelAdminSessions['fetchList']>>['summary'];
type AccountRow = Awaited<ReturnType<ReelAdminSessions['fetchAccounts']>>['items'][number];
type Reason = 'concurrent_limit' | 'account_security' | 'policy_violation' | 'maintenance' | 'other';

const REASONS: { value: Reason; label: () => string }[] = [
  {
    value: 'concurrent_limit',
    label: () => msg('Over the plan’s stream limit', { id: 'admin.sessions.reason.limit' }),
  },
  { value: 'account_security', label: () => msg('Account security', { id: 'admin.sessions.reason.security' }) },
  { value: 'policy_violation', label: () => msg('Policy violation', { id: 'admin.sessions.reason.policy' }) },
  { value: 'maintenance', label: () => msg('Maintenance', { id: 'admin.sessions.reason.maintenance' }) },
  { value: 'other', label: () => msg('Other', { id: 'admin.sessions.reason.other' }) },
];

const DEVICES = ['web', 'desktop', 'mobile', 'tablet', 'tv', 'other'] as const;

/**
 * The live sessions monitor: streams playing now by title, region, device and quality, streams per
 * account against the plan's limit, and stopping a stream (the player shows the reason).
 *
 * @summary Admin live sessions.
 */
export class ReelAdminSessions extends AdminPanel {
  static override styles = [
    panelStyles,
    opsStyles,
    css`
      .breakdown {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--reel-space-2);
      }
      .breakdown li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 var(--reel-space-2);
        font-size: var(--reel-font-size-sm);
      }
      .breakdown .meter {
        grid-column: 1 / -1;
      }
      .grid-4 {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
        gap: var(--reel-space-4);
        margin-block-end: var(--reel-space-4);
      }
      .over {
        color: var(--reel-color-danger);
        font-weight: var(--reel-font-weight-semibold);
      }
      .dialog-form {
        display: grid;
        gap: var(--reel-space-4);
      }
    `,
  ];

  @state() private items: AdminLiveSession[] = [];
  @state() private summary: Summary | null = null;
  @state() private accounts: AccountRow[] = [];
  @state() private filter: { title_id?: string; device_type?: (typeof DEVICES)[number]; quality?: string } = {};
  @state() private problem = '';
  @state() private loading = false;
  @state() private target: AdminLiveSession | null = null;
  @state() private reason: Reason = 'other';
  @state() private message = '';
  @state() private busy = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // A monitor: refreshes every 15 s while shown.
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible' && !this.target) void this.load();
    }, 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  fetchList() {
    return this.client.call(adminSessionsList, { query: { ...this.filter, limit: 100 } });
  }

  fetchAccounts() {
    return this.client.call(adminSessionsAccounts, { query: { limit: 20 } });
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const [list, accounts] = await Promise.all([this.fetchList(), this.fetchAccounts()]);
      this.items = list.items;
      this.summary = list.summary;
      this.accounts = accounts.items;
      this.problem = '';
    } catch (error) {
      this.problem = problemOf(error).message;
    } finally {
      this.loading = false;
    }
  }

  private setFilter(patch: Partial<ReelAdminSessions['filter']>): void {
    const next = { ...this.filter, ...patch };
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (!next[k]) delete next[k];
    this.filter = next;
    void this.load();
  }

  private ask(s: AdminLiveSession): void {
    this.target = s;
    this.reason =
      s.account_streams > s.account_stream_limit && s.account_stream_limit > 0 ? 'concurrent_limit' : 'other';
    this.message = '';
  }

  private async terminate(): Promise<void> {
    const s = this.target;
    if (!s || this.busy) return;
    this.busy = true;
    try {
      await this.client.call(adminSessionsTerminate, {
        params: { id: s.id },
        query: { reason: this.reason, ...(this.message.trim() ? { message: this.message.trim() } : {}) },
      });
      this.target = null;
      this.notify(msg(str`Stopped the stream of ${s.title.name}`, { id: 'admin.sessions.stopped' }));
      await this.load();
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    } finally {
      this.busy = false;
    }
  }

  private breakdown(title: string, rows: { label: string; count: number }[]) {
    const most = Math.max(1, ...rows.map((r) => r.count));
    return html`<section class="card" aria-label=${title}>
      <h2>${title}</h2>
      ${
        rows.length
          ? html`<ul class="breakdown">${rows.slice(0, 6).map((r) => html`<li><span>${r.label}</span><span class="num">${num(r.count)}</span>${meter(r.count / most)}</li>`)}</ul>`
          : html`<p class="muted">—</p>`
      }
    </section>`;
  }

  private renderSummary(s: Summary) {
    const over = this.accounts.filter((a) => a.over_limit).length;
    const unknown = msg('Unknown', { id: 'admin.sessions.unknown' });
    return html`${statTiles([
      { label: msg('Streams now', { id: 'admin.sessions.total' }), value: num(s.total) },
      {
        label: msg('Accounts streaming', { id: 'admin.sessions.accounts-streaming' }),
        value: num(this.accounts.length),
      },
      {
        label: msg('Accounts over their limit', { id: 'admin.sessions.over-limit' }),
        value: num(over),
        tone: over ? 'bad' : 'good',
      },
    ])}
      <div class="grid-4">
        ${this.breakdown(
          msg('By title', { id: 'admin.sessions.by-title' }),
          s.by_title.map((b) => ({ label: b.title.name, count: b.count })),
        )}
        ${this.breakdown(
          msg('By device', { id: 'admin.sessions.by-device' }),
          s.by_device.map((b) => ({ label: b.device_type, count: b.count })),
        )}
        ${this.breakdown(
          msg('By quality', { id: 'admin.sessions.by-quality' }),
          s.by_quality.map((b) => ({ label: b.quality ?? unknown, count: b.count })),
        )}
        ${this.breakdown(
          msg('By region', { id: 'admin.sessions.by-region' }),
          s.by_region.map((b) => ({ label: b.region ?? unknown, count: b.count })),
        )}
      </div>`;
  }

  private renderTable() {
    const s = this.summary;
    const all = msg('All', { id: 'admin.sessions.all' });
    return html`<section class="card" aria-labelledby="streams">
      <h2 id="streams">${msg('Streams', { id: 'admin.sessions.streams' })}</h2>
      <div class="toolbar">
        <reel-select name="title" label=${msg('Title', { id: 'admin.titles.col.title' })} .value=${this.filter.title_id ?? ''}
          .options=${[{ value: '', label: all }, ...(s?.by_title ?? []).map((b) => ({ value: b.title.id, label: b.title.name }))]}
          @reel-change=${(e: CustomEvent<{ value: string }>) => this.setFilter({ title_id: e.detail.value })}></reel-select>
        <reel-select name="device" label=${msg('Device', { id: 'admin.sessions.device' })} .value=${this.filter.device_type ?? ''}
          .options=${[{ value: '', label: all }, ...DEVICES.map((d) => ({ value: d, label: d }))]}
          @reel-change=${(e: CustomEvent<{ value: string }>) => this.setFilter({ device_type: e.detail.value as (typeof DEVICES)[number] })}></reel-select>
        <reel-select name="quality" label=${msg('Quality', { id: 'admin.sessions.quality' })} .value=${this.filter.quality ?? ''}
          .options=${[{ value: '', label: all }, ...(s?.by_quality ?? []).filter((b) => b.quality).map((b) => ({ value: b.quality as string, label: b.quality as string }))]}
          @reel-change=${(e: CustomEvent<{ value: string }>) => this.setFilter({ quality: e.detail.value })}></reel-select>
      </div>
      ${
        this.items.length
          ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Streams table', { id: 'admin.sessions.table' })}><table class="simple sessions">
            <thead><tr>
              <th scope="col">${msg('Title', { id: 'admin.titles.col.title' })}</th>
              <th scope="col">${msg('Account', { id: 'admin.sessions.account' })}</th>
              <th scope="col">${msg('Device', { id: 'admin.sessions.device' })}</th>
              <th scope="col">${msg('Quality', { id: 'admin.sessions.quality' })}</th>
              <th scope="col">${msg('State', { id: 'admin.titles.col.state' })}</th>
              <th scope="col">${msg('Started', { id: 'admin.sessions.started' })}</th>
              <th scope="col"><span class="sr-only">${msg('Actions', { id: 'admin.table.actions' })}</span></th>
            </tr></thead>
            <tbody>${this.items.map(
              (x) => html`<tr data-id=${x.id}>
                <td><strong>${x.title.name}</strong>${x.episode ? html`<br /><span class="muted">S${x.episode.season_number} E${x.episode.number} · ${x.episode.name}</span>` : nothing}
                  <br /><span class="muted">${formatDuration(Math.round(x.position))}</span></td>
                <td>${x.account.email}${x.profile ? html`<br /><span class="muted">${x.profile.name}</span>` : nothing}${x.api_key ? html`<br /><span class="muted">${x.api_key.name}</span>` : nothing}
                  <br /><span class=${x.account_stream_limit && x.account_streams > x.account_stream_limit ? 'over' : 'muted'}>${msg(str`${x.account_streams} of ${x.account_stream_limit} streams`, { id: 'admin.sessions.of-limit' })}</span></td>
                <td>${x.device.name}<br /><span class="muted">${x.device.type}${x.region ? ` · ${x.region}` : ''}${x.ip ? ` · ${x.ip}` : ''}</span></td>
                <td>${x.quality ?? '—'}${x.bitrate ? html`<br /><span class="muted">${num(x.bitrate / 1000)} kb/s</span>` : nothing}</td>
                <td><reel-badge variant=${x.state === 'playing' ? 'success' : x.state === 'buffering' ? 'warning' : 'neutral'}>${x.state}</reel-badge></td>
                <td>${formatRelativeTime(x.started_at)}</td>
                <td><reel-button size="sm" variant="danger" @click=${() => this.ask(x)}>${msg('Stop', { id: 'admin.sessions.stop' })}<span class="sr-only"> ${x.title.name} · ${x.account.email}</span></reel-button></td>
              </tr>`,
            )}</tbody></table></div>`
          : html`<p class="muted">${msg('Nobody is streaming right now.', { id: 'admin.sessions.none' })}</p>`
      }
    </section>`;
  }

  private renderAccounts() {
    if (!this.accounts.length) return nothing;
    return html`<section class="card" aria-labelledby="per-account">
      <h2 id="per-account">${msg('Streams per account', { id: 'admin.sessions.per-account' })}</h2>
      <div class="scroll" tabindex="0" role="region" aria-label=${msg('Streams per account table', { id: 'admin.sessions.per-account-table' })}><table class="simple">
        <thead><tr><th scope="col">${msg('Account', { id: 'admin.sessions.account' })}</th><th scope="col">${msg('Plan', { id: 'admin.sessions.plan' })}</th><th scope="col" class="num">${msg('Streams', { id: 'admin.sessions.streams' })}</th><th scope="col" class="num">${msg('Limit', { id: 'admin.sessions.limit' })}</th></tr></thead>
        <tbody>${this.accounts.map(
          (a) =>
            html`<tr><td>${a.account.email}</td><td>${a.plan.name}</td><td class="num ${a.over_limit ? 'over' : ''}">${num(a.active_streams)}</td><td class="num">${num(a.limit)}</td></tr>`,
        )}</tbody></table></div>
    </section>`;
  }

  private renderDialog() {
    const t = this.target;
    return html`<reel-dialog size="sm" .open=${!!t} label=${msg('Stop this stream?', { id: 'admin.sessions.confirm' })}
      @reel-dialog-close=${() => {
        this.target = null;
      }}>
      ${
        t
          ? html`<form class="dialog-form" novalidate @submit=${(e: Event) => {
              e.preventDefault();
              void this.terminate();
            }}>
            <p>${msg(str`${t.account.email} is watching ${t.title.name} on ${t.device.name}. The player stops and shows your message.`, { id: 'admin.sessions.confirm.body' })}</p>
            <reel-select name="reason" label=${msg('Reason', { id: 'admin.sessions.reason' })} .value=${this.reason}
              .options=${REASONS.map((r) => ({ value: r.value, label: r.label() }))}
              @reel-change=${(e: CustomEvent<{ value: string }>) => {
                this.reason = e.detail.value as Reason;
              }}></reel-select>
            <reel-text-field name="message" maxlength="200" label=${msg('Message to the viewer (optional)', { id: 'admin.sessions.message' })}
              help-text=${msg('Default: “This stream was stopped by Reel support”', { id: 'admin.sessions.message.help' })}
              .value=${this.message}
              @reel-input=${(e: CustomEvent<{ value: string }>) => {
                this.message = e.detail.value;
              }}></reel-text-field>
          </form>`
          : nothing
      }
      <reel-button slot="footer" @click=${() => {
        this.target = null;
      }}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
      <reel-button slot="footer" variant="danger" class="confirm-stop" ?loading=${this.busy} @click=${() => void this.terminate()}>${msg('Stop stream', { id: 'admin.sessions.stop-stream' })}</reel-button>
    </reel-dialog>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Live sessions', { id: 'admin.group.sessions' })}</h1>
          <p class="lede">${msg('Who is streaming what, where and how well — and stopping a stream when needed.', { id: 'admin.sessions.lede' })}</p>
        </div>
        <div class="actions"><reel-button variant="secondary" ?loading=${this.loading} @click=${() => void this.load()}>${msg('Refresh', { id: 'admin.ops.refresh' })}</reel-button></div>
      </header>
      <p class="error-text" role="alert">${this.problem}</p>
      ${this.summary ? html`${this.renderSummary(this.summary)}${this.renderTable()}${this.renderAccounts()}` : this.problem ? nothing : html`<reel-skeleton></reel-skeleton>`}
      ${this.renderDialog()}`;
  }
}

defineElement('reel-admin-sessions', ReelAdminSessions);
