import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { searchHistory } from './catalog.js';

/**
 * The filters a recorded search ran with (`genre`, `type` … as query parameters), one row per
 * `search_history` entry that had any.
 */
export const searchHistoryFilters = pgTable('search_history_filters', {
  historyId: text()
    .primaryKey()
    .references(() => searchHistory.id, { onDelete: 'cascade' }),
  filters: jsonb().$type<Record<string, string>>().notNull(),
});
