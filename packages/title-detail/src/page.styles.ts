import { css } from 'lit';

/** The look the three detail pages share: a cinematic hero, sections, headings, facts. */
export const pageStyles = css`
  :host {
    display: block;
    container: page / inline-size;
    background: var(--reel-color-bg);
    color: var(--reel-color-text);
    padding-block-end: var(--reel-space-16);
  }
  .page {
    --_gutter: var(--reel-rail-gutter, clamp(1rem, 4cqi, 4rem));
  }
  a {
    color: inherit;
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    border-radius: var(--reel-radius-xs);
  }

  /* Hero: the backdrop full-bleed behind the heading, fading into the page. */
  .hero {
    position: relative;
    min-block-size: var(--reel-detail-hero-height, clamp(26rem, 48cqi, 80vh));
    display: flex;
    align-items: flex-end;
    isolation: isolate;
    color: #fff;
  }
  .hero__art {
    position: absolute;
    inset: 0;
    z-index: -1;
    overflow: hidden;
    background: var(--_color, var(--reel-color-surface));
  }
  .hero__art img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    object-position: 70% 30%;
  }
  .hero__art::after {
    content: '';
    position: absolute;
    inset: 0;
    background:
      linear-gradient(to top, var(--reel-color-bg) 0, rgb(8 8 10 / 0.55) 28%, transparent 60%),
      linear-gradient(80deg, rgb(0 0 0 / 0.85) 0%, rgb(0 0 0 / 0.55) 35%, transparent 70%);
  }
  :host(:dir(rtl)) .hero__art::after {
    background:
      linear-gradient(to top, var(--reel-color-bg) 0, rgb(8 8 10 / 0.55) 28%, transparent 60%),
      linear-gradient(-80deg, rgb(0 0 0 / 0.85) 0%, rgb(0 0 0 / 0.55) 35%, transparent 70%);
  }
  .hero__content {
    display: grid;
    gap: var(--reel-space-3);
    inline-size: min(44rem, 100%);
    padding: var(--reel-space-16) var(--_gutter) var(--reel-space-8);
  }
  .eyebrow {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-2);
    margin: 0;
    color: rgb(255 255 255 / 0.8);
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-semibold);
    letter-spacing: var(--reel-letter-spacing-wide);
    text-transform: uppercase;
  }
  h1 {
    margin: 0;
    font-size: clamp(2rem, 1.1rem + 3.6cqi, 4.25rem);
    font-weight: 800;
    line-height: 1.04;
    letter-spacing: -0.025em;
    text-shadow: 0 2px 12px rgb(0 0 0 / 0.45);
    text-wrap: balance;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-1) var(--reel-space-3);
    margin: 0;
    color: rgb(255 255 255 / 0.86);
    font-size: clamp(0.875rem, 0.8rem + 0.25cqi, 1.0625rem);
  }
  .meta > * + *::before {
    content: '•';
    margin-inline-end: var(--reel-space-3);
    color: rgb(255 255 255 / 0.45);
  }
  .meta > .cert + *::before,
  .meta > .cert::before {
    display: none;
  }
  .cert {
    padding: 0 0.45em;
    border: 1px solid rgb(255 255 255 / 0.6);
    border-radius: var(--reel-radius-xs);
    font-size: 0.85em;
    font-weight: var(--reel-font-weight-semibold);
    line-height: 1.5;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-3);
    margin-block-start: var(--reel-space-2);
  }

  /* Sections below the hero. */
  .section {
    padding-inline: var(--_gutter);
    margin-block-start: var(--reel-space-10);
  }
  .section > h2,
  .section-head h2 {
    margin: 0 0 var(--reel-space-4);
    font-size: clamp(1.125rem, 0.95rem + 0.6cqi, 1.5rem);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--reel-space-3);
    margin-block-end: var(--reel-space-4);
  }
  .section-head h2 {
    margin: 0;
  }
  reel-rail {
    --reel-rail-heading-size: clamp(1.125rem, 0.95rem + 0.6cqi, 1.5rem);
    margin-block-start: var(--reel-space-8);
  }

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: var(--reel-space-5) var(--reel-space-8);
    margin: 0;
  }
  .facts dt {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-xs);
    font-weight: var(--reel-font-weight-semibold);
    letter-spacing: var(--reel-letter-spacing-wide);
    text-transform: uppercase;
  }
  .facts dd {
    margin: var(--reel-space-1) 0 0;
    color: var(--reel-color-text);
  }

  .panel {
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface);
    padding: var(--reel-space-5);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--reel-font-size-sm);
  }
  th,
  td {
    padding: var(--reel-space-2) var(--reel-space-3);
    border-block-end: 1px solid var(--reel-color-border);
    text-align: start;
    vertical-align: top;
  }
  th {
    color: var(--reel-color-text-muted);
    font-weight: var(--reel-font-weight-semibold);
  }
  thead th {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-xs);
    letter-spacing: var(--reel-letter-spacing-wide);
    text-transform: uppercase;
  }
  .muted {
    color: var(--reel-color-text-muted);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    padding: var(--reel-space-1) var(--reel-space-3);
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-neutral);
    font-size: var(--reel-font-size-sm);
  }

  .skeleton-hero {
    min-block-size: var(--reel-detail-hero-height, clamp(26rem, 48cqi, 80vh));
    background: linear-gradient(to top, var(--reel-color-bg), var(--reel-color-surface));
  }
  .not-found {
    padding: var(--reel-space-16) var(--_gutter);
  }

  @container page (width <= 700px) {
    .hero {
      display: block;
      min-block-size: 0;
    }
    .hero__art {
      position: relative;
      z-index: auto;
      aspect-ratio: 16 / 9;
      inset: auto;
    }
    .hero__art::after {
      background: linear-gradient(to top, var(--reel-color-bg) 0, transparent 45%);
    }
    .hero__content {
      inline-size: 100%;
      padding-block-start: 0;
      margin-block-start: -2.5rem;
      position: relative;
      color: var(--reel-color-text);
    }
    .hero__content .meta,
    .hero__content .eyebrow {
      color: var(--reel-color-text-muted);
    }
    .hero__content .cert {
      border-color: var(--reel-color-border-strong);
    }
    .actions reel-button {
      flex: 1 1 auto;
    }
    .skeleton-hero {
      min-block-size: 0;
      aspect-ratio: 16 / 9;
    }
  }
`;
