// Shared by the media tests: an app with its media in a temporary folder, a tiny generated source
// (5 s at 640x360, two audio languages, two subtitle languages, chapters), titles written into
// the database, and a small HLS playlist parser.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { availability, episodes, mediaAssets, seasons, titles } from '../../src/db/schema/index.js';
import { newId } from '../../src/ids.js';
import { type DemoSet, demoSet, generateDemoSource } from '../../src/services/media/demo.js';
import type { AssetRow } from '../../src/services/media/index.js';
import { buildTestApp, type TestApp } from '../helper.js';

const scratchDirs: string[] = [];
process.once('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder removed at exit. */
export function scratch(prefix = 'reel-media-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** The tiny test set: the first demo source, 5 seconds at 640x360. */
export const TINY: DemoSet = { ...demoSet('tiny'), duration: 5 };

let tiny: Promise<string> | null = null;
/** A tiny generated source (made once per process). */
export function tinySource(): Promise<string> {
  if (!tiny) {
    const file = join(scratch('reel-source-'), 'tiny.mkv');
    tiny = generateDemoSource(TINY.sources[0] as DemoSet['sources'][number], TINY, file).then(() => file);
  }
  return tiny;
}

/** An app whose media lives in a fresh folder; no demo media. */
export async function mediaApp(env: Record<string, string> = {}): Promise<TestApp & { dataDir: string }> {
  const dataDir = scratch();
  const t = await buildTestApp({
    REEL_DATA_DIR: dataDir,
    REEL_DEMO_MEDIA: 'off',
    REEL_MEDIA_SEGMENT_SECONDS: '2',
    ...env,
  });
  return { ...t, dataDir };
}

export interface TitleOptions {
  type?: 'film' | 'series';
  maturity?: number;
  regions?: string[];
  episodes?: number;
  name?: string;
  publish?: 'published' | 'draft';
}

/** A title (and, for a series, one season of episodes) written into the database. */
export async function insertTitle(
  app: FastifyInstance,
  options: TitleOptions = {},
): Promise<{ id: string; episodeIds: string[] }> {
  const id = newId('ttl');
  const type = options.type ?? 'film';
  await app.db.insert(titles).values({
    id,
    type,
    name: options.name ?? `Test ${type} ${id.slice(-4)}`,
    year: 2024,
    runtimeMinutes: 90,
    maturityLevel: options.maturity ?? 12,
    publishState: options.publish ?? 'published',
  });
  await app.db.insert(availability).values((options.regions ?? ['US']).map((region) => ({ titleId: id, region })));
  const episodeIds: string[] = [];
  if (type === 'series') {
    await app.db.insert(seasons).values({ titleId: id, number: 1, name: 'Season 1' });
    for (let n = 1; n <= (options.episodes ?? 3); n++) {
      const eid = newId('ep');
      episodeIds.push(eid);
      await app.db
        .insert(episodes)
        .values({ id: eid, titleId: id, seasonNumber: 1, number: n, name: `Episode ${n}`, runtimeSeconds: 2700 });
    }
  }
  app.catalog.invalidate();
  return { id, episodeIds };
}

/**
 * An uploaded source for a title (or episode), put through the pipeline in this process: the
 * tiny source is copied in as if its upload had completed, then the queue is drained.
 */
export async function readyAsset(
  app: FastifyInstance,
  titleId: string,
  episodeId: string | null = null,
): Promise<AssetRow> {
  const source = await tinySource();
  const id = newId('ast');
  const relative = join('sources', `${id}.mkv`);
  mkdirSync(join(app.media.root, 'sources'), { recursive: true });
  copyFileSync(source, join(app.media.root, relative));
  await app.db.insert(mediaAssets).values({
    id,
    titleId,
    episodeId,
    filename: 'tiny.mkv',
    contentType: 'video/x-matroska',
    sizeBytes: 1,
    uploadedBytes: 1,
    status: 'processing',
    sourcePath: relative,
  });
  await app.media.enqueue({ id, filename: 'tiny.mkv' });
  await app.media.drain();
  const [row] = await app.db.select().from(mediaAssets).where(eq(mediaAssets.id, id));
  if (row?.status !== 'ready') throw new Error(`the test asset is ${row?.status}: ${JSON.stringify(row?.validation)}`);
  return row;
}

/** `KEY=VALUE,KEY="quoted, value"` → object. */
export function attributes(list: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of list.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) {
    out[m[1] as string] = (m[2] as string).replace(/^"|"$/g, '');
  }
  return out;
}

export interface MasterPlaylist {
  media: Record<string, string>[];
  variants: { attrs: Record<string, string>; uri: string }[];
}

export function parseMaster(text: string): MasterPlaylist {
  const lines = text.split('\n').map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('not a playlist');
  const media: Record<string, string>[] = [];
  const variants: MasterPlaylist['variants'] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('#EXT-X-MEDIA:')) media.push(attributes(line.slice('#EXT-X-MEDIA:'.length)));
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      variants.push({ attrs: attributes(line.slice('#EXT-X-STREAM-INF:'.length)), uri: lines[i + 1] as string });
    }
  });
  return { media, variants };
}

export interface MediaPlaylist {
  targetDuration: number;
  map: string | null;
  segments: { duration: number; uri: string }[];
  ended: boolean;
  type: string | null;
}

export function parseMedia(text: string): MediaPlaylist {
  const lines = text.split('\n').map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('not a playlist');
  const out: MediaPlaylist = { targetDuration: 0, map: null, segments: [], ended: false, type: null };
  let pending: number | null = null;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-TARGETDURATION:')) out.targetDuration = Number(line.split(':')[1]);
    else if (line.startsWith('#EXT-X-MAP:')) out.map = attributes(line.slice('#EXT-X-MAP:'.length)).URI ?? null;
    else if (line.startsWith('#EXT-X-PLAYLIST-TYPE:')) out.type = line.split(':')[1] ?? null;
    else if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line === '#EXT-X-ENDLIST') out.ended = true;
    else if (line && !line.startsWith('#') && pending !== null) {
      out.segments.push({ duration: pending, uri: line });
      pending = null;
    }
  }
  return out;
}

/** WebVTT cues: start, end (seconds) and text. */
export function parseVtt(text: string): { start: number; end: number; text: string }[] {
  if (!text.startsWith('WEBVTT')) throw new Error('not WebVTT');
  const time = (s: string) => {
    const parts = s.split(':').map(Number);
    return parts.reduce((acc, p) => acc * 60 + p, 0);
  };
  const cues: { start: number; end: number; text: string }[] = [];
  for (const block of text.split(/\n\n+/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [a = '', b = ''] = (lines[at] as string).split('-->').map((x) => x.trim().split(' ')[0] as string);
    cues.push({
      start: time(a),
      end: time(b),
      text: lines
        .slice(at + 1)
        .join('\n')
        .trim(),
    });
  }
  return cues;
}

/** Width and height of a JPEG, from its SOF marker. */
export function jpegSize(buf: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new Error('not a JPEG');
    const marker = buf[i + 1] as number;
    const length = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('no SOF marker');
}
