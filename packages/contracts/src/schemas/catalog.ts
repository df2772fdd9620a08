import * as z from 'zod/mini';
import { DateOnly, Id, Language, Region, Seconds, Slug, Timestamp, Url } from '../common.js';

/** What a title is. Anime is a series (or film) with anime extras (arcs, filler, sub/dub). */
export const TitleType = z.enum(['film', 'series', 'anime']);
export type TitleType = z.infer<typeof TitleType>;

/** Generated artwork. `color` is the dominant colour, shown while the image loads. */
export const Artwork = z.object({
  /** 2:3 poster. */
  poster: Url,
  /** 16:9 backdrop. */
  backdrop: Url,
  /** Widths the image URLs can be asked for (`?w=`), for `srcset`. */
  widths: z.array(z.int()),
  color: z.string().check(z.regex(/^#[0-9a-f]{6}$/)),
});
export type Artwork = z.infer<typeof Artwork>;

export const GenreRef = z.object({ slug: Slug, name: z.string() });
export type GenreRef = z.infer<typeof GenreRef>;

/** How far the active profile got. Absent when it has not started. */
export const Progress = z.object({
  position: Seconds,
  duration: Seconds,
  /** 0–1. */
  fraction: z.number().check(z.minimum(0), z.maximum(1)),
  completed: z.boolean(),
  /** For series: the episode the position belongs to. */
  episode_id: z.optional(Id),
  updated_at: Timestamp,
});
export type Progress = z.infer<typeof Progress>;

/** Badges a card shows. */
export const TitleBadges = z.object({
  is_new: z.boolean(),
  top10_rank: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
  sub: z.boolean(),
  dub: z.boolean(),
  simulcast: z.boolean(),
  coming_soon: z.boolean(),
});

/** What a card needs: the list form of a title. */
export const TitleSummary = z.object({
  id: Id,
  type: TitleType,
  name: z.string(),
  year: z.nullable(z.int()),
  /** Films: minutes. Series: the typical episode length. */
  runtime_minutes: z.nullable(z.int()),
  genres: z.array(GenreRef),
  /** Short rating label in the viewer's region: `PG-13`, `TV-MA`. */
  certification: z.nullable(z.string()),
  /** 0 (all ages) to 18. A kids profile sees titles up to its ceiling. */
  maturity_level: z.int().check(z.minimum(0), z.maximum(18)),
  artwork: Artwork,
  badges: TitleBadges,
  /** Average review rating, 1–5, when there are reviews. */
  rating_average: z.nullable(z.number()),
  /** Whether a hover preview (thumbnail sprite) exists. */
  has_preview: z.boolean(),
  progress: z.optional(Progress),
  in_watchlist: z.optional(z.boolean()),
});
export type TitleSummary = z.infer<typeof TitleSummary>;

/** A rating in one rating system, with what it means. */
export const Certification = z.object({
  region: Region,
  system: z.string(),
  rating: z.string(),
  meaning: z.string(),
  min_age: z.int(),
});
export type Certification = z.infer<typeof Certification>;

export const Availability = z.object({
  region: Region,
  available_from: z.nullable(Timestamp),
  available_until: z.nullable(Timestamp),
});

export const AudioLanguage = z.object({ language: Language, name: z.string(), is_default: z.boolean() });
export const SubtitleLanguage = z.object({ language: Language, name: z.string(), forced: z.boolean() });

/** The detail form of a title. */
export const Title = z.extend(TitleSummary, {
  tagline: z.nullable(z.string()),
  synopsis: z.string(),
  original_language: Language,
  audio_languages: z.array(AudioLanguage),
  subtitle_languages: z.array(SubtitleLanguage),
  release_date: z.nullable(DateOnly),
  status: z.enum(['released', 'upcoming', 'ended', 'ongoing']),
  studios: z.array(z.string()),
  networks: z.array(z.string()),
  countries: z.array(Region),
  certifications: z.array(Certification),
  advisories: z.array(z.string()),
  tags: z.array(z.string()),
  availability: z.array(Availability),
  /** Whether the title can be watched in the viewer's region now. */
  available: z.boolean(),
  seasons_count: z.nullable(z.int()),
  trailer: z.nullable(z.object({ id: Id, duration: Seconds })),
  review_count: z.int(),
});
export type Title = z.infer<typeof Title>;

export const FillerKind = z.enum(['canon', 'mixed', 'filler']);
export type FillerKind = z.infer<typeof FillerKind>;

export const MarkerKind = z.enum(['intro', 'recap', 'credits', 'preview']);
export type MarkerKind = z.infer<typeof MarkerKind>;

/** A skippable part of an episode (or film), in seconds. */
export const Marker = z.object({ kind: MarkerKind, start: Seconds, end: Seconds });
export type Marker = z.infer<typeof Marker>;

export const Season = z.object({
  number: z.int().check(z.minimum(0)),
  name: z.string(),
  year: z.nullable(z.int()),
  episode_count: z.int(),
  bundle_id: z.nullable(Id),
});
export type Season = z.infer<typeof Season>;

export const Episode = z.object({
  id: Id,
  title_id: Id,
  season_number: z.int(),
  number: z.int(),
  name: z.string(),
  synopsis: z.string(),
  runtime_seconds: Seconds,
  still: Url,
  air_date: z.nullable(DateOnly),
  /** Anime: canon, mixed or filler. Null for other titles. */
  filler: z.nullable(FillerKind),
  arc_id: z.nullable(Id),
  /** Which markers the episode has. */
  markers: z.array(MarkerKind),
  progress: z.optional(Progress),
});
export type Episode = z.infer<typeof Episode>;

export const PersonRef = z.object({ id: Id, name: z.string(), photo: z.nullable(Url) });

export const CreditRole = z.enum(['cast', 'director', 'writer', 'producer', 'creator', 'composer']);

export const Credit = z.object({
  person: PersonRef,
  role: CreditRole,
  /** For cast: the character played. */
  character: z.nullable(z.string()),
  order: z.int(),
});
export type Credit = z.infer<typeof Credit>;

export const Person = z.object({
  id: Id,
  name: z.string(),
  photo: z.nullable(Url),
  biography: z.string(),
  birth_date: z.nullable(DateOnly),
  birth_place: z.nullable(z.string()),
  known_for: z.string(),
  filmography: z.array(
    z.object({ title: TitleSummary, role: CreditRole, character: z.nullable(z.string()), year: z.nullable(z.int()) }),
  ),
});
export type Person = z.infer<typeof Person>;

export const Genre = z.object({
  slug: Slug,
  name: z.string(),
  description: z.string(),
  parent: z.nullable(Slug),
  title_count: z.int(),
  artwork: z.nullable(Url),
});
export type Genre = z.infer<typeof Genre>;

export const GenreDetail = z.extend(Genre, { subcategories: z.array(Genre) });

export const Collection = z.object({
  slug: Slug,
  name: z.string(),
  description: z.string(),
  artwork: z.nullable(Artwork),
  title_count: z.int(),
});
export type Collection = z.infer<typeof Collection>;

/** Kinds of home rail. `source` is what `<reel-rail source=…>` takes to show the same rail. */
export const RailKind = z.enum([
  'continue-watching',
  'trending',
  'top10',
  'because-you-watched',
  'recommendations',
  'new-this-week',
  'coming-soon',
  'collection',
  'genre',
  'watchlist',
]);
export type RailKind = z.infer<typeof RailKind>;

export const Rail = z.object({
  id: z.string(),
  kind: RailKind,
  heading: z.string(),
  /** `trending`, `top10`, `collection:<slug>`, `because-you-watched:<title_id>` … */
  source: z.string(),
  /** Why this rail: the title a "Because you watched" rail starts from. */
  reason: z.nullable(z.object({ title_id: Id, name: z.string() })),
  see_all: z.nullable(z.string()),
  items: z.array(TitleSummary),
});
export type Rail = z.infer<typeof Rail>;

/** Anime story arc. */
export const Arc = z.object({
  id: Id,
  title_id: Id,
  name: z.string(),
  synopsis: z.string(),
  order: z.int(),
  first_episode: z.object({ season_number: z.int(), number: z.int() }),
  last_episode: z.object({ season_number: z.int(), number: z.int() }),
  episode_count: z.int(),
  filler_count: z.int(),
});
export type Arc = z.infer<typeof Arc>;

/** Trickplay: a grid of thumbnails at a fixed interval, and the same as a WebVTT track. */
export const ThumbnailSprite = z.object({
  interval: Seconds,
  tile_width: z.int(),
  tile_height: z.int(),
  columns: z.int(),
  rows: z.int(),
  /** Sprite sheet images in order; tile n is in image floor(n / (columns*rows)). */
  images: z.array(Url),
  count: z.int(),
  /** WebVTT thumbnails track (`sprite.jpg#xywh=x,y,w,h` cues). */
  vtt_url: Url,
});
export type ThumbnailSprite = z.infer<typeof ThumbnailSprite>;

/** Query filters shared by browse and search. */
export const CatalogFilters = z.object({
  genre: z.optional(z.string().check(z.maxLength(400))),
  /** How several genres combine. */
  genre_mode: z.optional(z.enum(['and', 'or'])),
  year_from: z.optional(z.coerce.number().check(z.int(), z.minimum(1870), z.maximum(2100))),
  year_to: z.optional(z.coerce.number().check(z.int(), z.minimum(1870), z.maximum(2100))),
  rating_min: z.optional(z.coerce.number().check(z.minimum(0), z.maximum(5))),
  certification: z.optional(z.string().check(z.maxLength(200))),
  language: z.optional(z.string().check(z.maxLength(200))),
  studio: z.optional(z.string().check(z.maxLength(200))),
  network: z.optional(z.string().check(z.maxLength(200))),
  type: z.optional(TitleType),
});
