import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container: home / inline-size;
    background: var(--reel-color-bg);
    padding-block-end: var(--reel-space-12);
  }
  .hero,
  .rails,
  .skeleton {
    --_gutter: var(--reel-rail-gutter, clamp(1rem, 4cqi, 4rem));
  }
  .hero {
    position: relative;
    block-size: var(--reel-home-hero-height, clamp(min(34rem, 78vh), 56.25cqi, 86vh));
    overflow: hidden;
    color: #fff;
    isolation: isolate;
  }
  .hero__art {
    position: absolute;
    inset: 0;
    background: var(--_color, var(--reel-color-surface));
  }
  .hero__art img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    object-position: 60% 35%;
  }
  .hero__scrim {
    position: absolute;
    inset: 0;
    background:
      linear-gradient(to top, var(--reel-color-bg) 0, rgb(8 8 10 / 0.6) 16%, transparent 42%),
      linear-gradient(77deg, rgb(0 0 0 / 0.78) 0%, rgb(0 0 0 / 0.45) 34%, transparent 68%);
  }
  :host(:dir(rtl)) .hero__scrim {
    background:
      linear-gradient(to top, var(--reel-color-bg) 0, rgb(8 8 10 / 0.6) 16%, transparent 42%),
      linear-gradient(-77deg, rgb(0 0 0 / 0.78) 0%, rgb(0 0 0 / 0.45) 34%, transparent 68%);
  }
  .hero__content {
    position: absolute;
    inset-inline: var(--_gutter);
    inset-block-end: clamp(4.5rem, 14cqi, 14rem);
    display: grid;
    gap: var(--reel-space-3);
    max-inline-size: min(40rem, 46cqi);
  }
  .hero__eyebrow {
    display: flex;
    align-items: center;
    gap: var(--reel-space-2);
    margin: 0;
    font-size: clamp(0.9375rem, 0.8rem + 0.4cqi, 1.25rem);
    font-weight: var(--reel-font-weight-bold);
    text-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
  }
  .top10,
  .new {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    padding: 0.2em 0.35em 0.15em;
    border-radius: var(--reel-radius-xs);
    background: var(--reel-color-accent);
    color: var(--reel-color-on-accent);
    font-size: 0.5625rem;
    line-height: 1;
    letter-spacing: 0.04em;
    text-shadow: none;
  }
  .top10 b {
    font-size: 0.9375rem;
  }
  .new {
    padding: 0.35em 0.6em;
    font-size: var(--reel-font-size-xs);
    letter-spacing: var(--reel-letter-spacing-wide);
    text-transform: uppercase;
  }
  .hero__title {
    margin: 0;
    font-size: clamp(2.25rem, 1.2rem + 4.2cqi, 5rem);
    font-weight: 800;
    line-height: 1.02;
    letter-spacing: -0.025em;
    text-shadow: 0 2px 12px rgb(0 0 0 / 0.45);
    text-wrap: balance;
  }
  .hero__meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-1) var(--reel-space-3);
    margin: 0;
    color: rgb(255 255 255 / 0.86);
    font-size: clamp(0.875rem, 0.8rem + 0.25cqi, 1.0625rem);
    font-weight: var(--reel-font-weight-medium);
    text-shadow: 0 1px 3px rgb(0 0 0 / 0.6);
  }
  .hero__meta span + span:not(.hero__cert)::before {
    content: '•';
    margin-inline-end: var(--reel-space-3);
    color: rgb(255 255 255 / 0.5);
  }
  .hero__cert {
    padding: 0 0.45em;
    border: 1px solid rgb(255 255 255 / 0.6);
    border-radius: var(--reel-radius-xs);
    font-size: 0.85em;
    line-height: 1.5;
  }
  .hero__cert + span::before {
    display: none;
  }
  .hero__genres {
    flex-basis: 100%;
  }
  .hero__meta span.hero__genres::before {
    display: none;
  }
  .hero__join {
    margin: 0;
    color: rgb(255 255 255 / 0.8);
    font-size: var(--reel-font-size-sm);
    text-shadow: 0 1px 3px rgb(0 0 0 / 0.6);
  }
  .hero__join a {
    color: #fff;
    font-weight: var(--reel-font-weight-semibold);
    text-underline-offset: 0.2em;
  }
  .hero__join a:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    border-radius: var(--reel-radius-xs);
  }
  .hero__synopsis {
    margin: 0;
    min-block-size: calc(3 * var(--reel-line-height-normal) * 1em);
    color: rgb(255 255 255 / 0.92);
    font-size: clamp(0.9375rem, 0.78rem + 0.45cqi, 1.25rem);
    line-height: var(--reel-line-height-normal);
    text-shadow: 0 1px 4px rgb(0 0 0 / 0.7);
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .hero__progress {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    margin: 0;
    font-size: var(--reel-font-size-sm);
    color: rgb(255 255 255 / 0.86);
  }
  .hero__progress progress {
    inline-size: min(12rem, 40%);
    block-size: 4px;
    appearance: none;
    border: 0;
    background: rgb(255 255 255 / 0.3);
  }
  .hero__progress progress::-webkit-progress-bar {
    background: rgb(255 255 255 / 0.3);
  }
  .hero__progress progress::-webkit-progress-value {
    background: var(--reel-color-accent);
  }
  .hero__actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-3);
    margin-block-start: var(--reel-space-2);
  }
  .hero__actions reel-button {
    --reel-button-radius: var(--reel-radius-md);
  }
  @container home (width <= 640px) {
    .hero__content {
      max-inline-size: none;
      justify-items: center;
      text-align: center;
      inset-block-end: 3.5rem;
    }
    .hero__scrim {
      background: linear-gradient(to top, var(--reel-color-bg) 0, rgb(8 8 10 / 0.7) 30%, transparent 65%);
    }
    .hero__meta,
    .hero__actions,
    .hero__eyebrow {
      justify-content: center;
    }
    .hero__synopsis {
      display: none;
    }
  }

  .rails {
    position: relative;
    z-index: 1;
    margin-block-start: calc(-1 * clamp(2.5rem, 10cqi, 11rem));
  }

  .cta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--reel-space-4) var(--reel-space-8);
    margin: var(--reel-space-8) var(--_gutter);
    padding: var(--reel-space-5) clamp(1.25rem, 3cqi, 2.5rem);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-lg);
    background:
      radial-gradient(120% 180% at 0% 0%, rgb(229 9 20 / 0.35), transparent 55%),
      var(--reel-color-surface-raised);
    box-shadow: var(--reel-shadow-3);
  }
  .cta h2 {
    margin: 0 0 var(--reel-space-1);
    font-size: clamp(1.125rem, 0.9rem + 0.7cqi, 1.625rem);
    font-weight: var(--reel-font-weight-bold);
    line-height: var(--reel-line-height-tight);
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  .cta p {
    margin: 0;
    max-inline-size: 52ch;
    color: var(--reel-color-text-muted);
  }
  .cta__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
  }

  /* Loading: the same boxes as the content, so nothing moves when it arrives. */
  .hero--skeleton {
    background: linear-gradient(to top, var(--reel-color-bg), var(--reel-color-surface));
  }
  .rail-skeleton {
    --_per-page: 6;
    --_gap: var(--reel-rail-gap, clamp(0.375rem, 0.6cqi, 0.625rem));
    margin-block: clamp(0.75rem, 1.6vw, 1.75rem);
    padding-inline: var(--_gutter);
  }
  .rail-skeleton__heading {
    display: block;
    inline-size: 14rem;
    max-inline-size: 50%;
    block-size: 1.25rem;
    margin-block-end: 0.6rem;
    border-radius: var(--reel-radius-sm);
    background: var(--reel-color-skeleton);
  }
  .rail-skeleton__row {
    display: flex;
    gap: var(--_gap);
    overflow: hidden;
  }
  .rail-skeleton__row span {
    flex: none;
    inline-size: calc((100cqi - 2 * var(--_gutter) - (var(--_per-page) - 1) * var(--_gap)) / var(--_per-page));
    aspect-ratio: 16 / 9;
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-skeleton);
  }
  @container home (width <= 1400px) {
    .rail-skeleton {
      --_per-page: 5;
    }
  }
  @container home (width <= 1040px) {
    .rail-skeleton {
      --_per-page: 4;
    }
  }
  @container home (width <= 760px) {
    .rail-skeleton {
      --_per-page: 3;
    }
  }
  @container home (width <= 480px) {
    .rail-skeleton {
      --_per-page: 2;
    }
  }
`;
