import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  adminArtworkCreate,
  adminArtworkDelete,
  adminArtworkGet,
  adminArtworkList,
  adminArtworkUpdate,
} from '@reel/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminArtwork, titles } from '../db/schema/index.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import {
  type ArtworkRow,
  artworkDir,
  artworkView,
  bumpArtwork,
  onlyPrimary,
  processArtwork,
} from '../services/admin/artwork.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { mediaRefOf } from '../services/admin/media-tracks.js';
import { openUpload, registerAdminUploads } from '../services/admin/uploads.js';

const FILE = /^(original|w\d{2,4})\.(jpg|png|webp)$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const audit = (a: ArtworkRow) => ({
  type: a.type,
  language: a.language,
  is_primary: a.isPrimary,
  status: a.status,
  width: a.width,
  height: a.height,
});

/** Admin: uploaded artwork (checked, resized, served at /media/artwork/uploads/…); the primary one wins over generated art. */
export function registerAdminArtworkRoutes(app: FastifyInstance): void {
  registerAdminUploads(app, 'artwork', async (app, upload, file) => {
    await app.db
      .update(adminArtwork)
      .set({ status: 'processing', updatedAt: new Date(app.media.now()) })
      .where(eq(adminArtwork.id, upload.targetId));
    await processArtwork(app, upload.targetId, file, upload.contentType);
  });

  app.get<{ Params: { id: string; file: string } }>('/media/artwork/uploads/:id/:file', async (request, reply) => {
    const { id, file } = request.params;
    const path = ID.test(id) && FILE.test(file) ? join(artworkDir(app, id), file) : null;
    if (!path || !existsSync(path)) throw new HttpError(404, 'not_found', 'That image was not found');
    const ext = file.slice(file.lastIndexOf('.') + 1);
    return reply
      .type(TYPES[ext] as string)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-length', String(statSync(path).size))
      .send(createReadStream(path));
  });

  const byId = async (id: string) => {
    const [row] = await app.db.select().from(adminArtwork).where(eq(adminArtwork.id, id));
    if (!row) throw notFound('That artwork');
    return row;
  };

  handle(app, adminArtworkList, async ({ query }) => {
    const ref = await mediaRefOf(app, query.title_id, query.episode_id);
    const rows = await app.db
      .select()
      .from(adminArtwork)
      .where(
        and(
          eq(adminArtwork.titleId, ref.titleId),
          ref.episodeKey ? eq(adminArtwork.episodeId, ref.episodeKey) : isNull(adminArtwork.episodeId),
          ...(query.type ? [eq(adminArtwork.type, query.type)] : []),
        ),
      )
      .orderBy(asc(adminArtwork.type), asc(adminArtwork.createdAt));
    rows.sort((a, b) => a.type.localeCompare(b.type) || Number(b.isPrimary) - Number(a.isPrimary));
    return { items: rows.map(artworkView) };
  });

  handle(app, adminArtworkGet, async ({ params }) => artworkView(await byId(params.id)));

  handle(app, adminArtworkCreate, async ({ body, principal, request }) => {
    const ref = await mediaRefOf(app, body.title_id, body.episode_id);
    const now = new Date(app.media.now());
    const [row] = await app.db
      .insert(adminArtwork)
      .values({
        id: newId('art'),
        titleId: ref.titleId,
        episodeId: ref.episodeKey || null,
        type: body.type,
        language: body.language ?? null,
        isPrimary: body.is_primary ?? false,
        status: 'awaiting_upload',
        contentType: body.content_type,
        sizeBytes: body.size_bytes,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const a = row as ArtworkRow;
    const upload = await openUpload(app, 'artwork', a.id, body, principal.userId);
    await recordAdminAction(
      app,
      { principal, request },
      'artwork.create',
      { type: 'artwork', id: a.id, label: `${a.type} ${body.filename}` },
      null,
      audit(a),
    );
    return { artwork: artworkView(a), upload };
  });

  handle(app, adminArtworkUpdate, async ({ params, body, principal, request }) => {
    const before = await byId(params.id);
    if (body.is_primary && before.status !== 'ready') {
      throw new HttpError(422, 'not_ready', 'Only a checked, ready image can be primary', {
        fields: [{ field: 'is_primary', message: 'the image is not ready' }],
      });
    }
    const patch: Partial<ArtworkRow> = { updatedAt: new Date(app.media.now()) };
    if (body.type !== undefined) patch.type = body.type;
    if (body.language !== undefined) patch.language = body.language;
    if (body.is_primary !== undefined) patch.isPrimary = body.is_primary;
    const [row] = await app.db.update(adminArtwork).set(patch).where(eq(adminArtwork.id, before.id)).returning();
    const a = row as ArtworkRow;
    await onlyPrimary(app, a);
    if (before.isPrimary || a.isPrimary) await bumpArtwork(app, a.titleId);
    await recordAdminAction(
      app,
      { principal, request },
      'artwork.update',
      { type: 'artwork', id: a.id, label: a.type },
      audit(before),
      audit(a),
    );
    return artworkView(a);
  });

  handle(app, adminArtworkDelete, async ({ params, principal, request }) => {
    const before = await byId(params.id);
    if (before.type === 'poster' && before.status === 'ready' && !before.episodeId) {
      const [title] = await app.db
        .select({ state: titles.publishState })
        .from(titles)
        .where(eq(titles.id, before.titleId));
      const posters = await app.db
        .select({ id: adminArtwork.id })
        .from(adminArtwork)
        .where(
          and(
            eq(adminArtwork.titleId, before.titleId),
            eq(adminArtwork.type, 'poster'),
            eq(adminArtwork.status, 'ready'),
          ),
        );
      if (title?.state === 'published' && posters.length <= 1) {
        throw conflict('This is the only poster of a published title: upload another first');
      }
    }
    await app.db.delete(adminArtwork).where(eq(adminArtwork.id, before.id));
    rmSync(artworkDir(app, before.id), { recursive: true, force: true });
    if (before.isPrimary) await bumpArtwork(app, before.titleId);
    await recordAdminAction(
      app,
      { principal, request },
      'artwork.delete',
      { type: 'artwork', id: before.id, label: before.type },
      audit(before),
      null,
    );
  });
}
