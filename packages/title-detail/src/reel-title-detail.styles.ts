import { cardStyles } from '@reel/title-card';
import { css } from 'lit';
import { pageStyles } from './page.styles.js';

export const styles = [
  cardStyles,
  pageStyles,
  css`
    .pill {
      padding: 0.15em 0.55em;
      border-radius: var(--reel-radius-xs);
      background: rgb(255 255 255 / 0.16);
      color: #fff;
      font-size: var(--reel-font-size-2xs);
      letter-spacing: var(--reel-letter-spacing-wide);
    }
    .pill--accent {
      background: var(--reel-color-accent);
    }
    .rating {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--reel-space-2);
      margin: 0;
      font-size: var(--reel-font-size-sm);
      color: rgb(255 255 255 / 0.86);
    }
    .rating__stars {
      display: inline-flex;
      color: #f7b84b;
    }
    .rating__stars .star {
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    .rating__value {
      color: #fff;
      font-weight: var(--reel-font-weight-bold);
    }
    .tagline {
      margin: 0;
      font-size: clamp(1rem, 0.9rem + 0.35cqi, 1.25rem);
      font-style: italic;
      color: rgb(255 255 255 / 0.9);
    }
    .synopsis {
      margin: 0;
      max-inline-size: 62ch;
      font-size: clamp(0.9375rem, 0.85rem + 0.25cqi, 1.125rem);
      line-height: var(--reel-line-height-normal);
      color: rgb(255 255 255 / 0.9);
      text-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
    }
    .progress-line {
      display: flex;
      align-items: center;
      gap: var(--reel-space-3);
      margin: 0;
      font-size: var(--reel-font-size-sm);
      color: rgb(255 255 255 / 0.86);
    }
    .progress-line progress,
    .episode__progress {
      appearance: none;
      border: 0;
      block-size: 4px;
      background: rgb(255 255 255 / 0.3);
    }
    .progress-line progress {
      inline-size: min(14rem, 50%);
    }
    .progress-line progress::-webkit-progress-bar,
    .episode__progress::-webkit-progress-bar {
      background: rgb(255 255 255 / 0.3);
    }
    .progress-line progress::-webkit-progress-value,
    .episode__progress::-webkit-progress-value {
      background: var(--reel-color-accent);
    }
    .unavailable {
      margin: 0;
      color: var(--reel-color-warning);
      font-weight: var(--reel-font-weight-semibold);
    }
    @container page (width <= 700px) {
      .rating,
      .tagline,
      .synopsis,
      .progress-line {
        color: var(--reel-color-text-muted);
        text-shadow: none;
      }
      .rating__value {
        color: var(--reel-color-text);
      }
      .pill {
        background: var(--reel-color-neutral);
        color: var(--reel-color-text);
      }
      .pill--accent {
        background: var(--reel-color-accent);
        color: var(--reel-color-on-accent);
      }
    }

    /* Episodes. */
    .season-select {
      min-inline-size: 14rem;
    }
    .episodes {
      display: grid;
      gap: var(--reel-space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .episode__link {
      display: grid;
      grid-template-columns: 2.5rem minmax(8rem, 14rem) 1fr;
      align-items: center;
      gap: var(--reel-space-4);
      padding: var(--reel-space-3) var(--reel-space-4);
      border-radius: var(--reel-radius-lg);
      color: inherit;
      text-decoration: none;
      transition: background-color var(--reel-duration-fast) var(--reel-easing-standard);
    }
    .episode__link:hover {
      background: var(--reel-color-surface-hover);
    }
    .episode + .episode .episode__link {
      border-block-start: 1px solid var(--reel-color-border);
      border-start-start-radius: 0;
      border-start-end-radius: 0;
    }
    .episode__number {
      color: var(--reel-color-text-subtle);
      font-size: var(--reel-font-size-2xl);
      font-weight: var(--reel-font-weight-semibold);
      text-align: center;
    }
    .episode__still {
      position: relative;
      display: block;
      aspect-ratio: 16 / 9;
      overflow: hidden;
      border-radius: var(--reel-radius-md);
      background: var(--reel-color-skeleton);
    }
    .episode__still img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    .episode__play {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      color: #fff;
      opacity: 0;
      background: rgb(0 0 0 / 0.35);
      transition: opacity var(--reel-duration-fast) var(--reel-easing-standard);
    }
    .episode__play .icon {
      inline-size: 2.5rem;
      block-size: 2.5rem;
      padding: 0.55rem;
      border: 2px solid #fff;
      border-radius: 50%;
      background: rgb(0 0 0 / 0.45);
    }
    .episode__link:hover .episode__play,
    .episode__link:focus-visible .episode__play {
      opacity: 1;
    }
    .episode__progress {
      position: absolute;
      inset: auto 0 0;
      inline-size: 100%;
    }
    .episode__text {
      display: grid;
      gap: var(--reel-space-1);
      min-inline-size: 0;
    }
    .episode__title {
      display: flex;
      gap: var(--reel-space-3);
      justify-content: space-between;
      font-weight: var(--reel-font-weight-semibold);
    }
    .episode__runtime {
      flex: none;
      color: var(--reel-color-text-muted);
      font-weight: var(--reel-font-weight-regular);
    }
    .episode__synopsis {
      color: var(--reel-color-text-muted);
      font-size: var(--reel-font-size-sm);
      line-height: var(--reel-line-height-snug);
    }
    .episode__tags {
      display: flex;
      flex-wrap: wrap;
      gap: var(--reel-space-2);
      margin-block-start: var(--reel-space-1);
    }
    .tag {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0.1em 0.55em;
      border-radius: var(--reel-radius-pill);
      background: var(--reel-color-neutral);
      color: var(--reel-color-text-muted);
      font-size: var(--reel-font-size-xs);
    }
    .tag .icon {
      inline-size: 0.95em;
      block-size: 0.95em;
    }
    .tag--done {
      background: var(--reel-color-success-soft);
      color: var(--reel-color-success);
    }
    .tag--progress {
      background: var(--reel-color-accent-soft);
      color: var(--reel-color-text);
    }
    .tag--filler {
      background: var(--reel-color-warning-soft);
      color: var(--reel-color-warning);
    }
    @container page (width <= 700px) {
      .episode__link {
        grid-template-columns: minmax(7rem, 40%) 1fr;
        padding-inline: 0;
      }
      .episode__number {
        display: none;
      }
      .episode__synopsis {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
    }

    /* Cast and crew. */
    .people {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
      gap: var(--reel-space-5) var(--reel-space-4);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .person__link {
      display: grid;
      gap: var(--reel-space-1);
      text-decoration: none;
    }
    .person__photo {
      display: block;
      aspect-ratio: 4 / 5;
      overflow: hidden;
      border-radius: var(--reel-radius-md);
      background: var(--reel-color-surface-raised);
      margin-block-end: var(--reel-space-1);
    }
    .person__photo img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
      transition: transform var(--reel-duration-normal) var(--reel-easing-standard);
    }
    .person__link:hover .person__photo img {
      transform: scale(1.04);
    }
    .person__initial {
      display: grid;
      place-items: center;
      block-size: 100%;
      font-size: var(--reel-font-size-3xl);
      color: var(--reel-color-text-subtle);
    }
    .person__name {
      font-weight: var(--reel-font-weight-semibold);
      line-height: var(--reel-line-height-snug);
    }
    .person__role {
      color: var(--reel-color-text-muted);
      font-size: var(--reel-font-size-sm);
      line-height: var(--reel-line-height-snug);
    }
    .show-all {
      margin-block-start: var(--reel-space-5);
    }
    .crew {
      margin-block-start: var(--reel-space-8);
    }
    .text-link {
      color: var(--reel-color-text);
      text-decoration: underline;
      text-decoration-color: var(--reel-color-border-strong);
      text-underline-offset: 0.2em;
    }
    .text-link:hover {
      text-decoration-color: currentColor;
    }

    /* About: details and maturity side by side. */
    .about {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: var(--reel-space-5);
      align-items: start;
    }
    @container page (width <= 900px) {
      .about {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .panel__title,
    .maturity h3 {
      margin: 0 0 var(--reel-space-4);
      font-size: var(--reel-font-size-md);
      font-weight: var(--reel-font-weight-semibold);
    }
    .maturity {
      display: grid;
      gap: var(--reel-space-5);
    }
    .maturity h3 {
      margin-block-end: var(--reel-space-2);
      font-size: var(--reel-font-size-sm);
      color: var(--reel-color-text-muted);
    }
    .maturity__main {
      display: flex;
      gap: var(--reel-space-4);
      align-items: flex-start;
    }
    .maturity__main p {
      margin: 0 0 var(--reel-space-1);
    }
    .maturity__title {
      font-weight: var(--reel-font-weight-semibold);
    }
    .maturity__meaning {
      line-height: var(--reel-line-height-snug);
    }
    .rating-box {
      display: inline-grid;
      place-items: center;
      min-inline-size: 3.25rem;
      padding: var(--reel-space-2) var(--reel-space-2);
      border: 2px solid var(--reel-color-text);
      border-radius: var(--reel-radius-sm);
      font-weight: 800;
      font-size: var(--reel-font-size-lg);
      line-height: 1;
    }
    .rating-box--small {
      min-inline-size: 0;
      padding: 0.15em 0.4em;
      border-width: 1px;
      font-size: var(--reel-font-size-xs);
      font-weight: var(--reel-font-weight-semibold);
    }
    .maturity__others summary {
      cursor: pointer;
      color: var(--reel-color-text-muted);
      font-size: var(--reel-font-size-sm);
    }
    .maturity__others table {
      margin-block-start: var(--reel-space-3);
    }
    .panel--table {
      padding: var(--reel-space-2) var(--reel-space-3);
      max-inline-size: 44rem;
    }
    .availability tbody tr:last-child > * {
      border-block-end: 0;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
    }
    .status::before {
      content: '';
      inline-size: 0.5rem;
      block-size: 0.5rem;
      border-radius: 50%;
      background: currentColor;
    }
    .status--now {
      color: var(--reel-color-success);
    }
    .status--soon {
      color: var(--reel-color-warning);
    }
    .status--gone {
      color: var(--reel-color-text-subtle);
    }
    .reviews {
      margin-block-start: var(--reel-space-10);
      min-block-size: 12rem;
      --reel-reviews-gutter: var(--_gutter);
    }
  `,
];
