import * as z from 'zod/mini';
import { Id, PageQuery, QueryBool } from '../common.js';
import { Auth, BodyKind, defineEndpoint, Retry } from '../endpoint.js';
import {
  ProfileIdParams,
  SharedWatchlist,
  ShareToken,
  WatchlistAddBody,
  WatchlistBulkBody,
  WatchlistBulkResult,
  WatchlistBulkUploadBody,
  WatchlistBulkUploadResult,
  WatchlistClearResult,
  WatchlistExportDocument,
  WatchlistFolder,
  WatchlistFolderCreateBody,
  WatchlistFolderList,
  WatchlistFolderUpdateBody,
  WatchlistImportBody,
  WatchlistImportResult,
  WatchlistItem,
  WatchlistOrder,
  WatchlistPage,
  WatchlistQuery,
  WatchlistReorderBody,
  WatchlistRestoreBody,
  WatchlistRestoreResult,
  WatchlistShare,
  WatchlistShareBody,
} from '../schemas/viewer.js';

const TitleParams = z.object({ profile_id: Id, title_id: Id });
const FolderParams = z.object({ profile_id: Id, id: Id });

export const watchlistList = defineEndpoint({
  operation: 'watchlist.list',
  method: 'GET',
  path: '/users/{profile_id}/watchlist',
  summary: 'The list in its stored order (or sorted), with search and filters by type, genre, folder and tag',
  params: ProfileIdParams,
  query: WatchlistQuery,
  response: WatchlistPage,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-watchlist', 'reel-rail'],
});

export const watchlistAdd = defineEndpoint({
  operation: 'watchlist.add',
  method: 'POST',
  path: '/users/{profile_id}/watchlist',
  summary: 'Add a title (idempotent: a title already on the list answers its item). A full list answers 409',
  params: ProfileIdParams,
  body: WatchlistAddBody,
  status: 201,
  response: WatchlistItem,
  errors: [409],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-watchlist-button', 'reel-title-card', 'reel-title-detail', 'reel-watchlist'],
});

export const watchlistRemove = defineEndpoint({
  operation: 'watchlist.remove',
  method: 'DELETE',
  path: '/users/{profile_id}/watchlist/{title_id}',
  summary: 'Remove a title (no error when it is not on the list)',
  params: TitleParams,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-watchlist-button', 'reel-title-card', 'reel-title-detail', 'reel-watchlist'],
});

export const watchlistBulkUpload = defineEndpoint({
  operation: 'watchlist.bulkUpload',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/bulk-upload',
  summary: 'Bulk add pasted titles or ids: each one resolved and reported (added, already there, ambiguous …)',
  params: ProfileIdParams,
  body: WatchlistBulkUploadBody,
  response: WatchlistBulkUploadResult,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-watchlist'],
});

export const watchlistReorder = defineEndpoint({
  operation: 'watchlist.reorder',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/reorder',
  summary: 'Store a new order: every title id of the list in order (409 when the list changed meanwhile)',
  params: ProfileIdParams,
  body: WatchlistReorderBody,
  response: WatchlistOrder,
  errors: [409],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-watchlist'],
});

export const watchlistExport = defineEndpoint({
  operation: 'watchlist.export',
  method: 'GET',
  path: '/users/{profile_id}/watchlist/export',
  summary: 'Download the list (or one folder) as a JSON file that import accepts',
  params: ProfileIdParams,
  query: z.object({ folder_id: z.optional(Id) }),
  response: WatchlistExportDocument,
  bodyKind: BodyKind.file,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-watchlist'],
});

export const watchlistImport = defineEndpoint({
  operation: 'watchlist.import',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/import',
  summary:
    'Import an exported file (merge or replace). Validated whole first: a bad file (or one that would overfill the list) answers 422 with the line and field at fault, and nothing changes',
  params: ProfileIdParams,
  body: WatchlistImportBody,
  response: WatchlistImportResult,
  errors: [413, 422],
  auth: Auth.profile,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-watchlist'],
});

export const watchlistClear = defineEndpoint({
  operation: 'watchlist.clear',
  method: 'DELETE',
  path: '/users/{profile_id}/watchlist/clear',
  summary: 'Remove every title (folders stay); answers an undo token valid for a while',
  params: ProfileIdParams,
  response: WatchlistClearResult,
  auth: Auth.profile,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-watchlist'],
});

export const watchlistRestore = defineEndpoint({
  operation: 'watchlist.restore',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/restore',
  summary:
    'Undo a clear, a replace import or a bulk remove with its undo token (410 once expired); restored titles keep their order, folders and tags',
  params: ProfileIdParams,
  body: WatchlistRestoreBody,
  response: WatchlistRestoreResult,
  errors: [410],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-watchlist'],
});

export const watchlistBulk = defineEndpoint({
  operation: 'watchlist.bulk',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/bulk',
  summary:
    'A bulk action on selected titles: remove (with undo), move to a folder, add to or remove from one, tag, untag',
  params: ProfileIdParams,
  body: WatchlistBulkBody,
  response: WatchlistBulkResult,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-watchlist'],
});

export const watchlistFolders = defineEndpoint({
  operation: 'watchlist.folders',
  method: 'GET',
  path: '/users/{profile_id}/watchlist/folders',
  summary: 'The folders in order, with counts and share links, and every tag in use',
  params: ProfileIdParams,
  response: WatchlistFolderList,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-watchlist', 'reel-watchlist-button'],
});

export const watchlistCreateFolder = defineEndpoint({
  operation: 'watchlist.createFolder',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/folders',
  summary: 'Create a folder (409 for a name already used or too many folders)',
  params: ProfileIdParams,
  body: WatchlistFolderCreateBody,
  status: 201,
  response: WatchlistFolder,
  errors: [409],
  auth: Auth.profile,
  retry: Retry.never,
  origin: 'I',
  usedBy: ['reel-watchlist', 'reel-watchlist-button'],
});

export const watchlistUpdateFolder = defineEndpoint({
  operation: 'watchlist.updateFolder',
  method: 'PATCH',
  path: '/users/{profile_id}/watchlist/folders/{id}',
  summary: 'Rename, describe or move a folder',
  params: FolderParams,
  body: WatchlistFolderUpdateBody,
  response: WatchlistFolder,
  errors: [409],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-watchlist'],
});

export const watchlistDeleteFolder = defineEndpoint({
  operation: 'watchlist.deleteFolder',
  method: 'DELETE',
  path: '/users/{profile_id}/watchlist/folders/{id}',
  summary: 'Delete a folder; its titles stay on the list unless remove_items=true. Revokes its share link',
  params: FolderParams,
  query: z.object({ remove_items: z.optional(QueryBool) }),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-watchlist'],
});

export const watchlistShareFolder = defineEndpoint({
  operation: 'watchlist.shareFolder',
  method: 'POST',
  path: '/users/{profile_id}/watchlist/folders/{id}/share',
  summary: 'A public read-only link to a folder (an existing link is answered again)',
  params: FolderParams,
  body: WatchlistShareBody,
  status: 201,
  response: WatchlistShare,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-watchlist'],
});

export const watchlistUnshareFolder = defineEndpoint({
  operation: 'watchlist.unshareFolder',
  method: 'DELETE',
  path: '/users/{profile_id}/watchlist/folders/{id}/share',
  summary: 'Revoke the share link of a folder',
  params: FolderParams,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-watchlist'],
});

export const watchlistShared = defineEndpoint({
  operation: 'watchlist.shared',
  method: 'GET',
  path: '/shared/watchlists/{token}',
  summary: 'A shared folder, read-only, for anyone with the link (410 once revoked or expired)',
  params: z.object({ token: ShareToken }),
  query: PageQuery,
  response: SharedWatchlist,
  errors: [410],
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-watchlist'],
});

/** A profile's list (§3, §33): order, folders, tags, bulk actions, import/export, undo and sharing. */
export const watchlist = {
  list: watchlistList,
  add: watchlistAdd,
  remove: watchlistRemove,
  bulkUpload: watchlistBulkUpload,
  reorder: watchlistReorder,
  export: watchlistExport,
  import: watchlistImport,
  clear: watchlistClear,
  restore: watchlistRestore,
  bulk: watchlistBulk,
  folders: watchlistFolders,
  createFolder: watchlistCreateFolder,
  updateFolder: watchlistUpdateFolder,
  deleteFolder: watchlistDeleteFolder,
  shareFolder: watchlistShareFolder,
  unshareFolder: watchlistUnshareFolder,
  shared: watchlistShared,
} as const;
