import { msg } from '@lit/localize';
import type { accountActivity, ResponseOf, sessionsList } from '@reel/contracts';
import { formatDate, formatRelativeTime } from '@reel/core';

/** A signed-in session, as `GET /auth/sessions` lists it. */
export type AccountSessionItem = ResponseOf<typeof sessionsList>['items'][number];
type DeviceType = AccountSessionItem['device_type'];
type Method = AccountSessionItem['sign_in_method'];
type Location = AccountSessionItem['location'];
/** One sign-in attempt, as `GET /auth/activity` lists it. */
export type LoginActivityItem = ResponseOf<typeof accountActivity>['items'][number];

/** The icon of a kind of device (desktop, phone, tablet, TV, console). */
export function deviceIcon(type: DeviceType): string {
  switch (type) {
    case 'mobile':
      return 'smartphone';
    case 'tablet':
      return 'tablet';
    case 'tv':
      return 'tv';
    case 'console':
      return 'gamepad';
    case 'desktop':
      return 'laptop';
    default:
      return 'globe';
  }
}

/** How a session was started, in words. */
export function methodLabel(method: Method | null): string {
  switch (method) {
    case 'password':
      return msg('Password', { id: 'security.method.password' });
    case 'password_totp':
      return msg('Password and authenticator code', { id: 'security.method.totp' });
    case 'password_backup_code':
      return msg('Password and backup code', { id: 'security.method.backup' });
    case 'password_trusted_device':
      return msg('Password on a trusted browser', { id: 'security.method.trusted' });
    case 'sign_up':
      return msg('Account created', { id: 'security.method.sign-up' });
    case 'password_reset':
      return msg('Password reset', { id: 'security.method.reset' });
    default:
      return msg('Unknown', { id: 'security.method.unknown' });
  }
}

/** "3 minutes ago", "yesterday", "just now", from an ISO timestamp (lower case, to sit in a sentence). */
export function ago(iso: string): string {
  if (Math.abs(Date.parse(iso) - Date.now()) < 45_000) return msg('just now', { id: 'security.time.now' });
  return formatRelativeTime(iso);
}

/** A date and time in the user's language: "12 Mar 2025, 14:05". */
export function when(iso: string): string {
  return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date in the user's language: "12 March 2025". */
export function day(iso: string): string {
  return formatDate(iso, { dateStyle: 'long' });
}

/** "Lisbon, Portugal", or nothing known. */
export function place(location: Location | null | undefined): string {
  return location?.label || msg('Unknown location', { id: 'security.location.unknown' });
}

/** Joins the parts that are known with a middle dot. */
export function dotted(...parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join(' · ');
}

/** Groups a base32 key in fours, for reading and typing: `JBSW Y3DP EHPK 3PXP`. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
