import { css } from 'lit';

/** The look of every button-like control (reel-button, reel-icon-button, menu triggers). */
export const buttonStyles = css`
  .button {
    --_bg: var(--reel-color-neutral);
    --_bg-hover: var(--reel-color-neutral-hover);
    --_bg-active: var(--reel-color-neutral-pressed);
    --_fg: var(--reel-color-text);
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--reel-space-2);
    inline-size: 100%;
    min-block-size: var(--_height, var(--reel-control-height-md));
    padding-inline: var(--_padding, var(--reel-space-4));
    margin: 0;
    border: 1px solid var(--_border, transparent);
    border-radius: var(--reel-button-radius, var(--reel-radius-md));
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-size: var(--_font-size, var(--reel-font-size-sm));
    font-weight: var(--reel-font-weight-semibold);
    letter-spacing: 0.005em;
    line-height: 1;
    text-decoration: none;
    white-space: nowrap;
    cursor: pointer;
    user-select: none;
    transition:
      background-color var(--reel-duration-fast) var(--reel-easing-standard),
      color var(--reel-duration-fast) var(--reel-easing-standard),
      border-color var(--reel-duration-fast) var(--reel-easing-standard),
      transform var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .button:hover {
    background: var(--_bg-hover);
  }
  .button:active:not([aria-disabled='true']) {
    background: var(--_bg-active);
    transform: scale(0.97);
  }
  .button:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.45;
  }
  .button.loading[aria-disabled='true'] {
    cursor: progress;
    opacity: 1;
  }
  .button:disabled:hover {
    background: var(--_bg);
  }

  .primary {
    --_bg: var(--reel-color-accent);
    --_bg-hover: var(--reel-color-accent-hover);
    --_bg-active: var(--reel-color-accent-pressed);
    --_fg: var(--reel-color-on-accent);
  }
  .inverse {
    --_bg: var(--reel-color-inverse);
    --_bg-hover: color-mix(in srgb, var(--reel-color-inverse) 80%, transparent);
    --_bg-active: color-mix(in srgb, var(--reel-color-inverse) 70%, transparent);
    --_fg: var(--reel-color-on-inverse);
  }
  .ghost {
    --_bg: transparent;
    --_bg-hover: var(--reel-color-surface-hover);
    --_bg-active: var(--reel-color-surface-pressed);
  }
  .outline {
    --_bg: transparent;
    --_bg-hover: var(--reel-color-surface-hover);
    --_bg-active: var(--reel-color-surface-pressed);
    --_border: var(--reel-color-border-strong);
  }
  .danger {
    --_bg: var(--reel-color-danger-solid);
    --_bg-hover: color-mix(in srgb, var(--reel-color-danger-solid) 88%, #fff);
    --_bg-active: color-mix(in srgb, var(--reel-color-danger-solid) 80%, #000);
    --_fg: var(--reel-color-on-danger);
  }
  .overlay {
    --_bg: rgb(20 20 24 / 0.6);
    --_bg-hover: rgb(40 40 46 / 0.75);
    --_bg-active: rgb(60 60 68 / 0.8);
    --_fg: #fff;
    --_border: rgb(255 255 255 / 0.5);
    backdrop-filter: blur(6px);
  }

  .sm {
    --_height: var(--reel-control-height-sm);
    --_padding: var(--reel-space-3);
    --_font-size: var(--reel-font-size-xs);
  }
  .lg {
    --_height: var(--reel-control-height-lg);
    --_padding: var(--reel-space-6);
    --_font-size: var(--reel-font-size-md);
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
