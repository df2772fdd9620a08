import * as z from 'zod/mini';
import { Id, PageQuery, page, QueryBool, Region, Slug } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import {
  Arc,
  CatalogFilters,
  Collection,
  Credit,
  Episode,
  FillerKind,
  Genre,
  GenreDetail,
  Person,
  Rail,
  Season,
  ThumbnailSprite,
  Title,
  TitleSummary,
} from '../schemas/catalog.js';

const TitleParams = z.object({ id: Id });
const SeasonParams = z.object({ id: Id, n: z.coerce.number().check(z.int(), z.minimum(0)) });

export const BrowseSort = z.enum(['popularity', 'release_date', 'rating', 'title', 'added']);

export const catalogBrowse = defineEndpoint({
  operation: 'catalog.browse',
  method: 'GET',
  path: '/titles',
  summary: 'Browse the catalog with filters and a sort, over cursors',
  query: z.extend(z.extend(PageQuery, CatalogFilters.def.shape), {
    sort: z.optional(BrowseSort),
    order: z.optional(z.enum(['asc', 'desc'])),
  }),
  response: page(TitleSummary),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-browse'],
});

export const catalogGet = defineEndpoint({
  operation: 'catalog.get',
  method: 'GET',
  path: '/titles/{id}',
  summary: 'One title, with what the viewer region and profile need',
  params: TitleParams,
  response: Title,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-title-detail', 'reel-title-card'],
});

export const catalogSeasons = defineEndpoint({
  operation: 'catalog.seasons',
  method: 'GET',
  path: '/titles/{id}/seasons',
  summary: 'The seasons of a series',
  params: TitleParams,
  response: z.object({ items: z.array(Season) }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-title-detail'],
});

export const catalogEpisodes = defineEndpoint({
  operation: 'catalog.episodes',
  method: 'GET',
  path: '/titles/{id}/seasons/{n}/episodes',
  summary: "A season's episodes, with the active profile's progress",
  params: SeasonParams,
  response: z.object({ items: z.array(Episode) }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-title-detail', 'reel-player'],
});

export const catalogSimilar = defineEndpoint({
  operation: 'catalog.similar',
  method: 'GET',
  path: '/titles/{id}/similar',
  summary: 'Titles like this one (shared genres, tags and people)',
  params: TitleParams,
  query: PageQuery,
  response: page(TitleSummary),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-title-detail'],
});

export const catalogRelated = defineEndpoint({
  operation: 'catalog.related',
  method: 'GET',
  path: '/titles/{id}/related',
  summary: 'Sequels, prequels and spin-offs',
  params: TitleParams,
  response: z.object({
    items: z.array(
      z.object({
        relation: z.enum(['sequel', 'prequel', 'spin_off', 'remake', 'same_universe']),
        title: TitleSummary,
      }),
    ),
  }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-title-detail'],
});

export const catalogCredits = defineEndpoint({
  operation: 'catalog.credits',
  method: 'GET',
  path: '/titles/{id}/credits',
  summary: 'Cast and crew',
  params: TitleParams,
  response: z.object({ cast: z.array(Credit), crew: z.array(Credit) }),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-title-detail'],
});

export const catalogThumbnailSprite = defineEndpoint({
  operation: 'catalog.thumbnailSprite',
  method: 'GET',
  path: '/titles/{id}/thumbnail-sprite',
  summary: 'Trickplay sprite sheets of a film, or of an episode with ?episode_id=',
  params: TitleParams,
  query: z.object({ episode_id: z.optional(Id) }),
  response: ThumbnailSprite,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-title-card', 'reel-player'],
});

export const catalogPerson = defineEndpoint({
  operation: 'catalog.person',
  method: 'GET',
  path: '/people/{id}',
  summary: 'A person and their filmography',
  params: z.object({ id: Id }),
  response: Person,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-person'],
});

export const catalogGenres = defineEndpoint({
  operation: 'catalog.genres',
  method: 'GET',
  path: '/genres',
  summary: 'Every genre, top-level and sub-genres',
  response: z.object({ items: z.array(Genre) }),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-browse'],
});

export const catalogGenre = defineEndpoint({
  operation: 'catalog.genre',
  method: 'GET',
  path: '/genres/{slug}',
  summary: 'A genre with its subcategories',
  params: z.object({ slug: Slug }),
  response: GenreDetail,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-browse'],
});

export const catalogCollections = defineEndpoint({
  operation: 'catalog.collections',
  method: 'GET',
  path: '/collections',
  summary: 'Editorial collections',
  query: PageQuery,
  response: page(Collection),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-home', 'reel-collection'],
});

export const catalogCollection = defineEndpoint({
  operation: 'catalog.collection',
  method: 'GET',
  path: '/collections/{slug}',
  summary: 'One collection and a page of its titles',
  params: z.object({ slug: Slug }),
  query: PageQuery,
  response: z.extend(Collection, { items: z.array(TitleSummary), next_cursor: z.nullable(z.string()) }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-rail', 'reel-collection'],
});

/** Catalog browsing, title detail, people, genres and collections (§7, §13, §15, §31, §32). */
export const catalog = {
  browse: catalogBrowse,
  get: catalogGet,
  seasons: catalogSeasons,
  episodes: catalogEpisodes,
  similar: catalogSimilar,
  related: catalogRelated,
  credits: catalogCredits,
  thumbnailSprite: catalogThumbnailSprite,
  person: catalogPerson,
  genres: catalogGenres,
  genre: catalogGenre,
  collections: catalogCollections,
  collection: catalogCollection,
} as const;

export const homeRails = defineEndpoint({
  operation: 'home.rails',
  method: 'GET',
  path: '/home/rails',
  summary: 'The home rails in order, personalised for the active profile (public rails when signed out)',
  query: z.object({
    region: z.optional(Region),
    items_per_rail: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(60))),
  }),
  response: z.object({ rails: z.array(Rail), hero: z.nullable(TitleSummary) }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-home'],
});

export const homeTrending = defineEndpoint({
  operation: 'home.trending',
  method: 'GET',
  path: '/trending',
  summary: 'What is being watched most this week',
  query: z.extend(PageQuery, { type: z.optional(z.enum(['film', 'series', 'anime'])) }),
  response: page(TitleSummary),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-rail'],
});

export const homeTop10 = defineEndpoint({
  operation: 'home.top10',
  method: 'GET',
  path: '/top10',
  summary: 'The ten most watched titles in a region today',
  query: z.object({ region: z.optional(Region), type: z.optional(z.enum(['film', 'series', 'anime'])) }),
  response: z.object({ region: Region, items: z.array(TitleSummary) }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-rail'],
});

export const homeRecommendations = defineEndpoint({
  operation: 'home.recommendations',
  method: 'GET',
  path: '/recommendations',
  summary: 'Titles for the active profile, each with why it was picked (cold start: popular in its genres)',
  query: PageQuery,
  response: z.object({
    items: z.array(z.object({ title: TitleSummary, reason: z.string(), score: z.number() })),
    next_cursor: z.nullable(z.string()),
  }),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-rail', 'reel-home'],
});

/** The home page and its rails (§7). */
export const home = {
  rails: homeRails,
  trending: homeTrending,
  top10: homeTop10,
  recommendations: homeRecommendations,
} as const;

export const animeList = defineEndpoint({
  operation: 'anime.list',
  method: 'GET',
  path: '/anime',
  summary: 'The anime catalog with sub/dub and simulcast filters',
  query: z.extend(PageQuery, {
    audio: z.optional(z.enum(['sub', 'dub'])),
    simulcast: z.optional(QueryBool),
    genre: z.optional(z.string().check(z.maxLength(200))),
    sort: z.optional(BrowseSort),
  }),
  response: page(TitleSummary),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-anime'],
});

export const animeArcs = defineEndpoint({
  operation: 'anime.arcs',
  method: 'GET',
  path: '/anime/{id}/arcs',
  summary: 'Story arcs of an anime, in order',
  params: z.object({ id: Id }),
  response: z.object({ items: z.array(Arc) }),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-anime', 'reel-title-detail'],
});

export const animeFiller = defineEndpoint({
  operation: 'anime.filler',
  method: 'GET',
  path: '/anime/{id}/filler',
  summary: 'Filler guide: canon, mixed or filler for every episode',
  params: z.object({ id: Id }),
  response: z.object({
    items: z.array(z.object({ episode_id: Id, season_number: z.int(), number: z.int(), kind: FillerKind })),
    counts: z.object({ canon: z.int(), mixed: z.int(), filler: z.int() }),
  }),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-anime', 'reel-player'],
});

/** Anime (§11). */
export const anime = {
  list: animeList,
  arcs: animeArcs,
  filler: animeFiller,
} as const;
