import { createHash } from 'node:crypto';
import type {
  ClientErrorBatch,
  ClientErrorGroup,
  ObservabilityWindow,
  WebVitalBatch,
  WebVitalName,
  WebVitalsReport,
} from '@reel/contracts';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { opsClientErrors, opsWebVitals } from '../../db/schema/index.js';
import type { Principal } from '../../http/principal.js';
import { WINDOW_SECONDS } from './metrics.js';

// Client errors and web vitals reported by the elements through the kit (§30).

/** Reports from one client: 120 items a minute, refilled evenly; the rest are dropped, not refused. */
const PER_MINUTE = 120;
const RETAIN_DAYS = 30;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The first stack line that names a place (`at x (file:1:2)` or `x@file:1:2`), without its column. */
function topFrame(stack: string | undefined): string {
  if (!stack) return '';
  const line = stack.split('\n').find((l) => /(\bat\s|@).*:\d+/.test(l));
  return (line ?? '').trim().replace(/:\d+\)?$/, '');
}

/** The grouping key: name, message (numbers masked) and top stack frame. */
export function fingerprintOf(e: { name: string; message: string; stack?: string }): string {
  return sha(`${e.name}\n${e.message.replace(/\d+/g, '#')}\n${topFrame(e.stack)}`).slice(0, 16);
}

const stripQuery = (url: string) => url.replace(/[?#].*$/, '');

/** Tuned to the p75 thresholds of web.dev for each metric. */
const GOOD: Record<WebVitalName, [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};
const NAMES: WebVitalName[] = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
  return Math.round((sorted[i] as number) * 1000) / 1000;
}

export class Telemetry {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends up to `n` tokens of the client's bucket; answers how many were granted. */
  #take(key: string, n: number): number {
    const now = this.now();
    const b = this.#buckets.get(key) ?? { tokens: PER_MINUTE, at: now };
    b.tokens = Math.min(PER_MINUTE, b.tokens + ((now - b.at) / 60_000) * PER_MINUTE);
    b.at = now;
    const granted = Math.max(0, Math.min(n, Math.floor(b.tokens)));
    b.tokens -= granted;
    this.#buckets.set(key, b);
    if (this.#buckets.size > 10_000) {
      for (const [k, v] of this.#buckets) if (now - v.at > 60_000) this.#buckets.delete(k);
    }
    return granted;
  }

  #client(principal: Principal | null, request: FastifyRequest) {
    const ua = String(request.headers['user-agent'] ?? '').slice(0, 400);
    const userKey = principal?.userId ?? `anon:${sha(`${request.ip}\n${ua}`).slice(0, 16)}`;
    return { ua, userKey, limitKey: principal?.userId ?? request.ip };
  }

  async reportErrors(batch: ClientErrorBatch, principal: Principal | null, request: FastifyRequest) {
    const { ua, userKey, limitKey } = this.#client(principal, request);
    const granted = this.#take(limitKey, batch.errors.length);
    const kept = batch.errors.slice(0, granted);
    if (kept.length) {
      await this.db.insert(opsClientErrors).values(
        kept.map((e) => ({
          fingerprint: fingerprintOf(e),
          name: e.name,
          message: e.message,
          source: e.source,
          element: e.element ?? null,
          elementVersion: e.element_version ?? null,
          stack: e.stack ?? null,
          url: stripQuery(e.url),
          operation: e.operation ?? null,
          release: e.release ?? null,
          userAgent: ua,
          userKey,
          occurredAt: this.#when(e.occurred_at),
          receivedAt: new Date(this.now()),
        })),
      );
      await this.#prune();
    }
    return { accepted: kept.length, dropped: batch.errors.length - kept.length };
  }

  async reportVitals(batch: WebVitalBatch, principal: Principal | null, request: FastifyRequest) {
    const { limitKey } = this.#client(principal, request);
    const granted = this.#take(limitKey, batch.items.length);
    const kept = batch.items.slice(0, granted);
    let accepted = 0;
    if (kept.length) {
      const rows = await this.db
        .insert(opsWebVitals)
        .values(
          kept.map((v) => ({
            name: v.name,
            // Four decimals (a real column underflows on 1e-165).
            value: Math.round(v.value * 10_000) / 10_000,
            rating: v.rating,
            sampleId: v.id,
            page: v.page,
            navigationType: v.navigation_type ?? null,
            attribution: v.attribution ?? null,
            device: v.device ?? null,
            effectiveConnection: v.effective_connection ?? null,
            release: v.release ?? null,
            receivedAt: new Date(this.now()),
          })),
        )
        .onConflictDoNothing()
        .returning({ id: opsWebVitals.id });
      accepted = rows.length;
    }
    return { accepted, dropped: batch.items.length - accepted };
  }

  /** The client's clock, unless it is more than a day off (or a month old): then the arrival. */
  #when(iso: string): Date {
    const t = Date.parse(iso);
    const now = this.now();
    return Number.isFinite(t) && t <= now + 86_400_000 && t >= now - RETAIN_DAYS * 86_400_000
      ? new Date(t)
      : new Date(now);
  }

  /** Occasionally drops reports older than the retention (one in 50 writes). */
  async #prune() {
    if (Math.random() > 0.02) return;
    const before = new Date(this.now() - RETAIN_DAYS * 86_400_000);
    await this.db.delete(opsClientErrors).where(lt(opsClientErrors.receivedAt, before));
    await this.db.delete(opsWebVitals).where(lt(opsWebVitals.receivedAt, before));
  }

  async errorGroups(query: {
    window?: ObservabilityWindow;
    element?: string;
    release?: string;
    cursor?: string;
    limit?: number;
  }): Promise<{ items: ClientErrorGroup[]; next_cursor: string | null }> {
    const since = new Date(this.now() - WINDOW_SECONDS[query.window ?? '1h'] * 1000);
    const where: SQL[] = [gte(opsClientErrors.receivedAt, since)];
    if (query.element) where.push(eq(opsClientErrors.element, query.element));
    if (query.release) where.push(eq(opsClientErrors.release, query.release));
    const limit = query.limit ?? 25;
    const offset = Math.max(0, Number.parseInt(query.cursor ?? '0', 10) || 0);
    const t = opsClientErrors;
    const groups = await this.db
      .select({
        fingerprint: t.fingerprint,
        count: sql<number>`count(*)::int`,
        users: sql<number>`count(distinct ${t.userKey})::int`,
        firstSeen: sql<Date>`min(${t.occurredAt})`,
        lastSeen: sql<Date>`max(${t.occurredAt})`,
        releases: sql<(string | null)[]>`array_agg(distinct ${t.release})`,
        latest: sql<number>`max(${t.id})`,
      })
      .from(t)
      .where(and(...where))
      .groupBy(t.fingerprint)
      .orderBy(desc(sql`count(*)`), desc(sql`max(${t.id})`))
      .limit(limit + 1)
      .offset(offset);
    const more = groups.length > limit;
    const items: ClientErrorGroup[] = [];
    for (const g of groups.slice(0, limit)) {
      const [s] = await this.db
        .select()
        .from(t)
        .where(eq(t.id, Number(g.latest)));
      if (!s) continue;
      items.push({
        fingerprint: g.fingerprint,
        name: s.name,
        message: s.message,
        source: s.source,
        element: s.element,
        count: Number(g.count),
        users: Number(g.users),
        first_seen: new Date(g.firstSeen).toISOString(),
        last_seen: new Date(g.lastSeen).toISOString(),
        releases: (g.releases ?? []).filter((r): r is string => !!r),
        sample: {
          stack: s.stack,
          url: s.url,
          user_agent: s.userAgent,
          element_version: s.elementVersion,
          occurred_at: s.occurredAt.toISOString(),
        },
      });
    }
    return { items, next_cursor: more ? String(offset + limit) : null };
  }

  async vitals(query: { window?: ObservabilityWindow; page?: string; name?: WebVitalName }): Promise<WebVitalsReport> {
    const window = query.window ?? '1h';
    const to = this.now();
    const from = to - WINDOW_SECONDS[window] * 1000;
    const where: SQL[] = [gte(opsWebVitals.receivedAt, new Date(from))];
    if (query.page) where.push(eq(opsWebVitals.page, query.page));
    if (query.name) where.push(eq(opsWebVitals.name, query.name));
    const rows = await this.db
      .select({
        name: opsWebVitals.name,
        value: opsWebVitals.value,
        rating: opsWebVitals.rating,
        page: opsWebVitals.page,
        at: opsWebVitals.receivedAt,
      })
      .from(opsWebVitals)
      .where(and(...where))
      .limit(50_000);
    const byName = new Map<WebVitalName, typeof rows>();
    for (const r of rows) {
      const list = byName.get(r.name as WebVitalName) ?? [];
      list.push(r);
      byName.set(r.name as WebVitalName, list);
    }
    const metrics = NAMES.filter((n) => byName.has(n)).map((name) => {
      const list = byName.get(name) ?? [];
      const values = list.map((r) => r.value).sort((a, b) => a - b);
      const share = (rating: string) =>
        Math.round((list.filter((r) => r.rating === rating).length / list.length) * 1000) / 1000;
      const p75 = pct(values, 0.75);
      const [good, poor] = GOOD[name];
      return {
        name,
        samples: list.length,
        p50: pct(values, 0.5),
        p75,
        p95: pct(values, 0.95),
        rating: p75 <= good ? ('good' as const) : p75 <= poor ? ('needs-improvement' as const) : ('poor' as const),
        good: share('good'),
        needs_improvement: share('needs-improvement'),
        poor: share('poor'),
      };
    });
    const pages = new Map<string, typeof rows>();
    for (const r of rows) pages.set(r.page, [...(pages.get(r.page) ?? []), r]);
    const buckets = 24;
    const slice = (to - from) / buckets;
    const timeline: WebVitalsReport['timeline'] = [];
    for (const [name, list] of byName) {
      for (let i = 0; i < buckets; i++) {
        const inSlice = list
          .filter((r) => {
            const t = r.at.getTime();
            return t >= from + i * slice && (i === buckets - 1 ? t <= to : t < from + (i + 1) * slice);
          })
          .map((r) => r.value)
          .sort((a, b) => a - b);
        if (inSlice.length)
          timeline.push({
            at: new Date(from + i * slice).toISOString(),
            name,
            p75: pct(inSlice, 0.75),
            samples: inSlice.length,
          });
      }
    }
    return {
      window,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      metrics,
      pages: [...pages]
        .map(([page, list]) => {
          const p75 = (name: WebVitalName) => {
            const v = list
              .filter((r) => r.name === name)
              .map((r) => r.value)
              .sort((a, b) => a - b);
            return v.length ? pct(v, 0.75) : null;
          };
          return {
            page,
            samples: list.length,
            p75: { LCP: p75('LCP'), INP: p75('INP'), CLS: p75('CLS'), FCP: p75('FCP'), TTFB: p75('TTFB') },
          };
        })
        .sort((a, b) => b.samples - a.samples)
        .slice(0, 50),
      timeline,
    };
  }
}
