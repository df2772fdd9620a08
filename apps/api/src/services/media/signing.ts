// Signed media delivery: a token covers a path prefix (a title's media directory, or one file),
// an expiry, the highest rung the plan allows and the playback session, HMAC-SHA256 signed with
// a key kept in the database (rotatable; retired keys verify for a grace period).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { desc, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deliveryKeys } from '../../db/schema/index.js';
import { newId } from '../../ids.js';

/** What a token grants. */
export interface MediaGrant {
  /** Path prefix (ends with `/`) or exact path, starting with `/media/`. */
  path: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Highest rung height allowed (0: any). */
  maxHeight: number;
  /** The playback session it was issued for, if any. */
  sid?: string;
}

export type VerifyResult =
  | { ok: true; grant: MediaGrant }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'wrong_path' | 'above_plan' };

/** Retired keys keep verifying this long (tokens live at most 6 h). */
const GRACE_MS = 6 * 3600_000;

const b64 = (buf: Buffer) => buf.toString('base64url');

export class DeliverySigner {
  #keys: { id: string; secret: Buffer; retiredAt: Date | null; createdAt: Date }[] = [];
  readonly #db: Db;
  readonly now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.now = now;
  }

  /** Loads the keys, creating the first one. */
  async load(): Promise<void> {
    let rows = await this.#db.select().from(deliveryKeys).orderBy(desc(deliveryKeys.createdAt));
    if (!rows.length) {
      await this.#db
        .insert(deliveryKeys)
        .values({ id: newId('dk'), secret: randomBytes(32).toString('base64') })
        .onConflictDoNothing();
      rows = await this.#db.select().from(deliveryKeys).orderBy(desc(deliveryKeys.createdAt));
    }
    this.#keys = rows.map((r) => ({
      id: r.id,
      secret: Buffer.from(r.secret, 'base64'),
      retiredAt: r.retiredAt,
      createdAt: r.createdAt,
    }));
  }

  /** The signing key, and the newest retired one with the time it stops verifying (admin settings). */
  keyState(): { current: { id: string; createdAt: Date }; previous: { id: string; validUntil: Date } | null } {
    const previous = this.#keys.find((k) => k.retiredAt);
    const validUntil = previous?.retiredAt ? new Date(previous.retiredAt.getTime() + GRACE_MS) : null;
    return {
      current: { id: this.#current.id, createdAt: this.#current.createdAt },
      previous: previous && validUntil && validUntil.getTime() > this.now() ? { id: previous.id, validUntil } : null,
    };
  }

  get #current() {
    const key = this.#keys.find((k) => !k.retiredAt);
    if (!key) throw new Error('No delivery signing key: call load() first');
    return key;
  }

  #mac(secret: Buffer, payload: string): Buffer {
    return createHmac('sha256', secret).update(payload).digest().subarray(0, 18);
  }

  /** `payload.signature`, both base64url: the payload is `path|exp|maxHeight|sid|keyId`. */
  sign(grant: MediaGrant): string {
    const key = this.#current;
    const payload = [grant.path, grant.exp, grant.maxHeight, grant.sid ?? '', key.id].join('|');
    const encoded = b64(Buffer.from(payload));
    return `${encoded}.${b64(this.#mac(key.secret, encoded))}`;
  }

  /** Checks a token for a request path (already normalised, starting with `/media/`). */
  verify(token: string | undefined | null, path: string, rungHeight: number | null = null): VerifyResult {
    if (!token) return { ok: false, reason: 'missing' };
    const dot = token.indexOf('.');
    if (dot <= 0 || dot === token.length - 1 || token.length > 2048) return { ok: false, reason: 'malformed' };
    const encoded = token.slice(0, dot);
    let given: Buffer;
    let payload: string;
    try {
      given = Buffer.from(token.slice(dot + 1), 'base64url');
      payload = Buffer.from(encoded, 'base64url').toString('utf8');
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parts = payload.split('|');
    if (parts.length !== 5) return { ok: false, reason: 'malformed' };
    const [grantPath = '', exp = '', maxHeight = '', sid = '', keyId = ''] = parts;
    const key = this.#keys.find((k) => k.id === keyId);
    if (!key || (key.retiredAt && this.now() - key.retiredAt.getTime() > GRACE_MS)) {
      return { ok: false, reason: 'bad_signature' };
    }
    const expected = this.#mac(key.secret, encoded);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad_signature' };
    }
    const grant: MediaGrant = {
      path: grantPath,
      exp: Number(exp),
      maxHeight: Number(maxHeight),
      sid: sid || undefined,
    };
    if (!Number.isFinite(grant.exp) || grant.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    const covers = grantPath.endsWith('/') ? path.startsWith(grantPath) : path === grantPath;
    if (!covers) return { ok: false, reason: 'wrong_path' };
    if (grant.maxHeight > 0 && rungHeight !== null && rungHeight > grant.maxHeight) {
      return { ok: false, reason: 'above_plan' };
    }
    return { ok: true, grant };
  }

  /**
   * Starts signing with a new key; the old one verifies for `graceMs` more (default 6 h). A retired
   * key verifies until `retired_at + 6 h`, so a shorter or longer grace moves `retired_at` back or
   * forward by the difference (admin delivery settings, issue 17).
   */
  async rotate(graceMs: number = GRACE_MS): Promise<void> {
    const now = new Date(this.now() + graceMs - GRACE_MS);
    await this.#db.transaction(async (tx) => {
      await tx.update(deliveryKeys).set({ retiredAt: now }).where(isNull(deliveryKeys.retiredAt));
      await tx.insert(deliveryKeys).values({ id: newId('dk'), secret: randomBytes(32).toString('base64') });
    });
    await this.load();
  }
}
