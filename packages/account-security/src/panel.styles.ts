import { css } from 'lit';

/**
 * The look of every card of the security page: a raised surface with a header (icon, title,
 * description, status badge, actions) and rows separated by hairlines. Account-settings pages of
 * paid services look like this: calm, roomy, one idea per row.
 */
export const panelStyles = css`
  :host {
    display: block;
    color: var(--reel-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    background: var(--reel-color-surface-raised);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-xl);
    box-shadow: var(--reel-shadow-1);
    overflow: hidden;
  }
  .head {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: var(--reel-space-2) var(--reel-space-4);
    align-items: start;
    padding: var(--reel-space-6) var(--reel-space-6) var(--reel-space-5);
  }
  .head-icon {
    display: grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface-sunken);
    color: var(--reel-color-text);
    --reel-icon-size: 1.375rem;
  }
  .head-icon.good {
    background: var(--reel-color-success-soft);
    color: var(--reel-color-success);
  }
  .head-icon.warn {
    background: var(--reel-color-warning-soft);
    color: var(--reel-color-warning);
  }
  .head-icon.danger {
    background: var(--reel-color-danger-soft);
    color: var(--reel-color-danger);
  }
  h2 {
    margin: 0;
    font-size: var(--reel-font-size-xl);
    font-weight: var(--reel-font-weight-bold);
    line-height: var(--reel-line-height-tight);
    letter-spacing: var(--reel-letter-spacing-tight);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-2) var(--reel-space-3);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    border-radius: var(--reel-radius-sm);
  }
  .lede {
    margin: var(--reel-space-1-5) 0 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-normal);
    max-inline-size: 44rem;
  }
  .head-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
    justify-content: flex-end;
  }
  .body {
    border-block-start: 1px solid var(--reel-color-border);
  }
  .pad {
    padding: var(--reel-space-5) var(--reel-space-6);
  }
  ul.rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: var(--reel-space-1) var(--reel-space-4);
    align-items: center;
    padding: var(--reel-space-4) var(--reel-space-6);
    border-block-start: 1px solid var(--reel-color-border);
  }
  .row:first-child {
    border-block-start: 0;
  }
  .row-icon {
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-surface-sunken);
    color: var(--reel-color-text-muted);
    --reel-icon-size: 1.25rem;
  }
  .row-main {
    min-inline-size: 0;
  }
  .row-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-1) var(--reel-space-2);
    font-weight: var(--reel-font-weight-semibold);
    overflow-wrap: anywhere;
  }
  .meta {
    margin: var(--reel-space-0-5) 0 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    overflow-wrap: anywhere;
  }
  .row-actions time::first-letter {
    text-transform: uppercase;
  }
  .row-actions {
    display: flex;
    gap: var(--reel-space-2);
    align-items: center;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--reel-space-3);
    padding: var(--reel-space-4) var(--reel-space-6);
    border-block-end: 1px solid var(--reel-color-border);
    background: var(--reel-color-surface-sunken);
  }
  .toolbar reel-select {
    min-inline-size: 13rem;
  }
  .more {
    display: flex;
    justify-content: center;
    padding: var(--reel-space-4);
    border-block-start: 1px solid var(--reel-color-border);
  }
  .notice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--reel-space-3);
    align-items: start;
    margin: 0 var(--reel-space-6) var(--reel-space-5);
    padding: var(--reel-space-4);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-warning-soft);
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-normal);
  }
  .notice reel-icon {
    color: var(--reel-color-warning);
  }
  .notice.info {
    background: var(--reel-color-info-soft);
  }
  .notice.info reel-icon {
    color: var(--reel-color-info);
  }
  .notice p {
    margin: 0 0 var(--reel-space-2);
  }
  .muted {
    color: var(--reel-color-text-muted);
  }
  .error-text {
    color: var(--reel-color-danger);
    font-size: var(--reel-font-size-sm);
    margin: var(--reel-space-2) 0 0;
  }
  form {
    display: grid;
    gap: var(--reel-space-4);
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (max-width: 639px) {
    .head {
      grid-template-columns: auto 1fr;
      padding: var(--reel-space-5) var(--reel-space-4) var(--reel-space-4);
    }
    .head-actions {
      grid-column: 1 / -1;
      justify-content: flex-start;
    }
    .row {
      grid-template-columns: auto minmax(0, 1fr);
      padding: var(--reel-space-4);
    }
    .row-actions {
      grid-column: 2;
      flex-wrap: wrap;
    }
    .pad,
    .toolbar {
      padding-inline: var(--reel-space-4);
    }
    .notice {
      margin-inline: var(--reel-space-4);
    }
    .toolbar reel-select {
      min-inline-size: 0;
      flex: 1 1 12rem;
    }
  }
`;
