// Registers the shell's own elements and its translations.
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelAppShell } from './reel-app-shell.js';
import { ReelProfileMenu } from './reel-profile-menu.js';
import { ReelRouteView } from './reel-route-view.js';
import { ReelSearchBox } from './reel-search-box.js';
import { ReelStatusPage } from './reel-status-page.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/shell', (locale) => translations[locale]());

defineElement('reel-app-shell', ReelAppShell);
defineElement('reel-profile-menu', ReelProfileMenu);
defineElement('reel-route-view', ReelRouteView);
defineElement('reel-search-box', ReelSearchBox);
defineElement('reel-status-page', ReelStatusPage);
