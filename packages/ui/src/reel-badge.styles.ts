import { css } from 'lit';

export const styles = css`
  :host {
    --_bg: var(--reel-color-neutral);
    --_fg: var(--reel-color-text);
    --_border: transparent;
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-1);
    box-sizing: border-box;
    min-block-size: 1.375rem;
    padding: 0 var(--reel-space-2);
    border: 1px solid var(--_border);
    border-radius: var(--reel-radius-sm);
    background: var(--_bg);
    color: var(--_fg);
    font-size: var(--reel-font-size-2xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-wide);
    line-height: 1;
    text-transform: uppercase;
    white-space: nowrap;
    vertical-align: middle;
  }
  :host([pill]) {
    border-radius: var(--reel-radius-pill);
    padding-inline: var(--reel-space-2-5, 0.625rem);
  }
  :host([variant='accent']) {
    --_bg: var(--reel-color-accent);
    --_fg: var(--reel-color-on-accent);
  }
  :host([variant='success']) {
    --_bg: var(--reel-color-success-soft);
    --_fg: var(--reel-color-success);
  }
  :host([variant='warning']) {
    --_bg: var(--reel-color-warning-soft);
    --_fg: var(--reel-color-warning);
  }
  :host([variant='danger']) {
    --_bg: var(--reel-color-danger-soft);
    --_fg: var(--reel-color-danger);
  }
  :host([variant='info']) {
    --_bg: var(--reel-color-info-soft);
    --_fg: var(--reel-color-info);
  }
  :host([variant='outline']) {
    --_bg: transparent;
    --_fg: var(--reel-color-text-muted);
    --_border: var(--reel-color-border-strong);
  }
  .dot {
    inline-size: 0.4rem;
    block-size: 0.4rem;
    border-radius: 50%;
    background: currentColor;
  }
  ::slotted(reel-icon) {
    --reel-icon-size: 0.85rem;
  }
`;
