import { css } from 'lit';

export const styles = css`
  :host {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-2);
    flex: none;
    padding: var(--reel-space-3) 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-semibold);
    white-space: nowrap;
    cursor: pointer;
    user-select: none;
    outline: none;
    transition: color var(--reel-duration-fast) var(--reel-easing-standard);
  }
  :host(:hover) {
    color: var(--reel-color-text);
  }
  :host([selected]) {
    color: var(--reel-color-text);
  }
  :host::after {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-end: -1px;
    block-size: 3px;
    border-radius: 3px 3px 0 0;
    background: var(--reel-tab-indicator-color, var(--reel-color-accent));
    scale: 0 1;
    transition: scale var(--reel-duration-normal) var(--reel-easing-emphasized);
  }
  :host([selected])::after {
    scale: 1 1;
  }
  :host(:focus-visible) {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 2px;
    border-radius: var(--reel-radius-sm);
  }
  :host([disabled]) {
    color: var(--reel-color-text-disabled);
    cursor: not-allowed;
  }
  ::slotted(reel-icon) {
    --reel-icon-size: 1.1rem;
  }
`;
