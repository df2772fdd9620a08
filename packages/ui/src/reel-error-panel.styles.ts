import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([bordered]) .reel-state {
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
  }
`;
