import type { ClientErrorReport, WebVitalSample } from '@reel/contracts';
import { setErrorReporter } from './reel-element.js';

/** How the page's telemetry reports: where, which build, which route template the page is on. */
export interface TelemetryOptions {
  /** The API base: `/api/v1` on the site. */
  apiBase?: string;
  /** The shell release or standalone build (`r42`). */
  release?: string;
  /** The route template for web vitals (`/watch/:id`); default: the path. */
  page?: () => string;
  /** Report web vitals too (loads `web-vitals` lazily). Default true. */
  vitals?: boolean;
}

type Kind = 'client-errors' | 'web-vitals';
const MAX_ERRORS = 20;
const MAX_VITALS = 50;
const MAX_PER_PAGE = 100;

let queue: { errors: ClientErrorReport[]; vitals: WebVitalSample[] } | null = null;
let options: Required<Omit<TelemetryOptions, 'release'>> & { release?: string };
let sent = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let stop: (() => void) | undefined;

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const here = () => cut(location.href.replace(/[?#].*$/, ''), 2048);

function send(kind: Kind, body: unknown): void {
  const url = `${options.apiBase}/ops/observability/${kind}`;
  const json = JSON.stringify(body);
  // A beacon survives the page going away; fall back to a keepalive fetch where it is refused.
  const blob = new Blob([json], { type: 'application/json' });
  if (!navigator.sendBeacon?.(url, blob)) {
    void fetch(url, {
      method: 'POST',
      body: json,
      headers: { 'content-type': 'application/json' },
      keepalive: true,
      credentials: 'same-origin',
    }).catch(() => {});
  }
}

/** Sends what is queued now (on a timer, when the page hides, or by hand in tests). */
export function flushTelemetry(): void {
  if (!queue) return;
  clearTimeout(timer);
  timer = undefined;
  const { errors, vitals } = queue;
  while (errors.length) send('client-errors', { errors: errors.splice(0, MAX_ERRORS) });
  while (vitals.length) send('web-vitals', { items: vitals.splice(0, MAX_VITALS) });
}

const later = () => {
  timer ??= setTimeout(flushTelemetry, 5000);
};

/** Queues one error (at most 100 a page load, so a loop cannot flood the endpoint). */
export function reportClientError(
  error: unknown,
  source: ClientErrorReport['source'],
  element?: string,
  operation?: string,
): void {
  if (!queue || sent >= MAX_PER_PAGE) return;
  sent++;
  const e = error instanceof Error ? error : new Error(typeof error === 'string' ? error : String(error));
  const report: ClientErrorReport = {
    name: cut(e.name || 'Error', 120),
    message: cut(e.message || '(no message)', 1000),
    source,
    url: here(),
    occurred_at: new Date().toISOString(),
  };
  if (e.stack) report.stack = cut(e.stack, 8000);
  if (element && /^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(element)) report.element = cut(element, 60);
  if (operation) report.operation = cut(operation, 80);
  if (options.release) report.release = cut(options.release, 40);
  queue.errors.push(report);
  if (queue.errors.length >= MAX_ERRORS) flushTelemetry();
  else later();
}

/** The Reel element an error came from, when its stack or target names one. */
const elementOf = (event: Event): string | undefined => {
  const path = event.composedPath?.() ?? [];
  for (const node of path) {
    const tag = (node as Element).localName;
    if (tag?.startsWith('reel-')) return tag;
  }
  return undefined;
};

/**
 * Starts the page's telemetry (once; later calls are ignored): errors caught by Reel elements, and
 * the window's uncaught errors and unhandled rejections, batched to the API with `sendBeacon`;
 * web vitals from the `web-vitals` library (loaded lazily). Answers a function that stops it.
 */
export function startTelemetry(init: TelemetryOptions = {}): () => void {
  if (queue || typeof window === 'undefined') return stop ?? (() => {});
  queue = { errors: [], vitals: [] };
  options = {
    apiBase: init.apiBase ?? '/api/v1',
    page: init.page ?? (() => location.pathname),
    vitals: init.vitals ?? true,
    ...(init.release ? { release: init.release } : {}),
  };
  setErrorReporter(({ error, element }) => reportClientError(error, 'element', element));
  const onError = (event: ErrorEvent) => reportClientError(event.error ?? event.message, 'window', elementOf(event));
  const onRejection = (event: PromiseRejectionEvent) => reportClientError(event.reason, 'unhandledrejection');
  const onHide = () => {
    if (document.visibilityState === 'hidden') flushTelemetry();
  };
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  addEventListener('pagehide', flushTelemetry);
  document.addEventListener('visibilitychange', onHide);
  if (options.vitals) {
    void import('web-vitals').then(({ onCLS, onFCP, onINP, onLCP, onTTFB }) => {
      const push = (m: { name: string; value: number; rating: string; id: string; navigationType?: string }) => {
        if (!queue) return;
        const sample: WebVitalSample = {
          name: m.name as WebVitalSample['name'],
          value: Math.min(600000, Math.max(0, m.value)),
          rating: m.rating as WebVitalSample['rating'],
          id: cut(m.id, 100),
          page: cut(options.page(), 200),
        };
        if (m.navigationType) sample.navigation_type = m.navigationType as WebVitalSample['navigation_type'];
        if (options.release) sample.release = cut(options.release, 40);
        queue.vitals.push(sample);
        later();
      };
      for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) on(push);
    });
  }
  stop = () => {
    flushTelemetry();
    setErrorReporter(undefined);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    removeEventListener('pagehide', flushTelemetry);
    document.removeEventListener('visibilitychange', onHide);
    queue = null;
    sent = 0;
    stop = undefined;
  };
  return stop;
}
