import * as z from 'zod/mini';
import { Id, Language, Money, page, Seconds, Slug, Timestamp, Url } from '../common.js';
import { AudioLanguage, Episode, Marker, PersonRef, SubtitleLanguage, TitleSummary, TitleType } from './catalog.js';
import { PlayerQuality } from './player.js';

// Search (§9), schedule (§14), bundles and season downloads (§10).

// ---------------------------------------------------------------------------------------------
// Search

/** A search query as typed: trimmed by the client, 1–200 characters. */
export const SearchText = z.string().check(z.minLength(1), z.maxLength(200));

export const SearchSort = z.enum(['relevance', 'popularity', 'release_date', 'rating', 'title']);
export type SearchSort = z.infer<typeof SearchSort>;

/** Which field of a title a result matched on, so the page can say why ("Cast: Keanu Reeves"). */
export const SearchMatchField = z.enum([
  'name',
  'original_name',
  'alternate_name',
  'person',
  'character',
  'genre',
  'tag',
  'studio',
  'network',
  'synopsis',
]);
export type SearchMatchField = z.infer<typeof SearchMatchField>;

/** A `[start, end)` range of UTF-16 code units in `matched_text` to highlight (`<mark>`). */
export const SearchHighlight = z.object({ start: z.int().check(z.minimum(0)), end: z.int().check(z.minimum(0)) });

export const SearchTitleHit = z.object({
  title: TitleSummary,
  matched_field: SearchMatchField,
  /** The text that matched: the title's name, an alternate name, the cast member's name … */
  matched_text: z.string(),
  highlights: z.array(SearchHighlight),
  /** True when it matched only through typo tolerance (an edit distance above zero). */
  fuzzy: z.boolean(),
  score: z.number(),
});
export type SearchTitleHit = z.infer<typeof SearchTitleHit>;

export const SearchPersonHit = z.object({
  person: PersonRef,
  /** `Acting`, `Directing` … */
  known_for: z.string(),
  /** Up to three titles the person is known for. */
  known_for_titles: z.array(z.object({ id: Id, name: z.string(), year: z.nullable(z.int()) })),
  matched_text: z.string(),
  highlights: z.array(SearchHighlight),
  fuzzy: z.boolean(),
});
export type SearchPersonHit = z.infer<typeof SearchPersonHit>;

/** Counts behind the filter chips, for the whole result set (not just this page). */
export const SearchFacets = z.object({
  types: z.array(z.object({ value: TitleType, count: z.int() })),
  genres: z.array(z.object({ slug: Slug, name: z.string(), count: z.int() })),
  decades: z.array(z.object({ decade: z.int(), count: z.int() })),
});

/** A page of search results. */
export const SearchResults = z.extend(page(SearchTitleHit), {
  /** The query as received. */
  query: z.string(),
  /**
   * The query actually searched when the original found nothing and a close spelling did
   * ("Showing results for …"); null when the original was searched.
   */
  corrected_query: z.nullable(z.string()),
  /** A likely intended spelling, offered as a link ("Did you mean …?"); null when none. */
  did_you_mean: z.nullable(z.string()),
  /** Estimated number of matching titles. */
  total: z.int(),
  /** Matching people; on the first page only (empty on later pages). */
  people: z.array(SearchPersonHit),
  /** Filter counts; on the first page only (null on later pages). */
  facets: z.nullable(SearchFacets),
  /** The search history entry this search was recorded as; null when not recorded. */
  history_id: z.nullable(Id),
});
export type SearchResults = z.infer<typeof SearchResults>;

const SuggestionBase = {
  /** What the option shows. */
  text: z.string(),
  highlights: z.array(SearchHighlight),
};

/** One typeahead option. `kind` tells what selecting it does. */
export const SearchSuggestion = z.discriminatedUnion('kind', [
  z.object({
    ...SuggestionBase,
    kind: z.literal('title'),
    id: Id,
    type: TitleType,
    year: z.nullable(z.int()),
    /** Small poster (`?w=` from the artwork widths). */
    poster: z.nullable(Url),
  }),
  z.object({ ...SuggestionBase, kind: z.literal('person'), id: Id, photo: z.nullable(Url), known_for: z.string() }),
  z.object({ ...SuggestionBase, kind: z.literal('genre'), slug: Slug }),
  /** A full query: one of the profile's recent searches or a popular completion. */
  z.object({ ...SuggestionBase, kind: z.literal('query'), source: z.enum(['history', 'popular']) }),
]);
export type SearchSuggestion = z.infer<typeof SearchSuggestion>;

export const SearchSuggestions = z.object({
  query: z.string(),
  items: z.array(SearchSuggestion),
});
export type SearchSuggestions = z.infer<typeof SearchSuggestions>;

/** One of the active profile's recent searches. */
export const SearchHistoryEntry = z.object({
  id: Id,
  query: z.string(),
  /** Filters that were applied, as query parameters (`genre`, `type` …). */
  filters: z.record(z.string(), z.string()),
  result_count: z.int(),
  searched_at: Timestamp,
});
export type SearchHistoryEntry = z.infer<typeof SearchHistoryEntry>;

/** "People also searched": queries and titles that viewers who searched this went on to. */
export const RelatedSearches = z.object({
  query: z.string(),
  queries: z.array(z.object({ query: z.string(), score: z.number() })),
  titles: z.array(TitleSummary),
});
export type RelatedSearches = z.infer<typeof RelatedSearches>;

// ---------------------------------------------------------------------------------------------
// Schedule

export const ScheduleKind = z.enum(['premiere', 'new_episode', 'new_season', 'leaving']);
export type ScheduleKind = z.infer<typeof ScheduleKind>;

/** A comma-separated list of schedule kinds: `premiere,new_season`. */
export const ScheduleKindList = z
  .string()
  .check(
    z.maxLength(100),
    z.regex(/^(premiere|new_episode|new_season|leaving)(,(premiere|new_episode|new_season|leaving))*$/),
  );

/** The episode a schedule item is about. */
export const ScheduleEpisode = z.object({
  id: Id,
  season_number: z.int(),
  number: z.int(),
  name: z.string(),
  runtime_seconds: Seconds,
  still: z.nullable(Url),
});

/** A release (or departure) on the calendar. */
export const ScheduleItem = z.object({
  id: Id,
  kind: ScheduleKind,
  title: TitleSummary,
  /** For `new_episode` (and a premiere's first episode); null otherwise. */
  episode: z.nullable(ScheduleEpisode),
  /** For `new_season` and `new_episode`. */
  season_number: z.nullable(z.int()),
  /** When it becomes available, or, for `leaving`, when it stops being available. */
  release_at: Timestamp,
  /** Anime: released the same day as in its home country. */
  simulcast: z.boolean(),
  /** False when signed out. */
  reminder_set: z.boolean(),
  /** Whether a reminder can still be set (the item is in the future and the viewer is signed in). */
  can_remind: z.boolean(),
});
export type ScheduleItem = z.infer<typeof ScheduleItem>;

/** An IANA time zone (`Europe/Madrid`): the day boundaries of "today" and "this week". */
export const ScheduleTimeZone = z.string().check(z.maxLength(64), z.regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/));

export const ScheduleDay = z.object({
  /** The calendar date in the requested time zone. */
  date: z.iso.date(),
  items: z.array(ScheduleItem),
});
export type ScheduleDay = z.infer<typeof ScheduleDay>;

/** Who gets told, and how early. */
export const ScheduleReminderChannel = z.enum(['in_app', 'push', 'email']);

export const ScheduleReminderRequest = z.object({
  /** Default: the profile's notification preferences (§25). */
  channels: z.optional(z.array(ScheduleReminderChannel).check(z.minLength(1), z.maxLength(3))),
  /** Minutes before `release_at` to notify; 0 (default) at release. Up to a week. */
  lead_minutes: z.optional(z.int().check(z.minimum(0), z.maximum(10080))),
});
export type ScheduleReminderRequest = z.infer<typeof ScheduleReminderRequest>;

export const ScheduleReminder = z.object({
  item_id: Id,
  title_id: Id,
  kind: ScheduleKind,
  release_at: Timestamp,
  /** When the notification will be sent. */
  remind_at: Timestamp,
  channels: z.array(ScheduleReminderChannel),
  created_at: Timestamp,
});
export type ScheduleReminder = z.infer<typeof ScheduleReminder>;

// ---------------------------------------------------------------------------------------------
// Bundles and downloads

export const BundleKind = z.enum(['season', 'series', 'collection']);
export type BundleKind = z.infer<typeof BundleKind>;

/** Why the viewer cannot download a bundle now. */
export const BundleBlockReason = z.enum([
  'signed_out',
  'not_purchased',
  'plan_excludes_downloads',
  'download_limit_reached',
  'region',
  'maturity',
  'unavailable',
]);
export type BundleBlockReason = z.infer<typeof BundleBlockReason>;

export const BundleSummary = z.object({
  id: Id,
  kind: BundleKind,
  name: z.string(),
  description: z.string(),
  /** The series (or film) it belongs to; null for a cross-title collection. */
  title: z.nullable(TitleSummary),
  /** For `season` bundles. */
  season_number: z.nullable(z.int()),
  artwork: z.nullable(Url),
  episode_count: z.int(),
  total_runtime: Seconds,
  /** Estimated download size at the default quality, bytes. */
  size_estimate: z.int(),
  /** Price to buy it; null when it is included in plans that allow downloads. */
  price: z.nullable(Money),
  /** Bought (or granted) by the account. */
  owned: z.boolean(),
  /** The viewer may download it now (owned or included, and within limits). */
  entitled: z.boolean(),
  /** Why not, when `entitled` is false. */
  blocked_reason: z.nullable(BundleBlockReason),
  /** The bundle can be downloaded until then (licensing window). */
  available_until: z.nullable(Timestamp),
  updated_at: Timestamp,
});
export type BundleSummary = z.infer<typeof BundleSummary>;

export const BundleDetail = z.extend(BundleSummary, {
  items: z.array(
    z.object({
      episode: Episode,
      /** Size at the default quality, bytes. */
      size: z.int(),
      downloadable: z.boolean(),
    }),
  ),
  /** The download size at each quality, and whether the plan allows it. */
  qualities: z.array(z.object({ quality: PlayerQuality, size: z.int(), allowed: z.boolean() })),
  default_quality: PlayerQuality,
  audio_languages: z.array(AudioLanguage),
  subtitle_languages: z.array(SubtitleLanguage),
  limits: z.object({
    /** Days a download plays offline before it must be renewed online. */
    licence_days: z.int(),
    /** Downloads the account may still start this period; null: unlimited. */
    downloads_remaining: z.nullable(z.int()),
    /** Devices that may hold downloads at once; null: unlimited. */
    max_devices: z.nullable(z.int()),
  }),
  /** Downloads of this bundle already made by the profile, newest first. */
  previous_downloads: z.array(z.object({ download_id: Id, created_at: Timestamp, licence_expires_at: Timestamp })),
});
export type BundleDetail = z.infer<typeof BundleDetail>;

export const BundleDownloadRequest = z.object({
  /** Default: the bundle's `default_quality`, capped by the plan. */
  quality: z.optional(PlayerQuality),
  /** Audio languages to include; default the profile's preference and the original. */
  audio_languages: z.optional(z.array(Language).check(z.maxLength(8))),
  /** Subtitle languages to include; default the profile's preference. */
  subtitle_languages: z.optional(z.array(Language).check(z.maxLength(16))),
  /** Only these episodes of the bundle; default all. */
  episode_ids: z.optional(z.array(Id).check(z.minLength(1), z.maxLength(500))),
  /** The registered device (§5) the files are stored on. */
  device_id: z.optional(Id),
});
export type BundleDownloadRequest = z.infer<typeof BundleDownloadRequest>;

/** One file to fetch and store for offline playback. */
export const BundleDownloadFile = z.object({
  kind: z.enum(['playlist', 'init', 'segment', 'audio', 'subtitle', 'sprite', 'image']),
  /** Signed URL, valid until the manifest's `urls_expire_at`. */
  url: Url,
  size: z.int(),
  language: z.optional(Language),
});
export type BundleDownloadFile = z.infer<typeof BundleDownloadFile>;

export const DownloadManifestItem = z.object({
  episode_id: Id,
  title_id: Id,
  season_number: z.int(),
  number: z.int(),
  name: z.string(),
  duration: Seconds,
  still: z.nullable(Url),
  markers: z.array(Marker),
  quality: PlayerQuality,
  /** The multivariant playlist rewritten for offline playback (only the chosen renditions). */
  playlist_url: Url,
  /** Every file the playlist refers to, in playback order, for the service worker to cache. */
  files: z.array(BundleDownloadFile),
  size: z.int(),
});
export type DownloadManifestItem = z.infer<typeof DownloadManifestItem>;

/** What to download for a bundle, recorded in the profile's download history (§2). */
export const DownloadManifest = z.object({
  download_id: Id,
  bundle_id: Id,
  quality: PlayerQuality,
  audio_languages: z.array(Language),
  subtitle_languages: z.array(Language),
  items: z.array(DownloadManifestItem),
  total_size: z.int(),
  /** The signed URLs stop working then; ask again to resume a download after it. */
  urls_expire_at: Timestamp,
  /** Downloaded episodes play offline until then. */
  licence_expires_at: Timestamp,
  created_at: Timestamp,
});
export type DownloadManifest = z.infer<typeof DownloadManifest>;
