import { css } from 'lit';

/** Label, help and error text shared by the text field, select and form field. */
export const fieldStyles = css`
  :host {
    display: block;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--reel-space-1-5);
  }
  .label {
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-medium);
    color: var(--reel-color-text);
    line-height: var(--reel-line-height-snug);
  }
  .required {
    color: var(--reel-color-text-muted);
    margin-inline-start: var(--reel-space-0-5);
  }
  .help,
  .error-text {
    margin: 0;
    font-size: var(--reel-font-size-xs);
    line-height: var(--reel-line-height-snug);
  }
  .help {
    color: var(--reel-color-text-muted);
  }
  .error-text {
    display: flex;
    align-items: flex-start;
    gap: var(--reel-space-1);
    color: var(--reel-color-danger);
    font-weight: var(--reel-font-weight-medium);
  }
  .error-text reel-icon {
    --reel-icon-size: 1rem;
    margin-block-start: -0.05rem;
  }
  .box {
    display: flex;
    align-items: center;
    gap: var(--reel-space-2);
    min-block-size: var(--reel-control-height-md);
    padding-inline: var(--reel-space-3);
    border: 1px solid var(--reel-color-border-strong);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-field);
    color: var(--reel-color-text);
    transition:
      border-color var(--reel-duration-fast) var(--reel-easing-standard),
      box-shadow var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .box:hover {
    border-color: var(--reel-color-text-subtle);
  }
  .box:focus-within {
    border-color: var(--reel-color-focus);
    box-shadow: 0 0 0 1px var(--reel-color-focus);
    /* Visible in forced-colors mode, where box-shadow is not drawn. */
    outline: 2px solid transparent;
  }
  :host([invalid]) .box,
  .box.invalid {
    border-color: var(--reel-color-danger);
  }
  :host([invalid]) .box:focus-within,
  .box.invalid:focus-within {
    box-shadow: 0 0 0 1px var(--reel-color-danger);
  }
  .box.disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .box > reel-icon {
    color: var(--reel-color-text-muted);
  }
  .inline-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin-inline-end: calc(-1 * var(--reel-space-1-5));
    padding: 0;
    border: 0;
    border-radius: var(--reel-radius-sm);
    background: transparent;
    color: var(--reel-color-text-muted);
    cursor: pointer;
  }
  .inline-button:hover {
    color: var(--reel-color-text);
    background: var(--reel-color-surface-hover);
  }
  .inline-button:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    outline-offset: 0;
  }
`;
