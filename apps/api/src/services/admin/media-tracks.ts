// The renditions of a title's media that staff edit: subtitle and audio tracks and the ladder's
// rungs. What plays is the asset's packaged output (`output.json`, `master.m3u8` and the
// `media_assets.output` column); the track tables carry the editable metadata. A demo source is
// shared by many titles: before a title's renditions change, it gets its own copy of the output
// (hard links, so no bytes are copied) and is bound to it. Files that may be shared are replaced
// by rename, never written in place.
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  adminAudioTracks,
  adminSubtitles,
  episodes,
  mediaAssets,
  mediaBindings,
  titles,
} from '../../db/schema/index.js';
import { conflict, HttpError, notFound } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { probe, runFfmpeg } from '../media/ffmpeg.js';
import type { AssetRow } from '../media/index.js';
import { AAC_LC, avcCodecs, avcCodecsFromInit, chooseRungs, endonym, widthFor } from '../media/ladder.js';
import { hlsArgs, masterPlaylist, segmentDurations } from '../media/pipeline.js';
import type { PackagedAudio, PackagedMedia, PackagedSubtitle, ProbeResult } from '../media/types.js';
import { parseSubtitles } from './subtitle-text.js';

export type SubtitleRow = typeof adminSubtitles.$inferSelect;
export type AudioRow = typeof adminAudioTracks.$inferSelect;

/** Replaces a file by rename (a hard-linked file shared with another asset stays untouched). */
export function writeAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, entry.name);
    const b = join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isFile()) linkSync(a, b);
  }
}

/** Work in the background (audio encodes, rung re-runs), awaited by tests and at shutdown. */
const pending = new WeakMap<FastifyInstance, Set<Promise<unknown>>>();
export function background(app: FastifyInstance, work: () => Promise<unknown>): void {
  let set = pending.get(app);
  if (!set) {
    set = new Set();
    pending.set(app, set);
  }
  const p: Promise<unknown> = work()
    .catch((error) => app.log.warn({ err: error }, 'admin media work failed'))
    .finally(() => set.delete(p));
  set.add(p);
}
/** Waits for all background media work of this app. */
export async function settled(app: FastifyInstance): Promise<void> {
  for (;;) {
    const set = pending.get(app);
    if (!set?.size) return;
    await Promise.all([...set]);
  }
}

export interface MediaRef {
  titleId: string;
  /** '' for a film. */
  episodeKey: string;
}

/** The ready asset a title (or episode) plays, or a 409 that says why there is none. */
export async function readyAsset(app: FastifyInstance, ref: MediaRef): Promise<AssetRow & { output: PackagedMedia }> {
  const asset = await app.media.boundAsset(ref.titleId, ref.episodeKey || null);
  if (!asset) throw conflict('This has no video yet: upload a source first');
  if (asset.status !== 'ready' || !asset.output) throw conflict('The video is still being processed: try again soon');
  return asset as AssetRow & { output: PackagedMedia };
}

/**
 * The asset, owned by this title alone: a shared (demo) asset is copied by hard links into a new
 * asset bound to the title, and the title's track rows move to it.
 */
export async function ownAsset(app: FastifyInstance, ref: MediaRef): Promise<AssetRow & { output: PackagedMedia }> {
  const asset = await readyAsset(app, ref);
  // What plays is rebuilt from the track rows: they must exist before anything changes.
  await adopt(app, ref);
  const bindings = await app.db
    .select({ titleId: mediaBindings.titleId })
    .from(mediaBindings)
    .where(eq(mediaBindings.assetId, asset.id));
  if (asset.titleId === ref.titleId && bindings.length <= 1) return asset;
  const id = newId('ast');
  linkTree(app.media.outDir(asset.id), app.media.outDir(id));
  const now = new Date(app.media.now());
  const { id: _old, demoKey: _key, createdAt: _c, updatedAt: _u, ...rest } = asset;
  // `demo` origin: deleting this copy never deletes the shared source file.
  const [row] = await app.db
    .insert(mediaAssets)
    .values({
      ...rest,
      id,
      titleId: ref.titleId,
      episodeId: ref.episodeKey || null,
      origin: 'demo',
      demoKey: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await app.db
    .update(mediaBindings)
    .set({ assetId: id })
    .where(and(eq(mediaBindings.titleId, ref.titleId), eq(mediaBindings.episodeId, ref.episodeKey)));
  const mine = and(eq(adminSubtitles.titleId, ref.titleId), eq(adminSubtitles.episodeId, ref.episodeKey));
  await app.db.update(adminSubtitles).set({ assetId: id }).where(mine);
  await app.db
    .update(adminAudioTracks)
    .set({ assetId: id })
    .where(and(eq(adminAudioTracks.titleId, ref.titleId), eq(adminAudioTracks.episodeId, ref.episodeKey)));
  return row as AssetRow & { output: PackagedMedia };
}

const subtitleKind = (label: string, kind: PackagedSubtitle['kind'], forced: boolean) =>
  forced ? 'forced' : kind === 'captions' || /\b(sdh|cc)\b/i.test(label) ? 'sdh' : 'subtitles';

/**
 * Track rows for what the title's media already has (the pipeline's subtitle and audio
 * renditions), made on first sight so they can be edited like uploaded ones.
 */
export async function adopt(app: FastifyInstance, ref: MediaRef): Promise<void> {
  const asset = await app.media.boundAsset(ref.titleId, ref.episodeKey || null);
  const output = asset?.status === 'ready' ? (asset.output as PackagedMedia | null) : null;
  if (!asset || !output) return;
  const subs = await app.db
    .select({ path: adminSubtitles.path, assetId: adminSubtitles.assetId })
    .from(adminSubtitles)
    .where(and(eq(adminSubtitles.titleId, ref.titleId), eq(adminSubtitles.episodeId, ref.episodeKey)));
  const known = new Set(subs.filter((s) => s.assetId === asset.id).map((s) => s.path));
  const now = new Date(app.media.now());
  for (const s of output.subtitles) {
    if (known.has(s.path)) continue;
    let content = 'WEBVTT\n';
    try {
      content = readFileSync(join(app.media.outDir(asset.id), s.file), 'utf8');
    } catch {
      // A missing file adopts as an empty track.
    }
    const parsed = parseSubtitles('vtt', content);
    await app.db.insert(adminSubtitles).values({
      id: newId('sub'),
      titleId: ref.titleId,
      episodeId: ref.episodeKey,
      assetId: asset.id,
      path: s.path,
      origin: 'pipeline',
      language: s.language,
      label: s.name,
      kind: subtitleKind(s.name, s.kind, s.forced),
      isDefault: s.isDefault,
      sourceFormat: 'vtt',
      content,
      cueCount: parsed.cues.length,
      firstCueStart: parsed.firstCueStart,
      lastCueEnd: parsed.lastCueEnd,
      warnings: parsed.issues.filter((x) => x.severity === 'warning'),
      createdAt: now,
      updatedAt: now,
    });
  }
  const audio = await app.db
    .select({ path: adminAudioTracks.path, assetId: adminAudioTracks.assetId })
    .from(adminAudioTracks)
    .where(and(eq(adminAudioTracks.titleId, ref.titleId), eq(adminAudioTracks.episodeId, ref.episodeKey)));
  const knownAudio = new Set(audio.filter((a) => a.assetId === asset.id).map((a) => a.path));
  for (const a of output.audio) {
    if (knownAudio.has(a.path)) continue;
    await app.db.insert(adminAudioTracks).values({
      id: newId('aud'),
      titleId: ref.titleId,
      episodeId: ref.episodeKey,
      assetId: asset.id,
      path: a.path,
      origin: 'pipeline',
      language: a.language,
      name: a.name,
      kind: 'main',
      isDefault: a.isDefault,
      status: 'ready',
      channels: a.channels,
      codec: 'aac',
      bitrate: 128_000,
      bandwidth: a.bandwidth,
      duration: output.duration,
      filename: asset.filename,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** One-segment HLS playlist for a WebVTT file. */
export function subtitlePlaylist(duration: number): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.ceil(duration))}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration.toFixed(3)},`,
    'subtitles.vtt',
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}

/** Writes a subtitle row's WebVTT and playlist into its asset's output. */
export function writeSubtitleFiles(
  app: FastifyInstance,
  asset: AssetRow & { output: PackagedMedia },
  row: SubtitleRow,
) {
  const dir = join(app.media.outDir(asset.id), row.path);
  writeAtomic(join(dir, 'subtitles.vtt'), row.content);
  writeAtomic(join(dir, 'index.m3u8'), subtitlePlaylist(asset.output.duration));
}

/**
 * Rewrites what plays from the track rows: the output's audio and subtitle renditions, its
 * `output.json`, the multivariant playlist and the database column.
 */
export async function rebuild(
  app: FastifyInstance,
  assetId: string,
  rungs?: PackagedMedia['rungs'],
): Promise<PackagedMedia> {
  const [asset] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId));
  if (!asset?.output) throw notFound('That media');
  const base = asset.output as PackagedMedia;
  const subs = await app.db
    .select()
    .from(adminSubtitles)
    .where(eq(adminSubtitles.assetId, assetId))
    .orderBy(asc(adminSubtitles.createdAt), asc(adminSubtitles.id));
  const audioRows = await app.db
    .select()
    .from(adminAudioTracks)
    .where(eq(adminAudioTracks.assetId, assetId))
    .orderBy(asc(adminAudioTracks.createdAt), asc(adminAudioTracks.id));
  const names = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; names.has(n); i++) n = `${name} ${i}`;
    names.add(n);
    return n;
  };
  const audio: PackagedAudio[] = audioRows
    .filter((a) => a.path)
    .map((a) => {
      const name = unique(a.name);
      return {
        path: a.path as string,
        id: name,
        language: a.language,
        name,
        channels: Math.min(2, a.channels ?? 2),
        isDefault: a.isDefault,
        codecs: AAC_LC,
        bandwidth: a.bandwidth ?? 160_000,
      };
    });
  if (audio.length && !audio.some((a) => a.isDefault)) (audio[0] as PackagedAudio).isDefault = true;
  names.clear();
  const subtitles: PackagedSubtitle[] = subs.map((s) => {
    const name = unique(s.label);
    return {
      path: s.path,
      id: name,
      language: s.language,
      name,
      kind: s.kind === 'sdh' ? 'captions' : 'subtitles',
      forced: s.kind === 'forced',
      isDefault: s.isDefault,
      file: `${s.path}/subtitles.vtt`,
    };
  });
  const audioPeak = Math.max(0, ...audio.map((a) => a.bandwidth));
  const hadAudio = base.audio.length > 0;
  const basePeak = Math.max(0, ...base.audio.map((a) => a.bandwidth));
  const ladder = (rungs ?? base.rungs).map((r) => {
    const video = r.codecs.split(',')[0] as string;
    return {
      ...r,
      bandwidth: r.bandwidth - (hadAudio ? basePeak : 0) + audioPeak,
      averageBandwidth: Math.max(
        1,
        r.averageBandwidth -
          (hadAudio ? Math.round(basePeak * 0.9) : 0) +
          (audio.length ? Math.round(audioPeak * 0.9) : 0),
      ),
      codecs: audio.length ? `${video},${AAC_LC}` : video,
    };
  });
  const output: PackagedMedia = { ...base, rungs: ladder, audio, subtitles };
  const dir = app.media.outDir(assetId);
  writeAtomic(join(dir, 'output.json'), JSON.stringify(output, null, 2));
  writeAtomic(join(dir, output.master), masterPlaylist(output.rungs, audio, subtitles));
  await app.db
    .update(mediaAssets)
    .set({ output, updatedAt: new Date(app.media.now()) })
    .where(eq(mediaAssets.id, assetId));
  return output;
}

/** Makes the other tracks of the same media not the default. */
export async function clearDefault(app: FastifyInstance, kind: 'audio' | 'subtitle', ref: MediaRef, except: string) {
  const table = kind === 'audio' ? adminAudioTracks : adminSubtitles;
  const rows = await app.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.titleId, ref.titleId), eq(table.episodeId, ref.episodeKey), eq(table.isDefault, true)));
  const ids = rows.map((r) => r.id).filter((id) => id !== except);
  if (ids.length) await app.db.update(table).set({ isDefault: false }).where(inArray(table.id, ids));
}

/** Peak bits per second and bytes of a media playlist's segments. */
export function measureRendition(dir: string): { peak: number; average: number; count: number; bytes: number } {
  const text = readFileSync(join(dir, 'index.m3u8'), 'utf8');
  const durations = segmentDurations(text);
  const files = text.split('\n').filter((l) => l && !l.startsWith('#'));
  let bytes = 0;
  let peak = 0;
  let total = 0;
  files.forEach((f, i) => {
    const size = statSync(join(dir, f)).size;
    const d = durations[i] ?? 0;
    bytes += size;
    total += d;
    if (d >= 0.5) peak = Math.max(peak, (size * 8) / d);
  });
  if (existsSync(join(dir, 'init.mp4'))) bytes += statSync(join(dir, 'init.mp4')).size;
  return { peak: Math.round(peak), average: Math.round(total ? (bytes * 8) / total : 0), count: files.length, bytes };
}

/**
 * An uploaded audio file → an AAC stereo rendition segmented like the video (`a/<lang>-<id>`),
 * added to what plays. A replaced track keeps playing its old rendition until this one is done.
 */
export async function encodeAudio(app: FastifyInstance, trackId: string, file: string): Promise<void> {
  const fail = async (message: string) => {
    await app.db
      .update(adminAudioTracks)
      .set({ status: 'failed', error: message, updatedAt: new Date(app.media.now()) })
      .where(eq(adminAudioTracks.id, trackId));
  };
  const [track] = await app.db.select().from(adminAudioTracks).where(eq(adminAudioTracks.id, trackId));
  if (!track) return;
  let p: ProbeResult;
  try {
    p = await probe(file);
  } catch (error) {
    await fail(`The file cannot be read as audio: ${(error as Error).message.slice(0, 200)}`);
    return;
  }
  const stream = p.streams.find((s) => s.type === 'audio');
  if (!stream) {
    await fail('The file has no audio stream');
    return;
  }
  let asset: AssetRow & { output: PackagedMedia };
  try {
    asset = await ownAsset(app, { titleId: track.titleId, episodeKey: track.episodeId });
  } catch (error) {
    await fail((error as Error).message);
    return;
  }
  const path = `a/${track.language}-${trackId.slice(-6)}${Date.now().toString(36).slice(-4)}`;
  const dir = join(app.media.outDir(asset.id), path);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    await runFfmpeg([
      '-i',
      file,
      '-map',
      `0:a:${stream.typeIndex}`,
      '-vn',
      '-sn',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ac',
      '2',
      '-ar',
      '48000',
      '-t',
      String(asset.output.duration),
      ...hlsArgs(asset.output.segmentSeconds, dir),
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    await fail(`ffmpeg could not encode the audio: ${(error as Error).message.slice(0, 300)}`);
    return;
  }
  const m = measureRendition(dir);
  const [current] = await app.db.select().from(adminAudioTracks).where(eq(adminAudioTracks.id, trackId));
  if (!current) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const oldPath = current.path;
  await app.db
    .update(adminAudioTracks)
    .set({
      path,
      assetId: asset.id,
      status: 'ready',
      channels: Math.min(2, stream.channels ?? 2),
      codec: 'aac',
      bitrate: 128_000,
      bandwidth: m.peak || 160_000,
      duration: Math.min(p.duration, asset.output.duration),
      error: null,
      updatedAt: new Date(app.media.now()),
    })
    .where(eq(adminAudioTracks.id, trackId));
  await rebuild(app, asset.id);
  if (oldPath && oldPath !== path) rmSync(join(app.media.outDir(asset.id), oldPath), { recursive: true, force: true });
  rmSync(file, { force: true });
}

/** Encodes one rung of the ladder again from the source, swapping it in when done. */
export async function rerunRung(app: FastifyInstance, assetId: string, label: string): Promise<void> {
  const [asset] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId));
  const output = asset?.output as PackagedMedia | null;
  const rung = output?.rungs.find((r) => r.label === label);
  if (!asset || !output || !rung) return;
  const source = asset.sourcePath ? join(app.media.root, asset.sourcePath) : null;
  if (!source || !existsSync(source)) throw new HttpError(409, 'conflict', 'The source file is missing');
  const p = (asset.probe as ProbeResult | null) ?? (await probe(source));
  const video = p.streams.find((s) => s.type === 'video');
  const srcW = video?.width ?? rung.width;
  const srcH = video?.height ?? rung.height;
  const spec = chooseRungs(srcH).find((r) => r.label === label) ?? {
    label: rung.label,
    height: rung.height,
    bitrate: rung.videoBitrate,
    level: '3.1',
  };
  const fps = rung.frameRate || 24;
  const seg = output.segmentSeconds;
  const gop = Math.max(1, Math.round(fps * seg));
  const finalDir = join(app.media.outDir(assetId), rung.path);
  const work = `${finalDir}.building`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  await runFfmpeg([
    '-i',
    source,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-vf',
    `fps=${fps},scale=${widthFor(spec.height, srcW, srcH)}:${spec.height},setsar=1`,
    '-c:v',
    'libx264',
    '-preset',
    app.media.options.preset,
    '-profile:v',
    'high',
    '-level:v',
    spec.level,
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    String(spec.bitrate),
    '-maxrate',
    String(Math.round(spec.bitrate * 1.1)),
    '-bufsize',
    String(spec.bitrate * 2),
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-sc_threshold',
    '0',
    '-force_key_frames',
    `expr:gte(t,n_forced*${seg})`,
    ...hlsArgs(seg, work),
  ]);
  const m = measureRendition(work);
  const old = `${finalDir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, old);
  renameSync(work, finalDir);
  rmSync(old, { recursive: true, force: true });
  const [fresh] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId));
  const now = fresh?.output as PackagedMedia;
  const audioPeak = Math.max(0, ...now.audio.map((a) => a.bandwidth));
  const init = readFileSync(join(finalDir, 'init.mp4'));
  const rungs = now.rungs.map((r) =>
    r.label === label
      ? {
          ...r,
          bandwidth: m.peak + audioPeak,
          averageBandwidth: m.average + (now.audio.length ? Math.round(audioPeak * 0.9) : 0),
          videoBitrate: m.average,
          codecs: [avcCodecsFromInit(init) ?? avcCodecs(spec.level), ...(now.audio.length ? [AAC_LC] : [])].join(','),
          segmentCount: m.count,
          sizeBytes: m.bytes,
        }
      : r,
  );
  const next: PackagedMedia = { ...now, rungs };
  writeAtomic(join(app.media.outDir(assetId), 'output.json'), JSON.stringify(next, null, 2));
  writeAtomic(join(app.media.outDir(assetId), next.master), masterPlaylist(next.rungs, next.audio, next.subtitles));
  await app.db
    .update(mediaAssets)
    .set({ output: next, updatedAt: new Date(app.media.now()) })
    .where(eq(mediaAssets.id, assetId));
}

export const languageName = (language: string) => endonym(language);

/** Checks a title (and, for a series, its episode) and returns where its media is bound. */
export async function mediaRefOf(
  app: FastifyInstance,
  titleId: string | undefined,
  episodeId: string | null | undefined,
): Promise<MediaRef> {
  if (!titleId) {
    throw new HttpError(400, 'validation_failed', 'Give title_id', {
      fields: [{ field: 'title_id', message: 'required' }],
    });
  }
  const [title] = await app.db.select({ id: titles.id, type: titles.type }).from(titles).where(eq(titles.id, titleId));
  if (!title) throw notFound('That title');
  if (!episodeId) return { titleId, episodeKey: '' };
  const [ep] = await app.db
    .select({ id: episodes.id })
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.titleId, titleId)));
  if (!ep) throw notFound('That episode');
  return { titleId, episodeKey: episodeId };
}
