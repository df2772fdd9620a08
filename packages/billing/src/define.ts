// Registers <reel-billing> and <reel-billing-banner> (through core's guarded defineElement), the
// UI primitives they are drawn with and the package's translations. The only module with side effects.
import '@reel/ui/define';
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelBilling } from './reel-billing.js';
import { ReelBillingBanner } from './reel-billing-banner.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/billing', (locale) => translations[locale]());

defineElement('reel-billing', ReelBilling);
defineElement('reel-billing-banner', ReelBillingBanner);
