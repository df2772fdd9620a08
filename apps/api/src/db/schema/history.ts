import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { profiles } from './auth.js';

/**
 * History entries a profile hid (§2). Entries are computed from the player's sessions and the
 * progress table, so an entry is named by a stable id (profile, title, episode, UTC day). When the
 * hidden entry is the latest viewing of its title or episode, its progress row is taken out (kept
 * here in `progress`) so Continue Watching and recommendations forget it too; restoring puts it
 * back. Restorable for 30 days, then gone for good.
 */
export const historyHidden = pgTable(
  'history_hidden',
  {
    profileId: text()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    entryId: text().notNull(),
    titleId: text().notNull(),
    /** '' for a film. */
    episodeId: text().notNull().default(''),
    /** The UTC day of the entry, `YYYY-MM-DD`. */
    day: text().notNull(),
    /** The progress row taken out when the entry was hidden, to restore. */
    progress: jsonb().$type<{ position: number; duration: number; completed: boolean; updatedAt: string } | null>(),
    hiddenAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.entryId] }),
    index('history_hidden_profile_idx').on(t.profileId, t.hiddenAt),
  ],
);
