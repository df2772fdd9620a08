import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { episodes, progress, titles } from '../db/schema/index.js';

/**
 * A little viewing history for the demo profiles, so the demo home has Continue Watching and
 * "Because you watched" rails from the first visit: Alex finished two titles and is part-way
 * through two films and a series; Sam is part-way through a family title.
 */
export async function seedViewingHistory(db: Db, profileIds: { alex: string; sam: string }): Promise<void> {
  const popular = (type: 'film' | 'series', maxMaturity: number, limit: number) =>
    db
      .select({ id: titles.id, runtime: titles.runtimeMinutes })
      .from(titles)
      .where(and(eq(titles.type, type), eq(titles.publishState, 'published'), lte(titles.maturityLevel, maxMaturity)))
      .orderBy(desc(titles.popularity), asc(titles.id))
      .limit(limit);
  const films = await popular('film', 18, 4);
  const [series] = await popular('series', 16, 1);
  const [family] = await popular('film', 7, 1);
  const now = Date.now();
  const hoursAgo = (h: number) => new Date(now - h * 3600_000);
  const rows: (typeof progress.$inferInsert)[] = [];
  films.forEach((film, i) => {
    const duration = (film.runtime ?? 100) * 60;
    const completed = i >= 2;
    rows.push({
      profileId: profileIds.alex,
      titleId: film.id,
      episodeId: '',
      position: completed ? duration : Math.round(duration * (i === 0 ? 0.42 : 0.71)),
      duration,
      completed,
      updatedAt: hoursAgo(completed ? 48 + i * 24 : 3 + i * 20),
    });
  });
  if (series) {
    const eps = await db
      .select({ id: episodes.id, runtime: episodes.runtimeSeconds })
      .from(episodes)
      .where(eq(episodes.titleId, series.id))
      .orderBy(asc(episodes.seasonNumber), asc(episodes.number))
      .limit(3);
    eps.forEach((ep, i) => {
      const done = i < 2;
      rows.push({
        profileId: profileIds.alex,
        titleId: series.id,
        episodeId: ep.id,
        position: done ? ep.runtime : Math.round(ep.runtime * 0.3),
        duration: ep.runtime,
        completed: done,
        updatedAt: hoursAgo(done ? 30 - i * 6 : 1),
      });
    });
  }
  if (family) {
    const duration = (family.runtime ?? 90) * 60;
    rows.push({
      profileId: profileIds.sam,
      titleId: family.id,
      episodeId: '',
      position: Math.round(duration * 0.55),
      duration,
      completed: false,
      updatedAt: hoursAgo(5),
    });
  }
  if (rows.length) await db.insert(progress).values(rows);
}
