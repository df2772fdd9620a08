import {
  animeArcs,
  animeFiller,
  animeList,
  catalogBrowse,
  catalogCollection,
  catalogCollections,
  catalogCredits,
  catalogEpisodes,
  catalogGenre,
  catalogGenres,
  catalogGet,
  catalogPerson,
  catalogRelated,
  catalogSeasons,
  catalogSimilar,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';

/** Catalog browsing, title detail, people, genres, collections (§15, §31, §32) and anime (§11). */
export function registerCatalogRoutes(app: FastifyInstance): void {
  const viewerOf = (principal: Parameters<typeof app.catalog.viewer>[0], profileId: string | null = null) =>
    app.catalog.viewer(principal, { profileId });

  handle(app, catalogBrowse, async ({ query, principal, profileId }) =>
    app.catalog.browse(query!, await viewerOf(principal, profileId)),
  );
  handle(app, catalogGet, async ({ params, principal, profileId }) =>
    app.catalog.get(params!.id, await viewerOf(principal, profileId)),
  );
  handle(app, catalogSeasons, async ({ params, principal, profileId }) =>
    app.catalog.seasons(params!.id, await viewerOf(principal, profileId)),
  );
  handle(app, catalogEpisodes, async ({ params, principal, profileId }) =>
    app.catalog.episodes(params!.id, params!.n, await viewerOf(principal, profileId)),
  );
  handle(app, catalogSimilar, async ({ params, query, principal, profileId }) =>
    app.catalog.similar(params!.id, await viewerOf(principal, profileId), query!.cursor, query!.limit),
  );
  handle(app, catalogRelated, async ({ params, principal, profileId }) =>
    app.catalog.related(params!.id, await viewerOf(principal, profileId)),
  );
  handle(app, catalogCredits, async ({ params, principal, profileId }) =>
    app.catalog.credits(params!.id, await viewerOf(principal, profileId)),
  );
  handle(app, catalogPerson, async ({ params, principal, profileId }) =>
    app.catalog.person(params!.id, await viewerOf(principal, profileId)),
  );
  handle(app, catalogGenres, async ({ principal, profileId }) => ({
    items: await app.catalog.genreList(await viewerOf(principal, profileId)),
  }));
  handle(app, catalogGenre, async ({ params, principal, profileId }) =>
    app.catalog.genre(params!.slug, await viewerOf(principal, profileId)),
  );
  handle(app, catalogCollections, async ({ query, principal, profileId }) =>
    app.catalog.collectionList(await viewerOf(principal, profileId), query!.cursor, query!.limit),
  );
  handle(app, catalogCollection, async ({ params, query, principal, profileId }) =>
    app.catalog.collection(params!.slug, await viewerOf(principal, profileId), query!.cursor, query!.limit),
  );

  handle(app, animeList, async ({ query, principal, profileId }) =>
    app.catalog.animeList(query!, await viewerOf(principal, profileId)),
  );
  handle(app, animeArcs, async ({ params, principal, profileId }) =>
    app.catalog.arcs(params!.id, await viewerOf(principal, profileId)),
  );
  handle(app, animeFiller, async ({ params, principal, profileId }) =>
    app.catalog.filler(params!.id, await viewerOf(principal, profileId)),
  );
}
