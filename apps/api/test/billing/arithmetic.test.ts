// Property tests of the proration and invoice arithmetic (fast-check): lines add up to the total,
// no negative charge, a credit never exceeds what was paid, every amount an integer (minor units).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addInterval, divRound, invoiceTotals, prorate, taxOn } from '../../src/services/billing/arithmetic.js';

const DAY = 86_400_000;
const price = fc.integer({ min: 0, max: 1_000_000 });
const rate = fc.option(
  fc.record({
    region: fc.constant('GB'),
    name: fc.constant('VAT'),
    rate_bps: fc.integer({ min: 0, max: 10_000 }),
    inclusive: fc.constant(false),
  }),
  { nil: null },
);
const period = fc
  .record({
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    days: fc.integer({ min: 1, max: 366 }),
    at: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
  })
  .map(({ start, days, at }) => ({
    start: new Date(start),
    end: new Date(start + days * DAY),
    at: new Date(start + Math.round(at * days * DAY)),
  }));

describe('billing arithmetic', () => {
  it('rounds half away from zero, in integers', () => {
    assert.equal(divRound(5, 2), 3);
    assert.equal(divRound(-5, 2), -3);
    assert.equal(divRound(4, 3), 1);
    assert.equal(taxOn(999, { region: 'GB', name: 'VAT', rate_bps: 2000, inclusive: false }), 200);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = divRound(n, d);
        return Number.isInteger(r) && Math.abs(r - n / d) <= 0.5;
      }),
    );
  });

  it('prorates: no negative charge, the credit never exceeds what was paid, integers only', () => {
    fc.assert(
      fc.property(price, price, price, period, (currentPrice, newPrice, paidRaw, p) => {
        const periodPaid = Math.min(paidRaw, currentPrice);
        const { credit, charge } = prorate({
          currentPrice,
          periodPaid,
          newPrice,
          periodStart: p.start,
          periodEnd: p.end,
          at: p.at,
        });
        assert.ok(Number.isInteger(credit) && Number.isInteger(charge));
        assert.ok(credit <= 0, 'a credit is negative or zero');
        assert.ok(charge >= 0 && charge <= newPrice, 'the charge is within the new price');
        assert.ok(-credit <= periodPaid, 'the credit never exceeds what was paid');
        assert.ok(charge + credit >= 0, 'the net is never negative');
      }),
    );
  });

  it('charges the whole difference at the start of a period and nothing at its end', () => {
    const start = new Date(Date.UTC(2026, 0, 1));
    const end = new Date(Date.UTC(2026, 1, 1));
    const base = { currentPrice: 799, periodPaid: 799, newPrice: 1399, periodStart: start, periodEnd: end };
    assert.deepEqual(prorate({ ...base, at: start }), { credit: -799, charge: 1399 });
    assert.deepEqual(prorate({ ...base, at: end }), { credit: 0, charge: 0 });
    const half = prorate({ ...base, at: new Date((start.getTime() + end.getTime()) / 2) });
    assert.deepEqual(half, { credit: -400, charge: 700 });
  });

  it('numbers the lines, and subtotal + tax = total = the sum of the lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitAmount: price, quantity: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 1_000_000 }),
        rate,
        (items, creditRaw, r) => {
          const gross = items.reduce((s, i) => s + i.unitAmount * i.quantity, 0);
          const credit = -Math.min(creditRaw, gross);
          const drafts = [
            ...items.map((i) => ({ kind: 'subscription' as const, description: 'x', ...i })),
            { kind: 'proration' as const, description: 'credit', unitAmount: credit },
          ];
          const t = invoiceTotals(drafts, r);
          assert.deepEqual(
            t.lines.map((l) => l.number),
            t.lines.map((_, i) => i + 1),
          );
          const nonTax = t.lines.filter((l) => l.kind !== 'tax').reduce((s, l) => s + l.amount, 0);
          const tax = t.lines.filter((l) => l.kind === 'tax').reduce((s, l) => s + l.amount, 0);
          assert.equal(t.subtotal, nonTax);
          assert.equal(t.tax, tax);
          assert.equal(t.total, t.subtotal + t.tax);
          assert.equal(
            t.total,
            t.lines.reduce((s, l) => s + l.amount, 0),
          );
          assert.ok(t.total >= 0 && t.tax >= 0);
          for (const l of t.lines) assert.equal(l.amount, l.quantity * l.unitAmount);
          assert.ok(t.lines.every((l) => Number.isInteger(l.amount)));
        },
      ),
    );
  });

  it('refuses a negative subtotal', () => {
    assert.throws(() => invoiceTotals([{ kind: 'credit', description: 'x', unitAmount: -1 }], null), RangeError);
  });

  it('adds months in UTC, clamping to the end of shorter months', () => {
    assert.equal(addInterval(new Date('2026-01-31T10:00:00Z'), 'month').toISOString(), '2026-02-28T10:00:00.000Z');
    assert.equal(addInterval(new Date('2028-01-31T10:00:00Z'), 'month').toISOString(), '2028-02-29T10:00:00.000Z');
    assert.equal(addInterval(new Date('2026-03-15T00:00:00Z'), 'year').toISOString(), '2027-03-15T00:00:00.000Z');
  });
});
