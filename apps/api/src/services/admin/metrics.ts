import type { ObservabilityWindow, RouteStats, RouteStatsReport } from '@reel/contracts';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { playerSessions } from '../../db/schema/index.js';

// Request metrics (§30): a Prometheus registry of its own per app (tests build many apps) and a
// rolling per-minute store for the observability routes (rates, error rates, percentiles).

export const WINDOW_SECONDS: Record<ObservabilityWindow, number> = {
  '5m': 300,
  '15m': 900,
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 24 * 3600,
  '7d': 7 * 24 * 3600,
};

/** Latency buckets for percentiles: 0.25 ms growing by 12 % a step, up to ~2 minutes. */
const EDGES: number[] = [];
for (let v = 0.25; v < 120_000; v *= 1.12) EDGES.push(v);
EDGES.push(Number.POSITIVE_INFINITY);

const bucketOf = (ms: number) => {
  let lo = 0;
  let hi = EDGES.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms <= (EDGES[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

interface Cell {
  method: string;
  route: string;
  operation: string | null;
  requests: number;
  errors: number;
  clientErrors: number;
  hist: Uint32Array;
}

const newHist = () => new Uint32Array(EDGES.length);

/** The pth percentile (0–1) of a latency histogram, in ms (the bucket's upper edge, 2 decimals). */
export function percentile(hist: Uint32Array, p: number): number {
  let total = 0;
  for (const n of hist) total += n;
  if (!total) return 0;
  const rank = Math.ceil(total * p);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i] as number;
    if (seen >= rank) {
      const edge = EDGES[i] as number;
      return Math.round((Number.isFinite(edge) ? edge : (EDGES[i - 1] as number)) * 100) / 100;
    }
  }
  return 0;
}

const addInto = (into: Uint32Array, from: Uint32Array) => {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] as number) + (from[i] as number);
};

/** Per-minute cells for 7 days and a bit; older minutes are dropped as new ones open. */
export class RouteWindowStore {
  readonly #minutes = new Map<number, Map<string, Cell>>();
  readonly #keep = WINDOW_SECONDS['7d'] / 60 + 2;
  #oldest = Number.POSITIVE_INFINITY;

  record(method: string, route: string, operation: string | null, status: number, ms: number, now = Date.now()) {
    const minute = Math.floor(now / 60_000);
    let cells = this.#minutes.get(minute);
    if (!cells) {
      cells = new Map();
      this.#minutes.set(minute, cells);
      if (minute < this.#oldest) this.#oldest = minute;
      this.#prune(minute);
    }
    const key = `${method} ${route}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { method, route, operation, requests: 0, errors: 0, clientErrors: 0, hist: newHist() };
      cells.set(key, cell);
    }
    cell.requests++;
    if (status >= 500) cell.errors++;
    else if (status >= 400) cell.clientErrors++;
    const b = bucketOf(ms);
    cell.hist[b] = (cell.hist[b] as number) + 1;
  }

  #prune(current: number) {
    for (const minute of this.#minutes.keys()) if (minute < current - this.#keep) this.#minutes.delete(minute);
  }

  /** Route stats over a window ending now, with a timeline of `buckets` equal slices. */
  report(
    window: ObservabilityWindow,
    options: { route?: string; sort?: 'requests' | 'errors' | 'error_rate' | 'p95' | 'p99' } = {},
    now = Date.now(),
    buckets = 30,
  ): RouteStatsReport {
    const seconds = WINDOW_SECONDS[window];
    const to = now;
    const from = now - seconds * 1000;
    const fromMinute = Math.floor(from / 60_000);
    const toMinute = Math.floor(to / 60_000);
    const byRoute = new Map<string, Cell>();
    const slice = (seconds * 1000) / buckets;
    const timeline = Array.from({ length: buckets }, (_, i) => ({
      at: new Date(from + i * slice).toISOString(),
      requests: 0,
      errors: 0,
      hist: newHist(),
    }));
    const totalHist = newHist();
    for (const [minute, cells] of this.#minutes) {
      if (minute < fromMinute || minute > toMinute) continue;
      const slot = timeline[Math.min(buckets - 1, Math.max(0, Math.floor((minute * 60_000 - from) / slice)))];
      for (const [key, c] of cells) {
        if (options.route && !c.route.includes(options.route)) continue;
        let agg = byRoute.get(key);
        if (!agg) {
          agg = { ...c, requests: 0, errors: 0, clientErrors: 0, hist: newHist() };
          byRoute.set(key, agg);
        }
        agg.requests += c.requests;
        agg.errors += c.errors;
        agg.clientErrors += c.clientErrors;
        addInto(agg.hist, c.hist);
        addInto(totalHist, c.hist);
        if (slot) {
          slot.requests += c.requests;
          slot.errors += c.errors;
          addInto(slot.hist, c.hist);
        }
      }
    }
    const items: RouteStats[] = [...byRoute.values()].map((c) => ({
      method: c.method,
      route: c.route,
      operation: c.operation,
      requests: c.requests,
      rate: round(c.requests / seconds, 4),
      errors: c.errors,
      client_errors: c.clientErrors,
      error_rate: c.requests ? round(c.errors / c.requests, 4) : 0,
      latency_ms: { p50: percentile(c.hist, 0.5), p95: percentile(c.hist, 0.95), p99: percentile(c.hist, 0.99) },
    }));
    const sort = options.sort ?? 'requests';
    const value = (s: RouteStats) =>
      sort === 'p95' ? s.latency_ms.p95 : sort === 'p99' ? s.latency_ms.p99 : (s[sort] as number);
    items.sort((a, b) => value(b) - value(a) || a.route.localeCompare(b.route));
    const requests = items.reduce((n, s) => n + s.requests, 0);
    const errors = items.reduce((n, s) => n + s.errors, 0);
    return {
      window,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      items,
      totals: {
        requests,
        rate: round(requests / seconds, 4),
        errors,
        error_rate: requests ? round(errors / requests, 4) : 0,
        latency_ms: {
          p50: percentile(totalHist, 0.5),
          p95: percentile(totalHist, 0.95),
          p99: percentile(totalHist, 0.99),
        },
      },
      timeline: timeline.map((b) => ({
        at: b.at,
        requests: b.requests,
        errors: b.errors,
        latency_ms: { p50: percentile(b.hist, 0.5), p95: percentile(b.hist, 0.95), p99: percentile(b.hist, 0.99) },
      })),
    };
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** What the app keeps for metrics: the registry, the instruments and the rolling store. */
export class OpsMetrics {
  readonly registry = new Registry();
  readonly routes = new RouteWindowStore();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  readonly errors: Counter<'method' | 'route'>;
  readonly clientReports: Counter<'kind'>;

  constructor(app: FastifyInstance) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'reel_' });
    this.requests = new Counter({
      name: 'reel_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'reel_http_request_duration_seconds',
      help: 'HTTP request latency by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'reel_http_errors_total',
      help: 'HTTP requests answered with a 5xx status, by method and route template',
      labelNames: ['method', 'route'],
      registers,
    });
    this.clientReports = new Counter({
      name: 'reel_client_reports_total',
      help: 'Client errors and web vitals reported by the elements',
      labelNames: ['kind'],
      registers,
    });
    new Gauge({
      name: 'reel_media_jobs',
      help: 'Media jobs in the queue by state (queued, running, failed in the last hour)',
      labelNames: ['state'],
      registers,
      async collect() {
        try {
          const q = await app.media.queue.stats();
          this.set({ state: 'queued' }, q.queued);
          this.set({ state: 'running' }, q.running);
          this.set({ state: 'failed_last_hour' }, q.failedLastHour);
        } catch {
          // The queue cannot be read: leave the last values (health says why).
        }
      },
    });
    new Gauge({
      name: 'reel_media_queue_oldest_age_seconds',
      help: 'Age of the oldest queued media job (0 when the queue is empty)',
      registers,
      async collect() {
        try {
          this.set((await app.media.queue.stats()).oldestQueuedAge ?? 0);
        } catch {}
      },
    });
    new Gauge({
      name: 'reel_active_streams',
      help: 'Playback sessions holding a concurrent-stream slot',
      registers,
      async collect() {
        const [row] = await app.db
          .select({ n: count() })
          .from(playerSessions)
          .where(and(eq(playerSessions.status, 'active')));
        this.set(row?.n ?? 0);
      },
    });
  }

  /** The onResponse side: one request answered. */
  observe(request: FastifyRequest, reply: FastifyReply): void {
    const template = request.routeOptions.url;
    const route = template ? template.replace(/:(\w+)/g, '{$1}') : '(unmatched)';
    const method = request.method;
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    const operation = (request.routeOptions.config as { endpoint?: { operation: string } } | undefined)?.endpoint
      ?.operation;
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, ms / 1000);
    if (status >= 500) this.errors.inc({ method, route });
    this.routes.record(method, route, operation ?? null, status, ms);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    opsMetrics: OpsMetrics;
  }
}

/** Decorates the app with its metrics and counts every answer (added before any route). */
export function registerRequestMetrics(app: FastifyInstance): void {
  const metrics = new OpsMetrics(app);
  app.decorate('opsMetrics', metrics);
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request, reply);
    done();
  });
}
