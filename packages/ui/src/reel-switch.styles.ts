import { css } from 'lit';
import { toggleStyles } from './toggle.styles.js';

export const styles = [
  toggleStyles,
  css`
    .row {
      align-items: center;
    }
    :host([label-position='end']) .row {
      flex-direction: row-reverse;
      justify-content: flex-end;
    }
    .row {
      justify-content: space-between;
      inline-size: 100%;
    }
    :host([block]) {
      display: flex;
    }
    button {
      position: relative;
      flex: none;
      inline-size: 2.5rem;
      block-size: 1.5rem;
      margin: 0;
      padding: 0;
      border: 0;
      border-radius: var(--reel-radius-pill);
      background: var(--reel-color-neutral-pressed);
      cursor: inherit;
      transition: background-color var(--reel-duration-normal) var(--reel-easing-standard);
    }
    button:hover {
      background: color-mix(in srgb, var(--reel-color-neutral-pressed) 80%, var(--reel-color-text));
    }
    button[aria-checked='true'] {
      background: var(--reel-color-accent);
    }
    button[aria-checked='true']:hover {
      background: var(--reel-color-accent-hover);
    }
    button:focus-visible {
      outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
      outline-offset: var(--reel-focus-ring-offset);
    }
    .thumb {
      position: absolute;
      inset-block-start: 3px;
      inset-inline-start: 3px;
      inline-size: 1.125rem;
      block-size: 1.125rem;
      border-radius: 50%;
      background: #fff;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.35);
      transition: inset-inline-start var(--reel-duration-normal) var(--reel-easing-emphasized);
    }
    button[aria-checked='true'] .thumb {
      inset-inline-start: calc(100% - 1.125rem - 3px);
    }
    @media (forced-colors: active) {
      button {
        border: 1px solid ButtonText;
      }
      .thumb {
        background: ButtonText;
      }
    }
  `,
];
