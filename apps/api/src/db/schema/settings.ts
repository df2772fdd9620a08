import { sql } from 'drizzle-orm';
import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { profiles, users } from './auth.js';
import { titles } from './catalog.js';

const at = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * Account settings (§34) that are not on `users`: email and privacy switches, stored as the
 * fields the account changed (the service merges them over its defaults). The UI language is
 * `users.language`.
 */
export const accountSettings = pgTable('account_settings', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: jsonb().$type<Record<string, boolean>>().notNull().default({}),
  privacy: jsonb().$type<Record<string, boolean>>().notNull().default({}),
  updatedAt: at(),
});

/**
 * A profile's settings (§34): playback, subtitle appearance and language priorities as the fields
 * it changed (merged over defaults), and the titles blocked for it whatever their rating. Maturity
 * and PIN live on `profiles`.
 */
export const profileSettings = pgTable('profile_settings', {
  profileId: text()
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  playback: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  subtitleAppearance: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  languages: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  blockedTitleIds: text().array().notNull().default(sql`'{}'::text[]`),
  updatedAt: at(),
});

/** The audio and subtitle choice a profile made for one series (the player remembers it). */
export const seriesPreferences = pgTable(
  'series_preferences',
  {
    profileId: text()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    audioLanguage: text(),
    subtitleLanguage: text(),
    subtitles: text().$type<'off' | 'forced_only' | 'on'>().notNull().default('off'),
    updatedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.titleId] })],
);
