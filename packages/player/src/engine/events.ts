// Playback events (§23) batched to POST /player/events: every ~10 s and soon after a state change,
// and with navigator.sendBeacon (text/plain JSON carrying the token) when the page hides.
import type { PlayerEvent } from '@reel/contracts';
import type { ApiClient } from './api.js';

type Details<T extends PlayerEvent['type']> = Extract<PlayerEvent, { type: T }>['details'];

/** Flush this often (ms) with nothing urgent. */
const FLUSH_EVERY = 10_000;
/** After a state change, flush this soon (ms): a burst (seek + play) goes as one batch. */
const FLUSH_SOON = 1_000;

export class EventBatcher {
  readonly #api: ApiClient;
  readonly #base: string;
  readonly #token: () => string | null;
  readonly #sessionId: string;
  readonly #prefix = Math.random().toString(36).slice(2, 8);
  #seq = 0;
  #queue: PlayerEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;
  #closed = false;

  constructor(api: ApiClient, base: string, sessionId: string, token: () => string | null) {
    this.#api = api;
    this.#base = base.replace(/\/+$/, '');
    this.#sessionId = sessionId;
    this.#token = token;
  }

  /** Queues an event; state changes (everything but heartbeats) flush soon. */
  add<T extends PlayerEvent['type']>(type: T, position: number, details?: Details<T>): void {
    if (this.#closed) return;
    const event = {
      id: `${this.#prefix}-${++this.#seq}`,
      session_id: this.#sessionId,
      type,
      position: Math.max(0, Math.round(position * 1000) / 1000),
      timestamp: new Date().toISOString(),
      ...(details !== undefined ? { details } : {}),
    } as PlayerEvent;
    this.#queue.push(event);
    if (this.#queue.length >= 150) void this.flush();
    else this.#schedule(type === 'heartbeat' ? FLUSH_EVERY : FLUSH_SOON);
  }

  get pending(): number {
    return this.#queue.length;
  }

  #schedule(ms: number): void {
    if (this.#timer !== null) {
      if (ms >= FLUSH_EVERY) return;
      clearTimeout(this.#timer);
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, ms);
  }

  /** Sends what is queued; a failed batch goes back to the front (the server drops duplicates). */
  async flush(): Promise<void> {
    if (this.#inFlight) await this.#inFlight;
    if (!this.#queue.length) return;
    const batch = this.#queue.splice(0, 200);
    this.#inFlight = this.#api<unknown>({ method: 'POST', path: '/player/events', body: { events: batch } })
      .then(
        () => {},
        (error: { status?: number }) => {
          // 4xx other than 401/429: the batch is wrong or the session gone; don't resend forever.
          const status = error.status ?? 0;
          if (status === 0 || status >= 500 || status === 401 || status === 429) {
            this.#queue.unshift(...batch);
            this.#schedule(FLUSH_EVERY);
          }
        },
      )
      .finally(() => {
        this.#inFlight = null;
      });
    await this.#inFlight;
  }

  /** The page is going away: everything queued, by sendBeacon (or a keepalive fetch). */
  beacon(): void {
    if (!this.#queue.length) return;
    const batch = this.#queue.splice(0, 200);
    const token = this.#token();
    const body = JSON.stringify({ events: batch, ...(token ? { token } : {}) });
    const url = `${this.#base}/player/events`;
    const sent =
      typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
    if (!sent) {
      void fetch(url, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      }).catch(() => {});
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
