import {
  searchClearHistory,
  searchDeleteHistoryEntry,
  searchHistory,
  searchQuery,
  searchRelated,
  searchSuggest,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';
import { SearchService } from '../services/search.js';

/** Search, typeahead, recent searches and "people also searched" (§9). */
export function registerSearchRoutes(app: FastifyInstance): void {
  const search = new SearchService(app.db, app.catalog);

  handle(app, searchQuery, async ({ query, principal, profileId }) =>
    search.query(query!, await app.catalog.viewer(principal, { profileId })),
  );
  handle(app, searchSuggest, async ({ query, principal, profileId }) =>
    search.suggest(query!.q, query!.limit ?? 8, await app.catalog.viewer(principal, { profileId })),
  );
  handle(app, searchHistory, async ({ query, profileId }) => search.history(profileId!, query!.cursor, query!.limit));
  handle(app, searchClearHistory, async ({ profileId }) => {
    await search.clear(profileId!);
  });
  handle(app, searchDeleteHistoryEntry, async ({ params, profileId }) => {
    await search.deleteEntry(profileId!, params!.id);
  });
  handle(app, searchRelated, async ({ query, principal, profileId }) =>
    search.related(query!.q, query!.limit ?? 8, await app.catalog.viewer(principal, { profileId })),
  );
}
