import type { LocaleModule } from '@lit/localize';
import { registerTranslations, type TargetLocale } from '@reel/core';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};

/** Registers the player's translations (`player.*`); registering twice is harmless. */
export function registerPlayerTranslations(): void {
  registerTranslations('@reel/player', (locale) => translations[locale]());
}
