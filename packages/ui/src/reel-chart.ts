import { msg } from '@lit/localize';
import { formatNumber, ReelElement, styleProps } from '@reel/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { labelStride, niceTicks } from './chart-scale.js';
import { styles } from './reel-chart.styles.js';

/** One data series: a value per label. */
export interface ChartSeries {
  name: string;
  values: number[];
}

const PAD = { top: 12, end: 8, bottom: 26 };

/**
 * A small SVG chart for dashboards: grouped bars or lines over a shared set of labels, with round
 * axis ticks, a legend for several series and a tooltip. Accessible as a labelled group holding a
 * data table for screen readers; the plot takes focus and the arrow keys (mirrored in
 * right-to-left text, where the axis runs right to left), Home and End step through the labels,
 * showing and announcing each one's values. Numbers follow the active locale.
 *
 * @summary A bar or line chart in SVG.
 * @tagname reel-chart
 * @csspart plot - The focusable plot area.
 * @csspart tooltip - The tooltip.
 * @csspart legend - The legend.
 * @cssproperty --reel-color-chart-1 - The first series' colour (up to `-5`).
 * @cssproperty --reel-color-chart-grid - Grid lines.
 */
export class ReelChart extends ReelElement {
  static override styles = styles;

  @property({ reflect: true }) type: 'bar' | 'line' = 'bar';

  /** The chart's name ("Plays per day"); also its caption. Required. */
  @property() label = '';

  /** Shows the label as a visible caption. */
  @property({ type: Boolean, attribute: 'show-caption', reflect: true }) showCaption = false;

  /** The labels along the x axis (already formatted: dates, names). */
  @property({ attribute: false }) labels: string[] = [];

  @property({ attribute: false }) series: ChartSeries[] = [];

  /** How values are formatted (`Intl.NumberFormat` options). */
  @property({ attribute: false }) format: Intl.NumberFormatOptions = {};

  /** Height of the plot in px. */
  @property({ type: Number }) height = 220;

  @state() private width = 0;
  @state() private active = -1;
  @state() private announcement = '';

  private resizeObserver?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width !== this.width) this.width = width;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  private fmt(value: number): string {
    return formatNumber(value, this.format);
  }

  private describe(index: number): string {
    const parts = this.series.map((s) => `${s.name} ${this.fmt(s.values[index] ?? 0)}`);
    return `${this.labels[index] ?? ''}: ${parts.join(', ')}`;
  }

  private setActive(index: number, announce: boolean) {
    const count = this.labels.length;
    if (count === 0) return;
    this.active = Math.min(Math.max(index, 0), count - 1);
    if (announce) this.announcement = this.describe(this.active);
  }

  private onKeyDown(event: KeyboardEvent) {
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (step !== undefined) this.setActive(this.active < 0 ? 0 : this.active + step, true);
    else if (event.key === 'Home') this.setActive(0, true);
    else if (event.key === 'End') this.setActive(this.labels.length - 1, true);
    else if (event.key === 'Escape') this.active = -1;
    else return;
    event.preventDefault();
  }

  override render() {
    const hasData = this.labels.length > 0 && this.series.some((s) => s.values.length > 0);
    return html`<figure>
      <figcaption id="caption" class="caption">${this.label}</figcaption>
      ${
        this.series.length > 1
          ? html`<div class="legend" part="legend" aria-hidden="true">
              ${this.series.map(
                (s, i) => html`<span class="key s${i % 5}"><span class="swatch"></span>${s.name}</span>`,
              )}
            </div>`
          : nothing
      }
      <div
        class="plot"
        part="plot"
        role="group"
        aria-labelledby="caption"
        tabindex=${hasData ? '0' : '-1'}
        ${styleProps({ height: `${this.height}px` })}
        @keydown=${this.onKeyDown}
        @blur=${() => {
          this.active = -1;
        }}
      >
        ${hasData ? this.renderPlot() : html`<div class="empty">${msg('No data yet', { id: 'ui.chart.empty' })}</div>`}
        ${hasData ? this.renderTable() : nothing}
        <div class="sr-only" aria-live="polite">${this.announcement}</div>
      </div>
    </figure>`;
  }

  private renderPlot(): TemplateResult {
    const width = this.width || 480;
    const height = this.height;
    const all = this.series.flatMap((s) => s.values);
    const ticks = niceTicks(Math.min(...all), Math.max(...all), height < 160 ? 3 : 4);
    const lo = ticks[0] ?? 0;
    const hi = ticks[ticks.length - 1] ?? 1;
    const gutter = Math.max(...ticks.map((t) => this.fmt(t).length)) * 6.5 + 10;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const plotWidth = Math.max(1, width - gutter - PAD.end);
    const plotHeight = Math.max(1, height - PAD.top - PAD.bottom);
    const count = this.labels.length;
    const band = plotWidth / count;
    // In right-to-left text the axis starts on the right; the value labels sit on the right too.
    const x = (px: number) => (rtl ? width - gutter - px : gutter + px);
    const y = (v: number) => PAD.top + plotHeight - ((v - lo) / (hi - lo || 1)) * plotHeight;
    const center = (i: number) =>
      this.type === 'bar' ? (i + 0.5) * band : count === 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1);
    const stride = labelStride(count, plotWidth, Math.max(...this.labels.map((l) => l.length)) * 6.5 + 12);
    const pointer = (event: PointerEvent) => {
      const rect = (event.currentTarget as SVGElement).getBoundingClientRect();
      const px = rtl ? width - gutter - (event.clientX - rect.left) : event.clientX - rect.left - gutter;
      const index = this.type === 'bar' ? Math.floor(px / band) : Math.round((px / plotWidth) * (count - 1));
      if (index >= 0 && index < count) this.active = index;
    };

    const grid = svg`<g class="grid">${ticks.map(
      (t) => svg`<line class=${t === 0 ? 'zero' : ''} x1=${x(0)} x2=${x(plotWidth)} y1=${y(t)} y2=${y(t)}></line>
        <text x=${rtl ? width - gutter + 8 : gutter - 8} y=${y(t)} dy="0.32em" text-anchor=${rtl ? 'start' : 'end'}>${this.fmt(t)}</text>`,
    )}</g>`;
    const xLabels = svg`<g>${this.labels.map((label, i) =>
      i % stride === 0 ? svg`<text x=${x(center(i))} y=${height - 6} text-anchor="middle">${label}</text>` : nothing,
    )}</g>`;

    let marks: TemplateResult;
    if (this.type === 'bar') {
      const groups = this.series.length;
      const inner = Math.min(band * 0.72, 56);
      const barWidth = inner / groups;
      marks = svg`<g>${this.series.map((s, si) =>
        s.values.map((v, i) => {
          const left = i * band + (band - inner) / 2 + si * barWidth;
          const top = y(Math.max(v, 0));
          const bottom = y(Math.min(v, 0));
          const xs = rtl ? x(left + barWidth) : x(left);
          return svg`<rect class=${classMap({ bar: true, [`s${si % 5}`]: true, active: i === this.active })}
            x=${xs + 1} y=${top} width=${Math.max(barWidth - 2, 1)} height=${Math.max(bottom - top, 1)} rx="3"></rect>`;
        }),
      )}</g>`;
    } else {
      marks = svg`<g>${this.series.map((s, si) => {
        const points = s.values.map((v, i) => `${x(center(i)).toFixed(1)},${y(v).toFixed(1)}`);
        const line = `M${points.join('L')}`;
        const area = `${line}L${x(center(s.values.length - 1)).toFixed(1)},${y(lo)}L${x(center(0)).toFixed(1)},${y(lo)}Z`;
        return svg`<g class=${`s${si % 5}`}>
          ${this.series.length === 1 ? svg`<path class="area" d=${area}></path>` : nothing}
          <path class="line" d=${line}></path>
          ${this.active >= 0 ? svg`<circle class="point" r="4.5" cx=${x(center(this.active))} cy=${y(s.values[this.active] ?? 0)}></circle>` : nothing}
        </g>`;
      })}</g>`;
    }

    const cursorX = this.active >= 0 ? x(center(this.active)) : 0;
    return html`<svg
        width=${width}
        height=${height}
        aria-hidden="true"
        class=${classMap({ dim: this.type === 'bar' && this.active >= 0 })}
        @pointermove=${pointer}
        @pointerleave=${() => {
          this.active = -1;
        }}
      >
        ${grid}${this.type === 'line' && this.active >= 0 ? svg`<line class="cursor" x1=${cursorX} x2=${cursorX} y1=${PAD.top} y2=${PAD.top + plotHeight}></line>` : nothing}
        ${marks}${xLabels}
      </svg>
      ${this.active >= 0 ? this.renderTooltip(cursorX, width) : nothing}`;
  }

  private renderTooltip(at: number, width: number): TemplateResult {
    const left = Math.min(Math.max(at, 64), width - 64);
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" ${styleProps({ left: `${left}px` })}>
      <strong>${this.labels[this.active]}</strong>
      ${this.series.map(
        (s, i) => html`<div class="row s${i % 5}">
          <span class="swatch"></span><span>${s.name}</span><span>${this.fmt(s.values[this.active] ?? 0)}</span>
        </div>`,
      )}
    </div>`;
  }

  private renderTable(): TemplateResult {
    return html`<table class="sr-only">
      <thead>
        <tr>
          <th scope="col">${msg('Label', { id: 'ui.chart.label' })}</th>
          ${this.series.map((s) => html`<th scope="col">${s.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${this.labels.map(
          (label, i) => html`<tr>
            <th scope="row">${label}</th>
            ${this.series.map((s) => html`<td>${this.fmt(s.values[i] ?? 0)}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-chart': ReelChart;
  }
}
