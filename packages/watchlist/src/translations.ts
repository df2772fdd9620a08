import type { LocaleModule } from '@lit/localize';
import { registerTranslations, type TargetLocale } from '@reel/core';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};

/** Registers the translations of `watchlist.*` strings; registering twice is harmless. */
export function registerWatchlistTranslations(): void {
  registerTranslations('@reel/watchlist', (locale) => translations[locale]());
}
