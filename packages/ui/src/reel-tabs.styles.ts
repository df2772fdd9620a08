import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .tablist {
    position: relative;
    display: flex;
    gap: var(--reel-space-6);
    border-block-end: 1px solid var(--reel-color-border);
    overflow-x: auto;
    scrollbar-width: none;
  }
  :host([appearance='pills']) .tablist {
    gap: var(--reel-space-2);
    border: 0;
  }
  :host([appearance='pills']) ::slotted(reel-tab) {
    --reel-tab-indicator-color: transparent;
    padding: var(--reel-space-2) var(--reel-space-4);
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-neutral);
  }
  :host([appearance='pills']) ::slotted(reel-tab[selected]) {
    background: var(--reel-color-inverse);
    color: var(--reel-color-on-inverse);
  }
  .panels {
    padding-block-start: var(--reel-space-5);
  }
`;
