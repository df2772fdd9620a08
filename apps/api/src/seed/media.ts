import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { episodes, markers, mediaAssets, mediaBindings, titles } from '../db/schema/index.js';
import { demoMarkers, demoSet } from '../services/media/demo.js';
import { demoAssetId } from '../services/media/index.js';
import { MediaQueue } from '../services/media/queue.js';

const CHUNK = 1000;

/** A stable small number from an id (which demo source a title starts from). */
function hashOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The demo media: a few generated sources (services/media/demo.ts) shared by every title — each
 * film and episode is bound to one of them — with intro, recap, credits and preview markers that
 * match the demo's length. The sources are made by the job queue in the background (queued
 * here, worked once the server runs); their output is cached in the data folder.
 */
export async function seedMedia(
  db: Db,
  options: { size: 'full' | 'tiny' | 'off'; log?: (line: string) => void },
): Promise<void> {
  if (options.size === 'off') return;
  const set = demoSet(options.size);
  const ids = set.sources.map((_, i) => demoAssetId(set.size, i));
  const marks = demoMarkers(set.duration);
  const existing = new Set(
    (await db.select({ id: mediaAssets.id }).from(mediaAssets).where(inArray(mediaAssets.id, ids))).map((r) => r.id),
  );
  const titleRows = await db.select({ id: titles.id, type: titles.type }).from(titles).orderBy(asc(titles.id));
  const episodeRows = await db
    .select({ id: episodes.id, titleId: episodes.titleId, season: episodes.seasonNumber, number: episodes.number })
    .from(episodes)
    .orderBy(asc(episodes.titleId), asc(episodes.seasonNumber), asc(episodes.number));
  const bindings: (typeof mediaBindings.$inferInsert)[] = [];
  const markerRows: (typeof markers.$inferInsert)[] = [];
  const kinds = (list: string[]) => marks.filter((m) => list.includes(m.kind));
  let n = 0;
  const id = () => `mrk_demo${(n++).toString(36).padStart(6, '0')}`;
  for (const t of titleRows) {
    if (t.type !== 'film') continue;
    bindings.push({ titleId: t.id, episodeId: '', assetId: ids[hashOf(t.id) % ids.length] as string });
    for (const m of kinds(['intro', 'credits'])) markerRows.push({ id: id(), titleId: t.id, episodeId: null, ...m });
  }
  let position = 0;
  let lastTitle = '';
  for (const e of episodeRows) {
    position = e.titleId === lastTitle ? position + 1 : 0;
    lastTitle = e.titleId;
    bindings.push({
      titleId: e.titleId,
      episodeId: e.id,
      assetId: ids[(hashOf(e.titleId) + position) % ids.length] as string,
    });
    const list =
      e.number > 1 || e.season > 1 ? ['recap', 'intro', 'credits', 'preview'] : ['intro', 'credits', 'preview'];
    for (const m of kinds(list)) markerRows.push({ id: id(), titleId: e.titleId, episodeId: e.id, ...m });
  }
  const queue = new MediaQueue(db);
  await db.transaction(async (tx) => {
    const fresh = set.sources
      .map((source, i) => ({ source, i, assetId: ids[i] as string }))
      .filter((s) => !existing.has(s.assetId));
    if (fresh.length) {
      await tx.insert(mediaAssets).values(
        fresh.map(({ source, assetId }) => ({
          id: assetId,
          origin: 'demo' as const,
          demoKey: `${set.size}-${source.key}`,
          filename: `Reel demo — ${source.name}.mkv`,
          contentType: 'video/x-matroska',
          status: 'processing' as const,
          validationStatus: 'pending' as const,
        })),
      );
    }
    // The catalog's markers were written for its runtimes; the demo media is shorter.
    await tx.delete(markers);
    for (let i = 0; i < markerRows.length; i += CHUNK) await tx.insert(markers).values(markerRows.slice(i, i + CHUNK));
    for (let i = 0; i < bindings.length; i += CHUNK) {
      await tx
        .insert(mediaBindings)
        .values(bindings.slice(i, i + CHUNK))
        .onConflictDoNothing();
    }
  });
  for (const [i, source] of set.sources.entries()) {
    const assetId = ids[i] as string;
    if (existing.has(assetId)) continue;
    await queue.enqueue({
      assetId,
      kind: 'transcode',
      label: `Demo media: ${source.name}`,
      payload: { demo: { size: set.size, index: i } },
      priority: 50,
    });
  }
  options.log?.(
    `demo media: ${set.sources.length} ${set.size} sources queued for ${bindings.length} films and episodes (made in the background)`,
  );
}

/**
 * Seeds the demo media once (a database seeded before it existed gets it too): does nothing when
 * a demo source of this size is there already, or when there is no catalog.
 */
export async function ensureDemoMedia(
  db: Db,
  options: { size: 'full' | 'tiny' | 'off'; log?: (line: string) => void },
): Promise<boolean> {
  if (options.size === 'off') return false;
  const [have] = await db
    .select({ n: count() })
    .from(mediaAssets)
    .where(eq(mediaAssets.id, demoAssetId(options.size, 0)));
  if ((have?.n ?? 0) > 0) return false;
  const [t] = await db.select({ n: count() }).from(titles);
  if (!t?.n) return false;
  await seedMedia(db, options);
  return true;
}
