import {
  type AdminBulkJob,
  type AdminBulkRow,
  adminBulkUploadApply,
  adminBulkUploadDryRun,
  adminBulkUploadGet,
  adminBulkUploadList,
  adminBulkUploadResume,
} from '@reel/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminTitleMeta, availability, genres, titleGenres, titles, users } from '../db/schema/index.js';
import { pageOf } from '../http/cursor.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { type CheckedRow, checkRows, fingerprint, type ManifestTitle, parseManifest } from '../services/admin/bulk.js';
import { RecordStore } from '../services/admin/records.js';
import { slugify } from '../services/admin/titles.js';

type JobDoc = Omit<AdminBulkJob, 'id' | 'created_by'> & {
  created_by_id: string | null;
  /** The checked value of each row (null for rows with errors), by row index. */
  values: (ManifestTitle | null)[];
};
type KeyDoc = { title_id: string; fingerprint: string };

const DRY_RUN_TTL_MS = 24 * 3600_000;

export function registerAdminBulkRoutes(app: FastifyInstance): void {
  const jobs = new RecordStore<JobDoc>(app, 'bulk_job');
  const keys = new RecordStore<KeyDoc>(app, 'bulk_key');

  const view = async (doc: JobDoc & { id: string }): Promise<AdminBulkJob> => {
    const { values: _values, created_by_id, ...rest } = doc;
    let created_by = null;
    if (created_by_id) {
      const [u] = await app.db
        .select({ id: users.id, email: users.email, display_name: users.displayName })
        .from(users)
        .where(eq(users.id, created_by_id));
      created_by = u ?? null;
    }
    const expired = doc.state === 'validated' && doc.expires_at !== null && doc.expires_at < new Date().toISOString();
    return { ...rest, state: expired ? 'expired' : doc.state, created_by };
  };
  const jobOf = async (id: string) => {
    const doc = await jobs.get(id);
    if (!doc) throw notFound('That bulk upload');
    return doc;
  };

  /** Creates or updates the title of one row; the row's key makes it idempotent. */
  const applyRow = async (value: ManifestTitle, principal: Principal): Promise<NonNullable<AdminBulkRow['result']>> => {
    const print = fingerprint(value);
    const known = await keys.byKey(value.key);
    if (known) {
      const [exists] = await app.db.select({ id: titles.id }).from(titles).where(eq(titles.id, known.title_id));
      if (exists && known.fingerprint === print)
        return { status: 'unchanged', target_id: known.title_id, message: null };
      if (exists) {
        await app.db
          .update(titles)
          .set({
            type: value.type,
            name: value.name,
            synopsis: value.synopsis,
            year: value.year,
            maturityLevel: value.maturity_level,
            originalLanguage: value.original_language,
            updatedAt: new Date(),
          })
          .where(eq(titles.id, known.title_id));
        await writeRelations(known.title_id, value);
        await keys.update(known.id, { title_id: known.title_id, fingerprint: print });
        return { status: 'updated', target_id: known.title_id, message: null };
      }
      await keys.remove(known.id);
    }
    const id = newId('ttl');
    const now = new Date();
    await app.db.transaction(async (tx) => {
      await tx.insert(titles).values({
        id,
        type: value.type,
        name: value.name,
        synopsis: value.synopsis,
        year: value.year,
        maturityLevel: value.maturity_level,
        originalLanguage: value.original_language,
        publishState: 'draft',
        artworkSeed: Math.floor(Math.random() * 1_000_000),
        addedAt: now,
        updatedAt: now,
        searchDocument: `${value.name} ${value.synopsis}`,
      });
      let slug = slugify(value.name);
      const taken = new Set((await tx.select({ s: adminTitleMeta.slug }).from(adminTitleMeta)).map((r) => r.s));
      for (let n = 2; taken.has(slug); n++) slug = `${slugify(value.name)}-${n}`;
      await tx
        .insert(adminTitleMeta)
        .values({ titleId: id, slug, version: 1, updatedBy: principal.userId, createdAt: now, updatedAt: now });
    });
    await writeRelations(id, value);
    await keys.insert('bky', { title_id: id, fingerprint: print }, value.key);
    return { status: 'created', target_id: id, message: null };
  };
  const writeRelations = async (titleId: string, value: ManifestTitle) => {
    await app.db.delete(titleGenres).where(eq(titleGenres.titleId, titleId));
    if (value.genres.length)
      await app.db.insert(titleGenres).values(value.genres.map((genre, position) => ({ titleId, genre, position })));
    await app.db.delete(availability).where(eq(availability.titleId, titleId));
    if (value.regions.length)
      await app.db
        .insert(availability)
        .values(value.regions.map((region) => ({ titleId, region, availableFrom: null, availableUntil: null })));
  };

  /** Runs the unfinished good rows in order, saving progress after each (so a crash resumes there). */
  const run = async (doc: JobDoc & { id: string }, principal: Principal) => {
    doc.state = 'running';
    doc.started_at ??= new Date().toISOString();
    await jobs.update(doc.id, doc);
    for (const [i, row] of doc.rows.entries()) {
      const value = doc.values[i];
      if (!value || row.action === 'skip') continue;
      if (row.result && row.result.status !== 'pending' && row.result.status !== 'failed') continue;
      try {
        row.result = await applyRow(value, principal);
      } catch (error) {
        row.result = { status: 'failed', target_id: null, message: (error as Error).message.slice(0, 300) };
      }
      doc.progress = tally(doc.rows);
      await jobs.update(doc.id, doc);
    }
    doc.progress = tally(doc.rows);
    doc.state = doc.progress.failed ? 'failed' : 'completed';
    doc.finished_at = new Date().toISOString();
    await jobs.update(doc.id, doc);
    app.catalog.invalidate();
  };
  const tally = (rows: AdminBulkRow[]) => {
    const p = { done: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
    for (const r of rows) {
      const s = r.result?.status;
      if (!s || s === 'pending') continue;
      p.done++;
      p[s]++;
    }
    return p;
  };

  handle(app, adminBulkUploadList, async ({ query }) => {
    const all = (await jobs.all()).sort((a, b) => b.created_at.localeCompare(a.created_at) || (a.id < b.id ? 1 : -1));
    const page = pageOf(all, query.cursor, query.limit ?? 20, (j) => j.id);
    const items = await Promise.all(
      page.items.map(async (j) => {
        const { rows: _rows, ...summary } = await view(j);
        return summary;
      }),
    );
    return { items, next_cursor: page.next_cursor };
  });

  handle(app, adminBulkUploadDryRun, async ({ body, principal, request }) => {
    let raw: Record<string, unknown>[];
    try {
      raw = parseManifest(body.format, body.manifest);
    } catch (error) {
      throw new HttpError(422, 'invalid_manifest', `The manifest does not parse: ${(error as Error).message}`, {
        fields: [{ field: 'manifest', message: (error as Error).message }],
      });
    }
    if (!raw.length)
      throw new HttpError(422, 'invalid_manifest', 'The manifest has no rows', {
        fields: [{ field: 'manifest', message: 'no rows' }],
      });
    if (raw.length > 5000) throw new HttpError(413, 'payload_too_large', 'At most 5000 rows per manifest');
    const known = new Set((await app.db.select({ slug: genres.slug }).from(genres)).map((g) => g.slug));
    const checked: CheckedRow[] = checkRows(raw, known);
    const existing = new Map<string, KeyDoc>();
    const keyed = checked.map((c) => c.key).filter((k): k is string => !!k);
    for (const k of keyed) {
      const hit = await keys.byKey(k);
      if (hit) existing.set(k, hit);
    }
    const liveIds = existing.size
      ? new Set(
          (
            await app.db
              .select({ id: titles.id })
              .from(titles)
              .where(
                inArray(
                  titles.id,
                  [...existing.values()].map((e) => e.title_id),
                ),
              )
          ).map((t) => t.id),
        )
      : new Set<string>();
    const rows: AdminBulkRow[] = checked.map((c) => {
      const hit = c.key ? existing.get(c.key) : undefined;
      const action: AdminBulkRow['action'] = !c.value
        ? 'skip'
        : hit && liveIds.has(hit.title_id)
          ? hit.fingerprint === fingerprint(c.value)
            ? 'skip'
            : 'update'
          : 'create';
      return {
        row: c.row,
        key: c.key,
        name: c.name,
        action,
        problems: c.problems,
        result:
          c.value && action === 'skip' && hit
            ? { status: 'unchanged', target_id: hit.title_id, message: 'already applied' }
            : null,
      };
    });
    const now = new Date();
    const invalid = checked.filter((c) => !c.value).length;
    const doc: JobDoc = {
      format: body.format,
      state: 'validated',
      row_count: rows.length,
      valid_rows: rows.length - invalid,
      invalid_rows: invalid,
      progress: { done: 0, created: 0, updated: 0, unchanged: 0, failed: 0 },
      created_at: now.toISOString(),
      created_by_id: principal.userId,
      started_at: null,
      finished_at: null,
      expires_at: new Date(now.getTime() + DRY_RUN_TTL_MS).toISOString(),
      rows,
      values: checked.map((c) => c.value),
    };
    doc.progress = tally(rows);
    const saved = await jobs.insert('blk', doc);
    await recordAdminAction(
      app,
      { principal, request },
      'bulk_upload.dry_run',
      { type: 'bulk_upload', id: saved.id, label: `${rows.length} rows` },
      null,
      { rows: rows.length, invalid },
    );
    return view(saved);
  });

  handle(app, adminBulkUploadGet, async ({ params }) => view(await jobOf(params.id)));

  handle(app, adminBulkUploadApply, async ({ params, principal, request }) => {
    const doc = await jobOf(params.id);
    const state = (await view(doc)).state;
    if (state === 'expired') throw conflict('This dry run expired: run it again');
    if (state === 'running') throw conflict('This bulk upload is running');
    if (state === 'paused' || state === 'failed') throw conflict('This bulk upload stopped part-way: resume it');
    if (state === 'completed') return view(doc); // applying again changes nothing
    await run(doc, principal);
    await recordAdminAction(
      app,
      { principal, request },
      'bulk_upload.apply',
      { type: 'bulk_upload', id: doc.id, label: `${doc.row_count} rows` },
      null,
      { ...doc.progress },
    );
    return view(doc);
  });

  handle(app, adminBulkUploadResume, async ({ params, principal, request }) => {
    const doc = await jobOf(params.id);
    if (!['running', 'paused', 'failed'].includes(doc.state))
      throw conflict('Only a bulk upload that stopped part-way can be resumed');
    await run(doc, principal);
    await recordAdminAction(
      app,
      { principal, request },
      'bulk_upload.resume',
      { type: 'bulk_upload', id: doc.id, label: `${doc.row_count} rows` },
      null,
      { ...doc.progress },
    );
    return view(doc);
  });
}
