import type { CardLayout } from '@reel/title-card';
import { type CSSResult, unsafeCSS } from 'lit';

/**
 * How many cards make a page at each rail width, per card layout: `[up to width px, cards]`, the
 * last entry for anything wider. The CSS (card widths, through container queries) and the
 * virtualisation (which cards are near the viewport) both read this one table.
 */
export const PAGE_SIZES: Record<CardLayout, ReadonlyArray<readonly [number, number]>> = {
  backdrop: [
    [480, 2],
    [760, 3],
    [1040, 4],
    [1400, 5],
    [Number.POSITIVE_INFINITY, 6],
  ],
  poster: [
    [480, 3],
    [760, 4],
    [1040, 5],
    [1400, 6],
    [Number.POSITIVE_INFINITY, 8],
  ],
  rank: [
    [480, 2],
    [760, 3],
    [1040, 4],
    [1400, 5],
    [Number.POSITIVE_INFINITY, 6],
  ],
};

/** Cards per page for a rail `width` px wide. */
export function cardsPerPage(layout: CardLayout, width: number): number {
  for (const [max, n] of PAGE_SIZES[layout]) if (width <= max) return n;
  return 6;
}

/** The most cards any page shows: what the first render draws before the rail's width is known. */
export const MAX_PER_PAGE = Math.max(...Object.values(PAGE_SIZES).flatMap((sizes) => sizes.map(([, n]) => n)));

/** Container queries setting `--_per-page` on `.rail` from {@link PAGE_SIZES} (generated from our own constants). */
export const pageSizeStyles: CSSResult = unsafeCSS(
  (Object.entries(PAGE_SIZES) as [CardLayout, ReadonlyArray<readonly [number, number]>][])
    .map(([layout, sizes]) => {
      let previous = 0;
      return sizes
        .map(([max, n]) => {
          const query = [
            previous > 0 ? `(width > ${previous}px)` : '',
            Number.isFinite(max) ? `(width <= ${max}px)` : '',
          ]
            .filter(Boolean)
            .join(' and ');
          previous = max;
          return `@container rail ${query} { .rail--${layout} { --_per-page: ${n}; } }`;
        })
        .join('\n');
    })
    .join('\n'),
);

/** The cards to render: the visible ones and a page either side. */
export interface VirtualWindow {
  start: number;
  end: number;
}

/**
 * Which cards to render for a scroll position: those in view plus `overscan` cards either side,
 * clamped to the list. `offset` is the distance scrolled from the start edge (positive in
 * right-to-left too), `stride` a card's width plus the gap, `gutter` the padding before the first.
 */
export function visibleWindow(
  count: number,
  scroll: { offset: number; viewport: number; stride: number; gutter: number },
  overscan: number,
): VirtualWindow {
  if (count === 0) return { start: 0, end: 0 };
  const stride = Math.max(1, scroll.stride);
  const first = Math.floor(Math.max(0, scroll.offset - scroll.gutter) / stride);
  const last = Math.ceil((scroll.offset + scroll.viewport - scroll.gutter) / stride);
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, Math.max(start + 1, last + overscan));
  return { start, end };
}
