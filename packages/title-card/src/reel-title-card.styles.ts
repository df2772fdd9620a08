import { css } from 'lit';
import { cardStyles, previewStyles } from './card.styles.js';

export const styles = [
  cardStyles,
  previewStyles,
  css`
    :host {
      display: block;
      position: relative;
      container-type: inline-size;
    }
    :host([previewing]) {
      z-index: var(--reel-z-raised);
    }
    .host {
      position: relative;
    }
    .preview {
      inline-size: min(150%, 26rem);
    }
  `,
];
