import type { TitleSummary } from '@reel/contracts';
import { formatDuration } from '@reel/core';
import { type CardLayout, CardRenderer, cardLabels } from '@reel/title-card';
import { CSSResult, type ReactiveElement } from 'lit';

/** A title with every optional part, so that each card template is prepared once. */
const sample: TitleSummary = {
  id: 'warm-up',
  type: 'film',
  name: '',
  year: null,
  runtime_minutes: null,
  genres: [],
  certification: 'PG',
  maturity_level: 0,
  artwork: { poster: '', backdrop: '', widths: [], color: '#000000' },
  badges: { is_new: true, top10_rank: 1, sub: true, dub: false, simulcast: false, coming_soon: false },
  rating_average: null,
  has_preview: false,
  progress: { position: 1, duration: 2, fraction: 0.5, completed: false, updated_at: '1970-01-01T00:00:00.000Z' },
};

/**
 * Does, while the page waits for its data, the one-time work the first render would otherwise
 * pay in the frame that shows it: parses the elements' style sheets, builds the card prototypes
 * and icons, and loads the locale data of `Intl` (the first formatter of a page costs tens of
 * milliseconds). Runs when the browser is idle; returns at once.
 *
 * @example
 * warmUp([ReelRail, ReelHome]); // from a define.ts
 */
export function warmUp(elements: ReadonlyArray<typeof ReactiveElement>): void {
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
  idle(() => {
    for (const element of elements) {
      for (const style of element.elementStyles ?? []) if (style instanceof CSSResult) void style.styleSheet;
    }
    const labels = cardLabels();
    const layouts: CardLayout[] = ['backdrop', 'poster', 'rank'];
    for (const layout of layouts) {
      for (const item of [undefined, { size: 1 }]) {
        new CardRenderer().render(sample, {
          index: 0,
          layout,
          focusable: true,
          watchlist: true,
          removable: true,
          labels,
          ...(item ? { item } : {}),
        });
      }
    }
    formatDuration(5_400, 'narrow');
  });
}
