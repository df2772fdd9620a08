import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    min-block-size: 2.25rem;
    padding: var(--reel-space-2) var(--reel-space-3);
    border-radius: var(--reel-radius-md);
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-sm);
    cursor: pointer;
    user-select: none;
    outline: none;
  }
  :host(:hover),
  :host(:focus) {
    background: var(--reel-color-surface-hover);
  }
  :host(:focus-visible) {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: -2px;
  }
  :host([variant='danger']) {
    color: var(--reel-color-danger);
  }
  :host([disabled]) {
    color: var(--reel-color-text-disabled);
    cursor: not-allowed;
  }
  :host([disabled]:hover) {
    background: transparent;
  }
  ::slotted([slot='start']) {
    --reel-icon-size: 1.15rem;
    color: var(--reel-color-text-muted);
  }
  :host([variant='danger']) ::slotted([slot='start']) {
    color: inherit;
  }
  .label {
    flex: 1;
  }
  ::slotted([slot='end']) {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-xs);
  }
`;
