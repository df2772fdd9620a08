// Registers <reel-home>, the rails and UI primitives it draws, and the translations of everything
// it renders. The only module of the package with side effects.
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelRail, registerRailTranslations, warmUp } from '@reel/rail';
import { ReelButton, ReelIcon, ReelIconButton, ReelToast, ReelToastRegion } from '@reel/ui';
import { ReelHome } from './reel-home.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/home', (locale) => translations[locale]());
registerRailTranslations();

defineElement('reel-button', ReelButton);
defineElement('reel-icon', ReelIcon);
defineElement('reel-icon-button', ReelIconButton);
defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-rail', ReelRail);
defineElement('reel-home', ReelHome);

// One-time work (style sheets, card templates, Intl data) while the rails are being fetched, not
// in the frame that shows them.
warmUp([ReelHome, ReelRail, ReelButton, ReelIcon, ReelIconButton]);
