import { msg, str } from '@lit/localize';
import {
  type ClientErrorGroup,
  type ObservabilityWindow,
  opsClientErrors,
  opsRouteStats,
  opsWebVitals,
  type RouteStatsReport,
  type WebVitalsReport,
} from '@reel/contracts';
import { defineElement, formatDate, formatRelativeTime } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import { meter, ms, num, opsStyles, pct, statTiles } from './ops-common.js';

const WINDOWS: ObservabilityWindow[] = ['5m', '15m', '1h', '6h', '24h', '7d'];

const windowLabel = (w: ObservabilityWindow) =>
  ({
    '5m': msg('Last 5 minutes', { id: 'admin.ops.window.5m' }),
    '15m': msg('Last 15 minutes', { id: 'admin.ops.window.15m' }),
    '1h': msg('Last hour', { id: 'admin.ops.window.1h' }),
    '6h': msg('Last 6 hours', { id: 'admin.ops.window.6h' }),
    '24h': msg('Last 24 hours', { id: 'admin.ops.window.24h' }),
    '7d': msg('Last 7 days', { id: 'admin.ops.window.7d' }),
  })[w];

const vitalValue = (name: string, v: number | null) => (v === null ? '—' : name === 'CLS' ? num(v, 3) : ms(v));

/**
 * Observability (§30): request rates, error rates and latency percentiles per route, client errors
 * the elements reported, and web vitals — over a chosen window, with charts.
 *
 * @summary Admin observability.
 */
export class ReelAdminObservability extends AdminPanel {
  static override styles = [panelStyles, opsStyles];

  @state() private window: ObservabilityWindow = '1h';
  @state() private routes: RouteStatsReport | null = null;
  @state() private errors: ClientErrorGroup[] = [];
  @state() private vitals: WebVitalsReport | null = null;
  @state() private problem = '';
  @state() private loading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reads the three reports for the window (again). */
  async load(): Promise<void> {
    this.loading = true;
    this.problem = '';
    const window = this.window;
    try {
      const [routes, errors, vitals] = await Promise.all([
        this.client.call(opsRouteStats, { query: { window } }),
        this.client.call(opsClientErrors, { query: { window, limit: 50 } }),
        this.client.call(opsWebVitals, { query: { window } }),
      ]);
      if (window !== this.window) return;
      this.routes = routes;
      this.errors = errors.items;
      this.vitals = vitals;
    } catch (error) {
      this.problem = problemOf(error).message;
    } finally {
      this.loading = false;
    }
  }

  private tick(at: string): string {
    const long = this.window === '24h' || this.window === '7d';
    return formatDate(
      at,
      long ? { month: 'short', day: 'numeric', hour: 'numeric' } : { hour: 'numeric', minute: '2-digit' },
    );
  }

  private renderRoutes(r: RouteStatsReport) {
    const labels = r.timeline.map((b) => this.tick(b.at));
    const top = r.items.slice(0, 25);
    const most = Math.max(1, ...top.map((s) => s.requests));
    const t = r.totals;
    return html`${statTiles([
      {
        label: msg('Requests', { id: 'admin.ops.requests' }),
        value: num(t.requests),
        note: msg(str`${num(t.rate, 2)} per second`, { id: 'admin.ops.per-second' }),
      },
      {
        label: msg('Server errors', { id: 'admin.ops.errors' }),
        value: num(t.errors),
        note: pct(t.error_rate, 2),
        tone: t.error_rate > 0.01 ? 'bad' : t.errors ? 'warn' : 'good',
      },
      { label: msg('Latency p50', { id: 'admin.ops.p50' }), value: ms(t.latency_ms.p50) },
      {
        label: msg('Latency p95', { id: 'admin.ops.p95' }),
        value: ms(t.latency_ms.p95),
        tone: t.latency_ms.p95 > 500 ? 'warn' : undefined,
      },
      { label: msg('Latency p99', { id: 'admin.ops.p99' }), value: ms(t.latency_ms.p99) },
    ])}
      <div class="grid-2">
        <section class="card" aria-labelledby="traffic">
          <h2 id="traffic">${msg('Traffic', { id: 'admin.ops.traffic' })}</h2>
          <reel-chart type="bar" label=${msg('Requests and server errors over the window', { id: 'admin.ops.chart.traffic' })} .labels=${labels} .series=${[
            { name: msg('Requests', { id: 'admin.ops.requests' }), values: r.timeline.map((b) => b.requests) },
            { name: msg('Server errors', { id: 'admin.ops.errors' }), values: r.timeline.map((b) => b.errors) },
          ]} height="200"></reel-chart>
        </section>
        <section class="card" aria-labelledby="latency">
          <h2 id="latency">${msg('Latency', { id: 'admin.ops.latency' })}</h2>
          <reel-chart type="line" label=${msg('Latency percentiles over the window, milliseconds', { id: 'admin.ops.chart.latency' })} .labels=${labels} .series=${[
            { name: 'p50', values: r.timeline.map((b) => b.latency_ms.p50) },
            { name: 'p95', values: r.timeline.map((b) => b.latency_ms.p95) },
            { name: 'p99', values: r.timeline.map((b) => b.latency_ms.p99) },
          ]} .format=${{ maximumFractionDigits: 1 }} height="200"></reel-chart>
        </section>
      </div>
      <section class="card" aria-labelledby="routes">
        <h2 id="routes">${msg('Routes', { id: 'admin.ops.routes' })}</h2>
        ${
          top.length
            ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Routes table', { id: 'admin.ops.routes-table' })}><table class="simple routes">
              <thead><tr><th scope="col">${msg('Route', { id: 'admin.ops.col.route' })}</th><th scope="col" class="num">${msg('Requests', { id: 'admin.ops.requests' })}</th><th scope="col" class="num">${msg('Per second', { id: 'admin.ops.col.rate' })}</th><th scope="col" class="num">${msg('Errors', { id: 'admin.ops.col.errors' })}</th><th scope="col" class="num">${msg('Error rate', { id: 'admin.ops.col.error-rate' })}</th><th scope="col" class="num">p50</th><th scope="col" class="num">p95</th><th scope="col" class="num">p99</th></tr></thead>
              <tbody>${top.map(
                (s) => html`<tr>
                  <td><span class="mono">${s.method} ${s.route}</span>${s.operation ? html`<br /><span class="muted">${s.operation}</span>` : nothing}</td>
                  <td class="num">${num(s.requests)}${meter(s.requests / most)}</td>
                  <td class="num">${num(s.rate, 3)}</td>
                  <td class="num">${num(s.errors)}<span class="muted"> / ${num(s.client_errors)} 4xx</span></td>
                  <td class="num">${pct(s.error_rate, 2)}</td>
                  <td class="num">${ms(s.latency_ms.p50)}</td>
                  <td class="num">${ms(s.latency_ms.p95)}</td>
                  <td class="num">${ms(s.latency_ms.p99)}</td>
                </tr>`,
              )}</tbody></table></div>`
            : html`<p class="muted">${msg('No requests in this window.', { id: 'admin.ops.no-requests' })}</p>`
        }
      </section>`;
  }

  private renderErrors() {
    return html`<section class="card client-errors" aria-labelledby="client-errors">
      <h2 id="client-errors">${msg('Client errors', { id: 'admin.ops.client-errors' })}</h2>
      ${
        this.errors.length
          ? html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Client errors table', { id: 'admin.ops.client-errors-table' })}><table class="simple">
            <thead><tr><th scope="col">${msg('Error', { id: 'admin.ops.col.error' })}</th><th scope="col">${msg('Element', { id: 'admin.ops.col.element' })}</th><th scope="col" class="num">${msg('Count', { id: 'admin.ops.col.count' })}</th><th scope="col" class="num">${msg('Users', { id: 'admin.ops.col.users' })}</th><th scope="col">${msg('Last seen', { id: 'admin.ops.col.last-seen' })}</th></tr></thead>
            <tbody>${this.errors.map(
              (e) => html`<tr class="client-error">
                <td class="message"><strong>${e.name}</strong>: ${e.message}
                  <details><summary>${msg('Details', { id: 'admin.ops.details' })}</summary>
                    <p class="muted">${e.sample.url} · ${e.source}${e.releases.length ? ` · ${e.releases.join(', ')}` : ''}</p>
                    <p class="muted">${e.sample.user_agent}</p>
                    ${e.sample.stack ? html`<pre>${e.sample.stack}</pre>` : nothing}
                  </details>
                </td>
                <td class="mono">${e.element ?? '—'}${e.sample.element_version ? html`<br /><span class="muted">${e.sample.element_version}</span>` : nothing}</td>
                <td class="num">${num(e.count)}</td>
                <td class="num">${num(e.users)}</td>
                <td>${formatRelativeTime(e.last_seen)}</td>
              </tr>`,
            )}</tbody></table></div>`
          : html`<p class="muted">${msg('No client errors reported in this window.', { id: 'admin.ops.no-errors' })}</p>`
      }
    </section>`;
  }

  private renderVitals(v: WebVitalsReport) {
    const names = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
    const byName = new Map(v.metrics.map((m) => [m.name, m]));
    return html`<section class="card vitals" aria-labelledby="vitals">
      <h2 id="vitals">${msg('Web vitals (p75)', { id: 'admin.ops.vitals' })}</h2>
      ${
        v.metrics.length
          ? html`${statTiles(
              names.map((n) => {
                const m = byName.get(n);
                return {
                  label: n,
                  value: m ? vitalValue(n, m.p75) : '—',
                  note: m
                    ? msg(str`${num(m.samples)} samples · ${pct(m.good, 0)} good`, { id: 'admin.ops.vital-note' })
                    : msg('No samples', { id: 'admin.ops.no-samples' }),
                  tone: m ? (m.rating === 'good' ? 'good' : m.rating === 'poor' ? 'bad' : 'warn') : undefined,
                };
              }),
            )}
            <div class="scroll" tabindex="0" role="region" aria-label=${msg('Web vitals per page', { id: 'admin.ops.vitals-pages' })}><table class="simple">
              <thead><tr><th scope="col">${msg('Page', { id: 'admin.ops.col.page' })}</th><th scope="col" class="num">${msg('Samples', { id: 'admin.ops.col.samples' })}</th>${names.map((n) => html`<th scope="col" class="num">${n}</th>`)}</tr></thead>
              <tbody>${v.pages.map((p) => html`<tr><td class="mono">${p.page}</td><td class="num">${num(p.samples)}</td>${names.map((n) => html`<td class="num">${vitalValue(n, p.p75[n])}</td>`)}</tr>`)}</tbody>
            </table></div>`
          : html`<p class="muted">${msg('No web vitals reported in this window.', { id: 'admin.ops.no-vitals' })}</p>`
      }
    </section>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Observability', { id: 'admin.group.observability' })}</h1>
          <p class="lede">${msg('How the API answers, and what the elements report from viewers’ browsers.', { id: 'admin.ops.lede' })}</p>
        </div>
        <div class="actions">
          <reel-select name="window" label=${msg('Window', { id: 'admin.ops.window' })} .value=${this.window}
            .options=${WINDOWS.map((w) => ({ value: w, label: windowLabel(w) }))}
            @reel-change=${(e: CustomEvent<{ value: string }>) => {
              this.window = e.detail.value as ObservabilityWindow;
              void this.load();
            }}></reel-select>
          <reel-button variant="secondary" ?loading=${this.loading} @click=${() => void this.load()}>${msg('Refresh', { id: 'admin.ops.refresh' })}</reel-button>
        </div>
      </header>
      <p class="error-text" role="alert">${this.problem}</p>
      ${this.routes ? this.renderRoutes(this.routes) : this.problem ? nothing : html`<reel-skeleton></reel-skeleton>`}
      ${this.routes ? this.renderErrors() : nothing}
      ${this.vitals ? this.renderVitals(this.vitals) : nothing}`;
  }
}

defineElement('reel-admin-observability', ReelAdminObservability);
