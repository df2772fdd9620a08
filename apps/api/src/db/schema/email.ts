import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.js';

const createdAt = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * Single-use tokens of emailed links (password reset, email verification). Only a SHA-256 of the
 * token is stored: a copy of the table opens nothing. A link works until `expiresAt`, once
 * (`usedAt`); for verification it is tied to the address it was sent to (`email`).
 */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: ['password_reset', 'email_verification'] }).notNull(),
    tokenHash: text().notNull(),
    /** The address the link was sent to. */
    email: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('email_tokens_hash_key').on(t.tokenHash),
    index('email_tokens_user_idx').on(t.userId, t.purpose, t.createdAt),
  ],
);

/**
 * Emails kept by the outbox (no SMTP configured): what the development mailbox shows and tests
 * read. With SMTP the messages go out and are not kept.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    /** `email_verification`, `password_reset` … */
    template: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** Every link of the message, in order. */
    links: jsonb().$type<string[]>().notNull().default([]),
    sentAt: createdAt(),
  },
  (t) => [index('email_outbox_sent_idx').on(t.sentAt), index('email_outbox_to_idx').on(t.to, t.sentAt)],
);
