import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AdminSubtitleTrack,
  adminSubtitlesCreate,
  adminSubtitlesDelete,
  adminSubtitlesGet,
  adminSubtitlesList,
  adminSubtitlesShift,
  adminSubtitlesUpdate,
  adminSubtitlesValidate,
} from '@reel/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminSubtitles } from '../db/schema/index.js';
import { HttpError, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recordAdminAction } from '../services/admin/audit.js';
import {
  adopt,
  clearDefault,
  type MediaRef,
  mediaRefOf,
  ownAsset,
  readyAsset,
  rebuild,
  type SubtitleRow,
  writeSubtitleFiles,
} from '../services/admin/media-tracks.js';
import { type ParsedSubtitles, parseSubtitles, shiftCues, toWebVtt } from '../services/admin/subtitle-text.js';

const view = (s: SubtitleRow): AdminSubtitleTrack => ({
  id: s.id,
  title_id: s.titleId,
  episode_id: s.episodeId || null,
  language: s.language,
  label: s.label,
  kind: s.kind,
  is_default: s.isDefault,
  source_format: s.sourceFormat,
  cue_count: s.cueCount,
  first_cue_start: s.firstCueStart,
  last_cue_end: s.lastCueEnd,
  url: s.assetId ? `/media/${s.assetId}/${s.path}/subtitles.vtt` : `/api/v1/admin/assets/subtitles/${s.id}`,
  warnings: (s.warnings as AdminSubtitleTrack['warnings']) ?? [],
  created_at: s.createdAt.toISOString(),
  updated_at: s.updatedAt.toISOString(),
});

const audit = (s: SubtitleRow) => ({
  language: s.language,
  label: s.label,
  kind: s.kind,
  is_default: s.isDefault,
  cue_count: s.cueCount,
  first_cue_start: s.firstCueStart,
});

/** Parses and refuses an invalid file with 422 and its issues (by line). */
function checked(format: 'vtt' | 'srt', content: string, duration?: number): ParsedSubtitles {
  const parsed = parseSubtitles(format, content, duration);
  if (!parsed.valid) {
    const errors = parsed.issues.filter((i) => i.severity === 'error');
    const first = errors[0];
    throw new HttpError(
      422,
      'invalid_subtitles',
      `The subtitle file is not valid: ${first?.line ? `line ${first.line}: ` : ''}${first?.message ?? 'no cues'}`,
      {
        hint: { issues: parsed.issues },
        fields: [
          { field: 'content', message: first?.line ? `line ${first.line}: ${first.message}` : (first?.message ?? '') },
        ],
      },
    );
  }
  return parsed;
}

/** Admin: subtitle tracks of a title's media — WebVTT or SRT uploads, validated, shifted, in the master playlist. */
export function registerAdminSubtitleRoutes(app: FastifyInstance): void {
  const byId = async (id: string) => {
    const [row] = await app.db.select().from(adminSubtitles).where(eq(adminSubtitles.id, id));
    if (!row) throw notFound('That subtitle track');
    return row;
  };
  const refOf = (s: SubtitleRow): MediaRef => ({ titleId: s.titleId, episodeKey: s.episodeId });

  handle(app, adminSubtitlesList, async ({ query }) => {
    const ref = await mediaRefOf(app, query.title_id, query.episode_id);
    await adopt(app, ref);
    const rows = await app.db
      .select()
      .from(adminSubtitles)
      .where(and(eq(adminSubtitles.titleId, ref.titleId), eq(adminSubtitles.episodeId, ref.episodeKey)))
      .orderBy(asc(adminSubtitles.language), asc(adminSubtitles.createdAt));
    return { items: rows.map((r) => view(r)) };
  });

  handle(app, adminSubtitlesGet, async ({ params }) => {
    const row = await byId(params.id);
    return { ...view(row), content: row.content };
  });

  handle(app, adminSubtitlesValidate, async ({ body }) => {
    const p = parseSubtitles(body.format, body.content, body.media_duration);
    return {
      valid: p.valid,
      format: p.format,
      cue_count: p.cues.length,
      first_cue_start: p.firstCueStart,
      last_cue_end: p.lastCueEnd,
      issues: p.issues,
    };
  });

  handle(app, adminSubtitlesCreate, async ({ body, principal, request }) => {
    const ref = await mediaRefOf(app, body.title_id, body.episode_id);
    const ready = await readyAsset(app, ref);
    const parsed = checked(body.format, body.content, ready.output.duration);
    await adopt(app, ref);
    const asset = await ownAsset(app, ref);
    const id = newId('sub');
    const now = new Date(app.media.now());
    const [row] = await app.db
      .insert(adminSubtitles)
      .values({
        id,
        titleId: ref.titleId,
        episodeId: ref.episodeKey,
        assetId: asset.id,
        path: `s/${body.language}-${id.slice(-8)}`,
        origin: 'upload',
        language: body.language,
        label: body.label,
        kind: body.kind,
        isDefault: body.is_default ?? false,
        sourceFormat: body.format,
        content: toWebVtt(parsed.cues),
        cueCount: parsed.cues.length,
        firstCueStart: parsed.firstCueStart,
        lastCueEnd: parsed.lastCueEnd,
        warnings: parsed.issues.filter((i) => i.severity === 'warning'),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const s = row as SubtitleRow;
    if (s.isDefault) await clearDefault(app, 'subtitle', ref, s.id);
    writeSubtitleFiles(app, asset, s);
    await rebuild(app, asset.id);
    await recordAdminAction(
      app,
      { principal, request },
      'subtitles.create',
      { type: 'subtitle', id: s.id, label: s.label },
      null,
      audit(s),
    );
    return view(s);
  });

  handle(app, adminSubtitlesUpdate, async ({ params, body, principal, request }) => {
    const before = await byId(params.id);
    const ref = refOf(before);
    if ((body.format === undefined) !== (body.content === undefined)) {
      throw new HttpError(400, 'validation_failed', 'Send format and content together', {
        fields: [{ field: body.format === undefined ? 'format' : 'content', message: 'required with the other' }],
      });
    }
    const asset = await ownAsset(app, ref);
    const patch: Partial<SubtitleRow> = { updatedAt: new Date(app.media.now()) };
    if (body.language !== undefined) patch.language = body.language;
    if (body.label !== undefined) patch.label = body.label;
    if (body.kind !== undefined) patch.kind = body.kind;
    if (body.is_default !== undefined) patch.isDefault = body.is_default;
    if (body.format && body.content) {
      const parsed = checked(body.format, body.content, asset.output.duration);
      Object.assign(patch, {
        sourceFormat: body.format,
        content: toWebVtt(parsed.cues),
        cueCount: parsed.cues.length,
        firstCueStart: parsed.firstCueStart,
        lastCueEnd: parsed.lastCueEnd,
        warnings: parsed.issues.filter((i) => i.severity === 'warning'),
      });
    }
    const [row] = await app.db.update(adminSubtitles).set(patch).where(eq(adminSubtitles.id, before.id)).returning();
    const s = row as SubtitleRow;
    if (s.isDefault) await clearDefault(app, 'subtitle', ref, s.id);
    writeSubtitleFiles(app, asset, s);
    await rebuild(app, asset.id);
    await recordAdminAction(
      app,
      { principal, request },
      'subtitles.update',
      { type: 'subtitle', id: s.id, label: s.label },
      audit(before),
      audit(s),
    );
    return view(s);
  });

  handle(app, adminSubtitlesShift, async ({ params, body, principal, request }) => {
    const before = await byId(params.id);
    const parsed = parseSubtitles('vtt', before.content);
    const shifted = shiftCues(parsed.cues, body.offset, body.from, body.to);
    if (!Array.isArray(shifted)) {
      throw new HttpError(422, 'invalid_shift', `Cue ${shifted.before} would start before 0:00`, {
        fields: [{ field: 'offset', message: `cue ${shifted.before} would start before 0:00` }],
      });
    }
    const asset = await ownAsset(app, refOf(before));
    const starts = shifted.map((c) => c.start);
    const [row] = await app.db
      .update(adminSubtitles)
      .set({
        content: toWebVtt(shifted),
        firstCueStart: starts.length ? Math.min(...starts) : null,
        lastCueEnd: shifted.length ? Math.max(...shifted.map((c) => c.end)) : null,
        updatedAt: new Date(app.media.now()),
      })
      .where(eq(adminSubtitles.id, before.id))
      .returning();
    const s = row as SubtitleRow;
    writeSubtitleFiles(app, asset, s);
    await rebuild(app, asset.id);
    await recordAdminAction(
      app,
      { principal, request },
      'subtitles.shift',
      { type: 'subtitle', id: s.id, label: s.label },
      { first_cue_start: before.firstCueStart },
      { first_cue_start: s.firstCueStart, offset: body.offset, from: body.from ?? null, to: body.to ?? null },
    );
    return view(s);
  });

  handle(app, adminSubtitlesDelete, async ({ params, principal, request }) => {
    const before = await byId(params.id);
    const asset = await ownAsset(app, refOf(before)).catch(() => null);
    await app.db.delete(adminSubtitles).where(eq(adminSubtitles.id, before.id));
    if (asset) {
      await rebuild(app, asset.id);
      rmSync(join(app.media.outDir(asset.id), before.path), { recursive: true, force: true });
    }
    await recordAdminAction(
      app,
      { principal, request },
      'subtitles.delete',
      { type: 'subtitle', id: before.id, label: before.label },
      audit(before),
      null,
    );
  });
}
