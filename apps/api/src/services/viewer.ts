import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { profiles } from '../db/schema/index.js';
import type { Principal } from '../http/principal.js';

/** Who the catalog is answering for: it decides maturity, availability and personal fields. */
export interface Viewer {
  /** ISO 3166-1 region: the account's, or `?region=`, or US. */
  region: string;
  /** Highest maturity level shown (a kids profile's ceiling; 18 otherwise). */
  maturityCeiling: number;
  profileId: string | null;
  userId: string | null;
  isKids: boolean;
}

/** The viewer of a request: its principal's active profile (or the one given), and region. */
export async function viewerOf(
  db: Db,
  principal: Principal | null,
  options: { profileId?: string | null; region?: string | undefined } = {},
): Promise<Viewer> {
  const profileId = options.profileId ?? principal?.profileId ?? null;
  let maturityCeiling = 18;
  let isKids = false;
  if (principal && profileId && profileId === principal.profileId && principal.activeProfile) {
    // The session's own profile came with the principal: no query.
    const p = principal.activeProfile;
    maturityCeiling = p.isKids ? Math.min(p.maturityLevel, 12) : p.maturityLevel;
    isKids = p.isKids;
  } else if (principal && profileId) {
    const [p] = await db
      .select({ maturity: profiles.maturityLevel, isKids: profiles.isKids })
      .from(profiles)
      .where(and(eq(profiles.id, profileId), eq(profiles.userId, principal.userId)));
    if (p) {
      maturityCeiling = p.isKids ? Math.min(p.maturity, 12) : p.maturity;
      isKids = p.isKids;
    }
  }
  return {
    region: options.region ?? principal?.region ?? 'US',
    maturityCeiling,
    profileId: principal ? profileId : null,
    userId: principal?.userId ?? null,
    isKids,
  };
}
