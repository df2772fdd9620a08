import * as z from 'zod/mini';
import { Email, Id, Language, Region, Timestamp, Url } from '../common.js';
import { AccountStatus, NewPassword } from './account.js';

// Authentication and account security (§5, §16–§20 and the sign-in flows). Names carry a
// domain word (Auth…, Mfa…, Account…, Security…) because every schema is re-exported from the
// package index next to the other domains'.

// ─── Credentials and tokens ────────────────────────────────────────────────────────────────────

/** A password typed to prove who you are (sign-in, re-auth). New passwords use `NewPassword`. */
export const CurrentPassword = z.string().check(z.minLength(1), z.maxLength(256));

/** A six-digit TOTP code (RFC 6238, 30-second steps). A code already used in its window is refused. */
export const TotpCode = z.string().check(z.regex(/^\d{6}$/));

/**
 * A backup (recovery) code as the user types it: `k7pq2-mx9ra`. Case, spaces and dashes are
 * ignored by the server; each code works once.
 */
export const BackupCode = z.string().check(z.minLength(8), z.maxLength(24), z.regex(/^[A-Za-z0-9 -]+$/));

/** A single-use token from an emailed link (password reset, email verification, MFA reset). */
export const EmailLinkToken = z.string().check(z.minLength(16), z.maxLength(512), z.regex(/^[A-Za-z0-9_.-]+$/));

/** The short-lived token of a sign-in that still needs its second factor (from `MfaChallenge`). */
export const MfaToken = z.string().check(z.minLength(1), z.maxLength(1024));

/** A masked email address safe to show before the user is signed in: `v•••r@reel.test`. */
export const EmailHint = z.string().check(z.maxLength(254));

// ─── Sign-in flows ─────────────────────────────────────────────────────────────────────────────

export const AuthRegisterBody = z.object({
  email: Email,
  password: NewPassword,
  display_name: z.string().check(z.minLength(1), z.maxLength(60)),
  /** Language of the emails and the UI (BCP 47); the browser's by default. */
  language: z.optional(Language),
  /**
   * The terms and privacy policy were accepted. `<reel-sign-up>` sends it once the box is ticked;
   * the API records it, and a client that omits it is not refused (the site's form enforces it).
   */
  accept_terms: z.optional(z.boolean()),
  marketing_opt_in: z.optional(z.boolean()),
});

export const AuthLoginBody = z.object({
  email: Email,
  password: CurrentPassword,
  /**
   * Remember this browser for 30 days so that sign-in skips the MFA step. Kept with the MFA
   * challenge; the second step may also set it. A browser already trusted skips the step.
   */
  trust_device: z.optional(z.boolean()),
});

/**
 * The second sign-in step: a TOTP code or a backup code, chosen with `method` — or, without
 * `method`, by which field is sent (`code` or `backup_code`), as plain API clients do.
 */
export const AuthLoginMfaBody = z.union([
  z.object({
    method: z.optional(z.literal('totp')),
    mfa_token: MfaToken,
    code: TotpCode,
    trust_device: z.optional(z.boolean()),
  }),
  z.object({
    method: z.optional(z.literal('backup_code')),
    mfa_token: MfaToken,
    /** Consumed on success; `TokenResponse.user` does not say how many are left, `GET /auth/mfa` does. */
    backup_code: BackupCode,
    trust_device: z.optional(z.boolean()),
  }),
]);

/** How a re-authentication was (or may be) done. */
export const ReauthMethod = z.enum(['password', 'totp', 'backup_code']);

/** Proof for `POST /auth/reauth`: the password, or a TOTP code when MFA is on. */
export const ReauthBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), password: CurrentPassword }),
  z.object({ method: z.literal('totp'), code: TotpCode }),
]);

/**
 * A re-authentication window. Sensitive routes (`reauth: true`) answer 403 `reauth_required`
 * outside it, with `details.hint.methods` listing the accepted methods; the client asks, then
 * retries. Signing in opens a window too.
 */
export const ReauthWindow = z.object({
  method: ReauthMethod,
  /** When the window closes. */
  reauth_until: Timestamp,
  /** Seconds until it closes, for a client whose clock is off. */
  expires_in: z.int().check(z.minimum(0)),
});

export const PasswordChangeBody = z.object({
  new_password: NewPassword,
  /** Sign out every other session (default true); this one stays signed in. */
  sign_out_other_sessions: z.optional(z.boolean()),
});

export const PasswordChanged = z.object({
  password_changed_at: Timestamp,
  /** Sessions signed out by the change. */
  sessions_revoked: z.int().check(z.minimum(0)),
});

/** Answer to a reset request: the same whether the email has an account or not. */
export const PasswordResetRequested = z.object({
  accepted: z.literal(true),
  /** Lifetime of the emailed link, in seconds. */
  link_expires_in: z.int().check(z.minimum(0)),
});

/** Why an emailed link cannot be used. */
export const EmailLinkTokenProblem = z.enum(['invalid', 'expired', 'used']);

/** Token check before showing the new-password form. Invalid links answer 200 with `valid: false`. */
export const PasswordResetTokenStatus = z.object({
  valid: z.boolean(),
  /** Set when `valid` is false. */
  reason: z.nullable(EmailLinkTokenProblem),
  /** The account the link is for, masked; null when invalid. */
  email_hint: z.nullable(EmailHint),
  expires_at: z.nullable(Timestamp),
  /** The account has MFA: the next sign-in still asks for a code. */
  mfa_enabled: z.boolean(),
});

export const PasswordResetConfirmBody = z.object({
  token: EmailLinkToken,
  new_password: NewPassword,
});

export const PasswordResetDone = z.object({
  password_changed_at: Timestamp,
  /** Every session of the account is signed out by a reset. */
  sessions_revoked: z.int().check(z.minimum(0)),
  email_hint: EmailHint,
});

/** `{ token }` from an emailed link. */
export const EmailLinkTokenBody = z.object({ token: EmailLinkToken });

export const EmailVerificationStatus = z.object({
  email: Email,
  verified: z.boolean(),
  verified_at: z.nullable(Timestamp),
  /** When the last verification email went out; null if none has. */
  last_sent_at: z.nullable(Timestamp),
  /** Seconds until another resend is allowed (0: now). Drives the banner's countdown. */
  retry_after: z.int().check(z.minimum(0)),
});

export const EmailVerified = z.object({
  email: Email,
  verified_at: Timestamp,
  /** The link had already been used for this address: nothing changed, and that is fine. */
  already_verified: z.boolean(),
});

export const EmailVerificationSent = z.object({
  email: Email,
  sent_at: Timestamp,
  /** Seconds until the next resend is allowed. A resend before that answers 429 with the same hint. */
  retry_after: z.int().check(z.minimum(0)),
  /** Lifetime of the emailed link, in seconds. */
  link_expires_in: z.int().check(z.minimum(0)),
});

/** An email kept by the development outbox (no SMTP configured). */
export const DevMail = z.object({
  id: Id,
  to: Email,
  subject: z.string(),
  /** Template that produced it: `email_verification`, `password_reset`, `mfa_reset`, `security_alert` … */
  template: z.string(),
  text: z.string(),
  html: z.nullable(z.string()),
  /** Every link in the message, in order (what a test follows). */
  links: z.array(Url),
  sent_at: Timestamp,
});

export const DevMailboxQuery = z.object({
  to: z.optional(Email),
  template: z.optional(z.string().check(z.maxLength(64))),
  /** Only messages sent at or after this time. */
  since: z.optional(Timestamp),
});

// ─── MFA ───────────────────────────────────────────────────────────────────────────────────────

/** A pending TOTP enrolment: shown as a QR code (from `otpauth_uri`) and as a key to type. */
export const MfaSetup = z.object({
  /** Base32 secret, for typing into an authenticator app. */
  secret: z.string(),
  /** `otpauth://totp/Reel:viewer%40reel.test?secret=…&issuer=Reel&algorithm=SHA1&digits=6&period=30`. */
  otpauth_uri: z.string(),
  issuer: z.string(),
  account_name: z.string(),
  algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
  digits: z.literal(6),
  period: z.literal(30),
  /** The enrolment must be confirmed (`POST /auth/mfa/verify`) before this time. */
  expires_at: Timestamp,
});

export const MfaVerifyBody = z.object({ code: TotpCode });

/** Backup codes in clear: shown once (copy, download), stored hashed by the server. */
export const MfaBackupCodes = z.object({
  codes: z.array(z.string()),
  generated_at: Timestamp,
});

export const MfaEnabled = z.object({
  enabled: z.literal(true),
  enabled_at: Timestamp,
  backup_codes: MfaBackupCodes,
});

/** How many backup codes are left; never the codes. */
export const MfaBackupCodesSummary = z.object({
  mfa_enabled: z.boolean(),
  /** Codes in the current set (0 without MFA). */
  total: z.int().check(z.minimum(0)),
  remaining: z.int().check(z.minimum(0)),
  generated_at: z.nullable(Timestamp),
  last_used_at: z.nullable(Timestamp),
  /** Few codes are left: the UI suggests regenerating. */
  low: z.boolean(),
});

/** One code of the current set, identified by its last characters only. */
export const RecoveryCodeSlot = z.object({
  /** Position in the set as it was shown (1-based). */
  position: z.int().check(z.minimum(1)),
  /** Last two characters, to match against the printed list: `…7k`. */
  hint: z.string().check(z.maxLength(8)),
  used_at: z.nullable(Timestamp),
  /** Where it was used (approximate location or device); null while unused. */
  used_from: z.nullable(z.string()),
});

export const RecoveryCodes = z.extend(MfaBackupCodesSummary, { codes: z.array(RecoveryCodeSlot) });

export const MfaBackupValidateBody = z.object({ backup_code: BackupCode });

export const MfaBackupValidated = z.object({
  /** Codes left after this one was consumed. */
  remaining: z.int().check(z.minimum(0)),
  /** The re-auth window the code opened, as `POST /auth/reauth` does. */
  reauth: ReauthWindow,
});

export const MfaResetStatus = z.enum([
  /** A link was emailed; nothing happens until it is opened. */
  'email_sent',
  /** Email confirmed; MFA is removed at `eligible_at` unless cancelled. */
  'waiting',
  /** MFA was removed; the next sign-in needs the password only. */
  'completed',
  'cancelled',
]);

/** A lost-device MFA reset and where it stands. */
export const MfaReset = z.object({
  status: MfaResetStatus,
  email_hint: EmailHint,
  requested_at: Timestamp,
  /** When MFA is removed (set once the email is confirmed). */
  eligible_at: z.nullable(Timestamp),
  /** Waiting period length in hours (shown before confirming). */
  waiting_period_hours: z.int().check(z.minimum(0)),
  /** Lifetime of the emailed link, in seconds, while `email_sent`. */
  link_expires_in: z.nullable(z.int().check(z.minimum(0))),
});

/**
 * Steps of the lost-device reset, chosen with `step`:
 * - `request`, from the MFA step at sign-in, with its `mfa_token` (the password is proven);
 *   an email with a link goes to the account address;
 * - `confirm`, with the emailed `token`: starts the waiting period; every channel is notified;
 * - `cancel`, with the `token` of the notification ("this wasn't me").
 */
export const MfaResetBody = z.discriminatedUnion('step', [
  z.object({ step: z.literal('request'), mfa_token: MfaToken }),
  z.object({ step: z.literal('confirm'), token: EmailLinkToken }),
  z.object({ step: z.literal('cancel'), token: EmailLinkToken }),
]);

/** The MFA panel's state. */
export const MfaStatus = z.object({
  enabled: z.boolean(),
  method: z.nullable(z.literal('totp')),
  enabled_at: z.nullable(Timestamp),
  /** A setup was started and not confirmed; it lapses at this time. */
  pending_setup_expires_at: z.nullable(Timestamp),
  backup_codes: MfaBackupCodesSummary,
  /** A lost-device reset in progress, which the signed-in owner can cancel. */
  reset: z.nullable(MfaReset),
  /** Browsers that skip the MFA step. */
  trusted_devices: z.int().check(z.minimum(0)),
});

// ─── Sessions and devices ──────────────────────────────────────────────────────────────────────

export const AccountDeviceType = z.enum(['desktop', 'mobile', 'tablet', 'tv', 'console', 'other']);

/** Where a request came from, approximated from its IP address. */
export const ApproxLocation = z.object({
  city: z.nullable(z.string()),
  region: z.nullable(z.string()),
  country: z.nullable(Region),
  /** Ready to show: `Lisbon, Portugal`. */
  label: z.string(),
});

/** How a session was started. */
export const SignInMethod = z.enum([
  'password',
  'password_totp',
  'password_backup_code',
  /** Password on a trusted browser, MFA step skipped. */
  'password_trusted_device',
  'sign_up',
  'password_reset',
]);

/** A signed-in session (one refresh-token family). */
export const AccountSession = z.object({
  id: Id,
  /** The session making this request. */
  current: z.boolean(),
  device_id: z.nullable(Id),
  /** `Firefox on macOS`, or the name the user gave the device. */
  device_name: z.string(),
  device_type: AccountDeviceType,
  browser: z.nullable(z.string()),
  os: z.nullable(z.string()),
  ip: z.string(),
  location: z.nullable(ApproxLocation),
  sign_in_method: SignInMethod,
  created_at: Timestamp,
  last_active_at: Timestamp,
  /** When the refresh token lapses without use. */
  expires_at: Timestamp,
});

/** Sessions are capped per account (oldest signed out first), so the list is not paged. */
export const AccountSessionList = z.object({
  items: z.array(AccountSession),
  current_session_id: z.nullable(Id),
});

export const SessionsRevoked = z.object({
  /** Sessions signed out. */
  revoked: z.int().check(z.minimum(0)),
  /** This session was among them: the client drops its token and goes to sign-in. */
  current_revoked: z.boolean(),
});

/** A browser or app that has signed in (identified by a long-lived device cookie). */
export const AccountDevice = z.object({
  id: Id,
  current: z.boolean(),
  name: z.string(),
  type: AccountDeviceType,
  browser: z.nullable(z.string()),
  os: z.nullable(z.string()),
  last_ip: z.nullable(z.string()),
  last_location: z.nullable(ApproxLocation),
  first_seen_at: Timestamp,
  last_active_at: Timestamp,
  active_sessions: z.int().check(z.minimum(0)),
  /** Skips the MFA step until `trusted_until`. */
  trusted: z.boolean(),
  trusted_until: z.nullable(Timestamp),
});

export const AccountDeviceList = z.object({
  items: z.array(AccountDevice),
  current_device_id: z.nullable(Id),
});

export const DevicesRevokeAllBody = z.object({
  /** Keep this device signed in (default false: sign out everywhere, this device too). */
  keep_current: z.optional(z.boolean()),
});

export const DevicesRevoked = z.object({
  devices: z.int().check(z.minimum(0)),
  sessions: z.int().check(z.minimum(0)),
  current_revoked: z.boolean(),
});

export const AccountDeviceSessions = z.object({
  items: z.array(z.object({ device: AccountDevice, sessions: z.array(AccountSession) })),
});

/** A browser that skips the MFA step (chosen at sign-in, 30 days). */
export const TrustedDevice = z.object({
  id: Id,
  device_id: z.nullable(Id),
  current: z.boolean(),
  name: z.string(),
  browser: z.nullable(z.string()),
  os: z.nullable(z.string()),
  /** Where trust was granted. */
  ip: z.nullable(z.string()),
  location: z.nullable(ApproxLocation),
  trusted_at: Timestamp,
  last_used_at: z.nullable(Timestamp),
  expires_at: Timestamp,
});

// ─── Activity and audit ────────────────────────────────────────────────────────────────────────

export const LoginOutcome = z.enum([
  'success',
  /** Password right, second factor not given (the challenge was abandoned or lapsed). */
  'mfa_pending',
  'failure',
]);

export const LoginFailureReason = z.enum([
  'wrong_password',
  'wrong_code',
  'replayed_code',
  'used_backup_code',
  'expired_challenge',
  'rate_limited',
  'locked',
]);

/** One sign-in attempt on the account. */
export const LoginActivity = z.object({
  id: Id,
  at: Timestamp,
  outcome: LoginOutcome,
  failure_reason: z.nullable(LoginFailureReason),
  /** How it was (or was to be) done; null when it failed before a method applied. */
  method: z.nullable(SignInMethod),
  ip: z.string(),
  location: z.nullable(ApproxLocation),
  device_name: z.nullable(z.string()),
  device_type: AccountDeviceType,
  browser: z.nullable(z.string()),
  os: z.nullable(z.string()),
  /** The session it started, if it is still active (links to "Where you're signed in"). */
  session_id: z.nullable(Id),
  /** First sign-in from this device or place: worth a second look. */
  new_device: z.boolean(),
  new_location: z.boolean(),
});

export const LoginActivityQuery = z.object({
  outcome: z.optional(LoginOutcome),
  since: z.optional(Timestamp),
  until: z.optional(Timestamp),
});

export const SecurityAuditCategory = z.enum([
  'sign_in',
  'password',
  'mfa',
  'email',
  'sessions',
  'devices',
  'account',
  'reauth',
  'billing',
]);

export const SecurityAuditEventType = z.enum([
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.locked',
  'sign_out',
  'password.changed',
  'password.reset_requested',
  'password.reset_completed',
  'mfa.setup_started',
  'mfa.enabled',
  'mfa.disabled',
  'mfa.backup_codes_regenerated',
  'mfa.backup_code_used',
  'mfa.reset_requested',
  'mfa.reset_confirmed',
  'mfa.reset_cancelled',
  'mfa.reset_completed',
  'mfa.locked',
  'email.verification_sent',
  'email.verified',
  'session.revoked',
  'sessions.revoked_all',
  'sessions.revoked_others',
  'session.refresh_reuse_detected',
  'device.removed',
  'devices.revoked_all',
  'device.trusted',
  'device.trust_removed',
  'account.created',
  'account.deactivated',
  'account.reactivated',
  'account.deletion_requested',
  'account.deletion_cancelled',
  'reauth.succeeded',
  'reauth.failed',
  'billing.payment_method_added',
  'billing.payment_method_removed',
  'billing.payment_method_default',
  'billing.subscribed',
  'billing.plan_changed',
  'billing.downgrade_scheduled',
  'billing.canceled',
  'billing.resumed',
  'billing.renewed',
  'billing.payment_failed',
  'billing.downgraded_to_free',
]);

/** One security event on the account, with where it came from. */
export const SecurityAuditEvent = z.object({
  id: Id,
  at: Timestamp,
  category: SecurityAuditCategory,
  event: SecurityAuditEventType,
  /** Who did it: the account holder, staff (support) or the system (expiry, reuse detection). */
  actor: z.enum(['self', 'staff', 'system']),
  ip: z.nullable(z.string()),
  location: z.nullable(ApproxLocation),
  user_agent: z.nullable(z.string()),
  /** `Firefox on macOS`. */
  device_name: z.nullable(z.string()),
  session_id: z.nullable(Id),
  /** Event specifics (`{ revoked: 3 }`, `{ method: "totp" }`); never secrets. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const SecurityAuditQuery = z.object({
  category: z.optional(SecurityAuditCategory),
  event: z.optional(SecurityAuditEventType),
  since: z.optional(Timestamp),
  until: z.optional(Timestamp),
});

// ─── Account lifecycle ─────────────────────────────────────────────────────────────────────────

/** Why someone leaves (optional, for the exit survey). */
export const AccountLeaveReason = z.enum([
  'taking_a_break',
  'too_expensive',
  'not_enough_content',
  'technical_problems',
  'privacy',
  'other',
]);

export const AccountLeaveBody = z.object({
  reason: z.optional(AccountLeaveReason),
  feedback: z.optional(z.string().check(z.maxLength(1000))),
});

export const AccountDeactivated = z.object({
  status: z.literal('deactivated'),
  deactivated_at: Timestamp,
  /** Every session is signed out, this one included. */
  sessions_revoked: z.int().check(z.minimum(0)),
});

export const AccountReactivated = z.object({
  status: z.literal('active'),
  reactivated_at: Timestamp,
  /** A scheduled deletion was cancelled by this. */
  deletion_cancelled: z.boolean(),
});

/** What an account deletion removes. */
export const AccountDataKind = z.enum([
  'profiles',
  'viewing_history',
  'watchlists',
  'ratings_and_reviews',
  'downloads',
  'settings',
  'notifications',
  'sessions_and_devices',
  'payment_methods',
]);

/** What is kept after deletion, and why. */
export const AccountRetainedKind = z.enum(['invoices', 'payment_records', 'security_log', 'anonymised_statistics']);

export const AccountDeletionPlan = z.object({
  status: AccountStatus,
  grace_period_days: z.int().check(z.minimum(0)),
  /** When a requested deletion becomes final; null unless `pending_deletion`. */
  scheduled_for: z.nullable(Timestamp),
  will_delete: z.array(
    z.object({
      kind: AccountDataKind,
      /** How many (profiles, reviews …); null where a count means nothing. */
      count: z.nullable(z.int().check(z.minimum(0))),
    }),
  ),
  will_keep: z.array(
    z.object({
      kind: AccountRetainedKind,
      /** A sentence for the UI: `Kept 7 years for tax law`. */
      reason: z.string(),
      retained_for_days: z.nullable(z.int().check(z.minimum(0))),
    }),
  ),
  /** A running subscription, which deletion cancels at once without refund. */
  subscription: z.nullable(z.object({ plan: z.string(), current_period_end: z.nullable(Timestamp) })),
});

export const AccountDeleteBody = z.extend(AccountLeaveBody, {
  /** Typed confirmation: the account's email address, typed again. Another value answers 422. */
  confirm_email: Email,
});

export const AccountDeletionScheduled = z.extend(AccountDeletionPlan, {
  status: z.literal('pending_deletion'),
  requested_at: Timestamp,
  scheduled_for: Timestamp,
  sessions_revoked: z.int().check(z.minimum(0)),
});
