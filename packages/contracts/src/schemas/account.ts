import * as z from 'zod/mini';
import { Email, Id, Language, Timestamp } from '../common.js';
import { Permission } from '../permissions.js';

export const AvatarKey = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));

export const Profile = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  /** Key of a generated avatar. */
  avatar: AvatarKey,
  language: Language,
  is_kids: z.boolean(),
  /** Highest maturity level (0–18) this profile may watch. */
  maturity_level: z.int().check(z.minimum(0), z.maximum(18)),
  has_pin: z.boolean(),
  created_at: Timestamp,
});
export type Profile = z.infer<typeof Profile>;

export const AccountStatus = z.enum(['active', 'deactivated', 'pending_deletion']);

export const User = z.object({
  id: Id,
  email: Email,
  display_name: z.string(),
  email_verified: z.boolean(),
  mfa_enabled: z.boolean(),
  status: AccountStatus,
  /** Staff roles; empty for viewers. */
  roles: z.array(z.string()),
  /** Effective staff permissions. */
  permissions: z.array(z.enum(Object.values(Permission) as [Permission, ...Permission[]])),
  /** The profile the access token acts for, if one is chosen. */
  active_profile_id: z.nullable(Id),
  /** Code of the current plan (`free` without a subscription). */
  plan: z.string(),
  created_at: Timestamp,
});
export type User = z.infer<typeof User>;

/** OAuth 2.0 token response plus the user. The refresh token travels only as an httpOnly cookie. */
export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.int(),
  user: User,
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** Sign-in answer when the account has MFA on: the second step takes the `mfa_token`. */
export const MfaChallenge = z.object({
  mfa_required: z.literal(true),
  mfa_token: z.string(),
  methods: z.array(z.enum(['totp', 'backup_code'])),
  expires_in: z.int(),
});
export type MfaChallenge = z.infer<typeof MfaChallenge>;

export const LoginResponse = z.union([TokenResponse, MfaChallenge]);
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A new password: length and common-password rules are checked by the server too. */
export const NewPassword = z.string().check(z.minLength(10), z.maxLength(256));
