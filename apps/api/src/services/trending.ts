// Trending and top 10 from daily view counts: pure functions over `title_views` rows.

/** One row of `title_views`, with its age in days before the latest day on record. */
export interface DailyViews {
  titleId: string;
  region: string;
  day: string;
  views: number;
  /** 0 for the latest day, 6 for a week before. */
  age: number;
}

/** Days after which a day's views count half as much. */
export const TRENDING_HALF_LIFE_DAYS = 2;

/** The weight of a day's views in the trending score: 1 today, ½ two days ago, ⅛ six days ago. */
export function dayWeight(age: number): number {
  return 0.5 ** (Math.max(0, age) / TRENDING_HALF_LIFE_DAYS);
}

/**
 * Trending scores over the last 7 days, per region and over every region (key `*`): the views of
 * each day weighted by {@link dayWeight}, so what is picking up now beats last week's hit.
 *
 * @example trendingScores([{ titleId: 't1', region: 'US', day: '2026-11-26', views: 10, age: 0 }]).get('US')?.get('t1') // 10
 */
export function trendingScores(rows: readonly DailyViews[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (region: string, titleId: string, score: number) => {
    let m = out.get(region);
    if (!m) {
      m = new Map();
      out.set(region, m);
    }
    m.set(titleId, (m.get(titleId) ?? 0) + score);
  };
  for (const r of rows) {
    if (r.age < 0 || r.age > 6 || r.views <= 0) continue;
    const score = r.views * dayWeight(r.age);
    add(r.region, r.titleId, score);
    add('*', r.titleId, score);
  }
  return out;
}

/** Trending scores summed per title and region (by the database) into the same shape, `*` included. */
export function scoresByRegion(
  rows: readonly { titleId: string; region: string; score: number }[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (region: string, titleId: string, score: number) => {
    let m = out.get(region);
    if (!m) {
      m = new Map();
      out.set(region, m);
    }
    m.set(titleId, (m.get(titleId) ?? 0) + score);
  };
  for (const r of rows) {
    if (!(r.score > 0)) continue;
    add(r.region, r.titleId, r.score);
    add('*', r.titleId, r.score);
  }
  return out;
}

/**
 * Orders titles for a trending list: the region's trending score (or, when the region has no
 * views, the score over every region), then popularity, then id — so the list is stable.
 */
export function trendingOrder<T extends { id: string; popularity: number }>(
  items: readonly T[],
  scores: Map<string, Map<string, number>>,
  region: string,
): { item: T; score: number }[] {
  const regional = scores.get(region);
  const source = regional && regional.size > 0 ? regional : (scores.get('*') ?? new Map<string, number>());
  return items
    .map((item) => ({ item, score: source.get(item.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.item.popularity - a.item.popularity ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
}

/**
 * The ten most viewed of `eligible` on a region's latest day (ranked 1–10). A region without
 * views ranks by popularity instead, so its top 10 is never empty while it has titles.
 */
export function topTen<T extends { id: string; popularity: number }>(
  eligible: readonly T[],
  latestDay: readonly [string, number][] | undefined,
  size = 10,
): T[] {
  const byId = new Map(eligible.map((t) => [t.id, t]));
  const out: T[] = [];
  if (latestDay?.length) {
    for (const [id, views] of latestDay) {
      if (views <= 0) continue;
      const t = byId.get(id);
      if (t) out.push(t);
      if (out.length === size) return out;
    }
    return out;
  }
  return [...eligible]
    .sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, size);
}
