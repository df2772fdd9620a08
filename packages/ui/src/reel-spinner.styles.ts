import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    inline-size: var(--reel-spinner-size, 1.5rem);
    block-size: var(--reel-spinner-size, 1.5rem);
    color: var(--reel-spinner-color, var(--reel-color-accent));
    vertical-align: middle;
  }
  :host([size='sm']) {
    --reel-spinner-size: 1rem;
  }
  :host([size='lg']) {
    --reel-spinner-size: 3rem;
  }
  svg {
    inline-size: 100%;
    block-size: 100%;
    animation: rotate 0.9s linear infinite;
  }
  .track {
    stroke: var(--reel-color-neutral);
  }
  .arc {
    stroke: currentColor;
    stroke-linecap: round;
    stroke-dasharray: 42 100;
  }
  @keyframes rotate {
    to {
      rotate: 1turn;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    svg {
      /* Slower, not stopped: a spinner that does not move says nothing. */
      animation-duration: 2.4s;
    }
  }
`;
