import { css } from 'lit';
import { fieldStyles } from './field.styles.js';

export const styles = [
  fieldStyles,
  css`
    input,
    textarea {
      flex: 1;
      min-inline-size: 0;
      align-self: stretch;
      margin: 0;
      padding: 0;
      border: 0;
      outline: 0;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: var(--reel-font-size-sm);
    }
    textarea {
      padding-block: var(--reel-space-2-5, 0.625rem);
      resize: vertical;
      line-height: var(--reel-line-height-normal);
    }
    input::placeholder,
    textarea::placeholder {
      color: var(--reel-color-text-subtle);
      opacity: 1;
    }
    input:disabled,
    textarea:disabled {
      cursor: not-allowed;
    }
    input[type='search']::-webkit-search-cancel-button {
      display: none;
    }
    .footer {
      display: flex;
      justify-content: space-between;
      gap: var(--reel-space-3);
    }
    .messages {
      display: flex;
      flex-direction: column;
      gap: var(--reel-space-1);
    }
    .counter {
      margin: 0;
      margin-inline-start: auto;
      font-size: var(--reel-font-size-xs);
      color: var(--reel-color-text-muted);
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .counter.over {
      color: var(--reel-color-danger);
    }
    ::slotted([slot='start']),
    ::slotted([slot='end']) {
      color: var(--reel-color-text-muted);
      flex: none;
    }
  `,
];
