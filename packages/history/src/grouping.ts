import type { HistoryEntry } from '@reel/contracts';

/** Entries watched on one local day, newest first, with the time watched that day. */
export interface DayGroup {
  /** `YYYY-MM-DD` in the viewer's time zone. */
  key: string;
  /** Local midnight of that day. */
  date: Date;
  entries: HistoryEntry[];
  watchedSeconds: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of an instant, `YYYY-MM-DD` (the browser's time zone). */
export function localDayKey(value: Date | string | number): string {
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Groups entries (newest first) by the local day they were watched. */
export function groupByDay(entries: readonly HistoryEntry[]): DayGroup[] {
  const groups: DayGroup[] = [];
  const byKey = new Map<string, DayGroup>();
  for (const entry of entries) {
    const at = new Date(entry.watched_at);
    const key = localDayKey(at);
    let group = byKey.get(key);
    if (!group) {
      group = {
        key,
        date: new Date(at.getFullYear(), at.getMonth(), at.getDate()),
        entries: [],
        watchedSeconds: 0,
      };
      byKey.set(key, group);
      groups.push(group);
    }
    group.entries.push(entry);
    group.watchedSeconds += entry.watched_seconds;
  }
  return groups;
}

/** The date-range filter's choices. */
export type RangeChoice = 'all' | '7d' | '30d' | '90d' | '365d';
export const RANGE_CHOICES: readonly RangeChoice[] = ['all', '7d', '30d', '90d', '365d'];

/** Where a range starts (local midnight, `days` days back including today), or undefined for all. */
export function rangeStart(range: RangeChoice, now = new Date()): string | undefined {
  if (range === 'all') return undefined;
  const days = Number.parseInt(range, 10);
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return start.toISOString();
}
