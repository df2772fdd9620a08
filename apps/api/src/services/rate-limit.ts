/**
 * In-memory rate limits and lockouts (one process; a deployment with several processes would
 * move the buckets to a shared store behind the same interface).
 *
 * Each rule is a token bucket: `limit` attempts, refilled evenly over `windowMs`, so after a burst
 * the next attempt is allowed after `windowMs / limit`, not at the end of a fixed window. The same
 * limiter serves two uses:
 * - a rate limit, which spends a token on every attempt *before* the expensive work
 *   (`take('login.ip', ip)` before hashing a password), answered with 429 and `Retry-After`;
 * - a lockout, which spends a token on each *failure* and is checked before each attempt
 *   (`check('mfa.user', id)`, `fail('mfa.user', id)`), answered with 423.
 */

import { HttpError } from '../http/errors.js';

/** One rule: at most `limit` attempts per `windowMs`, per key. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** The rules Reel uses. Password reset and email resend are here for the routes that come later. */
export const RATE_RULES = {
  /** Sign-in attempts from one IP address (an office behind one NAT stays well below it). */
  'login.ip': { limit: 60, windowMs: 15 * 60_000 },
  /** Sign-in attempts on one email address, from anywhere: slows guessing one account's password. */
  'login.email': { limit: 10, windowMs: 15 * 60_000 },
  /** Second-step attempts from one IP address. */
  'mfa.ip': { limit: 30, windowMs: 15 * 60_000 },
  /** Sign-ups from one IP address. */
  'register.ip': { limit: 20, windowMs: 60 * 60_000 },
  /** Wrong TOTP or backup codes on one account before MFA locks (423). */
  'mfa.user': { limit: 5, windowMs: 15 * 60_000 },
  /** Wrong re-authentications on one account before re-auth locks (423). */
  'reauth.user': { limit: 5, windowMs: 15 * 60_000 },
  /** Wrong PINs on one profile before switching to it locks (423). */
  'pin.profile': { limit: 5, windowMs: 5 * 60_000 },
  /** Password-reset requests (for the reset routes). */
  'password_reset.ip': { limit: 10, windowMs: 60 * 60_000 },
  'password_reset.email': { limit: 3, windowMs: 60 * 60_000 },
  /** Verification email resends on one account. */
  'email_resend.user': { limit: 3, windowMs: 60 * 60_000 },
  /** Reviews written, edited or deleted by one account. */
  'review.write': { limit: 20, windowMs: 60 * 60_000 },
  /** Review votes cast by one account. */
  'review.vote': { limit: 120, windowMs: 10 * 60_000 },
  /** Review reports filed by one account. */
  'review.report': { limit: 20, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateRule>;

export type RateRuleName = keyof typeof RATE_RULES;

/** The answer to an attempt: allowed, or refused until `retryAfterSeconds` have passed. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets kept at most (oldest dropped first), so a flood of distinct keys cannot exhaust memory. */
const MAX_BUCKETS = 100_000;

/**
 * Token buckets per rule and key.
 * @example
 * const limits = new RateLimiter();
 * const decision = limits.take('login.ip', request.ip);
 * if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rules: Record<string, RateRule>;
  /** Off for benchmarks (`REEL_RATE_LIMITS=off`): every attempt is allowed. */
  enabled = true;

  constructor(
    rules: Partial<Record<RateRuleName, RateRule>> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.rules = { ...RATE_RULES, ...rules };
  }

  private rule(name: RateRuleName): RateRule {
    return this.rules[name] as RateRule;
  }

  /** The bucket's state now (refilled for the time passed), without changing it. */
  private level(name: RateRuleName, key: string): { id: string; tokens: number; rule: RateRule } {
    const rule = this.rule(name);
    const id = `${name}\u0000${key}`;
    const bucket = this.buckets.get(id);
    if (!bucket) return { id, tokens: rule.limit, rule };
    const refill = ((this.now() - bucket.updatedAt) * rule.limit) / rule.windowMs;
    return { id, tokens: Math.min(rule.limit, bucket.tokens + refill), rule };
  }

  private wait(tokens: number, rule: RateRule): number {
    return Math.max(1, Math.ceil(((1 - tokens) * rule.windowMs) / rule.limit / 1000));
  }

  /** Whether an attempt would be allowed now, without spending anything (for lockouts). */
  check(name: RateRuleName, key: string): RateDecision {
    if (!this.enabled) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
    const { tokens, rule } = this.level(name, key);
    return tokens >= 1
      ? { allowed: true, remaining: Math.floor(tokens) }
      : { allowed: false, retryAfterSeconds: this.wait(tokens, rule) };
  }

  /** Spends one attempt if one is left; refused (nothing spent) otherwise. */
  take(name: RateRuleName, key: string): RateDecision {
    if (!this.enabled) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
    const { id, tokens, rule } = this.level(name, key);
    if (tokens < 1) return { allowed: false, retryAfterSeconds: this.wait(tokens, rule) };
    this.store(id, tokens - 1);
    return { allowed: true, remaining: Math.floor(tokens - 1) };
  }

  /** Records a failure for a lockout rule; answers whether attempts remain. */
  fail(name: RateRuleName, key: string): RateDecision {
    if (!this.enabled) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
    const { id, tokens, rule } = this.level(name, key);
    const left = Math.max(0, tokens - 1);
    this.store(id, left);
    return left >= 1
      ? { allowed: true, remaining: Math.floor(left) }
      : { allowed: false, retryAfterSeconds: this.wait(left, rule) };
  }

  /** Forgets a key (after a success, the failures before it no longer count). */
  reset(name: RateRuleName, key: string): void {
    this.buckets.delete(`${name}\u0000${key}`);
  }

  /** Forgets every bucket. */
  clear(): void {
    this.buckets.clear();
  }

  /** Number of keys tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private store(id: string, tokens: number): void {
    // Re-inserting keeps the map in least-recently-updated order for eviction.
    this.buckets.delete(id);
    this.buckets.set(id, { tokens, updatedAt: this.now() });
    if (this.buckets.size > MAX_BUCKETS) this.sweep();
  }

  /** Drops full buckets (they hold no information), then the oldest if still too many. */
  private sweep(): void {
    const now = this.now();
    for (const [id, bucket] of this.buckets) {
      const name = id.slice(0, id.indexOf('\u0000')) as RateRuleName;
      const rule = this.rule(name);
      if (bucket.tokens + ((now - bucket.updatedAt) * rule.limit) / rule.windowMs >= rule.limit)
        this.buckets.delete(id);
    }
    const excess = this.buckets.size - Math.floor(MAX_BUCKETS * 0.9);
    if (excess > 0) {
      let n = 0;
      for (const id of this.buckets.keys()) {
        if (n++ >= excess) break;
        this.buckets.delete(id);
      }
    }
  }
}

/** 423 Locked, for a lockout: the wait in `details.hint.retry_after` and in `Retry-After`. */
export function lockedFor(retryAfterSeconds: number, message: string): HttpError {
  return new HttpError(
    423,
    'locked',
    `${message} (try again in ${retryAfterSeconds} s)`,
    { hint: { retry_after: retryAfterSeconds } },
    {
      'retry-after': String(retryAfterSeconds),
    },
  );
}
