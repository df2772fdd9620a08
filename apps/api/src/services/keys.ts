import { eq, inArray } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Db } from '../db/client.js';
import { signingKeys } from '../db/schema/index.js';
import { newId } from '../ids.js';

const ALG = 'ES256';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const AUDIENCE = 'reel-api';

/** The claims Reel puts in an access token. */
export interface AccessClaims extends JWTPayload {
  sub: string;
  /** Session (refresh family) id. */
  sid: string;
  /** Active profile id, when one is chosen. */
  pid?: string;
}

type KeyLike = Awaited<ReturnType<typeof importJWK>>;

/**
 * ES256 signing keys kept in the database: `active` signs; `next` is published before it signs;
 * `retiring` still verifies; `retired` is refused. Keys are cached in memory and reloaded after
 * a rotation.
 */
export class KeyStore {
  private signing: { kid: string; key: KeyLike } | null = null;
  private verifying = new Map<string, KeyLike>();
  private published: JWK[] = [];

  constructor(
    private readonly db: Db,
    private readonly issuer: string,
  ) {}

  /** Loads the keys, creating an active key on an empty database. */
  async load(): Promise<void> {
    let rows = await this.db
      .select()
      .from(signingKeys)
      .where(inArray(signingKeys.state, ['next', 'active', 'retiring']));
    if (!rows.some((r) => r.state === 'active')) {
      await this.createKey('active');
      rows = await this.db
        .select()
        .from(signingKeys)
        .where(inArray(signingKeys.state, ['next', 'active', 'retiring']));
    }
    const verifying = new Map<string, KeyLike>();
    let signing: { kid: string; key: KeyLike } | null = null;
    for (const row of rows) {
      verifying.set(row.kid, (await importJWK(row.publicJwk as JWK, ALG)) as KeyLike);
      if (row.state === 'active')
        signing = { kid: row.kid, key: (await importJWK(row.privateJwk as JWK, ALG)) as KeyLike };
    }
    this.signing = signing;
    this.verifying = verifying;
    this.published = rows.map((r) => ({ ...(r.publicJwk as JWK), kid: r.kid, alg: ALG, use: 'sig' }));
  }

  /** Generates a key pair and stores it in the given state. */
  async createKey(state: 'next' | 'active'): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = newId('key', 12);
    await this.db.insert(signingKeys).values({
      kid,
      privateJwk: await exportJWK(privateKey),
      publicJwk: await exportJWK(publicKey),
      state,
      activatedAt: state === 'active' ? new Date() : null,
    });
    return kid;
  }

  /** The JWKS document: every key that may verify a token now or soon. */
  jwks(): { keys: JWK[] } {
    return { keys: this.published };
  }

  async signAccessToken(claims: { sub: string; sid: string; pid?: string | null }): Promise<string> {
    if (!this.signing) await this.load();
    const signing = this.signing as { kid: string; key: KeyLike };
    const payload: Record<string, string> = { sid: claims.sid };
    if (claims.pid) payload.pid = claims.pid;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: ALG, kid: signing.kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.issuer)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(signing.key);
  }

  /** Verifies an access token; throws on a bad signature, a retired key, expiry or wrong claims. */
  async verifyAccessToken(token: string): Promise<AccessClaims> {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid ? this.verifying.get(header.kid) : undefined;
        if (!key) throw new Error('unknown or retired signing key');
        return key;
      },
      { algorithms: [ALG], issuer: this.issuer, audience: AUDIENCE },
    );
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('missing claims');
    return payload as AccessClaims;
  }

  /** Moves keys between states (admin rotation). */
  async setState(kid: string, state: 'next' | 'active' | 'retiring' | 'retired'): Promise<void> {
    await this.db
      .update(signingKeys)
      .set({
        state,
        ...(state === 'active' ? { activatedAt: new Date() } : {}),
        ...(state === 'retired' ? { retiredAt: new Date() } : {}),
      })
      .where(eq(signingKeys.kid, kid));
    await this.load();
  }
}
