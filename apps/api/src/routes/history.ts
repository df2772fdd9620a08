import {
  historyActivity,
  historyDownloads,
  historyExport,
  historyHide,
  historyRestore,
  historyStats,
  historyStreams,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { HistoryService } from '../services/history.js';

/**
 * Watch history of a profile (§2). `handle()` answers 404 for another account's profile; history
 * is also private between the profiles of one account: a session acting for one profile gets 404
 * for the others' (a kids profile never reads the adults' history).
 */
export function registerHistoryRoutes(app: FastifyInstance): void {
  const history = new HistoryService(app.db, app.catalog);

  const viewerFor = async (principal: Principal, profileId: string) => {
    if (principal.profileId && principal.profileId !== profileId) throw notFound('That profile');
    const viewer = await app.catalog.viewer(principal, { profileId });
    return { ...viewer, profileId };
  };

  handle(app, historyStreams, async ({ principal, profileId, query }) =>
    history.streams(await viewerFor(principal, profileId as string), query),
  );

  handle(app, historyDownloads, async ({ principal, profileId, query }) =>
    history.downloads(await viewerFor(principal, profileId as string), query),
  );

  handle(app, historyActivity, async ({ principal, profileId, query }) =>
    history.activity(await viewerFor(principal, profileId as string), query),
  );

  handle(app, historyStats, async ({ principal, profileId, query }) =>
    history.stats(await viewerFor(principal, profileId as string), query),
  );

  handle(app, historyExport, async ({ principal, profileId, body, reply }) => {
    const file = await history.export(await viewerFor(principal, profileId as string), body);
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store');
    return file.content as never;
  });

  handle(app, historyHide, async ({ principal, profileId, params }) => {
    await history.hide(await viewerFor(principal, profileId as string), params.entry_id);
  });

  handle(app, historyRestore, async ({ principal, profileId, params }) =>
    history.restore(await viewerFor(principal, profileId as string), params.entry_id),
  );
}
