// The rail element and its helpers, with no side effects: `@reel/rail/define` registers it.
export { cardsPerPage, MAX_PER_PAGE, PAGE_SIZES, type VirtualWindow, visibleWindow } from './layout.js';
export { ReelRail } from './reel-rail.js';
export { loadRail, type RailData, railHeading, railRegion, sourceKind } from './sources.js';
export { registerRailTranslations } from './translations.js';
export { warmUp } from './warm-up.js';
