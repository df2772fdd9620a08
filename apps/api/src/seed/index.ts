import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { titles, users } from '../db/schema/index.js';
import { seedAccounts } from './accounts.js';
import { seedPlans } from './billing.js';
import { seedCatalog } from './catalog.js';
import { seedViewingHistory } from './history.js';
import { seedPartnerKey } from './partner.js';
import { seedReviews } from './reviews.js';

/** Demo credentials (development and demo only): printed at start and in the README. */
export const DEMO_ACCOUNTS = {
  viewer: { email: 'viewer@reel.test', password: 'reel-viewer-demo' },
  admin: { email: 'admin@reel.test', password: 'reel-admin-demo' },
} as const;

/**
 * Fills an empty database with the demo catalog and accounts. Deterministic: the same seed gives
 * the same catalog. Does nothing when the database already has titles or accounts.
 */
export async function seedDemo(
  db: Db,
  options: { seed?: number; log?: (line: string) => void } = {},
): Promise<boolean> {
  // The partner demo's key: also into a database seeded before it existed (idempotent).
  await seedPartnerKey(db);
  const [t] = await db.select({ n: count() }).from(titles);
  const [u] = await db.select({ n: count() }).from(users);
  if ((t?.n ?? 0) > 0 || (u?.n ?? 0) > 0) return false;
  const started = Date.now();
  const log = options.log ?? (() => {});
  await seedCatalog(db, { seed: options.seed ?? 20261126, log });
  await seedPlans(db);
  const { profileIds } = await seedAccounts(db, DEMO_ACCOUNTS, { log });
  await seedViewingHistory(db, profileIds);
  await seedReviews(db);
  log(`demo content seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
