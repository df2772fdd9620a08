import * as z from 'zod/mini';
import { Id, PageQuery, page } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { CatalogFilters } from '../schemas/catalog.js';
import {
  RelatedSearches,
  SearchHistoryEntry,
  SearchResults,
  SearchSort,
  SearchSuggestions,
  SearchText,
} from '../schemas/discovery.js';

export const searchQuery = defineEndpoint({
  operation: 'search.query',
  method: 'GET',
  path: '/search',
  summary:
    'Search titles and people, with the catalog filters; typo tolerant, each hit says which field matched. ' +
    "Signed in, the search is recorded in the active profile's history unless `record=false`",
  query: z.extend(z.extend(PageQuery, CatalogFilters.def.shape), {
    q: SearchText,
    sort: z.optional(SearchSort),
    /** Whether to add the search to the profile's history (default true; the typeahead never records). */
    record: z.optional(z.stringbool()),
  }),
  response: SearchResults,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-search'],
});

export const searchSuggest = defineEndpoint({
  operation: 'search.suggest',
  method: 'GET',
  path: '/search/suggest',
  summary: 'Typeahead: a few titles, people, genres and query completions (recent searches first when signed in)',
  query: z.object({
    q: z.string().check(z.minLength(1), z.maxLength(100)),
    limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(15))),
  }),
  response: SearchSuggestions,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-search', 'reel-shell'],
});

export const searchHistory = defineEndpoint({
  operation: 'search.history',
  method: 'GET',
  path: '/search/history',
  summary: "The active profile's recent searches, newest first",
  query: PageQuery,
  response: page(SearchHistoryEntry),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-search'],
});

export const searchClearHistory = defineEndpoint({
  operation: 'search.clearHistory',
  method: 'DELETE',
  path: '/search/history',
  summary: "Clear the active profile's search history",
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-search'],
});

export const searchDeleteHistoryEntry = defineEndpoint({
  operation: 'search.deleteHistoryEntry',
  method: 'DELETE',
  path: '/search/history/{id}',
  summary: 'Remove one recent search',
  params: z.object({ id: Id }),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-search'],
});

export const searchRelated = defineEndpoint({
  operation: 'search.related',
  method: 'GET',
  path: '/search/related',
  summary: '"People also searched": related queries and the titles viewers went on to after this search',
  query: z.object({
    q: SearchText,
    limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(20))),
  }),
  response: RelatedSearches,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-search'],
});

/** Search: results with filters and typo tolerance, typeahead, recent searches, related searches (§9). */
export const search = {
  query: searchQuery,
  suggest: searchSuggest,
  history: searchHistory,
  clearHistory: searchClearHistory,
  deleteHistoryEntry: searchDeleteHistoryEntry,
  related: searchRelated,
} as const;
