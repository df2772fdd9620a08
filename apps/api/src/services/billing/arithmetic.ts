// Invoice and proration arithmetic, in integer minor units only (no floats reach an amount).
// Pure functions: property-tested in test/billing/arithmetic.test.ts.
import type { StoredLine } from '../../db/schema/billing.js';

/** A tax rate of a region: basis points (2000 = 20 %), exclusive of the price. */
export interface TaxRate {
  region: string;
  name: string;
  rate_bps: number;
  inclusive: boolean;
}

/** Rounds half away from zero, for a non-negative or negative rational `num / den` (integers). */
export function divRound(num: number, den: number): number {
  if (den <= 0) throw new RangeError('denominator must be positive');
  const sign = num < 0 ? -1 : 1;
  const abs = Math.abs(num);
  return sign * Math.floor((abs * 2 + den) / (den * 2));
}

/** Tax on a subtotal: rounded half up, never negative. */
export function taxOn(subtotal: number, rate: TaxRate | null): number {
  if (!rate || rate.rate_bps === 0 || subtotal <= 0) return 0;
  return divRound(subtotal * rate.rate_bps, 10_000);
}

/** The share of a period left at `at`, as milliseconds remaining over the period's length (0..1). */
export function remaining(periodStart: Date, periodEnd: Date, at: Date): { left: number; length: number } {
  const length = Math.max(1, periodEnd.getTime() - periodStart.getTime());
  const left = Math.min(length, Math.max(0, periodEnd.getTime() - at.getTime()));
  return { left, length };
}

export interface ProrationInput {
  /** Price of the current plan per period. */
  currentPrice: number;
  /** What was actually paid for the current period (before tax): the credit never exceeds it. */
  periodPaid: number;
  /** Price of the new plan per period. */
  newPrice: number;
  periodStart: Date;
  periodEnd: Date;
  at: Date;
}

export interface Proration {
  /** Credit for the unused part of the current plan: ≤ 0, and −credit ≤ periodPaid. */
  credit: number;
  /** Charge for the rest of the period on the new plan: ≥ 0. */
  charge: number;
}

/**
 * Proration of an immediate plan change: a credit for the unused time of the current plan (never
 * more than was paid) and a charge for the remaining time on the new one. The credit is capped at
 * the charge, so the net is never negative (an upgrade never pays out).
 */
export function prorate(input: ProrationInput): Proration {
  const { left, length } = remaining(input.periodStart, input.periodEnd, input.at);
  const unused = divRound(Math.max(0, input.currentPrice) * left, length);
  const charge = divRound(Math.max(0, input.newPrice) * left, length);
  const credit = Math.min(unused, Math.max(0, input.periodPaid), charge);
  return { credit: credit === 0 ? 0 : -credit, charge };
}

export interface LineDraft {
  kind: StoredLine['kind'];
  description: string;
  quantity?: number;
  unitAmount: number;
  period?: { start: Date; end: Date } | null;
  planId?: string | null;
}

export interface Totals {
  lines: StoredLine[];
  subtotal: number;
  tax: number;
  total: number;
}

/**
 * Numbers the lines 1, 2, 3 …, adds the tax line, and the totals: subtotal = the sum of the
 * non-tax lines, tax = the tax line, total = subtotal + tax. A negative subtotal is not charged:
 * it is an error of the caller.
 */
export function invoiceTotals(drafts: LineDraft[], rate: TaxRate | null): Totals {
  const lines: StoredLine[] = drafts.map((d, i) => {
    const quantity = d.quantity ?? 1;
    return {
      number: i + 1,
      kind: d.kind,
      description: d.description,
      quantity,
      unitAmount: d.unitAmount,
      amount: quantity * d.unitAmount,
      period: d.period ? { start: d.period.start.toISOString(), end: d.period.end.toISOString() } : null,
      planId: d.planId ?? null,
    };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  if (subtotal < 0) throw new RangeError('an invoice subtotal cannot be negative');
  const tax = taxOn(subtotal, rate);
  if (tax > 0 && rate) {
    lines.push({
      number: lines.length + 1,
      kind: 'tax',
      description: `${rate.name} ${formatBps(rate.rate_bps)} (${rate.region})`,
      quantity: 1,
      unitAmount: tax,
      amount: tax,
      period: null,
      planId: null,
    });
  }
  return { lines, subtotal, tax, total: subtotal + tax };
}

/** `2000` → `20%`, `1950` → `19.5%`. */
export function formatBps(bps: number): string {
  return `${(bps / 100).toString()}%`;
}

/** Adds whole months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addInterval(date: Date, interval: 'month' | 'year', count = 1): Date {
  const months = interval === 'year' ? 12 * count : count;
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** A price per month, to compare plans of different intervals. */
export function monthlyPrice(amount: number, interval: 'month' | 'year'): number {
  return interval === 'year' ? amount / 12 : amount;
}
