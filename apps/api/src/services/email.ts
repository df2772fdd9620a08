import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { type EmailMessage, Outbox } from './outbox.js';

/**
 * Sends email. Two adapters: SMTP (nodemailer) when `REEL_SMTP_URL` is set, otherwise the outbox,
 * a database table that the development mailbox (`/dev/mailbox`) shows — so sign-up, password
 * reset and verification work end to end on one machine.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: EmailMessage): Promise<void>;
}

/** Keeps every message in the outbox table. */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox';
  constructor(readonly outbox: Outbox) {}

  async send(message: EmailMessage): Promise<void> {
    await this.outbox.keep(message);
  }
}

/** Sends through an SMTP server; nodemailer is loaded on the first message. */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private transport: Promise<{ sendMail(message: Record<string, unknown>): Promise<unknown> }> | null = null;

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    this.transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(this.url));
    const transport = await this.transport;
    await transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      headers: { 'X-Reel-Template': message.template },
    });
  }
}

/** The mailer the configuration asks for. */
export function createMailer(config: Config, db: Db): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(new Outbox(db));
}

/**
 * Work done after the answer has gone (sending an email, so a request for an unknown address
 * answers as fast as one for a known address). Failures are logged, never thrown at the caller;
 * `idle()` lets tests wait for what is still running.
 */
export class Deferred {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: FastifyBaseLogger | null) {}

  run(what: string, work: () => Promise<void>): void {
    const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => {
        this.log?.error({ err: error }, `${what} failed`);
      })
      .finally(() => {
        this.running.delete(task);
      });
    this.running.add(task);
  }

  /** Resolves once every deferred task started so far (and those they start) has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}

// ─── Templates ────────────────────────────────────────────────────────────────────────────────

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A plain, readable HTML body: heading, paragraphs and one button-like link. */
export function layout(heading: string, paragraphs: string[], action?: { label: string; href: string }): string {
  const button = action
    ? `<p style="margin:28px 0"><a href="${escapeHtml(action.href)}" style="background:#e50914;color:#ffffff;padding:12px 22px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(action.label)}</a></p>`
    : '';
  const body = paragraphs.map((p) => `<p style="margin:0 0 14px;line-height:1.5">${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html lang="en"><body style="margin:0;background:#f4f4f6;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1b22"><div style="max-width:520px;margin:0 auto;padding:32px 24px"><div style="font-size:26px;font-weight:800;color:#e50914;letter-spacing:-0.02em;margin-bottom:24px">REEL</div><div style="background:#ffffff;border-radius:10px;padding:28px"><h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(heading)}</h1>${body}${button}${action ? `<p style="margin:0;font-size:13px;color:#5c5a66;word-break:break-all">${escapeHtml(action.href)}</p>` : ''}</div></div></body></html>`;
}

const hours = (seconds: number) => Math.round(seconds / 3600);
const minutes = (seconds: number) => Math.round(seconds / 60);

/** "Confirm your email address", with the verification link. */
export function verificationEmail(to: string, name: string, link: string, expiresInSeconds: number): EmailMessage {
  const lifetime = `${hours(expiresInSeconds)} hours`;
  const lines = [
    `Hi ${name},`,
    'Confirm that this is your email address, so that we can reach you about your account and help you if you ever lose your password.',
    `The link works for ${lifetime}. If you did not create a Reel account, ignore this email.`,
  ];
  return {
    to,
    subject: 'Confirm your email address',
    template: 'email_verification',
    text: `${lines.join('\n\n')}\n\nConfirm your email: ${link}\n`,
    html: layout('Confirm your email address', lines, { label: 'Confirm email', href: link }),
    links: [link],
  };
}

/** "Reset your password", with the single-use reset link. */
export function passwordResetEmail(to: string, name: string, link: string, expiresInSeconds: number): EmailMessage {
  const lines = [
    `Hi ${name},`,
    'Someone asked to reset the password of your Reel account. If it was you, choose a new password with the link below.',
    `The link works once, for ${minutes(expiresInSeconds)} minutes. If you did not ask, ignore this email: your password stays as it is.`,
  ];
  return {
    to,
    subject: 'Reset your Reel password',
    template: 'password_reset',
    text: `${lines.join('\n\n')}\n\nReset your password: ${link}\n`,
    html: layout('Reset your password', lines, { label: 'Choose a new password', href: link }),
    links: [link],
  };
}

/** "Your password was changed": sent after a reset, with a link to reset again if it was not you. */
export function passwordChangedEmail(to: string, name: string, resetLink: string, signedOut: number): EmailMessage {
  const lines = [
    `Hi ${name},`,
    `The password of your Reel account was just reset, and ${signedOut === 1 ? '1 device was' : `${signedOut} devices were`} signed out.`,
    'If this was not you, reset your password now and turn on two-step verification.',
  ];
  return {
    to,
    subject: 'Your Reel password was changed',
    template: 'security_alert',
    text: `${lines.join('\n\n')}\n\nReset your password: ${resetLink}\n`,
    html: layout('Your password was changed', lines, { label: 'Reset my password', href: resetLink }),
    links: [resetLink],
  };
}
