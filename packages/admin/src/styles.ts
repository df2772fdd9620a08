import { css } from 'lit';

/** Shared look of every admin panel: headings, cards, toolbars, tables, forms. */
export const panelStyles = css`
  :host {
    display: block;
    color: var(--reel-color-text);
    min-inline-size: 0;
  }
  :host([hidden]) {
    display: none;
  }
  header.panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--reel-space-4);
    margin-block-end: var(--reel-space-6);
  }
  h1 {
    margin: 0;
    font-size: var(--reel-font-size-3xl);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
    line-height: var(--reel-line-height-tight);
  }
  h2 {
    margin: 0 0 var(--reel-space-3);
    font-size: var(--reel-font-size-lg);
    font-weight: var(--reel-font-weight-semibold);
  }
  .lede {
    margin: var(--reel-space-1) 0 0;
    color: var(--reel-color-text-muted);
    max-inline-size: 48rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
    align-items: center;
  }
  .card {
    background: var(--reel-color-surface);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-xl);
    padding: var(--reel-space-5);
    min-inline-size: 0;
  }
  .card + .card {
    margin-block-start: var(--reel-space-4);
  }
  .grid-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--reel-space-4);
  }
  .muted {
    color: var(--reel-color-text-muted);
  }
  .mono {
    font-family: var(--reel-font-family-mono);
    font-size: var(--reel-font-size-sm);
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  form.form {
    display: grid;
    gap: var(--reel-space-4);
  }
  .form-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--reel-space-4);
    align-items: start;
  }
  .form-foot {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
    justify-content: flex-end;
    align-items: center;
    padding-block-start: var(--reel-space-2);
    border-block-start: 1px solid var(--reel-color-border);
  }
  .dirty {
    margin-inline-end: auto;
    color: var(--reel-color-warning);
    font-size: var(--reel-font-size-sm);
  }
  .error-text {
    color: var(--reel-color-danger);
    font-size: var(--reel-font-size-sm);
    margin: 0;
  }
  table.simple {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--reel-font-size-sm);
  }
  table.simple th,
  table.simple td {
    text-align: start;
    padding: var(--reel-space-2) var(--reel-space-3);
    border-block-end: 1px solid var(--reel-color-border);
    vertical-align: top;
  }
  table.simple th {
    color: var(--reel-color-text-muted);
    font-weight: var(--reel-font-weight-semibold);
  }
  .scroll {
    overflow-x: auto;
  }
  textarea.code {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 10rem;
    padding: var(--reel-space-3);
    border-radius: var(--reel-radius-md);
    border: 1px solid var(--reel-color-border-strong);
    background: var(--reel-color-field);
    color: var(--reel-color-text);
    font-family: var(--reel-font-family-mono);
    font-size: var(--reel-font-size-sm);
  }
  textarea.code:focus-visible {
    outline: 2px solid var(--reel-color-focus);
    outline-offset: 2px;
  }
`;
