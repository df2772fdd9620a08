import { css } from 'lit';
import { buttonStyles } from './button.styles.js';
import { popupStyles } from './popup.styles.js';

export const styles = [
  buttonStyles,
  popupStyles,
  css`
    :host {
      display: inline-flex;
      vertical-align: middle;
    }
    .button.icon-only {
      inline-size: var(--_height, var(--reel-control-height-md));
      padding: 0;
      border-radius: var(--reel-radius-pill);
    }
    .chevron {
      --reel-icon-size: 1rem;
      margin-inline-end: calc(-1 * var(--reel-space-1));
      transition: rotate var(--reel-duration-normal) var(--reel-easing-standard);
    }
    [aria-expanded='true'] .chevron {
      rotate: 180deg;
    }
    .popup {
      min-inline-size: 12rem;
    }
  `,
];
