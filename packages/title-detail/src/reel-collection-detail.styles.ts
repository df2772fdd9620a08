import { cardStyles, previewStyles } from '@reel/title-card';
import { css } from 'lit';
import { pageStyles } from './page.styles.js';

export const styles = [
  cardStyles,
  previewStyles,
  pageStyles,
  css`
    :host([previewing]) {
      position: relative;
      z-index: var(--reel-z-raised);
    }
    .hero {
      min-block-size: var(--reel-detail-hero-height, clamp(22rem, 40cqi, 70vh));
    }
    .description {
      margin: 0;
      max-inline-size: 60ch;
      font-size: clamp(1rem, 0.9rem + 0.3cqi, 1.25rem);
      line-height: var(--reel-line-height-normal);
      color: rgb(255 255 255 / 0.9);
      text-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
    }
    @container page (width <= 700px) {
      .description {
        color: var(--reel-color-text-muted);
        text-shadow: none;
      }
    }
    .grid-section {
      position: relative;
      margin-block-start: var(--reel-space-6);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: var(--reel-space-6) var(--reel-space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .page > .grid {
      padding-inline: var(--_gutter);
      margin-block-start: var(--reel-space-6);
    }
    @container page (width <= 480px) {
      .grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--reel-space-4) var(--reel-space-2);
      }
    }
    .more {
      display: grid;
      justify-items: center;
      gap: var(--reel-space-2);
      margin-block-start: var(--reel-space-8);
    }
    .more p {
      margin: 0;
    }
  `,
];
