// The database schema, one file per domain. drizzle-kit reads this module to generate migrations.
export * from './account-security.js';
export * from './auth.js';
export * from './catalog.js';
export * from './discovery.js';
export * from './email.js';
export * from './media.js';
export * from './watchlist.js';
