import { css, unsafeCSS } from 'lit';

const base = css`
  :host {
    display: block;
    pointer-events: auto;
  }
  :host([hidden]) {
    display: none;
  }
  .toast {
    display: flex;
    align-items: flex-start;
    gap: var(--reel-space-3);
    box-sizing: border-box;
    inline-size: min(26rem, calc(100vw - 2 * var(--reel-space-4)));
    padding: var(--reel-space-3) var(--reel-space-3) var(--reel-space-3) var(--reel-space-4);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface-overlay);
    color: var(--reel-color-text);
    box-shadow: var(--reel-shadow-3);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-snug);
    opacity: 1;
    translate: 0 0;
    transition:
      opacity var(--reel-duration-normal) var(--reel-easing-standard),
      translate var(--reel-duration-normal) var(--reel-easing-emphasized);
  }
  .icon {
    --reel-icon-size: 1.25rem;
    flex: none;
    margin-block-start: 0.1rem;
    color: var(--reel-color-info);
  }
  :host([variant='success']) .icon {
    color: var(--reel-color-success);
  }
  :host([variant='warning']) .icon {
    color: var(--reel-color-warning);
  }
  :host([variant='error']) .icon {
    color: var(--reel-color-danger);
  }
  .message {
    flex: 1;
    min-inline-size: 0;
    padding-block: 0.15rem;
    overflow-wrap: anywhere;
  }
  .action {
    flex: none;
    margin-block: -0.3rem;
    padding: var(--reel-space-1-5) var(--reel-space-2);
    border: 0;
    border-radius: var(--reel-radius-sm);
    background: transparent;
    color: var(--reel-color-link);
    font: inherit;
    font-weight: var(--reel-font-weight-bold);
    cursor: pointer;
  }
  .action:hover {
    background: var(--reel-color-surface-hover);
  }
  .action:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 0;
  }
  .dismiss {
    flex: none;
    margin-block: -0.35rem;
  }
`;

// Entry transitions, as a string: lit-analyzer's CSS data predates @starting-style.
const entry = unsafeCSS(`
  @starting-style {
    .toast {
      opacity: 0;
      translate: 0 16px;
    }
  }
`);

export const styles = [base, entry];
