import * as z from 'zod/mini';
import { DateOnly, Id, PageQuery, page, QueryBool, Region, Slug, Timestamp } from '../common.js';
import { Auth, BodyKind, defineEndpoint, Retry } from '../endpoint.js';
import { Permission } from '../permissions.js';
import {
  AdminAccountConcurrency,
  AdminAnalyticsReport,
  AdminApiKey,
  AdminApiKeyCreated,
  AdminApiKeyDetail,
  AdminApiKeyInput,
  AdminApiKeyUpdate,
  AdminArcInput,
  AdminArcUpdate,
  AdminArtwork,
  AdminArtworkInput,
  AdminArtworkType,
  AdminArtworkUpdate,
  AdminArtworkUpload,
  AdminAssetKind,
  AdminAssetStatus,
  AdminAudioFileInput,
  AdminAudioTrack,
  AdminAudioTrackInput,
  AdminAudioTrackUpdate,
  AdminAudioTrackUpload,
  AdminAuditEntry,
  AdminBulkActionResult,
  AdminBulkDryRunInput,
  AdminBulkJob,
  AdminBulkJobSummary,
  AdminBundle,
  AdminBundleInput,
  AdminBundleUpdate,
  AdminCdnCookie,
  AdminCdnCookieInput,
  AdminCdnCookieIssued,
  AdminCertification,
  AdminCertificationInput,
  AdminCertificationUpdate,
  AdminCostModel,
  AdminCostModelInput,
  AdminCostReport,
  AdminDashboard,
  AdminDeliverySettings,
  AdminDeliverySettingsInput,
  AdminDeviceType,
  AdminDownloadPolicy,
  AdminDownloadPolicyInput,
  AdminDownloadRule,
  AdminDownloadRuleInput,
  AdminDownloadRuleUpdate,
  AdminEpisode,
  AdminEpisodeInput,
  AdminEpisodeReorderInput,
  AdminEpisodeUpdate,
  AdminFillerGuide,
  AdminFillerInput,
  AdminGenreInput,
  AdminGenreUpdate,
  AdminJwks,
  AdminLiveSession,
  AdminLiveSessionSummary,
  AdminMarkers,
  AdminMarkersInput,
  AdminPermissionInfo,
  AdminPermissionName,
  AdminPlan,
  AdminPlanInput,
  AdminPlanUpdate,
  AdminPublishInput,
  AdminPublishState,
  AdminReportReason,
  AdminResolveReportInput,
  AdminReviewCase,
  AdminRole,
  AdminRoleInput,
  AdminRoleUpdate,
  AdminRotateSecretInput,
  AdminRung,
  AdminSeason,
  AdminSeasonInput,
  AdminSeasonUpdate,
  AdminSortOrder,
  AdminStaffInviteInput,
  AdminStaffMember,
  AdminStaffUpdate,
  AdminStorageItem,
  AdminStorageKind,
  AdminStreamLadder,
  AdminSubtitleDetail,
  AdminSubtitleInput,
  AdminSubtitleShiftInput,
  AdminSubtitleTrack,
  AdminSubtitleUpdate,
  AdminSubtitleValidateInput,
  AdminSubtitleValidation,
  AdminTaxonomyTerm,
  AdminTaxonomyTermInput,
  AdminTaxonomyTermUpdate,
  AdminTerminateReason,
  AdminTitle,
  AdminTitleBulkInput,
  AdminTitleInput,
  AdminTitleRow,
  AdminTitleUpdate,
  AdminTrailer,
  AdminTrailerInput,
  AdminTrailerUpdate,
  AdminTrailerUpload,
  AdminValidationReport,
  AdminValidationStatus,
  AdminVideoAsset,
  AdminVideoStatus,
  AdminVideoUpload,
  AdminVideoUploadInput,
} from '../schemas/admin.js';
import { Arc, Genre, TitleType } from '../schemas/catalog.js';

// Every route: a staff account holding `permission` (403 otherwise, 401 signed out), called from
// `<reel-admin>`, and written to the audit log when it changes something.

const IdParams = z.object({ id: Id });
const SeriesSeasonParams = z.object({ id: Id, season_number: z.coerce.number().check(z.int(), z.minimum(0)) });
const SeriesEpisodeParams = z.object({ id: Id, episode_id: Id });
const SlugParams = z.object({ slug: Slug });
const TitleIdQuery = z.object({ title_id: Id });
const MediaQuery = z.object({ title_id: z.optional(Id), episode_id: z.optional(Id) });

/** Table queries: cursor paging, a free-text filter and a sort direction. */
const ListQuery = z.extend(PageQuery, {
  q: z.optional(z.string().check(z.maxLength(200))),
  order: z.optional(AdminSortOrder),
});

const Items = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });

const TitleListQuery = z.extend(ListQuery, {
  type: z.optional(TitleType),
  publish_state: z.optional(AdminPublishState),
  genre: z.optional(Slug),
  /** Titles available (now) in this region. */
  region: z.optional(Region),
  source_status: z.optional(z.enum(['none', 'uploading', 'processing', 'ready', 'failed'])),
  sort: z.optional(z.enum(['updated_at', 'created_at', 'name', 'year', 'popularity'])),
});

const DateRange = z.object({ from: DateOnly, to: DateOnly });
const AnalyticsQuery = z.extend(DateRange, {
  granularity: z.optional(z.enum(['hour', 'day', 'week'])),
  region: z.optional(Region),
  title_id: z.optional(Id),
  device_type: z.optional(AdminDeviceType),
});

const staff = { auth: Auth.staff, origin: 'admin', usedBy: ['reel-admin'] } as const;

export const adminDashboardGet = defineEndpoint({
  ...staff,
  operation: 'admin.dashboard.get',
  method: 'GET',
  path: '/admin/dashboard',
  summary: 'Counts and recent activity for the landing page; sections the caller may not see are null',
  response: AdminDashboard,
  permission: Permission.dashboardView,
  retry: Retry.safe,
});

const dashboard = {
  get: adminDashboardGet,
} as const;

export const adminAuditList = defineEndpoint({
  ...staff,
  operation: 'admin.audit.list',
  method: 'GET',
  path: '/admin/audit-log',
  summary: 'Audited staff actions: who, what, before and after, newest first',
  query: z.extend(PageQuery, {
    actor_id: z.optional(Id),
    /** Exact action or a prefix: `title.`. */
    action: z.optional(z.string().check(z.maxLength(100))),
    target_type: z.optional(z.string().check(z.maxLength(60))),
    target_id: z.optional(Id),
    from: z.optional(Timestamp),
    to: z.optional(Timestamp),
  }),
  response: page(AdminAuditEntry),
  permission: Permission.auditView,
  retry: Retry.safe,
});

const audit = {
  list: adminAuditList,
} as const;

export const adminTitlesList = defineEndpoint({
  ...staff,
  operation: 'admin.titles.list',
  method: 'GET',
  path: '/admin/titles',
  summary: 'Titles in every publish state, with sort and filters',
  query: TitleListQuery,
  response: page(AdminTitleRow),
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminTitlesExport = defineEndpoint({
  ...staff,
  operation: 'admin.titles.export',
  method: 'GET',
  path: '/admin/titles/export',
  summary: 'The filtered titles table as CSV',
  query: z.extend(z.omit(TitleListQuery, { cursor: true, limit: true }), {
    /** Columns to include, comma-separated; all when absent. */
    columns: z.optional(z.string().check(z.maxLength(1000))),
  }),
  status: 200,
  bodyKind: BodyKind.file,
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminTitlesGet = defineEndpoint({
  ...staff,
  operation: 'admin.titles.get',
  method: 'GET',
  path: '/admin/titles/{id}',
  summary: 'One title with its editorial state, for the editor',
  params: IdParams,
  response: AdminTitle,
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminTitlesCreate = defineEndpoint({
  ...staff,
  operation: 'admin.titles.create',
  method: 'POST',
  path: '/admin/titles',
  summary: 'Create a title (as a draft unless published later)',
  body: AdminTitleInput,
  status: 201,
  response: AdminTitle,
  errors: [409, 422],
  permission: Permission.catalogManage,
  retry: Retry.never,
});

export const adminTitlesUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.titles.update',
  method: 'PATCH',
  path: '/admin/titles/{id}',
  summary: 'Edit a title; 409 when `version` is stale',
  params: IdParams,
  body: AdminTitleUpdate,
  response: AdminTitle,
  errors: [409, 422],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminTitlesPublish = defineEndpoint({
  ...staff,
  operation: 'admin.titles.publish',
  method: 'POST',
  path: '/admin/titles/{id}/publish',
  summary: 'Publish now, schedule, or return to draft; 422 lists what is missing (source, artwork …)',
  params: IdParams,
  body: AdminPublishInput,
  response: AdminTitle,
  errors: [422],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminTitlesBulk = defineEndpoint({
  ...staff,
  operation: 'admin.titles.bulk',
  method: 'POST',
  path: '/admin/titles/bulk',
  summary: 'Publish, unpublish or delete several titles, with an outcome per title',
  body: AdminTitleBulkInput,
  response: AdminBulkActionResult,
  permission: Permission.catalogManage,
  retry: Retry.never,
});

export const adminTitlesDelete = defineEndpoint({
  ...staff,
  operation: 'admin.titles.delete',
  method: 'DELETE',
  path: '/admin/titles/{id}',
  summary: 'Delete a title with its seasons, episodes and assets (409 while a bundle includes it)',
  params: IdParams,
  errors: [409],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

const titles = {
  list: adminTitlesList,
  export: adminTitlesExport,
  get: adminTitlesGet,
  create: adminTitlesCreate,
  update: adminTitlesUpdate,
  publish: adminTitlesPublish,
  bulk: adminTitlesBulk,
  delete: adminTitlesDelete,
} as const;

export const adminSeriesSeasons = defineEndpoint({
  ...staff,
  operation: 'admin.series.seasons',
  method: 'GET',
  path: '/admin/series/{id}/seasons',
  summary: 'The seasons of a series, in every publish state',
  params: IdParams,
  response: Items(AdminSeason),
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminSeriesCreateSeason = defineEndpoint({
  ...staff,
  operation: 'admin.series.createSeason',
  method: 'POST',
  path: '/admin/series/{id}/seasons',
  summary: 'Add a season (409 when the number is taken)',
  params: IdParams,
  body: AdminSeasonInput,
  status: 201,
  response: AdminSeason,
  errors: [409],
  permission: Permission.catalogManage,
  retry: Retry.never,
});

export const adminSeriesUpdateSeason = defineEndpoint({
  ...staff,
  operation: 'admin.series.updateSeason',
  method: 'PATCH',
  path: '/admin/series/{id}/seasons/{season_number}',
  summary: 'Edit a season (renumbering answers 409 when the number is taken)',
  params: SeriesSeasonParams,
  body: AdminSeasonUpdate,
  response: AdminSeason,
  errors: [409],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminSeriesDeleteSeason = defineEndpoint({
  ...staff,
  operation: 'admin.series.deleteSeason',
  method: 'DELETE',
  path: '/admin/series/{id}/seasons/{season_number}',
  summary: 'Delete a season; 409 while it has episodes unless ?with_episodes=true',
  params: SeriesSeasonParams,
  query: z.object({ with_episodes: z.optional(QueryBool) }),
  errors: [409],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminSeriesEpisodes = defineEndpoint({
  ...staff,
  operation: 'admin.series.episodes',
  method: 'GET',
  path: '/admin/series/{id}/seasons/{season_number}/episodes',
  summary: "A season's episodes in order, with publish and source state",
  params: SeriesSeasonParams,
  response: Items(AdminEpisode),
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminSeriesCreateEpisode = defineEndpoint({
  ...staff,
  operation: 'admin.series.createEpisode',
  method: 'POST',
  path: '/admin/series/{id}/seasons/{season_number}/episodes',
  summary: 'Add an episode to a season (appended unless a number is given)',
  params: SeriesSeasonParams,
  body: AdminEpisodeInput,
  status: 201,
  response: AdminEpisode,
  errors: [409],
  permission: Permission.catalogManage,
  retry: Retry.never,
});

export const adminSeriesReorderEpisodes = defineEndpoint({
  ...staff,
  operation: 'admin.series.reorderEpisodes',
  method: 'POST',
  path: '/admin/series/{id}/seasons/{season_number}/episodes/reorder',
  summary: "Renumber a season's episodes in the given order (422 unless it lists each exactly once)",
  params: SeriesSeasonParams,
  body: AdminEpisodeReorderInput,
  response: Items(AdminEpisode),
  errors: [422],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminSeriesUpdateEpisode = defineEndpoint({
  ...staff,
  operation: 'admin.series.updateEpisode',
  method: 'PATCH',
  path: '/admin/series/{id}/episodes/{episode_id}',
  summary: 'Edit an episode, or move it to another season',
  params: SeriesEpisodeParams,
  body: AdminEpisodeUpdate,
  response: AdminEpisode,
  errors: [409],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminSeriesDeleteEpisode = defineEndpoint({
  ...staff,
  operation: 'admin.series.deleteEpisode',
  method: 'DELETE',
  path: '/admin/series/{id}/episodes/{episode_id}',
  summary: 'Delete an episode and its assets; later episodes keep their numbers',
  params: SeriesEpisodeParams,
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

const series = {
  seasons: adminSeriesSeasons,
  createSeason: adminSeriesCreateSeason,
  updateSeason: adminSeriesUpdateSeason,
  deleteSeason: adminSeriesDeleteSeason,
  episodes: adminSeriesEpisodes,
  createEpisode: adminSeriesCreateEpisode,
  reorderEpisodes: adminSeriesReorderEpisodes,
  updateEpisode: adminSeriesUpdateEpisode,
  deleteEpisode: adminSeriesDeleteEpisode,
} as const;

export const adminMarkersGet = defineEndpoint({
  ...staff,
  operation: 'admin.markers.get',
  method: 'GET',
  path: '/admin/episodes/{id}/markers',
  summary: 'Intro, recap, credits and preview markers of an episode (or a film, by its title id)',
  params: IdParams,
  response: AdminMarkers,
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminMarkersSet = defineEndpoint({
  ...staff,
  operation: 'admin.markers.set',
  method: 'PUT',
  path: '/admin/episodes/{id}/markers',
  summary: 'Replace the markers (422 for overlaps or times past the end)',
  params: IdParams,
  body: AdminMarkersInput,
  response: AdminMarkers,
  errors: [422],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

const markers = {
  get: adminMarkersGet,
  set: adminMarkersSet,
} as const;

export const adminGenresList = defineEndpoint({
  ...staff,
  operation: 'admin.genres.list',
  method: 'GET',
  path: '/admin/genres',
  summary: 'Every genre and sub-genre with title counts',
  response: Items(Genre),
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminGenresCreate = defineEndpoint({
  ...staff,
  operation: 'admin.genres.create',
  method: 'POST',
  path: '/admin/genres',
  summary: 'Add a genre or sub-genre (409 when the slug is taken)',
  body: AdminGenreInput,
  status: 201,
  response: Genre,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.never,
});

export const adminGenresUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.genres.update',
  method: 'PATCH',
  path: '/admin/genres/{slug}',
  summary: 'Rename, describe or re-parent a genre',
  params: SlugParams,
  body: AdminGenreUpdate,
  response: Genre,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminGenresDelete = defineEndpoint({
  ...staff,
  operation: 'admin.genres.delete',
  method: 'DELETE',
  path: '/admin/genres/{slug}',
  summary: 'Delete a genre; 409 while titles or sub-genres use it unless ?reassign_to= names another',
  params: SlugParams,
  query: z.object({ reassign_to: z.optional(Slug) }),
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

const genres = {
  list: adminGenresList,
  create: adminGenresCreate,
  update: adminGenresUpdate,
  delete: adminGenresDelete,
} as const;

const TermListQuery = z.extend(ListQuery, { sort: z.optional(z.enum(['name', 'title_count', 'created_at'])) });
const CertificationParams = z.object({ id: Id });

export const adminTaxonomyTags = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.tags',
  method: 'GET',
  path: '/admin/taxonomy/tags',
  summary: 'Tags with title counts',
  query: TermListQuery,
  response: page(AdminTaxonomyTerm),
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyCreateTag = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.createTag',
  method: 'POST',
  path: '/admin/taxonomy/tags',
  summary: 'Add a tag',
  body: AdminTaxonomyTermInput,
  status: 201,
  response: AdminTaxonomyTerm,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.never,
});

export const adminTaxonomyUpdateTag = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.updateTag',
  method: 'PATCH',
  path: '/admin/taxonomy/tags/{id}',
  summary: 'Rename or describe a tag',
  params: IdParams,
  body: AdminTaxonomyTermUpdate,
  response: AdminTaxonomyTerm,
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyDeleteTag = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.deleteTag',
  method: 'DELETE',
  path: '/admin/taxonomy/tags/{id}',
  summary: 'Delete a tag and remove it from its titles',
  params: IdParams,
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyMoods = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.moods',
  method: 'GET',
  path: '/admin/taxonomy/moods',
  summary: 'Moods (feel-good, dark, tense …) with title counts',
  query: TermListQuery,
  response: page(AdminTaxonomyTerm),
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyCreateMood = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.createMood',
  method: 'POST',
  path: '/admin/taxonomy/moods',
  summary: 'Add a mood',
  body: AdminTaxonomyTermInput,
  status: 201,
  response: AdminTaxonomyTerm,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.never,
});

export const adminTaxonomyUpdateMood = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.updateMood',
  method: 'PATCH',
  path: '/admin/taxonomy/moods/{id}',
  summary: 'Rename or describe a mood',
  params: IdParams,
  body: AdminTaxonomyTermUpdate,
  response: AdminTaxonomyTerm,
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyDeleteMood = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.deleteMood',
  method: 'DELETE',
  path: '/admin/taxonomy/moods/{id}',
  summary: 'Delete a mood and remove it from its titles',
  params: IdParams,
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyCertifications = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.certifications',
  method: 'GET',
  path: '/admin/taxonomy/certifications',
  summary: 'Ratings per region and system, mildest first, with their meaning',
  query: z.object({ region: z.optional(Region) }),
  response: Items(AdminCertification),
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyCreateCertification = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.createCertification',
  method: 'POST',
  path: '/admin/taxonomy/certifications',
  summary: "Add a rating to a region's system (409 when it exists)",
  body: AdminCertificationInput,
  status: 201,
  response: AdminCertification,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.never,
});

export const adminTaxonomyUpdateCertification = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.updateCertification',
  method: 'PATCH',
  path: '/admin/taxonomy/certifications/{id}',
  summary: "Edit a rating's meaning, minimum age or order",
  params: CertificationParams,
  body: AdminCertificationUpdate,
  response: AdminCertification,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

export const adminTaxonomyDeleteCertification = defineEndpoint({
  ...staff,
  operation: 'admin.taxonomy.deleteCertification',
  method: 'DELETE',
  path: '/admin/taxonomy/certifications/{id}',
  summary: 'Delete a rating (409 while titles carry it)',
  params: CertificationParams,
  errors: [409],
  permission: Permission.taxonomyManage,
  retry: Retry.safe,
});

const taxonomy = {
  tags: adminTaxonomyTags,
  createTag: adminTaxonomyCreateTag,
  updateTag: adminTaxonomyUpdateTag,
  deleteTag: adminTaxonomyDeleteTag,
  moods: adminTaxonomyMoods,
  createMood: adminTaxonomyCreateMood,
  updateMood: adminTaxonomyUpdateMood,
  deleteMood: adminTaxonomyDeleteMood,
  certifications: adminTaxonomyCertifications,
  createCertification: adminTaxonomyCreateCertification,
  updateCertification: adminTaxonomyUpdateCertification,
  deleteCertification: adminTaxonomyDeleteCertification,
} as const;

export const adminAnimeArcsList = defineEndpoint({
  ...staff,
  operation: 'admin.animeArcs.list',
  method: 'GET',
  path: '/admin/anime-arcs',
  summary: 'The arcs of an anime, in order',
  query: TitleIdQuery,
  response: Items(Arc),
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminAnimeArcsCreate = defineEndpoint({
  ...staff,
  operation: 'admin.animeArcs.create',
  method: 'POST',
  path: '/admin/anime-arcs',
  summary: 'Add an arc spanning a range of episodes (409 when it overlaps another)',
  body: AdminArcInput,
  status: 201,
  response: Arc,
  errors: [409, 422],
  permission: Permission.catalogManage,
  retry: Retry.never,
});

export const adminAnimeArcsUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.animeArcs.update',
  method: 'PATCH',
  path: '/admin/anime-arcs/{id}',
  summary: 'Edit an arc or its episode range',
  params: IdParams,
  body: AdminArcUpdate,
  response: Arc,
  errors: [409, 422],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminAnimeArcsDelete = defineEndpoint({
  ...staff,
  operation: 'admin.animeArcs.delete',
  method: 'DELETE',
  path: '/admin/anime-arcs/{id}',
  summary: 'Delete an arc (its episodes stay, without an arc)',
  params: IdParams,
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminAnimeArcsFiller = defineEndpoint({
  ...staff,
  operation: 'admin.animeArcs.filler',
  method: 'GET',
  path: '/admin/anime-arcs/filler',
  summary: 'Canon, mixed or filler for every episode of an anime',
  query: TitleIdQuery,
  response: AdminFillerGuide,
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

export const adminAnimeArcsSetFiller = defineEndpoint({
  ...staff,
  operation: 'admin.animeArcs.setFiller',
  method: 'PUT',
  path: '/admin/anime-arcs/filler',
  summary: 'Set canon, mixed or filler for the listed episodes',
  body: AdminFillerInput,
  response: AdminFillerGuide,
  errors: [422],
  permission: Permission.catalogManage,
  retry: Retry.safe,
});

const animeArcs = {
  list: adminAnimeArcsList,
  create: adminAnimeArcsCreate,
  update: adminAnimeArcsUpdate,
  delete: adminAnimeArcsDelete,
  filler: adminAnimeArcsFiller,
  setFiller: adminAnimeArcsSetFiller,
} as const;

export const adminVideoList = defineEndpoint({
  ...staff,
  operation: 'admin.video.list',
  method: 'GET',
  path: '/admin/assets/video',
  summary: 'Video sources with upload and pipeline state',
  query: z.extend(ListQuery, {
    title_id: z.optional(Id),
    status: z.optional(AdminAssetStatus),
    sort: z.optional(z.enum(['created_at', 'updated_at', 'size_bytes', 'filename'])),
  }),
  response: page(AdminVideoAsset),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminVideoGet = defineEndpoint({
  ...staff,
  operation: 'admin.video.get',
  method: 'GET',
  path: '/admin/assets/video/{id}',
  summary: 'One video source with its probe results and job',
  params: IdParams,
  response: AdminVideoAsset,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminVideoCreate = defineEndpoint({
  ...staff,
  operation: 'admin.video.create',
  method: 'POST',
  path: '/admin/assets/video',
  summary: 'Start a resumable (tus) upload of a film or episode source; the pipeline runs when it completes',
  body: AdminVideoUploadInput,
  status: 201,
  response: AdminVideoUpload,
  errors: [409, 413, 415],
  permission: Permission.assetsManage,
  retry: Retry.idempotencyKey,
});

export const adminVideoStatus = defineEndpoint({
  ...staff,
  operation: 'admin.video.status',
  method: 'GET',
  path: '/admin/assets/video/{id}/status',
  summary: 'Upload offset and transcoding job progress, for polling',
  params: IdParams,
  response: AdminVideoStatus,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminVideoRetry = defineEndpoint({
  ...staff,
  operation: 'admin.video.retry',
  method: 'POST',
  path: '/admin/assets/video/{id}/retry',
  summary: 'Run the pipeline again on a failed source',
  params: IdParams,
  status: 202,
  response: AdminVideoStatus,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.never,
});

export const adminVideoDelete = defineEndpoint({
  ...staff,
  operation: 'admin.video.delete',
  method: 'DELETE',
  path: '/admin/assets/video/{id}',
  summary: 'Abort an upload or delete a source with its renditions (409 for the source of a published title)',
  params: IdParams,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const video = {
  list: adminVideoList,
  get: adminVideoGet,
  create: adminVideoCreate,
  status: adminVideoStatus,
  retry: adminVideoRetry,
  delete: adminVideoDelete,
} as const;

export const adminSubtitlesList = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.list',
  method: 'GET',
  path: '/admin/assets/subtitles',
  summary: 'Subtitle tracks of a title or an episode',
  query: MediaQuery,
  response: Items(AdminSubtitleTrack),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminSubtitlesGet = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.get',
  method: 'GET',
  path: '/admin/assets/subtitles/{id}',
  summary: 'A subtitle track with its WebVTT text',
  params: IdParams,
  response: AdminSubtitleDetail,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminSubtitlesCreate = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.create',
  method: 'POST',
  path: '/admin/assets/subtitles',
  summary: 'Upload a WebVTT or SRT file as text (SRT is converted); 422 with the issues when invalid',
  body: AdminSubtitleInput,
  status: 201,
  response: AdminSubtitleTrack,
  errors: [409, 413, 422],
  permission: Permission.assetsManage,
  retry: Retry.never,
});

export const adminSubtitlesValidate = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.validate',
  method: 'POST',
  path: '/admin/assets/subtitles/validate',
  summary: 'Check a subtitle file without saving it: cues, timing and issues by line',
  body: AdminSubtitleValidateInput,
  response: AdminSubtitleValidation,
  errors: [413],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminSubtitlesUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.update',
  method: 'PATCH',
  path: '/admin/assets/subtitles/{id}',
  summary: "Edit a track's language, label or kind, or replace its cues",
  params: IdParams,
  body: AdminSubtitleUpdate,
  response: AdminSubtitleTrack,
  errors: [413, 422],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminSubtitlesShift = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.shift',
  method: 'POST',
  path: '/admin/assets/subtitles/{id}/shift',
  summary: 'Move cues earlier or later by an offset, optionally within a time range',
  params: IdParams,
  body: AdminSubtitleShiftInput,
  response: AdminSubtitleTrack,
  errors: [422],
  permission: Permission.assetsManage,
  retry: Retry.never,
});

export const adminSubtitlesDelete = defineEndpoint({
  ...staff,
  operation: 'admin.subtitles.delete',
  method: 'DELETE',
  path: '/admin/assets/subtitles/{id}',
  summary: 'Delete a subtitle track',
  params: IdParams,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const subtitles = {
  list: adminSubtitlesList,
  get: adminSubtitlesGet,
  create: adminSubtitlesCreate,
  validate: adminSubtitlesValidate,
  update: adminSubtitlesUpdate,
  shift: adminSubtitlesShift,
  delete: adminSubtitlesDelete,
} as const;

export const adminTrailersList = defineEndpoint({
  ...staff,
  operation: 'admin.trailers.list',
  method: 'GET',
  path: '/admin/assets/trailers',
  summary: 'Trailers of a title, primary first',
  query: TitleIdQuery,
  response: Items(AdminTrailer),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminTrailersCreate = defineEndpoint({
  ...staff,
  operation: 'admin.trailers.create',
  method: 'POST',
  path: '/admin/assets/trailers',
  summary: 'Add a trailer: starts its resumable upload',
  body: AdminTrailerInput,
  status: 201,
  response: AdminTrailerUpload,
  errors: [413, 415],
  permission: Permission.assetsManage,
  retry: Retry.idempotencyKey,
});

export const adminTrailersUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.trailers.update',
  method: 'PATCH',
  path: '/admin/assets/trailers/{id}',
  summary: 'Rename a trailer, set its language, order or make it primary',
  params: IdParams,
  body: AdminTrailerUpdate,
  response: AdminTrailer,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminTrailersDelete = defineEndpoint({
  ...staff,
  operation: 'admin.trailers.delete',
  method: 'DELETE',
  path: '/admin/assets/trailers/{id}',
  summary: 'Delete a trailer and its renditions',
  params: IdParams,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const trailers = {
  list: adminTrailersList,
  create: adminTrailersCreate,
  update: adminTrailersUpdate,
  delete: adminTrailersDelete,
} as const;

export const adminArtworkList = defineEndpoint({
  ...staff,
  operation: 'admin.artwork.list',
  method: 'GET',
  path: '/admin/assets/artwork',
  summary: 'Artwork of a title or an episode, with variants',
  query: z.extend(MediaQuery, { type: z.optional(AdminArtworkType) }),
  response: Items(AdminArtwork),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminArtworkGet = defineEndpoint({
  ...staff,
  operation: 'admin.artwork.get',
  method: 'GET',
  path: '/admin/assets/artwork/{id}',
  summary: 'One artwork: checks passed or problems found, variants generated',
  params: IdParams,
  response: AdminArtwork,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminArtworkCreate = defineEndpoint({
  ...staff,
  operation: 'admin.artwork.create',
  method: 'POST',
  path: '/admin/assets/artwork',
  summary: 'Add artwork: starts its upload; type, dimensions and aspect are checked when it completes',
  body: AdminArtworkInput,
  status: 201,
  response: AdminArtworkUpload,
  errors: [413, 415],
  permission: Permission.assetsManage,
  retry: Retry.idempotencyKey,
});

export const adminArtworkUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.artwork.update',
  method: 'PATCH',
  path: '/admin/assets/artwork/{id}',
  summary: 'Change the type or language, or make it the primary one of its type',
  params: IdParams,
  body: AdminArtworkUpdate,
  response: AdminArtwork,
  errors: [422],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminArtworkDelete = defineEndpoint({
  ...staff,
  operation: 'admin.artwork.delete',
  method: 'DELETE',
  path: '/admin/assets/artwork/{id}',
  summary: 'Delete artwork and its variants (409 for the only poster of a published title)',
  params: IdParams,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const artwork = {
  list: adminArtworkList,
  get: adminArtworkGet,
  create: adminArtworkCreate,
  update: adminArtworkUpdate,
  delete: adminArtworkDelete,
} as const;

export const adminAudioTracksList = defineEndpoint({
  ...staff,
  operation: 'admin.audioTracks.list',
  method: 'GET',
  path: '/admin/audio-tracks',
  summary: 'Audio tracks of a title or an episode',
  query: MediaQuery,
  response: Items(AdminAudioTrack),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminAudioTracksCreate = defineEndpoint({
  ...staff,
  operation: 'admin.audioTracks.create',
  method: 'POST',
  path: '/admin/audio-tracks',
  summary: 'Add an audio track (language, name, kind): starts its upload',
  body: AdminAudioTrackInput,
  status: 201,
  response: AdminAudioTrackUpload,
  errors: [409, 413, 415],
  permission: Permission.assetsManage,
  retry: Retry.idempotencyKey,
});

export const adminAudioTracksUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.audioTracks.update',
  method: 'PATCH',
  path: '/admin/audio-tracks/{id}',
  summary: 'Edit language, name or kind, or make it the default',
  params: IdParams,
  body: AdminAudioTrackUpdate,
  response: AdminAudioTrack,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminAudioTracksReplace = defineEndpoint({
  ...staff,
  operation: 'admin.audioTracks.replace',
  method: 'POST',
  path: '/admin/audio-tracks/{id}/replace',
  summary: 'Upload a new file for a track; the old one plays until the new one is processed',
  params: IdParams,
  body: AdminAudioFileInput,
  status: 201,
  response: AdminAudioTrackUpload,
  errors: [413, 415],
  permission: Permission.assetsManage,
  retry: Retry.idempotencyKey,
});

export const adminAudioTracksDelete = defineEndpoint({
  ...staff,
  operation: 'admin.audioTracks.delete',
  method: 'DELETE',
  path: '/admin/audio-tracks/{id}',
  summary: 'Delete an audio track (409 for the only one of a published title)',
  params: IdParams,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const audioTracks = {
  list: adminAudioTracksList,
  create: adminAudioTracksCreate,
  update: adminAudioTracksUpdate,
  replace: adminAudioTracksReplace,
  delete: adminAudioTracksDelete,
} as const;

export const adminBulkUploadList = defineEndpoint({
  ...staff,
  operation: 'admin.bulkUpload.list',
  method: 'GET',
  path: '/admin/assets/bulk-upload',
  summary: 'Bulk uploads, newest first',
  query: PageQuery,
  response: page(AdminBulkJobSummary),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminBulkUploadDryRun = defineEndpoint({
  ...staff,
  operation: 'admin.bulkUpload.dryRun',
  method: 'POST',
  path: '/admin/assets/bulk-upload/dry-run',
  summary: 'Check a CSV or JSON manifest and report each row (row, field, problem) without changing anything',
  body: AdminBulkDryRunInput,
  status: 201,
  response: AdminBulkJob,
  errors: [413, 422],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminBulkUploadGet = defineEndpoint({
  ...staff,
  operation: 'admin.bulkUpload.get',
  method: 'GET',
  path: '/admin/assets/bulk-upload/{id}',
  summary: 'A bulk upload with its per-row report and progress',
  params: IdParams,
  response: AdminBulkJob,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminBulkUploadApply = defineEndpoint({
  ...staff,
  operation: 'admin.bulkUpload.apply',
  method: 'POST',
  path: '/admin/assets/bulk-upload/{id}/apply',
  summary: 'Apply the valid rows of a dry run; rows already applied change nothing',
  params: IdParams,
  status: 202,
  response: AdminBulkJob,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.idempotencyKey,
});

export const adminBulkUploadResume = defineEndpoint({
  ...staff,
  operation: 'admin.bulkUpload.resume',
  method: 'POST',
  path: '/admin/assets/bulk-upload/{id}/resume',
  summary: 'Resume a paused or failed apply from the first unfinished row',
  params: IdParams,
  status: 202,
  response: AdminBulkJob,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const bulkUpload = {
  list: adminBulkUploadList,
  dryRun: adminBulkUploadDryRun,
  get: adminBulkUploadGet,
  apply: adminBulkUploadApply,
  resume: adminBulkUploadResume,
} as const;

const RungParams = z.object({ title_id: Id, rung_id: Id });

export const adminStreamsGet = defineEndpoint({
  ...staff,
  operation: 'admin.streams.get',
  method: 'GET',
  path: '/admin/assets/streams/{title_id}',
  summary: 'The HLS ladder of a film (or of an episode with ?episode_id=): rungs, bitrates, state',
  params: z.object({ title_id: Id }),
  query: z.object({ episode_id: z.optional(Id) }),
  response: AdminStreamLadder,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminStreamsRerun = defineEndpoint({
  ...staff,
  operation: 'admin.streams.rerun',
  method: 'POST',
  path: '/admin/assets/streams/{title_id}/rungs/{rung_id}/rerun',
  summary: 'Transcode one rung again from the source',
  params: RungParams,
  status: 202,
  response: AdminRung,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.never,
});

export const adminStreamsRemove = defineEndpoint({
  ...staff,
  operation: 'admin.streams.remove',
  method: 'DELETE',
  path: '/admin/assets/streams/{title_id}/rungs/{rung_id}',
  summary: 'Remove one rung from the ladder and the master playlist (409 for the last one)',
  params: RungParams,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const streams = {
  get: adminStreamsGet,
  rerun: adminStreamsRerun,
  remove: adminStreamsRemove,
} as const;

export const adminValidationList = defineEndpoint({
  ...staff,
  operation: 'admin.validation.list',
  method: 'GET',
  path: '/admin/assets/validation',
  summary: 'Validation reports of sources, failures first',
  query: z.extend(PageQuery, {
    status: z.optional(AdminValidationStatus),
    asset_kind: z.optional(AdminAssetKind),
    title_id: z.optional(Id),
  }),
  response: page(AdminValidationReport),
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminValidationGet = defineEndpoint({
  ...staff,
  operation: 'admin.validation.get',
  method: 'GET',
  path: '/admin/assets/validation/{asset_id}',
  summary: 'The report of one source: what was checked, what failed and why',
  params: z.object({ asset_id: Id }),
  response: AdminValidationReport,
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

export const adminValidationRerun = defineEndpoint({
  ...staff,
  operation: 'admin.validation.rerun',
  method: 'POST',
  path: '/admin/assets/validation/{asset_id}/rerun',
  summary: 'Validate a source again',
  params: z.object({ asset_id: Id }),
  status: 202,
  response: AdminValidationReport,
  errors: [409],
  permission: Permission.assetsManage,
  retry: Retry.safe,
});

const validation = {
  list: adminValidationList,
  get: adminValidationGet,
  rerun: adminValidationRerun,
} as const;

export const adminCdnDeliveryGet = defineEndpoint({
  ...staff,
  operation: 'admin.cdnDelivery.get',
  method: 'GET',
  path: '/admin/assets/cdn-delivery',
  summary: 'Signing key, token lifetimes, allowed origins and cache policy per asset kind',
  response: AdminDeliverySettings,
  permission: Permission.deliveryManage,
  retry: Retry.safe,
});

export const adminCdnDeliveryUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.cdnDelivery.update',
  method: 'PUT',
  path: '/admin/assets/cdn-delivery',
  summary: 'Replace the delivery settings; they take effect without a restart',
  body: AdminDeliverySettingsInput,
  response: AdminDeliverySettings,
  errors: [409],
  permission: Permission.deliveryManage,
  reauth: true,
  retry: Retry.safe,
});

export const adminCdnDeliveryRotateSecret = defineEndpoint({
  ...staff,
  operation: 'admin.cdnDelivery.rotateSecret',
  method: 'POST',
  path: '/admin/assets/cdn-delivery/rotate-secret',
  summary: 'Rotate the URL-signing secret; the previous one verifies for the grace period',
  body: AdminRotateSecretInput,
  response: AdminDeliverySettings,
  permission: Permission.deliveryManage,
  reauth: true,
  retry: Retry.idempotencyKey,
});

const cdnDelivery = {
  get: adminCdnDeliveryGet,
  update: adminCdnDeliveryUpdate,
  rotateSecret: adminCdnDeliveryRotateSecret,
} as const;

export const adminCdnCookiesList = defineEndpoint({
  ...staff,
  operation: 'admin.cdnCookies.list',
  method: 'GET',
  path: '/admin/cdn-cookies',
  summary: 'Signed delivery cookies issued by staff, newest first',
  query: z.extend(PageQuery, {
    status: z.optional(z.enum(['active', 'expired', 'revoked'])),
    account_id: z.optional(Id),
  }),
  response: page(AdminCdnCookie),
  permission: Permission.deliveryManage,
  retry: Retry.safe,
});

export const adminCdnCookiesIssue = defineEndpoint({
  ...staff,
  operation: 'admin.cdnCookies.issue',
  method: 'POST',
  path: '/admin/cdn-cookies',
  summary: 'Issue a signed delivery cookie for a path prefix; its values are shown once',
  body: AdminCdnCookieInput,
  status: 201,
  response: AdminCdnCookieIssued,
  permission: Permission.deliveryManage,
  reauth: true,
  retry: Retry.idempotencyKey,
});

export const adminCdnCookiesRevoke = defineEndpoint({
  ...staff,
  operation: 'admin.cdnCookies.revoke',
  method: 'DELETE',
  path: '/admin/cdn-cookies/{id}',
  summary: 'Revoke a cookie before it expires; delivery refuses it on the next request',
  params: IdParams,
  permission: Permission.deliveryManage,
  retry: Retry.safe,
});

const cdnCookies = {
  list: adminCdnCookiesList,
  issue: adminCdnCookiesIssue,
  revoke: adminCdnCookiesRevoke,
} as const;

export const adminBundlesList = defineEndpoint({
  ...staff,
  operation: 'admin.bundles.list',
  method: 'GET',
  path: '/admin/bundles',
  summary: 'Season and collection bundles',
  query: z.extend(ListQuery, {
    kind: z.optional(z.enum(['season', 'collection'])),
    publish_state: z.optional(AdminPublishState),
    title_id: z.optional(Id),
    sort: z.optional(z.enum(['name', 'created_at', 'updated_at'])),
  }),
  response: page(AdminBundle),
  permission: Permission.bundlesManage,
  retry: Retry.safe,
});

export const adminBundlesGet = defineEndpoint({
  ...staff,
  operation: 'admin.bundles.get',
  method: 'GET',
  path: '/admin/bundles/{id}',
  summary: 'One bundle with its contents',
  params: IdParams,
  response: AdminBundle,
  permission: Permission.bundlesManage,
  retry: Retry.safe,
});

export const adminBundlesCreate = defineEndpoint({
  ...staff,
  operation: 'admin.bundles.create',
  method: 'POST',
  path: '/admin/bundles',
  summary: 'Create a season or collection bundle (409: the season already has one)',
  body: AdminBundleInput,
  status: 201,
  response: AdminBundle,
  errors: [409, 422],
  permission: Permission.bundlesManage,
  retry: Retry.never,
});

export const adminBundlesUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.bundles.update',
  method: 'PATCH',
  path: '/admin/bundles/{id}',
  summary: 'Edit a bundle: name, price, plans, contents, publish state',
  params: IdParams,
  body: AdminBundleUpdate,
  response: AdminBundle,
  errors: [409, 422],
  permission: Permission.bundlesManage,
  retry: Retry.safe,
});

export const adminBundlesDelete = defineEndpoint({
  ...staff,
  operation: 'admin.bundles.delete',
  method: 'DELETE',
  path: '/admin/bundles/{id}',
  summary: 'Delete a bundle (downloads already made keep their licences until they expire)',
  params: IdParams,
  permission: Permission.bundlesManage,
  retry: Retry.safe,
});

const bundles = {
  list: adminBundlesList,
  get: adminBundlesGet,
  create: adminBundlesCreate,
  update: adminBundlesUpdate,
  delete: adminBundlesDelete,
} as const;

export const adminDownloadsList = defineEndpoint({
  ...staff,
  operation: 'admin.downloads.list',
  method: 'GET',
  path: '/admin/downloads',
  summary: 'Download rules per title: allowed, plans, regions, licence overrides',
  query: z.extend(ListQuery, {
    title_id: z.optional(Id),
    allowed: z.optional(QueryBool),
    sort: z.optional(z.enum(['title', 'updated_at'])),
  }),
  response: page(AdminDownloadRule),
  permission: Permission.downloadsManage,
  retry: Retry.safe,
});

export const adminDownloadsCreate = defineEndpoint({
  ...staff,
  operation: 'admin.downloads.create',
  method: 'POST',
  path: '/admin/downloads',
  summary: 'Add a download rule for a title',
  body: AdminDownloadRuleInput,
  status: 201,
  response: AdminDownloadRule,
  errors: [409, 422],
  permission: Permission.downloadsManage,
  retry: Retry.never,
});

export const adminDownloadsUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.downloads.update',
  method: 'PATCH',
  path: '/admin/downloads/{id}',
  summary: 'Edit a download rule',
  params: IdParams,
  body: AdminDownloadRuleUpdate,
  response: AdminDownloadRule,
  errors: [422],
  permission: Permission.downloadsManage,
  retry: Retry.safe,
});

export const adminDownloadsDelete = defineEndpoint({
  ...staff,
  operation: 'admin.downloads.delete',
  method: 'DELETE',
  path: '/admin/downloads/{id}',
  summary: "Delete a download rule (the title follows its plans' policies again)",
  params: IdParams,
  permission: Permission.downloadsManage,
  retry: Retry.safe,
});

export const adminDownloadsPolicies = defineEndpoint({
  ...staff,
  operation: 'admin.downloads.policies',
  method: 'GET',
  path: '/admin/downloads/policies',
  summary: 'Offline rules per plan: devices, quality, licence expiry, renewals',
  response: Items(AdminDownloadPolicy),
  permission: Permission.downloadsManage,
  retry: Retry.safe,
});

export const adminDownloadsUpdatePolicy = defineEndpoint({
  ...staff,
  operation: 'admin.downloads.updatePolicy',
  method: 'PUT',
  path: '/admin/downloads/policies/{plan_id}',
  summary: "Set a plan's offline rules; new licences use them",
  params: z.object({ plan_id: Id }),
  body: AdminDownloadPolicyInput,
  response: AdminDownloadPolicy,
  permission: Permission.downloadsManage,
  retry: Retry.safe,
});

const downloads = {
  list: adminDownloadsList,
  create: adminDownloadsCreate,
  update: adminDownloadsUpdate,
  delete: adminDownloadsDelete,
  policies: adminDownloadsPolicies,
  updatePolicy: adminDownloadsUpdatePolicy,
} as const;

export const adminAnalyticsReport = defineEndpoint({
  ...staff,
  operation: 'admin.analytics.report',
  method: 'GET',
  path: '/admin/analytics',
  summary: 'Plays, watch time, completion, top titles and QoE over a date range (at most 366 days)',
  query: AnalyticsQuery,
  response: AdminAnalyticsReport,
  errors: [422],
  permission: Permission.analyticsView,
  retry: Retry.safe,
});

export const adminAnalyticsExport = defineEndpoint({
  ...staff,
  operation: 'admin.analytics.export',
  method: 'GET',
  path: '/admin/analytics/export',
  summary: 'One dataset of the report as CSV',
  query: z.extend(AnalyticsQuery, {
    dataset: z.enum(['series', 'top_titles', 'by_device', 'by_region', 'by_quality']),
  }),
  status: 200,
  bodyKind: BodyKind.file,
  errors: [422],
  permission: Permission.analyticsView,
  retry: Retry.safe,
});

const analytics = {
  report: adminAnalyticsReport,
  export: adminAnalyticsExport,
} as const;

export const adminCostAnalyticsReport = defineEndpoint({
  ...staff,
  operation: 'admin.costAnalytics.report',
  method: 'GET',
  path: '/admin/cost-analytics',
  summary: 'Storage, delivered bytes and transcode minutes with their cost, and the monthly projection',
  query: DateRange,
  response: AdminCostReport,
  errors: [422],
  permission: Permission.costsView,
  retry: Retry.safe,
});

export const adminCostAnalyticsStorage = defineEndpoint({
  ...staff,
  operation: 'admin.costAnalytics.storage',
  method: 'GET',
  path: '/admin/cost-analytics/storage',
  summary: 'Storage per asset and rendition, largest first',
  query: z.extend(PageQuery, {
    title_id: z.optional(Id),
    kind: z.optional(AdminStorageKind),
    sort: z.optional(z.enum(['bytes', 'monthly_cost'])),
  }),
  response: page(AdminStorageItem),
  permission: Permission.costsView,
  retry: Retry.safe,
});

export const adminCostAnalyticsModel = defineEndpoint({
  ...staff,
  operation: 'admin.costAnalytics.model',
  method: 'GET',
  path: '/admin/cost-analytics/model',
  summary: 'The cost model: rates for storage, delivery and transcoding',
  response: AdminCostModel,
  permission: Permission.costsView,
  retry: Retry.safe,
});

export const adminCostAnalyticsSetModel = defineEndpoint({
  ...staff,
  operation: 'admin.costAnalytics.setModel',
  method: 'PUT',
  path: '/admin/cost-analytics/model',
  summary: 'Replace the cost model; reports recompute with it',
  body: AdminCostModelInput,
  response: AdminCostModel,
  permission: Permission.costsManage,
  retry: Retry.safe,
});

const costAnalytics = {
  report: adminCostAnalyticsReport,
  storage: adminCostAnalyticsStorage,
  model: adminCostAnalyticsModel,
  setModel: adminCostAnalyticsSetModel,
} as const;

export const adminSessionsList = defineEndpoint({
  ...staff,
  operation: 'admin.sessions.list',
  method: 'GET',
  path: '/admin/sessions',
  summary: 'Live streams, filterable by title, region, device and quality, with a summary of all of them',
  query: z.extend(PageQuery, {
    title_id: z.optional(Id),
    region: z.optional(Region),
    device_type: z.optional(AdminDeviceType),
    quality: z.optional(z.string().check(z.maxLength(20))),
    account_id: z.optional(Id),
  }),
  response: z.extend(page(AdminLiveSession), { summary: AdminLiveSessionSummary }),
  permission: Permission.sessionsManage,
  retry: Retry.safe,
});

export const adminSessionsAccounts = defineEndpoint({
  ...staff,
  operation: 'admin.sessions.accounts',
  method: 'GET',
  path: '/admin/sessions/accounts',
  summary: 'Concurrent streams per account against the plan limit, most first',
  query: z.extend(PageQuery, { over_limit: z.optional(QueryBool) }),
  response: page(AdminAccountConcurrency),
  permission: Permission.sessionsManage,
  retry: Retry.safe,
});

export const adminSessionsTerminate = defineEndpoint({
  ...staff,
  operation: 'admin.sessions.terminate',
  method: 'DELETE',
  path: '/admin/sessions/{id}',
  summary: 'Stop a stream; the player shows the reason and message',
  params: IdParams,
  query: z.object({
    reason: AdminTerminateReason,
    /** Shown to the viewer. */
    message: z.optional(z.string().check(z.maxLength(200))),
  }),
  permission: Permission.sessionsManage,
  retry: Retry.safe,
});

const sessions = {
  list: adminSessionsList,
  accounts: adminSessionsAccounts,
  terminate: adminSessionsTerminate,
} as const;

export const adminStaffList = defineEndpoint({
  ...staff,
  operation: 'admin.staff.list',
  method: 'GET',
  path: '/admin/staff',
  summary: 'Staff members and invitations',
  query: z.extend(ListQuery, {
    role: z.optional(z.string().check(z.maxLength(40))),
    status: z.optional(z.enum(['invited', 'active', 'deactivated'])),
    sort: z.optional(z.enum(['email', 'display_name', 'last_active_at', 'created_at'])),
  }),
  response: page(AdminStaffMember),
  permission: Permission.staffManage,
  retry: Retry.safe,
});

export const adminStaffGet = defineEndpoint({
  ...staff,
  operation: 'admin.staff.get',
  method: 'GET',
  path: '/admin/staff/{id}',
  summary: 'One staff member with roles and effective permissions',
  params: IdParams,
  response: AdminStaffMember,
  permission: Permission.staffManage,
  retry: Retry.safe,
});

export const adminStaffInvite = defineEndpoint({
  ...staff,
  operation: 'admin.staff.invite',
  method: 'POST',
  path: '/admin/staff/invitations',
  summary: 'Invite by email with roles; the link sets a password and requires MFA',
  body: AdminStaffInviteInput,
  status: 201,
  response: AdminStaffMember,
  errors: [409, 422],
  permission: Permission.staffManage,
  reauth: true,
  retry: Retry.idempotencyKey,
});

export const adminStaffResendInvitation = defineEndpoint({
  ...staff,
  operation: 'admin.staff.resendInvitation',
  method: 'POST',
  path: '/admin/staff/{id}/resend-invitation',
  summary: 'Send a new invitation link (the old one stops working)',
  params: IdParams,
  response: AdminStaffMember,
  errors: [409],
  permission: Permission.staffManage,
  retry: Retry.never,
});

export const adminStaffUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.staff.update',
  method: 'PATCH',
  path: '/admin/staff/{id}',
  summary: "Change a member's name or roles; effective on their next request",
  params: IdParams,
  body: AdminStaffUpdate,
  response: AdminStaffMember,
  errors: [409, 422],
  permission: Permission.staffManage,
  reauth: true,
  retry: Retry.safe,
});

export const adminStaffDeactivate = defineEndpoint({
  ...staff,
  operation: 'admin.staff.deactivate',
  method: 'POST',
  path: '/admin/staff/{id}/deactivate',
  summary: 'Deactivate a member and end their sessions (409 for yourself or the last admin)',
  params: IdParams,
  body: z.object({ reason: z.optional(z.string().check(z.maxLength(300))) }),
  response: AdminStaffMember,
  errors: [409],
  permission: Permission.staffManage,
  reauth: true,
  retry: Retry.safe,
});

export const adminStaffReactivate = defineEndpoint({
  ...staff,
  operation: 'admin.staff.reactivate',
  method: 'POST',
  path: '/admin/staff/{id}/reactivate',
  summary: 'Reactivate a deactivated member',
  params: IdParams,
  response: AdminStaffMember,
  errors: [409],
  permission: Permission.staffManage,
  reauth: true,
  retry: Retry.safe,
});

const staffMembers = {
  list: adminStaffList,
  get: adminStaffGet,
  invite: adminStaffInvite,
  resendInvitation: adminStaffResendInvitation,
  update: adminStaffUpdate,
  deactivate: adminStaffDeactivate,
  reactivate: adminStaffReactivate,
} as const;

export const adminPermissionsList = defineEndpoint({
  ...staff,
  operation: 'admin.permissions.list',
  method: 'GET',
  path: '/admin/permissions',
  summary: 'Every named permission with its description',
  response: Items(AdminPermissionInfo),
  permission: Permission.permissionsManage,
  retry: Retry.safe,
});

export const adminPermissionsRoles = defineEndpoint({
  ...staff,
  operation: 'admin.permissions.roles',
  method: 'GET',
  path: '/admin/roles',
  summary: 'Built-in and custom roles with their permissions and member counts',
  query: z.object({ permission: z.optional(AdminPermissionName) }),
  response: Items(AdminRole),
  permission: Permission.permissionsManage,
  retry: Retry.safe,
});

export const adminPermissionsCreateRole = defineEndpoint({
  ...staff,
  operation: 'admin.permissions.createRole',
  method: 'POST',
  path: '/admin/roles',
  summary: 'Create a custom role from named permissions',
  body: AdminRoleInput,
  status: 201,
  response: AdminRole,
  errors: [409],
  permission: Permission.permissionsManage,
  reauth: true,
  retry: Retry.never,
});

export const adminPermissionsUpdateRole = defineEndpoint({
  ...staff,
  operation: 'admin.permissions.updateRole',
  method: 'PATCH',
  path: '/admin/roles/{id}',
  summary: "Change a custom role; its members' permissions change on their next request",
  params: IdParams,
  body: AdminRoleUpdate,
  response: AdminRole,
  errors: [409],
  permission: Permission.permissionsManage,
  reauth: true,
  retry: Retry.safe,
});

export const adminPermissionsDeleteRole = defineEndpoint({
  ...staff,
  operation: 'admin.permissions.deleteRole',
  method: 'DELETE',
  path: '/admin/roles/{id}',
  summary: 'Delete a custom role (409 for built-in roles or while members hold it)',
  params: IdParams,
  errors: [409],
  permission: Permission.permissionsManage,
  reauth: true,
  retry: Retry.safe,
});

const permissions = {
  list: adminPermissionsList,
  roles: adminPermissionsRoles,
  createRole: adminPermissionsCreateRole,
  updateRole: adminPermissionsUpdateRole,
  deleteRole: adminPermissionsDeleteRole,
} as const;

export const adminApiKeysList = defineEndpoint({
  ...staff,
  operation: 'admin.apiKeys.list',
  method: 'GET',
  path: '/admin/api-keys',
  summary: 'Partner API keys (never their secrets) with last use and usage',
  query: z.extend(ListQuery, { status: z.optional(z.enum(['active', 'revoked'])) }),
  response: page(AdminApiKey),
  permission: Permission.apiKeysManage,
  retry: Retry.safe,
});

export const adminApiKeysGet = defineEndpoint({
  ...staff,
  operation: 'admin.apiKeys.get',
  method: 'GET',
  path: '/admin/api-keys/{id}',
  summary: 'One key with daily usage over 30 days',
  params: IdParams,
  response: AdminApiKeyDetail,
  permission: Permission.apiKeysManage,
  retry: Retry.safe,
});

export const adminApiKeysCreate = defineEndpoint({
  ...staff,
  operation: 'admin.apiKeys.create',
  method: 'POST',
  path: '/admin/api-keys',
  summary: 'Create a key with scopes and allowed origins; the secret is in this answer only',
  body: AdminApiKeyInput,
  status: 201,
  response: AdminApiKeyCreated,
  permission: Permission.apiKeysManage,
  reauth: true,
  retry: Retry.idempotencyKey,
});

export const adminApiKeysUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.apiKeys.update',
  method: 'PATCH',
  path: '/admin/api-keys/{id}',
  summary: 'Rename a key or change its allowed origins (CORS follows at once)',
  params: IdParams,
  body: AdminApiKeyUpdate,
  response: AdminApiKey,
  errors: [409],
  permission: Permission.apiKeysManage,
  reauth: true,
  retry: Retry.safe,
});

export const adminApiKeysRevoke = defineEndpoint({
  ...staff,
  operation: 'admin.apiKeys.revoke',
  method: 'DELETE',
  path: '/admin/api-keys/{id}',
  summary: 'Revoke a key at once: its next token request and its tokens are refused',
  params: IdParams,
  permission: Permission.apiKeysManage,
  retry: Retry.safe,
});

const apiKeys = {
  list: adminApiKeysList,
  get: adminApiKeysGet,
  create: adminApiKeysCreate,
  update: adminApiKeysUpdate,
  revoke: adminApiKeysRevoke,
} as const;

export const adminJwksList = defineEndpoint({
  ...staff,
  operation: 'admin.jwks.list',
  method: 'GET',
  path: '/admin/jwks',
  summary: 'Access-token signing keys with their state (next, active, retiring, retired)',
  response: AdminJwks,
  permission: Permission.jwksManage,
  retry: Retry.safe,
});

export const adminJwksRotate = defineEndpoint({
  ...staff,
  operation: 'admin.jwks.rotate',
  method: 'POST',
  path: '/admin/jwks/rotate',
  summary:
    'Rotate: the published next key starts signing, the active one retires gradually, a new next key is published',
  response: AdminJwks,
  permission: Permission.jwksManage,
  reauth: true,
  retry: Retry.idempotencyKey,
});

export const adminJwksRetire = defineEndpoint({
  ...staff,
  operation: 'admin.jwks.retire',
  method: 'POST',
  path: '/admin/jwks/{kid}/retire',
  summary: 'Retire a retiring key: unpublished, tokens it signed are refused (409 for the active or next key)',
  params: z.object({ kid: z.string().check(z.minLength(1), z.maxLength(100)) }),
  response: AdminJwks,
  errors: [409],
  permission: Permission.jwksManage,
  reauth: true,
  retry: Retry.safe,
});

const jwks = {
  list: adminJwksList,
  rotate: adminJwksRotate,
  retire: adminJwksRetire,
} as const;

export const adminReviewsReports = defineEndpoint({
  ...staff,
  operation: 'admin.reviews.reports',
  method: 'GET',
  path: '/admin/reviews/reports',
  summary: 'The moderation queue: reported reviews with their reports, open cases first',
  query: z.extend(PageQuery, {
    status: z.optional(z.enum(['open', 'resolved'])),
    reason: z.optional(AdminReportReason),
    title_id: z.optional(Id),
    sort: z.optional(z.enum(['most_reported', 'oldest', 'newest'])),
  }),
  response: page(AdminReviewCase),
  permission: Permission.reviewsModerate,
  retry: Retry.safe,
});

export const adminReviewsResolve = defineEndpoint({
  ...staff,
  operation: 'admin.reviews.resolve',
  method: 'POST',
  path: '/admin/reviews/reports/{id}/resolve',
  summary: 'Keep, hide or delete the reported review, with a note (audited; 409 when already resolved)',
  params: IdParams,
  body: AdminResolveReportInput,
  response: AdminReviewCase,
  errors: [409],
  permission: Permission.reviewsModerate,
  retry: Retry.never,
});

const reviews = {
  reports: adminReviewsReports,
  resolve: adminReviewsResolve,
} as const;

export const adminPlansList = defineEndpoint({
  ...staff,
  operation: 'admin.plans.list',
  method: 'GET',
  path: '/admin/plans',
  summary: 'Every plan, archived ones too, with subscriber counts',
  response: Items(AdminPlan),
  permission: Permission.billingManage,
  retry: Retry.safe,
});

export const adminPlansGet = defineEndpoint({
  ...staff,
  operation: 'admin.plans.get',
  method: 'GET',
  path: '/admin/plans/{id}',
  summary: 'One plan',
  params: IdParams,
  response: AdminPlan,
  permission: Permission.billingManage,
  retry: Retry.safe,
});

export const adminPlansCreate = defineEndpoint({
  ...staff,
  operation: 'admin.plans.create',
  method: 'POST',
  path: '/admin/plans',
  summary: 'Create a plan with price and entitlements (409 when the code is taken)',
  body: AdminPlanInput,
  status: 201,
  response: AdminPlan,
  errors: [409],
  permission: Permission.billingManage,
  reauth: true,
  retry: Retry.never,
});

export const adminPlansUpdate = defineEndpoint({
  ...staff,
  operation: 'admin.plans.update',
  method: 'PATCH',
  path: '/admin/plans/{id}',
  summary: 'Edit a plan; a new price reaches existing subscribers at their next renewal',
  params: IdParams,
  body: AdminPlanUpdate,
  response: AdminPlan,
  errors: [409],
  permission: Permission.billingManage,
  reauth: true,
  retry: Retry.safe,
});

export const adminPlansArchive = defineEndpoint({
  ...staff,
  operation: 'admin.plans.archive',
  method: 'DELETE',
  path: '/admin/plans/{id}',
  summary: 'Stop selling a plan; its subscribers keep it (409 for the free tier)',
  params: IdParams,
  errors: [409],
  permission: Permission.billingManage,
  reauth: true,
  retry: Retry.safe,
});

const plans = {
  list: adminPlansList,
  get: adminPlansGet,
  create: adminPlansCreate,
  update: adminPlansUpdate,
  archive: adminPlansArchive,
} as const;

/** Staff administration (§21), one group per admin panel. */
export const admin = {
  dashboard,
  audit,
  titles,
  series,
  markers,
  genres,
  taxonomy,
  animeArcs,
  video,
  subtitles,
  trailers,
  artwork,
  audioTracks,
  bulkUpload,
  streams,
  validation,
  cdnDelivery,
  cdnCookies,
  bundles,
  downloads,
  analytics,
  costAnalytics,
  sessions,
  staff: staffMembers,
  permissions,
  apiKeys,
  jwks,
  reviews,
  plans,
} as const;
