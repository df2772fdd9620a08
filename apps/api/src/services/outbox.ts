import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { emailOutbox } from '../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { badRequest } from '../http/errors.js';
import { newId } from '../ids.js';

/** One email as the outbox keeps it: what `send` takes, plus when it went. */
export interface EmailMessage {
  to: string;
  subject: string;
  /** `email_verification`, `password_reset`, `security_alert` … */
  template: string;
  text: string;
  html: string | null;
  /** Every link in the message, in order (what a test follows). */
  links: string[];
}

/** The contract's `DevMail`. */
export interface DevMailView extends EmailMessage {
  id: string;
  sent_at: string;
}

/** Filters of the development mailbox. */
export interface MailboxQuery {
  to?: string | undefined;
  template?: string | undefined;
  since?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * The outbox: emails kept in the database when no SMTP server is configured, newest first, for
 * the development mailbox (`/dev/mailbox`) and the tests that follow emailed links.
 */
export class Outbox {
  constructor(private readonly db: Db) {}

  async keep(message: EmailMessage): Promise<DevMailView> {
    const [row] = await this.db
      .insert(emailOutbox)
      .values({
        id: newId('eml'),
        to: message.to,
        subject: message.subject,
        template: message.template,
        text: message.text,
        html: message.html,
        links: message.links,
        // Millisecond precision (as cursors carry it), not the database's microseconds.
        sentAt: new Date(),
      })
      .returning();
    return view(row as typeof emailOutbox.$inferSelect);
  }

  /** A page of kept emails, newest first (`{ items, next_cursor }`). */
  async list(query: MailboxQuery): Promise<{ items: DevMailView[]; next_cursor: string | null }> {
    const limit = query.limit ?? 20;
    const where: SQL[] = [];
    if (query.to) where.push(eq(emailOutbox.to, query.to.trim().toLowerCase()));
    if (query.template) where.push(eq(emailOutbox.template, query.template));
    if (query.since) where.push(gte(emailOutbox.sentAt, new Date(query.since)));
    const after = decodeCursor(query.cursor);
    if (after) {
      const at = new Date(String(after.k[0]));
      if (Number.isNaN(at.getTime())) throw badRequest('query.cursor: not a cursor this server gave out');
      where.push(or(lt(emailOutbox.sentAt, at), and(eq(emailOutbox.sentAt, at), lt(emailOutbox.id, after.id))) as SQL);
    }
    const rows = await this.db
      .select()
      .from(emailOutbox)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(emailOutbox.sentAt), desc(emailOutbox.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit).map(view);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items,
      next_cursor: last ? encodeCursor({ k: [last.sentAt.toISOString()], id: last.id }) : null,
    };
  }
}

function view(row: typeof emailOutbox.$inferSelect): DevMailView {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    template: row.template,
    text: row.text,
    html: row.html,
    links: row.links,
    sent_at: row.sentAt.toISOString(),
  };
}
