// The demo partner API key (development and demo only, like the demo passwords): apps/partner-demo
// mints its playback tokens with it. Documented in docs/embedding.md; never seeded in production
// data (the demo seed runs only into an empty database with REEL_SEED_DEMO on).
import type { Db } from '../db/client.js';
import { apiKeys } from '../db/schema/index.js';
import { hashSecret } from '../services/partner/index.js';

/** The demo key's secret (the partner demo reads `REEL_PARTNER_DEMO_KEY`, defaulting to this). */
export const DEMO_PARTNER_KEY = 'rk_live_demo_reel_partner_site_0000000000000000';

/** The partner demo's origins: `REEL_PARTNER_DEMO_ORIGINS` (comma-separated), else its default port on loopback. */
export function demoPartnerOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.REEL_PARTNER_DEMO_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (listed.length) return listed;
  const port = Number(env.REEL_PARTNER_DEMO_PORT) || 8090;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export async function seedPartnerKey(db: Db, options: { log?: (line: string) => void } = {}): Promise<void> {
  await db
    .insert(apiKeys)
    .values({
      id: 'ak_demopartner000000',
      name: 'Partner demo (apps/partner-demo)',
      prefix: DEMO_PARTNER_KEY.slice(0, 12),
      secretHash: hashSecret(DEMO_PARTNER_KEY),
      scopes: ['playback', 'catalog'],
      allowedOrigins: demoPartnerOrigins(),
    })
    .onConflictDoNothing();
  options.log?.('demo partner API key created');
}
