import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * Titles: films, series and anime. Text search runs over `search_document` (a tsvector kept by
 * the seed and admin writes) and trigram similarity on `name` for typo tolerance.
 */
export const titles = pgTable(
  'titles',
  {
    id: text().primaryKey(),
    type: text({ enum: ['film', 'series', 'anime'] }).notNull(),
    name: text().notNull(),
    originalName: text(),
    tagline: text(),
    synopsis: text().notNull().default(''),
    year: integer(),
    releaseDate: date({ mode: 'string' }),
    /** Films: minutes; series: typical episode length. */
    runtimeMinutes: integer(),
    status: text({ enum: ['released', 'upcoming', 'ended', 'ongoing'] })
      .notNull()
      .default('released'),
    originalLanguage: text().notNull().default('en'),
    /** [{ language, name, is_default }] */
    audioLanguages: jsonb().notNull().default(sql`'[]'::jsonb`),
    /** [{ language, name, forced }] */
    subtitleLanguages: jsonb().notNull().default(sql`'[]'::jsonb`),
    studios: text().array().notNull().default(sql`'{}'::text[]`),
    networks: text().array().notNull().default(sql`'{}'::text[]`),
    countries: text().array().notNull().default(sql`'{}'::text[]`),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    moods: text().array().notNull().default(sql`'{}'::text[]`),
    advisories: text().array().notNull().default(sql`'{}'::text[]`),
    /** 0 (all ages) to 18: the ceiling a kids profile is compared with. */
    maturityLevel: integer().notNull().default(0),
    /** Seed of the generated artwork and its dominant colour. */
    artworkSeed: integer().notNull().default(0),
    artworkColor: text().notNull().default('#22222a'),
    /** Popularity score (views in the last weeks, smoothed), for sorting and trending. */
    popularity: doublePrecision().notNull().default(0),
    /**
     * The title's rating, 1–5, and how many ratings make it: the ratings that came with the catalog
     * (`externalRating*`) together with the stars of every published Reel review, kept by the
     * reviews service on each review change (services/reviews.ts `recountRatings`).
     */
    ratingAverage: real(),
    ratingCount: integer().notNull().default(0),
    /** Ratings imported with the catalog (from before Reel's own reviews): the base of the rating above. */
    externalRatingAverage: real(),
    externalRatingCount: integer().notNull().default(0),
    /** Anime extras. */
    hasSub: boolean().notNull().default(false),
    hasDub: boolean().notNull().default(false),
    simulcast: boolean().notNull().default(false),
    /** Whether a trickplay sprite exists (hover preview). */
    hasPreview: boolean().notNull().default(false),
    trailerSeconds: integer(),
    publishState: text({ enum: ['draft', 'scheduled', 'published'] })
      .notNull()
      .default('published'),
    publishAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** When it was added to the catalog ("new this week"). */
    addedAt: createdAt(),
    updatedAt: createdAt(),
    searchDocument: text(),
  },
  (t) => [
    index('titles_type_idx').on(t.type),
    index('titles_popularity_idx').on(t.popularity),
    index('titles_year_idx').on(t.year),
    index('titles_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const genres = pgTable('genres', {
  slug: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  parent: text(),
  position: integer().notNull().default(0),
});

export const titleGenres = pgTable(
  'title_genres',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    genre: text()
      .notNull()
      .references(() => genres.slug, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.genre] }), index('title_genres_genre_idx').on(t.genre)],
);

/** A title's rating in one region's system (`US` `MPAA` `PG-13`), with its meaning. */
export const certifications = pgTable(
  'certifications',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    region: text().notNull(),
    system: text().notNull(),
    rating: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.region] })],
);

/** The rating systems: what each rating means and the minimum age. */
export const ratingMeanings = pgTable(
  'rating_meanings',
  {
    region: text().notNull(),
    system: text().notNull(),
    rating: text().notNull(),
    meaning: text().notNull(),
    minAge: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.region, t.rating] })],
);

/** Where and when a title may be watched; no row for a region means not available there. */
export const availability = pgTable(
  'availability',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    region: text().notNull(),
    availableFrom: timestamp({ withTimezone: true, mode: 'date' }),
    availableUntil: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.region] })],
);

export const seasons = pgTable(
  'seasons',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    name: text().notNull(),
    year: integer(),
    bundleId: text(),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.number] })],
);

export const episodes = pgTable(
  'episodes',
  {
    id: text().primaryKey(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    seasonNumber: integer().notNull(),
    number: integer().notNull(),
    name: text().notNull(),
    synopsis: text().notNull().default(''),
    runtimeSeconds: integer().notNull(),
    airDate: date({ mode: 'string' }),
    filler: text({ enum: ['canon', 'mixed', 'filler'] }),
    arcId: text(),
    artworkSeed: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('episodes_title_season_number_key').on(t.titleId, t.seasonNumber, t.number)],
);

/** Skippable parts of an episode (or of a film when `episodeId` is null). */
export const markers = pgTable(
  'markers',
  {
    id: text().primaryKey(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    episodeId: text().references(() => episodes.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['intro', 'recap', 'credits', 'preview'] }).notNull(),
    start: real().notNull(),
    end: real().notNull(),
  },
  (t) => [index('markers_episode_idx').on(t.episodeId), index('markers_title_idx').on(t.titleId)],
);

export const arcs = pgTable(
  'arcs',
  {
    id: text().primaryKey(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    synopsis: text().notNull().default(''),
    position: integer().notNull(),
  },
  (t) => [index('arcs_title_idx').on(t.titleId)],
);

export const people = pgTable(
  'people',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    biography: text().notNull().default(''),
    birthDate: date({ mode: 'string' }),
    birthPlace: text(),
    knownFor: text().notNull().default('Acting'),
    photoSeed: integer().notNull().default(0),
  },
  (t) => [index('people_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`)],
);

export const credits = pgTable(
  'credits',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    personId: text()
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text({ enum: ['cast', 'director', 'writer', 'producer', 'creator', 'composer'] }).notNull(),
    character: text(),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.personId, t.role] }), index('credits_person_idx').on(t.personId)],
);

/** Sequels, prequels, spin-offs: `titleId` relates to `relatedId` as `relation`. */
export const titleRelations = pgTable(
  'title_relations',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    relatedId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    relation: text({ enum: ['sequel', 'prequel', 'spin_off', 'remake', 'same_universe'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.relatedId] })],
);

export const collections = pgTable('collections', {
  slug: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  artworkSeed: integer().notNull().default(0),
  artworkColor: text().notNull().default('#22222a'),
  position: integer().notNull().default(0),
  /** Shown as a home rail. */
  featured: boolean().notNull().default(false),
});

export const collectionItems = pgTable(
  'collection_items',
  {
    slug: text()
      .notNull()
      .references(() => collections.slug, { onDelete: 'cascade' }),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.titleId] })],
);

/** Release calendar: premieres, new episodes, new seasons, titles leaving. */
export const scheduleItems = pgTable(
  'schedule_items',
  {
    id: text().primaryKey(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    episodeId: text().references(() => episodes.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['premiere', 'new_episode', 'new_season', 'leaving'] }).notNull(),
    releaseAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    region: text(),
  },
  (t) => [index('schedule_release_idx').on(t.releaseAt)],
);

/**
 * Daily view counts per title and region: trending (last 7 days), top 10 (a region, today) and
 * popularity are computed from it. The seed writes a plausible history; playback adds to it.
 */
export const titleViews = pgTable(
  'title_views',
  {
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    region: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.region, t.day] }), index('title_views_day_idx').on(t.day)],
);

/** What a profile watched and how far: the player's events keep it (issue 5); history and Continue Watching read it. */
export const progress = pgTable(
  'progress',
  {
    profileId: text().notNull(),
    titleId: text()
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    /** '' for a film; the episode id for a series. */
    episodeId: text().notNull().default(''),
    position: real().notNull(),
    duration: real().notNull(),
    completed: boolean().notNull().default(false),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.titleId, t.episodeId] }),
    index('progress_profile_idx').on(t.profileId, t.updatedAt),
  ],
);

/** Per-profile search history. */
export const searchHistory = pgTable(
  'search_history',
  {
    id: text().primaryKey(),
    profileId: text().notNull(),
    query: text().notNull(),
    resultCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('search_history_profile_idx').on(t.profileId, t.createdAt)],
);
