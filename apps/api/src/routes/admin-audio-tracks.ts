import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AdminAudioTrack,
  adminAudioTracksCreate,
  adminAudioTracksDelete,
  adminAudioTracksList,
  adminAudioTracksReplace,
  adminAudioTracksUpdate,
} from '@reel/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminAudioTracks, titles } from '../db/schema/index.js';
import { conflict, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recordAdminAction } from '../services/admin/audit.js';
import {
  type AudioRow,
  adopt,
  background,
  clearDefault,
  encodeAudio,
  type MediaRef,
  mediaRefOf,
  ownAsset,
  readyAsset,
  rebuild,
} from '../services/admin/media-tracks.js';
import { openUpload, openUploadOf, registerAdminUploads, target } from '../services/admin/uploads.js';

const view = (a: AudioRow, jobError?: string | null): AdminAudioTrack => ({
  id: a.id,
  title_id: a.titleId,
  episode_id: a.episodeId || null,
  language: a.language,
  name: a.name,
  kind: a.kind,
  is_default: a.isDefault,
  status: a.status,
  channels: a.channels,
  codec: a.codec,
  bitrate: a.bitrate,
  duration: a.duration,
  filename: a.filename,
  job:
    a.status === 'processing' || a.status === 'failed'
      ? {
          id: `job_${a.id}`,
          kind: 'audio',
          state: a.status === 'failed' ? 'failed' : 'running',
          stage: a.status === 'failed' ? null : 'encode',
          progress: a.status === 'failed' ? 0 : 0.5,
          eta_seconds: null,
          attempts: 1,
          error: a.error || jobError ? { code: 'audio_failed', message: (a.error ?? jobError) as string } : null,
          label: a.filename ?? a.name,
          created_at: a.updatedAt.toISOString(),
          started_at: a.updatedAt.toISOString(),
          finished_at: null,
        }
      : null,
  created_at: a.createdAt.toISOString(),
  updated_at: a.updatedAt.toISOString(),
});

const audit = (a: AudioRow) => ({
  language: a.language,
  name: a.name,
  kind: a.kind,
  is_default: a.isDefault,
  filename: a.filename,
});

/** Admin: audio tracks of a title's media — add or replace (an AAC rendition in the master playlist), edit, delete. */
export function registerAdminAudioTrackRoutes(app: FastifyInstance): void {
  registerAdminUploads(app, 'audio', async (app, upload, file) => {
    await app.db
      .update(adminAudioTracks)
      .set({ status: 'processing', filename: upload.filename, updatedAt: new Date(app.media.now()) })
      .where(eq(adminAudioTracks.id, upload.targetId));
    background(app, () => encodeAudio(app, upload.targetId, file));
  });

  const byId = async (id: string) => {
    const [row] = await app.db.select().from(adminAudioTracks).where(eq(adminAudioTracks.id, id));
    if (!row) throw notFound('That audio track');
    return row;
  };
  const refOf = (a: AudioRow): MediaRef => ({ titleId: a.titleId, episodeKey: a.episodeId });

  handle(app, adminAudioTracksList, async ({ query }) => {
    const ref = await mediaRefOf(app, query.title_id, query.episode_id);
    await adopt(app, ref);
    const rows = await app.db
      .select()
      .from(adminAudioTracks)
      .where(and(eq(adminAudioTracks.titleId, ref.titleId), eq(adminAudioTracks.episodeId, ref.episodeKey)))
      .orderBy(asc(adminAudioTracks.createdAt), asc(adminAudioTracks.id));
    return { items: rows.map((r) => view(r)) };
  });

  handle(app, adminAudioTracksCreate, async ({ body, principal, request }) => {
    const ref = await mediaRefOf(app, body.title_id, body.episode_id);
    await readyAsset(app, ref);
    await adopt(app, ref);
    const same = await app.db
      .select({ id: adminAudioTracks.id })
      .from(adminAudioTracks)
      .where(
        and(
          eq(adminAudioTracks.titleId, ref.titleId),
          eq(adminAudioTracks.episodeId, ref.episodeKey),
          eq(adminAudioTracks.language, body.language),
          eq(adminAudioTracks.name, body.name),
        ),
      );
    if (same.length) throw conflict('A track with this language and name exists: replace its file instead');
    const now = new Date(app.media.now());
    const [row] = await app.db
      .insert(adminAudioTracks)
      .values({
        id: newId('aud'),
        titleId: ref.titleId,
        episodeId: ref.episodeKey,
        origin: 'upload',
        language: body.language,
        name: body.name,
        kind: body.kind,
        isDefault: body.is_default ?? false,
        status: 'awaiting_upload',
        filename: body.filename,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const track = row as AudioRow;
    if (track.isDefault) await clearDefault(app, 'audio', ref, track.id);
    const upload = await openUpload(app, 'audio', track.id, body, principal.userId);
    await recordAdminAction(
      app,
      { principal, request },
      'audio_tracks.create',
      { type: 'audio_track', id: track.id, label: track.name },
      null,
      audit(track),
    );
    return { track: view(track), upload };
  });

  handle(app, adminAudioTracksUpdate, async ({ params, body, principal, request }) => {
    const before = await byId(params.id);
    const patch: Partial<AudioRow> = { updatedAt: new Date(app.media.now()) };
    if (body.language !== undefined) patch.language = body.language;
    if (body.name !== undefined) patch.name = body.name;
    if (body.kind !== undefined) patch.kind = body.kind;
    if (body.is_default !== undefined) patch.isDefault = body.is_default;
    const asset = before.status === 'ready' ? await ownAsset(app, refOf(before)) : null;
    const [row] = await app.db
      .update(adminAudioTracks)
      .set(patch)
      .where(eq(adminAudioTracks.id, before.id))
      .returning();
    const track = row as AudioRow;
    if (track.isDefault) await clearDefault(app, 'audio', refOf(track), track.id);
    if (asset) await rebuild(app, asset.id);
    await recordAdminAction(
      app,
      { principal, request },
      'audio_tracks.update',
      { type: 'audio_track', id: track.id, label: track.name },
      audit(before),
      audit(track),
    );
    return view(track);
  });

  handle(app, adminAudioTracksReplace, async ({ params, body, principal, request }) => {
    const before = await byId(params.id);
    await readyAsset(app, refOf(before));
    const open = await openUploadOf(app, before.id);
    if (open && open.sizeBytes === body.size_bytes && open.filename === body.filename) {
      return { track: view(before), upload: target(open) };
    }
    const upload = await openUpload(app, 'audio', before.id, body, principal.userId);
    // The old rendition keeps playing; the row shows the upload until the new file is processed.
    const [row] = await app.db
      .update(adminAudioTracks)
      .set({ status: before.path ? before.status : 'awaiting_upload', updatedAt: new Date(app.media.now()) })
      .where(eq(adminAudioTracks.id, before.id))
      .returning();
    await recordAdminAction(
      app,
      { principal, request },
      'audio_tracks.replace',
      { type: 'audio_track', id: before.id, label: before.name },
      { filename: before.filename },
      { filename: body.filename },
    );
    return { track: view(row as AudioRow), upload };
  });

  handle(app, adminAudioTracksDelete, async ({ params, principal, request }) => {
    const before = await byId(params.id);
    const ref = refOf(before);
    const others = await app.db
      .select({ id: adminAudioTracks.id })
      .from(adminAudioTracks)
      .where(
        and(
          eq(adminAudioTracks.titleId, ref.titleId),
          eq(adminAudioTracks.episodeId, ref.episodeKey),
          eq(adminAudioTracks.status, 'ready'),
        ),
      );
    const [title] = await app.db.select({ state: titles.publishState }).from(titles).where(eq(titles.id, ref.titleId));
    if (
      before.status === 'ready' &&
      title?.state === 'published' &&
      others.filter((o) => o.id !== before.id).length === 0
    ) {
      throw conflict('This is the only audio track of a published title: add another first');
    }
    const asset = before.path ? await ownAsset(app, ref).catch(() => null) : null;
    await app.db.delete(adminAudioTracks).where(eq(adminAudioTracks.id, before.id));
    if (asset) {
      await rebuild(app, asset.id);
      rmSync(join(app.media.outDir(asset.id), before.path as string), { recursive: true, force: true });
    }
    await recordAdminAction(
      app,
      { principal, request },
      'audio_tracks.delete',
      { type: 'audio_track', id: before.id, label: before.name },
      audit(before),
      null,
    );
  });
}
