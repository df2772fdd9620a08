import type { LocaleModule } from '@lit/localize';
import { registerTranslations, type TargetLocale } from '@reel/core';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};

/** Registers the history page's translations (`history.*`); registering twice is harmless. */
export function registerHistoryTranslations(): void {
  registerTranslations('@reel/history', (locale) => translations[locale]());
}
