import { css } from 'lit';
import { buttonStyles } from './button.styles.js';

export const styles = [
  buttonStyles,
  css`
    :host {
      display: inline-flex;
      vertical-align: middle;
    }
    :host([block]) {
      display: flex;
    }
    .label {
      display: inline-flex;
      align-items: center;
    }
    ::slotted(reel-icon) {
      --reel-icon-size: 1.25em;
    }
    .lg ::slotted(reel-icon) {
      --reel-icon-size: 1.5em;
    }
    .spinner {
      inline-size: 1.1em;
      block-size: 1.1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.7s linear infinite;
    }
    .loading slot[name='start'] {
      display: none;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2s;
      }
    }
  `,
];
