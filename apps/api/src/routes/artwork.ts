import { ErrorCode } from '@reel/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderAvatar } from '../artwork/avatars.js';
import {
  collectionFamily,
  renderCollectionBackdrop,
  renderCollectionPoster,
  renderGenreTile,
} from '../artwork/collection-art.js';
import { renderPortrait } from '../artwork/portrait.js';
import { renderBackdrop, renderPoster, renderStill, type TitleArtInput } from '../artwork/title-art.js';
import { ARTWORK_VERSION } from '../artwork/urls.js';
import type { Db } from '../db/client.js';
import { collectionItems, collections, episodes, genres, people, titleGenres, titles } from '../db/schema/index.js';
import { HttpError } from '../http/errors.js';
import { hash32 } from '../seed/random.js';
import { uploadedArtwork } from '../services/admin/artwork.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const missing = (what: string) => new HttpError(404, ErrorCode.notFound, `${what} was not found`);

/**
 * Sends an SVG. A URL whose `?v=` is the current version (and, for titles, the current seed) is
 * cached as immutable; any other version gets a short cache, so a stale link still works.
 */
function sendSvg(request: FastifyRequest, reply: FastifyReply, svg: string, expected: string): FastifyReply {
  const v = (request.query as Record<string, unknown>).v;
  const current = v === expected;
  return reply
    .type('image/svg+xml; charset=utf-8')
    .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('x-content-type-options', 'nosniff')
    .send(svg);
}

async function titleInput(db: Db, id: string): Promise<TitleArtInput | null> {
  const [t] = await db
    .select({
      id: titles.id,
      name: titles.name,
      type: titles.type,
      year: titles.year,
      tagline: titles.tagline,
      originalName: titles.originalName,
      seed: titles.artworkSeed,
      networks: titles.networks,
      studios: titles.studios,
    })
    .from(titles)
    .where(eq(titles.id, id));
  if (!t) return null;
  const g = await db
    .select({ slug: titleGenres.genre, parent: genres.parent })
    .from(titleGenres)
    .innerJoin(genres, eq(genres.slug, titleGenres.genre))
    .where(eq(titleGenres.titleId, id))
    .orderBy(asc(titleGenres.position), asc(titleGenres.genre));
  return { ...t, genres: g };
}

/**
 * Generated artwork, served as SVG outside the API contract (media, not JSON): posters and
 * backdrops of titles and collections, episode stills, portraits, genre tiles and avatars. The
 * URLs are built by `artwork/urls.ts`.
 */
export function registerArtworkRoutes(app: FastifyInstance): void {
  const db = () => app.db;

  for (const kind of ['poster', 'backdrop'] as const) {
    app.get<{ Params: { id: string } }>(`/media/artwork/titles/:id/${kind}.svg`, async (request, reply) => {
      const { id } = request.params;
      const input = ID.test(id) ? await titleInput(db(), id) : null;
      if (!input) throw missing('That title');
      // Uploaded artwork (admin) wins over the generated one.
      const uploaded = await uploadedArtwork(app, id, kind);
      if (uploaded) return reply.header('cache-control', 'public, max-age=300').redirect(uploaded, 302);
      const svg = kind === 'poster' ? renderPoster(input) : renderBackdrop(input);
      return sendSvg(request, reply, svg, `${ARTWORK_VERSION}-${input.seed}`);
    });
  }

  app.get<{ Params: { id: string } }>('/media/artwork/episodes/:id/still.svg', async (request, reply) => {
    const { id } = request.params;
    const [e] = ID.test(id)
      ? await db()
          .select({
            titleId: episodes.titleId,
            seed: episodes.artworkSeed,
            name: episodes.name,
            season: episodes.seasonNumber,
            number: episodes.number,
          })
          .from(episodes)
          .where(eq(episodes.id, id))
      : [];
    const input = e ? await titleInput(db(), e.titleId) : null;
    if (!e || !input) throw missing('That episode');
    return sendSvg(request, reply, renderStill(input, e), ARTWORK_VERSION);
  });

  app.get<{ Params: { id: string } }>('/media/artwork/people/:id/photo.svg', async (request, reply) => {
    const { id } = request.params;
    const [p] = ID.test(id)
      ? await db()
          .select({ id: people.id, name: people.name, seed: people.photoSeed })
          .from(people)
          .where(eq(people.id, id))
      : [];
    if (!p) throw missing('That person');
    return sendSvg(request, reply, renderPortrait(p), ARTWORK_VERSION);
  });

  for (const kind of ['poster', 'backdrop'] as const) {
    app.get<{ Params: { slug: string } }>(`/media/artwork/collections/:slug/${kind}.svg`, async (request, reply) => {
      const { slug } = request.params;
      const [c] = SLUG.test(slug)
        ? await db()
            .select({ slug: collections.slug, name: collections.name, seed: collections.artworkSeed })
            .from(collections)
            .where(eq(collections.slug, slug))
        : [];
      if (!c) throw missing('That collection');
      // Styled after its titles: the most common genre family among them.
      const rows = await db()
        .select({ genre: titleGenres.genre, parent: genres.parent })
        .from(collectionItems)
        .innerJoin(titleGenres, and(eq(titleGenres.titleId, collectionItems.titleId), eq(titleGenres.position, 0)))
        .innerJoin(genres, eq(genres.slug, titleGenres.genre))
        .where(eq(collectionItems.slug, slug));
      const families = rows.map((r) => r.parent ?? r.genre);
      const input = { slug: c.slug, name: c.name, seed: c.seed, family: collectionFamily(families) };
      const svg = kind === 'poster' ? renderCollectionPoster(input) : renderCollectionBackdrop(input);
      return sendSvg(request, reply, svg, ARTWORK_VERSION);
    });
  }

  app.get<{ Params: { slug: string } }>('/media/artwork/genres/:slug/tile.svg', async (request, reply) => {
    const { slug } = request.params;
    const [g] = SLUG.test(slug)
      ? await db()
          .select({ slug: genres.slug, name: genres.name, parent: genres.parent })
          .from(genres)
          .where(eq(genres.slug, slug))
      : [];
    if (!g) throw missing('That genre');
    return sendSvg(
      request,
      reply,
      renderGenreTile({ slug: g.slug, name: g.name, family: g.parent ?? g.slug, seed: hash32(g.slug) }),
      ARTWORK_VERSION,
    );
  });

  app.get<{ Params: { key: string } }>('/media/avatars/:key.svg', async (request, reply) => {
    const svg = renderAvatar(request.params.key);
    if (!svg) throw missing('That avatar');
    return sendSvg(request, reply, svg, ARTWORK_VERSION);
  });
}
