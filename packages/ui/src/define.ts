// Registers every @reel/ui element (through core's guarded defineElement) and the package's
// translations. The only module of the package with side effects.
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import type { LocaleModule } from '@lit/localize';
import { ReelButton } from './reel-button.js';
import { ReelIcon } from './reel-icon.js';
import { ReelIconButton } from './reel-icon-button.js';
import { ReelTextField } from './reel-text-field.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/ui', (locale) => translations[locale]());

defineElement('reel-icon', ReelIcon);
defineElement('reel-button', ReelButton);
defineElement('reel-icon-button', ReelIconButton);
defineElement('reel-text-field', ReelTextField);
