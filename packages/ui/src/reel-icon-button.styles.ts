import { css } from 'lit';
import { buttonStyles } from './button.styles.js';

export const styles = [
  buttonStyles,
  css`
    :host {
      display: inline-flex;
      position: relative;
      vertical-align: middle;
    }
    .button {
      inline-size: var(--_height, var(--reel-control-height-md));
      padding: 0;
      border-radius: var(--reel-icon-button-radius, var(--reel-radius-pill));
    }
    reel-icon {
      --reel-icon-size: var(--_icon, 1.25rem);
    }
    .sm {
      --_icon: 1.05rem;
    }
    .lg {
      --_icon: 1.6rem;
    }
    .button[aria-pressed='true'] {
      color: var(--reel-color-accent);
    }
    .button.inverse[aria-pressed='true'],
    .button.primary[aria-pressed='true'] {
      color: var(--_fg);
    }
    .tooltip {
      position: absolute;
      inset-block-end: calc(100% + var(--reel-space-2));
      /* Centred, so physical: the same in both directions. */
      left: 50%;
      translate: -50% 2px;
      z-index: var(--reel-z-tooltip);
      padding: var(--reel-space-1) var(--reel-space-2);
      border-radius: var(--reel-radius-sm);
      background: var(--reel-color-inverse);
      color: var(--reel-color-on-inverse);
      font-size: var(--reel-font-size-xs);
      font-weight: var(--reel-font-weight-medium);
      white-space: nowrap;
      pointer-events: none;
      opacity: 0;
      transition:
        opacity var(--reel-duration-fast) var(--reel-easing-standard),
        translate var(--reel-duration-fast) var(--reel-easing-standard);
    }
    .button:hover + .tooltip,
    .button:focus-visible + .tooltip {
      opacity: 1;
      translate: -50% 0;
      transition-delay: 400ms;
    }
    :host([tooltip='none']) .tooltip {
      display: none;
    }
    :host([tooltip='below']) .tooltip {
      inset-block: calc(100% + var(--reel-space-2)) auto;
    }
  `,
];
