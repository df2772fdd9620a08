// Parts of the layout that other packages fill (loaded through the import map like routes).
export interface SlotDefinition {
  /** The slot of <reel-app-shell>. */
  name: string;
  module: string;
  tag: string;
  attributes?: Readonly<Record<string, string>>;
}

export const slots: readonly SlotDefinition[] = [
  // The bell and its panel; the shell shows a plain bell linking to /account/notifications without it.
  {
    name: 'notifications',
    module: '@reel/notifications/define',
    tag: 'reel-notification-center',
    attributes: { mode: 'menu' },
  },
  // "Verify your email" with resend, for signed-in accounts whose address is not verified yet.
  {
    name: 'banner',
    module: '@reel/auth/define',
    tag: 'reel-verify-email-banner',
    attributes: {},
  },
  // A failed payment or the grace period, for signed-in accounts whose renewal is being retried.
  {
    name: 'banner',
    module: '@reel/billing/define',
    tag: 'reel-billing-banner',
    attributes: {},
  },
];
