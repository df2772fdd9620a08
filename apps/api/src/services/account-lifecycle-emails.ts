// Security emails of the account-security area: two-step verification turned on or off, the
// lost-device MFA reset (confirm, waiting period, done), deactivation and scheduled deletion.
// They go through the email adapter (services/email.ts) and share its layout.
import { layout } from './email.js';
import type { EmailMessage } from './outbox.js';

const when = (date: Date) =>
  `${new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;

/** One message: a heading, paragraphs and an optional button, as text and HTML. */
function message(
  to: string,
  template: string,
  subject: string,
  heading: string,
  lines: string[],
  action?: { label: string; href: string },
): EmailMessage {
  const text = `${lines.join('\n\n')}${action ? `\n\n${action.label}: ${action.href}` : ''}\n`;
  return { to, subject, template, text, html: layout(heading, lines, action), links: action ? [action.href] : [] };
}

/** Two-step verification was turned on or off. */
export function mfaChangedEmail(
  to: string,
  name: string,
  change: 'enabled' | 'disabled' | 'codes_regenerated',
  securityLink: string,
): EmailMessage {
  const what = {
    enabled:
      'Two-step verification is now on for your Reel account. Signing in on a new browser will ask for a code from your authenticator app.',
    disabled: 'Two-step verification was turned off for your Reel account. Signing in now needs your password only.',
    codes_regenerated: 'A new set of backup codes was made for your Reel account. The old codes no longer work.',
  }[change];
  const subject = {
    enabled: 'Two-step verification is on',
    disabled: 'Two-step verification was turned off',
    codes_regenerated: 'New backup codes for your Reel account',
  }[change];
  return message(
    to,
    'security_alert',
    subject,
    subject,
    [`Hi ${name},`, what, 'If this was not you, change your password now and review where you are signed in.'],
    { label: 'Review security', href: securityLink },
  );
}

/** "Confirm the reset of two-step verification": the link starts the waiting period. */
export function mfaResetRequestEmail(
  to: string,
  name: string,
  confirmLink: string,
  cancelLink: string,
  linkTtlSeconds: number,
  waitHours: number,
): EmailMessage {
  const lines = [
    `Hi ${name},`,
    'Someone who knows your password asked to remove two-step verification from your Reel account because they lost their authenticator device.',
    `If it was you, confirm with the link below (it works for ${Math.round(linkTtlSeconds / 60)} minutes). For your safety, two-step verification is removed only after a waiting period of ${waitHours} hours, and we will tell you when it starts.`,
    `If it was not you, do not confirm, and change your password: someone knows it. You can also cancel the request here: ${cancelLink}`,
  ];
  return {
    ...message(to, 'mfa_reset', 'Confirm the reset of two-step verification', 'Reset two-step verification?', lines, {
      label: 'Confirm the reset',
      href: confirmLink,
    }),
    links: [confirmLink, cancelLink],
  };
}

/** The waiting period started: MFA goes at `eligibleAt` unless cancelled. */
export function mfaResetWaitingEmail(to: string, name: string, eligibleAt: Date, cancelLink: string): EmailMessage {
  return message(
    to,
    'security_alert',
    'Two-step verification will be removed from your account',
    'Two-step verification will be removed',
    [
      `Hi ${name},`,
      `The reset of two-step verification was confirmed. It will be removed on ${when(eligibleAt)}, and from then on signing in needs your password only.`,
      'If this was not you, cancel now and change your password.',
    ],
    { label: 'Cancel the reset', href: cancelLink },
  );
}

/** The waiting period ended: MFA is off. */
export function mfaResetDoneEmail(to: string, name: string, securityLink: string): EmailMessage {
  return message(
    to,
    'security_alert',
    'Two-step verification was removed',
    'Two-step verification was removed',
    [
      `Hi ${name},`,
      'The waiting period is over and two-step verification was removed from your Reel account. Sign in with your password, then turn it on again with your new device.',
    ],
    { label: 'Set up two-step verification', href: securityLink },
  );
}

/** The account was deactivated; signing in again brings it back. */
export function deactivatedEmail(to: string, name: string, signInLink: string): EmailMessage {
  return message(
    to,
    'account_deactivated',
    'Your Reel account is deactivated',
    'Your account is deactivated',
    [
      `Hi ${name},`,
      'Your Reel account was deactivated and every device was signed out. Your profiles, lists and history are kept.',
      'Whenever you want to come back, sign in and choose to reactivate. If this was not you, sign in, reactivate and change your password.',
    ],
    { label: 'Sign in to reactivate', href: signInLink },
  );
}

/** Deletion is scheduled after the grace period; signing in before then can cancel it. */
export function deletionScheduledEmail(
  to: string,
  name: string,
  scheduledFor: Date,
  graceDays: number,
  signInLink: string,
): EmailMessage {
  return message(
    to,
    'account_deletion',
    'Your Reel account will be deleted',
    'Your account will be deleted',
    [
      `Hi ${name},`,
      `You asked us to delete your Reel account. Every device was signed out. In ${graceDays} days, on ${when(scheduledFor)}, your profiles, viewing history, lists, ratings, settings and devices are deleted for good.`,
      'Changed your mind? Sign in before then and choose to keep your account. If this was not you, sign in now, keep the account and change your password.',
    ],
    { label: 'Keep my account', href: signInLink },
  );
}

/** The account came back (after deactivation, or a cancelled deletion). */
export function reactivatedEmail(to: string, name: string, deletionCancelled: boolean): EmailMessage {
  return message(to, 'security_alert', 'Welcome back to Reel', 'Your account is active again', [
    `Hi ${name},`,
    deletionCancelled
      ? 'The deletion of your Reel account was cancelled and your account is active again.'
      : 'Your Reel account is active again.',
    'If this was not you, change your password now.',
  ]);
}
