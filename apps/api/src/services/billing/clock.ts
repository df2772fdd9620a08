/**
 * Where billing reads the time. The server's clock is the system's; tests (and the e2e suite, via
 * the NODE_ENV=test hook in routes/billing.ts) move it forward so renewals and dunning run for real.
 */
export interface Clock {
  now(): Date;
}

/** The system clock plus an offset that only ever grows. */
export class MovableClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Moves time forward by `ms` (never back: a subscription must not see time run backwards). */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.#offsetMs += ms;
    return this.now();
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}
