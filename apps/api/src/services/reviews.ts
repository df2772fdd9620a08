// Reviews of titles (§8, issue 14): one review per profile and title, votes, reports and the
// moderation queue. Review text is untrusted: it is stored as given (trimmed) and only ever sent
// as JSON strings; clients render it as text.
//
// Ranking and paging: every list answer carries an "as of" instant in its cursor. Later pages rank
// reviews as they stood at that instant (reviews written after it are left out; votes cast or
// changed after it count as they were), so a page never repeats or skips a review while new
// reviews and votes arrive. "Most helpful" ranks by the lower bound of the Wilson score interval
// of helpful votes (95 %), not by raw counts.
import type {
  AdminReviewCase,
  MyReview,
  Review,
  ReviewCreateBody,
  ReviewPage,
  ReviewReportBody,
  ReviewReportReceipt,
  ReviewSort,
  ReviewSummary,
  ReviewUpdateBody,
  ReviewVoteResult,
} from '@reel/contracts';
import { ErrorCode } from '@reel/contracts';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  adminAudit,
  profiles,
  reviewCases,
  reviewReports,
  reviews,
  reviewVotes,
  titles,
  users,
} from '../db/schema/index.js';
import { decodeCursor, encodeCursor, pageOf } from '../http/cursor.js';
import { badRequest, conflict, forbidden, HttpError, notFound, rateLimited } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { newId } from '../ids.js';
import { avatarUrl } from './avatars.js';
import type { CatalogService } from './catalog.js';
import { RateLimiter } from './rate-limit.js';
import type { Viewer } from './viewer.js';

/** Reports that hide a review pending moderation (`REEL_REVIEW_REPORT_THRESHOLD`, default 3). */
export function reportThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.REEL_REVIEW_REPORT_THRESHOLD);
  return env.REEL_REVIEW_REPORT_THRESHOLD !== undefined && Number.isInteger(n) && n >= 1 ? n : 3;
}

/** How long a deleted review can be restored. */
export const REVIEW_RESTORE_WINDOW_MS = 7 * 24 * 3600_000;

/** A profile has "watched" a title when it finished something of it or saw at least half of it. */
const WATCHED_FRACTION = 0.5;

type ReviewRow = typeof reviews.$inferSelect;

/**
 * Brings each title's rating up to date: the catalog's own ratings (`external_rating_*`) together
 * with the stars of its published, live reviews. Recomputed rather than adjusted, so edits,
 * deletions, restores and moderation can never make it drift. Returns the new figures.
 */
export async function recountRatings(
  db: Db,
  titleIds?: readonly string[],
): Promise<{ id: string; ratingAverage: number | null; ratingCount: number }[]> {
  if (titleIds && titleIds.length === 0) return [];
  const live = sql`${reviews.titleId} = ${titles.id} and ${reviews.deletedAt} is null and ${reviews.status} = 'published'`;
  const n = sql`(select count(*)::integer from ${reviews} where ${live})`;
  const total = sql`(select coalesce(sum(${reviews.rating}), 0)::double precision from ${reviews} where ${live})`;
  return db
    .update(titles)
    .set({
      ratingCount: sql`${titles.externalRatingCount} + ${n}`,
      ratingAverage: sql`case when ${titles.externalRatingCount} + ${n} = 0 then null
        else ((coalesce(${titles.externalRatingAverage}, 0) * ${titles.externalRatingCount} + ${total})
          / (${titles.externalRatingCount} + ${n}))::real end`,
    })
    .where(titleIds ? inArray(titles.id, [...titleIds]) : sql`true`)
    .returning({ id: titles.id, ratingAverage: titles.ratingAverage, ratingCount: titles.ratingCount });
}

/** Who is asking: the catalog viewer (profile, maturity) and the account. */
export interface ReviewViewer extends Viewer {
  principal: Principal | null;
}

export interface ReviewListQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
  sort?: ReviewSort | undefined;
  rating?: number | undefined;
  language?: string | undefined;
  hide_spoilers?: boolean | undefined;
  watched_only?: boolean | undefined;
}

/** `n` helpful out of `total` votes → the Wilson lower bound (z = 1.96); 0 without votes. */
export function wilsonLowerBound(helpful: number, total: number): number {
  if (total <= 0) return 0;
  const z2 = 1.96 * 1.96;
  const p = helpful / total;
  return (p + z2 / (2 * total) - 1.96 * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total)) / (1 + z2 / total);
}

/** The same bound in SQL, over two float8 expressions. */
const wilsonSql = (h: SQL, n: SQL): SQL =>
  sql`(case when ${n} = 0 then 0::float8 else ((${h} / ${n}) + 1.9208 / ${n} - 1.96 * sqrt((((${h} / ${n}) * (1 - (${h} / ${n}))) + 0.9604 / ${n}) / ${n})) / (1 + 3.8416 / ${n}) end)`;

const watchedSql = sql`exists (select 1 from progress pr where pr.profile_id = ${reviews.profileId} and pr.title_id = ${reviews.titleId} and (pr.completed or (pr.duration > 0 and pr.position >= pr.duration * ${sql.raw(String(WATCHED_FRACTION))})))`;

/** A vote's value at an instant (see the file comment). */
const voteAt = (asOf: string) =>
  sql`(case when v.changed_at <= ${asOf}::timestamptz then v.value when v.created_at <= ${asOf}::timestamptz then v.previous_value end)`;

const scoreAt = (asOf: string): SQL => {
  const h = sql`(select count(*) from review_votes v where v.review_id = ${reviews.id} and ${voteAt(asOf)} = 'helpful')::float8`;
  const n = sql`(select count(*) from review_votes v where v.review_id = ${reviews.id} and ${voteAt(asOf)} is not null)::float8`;
  return wilsonSql(h, n);
};

/** The sort keys of each order (then newest first, then id), and their directions. */
function sortKeys(sort: ReviewSort, asOf: string): { expr: SQL; dir: 'asc' | 'desc' }[] {
  const created = { expr: sql`${reviews.createdAt}`, dir: 'desc' as const };
  switch (sort) {
    case 'newest':
      return [created];
    case 'highest':
      return [{ expr: sql`${reviews.rating}`, dir: 'desc' }, created];
    case 'lowest':
      return [{ expr: sql`${reviews.rating}`, dir: 'asc' }, created];
    default:
      return [{ expr: scoreAt(asOf), dir: 'desc' }, created];
  }
}

const cursorError = () =>
  badRequest('query.cursor: not a cursor this server gave out', [
    { field: 'query.cursor', message: 'not a cursor this server gave out' },
  ]);

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

/**
 * Reviews, votes, reports and moderation.
 *
 * @example
 * const page = await service.list(viewer, 'ttl_1', { sort: 'most_helpful', limit: 10 });
 */
export class ReviewService {
  readonly #db: Db;
  readonly #catalog: CatalogService;
  readonly limits: RateLimiter;

  constructor(db: Db, catalog: CatalogService, env: NodeJS.ProcessEnv = process.env) {
    this.#db = db;
    this.#catalog = catalog;
    this.limits = new RateLimiter();
    if (env.REEL_RATE_LIMITS === 'off' && env.NODE_ENV !== 'production') this.limits.enabled = false;
  }

  #take(rule: 'review.write' | 'review.vote' | 'review.report', key: string): void {
    const decision = this.limits.take(rule, key);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }

  /** The title, when the viewer may see it; 404 otherwise. */
  async #title(viewer: Viewer, titleId: string) {
    const snap = await this.#catalog.snapshot();
    const t = snap.titles.get(titleId);
    if (!t || !this.#catalog.isVisible(t, viewer, this.#catalog.now())) throw notFound('That title');
    return t;
  }

  /** Conditions of the reviews a viewer may read on a title's list. */
  #visible(viewer: Viewer, titleId: string): SQL[] {
    const where: SQL[] = [eq(reviews.titleId, titleId), eq(reviews.status, 'published'), isNull(reviews.deletedAt)];
    // Kids profiles: reviews waiting for a moderator (any open report) are left out.
    if (viewer.isKids)
      where.push(
        sql`not exists (select 1 from review_cases c where c.review_id = ${reviews.id} and c.status = 'open')`,
      );
    return where;
  }

  /** Selects reviews in the contract's shape for a viewer. */
  #select(viewer: ReviewViewer) {
    const userId = viewer.principal?.userId ?? '';
    return this.#db
      .select({
        row: reviews,
        authorName: profiles.name,
        authorAvatar: profiles.avatar,
        watched: sql<boolean>`${watchedSql}`,
        myVote: sql<
          'helpful' | 'not_helpful' | null
        >`(select v.value from review_votes v where v.review_id = ${reviews.id} and v.user_id = ${userId})`,
        reportedByMe: sql<boolean>`exists (select 1 from review_reports rr where rr.review_id = ${reviews.id} and rr.user_id = ${userId})`,
      })
      .from(reviews)
      .innerJoin(profiles, eq(profiles.id, reviews.profileId));
  }

  #view(
    viewer: ReviewViewer,
    r: {
      row: ReviewRow;
      authorName: string;
      authorAvatar: string;
      watched: boolean;
      myVote: 'helpful' | 'not_helpful' | null;
      reportedByMe: boolean;
    },
  ): Review {
    const { row } = r;
    const isMe = viewer.profileId !== null && row.profileId === viewer.profileId;
    const principal = viewer.principal;
    return {
      id: row.id,
      title_id: row.titleId,
      author: { name: r.authorName, avatar_url: avatarUrl(r.authorAvatar), is_me: isMe },
      rating: row.rating,
      headline: row.headline,
      body: row.body,
      contains_spoilers: row.containsSpoilers,
      language: row.language,
      watched: r.watched === true || (r.watched as unknown) === 't',
      status: row.status,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
      edited_at: row.editedAt ? row.editedAt.toISOString() : null,
      helpful_count: row.helpfulCount,
      not_helpful_count: row.notHelpfulCount,
      my_vote: principal ? (r.myVote ?? null) : null,
      reported_by_me: principal ? r.reportedByMe === true || (r.reportedByMe as unknown) === 't' : false,
      can_edit: isMe && row.status !== 'removed' && !viewer.isKids,
      can_vote: principal !== null && principal.userId !== row.userId,
    };
  }

  /** One review in the viewer's shape (any status). */
  async #one(viewer: ReviewViewer, reviewId: string): Promise<Review> {
    const [r] = await this.#select(viewer).where(eq(reviews.id, reviewId));
    if (!r) throw notFound('That review');
    return this.#view(viewer, r);
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────

  /** GET /titles/{id}/reviews. */
  async list(viewer: ReviewViewer, titleId: string, query: ReviewListQuery): Promise<ReviewPage> {
    await this.#title(viewer, titleId);
    const sort = query.sort ?? 'most_helpful';
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor);
    let asOf: string;
    let keyValues: (string | number | null)[] | null = null;
    if (after) {
      const [at, s, ...rest] = after.k;
      if (typeof at !== 'string' || !ISO_MICROS.test(at) || s !== sort) throw cursorError();
      asOf = at;
      keyValues = rest;
    } else {
      const result = (await this.#db.execute(sql`select now()::text as at`)) as unknown as { rows: { at: string }[] };
      asOf = String(result.rows[0]?.at);
    }
    const filters = this.#visible(viewer, titleId);
    if (query.rating) filters.push(eq(reviews.rating, query.rating));
    if (query.language) filters.push(eq(reviews.language, query.language));
    if (query.hide_spoilers) filters.push(eq(reviews.containsSpoilers, false));
    if (query.watched_only) filters.push(watchedSql);

    const keys = sortKeys(sort, asOf);
    const where = [...filters, sql`${reviews.createdAt} <= ${asOf}::timestamptz`];
    if (keyValues) {
      if (keyValues.length !== keys.length) throw cursorError();
      where.push(this.#after(keys, keyValues, after!.id));
    }
    const keyCols = Object.fromEntries(keys.map((k, i) => [`k${i}`, sql<string>`(${k.expr})::text`]));
    const order = [
      ...keys.map((k) => (k.dir === 'asc' ? sql`${k.expr} asc` : sql`${k.expr} desc`)),
      sql`${reviews.id} desc`,
    ];
    const [rows, [total]] = await Promise.all([
      this.#db
        .select({
          row: reviews,
          authorName: profiles.name,
          authorAvatar: profiles.avatar,
          watched: sql<boolean>`${watchedSql}`,
          myVote: sql<
            'helpful' | 'not_helpful' | null
          >`(select v.value from review_votes v where v.review_id = ${reviews.id} and v.user_id = ${viewer.principal?.userId ?? ''})`,
          reportedByMe: sql<boolean>`exists (select 1 from review_reports rr where rr.review_id = ${reviews.id} and rr.user_id = ${viewer.principal?.userId ?? ''})`,
          ...keyCols,
        })
        .from(reviews)
        .innerJoin(profiles, eq(profiles.id, reviews.profileId))
        .where(and(...where))
        .orderBy(...order)
        .limit(limit + 1),
      this.#db
        .select({ n: sql<number>`count(*)::int` })
        .from(reviews)
        .where(and(...filters)),
    ]);
    const items = rows.slice(0, limit).map((r) => this.#view(viewer, r));
    const last = rows.length > limit ? (rows[limit - 1] as Record<string, unknown>) : undefined;
    const next_cursor = last
      ? encodeCursor({
          k: [asOf, sort, ...keys.map((_, i) => last[`k${i}`] as string)],
          id: (last.row as ReviewRow).id,
        })
      : null;
    return { items, next_cursor, total: Number(total?.n ?? 0) };
  }

  /** `(k0, k1, …, id)` strictly after the cursor's values in the sort's order. */
  #after(keys: { expr: SQL; dir: 'asc' | 'desc' }[], values: (string | number | null)[], id: string): SQL {
    const typed = keys.map((_k, i) => {
      const v = values[i];
      if (typeof v !== 'string') throw cursorError();
      // The created_at key is a timestamp; the others are numbers.
      if (i === keys.length - 1) {
        if (!ISO_MICROS.test(v)) throw cursorError();
        return sql`${v}::timestamptz`;
      }
      if (!Number.isFinite(Number(v))) throw cursorError();
      return sql`${v}::float8`;
    });
    const parts: SQL[] = [];
    const all = [...keys, { expr: sql`${reviews.id}`, dir: 'desc' as const }];
    const vals = [...typed, sql`${id}`];
    for (let i = 0; i < all.length; i++) {
      const eqs = all.slice(0, i).map((k, j) => sql`${k.expr} = ${vals[j]}`);
      const k = all[i]!;
      const cmp = k.dir === 'asc' ? sql`${k.expr} > ${vals[i]}` : sql`${k.expr} < ${vals[i]}`;
      parts.push(sql`(${sql.join([...eqs, cmp], sql` and `)})`);
    }
    return sql`(${sql.join(parts, sql` or `)})`;
  }

  /** GET /titles/{id}/reviews/summary. */
  async summary(viewer: Viewer, titleId: string): Promise<ReviewSummary> {
    await this.#title(viewer, titleId);
    const where = and(...this.#visible(viewer, titleId));
    const [agg] = await this.#db
      .select({
        count: sql<number>`count(*)::int`,
        average: sql<number | null>`avg(${reviews.rating})::float8`,
        r1: sql<number>`(count(*) filter (where ${reviews.rating} = 1))::int`,
        r2: sql<number>`(count(*) filter (where ${reviews.rating} = 2))::int`,
        r3: sql<number>`(count(*) filter (where ${reviews.rating} = 3))::int`,
        r4: sql<number>`(count(*) filter (where ${reviews.rating} = 4))::int`,
        r5: sql<number>`(count(*) filter (where ${reviews.rating} = 5))::int`,
        spoilers: sql<number>`(count(*) filter (where ${reviews.containsSpoilers}))::int`,
        watched: sql<number>`(count(*) filter (where ${watchedSql}))::int`,
      })
      .from(reviews)
      .where(where);
    const languages = await this.#db
      .select({ language: reviews.language, count: sql<number>`count(*)::int` })
      .from(reviews)
      .where(where)
      .groupBy(reviews.language)
      .orderBy(sql`count(*) desc`, reviews.language);
    const count = Number(agg?.count ?? 0);
    return {
      title_id: titleId,
      average: count && agg?.average !== null ? Math.round(Number(agg?.average) * 100) / 100 : null,
      count,
      histogram: {
        '1': Number(agg?.r1 ?? 0),
        '2': Number(agg?.r2 ?? 0),
        '3': Number(agg?.r3 ?? 0),
        '4': Number(agg?.r4 ?? 0),
        '5': Number(agg?.r5 ?? 0),
      },
      languages: languages.map((l) => ({ language: l.language, count: Number(l.count) })),
      spoiler_count: Number(agg?.spoilers ?? 0),
      watched_count: Number(agg?.watched ?? 0),
    };
  }

  /** GET /reviews/mine?title_id=. */
  async mine(viewer: ReviewViewer, titleId: string): Promise<MyReview> {
    await this.#title(viewer, titleId);
    const [r] = await this.#select(viewer).where(
      and(eq(reviews.profileId, viewer.profileId ?? ''), eq(reviews.titleId, titleId), isNull(reviews.deletedAt)),
    );
    return {
      review: r ? this.#view(viewer, r) : null,
      can_write: this.#canWrite(viewer),
    };
  }

  #canWrite(viewer: ReviewViewer): boolean {
    return !viewer.isKids && viewer.principal?.status === 'active' && viewer.profileId !== null;
  }

  // ─── Writing ────────────────────────────────────────────────────────────────────────────────

  #assertWriter(viewer: ReviewViewer): void {
    if (viewer.isKids) throw forbidden('Kids profiles cannot write reviews', { reason: 'kids_profile' });
    if (viewer.principal?.status !== 'active') throw forbidden('This account cannot write reviews');
  }

  /** Trims text fields; empty after trimming is a field error. */
  #clean<T extends { headline?: string | undefined; body?: string | undefined }>(body: T): T {
    const out = { ...body };
    const fields: { field: string; message: string }[] = [];
    for (const key of ['headline', 'body'] as const) {
      const v = out[key];
      if (v === undefined) continue;
      const trimmed = v.trim();
      if (!trimmed) fields.push({ field: key, message: 'must not be blank' });
      out[key] = trimmed as T[typeof key];
    }
    if (fields.length) throw badRequest(`${fields[0]?.field}: ${fields[0]?.message}`, fields);
    return out;
  }

  /** POST /titles/{id}/reviews: a new review (201), or an edit of the profile's one (200). */
  async create(
    viewer: ReviewViewer,
    titleId: string,
    input: ReviewCreateBody,
  ): Promise<{ created: boolean; review: Review }> {
    this.#assertWriter(viewer);
    await this.#title(viewer, titleId);
    const profileId = viewer.profileId as string;
    const body = this.#clean(input);
    this.#take('review.write', viewer.principal!.userId);
    const existing = await this.#live(profileId, titleId);
    if (existing) return { created: false, review: await this.#edit(viewer, existing, body) };
    let language = body.language;
    if (!language) {
      const [p] = await this.#db
        .select({ language: profiles.language })
        .from(profiles)
        .where(eq(profiles.id, profileId));
      language = p?.language ?? 'en';
    }
    const id = newId('rev');
    try {
      await this.#db.insert(reviews).values({
        id,
        titleId,
        profileId,
        userId: viewer.principal!.userId,
        rating: body.rating,
        headline: body.headline,
        body: body.body,
        containsSpoilers: body.contains_spoilers ?? false,
        language,
      });
    } catch (error) {
      // Two first posts at once: the second is an edit of the first.
      const again = await this.#live(profileId, titleId);
      if (again) return { created: false, review: await this.#edit(viewer, again, body) };
      throw error;
    }
    await this.#recount(titleId);
    return { created: true, review: await this.#one(viewer, id) };
  }

  /** After a review's stars or visibility change: the title's rating, in the database and the catalog. */
  async #recount(titleId: string): Promise<void> {
    for (const r of await recountRatings(this.#db, [titleId]))
      this.#catalog.setRating(r.id, r.ratingAverage, r.ratingCount);
  }

  async #live(profileId: string, titleId: string): Promise<ReviewRow | undefined> {
    const [row] = await this.#db
      .select()
      .from(reviews)
      .where(and(eq(reviews.profileId, profileId), eq(reviews.titleId, titleId), isNull(reviews.deletedAt)));
    return row;
  }

  async #edit(viewer: ReviewViewer, row: ReviewRow, body: ReviewUpdateBody): Promise<Review> {
    if (row.status === 'removed') throw conflict('A moderator removed this review: it cannot be edited');
    const changes: Partial<typeof reviews.$inferInsert> = {};
    if (body.rating !== undefined && body.rating !== row.rating) changes.rating = body.rating;
    if (body.headline !== undefined && body.headline !== row.headline) changes.headline = body.headline;
    if (body.body !== undefined && body.body !== row.body) changes.body = body.body;
    if (body.contains_spoilers !== undefined && body.contains_spoilers !== row.containsSpoilers)
      changes.containsSpoilers = body.contains_spoilers;
    if (body.language !== undefined && body.language !== row.language) changes.language = body.language;
    if (Object.keys(changes).length) {
      const now = new Date();
      await this.#db
        .update(reviews)
        .set({ ...changes, updatedAt: now, editedAt: now })
        .where(eq(reviews.id, row.id));
      if (changes.rating !== undefined) await this.#recount(row.titleId);
    }
    return this.#one(viewer, row.id);
  }

  /** The viewer's own live review, or 404 / 403. */
  async #own(viewer: ReviewViewer, reviewId: string): Promise<ReviewRow> {
    const [row] = await this.#db
      .select()
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), isNull(reviews.deletedAt)));
    if (!row) throw notFound('That review');
    if (row.profileId !== viewer.profileId)
      throw forbidden('Only its author can change this review', { reason: 'not_author' });
    return row;
  }

  /** PATCH /reviews/{id}. */
  async update(viewer: ReviewViewer, reviewId: string, input: ReviewUpdateBody): Promise<Review> {
    this.#assertWriter(viewer);
    const row = await this.#own(viewer, reviewId);
    const body = this.#clean(input);
    this.#take('review.write', viewer.principal!.userId);
    return this.#edit(viewer, row, body);
  }

  /** DELETE /reviews/{id}: restorable for a while. */
  async remove(viewer: ReviewViewer, reviewId: string): Promise<void> {
    const row = await this.#own(viewer, reviewId);
    this.#take('review.write', viewer.principal!.userId);
    await this.#db.update(reviews).set({ deletedAt: new Date() }).where(eq(reviews.id, row.id));
    await this.#recount(row.titleId);
  }

  /** POST /reviews/{id}/restore. */
  async restore(viewer: ReviewViewer, reviewId: string): Promise<Review> {
    const [row] = await this.#db.select().from(reviews).where(eq(reviews.id, reviewId));
    if (!row) throw notFound('That review');
    if (row.profileId !== viewer.profileId)
      throw forbidden('Only its author can restore this review', { reason: 'not_author' });
    if (!row.deletedAt) return this.#one(viewer, row.id);
    if (Date.now() - row.deletedAt.getTime() > REVIEW_RESTORE_WINDOW_MS)
      throw new HttpError(410, ErrorCode.notFound, 'This review was deleted too long ago to restore');
    if (await this.#live(row.profileId, row.titleId))
      throw conflict('You wrote another review of this title since: delete it first to restore this one');
    try {
      await this.#db.update(reviews).set({ deletedAt: null }).where(eq(reviews.id, row.id));
    } catch {
      throw conflict('You wrote another review of this title since: delete it first to restore this one');
    }
    await this.#recount(row.titleId);
    return this.#one(viewer, row.id);
  }

  // ─── Votes and reports ──────────────────────────────────────────────────────────────────────

  /** A review others may vote on or report: live, not removed, on a title the viewer may see. */
  async #target(viewer: ReviewViewer, reviewId: string, statuses: ReviewRow['status'][]): Promise<ReviewRow> {
    const [row] = await this.#db
      .select()
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), isNull(reviews.deletedAt)));
    if (!row || !statuses.includes(row.status)) throw notFound('That review');
    await this.#title(viewer, row.titleId).catch(() => {
      throw notFound('That review');
    });
    if (row.userId === viewer.principal?.userId)
      throw forbidden('You cannot vote on or report your own review', { reason: 'own_review' });
    return row;
  }

  /**
   * POST /reviews/{id}/vote. The review row is locked first, so concurrent votes on one review
   * run one after another and the counts are recounted from the votes each time.
   */
  async vote(
    viewer: ReviewViewer,
    reviewId: string,
    value: 'helpful' | 'not_helpful' | 'none',
  ): Promise<ReviewVoteResult> {
    const userId = viewer.principal!.userId;
    await this.#target(viewer, reviewId, ['published']);
    this.#take('review.vote', userId);
    const next = value === 'none' ? null : value;
    return this.#db.transaction(async (tx) => {
      await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, reviewId)).for('update');
      const [prior] = await tx
        .select()
        .from(reviewVotes)
        .where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, userId)));
      if (!prior) {
        if (next) await tx.insert(reviewVotes).values({ reviewId, userId, value: next });
      } else if (prior.value !== next) {
        await tx
          .update(reviewVotes)
          .set({ value: next, previousValue: prior.value, changedAt: new Date() })
          .where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, userId)));
      }
      const [counts] = await tx
        .select({
          helpful: sql<number>`(count(*) filter (where ${reviewVotes.value} = 'helpful'))::int`,
          notHelpful: sql<number>`(count(*) filter (where ${reviewVotes.value} = 'not_helpful'))::int`,
        })
        .from(reviewVotes)
        .where(eq(reviewVotes.reviewId, reviewId));
      const helpful = Number(counts?.helpful ?? 0);
      const notHelpful = Number(counts?.notHelpful ?? 0);
      await tx
        .update(reviews)
        .set({
          helpfulCount: helpful,
          notHelpfulCount: notHelpful,
          helpfulScore: wilsonLowerBound(helpful, helpful + notHelpful),
        })
        .where(eq(reviews.id, reviewId));
      return { review_id: reviewId, helpful_count: helpful, not_helpful_count: notHelpful, my_vote: next };
    });
  }

  /** POST /reviews/{id}/report: one report per account (again: updated); enough reports hide it. */
  async report(viewer: ReviewViewer, reviewId: string, body: ReviewReportBody): Promise<ReviewReportReceipt> {
    const userId = viewer.principal!.userId;
    await this.#target(viewer, reviewId, ['published', 'hidden']);
    const text = body.text?.trim() || null;
    if (body.reason === 'other' && !text)
      throw badRequest('text: say what is wrong', [{ field: 'text', message: 'say what is wrong' }]);
    this.#take('review.report', userId);
    const threshold = reportThreshold();
    const result = await this.#db.transaction(async (tx) => {
      const [locked] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
      const now = new Date();
      let [open] = await tx
        .select()
        .from(reviewCases)
        .where(and(eq(reviewCases.reviewId, reviewId), eq(reviewCases.status, 'open')));
      if (!open) {
        [open] = await tx
          .insert(reviewCases)
          .values({ id: newId('rcs'), reviewId, firstReportedAt: now, lastReportedAt: now })
          .returning();
      } else {
        await tx.update(reviewCases).set({ lastReportedAt: now }).where(eq(reviewCases.id, open.id));
      }
      const caseId = (open as typeof reviewCases.$inferSelect).id;
      const [prior] = await tx
        .select()
        .from(reviewReports)
        .where(and(eq(reviewReports.reviewId, reviewId), eq(reviewReports.userId, userId)));
      let receipt: typeof reviewReports.$inferSelect;
      if (prior) {
        [receipt] = (await tx
          .update(reviewReports)
          .set({ reason: body.reason, text, caseId, updatedAt: now })
          .where(eq(reviewReports.id, prior.id))
          .returning()) as [typeof reviewReports.$inferSelect];
      } else {
        [receipt] = (await tx
          .insert(reviewReports)
          .values({ id: newId('rrp'), reviewId, caseId, userId, reason: body.reason, text })
          .returning()) as [typeof reviewReports.$inferSelect];
      }
      const [n] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(reviewReports)
        .where(eq(reviewReports.caseId, caseId));
      if (locked?.status === 'published' && Number(n?.n ?? 0) >= threshold)
        await tx.update(reviews).set({ status: 'hidden' }).where(eq(reviews.id, reviewId));
      return {
        id: receipt.id,
        review_id: reviewId,
        reason: receipt.reason,
        created_at: receipt.createdAt.toISOString(),
        updated_at: receipt.updatedAt.toISOString(),
        title_id: locked?.titleId,
      };
    });
    // A review hidden pending moderation no longer counts towards the title's rating.
    const { title_id: titleId, ...out } = result;
    if (titleId) await this.#recount(titleId);
    return out;
  }

  // ─── Moderation ─────────────────────────────────────────────────────────────────────────────

  /** GET /admin/reviews/reports: open cases first. */
  async cases(query: {
    cursor?: string | undefined;
    limit?: number | undefined;
    status?: 'open' | 'resolved' | undefined;
    reason?: string | undefined;
    title_id?: string | undefined;
    sort?: 'most_reported' | 'oldest' | 'newest' | undefined;
  }): Promise<{ items: AdminReviewCase[]; next_cursor: string | null }> {
    const where: SQL[] = [];
    if (query.status) where.push(eq(reviewCases.status, query.status));
    if (query.title_id) where.push(eq(reviews.titleId, query.title_id));
    if (query.reason)
      where.push(
        sql`exists (select 1 from review_reports rr where rr.case_id = ${reviewCases.id} and rr.reason = ${query.reason})`,
      );
    const rows = await this.#db
      .select({
        c: reviewCases,
        n: sql<number>`(select count(*) from review_reports rr where rr.case_id = ${reviewCases.id})::int`,
      })
      .from(reviewCases)
      .innerJoin(reviews, eq(reviews.id, reviewCases.reviewId))
      .where(where.length ? and(...where) : undefined)
      .limit(2000);
    const sort = query.sort ?? 'most_reported';
    rows.sort((a, b) => {
      if (a.c.status !== b.c.status) return a.c.status === 'open' ? -1 : 1;
      const byTime =
        sort === 'oldest'
          ? a.c.firstReportedAt.getTime() - b.c.firstReportedAt.getTime()
          : b.c.lastReportedAt.getTime() - a.c.lastReportedAt.getTime();
      if (sort === 'most_reported') return Number(b.n) - Number(a.n) || byTime || a.c.id.localeCompare(b.c.id);
      return byTime || a.c.id.localeCompare(b.c.id);
    });
    const page = pageOf(rows, query.cursor, query.limit ?? 20, (r) => r.c.id);
    return { items: await this.#caseViews(page.items.map((r) => r.c.id)), next_cursor: page.next_cursor };
  }

  async #caseViews(ids: string[]): Promise<AdminReviewCase[]> {
    if (!ids.length) return [];
    const rows = await this.#db
      .select({ c: reviewCases, r: reviews, authorName: profiles.name })
      .from(reviewCases)
      .innerJoin(reviews, eq(reviews.id, reviewCases.reviewId))
      .innerJoin(profiles, eq(profiles.id, reviews.profileId))
      .where(inArray(reviewCases.id, ids));
    const reports = await this.#db
      .select({ rep: reviewReports, email: users.email })
      .from(reviewReports)
      .innerJoin(users, eq(users.id, reviewReports.userId))
      .where(inArray(reviewReports.caseId, ids))
      .orderBy(desc(reviewReports.updatedAt));
    const resolverIds = rows.map((r) => r.c.resolvedBy).filter((x): x is string => !!x);
    const resolvers = resolverIds.length
      ? await this.#db
          .select({ id: users.id, email: users.email, name: users.displayName })
          .from(users)
          .where(inArray(users.id, resolverIds))
      : [];
    const snap = await this.#catalog.snapshot();
    const byId = new Map(rows.map((r) => [r.c.id, r]));
    return ids.flatMap((id) => {
      const found = byId.get(id);
      if (!found) return [];
      const { c, r, authorName } = found;
      const mine = reports.filter((x) => x.rep.caseId === id);
      const reasons = new Map<string, number>();
      for (const x of mine) reasons.set(x.rep.reason, (reasons.get(x.rep.reason) ?? 0) + 1);
      const t = snap.titles.get(r.titleId);
      const by = resolvers.find((u) => u.id === c.resolvedBy);
      const view: AdminReviewCase = {
        id: c.id,
        status: c.status,
        review: {
          id: r.id,
          title: { id: r.titleId, name: t?.row.name ?? r.titleId, type: t?.row.type ?? 'film' },
          author: { account_id: r.userId, profile_id: r.profileId, profile_name: authorName },
          rating: r.rating,
          headline: r.headline,
          body: r.body,
          spoiler: r.containsSpoilers,
          language: r.language,
          hidden: r.status !== 'published',
          helpful_count: r.helpfulCount,
          not_helpful_count: r.notHelpfulCount,
          created_at: r.createdAt.toISOString(),
          edited_at: r.editedAt ? r.editedAt.toISOString() : null,
        },
        report_count: mine.length,
        reasons: [...reasons].map(([reason, count]) => ({ reason: reason as 'spam', count })),
        reports: mine.slice(0, 20).map((x) => ({
          id: x.rep.id,
          reason: x.rep.reason,
          text: x.rep.text,
          reporter: { account_id: x.rep.userId, email: x.email },
          created_at: x.rep.createdAt.toISOString(),
        })),
        first_reported_at: c.firstReportedAt.toISOString(),
        last_reported_at: c.lastReportedAt.toISOString(),
        resolution:
          c.status === 'resolved' && c.action && c.resolvedAt
            ? {
                action: c.action,
                note: c.note ?? '',
                by: { id: c.resolvedBy ?? '', email: by?.email ?? 'unknown@reel.test', display_name: by?.name ?? '' },
                at: c.resolvedAt.toISOString(),
              }
            : null,
      };
      return [view];
    });
  }

  /** POST /admin/reviews/reports/{id}/resolve: keep (publish), hide or delete (remove), audited. */
  async resolve(
    actor: Principal,
    caseId: string,
    input: { action: 'keep' | 'hide' | 'delete'; note: string },
    origin: { ip: string; requestId: string },
  ): Promise<AdminReviewCase> {
    const status = { keep: 'published', hide: 'hidden', delete: 'removed' } as const;
    const titleId = await this.#db.transaction(async (tx) => {
      const [c] = await tx.select().from(reviewCases).where(eq(reviewCases.id, caseId)).for('update');
      if (!c) throw notFound('That case');
      if (c.status === 'resolved') throw conflict('This case is already resolved');
      const [r] = await tx.select().from(reviews).where(eq(reviews.id, c.reviewId)).for('update');
      if (!r) throw notFound('That review');
      const now = new Date();
      await tx.update(reviews).set({ status: status[input.action] }).where(eq(reviews.id, r.id));
      await tx
        .update(reviewCases)
        .set({ status: 'resolved', action: input.action, note: input.note, resolvedBy: actor.userId, resolvedAt: now })
        .where(eq(reviewCases.id, caseId));
      await tx.insert(adminAudit).values({
        id: newId('aud'),
        actorId: actor.userId,
        action: 'review.resolve',
        targetType: 'review',
        targetId: r.id,
        targetLabel: r.headline.slice(0, 120),
        before: { status: r.status },
        after: { status: status[input.action], action: input.action, note: input.note, case_id: caseId },
        ip: origin.ip,
        requestId: origin.requestId,
      });
      return r.titleId;
    });
    await this.#recount(titleId);
    const [view] = await this.#caseViews([caseId]);
    return view as AdminReviewCase;
  }
}
