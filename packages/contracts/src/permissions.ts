/**
 * Every named staff permission. Roles are sets of these; `staff` endpoints name the one they
 * require, and the server enforces it on every request.
 */
export const Permission = {
  /** The admin landing page: every staff role has it. */
  dashboardView: 'dashboard.view',
  catalogManage: 'catalog.manage',
  taxonomyManage: 'taxonomy.manage',
  assetsManage: 'assets.manage',
  bundlesManage: 'bundles.manage',
  downloadsManage: 'downloads.manage',
  analyticsView: 'analytics.view',
  costsView: 'costs.view',
  costsManage: 'costs.manage',
  sessionsManage: 'sessions.manage',
  staffManage: 'staff.manage',
  permissionsManage: 'permissions.manage',
  apiKeysManage: 'api_keys.manage',
  jwksManage: 'jwks.manage',
  deliveryManage: 'delivery.manage',
  reviewsModerate: 'reviews.moderate',
  billingManage: 'billing.manage',
  observabilityView: 'observability.view',
  auditView: 'audit.view',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const allPermissions: readonly Permission[] = Object.values(Permission);

/** Built-in staff roles and the permissions they grant. Custom roles are stored by the server. */
export const BuiltInRoles = {
  admin: allPermissions,
  content_editor: [
    Permission.dashboardView,
    Permission.catalogManage,
    Permission.taxonomyManage,
    Permission.assetsManage,
    Permission.bundlesManage,
    Permission.downloadsManage,
  ],
  moderator: [Permission.dashboardView, Permission.reviewsModerate, Permission.auditView],
  support: [Permission.dashboardView, Permission.sessionsManage, Permission.auditView],
  analyst: [Permission.dashboardView, Permission.analyticsView, Permission.costsView, Permission.observabilityView],
} as const satisfies Record<string, readonly Permission[]>;
export type BuiltInRole = keyof typeof BuiltInRoles;
