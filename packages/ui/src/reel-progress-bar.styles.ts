import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .top {
    display: flex;
    justify-content: space-between;
    gap: var(--reel-space-3);
    margin-block-end: var(--reel-space-1-5);
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-text-muted);
  }
  .label {
    color: var(--reel-color-text);
    font-weight: var(--reel-font-weight-medium);
  }
  .value {
    font-variant-numeric: tabular-nums;
  }
  .track {
    position: relative;
    block-size: var(--reel-progress-height, 0.375rem);
    border-radius: var(--reel-radius-pill);
    background: var(--reel-progress-track-color, var(--reel-color-neutral));
    overflow: hidden;
  }
  :host([size='sm']) .track {
    block-size: var(--reel-progress-height, 0.1875rem);
    border-radius: 0;
  }
  .fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: var(--_value, 0%);
    border-radius: inherit;
    background: var(--reel-progress-color, var(--reel-color-accent));
    transition: inline-size var(--reel-duration-slow) var(--reel-easing-standard);
  }
  .indeterminate .fill {
    inline-size: 40%;
    animation: slide 1.3s var(--reel-easing-standard) infinite;
  }
  :host(:dir(rtl)) .indeterminate .fill {
    animation-direction: reverse;
  }
  @keyframes slide {
    from {
      inset-inline-start: -40%;
    }
    to {
      inset-inline-start: 100%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .indeterminate .fill {
      animation-duration: 3s;
    }
  }
  @media (forced-colors: active) {
    .fill {
      background: Highlight;
    }
    .track {
      border: 1px solid CanvasText;
    }
  }
`;
