import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Accounts: viewers and staff. The email is stored lower-cased. */
export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    displayName: text().notNull(),
    emailVerifiedAt: timestamp({ withTimezone: true, mode: 'date' }),
    status: text({ enum: ['active', 'deactivated', 'pending_deletion'] })
      .notNull()
      .default('active'),
    /** Code of the current plan; `free` without a subscription. */
    plan: text().notNull().default('free'),
    /** Home region (ISO 3166-1 alpha-2), for availability and top 10. */
    region: text().notNull().default('US'),
    /** UI and email language (BCP 47); new profiles default to it. */
    language: text().notNull().default('en'),
    marketingOptIn: boolean().notNull().default(false),
    termsAcceptedAt: timestamp({ withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/** Staff roles of an account (built-in role names, or custom roles in `roles`). */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Custom staff roles: a name and a set of permissions. Built-in roles live in the contract. */
export const roles = pgTable('roles', {
  name: text().primaryKey(),
  description: text().notNull().default(''),
  permissions: text().array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
});

export const profiles = pgTable(
  'profiles',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    avatar: text().notNull(),
    language: text().notNull().default('en'),
    isKids: boolean().notNull().default(false),
    maturityLevel: integer().notNull().default(18),
    pinHash: text(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    /** Last time a session switched to it. */
    lastUsedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [index('profiles_user_idx').on(t.userId)],
);

/**
 * Devices an account signed in from, identified by a long-lived random browser cookie (stored
 * hashed in `browserKeyHash`); trust lets a device skip the MFA step until `trustedUntil`.
 */
export const devices = pgTable(
  'devices',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    type: text().notNull(),
    browser: text().notNull().default(''),
    os: text().notNull().default(''),
    browserKeyHash: text(),
    lastIp: text(),
    lastLocation: text(),
    trustedUntil: timestamp({ withTimezone: true, mode: 'date' }),
    trustedAt: timestamp({ withTimezone: true, mode: 'date' }),
    trustedIp: text(),
    trustedLocation: text(),
    trustLastUsedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    lastActiveAt: createdAt(),
  },
  (t) => [index('devices_user_idx').on(t.userId), uniqueIndex('devices_browser_key').on(t.userId, t.browserKeyHash)],
);

/**
 * A sign-in: one refresh-token family. Revoking it ends the family at once; access tokens carry
 * its id (`sid`) and are refused once it is revoked.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: text().references(() => devices.id, { onDelete: 'set null' }),
    profileId: text().references(() => profiles.id, { onDelete: 'set null' }),
    ip: text().notNull().default(''),
    userAgent: text().notNull().default(''),
    location: text().notNull().default(''),
    /** Last successful re-authentication (or sign-in): sensitive routes need it to be recent. */
    reauthAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** How it started: `password`, `password_totp`, `sign_up` … (the contract's SignInMethod). */
    signInMethod: text().notNull().default('password'),
    /** When the current refresh token lapses without use (moves on each rotation). */
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    lastActiveAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
    revokedReason: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Refresh tokens, stored hashed, rotated on every use; `replacedBy` links the chain. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: text().primaryKey(),
    sessionId: text()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'date' }),
    replacedBy: text(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash), index('refresh_tokens_session_idx').on(t.sessionId)],
);

/** ES256 signing keys; the public halves are published at /.well-known/jwks.json. */
export const signingKeys = pgTable('signing_keys', {
  kid: text().primaryKey(),
  privateJwk: jsonb().notNull(),
  publicJwk: jsonb().notNull(),
  state: text({ enum: ['next', 'active', 'retiring', 'retired'] }).notNull(),
  createdAt: createdAt(),
  activatedAt: timestamp({ withTimezone: true, mode: 'date' }),
  retiredAt: timestamp({ withTimezone: true, mode: 'date' }),
});

/**
 * A TOTP factor. The secret is encrypted at rest (AES-256-GCM, see services/secrets.ts);
 * `lastUsedStep` is the last 30-second step accepted, so a code cannot be replayed.
 * `enabledAt` is null while an enrolment waits for its first code.
 */
export const mfaFactors = pgTable('mfa_factors', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text().notNull(),
  lastUsedStep: integer(),
  enabledAt: timestamp({ withTimezone: true, mode: 'date' }),
  pendingExpiresAt: timestamp({ withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/** Backup codes, keyed-hashed (HMAC with the server secret), each usable once. */
export const mfaBackupCodes = pgTable(
  'mfa_backup_codes',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    /** 1-based position in the set as shown. */
    position: integer().notNull(),
    /** Last two characters, to match against the printed list. */
    hint: text().notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'date' }),
    usedFrom: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mfa_backup_codes_hash_key').on(t.userId, t.codeHash)],
);

/** Sign-in attempts on an account (known emails only), newest read first. */
export const loginEvents = pgTable(
  'login_events',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: createdAt(),
    outcome: text({ enum: ['success', 'mfa_pending', 'failure'] }).notNull(),
    failureReason: text(),
    method: text(),
    ip: text().notNull().default(''),
    location: text(),
    userAgent: text().notNull().default(''),
    deviceId: text(),
    sessionId: text(),
    newDevice: boolean().notNull().default(false),
    newLocation: boolean().notNull().default(false),
  },
  (t) => [index('login_events_user_idx').on(t.userId, t.at)],
);

/** Security audit log of an account: password, MFA, sessions, devices, account events. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: createdAt(),
    category: text().notNull(),
    event: text().notNull(),
    actor: text({ enum: ['self', 'staff', 'system'] })
      .notNull()
      .default('self'),
    ip: text(),
    location: text(),
    userAgent: text(),
    deviceName: text(),
    sessionId: text(),
    details: jsonb().notNull().default({}),
  },
  (t) => [index('security_events_user_idx').on(t.userId, t.at)],
);
