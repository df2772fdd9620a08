import * as z from 'zod/mini';
import { Id, Language, Timestamp, Url } from '../common.js';

// Reviews (§8, issue 14). Review text is untrusted input: clients render it as text, never HTML.

/** A star rating, 1–5. */
export const ReviewRating = z.int().check(z.minimum(1), z.maximum(5));

/** Limits on review text, in characters (after trimming). */
export const ReviewLimits = { headlineMax: 120, bodyMin: 1, bodyMax: 5000, reportTextMax: 1000 } as const;

const Headline = z.string().check(z.minLength(1), z.maxLength(ReviewLimits.headlineMax));
const Body = z.string().check(z.minLength(ReviewLimits.bodyMin), z.maxLength(ReviewLimits.bodyMax));

/**
 * - `published`: visible to everyone;
 * - `hidden`: reported often enough to wait for moderation; only its author sees it;
 * - `removed`: removed by a moderator; only its author sees it, and cannot edit it.
 */
export const ReviewStatus = z.enum(['published', 'hidden', 'removed']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** A vote on a review. `none` (in a request) removes one's vote. */
export const ReviewVoteValue = z.enum(['helpful', 'not_helpful']);
export type ReviewVoteValue = z.infer<typeof ReviewVoteValue>;

/** The author as shown on a review: the profile's name and avatar, nothing that identifies the account. */
export const ReviewAuthor = z.object({
  name: z.string(),
  avatar_url: Url,
  /** True when the review is the viewer's own profile's. */
  is_me: z.boolean(),
});
export type ReviewAuthor = z.infer<typeof ReviewAuthor>;

export const Review = z.object({
  id: Id,
  title_id: Id,
  author: ReviewAuthor,
  rating: ReviewRating,
  /** Plain text. */
  headline: z.string(),
  /** Plain text; line breaks are kept, links are not made clickable. */
  body: z.string(),
  /** Shown blurred until revealed. */
  contains_spoilers: z.boolean(),
  language: Language,
  /** The author's profile has watched the title (from its history). */
  watched: z.boolean(),
  status: ReviewStatus,
  created_at: Timestamp,
  updated_at: Timestamp,
  /** Set when the author edited it after posting: the "edited" mark. */
  edited_at: z.nullable(Timestamp),
  helpful_count: z.int().check(z.minimum(0)),
  not_helpful_count: z.int().check(z.minimum(0)),
  /** The viewer's vote; null without one (or signed out). */
  my_vote: z.nullable(ReviewVoteValue),
  /** Whether the viewer's account has reported it. */
  reported_by_me: z.boolean(),
  /** Whether the viewer may edit and delete it (its author, and not removed). */
  can_edit: z.boolean(),
  /** Whether the viewer may vote on it and report it (signed in, not its author). */
  can_vote: z.boolean(),
});
export type Review = z.infer<typeof Review>;

/** `most_helpful` ranks by the lower bound of the Wilson score interval of helpful votes. */
export const ReviewSort = z.enum(['most_helpful', 'newest', 'highest', 'lowest']);
export type ReviewSort = z.infer<typeof ReviewSort>;

export const ReviewPage = z.object({
  items: z.array(Review),
  /** Stable while new reviews and votes arrive: it encodes the sort key and id of the last item. */
  next_cursor: z.nullable(z.string()),
  /** Reviews matching the filters. */
  total: z.int(),
});
export type ReviewPage = z.infer<typeof ReviewPage>;

export const ReviewCreateBody = z.object({
  rating: ReviewRating,
  headline: Headline,
  body: Body,
  contains_spoilers: z.optional(z.boolean()),
  /** The language the review is written in; the profile's language when absent. */
  language: z.optional(Language),
});
export type ReviewCreateBody = z.infer<typeof ReviewCreateBody>;

export const ReviewUpdateBody = z.object({
  rating: z.optional(ReviewRating),
  headline: z.optional(Headline),
  body: z.optional(Body),
  contains_spoilers: z.optional(z.boolean()),
  language: z.optional(Language),
});
export type ReviewUpdateBody = z.infer<typeof ReviewUpdateBody>;

export const ReviewVoteBody = z.object({ vote: z.enum(['helpful', 'not_helpful', 'none']) });
export type ReviewVoteBody = z.infer<typeof ReviewVoteBody>;

/** The counts after the vote, for reconciling an optimistic update. */
export const ReviewVoteResult = z.object({
  review_id: Id,
  helpful_count: z.int(),
  not_helpful_count: z.int(),
  my_vote: z.nullable(ReviewVoteValue),
});
export type ReviewVoteResult = z.infer<typeof ReviewVoteResult>;

/** `spoiler`: contains spoilers that are not marked. */
export const ReviewReportReason = z.enum(['spam', 'abuse', 'spoiler', 'off_topic', 'other']);
export type ReviewReportReason = z.infer<typeof ReviewReportReason>;

export const ReviewReportBody = z.object({
  reason: ReviewReportReason,
  /** What is wrong, in the reporter's words; expected with `other`. */
  text: z.optional(z.string().check(z.maxLength(ReviewLimits.reportTextMax))),
});
export type ReviewReportBody = z.infer<typeof ReviewReportBody>;

/** The account's report on a review (one per account; reporting again updates it). */
export const ReviewReportReceipt = z.object({
  id: Id,
  review_id: Id,
  reason: ReviewReportReason,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type ReviewReportReceipt = z.infer<typeof ReviewReportReceipt>;

/** The rating summary of a title over its published reviews (those the viewer may see). */
export const ReviewSummary = z.object({
  title_id: Id,
  /** 1–5, null without reviews. */
  average: z.nullable(z.number()),
  count: z.int(),
  /** Reviews per star rating. */
  histogram: z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int(), '5': z.int() }),
  /** Languages reviews are written in, most common first, for the language filter. */
  languages: z.array(z.object({ language: Language, count: z.int() })),
  spoiler_count: z.int(),
  watched_count: z.int(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** The active profile's review of a title, whatever its status. */
export const MyReview = z.object({
  review: z.nullable(Review),
  /** False for kids profiles and restricted accounts: the form is not shown. */
  can_write: z.boolean(),
});
export type MyReview = z.infer<typeof MyReview>;
