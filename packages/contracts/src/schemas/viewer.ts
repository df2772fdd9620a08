import * as z from 'zod/mini';
import { DateOnly, Id, Language, Seconds, Slug, Timestamp, Url } from '../common.js';
import { AvatarKey, Profile } from './account.js';
import { FillerKind, GenreRef, Rail, TitleSummary, TitleType } from './catalog.js';

// The viewer's own data: profiles (§1), watch history (§2), watchlist (§3, §33), insights (§4),
// notifications (§25) and settings (§34). Profile-scoped routes take `{profile_id}`; a profile of
// another account answers 404.

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/** `{ profile_id }` path params of the profile-scoped routes. */
export const ProfileIdParams = z.object({ profile_id: Id });

/** An IANA time zone (`Europe/Madrid`, `UTC`), for grouping by local day or week. */
export const TimeZone = z.string().check(z.maxLength(64), z.regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/));

/** A time of day, `HH:MM` (24 h). */
export const TimeOfDay = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/** What kind of device something happened on. */
export const ViewerDeviceType = z.enum(['web', 'desktop', 'mobile', 'tablet', 'tv', 'console', 'other']);
export type ViewerDeviceType = z.infer<typeof ViewerDeviceType>;

/** The device a stream or a download happened on, as the viewer knows it. */
export const ViewerDevice = z.object({
  /** The registered device (`/users/me/devices`), null when it has since been removed. */
  id: z.nullable(Id),
  /** `Chrome on macOS`, `Living room TV`. */
  name: z.string(),
  type: ViewerDeviceType,
});
export type ViewerDevice = z.infer<typeof ViewerDevice>;

/** The episode part of an entry, enough to write `S2 E5 · The Long Night`. */
export const EpisodeRef = z.object({
  id: Id,
  season_number: z.int(),
  number: z.int(),
  name: z.string(),
  runtime_seconds: Seconds,
  still: Url,
  /** Anime: canon, mixed or filler. */
  filler: z.nullable(FillerKind),
});
export type EpisodeRef = z.infer<typeof EpisodeRef>;

/** Time watched in one week (weeks start on Monday in the requested time zone). */
export const WeeklyWatchTime = z.object({
  week_start: DateOnly,
  seconds: Seconds,
  titles: z.int().check(z.minimum(0)),
});
export type WeeklyWatchTime = z.infer<typeof WeeklyWatchTime>;

/** Time watched in one genre. `share` is 0–1 of the period's total. */
export const GenreWatchShare = z.object({
  genre: GenreRef,
  seconds: Seconds,
  share: z.number().check(z.minimum(0), z.maximum(1)),
  titles: z.int().check(z.minimum(0)),
});
export type GenreWatchShare = z.infer<typeof GenreWatchShare>;

// ---------------------------------------------------------------------------------------------
// §1 Profiles
// ---------------------------------------------------------------------------------------------

/** A profile PIN: four digits. Never sent back; `has_pin` tells whether one is set. */
export const ProfilePin = z.string().check(z.regex(/^\d{4}$/));

/** A profile as the profile gate and the manager show it. */
export const ManagedProfile = z.extend(Profile, {
  /** The account's first profile: it cannot be deleted. */
  is_primary: z.boolean(),
  /** Whether it is the profile the current token acts for. */
  is_active: z.boolean(),
  /** Generated avatar image for `avatar`. */
  avatar_url: Url,
  last_used_at: z.nullable(Timestamp),
});
export type ManagedProfile = z.infer<typeof ManagedProfile>;

/** How many profiles the plan allows, so the UI can explain the limit rather than just refuse. */
export const ProfileLimit = z.object({
  /** Profiles the current plan allows. */
  max_profiles: z.int().check(z.minimum(1)),
  used: z.int().check(z.minimum(0)),
  can_create: z.boolean(),
  /** Code and display name of the current plan. */
  plan: z.string(),
  plan_name: z.string(),
  /** The cheapest plan that allows more profiles, null when none does. */
  upgrade: z.nullable(z.object({ plan: z.string(), plan_name: z.string(), max_profiles: z.int() })),
});
export type ProfileLimit = z.infer<typeof ProfileLimit>;

export const ProfileList = z.object({
  items: z.array(ManagedProfile),
  limit: ProfileLimit,
  /** Null until a profile is chosen: the gate then shows "Who's watching?". */
  active_profile_id: z.nullable(Id),
});
export type ProfileList = z.infer<typeof ProfileList>;

/** The server trims names before checking them. */
const ProfileName = z.string().check(z.minLength(1), z.maxLength(40));
const MaturityLevel = z.int().check(z.minimum(0), z.maximum(18));

export const ProfileCreateBody = z.object({
  name: ProfileName,
  avatar: AvatarKey,
  /** Defaults to the account's UI language. */
  language: z.optional(Language),
  is_kids: z.optional(z.boolean()),
  /** Defaults to 18, or 7 for a kids profile; a kids profile cannot go above 12. */
  maturity_level: z.optional(MaturityLevel),
  pin: z.optional(ProfilePin),
});
export type ProfileCreateBody = z.infer<typeof ProfileCreateBody>;

/**
 * Changes to a profile. Raising `maturity_level`, turning `is_kids` off, or changing or removing
 * the PIN needs a recent re-authentication (403 `reauth_required` otherwise).
 */
export const ProfileUpdateBody = z.object({
  name: z.optional(ProfileName),
  avatar: z.optional(AvatarKey),
  language: z.optional(Language),
  is_kids: z.optional(z.boolean()),
  maturity_level: z.optional(MaturityLevel),
  /** A new PIN, or null to remove it. */
  pin: z.optional(z.nullable(ProfilePin)),
});
export type ProfileUpdateBody = z.infer<typeof ProfileUpdateBody>;

export const ProfileSwitchBody = z.object({
  /** Required when the profile has a PIN. Wrong PINs are counted: too many lock the profile (423). */
  pin: z.optional(ProfilePin),
});
export type ProfileSwitchBody = z.infer<typeof ProfileSwitchBody>;

/** A generated avatar a profile can pick. */
export const ProfileAvatar = z.object({
  key: AvatarKey,
  url: Url,
  /** Accessible name: `Red fox`. */
  label: z.string(),
  /** Picker section: `classics`, `animals`, `kids`, `anime`. */
  group: z.string(),
  /** The dominant colour, shown while the image loads. */
  color: z.string().check(z.regex(/^#[0-9a-f]{6}$/)),
});
export type ProfileAvatar = z.infer<typeof ProfileAvatar>;

// ---------------------------------------------------------------------------------------------
// §2 Watch history
// ---------------------------------------------------------------------------------------------

/** Date-range filters of the history lists: `from` inclusive, `to` exclusive. */
export const HistoryRange = z.object({
  from: z.optional(Timestamp),
  to: z.optional(Timestamp),
});

/** One title (or episode) the profile streamed; repeated viewings of it update one entry a day. */
export const HistoryEntry = z.object({
  id: Id,
  title: TitleSummary,
  /** For series and anime: the episode watched. */
  episode: z.nullable(EpisodeRef),
  /** Where the profile stopped. */
  position: Seconds,
  duration: Seconds,
  /** 0–1. */
  fraction: z.number().check(z.minimum(0), z.maximum(1)),
  /** Watched to the credits (or 95 %). */
  completed: z.boolean(),
  /** When the viewing started and when the profile last watched it. */
  started_at: Timestamp,
  watched_at: Timestamp,
  /** Seconds actually played (rewatching a part counts twice). */
  watched_seconds: Seconds,
  device: ViewerDevice,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryDownloadStatus = z.enum(['in_progress', 'completed', 'failed', 'expired', 'deleted']);

/** One download the profile made (a single title or episode, or a season bundle). */
export const HistoryDownload = z.object({
  id: Id,
  title: TitleSummary,
  episode: z.nullable(EpisodeRef),
  /** Set when it came from a season bundle (§10). */
  bundle: z.nullable(z.object({ id: Id, name: z.string(), season_number: z.nullable(z.int()) })),
  status: HistoryDownloadStatus,
  /** Rendition label: `720p`, `1080p`. */
  quality: z.string(),
  size_bytes: z.int().check(z.minimum(0)),
  device: ViewerDevice,
  requested_at: Timestamp,
  completed_at: z.nullable(Timestamp),
  /** When the offline licence ends. */
  expires_at: z.nullable(Timestamp),
  /** Why it failed, readable. */
  failure_reason: z.nullable(z.string()),
});
export type HistoryDownload = z.infer<typeof HistoryDownload>;

export const HistoryActivityKind = z.enum([
  'started',
  'completed',
  'rated',
  'reviewed',
  'added_to_watchlist',
  'removed_from_watchlist',
  'downloaded',
]);
export type HistoryActivityKind = z.infer<typeof HistoryActivityKind>;

/** One line of the activity feed: "Finished Dune", "Rated Arcane ★★★★★", "Added Severance to My List". */
export const HistoryActivityItem = z.object({
  id: Id,
  kind: HistoryActivityKind,
  occurred_at: Timestamp,
  title: TitleSummary,
  episode: z.nullable(EpisodeRef),
  /** `rated`, `reviewed`: the rating given, 1–5. */
  rating: z.nullable(z.int().check(z.minimum(1), z.maximum(5))),
  /** `reviewed`: the review, for a link. */
  review_id: z.nullable(Id),
  /** `added_to_watchlist`: the folder it went into, if any. */
  folder: z.nullable(z.object({ id: Id, name: z.string() })),
  /** `started`, `completed`, `downloaded`. */
  device: z.nullable(ViewerDevice),
});
export type HistoryActivityItem = z.infer<typeof HistoryActivityItem>;

export const HistoryExportSection = z.enum(['streams', 'downloads', 'activity']);

export const HistoryExportBody = z.object({
  format: z.enum(['json', 'csv']),
  /** What to include; all three when absent. */
  sections: z.optional(z.array(HistoryExportSection).check(z.minLength(1), z.maxLength(3))),
  from: z.optional(Timestamp),
  to: z.optional(Timestamp),
});
export type HistoryExportBody = z.infer<typeof HistoryExportBody>;

/** One row of an export: flat, so the CSV form has the same columns. */
export const HistoryExportRow = z.object({
  section: HistoryExportSection,
  /** `started`, `completed` … for activity rows; the download status for download rows. */
  kind: z.string(),
  occurred_at: Timestamp,
  title_id: Id,
  title_name: z.string(),
  title_type: TitleType,
  season_number: z.nullable(z.int()),
  episode_number: z.nullable(z.int()),
  episode_name: z.nullable(z.string()),
  position: z.nullable(Seconds),
  duration: z.nullable(Seconds),
  completed: z.nullable(z.boolean()),
  rating: z.nullable(z.int()),
  device_name: z.nullable(z.string()),
});
export type HistoryExportRow = z.infer<typeof HistoryExportRow>;

/**
 * The exported file. `format: json` is this document; `format: csv` is one header line with the
 * columns of `HistoryExportRow`, then one line per row (RFC 4180 quoting, UTF-8 with BOM).
 */
export const HistoryExportDocument = z.object({
  format: z.literal('reel.history'),
  version: z.literal(1),
  exported_at: Timestamp,
  profile: z.object({ id: Id, name: z.string() }),
  from: z.nullable(Timestamp),
  to: z.nullable(Timestamp),
  rows: z.array(HistoryExportRow),
});
export type HistoryExportDocument = z.infer<typeof HistoryExportDocument>;

export const HistoryStatsPeriod = z.enum(['4w', '12w', '52w', 'all']);

/** Statistics for the history page: totals, a weekly chart, top genres and completion. */
export const HistoryStats = z.object({
  period: HistoryStatsPeriod,
  from: z.nullable(Timestamp),
  to: Timestamp,
  totals: z.object({
    seconds_watched: Seconds,
    titles: z.int(),
    films: z.int(),
    episodes: z.int(),
    downloads: z.int(),
    /** Days with any viewing. */
    active_days: z.int(),
  }),
  /** Share (0–1) of started titles and episodes watched to the end. */
  completion_rate: z.number().check(z.minimum(0), z.maximum(1)),
  /** Oldest week first, one entry per week of the period (zeros included). */
  per_week: z.array(WeeklyWatchTime),
  top_genres: z.array(GenreWatchShare),
  by_type: z.array(z.object({ type: TitleType, seconds: Seconds })),
  longest_streak_days: z.int(),
  current_streak_days: z.int(),
  first_watched_at: z.nullable(Timestamp),
});
export type HistoryStats = z.infer<typeof HistoryStats>;

// ---------------------------------------------------------------------------------------------
// §3, §33 Watchlist
// ---------------------------------------------------------------------------------------------

/** A free tag (compared case-insensitively): no commas, no space at either end. */
export const WatchlistTag = z.string().check(z.minLength(1), z.maxLength(32), z.regex(/^[^\s,](?:[^,]*[^\s,])?$/));

const FolderName = z.string().check(z.minLength(1), z.maxLength(60));
const FolderDescription = z.string().check(z.maxLength(300));

/** One title on the list. */
export const WatchlistItem = z.object({
  title_id: Id,
  title: TitleSummary,
  /** 0-based place in the profile's own order. */
  position: z.int().check(z.minimum(0)),
  folder_ids: z.array(Id),
  tags: z.array(WatchlistTag),
  added_at: Timestamp,
});
export type WatchlistItem = z.infer<typeof WatchlistItem>;

/** `position` is the profile's own (drag-and-drop) order. */
export const WatchlistSort = z.enum(['position', 'added', 'title', 'year', 'rating']);

export const WatchlistQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(512))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  /** Searches title names within the list. */
  q: z.optional(z.string().check(z.maxLength(200))),
  sort: z.optional(WatchlistSort),
  order: z.optional(z.enum(['asc', 'desc'])),
  type: z.optional(TitleType),
  genre: z.optional(Slug),
  /** A folder id, or `none` for titles in no folder. */
  folder: z.optional(Id),
  tag: z.optional(WatchlistTag),
});

export const WatchlistPage = z.object({
  items: z.array(WatchlistItem),
  next_cursor: z.nullable(z.string()),
  /** Titles matching the filters. */
  total: z.int(),
  /** Titles on the whole list. */
  total_all: z.int(),
  /** Most titles the list can hold. */
  max_items: z.int(),
});
export type WatchlistPage = z.infer<typeof WatchlistPage>;

/** Adding a title already on the list answers the existing item (and applies folders/tags). */
export const WatchlistAddBody = z.object({
  title_id: Id,
  folder_ids: z.optional(z.array(Id).check(z.maxLength(20))),
  tags: z.optional(z.array(WatchlistTag).check(z.maxLength(20))),
  /** Where a new title goes; `top` by default. */
  placement: z.optional(z.enum(['top', 'bottom'])),
});
export type WatchlistAddBody = z.infer<typeof WatchlistAddBody>;

export const WatchlistBulkUploadBody = z.object({
  /** Each a title id or a name, optionally with a year: `Dune (2021)`. */
  entries: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1), z.maxLength(200)),
  folder_id: z.optional(Id),
  tags: z.optional(z.array(WatchlistTag).check(z.maxLength(20))),
  /** Resolve and report without adding anything. */
  dry_run: z.optional(z.boolean()),
});
export type WatchlistBulkUploadBody = z.infer<typeof WatchlistBulkUploadBody>;

export const WatchlistBulkUploadOutcome = z.enum([
  'added',
  'already_present',
  /** Several titles match: `candidates` lists them; send an id to choose. */
  'ambiguous',
  'not_found',
  /** Exists but not in the viewer's region or above the profile's maturity level. */
  'unavailable',
  /** The list is full. */
  'limit_reached',
  /** `dry_run`: would be added. */
  'resolved',
]);

export const WatchlistBulkUploadResult = z.object({
  results: z.array(
    z.object({
      /** Index in `entries`. */
      index: z.int(),
      input: z.string(),
      outcome: WatchlistBulkUploadOutcome,
      title: z.nullable(TitleSummary),
      candidates: z.array(TitleSummary),
    }),
  ),
  counts: z.object({
    added: z.int(),
    already_present: z.int(),
    ambiguous: z.int(),
    not_found: z.int(),
    unavailable: z.int(),
    limit_reached: z.int(),
  }),
  dry_run: z.boolean(),
});
export type WatchlistBulkUploadResult = z.infer<typeof WatchlistBulkUploadResult>;

export const WatchlistReorderBody = z.object({
  /** Every title id of the list, in the new order. A different set answers 409 (reload and retry). */
  title_ids: z.array(Id).check(z.minLength(1), z.maxLength(1000)),
});
export type WatchlistReorderBody = z.infer<typeof WatchlistReorderBody>;

export const WatchlistOrder = z.object({
  title_ids: z.array(Id),
  updated_at: Timestamp,
});
export type WatchlistOrder = z.infer<typeof WatchlistOrder>;

/** The export file (and what import accepts): portable, folders referenced by name. */
export const WatchlistExportDocument = z.object({
  format: z.literal('reel.watchlist'),
  version: z.literal(1),
  exported_at: Timestamp,
  /** Name of the exporting profile; informative. */
  profile_name: z.optional(z.string().check(z.maxLength(40))),
  folders: z
    .array(z.object({ name: FolderName, description: z.optional(z.nullable(FolderDescription)) }))
    .check(z.maxLength(50)),
  items: z
    .array(
      z.object({
        title_id: Id,
        /** For people reading the file, and to re-resolve a title whose id is unknown here. */
        name: z.optional(z.string().check(z.maxLength(200))),
        year: z.optional(z.nullable(z.int())),
        added_at: z.optional(Timestamp),
        /** Folder names, each one of `folders`. */
        folders: z.optional(z.array(FolderName).check(z.maxLength(20))),
        tags: z.optional(z.array(WatchlistTag).check(z.maxLength(20))),
      }),
    )
    .check(z.maxLength(1000)),
});
export type WatchlistExportDocument = z.infer<typeof WatchlistExportDocument>;

/**
 * An import: the file's text as read, so a syntax error can be reported by line and column. The
 * whole file is validated first; any error answers 422 with `details.fields` (`items[3].title_id`)
 * and `details.hint` `{ line, column }`, and nothing changes.
 */
export const WatchlistImportBody = z.object({
  mode: z.enum(['merge', 'replace']),
  /** The JSON text of a `WatchlistExportDocument` (at most 2 MB). */
  content: z.string().check(z.minLength(2), z.maxLength(2_000_000)),
  /** Shown in the result; informative. */
  filename: z.optional(z.string().check(z.maxLength(255))),
  /** Validate and report without changing anything. */
  dry_run: z.optional(z.boolean()),
});
export type WatchlistImportBody = z.infer<typeof WatchlistImportBody>;

/** An undo handle for a destructive change, valid until `expires_at`. */
export const WatchlistUndo = z.object({
  undo_token: z.string(),
  expires_at: Timestamp,
});
export type WatchlistUndo = z.infer<typeof WatchlistUndo>;

export const WatchlistImportResult = z.object({
  mode: z.enum(['merge', 'replace']),
  dry_run: z.boolean(),
  added: z.int(),
  /** Already on the list (merge): folders and tags merged. */
  updated: z.int(),
  /** Replace: titles that were on the list and are not in the file. */
  removed: z.int(),
  folders_created: z.int(),
  /** Skipped with a reason (unavailable in the region, above the maturity level). */
  skipped: z.array(z.object({ index: z.int(), title_id: Id, reason: z.string() })),
  total: z.int(),
  /** Replace only: undo brings the previous list back. */
  undo: z.nullable(WatchlistUndo),
});
export type WatchlistImportResult = z.infer<typeof WatchlistImportResult>;

export const WatchlistClearResult = z.extend(WatchlistUndo, { removed: z.int() });
export type WatchlistClearResult = z.infer<typeof WatchlistClearResult>;

export const WatchlistRestoreBody = z.object({ undo_token: z.string().check(z.minLength(1), z.maxLength(200)) });

export const WatchlistRestoreResult = z.object({ restored: z.int(), total: z.int() });

const BulkIds = z.array(Id).check(z.minLength(1), z.maxLength(500));

/** A bulk action on selected titles. */
export const WatchlistBulkBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('remove'), title_ids: BulkIds }),
  /** Puts the titles in this folder only. */
  z.object({ action: z.literal('move'), title_ids: BulkIds, folder_id: Id }),
  z.object({ action: z.literal('add_to_folder'), title_ids: BulkIds, folder_id: Id }),
  z.object({ action: z.literal('remove_from_folder'), title_ids: BulkIds, folder_id: Id }),
  z.object({
    action: z.literal('tag'),
    title_ids: BulkIds,
    tags: z.array(WatchlistTag).check(z.minLength(1), z.maxLength(20)),
  }),
  z.object({
    action: z.literal('untag'),
    title_ids: BulkIds,
    tags: z.array(WatchlistTag).check(z.minLength(1), z.maxLength(20)),
  }),
]);
export type WatchlistBulkBody = z.infer<typeof WatchlistBulkBody>;

export const WatchlistBulkResult = z.object({
  action: z.enum(['remove', 'move', 'add_to_folder', 'remove_from_folder', 'tag', 'untag']),
  affected: z.int(),
  /** Ids that were not on the list. */
  not_found: z.array(Id),
  /** `remove` only. */
  undo: z.nullable(WatchlistUndo),
});
export type WatchlistBulkResult = z.infer<typeof WatchlistBulkResult>;

/** A read-only public link to a folder. */
export const WatchlistShare = z.object({
  token: z.string(),
  /** The public page: `/shared/my-list/<token>`. */
  url: Url,
  created_at: Timestamp,
  expires_at: z.nullable(Timestamp),
});
export type WatchlistShare = z.infer<typeof WatchlistShare>;

export const WatchlistFolder = z.object({
  id: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  position: z.int(),
  item_count: z.int(),
  /** Up to four posters, for the folder tile. */
  preview: z.array(Url),
  share: z.nullable(WatchlistShare),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type WatchlistFolder = z.infer<typeof WatchlistFolder>;

export const WatchlistFolderList = z.object({
  items: z.array(WatchlistFolder),
  /** Every tag in use, for the tag filter. */
  tags: z.array(z.object({ tag: z.string(), item_count: z.int() })),
  max_folders: z.int(),
});
export type WatchlistFolderList = z.infer<typeof WatchlistFolderList>;

export const WatchlistFolderCreateBody = z.object({
  name: FolderName,
  description: z.optional(FolderDescription),
});

export const WatchlistFolderUpdateBody = z.object({
  name: z.optional(FolderName),
  description: z.optional(z.nullable(FolderDescription)),
  /** New 0-based place among the folders. */
  position: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
});

export const WatchlistShareBody = z.object({
  /** Days the link works; forever when absent. */
  expires_in_days: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
});

/** A shared folder as anyone with the link sees it. */
export const SharedWatchlist = z.object({
  name: z.string(),
  description: z.nullable(z.string()),
  owner: z.object({ name: z.string(), avatar_url: Url }),
  item_count: z.int(),
  updated_at: Timestamp,
  items: z.array(z.object({ title: TitleSummary, added_at: Timestamp })),
  next_cursor: z.nullable(z.string()),
});
export type SharedWatchlist = z.infer<typeof SharedWatchlist>;

/** A share token in a URL. */
export const ShareToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/));

// ---------------------------------------------------------------------------------------------
// §4 Analytics and insights
// ---------------------------------------------------------------------------------------------

/** A streaming quality preference; the player caps and starts from it. */
export const QualityPreferenceValue = z.enum([
  /** Adapt to the connection, up to the plan's maximum. */
  'auto',
  /** About 0.3 GB an hour. */
  'data_saver',
  /** Up to 480p. */
  'sd',
  /** Up to 720p. */
  'hd',
  /** Up to 1080p. */
  'full_hd',
  /** Up to 2160p, when the plan allows it. */
  'uhd',
]);
export type QualityPreferenceValue = z.infer<typeof QualityPreferenceValue>;

/** Where a quality preference applies. */
export const QualityDeviceClass = z.enum(['any', 'desktop', 'mobile', 'tablet', 'tv']);

export const QualityPreferences = z.object({
  preferences: z.array(
    z.object({ device_class: QualityDeviceClass, quality: QualityPreferenceValue, updated_at: Timestamp }),
  ),
  /** What applies on the calling device after the plan's cap. */
  effective: QualityPreferenceValue,
  /** The highest rendition height the plan allows: 720, 1080, 2160. */
  plan_max_height: z.int(),
  /** Time watched per rendition over the last 30 days. */
  usage: z.array(
    z.object({
      /** `1080p`. */
      label: z.string(),
      height: z.int(),
      seconds: Seconds,
      share: z.number().check(z.minimum(0), z.maximum(1)),
    }),
  ),
  average_bitrate_kbps: z.nullable(z.number()),
  /** Automatic and manual switches per hour watched. */
  switches_per_hour: z.nullable(z.number()),
  /** Share of watch time spent rebuffering, 0–1. */
  rebuffer_ratio: z.nullable(z.number()),
});
export type QualityPreferences = z.infer<typeof QualityPreferences>;

export const QualityPreferenceBody = z.object({
  quality: QualityPreferenceValue,
  /** `any` when absent. */
  device_class: z.optional(QualityDeviceClass),
});
export type QualityPreferenceBody = z.infer<typeof QualityPreferenceBody>;

export const InsightsPeriod = z.enum(['week', 'month', 'quarter', 'year', 'all']);

export const InsightsQuery = z.object({
  period: z.optional(InsightsPeriod),
  /** Weeks and hours of day are counted in this zone; UTC when absent. */
  tz: z.optional(TimeZone),
  /** The active profile (default) or every profile of the account. */
  scope: z.optional(z.enum(['profile', 'account'])),
});

const Share = z.number().check(z.minimum(0), z.maximum(1));

export const ViewingInsights = z.object({
  period: InsightsPeriod,
  scope: z.enum(['profile', 'account']),
  from: z.nullable(Timestamp),
  to: Timestamp,
  totals: z.object({
    seconds_watched: Seconds,
    titles: z.int(),
    episodes: z.int(),
    films: z.int(),
    sessions: z.int(),
    average_session_seconds: Seconds,
    completion_rate: Share,
  }),
  /** Change of `seconds_watched` against the previous period of the same length, e.g. 0.12 = +12 %. */
  change_vs_previous: z.nullable(z.number()),
  per_week: z.array(WeeklyWatchTime),
  genres: z.array(GenreWatchShare),
  devices: z.array(z.object({ type: ViewerDeviceType, seconds: Seconds, share: Share })),
  qualities: z.array(z.object({ label: z.string(), height: z.int(), seconds: Seconds, share: Share })),
  /** 24 entries: seconds watched per hour of day (0–23) in `tz`. */
  hours_of_day: z.array(Seconds),
  top_titles: z.array(z.object({ title: TitleSummary, seconds: Seconds })),
});
export type ViewingInsights = z.infer<typeof ViewingInsights>;

export const InsightsRecommendationsQuery = z.object({
  /** How many "Because you watched" rails. */
  rails: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10))),
  items_per_rail: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(40))),
});

export const InsightsRecommendations = z.object({
  /** `because-you-watched` rails, each with its `reason`; `<reel-rail>` renders them as they are. */
  rails: z.array(Rail),
  /** True when the profile has too little history: rails are popular titles in its genres. */
  cold_start: z.boolean(),
  generated_at: Timestamp,
});
export type InsightsRecommendations = z.infer<typeof InsightsRecommendations>;

// ---------------------------------------------------------------------------------------------
// §25 Notifications
// ---------------------------------------------------------------------------------------------

export const NotificationKind = z.enum([
  /** A new episode of a series the profile watches or has on its list. */
  'new_episode',
  'new_season',
  /** A title on the list became available. */
  'watchlist_available',
  /** A title on the list leaves the catalog soon. */
  'leaving_soon',
  /** A schedule reminder (§14). */
  'reminder',
  'download_ready',
  'download_expiring',
  /** A review of the profile's was hidden or restored by moderation. */
  'review_moderated',
  /** Sign-in from a new device, password or MFA changed (email cannot be turned off). */
  'security',
  /** Payment failed, renewal, plan change. */
  'billing',
  /** Product news. */
  'announcement',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationChannel = z.enum(['in_app', 'email', 'push']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const NotificationItem = z.object({
  id: Id,
  kind: NotificationKind,
  /** Already localised to the profile's language. Plain text. */
  heading: z.string(),
  body: z.string(),
  /** Where a click goes, a path of the site: `/title/t1`. */
  link: z.nullable(z.string()),
  image: z.nullable(Url),
  /** The title it is about, if any. */
  title_id: z.nullable(Id),
  /** The profile it is for; null for account-wide ones (security, billing). */
  profile_id: z.nullable(Id),
  created_at: Timestamp,
  read_at: z.nullable(Timestamp),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationPage = z.object({
  items: z.array(NotificationItem),
  next_cursor: z.nullable(z.string()),
  unread_count: z.int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationReadResult = z.object({ id: Id, read_at: Timestamp, unread_count: z.int() });

export const NotificationReadAllBody = z.object({
  /** Marks only those created up to this time (what the user saw); all when absent. */
  before: z.optional(Timestamp),
});

export const NotificationReadAllResult = z.object({ updated: z.int(), unread_count: z.int() });

/**
 * One Server-Sent Event's data. The event's `id` lets the stream resume (`Last-Event-ID`); the
 * server sends a comment line every 25 s to keep the connection open.
 */
export const NotificationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notification'), notification: NotificationItem, unread_count: z.int() }),
  /** Read elsewhere (another tab or device). */
  z.object({ type: z.literal('read'), ids: z.array(Id), all: z.boolean(), unread_count: z.int() }),
]);
export type NotificationEvent = z.infer<typeof NotificationEvent>;

export const NotificationPreference = z.object({
  kind: NotificationKind,
  in_app: z.boolean(),
  email: z.boolean(),
  push: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const QuietHours = z.object({ start: TimeOfDay, end: TimeOfDay, time_zone: TimeZone });

export const NotificationPreferences = z.object({
  items: z.array(
    z.extend(NotificationPreference, {
      /** Channels that cannot be turned off for this kind (security email). */
      locked: z.array(NotificationChannel),
    }),
  ),
  /** No push during these hours (in-app and email still arrive). */
  quiet_hours: z.nullable(QuietHours),
  /** Push subscriptions of this account (browsers that will receive push). */
  push_subscriptions: z.int(),
  updated_at: z.nullable(Timestamp),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Replaces the preferences; kinds left out keep their defaults. Locked channels are ignored. */
export const NotificationPreferencesBody = z.object({
  items: z.array(NotificationPreference).check(z.maxLength(50)),
  quiet_hours: z.optional(z.nullable(QuietHours)),
});
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBody>;

/** A base64url string (Web Push keys). */
const Base64Url = z.string().check(z.minLength(8), z.maxLength(256), z.regex(/^[A-Za-z0-9_-]+=*$/));

/** The browser's `PushSubscription.toJSON()` (in snake case), plus a device label. */
export const PushSubscriptionBody = z.object({
  endpoint: z.url({ protocol: /^https$/ }).check(z.maxLength(2048)),
  /** `expirationTime` of the browser's subscription, in ms since the epoch. */
  expiration_time: z.optional(z.nullable(z.number())),
  keys: z.object({ p256dh: Base64Url, auth: Base64Url }),
  /** `Firefox on Android`; shown in the preferences. */
  device_name: z.optional(z.string().check(z.maxLength(100))),
});
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

export const PushSubscriptionRecord = z.object({
  id: Id,
  endpoint: z.string(),
  device_name: z.nullable(z.string()),
  created_at: Timestamp,
});
export type PushSubscriptionRecord = z.infer<typeof PushSubscriptionRecord>;

export const PushPublicKey = z.object({
  /** The VAPID public key, base64url: `applicationServerKey` for `pushManager.subscribe()`. */
  public_key: z.string(),
});

// ---------------------------------------------------------------------------------------------
// §34 Settings
// ---------------------------------------------------------------------------------------------

/** Account-level settings. */
export const AccountSettings = z.object({
  /** Language of account pages, emails and sign-in; a profile's own `language` wins inside it. */
  ui_language: Language,
  email: z.object({
    /** News about Reel and new features. */
    product_updates: z.boolean(),
    /** Offers and promotions. */
    offers: z.boolean(),
    /** A weekly email of what's new for the profiles. */
    weekly_digest: z.boolean(),
    /** Surveys and research invitations. */
    surveys: z.boolean(),
  }),
  privacy: z.object({
    /** Keep viewing history (off: nothing new is recorded, Continue Watching still works). */
    record_viewing_activity: z.boolean(),
    /** Use viewing activity for recommendations. */
    personalized_recommendations: z.boolean(),
    /** Show the "watched" badge on reviews. */
    show_watched_badge: z.boolean(),
    /** Anonymous usage analytics. */
    usage_analytics: z.boolean(),
    /** Playback diagnostics (errors, quality) sent with reports. */
    playback_diagnostics: z.boolean(),
  }),
  updated_at: Timestamp,
});
export type AccountSettings = z.infer<typeof AccountSettings>;

export const AccountSettingsPatch = z.object({
  ui_language: z.optional(Language),
  email: z.optional(z.partial(AccountSettings.def.shape.email)),
  privacy: z.optional(z.partial(AccountSettings.def.shape.privacy)),
});
export type AccountSettingsPatch = z.infer<typeof AccountSettingsPatch>;

const HexColor = z.string().check(z.regex(/^#[0-9a-f]{6}$/));

export const SettingsPlayback = z.object({
  autoplay_next_episode: z.boolean(),
  autoplay_previews: z.boolean(),
  skip_intros: z.boolean(),
  skip_recaps: z.boolean(),
  /** Anime: skip episodes marked filler. */
  skip_filler: z.boolean(),
  /** Ask "Still watching?" after this many episodes without input; 0 never asks. */
  still_watching_after_episodes: z.int().check(z.minimum(0), z.maximum(10)),
  /** `low` ≈ 0.3 GB/h, `medium` ≈ 0.7 GB/h (SD), `high` = best the plan allows. */
  data_usage: z.enum(['auto', 'low', 'medium', 'high']),
  download_quality: z.enum(['standard', 'high']),
  download_wifi_only: z.boolean(),
});
export type SettingsPlayback = z.infer<typeof SettingsPlayback>;

/** How subtitles look (the CEA-708 / Netflix set of options). */
export const SettingsSubtitleAppearance = z.object({
  size: z.enum(['small', 'medium', 'large', 'x_large']),
  font: z.enum(['default', 'sans_serif', 'serif', 'monospace', 'casual', 'cursive', 'small_caps']),
  color: HexColor,
  /** Opacity of the text, 0–1. */
  opacity: z.number().check(z.minimum(0), z.maximum(1)),
  background_color: HexColor,
  background_opacity: z.number().check(z.minimum(0), z.maximum(1)),
  window_color: HexColor,
  window_opacity: z.number().check(z.minimum(0), z.maximum(1)),
  edge: z.enum(['none', 'drop_shadow', 'raised', 'depressed', 'outline']),
});
export type SettingsSubtitleAppearance = z.infer<typeof SettingsSubtitleAppearance>;

const LanguageList = z.array(Language).check(z.maxLength(10));

/** Audio and subtitle languages in order of preference. */
export const SettingsLanguages = z.object({
  audio: LanguageList,
  subtitles: LanguageList,
  /** Prefer a title's original audio over `audio` (with subtitles). */
  prefer_original_audio: z.boolean(),
  /**
   * `off`: none; `forced_only`: only forced (foreign-dialogue) tracks; `always`: the first of
   * `subtitles`; `smart`: on when the audio is not in one of `audio`.
   */
  subtitle_mode: z.enum(['off', 'forced_only', 'always', 'smart']),
});
export type SettingsLanguages = z.infer<typeof SettingsLanguages>;

export const SettingsParental = z.object({
  /** Highest maturity level (0–18) the profile may watch. */
  maturity_level: z.int().check(z.minimum(0), z.maximum(18)),
  has_pin: z.boolean(),
  /** Titles this profile cannot see whatever their rating. */
  blocked_titles: z.array(TitleSummary),
});
export type SettingsParental = z.infer<typeof SettingsParental>;

/** One profile's settings. */
export const ProfileSettings = z.object({
  profile_id: Id,
  playback: SettingsPlayback,
  subtitle_appearance: SettingsSubtitleAppearance,
  languages: SettingsLanguages,
  parental: SettingsParental,
  updated_at: Timestamp,
});
export type ProfileSettings = z.infer<typeof ProfileSettings>;

/**
 * A partial change. Changing anything in `parental` needs a recent re-authentication
 * (403 `reauth_required` otherwise), so a profile's user cannot loosen its own controls.
 */
export const ProfileSettingsPatch = z.object({
  playback: z.optional(z.partial(SettingsPlayback)),
  subtitle_appearance: z.optional(z.partial(SettingsSubtitleAppearance)),
  languages: z.optional(z.partial(SettingsLanguages)),
  parental: z.optional(
    z.object({
      maturity_level: z.optional(z.int().check(z.minimum(0), z.maximum(18))),
      /** A new PIN, or null to remove it. */
      pin: z.optional(z.nullable(ProfilePin)),
      /** The whole blocked list. */
      blocked_title_ids: z.optional(z.array(Id).check(z.maxLength(500))),
    }),
  ),
});
export type ProfileSettingsPatch = z.infer<typeof ProfileSettingsPatch>;

/** The audio and subtitle choice for one series, remembered for the profile. */
export const SeriesPreference = z.object({
  title_id: Id,
  /** Null: the profile's language priority decides. */
  audio_language: z.nullable(Language),
  /** Null with `subtitles: off`. */
  subtitle_language: z.nullable(Language),
  subtitles: z.enum(['off', 'forced_only', 'on']),
  /** True when the profile chose for this series; false when these come from its priority lists. */
  remembered: z.boolean(),
  updated_at: z.nullable(Timestamp),
});
export type SeriesPreference = z.infer<typeof SeriesPreference>;

export const SeriesPreferenceBody = z.object({
  audio_language: z.nullable(Language),
  subtitle_language: z.nullable(Language),
  subtitles: z.enum(['off', 'forced_only', 'on']),
});
export type SeriesPreferenceBody = z.infer<typeof SeriesPreferenceBody>;
