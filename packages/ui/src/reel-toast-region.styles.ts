import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  .live {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .stack {
    position: fixed;
    inset: auto;
    inset-block-end: var(--reel-toast-offset, var(--reel-space-6));
    inset-inline: 0;
    margin: 0 auto;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
    display: flex;
    flex-direction: column-reverse;
    align-items: center;
    gap: var(--reel-space-2);
    inline-size: max-content;
    max-inline-size: 100vw;
    pointer-events: none;
  }
  .stack:not(:popover-open) {
    display: none;
  }
  :host([placement='bottom-end']) .stack {
    margin-inline: auto var(--reel-space-6);
    align-items: flex-end;
  }
  :host([placement='top-center']) .stack,
  :host([placement='top-end']) .stack {
    inset-block: var(--reel-toast-offset, var(--reel-space-6)) auto;
    flex-direction: column;
  }
  :host([placement='top-end']) .stack {
    margin-inline: auto var(--reel-space-6);
    align-items: flex-end;
  }
`;
