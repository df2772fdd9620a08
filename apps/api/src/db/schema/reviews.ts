import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { profiles, users } from './auth.js';
import { titles } from './catalog.js';

const at = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * Reviews of titles (§8): one live review per profile and title (a deleted one stays restorable
 * for a while, so the uniqueness holds over rows not deleted). Vote counts and the Wilson score are
 * kept on the row by the reviews service, inside the same transaction as the vote.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: text().primaryKey(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    profileId: text()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer().notNull(),
    headline: text().notNull(),
    body: text().notNull(),
    containsSpoilers: boolean().notNull().default(false),
    language: text().notNull().default('en'),
    /** `published`, `hidden` (enough reports, or a moderator), `removed` (a moderator deleted it). */
    status: text({ enum: ['published', 'hidden', 'removed'] })
      .notNull()
      .default('published'),
    helpfulCount: integer().notNull().default(0),
    notHelpfulCount: integer().notNull().default(0),
    /** Lower bound of the Wilson score interval (95 %) of helpful votes; 0 without votes. */
    helpfulScore: doublePrecision().notNull().default(0),
    createdAt: at(),
    updatedAt: at(),
    editedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** Set when its author deleted it: restorable until the restore window passes. */
    deletedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('reviews_profile_title_live_key').on(t.profileId, t.titleId).where(sql`${t.deletedAt} is null`),
    index('reviews_title_idx').on(t.titleId, t.status),
  ],
);

/** One vote per account and review. `previousValue`/`changedAt` let a cursor rank as of its first page. */
export const reviewVotes = pgTable(
  'review_votes',
  {
    reviewId: text()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null once removed (kept so a paging cursor can still see the vote as it was). */
    value: text({ enum: ['helpful', 'not_helpful'] }),
    previousValue: text({ enum: ['helpful', 'not_helpful'] }),
    createdAt: at(),
    changedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

/**
 * A moderation case: the reports of a review gathered until a moderator resolves it. A review has
 * at most one open case; reports after a resolution open a new one.
 */
export const reviewCases = pgTable(
  'review_cases',
  {
    id: text().primaryKey(),
    reviewId: text()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    status: text({ enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    action: text({ enum: ['keep', 'hide', 'delete'] }),
    note: text(),
    resolvedBy: text(),
    resolvedAt: timestamp({ withTimezone: true, mode: 'date' }),
    firstReportedAt: at(),
    lastReportedAt: at(),
  },
  (t) => [
    uniqueIndex('review_cases_open_key').on(t.reviewId).where(sql`${t.status} = 'open'`),
    index('review_cases_status_idx').on(t.status, t.lastReportedAt),
  ],
);

/** One report per account and review (reporting again updates it and moves it to the open case). */
export const reviewReports = pgTable(
  'review_reports',
  {
    id: text().primaryKey(),
    reviewId: text()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    caseId: text()
      .notNull()
      .references(() => reviewCases.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text({ enum: ['spam', 'abuse', 'spoiler', 'off_topic', 'other'] }).notNull(),
    text: text(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [
    uniqueIndex('review_reports_review_user_key').on(t.reviewId, t.userId),
    index('review_reports_case_idx').on(t.caseId),
  ],
);
