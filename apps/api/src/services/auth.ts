import { ErrorCode, type Permission, type TokenResponse, type User } from '@reel/contracts';
import { and, eq, not } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { loginEvents, userRoles, users } from '../db/schema/index.js';
import { conflict, HttpError, rateLimited } from '../http/errors.js';
import { permissionsOf, rolesSuspended } from '../http/principal.js';
import { REAUTH_WINDOW_MS } from '../http/route.js';
import { newId, newSecret } from '../ids.js';
import { originOf, type RequestOrigin, recordLoginEvent, recordSecurityEvent } from './audit.js';
import type { ClientContext } from './client-info.js';
import { DeviceService } from './devices.js';
import { ACCESS_TOKEN_TTL_SECONDS, type KeyStore } from './keys.js';
import { MfaService } from './mfa.js';
import { PasswordHasher, passwordProblem } from './passwords.js';
import { ProfileService } from './profiles.js';
import { lockedFor, RateLimiter, type RateRuleName } from './rate-limit.js';
import { Secrets } from './secrets.js';
import { type SessionGrant, SessionService, type SignInMethod } from './sessions.js';

/** Lifetime of the MFA challenge token between the password step and the code step. */
export const MFA_TOKEN_TTL_SECONDS = 5 * 60;
const MFA_AUDIENCE = 'reel-mfa';

/** Emails are compared and stored lower-cased and trimmed. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The same answer for an unknown email and a wrong password. */
export const invalidCredentials = () =>
  new HttpError(401, ErrorCode.invalidCredentials, 'The email address or the password is not right');

/** 422 naming the field that was refused. */
const unprocessable = (code: string, field: string, message: string) =>
  new HttpError(422, code, `${field}: ${message}`, { fields: [{ field, message }] });

const mfaExpired = () =>
  new HttpError(401, 'mfa_expired', 'This sign-in step expired or was already used: sign in again');

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** What a sign-in produced: the body to answer, plus what the cookies carry. */
export interface SignedIn {
  response: TokenResponse;
  grant: SessionGrant;
  /** The browser key for the device cookie. */
  browserKey: string;
}

/** The contract's `MfaChallenge`. */
export interface MfaChallengeView {
  mfa_required: true;
  mfa_token: string;
  methods: ('totp' | 'backup_code')[];
  expires_in: number;
}

/** Who is acting, for the services that take a signed-in caller. */
export interface Caller {
  userId: string;
  sessionId: string;
  profileId: string | null;
}

/**
 * Accounts and sign-in: sign-up, sign-in with its MFA step, refresh, sign-out, re-authentication
 * and password change, on top of the session, device, profile and MFA services. Every password
 * attempt is rate-limited per IP and per email before any hashing.
 */
export class AuthService {
  readonly secrets: Secrets;
  readonly hasher: PasswordHasher;
  readonly limits: RateLimiter;
  readonly mfa: MfaService;
  readonly devices: DeviceService;
  readonly sessions: SessionService;
  readonly profiles: ProfileService;
  /** MFA challenge ids already completed (until they expire), so a challenge works once. */
  private readonly usedChallenges = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly keys: KeyStore,
    options: { secrets?: Secrets; now?: () => number; env?: NodeJS.ProcessEnv } = {},
  ) {
    const now = options.now ?? Date.now;
    const env = options.env ?? process.env;
    this.secrets = options.secrets ?? Secrets.load(config, env);
    this.hasher = new PasswordHasher();
    this.limits = new RateLimiter({}, now);
    // Benchmarks measure hashing, not the limiter (`REEL_RATE_LIMITS=off`; never in production).
    if (env.REEL_RATE_LIMITS === 'off' && config.env !== 'production') this.limits.enabled = false;
    this.mfa = new MfaService(db, this.secrets, now);
    this.devices = new DeviceService(db, now);
    this.sessions = new SessionService(db, this.secrets, now);
    this.profiles = new ProfileService(db, this.hasher, this.limits, now);
  }

  /** Spends one attempt of a rate rule, or answers 429 with Retry-After. */
  take(rule: RateRuleName, key: string): void {
    const decision = this.limits.take(rule, key);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }

  // ─── Answers ────────────────────────────────────────────────────────────────────────────────

  /** The contract's `User` for an account, acting for `activeProfileId`. */
  async userView(userId: string, activeProfileId: string | null): Promise<User> {
    const [user] = await this.db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new HttpError(401, ErrorCode.unauthenticated, 'This account no longer exists');
    // Staff roles of an invited (not yet accepted, or without required MFA) or deactivated member grant nothing.
    const roleRows = await this.db
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(and(eq(userRoles.userId, userId), not(rolesSuspended(userRoles.userId))));
    const roles = roleRows.map((r) => r.role).sort();
    const permissions = [...(await permissionsOf(this.db, roles))].sort() as Permission[];
    return {
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      email_verified: user.emailVerifiedAt !== null,
      mfa_enabled: await this.mfa.isEnabled(userId),
      status: user.status,
      roles,
      permissions,
      active_profile_id: activeProfileId,
      plan: user.plan,
      created_at: user.createdAt.toISOString(),
    };
  }

  /** A new access token for the session (acting for its profile) and the user. */
  async tokenResponse(grant: { userId: string; sessionId: string; profileId: string | null }): Promise<TokenResponse> {
    const access_token = await this.keys.signAccessToken({
      sub: grant.userId,
      sid: grant.sessionId,
      pid: grant.profileId,
    });
    return {
      access_token,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      user: await this.userView(grant.userId, grant.profileId),
    };
  }

  private origin(client: ClientContext): RequestOrigin {
    return originOf(client);
  }

  // ─── Sign-up and sign-in ────────────────────────────────────────────────────────────────────

  /** Creates an account with a first profile named after the person, and signs it in. */
  async register(
    body: {
      email: string;
      password: string;
      display_name: string;
      language?: string | undefined;
      marketing_opt_in?: boolean | undefined;
    },
    client: ClientContext,
  ): Promise<SignedIn> {
    this.take('register.ip', client.ip);
    const email = normaliseEmail(body.email);
    const displayName = body.display_name.trim().replace(/\s+/g, ' ');
    if (!displayName)
      throw new HttpError(400, ErrorCode.validationFailed, 'display_name: enter a name', {
        fields: [{ field: 'display_name', message: 'enter a name' }],
      });
    const problem = passwordProblem(body.password, { email, displayName });
    if (problem) throw unprocessable('weak_password', 'password', problem);
    const emailTaken = () =>
      conflict('An account with this email address already exists: sign in, or reset its password', [
        { field: 'email', message: 'already has an account' },
      ]);
    const [existing] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw emailTaken();
    const passwordHash = await this.hasher.hash(body.password);
    const userId = newId('usr');
    const now = new Date();
    try {
      await this.db.insert(users).values({
        id: userId,
        email,
        passwordHash,
        displayName,
        language: body.language ?? 'en',
        marketingOptIn: body.marketing_opt_in ?? false,
        termsAcceptedAt: now,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    const profile = await this.profiles.create(
      userId,
      'free',
      { name: displayName.slice(0, 40) },
      { defaultLanguage: body.language ?? 'en', skipLimit: true },
    );
    await recordSecurityEvent(this.db, { userId, name: 'account.created', origin: this.origin(client) });
    return this.signIn(userId, client, 'sign_up', { profileId: profile.id });
  }

  /**
   * Checks email and password. Unknown email and wrong password answer the same 401 after the
   * same work (a dummy hash for unknown emails). With MFA on and an untrusted browser, answers a
   * challenge for the second step instead of tokens.
   */
  async login(
    body: { email: string; password: string; trust_device?: boolean | undefined },
    client: ClientContext,
  ): Promise<{ kind: 'tokens'; signedIn: SignedIn } | { kind: 'mfa'; challenge: MfaChallengeView }> {
    const email = normaliseEmail(body.email);
    this.take('login.ip', client.ip);
    this.take('login.email', email);
    const [user] = await this.db
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email));
    const ok = user
      ? await this.hasher.verify(user.passwordHash, body.password)
      : await this.hasher.verifyDummy(body.password);
    if (!user || !ok) {
      // Bookkeeping after the answer, so a known email does not answer measurably later.
      if (user) {
        const origin = this.origin(client);
        setImmediate(() => {
          void Promise.all([
            recordLoginEvent(this.db, {
              userId: user.id,
              outcome: 'failure',
              failureReason: 'wrong_password',
              method: 'password',
              origin,
            }),
            recordSecurityEvent(this.db, {
              userId: user.id,
              name: 'sign_in.failed',
              origin,
              details: { reason: 'wrong_password' },
            }),
          ]).catch(() => {});
        });
      }
      throw invalidCredentials();
    }
    this.limits.reset('login.email', email);
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.db
        .update(users)
        .set({ passwordHash: await this.hasher.hash(body.password) })
        .where(eq(users.id, user.id));
    }
    let method: SignInMethod = 'password';
    if (await this.mfa.isEnabled(user.id)) {
      const trusted = await this.devices.isTrusted(user.id, client.browserKey);
      if (!trusted) {
        const challenge = await this.challenge(user.id, body.trust_device ?? false);
        await recordLoginEvent(this.db, {
          userId: user.id,
          outcome: 'mfa_pending',
          method: 'password',
          origin: this.origin(client),
        });
        return { kind: 'mfa', challenge };
      }
      await this.devices.trustUsed(trusted.id);
      method = 'password_trusted_device';
    }
    return { kind: 'tokens', signedIn: await this.signIn(user.id, client, method) };
  }

  /** Signs the MFA challenge: who, whether to trust the browser, when it lapses. */
  private async challenge(userId: string, trustDevice: boolean): Promise<MfaChallengeView> {
    const token = await new SignJWT({ td: trustDevice })
      .setProtectedHeader({ alg: 'HS256', typ: 'reel-mfa+jwt' })
      .setSubject(userId)
      .setIssuer(this.config.publicOrigin)
      .setAudience(MFA_AUDIENCE)
      .setJti(newSecret(12))
      .setIssuedAt()
      .setExpirationTime(`${MFA_TOKEN_TTL_SECONDS}s`)
      .sign(this.secrets.key('mfa-token'));
    const methods: MfaChallengeView['methods'] = ['totp'];
    if ((await this.mfa.backupCodesLeft(userId)) > 0) methods.push('backup_code');
    return { mfa_required: true, mfa_token: token, methods, expires_in: MFA_TOKEN_TTL_SECONDS };
  }

  /** Reads an MFA challenge token; 401 when it is forged, expired or already used. */
  async readChallenge(
    token: string,
  ): Promise<{ userId: string; jti: string; trustDevice: boolean; expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, this.secrets.key('mfa-token'), {
        algorithms: ['HS256'],
        issuer: this.config.publicOrigin,
        audience: MFA_AUDIENCE,
        typ: 'reel-mfa+jwt',
      });
      if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number')
        throw mfaExpired();
      const now = Date.now();
      for (const [jti, exp] of this.usedChallenges) if (exp < now) this.usedChallenges.delete(jti);
      if (this.usedChallenges.has(payload.jti)) throw mfaExpired();
      return { userId: payload.sub, jti: payload.jti, trustDevice: payload.td === true, expiresAt: payload.exp * 1000 };
    } catch {
      throw mfaExpired();
    }
  }

  /** The second sign-in step: a TOTP code (not replayed) or an unused backup code. */
  async loginMfa(
    body:
      | { method: 'totp'; mfa_token: string; code: string; trust_device?: boolean | undefined }
      | { method: 'backup_code'; mfa_token: string; backup_code: string; trust_device?: boolean | undefined },
    client: ClientContext,
  ): Promise<SignedIn> {
    this.take('mfa.ip', client.ip);
    const challenge = await this.readChallenge(body.mfa_token);
    const userId = challenge.userId;
    const lock = this.limits.check('mfa.user', userId);
    if (!lock.allowed)
      throw lockedFor(lock.retryAfterSeconds, 'Too many wrong codes: the second step is locked for a while');
    const origin = this.origin(client);
    const result =
      body.method === 'totp'
        ? await this.mfa.verifyTotp(userId, body.code)
        : await this.mfa.consumeBackupCode(userId, body.backup_code, client.location.label);
    if (result === 'not_enabled') throw mfaExpired();
    if (result !== 'ok') {
      const field = body.method === 'totp' ? 'code' : 'backup_code';
      const reason = result === 'replayed' ? 'replayed_code' : result === 'used' ? 'used_backup_code' : 'wrong_code';
      await recordLoginEvent(this.db, {
        userId,
        outcome: 'failure',
        failureReason: reason,
        method: body.method === 'totp' ? 'password_totp' : 'password_backup_code',
        origin,
      });
      const after = this.limits.fail('mfa.user', userId);
      if (!after.allowed) {
        await recordSecurityEvent(this.db, { userId, name: 'mfa.locked', origin, actor: 'system' });
        throw lockedFor(after.retryAfterSeconds, 'Too many wrong codes: the second step is locked for a while');
      }
      const message =
        result === 'replayed'
          ? 'This code was already used: wait for the next one'
          : result === 'used'
            ? 'This backup code was already used'
            : body.method === 'totp'
              ? 'This code is not right or has expired'
              : 'This backup code is not right';
      throw unprocessable('invalid_code', field, message);
    }
    this.limits.reset('mfa.user', userId);
    this.usedChallenges.set(challenge.jti, challenge.expiresAt);
    if (body.method === 'backup_code') {
      await recordSecurityEvent(this.db, {
        userId,
        name: 'mfa.backup_code_used',
        origin,
        details: { remaining: await this.mfa.backupCodesLeft(userId) },
      });
    }
    return this.signIn(userId, client, body.method === 'totp' ? 'password_totp' : 'password_backup_code', {
      trustDevice: body.trust_device ?? challenge.trustDevice,
    });
  }

  /** Starts a session on this browser's device, with the login activity and audit entries. */
  async signIn(
    userId: string,
    client: ClientContext,
    method: SignInMethod,
    options: { profileId?: string | null; trustDevice?: boolean } = {},
  ): Promise<SignedIn> {
    const origin = this.origin(client);
    const { device, browserKey, isNew } = await this.devices.touch(userId, client);
    if (options.trustDevice) {
      await this.devices.trust(device.id, client);
      await recordSecurityEvent(this.db, { userId, name: 'device.trusted', origin, details: { device_id: device.id } });
    }
    const profileId = options.profileId !== undefined ? options.profileId : await this.defaultProfile(userId);
    const grant = await this.sessions.start(userId, { client, method, profileId, deviceId: device.id });
    const [seenHere] = await this.db
      .select({ id: loginEvents.id })
      .from(loginEvents)
      .where(
        and(
          eq(loginEvents.userId, userId),
          eq(loginEvents.outcome, 'success'),
          eq(loginEvents.location, client.location.label),
        ),
      )
      .limit(1);
    await recordLoginEvent(this.db, {
      userId,
      outcome: 'success',
      method,
      origin,
      deviceId: device.id,
      sessionId: grant.sessionId,
      newDevice: isNew,
      newLocation: !seenHere,
    });
    await recordSecurityEvent(this.db, {
      userId,
      name: 'sign_in.succeeded',
      origin,
      sessionId: grant.sessionId,
      details: { method },
    });
    return { response: await this.tokenResponse(grant), grant, browserKey };
  }

  /** The profile a new session acts for: the only one, if it has no PIN; otherwise none (the gate asks). */
  private async defaultProfile(userId: string): Promise<string | null> {
    const rows = await this.profiles.rows(userId);
    return rows.length === 1 && rows[0] && !rows[0].pinHash ? rows[0].id : null;
  }

  // ─── Tokens ─────────────────────────────────────────────────────────────────────────────────

  /** Rotates the refresh token; reuse outside the grace window revokes the session and is logged. */
  async refresh(
    token: string,
    client: ClientContext,
  ): Promise<{ response: TokenResponse; grant: SessionGrant } | null> {
    const outcome = await this.sessions.refresh(token, client);
    if (outcome.kind === 'reused') {
      await recordSecurityEvent(this.db, {
        userId: outcome.userId,
        name: 'session.refresh_reuse_detected',
        origin: this.origin(client),
        sessionId: outcome.sessionId,
        actor: 'system',
      });
      return null;
    }
    if (outcome.kind === 'invalid') return null;
    return { response: await this.tokenResponse(outcome), grant: outcome };
  }

  /** Signs out the session of a refresh token (or the caller's); answers whether one ended. */
  async logout(token: string | undefined, caller: Caller | null, client: ClientContext): Promise<boolean> {
    const session =
      (token ? await this.sessions.sessionOfToken(token) : null) ??
      (caller ? { sessionId: caller.sessionId, userId: caller.userId } : null);
    if (!session) return false;
    const revoked = await this.sessions.revoke(session.userId, [session.sessionId], 'sign_out');
    if (revoked.length)
      await recordSecurityEvent(this.db, {
        userId: session.userId,
        name: 'sign_out',
        origin: this.origin(client),
        sessionId: session.sessionId,
      });
    return revoked.length > 0;
  }

  // ─── Re-authentication and password ─────────────────────────────────────────────────────────

  /** Opens the session's re-auth window with the password, or a TOTP code when MFA is on. */
  async reauth(
    caller: Caller,
    body: { method: 'password'; password: string } | { method: 'totp'; code: string },
    client: ClientContext,
  ): Promise<{ method: 'password' | 'totp'; reauth_until: string; expires_in: number }> {
    const lock = this.limits.check('reauth.user', caller.userId);
    if (!lock.allowed)
      throw lockedFor(lock.retryAfterSeconds, 'Too many wrong attempts: confirming it is you is locked for a while');
    const origin = this.origin(client);
    let ok: boolean;
    let field: string;
    if (body.method === 'password') {
      field = 'password';
      const [user] = await this.db
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, caller.userId));
      ok = user ? await this.hasher.verify(user.passwordHash, body.password) : false;
    } else {
      field = 'code';
      const result = await this.mfa.verifyTotp(caller.userId, body.code);
      if (result === 'not_enabled')
        throw unprocessable('mfa_not_enabled', 'method', 'two-step verification is off: confirm with your password');
      ok = result === 'ok';
    }
    if (!ok) {
      await recordSecurityEvent(this.db, {
        userId: caller.userId,
        name: 'reauth.failed',
        origin,
        sessionId: caller.sessionId,
        details: { method: body.method },
      });
      const after = this.limits.fail('reauth.user', caller.userId);
      if (!after.allowed)
        throw lockedFor(after.retryAfterSeconds, 'Too many wrong attempts: confirming it is you is locked for a while');
      throw unprocessable(
        ErrorCode.invalidCredentials,
        field,
        body.method === 'password' ? 'this password is not right' : 'this code is not right, expired or already used',
      );
    }
    this.limits.reset('reauth.user', caller.userId);
    const at = await this.sessions.markReauth(caller.sessionId);
    await recordSecurityEvent(this.db, {
      userId: caller.userId,
      name: 'reauth.succeeded',
      origin,
      sessionId: caller.sessionId,
      details: { method: body.method },
    });
    return {
      method: body.method,
      reauth_until: new Date(at.getTime() + REAUTH_WINDOW_MS).toISOString(),
      expires_in: Math.floor(REAUTH_WINDOW_MS / 1000),
    };
  }

  /** Sets a new password (not common, not the current one); signs out the other sessions unless asked not to. */
  async changePassword(
    caller: Caller,
    body: { new_password: string; sign_out_other_sessions?: boolean | undefined },
    client: ClientContext,
  ): Promise<{ password_changed_at: string; sessions_revoked: number }> {
    const [user] = await this.db.select().from(users).where(eq(users.id, caller.userId));
    if (!user) throw new HttpError(401, ErrorCode.unauthenticated, 'This account no longer exists');
    const problem = passwordProblem(body.new_password, { email: user.email, displayName: user.displayName });
    if (problem) throw unprocessable('weak_password', 'new_password', problem);
    if (await this.hasher.verify(user.passwordHash, body.new_password)) {
      throw unprocessable('weak_password', 'new_password', 'this is your current password: choose a new one');
    }
    const passwordHash = await this.hasher.hash(body.new_password);
    const at = new Date();
    await this.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: at, updatedAt: at })
      .where(eq(users.id, user.id));
    const revoked =
      body.sign_out_other_sessions === false
        ? []
        : await this.sessions.revokeAllBut(user.id, [caller.sessionId], 'password_changed');
    await recordSecurityEvent(this.db, {
      userId: user.id,
      name: 'password.changed',
      origin: this.origin(client),
      sessionId: caller.sessionId,
      details: { sessions_revoked: revoked.length },
    });
    return { password_changed_at: at.toISOString(), sessions_revoked: revoked.length };
  }

  /** The account's UI language (new profiles default to it). */
  async userLanguage(userId: string): Promise<string> {
    const [row] = await this.db.select({ language: users.language }).from(users).where(eq(users.id, userId));
    return row?.language ?? 'en';
  }
}

const services = new WeakMap<Db, AuthService>();

/**
 * The account services of an app, made on first use and shared by every route module (keyed by
 * the app's database, so encapsulated plugins see the same limiter and hasher).
 * @example
 * const auth = accountServices(app);
 * const body = await auth.tokenResponse({ userId, sessionId, profileId });
 */
export function accountServices(app: FastifyInstance): AuthService {
  let service = services.get(app.db);
  if (!service) {
    service = new AuthService(app.db, app.config, app.keys);
    services.set(app.db, service);
  }
  return service;
}
