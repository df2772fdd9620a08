import { bigserial, index, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

// Observability (§30, issue 17): what the elements report through the kit, and ops settings.

const at = () => timestamp({ withTimezone: true, mode: 'date' });

/** One client error reported by an element (kept 30 days; grouped by `fingerprint` when read). */
export const opsClientErrors = pgTable(
  'ops_client_errors',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** sha256 of name, message and the top stack frame, shortened. */
    fingerprint: text().notNull(),
    name: text().notNull(),
    message: text().notNull(),
    source: text().notNull(),
    element: text(),
    elementVersion: text(),
    stack: text(),
    url: text().notNull(),
    operation: text(),
    release: text(),
    userAgent: text().notNull().default(''),
    /** The account, or a hash of the visitor's address and user agent. */
    userKey: text().notNull(),
    occurredAt: at().notNull(),
    receivedAt: at().notNull().defaultNow(),
  },
  (t) => [
    index('ops_client_errors_received_idx').on(t.receivedAt),
    index('ops_client_errors_fingerprint_idx').on(t.fingerprint, t.receivedAt),
  ],
);

/** One web-vitals sample (de-duplicated by the library's id and the metric). */
export const opsWebVitals = pgTable(
  'ops_web_vitals',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    name: text().notNull(),
    value: real().notNull(),
    rating: text().notNull(),
    sampleId: text().notNull(),
    page: text().notNull(),
    navigationType: text(),
    attribution: text(),
    device: text(),
    effectiveConnection: text(),
    release: text(),
    receivedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ops_web_vitals_sample_idx').on(t.sampleId, t.name),
    index('ops_web_vitals_received_idx').on(t.receivedAt),
  ],
);

/** Ops settings stored as JSON documents by key: the cost model, the delivery settings. */
export const opsSettings = pgTable('ops_settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedBy: text(),
  updatedAt: at().notNull().defaultNow(),
});

/** Signed delivery cookies issued by staff (support, testing a CDN): revocable before they expire. */
export const opsCdnCookies = pgTable(
  'ops_cdn_cookies',
  {
    id: text().primaryKey(),
    pathPrefix: text().notNull(),
    accountId: text(),
    keyId: text().notNull(),
    note: text(),
    issuedBy: text(),
    issuedAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    revokedAt: at(),
  },
  (t) => [index('ops_cdn_cookies_issued_idx').on(t.issuedAt)],
);
