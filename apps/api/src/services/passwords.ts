import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import { HttpError } from '../http/errors.js';

/**
 * Argon2id at OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane (about 20–40 ms a hash
 * here). `algorithm: 2` is `Algorithm.Argon2id` (an ambient const enum, not importable as a value).
 */
export const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 as Algorithm } as const;

/** Shortest new password (the contract's `NewPassword` says the same). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * A counting semaphore with a bounded queue. Password hashes run on libuv's thread pool (4
 * threads by default), which also serves file I/O and WebCrypto (token signing): capping the
 * hashes in flight keeps threads free for everything else, so a sign-in storm slows sign-ins,
 * not the catalog. When the queue is full the caller is turned away at once (503, Retry-After)
 * rather than piling up requests that would time out anyway.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly capacity: number,
    readonly maxQueue: number,
  ) {}

  /** Runs `task` when a slot is free; throws 503 when too many are already waiting. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.capacity) {
      if (this.waiting.length >= this.maxQueue) {
        throw new HttpError(
          503,
          'overloaded',
          'Too many sign-ins at once; try again in a moment',
          { hint: { retry_after: 1 } },
          { 'retry-after': '1' },
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      if (next) next();
      else this.running--;
    }
  }

  /** Hashes in flight and waiting (for metrics and tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/**
 * Hashes and verifies passwords (and profile PINs) with argon2id, at most `capacity` at a time.
 * Unknown emails are verified against a dummy hash with the same parameters, so a sign-in takes
 * as long whether the account exists or not.
 */
export class PasswordHasher {
  readonly limiter: Semaphore;
  private dummy: Promise<string> | null = null;

  constructor(capacity = Math.max(2, Math.min(4, Math.floor(availableParallelism() / 2))), maxQueue = 256) {
    this.limiter = new Semaphore(capacity, maxQueue);
  }

  hash(secret: string): Promise<string> {
    return this.limiter.run(() => hash(secret, ARGON2_OPTIONS));
  }

  /** Whether `secret` matches `encoded`; a malformed hash is a mismatch. */
  verify(encoded: string, secret: string): Promise<boolean> {
    return this.limiter.run(async () => {
      try {
        return await verify(encoded, secret);
      } catch {
        return false;
      }
    });
  }

  /** Spends the same time as a real verification, for an account that does not exist. */
  async verifyDummy(secret: string): Promise<false> {
    this.dummy ??= hash('reel-dummy-password-for-unknown-accounts', ARGON2_OPTIONS);
    await this.verify(await this.dummy, secret);
    return false;
  }

  /** Whether a stored hash was made with other parameters than today's (rehash at next sign-in). */
  needsRehash(encoded: string): boolean {
    try {
      const o = parseOptions(encoded);
      return (
        o.algorithm !== ARGON2_OPTIONS.algorithm ||
        o.memoryCost < ARGON2_OPTIONS.memoryCost ||
        o.timeCost < ARGON2_OPTIONS.timeCost ||
        o.parallelism !== ARGON2_OPTIONS.parallelism
      );
    } catch {
      return true;
    }
  }
}

// ─── Password policy ──────────────────────────────────────────────────────────────────────────

const listFile = new URL('./common-passwords.txt', import.meta.url);
const entries = readFileSync(listFile, 'utf8')
  .split('\n')
  .map((line) => line.trim().toLowerCase())
  .filter((line) => line && !line.startsWith('#'));
/** Whole passwords, compared without spaces: `1q2w3e4r5t`, `password123`. */
const COMMON_EXACT = new Set(entries.map((e) => e.replace(/\s+/g, '')));
/** The words common passwords are made of, letters only: `password`, `dragon`, `iloveyou`. */
const COMMON_WORDS = new Set(entries.map((e) => e.replace(/[^a-z]/g, '')).filter((e) => e.length >= 3));

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/** The letters a password is built around: lower case, leetspeak undone, digits and symbols around it dropped. */
function coreOf(password: string): string {
  const lower = password.toLowerCase().normalize('NFKC');
  const trimmed = lower.replace(/^[^a-z@$]+/, '').replace(/[^a-z]+$/, '');
  return [...trimmed]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[^a-z]/g, '');
}

/** The shortest unit the string repeats (`abcabcabc` → `abc`), or the string itself. */
function repeatedUnit(s: string): string {
  for (let n = 1; n <= s.length / 2; n++) {
    if (s.length % n === 0 && s.slice(0, n).repeat(s.length / n) === s) return s.slice(0, n);
  }
  return s;
}

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  for (const seq of SEQUENCES) {
    const doubled = seq + seq;
    const reversed = [...doubled].reverse().join('');
    if (doubled.includes(s) || reversed.includes(s)) return true;
  }
  return false;
}

/**
 * Why a new password is refused, or null when it is fine: too short, a common password (or one
 * dressed up with digits, symbols or leetspeak), a keyboard or alphabet run, too repetitive, or
 * the account's own email or name.
 * @example
 * passwordProblem('Password123!', {}) // → 'This password is too common …'
 */
export function passwordProblem(password: string, account: { email?: string; displayName?: string }): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  const compact = password.toLowerCase().replace(/\s+/g, '');
  const core = coreOf(password);
  const unit = repeatedUnit(compact);
  const coreUnit = repeatedUnit(core);
  // A long passphrase is compared as typed only: stripping its digits and symbols would refuse a
  // 30-character phrase because its words appear in a list, which guessing cost does not justify.
  const long = [...password].length >= 20;
  const common = long
    ? COMMON_EXACT.has(compact) || COMMON_WORDS.has(compact)
    : COMMON_EXACT.has(compact) || COMMON_EXACT.has(unit) || COMMON_WORDS.has(core) || COMMON_WORDS.has(coreUnit);
  if (common) {
    return 'This password is too common: it is among the first ones an attacker tries. Use a few unrelated words';
  }
  if (new Set(compact).size < 5 || unit.length <= 3)
    return 'This password repeats itself too much; mix more different characters';
  if (isSequence(compact) || isSequence(unit))
    return 'A run of keys or letters is easy to guess; use a few unrelated words';
  const local =
    account.email
      ?.split('@')[0]
      ?.toLowerCase()
      .replace(/[^a-z]/g, '') ?? '';
  const name = account.displayName?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  if (
    (local.length >= 3 && core === local) ||
    (name.length >= 3 && core === name) ||
    (account.email && compact.includes(account.email.toLowerCase()))
  ) {
    return 'Do not build the password from your email address or name';
  }
  return null;
}
