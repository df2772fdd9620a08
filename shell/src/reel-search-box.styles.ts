import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    align-items: center;
  }
  form {
    display: contents;
  }
  reel-text-field {
    inline-size: 0;
    opacity: 0;
    transition:
      inline-size var(--reel-duration-normal) var(--reel-easing-standard),
      opacity var(--reel-duration-fast) var(--reel-easing-standard);
  }
  :host([open]) reel-text-field {
    inline-size: min(17rem, 42vw);
    opacity: 1;
  }
  :host([open]) reel-icon-button {
    display: none;
  }
  reel-text-field::part(label) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  reel-text-field::part(box) {
    background: rgb(0 0 0 / 0.72);
    border-color: var(--reel-color-border-strong);
    min-block-size: 2.25rem;
  }
  reel-text-field reel-icon {
    --reel-icon-size: 1.125rem;
    margin-inline-start: var(--reel-space-2);
    color: var(--reel-color-text-muted);
  }
  .clear {
    margin-inline-end: var(--reel-space-0-5);
  }
`;
