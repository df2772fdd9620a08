import { createReadStream, type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogThumbnailSprite, playerMarkers } from '@reel/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { episodes } from '../db/schema/index.js';
import { HttpError, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { MediaService } from '../services/media/index.js';
import type { MediaGrant } from '../services/media/signing.js';
import { viewerOf } from '../services/viewer.js';

/** The delivery cookie (set by `GET /delivery/token` on the main site), scoped to one asset's path. */
export const MEDIA_COOKIE = 'reel_media';
/** The query parameter that carries a media token. */
export const TOKEN_PARAM = 'token';

const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  vtt: 'text/vtt; charset=utf-8',
  jpg: 'image/jpeg',
};
/** Sprite images are shared with the public thumbnail endpoint and last as long as the output. */
type AssetKind = 'manifest' | 'segment' | 'subtitle' | 'sprite' | 'artwork';

/** The kind of a media file, for its cache policy. */
const kindOf = (file: string, ext: string): AssetKind =>
  ext === 'm3u8'
    ? 'manifest'
    : file.endsWith('thumbnails.vtt') || /\.(jpe?g|png|webp)$/.test(file)
      ? 'sprite'
      : ext === 'vtt'
        ? 'subtitle'
        : 'segment';

/**
 * Cache-Control for a media file, from the delivery settings staff edit (admin, CDN delivery):
 * read on every response, so a change applies to the next one. Playlists stay private (they
 * carry the viewer's token); a file signed in its query may be kept by shared caches.
 */
function cacheControl(app: FastifyInstance, kind: AssetKind, shared: boolean): string {
  const p = app.deliverySettings?.cache_policies.find((c) => c.asset_kind === kind);
  if (!p)
    return kind === 'manifest'
      ? 'private, max-age=10'
      : `${shared ? 'public' : 'private'}, max-age=31536000, immutable`;
  const share = shared && kind !== 'manifest';
  return [
    share ? 'public' : 'private',
    `max-age=${p.max_age_seconds}`,
    share && p.s_maxage_seconds !== null ? `s-maxage=${p.s_maxage_seconds}` : '',
    p.stale_while_revalidate_seconds > 0 ? `stale-while-revalidate=${p.stale_while_revalidate_seconds}` : '',
    p.immutable ? 'immutable' : '',
  ]
    .filter(Boolean)
    .join(', ');
}
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** CORS on every media answer, errors included: a cross-origin player must be able to read a 403. */
function cors(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin.length < 300) {
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-allow-credentials', 'true');
  } else {
    reply.header('access-control-allow-origin', '*');
  }
  reply.header('vary', 'Origin');
  reply.header(
    'access-control-expose-headers',
    'content-length, content-range, accept-ranges, x-request-id, retry-after',
  );
  reply.header('timing-allow-origin', '*');
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  cors(request, reply);
  reply.header('cache-control', 'no-store');
  return reply.code(status).send({ error: { code, message, request_id: request.id } });
}

const REASONS: Record<string, [string, string]> = {
  missing: ['signature_required', 'This media needs a signed URL or a delivery token'],
  malformed: ['signature_invalid', 'The media token is malformed'],
  bad_signature: ['signature_invalid', 'The media signature does not match'],
  expired: ['token_expired', 'The media token expired: renew it'],
  wrong_path: ['signature_invalid', 'The media token does not cover this file'],
  above_plan: ['quality_not_allowed', 'Your plan does not include this quality'],
};

/** Appends the token to every URI of a playlist (lines and `URI="…"` attributes). */
function withToken(uri: string, token: string): string {
  if (/^[a-z]+:/i.test(uri) || uri.startsWith('/')) return uri;
  const hash = uri.indexOf('#');
  const base = hash >= 0 ? uri.slice(0, hash) : uri;
  const fragment = hash >= 0 ? uri.slice(hash) : '';
  return `${base}${base.includes('?') ? '&' : '?'}${TOKEN_PARAM}=${encodeURIComponent(token)}${fragment}`;
}

/**
 * A playlist as served: child URIs carry the token (hls.js and native players resolve them
 * against the playlist's URL, which drops its query), and variants above the plan are left out.
 */
export function rewritePlaylist(text: string, token: string | null, maxHeight: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let skipNext = false;
  for (const line of lines) {
    if (skipNext) {
      skipNext = false;
      if (line && !line.startsWith('#')) continue;
    }
    if (line.startsWith('#EXT-X-STREAM-INF:') && maxHeight > 0) {
      const m = /RESOLUTION=\d+x(\d+)/.exec(line);
      if (m && Number(m[1]) > maxHeight) {
        skipNext = true;
        continue;
      }
    }
    if (!token) out.push(line);
    else if (line && !line.startsWith('#')) out.push(withToken(line, token));
    else out.push(line.replace(/URI="([^"]+)"/g, (_, uri: string) => `URI="${withToken(uri, token)}"`));
  }
  return out.join('\n');
}

/** The thumbnails track with signed image URLs. */
function rewriteThumbnails(text: string, token: string | null): string {
  if (!token) return text;
  return text.replace(/^([A-Za-z0-9_.-]+\.jpg)(#xywh=[\d,]+)$/gm, (_, file: string, frag: string) =>
    withToken(`${file}${frag}`, token),
  );
}

/** Parses a single `bytes=` range; null for none (or several: the whole file is sent). */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') ? null : 'invalid';
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return 'invalid';
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

async function serveMedia(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const rest = (request.params as { '*': string })['*'] ?? '';
  const parts = rest.split('/');
  const assetId = parts[0] ?? '';
  if (parts.length < 2 || !parts.every((p) => SEGMENT.test(p) && p !== '.' && p !== '..')) {
    return refuse(request, reply, 404, 'not_found', 'No such media file');
  }
  const file = parts.slice(1).join('/');
  const ext = file.slice(file.lastIndexOf('.') + 1);
  const type = TYPES[ext];
  if (!type) return refuse(request, reply, 404, 'not_found', 'No such media file');
  const query = request.query as Record<string, unknown>;
  const fromQuery = typeof query[TOKEN_PARAM] === 'string' ? (query[TOKEN_PARAM] as string) : null;
  const token = fromQuery ?? request.cookies?.[MEDIA_COOKIE] ?? null;
  const rung = /^v\/(\d+)p\//.exec(file);
  const verdict = app.media.signer.verify(token, `/media/${rest}`, rung ? Number(rung[1]) : null);
  if (!verdict.ok) {
    const [code, message] = REASONS[verdict.reason] ?? ['signature_invalid', 'Not signed'];
    return refuse(request, reply, 403, code, message);
  }
  const grant: MediaGrant = verdict.grant;
  if (grant.sid && app.player?.ended.has(grant.sid)) {
    return refuse(request, reply, 403, 'session_ended', 'This playback session has ended');
  }
  const path = join(app.media.outDir(assetId), ...parts.slice(1));
  let stat: Stats;
  try {
    stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    return refuse(request, reply, 404, 'not_found', 'No such media file');
  }
  cors(request, reply);
  reply.header('content-type', type);
  reply.header('x-content-type-options', 'nosniff');
  const rewritten = ext === 'm3u8' || file.endsWith('thumbnails.vtt');
  if (rewritten) {
    const text = await readFile(path, 'utf8');
    const body =
      ext === 'm3u8'
        ? rewritePlaylist(text, fromQuery ? (token as string) : null, grant.maxHeight)
        : rewriteThumbnails(text, fromQuery ? (token as string) : null);
    reply.header('cache-control', cacheControl(app, kindOf(file, ext), Boolean(fromQuery)));
    return reply.code(200).send(body);
  }
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  reply.header('etag', etag);
  reply.header('last-modified', stat.mtime.toUTCString());
  reply.header('accept-ranges', 'bytes');
  reply.header('cache-control', cacheControl(app, kindOf(file, ext), Boolean(fromQuery)));
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const range = parseRange(request.headers.range, stat.size);
  if (range === 'invalid') {
    reply.header('content-range', `bytes */${stat.size}`);
    reply.header('content-type', 'application/json; charset=utf-8');
    return reply.code(416).send({
      error: {
        code: 'range_not_satisfiable',
        message: 'The requested range is outside the file',
        request_id: request.id,
      },
    });
  }
  if (range) {
    reply.header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`);
    reply.header('content-length', String(range.end - range.start + 1));
    return reply.code(206).send(createReadStream(path, { start: range.start, end: range.end }));
  }
  reply.header('content-length', String(stat.size));
  return reply.code(200).send(createReadStream(path));
}

/**
 * Media delivery under `/media/…` (signed URLs or the delivery cookie; 403 with CORS headers
 * otherwise), the public thumbnail sprite (§13) and episode markers (§12).
 */
export function registerMediaRoutes(app: FastifyInstance): void {
  // CORS for media is answered here (any origin may read, errors included), not by the API's list.
  app.get('/media/*', { config: { cors: false } }, (request, reply) => serveMedia(app, request, reply));
  app.options('/media/*', { config: { cors: false } }, (request, reply) => {
    cors(request, reply);
    reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
    reply.header('access-control-allow-headers', 'range, if-none-match, x-request-id');
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });

  handle(app, catalogThumbnailSprite, async ({ params, query, principal }) => {
    const viewer = await viewerOf(app.db, principal);
    const { snap, title } = await app.catalog.visibleTitle(params.id, viewer);
    let episodeId: string | null = null;
    if (query.episode_id) {
      const records = await app.catalog.episodeRecords(snap, title.id);
      if (!records.some((e) => e.id === query.episode_id)) throw notFound('That episode');
      episodeId = query.episode_id;
    } else if (title.row.type !== 'film') {
      episodeId = (await app.catalog.episodeRecords(snap, title.id))[0]?.id ?? null;
    }
    const asset =
      episodeId !== null || title.row.type === 'film' ? await app.media.boundAsset(title.id, episodeId) : null;
    const output = asset ? MediaService.output(asset) : null;
    if (!asset || !output?.sprite) {
      throw new HttpError(404, 'not_found', 'This title has no preview thumbnails yet');
    }
    // The token covers the sprite sheets only, never the video.
    const exp = Math.floor(app.media.now() / 1000) + 6 * 3600;
    const token = app.media.signer.sign({ path: `/media/${asset.id}/thumbs/`, exp, maxHeight: 0 });
    return app.player.sprite(asset.id, output, token) as NonNullable<ReturnType<typeof app.player.sprite>>;
  });

  handle(app, playerMarkers, async ({ params }) => {
    const viewer = await viewerOf(app.db, null);
    const snap = await app.catalog.snapshot();
    const [episode] = await app.db
      .select({ id: episodes.id, titleId: episodes.titleId, runtime: episodes.runtimeSeconds })
      .from(episodes)
      .where(eq(episodes.id, params.episode_id));
    const title = episode ? snap.titles.get(episode.titleId) : undefined;
    if (!episode || !title || !app.catalog.isVisible(title, viewer)) throw notFound('That episode');
    const asset = await app.media.boundAsset(title.id, episode.id);
    const duration = asset?.duration ?? episode.runtime;
    return {
      episode_id: episode.id,
      duration,
      items: await app.player.markersOf(title.id, episode.id, duration),
    };
  });
}
