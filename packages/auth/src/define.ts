// Registers the sign-in flow elements (through core's guarded defineElement), the UI primitives
// they are drawn with, and the package's translations. The only module of the package with side
// effects.
import '@reel/ui/define';
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelPasswordReset } from './reel-password-reset.js';
import { ReelSignIn } from './reel-sign-in.js';
import { ReelSignUp } from './reel-sign-up.js';
import { ReelStaffInvitation } from './reel-staff-invitation.js';
import { ReelVerifyEmail } from './reel-verify-email.js';
import { ReelVerifyEmailBanner } from './reel-verify-email-banner.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/auth', (locale) => translations[locale]());

defineElement('reel-sign-in', ReelSignIn);
defineElement('reel-sign-up', ReelSignUp);
defineElement('reel-password-reset', ReelPasswordReset);
defineElement('reel-verify-email', ReelVerifyEmail);
defineElement('reel-staff-invitation', ReelStaffInvitation);
defineElement('reel-verify-email-banner', ReelVerifyEmailBanner);
