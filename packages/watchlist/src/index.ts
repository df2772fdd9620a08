// The watchlist elements and helpers, with no side effects: `@reel/watchlist/define` registers them.
export { ReelWatchlist } from './reel-watchlist.js';
export { ReelWatchlistButton } from './reel-watchlist-button.js';
export { canReorder, type ListView, moveId, viewItems, type WatchlistSortKey } from './reorder.js';
export { registerWatchlistTranslations } from './translations.js';
