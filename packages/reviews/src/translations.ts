import type { LocaleModule } from '@lit/localize';
import { registerTranslations, type TargetLocale } from '@reel/core';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};

/** Registers the translations of `<reel-reviews>` (`reviews.*`); registering twice is harmless. */
export function registerReviewsTranslations(): void {
  registerTranslations('@reel/reviews', (locale) => translations[locale]());
}
