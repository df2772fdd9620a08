import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

/** What a derived key is for: one key per purpose, so a key leaked from one use opens nothing else. */
export type KeyPurpose = 'mfa-secret' | 'mfa-token' | 'backup-code' | 'refresh-successor';

/**
 * The server's master secret and the keys derived from it (HKDF-SHA256). It encrypts TOTP
 * secrets at rest, signs MFA challenge tokens and keys the hashes of backup codes.
 *
 * Where it comes from: `REEL_SECRET_KEY` (32+ bytes, base64 or hex) when set; in tests a random
 * key per process; otherwise a key file created once in the data directory (mode 0600), so an
 * embedded database keeps working across restarts without configuration.
 */
export class Secrets {
  private readonly derived = new Map<KeyPurpose, Buffer>();

  constructor(private readonly master: Buffer) {
    if (master.length < 32) throw new Error('The secret key must be at least 32 bytes');
  }

  /** Loads (or creates) the master secret as the configuration says. */
  static load(config: Config, env: NodeJS.ProcessEnv = process.env): Secrets {
    const fromEnv = env.REEL_SECRET_KEY;
    if (fromEnv) {
      const bytes =
        /^[0-9a-f]+$/i.test(fromEnv) && fromEnv.length >= 64
          ? Buffer.from(fromEnv, 'hex')
          : Buffer.from(fromEnv, 'base64');
      return new Secrets(bytes);
    }
    if (config.env === 'test') return new Secrets(randomBytes(32));
    const file = join(config.dataDir, 'secret.key');
    if (existsSync(file)) return new Secrets(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
    mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return new Secrets(key);
  }

  /** The key for one purpose. */
  key(purpose: KeyPurpose): Buffer {
    let key = this.derived.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `reel:${purpose}`, 32));
      this.derived.set(purpose, key);
    }
    return key;
  }

  /** HMAC-SHA256 of a value under a purpose's key, base64url. */
  mac(purpose: KeyPurpose, value: string): string {
    return createHmac('sha256', this.key(purpose)).update(value).digest('base64url');
  }

  /**
   * Encrypts with AES-256-GCM; `context` (a user id) is bound as associated data, so a ciphertext
   * copied to another row does not decrypt. Output: `v1.<iv>.<tag>.<ciphertext>` in base64url.
   */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key('mfa-secret'), iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Decrypts what `encrypt` produced for the same context; throws when it was tampered with. */
  decrypt(sealed: string, context: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key('mfa-secret'), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** SHA-256 of a high-entropy token (refresh tokens, device keys), base64url: fast and enough for 256-bit secrets. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
