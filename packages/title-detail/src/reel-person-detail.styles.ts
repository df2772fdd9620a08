import { css } from 'lit';
import { pageStyles } from './page.styles.js';

export const styles = [
  pageStyles,
  css`
    .person-hero {
      position: relative;
      isolation: isolate;
      overflow: hidden;
      padding: clamp(5rem, 9cqi, 9rem) var(--_gutter) var(--reel-space-8);
    }
    .person-hero__backdrop {
      position: absolute;
      inset: 0;
      z-index: -1;
      background: var(--_color, var(--reel-color-surface));
    }
    .person-hero__backdrop img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
      opacity: 0.35;
    }
    .person-hero__backdrop::after {
      content: '';
      position: absolute;
      inset: 0;
      background:
        linear-gradient(to top, var(--reel-color-bg) 0, rgb(8 8 10 / 0.7) 45%, rgb(8 8 10 / 0.35)),
        linear-gradient(90deg, rgb(8 8 10 / 0.6), transparent 70%);
    }
    .person-hero__inner {
      display: grid;
      grid-template-columns: clamp(9rem, 18cqi, 15rem) minmax(0, 46rem);
      gap: clamp(1.25rem, 3cqi, 3rem);
      align-items: end;
    }
    .person-hero__photo {
      aspect-ratio: 4 / 5;
      overflow: hidden;
      border-radius: var(--reel-radius-lg);
      background: var(--reel-color-surface-raised);
      box-shadow: var(--reel-shadow-4);
      display: grid;
      place-items: center;
      font-size: var(--reel-font-size-4xl);
      color: var(--reel-color-text-subtle);
    }
    .person-hero__photo img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    .person-hero__text {
      display: grid;
      gap: var(--reel-space-3);
    }
    .person-hero .eyebrow {
      color: var(--reel-color-text-muted);
    }
    .person-hero .eyebrow .muted::before {
      content: '•';
      margin-inline-end: var(--reel-space-2);
    }
    .born {
      margin: 0;
      color: var(--reel-color-text-muted);
    }
    .bio {
      margin: 0;
      max-inline-size: 68ch;
      line-height: var(--reel-line-height-normal);
    }
    .bio--clamped {
      display: -webkit-box;
      -webkit-line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .more {
      justify-self: start;
      padding: 0;
      border: 0;
      background: none;
      color: var(--reel-color-text);
      font: inherit;
      font-weight: var(--reel-font-weight-semibold);
      text-decoration: underline;
      text-underline-offset: 0.2em;
      cursor: pointer;
    }
    @container page (width <= 640px) {
      .person-hero__inner {
        grid-template-columns: 1fr;
        justify-items: center;
        text-align: center;
      }
      .person-hero__photo {
        inline-size: 10rem;
      }
      .person-hero .eyebrow {
        justify-content: center;
      }
      .more {
        justify-self: center;
      }
    }
    .role-group + .role-group {
      margin-block-start: var(--reel-space-8);
    }
    .role-group h3 {
      margin: 0 0 var(--reel-space-2);
      font-size: var(--reel-font-size-md);
      font-weight: var(--reel-font-weight-semibold);
    }
    .filmography {
      max-inline-size: 56rem;
    }
    .filmography th[scope='row'] {
      color: var(--reel-color-text);
      font-weight: var(--reel-font-weight-medium);
    }
    .filmography td,
    .filmography th {
      vertical-align: middle;
    }
    .col-year {
      inline-size: 4.5rem;
      color: var(--reel-color-text-muted);
      font-variant-numeric: tabular-nums;
    }
    .film {
      display: inline-flex;
      align-items: center;
      gap: var(--reel-space-3);
      text-decoration: none;
    }
    .film__poster {
      flex: none;
      inline-size: 2.5rem;
      aspect-ratio: 2 / 3;
      overflow: hidden;
      border-radius: var(--reel-radius-xs);
      background: var(--_color, var(--reel-color-skeleton));
    }
    .film__poster img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    .film:hover .film__name {
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .skeleton-person {
      block-size: clamp(20rem, 30cqi, 26rem);
      background: linear-gradient(to top, var(--reel-color-bg), var(--reel-color-surface));
    }
  `,
];
