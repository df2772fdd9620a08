import { watchlistAdd, watchlistList, watchlistRemove } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { WatchlistService } from '../services/watchlist.js';

/** A profile's list: the list, add and remove (§3, §33). Folders, tags, reorder, import/export come later. */
export function registerWatchlistRoutes(app: FastifyInstance): void {
  const watchlist = new WatchlistService(app.db, app.catalog);

  handle(app, watchlistList, async ({ query, principal, profileId }) => {
    const viewer = await app.catalog.viewer(principal, { profileId });
    return watchlist.list({ ...viewer, profileId: profileId! }, query!);
  });

  handle(app, watchlistAdd, async ({ body, principal, profileId }) => {
    const viewer = await app.catalog.viewer(principal, { profileId });
    return watchlist.add({ ...viewer, profileId: profileId! }, body!);
  });

  handle(app, watchlistRemove, async ({ params, profileId }) => {
    await watchlist.remove(profileId!, params!.title_id);
  });
}
