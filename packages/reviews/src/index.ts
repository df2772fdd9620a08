// The reviews element and its helpers, with no side effects: `@reel/reviews/define` registers it.
export { DRAFT_PREFIX, ReelReviews } from './reel-reviews.js';
export { registerReviewsTranslations } from './translations.js';
