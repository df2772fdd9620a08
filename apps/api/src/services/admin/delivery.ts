import type { AdminDeliverySettings } from '@reel/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { opsSettings, users } from '../../db/schema/index.js';
import { HttpError } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { recordAdminAction } from './audit.js';

// CDN delivery settings (§21, issue 17): the URL-signing secret (rotation with a grace period),
// token lifetimes, allowed origins and cache policy per asset kind. Kept in `ops_settings` and
// held in memory (`app.deliverySettings`), so a change applies to the next request, no restart.

const KEY = 'delivery';

type Stored = Pick<AdminDeliverySettings, 'token_lifetimes' | 'allowed_origins' | 'cache_policies' | 'version'>;

/** Today's behaviour, as the defaults: 1 h tokens and URLs, segments immutable, playlists short. */
export const DEFAULT_DELIVERY: Stored = {
  token_lifetimes: {
    playback_token_seconds: 3600,
    signed_url_seconds: 3600,
    delivery_token_seconds: 3600,
    cookie_seconds: 3600,
  },
  allowed_origins: [],
  cache_policies: [
    {
      asset_kind: 'manifest',
      max_age_seconds: 10,
      s_maxage_seconds: null,
      stale_while_revalidate_seconds: 0,
      immutable: false,
    },
    {
      asset_kind: 'segment',
      max_age_seconds: 31_536_000,
      s_maxage_seconds: null,
      stale_while_revalidate_seconds: 0,
      immutable: true,
    },
    {
      asset_kind: 'subtitle',
      max_age_seconds: 3600,
      s_maxage_seconds: null,
      stale_while_revalidate_seconds: 60,
      immutable: false,
    },
    {
      asset_kind: 'artwork',
      max_age_seconds: 86_400,
      s_maxage_seconds: 604_800,
      stale_while_revalidate_seconds: 3600,
      immutable: false,
    },
    {
      asset_kind: 'sprite',
      max_age_seconds: 86_400,
      s_maxage_seconds: null,
      stale_while_revalidate_seconds: 3600,
      immutable: false,
    },
  ],
  version: 0,
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The delivery settings in force (read per request by whoever applies them). */
    deliverySettings: Stored;
  }
}

export class DeliverySettings {
  #loaded = false;

  constructor(private readonly app: FastifyInstance) {
    if (!app.hasDecorator('deliverySettings')) app.decorate('deliverySettings', structuredClone(DEFAULT_DELIVERY));
    // The stored settings are in force from the start.
    app.addHook('onReady', async () => {
      await this.get();
    });
  }

  async #row() {
    const [row] = await this.app.db.select().from(opsSettings).where(eq(opsSettings.key, KEY));
    return row;
  }

  /** The settings in force, read from the database (and refreshed in memory). */
  async get(): Promise<AdminDeliverySettings> {
    const row = await this.#row();
    const stored: Stored = { ...DEFAULT_DELIVERY, ...((row?.value as Partial<Stored> | undefined) ?? {}) };
    this.app.deliverySettings = stored;
    this.#loaded = true;
    let updatedBy: AdminDeliverySettings['updated_by'] = null;
    if (row?.updatedBy) {
      const [u] = await this.app.db
        .select({ id: users.id, email: users.email, name: users.displayName })
        .from(users)
        .where(eq(users.id, row.updatedBy));
      if (u) updatedBy = { id: u.id, email: u.email, display_name: u.name };
    }
    const keys = this.app.media.signer.keyState();
    return {
      signing: {
        key_id: keys.current.id,
        created_at: keys.current.createdAt.toISOString(),
        previous_key_id: keys.previous?.id ?? null,
        previous_valid_until: keys.previous?.validUntil.toISOString() ?? null,
      },
      ...stored,
      updated_at: (row?.updatedAt ?? keys.current.createdAt).toISOString(),
      updated_by: updatedBy,
    };
  }

  async update(
    input: Omit<Stored, 'version'> & { version?: number },
    who: { principal: Principal; request: FastifyRequest },
  ): Promise<AdminDeliverySettings> {
    const before = await this.get();
    if (input.version !== undefined && input.version !== before.version) {
      throw new HttpError(
        409,
        'conflict',
        'Someone changed the delivery settings meanwhile: reload them and try again',
        {
          hint: { version: before.version },
        },
      );
    }
    const kinds = new Set<string>();
    for (const p of input.cache_policies) {
      if (kinds.has(p.asset_kind)) {
        throw new HttpError(400, 'validation_failed', `Give one cache policy per asset kind (${p.asset_kind} twice)`, {
          fields: [{ field: 'cache_policies', message: `${p.asset_kind} appears twice` }],
        });
      }
      kinds.add(p.asset_kind);
    }
    const value: Stored = {
      token_lifetimes: input.token_lifetimes,
      allowed_origins: [...new Set(input.allowed_origins)],
      cache_policies: input.cache_policies,
      version: before.version + 1,
    };
    const now = new Date();
    await this.app.db
      .insert(opsSettings)
      .values({ key: KEY, value, updatedBy: who.principal.userId, updatedAt: now })
      .onConflictDoUpdate({ target: opsSettings.key, set: { value, updatedBy: who.principal.userId, updatedAt: now } });
    this.app.deliverySettings = value;
    const pick = (s: Stored) => ({
      token_lifetimes: s.token_lifetimes,
      allowed_origins: s.allowed_origins,
      cache_policies: s.cache_policies,
    });
    await recordAdminAction(
      this.app,
      who,
      'delivery.update',
      { type: 'delivery_settings', id: null, label: 'Delivery' },
      pick(before),
      pick(value),
    );
    return this.get();
  }

  /** A new signing secret; the previous one verifies `graceSeconds` more (0: at once). */
  async rotate(
    graceSeconds: number,
    who: { principal: Principal; request: FastifyRequest },
  ): Promise<AdminDeliverySettings> {
    const before = this.app.media.signer.keyState().current.id;
    await this.app.media.signer.rotate(graceSeconds * 1000);
    const after = await this.get();
    await recordAdminAction(
      this.app,
      who,
      'delivery.rotate_secret',
      { type: 'delivery_key', id: after.signing.key_id, label: 'URL-signing secret' },
      { key_id: before },
      { key_id: after.signing.key_id, grace_seconds: graceSeconds },
    );
    return after;
  }

  /** Loads the stored settings into memory once (at the first request that needs them). */
  async ensureLoaded(): Promise<void> {
    if (!this.#loaded) await this.get();
  }
}
