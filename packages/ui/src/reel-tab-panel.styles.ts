import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    outline: none;
  }
  :host(:focus-visible) {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    border-radius: var(--reel-radius-sm);
  }
`;
