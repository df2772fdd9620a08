import * as z from 'zod/mini';
import { Id, PageQuery, page } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import {
  BundleDetail,
  BundleDownloadRequest,
  BundleKind,
  BundleSummary,
  DownloadManifest,
} from '../schemas/discovery.js';

export const bundlesList = defineEndpoint({
  operation: 'bundles.list',
  method: 'GET',
  path: '/bundles',
  summary: 'Bundles (seasons, whole series, collections) with price, size and whether the viewer may download them',
  query: z.extend(PageQuery, {
    title_id: z.optional(Id),
    kind: z.optional(BundleKind),
    /** Only bundles the account owns. */
    owned: z.optional(z.stringbool()),
  }),
  response: page(BundleSummary),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-downloads'],
});

export const bundlesGet = defineEndpoint({
  operation: 'bundles.get',
  method: 'GET',
  path: '/bundles/{bundle_id}',
  summary: 'A bundle: its episodes with sizes, qualities, languages, limits and entitlement',
  params: z.object({ bundle_id: Id }),
  response: BundleDetail,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-downloads'],
});

export const bundlesForSeason = defineEndpoint({
  operation: 'bundles.forSeason',
  method: 'GET',
  path: '/titles/{id}/seasons/{n}/bundle',
  summary: 'The bundle of one season ("Download season"); 404 when the season has none',
  params: z.object({ id: Id, n: z.coerce.number().check(z.int(), z.minimum(0)) }),
  response: BundleDetail,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-title-detail', 'reel-downloads'],
});

export const bundlesDownload = defineEndpoint({
  operation: 'bundles.download',
  method: 'POST',
  path: '/bundles/{id}/download',
  summary:
    'Start a download: a manifest of signed URLs per episode, with sizes and the offline licence expiry; ' +
    "recorded in the profile's download history (§2). 402 when the bundle must be bought first, " +
    '409 when the download or device limit is reached',
  params: z.object({ id: Id }),
  body: BundleDownloadRequest,
  status: 201,
  response: DownloadManifest,
  errors: [402, 409],
  auth: Auth.profile,
  retry: Retry.idempotencyKey,
  origin: 'S',
  usedBy: ['reel-downloads', 'reel-title-detail'],
});

/** Bundles and season downloads (§10). */
export const bundles = {
  list: bundlesList,
  get: bundlesGet,
  forSeason: bundlesForSeason,
  download: bundlesDownload,
} as const;
