// Partner embedding (issue 13): API keys (hashed secret shown once, scopes, allowed origins, last
// use, revocation at once), short-lived playback tokens bound to a title (or episode), an origin
// and the key, the partner principal they stand for, CORS origins and the per-origin rate limit
// of public sources.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  AdminApiKey,
  AdminApiKeyCreated,
  PartnerPlaybackToken,
  PartnerPlaybackTokenRequest,
} from '@reel/contracts';
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiKeys, apiKeyUsage, partnerTokenKeys, users } from '../../db/schema/index.js';
import { HttpError, notFound } from '../../http/errors.js';
import type { PartnerGrant, Principal } from '../../http/principal.js';
import { newId } from '../../ids.js';

declare module 'fastify' {
  interface FastifyInstance {
    partner: PartnerService;
  }
}

/** Every playback token starts with this, so a bearer header carrying one is recognised. */
export const PLAYBACK_TOKEN_PREFIX = 'rpt_';
/** Every API key secret starts with this. */
export const API_KEY_PREFIX = 'rk_live_';
/** Default and bounds of a playback token's life, seconds. */
export const TOKEN_TTL = { default: 900, min: 60, max: 3600 } as const;
/** Public sources an origin may read without a token, per minute (`REEL_PARTNER_PUBLIC_RATE`). */
const PUBLIC_RATE_DEFAULT = 300;

/** The public reads that are rate limited per origin when a partner page calls them without a token. */
export const PUBLIC_OPERATIONS = new Set([
  'home.trending',
  'home.top10',
  'catalog.collections',
  'catalog.collection',
  'catalog.get',
  'catalog.browse',
]);

export type KeyRow = typeof apiKeys.$inferSelect;
type Scope = 'playback' | 'catalog';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An error the element can tell apart by `code` (and whose answer carries CORS headers). */
const refusal = (status: number, code: string, message: string) => new HttpError(status, code, message);

/** The origin of a URL-ish header value, or null. */
export function originOf(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

export class PartnerService {
  readonly #app: FastifyInstance;
  /** Every key, by id (a small table, kept in memory: CORS asks on each request). */
  #keys = new Map<string, KeyRow>();
  /** Allowed origins of active keys. */
  #origins = new Set<string>();
  /** Allowed origins of every key, revoked ones included. */
  #anyOrigins = new Set<string>();
  #signing: { id: string; secret: Buffer }[] = [];
  /** Per-origin token buckets of public reads. */
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  /** The public-source limit per origin: `limit` reads per `windowMs` (token bucket). */
  publicRule = {
    limit: Math.max(1, Number(process.env.REEL_PARTNER_PUBLIC_RATE) || PUBLIC_RATE_DEFAULT),
    windowMs: 60_000,
  };
  publicLimitEnabled = !(process.env.REEL_RATE_LIMITS === 'off' && process.env.NODE_ENV !== 'production');
  now: () => number = Date.now;

  constructor(app: FastifyInstance) {
    this.#app = app;
  }

  get #db() {
    return this.#app.db;
  }

  async load(): Promise<void> {
    const rows = await this.#db.select().from(apiKeys);
    this.#keys = new Map(rows.map((r) => [r.id, r]));
    this.#reindex();
    let keys = await this.#db.select().from(partnerTokenKeys).where(isNull(partnerTokenKeys.retiredAt));
    if (!keys.length) {
      await this.#db
        .insert(partnerTokenKeys)
        .values({ id: newId('ptk'), secret: randomBytes(32).toString('base64') })
        .onConflictDoNothing();
      keys = await this.#db.select().from(partnerTokenKeys).where(isNull(partnerTokenKeys.retiredAt));
    }
    this.#signing = keys.map((k) => ({ id: k.id, secret: Buffer.from(k.secret, 'base64') }));
  }

  #reindex(): void {
    const origins = new Set<string>();
    const any = new Set<string>();
    for (const k of this.#keys.values()) {
      for (const o of k.allowedOrigins) {
        any.add(o);
        if (!k.revokedAt) origins.add(o);
      }
    }
    this.#origins = origins;
    this.#anyOrigins = any;
  }

  /** Whether an active key allows this origin (CORS, no credentials). */
  allowsOrigin(origin: string): boolean {
    return this.#origins.has(origin);
  }

  /**
   * CORS (without credentials) for a partner page: the origins of every key, revoked ones included
   * (so a refused page can read why), and any origin on the token-carrying playback and delivery
   * routes (their credential is the token, never a cookie: a foreign page reads its refusal).
   */
  corsAllows(origin: string, url: string): boolean {
    if (this.#origins.has(origin) || this.#anyOrigins.has(origin)) return true;
    return url.startsWith('/api/v1/player/') || url.startsWith('/api/v1/delivery/');
  }

  /** The allowed origins of one key (the iframe's frame-ancestors), or null for an unknown or revoked key. */
  originsOfKey(keyId: string): string[] | null {
    const key = this.#keys.get(keyId);
    return key && !key.revokedAt ? key.allowedOrigins : null;
  }

  // Admin ----------------------------------------------------------------------------------------

  async #shape(rows: KeyRow[]): Promise<AdminApiKey[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const creators = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => Boolean(x)))];
    const people = creators.length
      ? await this.#db
          .select({ id: users.id, email: users.email, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, creators))
      : [];
    const since30 = day(this.now() - 29 * 86_400_000);
    const today = day(this.now());
    const usage = await this.#db
      .select()
      .from(apiKeyUsage)
      .where(and(inArray(apiKeyUsage.keyId, ids), gte(apiKeyUsage.day, since30)));
    return rows.map((r) => {
      const mine = usage.filter((u) => u.keyId === r.id);
      const sum = (list: typeof mine, f: 'requests' | 'tokensMinted' | 'refused') => list.reduce((n, u) => n + u[f], 0);
      const todays = mine.filter((u) => u.day === today);
      const who = people.find((p) => p.id === r.createdBy);
      return {
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        scopes: r.scopes as Scope[],
        allowed_origins: r.allowedOrigins,
        status: r.revokedAt ? ('revoked' as const) : ('active' as const),
        created_at: r.createdAt.toISOString(),
        created_by: who ? { id: who.id, email: who.email, display_name: who.displayName ?? who.email } : null,
        last_used_at: iso(r.lastUsedAt),
        last_used_origin: r.lastUsedOrigin,
        revoked_at: iso(r.revokedAt),
        usage: {
          requests_24h: sum(todays, 'requests'),
          requests_30d: sum(mine, 'requests'),
          tokens_minted_24h: sum(todays, 'tokensMinted'),
          tokens_minted_30d: sum(mine, 'tokensMinted'),
          refused_24h: sum(todays, 'refused'),
        },
      };
    });
  }

  async list(status: 'active' | 'revoked' | undefined, q: string | undefined): Promise<AdminApiKey[]> {
    const rows = await this.#db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    const needle = q?.trim().toLowerCase();
    const filtered = rows.filter(
      (r) =>
        (!status || (status === 'revoked') === Boolean(r.revokedAt)) &&
        (!needle || r.name.toLowerCase().includes(needle) || r.prefix.toLowerCase().includes(needle)),
    );
    return this.#shape(filtered);
  }

  async #row(id: string): Promise<KeyRow> {
    const [row] = await this.#db.select().from(apiKeys).where(eq(apiKeys.id, id));
    if (!row) throw notFound('That API key');
    return row;
  }

  async get(id: string) {
    const row = await this.#row(id);
    const [shaped] = await this.#shape([row]);
    const usage = await this.#db
      .select()
      .from(apiKeyUsage)
      .where(and(eq(apiKeyUsage.keyId, id), gte(apiKeyUsage.day, day(this.now() - 29 * 86_400_000))));
    const usageDaily = Array.from({ length: 30 }, (_, i) => {
      const d = day(this.now() - (29 - i) * 86_400_000);
      const u = usage.find((x) => x.day === d);
      return { date: d, requests: u?.requests ?? 0, tokens_minted: u?.tokensMinted ?? 0, refused: u?.refused ?? 0 };
    });
    return { ...(shaped as AdminApiKey), usage_daily: usageDaily };
  }

  /**
   * Creates a key; the secret is in this answer only (stored as its SHA-256). `secret` may be given
   * by the demo seed (a documented demo key); otherwise 256 random bits.
   */
  async create(
    input: { name: string; scopes: Scope[]; allowed_origins: string[] },
    createdBy: string | null,
    secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`,
  ): Promise<AdminApiKeyCreated> {
    const id = newId('ak');
    const [row] = await this.#db
      .insert(apiKeys)
      .values({
        id,
        name: input.name.trim(),
        prefix: secret.slice(0, API_KEY_PREFIX.length + 4),
        secretHash: hashSecret(secret),
        scopes: [...new Set(input.scopes)],
        allowedOrigins: [...new Set(input.allowed_origins.map((o) => o.replace(/\/$/, '')))],
        createdBy,
        createdAt: new Date(this.now()),
      })
      .returning();
    const created = row as KeyRow;
    this.#keys.set(id, created);
    this.#reindex();
    const [shaped] = await this.#shape([created]);
    return { ...(shaped as AdminApiKey), secret };
  }

  async update(id: string, input: { name?: string | undefined; allowed_origins?: string[] | undefined }) {
    const before = await this.#row(id);
    if (before.revokedAt) throw new HttpError(409, 'api_key_revoked', 'This key is revoked: create a new one');
    const [row] = await this.#db
      .update(apiKeys)
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.allowed_origins
          ? { allowedOrigins: [...new Set(input.allowed_origins.map((o) => o.replace(/\/$/, '')))] }
          : {}),
      })
      .where(eq(apiKeys.id, id))
      .returning();
    this.#keys.set(id, row as KeyRow);
    this.#reindex();
    const [shaped] = await this.#shape([row as KeyRow]);
    return { before, after: shaped as AdminApiKey };
  }

  /** Revokes at once: its next token request, its tokens and its origins' CORS are refused. */
  async revoke(id: string): Promise<{ row: KeyRow; changed: boolean }> {
    const row = await this.#row(id);
    if (row.revokedAt) return { row, changed: false };
    const [updated] = await this.#db
      .update(apiKeys)
      .set({ revokedAt: new Date(this.now()) })
      .where(eq(apiKeys.id, id))
      .returning();
    this.#keys.set(id, updated as KeyRow);
    this.#reindex();
    return { row: updated as KeyRow, changed: true };
  }

  // Usage ----------------------------------------------------------------------------------------

  async #count(keyId: string, what: { minted?: boolean; refused?: boolean; origin?: string | null }): Promise<void> {
    const d = day(this.now());
    const minted = what.minted ? 1 : 0;
    const refused = what.refused ? 1 : 0;
    await this.#db
      .insert(apiKeyUsage)
      .values({ keyId, day: d, requests: 1, tokensMinted: minted, refused })
      .onConflictDoUpdate({
        target: [apiKeyUsage.keyId, apiKeyUsage.day],
        set: {
          requests: sql`${apiKeyUsage.requests} + 1`,
          tokensMinted: sql`${apiKeyUsage.tokensMinted} + ${minted}`,
          refused: sql`${apiKeyUsage.refused} + ${refused}`,
        },
      });
    if (!refused) {
      const at = new Date(this.now());
      const [row] = await this.#db
        .update(apiKeys)
        .set({ lastUsedAt: at, lastUsedOrigin: what.origin ?? null })
        .where(eq(apiKeys.id, keyId))
        .returning();
      if (row) this.#keys.set(keyId, row);
    }
  }

  // Minting --------------------------------------------------------------------------------------

  /** The key of an `X-Api-Key` header: 401 when missing, unknown or revoked. */
  async authenticate(request: FastifyRequest): Promise<KeyRow> {
    const header = request.headers['x-api-key'];
    const secret = Array.isArray(header) ? header[0] : header;
    if (!secret) throw refusal(401, 'api_key_required', 'Send your API key in the X-Api-Key header');
    const hash = hashSecret(secret.trim());
    let key = [...this.#keys.values()].find((k) => k.secretHash === hash);
    if (!key) {
      // Made by another process since this one loaded its keys.
      const [row] = await this.#db.select().from(apiKeys).where(eq(apiKeys.secretHash, hash));
      if (row) {
        this.#keys.set(row.id, row);
        this.#reindex();
        key = row;
      }
    }
    if (!key) throw refusal(401, 'api_key_invalid', 'This API key is not valid');
    if (key.revokedAt) {
      await this.#count(key.id, { refused: true });
      throw refusal(401, 'api_key_revoked', 'This API key was revoked');
    }
    return key;
  }

  /** POST /partner/playback-tokens. */
  async mint(key: KeyRow, body: PartnerPlaybackTokenRequest): Promise<PartnerPlaybackToken> {
    const refuse = async (status: number, code: string, message: string) => {
      await this.#count(key.id, { refused: true });
      return refusal(status, code, message);
    };
    if (!key.scopes.includes('playback')) {
      throw await refuse(403, 'scope_missing', 'This API key has no playback scope');
    }
    const origin = body.origin.replace(/\/$/, '');
    if (!key.allowedOrigins.includes(origin)) {
      throw await refuse(403, 'origin_not_allowed', `${origin} is not one of this key's allowed origins`);
    }
    const catalog = this.#app.catalog;
    const snap = await catalog.snapshot();
    const title = snap.titles.get(body.title_id);
    if (!title || !catalog.isPublished(title)) throw await refuse(422, 'unknown_title', 'There is no such title');
    if (body.episode_id) {
      const records = title.row.type === 'film' ? [] : await catalog.episodeRecords(snap, title.id);
      if (!records.some((e) => e.id === body.episode_id)) {
        throw await refuse(422, 'unknown_episode', 'That episode is not one of this title');
      }
    }
    const ttl = body.ttl ?? TOKEN_TTL.default;
    const exp = Math.floor(this.now() / 1000) + ttl;
    const grant: PartnerGrant = {
      keyId: key.id,
      tokenId: newId('ptk', 12),
      titleId: title.id,
      episodeId: body.episode_id ?? null,
      origin,
      exp,
    };
    await this.#count(key.id, { minted: true, origin });
    return {
      playback_token: this.sign(grant),
      expires_in: ttl,
      expires_at: new Date(exp * 1000).toISOString(),
      title_id: title.id,
      episode_id: grant.episodeId,
      origin,
    };
  }

  #mac(secret: Buffer, payload: string): Buffer {
    return createHmac('sha256', secret).update(payload).digest().subarray(0, 24);
  }

  /** `rpt_<payload>.<mac>`, both base64url. */
  sign(grant: PartnerGrant): string {
    const key = this.#signing[0];
    if (!key) throw new Error('Partner token keys are not loaded');
    const payload = Buffer.from(
      JSON.stringify({
        v: 1,
        s: key.id,
        k: grant.keyId,
        j: grant.tokenId,
        t: grant.titleId,
        e: grant.episodeId,
        o: grant.origin,
        x: grant.exp,
      }),
    ).toString('base64url');
    return `${PLAYBACK_TOKEN_PREFIX}${payload}.${this.#mac(key.secret, payload).toString('base64url')}`;
  }

  /**
   * Checks a playback token: 401 `playback_token_invalid` / `playback_token_expired` /
   * `api_key_revoked`; 403 `origin_not_allowed` when the calling page's origin (when the browser
   * says one) is neither the token's nor this site's own (the iframe embed).
   */
  verify(token: string, requestOrigin: string | null): PartnerGrant {
    const invalid = () => refusal(401, 'playback_token_invalid', 'This playback token is not valid');
    if (!token.startsWith(PLAYBACK_TOKEN_PREFIX) || token.length > 4096) throw invalid();
    const body = token.slice(PLAYBACK_TOKEN_PREFIX.length);
    const dot = body.indexOf('.');
    if (dot <= 0) throw invalid();
    const payload = body.slice(0, dot);
    let claims: { s: string; k: string; j: string; t: string; e: string | null; o: string; x: number };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    const key = this.#signing.find((k) => k.id === claims?.s);
    if (!key) throw invalid();
    const given = Buffer.from(body.slice(dot + 1), 'base64url');
    const expected = this.#mac(key.secret, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    if (!Number.isFinite(claims.x) || claims.x * 1000 <= this.now()) {
      throw refusal(401, 'playback_token_expired', 'This playback token expired: ask the page for a new one');
    }
    const apiKey = this.#keys.get(claims.k);
    if (!apiKey || apiKey.revokedAt) throw refusal(401, 'api_key_revoked', 'The API key of this token was revoked');
    if (requestOrigin && requestOrigin !== claims.o && requestOrigin !== this.#app.config.publicOrigin) {
      throw refusal(403, 'origin_not_allowed', 'This playback token is for another site');
    }
    return {
      keyId: claims.k,
      tokenId: claims.j,
      titleId: claims.t,
      episodeId: claims.e,
      origin: claims.o,
      exp: claims.x,
    };
  }

  /** The principal a grant stands for: no account, no profile, no permission; bound to its title. */
  principalOf(grant: PartnerGrant): Principal {
    return {
      kind: 'partner',
      userId: `partner:${grant.keyId}:${grant.tokenId}`,
      sessionId: grant.tokenId,
      profileId: null,
      email: '',
      status: 'active',
      plan: 'partner',
      region: 'US',
      roles: [],
      permissions: new Set(),
      reauthAt: null,
      activeProfile: null,
      profileIds: [],
      partner: grant,
    };
  }

  /**
   * The partner principal of a `playback` request, or null when it carries no playback token:
   * `X-Playback-Token`, `Authorization: Bearer rpt_…`, or (no Authorization) `playback_token` /
   * `token` in a JSON body.
   */
  principalFromRequest(request: FastifyRequest): Principal | null {
    const auth = request.headers.authorization;
    const bearer = auth ? /^Bearer\s+(rpt_\S+)$/i.exec(auth)?.[1] : undefined;
    const header = request.headers['x-playback-token'];
    const body = request.body as { playback_token?: unknown } | null | undefined;
    // The body's token first: a renewal carries the new one while the old one may still be in a header.
    const fromBody =
      (!auth || bearer) && body && typeof body === 'object' && typeof body.playback_token === 'string'
        ? body.playback_token
        : undefined;
    const token = fromBody ?? (Array.isArray(header) ? header[0] : header) ?? bearer;
    // Anything that is not shaped like a playback token is no credential at all (401 unauthenticated).
    if (!token?.startsWith(PLAYBACK_TOKEN_PREFIX)) return null;
    return this.principalOf(this.verify(token, originOf(request.headers.origin as string | undefined)));
  }

  /** Seconds a partner principal's token has left (at least 60), or null for a user. */
  remaining(principal: Principal): number | null {
    if (!principal.partner) return null;
    return Math.max(60, Math.round(principal.partner.exp - this.now() / 1000));
  }

  // Public sources ------------------------------------------------------------------------------

  /** Spends one public read of an origin; refused with the seconds to wait. */
  takePublic(origin: string): { allowed: true } | { allowed: false; retryAfter: number } {
    if (!this.publicLimitEnabled) return { allowed: true };
    const { limit, windowMs } = this.publicRule;
    const now = this.now();
    const b = this.#buckets.get(origin);
    const tokens = b ? Math.min(limit, b.tokens + ((now - b.at) * limit) / windowMs) : limit;
    if (tokens < 1)
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(((1 - tokens) * windowMs) / limit / 1000)) };
    this.#buckets.delete(origin);
    this.#buckets.set(origin, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > 10_000) this.#buckets.delete(this.#buckets.keys().next().value as string);
    return { allowed: true };
  }

  /** Forgets the public-read buckets (tests). */
  resetPublic(): void {
    this.#buckets.clear();
  }
}

/**
 * The partner service, and two hooks: a partner page (an Origin that is not this site's) never
 * gets a cookie, and its untokened public reads are rate limited per origin.
 */
export const partnerPlugin = fp(
  async (app: FastifyInstance) => {
    const service = new PartnerService(app);
    await service.load();
    app.decorate('partner', service);
    const firstParty = new Set([app.config.publicOrigin, ...app.config.allowedOrigins]);

    app.addHook('onRequest', async (request) => {
      const origin = request.headers.origin;
      if (!origin || firstParty.has(origin) || request.headers.authorization) return;
      const operation = request.routeOptions.config?.endpoint?.operation;
      if (!operation || !PUBLIC_OPERATIONS.has(operation)) return;
      const decision = service.takePublic(origin);
      if (!decision.allowed) {
        throw new HttpError(
          429,
          'rate_limited',
          `Too many requests from ${origin}: try again in ${decision.retryAfter} s`,
          { hint: { retry_after: decision.retryAfter } },
          { 'retry-after': String(decision.retryAfter) },
        );
      }
    });

    // A callback hook: an async one costs every reply a promise.
    app.addHook('onSend', (request, reply, payload, done) => {
      const origin = request.headers.origin;
      if (origin && !firstParty.has(origin) && reply.hasHeader('set-cookie')) reply.removeHeader('set-cookie');
      done(null, payload);
    });
  },
  { name: 'reel-partner' },
);
