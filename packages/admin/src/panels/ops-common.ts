// Shared bits of the platform panels (observability, sessions, analytics, costs): stat tiles,
// small SVG bars and their styles. The SVG is decoration (aria-hidden); numbers are in text.
import { msg } from '@lit/localize';
import { formatNumber } from '@reel/core';
import { css, html, svg, type TemplateResult } from 'lit';

/** One headline number. */
export interface Stat {
  label: string;
  value: string;
  /** A quieter second line. */
  note?: string;
  tone?: 'good' | 'warn' | 'bad';
}

export function statTiles(stats: Stat[]): TemplateResult {
  return html`<dl class="stats">
    ${stats.map(
      (s) =>
        html`<div class="stat ${s.tone ? `stat--${s.tone}` : ''}"><dt>${s.label}</dt><dd><span class="stat-value">${s.value}</span>${s.note ? html`<span class="stat-note">${s.note}</span>` : ''}</dd></div>`,
    )}
  </dl>`;
}

/** A horizontal bar for a share of the largest value (0–1), drawn behind a table cell's number. */
export function meter(share: number): TemplateResult {
  const w = Math.max(0, Math.min(1, share)) * 100;
  return svg`<svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <rect class="meter-track" x="0" y="0" width="100" height="6" rx="3"></rect>
    <rect class="meter-fill" x="0" y="0" width=${w} height="6" rx="3"></rect>
  </svg>`;
}

export const num = (n: number, digits = 0) => formatNumber(n, { maximumFractionDigits: digits });
export const pct = (n: number, digits = 1) =>
  formatNumber(n, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 });
export const ms = (n: number) =>
  n >= 1000
    ? `${formatNumber(n / 1000, { maximumFractionDigits: 2 })} s`
    : `${formatNumber(n, { maximumFractionDigits: 1 })} ms`;
export const bytes = (n: number) => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, { maximumFractionDigits: v < 10 && i ? 1 : 0 })} ${units[i]}`;
};

/** Money in minor units (`{ amount: 1234, currency: 'USD' }` → "$12.34"). */
export function money(m: { amount: number; currency: string }): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {}
  return formatNumber(m.amount / 10 ** digits, { style: 'currency', currency: m.currency });
}

/** A date range: a preset of the last N days (today included) or custom dates. */
export interface RangeState {
  preset: '7' | '30' | '90' | '365' | 'custom';
  from: string;
  to: string;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function rangeDays(days: number): RangeState {
  const now = Date.now();
  return { preset: String(days) as RangeState['preset'], from: isoDay(now - (days - 1) * 86_400_000), to: isoDay(now) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The range picker of the analytics panels: presets, or two dates (YYYY-MM-DD) committed on Enter or blur. */
export function rangeControls(
  range: RangeState,
  loading: boolean,
  change: (range: RangeState) => void,
): TemplateResult {
  const date = (which: 'from' | 'to', label: string) =>
    html`<reel-text-field name=${which} label=${label} placeholder="YYYY-MM-DD" pattern="\\d{4}-\\d{2}-\\d{2}" inputmode="numeric" .value=${range[which]}
      @reel-change=${(e: CustomEvent<{ value: string }>) => {
        const value = e.detail.value.trim();
        if (DATE.test(value) && value !== range[which]) change({ ...range, preset: 'custom', [which]: value });
      }}></reel-text-field>`;
  return html`<div class="toolbar range">
    <reel-select name="range" label=${msg('Range', { id: 'admin.analytics.range' })} .value=${range.preset}
      .options=${[
        { value: '7', label: msg('Last 7 days', { id: 'admin.analytics.range.7' }) },
        { value: '30', label: msg('Last 30 days', { id: 'admin.analytics.range.30' }) },
        { value: '90', label: msg('Last 90 days', { id: 'admin.analytics.range.90' }) },
        { value: '365', label: msg('Last 365 days', { id: 'admin.analytics.range.365' }) },
        { value: 'custom', label: msg('Custom dates', { id: 'admin.analytics.range.custom' }) },
      ]}
      @reel-change=${(e: CustomEvent<{ value: string }>) => {
        if (e.detail.value !== 'custom') change(rangeDays(Number(e.detail.value)));
        else change({ ...range, preset: 'custom' });
      }}></reel-select>
    ${date('from', msg('From', { id: 'admin.analytics.from' }))}
    ${date('to', msg('To', { id: 'admin.analytics.to' }))}
    ${loading ? html`<reel-spinner label=${msg('Loading', { id: 'admin.loading' })}></reel-spinner>` : ''}
  </div>`;
}

export const opsStyles = css`
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: var(--reel-space-3);
    margin: 0 0 var(--reel-space-4);
  }
  .stat {
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-xl);
    padding: var(--reel-space-4);
    min-inline-size: 0;
  }
  .stat dt {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .stat dd {
    margin: var(--reel-space-1) 0 0;
    display: grid;
    gap: var(--reel-space-1);
  }
  .stat-value {
    font-size: var(--reel-font-size-2xl);
    font-weight: var(--reel-font-weight-bold);
    font-variant-numeric: tabular-nums;
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  .stat-note {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs, var(--reel-font-size-sm));
  }
  .stat--good .stat-value {
    color: var(--reel-color-success);
  }
  .stat--warn .stat-value {
    color: var(--reel-color-warning);
  }
  .stat--bad .stat-value {
    color: var(--reel-color-danger);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-3);
    align-items: end;
    margin-block-end: var(--reel-space-4);
  }
  .toolbar > * {
    min-inline-size: min(100%, 12rem);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  table.simple th.num {
    text-align: end;
  }
  .meter {
    display: block;
    inline-size: 100%;
    min-inline-size: 4rem;
    block-size: 6px;
    margin-block-start: var(--reel-space-1);
  }
  .meter-track {
    fill: var(--reel-color-surface-raised, var(--reel-color-border));
  }
  .meter-fill {
    fill: var(--reel-color-accent);
  }
  .message {
    overflow-wrap: anywhere;
    max-inline-size: 40rem;
  }
  details pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: var(--reel-font-family-mono);
    font-size: var(--reel-font-size-xs, var(--reel-font-size-sm));
    max-block-size: 16rem;
    overflow: auto;
    background: var(--reel-color-field);
    padding: var(--reel-space-3);
    border-radius: var(--reel-radius-md);
  }
  reel-chart {
    display: block;
  }
  /* Cards side by side: no stacking margin inside a grid, a gap around it instead. */
  .grid-2 {
    margin-block: var(--reel-space-4);
  }
  .grid-2 > .card + .card {
    margin-block-start: 0;
  }
  .scroll:focus-visible {
    outline: 2px solid var(--reel-color-focus);
    outline-offset: 2px;
    border-radius: var(--reel-radius-md);
  }
  section.card > h2 + reel-chart,
  section.card > reel-chart + reel-chart {
    margin-block-start: var(--reel-space-2);
  }
`;
