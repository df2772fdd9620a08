import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { profiles } from './auth.js';
import { titles } from './catalog.js';

/**
 * A profile's list ("My List"): one row per title. `position` is the stored order as a sort key
 * (smaller first, not necessarily contiguous: adding at the top takes the smallest minus one);
 * the contract's 0-based `position` is the rank in that order.
 */
export const watchlistItems = pgTable(
  'watchlist_items',
  {
    profileId: text()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    addedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('watchlist_items_profile_title_idx').on(t.profileId, t.titleId),
    index('watchlist_items_profile_position_idx').on(t.profileId, t.position),
  ],
);
