import { css } from 'lit';
import { fieldStyles } from './field.styles.js';

export const styles = [
  fieldStyles,
  css`
    .label {
      cursor: default;
    }
    ::slotted(input:not([type='checkbox'], [type='radio'])),
    ::slotted(textarea),
    ::slotted(select) {
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: var(--reel-control-height-md);
      padding: 0 var(--reel-space-3);
      border: 1px solid var(--reel-color-border-strong);
      border-radius: var(--reel-radius-md);
      background: var(--reel-color-field);
      color: var(--reel-color-text);
      font: inherit;
      font-size: var(--reel-font-size-sm);
    }
    ::slotted(textarea) {
      padding-block: var(--reel-space-2);
    }
    ::slotted(:focus-visible) {
      outline: 2px solid var(--reel-color-focus);
      outline-offset: 0;
    }
    :host([error]:not([error=''])) ::slotted(:is(input, textarea, select)) {
      border-color: var(--reel-color-danger);
    }
    .group {
      display: flex;
      flex-direction: column;
      gap: var(--reel-space-2);
    }
  `,
];
