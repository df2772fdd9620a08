import type { LocaleModule } from '@lit/localize';
import { registerTranslations, type TargetLocale } from '@reel/core';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};

/**
 * Registers the card's translations (`title-card.*` messages). Every package that renders the
 * card template (rails, home, detail pages) calls it from its `define.ts`; registering twice is
 * harmless.
 */
export function registerCardTranslations(): void {
  registerTranslations('@reel/title-card', (locale) => translations[locale]());
}
