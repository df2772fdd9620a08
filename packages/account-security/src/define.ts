// Registers the account-security elements (through core's guarded defineElement), the UI
// primitives they are drawn with, their extra icons and the package's translations. The only
// module of the package with side effects.
import '@reel/ui/define';
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { registerSecurityIcons } from './icons.js';
import { ReelAccountSecurity } from './reel-account-security.js';
import { ReelMfaReset } from './reel-mfa-reset.js';
import { ReelSecurityActivity } from './reel-security-activity.js';
import { ReelSecurityDangerZone } from './reel-security-danger-zone.js';
import { ReelSecurityDevices } from './reel-security-devices.js';
import { ReelSecurityLog } from './reel-security-log.js';
import { ReelSecurityMfa } from './reel-security-mfa.js';
import { ReelSecurityPassword } from './reel-security-password.js';
import { ReelSecuritySessions } from './reel-security-sessions.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/account-security', (locale) => translations[locale]());
registerSecurityIcons();

defineElement('reel-security-mfa', ReelSecurityMfa);
defineElement('reel-security-password', ReelSecurityPassword);
defineElement('reel-security-sessions', ReelSecuritySessions);
defineElement('reel-security-devices', ReelSecurityDevices);
defineElement('reel-security-activity', ReelSecurityActivity);
defineElement('reel-security-log', ReelSecurityLog);
defineElement('reel-security-danger-zone', ReelSecurityDangerZone);
defineElement('reel-account-security', ReelAccountSecurity);
defineElement('reel-mfa-reset', ReelMfaReset);
