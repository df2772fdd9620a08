import {
  watchlistAdd,
  watchlistBulk,
  watchlistBulkUpload,
  watchlistClear,
  watchlistCreateFolder,
  watchlistDeleteFolder,
  watchlistExport,
  watchlistFolders,
  watchlistImport,
  watchlistList,
  watchlistRemove,
  watchlistReorder,
  watchlistRestore,
  watchlistShared,
  watchlistShareFolder,
  watchlistUnshareFolder,
  watchlistUpdateFolder,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { WatchlistService } from '../services/watchlist.js';

/** A profile's list (§3, §33): the list, add/remove, bulk add, reorder, import/export, undo, folders, tags and share links. */
export function registerWatchlistRoutes(app: FastifyInstance): void {
  const watchlist = new WatchlistService(app.db, app.catalog, app.config.publicOrigin);
  // `profile` routes always have a profile (route.ts resolves it or answers 404).
  const viewerOf = async (principal: Principal, profileId: string | null) => ({
    ...(await app.catalog.viewer(principal, { profileId })),
    profileId: profileId as string,
  });

  handle(app, watchlistList, async ({ query, principal, profileId }) =>
    watchlist.list(await viewerOf(principal, profileId), query!),
  );

  handle(app, watchlistAdd, async ({ body, principal, profileId }) =>
    watchlist.add(await viewerOf(principal, profileId), body!),
  );

  handle(app, watchlistRemove, async ({ params, profileId }) => {
    await watchlist.remove(profileId as string, params!.title_id);
  });

  handle(app, watchlistBulkUpload, async ({ body, principal, profileId }) =>
    watchlist.bulkUpload(await viewerOf(principal, profileId), body!),
  );

  handle(app, watchlistReorder, async ({ body, principal, profileId }) =>
    watchlist.reorder(await viewerOf(principal, profileId), body!.title_ids),
  );

  handle(app, watchlistExport, async ({ query, principal, profileId, reply }) => {
    const doc = await watchlist.export(await viewerOf(principal, profileId), query?.folder_id);
    const day = doc.exported_at.slice(0, 10);
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="reel-my-list-${day}.json"`)
      .header('cache-control', 'no-store');
    return `${JSON.stringify(doc, null, 2)}\n` as never;
  });

  handle(app, watchlistImport, async ({ body, principal, profileId }) =>
    watchlist.import(await viewerOf(principal, profileId), body!),
  );

  handle(app, watchlistClear, async ({ principal, profileId }) =>
    watchlist.clear(await viewerOf(principal, profileId)),
  );

  handle(app, watchlistRestore, async ({ body, principal, profileId }) =>
    watchlist.restore(await viewerOf(principal, profileId), body!.undo_token),
  );

  handle(app, watchlistBulk, async ({ body, principal, profileId }) =>
    watchlist.bulk(await viewerOf(principal, profileId), body!),
  );

  handle(app, watchlistFolders, async ({ principal, profileId }) =>
    watchlist.folders(await viewerOf(principal, profileId)),
  );

  handle(app, watchlistCreateFolder, async ({ body, principal, profileId }) =>
    watchlist.createFolder(await viewerOf(principal, profileId), body!),
  );

  handle(app, watchlistUpdateFolder, async ({ params, body, principal, profileId }) =>
    watchlist.updateFolder(await viewerOf(principal, profileId), params!.id, body!),
  );

  handle(app, watchlistDeleteFolder, async ({ params, query, principal, profileId }) => {
    await watchlist.deleteFolder(await viewerOf(principal, profileId), params!.id, query?.remove_items === true);
  });

  handle(app, watchlistShareFolder, async ({ params, body, principal, profileId }) =>
    watchlist.shareFolder(await viewerOf(principal, profileId), params!.id, body?.expires_in_days),
  );

  handle(app, watchlistUnshareFolder, async ({ params, principal, profileId }) => {
    await watchlist.unshareFolder(await viewerOf(principal, profileId), params!.id);
  });

  handle(app, watchlistShared, async ({ params, query, principal, reply }) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return watchlist.shared(await app.catalog.viewer(principal), params!.token, query ?? {});
  });
}
