import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  .message {
    margin: 0 0 var(--reel-space-4);
  }
  .message:last-child {
    margin-block-end: 0;
  }
  strong {
    color: var(--reel-color-text);
    font-weight: var(--reel-font-weight-semibold);
  }
`;
