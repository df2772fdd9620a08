/**
 * A small password-strength estimator for the strength meter (zxcvbn-ts is not among the vetted
 * dependencies, and its dictionaries weigh hundreds of kilobytes). It estimates the guesses an
 * attacker needs — character pool and length, less for common words, runs, repeats and the
 * person's own name or address — and maps them to five levels. The server's policy has the last
 * word (it refuses common passwords with a field error); the meter only guides.
 */

/** 0 too short · 1 weak · 2 fair · 3 good · 4 strong. */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  /** Why it is not stronger (the first thing to fix), or null. */
  warning: StrengthWarning | null;
}

/** What weakens a password, as the meter says it (the element localises each). */
export const StrengthWarning = {
  short: 'short',
  common: 'common',
  sequence: 'sequence',
  repeat: 'repeat',
  personal: 'personal',
  variety: 'variety',
} as const;
export type StrengthWarning = (typeof StrengthWarning)[keyof typeof StrengthWarning];

/** The shortest password the server accepts. */
export const MIN_LENGTH = 10;

// The words most lists start with: enough to catch the passwords people reach for first.
const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'login',
  'dragon',
  'monkey',
  'football',
  'baseball',
  'iloveyou',
  'princess',
  'sunshine',
  'master',
  'shadow',
  'superman',
  'batman',
  'trustno1',
  'starwars',
  'netflix',
  'reel',
  'secret',
  'abc123',
  'hello',
  'freedom',
  'whatever',
  'michael',
  'jennifer',
  'hunter',
  'summer',
  'winter',
  'azerty',
  'changeme',
];
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm'];

const deleet = (s: string) =>
  [...s.toLowerCase()]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[^a-z]/g, '');

function hasRun(s: string, length = 4): boolean {
  const lower = s.toLowerCase();
  for (const run of RUNS) {
    for (const seq of [run, [...run].reverse().join('')]) {
      for (let i = 0; i + length <= seq.length; i++) if (lower.includes(seq.slice(i, i + length))) return true;
    }
  }
  return false;
}

/**
 * Estimates a password's strength; `personal` are words the password should not be built from
 * (the email address and the name).
 * @example
 * estimateStrength('correct horse battery staple').score // 4
 */
export function estimateStrength(password: string, personal: string[] = []): Strength {
  const chars = [...password];
  if (chars.length < MIN_LENGTH) return { score: 0, warning: 'short' };
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^A-Za-z0-9]/.test(password)) pool += 33;
  const unique = new Set(chars.map((c) => c.toLowerCase())).size;
  // Bits: the length over the pool, discounted by how repetitive the characters are.
  let bits = chars.length * Math.log2(Math.max(pool, 10)) * Math.min(1, unique / Math.min(chars.length, 12));
  let warning: StrengthWarning | null = null;
  const core = deleet(password);
  const common = COMMON.find((w) => core.includes(w));
  if (common) {
    // The word counts as one guess from a short list, not as its letters.
    bits -= common.length * Math.log2(Math.max(pool, 10)) - 10;
    warning = 'common';
  }
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3);
  const own = words.find((w) => password.toLowerCase().includes(w));
  if (own) {
    bits -= own.length * Math.log2(Math.max(pool, 10)) - 6;
    warning ??= 'personal';
  }
  if (hasRun(password)) {
    bits -= 12;
    warning ??= 'sequence';
  }
  if (/(.)\1\1/.test(password) || unique < 5) {
    bits -= 10;
    warning ??= 'repeat';
  }
  if (pool <= 26 && chars.length < 16) warning ??= 'variety';
  const score: StrengthScore = bits < 35 ? 1 : bits < 55 ? 2 : bits < 75 ? 3 : 4;
  return { score, warning: score === 4 ? null : warning };
}
