// The database schema, one file per domain. drizzle-kit reads this module to generate migrations.
export * from './account-security.js';
export * from './admin.js';
export * from './admin-media.js';
export * from './auth.js';
export * from './billing.js';
export * from './catalog.js';
export * from './discovery.js';
export * from './email.js';
export * from './history.js';
export * from './media.js';
export * from './ops.js';
export * from './partner.js';
export * from './reviews.js';
export * from './settings.js';
export * from './staff.js';
export * from './watchlist.js';
