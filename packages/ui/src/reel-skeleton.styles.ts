import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .lines {
    display: flex;
    flex-direction: column;
    gap: var(--reel-space-2);
  }
  .bone {
    display: block;
    inline-size: var(--reel-skeleton-width, 100%);
    block-size: var(--reel-skeleton-height, 0.875em);
    border-radius: var(--reel-skeleton-radius, var(--reel-radius-sm));
    background:
      linear-gradient(90deg, transparent 0%, var(--reel-color-skeleton-shine) 50%, transparent 100%) no-repeat,
      var(--reel-color-skeleton);
    background-size: 40% 100%, auto;
    animation: shimmer 1.4s var(--reel-easing-standard) infinite;
  }
  .text .bone:last-child:not(:first-child) {
    inline-size: 70%;
  }
  .rect .bone {
    block-size: var(--reel-skeleton-height, auto);
    aspect-ratio: var(--reel-skeleton-aspect-ratio, 16 / 9);
    border-radius: var(--reel-skeleton-radius, var(--reel-radius-md));
  }
  .circle .bone {
    inline-size: var(--reel-skeleton-width, 2.5rem);
    block-size: auto;
    aspect-ratio: 1;
    border-radius: 50%;
  }
  :host(:dir(rtl)) .bone {
    animation-direction: reverse;
  }
  @keyframes shimmer {
    from {
      background-position: -40% 0, 0 0;
    }
    to {
      background-position: 140% 0, 0 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`;
