// Registers the detail pages (<reel-title-detail>, <reel-person-detail>, <reel-collection-detail>),
// the rails and UI primitives they draw, and the translations of everything they render. The only
// module of the package with side effects.
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelRail, registerRailTranslations, warmUp } from '@reel/rail';
import { ReelButton, ReelIcon, ReelIconButton, ReelSelect, ReelToast, ReelToastRegion } from '@reel/ui';
import { ReelCollectionDetail } from './reel-collection-detail.js';
import { ReelPersonDetail } from './reel-person-detail.js';
import { ReelTitleDetail } from './reel-title-detail.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/title-detail', (locale) => translations[locale]());
registerRailTranslations();

defineElement('reel-button', ReelButton);
defineElement('reel-icon', ReelIcon);
defineElement('reel-icon-button', ReelIconButton);
defineElement('reel-select', ReelSelect);
defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-rail', ReelRail);
defineElement('reel-title-detail', ReelTitleDetail);
defineElement('reel-person-detail', ReelPersonDetail);
defineElement('reel-collection-detail', ReelCollectionDetail);
warmUp([ReelTitleDetail, ReelPersonDetail, ReelCollectionDetail, ReelRail, ReelButton, ReelIcon]);
