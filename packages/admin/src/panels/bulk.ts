import { msg, str } from '@lit/localize';
import {
  type AdminBulkJob,
  adminBulkUploadApply,
  adminBulkUploadDryRun,
  adminBulkUploadGet,
  adminBulkUploadList,
  adminBulkUploadResume,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';

const SAMPLE = `key,type,name,synopsis,year,genres,maturity_level,regions
ext-001,film,Paper Moons,A quiet drama.,2020,drama,7,US;GB`;

/**
 * Bulk upload: a CSV or JSON manifest of titles is checked in a dry run that reports each row's
 * problems (row, field, problem); applying runs the good rows and reports each. A row's `key`
 * makes applying twice change nothing twice; a stopped apply can be resumed.
 *
 * @summary Admin bulk upload: dry run report, apply, resume.
 */
export class ReelAdminBulk extends AdminPanel {
  static override styles = [
    ...AdminPanel.styles,
    css`
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
        align-items: center;
        margin-block-end: var(--reel-space-3);
      }
      tr.bad td {
        background: var(--reel-color-danger-soft);
      }
      .file-pick {
        position: relative;
      }
      .file-pick input {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        opacity: 0;
      }
      .file-pick:focus-within reel-button {
        outline: 2px solid var(--reel-color-focus);
        outline-offset: 2px;
        border-radius: var(--reel-radius-md);
      }
    `,
  ];

  @state() private format: 'csv' | 'json' = 'csv';
  @state() private manifest = '';
  @state() private job: AdminBulkJob | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private history: { id: string; state: string; row_count: number; created_at: string }[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rest')) {
      if (this.rest) void this.openJob(this.rest);
      else {
        this.job = null;
        void this.loadHistory();
      }
    }
  }

  private async loadHistory(): Promise<void> {
    try {
      this.history = (await this.client.call(adminBulkUploadList, { query: { limit: 10 } })).items;
    } catch {
      this.history = [];
    }
  }

  private async openJob(id: string): Promise<void> {
    try {
      this.job = await this.client.call(adminBulkUploadGet, { params: { id } });
    } catch (error) {
      this.error = problemOf(error).message;
    }
  }

  private async readFile(files: FileList | null): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    this.manifest = await file.text();
    this.format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  }

  private async dryRun(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.manifest.trim()) {
      this.error = msg('Paste a manifest or choose a file', { id: 'admin.bulk.need-manifest' });
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.job = await this.client.call(adminBulkUploadDryRun, {
        body: { format: this.format, manifest: this.manifest },
      });
      this.go(`/admin/assets/bulk-upload/${this.job.id}`, true);
    } catch (error) {
      this.error = problemOf(error).message;
    } finally {
      this.busy = false;
    }
  }

  private async apply(resume = false): Promise<void> {
    if (!this.job) return;
    this.busy = true;
    this.error = '';
    try {
      const endpoint = resume ? adminBulkUploadResume : adminBulkUploadApply;
      this.job = await this.client.call(endpoint, { params: { id: this.job.id } });
      const p = this.job.progress;
      this.notify(
        msg(str`${p.created} created, ${p.updated} updated, ${p.unchanged} unchanged, ${p.failed} failed`, {
          id: 'admin.bulk.applied',
        }),
        p.failed ? 'danger' : 'success',
      );
    } catch (error) {
      this.error = problemOf(error).message;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`
      <header class="panel-head">
        <div>
          <h1>${msg('Bulk upload', { id: 'admin.group.bulk' })}</h1>
          <p class="lede">${msg('Add or update many titles from a CSV or JSON manifest. A dry run checks every row first; nothing changes until you apply.', { id: 'admin.bulk.lede' })}</p>
        </div>
        ${this.job ? html`<reel-button @click=${() => this.go('/admin/assets/bulk-upload')}>${msg('New manifest', { id: 'admin.bulk.new' })}</reel-button>` : nothing}
      </header>
      ${this.job ? this.renderJob(this.job) : this.renderForm()}
    `;
  }

  private renderForm() {
    return html`<form class="card form" novalidate @submit=${this.dryRun}>
        <div class="form-row">
          <reel-select
            label=${msg('Format', { id: 'admin.video.col.format' })}
            .value=${this.format}
            .options=${[{ value: 'csv', label: 'CSV' }, { value: 'json', label: 'JSON' }]}
            @reel-change=${(e: CustomEvent<{ value: 'csv' | 'json' }>) => (this.format = e.detail.value)}
          ></reel-select>
          <label class="file-pick">
            <reel-button tabindex="-1" @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click()}><reel-icon slot="start" name="upload"></reel-icon>${msg('Choose a file', { id: 'admin.bulk.file' })}</reel-button>
            <input type="file" accept=".csv,.json,text/csv,application/json" aria-label=${msg('Manifest file', { id: 'admin.bulk.file-label' })} @change=${(e: Event) => void this.readFile((e.target as HTMLInputElement).files)} />
          </label>
        </div>
        <label for="manifest">${msg('Manifest', { id: 'admin.bulk.manifest' })}</label>
        <textarea id="manifest" class="code" spellcheck="false" placeholder=${SAMPLE} .value=${this.manifest} @input=${(e: Event) => (this.manifest = (e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="muted">${msg('Columns: key (your id, makes re-applying safe), type, name, synopsis, year, genres (slugs, ; separated), maturity_level, original_language, regions.', { id: 'admin.bulk.columns' })}</p>
        <p class="error-text" role="alert">${this.error}</p>
        <div class="form-foot"><reel-button type="submit" variant="primary" ?loading=${this.busy}>${msg('Dry run', { id: 'admin.bulk.dry-run' })}</reel-button></div>
      </form>
      ${
        this.history.length
          ? html`<section class="card"><h2>${msg('Earlier manifests', { id: 'admin.bulk.history' })}</h2>
              <table class="simple"><thead><tr><th scope="col">${msg('Run', { id: 'admin.bulk.run' })}</th><th scope="col">${msg('Rows', { id: 'admin.bulk.rows' })}</th><th scope="col">${msg('State', { id: 'admin.titles.col.state' })}</th></tr></thead>
              <tbody>${this.history.map(
                (h) =>
                  html`<tr><td><a href=${`/admin/assets/bulk-upload/${h.id}`} @click=${(e: Event) => {
                    e.preventDefault();
                    this.go(`/admin/assets/bulk-upload/${h.id}`);
                  }}>${new Date(h.created_at).toLocaleString()}</a></td><td>${h.row_count}</td><td>${h.state}</td></tr>`,
              )}</tbody></table></section>`
          : nothing
      }`;
  }

  private renderJob(job: AdminBulkJob) {
    const p = job.progress;
    const canApply = job.state === 'validated' && job.valid_rows > 0;
    const canResume = job.state === 'failed' || job.state === 'paused' || job.state === 'running';
    return html`<section class="card" aria-labelledby="report">
      <h2 id="report">${job.state === 'validated' ? msg('Dry run report', { id: 'admin.bulk.report' }) : msg('Apply report', { id: 'admin.bulk.apply-report' })}</h2>
      <div class="summary" role="status">
        <reel-badge variant="neutral">${msg(str`${job.row_count} rows`, { id: 'admin.bulk.n-rows' })}</reel-badge>
        <reel-badge variant="success">${msg(str`${job.valid_rows} valid`, { id: 'admin.bulk.n-valid' })}</reel-badge>
        ${job.invalid_rows ? html`<reel-badge variant="danger">${msg(str`${job.invalid_rows} with errors`, { id: 'admin.bulk.n-invalid' })}</reel-badge>` : nothing}
        ${job.state !== 'validated' ? html`<reel-badge variant="info">${msg(str`${p.created} created · ${p.updated} updated · ${p.unchanged} unchanged · ${p.failed} failed`, { id: 'admin.bulk.progress' })}</reel-badge>` : nothing}
        <span class="muted">${job.state}</span>
      </div>
      <div class="scroll">
        <table class="simple" aria-label=${msg('Rows', { id: 'admin.bulk.rows' })}>
          <thead><tr>
            <th scope="col">${msg('Row', { id: 'admin.bulk.row' })}</th>
            <th scope="col">${msg('Key', { id: 'admin.bulk.key' })}</th>
            <th scope="col">${msg('Name', { id: 'admin.titles.f.name' })}</th>
            <th scope="col">${msg('Action', { id: 'admin.bulk.action' })}</th>
            <th scope="col">${msg('Problems (field: problem)', { id: 'admin.bulk.problems' })}</th>
            <th scope="col">${msg('Result', { id: 'admin.bulk.result' })}</th>
          </tr></thead>
          <tbody>
            ${job.rows.map(
              (r) => html`<tr class=${r.problems.some((x) => x.severity === 'error') ? 'bad' : ''} data-row=${r.row}>
                <td>${r.row}</td>
                <td class="mono">${r.key ?? '—'}</td>
                <td>${r.name ?? '—'}</td>
                <td>${r.action}</td>
                <td>${r.problems.length ? html`<ul class="problems">${r.problems.map((x) => html`<li data-field=${x.field}><strong>${x.field}</strong>: ${x.message}${x.severity === 'warning' ? html` <span class="muted">(${msg('warning', { id: 'admin.bulk.warning' })})</span>` : nothing}</li>`)}</ul>` : '—'}</td>
                <td>${
                  r.result
                    ? html`${r.result.status}${
                        r.result.target_id
                          ? html` · <a href=${`/admin/titles/${r.result.target_id}`} @click=${(e: Event) => {
                              e.preventDefault();
                              this.go(`/admin/titles/${r.result?.target_id}`);
                            }}>${msg('open', { id: 'admin.bulk.open' })}</a>`
                          : nothing
                      }`
                    : '—'
                }</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="error-text" role="alert">${this.error}</p>
      <div class="form-foot">
        ${canApply ? html`<reel-button variant="primary" ?loading=${this.busy} @click=${() => void this.apply()}>${msg(str`Apply ${job.valid_rows} valid rows`, { id: 'admin.bulk.apply' })}</reel-button>` : nothing}
        ${canResume ? html`<reel-button variant="primary" ?loading=${this.busy} @click=${() => void this.apply(true)}>${msg('Resume', { id: 'admin.video.resume' })}</reel-button>` : nothing}
        ${job.state === 'completed' ? html`<reel-button ?loading=${this.busy} @click=${() => void this.apply()}>${msg('Apply again', { id: 'admin.bulk.apply-again' })}</reel-button>` : nothing}
      </div>
    </section>`;
  }
}

defineElement('reel-admin-bulk', ReelAdminBulk);
