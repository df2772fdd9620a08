import { cardStyles, previewStyles } from '@reel/title-card';
import { css } from 'lit';
import { pageSizeStyles } from './layout.js';

export const styles = [
  cardStyles,
  previewStyles,
  css`
    :host {
      display: block;
      position: relative;
      container: rail / inline-size;
      margin-block: var(--reel-rail-spacing, clamp(0.75rem, 1.6vw, 1.75rem));
    }
    :host([previewing]) {
      z-index: var(--reel-z-raised);
    }
    :host([empty]) {
      display: none;
    }
    .rail {
      --_gutter: var(--reel-rail-gutter, clamp(1rem, 4cqi, 4rem));
      --_gap: var(--reel-rail-gap, clamp(0.375rem, 0.6cqi, 0.625rem));
      --_per-page: 6;
      --_card-w: calc((100cqi - 2 * var(--_gutter) - (var(--_per-page) - 1) * var(--_gap)) / var(--_per-page));
      --_stride: calc(var(--_card-w) + var(--_gap));
      --_card-h: calc(var(--_card-w) * 0.5625);
      --_pad-block: 0.5rem;
      position: relative;
    }
    .rail--poster {
      --_card-h: calc(var(--_card-w) * 1.5);
    }
    .rail--rank {
      --_card-h: calc(var(--_card-w) * 0.87);
      --_rank-size: calc(var(--_card-w) * 0.72);
    }
    .head {
      display: flex;
      align-items: baseline;
      gap: var(--reel-space-4);
      padding-inline: var(--_gutter);
      margin-block-end: 0.1rem;
    }
    h2 {
      margin: 0;
      font-size: var(--reel-rail-heading-size, clamp(1rem, 0.85rem + 0.6cqi, 1.5rem));
      font-weight: var(--reel-font-weight-bold);
      line-height: var(--reel-line-height-tight);
      letter-spacing: var(--reel-letter-spacing-tight);
      color: var(--reel-color-text);
    }
    .see-all {
      display: inline-flex;
      align-items: center;
      gap: 0.15em;
      color: var(--reel-color-text-muted);
      font-size: var(--reel-font-size-sm);
      font-weight: var(--reel-font-weight-semibold);
      text-decoration: none;
      white-space: nowrap;
      border-radius: var(--reel-radius-xs);
    }
    .chevron {
      display: inline-block;
      inline-size: 0.45em;
      block-size: 0.45em;
      margin-inline: 0.35em 0.15em;
      border: solid currentColor;
      border-width: 0.14em 0.14em 0 0;
      transform: rotate(45deg);
    }
    .chevron--back {
      transform: rotate(-135deg);
    }
    :host(:dir(rtl)) .chevron {
      transform: rotate(-135deg);
    }
    :host(:dir(rtl)) .chevron--back {
      transform: rotate(45deg);
    }
    .see-all:hover {
      color: var(--reel-color-text);
    }
    .see-all:focus-visible {
      outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
      outline-offset: var(--reel-focus-ring-offset);
    }
    .body {
      position: relative;
    }
    .viewport {
      overflow-x: auto;
      overflow-y: hidden;
      overscroll-behavior-x: contain;
      scroll-padding-inline: var(--_gutter);
      scrollbar-width: none;
      padding-block: var(--_pad-block);
      content-visibility: auto;
      contain-intrinsic-block-size: auto calc(var(--_card-h) + 2 * var(--_pad-block));
      outline: none;
    }
    .viewport::-webkit-scrollbar {
      display: none;
    }
    .track {
      --_start: 0;
      --_count: 0;
      display: flex;
      align-items: flex-end;
      gap: var(--_gap);
      box-sizing: content-box;
      margin: 0;
      padding-block: 0;
      padding-inline: calc(var(--_gutter) + var(--_start) * var(--_stride)) var(--_gutter);
      inline-size: max(0px, calc((var(--_count) - var(--_start)) * var(--_stride) - var(--_gap)));
      min-block-size: var(--_card-h);
      list-style: none;
    }
    .item {
      flex: none;
      inline-size: var(--_card-w);
    }
    .item > .card {
      inline-size: 100%;
    }
    .card__name {
      font-size: clamp(0.8125rem, 0.6rem + 0.35cqi, 1.0625rem);
    }

    /* Page buttons in the gutters, shown while the pointer is on the rail. */
    .page {
      position: absolute;
      z-index: 2;
      inset-block: var(--_pad-block);
      inline-size: calc(var(--_gutter) - 0.25rem);
      min-inline-size: 2rem;
      display: grid;
      place-items: center;
      padding: 0;
      border: 0;
      background: rgb(8 8 10 / 0.55);
      color: #fff;
      font: inherit;
      cursor: pointer;
      opacity: 0;
      transition:
        opacity var(--reel-duration-fast) var(--reel-easing-standard),
        background-color var(--reel-duration-fast) var(--reel-easing-standard);
    }
    .page .chevron {
      inline-size: 0.9rem;
      block-size: 0.9rem;
      margin: 0;
      border-width: 0.2rem 0.2rem 0 0;
      transition: scale var(--reel-duration-fast) var(--reel-easing-standard);
    }
    .page:hover {
      background: rgb(8 8 10 / 0.75);
    }
    .page:hover .chevron {
      scale: 1.25;
    }
    .page--prev {
      inset-inline-start: 0;
      border-start-end-radius: var(--reel-radius-sm);
      border-end-end-radius: var(--reel-radius-sm);
    }
    .page--next {
      inset-inline-end: 0;
      border-start-start-radius: var(--reel-radius-sm);
      border-end-start-radius: var(--reel-radius-sm);
    }
    .body:hover .page:not([hidden]),
    .page:focus-visible {
      opacity: 1;
    }
    .page:focus-visible {
      outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
      outline-offset: -4px;
    }
    @media (hover: none) {
      .page {
        display: none;
      }
    }

    .skeleton-heading {
      display: block;
      inline-size: 12rem;
      max-inline-size: 50%;
      block-size: 1.25rem;
      border-radius: var(--reel-radius-sm);
      background: var(--reel-color-skeleton);
    }
    .reel-state--error {
      margin-inline: var(--_gutter);
      border-radius: var(--reel-radius-md);
      background: var(--reel-color-surface);
      min-block-size: var(--_card-h);
    }
  `,
  pageSizeStyles,
];
