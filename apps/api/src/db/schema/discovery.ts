import { sql } from 'drizzle-orm';
import { customType, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
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

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What search matches against, derived from `titles` and `people` (the search service rebuilds it
 * when they change): the unaccented tsvector of each title's `search_document`, and folded
 * (`lower(unaccent())`) names for trigram similarity, so a search computes neither per row.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    kind: text({ enum: ['title', 'person'] }).notNull(),
    id: text().notNull(),
    /** `lower(unaccent(name))`. */
    name: text().notNull(),
    /** `lower(unaccent(original_name))`, or ''. */
    originalName: text().notNull().default(''),
    document: tsvector().notNull().default(sql`''::tsvector`),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index('search_documents_document_idx').using('gin', t.document),
    index('search_documents_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('search_documents_original_trgm_idx').using('gin', sql`${t.originalName} gin_trgm_ops`),
  ],
);

/** Which version of the catalog `search_documents` was built from (a fingerprint of the sources). */
export const searchIndexState = pgTable('search_index_state', {
  key: text().primaryKey(),
  fingerprint: text().notNull(),
  builtAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
