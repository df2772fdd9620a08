import { msg, str } from '@lit/localize';
import {
  type AdminCostModel,
  type AdminCostReport,
  type AdminStorageItem,
  adminCostAnalyticsModel,
  adminCostAnalyticsReport,
  adminCostAnalyticsSetModel,
  adminCostAnalyticsStorage,
  Permission,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import {
  bytes,
  meter,
  money,
  num,
  opsStyles,
  type RangeState,
  rangeControls,
  rangeDays,
  statTiles,
} from './ops-common.js';

interface ModelDraft {
  currency: string;
  storage: string;
  delivery: string;
  transcode: string;
  regions: string;
}

const draftOf = (m: AdminCostModel): ModelDraft => ({
  currency: m.currency,
  storage: String(m.storage_per_gb_month),
  delivery: String(m.delivery_per_gb),
  transcode: String(m.transcode_per_minute),
  regions: m.delivery_per_gb_by_region.map((r) => `${r.region}=${r.rate}`).join('\n'),
});

/**
 * Cost analytics: storage per asset and rendition, delivered bytes and transcode minutes, priced by
 * a configurable cost model, with a projection for the month.
 *
 * @summary Admin cost analytics.
 */
export class ReelAdminCostAnalytics extends AdminPanel {
  static override styles = [
    panelStyles,
    opsStyles,
    css`
      .bars {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--reel-space-2);
      }
      .bars li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 var(--reel-space-2);
        font-size: var(--reel-font-size-sm);
      }
      .bars .meter {
        grid-column: 1 / -1;
      }
      .projection {
        font-size: var(--reel-font-size-2xl);
        font-weight: var(--reel-font-weight-bold);
        margin: 0 0 var(--reel-space-2);
      }
    `,
  ];

  @state() private range: RangeState = rangeDays(30);
  @state() private report: AdminCostReport | null = null;
  @state() private storage: AdminStorageItem[] = [];
  @state() private model: AdminCostModel | null = null;
  @state() private draft: ModelDraft | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private problem = '';
  @state() private loading = false;
  @state() private saving = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.problem = '';
    try {
      const [report, storage, model] = await Promise.all([
        this.client.call(adminCostAnalyticsReport, { query: { from: this.range.from, to: this.range.to } }),
        this.client.call(adminCostAnalyticsStorage, { query: { limit: 20 } }),
        this.client.call(adminCostAnalyticsModel),
      ]);
      this.report = report;
      this.storage = storage.items;
      this.model = model;
      this.draft ??= draftOf(model);
    } catch (error) {
      this.problem = problemOf(error).message;
    } finally {
      this.loading = false;
    }
  }

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const d = this.draft;
    if (!d || this.saving) return;
    const errors: Record<string, string> = {};
    const rate = (v: string, field: string) => {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < 0)
        errors[field] = msg('Enter a number, 0 or more', { id: 'admin.costs.rate-error' });
      return n;
    };
    const regions: { region: string; rate: number }[] = [];
    for (const line of d.regions
      .split(/[\n,]+/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const m = line.match(/^([A-Za-z]{2})\s*[=:]\s*([\d.]+)$/);
      if (!m) {
        errors.delivery_per_gb_by_region = msg(str`Write each as REGION=rate: “${line}”`, {
          id: 'admin.costs.region-error',
        });
        break;
      }
      regions.push({ region: (m[1] as string).toUpperCase(), rate: Number(m[2]) });
    }
    if (!/^[A-Z]{3}$/.test(d.currency.trim().toUpperCase()))
      errors.currency = msg('A three-letter code: USD, EUR', { id: 'admin.costs.currency-error' });
    const body = {
      currency: d.currency.trim().toUpperCase(),
      storage_per_gb_month: rate(d.storage, 'storage_per_gb_month'),
      delivery_per_gb: rate(d.delivery, 'delivery_per_gb'),
      transcode_per_minute: rate(d.transcode, 'transcode_per_minute'),
      delivery_per_gb_by_region: regions,
    };
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.saving = true;
    try {
      this.model = await this.client.call(adminCostAnalyticsSetModel, { body });
      this.draft = draftOf(this.model);
      this.notify(msg('Cost model saved; the reports use it now', { id: 'admin.costs.saved' }));
      await this.load();
    } catch (error) {
      const p = problemOf(error);
      this.errors = { ...p.fields, form: p.message };
    } finally {
      this.saving = false;
    }
  }

  private field(key: keyof ModelDraft, name: string, label: string, help: string) {
    const d = this.draft as ModelDraft;
    return html`<reel-text-field name=${name} label=${label} help-text=${help} .value=${d[key]} error=${this.errors[name] ?? ''}
      ?readonly=${!this.can(Permission.costsManage)} ?multiline=${key === 'regions'} rows="3" inputmode=${key === 'currency' || key === 'regions' ? 'text' : 'decimal'}
      @reel-input=${(e: CustomEvent<{ value: string }>) => {
        this.draft = { ...(this.draft as ModelDraft), [key]: e.detail.value };
      }}></reel-text-field>`;
  }

  private renderModel() {
    if (!this.draft || !this.model) return nothing;
    const cur = this.draft.currency || 'USD';
    const manage = this.can(Permission.costsManage);
    return html`<section class="card" aria-labelledby="model">
      <h2 id="model">${msg('Cost model', { id: 'admin.costs.model' })}</h2>
      <p class="muted">${msg('Rates in minor units of the currency (cents): 2.3 means 0.023 per unit.', { id: 'admin.costs.model.help' })}
        ${this.model.updated_by ? msg(str`Last changed by ${this.model.updated_by.display_name}.`, { id: 'admin.costs.changed-by' }) : ''}</p>
      <form class="form" novalidate @submit=${(e: Event) => void this.save(e)}>
        <div class="form-row">
          ${this.field('currency', 'currency', msg('Currency', { id: 'admin.costs.currency' }), 'USD, EUR, GBP')}
          ${this.field('storage', 'storage_per_gb_month', msg('Storage per GB-month', { id: 'admin.costs.storage-rate' }), cur)}
          ${this.field('delivery', 'delivery_per_gb', msg('Delivery per GB', { id: 'admin.costs.delivery-rate' }), cur)}
          ${this.field('transcode', 'transcode_per_minute', msg('Transcoding per minute', { id: 'admin.costs.transcode-rate' }), cur)}
        </div>
        ${this.field('regions', 'delivery_per_gb_by_region', msg('Delivery rates by region', { id: 'admin.costs.regions' }), msg('One per line: US=6.5', { id: 'admin.costs.regions.help' }))}
        ${this.errors.form ? html`<p class="error-text" role="alert">${this.errors.form}</p>` : nothing}
        ${
          manage
            ? html`<div class="form-foot"><reel-button variant="primary" class="save-model" ?loading=${this.saving} @click=${() => void this.save()}>${msg('Save cost model', { id: 'admin.costs.save' })}</reel-button></div>`
            : html`<p class="muted">${msg('Changing the model needs the costs.manage permission.', { id: 'admin.costs.readonly' })}</p>`
        }
      </form>
    </section>`;
  }

  private renderReport(r: AdminCostReport) {
    const t = r.totals;
    const p = r.projection;
    const labels = r.series.map((s) => s.date.slice(5));
    const kindMax = Math.max(1, ...r.storage_by_kind.map((k) => k.bytes));
    const regionMax = Math.max(1, ...r.delivery_by_region.map((k) => k.bytes));
    const storageMax = Math.max(1, ...this.storage.map((s) => s.bytes));
    return html`${statTiles([
      { label: msg('Total for the range', { id: 'admin.costs.total' }), value: money(t.total) },
      {
        label: msg('Storage', { id: 'admin.costs.storage' }),
        value: money(t.storage_cost),
        note: bytes(t.storage_bytes),
      },
      {
        label: msg('Delivery', { id: 'admin.costs.delivery' }),
        value: money(t.delivery_cost),
        note: bytes(t.delivered_bytes),
      },
      {
        label: msg('Transcoding', { id: 'admin.costs.transcode' }),
        value: money(t.transcode_cost),
        note: msg(str`${num(t.transcode_minutes, 1)} minutes`, { id: 'admin.costs.minutes' }),
      },
    ])}
      <div class="grid-2">
        <section class="card" aria-labelledby="cost-chart">
          <h2 id="cost-chart">${msg('Cost per day', { id: 'admin.costs.per-day' })}</h2>
          <reel-chart type="bar" label=${msg(str`Cost per day, ${r.currency}`, { id: 'admin.costs.chart.cost' })} .labels=${labels}
            .series=${[{ name: msg('Cost', { id: 'admin.costs.cost' }), values: r.series.map((s) => s.cost.amount / 100) }]}
            .format=${{ style: 'currency' as const, currency: r.currency }} height="200"></reel-chart>
        </section>
        <section class="card" aria-labelledby="delivery-chart">
          <h2 id="delivery-chart">${msg('Delivered per day', { id: 'admin.costs.delivered' })}</h2>
          <reel-chart type="line" label=${msg('Gigabytes delivered per day', { id: 'admin.costs.chart.delivered' })} .labels=${labels}
            .series=${[{ name: 'GB', values: r.series.map((s) => Math.round((s.delivered_bytes / 1024 ** 3) * 1000) / 1000) }]}
            .format=${{ maximumFractionDigits: 3 }} height="200"></reel-chart>
        </section>
      </div>
      <div class="grid-2">
        <section class="card projection-card" aria-labelledby="projection">
          <h2 id="projection">${msg(str`Projection for ${p.month}`, { id: 'admin.costs.projection' })}</h2>
          <p class="projection">${money(p.total)}</p>
          <ul class="bars">
            <li><span>${msg('Storage', { id: 'admin.costs.storage' })}</span><span class="num">${money(p.storage)}</span></li>
            <li><span>${msg('Delivery', { id: 'admin.costs.delivery' })}</span><span class="num">${money(p.delivery)}</span></li>
            <li><span>${msg('Transcoding', { id: 'admin.costs.transcode' })}</span><span class="num">${money(p.transcode)}</span></li>
          </ul>
          <p class="muted">${msg(str`From the first ${p.basis_days} days of the month.`, { id: 'admin.costs.basis' })}</p>
        </section>
        <section class="card" aria-labelledby="by-kind">
          <h2 id="by-kind">${msg('Storage by kind', { id: 'admin.costs.by-kind' })}</h2>
          <ul class="bars">${r.storage_by_kind.map((k) => html`<li><span>${k.kind} · ${bytes(k.bytes)}</span><span class="num">${money(k.cost)}</span>${meter(k.bytes / kindMax)}</li>`)}</ul>
          ${
            r.delivery_by_region.length
              ? html`<h2>${msg('Delivery by region', { id: 'admin.costs.by-region' })}</h2>
                <ul class="bars">${r.delivery_by_region.slice(0, 8).map((k) => html`<li><span>${k.region} · ${bytes(k.bytes)}</span><span class="num">${money(k.cost)}</span>${meter(k.bytes / regionMax)}</li>`)}</ul>`
              : nothing
          }
        </section>
      </div>
      <section class="card" aria-labelledby="largest">
        <h2 id="largest">${msg('Largest assets', { id: 'admin.costs.largest' })}</h2>
        <div class="scroll" tabindex="0" role="region" aria-label=${msg('Largest assets table', { id: 'admin.costs.largest-table' })}><table class="simple storage">
          <thead><tr><th scope="col">${msg('Title', { id: 'admin.titles.col.title' })}</th><th scope="col">${msg('Kind', { id: 'admin.costs.kind' })}</th><th scope="col">${msg('Renditions', { id: 'admin.costs.renditions' })}</th><th scope="col" class="num">${msg('Size', { id: 'admin.video.col.size' })}</th><th scope="col" class="num">${msg('Per month', { id: 'admin.costs.per-month' })}</th></tr></thead>
          <tbody>${this.storage.map(
            (s) =>
              html`<tr><td>${s.title.name}<br /><span class="muted mono">${s.label}</span></td><td>${s.kind}</td><td class="muted">${s.renditions.map((x) => `${x.name} ${bytes(x.bytes)}`).join(' · ')}</td><td class="num">${bytes(s.bytes)}${meter(s.bytes / storageMax)}</td><td class="num">${money(s.monthly_cost)}</td></tr>`,
          )}</tbody></table></div>
      </section>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Costs', { id: 'admin.group.costs' })}</h1>
          <p class="lede">${msg('What storage, delivery and transcoding cost, and where the month is heading.', { id: 'admin.costs.lede' })}</p>
        </div>
      </header>
      ${rangeControls(this.range, this.loading, (range) => {
        this.range = range;
        void this.load();
      })}
      <p class="error-text" role="alert">${this.problem}</p>
      ${this.report ? this.renderReport(this.report) : this.problem ? nothing : html`<reel-skeleton></reel-skeleton>`}
      ${this.renderModel()}`;
  }
}

defineElement('reel-admin-cost-analytics', ReelAdminCostAnalytics);
