import type { BillingPlan } from '@reel/contracts';
import { formatDate, formatNumber } from '@reel/core';

/** Money from integer minor units, in the active locale: `$13.99`, `13,99 US$`, `‏13.99 US$`. */
export function formatMoney(money: { amount: number; currency: string }): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return formatNumber(money.amount / 10 ** digits, { style: 'currency', currency: money.currency });
}

/** A date without the time: `Dec 7, 2026`. */
export const formatDay = (iso: string) => formatDate(iso, { dateStyle: 'medium' });

/** The quality as people know it. */
export function qualityLabel(q: BillingPlan['entitlements']['max_quality']): string {
  return { '480p': 'SD 480p', '720p': 'HD 720p', '1080p': 'Full HD 1080p', '2160p': '4K Ultra HD' }[q];
}

/** The digits of a card number in groups of four (amex: 4-6-5). */
export function groupCardNumber(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 19);
  if (/^3[47]/.test(digits))
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(' ');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** `MM / YY` as typed → month and four-digit year, or null. */
export function parseExpiry(value: string): { month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!m) return null;
  const month = Number(m[1]);
  const year = (m[2] as string).length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** Formats the expiry while it is typed: `12` → `12 / `, `1229` → `12 / 29`. */
export function formatExpiry(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 4);
  if (digits.length <= 2) return digits;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}
