import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  statSync,
  truncateSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type AdminPipelineJob,
  type AdminValidationReport,
  type AdminVideoAsset,
  adminMarkersGet,
  adminMarkersSet,
  adminStreamsGet,
  adminValidationGet,
  adminValidationList,
  adminValidationRerun,
  adminVideoCreate,
  adminVideoDelete,
  adminVideoGet,
  adminVideoList,
  adminVideoRetry,
  adminVideoStatus,
  Permission,
} from '@reel/contracts';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { episodes, markers, mediaAssets, mediaBindings, titles, users } from '../db/schema/index.js';
import { pageOf } from '../http/cursor.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { resolvePrincipal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import type { AssetRow } from '../services/media/index.js';
import type { JobRow } from '../services/media/queue.js';
import type { PackagedMedia, ProbeResult, ValidationReport } from '../services/media/types.js';

const CHUNK = 8 * 1024 * 1024;
const UPLOAD_TTL_MS = 24 * 3600_000;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function jobView(job: JobRow | undefined | null): AdminPipelineJob | null {
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

interface Refs {
  titles: Map<string, { id: string; name: string; type: 'film' | 'series' | 'anime' }>;
  episodes: Map<string, { id: string; season_number: number; number: number; name: string }>;
  /** A demo asset's first bound title. */
  boundTitle: Map<string, string>;
  users: Map<string, { id: string; email: string; display_name: string }>;
  jobs: Map<string, JobRow>;
}

async function refsFor(app: FastifyInstance, assets: AssetRow[]): Promise<Refs> {
  const ids = assets.map((a) => a.id);
  const demo = assets.filter((a) => !a.titleId).map((a) => a.id);
  const boundTitle = new Map<string, string>();
  if (demo.length) {
    const rows = await app.db
      .select({ assetId: mediaBindings.assetId, titleId: mediaBindings.titleId })
      .from(mediaBindings)
      .where(inArray(mediaBindings.assetId, demo))
      .orderBy(asc(mediaBindings.titleId));
    for (const r of rows) if (!boundTitle.has(r.assetId)) boundTitle.set(r.assetId, r.titleId);
  }
  const titleIds = [
    ...new Set([...assets.map((a) => a.titleId), ...boundTitle.values()].filter((x): x is string => !!x)),
  ];
  const episodeIds = [...new Set(assets.map((a) => a.episodeId).filter((x): x is string => !!x))];
  const userIds = [...new Set(assets.map((a) => a.createdBy).filter((x): x is string => !!x))];
  const [titleRows, episodeRows, userRows, jobs] = await Promise.all([
    titleIds.length
      ? app.db
          .select({ id: titles.id, name: titles.name, type: titles.type })
          .from(titles)
          .where(inArray(titles.id, titleIds))
      : [],
    episodeIds.length
      ? app.db
          .select({
            id: episodes.id,
            season_number: episodes.seasonNumber,
            number: episodes.number,
            name: episodes.name,
          })
          .from(episodes)
          .where(inArray(episodes.id, episodeIds))
      : [],
    userIds.length
      ? app.db
          .select({ id: users.id, email: users.email, display_name: users.displayName })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
    app.media.queue.latest(ids),
  ]);
  return {
    titles: new Map(titleRows.map((t) => [t.id, t])),
    episodes: new Map(episodeRows.map((e) => [e.id, e])),
    boundTitle,
    users: new Map(userRows.map((u) => [u.id, { ...u, display_name: u.display_name ?? u.email }])),
    jobs,
  };
}

const titleOf = (a: AssetRow, refs: Refs) => refs.titles.get(a.titleId ?? refs.boundTitle.get(a.id) ?? '');

function assetView(a: AssetRow, refs: Refs): AdminVideoAsset | null {
  const title = titleOf(a, refs);
  if (!title) return null;
  const probe = a.probe as ProbeResult | null;
  const video = probe?.streams.find((s) => s.type === 'video');
  const audio = probe?.streams.find((s) => s.type === 'audio');
  const ep = a.episodeId ? refs.episodes.get(a.episodeId) : undefined;
  return {
    id: a.id,
    title,
    episode: ep ?? null,
    filename: a.filename,
    content_type: a.contentType,
    size_bytes: a.sizeBytes,
    status: a.status,
    uploaded_bytes: a.uploadedBytes,
    duration: a.duration ?? null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    video_codec: video?.codec ?? null,
    audio_codec: audio?.codec ?? null,
    frame_rate: video?.frameRate ?? null,
    job: jobView(refs.jobs.get(a.id)),
    validation: a.validationStatus ?? null,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
    created_by: a.createdBy ? (refs.users.get(a.createdBy) ?? null) : null,
  };
}

function uploadTarget(a: AssetRow) {
  if (a.status !== 'awaiting_upload' && a.status !== 'uploading') return null;
  return {
    protocol: 'tus' as const,
    url: `/media/uploads/${a.id}`,
    offset: a.uploadedBytes,
    length: a.sizeBytes,
    chunk_size: CHUNK,
    expires_at: (a.uploadExpiresAt ?? new Date(a.createdAt.getTime() + UPLOAD_TTL_MS)).toISOString(),
  };
}

function validationView(a: AssetRow, refs: Refs): AdminValidationReport | null {
  const title = titleOf(a, refs);
  if (!title) return null;
  const report = a.validation as ValidationReport | null;
  const checks = report?.checks ?? [];
  return {
    asset_id: a.id,
    asset_kind: 'video',
    title,
    episode_id: a.episodeId,
    source: a.filename,
    status: a.validationStatus ?? 'pending',
    checked_at: a.validatedAt ? a.validatedAt.toISOString() : null,
    checks: checks.map((c) => ({ ...c })),
    failed_count: checks.filter((c) => c.status === 'failed').length,
    warning_count: checks.filter((c) => c.status === 'warning').length,
  };
}

async function assetById(app: FastifyInstance, id: string): Promise<AssetRow> {
  const [row] = await app.media.assetsByIds([id]);
  if (!row) throw notFound('That video source');
  return row;
}

/** Sniffs the container from the first bytes: ISO BMFF (`ftyp`), Matroska/WebM (EBML), MXF. */
async function sniff(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
    if (head.readUInt32BE(0) === 0x1a45dfa3) return 'mkv';
    if (head.readUInt32BE(0) === 0x060e2b34) return 'mxf';
    return null;
  } finally {
    await handle.close();
  }
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** The upload is complete: checks the bytes, moves the file to the sources and queues the pipeline. */
async function finishUpload(app: FastifyInstance, asset: AssetRow): Promise<void> {
  const part = app.media.uploadPath(asset.id);
  const kind = await sniff(part);
  const problems: string[] = [];
  if (!kind) problems.push('The file is not an MP4, MOV, Matroska/WebM or MXF video');
  if (asset.checksumSha256 && (await sha256(part)) !== asset.checksumSha256) {
    problems.push('The SHA-256 of the received bytes does not match the checksum given');
  }
  const now = new Date(app.media.now());
  if (problems.length) {
    const report: ValidationReport = {
      status: 'failed',
      checkedAt: now.toISOString(),
      checks: [
        {
          id: 'upload',
          name: 'Uploaded file',
          status: 'failed',
          expected: 'a complete video file',
          actual: kind ?? 'unknown bytes',
          message: problems.join('; '),
        },
      ],
    };
    await app.db
      .update(mediaAssets)
      .set({ status: 'failed', validation: report, validationStatus: 'failed', validatedAt: now, updatedAt: now })
      .where(eq(mediaAssets.id, asset.id));
    return;
  }
  const relative = join('sources', `${asset.id}.${kind}`);
  mkdirSync(dirname(join(app.media.root, relative)), { recursive: true });
  renameSync(part, join(app.media.root, relative));
  await app.db
    .update(mediaAssets)
    .set({ status: 'processing', sourcePath: relative, validationStatus: 'pending', updatedAt: now })
    .where(eq(mediaAssets.id, asset.id));
  await app.media.enqueue(asset);
}

/** tus 1.0 (core + termination) for video uploads, at `/media/uploads/{id}`; staff with assets.manage. */
function registerUploads(app: FastifyInstance): void {
  app.register(async (tus) => {
    tus.addContentTypeParser('application/offset+octet-stream', (_request, payload, done) => done(null, payload));
    const headers = (reply: FastifyReply) => reply.header('tus-resumable', '1.0.0').header('cache-control', 'no-store');
    const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<AssetRow | null> => {
      headers(reply);
      let principal: Awaited<ReturnType<typeof resolvePrincipal>>;
      try {
        principal = await resolvePrincipal(request, app.db, app.keys);
      } catch (error) {
        const e = error as HttpError;
        reply.code(e.status ?? 401).send({ error: { code: e.code, message: e.message, request_id: request.id } });
        return null;
      }
      if (!principal) {
        reply
          .code(401)
          .send({ error: { code: 'unauthenticated', message: 'Sign in to upload', request_id: request.id } });
        return null;
      }
      if (!principal.permissions.has(Permission.assetsManage)) {
        reply.code(403).send({
          error: { code: 'forbidden', message: 'This needs the assets.manage permission', request_id: request.id },
        });
        return null;
      }
      const id = (request.params as { id: string }).id;
      const [asset] = await app.media.assetsByIds([id]);
      if (!asset) {
        reply.code(404).send({ error: { code: 'not_found', message: 'No such upload', request_id: request.id } });
        return null;
      }
      if (asset.status !== 'awaiting_upload' && asset.status !== 'uploading') {
        reply
          .code(410)
          .send({ error: { code: 'upload_complete', message: 'This upload is complete', request_id: request.id } });
        return null;
      }
      return asset;
    };
    tus.options('/media/uploads/:id', async (_request, reply) =>
      headers(reply)
        .header('tus-version', '1.0.0')
        .header('tus-extension', 'termination')
        .header('tus-max-size', String(200 * 1024 ** 3))
        .code(204)
        .send(),
    );
    tus.head('/media/uploads/:id', async (request, reply) => {
      const asset = await guard(request, reply);
      if (!asset) return reply;
      return reply
        .header('upload-offset', String(asset.uploadedBytes))
        .header('upload-length', String(asset.sizeBytes))
        .code(200)
        .send();
    });
    tus.patch('/media/uploads/:id', async (request, reply) => {
      const asset = await guard(request, reply);
      if (!asset) {
        (request.body as Readable | undefined)?.resume?.();
        return reply;
      }
      const fail = (status: number, code: string, message: string) => {
        (request.body as Readable | undefined)?.resume?.();
        return reply.code(status).send({ error: { code, message, request_id: request.id } });
      };
      if (request.headers['tus-resumable'] !== '1.0.0') return fail(412, 'tus_version', 'Send Tus-Resumable: 1.0.0');
      if (request.headers['content-type'] !== 'application/offset+octet-stream') {
        return fail(415, 'unsupported_media_type', 'Send the bytes as application/offset+octet-stream');
      }
      const offset = Number(request.headers['upload-offset']);
      if (!Number.isInteger(offset) || offset !== asset.uploadedBytes) {
        reply.header('upload-offset', String(asset.uploadedBytes));
        return fail(409, 'offset_mismatch', `The upload is at byte ${asset.uploadedBytes}`);
      }
      const part = app.media.uploadPath(asset.id);
      mkdirSync(dirname(part), { recursive: true });
      if (offset === 0 && existsSync(part) && statSync(part).size > 0) {
        // A restarted upload: start the file again.
        createWriteStream(part, { flags: 'w' }).end();
      }
      const room = asset.sizeBytes - offset;
      let received = 0;
      let tooLarge = false;
      const body = request.body as Readable;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          received += chunk.length;
          if (received > room) {
            tooLarge = true;
            done(new Error('too large'));
            return;
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(part, { flags: 'a' }));
      } catch {
        // A dropped connection keeps what arrived (the client resumes from the offset); bytes past
        // the declared length are cut off.
        if (tooLarge && existsSync(part) && statSync(part).size > asset.sizeBytes) truncateSync(part, asset.sizeBytes);
      }
      const size = existsSync(part) ? statSync(part).size : 0;
      const uploaded = Math.min(size, asset.sizeBytes);
      const now = new Date(app.media.now());
      await app.db
        .update(mediaAssets)
        .set({ uploadedBytes: uploaded, status: 'uploading', updatedAt: now })
        .where(eq(mediaAssets.id, asset.id));
      if (tooLarge) return fail(413, 'payload_too_large', `The upload is ${asset.sizeBytes} bytes long`);
      if (uploaded >= asset.sizeBytes) await finishUpload(app, { ...asset, uploadedBytes: uploaded });
      return reply.header('upload-offset', String(uploaded)).code(204).send();
    });
    tus.delete('/media/uploads/:id', async (request, reply) => {
      const asset = await guard(request, reply);
      if (!asset) return reply;
      app.media.removeFiles(asset);
      await app.db
        .update(mediaAssets)
        .set({ uploadedBytes: 0, status: 'awaiting_upload', updatedAt: new Date(app.media.now()) })
        .where(eq(mediaAssets.id, asset.id));
      return reply.code(204).send();
    });
  });
}

/** Admin: video sources (upload, pipeline status, retry), validation reports, the ladder, markers. */
export function registerAdminAssetRoutes(app: FastifyInstance): void {
  registerUploads(app);

  handle(app, adminVideoList, async ({ query }) => {
    let rows = await app.db.select().from(mediaAssets);
    if (query.status) rows = rows.filter((a) => a.status === query.status);
    const refs = await refsFor(app, rows);
    let views = rows.map((a) => assetView(a, refs)).filter((v): v is AdminVideoAsset => v !== null);
    if (query.title_id) views = views.filter((v) => v.title.id === query.title_id);
    if (query.q) {
      const q = query.q.toLowerCase();
      views = views.filter((v) => v.filename.toLowerCase().includes(q) || v.title.name.toLowerCase().includes(q));
    }
    const sort = query.sort ?? 'created_at';
    const dir = (query.order ?? (sort === 'filename' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
    views.sort((a, b) => {
      const x = a[sort];
      const y = b[sort];
      return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.id < b.id ? -1 : 1);
    });
    return pageOf(views, query.cursor, query.limit ?? 20, (v) => v.id);
  });

  handle(app, adminVideoGet, async ({ params }) => {
    const asset = await assetById(app, params.id);
    const view = assetView(asset, await refsFor(app, [asset]));
    if (!view) throw notFound('That video source');
    return view;
  });

  handle(app, adminVideoCreate, async ({ body, principal }) => {
    const [title] = await app.db
      .select({ id: titles.id, type: titles.type })
      .from(titles)
      .where(eq(titles.id, body.title_id));
    if (!title) throw notFound('That title');
    const episodeId = body.episode_id ?? null;
    if (title.type === 'film' && episodeId) throw notFound('That episode');
    if (title.type !== 'film') {
      if (!episodeId) {
        throw new HttpError(400, 'validation_failed', 'A series source belongs to an episode: give episode_id', {
          fields: [{ field: 'episode_id', message: 'required for a series or anime' }],
        });
      }
      const [ep] = await app.db
        .select({ id: episodes.id })
        .from(episodes)
        .where(and(eq(episodes.id, episodeId), eq(episodes.titleId, title.id)));
      if (!ep) throw notFound('That episode');
    }
    const existing = await app.db
      .select({ id: mediaAssets.id })
      .from(mediaAssets)
      .where(
        and(
          eq(mediaAssets.titleId, title.id),
          episodeId ? eq(mediaAssets.episodeId, episodeId) : isNull(mediaAssets.episodeId),
          ne(mediaAssets.status, 'failed'),
        ),
      );
    if (existing.length && !body.replace) {
      throw conflict('This already has a video source: send replace: true to replace it once the new one is ready');
    }
    const now = new Date(app.media.now());
    const [row] = await app.db
      .insert(mediaAssets)
      .values({
        id: newId('ast'),
        titleId: title.id,
        episodeId,
        origin: 'upload',
        filename: body.filename,
        contentType: body.content_type,
        sizeBytes: body.size_bytes,
        checksumSha256: body.checksum_sha256 ?? null,
        replace: body.replace ?? false,
        status: 'awaiting_upload',
        uploadExpiresAt: new Date(now.getTime() + UPLOAD_TTL_MS),
        createdBy: principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const asset = row as AssetRow;
    const view = assetView(asset, await refsFor(app, [asset])) as AdminVideoAsset;
    return { asset: view, upload: uploadTarget(asset) as NonNullable<ReturnType<typeof uploadTarget>> };
  });

  const statusOf = async (asset: AssetRow) => {
    const job = (await app.media.queue.latest([asset.id])).get(asset.id);
    return {
      asset_id: asset.id,
      status: asset.status,
      upload: uploadTarget(asset),
      job: jobView(job),
      updated_at: asset.updatedAt.toISOString(),
    };
  };

  handle(app, adminVideoStatus, async ({ params }) => statusOf(await assetById(app, params.id)));

  handle(app, adminVideoRetry, async ({ params }) => {
    const asset = await assetById(app, params.id);
    if (asset.status !== 'failed') throw conflict('Only a failed source can be run again');
    if (!asset.sourcePath && !asset.demoKey) throw conflict('The upload is not complete: upload the file again');
    await app.db
      .update(mediaAssets)
      .set({ status: 'processing', validationStatus: 'pending', updatedAt: new Date(app.media.now()) })
      .where(eq(mediaAssets.id, asset.id));
    const m = /^ast_demo_(full|tiny)_(\d+)$/.exec(asset.id);
    await app.media.enqueue(asset, m ? { demo: { size: m[1], index: Number(m[2]) - 1 } } : {});
    return statusOf(await assetById(app, asset.id));
  });

  handle(app, adminVideoDelete, async ({ params }) => {
    const asset = await assetById(app, params.id);
    const bound = await app.db
      .select({ titleId: mediaBindings.titleId, publishState: titles.publishState })
      .from(mediaBindings)
      .innerJoin(titles, eq(titles.id, mediaBindings.titleId))
      .where(eq(mediaBindings.assetId, asset.id));
    if (bound.some((b) => b.publishState === 'published')) {
      throw conflict('This is the video a published title plays: upload a replacement or unpublish the title first');
    }
    app.media.removeFiles(asset);
    await app.db.delete(mediaAssets).where(eq(mediaAssets.id, asset.id));
  });

  handle(app, adminValidationList, async ({ query }) => {
    const rows = await app.db.select().from(mediaAssets);
    const refs = await refsFor(app, rows);
    let views = rows.map((a) => validationView(a, refs)).filter((v): v is AdminValidationReport => v !== null);
    if (query.status) views = views.filter((v) => v.status === query.status);
    if (query.asset_kind) views = views.filter((v) => v.asset_kind === query.asset_kind);
    if (query.title_id) views = views.filter((v) => v.title.id === query.title_id);
    const rank = { failed: 0, warning: 1, pending: 2, passed: 3 } as const;
    views.sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        (b.checked_at ?? '').localeCompare(a.checked_at ?? '') ||
        a.asset_id.localeCompare(b.asset_id),
    );
    return pageOf(views, query.cursor, query.limit ?? 20, (v) => v.asset_id);
  });

  handle(app, adminValidationGet, async ({ params }) => {
    const asset = await assetById(app, params.asset_id);
    const view = validationView(asset, await refsFor(app, [asset]));
    if (!view) throw notFound('That validation report');
    return view;
  });

  handle(app, adminValidationRerun, async ({ params }) => {
    const asset = await assetById(app, params.asset_id);
    if (!asset.sourcePath) throw conflict('There is no source file to validate yet');
    if (await app.media.queue.active(asset.id)) throw conflict('The pipeline is working on this source now');
    await app.db
      .update(mediaAssets)
      .set({ validationStatus: 'pending', updatedAt: new Date(app.media.now()) })
      .where(eq(mediaAssets.id, asset.id));
    await app.media.queue.enqueue({ assetId: asset.id, kind: 'validate', label: asset.filename, priority: 10 });
    const fresh = await assetById(app, asset.id);
    return validationView(fresh, await refsFor(app, [fresh])) as AdminValidationReport;
  });

  handle(app, adminStreamsGet, async ({ params, query }) => {
    const [title] = await app.db
      .select({ id: titles.id, type: titles.type })
      .from(titles)
      .where(eq(titles.id, params.title_id));
    if (!title) throw notFound('That title');
    const episodeId = query.episode_id ?? null;
    const asset = await app.media.boundAsset(title.id, episodeId);
    const output = asset?.output as PackagedMedia | null | undefined;
    const job = asset ? (await app.media.queue.latest([asset.id])).get(asset.id) : undefined;
    const rungStatus = asset?.status === 'ready' ? 'ready' : asset?.status === 'failed' ? 'failed' : 'processing';
    return {
      title_id: title.id,
      episode_id: episodeId,
      source_asset_id: asset?.id ?? null,
      duration: asset?.duration ?? null,
      master_playlist_url: asset && output ? `/media/${asset.id}/${output.master}` : null,
      rungs: (output?.rungs ?? []).map((r) => ({
        id: `rung_${r.label}`,
        name: r.label,
        width: r.width,
        height: r.height,
        bitrate: r.videoBitrate,
        codec: r.codecs.split(',')[0] ?? r.codecs,
        frame_rate: r.frameRate,
        segment_duration: output?.segmentSeconds ?? 0,
        segment_count: r.segmentCount,
        size_bytes: r.sizeBytes,
        status: rungStatus as 'ready' | 'failed' | 'processing',
        job: jobView(job),
        updated_at: (asset as AssetRow).updatedAt.toISOString(),
      })),
      audio: (output?.audio ?? []).map((a) => ({
        id: a.path.replace(/\//g, '_'),
        language: a.language,
        name: a.name,
        channels: a.channels,
      })),
      subtitles: (output?.subtitles ?? []).map((s) => ({
        id: s.path.replace(/\//g, '_'),
        language: s.language,
        label: s.name,
      })),
      updated_at: asset ? asset.updatedAt.toISOString() : null,
    };
  });

  const markerView = async (id: string) => {
    // An episode id, or a film's title id.
    const [ep] = await app.db
      .select({ id: episodes.id, titleId: episodes.titleId, runtime: episodes.runtimeSeconds })
      .from(episodes)
      .where(eq(episodes.id, id));
    let titleId: string;
    let episodeId: string | null;
    let duration: number | null;
    if (ep) {
      titleId = ep.titleId;
      episodeId = ep.id;
      duration = (await app.media.boundAsset(ep.titleId, ep.id))?.duration ?? ep.runtime;
    } else {
      const [film] = await app.db
        .select({ id: titles.id, type: titles.type, runtime: titles.runtimeMinutes })
        .from(titles)
        .where(eq(titles.id, id));
      if (film?.type !== 'film') throw notFound('That episode');
      titleId = film.id;
      episodeId = null;
      duration = (await app.media.boundAsset(film.id, null))?.duration ?? (film.runtime ? film.runtime * 60 : null);
    }
    return { titleId, episodeId, duration };
  };

  handle(app, adminMarkersGet, async ({ params }) => {
    const { titleId, episodeId, duration } = await markerView(params.id);
    return {
      episode_id: params.id,
      duration,
      markers: await app.player.markersOf(titleId, episodeId, null),
      updated_at: null,
      updated_by: null,
    };
  });

  handle(app, adminMarkersSet, async ({ params, body }) => {
    const { titleId, episodeId, duration } = await markerView(params.id);
    const fields: { field: string; message: string }[] = [];
    const kinds = new Set<string>();
    const sorted = [...body.markers].sort((a, b) => a.start - b.start);
    body.markers.forEach((m, i) => {
      if (kinds.has(m.kind)) fields.push({ field: `markers[${i}].kind`, message: `only one ${m.kind} marker` });
      kinds.add(m.kind);
      if (!(m.start < m.end)) fields.push({ field: `markers[${i}].end`, message: 'must be after start' });
      if (duration !== null && m.end > duration + 0.5) {
        fields.push({ field: `markers[${i}].end`, message: `past the end (${duration} s)` });
      }
    });
    sorted.forEach((m, i) => {
      const next = sorted[i + 1];
      if (next && next.start < m.end) fields.push({ field: 'markers', message: `${m.kind} overlaps ${next.kind}` });
    });
    if (fields.length) {
      throw new HttpError(422, 'invalid_markers', fields[0]?.message ?? 'The markers are not valid', { fields });
    }
    await app.db.transaction(async (tx) => {
      await tx
        .delete(markers)
        .where(
          and(eq(markers.titleId, titleId), episodeId ? eq(markers.episodeId, episodeId) : isNull(markers.episodeId)),
        );
      if (body.markers.length) {
        await tx.insert(markers).values(
          body.markers.map((m) => ({
            id: newId('mrk'),
            titleId,
            episodeId,
            kind: m.kind,
            start: m.start,
            end: m.end,
          })),
        );
      }
    });
    app.catalog.invalidate();
    return {
      episode_id: params.id,
      duration,
      markers: await app.player.markersOf(titleId, episodeId, null),
      updated_at: new Date(app.media.now()).toISOString(),
      updated_by: null,
    };
  });
}
