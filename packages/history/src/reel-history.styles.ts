import { css } from 'lit';

/** The history page: header, stats cards, filters, days of entries beside the activity feed. */
export const styles = css`
  :host {
    display: block;
    container: history / inline-size;
    color: var(--reel-color-text);
    background: var(--reel-color-bg);
  }
  :host([hidden]) {
    display: none;
  }
  .page {
    box-sizing: border-box;
    max-inline-size: var(--reel-history-max-width, 90rem);
    margin-inline: auto;
    padding: var(--reel-space-8) clamp(1rem, 4cqi, 4rem) var(--reel-space-16);
  }
  a {
    color: inherit;
  }
  a:focus-visible,
  button:focus-visible,
  h2:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    border-radius: var(--reel-radius-xs);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }
  .icon--sm {
    inline-size: 1em;
    block-size: 1em;
  }
  .sub {
    margin: 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }

  /* Header */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--reel-space-4);
    margin-block-end: var(--reel-space-6);
  }
  .eyebrow {
    margin: 0 0 var(--reel-space-1);
    color: color-mix(in srgb, var(--reel-color-accent) 62%, var(--reel-color-text));
    font-size: var(--reel-font-size-xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: 0.14em;
    text-transform: uppercase;
  }
  h1 {
    margin: 0;
    font-size: clamp(var(--reel-font-size-2xl), 4cqi, var(--reel-font-size-3xl));
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
    line-height: var(--reel-line-height-tight);
  }
  h2 {
    margin: 0;
    font-size: var(--reel-font-size-lg);
    font-weight: var(--reel-font-weight-semibold);
  }
  h3 {
    margin: 0;
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-semibold);
    color: var(--reel-color-text-muted);
  }

  /* Stats */
  .stats {
    min-inline-size: 0;
  }
  .stats__header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--reel-space-3);
    margin-block-end: var(--reel-space-3);
  }
  .periods {
    display: inline-flex;
    padding: 3px;
    gap: 2px;
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
  }
  .period {
    appearance: none;
    border: 0;
    background: transparent;
    color: var(--reel-color-text-muted);
    font: inherit;
    font-size: var(--reel-font-size-xs);
    font-weight: var(--reel-font-weight-medium);
    min-block-size: 2rem;
    padding: 0 var(--reel-space-3);
    border-radius: var(--reel-radius-pill);
    cursor: pointer;
  }
  .period:hover {
    color: var(--reel-color-text);
    background: var(--reel-color-surface-hover);
  }
  .period[aria-pressed='true'] {
    background: var(--reel-color-inverse);
    color: var(--reel-color-on-inverse);
  }
  .side {
    container: side / inline-size;
    display: grid;
    gap: var(--reel-space-6);
    min-inline-size: 0;
  }
  .stats__grid {
    display: grid;
    gap: var(--reel-space-3);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
  }
  .card {
    box-sizing: border-box;
    display: grid;
    align-content: start;
    gap: var(--reel-space-2);
    min-block-size: 9rem;
    padding: var(--reel-space-4) var(--reel-space-5);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
  }
  .card--skeleton {
    background: var(--reel-color-skeleton);
    border-color: transparent;
  }
  .figure {
    margin: 0;
    font-size: var(--reel-font-size-2xl);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
    font-variant-numeric: tabular-nums;
  }
  .weeks {
    margin: var(--reel-space-2) 0 0;
  }
  .chart {
    display: block;
    overflow: visible;
  }
  .chart--weeks {
    inline-size: 100%;
    block-size: 5.5rem;
  }
  .chart__grid {
    stroke: var(--reel-color-chart-grid);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .chart__axis {
    stroke: var(--reel-color-border-strong);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .chart__bar {
    fill: color-mix(in srgb, var(--reel-color-chart-1) 45%, transparent);
  }
  .chart__bar--current {
    fill: var(--reel-color-chart-1);
  }
  .weeks__axis {
    display: flex;
    justify-content: space-between;
    margin-block-start: var(--reel-space-1);
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-2xs);
  }
  .genres {
    display: grid;
    gap: var(--reel-space-2-5, 0.625rem);
    margin: var(--reel-space-1) 0 0;
    padding: 0;
    list-style: none;
  }
  .genres li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--reel-space-1) var(--reel-space-2);
    font-size: var(--reel-font-size-sm);
  }
  .genres__share {
    color: var(--reel-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .chart--share {
    grid-column: 1 / -1;
    inline-size: 100%;
    block-size: 6px;
  }
  .chart__track {
    fill: var(--reel-color-neutral);
    stroke: var(--reel-color-neutral);
  }
  .chart--ring .chart__track {
    fill: none;
  }
  .chart__fill--1 {
    fill: var(--reel-color-chart-1);
  }
  .chart__fill--2 {
    fill: var(--reel-color-chart-2);
  }
  .chart__fill--3 {
    fill: var(--reel-color-chart-3);
  }
  .chart__fill--4 {
    fill: var(--reel-color-chart-4);
  }
  .chart__fill--5 {
    fill: var(--reel-color-chart-5);
  }
  .chart__arc {
    stroke: var(--reel-color-chart-3);
  }
  .completion {
    display: flex;
    align-items: center;
    gap: var(--reel-space-4);
  }
  .completion__ring {
    position: relative;
    display: grid;
    place-items: center;
    flex: none;
  }
  .completion__ring .chart {
    inline-size: 5.5rem;
    block-size: 5.5rem;
  }
  .completion__value {
    position: absolute;
    font-size: var(--reel-font-size-lg);
    font-weight: var(--reel-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: var(--reel-space-2);
    margin: var(--reel-space-2) 0 0;
    padding-block-start: var(--reel-space-3);
    border-block-start: 1px solid var(--reel-color-border);
  }
  .facts dt {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-2xs);
    text-transform: uppercase;
    letter-spacing: var(--reel-letter-spacing-wide);
  }
  .facts dd {
    margin: 0;
    font-weight: var(--reel-font-weight-semibold);
    font-variant-numeric: tabular-nums;
  }

  .export__trigger {
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-2);
  }

  /* Filters */
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-3);
    align-items: end;
    margin-block-end: var(--reel-space-6);
  }
  .filters reel-select {
    flex: 0 1 15rem;
    min-inline-size: 9rem;
  }

  /* Days and activity */
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(18rem, 24rem);
    gap: var(--reel-space-8);
    align-items: start;
  }
  @container history (max-width: 56rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .day + .day {
    margin-block-start: var(--reel-space-8);
  }
  .day__header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--reel-space-3);
    padding-block-end: var(--reel-space-2);
    margin-block-end: var(--reel-space-2);
    border-block-end: 1px solid var(--reel-color-border);
  }
  .day__header h3 {
    font-size: var(--reel-font-size-md);
    color: var(--reel-color-text);
  }
  .day__total {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .entries {
    display: grid;
    gap: var(--reel-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: grid;
    grid-template-columns: clamp(7.5rem, 22cqi, 11rem) minmax(0, 1fr) auto;
    gap: var(--reel-space-4);
    align-items: center;
    padding: var(--reel-space-2);
    margin-inline: calc(-1 * var(--reel-space-2));
    border-radius: var(--reel-radius-md);
    transition: background var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .entry:hover,
  .entry:focus-within {
    background: var(--reel-color-surface-hover);
  }
  .entry__art {
    position: relative;
    display: block;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--reel-radius-sm);
    background: var(--_color, var(--reel-color-surface-raised));
  }
  .entry__art img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    display: block;
  }
  .entry__play {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: #fff;
    background: rgb(0 0 0 / 0.35);
    opacity: 0;
    transition: opacity var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .entry__play .icon {
    inline-size: 2rem;
    block-size: 2rem;
    fill: currentColor;
  }
  .entry:hover .entry__play {
    opacity: 1;
  }
  .entry__body {
    display: grid;
    gap: var(--reel-space-1);
    min-inline-size: 0;
  }
  .entry__title {
    font-weight: var(--reel-font-weight-semibold);
    text-decoration: none;
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }
  .entry__title:hover {
    text-decoration: underline;
  }
  .entry__episode {
    margin: 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .entry__progress {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    margin-block: var(--reel-space-1);
  }
  .entry__progress reel-progress-bar {
    flex: 1 1 8rem;
    max-inline-size: 16rem;
  }
  .entry--done reel-progress-bar {
    --reel-progress-color: color-mix(in srgb, var(--reel-color-success) 70%, transparent);
  }
  .entry__status {
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-1);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs);
    white-space: nowrap;
  }
  .entry__status--done {
    color: var(--reel-color-success);
  }
  .entry__meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--reel-space-2);
    margin: 0;
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-xs);
  }
  .entry__meta span + span::before {
    content: '·';
    margin-inline-end: var(--reel-space-2);
  }
  @container history (max-width: 30rem) {
    .entry {
      grid-template-columns: 6.5rem minmax(0, 1fr) auto;
      gap: var(--reel-space-3);
    }
    .entry__progress {
      flex-wrap: wrap;
      gap: var(--reel-space-1) var(--reel-space-2);
    }
    .entry__device {
      display: none;
    }
  }
  .more {
    display: flex;
    justify-content: center;
    margin-block-start: var(--reel-space-6);
  }

  .activity {
    padding: var(--reel-space-5);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
  }
  .activity h2 {
    margin-block-end: var(--reel-space-3);
    font-size: var(--reel-font-size-md);
  }
  .feed {
    display: grid;
    gap: var(--reel-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .feed__item {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--reel-space-3);
    align-items: start;
  }
  .feed__icon {
    display: grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    background: var(--reel-color-neutral);
    color: var(--reel-color-text-muted);
  }
  .feed__icon .icon {
    inline-size: 0.9rem;
    block-size: 0.9rem;
  }
  .feed__item--completed .feed__icon {
    background: var(--reel-color-success-soft);
    color: var(--reel-color-success);
  }
  .feed__item--added_to_watchlist .feed__icon {
    background: var(--reel-color-info-soft);
    color: var(--reel-color-info);
  }
  .feed__text {
    display: grid;
    gap: 2px;
    font-size: var(--reel-font-size-sm);
    min-inline-size: 0;
  }
  .feed__text a {
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  .feed__text a:hover {
    text-decoration: underline;
  }
  .feed__text time {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-xs);
  }

  /* Loading */
  .skeleton {
    display: grid;
    gap: var(--reel-space-4);
  }
  .skeleton__row {
    display: grid;
    grid-template-columns: clamp(7.5rem, 22cqi, 11rem) 1fr;
    gap: var(--reel-space-4);
    align-items: center;
  }
  .skeleton__art {
    aspect-ratio: 16 / 9;
    border-radius: var(--reel-radius-sm);
    background: var(--reel-color-skeleton);
  }
  .skeleton__lines {
    display: grid;
    gap: var(--reel-space-2);
  }
  .skeleton__lines span,
  .activity__skeleton span {
    display: block;
    block-size: 0.75rem;
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-skeleton);
  }
  .skeleton__lines span:first-child {
    inline-size: 50%;
  }
  .skeleton__lines span:last-child {
    inline-size: 30%;
  }
  .activity__skeleton {
    display: grid;
    gap: var(--reel-space-3);
  }
  @media (prefers-reduced-motion: reduce) {
    .entry,
    .entry__play {
      transition: none;
    }
  }
`;
