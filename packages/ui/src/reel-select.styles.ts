import { css } from 'lit';
import { fieldStyles } from './field.styles.js';
import { popupStyles } from './popup.styles.js';

export const styles = [
  fieldStyles,
  popupStyles,
  css`
    .trigger {
      cursor: pointer;
      user-select: none;
      font-size: var(--reel-font-size-sm);
      outline: none;
    }
    .trigger.disabled {
      cursor: not-allowed;
    }
    .value {
      flex: 1;
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .placeholder {
      color: var(--reel-color-text-subtle);
    }
    .chevron {
      flex: none;
      color: var(--reel-color-text-muted);
      transition: rotate var(--reel-duration-normal) var(--reel-easing-standard);
    }
    .open .chevron {
      rotate: 180deg;
    }
    .item.active {
      background: var(--reel-color-surface-hover);
    }
    .item[aria-selected='true'] {
      font-weight: var(--reel-font-weight-semibold);
    }
    .check {
      flex: none;
      color: var(--reel-color-accent);
      visibility: hidden;
    }
    .item[aria-selected='true'] .check {
      visibility: visible;
    }
    .option-text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .option-description {
      font-size: var(--reel-font-size-xs);
      font-weight: var(--reel-font-weight-regular);
      color: var(--reel-color-text-muted);
    }
  `,
];
