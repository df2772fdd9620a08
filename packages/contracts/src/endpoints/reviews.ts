import * as z from 'zod/mini';
import { Id, Language, PageQuery, QueryBool } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import {
  MyReview,
  Review,
  ReviewCreateBody,
  ReviewPage,
  ReviewReportBody,
  ReviewReportReceipt,
  ReviewSort,
  ReviewSummary,
  ReviewUpdateBody,
  ReviewVoteBody,
  ReviewVoteResult,
} from '../schemas/reviews.js';

const TitleParams = z.object({ title_id: Id });
const ReviewParams = z.object({ review_id: Id });

const ReviewListQuery = z.extend(PageQuery, {
  sort: z.optional(ReviewSort),
  /** Only reviews with this many stars (a click on a histogram bar). */
  rating: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5))),
  language: z.optional(Language),
  /** `true`: leave out reviews marked as spoilers. */
  hide_spoilers: z.optional(QueryBool),
  /** `true`: only reviews whose author watched the title. */
  watched_only: z.optional(QueryBool),
});

export const reviewsList = defineEndpoint({
  operation: 'reviews.list',
  method: 'GET',
  path: '/titles/{title_id}/reviews',
  summary:
    'Published reviews of a title, sorted (most helpful by Wilson lower bound, newest, highest, lowest) and filtered, over stable cursors',
  params: TitleParams,
  query: ReviewListQuery,
  response: ReviewPage,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-reviews', 'reel-title-detail'],
});

export const reviewsCreate = defineEndpoint({
  operation: 'reviews.create',
  method: 'POST',
  path: '/titles/{title_id}/reviews',
  summary: "Write the active profile's review; if it already has one, that one is edited (200). Kids profiles get 403",
  params: TitleParams,
  body: ReviewCreateBody,
  status: 201,
  response: Review,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-reviews'],
});

export const reviewsSummary = defineEndpoint({
  operation: 'reviews.summary',
  method: 'GET',
  path: '/titles/{title_id}/reviews/summary',
  summary: 'Rating summary: average, count and histogram 1–5, with languages for the filter',
  params: TitleParams,
  response: ReviewSummary,
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-reviews', 'reel-title-detail'],
});

export const reviewsMine = defineEndpoint({
  operation: 'reviews.mine',
  method: 'GET',
  path: '/reviews/mine',
  summary: "The active profile's review of a title (whatever its status), and whether it may write one",
  query: z.object({ title_id: Id }),
  response: MyReview,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-reviews'],
});

export const reviewsUpdate = defineEndpoint({
  operation: 'reviews.update',
  method: 'PATCH',
  path: '/reviews/{review_id}',
  summary: 'Edit your own review (it gets the "edited" mark); a removed review answers 409',
  params: ReviewParams,
  body: ReviewUpdateBody,
  response: Review,
  errors: [409],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-reviews'],
});

export const reviewsDelete = defineEndpoint({
  operation: 'reviews.delete',
  method: 'DELETE',
  path: '/reviews/{review_id}',
  summary: 'Delete your own review; restorable for a while (POST …/restore)',
  params: ReviewParams,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-reviews'],
});

export const reviewsRestore = defineEndpoint({
  operation: 'reviews.restore',
  method: 'POST',
  path: '/reviews/{review_id}/restore',
  summary: 'Undo deleting your own review, with its votes (410 once gone for good; 409 if you wrote another since)',
  params: ReviewParams,
  response: Review,
  errors: [409, 410],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-reviews'],
});

export const reviewsVote = defineEndpoint({
  operation: 'reviews.vote',
  method: 'POST',
  path: '/reviews/{review_id}/vote',
  summary: 'Vote helpful or not helpful (one vote per account, changeable; none removes it). Not on your own review',
  params: ReviewParams,
  body: ReviewVoteBody,
  response: ReviewVoteResult,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-reviews'],
});

export const reviewsReport = defineEndpoint({
  operation: 'reviews.report',
  method: 'POST',
  path: '/reviews/{review_id}/report',
  summary:
    'Report a review with a reason (one report per account; reporting again updates it). Enough reports hide it pending moderation',
  params: ReviewParams,
  body: ReviewReportBody,
  status: 201,
  response: ReviewReportReceipt,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-reviews'],
});

/**
 * Reviews of titles (§8, issue 14). One review per profile and title; kids profiles read reviews
 * filtered by maturity and cannot write. Writing, voting and reporting are rate-limited (429).
 * The moderation queue is under `admin`.
 */
export const reviews = {
  list: reviewsList,
  create: reviewsCreate,
  summary: reviewsSummary,
  mine: reviewsMine,
  update: reviewsUpdate,
  delete: reviewsDelete,
  restore: reviewsRestore,
  vote: reviewsVote,
  report: reviewsReport,
} as const;
