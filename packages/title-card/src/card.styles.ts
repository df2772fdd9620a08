import { css } from 'lit';

/**
 * Styles of the card template (see card-template.ts), shared by `<reel-title-card>` and
 * `<reel-rail>`. Cheap on purpose: no filters, no backdrop blur, one image per card; the artwork's
 * box is reserved by `aspect-ratio` (no layout shift while images load).
 */
export const cardStyles = css`
  [hidden] {
    display: none !important;
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }
  .card {
    position: relative;
    flex: none;
    inline-size: var(--_card-w, 100%);
    color: var(--reel-color-text);
  }
  .card__link {
    display: block;
    position: relative;
    color: inherit;
    text-decoration: none;
    border-radius: var(--reel-title-card-radius, var(--reel-radius-md));
    outline: none;
    -webkit-user-drag: none;
  }
  .card__art {
    position: relative;
    display: block;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--reel-title-card-radius, var(--reel-radius-md));
    background: var(--_color, var(--reel-color-skeleton));
    transition: transform var(--reel-duration-normal) var(--reel-easing-standard);
  }
  .card--poster .card__art,
  .card--rank .card__art {
    aspect-ratio: 2 / 3;
  }
  .card__art img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    -webkit-user-drag: none;
    user-select: none;
  }
  .card__link:focus-visible .card__art {
    outline: 3px solid var(--reel-color-focus);
    outline-offset: 2px;
  }
  /* The scrim under the name (a pseudo-element: one node fewer per card). */
  .card--backdrop .card__art::after {
    content: '';
    position: absolute;
    inset: 40% 0 0;
    background: linear-gradient(to top, rgb(0 0 0 / 0.82), rgb(0 0 0 / 0.35) 55%, transparent);
    pointer-events: none;
  }
  .card__foot,
  .card__badges,
  .badge--top10,
  .card__progress {
    z-index: 1;
  }
  .card__foot {
    position: absolute;
    inset-inline: 0.65em;
    inset-block-end: 0.6em;
    display: flex;
    align-items: flex-end;
    gap: 0.5em;
  }
  .card__name {
    flex: 1;
    min-inline-size: 0;
    color: #fff;
    font-size: var(--reel-title-card-name-size, clamp(0.8125rem, 0.55rem + 0.45cqi, 1.0625rem));
    font-weight: var(--reel-font-weight-bold);
    line-height: var(--reel-line-height-tight);
    letter-spacing: var(--reel-letter-spacing-tight);
    text-shadow: 0 1px 3px rgb(0 0 0 / 0.6);
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .card__cert {
    flex: none;
    padding: 0 0.35em;
    border: 1px solid rgb(255 255 255 / 0.55);
    border-radius: var(--reel-radius-xs);
    color: rgb(255 255 255 / 0.92);
    font-size: var(--reel-font-size-2xs);
    font-weight: var(--reel-font-weight-semibold);
    line-height: 1.5;
    white-space: nowrap;
  }
  .card__badges {
    position: absolute;
    inset-block-start: 0.5em;
    inset-inline-start: 0.5em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em;
    max-inline-size: calc(100% - 1em);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0.2em 0.45em;
    border-radius: var(--reel-radius-xs);
    background: rgb(8 8 10 / 0.72);
    color: #fff;
    font-size: var(--reel-font-size-2xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-wide);
    line-height: 1.2;
    text-transform: uppercase;
    white-space: nowrap;
  }
  .badge--new {
    background: var(--reel-color-accent);
    color: var(--reel-color-on-accent);
  }
  .badge--soon {
    background: #f4f4f6;
    color: #0b0b0d;
  }
  .badge--top10 {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0.5em;
    border-start-start-radius: 0;
    border-start-end-radius: 0;
    flex-direction: column;
    padding: 0.2em 0.35em 0.15em;
    background: var(--reel-color-accent);
    color: var(--reel-color-on-accent);
    font-size: 0.5625rem;
    line-height: 1;
    letter-spacing: 0.04em;
    text-align: center;
  }
  .badge--top10 b {
    display: block;
    font-size: 0.8125rem;
    letter-spacing: -0.02em;
  }
  .card__progress {
    position: absolute;
    inset: auto 0 0;
    inline-size: 100%;
    block-size: 4px;
    appearance: none;
    border: 0;
    background: rgb(255 255 255 / 0.28);
    color: var(--reel-color-accent);
  }
  .card__progress::-webkit-progress-bar {
    background: rgb(255 255 255 / 0.28);
  }
  .card__progress::-webkit-progress-value {
    background: var(--reel-color-accent);
  }
  .card__progress::-moz-progress-bar {
    background: var(--reel-color-accent);
  }

  /* Top 10: a big outlined numeral beside the poster. */
  .card--rank .card__link {
    display: grid;
    grid-template-columns: 42% 58%;
    align-items: end;
  }
  .card__rank {
    position: relative;
    z-index: 0;
    margin-inline-end: -14%;
    color: var(--reel-color-bg);
    font-size: var(--_rank-size, clamp(5rem, 11cqi, 10.5rem));
    font-weight: 900;
    line-height: 0.78;
    letter-spacing: -0.08em;
    text-align: end;
    -webkit-text-stroke: 0.035em #6e6e78;
    paint-order: stroke fill;
    user-select: none;
  }
  .card--rank .card__art {
    z-index: 1;
  }
  .card--rank .card__link:focus-visible .card__rank {
    -webkit-text-stroke-color: var(--reel-color-focus);
  }

  /* Buttons on the card: shown on hover, on keyboard focus, and always on touch screens. */
  .card__actions {
    position: absolute;
    inset-block-start: 0.45em;
    inset-inline-end: 0.45em;
    display: flex;
    gap: 0.35em;
    opacity: 0;
    transition: opacity var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .card:hover .card__actions,
  .card:focus-within .card__actions {
    opacity: 1;
  }
  .card:is(:hover, :focus-within):has(.card__actions) .badge--top10 {
    opacity: 0;
  }
  @media (hover: none) {
    .card__actions {
      opacity: 1;
    }
    .card:has(.card__actions) .badge--top10 {
      display: none;
    }
  }
  .card__action {
    display: grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 1.5px solid rgb(255 255 255 / 0.7);
    border-radius: 50%;
    background: rgb(12 12 14 / 0.72);
    color: #fff;
    font: inherit;
    cursor: pointer;
    transition:
      background-color var(--reel-duration-fast) var(--reel-easing-standard),
      border-color var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .card__action .icon {
    inline-size: 1.05rem;
    block-size: 1.05rem;
  }
  .card__action:hover {
    border-color: #fff;
    background: rgb(40 40 46 / 0.9);
  }
  .card__action:focus-visible {
    outline: 2px solid var(--reel-color-focus);
    outline-offset: 2px;
  }

  .card--skeleton .card__art {
    background: var(--reel-color-skeleton);
  }
  .card--skeleton .card__rank {
    block-size: 1px;
  }
`;

/** Styles of the expanded hover card (see `renderPreview`). */
export const previewStyles = css`
  .preview {
    position: absolute;
    z-index: var(--reel-z-raised);
    overflow: hidden;
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface-raised);
    box-shadow: var(--reel-shadow-4);
    color: var(--reel-color-text);
    animation: reel-preview-in var(--reel-duration-normal) var(--reel-easing-standard) both;
    transform-origin: center 30%;
  }
  .preview--left {
    transform-origin: 0 30%;
  }
  .preview--right {
    transform-origin: 100% 30%;
  }
  @keyframes reel-preview-in {
    from {
      opacity: 0;
      transform: scale(0.72);
    }
  }
  .preview__media {
    display: block;
    color: inherit;
    text-decoration: none;
  }
  .preview__art {
    position: relative;
    display: block;
    aspect-ratio: 16 / 9;
    background: var(--_color, var(--reel-color-skeleton));
  }
  .preview__art img,
  .preview__sprite {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .preview__sprite {
    background-repeat: no-repeat;
  }
  .preview__scrim {
    position: absolute;
    inset: 50% 0 0;
    background: linear-gradient(to top, var(--reel-color-surface-raised), transparent);
  }
  .preview__name {
    position: absolute;
    inset-inline: 0.9rem;
    inset-block-end: 0.35rem;
    color: #fff;
    font-size: var(--reel-font-size-lg);
    font-weight: var(--reel-font-weight-bold);
    line-height: var(--reel-line-height-tight);
    text-shadow: 0 1px 4px rgb(0 0 0 / 0.6);
  }
  .preview__body {
    display: grid;
    gap: var(--reel-space-2);
    padding: var(--reel-space-2) 0.9rem var(--reel-space-4);
  }
  .preview__actions {
    display: flex;
    gap: var(--reel-space-2);
  }
  .round {
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0;
    border: 1.5px solid rgb(255 255 255 / 0.55);
    border-radius: 50%;
    background: rgb(30 30 36 / 0.85);
    color: #fff;
    font: inherit;
    cursor: pointer;
    transition: border-color var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .round:hover {
    border-color: #fff;
  }
  .round--play {
    border-color: #fff;
    background: #fff;
    color: #0b0b0d;
  }
  .round--play:hover {
    background: rgb(255 255 255 / 0.86);
  }
  .round--end {
    margin-inline-start: auto;
  }
  .preview__meta,
  .preview__progress,
  .preview__rating {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-2);
    margin: 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .preview__cert {
    padding: 0 0.4em;
    border: 1px solid var(--reel-color-border-strong);
    border-radius: var(--reel-radius-xs);
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-xs);
  }
  .preview__top {
    color: var(--reel-color-text);
    font-weight: var(--reel-font-weight-semibold);
  }
  .preview__progress progress {
    flex: 1;
    block-size: 3px;
    appearance: none;
    border: 0;
    background: var(--reel-color-neutral);
  }
  .preview__progress progress::-webkit-progress-bar {
    background: var(--reel-color-neutral);
  }
  .preview__progress progress::-webkit-progress-value {
    background: var(--reel-color-accent);
  }
  .preview__genres {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--reel-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-sm);
  }
  .preview__genres li + li::before {
    content: '•';
    margin-inline-end: var(--reel-space-2);
    color: var(--reel-color-text-subtle);
  }
  .preview__rating .icon--star {
    color: var(--reel-color-warning);
    inline-size: 1em;
    block-size: 1em;
  }
  @media (prefers-reduced-motion: reduce) {
    .preview {
      animation: none;
    }
  }
`;
