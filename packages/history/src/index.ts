// The history element and its helpers, with no side effects: `@reel/history/define` registers it.
export { type DayGroup, groupByDay, localDayKey, rangeStart } from './grouping.js';
export { ReelHistory } from './reel-history.js';
export { registerHistoryTranslations } from './translations.js';
