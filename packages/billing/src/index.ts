// The billing elements, with no side effects: importing this registers nothing.
// `@reel/billing/define` registers the tags (and the package's translations).
import { createLifecycles } from '@reel/core';

export { formatMoney, groupCardNumber, parseExpiry } from './format.js';
export { BillingSection, ReelBilling } from './reel-billing.js';
export { ReelBillingBanner } from './reel-billing-banner.js';

/** single-spa lifecycles of the billing pages (`/plans`, `/account/billing/*`). */
export const lifecycles = createLifecycles('reel-billing');
export const bannerLifecycles = createLifecycles('reel-billing-banner');
