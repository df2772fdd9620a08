import { ErrorCode } from '@reel/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { profiles } from '../db/schema/index.js';
import { badRequest, conflict, HttpError, notFound, reauthRequired } from '../http/errors.js';
import { newId } from '../ids.js';
import { avatarUrl, defaultAvatar, isAvatar, KIDS_AVATAR } from './avatars.js';
import { knownPlans, planByCode } from './billing/plans.js';
import type { PasswordHasher } from './passwords.js';
import { lockedFor, type RateLimiter } from './rate-limit.js';

/** Highest maturity level a kids profile may have, and the default for a new one. */
export const KIDS_MAX_MATURITY = 12;
export const KIDS_DEFAULT_MATURITY = 7;
export const ADULT_MATURITY = 18;

/** A plan and the profiles it allows. */
export interface PlanProfiles {
  code: string;
  name: string;
  maxProfiles: number;
}

/**
 * Profiles allowed by plan code, cheapest first: from the billing plans (services/billing/plans.ts,
 * the database's rows); the free tier (no subscription) allows two.
 */
export function planProfilesList(): PlanProfiles[] {
  return [...knownPlans()]
    .filter((p) => p.code === 'free' || p.active)
    .sort((a, b) => a.profiles - b.profiles || a.priceAmount - b.priceAmount)
    .map((p) => ({ code: p.code, name: p.name, maxProfiles: p.profiles }));
}

/** The profile allowance of a plan code (an unknown code gets the free tier's). */
export function planProfiles(code: string): PlanProfiles {
  const p = planByCode(code);
  return { code: p.code, name: p.name, maxProfiles: p.profiles };
}

/** The contract's `ProfileLimit`. */
export interface ProfileLimitView {
  max_profiles: number;
  used: number;
  can_create: boolean;
  plan: string;
  plan_name: string;
  upgrade: { plan: string; plan_name: string; max_profiles: number } | null;
}

/** The contract's `ManagedProfile`. */
export interface ManagedProfileView {
  id: string;
  name: string;
  avatar: string;
  language: string;
  is_kids: boolean;
  maturity_level: number;
  has_pin: boolean;
  created_at: string;
  is_primary: boolean;
  is_active: boolean;
  avatar_url: string;
  last_used_at: string | null;
}

type ProfileRow = typeof profiles.$inferSelect;

/** The plan's allowance against the profiles used, with the cheapest plan that allows more. */
export function profileLimit(plan: string, used: number): ProfileLimitView {
  const current = planProfiles(plan);
  const upgrade = planProfilesList().find((p) => p.maxProfiles > Math.max(current.maxProfiles, used)) ?? null;
  return {
    max_profiles: current.maxProfiles,
    used,
    can_create: used < current.maxProfiles,
    plan: current.code,
    plan_name: current.name,
    upgrade: upgrade ? { plan: upgrade.code, plan_name: upgrade.name, max_profiles: upgrade.maxProfiles } : null,
  };
}

/** A name as stored: trimmed, inner runs of spaces folded. */
function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** 400 for an avatar key that is not offered (`GET /profiles/avatars` lists them). */
function assertAvatar(key: string): void {
  if (!isAvatar(key))
    throw badRequest('avatar: not one of the avatars offered', [
      { field: 'avatar', message: 'not one of the avatars offered (GET /profiles/avatars)' },
    ]);
}

/** The answer for a profile that has a PIN but was switched to without the right one. */
function pinProblem(code: 'pin_required' | 'pin_incorrect', attemptsLeft?: number): HttpError {
  const message = code === 'pin_required' ? 'This profile is locked: enter its PIN' : 'That PIN is not right';
  return new HttpError(403, code, message, {
    fields: [{ field: 'pin', message }],
    ...(attemptsLeft !== undefined ? { hint: { attempts_left: attemptsLeft } } : {}),
  });
}

/**
 * The profiles of an account: at most as many as the plan allows (refusals say the limit and the
 * plan that would allow more), kids profiles capped at a maturity of 12, optional 4-digit PINs
 * (argon2id-hashed, asked when switching; five wrong ones lock switching for a while).
 */
export class ProfileService {
  constructor(
    private readonly db: Db,
    private readonly hasher: PasswordHasher,
    private readonly limits: RateLimiter,
    private readonly now: () => number = Date.now,
  ) {}

  /** The account's profiles in order (the first is the primary one). */
  async rows(userId: string): Promise<ProfileRow[]> {
    return this.db
      .select()
      .from(profiles)
      .where(eq(profiles.userId, userId))
      .orderBy(asc(profiles.position), asc(profiles.createdAt), asc(profiles.id));
  }

  /** One profile of the account, or 404. */
  async get(userId: string, profileId: string): Promise<ProfileRow> {
    const [row] = await this.db
      .select()
      .from(profiles)
      .where(and(eq(profiles.id, profileId), eq(profiles.userId, userId)));
    if (!row) throw notFound('That profile');
    return row;
  }

  view(row: ProfileRow, primaryId: string | null, activeProfileId: string | null): ManagedProfileView {
    return {
      id: row.id,
      name: row.name,
      avatar: row.avatar,
      language: row.language,
      is_kids: row.isKids,
      maturity_level: row.maturityLevel,
      has_pin: row.pinHash !== null,
      created_at: row.createdAt.toISOString(),
      is_primary: row.id === primaryId,
      is_active: row.id === activeProfileId,
      avatar_url: avatarUrl(row.avatar),
      last_used_at: row.lastUsedAt?.toISOString() ?? null,
    };
  }

  /** The contract's `ProfileList`. */
  async list(userId: string, plan: string, activeProfileId: string | null) {
    const rows = await this.rows(userId);
    const primaryId = rows[0]?.id ?? null;
    const active = rows.some((r) => r.id === activeProfileId) ? activeProfileId : null;
    return {
      items: rows.map((r) => this.view(r, primaryId, active)),
      limit: profileLimit(plan, rows.length),
      active_profile_id: active,
    };
  }

  /** Creates a profile within the plan's limit; the name must be new on the account. */
  async create(
    userId: string,
    plan: string,
    input: {
      name: string;
      avatar?: string;
      language?: string;
      is_kids?: boolean;
      maturity_level?: number;
      pin?: string;
    },
    options: { defaultLanguage: string; activeProfileId?: string | null; skipLimit?: boolean },
  ): Promise<ManagedProfileView> {
    const name = cleanName(input.name);
    if (!name) throw badRequest('name: enter a name', [{ field: 'name', message: 'enter a name' }]);
    if (input.avatar !== undefined) assertAvatar(input.avatar);
    const isKids = input.is_kids ?? false;
    const maturity = input.maturity_level ?? (isKids ? KIDS_DEFAULT_MATURITY : ADULT_MATURITY);
    if (isKids && maturity > KIDS_MAX_MATURITY) {
      throw badRequest(`maturity_level: a kids profile can go up to ${KIDS_MAX_MATURITY}`, [
        { field: 'maturity_level', message: `a kids profile can go up to ${KIDS_MAX_MATURITY}` },
      ]);
    }
    const check = (existing: ProfileRow[]) => {
      if (!options.skipLimit) {
        const limit = profileLimit(plan, existing.length);
        if (!limit.can_create) {
          const more = limit.upgrade
            ? ` The ${limit.upgrade.plan_name} plan allows ${limit.upgrade.max_profiles}.`
            : '';
          throw new HttpError(
            403,
            ErrorCode.entitlementExceeded,
            `Your ${limit.plan_name} plan allows ${limit.max_profiles} profiles and you have ${limit.used}.${more} Delete a profile or change plan to add another.`,
            { hint: { ...limit } },
          );
        }
      }
      this.assertNameFree(existing, name, null);
    };
    // Refuse early (before hashing a PIN), then again under a per-account lock, so two creations
    // at once cannot both take the last place.
    check(await this.rows(userId));
    const pinHash = input.pin ? await this.hasher.hash(input.pin) : null;
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`profiles:${userId}`}))`);
      const existing = await tx
        .select()
        .from(profiles)
        .where(eq(profiles.userId, userId))
        .orderBy(asc(profiles.position), asc(profiles.createdAt), asc(profiles.id));
      check(existing);
      const [row] = await tx
        .insert(profiles)
        .values({
          id: newId('prf'),
          userId,
          name,
          avatar: input.avatar ?? (isKids ? KIDS_AVATAR : defaultAvatar(existing.length)),
          language: input.language ?? options.defaultLanguage,
          isKids,
          maturityLevel: maturity,
          pinHash,
          position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
          createdAt: new Date(this.now()),
        })
        .returning();
      const created = row as ProfileRow;
      return this.view(created, existing[0]?.id ?? created.id, options.activeProfileId ?? null);
    });
  }

  private assertNameFree(rows: ProfileRow[], name: string, exceptId: string | null): void {
    const taken = rows.some((r) => r.id !== exceptId && r.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (taken)
      throw conflict(`A profile named "${name}" already exists on this account`, [
        { field: 'name', message: 'already used by another profile' },
      ]);
  }

  /**
   * Edits a profile. Loosening it (raising the maturity level, leaving kids mode, changing or
   * removing an existing PIN) needs a fresh re-authentication; tightening it does not.
   */
  async update(
    userId: string,
    profileId: string,
    input: {
      name?: string;
      avatar?: string;
      language?: string;
      is_kids?: boolean;
      maturity_level?: number;
      pin?: string | null;
    },
    options: { reauthFresh: boolean; activeProfileId: string | null },
  ): Promise<ManagedProfileView> {
    const rows = await this.rows(userId);
    const row = rows.find((r) => r.id === profileId);
    if (!row) throw notFound('That profile');
    const isKids = input.is_kids ?? row.isKids;
    let maturity = input.maturity_level ?? row.maturityLevel;
    if (isKids && input.maturity_level === undefined && maturity > KIDS_MAX_MATURITY) maturity = KIDS_DEFAULT_MATURITY;
    if (isKids && maturity > KIDS_MAX_MATURITY) {
      throw badRequest(`maturity_level: a kids profile can go up to ${KIDS_MAX_MATURITY}`, [
        { field: 'maturity_level', message: `a kids profile can go up to ${KIDS_MAX_MATURITY}` },
      ]);
    }
    const loosens =
      maturity > row.maturityLevel || (row.isKids && !isKids) || (row.pinHash !== null && input.pin !== undefined);
    if (loosens && !options.reauthFresh) throw reauthRequired();
    const changes: Partial<typeof profiles.$inferInsert> = { isKids, maturityLevel: maturity };
    if (input.name !== undefined) {
      const name = cleanName(input.name);
      if (!name) throw badRequest('name: enter a name', [{ field: 'name', message: 'enter a name' }]);
      this.assertNameFree(rows, name, row.id);
      changes.name = name;
    }
    if (input.avatar !== undefined) {
      assertAvatar(input.avatar);
      changes.avatar = input.avatar;
    }
    if (input.language !== undefined) changes.language = input.language;
    if (input.pin !== undefined) {
      changes.pinHash = input.pin === null ? null : await this.hasher.hash(input.pin);
      this.limits.reset('pin.profile', row.id);
    }
    const [updated] = await this.db.update(profiles).set(changes).where(eq(profiles.id, row.id)).returning();
    return this.view(updated as ProfileRow, rows[0]?.id ?? null, options.activeProfileId);
  }

  /** Deletes a profile (its data goes with it by cascade); not the primary one, not the active one. */
  async delete(userId: string, profileId: string, activeProfileId: string | null): Promise<void> {
    const rows = await this.rows(userId);
    const row = rows.find((r) => r.id === profileId);
    if (!row) throw notFound('That profile');
    if (row.id === rows[0]?.id)
      throw conflict('The primary profile cannot be deleted; it holds the account’s own settings');
    if (row.id === activeProfileId)
      throw conflict('This profile is in use by this session: switch to another profile first');
    await this.db.delete(profiles).where(and(eq(profiles.id, row.id), eq(profiles.userId, userId)));
  }

  /**
   * Checks the PIN for switching to a profile: 403 `pin_required` or `pin_incorrect`, and 423
   * once too many wrong PINs were tried (for a few minutes).
   */
  async unlock(row: ProfileRow, pin: string | undefined): Promise<void> {
    if (!row.pinHash) return;
    const lock = this.limits.check('pin.profile', row.id);
    if (!lock.allowed)
      throw lockedFor(lock.retryAfterSeconds, 'Too many wrong PINs: switching to this profile is locked for a while');
    if (!pin) throw pinProblem('pin_required');
    if (await this.hasher.verify(row.pinHash, pin)) {
      this.limits.reset('pin.profile', row.id);
      return;
    }
    const after = this.limits.fail('pin.profile', row.id);
    if (!after.allowed)
      throw lockedFor(after.retryAfterSeconds, 'Too many wrong PINs: switching to this profile is locked for a while');
    throw pinProblem('pin_incorrect', after.remaining);
  }

  /** Notes that a session switched to the profile. */
  async markUsed(profileId: string): Promise<void> {
    await this.db
      .update(profiles)
      .set({ lastUsedAt: new Date(this.now()) })
      .where(eq(profiles.id, profileId));
  }

  /** Number of profiles on the account. */
  async count(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(profiles)
      .where(eq(profiles.userId, userId));
    return row?.n ?? 0;
  }
}
