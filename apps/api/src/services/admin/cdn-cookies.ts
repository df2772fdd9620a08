import type { AdminCdnCookie } from '@reel/contracts';
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { opsCdnCookies, users } from '../../db/schema/index.js';
import { HttpError, notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { newId } from '../../ids.js';
import { MEDIA_COOKIE } from '../../routes/media.js';
import { recordAdminAction } from './audit.js';

// Signed delivery cookies issued by staff (§21, issue 17). The cookie carries a media token signed
// for a path prefix whose session id is the cookie's id: revoking it puts that id in the player's
// ended set, which the media route checks on every request (so the next request is refused).

type Row = typeof opsCdnCookies.$inferSelect;
type Who = { principal: Principal; request: FastifyRequest };

export class CdnCookies {
  constructor(private readonly app: FastifyInstance) {
    // Revoked cookies that have not expired stay refused after a restart.
    app.addHook('onReady', async () => {
      const rows = await app.db
        .select({ id: opsCdnCookies.id })
        .from(opsCdnCookies)
        .where(and(isNotNull(opsCdnCookies.revokedAt), gt(opsCdnCookies.expiresAt, new Date())));
      for (const r of rows) app.player?.ended.add(r.id);
    });
  }

  async #view(rows: Row[]): Promise<AdminCdnCookie[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.accountId, r.issuedBy]).filter((x): x is string => !!x))];
    const people = new Map(
      ids.length
        ? (
            await this.app.db
              .select({ id: users.id, email: users.email, name: users.displayName })
              .from(users)
              .where(inArray(users.id, ids))
          ).map((u) => [u.id, u])
        : [],
    );
    const now = Date.now();
    return rows.map((r) => {
      const account = r.accountId ? people.get(r.accountId) : undefined;
      const by = r.issuedBy ? people.get(r.issuedBy) : undefined;
      return {
        id: r.id,
        path_prefix: r.pathPrefix,
        issued_to: account ? { account_id: account.id, email: account.email } : null,
        key_id: r.keyId,
        note: r.note,
        status: r.revokedAt ? 'revoked' : r.expiresAt.getTime() <= now ? 'expired' : 'active',
        issued_at: r.issuedAt.toISOString(),
        expires_at: r.expiresAt.toISOString(),
        revoked_at: r.revokedAt?.toISOString() ?? null,
        issued_by: by ? { id: by.id, email: by.email, display_name: by.name } : null,
      };
    });
  }

  async list(q: { status?: 'active' | 'expired' | 'revoked'; account_id?: string; cursor?: string; limit?: number }) {
    const where: SQL[] = [];
    const now = new Date();
    if (q.status === 'revoked') where.push(isNotNull(opsCdnCookies.revokedAt));
    if (q.status === 'active') where.push(isNull(opsCdnCookies.revokedAt), gt(opsCdnCookies.expiresAt, now));
    if (q.status === 'expired') where.push(isNull(opsCdnCookies.revokedAt), lte(opsCdnCookies.expiresAt, now));
    if (q.account_id) where.push(eq(opsCdnCookies.accountId, q.account_id));
    const limit = q.limit ?? 50;
    const offset = Math.max(0, Number.parseInt(q.cursor ?? '0', 10) || 0);
    const rows = await this.app.db
      .select()
      .from(opsCdnCookies)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(opsCdnCookies.issuedAt), desc(opsCdnCookies.id))
      .limit(limit + 1)
      .offset(offset);
    return {
      items: await this.#view(rows.slice(0, limit)),
      next_cursor: rows.length > limit ? String(offset + limit) : null,
    };
  }

  async issue(input: { path_prefix: string; lifetime_seconds: number; account_id?: string; note?: string }, who: Who) {
    if (!input.path_prefix.startsWith('/media/') || input.path_prefix.split('/').includes('..')) {
      throw new HttpError(400, 'validation_failed', 'The prefix must be a path under /media/', {
        fields: [{ field: 'path_prefix', message: 'must start with /media/ and have no ..' }],
      });
    }
    if (input.account_id) {
      const [u] = await this.app.db.select({ id: users.id }).from(users).where(eq(users.id, input.account_id));
      if (!u) throw notFound('That account');
    }
    const id = newId('cdc');
    const now = Date.now();
    const exp = Math.floor(now / 1000) + input.lifetime_seconds;
    const signer = this.app.media.signer;
    const value = signer.sign({ path: input.path_prefix, exp, maxHeight: 0, sid: id });
    const row: Row = {
      id,
      pathPrefix: input.path_prefix,
      accountId: input.account_id ?? null,
      keyId: signer.keyState().current.id,
      note: input.note?.trim() || null,
      issuedBy: who.principal.userId,
      issuedAt: new Date(now),
      expiresAt: new Date(exp * 1000),
      revokedAt: null,
    };
    await this.app.db.insert(opsCdnCookies).values(row);
    await recordAdminAction(
      this.app,
      who,
      'cdn_cookie.issue',
      { type: 'cdn_cookie', id, label: input.path_prefix },
      null,
      {
        path_prefix: input.path_prefix,
        expires_at: row.expiresAt.toISOString(),
        account_id: row.accountId,
      },
    );
    const [cookie] = await this.#view([row]);
    const secure = this.app.config.publicOrigin.startsWith('https:');
    return {
      cookie: cookie as AdminCdnCookie,
      set_cookies: [
        {
          name: MEDIA_COOKIE,
          value,
          domain: null,
          path: input.path_prefix,
          expires_at: row.expiresAt.toISOString(),
          secure,
          http_only: true,
          same_site: 'Lax' as const,
        },
      ],
    };
  }

  async revoke(id: string, who: Who): Promise<void> {
    const [row] = await this.app.db.select().from(opsCdnCookies).where(eq(opsCdnCookies.id, id));
    if (!row) throw notFound('That delivery cookie');
    this.app.player?.ended.add(id);
    if (row.revokedAt) return;
    await this.app.db.update(opsCdnCookies).set({ revokedAt: new Date() }).where(eq(opsCdnCookies.id, id));
    await recordAdminAction(
      this.app,
      who,
      'cdn_cookie.revoke',
      { type: 'cdn_cookie', id, label: row.pathPrefix },
      { status: 'active' },
      { status: 'revoked' },
    );
  }
}
