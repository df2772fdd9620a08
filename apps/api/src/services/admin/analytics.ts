import type { AdminAnalyticsReport, AdminQoe } from '@reel/contracts';
import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { playerSessions, titles } from '../../db/schema/index.js';
import { HttpError } from '../../http/errors.js';

// Viewing analytics (§21, issue 17): plays, watch time, completion, top titles and quality of
// experience, from the player's sessions and the accumulators its events keep on them.

type DeviceType = AdminAnalyticsReport['by_device'][number]['device_type'];
type Granularity = AdminAnalyticsReport['granularity'];

export interface AnalyticsQuery {
  from: string;
  to: string;
  granularity?: Granularity;
  region?: string;
  title_id?: string;
  device_type?: DeviceType;
}

interface Play {
  titleId: string;
  viewer: string;
  at: number;
  region: string | null;
  device: DeviceType;
  watch: number;
  completed: boolean;
  startup: number | null;
  rebuffer: number;
  fatal: number;
  bitrateSum: number;
  bitrateTime: number;
  byQuality: Record<string, number>;
}

const DAY = 86_400_000;

/** A date range (inclusive days, UTC) as instants; 422 when reversed or longer than 366 days. */
export function rangeOf(from: string, to: string): { start: number; end: number; days: number } {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + DAY;
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new HttpError(422, 'invalid_range', 'Give the range as two dates (YYYY-MM-DD)');
  }
  if (end <= start) throw new HttpError(422, 'invalid_range', '`from` must not be after `to`');
  const days = Math.round((end - start) / DAY);
  if (days > 366) throw new HttpError(422, 'invalid_range', 'The range is at most 366 days');
  return { start, end, days };
}

const deviceType = (kind: string | undefined): DeviceType =>
  kind === 'console'
    ? 'tv'
    : (['web', 'mobile', 'tablet', 'tv', 'desktop'] as const).includes(kind as never)
      ? (kind as DeviceType)
      : 'other';

const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;

function quantile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] as number;
}

function qoe(plays: Play[]): AdminQoe {
  if (!plays.length) {
    return {
      startup_time_p50: null,
      startup_time_p95: null,
      rebuffer_ratio: null,
      errors_per_thousand_plays: null,
      average_bitrate: null,
    };
  }
  const startups = plays.map((p) => p.startup).filter((x): x is number => x !== null);
  const watch = plays.reduce((n, p) => n + p.watch, 0);
  const rebuffer = plays.reduce((n, p) => n + p.rebuffer, 0);
  const bitSum = plays.reduce((n, p) => n + p.bitrateSum, 0);
  const bitTime = plays.reduce((n, p) => n + p.bitrateTime, 0);
  const p50 = quantile(startups, 0.5);
  const p95 = quantile(startups, 0.95);
  return {
    startup_time_p50: p50 === null ? null : round(p50, 3),
    startup_time_p95: p95 === null ? null : round(p95, 3),
    rebuffer_ratio: watch + rebuffer > 0 ? round(rebuffer / (watch + rebuffer)) : 0,
    errors_per_thousand_plays: round((plays.reduce((n, p) => n + p.fatal, 0) / plays.length) * 1000, 2),
    average_bitrate: bitTime > 0 ? Math.round(bitSum / bitTime) : null,
  };
}

const completion = (plays: Play[]) =>
  plays.length ? round(plays.filter((p) => p.completed).length / plays.length) : null;

export class Analytics {
  constructor(private readonly app: FastifyInstance) {}

  /** The plays (sessions started) in [start, end), filtered. */
  async plays(start: number, end: number, q: Omit<AnalyticsQuery, 'from' | 'to' | 'granularity'>): Promise<Play[]> {
    const where: SQL[] = [gte(playerSessions.createdAt, new Date(start)), lt(playerSessions.createdAt, new Date(end))];
    if (q.region) where.push(eq(playerSessions.region, q.region));
    if (q.title_id) where.push(eq(playerSessions.titleId, q.title_id));
    const rows = await this.app.db
      .select({
        titleId: playerSessions.titleId,
        userId: playerSessions.userId,
        profileId: playerSessions.profileId,
        createdAt: playerSessions.createdAt,
        region: playerSessions.region,
        device: playerSessions.device,
        position: playerSessions.position,
        duration: playerSessions.duration,
        lastEventType: playerSessions.lastEventType,
        stats: playerSessions.stats,
      })
      .from(playerSessions)
      .where(and(...where))
      .limit(500_000);
    const plays: Play[] = [];
    for (const r of rows) {
      const device = deviceType((r.device as { kind?: string } | null)?.kind);
      if (q.device_type && device !== q.device_type) continue;
      const s = (r.stats ?? {}) as Partial<{
        watch: number;
        rebufferTime: number;
        errors: { fatal: number };
        bitrateSum: number;
        bitrateTime: number;
        startupMs: number | null;
        byQuality: Record<string, number>;
      }>;
      const duration = r.duration ?? 0;
      plays.push({
        titleId: r.titleId,
        viewer: r.profileId || r.userId,
        at: r.createdAt.getTime(),
        region: r.region && /^[A-Z]{2}$/.test(r.region) ? r.region : null,
        device,
        watch: Number(s.watch) || 0,
        completed: r.lastEventType === 'ended' || (duration > 0 && (r.position ?? 0) >= duration * 0.9),
        startup: typeof s.startupMs === 'number' ? s.startupMs / 1000 : null,
        rebuffer: Number(s.rebufferTime) || 0,
        fatal: Number(s.errors?.fatal) || 0,
        bitrateSum: Number(s.bitrateSum) || 0,
        bitrateTime: Number(s.bitrateTime) || 0,
        byQuality: s.byQuality ?? {},
      });
    }
    return plays;
  }

  async report(q: AnalyticsQuery): Promise<AdminAnalyticsReport> {
    const { start, end, days } = rangeOf(q.from, q.to);
    const granularity: Granularity = q.granularity ?? (days <= 2 ? 'hour' : days > 92 ? 'week' : 'day');
    const step = granularity === 'hour' ? 3_600_000 : granularity === 'day' ? DAY : 7 * DAY;
    if ((end - start) / step > 2000) {
      throw new HttpError(422, 'invalid_range', 'Too many buckets: choose a coarser granularity');
    }
    const filters = { region: q.region, title_id: q.title_id, device_type: q.device_type };
    const [plays, previous] = await Promise.all([
      this.plays(start, end, filters),
      this.plays(start - (end - start), start, filters),
    ]);
    const watch = (list: Play[]) =>
      round(
        list.reduce((n, p) => n + p.watch, 0),
        1,
      );
    const viewers = (list: Play[]) => new Set(list.map((p) => p.viewer)).size;

    // Buckets aligned on the range's start (weeks start on the range's first day).
    const buckets: Play[][] = Array.from({ length: Math.ceil((end - start) / step) }, () => []);
    for (const p of plays) buckets[Math.min(buckets.length - 1, Math.floor((p.at - start) / step))]?.push(p);

    const byTitle = new Map<string, Play[]>();
    for (const p of plays) byTitle.set(p.titleId, [...(byTitle.get(p.titleId) ?? []), p]);
    const top = [...byTitle].sort((a, b) => b[1].length - a[1].length || watch(b[1]) - watch(a[1])).slice(0, 20);
    const names = top.length
      ? new Map(
          (
            await this.app.db
              .select({ id: titles.id, name: titles.name, type: titles.type })
              .from(titles)
              .where(
                inArray(
                  titles.id,
                  top.map(([id]) => id),
                ),
              )
          ).map((t) => [t.id, t]),
        )
      : new Map();

    const group = <K>(keyOf: (p: Play) => K | null) => {
      const m = new Map<K, Play[]>();
      for (const p of plays) {
        const k = keyOf(p);
        if (k === null) continue;
        m.set(k, [...(m.get(k) ?? []), p]);
      }
      return [...m].sort((a, b) => b[1].length - a[1].length);
    };
    const qualityTime = new Map<string, number>();
    for (const p of plays)
      for (const [k, v] of Object.entries(p.byQuality))
        qualityTime.set(k, (qualityTime.get(k) ?? 0) + (Number(v) || 0));
    const qualityTotal = [...qualityTime.values()].reduce((a, b) => a + b, 0);

    return {
      from: q.from,
      to: q.to,
      granularity,
      totals: {
        plays: plays.length,
        unique_viewers: viewers(plays),
        watch_time_seconds: watch(plays),
        completion_rate: completion(plays),
        previous: { plays: previous.length, unique_viewers: viewers(previous), watch_time_seconds: watch(previous) },
      },
      qoe: qoe(plays),
      series: buckets.map((list, i) => ({
        bucket_start: new Date(start + i * step).toISOString(),
        plays: list.length,
        unique_viewers: viewers(list),
        watch_time_seconds: watch(list),
        completion_rate: completion(list),
        ...qoe(list),
      })),
      top_titles: top.map(([id, list], i) => {
        const t = names.get(id) as { id: string; name: string; type: 'film' | 'series' | 'anime' } | undefined;
        return {
          rank: i + 1,
          title: { id, name: t?.name ?? id, type: t?.type ?? 'film' },
          plays: list.length,
          watch_time_seconds: watch(list),
          completion_rate: completion(list),
        };
      }),
      by_device: group((p) => p.device).map(([device_type, list]) => ({
        device_type,
        plays: list.length,
        ...qoe(list),
      })),
      by_region: group((p) => p.region).map(([region, list]) => ({
        region: region as string,
        plays: list.length,
        watch_time_seconds: watch(list),
      })),
      by_quality: [...qualityTime]
        .sort((a, b) => b[1] - a[1])
        .map(([quality, seconds]) => ({ quality, share: qualityTotal > 0 ? round(seconds / qualityTotal) : 0 })),
      generated_at: new Date().toISOString(),
    };
  }
}

/** One cell of CSV: quoted when it must be; a leading =, +, - or @ is neutralised (formula injection). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One dataset of the report as CSV rows. */
export function datasetCsv(
  report: AdminAnalyticsReport,
  dataset: 'series' | 'top_titles' | 'by_device' | 'by_region' | 'by_quality',
): string {
  const qoeCols = [
    'startup_time_p50',
    'startup_time_p95',
    'rebuffer_ratio',
    'errors_per_thousand_plays',
    'average_bitrate',
  ] as const;
  switch (dataset) {
    case 'series':
      return toCsv(
        ['bucket_start', 'plays', 'unique_viewers', 'watch_time_seconds', 'completion_rate', ...qoeCols],
        report.series.map((s) => [
          s.bucket_start,
          s.plays,
          s.unique_viewers,
          s.watch_time_seconds,
          s.completion_rate,
          ...qoeCols.map((c) => s[c]),
        ]),
      );
    case 'top_titles':
      return toCsv(
        ['rank', 'title_id', 'title', 'type', 'plays', 'watch_time_seconds', 'completion_rate'],
        report.top_titles.map((t) => [
          t.rank,
          t.title.id,
          t.title.name,
          t.title.type,
          t.plays,
          t.watch_time_seconds,
          t.completion_rate,
        ]),
      );
    case 'by_device':
      return toCsv(
        ['device_type', 'plays', ...qoeCols],
        report.by_device.map((d) => [d.device_type, d.plays, ...qoeCols.map((c) => d[c])]),
      );
    case 'by_region':
      return toCsv(
        ['region', 'plays', 'watch_time_seconds'],
        report.by_region.map((r) => [r.region, r.plays, r.watch_time_seconds]),
      );
    case 'by_quality':
      return toCsv(
        ['quality', 'share'],
        report.by_quality.map((q) => [q.quality, q.share]),
      );
  }
}
