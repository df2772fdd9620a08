// Watch history of a profile (§2): streams, activity, stats and export, all computed from what
// the player writes (player_sessions, player_events, progress) plus the list's additions. An entry
// is one title or episode on one UTC day (repeated viewings that day update it); its id is derived
// from (profile, title, episode, day), so hiding it (history_hidden) survives recomputation.
import { createHash } from 'node:crypto';
import type {
  EpisodeRef,
  HistoryActivityItem,
  HistoryActivityKind,
  HistoryEntry,
  HistoryExportBody,
  HistoryExportDocument,
  HistoryExportRow,
  HistoryStats,
  TitleSummary,
  TitleType,
  ViewerDevice,
  ViewerDeviceType,
} from '@reel/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { episodeStill } from '../artwork/urls.js';
import type { Db } from '../db/client.js';
import {
  devices,
  historyHidden,
  playerEvents,
  playerSessions,
  profiles,
  progress,
  reviews,
  sessions,
  watchlistItems,
} from '../db/schema/index.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import { type CatalogService, DEFAULT_PAGE, keyedPage, type Viewer } from './catalog.js';

const DAY_MS = 86_400_000;
/** A hidden entry can be restored this long. */
export const HISTORY_RESTORE_WINDOW_MS = 30 * DAY_MS;
/** A viewing counts as finished from this share on (or an `ended` event with reason completed). */
const COMPLETE_AT = 0.95;

/** One entry before it is shaped for the contract. */
export interface RawEntry {
  id: string;
  titleId: string;
  /** '' for a film. */
  episodeId: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  startedAt: Date;
  watchedAt: Date;
  position: number;
  duration: number;
  completed: boolean;
  watchedSeconds: number;
  device: ViewerDevice;
}

interface RawActivity {
  id: string;
  kind: HistoryActivityKind;
  at: Date;
  titleId: string;
  episodeId: string;
  device: ViewerDevice | null;
  /** `reviewed`: the stars given and the review. */
  rating?: number;
  reviewId?: string;
}

type ProfileViewer = Viewer & { profileId: string };

interface RangeQuery {
  from?: string | undefined;
  to?: string | undefined;
}

const iso = (d: Date) => d.toISOString();
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

/** A stable, URL-safe id from its parts. */
export function derivedId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0001')).digest('base64url').slice(0, 22)}`;
}

const UNKNOWN_DEVICE: ViewerDevice = { id: null, name: 'Web browser', type: 'web' };
const DEVICE_TYPES: readonly ViewerDeviceType[] = ['web', 'desktop', 'mobile', 'tablet', 'tv', 'console', 'other'];

/** The device of a player session: the registered device of its sign-in, else what the player said. */
function deviceOf(
  registered: { id: string; name: string; type: string } | undefined,
  reported: { kind?: unknown; os?: unknown; browser?: unknown } | null,
): ViewerDevice {
  if (registered) {
    const type = (DEVICE_TYPES as readonly string[]).includes(registered.type)
      ? (registered.type as ViewerDeviceType)
      : 'other';
    return { id: registered.id, name: registered.name, type };
  }
  const browser = typeof reported?.browser === 'string' ? reported.browser.slice(0, 40) : '';
  const os = typeof reported?.os === 'string' ? reported.os.slice(0, 40) : '';
  const kind = typeof reported?.kind === 'string' ? reported.kind : '';
  if (!browser && !os) return UNKNOWN_DEVICE;
  const type: ViewerDeviceType =
    browser && (kind === 'desktop' || !kind)
      ? 'web'
      : (DEVICE_TYPES as readonly string[]).includes(kind)
        ? (kind as ViewerDeviceType)
        : 'other';
  return { id: null, name: browser && os ? `${browser} on ${os}` : browser || os, type };
}

// Time zones -------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw badRequest(`tz: "${tz}" is not a known time zone`, [{ field: 'tz', message: 'unknown time zone' }]);
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Local wall-clock parts of an instant in a zone. */
function partsIn(d: Date, tz: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(tz).formatToParts(d)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The local date of an instant, `YYYY-MM-DD`. */
export function localDay(d: Date, tz: string): string {
  const p = partsIn(d, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant a local date starts in a zone. */
export function startOfLocalDay(day: string, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const offsetAt = (t: number) => {
    const p = partsIn(new Date(t), tz);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t;
  };
  let t = guess - offsetAt(guess);
  t = guess - offsetAt(t);
  return new Date(t);
}

/** Adds days to a `YYYY-MM-DD` date. */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** The Monday of a date's week. */
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

// CSV ---------------------------------------------------------------------------------------------

export const EXPORT_COLUMNS: readonly (keyof HistoryExportRow)[] = [
  'section',
  'kind',
  'occurred_at',
  'title_id',
  'title_name',
  'title_type',
  'season_number',
  'episode_number',
  'episode_name',
  'position',
  'duration',
  'completed',
  'rating',
  'device_name',
];

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed
 * with an apostrophe.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly HistoryExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// The service -------------------------------------------------------------------------------------

/**
 * A profile's history. The route has already checked that the profile is the caller's.
 *
 * @example
 * const page = await history.streams(viewer, { limit: 20, type: 'series' });
 */
export class HistoryService {
  readonly #db: Db;
  readonly #catalog: CatalogService;

  constructor(db: Db, catalog: CatalogService) {
    this.#db = db;
    this.#catalog = catalog;
  }

  /** Every entry of a profile, hidden ones included (flagged), newest first. */
  async #allEntries(profileId: string): Promise<{ entries: RawEntry[]; hidden: Map<string, Date> }> {
    const [sessionRows, progressRows, hiddenRows] = await Promise.all([
      this.#db
        .select({
          id: playerSessions.id,
          titleId: playerSessions.titleId,
          episodeId: playerSessions.episodeId,
          authSessionId: playerSessions.authSessionId,
          device: playerSessions.device,
          position: playerSessions.position,
          duration: playerSessions.duration,
          stats: playerSessions.stats,
          eventsReceived: playerSessions.eventsReceived,
          createdAt: playerSessions.createdAt,
          lastEventAt: playerSessions.lastEventAt,
        })
        .from(playerSessions)
        .where(eq(playerSessions.profileId, profileId)),
      this.#db.select().from(progress).where(eq(progress.profileId, profileId)),
      this.#db
        .select({ entryId: historyHidden.entryId, hiddenAt: historyHidden.hiddenAt })
        .from(historyHidden)
        .where(eq(historyHidden.profileId, profileId)),
    ]);
    const watched = sessionRows.filter((s) => s.eventsReceived > 0);
    const ids = watched.map((s) => s.id);
    const authIds = [...new Set(watched.map((s) => s.authSessionId).filter((x): x is string => !!x))];
    const [endedRows, deviceRows] = await Promise.all([
      ids.length
        ? this.#db
            .select({ sessionId: playerEvents.sessionId, details: playerEvents.details })
            .from(playerEvents)
            .where(and(inArray(playerEvents.sessionId, ids), eq(playerEvents.type, 'ended')))
        : [],
      authIds.length
        ? this.#db
            .select({ sessionId: sessions.id, id: devices.id, name: devices.name, type: devices.type })
            .from(sessions)
            .innerJoin(devices, eq(devices.id, sessions.deviceId))
            .where(inArray(sessions.id, authIds))
        : [],
    ]);
    const finished = new Set(
      endedRows
        .filter((e) => {
          const reason = (e.details as { reason?: string } | null)?.reason;
          return !reason || reason === 'completed' || reason === 'next';
        })
        .map((e) => e.sessionId),
    );
    const deviceBySession = new Map(deviceRows.map((d) => [d.sessionId, d]));

    // Sessions, oldest first, folded into one entry per title/episode and UTC day.
    watched.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const byId = new Map<string, RawEntry>();
    const keyOf = (titleId: string, episodeId: string) => `${titleId}\u0001${episodeId}`;
    const latestByKey = new Map<string, RawEntry>();
    for (const s of watched) {
      const episodeId = s.episodeId ?? '';
      const day = utcDay(s.createdAt);
      const id = derivedId('hst', profileId, s.titleId, episodeId, day);
      const duration = Math.max(0, s.duration);
      const position = Math.max(0, Math.min(s.position ?? 0, duration || (s.position ?? 0)));
      const done = finished.has(s.id) || (duration > 0 && position >= duration * COMPLETE_AT);
      const seconds = Math.max(0, Number((s.stats as { watch?: number } | null)?.watch ?? 0));
      const at = s.lastEventAt ?? s.createdAt;
      const device = deviceOf(
        deviceBySession.get(s.authSessionId ?? ''),
        s.device as { kind?: unknown; os?: unknown; browser?: unknown },
      );
      const entry = byId.get(id);
      if (entry) {
        if (at.getTime() > entry.watchedAt.getTime()) entry.watchedAt = at;
        entry.position = done ? duration : position;
        entry.duration = duration;
        entry.completed = entry.completed || done;
        entry.watchedSeconds += seconds;
        entry.device = device;
      } else {
        const fresh: RawEntry = {
          id,
          titleId: s.titleId,
          episodeId,
          day,
          startedAt: s.createdAt,
          watchedAt: at,
          position: done ? duration : position,
          duration,
          completed: done,
          watchedSeconds: seconds,
          device,
        };
        byId.set(id, fresh);
        latestByKey.set(keyOf(s.titleId, episodeId), fresh);
      }
    }
    // Progress is the truth for the latest viewing; a title watched before the player kept
    // sessions (the demo's seeded history) has an entry from its progress alone.
    for (const p of progressRows) {
      const latest = latestByKey.get(keyOf(p.titleId, p.episodeId));
      const duration = Math.max(0, p.duration);
      const position = p.completed ? duration : Math.max(0, Math.min(p.position, duration || p.position));
      if (latest) {
        if (p.updatedAt.getTime() >= latest.watchedAt.getTime() - 60_000) {
          latest.completed = latest.completed || p.completed;
          latest.position = latest.completed ? latest.duration || duration : position;
        }
        continue;
      }
      const day = utcDay(p.updatedAt);
      const seconds = Math.min(position, duration || position);
      byId.set(derivedId('hst', profileId, p.titleId, p.episodeId, day), {
        id: derivedId('hst', profileId, p.titleId, p.episodeId, day),
        titleId: p.titleId,
        episodeId: p.episodeId,
        day,
        startedAt: new Date(Math.max(0, p.updatedAt.getTime() - seconds * 1000)),
        watchedAt: p.updatedAt,
        position,
        duration,
        completed: p.completed,
        watchedSeconds: seconds,
        device: UNKNOWN_DEVICE,
      });
    }
    const entries = [...byId.values()].sort(
      (a, b) => b.watchedAt.getTime() - a.watchedAt.getTime() || (a.id < b.id ? -1 : 1),
    );
    return { entries, hidden: new Map(hiddenRows.map((h) => [h.entryId, h.hiddenAt])) };
  }

  /** The visible entries (not hidden, titles the profile may see), newest first. */
  async entries(viewer: ProfileViewer): Promise<RawEntry[]> {
    const [{ entries, hidden }, snap] = await Promise.all([
      this.#allEntries(viewer.profileId),
      this.#catalog.snapshot(),
    ]);
    const now = this.#catalog.now();
    return entries.filter((e) => {
      if (hidden.has(e.id)) return false;
      const t = snap.titles.get(e.titleId);
      return !!t && this.#catalog.isVisible(t, viewer, now);
    });
  }

  /** Shapes entries for the contract (title cards personalised, episodes resolved). */
  async #shape(viewer: ProfileViewer, list: RawEntry[]): Promise<HistoryEntry[]> {
    if (!list.length) return [];
    const snap = await this.#catalog.snapshot();
    const summaries = new Map<string, TitleSummary>();
    for (const e of list) {
      const t = snap.titles.get(e.titleId);
      if (t && !summaries.has(t.id)) summaries.set(t.id, this.#catalog.summaryOf(snap, t, viewer.region));
    }
    const cards = await this.#catalog.personalize([...summaries.values()], viewer);
    for (const c of cards) summaries.set(c.id, c);
    const episodes = await this.#episodes(list);
    return list.map((e) => ({
      id: e.id,
      title: summaries.get(e.titleId) as TitleSummary,
      episode: e.episodeId ? (episodes.get(e.episodeId) ?? null) : null,
      position: round(e.position),
      duration: round(e.duration),
      fraction: e.completed ? 1 : e.duration > 0 ? Math.min(1, Math.round((e.position / e.duration) * 1000) / 1000) : 0,
      completed: e.completed,
      started_at: iso(e.startedAt),
      watched_at: iso(e.watchedAt),
      watched_seconds: round(e.watchedSeconds),
      device: e.device,
    }));
  }

  async #episodes(list: { titleId: string; episodeId: string }[]): Promise<Map<string, EpisodeRef>> {
    const snap = await this.#catalog.snapshot();
    const out = new Map<string, EpisodeRef>();
    const titleIds = [...new Set(list.filter((e) => e.episodeId).map((e) => e.titleId))];
    for (const titleId of titleIds) {
      for (const r of await this.#catalog.episodeRecords(snap, titleId)) {
        out.set(r.id, {
          id: r.id,
          season_number: r.seasonNumber,
          number: r.number,
          name: r.name,
          runtime_seconds: r.runtimeSeconds,
          still: episodeStill(r.id),
          filler: r.filler ?? null,
        });
      }
    }
    return out;
  }

  #inRange(at: Date, range: RangeQuery): boolean {
    if (range.from && at.getTime() < Date.parse(range.from)) return false;
    if (range.to && at.getTime() >= Date.parse(range.to)) return false;
    return true;
  }

  #typeOf(snapTitle: { row: { type: TitleType } } | undefined): TitleType | null {
    return snapTitle?.row.type ?? null;
  }

  /** GET /users/{profile_id}/history/streams */
  async streams(
    viewer: ProfileViewer,
    query: RangeQuery & { cursor?: string; limit?: number; type?: TitleType; title_id?: string },
  ) {
    const snap = await this.#catalog.snapshot();
    const matching = (await this.entries(viewer)).filter(
      (e) =>
        this.#inRange(e.watchedAt, query) &&
        (!query.type || this.#typeOf(snap.titles.get(e.titleId)) === query.type) &&
        (!query.title_id || e.titleId === query.title_id),
    );
    const page = keyedPage(
      matching,
      (e) => e.watchedAt.getTime(),
      (e) => e.id,
      'desc',
      query.cursor,
      query.limit ?? DEFAULT_PAGE,
    );
    return { items: await this.#shape(viewer, page.items), next_cursor: page.next_cursor };
  }

  /**
   * GET /users/{profile_id}/history/downloads. Offline downloads (§10) are not recorded by this
   * server yet, so the list is empty until they are.
   */
  async downloads(_viewer: ProfileViewer, _query: unknown) {
    return { items: [], next_cursor: null };
  }

  /** The activity feed: started and finished (from the entries), added to the list, reviewed. */
  async #activities(viewer: ProfileViewer, entries: RawEntry[]): Promise<RawActivity[]> {
    const out: RawActivity[] = [];
    const firstByKey = new Map<string, RawEntry>();
    for (const e of entries) {
      const key = `${e.titleId}\u0001${e.episodeId}`;
      const seen = firstByKey.get(key);
      if (!seen || e.startedAt < seen.startedAt) firstByKey.set(key, e);
    }
    for (const e of firstByKey.values()) {
      out.push({
        id: derivedId('act', e.id, 'started'),
        kind: 'started',
        at: e.startedAt,
        titleId: e.titleId,
        episodeId: e.episodeId,
        device: e.device,
      });
    }
    for (const e of entries) {
      if (!e.completed) continue;
      out.push({
        id: derivedId('act', e.id, 'completed'),
        kind: 'completed',
        at: e.watchedAt,
        titleId: e.titleId,
        episodeId: e.episodeId,
        device: e.device,
      });
    }
    const listed = await this.#db
      .select({ titleId: watchlistItems.titleId, addedAt: watchlistItems.addedAt })
      .from(watchlistItems)
      .where(eq(watchlistItems.profileId, viewer.profileId));
    const snap = await this.#catalog.snapshot();
    const now = this.#catalog.now();
    for (const w of listed) {
      const t = snap.titles.get(w.titleId);
      if (!t || !this.#catalog.isVisible(t, viewer, now)) continue;
      out.push({
        id: derivedId('act', viewer.profileId, w.titleId, 'listed', iso(w.addedAt)),
        kind: 'added_to_watchlist',
        at: w.addedAt,
        titleId: w.titleId,
        episodeId: '',
        device: null,
      });
    }
    const written = await this.#db
      .select({ id: reviews.id, titleId: reviews.titleId, rating: reviews.rating, createdAt: reviews.createdAt })
      .from(reviews)
      .where(and(eq(reviews.profileId, viewer.profileId), isNull(reviews.deletedAt)));
    for (const r of written) {
      const t = snap.titles.get(r.titleId);
      if (!t || !this.#catalog.isVisible(t, viewer, now)) continue;
      out.push({
        id: derivedId('act', r.id, 'reviewed'),
        kind: 'reviewed',
        at: r.createdAt,
        titleId: r.titleId,
        episodeId: '',
        device: null,
        rating: r.rating,
        reviewId: r.id,
      });
    }
    return out;
  }

  async #shapeActivities(viewer: ProfileViewer, list: RawActivity[]): Promise<HistoryActivityItem[]> {
    if (!list.length) return [];
    const snap = await this.#catalog.snapshot();
    const episodes = await this.#episodes(list);
    return list.flatMap((a) => {
      const t = snap.titles.get(a.titleId);
      if (!t) return [];
      return [
        {
          id: a.id,
          kind: a.kind,
          occurred_at: iso(a.at),
          title: this.#catalog.summaryOf(snap, t, viewer.region),
          episode: a.episodeId ? (episodes.get(a.episodeId) ?? null) : null,
          rating: a.rating ?? null,
          review_id: a.reviewId ?? null,
          folder: null,
          device: a.device,
        },
      ];
    });
  }

  /** GET /users/{profile_id}/history/activity */
  async activity(
    viewer: ProfileViewer,
    query: RangeQuery & { cursor?: string; limit?: number; kind?: HistoryActivityKind },
  ) {
    const all = await this.#activities(viewer, await this.entries(viewer));
    const matching = all.filter((a) => this.#inRange(a.at, query) && (!query.kind || a.kind === query.kind));
    const page = keyedPage(
      matching,
      (a) => a.at.getTime(),
      (a) => a.id,
      'desc',
      query.cursor,
      query.limit ?? DEFAULT_PAGE,
    );
    return { items: await this.#shapeActivities(viewer, page.items), next_cursor: page.next_cursor };
  }

  /** GET /users/{profile_id}/history/stats */
  async stats(viewer: ProfileViewer, query: { period?: HistoryStats['period']; tz?: string }): Promise<HistoryStats> {
    const period = query.period ?? '12w';
    const tz = query.tz ?? 'UTC';
    formatterFor(tz);
    const nowDate = new Date(this.#catalog.now());
    const all = await this.entries(viewer);
    const snap = await this.#catalog.snapshot();
    const thisWeek = mondayOf(localDay(nowDate, tz));
    const firstEntry = all.reduce<RawEntry | null>((m, e) => (!m || e.startedAt < m.startedAt ? e : m), null);
    let firstWeek: string;
    if (period === 'all') {
      firstWeek = firstEntry ? mondayOf(localDay(firstEntry.startedAt, tz)) : thisWeek;
      // At most ten years of weeks.
      const floor = addDays(thisWeek, -7 * 519);
      if (firstWeek < floor) firstWeek = floor;
    } else {
      firstWeek = addDays(thisWeek, -7 * (Number.parseInt(period, 10) - 1));
    }
    const from = period === 'all' && !firstEntry ? null : startOfLocalDay(firstWeek, tz);
    const inPeriod = all.filter((e) => !from || e.watchedAt >= from);

    const weeks = new Map<string, { seconds: number; titles: Set<string> }>();
    for (let w = firstWeek; w <= thisWeek; w = addDays(w, 7)) weeks.set(w, { seconds: 0, titles: new Set() });
    const genres = new Map<string, { name: string; seconds: number; titles: Set<string> }>();
    const byType = new Map<TitleType, number>([
      ['film', 0],
      ['series', 0],
      ['anime', 0],
    ]);
    const days = new Set<string>();
    const titles = new Set<string>();
    const films = new Set<string>();
    const episodes = new Set<string>();
    const started = new Set<string>();
    const finished = new Set<string>();
    let total = 0;
    for (const e of inPeriod) {
      const t = snap.titles.get(e.titleId);
      const day = localDay(e.watchedAt, tz);
      days.add(day);
      const week = weeks.get(mondayOf(day));
      if (week) {
        week.seconds += e.watchedSeconds;
        week.titles.add(e.titleId);
      }
      total += e.watchedSeconds;
      titles.add(e.titleId);
      if (e.episodeId) episodes.add(e.episodeId);
      else films.add(e.titleId);
      const key = `${e.titleId}\u0001${e.episodeId}`;
      started.add(key);
      if (e.completed) finished.add(key);
      if (t) {
        byType.set(t.row.type, (byType.get(t.row.type) ?? 0) + e.watchedSeconds);
        for (const g of t.genres) {
          const entry = genres.get(g.slug) ?? { name: g.name, seconds: 0, titles: new Set<string>() };
          entry.seconds += e.watchedSeconds;
          entry.titles.add(e.titleId);
          genres.set(g.slug, entry);
        }
      }
    }
    // Streaks over local days with any viewing (all time).
    const allDays = [...new Set(all.map((e) => localDay(e.watchedAt, tz)))].sort();
    let longest = 0;
    let run = 0;
    let prev: string | null = null;
    for (const d of allDays) {
      run = prev && addDays(prev, 1) === d ? run + 1 : 1;
      longest = Math.max(longest, run);
      prev = d;
    }
    const today = localDay(nowDate, tz);
    const last = allDays[allDays.length - 1];
    const current = last && (last === today || addDays(last, 1) === today) ? run : 0;
    return {
      period,
      from: from ? iso(from) : null,
      to: iso(nowDate),
      totals: {
        seconds_watched: round(total),
        titles: titles.size,
        films: films.size,
        episodes: episodes.size,
        downloads: 0,
        active_days: days.size,
      },
      completion_rate: started.size ? Math.round((finished.size / started.size) * 1000) / 1000 : 0,
      per_week: [...weeks].map(([week_start, w]) => ({
        week_start,
        seconds: round(w.seconds),
        titles: w.titles.size,
      })),
      top_genres: [...genres]
        .sort((a, b) => b[1].seconds - a[1].seconds || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([slug, g]) => ({
          genre: { slug, name: g.name },
          seconds: round(g.seconds),
          share: total > 0 ? Math.min(1, Math.round((g.seconds / total) * 1000) / 1000) : 0,
          titles: g.titles.size,
        })),
      by_type: [...byType].map(([type, seconds]) => ({ type, seconds: round(seconds) })),
      longest_streak_days: longest,
      current_streak_days: current,
      first_watched_at: firstEntry ? iso(firstEntry.startedAt) : null,
    };
  }

  /** POST /users/{profile_id}/history/export: the document, and the file's name and type. */
  async export(
    viewer: ProfileViewer,
    body: HistoryExportBody,
  ): Promise<{ document: HistoryExportDocument; filename: string; contentType: string; content: string }> {
    const sections = new Set(body.sections ?? ['streams', 'downloads', 'activity']);
    const range = { from: body.from, to: body.to };
    const [profile] = await this.#db
      .select({ id: profiles.id, name: profiles.name })
      .from(profiles)
      .where(eq(profiles.id, viewer.profileId));
    if (!profile) throw notFound('That profile');
    const snap = await this.#catalog.snapshot();
    const entries = await this.entries(viewer);
    const episodes = await this.#episodes(entries);
    const rows: HistoryExportRow[] = [];
    const base = (titleId: string, episodeId: string) => {
      const t = snap.titles.get(titleId);
      const ep = episodeId ? episodes.get(episodeId) : undefined;
      return {
        title_id: titleId,
        title_name: t?.row.name ?? titleId,
        title_type: t?.row.type ?? 'film',
        season_number: ep?.season_number ?? null,
        episode_number: ep?.number ?? null,
        episode_name: ep?.name ?? null,
      };
    };
    if (sections.has('streams')) {
      for (const e of entries) {
        if (!this.#inRange(e.watchedAt, range)) continue;
        rows.push({
          section: 'streams',
          kind: e.completed ? 'completed' : 'in_progress',
          occurred_at: iso(e.watchedAt),
          ...base(e.titleId, e.episodeId),
          position: round(e.position),
          duration: round(e.duration),
          completed: e.completed,
          rating: null,
          device_name: e.device.name,
        });
      }
    }
    if (sections.has('activity')) {
      const acts = (await this.#activities(viewer, entries))
        .filter((a) => this.#inRange(a.at, range))
        .sort((a, b) => b.at.getTime() - a.at.getTime());
      for (const a of acts) {
        rows.push({
          section: 'activity',
          kind: a.kind,
          occurred_at: iso(a.at),
          ...base(a.titleId, a.episodeId),
          position: null,
          duration: null,
          completed: null,
          rating: null,
          device_name: a.device?.name ?? null,
        });
      }
    }
    const now = new Date(this.#catalog.now());
    const document: HistoryExportDocument = {
      format: 'reel.history',
      version: 1,
      exported_at: iso(now),
      profile: { id: profile.id, name: profile.name },
      from: body.from ?? null,
      to: body.to ?? null,
      rows,
    };
    const slug =
      profile.name
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'profile';
    const filename = `reel-history-${slug}-${utcDay(now)}.${body.format}`;
    return body.format === 'csv'
      ? { document, filename, contentType: 'text/csv; charset=utf-8', content: toCsv(rows) }
      : {
          document,
          filename,
          contentType: 'application/json; charset=utf-8',
          content: `${JSON.stringify(document, null, 2)}\n`,
        };
  }

  /**
   * DELETE /users/{profile_id}/history/streams/{entry_id}: hides the entry. When it is the latest
   * viewing of its title or episode, its progress row is taken out too (kept to restore), so
   * Continue Watching and recommendations forget it. Hiding twice is no error.
   */
  async hide(viewer: ProfileViewer, entryId: string): Promise<void> {
    const { entries, hidden } = await this.#allEntries(viewer.profileId);
    if (hidden.has(entryId)) return;
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw notFound('That history entry');
    const latest = entries.find((e) => e.titleId === entry.titleId && e.episodeId === entry.episodeId);
    let stash: { position: number; duration: number; completed: boolean; updatedAt: string } | null = null;
    if (latest?.id === entry.id) {
      const removed = await this.#db
        .delete(progress)
        .where(
          and(
            eq(progress.profileId, viewer.profileId),
            eq(progress.titleId, entry.titleId),
            eq(progress.episodeId, entry.episodeId),
          ),
        )
        .returning();
      const row = removed[0];
      if (row) {
        stash = {
          position: row.position,
          duration: row.duration,
          completed: row.completed,
          updatedAt: iso(row.updatedAt),
        };
      }
    }
    await this.#db
      .insert(historyHidden)
      .values({
        profileId: viewer.profileId,
        entryId,
        titleId: entry.titleId,
        episodeId: entry.episodeId,
        day: entry.day,
        progress: stash,
        hiddenAt: new Date(this.#catalog.now()),
      })
      .onConflictDoNothing();
  }

  /** POST …/streams/{entry_id}/restore: shows a hidden entry again (410 after 30 days). */
  async restore(viewer: ProfileViewer, entryId: string): Promise<HistoryEntry> {
    const [row] = await this.#db
      .select()
      .from(historyHidden)
      .where(and(eq(historyHidden.profileId, viewer.profileId), eq(historyHidden.entryId, entryId)));
    if (row) {
      if (this.#catalog.now() - row.hiddenAt.getTime() > HISTORY_RESTORE_WINDOW_MS) {
        throw new HttpError(410, 'gone', 'That entry was removed more than 30 days ago and cannot be restored');
      }
      const stash = row.progress;
      if (stash) {
        const updatedAt = new Date(stash.updatedAt);
        const values = {
          profileId: viewer.profileId,
          titleId: row.titleId,
          episodeId: row.episodeId,
          position: stash.position,
          duration: stash.duration,
          completed: stash.completed,
          updatedAt,
        };
        // A newer viewing since (the player wrote progress again) keeps its own row.
        await this.#db.insert(progress).values(values).onConflictDoNothing();
      }
      await this.#db
        .delete(historyHidden)
        .where(and(eq(historyHidden.profileId, viewer.profileId), eq(historyHidden.entryId, entryId)));
    }
    const entry = (await this.entries(viewer)).find((e) => e.id === entryId);
    if (!entry) throw notFound('That history entry');
    return (await this.#shape(viewer, [entry]))[0] as HistoryEntry;
  }
}
