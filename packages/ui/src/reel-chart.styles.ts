import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs);
  }
  figure {
    margin: 0;
  }
  .caption {
    margin-block-end: var(--reel-space-3);
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-semibold);
  }
  :host(:not([show-caption])) .caption,
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-4);
    margin-block-end: var(--reel-space-3);
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-1-5);
  }
  .swatch {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 2px;
  }
  .plot {
    position: relative;
    border-radius: var(--reel-radius-md);
    outline: none;
  }
  .plot:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  svg {
    display: block;
    overflow: visible;
  }
  .grid line {
    stroke: var(--reel-color-chart-grid);
    stroke-width: 1;
  }
  .grid line.zero {
    stroke: var(--reel-color-border-strong);
  }
  text {
    fill: var(--reel-color-text-subtle);
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }
  .s0 {
    --_c: var(--reel-color-chart-1);
  }
  .s1 {
    --_c: var(--reel-color-chart-2);
  }
  .s2 {
    --_c: var(--reel-color-chart-3);
  }
  .s3 {
    --_c: var(--reel-color-chart-4);
  }
  .s4 {
    --_c: var(--reel-color-chart-5);
  }
  .swatch,
  rect.bar {
    background: var(--_c);
    fill: var(--_c);
  }
  rect.bar {
    transition: opacity var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .dim rect.bar:not(.active) {
    opacity: 0.45;
  }
  path.line {
    fill: none;
    stroke: var(--_c);
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  path.area {
    fill: var(--_c);
    opacity: 0.12;
  }
  circle.point {
    fill: var(--reel-color-surface);
    stroke: var(--_c);
    stroke-width: 2.5;
  }
  line.cursor {
    stroke: var(--reel-color-border-strong);
    stroke-dasharray: 3 3;
  }
  .tooltip {
    position: absolute;
    inset-block-start: 0;
    z-index: var(--reel-z-tooltip);
    min-inline-size: 7rem;
    padding: var(--reel-space-2) var(--reel-space-3);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-surface-overlay);
    box-shadow: var(--reel-shadow-2);
    color: var(--reel-color-text);
    pointer-events: none;
    white-space: nowrap;
    translate: -50% 0;
  }
  .tooltip strong {
    display: block;
    margin-block-end: var(--reel-space-1);
  }
  .tooltip .row {
    display: flex;
    align-items: center;
    gap: var(--reel-space-2);
  }
  .tooltip .row span:last-child {
    margin-inline-start: auto;
    font-weight: var(--reel-font-weight-semibold);
    font-variant-numeric: tabular-nums;
  }
  .empty {
    display: grid;
    place-items: center;
    block-size: 100%;
    color: var(--reel-color-text-subtle);
  }
`;
