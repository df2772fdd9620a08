import * as z from 'zod/mini';
import { Id, PageQuery, page } from '../common.js';
import { Auth, BodyKind, defineEndpoint, Retry } from '../endpoint.js';
import { TitleType } from '../schemas/catalog.js';
import {
  HistoryActivityItem,
  HistoryActivityKind,
  HistoryDownload,
  HistoryDownloadStatus,
  HistoryEntry,
  HistoryExportBody,
  HistoryExportDocument,
  HistoryRange,
  HistoryStats,
  HistoryStatsPeriod,
  ProfileIdParams,
  TimeZone,
} from '../schemas/viewer.js';

const EntryParams = z.object({ profile_id: Id, entry_id: Id });

export const historyStreams = defineEndpoint({
  operation: 'history.streams',
  method: 'GET',
  path: '/users/{profile_id}/history/streams',
  summary: 'What the profile watched, newest first (the page groups it by local day), with progress and device',
  params: ProfileIdParams,
  query: z.extend(z.extend(PageQuery, HistoryRange.def.shape), {
    type: z.optional(TitleType),
    title_id: z.optional(Id),
  }),
  response: page(HistoryEntry),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-history'],
});

export const historyDownloads = defineEndpoint({
  operation: 'history.downloads',
  method: 'GET',
  path: '/users/{profile_id}/history/downloads',
  summary: 'Downloads the profile made, newest first, with status, size, device and expiry',
  params: ProfileIdParams,
  query: z.extend(z.extend(PageQuery, HistoryRange.def.shape), {
    type: z.optional(TitleType),
    status: z.optional(HistoryDownloadStatus),
  }),
  response: page(HistoryDownload),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-history', 'reel-downloads'],
});

export const historyActivity = defineEndpoint({
  operation: 'history.activity',
  method: 'GET',
  path: '/users/{profile_id}/history/activity',
  summary: 'Activity feed: started, finished, rated, reviewed, added to or removed from the list, downloaded',
  params: ProfileIdParams,
  query: z.extend(z.extend(PageQuery, HistoryRange.def.shape), {
    kind: z.optional(HistoryActivityKind),
  }),
  response: page(HistoryActivityItem),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-history'],
});

export const historyExport = defineEndpoint({
  operation: 'history.export',
  method: 'POST',
  path: '/users/{profile_id}/history/export',
  summary: 'Download the history as a file: JSON (the document below) or CSV (the same rows), with Content-Disposition',
  params: ProfileIdParams,
  body: HistoryExportBody,
  response: HistoryExportDocument,
  bodyKind: BodyKind.file,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-history'],
});

export const historyStats = defineEndpoint({
  operation: 'history.stats',
  method: 'GET',
  path: '/users/{profile_id}/history/stats',
  summary: 'Totals, time watched per week, top genres and completion rate over a period',
  params: ProfileIdParams,
  query: z.object({
    period: z.optional(HistoryStatsPeriod),
    /** Weeks are counted in this zone; UTC when absent. */
    tz: z.optional(TimeZone),
  }),
  response: HistoryStats,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-history'],
});

export const historyHide = defineEndpoint({
  operation: 'history.hide',
  method: 'DELETE',
  path: '/users/{profile_id}/history/streams/{entry_id}',
  summary: 'Hide an entry from history, Continue Watching and recommendations; restorable for 30 days (POST …/restore)',
  params: EntryParams,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-history'],
});

export const historyRestore = defineEndpoint({
  operation: 'history.restore',
  method: 'POST',
  path: '/users/{profile_id}/history/streams/{entry_id}/restore',
  summary: 'Undo hiding an entry (410 once it is gone for good)',
  params: EntryParams,
  response: HistoryEntry,
  errors: [410],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-history'],
});

/** Watch history of one profile (§2), built from the player's events. Continue Watching is a home rail. */
export const history = {
  streams: historyStreams,
  downloads: historyDownloads,
  activity: historyActivity,
  export: historyExport,
  stats: historyStats,
  hide: historyHide,
  restore: historyRestore,
} as const;
