import { getLocale } from './localization.js';

// Intl constructors are costly next to a render; one formatter per locale and options.
const cache = new Map<string, unknown>();
function cached<T>(kind: string, options: object | undefined, create: (locale: string) => T): T {
  const locale = getLocale();
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create(locale);
    cache.set(key, formatter);
  }
  return formatter;
}

/**
 * A number in the active locale (`1.234,5` in Spanish, Arabic-Indic digits in Arabic).
 *
 * @example
 * formatNumber(0.42, { style: 'percent' }); // "42%"
 * formatNumber(12_400, { notation: 'compact' }); // "12K"
 */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return cached('number', options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/**
 * A date (or date and time) in the active locale.
 *
 * @example
 * formatDate(new Date(), { dateStyle: 'medium' });
 */
export function formatDate(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string {
  const date = value instanceof Date ? value : new Date(value);
  return cached('date', options, (l) => new Intl.DateTimeFormat(l, options)).format(date);
}

const relativeUnits: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * How long ago (or how soon) `value` is, in the largest sensible unit: "3 days ago", "hace 3 días",
 * "in 2 hours".
 */
export function formatRelativeTime(value: Date | number | string, now: Date | number = Date.now()): string {
  const then = value instanceof Date ? value.getTime() : new Date(value).getTime();
  const seconds = (then - (now instanceof Date ? now.getTime() : now)) / 1000;
  const [unit, size] = relativeUnits.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return cached('relative', { numeric: 'auto' }, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(
    Math.round(seconds / size),
    unit,
  );
}

/** A list of things: "Drama, Comedy and Anime", "Drama, Comedia y Anime". */
export function formatList(items: readonly string[], options?: Intl.ListFormatOptions): string {
  return cached('list', options, (l) => new Intl.ListFormat(l, options)).format(items);
}

/** A media duration as the locale writes it in words: "1 h 32 min". */
export function formatDuration(totalSeconds: number, style: 'narrow' | 'short' | 'long' = 'short'): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const parts = { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
  const units: Array<[keyof typeof parts, 'hour' | 'minute' | 'second']> = [
    ['hours', 'hour'],
    ['minutes', 'minute'],
    ['seconds', 'second'],
  ];
  const shown = units.filter(([key]) => parts[key] > 0 || (key === 'seconds' && s === 0));
  // Seconds only matter for short things.
  const trimmed = parts.hours > 0 || parts.minutes >= 10 ? shown.filter(([key]) => key !== 'seconds') : shown;
  return formatList(
    trimmed.map(([key, unit]) => formatNumber(parts[key], { style: 'unit', unit, unitDisplay: style })),
    { type: 'unit', style },
  );
}

/** The plural category of `count` in the active locale (Arabic has six: zero, one, two, few, many, other). */
export function pluralCategory(count: number, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule {
  return cached('plural', options, (l) => new Intl.PluralRules(l, options)).select(count);
}

/**
 * Picks the message for `count`'s plural category. @lit/localize has no ICU plurals, so each form
 * is its own `msg()`; give every category your target languages need (`other` is required, and
 * is the fallback). Source strings for `zero`, `two`, `few` and `many` exist so that Arabic
 * translators can fill them in.
 *
 * @example
 * plural(n, {
 *   one: msg(str`${n} episode`, { id: 'rail.episodes.one' }),
 *   other: msg(str`${n} episodes`, { id: 'rail.episodes.other' }),
 * });
 */
export function plural(
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
  options?: Intl.PluralRulesOptions,
): string {
  return forms[pluralCategory(count, options)] ?? forms.other;
}
