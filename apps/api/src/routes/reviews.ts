import {
  adminReviewsReports,
  adminReviewsResolve,
  reviewsCreate,
  reviewsDelete,
  reviewsList,
  reviewsMine,
  reviewsReport,
  reviewsRestore,
  reviewsSummary,
  reviewsUpdate,
  reviewsVote,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { ReviewService, type ReviewViewer } from '../services/reviews.js';

/**
 * Reviews (§8, issue 14): the list, summary, the profile's own review, write / edit / delete /
 * restore, votes and reports; and the moderation queue under /admin (its panel comes with the
 * admin issue).
 */
export function registerReviewRoutes(app: FastifyInstance): ReviewService {
  const service = new ReviewService(app.db, app.catalog);
  const viewerOf = async (principal: Principal | null, profileId: string | null): Promise<ReviewViewer> => ({
    ...(await app.catalog.viewer(principal, { profileId })),
    principal,
  });

  handle(app, reviewsList, async ({ params, query, principal, profileId }) =>
    service.list(await viewerOf(principal, profileId), params!.title_id, query!),
  );

  handle(app, reviewsSummary, async ({ params, principal, profileId }) =>
    service.summary(await viewerOf(principal, profileId), params!.title_id),
  );

  handle(app, reviewsMine, async ({ query, principal, profileId }) =>
    service.mine(await viewerOf(principal, profileId), query!.title_id),
  );

  handle(app, reviewsCreate, async ({ params, body, principal, profileId, setStatus }) => {
    const { created, review } = await service.create(await viewerOf(principal, profileId), params!.title_id, body!);
    // A second post is an edit of the profile's review: 200, not 201.
    if (!created) setStatus(200);
    return review;
  });

  handle(app, reviewsUpdate, async ({ params, body, principal, profileId }) =>
    service.update(await viewerOf(principal, profileId), params!.review_id, body!),
  );

  handle(app, reviewsDelete, async ({ params, principal, profileId }) => {
    await service.remove(await viewerOf(principal, profileId), params!.review_id);
  });

  handle(app, reviewsRestore, async ({ params, principal, profileId }) =>
    service.restore(await viewerOf(principal, profileId), params!.review_id),
  );

  handle(app, reviewsVote, async ({ params, body, principal, profileId }) =>
    service.vote(await viewerOf(principal, profileId), params!.review_id, body!.vote),
  );

  handle(app, reviewsReport, async ({ params, body, principal, profileId }) =>
    service.report(await viewerOf(principal, profileId), params!.review_id, body!),
  );

  handle(app, adminReviewsReports, async ({ query }) => service.cases(query!));

  handle(app, adminReviewsResolve, async ({ params, body, principal, request }) =>
    service.resolve(principal, params!.id, body!, { ip: request.ip, requestId: String(request.id) }),
  );

  return service;
}
