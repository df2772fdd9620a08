import { deliverySignedUrl, deliveryToken, Permission, type PlayerQuality } from '@reel/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mediaBindings } from '../db/schema/index.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { playbackEntitlements } from '../services/media/entitlements.js';
import { heightOf } from '../services/media/ladder.js';
import { viewerOf } from '../services/viewer.js';
import { MEDIA_COOKIE, TOKEN_PARAM } from './media.js';

/** The main site (or a configured origin) may get the cookie; a partner page never does. */
function isFirstParty(app: FastifyInstance, request: FastifyRequest, principal: Principal): boolean {
  if (principal.partner) return false;
  const origin = request.headers.origin;
  if (!origin) return true;
  return origin === app.config.publicOrigin;
}

/**
 * The asset a caller may sign for, and the highest rung: through a live playback session of
 * theirs, or (staff with assets.manage) any asset, or as a viewer entitled to a title it plays.
 */
async function entitledAsset(
  app: FastifyInstance,
  principal: Principal,
  assetId: string,
  sessionId: string | undefined,
): Promise<{ maxHeight: number; sessionId?: string }> {
  if (sessionId) {
    const session = await app.player.session(principal, sessionId, true);
    if (session.assetId !== assetId) throw notFound('That media file in this session');
    return { maxHeight: heightOf(session.maxQuality as PlayerQuality), sessionId: session.id };
  }
  if (principal.partner) {
    // A partner token signs only media of its own title.
    const grant = principal.partner;
    const bound = await app.db
      .select({ titleId: mediaBindings.titleId, episodeId: mediaBindings.episodeId })
      .from(mediaBindings)
      .where(eq(mediaBindings.assetId, assetId));
    const own = bound.some((b) => b.titleId === grant.titleId && (!grant.episodeId || b.episodeId === grant.episodeId));
    if (!own) throw notFound('That asset');
    return { maxHeight: heightOf(playbackEntitlements(principal.plan).maxQuality) };
  }
  if (principal.permissions.has(Permission.assetsManage)) {
    const [asset] = await app.media.assetsByIds([assetId]);
    if (!asset) throw notFound('That asset');
    return { maxHeight: 0 };
  }
  const viewer = await viewerOf(app.db, principal);
  const snap = await app.catalog.snapshot();
  const bound = await app.db
    .select({ titleId: mediaBindings.titleId })
    .from(mediaBindings)
    .where(and(eq(mediaBindings.assetId, assetId)));
  const entitled = bound.some((b) => {
    const t = snap.titles.get(b.titleId);
    return t && app.catalog.isVisible(t, viewer) && app.catalog.isAvailable(t, viewer.region);
  });
  if (!entitled) throw notFound('That asset');
  return { maxHeight: heightOf(playbackEntitlements(principal.plan).maxQuality) };
}

/** Signed delivery (§29): one signed URL, or a token (and cookie) for a session's media. */
export function registerDeliveryRoutes(app: FastifyInstance): void {
  handle(app, deliverySignedUrl, async ({ query, principal }) => {
    if ((query.asset_id === undefined) === (query.path === undefined)) {
      throw badRequest('Give exactly one of asset_id or path', [
        { field: query.asset_id === undefined ? 'asset_id' : 'path', message: 'exactly one of asset_id or path' },
      ]);
    }
    const relative = query.path ?? `${query.asset_id}/master.m3u8`;
    const [assetId = '', ...rest] = relative.split('/');
    if (!rest.length || rest.some((p) => p === '' || p === '.' || p === '..')) {
      throw badRequest('The path names a file under an asset: <asset_id>/<file>', [
        { field: 'path', message: 'must be <asset_id>/<file>' },
      ]);
    }
    const { maxHeight, sessionId } = await entitledAsset(app, principal, assetId, query.session_id);
    const ttl = Math.min(query.ttl ?? 3600, app.partner.remaining(principal) ?? Number.POSITIVE_INFINITY);
    const exp = Math.floor(app.media.now() / 1000) + ttl;
    const path = `/media/${relative}`;
    const rung = /^v\/(\d+)p\//.exec(rest.join('/'));
    if (rung && maxHeight > 0 && Number(rung[1]) > maxHeight) {
      throw new HttpError(403, 'quality_not_allowed', 'Your plan does not include this quality');
    }
    // A playlist needs its children signed too: sign the asset's directory; any other file alone.
    const scope = path.endsWith('.m3u8') ? `/media/${assetId}/` : path;
    const token = app.media.signer.sign({ path: scope, exp, maxHeight, ...(sessionId ? { sid: sessionId } : {}) });
    return {
      url: `${path}?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
      path,
      expires_at: new Date(exp * 1000).toISOString(),
      expires_in: ttl,
    };
  });

  handle(app, deliveryToken, async ({ query, principal, request, reply }) => {
    const session = await app.player.session(principal, query.session_id, true);
    const ttl = Math.min(query.ttl ?? 3600, app.partner.remaining(principal) ?? Number.POSITIVE_INFINITY);
    const { token, exp } = app.media.tokenFor(session.assetId, {
      maxHeight: heightOf(session.maxQuality as PlayerQuality),
      sessionId: session.id,
      ttl,
    });
    const prefix = `/media/${session.assetId}/`;
    const firstParty = isFirstParty(app, request, principal);
    if (firstParty) {
      reply.setCookie(MEDIA_COOKIE, token, {
        path: prefix,
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.publicOrigin.startsWith('https:'),
        maxAge: ttl,
      });
    }
    return {
      token,
      expires_at: new Date(exp * 1000).toISOString(),
      expires_in: ttl,
      path_prefix: prefix,
      query_param: TOKEN_PARAM,
      cookie: firstParty ? { name: MEDIA_COOKIE, path: prefix, domain: null } : null,
    };
  });
}
