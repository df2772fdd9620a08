// Registers the profile elements (through core's guarded defineElement), the UI primitives they
// are drawn with, and the package's translations. The only module of the package with side effects.
import '@reel/ui/define';
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelProfileGate } from './reel-profile-gate.js';
import { ReelProfileManager } from './reel-profile-manager.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/profiles', (locale) => translations[locale]());

defineElement('reel-profile-gate', ReelProfileGate);
defineElement('reel-profile-manager', ReelProfileManager);
