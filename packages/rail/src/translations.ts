import type { LocaleModule } from '@lit/localize';
import { registerTranslations, type TargetLocale } from '@reel/core';
import { registerCardTranslations } from '@reel/title-card';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};

/**
 * Registers the rail's translations (`rail.*`) and the cards' (`title-card.*`). Packages that
 * render rails (home, detail pages) call it from their `define.ts`; registering twice is harmless.
 */
export function registerRailTranslations(): void {
  registerTranslations('@reel/rail', (locale) => translations[locale]());
  registerCardTranslations();
}
