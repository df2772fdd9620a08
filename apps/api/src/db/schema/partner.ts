import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, mode: 'date' });
const createdAt = () => at().notNull().defaultNow();

/**
 * A partner API key (issue 13). The secret is shown once, at creation, and stored only as its
 * SHA-256 (it carries 256 random bits, so a fast hash is enough); `prefix` is its first
 * characters, to recognise it in a list. Revoking sets `revoked_at`: refused at once.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    prefix: text().notNull(),
    secretHash: text().notNull().unique(),
    scopes: text().array().notNull(),
    allowedOrigins: text().array().notNull(),
    createdAt: createdAt(),
    createdBy: text(),
    lastUsedAt: at(),
    lastUsedOrigin: text(),
    revokedAt: at(),
  },
  (t) => [index('api_keys_created_idx').on(t.createdAt)],
);

/** Daily usage of a key: requests, playback tokens minted, refusals. */
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    keyId: text()
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`, UTC. */
    day: text().notNull(),
    requests: integer().notNull().default(0),
    tokensMinted: integer().notNull().default(0),
    refused: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.day] })],
);

/** HMAC secrets that sign partner playback tokens (the first one is made at start). */
export const partnerTokenKeys = pgTable('partner_token_keys', {
  id: text().primaryKey(),
  secret: text().notNull(),
  createdAt: createdAt(),
  retiredAt: at(),
});
