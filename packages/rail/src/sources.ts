import { msg, str } from '@lit/localize';
import type { Transport } from '@reel/client';
import {
  catalogBrowse,
  catalogCollection,
  catalogSimilar,
  homeRails,
  homeRecommendations,
  homeTop10,
  homeTrending,
  type Rail,
  type RailKind,
  type TitleSummary,
} from '@reel/contracts';
import { getLocale } from '@reel/core';

/** What a rail shows: its titles and, when the source says, a heading and a "see all" link. */
export interface RailData {
  items: TitleSummary[];
  heading?: string | undefined;
  seeAll?: string | null | undefined;
  kind?: RailKind | undefined;
}

/** Sources that need a signed-in profile (they are empty without one). */
const PERSONAL = new Set(['continue-watching', 'recommendations', 'because-you-watched', 'watchlist']);

/** The kind part of a `source` (`collection:reel-originals` → `collection`). */
export function sourceKind(source: string): string {
  const colon = source.indexOf(':');
  return colon === -1 ? source : source.slice(0, colon);
}

const regionName = (region: string): string => {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
};

/**
 * A rail's heading in the active locale: built from its kind (and reason or region) where the
 * words are ours, the server's heading where it names content (collections, genres).
 */
export function railHeading(rail: Pick<Rail, 'kind' | 'heading' | 'reason'>, region?: string | null): string {
  switch (rail.kind) {
    case 'continue-watching':
      return msg('Continue watching', { id: 'rail.heading.continue' });
    case 'trending':
      return msg('Trending now', { id: 'rail.heading.trending' });
    case 'top10':
      return region
        ? msg(str`Top 10 in ${regionName(region)} today`, { id: 'rail.heading.top10.region' })
        : msg('Top 10 today', { id: 'rail.heading.top10' });
    case 'because-you-watched':
      return rail.reason
        ? msg(str`Because you watched ${rail.reason.name}`, { id: 'rail.heading.because' })
        : rail.heading;
    case 'recommendations':
      return msg('Recommended for you', { id: 'rail.heading.recommended' });
    case 'new-this-week':
      return msg('New this week', { id: 'rail.heading.new' });
    case 'coming-soon':
      return msg('Coming soon', { id: 'rail.heading.soon' });
    case 'watchlist':
      return msg('My List', { id: 'rail.heading.watchlist' });
    default:
      return rail.heading;
  }
}

/** The region named in a Top 10 rail's "see all" (`/top10?region=US`). */
export function railRegion(rail: Pick<Rail, 'see_all'>): string | null {
  const match = rail.see_all?.match(/[?&]region=([A-Z]{2})\b/);
  return match?.[1] ?? null;
}

/**
 * Loads a rail by its `source`: `trending`, `top10`, `recommendations`, `collection:<slug>`,
 * `genre:<slug>`, `because-you-watched[:<title id>]`, `continue-watching`, `new-this-week`,
 * `coming-soon`. Sources with an endpoint of their own use it; the others are read from the
 * home rails (`GET /home/rails`), which are personalised for the active profile.
 */
export async function loadRail(
  client: Transport,
  source: string,
  options: { limit: number; region?: string | null; profileId: string | null; signal: AbortSignal },
): Promise<RailData> {
  const { limit, signal } = options;
  const kind = sourceKind(source);
  const arg = source.slice(kind.length + 1);
  if (PERSONAL.has(kind) && !options.profileId) return { items: [] };
  switch (kind) {
    case 'trending': {
      const page = await client.call(homeTrending, { query: { limit }, signal });
      return { items: page.items, kind: 'trending' };
    }
    case 'top10': {
      const top = await client.call(homeTop10, { query: options.region ? { region: options.region } : {}, signal });
      return {
        items: top.items.map((t, i) => ({ ...t, badges: { ...t.badges, top10_rank: t.badges.top10_rank ?? i + 1 } })),
        heading: railHeading({ kind: 'top10', heading: '', reason: null }, top.region),
        kind: 'top10',
      };
    }
    case 'recommendations': {
      const page = await client.call(homeRecommendations, { query: { limit }, signal });
      return { items: page.items.map((r) => r.title), kind: 'recommendations' };
    }
    case 'collection': {
      const collection = await client.call(catalogCollection, { params: { slug: arg }, query: { limit }, signal });
      return {
        items: collection.items,
        heading: collection.name,
        seeAll: `/collections/${encodeURIComponent(collection.slug)}`,
        kind: 'collection',
      };
    }
    case 'genre': {
      const page = await client.call(catalogBrowse, { query: { genre: arg, sort: 'popularity', limit }, signal });
      return { items: page.items, kind: 'genre' };
    }
    default: {
      // Rails that exist only as home rails: pick the one with this source (or of this kind).
      const home = await client.call(homeRails, {
        query: { items_per_rail: Math.min(60, limit), ...(options.region ? { region: options.region } : {}) },
        signal,
      });
      const rail = home.rails.find((r) => r.source === source) ?? home.rails.find((r) => r.kind === kind);
      if (rail) {
        return {
          items: rail.items,
          heading: railHeading(rail, railRegion(rail)),
          seeAll: rail.see_all,
          kind: rail.kind,
        };
      }
      if (kind === 'because-you-watched' && arg) {
        const page = await client.call(catalogSimilar, { params: { id: arg }, query: { limit }, signal });
        return { items: page.items, kind: 'because-you-watched' };
      }
      return { items: [] };
    }
  }
}
