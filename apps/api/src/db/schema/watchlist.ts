import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { profiles } from './auth.js';
import { titles } from './catalog.js';

/**
 * A profile's list ("My List"): one row per title. `position` is the stored order as a sort key
 * (smaller first, not necessarily contiguous: adding at the top takes the smallest minus one);
 * the contract's 0-based `position` is the rank in that order. `folderIds` are folders of the same
 * profile (a folder's deletion removes its id); `tags` are free tags, stored as typed.
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
    folderIds: text().array().notNull().default(sql`'{}'::text[]`),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('watchlist_items_profile_title_idx').on(t.profileId, t.titleId),
    index('watchlist_items_profile_position_idx').on(t.profileId, t.position),
  ],
);

/** A profile's folders, in `position` order; a folder may have a public read-only share link. */
export const watchlistFolders = pgTable(
  'watchlist_folders',
  {
    id: text().primaryKey(),
    profileId: text()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text(),
    position: integer().notNull(),
    shareToken: text(),
    shareCreatedAt: timestamp({ withTimezone: true, mode: 'date' }),
    shareExpiresAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('watchlist_folders_profile_idx').on(t.profileId, t.position),
    uniqueIndex('watchlist_folders_share_idx').on(t.shareToken),
  ],
);

/**
 * What a destructive change (clear, replace import, bulk remove) removed, kept until `expiresAt`
 * so that restore can put it back once. `rows` are the removed items as stored.
 */
export const watchlistUndo = pgTable(
  'watchlist_undo',
  {
    token: text().primaryKey(),
    profileId: text()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    rows: jsonb().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('watchlist_undo_profile_idx').on(t.profileId)],
);
