import { msg, str } from '@lit/localize';
import { type AdminAnalyticsReport, adminAnalyticsExport, adminAnalyticsReport } from '@reel/contracts';
import { defineElement, formatDate } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import { meter, ms, num, opsStyles, pct, type RangeState, rangeControls, rangeDays, statTiles } from './ops-common.js';

type Dataset = 'series' | 'top_titles' | 'by_device' | 'by_region' | 'by_quality';

const hours = (s: number) => num(s / 3600, s < 36_000 ? 1 : 0);

/** "+12 %" against the previous range of the same length. */
function delta(now: number, before: number): string {
  if (!before) return now ? msg('new in this range', { id: 'admin.analytics.new' }) : '—';
  const d = (now - before) / before;
  return msg(str`${d >= 0 ? '+' : ''}${pct(d, 0)} on the previous range`, { id: 'admin.analytics.delta' });
}

/**
 * Viewing analytics: plays, watch time, completion, top titles and quality of experience (startup
 * time, rebuffer ratio, errors per thousand plays, bitrate) over a date range, with charts and
 * CSV export.
 *
 * @summary Admin analytics.
 */
export class ReelAdminAnalytics extends AdminPanel {
  static override styles = [
    panelStyles,
    opsStyles,
    css`
      .quality {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--reel-space-2);
      }
      .quality li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        font-size: var(--reel-font-size-sm);
      }
      .quality .meter {
        grid-column: 1 / -1;
      }
    `,
  ];

  @state() private range: RangeState = rangeDays(30);
  @state() private report: AdminAnalyticsReport | null = null;
  @state() private problem = '';
  @state() private loading = false;
  @state() private exportSet: Dataset = 'top_titles';
  @state() private exporting = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.problem = '';
    try {
      this.report = await this.client.call(adminAnalyticsReport, {
        query: { from: this.range.from, to: this.range.to },
      });
    } catch (error) {
      this.problem = problemOf(error).message;
    } finally {
      this.loading = false;
    }
  }

  private async download(): Promise<void> {
    this.exporting = true;
    try {
      const file = await this.client.call(adminAnalyticsExport, {
        query: { from: this.range.from, to: this.range.to, dataset: this.exportSet },
      });
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? `reel-${this.exportSet}.csv`;
      this.renderRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    } finally {
      this.exporting = false;
    }
  }

  private tick(at: string): string {
    const g = this.report?.granularity;
    return g === 'hour' ? formatDate(at, { hour: 'numeric' }) : formatDate(at, { month: 'short', day: 'numeric' });
  }

  private renderReport(r: AdminAnalyticsReport) {
    const t = r.totals;
    const q = r.qoe;
    const labels = r.series.map((s) => this.tick(s.bucket_start));
    const most = Math.max(1, ...r.top_titles.map((x) => x.plays));
    const na = '—';
    return html`${statTiles([
      {
        label: msg('Plays', { id: 'admin.analytics.plays' }),
        value: num(t.plays),
        note: delta(t.plays, t.previous.plays),
      },
      {
        label: msg('Viewers', { id: 'admin.analytics.viewers' }),
        value: num(t.unique_viewers),
        note: delta(t.unique_viewers, t.previous.unique_viewers),
      },
      {
        label: msg('Hours watched', { id: 'admin.analytics.hours' }),
        value: hours(t.watch_time_seconds),
        note: delta(t.watch_time_seconds, t.previous.watch_time_seconds),
      },
      {
        label: msg('Completion', { id: 'admin.analytics.completion' }),
        value: t.completion_rate === null ? na : pct(t.completion_rate, 0),
      },
    ])}
      <section class="card" aria-labelledby="qoe">
        <h2 id="qoe">${msg('Quality of experience', { id: 'admin.analytics.qoe' })}</h2>
        ${statTiles([
          {
            label: msg('Startup time p50', { id: 'admin.analytics.startup50' }),
            value: q.startup_time_p50 === null ? na : ms(q.startup_time_p50 * 1000),
            note:
              q.startup_time_p95 === null
                ? undefined
                : msg(str`p95 ${ms(q.startup_time_p95 * 1000)}`, { id: 'admin.analytics.startup95' }),
            tone:
              q.startup_time_p50 === null
                ? undefined
                : q.startup_time_p50 > 4
                  ? 'bad'
                  : q.startup_time_p50 > 2
                    ? 'warn'
                    : 'good',
          },
          {
            label: msg('Rebuffer ratio', { id: 'admin.analytics.rebuffer' }),
            value: q.rebuffer_ratio === null ? na : pct(q.rebuffer_ratio, 2),
            tone:
              q.rebuffer_ratio === null
                ? undefined
                : q.rebuffer_ratio > 0.02
                  ? 'bad'
                  : q.rebuffer_ratio > 0.005
                    ? 'warn'
                    : 'good',
          },
          {
            label: msg('Errors per 1,000 plays', { id: 'admin.analytics.errors' }),
            value: q.errors_per_thousand_plays === null ? na : num(q.errors_per_thousand_plays, 1),
            tone:
              q.errors_per_thousand_plays === null
                ? undefined
                : q.errors_per_thousand_plays > 10
                  ? 'bad'
                  : q.errors_per_thousand_plays > 2
                    ? 'warn'
                    : 'good',
          },
          {
            label: msg('Average bitrate', { id: 'admin.analytics.bitrate' }),
            value: q.average_bitrate === null ? na : `${num(q.average_bitrate / 1_000_000, 2)} Mb/s`,
          },
        ])}
      </section>
      <div class="grid-2">
        <section class="card" aria-labelledby="plays-chart">
          <h2 id="plays-chart">${msg('Plays and viewers', { id: 'admin.analytics.plays-chart' })}</h2>
          <reel-chart type="bar" label=${msg('Plays and viewers per period', { id: 'admin.analytics.chart.plays' })} .labels=${labels}
            .series=${[
              { name: msg('Plays', { id: 'admin.analytics.plays' }), values: r.series.map((s) => s.plays) },
              {
                name: msg('Viewers', { id: 'admin.analytics.viewers' }),
                values: r.series.map((s) => s.unique_viewers),
              },
            ]} height="200"></reel-chart>
        </section>
        <section class="card" aria-labelledby="watch-chart">
          <h2 id="watch-chart">${msg('Hours watched', { id: 'admin.analytics.hours' })}</h2>
          <reel-chart type="line" label=${msg('Hours watched per period', { id: 'admin.analytics.chart.hours' })} .labels=${labels}
            .series=${[{ name: msg('Hours', { id: 'admin.analytics.hours-short' }), values: r.series.map((s) => Math.round((s.watch_time_seconds / 3600) * 10) / 10) }]}
            .format=${{ maximumFractionDigits: 1 }} height="200"></reel-chart>
        </section>
        <section class="card" aria-labelledby="startup-chart">
          <h2 id="startup-chart">${msg('Startup time', { id: 'admin.analytics.startup' })}</h2>
          <reel-chart type="line" label=${msg('Startup time p50 and p95 per period, seconds', { id: 'admin.analytics.chart.startup' })} .labels=${labels}
            .series=${[
              { name: 'p50', values: r.series.map((s) => s.startup_time_p50 ?? 0) },
              { name: 'p95', values: r.series.map((s) => s.startup_time_p95 ?? 0) },
            ]} .format=${{ maximumFractionDigits: 2 }} height="200"></reel-chart>
        </section>
        <section class="card" aria-labelledby="rebuffer-chart">
          <h2 id="rebuffer-chart">${msg('Rebuffering', { id: 'admin.analytics.rebuffering' })}</h2>
          <reel-chart type="line" label=${msg('Rebuffer ratio per period', { id: 'admin.analytics.chart.rebuffer' })} .labels=${labels}
            .series=${[{ name: msg('Rebuffer ratio', { id: 'admin.analytics.rebuffer' }), values: r.series.map((s) => s.rebuffer_ratio ?? 0) }]}
            .format=${{ style: 'percent' as const, maximumFractionDigits: 2 }} height="200"></reel-chart>
        </section>
      </div>
      <section class="card" aria-labelledby="top-titles">
        <h2 id="top-titles">${msg('Top titles', { id: 'admin.analytics.top' })}</h2>
        ${
          r.top_titles.length
            ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Top titles table', { id: 'admin.analytics.top-table' })}><table class="simple top-titles">
              <thead><tr><th scope="col" class="num">#</th><th scope="col">${msg('Title', { id: 'admin.titles.col.title' })}</th><th scope="col" class="num">${msg('Plays', { id: 'admin.analytics.plays' })}</th><th scope="col" class="num">${msg('Hours watched', { id: 'admin.analytics.hours' })}</th><th scope="col" class="num">${msg('Completion', { id: 'admin.analytics.completion' })}</th></tr></thead>
              <tbody>${r.top_titles.map(
                (x) =>
                  html`<tr><td class="num">${x.rank}</td><td>${x.title.name}<br /><span class="muted">${x.title.type}</span></td><td class="num">${num(x.plays)}${meter(x.plays / most)}</td><td class="num">${hours(x.watch_time_seconds)}</td><td class="num">${x.completion_rate === null ? na : pct(x.completion_rate, 0)}</td></tr>`,
              )}</tbody></table></div>`
            : html`<p class="muted">${msg('No plays in this range.', { id: 'admin.analytics.none' })}</p>`
        }
      </section>
      <div class="grid-2">
        <section class="card" aria-labelledby="by-device">
          <h2 id="by-device">${msg('By device', { id: 'admin.sessions.by-device' })}</h2>
          ${
            r.by_device.length
              ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('By device table', { id: 'admin.analytics.device-table' })}><table class="simple">
                <thead><tr><th scope="col">${msg('Device', { id: 'admin.sessions.device' })}</th><th scope="col" class="num">${msg('Plays', { id: 'admin.analytics.plays' })}</th><th scope="col" class="num">${msg('Startup p50', { id: 'admin.analytics.startup-short' })}</th><th scope="col" class="num">${msg('Rebuffer', { id: 'admin.analytics.rebuffer-short' })}</th><th scope="col" class="num">${msg('Errors/1k', { id: 'admin.analytics.errors-short' })}</th></tr></thead>
                <tbody>${r.by_device.map(
                  (d) =>
                    html`<tr><td>${d.device_type}</td><td class="num">${num(d.plays)}</td><td class="num">${d.startup_time_p50 === null ? na : ms(d.startup_time_p50 * 1000)}</td><td class="num">${d.rebuffer_ratio === null ? na : pct(d.rebuffer_ratio, 2)}</td><td class="num">${d.errors_per_thousand_plays === null ? na : num(d.errors_per_thousand_plays, 1)}</td></tr>`,
                )}</tbody></table></div>`
              : html`<p class="muted">—</p>`
          }
        </section>
        <section class="card" aria-labelledby="by-quality">
          <h2 id="by-quality">${msg('Watch time by quality', { id: 'admin.analytics.by-quality' })}</h2>
          ${
            r.by_quality.length
              ? html`<ul class="quality">${r.by_quality.map((x) => html`<li><span>${x.quality}</span><span class="num">${pct(x.share, 0)}</span>${meter(x.share)}</li>`)}</ul>`
              : html`<p class="muted">—</p>`
          }
          ${
            r.by_region.length
              ? html`<h2>${msg('By region', { id: 'admin.sessions.by-region' })}</h2><ul class="quality">${r.by_region.slice(0, 8).map((x) => html`<li><span>${x.region}</span><span class="num">${num(x.plays)}</span>${meter(x.plays / Math.max(1, r.by_region[0]?.plays ?? 1))}</li>`)}</ul>`
              : nothing
          }
        </section>
      </div>
      <section class="card" aria-labelledby="export">
        <h2 id="export">${msg('Export', { id: 'admin.analytics.export' })}</h2>
        <div class="toolbar">
          <reel-select name="dataset" label=${msg('Dataset', { id: 'admin.analytics.dataset' })} .value=${this.exportSet}
            .options=${[
              { value: 'series', label: msg('Over time', { id: 'admin.analytics.ds.series' }) },
              { value: 'top_titles', label: msg('Top titles', { id: 'admin.analytics.top' }) },
              { value: 'by_device', label: msg('By device', { id: 'admin.sessions.by-device' }) },
              { value: 'by_region', label: msg('By region', { id: 'admin.sessions.by-region' }) },
              { value: 'by_quality', label: msg('By quality', { id: 'admin.sessions.by-quality' }) },
            ]}
            @reel-change=${(e: CustomEvent<{ value: string }>) => {
              this.exportSet = e.detail.value as Dataset;
            }}></reel-select>
          <reel-button variant="secondary" class="download" ?loading=${this.exporting} @click=${() => void this.download()}>${msg('Download CSV', { id: 'admin.analytics.download' })}</reel-button>
        </div>
      </section>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Analytics', { id: 'admin.group.analytics' })}</h1>
          <p class="lede">${msg('What people watch and how well it plays, from the players’ own measurements.', { id: 'admin.analytics.lede' })}</p>
        </div>
      </header>
      ${rangeControls(this.range, this.loading, (range) => {
        this.range = range;
        void this.load();
      })}
      <p class="error-text" role="alert">${this.problem}</p>
      ${this.report ? this.renderReport(this.report) : this.problem ? nothing : html`<reel-skeleton></reel-skeleton>`}`;
  }
}

defineElement('reel-admin-analytics', ReelAdminAnalytics);
