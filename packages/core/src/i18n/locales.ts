/** The language Reel's sources are written in. */
export const sourceLocale = 'en';

/** The languages every Reel package ships translations for (xliff/<locale>.xlf in each package). */
export const targetLocales = ['es', 'ar'] as const;

/** Every locale Reel renders in. */
export const allLocales = [sourceLocale, ...targetLocales] as const;

export type ReelLocale = (typeof allLocales)[number];
export type TargetLocale = (typeof targetLocales)[number];

/** Writing direction and own-language name of each locale. */
export const localeInfo = {
  en: { dir: 'ltr', name: 'English' },
  es: { dir: 'ltr', name: 'Español' },
  ar: { dir: 'rtl', name: 'العربية' },
} as const satisfies Record<ReelLocale, { dir: 'ltr' | 'rtl'; name: string }>;

export function isReelLocale(value: unknown): value is ReelLocale {
  return typeof value === 'string' && (allLocales as readonly string[]).includes(value);
}

export function isTargetLocale(value: unknown): value is TargetLocale {
  return typeof value === 'string' && (targetLocales as readonly string[]).includes(value);
}

/**
 * The supported locale that best serves a BCP 47 tag (or the first of several that can be served):
 * `es-MX` → `es`, `ar-EG` → `ar`, `fr` → undefined.
 *
 * @example
 * matchLocale(navigator.languages) ?? 'en';
 */
export function matchLocale(tags: string | readonly string[] | null | undefined): ReelLocale | undefined {
  const list = typeof tags === 'string' ? [tags] : (tags ?? []);
  for (const tag of list) {
    const lower = tag.trim().toLowerCase();
    if (isReelLocale(lower)) return lower;
    const language = lower.split(/[-_]/)[0];
    if (isReelLocale(language)) return language;
  }
  return undefined;
}

/** `rtl` for right-to-left locales (Arabic), `ltr` otherwise. */
export function localeDirection(locale: string): 'ltr' | 'rtl' {
  return isReelLocale(locale) ? localeInfo[locale].dir : 'ltr';
}
