import { homeRails, homeRecommendations, homeTop10, homeTrending } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { HomeService } from '../services/home.js';

/** The home page: rails, trending, top 10 and recommendations (§7). */
export function registerHomeRoutes(app: FastifyInstance): void {
  const home = new HomeService(app.db, app.catalog);

  handle(app, homeRails, async ({ query, principal, profileId }) => {
    const viewer = await app.catalog.viewer(principal, { profileId, region: query!.region });
    return home.rails(viewer, { itemsPerRail: query!.items_per_rail });
  });

  handle(app, homeTrending, async ({ query, principal, profileId }) =>
    app.catalog.trending(await app.catalog.viewer(principal, { profileId }), query!),
  );

  handle(app, homeTop10, async ({ query, principal, profileId }) => {
    const viewer = await app.catalog.viewer(principal, { profileId, region: query!.region });
    return app.catalog.top10(viewer, viewer.region, query!.type);
  });

  handle(app, homeRecommendations, async ({ query, principal, profileId }) => {
    const viewer = await app.catalog.viewer(principal, { profileId });
    return home.recommendations({ ...viewer, profileId: profileId! }, query!.cursor, query!.limit);
  });
}
