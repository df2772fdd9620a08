import { css } from 'lit';

/** Shared by the checkbox and the switch: a label row with a control and its text. */
export const toggleStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
  }
  .row {
    display: inline-flex;
    align-items: flex-start;
    gap: var(--reel-space-3);
    cursor: pointer;
    font-size: var(--reel-font-size-sm);
    line-height: 1.25rem;
    color: var(--reel-color-text);
    user-select: none;
  }
  .row.disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .help {
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-text-muted);
  }
  .error-text {
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-danger);
    font-weight: var(--reel-font-weight-medium);
  }
`;
