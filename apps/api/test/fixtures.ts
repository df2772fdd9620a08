// Accounts, profiles, staff and signed-in sessions written straight into the database, so a test
// can act as anyone without going through the sign-up and sign-in routes:
//
//   const viewer = await createViewer(t.app);                  // account + profile + session
//   await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: viewer.headers });
//   const editor = await createStaff(t.app, 'content_editor');
//   const stale = await signIn(t.app, viewer, { reauth: false }); // a session that must re-authenticate
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { BuiltInRole } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { profiles, sessions, userRoles, users } from '../src/db/schema/index.js';
import { newId } from '../src/ids.js';

/** An account and its profiles, as stored. */
export interface TestAccount {
  userId: string;
  email: string;
  /** The password, when one was given (its argon2id hash is stored); otherwise nobody can sign in with one. */
  password: string | null;
  roles: string[];
  profiles: { id: string; name: string; isKids: boolean }[];
}

/** A signed-in session of an account: send `headers` with a request to act as it. */
export interface TestSession {
  sessionId: string;
  /** The active profile the access token carries (null: no profile chosen yet). */
  profileId: string | null;
  token: string;
  headers: { authorization: string };
}

/** An account with one signed-in session. */
export type TestCaller = TestAccount & TestSession;

export interface AccountOptions {
  email?: string;
  /** Stored as an argon2id hash (same parameters as the server's); omit for an unusable password. */
  password?: string;
  displayName?: string;
  /** Staff roles: built-in names (BuiltInRoles) or custom roles stored in `roles`. */
  roles?: string[];
  /** Profiles to create (default: one adult profile named "Main"). */
  profiles?: { name?: string; isKids?: boolean; maturityLevel?: number; language?: string }[];
  plan?: string;
  region?: string;
  status?: 'active' | 'deactivated' | 'pending_deletion';
  emailVerified?: boolean;
}

export interface SignInOptions {
  /** The active profile of the token: a profile id, or null for none (default: the first profile). */
  profileId?: string | null;
  /** True (default): re-authenticated just now, so `reauth` routes pass; false: never re-authenticated. */
  reauth?: boolean | Date;
}

const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
let unusableHash: Promise<string> | null = null;
/** Rows per insert statement (PostgreSQL takes at most 65,535 parameters in one). */
const CHUNK = 500;

/** Creates an account (and its profiles and staff roles) directly in the database. */
export async function createAccount(app: FastifyInstance, options: AccountOptions = {}): Promise<TestAccount> {
  return (await createAccounts(app, [options]))[0] as TestAccount;
}

/** Creates many accounts in a few statements (a test that needs hundreds of callers stays fast). */
export async function createAccounts(app: FastifyInstance, list: AccountOptions[]): Promise<TestAccount[]> {
  // A real hash of a secret nobody knows, so verifying any password against it fails cleanly.
  unusableHash ??= hash(randomBytes(24).toString('base64url'), ARGON2);
  const out: TestAccount[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  const roleRows: (typeof userRoles.$inferInsert)[] = [];
  const profileRows: (typeof profiles.$inferInsert)[] = [];
  for (const options of list) {
    const userId = newId('usr');
    const email = (options.email ?? `t-${randomBytes(6).toString('hex')}@reel.test`).toLowerCase();
    const password = options.password ?? null;
    userRows.push({
      id: userId,
      email,
      passwordHash: password === null ? await unusableHash : await hash(password, ARGON2),
      displayName: options.displayName ?? email.split('@')[0] ?? 'Test',
      emailVerifiedAt: options.emailVerified === false ? null : new Date(),
      status: options.status ?? 'active',
      plan: options.plan ?? 'free',
      region: options.region ?? 'US',
    });
    const roles = options.roles ?? [];
    for (const role of roles) roleRows.push({ userId, role });
    const created: TestAccount['profiles'] = [];
    for (const [position, p] of (options.profiles ?? [{}]).entries()) {
      const id = newId('prf');
      const name = p.name ?? (position === 0 ? 'Main' : `Profile ${position + 1}`);
      const isKids = p.isKids ?? false;
      profileRows.push({
        id,
        userId,
        name,
        avatar: 'avatar-1',
        language: p.language ?? 'en',
        isKids,
        maturityLevel: p.maturityLevel ?? (isKids ? 7 : 18),
        position,
      });
      created.push({ id, name, isKids });
    }
    out.push({ userId, email, password, roles, profiles: created });
  }
  for (let i = 0; i < userRows.length; i += CHUNK) await app.db.insert(users).values(userRows.slice(i, i + CHUNK));
  for (let i = 0; i < roleRows.length; i += CHUNK) await app.db.insert(userRoles).values(roleRows.slice(i, i + CHUNK));
  for (let i = 0; i < profileRows.length; i += CHUNK)
    await app.db.insert(profiles).values(profileRows.slice(i, i + CHUNK));
  return out;
}

/** Creates a session for an account and signs an access token for it, as sign-in would. */
export async function signIn(
  app: FastifyInstance,
  account: TestAccount,
  options: SignInOptions = {},
): Promise<TestSession> {
  return (await signInMany(app, [[account, options]]))[0] as TestSession;
}

/** Signs many accounts in at once. */
export async function signInMany(app: FastifyInstance, list: [TestAccount, SignInOptions][]): Promise<TestSession[]> {
  const rows: (typeof sessions.$inferInsert)[] = [];
  const out: TestSession[] = [];
  for (const [account, options] of list) {
    const sessionId = newId('ses');
    const profileId = options.profileId === undefined ? (account.profiles[0]?.id ?? null) : options.profileId;
    const reauth = options.reauth ?? true;
    rows.push({
      id: sessionId,
      userId: account.userId,
      profileId,
      ip: '127.0.0.1',
      userAgent: 'reel-tests',
      reauthAt: reauth === true ? new Date() : reauth === false ? null : reauth,
    });
    const token = await app.keys.signAccessToken({ sub: account.userId, sid: sessionId, pid: profileId });
    out.push({ sessionId, profileId, token, headers: { authorization: `Bearer ${token}` } });
  }
  for (let i = 0; i < rows.length; i += CHUNK) await app.db.insert(sessions).values(rows.slice(i, i + CHUNK));
  return out;
}

/** Accounts with one signed-in session each: `createCallers(app, [{}, { roles: ['admin'], reauth: false }])`. */
export async function createCallers(
  app: FastifyInstance,
  list: (AccountOptions & SignInOptions)[],
): Promise<TestCaller[]> {
  const accounts = await createAccounts(app, list);
  const signed = await signInMany(
    app,
    accounts.map((a, i) => [a, list[i] as SignInOptions]),
  );
  return accounts.map((a, i) => ({ ...a, ...(signed[i] as TestSession) }));
}

/** A viewer: an account without staff roles, with its profiles, signed in on its first profile. */
export async function createViewer(
  app: FastifyInstance,
  options: AccountOptions & SignInOptions = {},
): Promise<TestCaller> {
  return (await createCallers(app, [{ ...options, roles: [] }]))[0] as TestCaller;
}

/** A staff member holding one built-in role (or several roles), signed in on a profile of their own. */
export async function createStaff(
  app: FastifyInstance,
  role: BuiltInRole | string[],
  options: AccountOptions & SignInOptions = {},
): Promise<TestCaller> {
  return (await createCallers(app, [{ ...options, roles: Array.isArray(role) ? role : [role] }]))[0] as TestCaller;
}
