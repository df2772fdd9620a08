// Small hand-written SVG charts for the stats: time per week (bars), top genres (horizontal bars)
// and completion (a ring). The SVG is decoration (aria-hidden): each chart comes with a text
// equivalent the caller renders (a table or a sentence), so screen readers get the numbers.
import { svg, type TemplateResult } from 'lit';

export interface WeekBar {
  label: string;
  seconds: number;
  /** Accessible and hover text for the bar. */
  text: string;
  current: boolean;
}

/** A rounded "nice" maximum for a bar chart's scale (at least one hour). */
export function niceMax(max: number): number {
  const hours = Math.max(1, Math.ceil(max / 3600));
  const step = hours <= 4 ? 1 : hours <= 10 ? 2 : hours <= 25 ? 5 : 10;
  return Math.ceil(hours / step) * step * 3600;
}

/** Vertical bars of time per week, oldest first; the current week in the accent colour. */
export function weekBars(weeks: readonly WeekBar[], width = 320, height = 120): TemplateResult {
  const max = niceMax(Math.max(0, ...weeks.map((w) => w.seconds)));
  const gap = weeks.length > 20 ? 1 : 4;
  const bar = Math.max(1, (width - gap * (weeks.length - 1)) / Math.max(1, weeks.length));
  const lines = [0.5, 1].map((f) => height - f * height);
  return svg`<svg class="chart chart--weeks" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    ${lines.map((y) => svg`<line class="chart__grid" x1="0" x2=${width} y1=${y + 0.5} y2=${y + 0.5}></line>`)}
    ${weeks.map((w, i) => {
      const h = w.seconds > 0 ? Math.max(2, (w.seconds / max) * height) : 0;
      return svg`<rect class=${w.current ? 'chart__bar chart__bar--current' : 'chart__bar'} x=${i * (bar + gap)} y=${height - h} width=${bar} height=${h} rx=${Math.min(3, bar / 2)}><title>${w.text}</title></rect>`;
    })}
    <line class="chart__axis" x1="0" x2=${width} y1=${height - 0.5} y2=${height - 0.5}></line>
  </svg>`;
}

/** One horizontal bar (0–1) for a genre's share. */
export function shareBar(share: number, index: number): TemplateResult {
  const w = Math.max(0, Math.min(1, share)) * 100;
  return svg`<svg class="chart chart--share" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <rect class="chart__track" x="0" y="0" width="100" height="8" rx="4"></rect>
    <rect class="chart__fill chart__fill--${(index % 5) + 1}" x="0" y="0" width=${w} height="8" rx="4"></rect>
  </svg>`;
}

/** A ring showing a share (0–1), e.g. the completion rate. */
export function ring(share: number, size = 96): TemplateResult {
  const r = size / 2 - 8;
  const c = 2 * Math.PI * r;
  const done = Math.max(0, Math.min(1, share)) * c;
  return svg`<svg class="chart chart--ring" viewBox="0 0 ${size} ${size}" width=${size} height=${size} aria-hidden="true" focusable="false">
    <circle class="chart__track" cx=${size / 2} cy=${size / 2} r=${r} fill="none" stroke-width="10"></circle>
    <circle class="chart__arc" cx=${size / 2} cy=${size / 2} r=${r} fill="none" stroke-width="10" stroke-linecap="round"
      stroke-dasharray=${`${done} ${c}`} transform=${`rotate(-90 ${size / 2} ${size / 2})`}></circle>
  </svg>`;
}
