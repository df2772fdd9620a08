import { css, unsafeCSS } from 'lit';

/** The floating panel of the select and the menu (a `popover` in the top layer). */
const base = css`
  .popup {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    min-inline-size: 10rem;
    max-inline-size: min(22rem, calc(100vw - 16px));
    overflow: auto;
    overscroll-behavior: contain;
    padding: var(--reel-space-1);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface-overlay);
    color: var(--reel-color-text);
    box-shadow: var(--reel-shadow-3);
    font-size: var(--reel-font-size-sm);
    opacity: 1;
    translate: 0 0;
    transition:
      opacity var(--reel-duration-fast) var(--reel-easing-standard),
      translate var(--reel-duration-fast) var(--reel-easing-standard),
      display var(--reel-duration-fast) allow-discrete,
      overlay var(--reel-duration-fast) allow-discrete;
  }
  .popup:not(:popover-open) {
    display: none;
    opacity: 0;
  }
  .item {
    display: flex;
    align-items: center;
    gap: var(--reel-space-2-5, 0.625rem);
    min-block-size: 2.25rem;
    padding: var(--reel-space-2) var(--reel-space-3);
    border-radius: var(--reel-radius-md);
    cursor: pointer;
    user-select: none;
    outline: none;
  }
  .item[aria-disabled='true'] {
    color: var(--reel-color-text-disabled);
    cursor: not-allowed;
  }
`;

// Entry transitions, as a string: lit-analyzer's CSS data predates @starting-style.
const entry = unsafeCSS(`
  @starting-style {
    .popup:popover-open {
      opacity: 0;
      translate: 0 -4px;
    }
    .popup[data-side='top']:popover-open {
      translate: 0 4px;
    }
  }
`);

export const popupStyles = [base, entry];
