// The account-security elements, with no side effects: importing this registers nothing.
// `@reel/account-security/define` registers every tag (and the package's translations).
import { createLifecycles } from '@reel/core';

export { registerSecurityIcons } from './icons.js';
export { type SecurityArea, SecurityPanel } from './panel.js';
export { qrCode } from './qr.js';
export { lifecycles, ReelAccountSecurity, SecuritySection } from './reel-account-security.js';
export { ReelMfaReset } from './reel-mfa-reset.js';
export { ReelSecurityActivity } from './reel-security-activity.js';
export { ReelSecurityDangerZone } from './reel-security-danger-zone.js';
export { ReelSecurityDevices } from './reel-security-devices.js';
export { eventLabel, ReelSecurityLog } from './reel-security-log.js';
export { ReelSecurityMfa } from './reel-security-mfa.js';
export { ReelSecurityPassword } from './reel-security-password.js';
export { ReelSecuritySessions } from './reel-security-sessions.js';

/** single-spa lifecycles of the public MFA-reset page (`/mfa-reset`, linked from emails). */
export const mfaResetLifecycles = createLifecycles('reel-mfa-reset');
