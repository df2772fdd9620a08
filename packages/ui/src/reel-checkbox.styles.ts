import { css } from 'lit';
import { toggleStyles } from './toggle.styles.js';

export const styles = [
  toggleStyles,
  css`
    .control {
      position: relative;
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: inherit;
    }
    .box {
      display: grid;
      place-items: center;
      inline-size: 100%;
      block-size: 100%;
      border: 2px solid var(--reel-color-border-strong);
      border-radius: var(--reel-radius-sm);
      background: transparent;
      color: var(--reel-color-on-accent);
      transition:
        background-color var(--reel-duration-fast) var(--reel-easing-standard),
        border-color var(--reel-duration-fast) var(--reel-easing-standard);
      pointer-events: none;
    }
    .row:hover .box {
      border-color: var(--reel-color-text-muted);
    }
    .checked .box,
    .indeterminate .box {
      border-color: var(--reel-color-accent);
      background: var(--reel-color-accent);
    }
    .box reel-icon {
      --reel-icon-size: 0.95rem;
      --reel-icon-stroke-width: 3;
      scale: 0.6;
      opacity: 0;
      transition:
        scale var(--reel-duration-fast) var(--reel-easing-emphasized),
        opacity var(--reel-duration-fast) var(--reel-easing-standard);
    }
    .checked .box reel-icon,
    .indeterminate .box reel-icon {
      scale: 1;
      opacity: 1;
    }
    .invalid .box {
      border-color: var(--reel-color-danger);
    }
    input:focus-visible + .box {
      outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
      outline-offset: var(--reel-focus-ring-offset);
    }
  `,
];
