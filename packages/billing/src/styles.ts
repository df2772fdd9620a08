import { css } from 'lit';

/** The billing pages: a calm account-settings layout with cards, a comparison table and forms. */
export const billingStyles = css`
  :host {
    display: block;
    color: var(--reel-color-text);
    --_max: var(--reel-billing-max-width, 72rem);
  }
  :host([hidden]) {
    display: none;
  }
  .page {
    max-inline-size: var(--_max);
    margin-inline: auto;
    padding: var(--reel-space-8) var(--reel-space-6) var(--reel-space-16);
    display: grid;
    gap: var(--reel-space-6);
    grid-template-columns: minmax(0, 1fr);
  }
  .page > *,
  .checkout > *,
  .grid-2 > * {
    min-inline-size: 0;
  }
  @media (max-width: 40rem) {
    .page {
      padding: var(--reel-space-6) var(--reel-space-4) var(--reel-space-12);
    }
    .card {
      padding: var(--reel-space-4);
    }
    h1 {
      font-size: var(--reel-font-size-2xl);
    }
  }
  .eyebrow {
    margin: 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-medium);
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  h1 {
    margin: var(--reel-space-1) 0 0;
    font-size: var(--reel-font-size-3xl);
    line-height: var(--reel-line-height-tight);
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  h1:focus,
  h2:focus {
    outline: none;
  }
  .intro {
    margin: var(--reel-space-2) 0 0;
    color: var(--reel-color-text-muted);
    max-inline-size: 44rem;
  }
  nav.tabs ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
  }
  nav.tabs a {
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-2);
    padding: var(--reel-space-2) var(--reel-space-4);
    border-radius: var(--reel-radius-pill);
    color: var(--reel-color-text-muted);
    text-decoration: none;
    font-weight: var(--reel-font-weight-medium);
    border: 1px solid var(--reel-color-border);
  }
  nav.tabs a:hover {
    color: var(--reel-color-text);
    background: var(--reel-color-surface-hover);
  }
  nav.tabs a[aria-current] {
    background: var(--reel-color-inverse);
    color: var(--reel-color-on-inverse);
    border-color: transparent;
  }
  nav.tabs a:focus-visible,
  a:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  .card {
    background: var(--reel-color-surface-raised);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-xl);
    box-shadow: var(--reel-shadow-1);
    padding: var(--reel-space-6);
  }
  .card > h2 {
    margin: 0 0 var(--reel-space-1);
    font-size: var(--reel-font-size-xl);
  }
  .card .lede {
    margin: 0 0 var(--reel-space-4);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--reel-space-3);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
  }
  .muted {
    color: var(--reel-color-text-muted);
  }
  .small {
    font-size: var(--reel-font-size-sm);
  }
  .big {
    font-size: var(--reel-font-size-2xl);
    font-weight: var(--reel-font-weight-bold);
  }
  /* Comparison table */
  .compare-wrap {
    overflow-x: auto;
    border-radius: var(--reel-radius-xl);
    border: 1px solid var(--reel-color-border);
    background: var(--reel-color-surface-raised);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--reel-font-size-sm);
  }
  table.compare {
    min-inline-size: 40rem;
  }
  th,
  td {
    padding: var(--reel-space-3) var(--reel-space-4);
    text-align: start;
    border-block-end: 1px solid var(--reel-color-border);
    vertical-align: top;
  }
  table.compare td,
  table.compare thead th {
    text-align: center;
  }
  table.compare tbody th {
    color: var(--reel-color-text-muted);
    font-weight: var(--reel-font-weight-medium);
  }
  table.compare tbody th,
  table.compare thead td {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--reel-color-surface-raised);
    min-inline-size: 7rem;
  }
  .price {
    white-space: nowrap;
  }
  tr:last-child > * {
    border-block-end: none;
  }
  .plan-head {
    display: grid;
    gap: var(--reel-space-1);
    justify-items: center;
    padding-block: var(--reel-space-2);
  }
  .plan-name {
    font-size: var(--reel-font-size-lg);
    font-weight: var(--reel-font-weight-bold);
  }
  .price {
    font-size: var(--reel-font-size-2xl);
    font-weight: var(--reel-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .per {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-regular);
  }
  th.highlight,
  td.highlight {
    background: var(--reel-color-accent-soft, var(--reel-color-surface-sunken));
  }
  th.current,
  td.current {
    box-shadow: inset 0 0 0 0 transparent;
  }
  .yes {
    color: var(--reel-color-success);
  }
  .no {
    color: var(--reel-color-text-muted);
  }
  /* Checkout */
  .checkout {
    display: grid;
    grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr);
    gap: var(--reel-space-6);
    align-items: start;
  }
  @media (max-width: 52rem) {
    .checkout {
      grid-template-columns: 1fr;
    }
  }
  form.card-form {
    display: grid;
    gap: var(--reel-space-4);
  }
  form.card-form > *,
  .two > * {
    min-inline-size: 0;
  }
  .two {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--reel-space-4);
  }
  .summary dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--reel-space-2) var(--reel-space-4);
    margin: 0;
  }
  .summary dt {
    color: var(--reel-color-text-muted);
  }
  .summary dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .summary .total {
    font-weight: var(--reel-font-weight-bold);
    color: var(--reel-color-text);
    border-block-start: 1px solid var(--reel-color-border);
    padding-block-start: var(--reel-space-2);
  }
  .decline {
    display: flex;
    gap: var(--reel-space-2);
    align-items: flex-start;
    margin: 0;
    padding: var(--reel-space-3) var(--reel-space-4);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-danger-soft);
    color: var(--reel-color-danger);
    font-size: var(--reel-font-size-sm);
  }
  .notice {
    display: flex;
    gap: var(--reel-space-2);
    align-items: flex-start;
    padding: var(--reel-space-3) var(--reel-space-4);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-warning-soft);
    font-size: var(--reel-font-size-sm);
  }
  .notice.info {
    background: var(--reel-color-info-soft);
  }
  .secure {
    display: flex;
    gap: var(--reel-space-2);
    align-items: center;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs);
  }
  .saved {
    display: grid;
    gap: var(--reel-space-2);
  }
  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  ul.list > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--reel-space-3);
    padding: var(--reel-space-3) 0;
    border-block-end: 1px solid var(--reel-color-border);
  }
  ul.list > li:last-child {
    border-block-end: none;
  }
  .card-label {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    font-weight: var(--reel-font-weight-medium);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .lines td:last-child,
  .lines th:last-child {
    text-align: end;
  }
  .stack {
    display: grid;
    gap: var(--reel-space-4);
  }
  .grid-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--reel-space-6);
  }

  .m0 {
    margin: 0;
  }
  .mt1 {
    margin: var(--reel-space-1) 0 0;
  }
  .mt2 {
    margin: var(--reel-space-2) 0 0;
  }
  .mb0 {
    margin-block-end: 0;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .features {
    padding-inline-start: 1.2em;
    margin: var(--reel-space-4) 0 0;
    display: grid;
    gap: var(--reel-space-1);
  }
  caption.caption {
    text-align: start;
    font-weight: var(--reel-font-weight-bold);
    padding-block-end: var(--reel-space-2);
  }
  .add-form {
    margin-block-start: var(--reel-space-4);
    max-inline-size: 32rem;
  }
  .scroll {
    overflow-x: auto;
  }
  .end {
    text-align: end;
  }
`;
