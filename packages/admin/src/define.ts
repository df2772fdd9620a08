// Registers <reel-admin>, the UI primitives it is drawn with and the package's translations. The
// panels are not imported here: each is loaded (and defines itself) when its route is opened.
import '@reel/ui/define';
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelAdmin } from './reel-admin.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/admin', (locale) => translations[locale]());

defineElement('reel-admin', ReelAdmin);
