import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container: reviews / inline-size;
    --_gutter: var(--reel-reviews-gutter, clamp(1rem, 4cqi, 4rem));
    --_star: var(--reel-reviews-star-color, #f5c518);
    color: var(--reel-color-text);
  }
  .reviews {
    padding-inline: var(--_gutter);
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: var(--reel-space-4);
    margin-block-end: var(--reel-space-4);
  }
  h2 {
    margin: 0;
    scroll-margin-block-start: 6rem;
    font-size: clamp(1.125rem, 0.9rem + 0.8cqi, 1.5rem);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  h3 {
    margin: 0;
  }
  .layout {
    display: grid;
    gap: var(--reel-space-6);
    grid-template-columns: minmax(0, 1fr);
  }
  @container reviews (min-width: 52rem) {
    .layout {
      grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
      align-items: start;
      gap: var(--reel-space-8);
    }
    .side {
      position: sticky;
      inset-block-start: var(--reel-space-4);
    }
  }
  .side {
    display: grid;
    gap: var(--reel-space-5);
    min-width: 0;
  }
  .main {
    min-width: 0;
  }

  /* Summary */
  .summary {
    display: grid;
    gap: var(--reel-space-4);
    padding: var(--reel-space-5);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
  }
  .average {
    display: flex;
    align-items: center;
    gap: var(--reel-space-4);
  }
  .average-number {
    font-size: var(--reel-font-size-4xl);
    font-weight: var(--reel-font-weight-bold);
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  .count {
    margin: var(--reel-space-1) 0 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .stars-static {
    display: inline-flex;
    gap: 1px;
    color: var(--_star);
    font-size: var(--reel-font-size-sm);
    vertical-align: middle;
  }
  .stars-static--md {
    font-size: var(--reel-font-size-lg);
  }
  .stars-static .off {
    color: var(--reel-color-text-subtle);
  }
  .histogram {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--reel-space-1);
  }
  .bar {
    all: unset;
    box-sizing: border-box;
    display: grid;
    grid-template-columns: 2.25rem 1fr 2.5rem;
    align-items: center;
    gap: var(--reel-space-2);
    inline-size: 100%;
    min-block-size: 1.75rem;
    padding: var(--reel-space-0-5) var(--reel-space-2);
    border-radius: var(--reel-radius-sm);
    cursor: pointer;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .bar:hover:not(:disabled) {
    background: var(--reel-color-surface-hover);
    color: var(--reel-color-text);
  }
  .bar:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 1px;
  }
  .bar[aria-pressed='true'] {
    background: var(--reel-color-accent-soft);
    color: var(--reel-color-text);
  }
  .bar:disabled {
    cursor: default;
  }
  .bar-label {
    display: inline-flex;
    align-items: center;
    gap: 2px;
  }
  .bar-label reel-icon {
    color: var(--_star);
    font-size: 0.8em;
  }
  .bar-track {
    block-size: 0.5rem;
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-surface-sunken);
    overflow: hidden;
  }
  .bar-fill {
    display: block;
    block-size: 100%;
    background: var(--_star);
    border-radius: inherit;
    transition: inline-size var(--reel-duration-normal) var(--reel-easing-standard);
  }
  .bar-count {
    text-align: end;
  }

  /* Own review, call to action, form */
  .cta,
  .own,
  .form {
    padding: var(--reel-space-5);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
  }
  .cta p {
    margin: 0 0 var(--reel-space-3);
    color: var(--reel-color-text-muted);
  }
  .own {
    display: grid;
    gap: var(--reel-space-2);
  }
  .own .review {
    border: 0;
    padding: 0;
    background: none;
  }
  .own-heading,
  .form h3 {
    font-size: var(--reel-font-size-md);
    font-weight: var(--reel-font-weight-semibold);
  }
  .notice {
    margin: 0;
    padding: var(--reel-space-2) var(--reel-space-3);
    border-radius: var(--reel-radius-sm);
    background: var(--reel-color-warning-soft);
    font-size: var(--reel-font-size-sm);
  }
  .hint {
    margin: 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .form {
    display: grid;
    gap: var(--reel-space-4);
  }
  .field {
    display: grid;
    gap: var(--reel-space-1);
  }
  .label {
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-medium);
  }
  .stars {
    display: flex;
    align-items: center;
    gap: var(--reel-space-1);
  }
  .star {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: var(--reel-radius-sm);
    font-size: 1.5rem;
    color: var(--reel-color-text-subtle);
    cursor: pointer;
  }
  .star.on {
    color: var(--_star);
  }
  .star:hover {
    background: var(--reel-color-surface-hover);
  }
  .star:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 1px;
  }
  .star-caption {
    margin-inline-start: var(--reel-space-2);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--reel-color-danger);
    font-size: var(--reel-font-size-sm);
  }
  .form-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--reel-space-4);
  }
  .form-row reel-select {
    min-inline-size: 10rem;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--reel-space-2);
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--reel-space-3) var(--reel-space-4);
    margin-block-end: var(--reel-space-4);
  }
  .toolbar reel-select {
    flex: 1 1 10rem;
    min-inline-size: 0;
    max-inline-size: 14rem;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2) var(--reel-space-4);
    min-block-size: var(--reel-control-height-md);
    align-items: center;
  }

  /* List */
  .list-count {
    margin: 0 0 var(--reel-space-2);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--reel-space-3);
  }
  .review {
    display: grid;
    gap: var(--reel-space-2);
    padding: var(--reel-space-4) var(--reel-space-5);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
  }
  .review-head {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    flex-wrap: wrap;
  }
  .avatar {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: var(--reel-color-surface-sunken);
    flex: none;
  }
  .who {
    display: grid;
    min-width: 0;
    flex: 1 1 8rem;
  }
  .name {
    font-weight: var(--reel-font-weight-semibold);
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs);
  }
  .edited {
    font-style: italic;
  }
  .badges {
    display: flex;
    gap: var(--reel-space-1);
    flex-wrap: wrap;
  }
  .headline {
    font-size: var(--reel-font-size-md);
    font-weight: var(--reel-font-weight-semibold);
    overflow-wrap: anywhere;
  }
  .body {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
    line-height: var(--reel-line-height-normal);
    color: var(--reel-color-text);
    max-inline-size: 75ch;
  }
  .body:focus {
    outline: none;
  }
  .spoiler {
    position: relative;
    display: grid;
    place-items: center;
    min-block-size: 4rem;
  }
  .spoiler > * {
    grid-area: 1 / 1;
  }
  .blurred {
    filter: blur(6px);
    user-select: none;
    opacity: 0.6;
    justify-self: stretch;
  }
  @media (prefers-reduced-transparency: reduce), (forced-colors: active) {
    .blurred {
      visibility: hidden;
    }
  }
  .review-foot {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
    margin-block-start: var(--reel-space-1);
  }
  .spacer {
    flex: 1;
  }
  .helpful-count,
  .reported,
  .votes-label {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .votes {
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-1);
  }
  .votes-label {
    margin-inline-end: var(--reel-space-1);
  }
  .vote {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-1);
    min-block-size: var(--reel-control-height-sm);
    min-inline-size: 2.75rem;
    padding-inline: var(--reel-space-2);
    border-radius: var(--reel-radius-pill);
    border: 1px solid var(--reel-color-border);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .vote:hover {
    background: var(--reel-color-surface-hover);
    color: var(--reel-color-text);
  }
  .vote:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 1px;
  }
  .vote[aria-pressed='true'] {
    background: var(--reel-color-accent-soft);
    border-color: var(--reel-color-accent);
    color: var(--reel-color-text);
  }
  .more {
    display: flex;
    justify-content: center;
    margin-block-start: var(--reel-space-4);
  }
  .report-form {
    display: grid;
    gap: var(--reel-space-4);
  }

  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Loading */
  .skeleton {
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-skeleton);
  }
  .skeleton.big {
    block-size: 3.5rem;
    inline-size: 60%;
  }
  .skeleton.bars {
    block-size: 8rem;
  }
  .list-loading {
    display: grid;
    gap: var(--reel-space-3);
  }
  .review-skeleton {
    block-size: 8rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar-fill {
      transition: none;
    }
  }
`;
