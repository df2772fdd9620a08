import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { type AdminAuditEntry, type AdminDashboard, adminDashboardGet } from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { AdminPanel } from '../panel.js';

const fmt = (n: number) => new Intl.NumberFormat().format(n);

/**
 * The admin's landing page: counts of titles, episodes and media by state, the pipeline's running
 * and failed jobs, and the latest audited actions. Sections the caller may not see are left out.
 *
 * @summary Admin dashboard: counts, pipeline jobs and recent activity.
 */
export class ReelAdminDashboard extends AdminPanel {
  static override styles = [
    ...AdminPanel.styles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
        gap: var(--reel-space-3);
        margin-block-end: var(--reel-space-6);
      }
      .tile {
        display: grid;
        gap: var(--reel-space-1);
        padding: var(--reel-space-4) var(--reel-space-5);
        border-radius: var(--reel-radius-xl);
        background: var(--reel-color-surface);
        border: 1px solid var(--reel-color-border);
        text-decoration: none;
        color: inherit;
      }
      a.tile:hover {
        background: var(--reel-color-surface-hover);
      }
      a.tile:focus-visible {
        outline: 2px solid var(--reel-color-focus);
        outline-offset: 2px;
      }
      .tile .value {
        font-size: var(--reel-font-size-3xl);
        font-weight: var(--reel-font-weight-bold);
        font-variant-numeric: tabular-nums;
      }
      .tile .name {
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-sm);
      }
      .tile .detail {
        color: var(--reel-color-text-subtle);
        font-size: var(--reel-font-size-xs);
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: var(--reel-space-4);
      }
      @media (max-width: 64rem) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      ol.activity {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
      }
      ol.activity li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--reel-space-1) var(--reel-space-3);
        padding: var(--reel-space-3) 0;
        border-block-end: 1px solid var(--reel-color-border);
        font-size: var(--reel-font-size-sm);
      }
      ol.activity li:last-child {
        border-block-end: 0;
      }
      .what strong {
        font-weight: var(--reel-font-weight-semibold);
      }
      .when {
        color: var(--reel-color-text-subtle);
        font-size: var(--reel-font-size-xs);
        white-space: nowrap;
      }
      .diff {
        grid-column: 1 / -1;
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-xs);
        overflow-wrap: anywhere;
      }
      .job {
        display: grid;
        gap: var(--reel-space-2);
        padding-block: var(--reel-space-3);
        border-block-end: 1px solid var(--reel-color-border);
      }
      .job:last-child {
        border-block-end: 0;
      }
      .job-head {
        display: flex;
        justify-content: space-between;
        gap: var(--reel-space-2);
        font-size: var(--reel-font-size-sm);
      }
    `,
  ];

  private readonly data = new Task(this, {
    task: async ([client], { signal }) => client.call(adminDashboardGet, { signal }),
    args: () => [this.client] as const,
  });
  private timer = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Jobs move on their own: refresh while the page is open.
    this.timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void this.data.run();
    }, 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override render() {
    return html`
      <header class="panel-head">
        <div>
          <h1>${msg('Dashboard', { id: 'admin.dashboard.title' })}</h1>
          <p class="lede">${msg('The catalog, the media pipeline and what staff changed lately.', { id: 'admin.dashboard.lede' })}</p>
        </div>
        <div class="actions">
          ${this.can('catalog.manage') ? html`<reel-button variant="primary" href="/admin/titles/new"><reel-icon slot="start" name="plus"></reel-icon>${msg('New title', { id: 'admin.dashboard.new-title' })}</reel-button>` : nothing}
          ${this.can('assets.manage') ? html`<reel-button href="/admin/assets/video"><reel-icon slot="start" name="upload"></reel-icon>${msg('Upload video', { id: 'admin.dashboard.upload' })}</reel-button>` : nothing}
        </div>
      </header>
      ${this.renderTask(this.data, { complete: (d) => this.renderData(d) })}
    `;
  }

  private renderData(d: AdminDashboard) {
    const c = d.counts;
    const tile = (href: string | null, value: number, name: string, detail = '') => {
      const body = html`<span class="value">${fmt(value)}</span><span class="name">${name}</span>${detail ? html`<span class="detail">${detail}</span>` : nothing}`;
      return href ? html`<a class="tile" href=${href}>${body}</a>` : html`<div class="tile">${body}</div>`;
    };
    return html`
      <section class="tiles" aria-label=${msg('Counts', { id: 'admin.dashboard.counts' })}>
        ${c.titles ? tile('/admin/titles', c.titles.total, msg('Titles', { id: 'admin.dashboard.titles' }), msg(str`${c.titles.published} published · ${c.titles.draft} drafts · ${c.titles.scheduled} scheduled`, { id: 'admin.dashboard.titles.detail' })) : nothing}
        ${c.episodes !== null ? tile('/admin/series', c.episodes, msg('Episodes', { id: 'admin.dashboard.episodes' })) : nothing}
        ${c.assets ? tile('/admin/assets/video', c.assets.ready, msg('Videos ready', { id: 'admin.dashboard.ready' }), msg(str`${c.assets.processing} processing · ${c.assets.uploading} uploading`, { id: 'admin.dashboard.assets.detail' })) : nothing}
        ${c.assets ? tile('/admin/assets/validation', c.assets.failed, msg('Failed sources', { id: 'admin.dashboard.failed' })) : nothing}
        ${c.staff ? tile(null, c.staff.active, msg('Staff', { id: 'admin.dashboard.staff' })) : nothing}
      </section>
      <div class="columns">
        <section class="card" aria-labelledby="activity">
          <h2 id="activity">${msg('Recent activity', { id: 'admin.dashboard.activity' })}</h2>
          ${d.recent_activity.length ? html`<ol class="activity">${d.recent_activity.map((a) => this.renderEntry(a))}</ol>` : html`<p class="muted">${msg('No staff actions yet.', { id: 'admin.dashboard.no-activity' })}</p>`}
        </section>
        ${
          d.jobs
            ? html`<section class="card" aria-labelledby="jobs">
                <h2 id="jobs">${msg('Pipeline', { id: 'admin.dashboard.jobs' })}</h2>
                ${
                  d.jobs.length
                    ? d.jobs.map(
                        (j) => html`<div class="job">
                          <div class="job-head"><strong>${j.label}</strong><reel-badge variant=${j.state === 'failed' ? 'danger' : j.state === 'succeeded' ? 'success' : 'info'}>${j.stage ?? j.state}</reel-badge></div>
                          ${j.state === 'failed' ? html`<p class="error-text">${j.error?.message ?? ''}</p>` : html`<reel-progress-bar size="sm" .value=${Math.round(j.progress * 100)} label=${j.label}></reel-progress-bar>`}
                        </div>`,
                      )
                    : html`<p class="muted">${msg('Nothing running, nothing failed.', { id: 'admin.dashboard.no-jobs' })}</p>`
                }
              </section>`
            : nothing
        }
      </div>
    `;
  }

  private renderEntry(a: AdminAuditEntry) {
    const changed = a.after ? Object.keys(a.after) : [];
    return html`<li>
      <span class="what"><strong>${a.actor?.display_name ?? msg('System', { id: 'admin.dashboard.system' })}</strong> · <span class="mono">${a.action}</span> · ${a.target.label ?? a.target.id ?? ''}</span>
      <time class="when" datetime=${a.at}>${new Date(a.at).toLocaleString()}</time>
      ${changed.length && a.before ? html`<span class="diff">${msg(str`Changed ${changed.slice(0, 5).join(', ')}`, { id: 'admin.dashboard.changed' })}</span>` : nothing}
    </li>`;
  }
}

defineElement('reel-admin-dashboard', ReelAdminDashboard);
