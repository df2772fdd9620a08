// The sign-in flow elements and helpers, with no side effects: importing this registers nothing.
// `@reel/auth/define` registers every tag (and the package's translations).
import { createLifecycles } from '@reel/core';

export { navigate, safeNext } from './flow.js';
export { ReelPasswordReset, ResetStep } from './reel-password-reset.js';
export { type MfaReset, ReelSignIn, SignInStep } from './reel-sign-in.js';
export { ReelSignUp } from './reel-sign-up.js';
export { type InvitationStep, ReelStaffInvitation } from './reel-staff-invitation.js';
export { ReelVerifyEmail, VerifyState } from './reel-verify-email.js';
export { ReelVerifyEmailBanner } from './reel-verify-email-banner.js';
export { estimateStrength, MIN_LENGTH, type Strength, type StrengthScore, StrengthWarning } from './strength.js';

/** single-spa lifecycles for the shell's routes (`/sign-in`, `/sign-up`, `/forgot-password` …). */
export const lifecycles = {
  signIn: createLifecycles('reel-sign-in'),
  signUp: createLifecycles('reel-sign-up'),
  passwordReset: createLifecycles('reel-password-reset'),
  verifyEmail: createLifecycles('reel-verify-email'),
} as const;
