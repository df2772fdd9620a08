// The billing emails: receipts, a failed payment and each dunning step, cancellation and the end
// of a subscription. They go through the email adapter (services/email.ts) and share its layout.
import { layout } from '../email.js';
import type { EmailMessage } from '../outbox.js';

const day = (date: Date) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);

function message(to: string, subject: string, lines: string[], action: { label: string; href: string }): EmailMessage {
  const text = `${lines.join('\n\n')}\n\n${action.label}: ${action.href}\n`;
  return { to, subject, template: 'billing', text, html: layout(subject, lines, action), links: [action.href] };
}

export type BillingEmail =
  | { kind: 'receipt'; plan: string; amount: number; currency: string; number: string }
  | { kind: 'payment_failed'; plan: string; amount: number; currency: string; reason: string; nextAttempt: Date | null }
  | { kind: 'retry_failed'; plan: string; attempt: number; nextAttempt: Date | null; reason: string }
  | { kind: 'grace'; plan: string; graceEnds: Date }
  | { kind: 'downgraded'; plan: string }
  | { kind: 'recovered'; plan: string; amount: number; currency: string }
  | { kind: 'canceled'; plan: string; endsAt: Date }
  | { kind: 'ended'; plan: string }
  | { kind: 'trial_started'; plan: string; trialEnd: Date; amount: number; currency: string };

/** The email of one billing step. */
export function billingEmail(to: string, name: string, origin: string, e: BillingEmail): EmailMessage {
  const billing = { label: 'Manage billing', href: `${origin}/account/billing` };
  const hi = `Hi ${name},`;
  switch (e.kind) {
    case 'receipt':
      return message(
        to,
        `Your Reel receipt ${e.number}`,
        [
          hi,
          `We charged ${money(e.amount, e.currency)} for your ${e.plan} plan. The invoice is in your billing history.`,
        ],
        billing,
      );
    case 'trial_started':
      return message(
        to,
        `Your ${e.plan} trial has started`,
        [
          hi,
          `Enjoy ${e.plan} free until ${day(e.trialEnd)}. After that we charge ${money(e.amount, e.currency)} a month unless you cancel before.`,
        ],
        billing,
      );
    case 'payment_failed':
      return message(
        to,
        'Your Reel payment failed',
        [
          hi,
          `We couldn't charge ${money(e.amount, e.currency)} for your ${e.plan} plan: ${e.reason}`,
          e.nextAttempt
            ? `We'll try again on ${day(e.nextAttempt)}. Update your card to keep watching without interruption.`
            : 'Update your card to keep watching without interruption.',
        ],
        { label: 'Update payment method', href: `${origin}/account/billing/payment-methods` },
      );
    case 'retry_failed':
      return message(
        to,
        `Payment attempt ${e.attempt} failed`,
        [
          hi,
          `We tried again to charge for your ${e.plan} plan and it failed: ${e.reason}`,
          e.nextAttempt ? `Next attempt: ${day(e.nextAttempt)}.` : '',
        ].filter(Boolean),
        { label: 'Update payment method', href: `${origin}/account/billing/payment-methods` },
      );
    case 'grace':
      return message(
        to,
        'Action needed: your plan ends soon',
        [
          hi,
          `We couldn't collect the payment for your ${e.plan} plan. You keep full access until ${day(e.graceEnds)}; after that your account moves to the Free tier.`,
        ],
        { label: 'Update payment method', href: `${origin}/account/billing/payment-methods` },
      );
    case 'downgraded':
      return message(
        to,
        'Your account is now on the Free tier',
        [
          hi,
          `We couldn't collect the payment for your ${e.plan} plan, so your account moved to the Free tier. Subscribe again any time.`,
        ],
        { label: 'See plans', href: `${origin}/plans` },
      );
    case 'recovered':
      return message(
        to,
        'Payment received — thank you',
        [hi, `We charged ${money(e.amount, e.currency)} and your ${e.plan} plan continues as before.`],
        billing,
      );
    case 'canceled':
      return message(
        to,
        'Your subscription is canceled',
        [hi, `Your ${e.plan} plan ends on ${day(e.endsAt)}. You can resume it before then and nothing changes.`],
        billing,
      );
    case 'ended':
      return message(
        to,
        'Your subscription has ended',
        [hi, `Your ${e.plan} plan has ended and your account is on the Free tier. Come back any time.`],
        { label: 'See plans', href: `${origin}/plans` },
      );
  }
}
