import type { Progress, TitleSummary } from '@reel/contracts';

/**
 * The events of the discovery elements (cards, rails, home, detail pages). A control asks with a
 * cancelable `…-request` fired by the element that owns it; when nobody cancels, the owner does
 * the work and announces the result on `window`, so every card of the same title on the page
 * (other rails, the detail page) updates too.
 */
declare global {
  interface GlobalEventHandlersEventMap {
    /** A watchlist toggle was pressed; cancel it to handle the change yourself. */
    'reel-watchlist-toggle-request': CustomEvent<{ titleId: string; add: boolean }>;
    /** A title was added to or removed from the active profile's list (fired on `window`). */
    'reel-watchlist-change': CustomEvent<{ titleId: string; inWatchlist: boolean }>;
    /** "Remove from row" was pressed on a Continue Watching card; cancel to handle it yourself. */
    'reel-continue-watching-remove-request': CustomEvent<{ titleId: string }>;
    /** A title left (or, on undo, came back to) Continue Watching (fired on `window`). */
    'reel-continue-watching-change': CustomEvent<{ titleId: string; removed: boolean }>;
    /** The active profile's progress in a title changed (the player fires it on `window`). */
    'reel-progress-change': CustomEvent<{ titleId: string; progress: Progress | null }>;
    /** A play control was pressed; cancel it to play in place instead of following the `/watch` link. */
    'reel-title-play-request': CustomEvent<{ titleId: string; episodeId?: string; trailer?: boolean }>;
  }
}

/** The discovery events, by name (the same entries as in the global event map). */
export type DiscoveryEventMap = Pick<
  GlobalEventHandlersEventMap,
  | 'reel-watchlist-toggle-request'
  | 'reel-watchlist-change'
  | 'reel-continue-watching-remove-request'
  | 'reel-continue-watching-change'
  | 'reel-progress-change'
  | 'reel-title-play-request'
>;

/**
 * `reel-select` from a card: it was chosen (clicked, or opened by keyboard); cancel it to go
 * somewhere yourself instead of following the card's link (a partner page's own route). The name
 * is shared with `<reel-menu>`'s choice event, so the detail carries `value` (the title id) too.
 */
export type CardSelectEvent = CustomEvent<{ value: string; titleId: string; title: TitleSummary }>;
