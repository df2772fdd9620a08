// Uploaded artwork: the bytes are checked (an image of the declared type, big enough, the right
// shape for its type), resized variants are made with ffmpeg (JPEG and WebP), and the primary
// one of a type replaces the generated artwork of its title.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AdminArtwork } from '@reel/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { adminArtwork, titles } from '../../db/schema/index.js';
import { probe, runFfmpeg } from '../media/ffmpeg.js';

export type ArtworkRow = typeof adminArtwork.$inferSelect;
type ArtworkType = ArtworkRow['type'];

/** Minimum size and aspect ratio (width / height, ±6 %) by type. */
export const ARTWORK_RULES: Record<
  ArtworkType,
  { minWidth: number; minHeight: number; aspect: number | null; widths: number[] }
> = {
  poster: { minWidth: 400, minHeight: 600, aspect: 2 / 3, widths: [342, 780] },
  backdrop: { minWidth: 1280, minHeight: 720, aspect: 16 / 9, widths: [780, 1280] },
  still: { minWidth: 640, minHeight: 360, aspect: 16 / 9, widths: [400, 780] },
  banner: { minWidth: 1000, minHeight: 150, aspect: null, widths: [1000] },
  logo: { minWidth: 300, minHeight: 60, aspect: null, widths: [300, 600] },
  thumbnail: { minWidth: 320, minHeight: 180, aspect: 16 / 9, widths: [320] },
};

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The image type from the first bytes. */
export function sniffImage(head: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

export const artworkDir = (app: FastifyInstance, id: string) => join(app.media.root, 'artwork', id);
export const artworkUrl = (id: string, file: string) => `/media/artwork/uploads/${id}/${file}`;

export function artworkView(a: ArtworkRow): AdminArtwork {
  return {
    id: a.id,
    title_id: a.titleId,
    episode_id: a.episodeId,
    type: a.type,
    language: a.language,
    is_primary: a.isPrimary,
    status: a.status,
    content_type: a.contentType,
    width: a.width,
    height: a.height,
    size_bytes: a.sizeBytes,
    color: a.color,
    url: a.file ? artworkUrl(a.id, a.file) : null,
    variants: (
      (a.variants ?? []) as {
        width: number;
        height: number;
        format: 'jpeg' | 'webp';
        file: string;
        size_bytes: number;
      }[]
    ).map((v) => ({
      width: v.width,
      height: v.height,
      format: v.format,
      url: artworkUrl(a.id, v.file),
      size_bytes: v.size_bytes,
    })),
    problems: (a.problems as AdminArtwork['problems']) ?? [],
    created_at: a.createdAt.toISOString(),
  };
}

/** Generated poster/backdrop URLs carry the title's artwork seed: a new seed is a new URL, so caches refetch. */
export async function bumpArtwork(app: FastifyInstance, titleId: string): Promise<void> {
  await app.db
    .update(titles)
    .set({ artworkSeed: sql`${titles.artworkSeed} + 1` })
    .where(eq(titles.id, titleId));
  app.catalog.invalidate();
}

/** Checks an uploaded image and makes its variants; the row ends `ready` or `failed` with its problems. */
export async function processArtwork(app: FastifyInstance, id: string, file: string, declared: string): Promise<void> {
  const [row] = await app.db.select().from(adminArtwork).where(eq(adminArtwork.id, id));
  if (!row) return;
  const problems: { code: string; message: string }[] = [];
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  const type = sniffImage(head);
  const size = statSync(file).size;
  const now = () => new Date(app.media.now());
  const finish = async (set: Partial<ArtworkRow>) => {
    await app.db
      .update(adminArtwork)
      .set({ ...set, sizeBytes: size, updatedAt: now() })
      .where(eq(adminArtwork.id, id));
  };
  if (!type) {
    rmSync(file, { force: true });
    await finish({
      status: 'failed',
      problems: [{ code: 'type', message: 'The file is not a JPEG, PNG or WebP image' }],
    });
    return;
  }
  if (type !== declared) problems.push({ code: 'type_mismatch', message: `The file is a ${type}, not a ${declared}` });
  let width = 0;
  let height = 0;
  try {
    const p = await probe(file);
    const v = p.streams.find((s) => s.type === 'video' || s.type === 'attachment');
    width = v?.width ?? 0;
    height = v?.height ?? 0;
  } catch {
    problems.push({ code: 'unreadable', message: 'The image cannot be decoded' });
  }
  const rule = ARTWORK_RULES[row.type];
  if (width && height) {
    if (width < rule.minWidth || height < rule.minHeight) {
      problems.push({
        code: 'too_small',
        message: `A ${row.type} is at least ${rule.minWidth}×${rule.minHeight}; this is ${width}×${height}`,
      });
    }
    if (rule.aspect && Math.abs(width / height / rule.aspect - 1) > 0.06) {
      const want = rule.aspect === 16 / 9 ? '16:9' : '2:3';
      problems.push({ code: 'aspect', message: `A ${row.type} is ${want}; this is ${width}×${height}` });
    }
  } else if (!problems.some((p) => p.code === 'unreadable')) {
    problems.push({ code: 'unreadable', message: 'The image has no readable size' });
  }
  if (problems.length) {
    rmSync(file, { force: true });
    await finish({ status: 'failed', problems, contentType: type, width: width || null, height: height || null });
    return;
  }
  const dir = artworkDir(app, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const original = `original.${EXT[type]}`;
  renameSync(file, join(dir, original));
  const variants: { width: number; height: number; format: 'jpeg' | 'webp'; file: string; size_bytes: number }[] = [];
  try {
    for (const w of rule.widths.filter((x) => x <= width)) {
      const h = Math.round((height * w) / width / 2) * 2;
      for (const format of ['jpeg', 'webp'] as const) {
        const name = `w${w}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
        await runFfmpeg([
          '-i',
          join(dir, original),
          '-vf',
          `scale=${w}:${h}:flags=lanczos`,
          '-frames:v',
          '1',
          ...(format === 'jpeg' ? ['-q:v', '3'] : ['-c:v', 'libwebp', '-quality', '80']),
          join(dir, name),
        ]);
        variants.push({ width: w, height: h, format, file: name, size_bytes: statSync(join(dir, name)).size });
      }
    }
    await runFfmpeg([
      '-i',
      join(dir, original),
      '-vf',
      'scale=1:1:flags=area',
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      join(dir, 'color.rgb'),
    ]);
  } catch (error) {
    await finish({
      status: 'failed',
      problems: [
        { code: 'variants', message: `Variants could not be made: ${(error as Error).message.slice(0, 200)}` },
      ],
    });
    return;
  }
  const rgb = existsSync(join(dir, 'color.rgb')) ? readFileSync(join(dir, 'color.rgb')) : Buffer.alloc(3);
  rmSync(join(dir, 'color.rgb'), { force: true });
  const color = `#${[rgb[0], rgb[1], rgb[2]].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`;
  // The first ready artwork of its type is primary.
  const others = await app.db
    .select({ id: adminArtwork.id })
    .from(adminArtwork)
    .where(
      and(
        eq(adminArtwork.titleId, row.titleId),
        eq(adminArtwork.type, row.type),
        eq(adminArtwork.isPrimary, true),
        eq(adminArtwork.status, 'ready'),
      ),
    );
  const primary = row.isPrimary || others.length === 0;
  if (primary) await onlyPrimary(app, { ...row, isPrimary: true });
  await finish({
    status: 'ready',
    problems: [],
    contentType: type,
    width,
    height,
    color,
    file: original,
    variants,
    isPrimary: primary,
  });
  if (primary) await bumpArtwork(app, row.titleId);
}

/** Makes `a` the only primary of its type for its title (and episode). */
export async function onlyPrimary(app: FastifyInstance, a: Pick<ArtworkRow, 'id' | 'titleId' | 'type' | 'isPrimary'>) {
  if (!a.isPrimary) return;
  const rows = await app.db
    .select({ id: adminArtwork.id })
    .from(adminArtwork)
    .where(and(eq(adminArtwork.titleId, a.titleId), eq(adminArtwork.type, a.type), eq(adminArtwork.isPrimary, true)));
  for (const r of rows)
    if (r.id !== a.id) await app.db.update(adminArtwork).set({ isPrimary: false }).where(eq(adminArtwork.id, r.id));
}

/** The uploaded image that replaces a title's generated poster or backdrop, if any. */
export async function uploadedArtwork(
  app: FastifyInstance,
  titleId: string,
  type: ArtworkType,
): Promise<string | null> {
  const [row] = await app.db
    .select()
    .from(adminArtwork)
    .where(
      and(
        eq(adminArtwork.titleId, titleId),
        eq(adminArtwork.type, type),
        eq(adminArtwork.isPrimary, true),
        eq(adminArtwork.status, 'ready'),
      ),
    );
  if (!row?.file) return null;
  const jpegs = ((row.variants ?? []) as { width: number; format: string; file: string }[])
    .filter((v) => v.format === 'jpeg')
    .sort((a, b) => b.width - a.width);
  return artworkUrl(row.id, jpegs[0]?.file ?? row.file);
}
