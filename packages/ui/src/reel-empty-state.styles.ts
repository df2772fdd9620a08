import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--reel-space-2);
    padding: var(--reel-space-10) var(--reel-space-6);
    text-align: center;
  }
  .icon {
    display: grid;
    place-items: center;
    inline-size: 4rem;
    block-size: 4rem;
    margin-block-end: var(--reel-space-2);
    border-radius: 50%;
    background: var(--reel-color-neutral);
    color: var(--reel-color-text-muted);
  }
  .icon reel-icon {
    --reel-icon-size: 1.75rem;
  }
  .heading {
    margin: 0;
    font-size: var(--reel-font-size-lg);
    font-weight: var(--reel-font-weight-semibold);
    color: var(--reel-color-text);
  }
  .text {
    max-inline-size: 42ch;
    font-size: var(--reel-font-size-sm);
    color: var(--reel-color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--reel-space-3);
    margin-block-start: var(--reel-space-3);
  }
  .actions.empty-slot {
    display: none;
  }
`;
