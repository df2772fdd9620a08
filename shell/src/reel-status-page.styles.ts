import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    isolation: isolate;
    min-block-size: min(46rem, calc(100dvh - var(--reel-shell-bar-height, 4rem)));
    overflow: hidden;
  }
  /* A soft spotlight and a film-grain vignette: the page looks designed, not empty. */
  .backdrop {
    position: absolute;
    inset: 0;
    z-index: -1;
    background:
      radial-gradient(60rem 26rem at 50% 0%, var(--reel-color-accent-soft), transparent 70%),
      radial-gradient(40rem 30rem at 85% 90%, rgb(108 178 255 / 0.07), transparent 70%),
      linear-gradient(180deg, transparent 60%, var(--reel-color-bg));
  }
  .backdrop::after {
    content: '';
    position: absolute;
    inset: 0;
    background-image: repeating-linear-gradient(
      90deg,
      rgb(255 255 255 / 0.018) 0 1px,
      transparent 1px 96px
    );
    mask-image: linear-gradient(180deg, black, transparent 75%);
  }
  .content {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: var(--reel-space-4);
    max-inline-size: 36rem;
    margin-inline: auto;
    padding: clamp(3rem, 12vh, 7rem) var(--reel-space-6) var(--reel-space-12);
  }
  .mark {
    display: grid;
    place-items: center;
    inline-size: 5.5rem;
    block-size: 5.5rem;
    border-radius: 50%;
    background: linear-gradient(145deg, var(--reel-color-surface-overlay), var(--reel-color-surface));
    box-shadow:
      0 0 0 1px var(--reel-color-border),
      0 0 0 10px rgb(255 255 255 / 0.025),
      var(--reel-shadow-3);
    color: var(--reel-color-accent);
    --reel-icon-size: 2.25rem;
  }
  .code {
    font-size: clamp(4.5rem, 16vw, 8rem);
    font-weight: 800;
    line-height: 1;
    letter-spacing: -0.04em;
    background: linear-gradient(180deg, var(--reel-color-text), transparent 110%);
    background-clip: text;
    color: transparent;
  }
  .eyebrow {
    margin: var(--reel-space-2) 0 0;
    font-size: var(--reel-font-size-xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-wide);
    text-transform: uppercase;
    color: var(--reel-color-accent);
  }
  h1 {
    margin: 0;
    font-size: clamp(var(--reel-font-size-2xl), 4.5vw, var(--reel-font-size-4xl));
    line-height: var(--reel-line-height-tight);
    letter-spacing: var(--reel-letter-spacing-tight);
    font-weight: var(--reel-font-weight-bold);
  }
  h1:focus {
    outline: none;
  }
  p {
    margin: 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-lg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--reel-space-3);
    margin-block-start: var(--reel-space-4);
  }
`;
