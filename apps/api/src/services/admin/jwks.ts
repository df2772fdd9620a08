import type { AdminJwks, AdminSigningKey } from '@reel/contracts';
import { desc, eq, isNotNull, max } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { signingKeys, signingKeyTimes } from '../../db/schema/index.js';
import { conflict, notFound } from '../../http/errors.js';
import { ACCESS_TOKEN_TTL_SECONDS } from '../keys.js';

type KeyState = AdminSigningKey['state'];
const ORDER: Record<KeyState, number> = { next: 0, active: 1, retiring: 2, retired: 3 };

/**
 * Access-token signing keys (§21, `jwks.manage`), built on the KeyStore (services/keys.ts): `next`
 * is published before it signs; a rotation promotes it, the active key becomes `retiring` (still
 * verifies) and a new `next` is published; retiring a key unpublishes it and its tokens are refused.
 */
export class JwksService {
  constructor(private readonly app: FastifyInstance) {}

  /** Publishes a `next` key when there is none, so the next rotation has one to promote. */
  async ensureNext(): Promise<void> {
    const [next] = await this.app.db
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(eq(signingKeys.state, 'next'))
      .limit(1);
    if (!next) {
      await this.app.keys.createKey('next');
      await this.app.keys.load();
    }
  }

  async list(): Promise<AdminJwks> {
    await this.ensureNext();
    const rows = await this.app.db
      .select({
        kid: signingKeys.kid,
        publicJwk: signingKeys.publicJwk,
        state: signingKeys.state,
        createdAt: signingKeys.createdAt,
        activatedAt: signingKeys.activatedAt,
        retiredAt: signingKeys.retiredAt,
        retiringAt: signingKeyTimes.retiringAt,
      })
      .from(signingKeys)
      .leftJoin(signingKeyTimes, eq(signingKeyTimes.kid, signingKeys.kid))
      .orderBy(desc(signingKeys.createdAt));
    const [last] = await this.app.db
      .select({ at: max(signingKeyTimes.retiringAt) })
      .from(signingKeyTimes)
      .where(isNotNull(signingKeyTimes.retiringAt));
    const published = new Set(this.app.keys.jwks().keys.map((k) => k.kid));
    const items: AdminSigningKey[] = rows
      .map((r) => {
        const jwk = r.publicJwk as { x: string; y: string };
        return {
          kid: r.kid,
          alg: 'ES256' as const,
          state: r.state,
          published: published.has(r.kid),
          public_jwk: {
            kty: 'EC' as const,
            crv: 'P-256' as const,
            x: jwk.x,
            y: jwk.y,
            kid: r.kid,
            alg: 'ES256' as const,
            use: 'sig' as const,
          },
          created_at: r.createdAt.toISOString(),
          activated_at: r.activatedAt?.toISOString() ?? null,
          retiring_at: r.retiringAt?.toISOString() ?? null,
          retired_at: r.retiredAt?.toISOString() ?? null,
        };
      })
      .sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.created_at.localeCompare(a.created_at));
    return {
      items,
      last_rotated_at: last?.at ? new Date(last.at).toISOString() : null,
      access_token_ttl_seconds: ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  /** Promotes `next`, moves `active` to `retiring`, publishes a new `next`. Answers the kids moved. */
  async rotate(): Promise<{ activated: string; retiring: string[]; next: string }> {
    await this.ensureNext();
    const db = this.app.db;
    const at = new Date();
    const moved = await db.transaction(async (tx) => {
      const [next] = await tx.select().from(signingKeys).where(eq(signingKeys.state, 'next')).limit(1);
      if (!next) throw conflict('There is no next key to promote');
      const old = await tx
        .update(signingKeys)
        .set({ state: 'retiring' })
        .where(eq(signingKeys.state, 'active'))
        .returning({ kid: signingKeys.kid });
      for (const o of old)
        await tx
          .insert(signingKeyTimes)
          .values({ kid: o.kid, retiringAt: at })
          .onConflictDoUpdate({ target: signingKeyTimes.kid, set: { retiringAt: at } });
      await tx.update(signingKeys).set({ state: 'active', activatedAt: at }).where(eq(signingKeys.kid, next.kid));
      return { activated: next.kid, retiring: old.map((o) => o.kid) };
    });
    const newNext = await this.app.keys.createKey('next');
    await this.app.keys.load();
    return { ...moved, next: newNext };
  }

  /** Retires a `retiring` key: unpublished, and tokens it signed are refused from now on. */
  async retire(kid: string): Promise<{ state: KeyState }> {
    const [row] = await this.app.db.select().from(signingKeys).where(eq(signingKeys.kid, kid));
    if (!row) throw notFound('That signing key');
    if (row.state === 'active') throw conflict('The active key signs tokens: rotate first, then retire it');
    if (row.state === 'next') throw conflict('The next key has not signed yet: it cannot be retired');
    if (row.state === 'retired') throw conflict('This key is already retired');
    await this.app.keys.setState(kid, 'retired');
    return { state: row.state };
  }
}

const services = new WeakMap<FastifyInstance, JwksService>();
export function jwksService(app: FastifyInstance): JwksService {
  let found = services.get(app);
  if (!found) {
    found = new JwksService(app);
    services.set(app, found);
  }
  return found;
}
