import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Editorial state of a title that the public catalog does not need: slug, edit version, who saved last. */
export const adminTitleMeta = pgTable(
  'admin_title_meta',
  {
    titleId: text().primaryKey(),
    slug: text().notNull(),
    version: integer().notNull().default(1),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    updatedBy: text(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [uniqueIndex('admin_title_meta_slug_key').on(t.slug)],
);

/** Tags and moods: the vocabulary titles' `tags` / `moods` arrays are drawn from. */
export const adminTerms = pgTable(
  'admin_terms',
  {
    id: text().primaryKey(),
    kind: text({ enum: ['tag', 'mood'] }).notNull(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [uniqueIndex('admin_terms_kind_slug_key').on(t.kind, t.slug)],
);

/** Staff actions on content: who, what, before and after (secrets never stored). */
export const adminAudit = pgTable(
  'admin_audit',
  {
    id: text().primaryKey(),
    at: at(),
    actorId: text(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    targetLabel: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    requestId: text(),
  },
  (t) => [index('admin_audit_at_idx').on(t.at), index('admin_audit_target_idx').on(t.targetType, t.targetId)],
);

/**
 * Documents of the smaller content groups (bundles, download rules and policies, certification
 * order, bulk-upload jobs): one row per record, the contract's shape in `data`.
 */
export const adminRecords = pgTable(
  'admin_records',
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    /** An external key unique within the kind (bulk rows' keys, plan ids of policies). */
    key: text(),
    data: jsonb().notNull().default(sql`'{}'::jsonb`),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [index('admin_records_kind_idx').on(t.kind), uniqueIndex('admin_records_kind_key_key').on(t.kind, t.key)],
);
