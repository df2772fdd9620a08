import {
  type AdminPipelineJob,
  type AdminTrailer,
  adminTrailersCreate,
  adminTrailersDelete,
  adminTrailersList,
  adminTrailersUpdate,
} from '@reel/contracts';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminTrailers, mediaAssets, titles } from '../db/schema/index.js';
import { notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recordAdminAction } from '../services/admin/audit.js';
import type { AssetRow } from '../services/media/index.js';
import type { JobRow } from '../services/media/queue.js';

type TrailerRow = typeof adminTrailers.$inferSelect;
const CHUNK = 8 * 1024 * 1024;
const UPLOAD_TTL_MS = 24 * 3600_000;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function jobView(job: JobRow | undefined): AdminPipelineJob | null {
  if (!job) return null;
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    stage: job.stage,
    progress: Math.max(0, Math.min(1, job.progress)),
    eta_seconds: job.etaSeconds === null ? null : Math.max(0, job.etaSeconds),
    attempts: job.attempts,
    error: job.error ?? null,
    label: job.label,
    created_at: job.createdAt.toISOString(),
    started_at: iso(job.startedAt),
    finished_at: iso(job.finishedAt),
  };
}

const audit = (t: TrailerRow) => ({ name: t.name, language: t.language, is_primary: t.isPrimary, order: t.order });

/**
 * Admin: a title's trailers. Each is a video source of its own (a `media_assets` row bound to no
 * title, so it never becomes what the title plays), uploaded through the same tus endpoint as
 * films and put through the same pipeline.
 */
export function registerAdminTrailerRoutes(app: FastifyInstance): void {
  const views = async (rows: TrailerRow[]): Promise<AdminTrailer[]> => {
    const assets = new Map((await app.media.assetsByIds(rows.map((r) => r.assetId))).map((a) => [a.id, a]));
    const jobs = await app.media.queue.latest(rows.map((r) => r.assetId));
    return rows.flatMap((t) => {
      const a = assets.get(t.assetId) as AssetRow | undefined;
      if (!a) return [];
      const output = a.status === 'ready' ? (a.output as { poster?: string | null } | null) : null;
      const token = output?.poster ? app.media.tokenFor(a.id, { ttl: 3600 }).token : null;
      return [
        {
          id: t.id,
          title_id: t.titleId,
          name: t.name,
          language: t.language,
          is_primary: t.isPrimary,
          order: t.order,
          status: a.status,
          duration: a.duration,
          thumbnail: output?.poster && token ? app.media.mediaUrl(a.id, output.poster, token) : null,
          filename: a.filename,
          size_bytes: a.sizeBytes,
          job: jobView(jobs.get(a.id)),
          created_at: t.createdAt.toISOString(),
          updated_at: new Date(Math.max(a.updatedAt.getTime(), t.updatedAt.getTime())).toISOString(),
        },
      ];
    });
  };
  const byId = async (id: string) => {
    const [row] = await app.db.select().from(adminTrailers).where(eq(adminTrailers.id, id));
    if (!row) throw notFound('That trailer');
    return row;
  };
  /** One primary per title. */
  const onlyPrimary = async (t: TrailerRow) => {
    if (!t.isPrimary) return;
    await app.db
      .update(adminTrailers)
      .set({ isPrimary: false })
      .where(and(eq(adminTrailers.titleId, t.titleId), ne(adminTrailers.id, t.id)));
  };

  handle(app, adminTrailersList, async ({ query }) => {
    const [title] = await app.db.select({ id: titles.id }).from(titles).where(eq(titles.id, query.title_id));
    if (!title) throw notFound('That title');
    const rows = await app.db
      .select()
      .from(adminTrailers)
      .where(eq(adminTrailers.titleId, title.id))
      .orderBy(asc(adminTrailers.order), asc(adminTrailers.createdAt));
    rows.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    return { items: await views(rows) };
  });

  handle(app, adminTrailersCreate, async ({ body, principal, request }) => {
    const [title] = await app.db.select({ id: titles.id }).from(titles).where(eq(titles.id, body.title_id));
    if (!title) throw notFound('That title');
    const existing = await app.db
      .select({ id: adminTrailers.id })
      .from(adminTrailers)
      .where(eq(adminTrailers.titleId, title.id));
    const now = new Date(app.media.now());
    const assetId = newId('ast');
    await app.db.insert(mediaAssets).values({
      id: assetId,
      titleId: null,
      episodeId: null,
      origin: 'upload',
      filename: body.filename,
      contentType: body.content_type,
      sizeBytes: body.size_bytes,
      checksumSha256: body.checksum_sha256 ?? null,
      status: 'awaiting_upload',
      uploadExpiresAt: new Date(now.getTime() + UPLOAD_TTL_MS),
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
    });
    const [row] = await app.db
      .insert(adminTrailers)
      .values({
        id: newId('trl'),
        titleId: title.id,
        assetId,
        name: body.name,
        language: body.language ?? null,
        isPrimary: body.is_primary ?? existing.length === 0,
        order: existing.length,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const t = row as TrailerRow;
    await onlyPrimary(t);
    await recordAdminAction(
      app,
      { principal, request },
      'trailers.create',
      { type: 'trailer', id: t.id, label: t.name },
      null,
      { ...audit(t), filename: body.filename },
    );
    const [view] = await views([t]);
    return {
      trailer: view as AdminTrailer,
      upload: {
        protocol: 'tus' as const,
        url: `/media/uploads/${assetId}`,
        offset: 0,
        length: body.size_bytes,
        chunk_size: CHUNK,
        expires_at: new Date(now.getTime() + UPLOAD_TTL_MS).toISOString(),
      },
    };
  });

  handle(app, adminTrailersUpdate, async ({ params, body, principal, request }) => {
    const before = await byId(params.id);
    const patch: Partial<TrailerRow> = { updatedAt: new Date(app.media.now()) };
    if (body.name !== undefined) patch.name = body.name;
    if (body.language !== undefined) patch.language = body.language;
    if (body.is_primary !== undefined) patch.isPrimary = body.is_primary;
    if (body.order !== undefined) patch.order = body.order;
    const [row] = await app.db.update(adminTrailers).set(patch).where(eq(adminTrailers.id, before.id)).returning();
    const t = row as TrailerRow;
    await onlyPrimary(t);
    await recordAdminAction(
      app,
      { principal, request },
      'trailers.update',
      { type: 'trailer', id: t.id, label: t.name },
      audit(before),
      audit(t),
    );
    return (await views([t]))[0] as AdminTrailer;
  });

  handle(app, adminTrailersDelete, async ({ params, principal, request }) => {
    const before = await byId(params.id);
    const [asset] = await app.media.assetsByIds([before.assetId]);
    await app.db.delete(adminTrailers).where(eq(adminTrailers.id, before.id));
    if (asset) {
      app.media.removeFiles(asset);
      await app.db.delete(mediaAssets).where(eq(mediaAssets.id, asset.id));
    }
    await recordAdminAction(
      app,
      { principal, request },
      'trailers.delete',
      { type: 'trailer', id: before.id, label: before.name },
      audit(before),
      null,
    );
  });
}
