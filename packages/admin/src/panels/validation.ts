import { msg } from '@lit/localize';
import { type AdminValidationReport, adminValidationList, adminValidationRerun } from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import type { TableColumn, TableQuery } from '../reel-admin-table.js';
import '../define-table.js';

const VARIANT: Record<string, 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info'> = {
  passed: 'success',
  warning: 'warning',
  failed: 'danger',
  pending: 'neutral',
  skipped: 'neutral',
};

/**
 * The validation report of each source: what was checked, what failed and why; run it again.
 *
 * @summary Admin validation reports.
 */
export class ReelAdminValidation extends AdminPanel {
  @state() private open: AdminValidationReport | null = null;

  private readonly columns: TableColumn<AdminValidationReport>[] = [
    { id: 'name', label: msg('Source', { id: 'admin.titles.col.source' }), fixed: true, render: (r) => r.source },
    { id: 'title', label: msg('Title', { id: 'admin.titles.col.title' }), render: (r) => r.title.name },
    {
      id: 'status',
      label: msg('State', { id: 'admin.titles.col.state' }),
      render: (r) => html`<reel-badge variant=${VARIANT[r.status] ?? 'neutral'}>${r.status}</reel-badge>`,
      text: (r) => r.status,
    },
    { id: 'failed', label: msg('Failed', { id: 'admin.source.failed' }), render: (r) => r.failed_count },
    { id: 'warnings', label: msg('Warnings', { id: 'admin.validation.warnings' }), render: (r) => r.warning_count },
    {
      id: 'checked',
      label: msg('Checked', { id: 'admin.validation.checked' }),
      render: (r) => (r.checked_at ? new Date(r.checked_at).toLocaleString() : '—'),
    },
  ];

  private load = (q: TableQuery) =>
    this.client.call(adminValidationList, {
      query: { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}), ...(q.filters as Record<string, never>) },
    });

  private async rerun(id: string): Promise<void> {
    try {
      this.open = await this.client.call(adminValidationRerun, { params: { asset_id: id } });
      this.notify(msg('Validation queued', { id: 'admin.validation.queued' }));
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  protected override render() {
    const r = this.open;
    return html`<header class="panel-head"><div><h1>${msg('Validation', { id: 'admin.group.validation' })}</h1><p class="lede">${msg('What was checked on each source, what failed and why.', { id: 'admin.validation.lede' })}</p></div></header>
      ${
        r
          ? html`<section class="card" aria-labelledby="report">
              <div class="panel-head" style="margin-block-end: var(--reel-space-3)"><h2 id="report">${r.source} · ${r.title.name}</h2>
                <div class="actions"><reel-button size="sm" @click=${() => void this.rerun(r.asset_id)}>${msg('Check again', { id: 'admin.validation.rerun' })}</reel-button><reel-icon-button name="close" label=${msg('Close', { id: 'admin.crud.close' })} @click=${() => (this.open = null)}></reel-icon-button></div></div>
              <table class="simple"><thead><tr><th scope="col">${msg('Check', { id: 'admin.validation.check' })}</th><th scope="col">${msg('State', { id: 'admin.titles.col.state' })}</th><th scope="col">${msg('Expected', { id: 'admin.validation.expected' })}</th><th scope="col">${msg('Found', { id: 'admin.validation.actual' })}</th><th scope="col">${msg('Why', { id: 'admin.validation.why' })}</th></tr></thead>
              <tbody>${r.checks.map((c) => html`<tr><td>${c.name}</td><td><reel-badge variant=${VARIANT[c.status] ?? 'neutral'}>${c.status}</reel-badge></td><td>${c.expected ?? '—'}</td><td>${c.actual ?? '—'}</td><td>${c.message ?? ''}</td></tr>`)}</tbody></table>
              ${r.checks.length ? nothing : html`<p class="muted">${msg('Not checked yet.', { id: 'admin.validation.pending' })}</p>`}
            </section>`
          : nothing
      }
      <reel-admin-table
        label=${msg('Validation reports', { id: 'admin.validation.reports' })}
        storage-key="validation"
        no-search
        user-id=${this.api.session?.user?.id ?? ''}
        .columns=${this.columns}
        .rowKey=${(x: AdminValidationReport) => x.asset_id}
        .filters=${[{ id: 'status', label: msg('State', { id: 'admin.titles.col.state' }), options: ['failed', 'warning', 'pending', 'passed'].map((s) => ({ value: s, label: s })) }]}
        .load=${this.load}
        @reel-admin-open=${(e: CustomEvent<{ row: AdminValidationReport }>) => (this.open = e.detail.row)}
      ></reel-admin-table>`;
  }
}

defineElement('reel-admin-validation', ReelAdminValidation);
