import * as z from 'zod/mini';
import { Email, Id, PageQuery, page } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { LoginResponse, TokenResponse, User } from '../schemas/account.js';
import {
  AccountDeactivated,
  AccountDeleteBody,
  AccountDeletionPlan,
  AccountDeletionScheduled,
  AccountDeviceList,
  AccountDeviceSessions,
  AccountLeaveBody,
  AccountReactivated,
  AccountSessionList,
  AuthLoginBody,
  AuthLoginMfaBody,
  AuthRegisterBody,
  DevicesRevokeAllBody,
  DevicesRevoked,
  DevMail,
  DevMailboxQuery,
  EmailLinkTokenBody,
  EmailVerificationSent,
  EmailVerificationStatus,
  EmailVerified,
  LoginActivity,
  LoginActivityQuery,
  MfaBackupCodes,
  MfaBackupCodesSummary,
  MfaBackupValidateBody,
  MfaBackupValidated,
  MfaEnabled,
  MfaReset,
  MfaResetBody,
  MfaSetup,
  MfaStatus,
  MfaVerifyBody,
  PasswordChangeBody,
  PasswordChanged,
  PasswordResetConfirmBody,
  PasswordResetDone,
  PasswordResetRequested,
  PasswordResetTokenStatus,
  ReauthBody,
  ReauthWindow,
  RecoveryCodes,
  SecurityAuditEvent,
  SecurityAuditQuery,
  SessionsRevoked,
  TrustedDevice,
} from '../schemas/security.js';

const SecurityUI = ['reel-account-security'] as const;

export const authRegister = defineEndpoint({
  operation: 'auth.register',
  method: 'POST',
  path: '/auth/register',
  summary: 'Create an account and sign in; a verification email is sent',
  body: AuthRegisterBody,
  status: 201,
  response: TokenResponse,
  errors: [409, 422],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'I',
  usedBy: ['reel-sign-up'],
});

export const authLogin = defineEndpoint({
  operation: 'auth.login',
  method: 'POST',
  path: '/auth/login',
  summary:
    'Sign in with email and password: tokens, or an MFA challenge when the account has MFA and the browser is not trusted',
  body: AuthLoginBody,
  response: LoginResponse,
  errors: [423],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'I',
  usedBy: ['reel-sign-in', 'reel-auth-provider'],
});

export const authLoginMfa = defineEndpoint({
  operation: 'auth.loginMfa',
  method: 'POST',
  path: '/auth/login/mfa',
  summary: 'Finish an MFA sign-in with a TOTP code or a backup code',
  body: AuthLoginMfaBody,
  response: TokenResponse,
  errors: [423],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'I',
  usedBy: ['reel-sign-in'],
});

export const authRefresh = defineEndpoint({
  operation: 'auth.refresh',
  method: 'POST',
  path: '/auth/refresh',
  summary:
    'New access token from the refresh cookie, which is rotated; tabs refreshing at once within the grace window get the same successor',
  response: TokenResponse,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-auth-provider'],
});

export const authLogout = defineEndpoint({
  operation: 'auth.logout',
  method: 'POST',
  path: '/auth/logout',
  summary: 'Sign out this session (by its refresh cookie, even with an expired access token) and clear the cookie',
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-auth-provider', 'reel-shell'],
});

export const authMe = defineEndpoint({
  operation: 'auth.me',
  method: 'GET',
  path: '/auth/me',
  summary: 'The signed-in user',
  response: User,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-auth-provider', 'reel-account-security', 'reel-shell'],
});

export const authChangePassword = defineEndpoint({
  operation: 'auth.changePassword',
  method: 'POST',
  path: '/auth/password/change',
  summary: 'Set a new password (422 when it is common or the current one); other sessions are signed out by default',
  body: PasswordChangeBody,
  response: PasswordChanged,
  errors: [422],
  auth: Auth.session,
  reauth: true,
  retry: Retry.never,
  origin: 'I',
  usedBy: SecurityUI,
});

export const authRequestPasswordReset = defineEndpoint({
  operation: 'auth.requestPasswordReset',
  method: 'POST',
  path: '/auth/password-reset/request',
  summary: 'Email a password-reset link; answers the same whether the address has an account or not',
  body: z.object({ email: Email }),
  status: 202,
  response: PasswordResetRequested,
  auth: Auth.public,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-password-reset'],
});

export const authVerifyPasswordReset = defineEndpoint({
  operation: 'auth.verifyPasswordReset',
  method: 'POST',
  path: '/auth/password-reset/verify',
  summary: 'Check a reset link before showing the new-password form (does not consume it)',
  body: EmailLinkTokenBody,
  response: PasswordResetTokenStatus,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-password-reset'],
});

export const authConfirmPasswordReset = defineEndpoint({
  operation: 'auth.confirmPasswordReset',
  method: 'POST',
  path: '/auth/password-reset/confirm',
  summary:
    'Set a new password with the emailed token; signs out every session. 410 when the link is expired or used, 422 for a rejected password',
  body: PasswordResetConfirmBody,
  response: PasswordResetDone,
  errors: [410, 422],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-password-reset'],
});

export const authVerifyEmail = defineEndpoint({
  operation: 'auth.verifyEmail',
  method: 'POST',
  path: '/auth/email/verify',
  summary: 'Verify the email address with the emailed token (works signed out); 410 when the link is expired',
  body: EmailLinkTokenBody,
  response: EmailVerified,
  errors: [410],
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-verify-email'],
});

export const authResendVerification = defineEndpoint({
  operation: 'auth.resendVerification',
  method: 'POST',
  path: '/auth/email/resend',
  summary:
    'Send the verification email again; says when the next resend is allowed (429 with retry_after before then, 409 when already verified)',
  status: 202,
  response: EmailVerificationSent,
  errors: [409],
  auth: Auth.session,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-verify-email', 'reel-shell'],
});

export const authEmailStatus = defineEndpoint({
  operation: 'auth.emailStatus',
  method: 'GET',
  path: '/auth/email/status',
  summary: 'Whether the address is verified, and the resend countdown',
  response: EmailVerificationStatus,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-verify-email', 'reel-shell', 'reel-account-security'],
});

export const authReauth = defineEndpoint({
  operation: 'auth.reauth',
  method: 'POST',
  path: '/auth/reauth',
  summary:
    'Prove it is you again (password, or TOTP code with MFA on) to open the re-auth window sensitive routes demand; 422 for a wrong credential',
  body: ReauthBody,
  response: ReauthWindow,
  errors: [422, 423],
  auth: Auth.session,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-account-security', 'reel-auth-provider'],
});

export const authDevMailbox = defineEndpoint({
  operation: 'auth.devMailbox',
  method: 'GET',
  path: '/dev/mailbox',
  summary: 'Emails kept by the outbox, newest first (development and tests only; 404 elsewhere)',
  query: z.extend(PageQuery, DevMailboxQuery.def.shape),
  response: page(DevMail),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-shell'],
});

/**
 * Sign-up, sign-in (with its MFA step), tokens, password change and reset, email verification
 * and re-authentication (sign-in flows, §17, §18, §20). Rate-limited routes answer 429 with
 * `details.hint.retry_after` (seconds) and a `Retry-After` header.
 */
export const auth = {
  register: authRegister,
  login: authLogin,
  loginMfa: authLoginMfa,
  refresh: authRefresh,
  logout: authLogout,
  me: authMe,
  changePassword: authChangePassword,
  requestPasswordReset: authRequestPasswordReset,
  verifyPasswordReset: authVerifyPasswordReset,
  confirmPasswordReset: authConfirmPasswordReset,
  verifyEmail: authVerifyEmail,
  resendVerification: authResendVerification,
  emailStatus: authEmailStatus,
  reauth: authReauth,
  devMailbox: authDevMailbox,
} as const;

export const mfaStatus = defineEndpoint({
  operation: 'mfa.status',
  method: 'GET',
  path: '/auth/mfa',
  summary: 'MFA state: on or off, since when, backup codes left, a pending setup or lost-device reset',
  response: MfaStatus,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'added',
  usedBy: SecurityUI,
});

export const mfaSetup = defineEndpoint({
  operation: 'mfa.setup',
  method: 'POST',
  path: '/auth/mfa/setup',
  summary: 'Start TOTP enrolment: a new secret and otpauth URI (for the QR code); replaces an unconfirmed one',
  response: MfaSetup,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.never,
  origin: 'S',
  usedBy: SecurityUI,
});

export const mfaVerify = defineEndpoint({
  operation: 'mfa.verify',
  method: 'POST',
  path: '/auth/mfa/verify',
  summary: 'Confirm enrolment with a code: MFA is on, and the backup codes are returned this once',
  body: MfaVerifyBody,
  response: MfaEnabled,
  errors: [409, 422, 423],
  auth: Auth.session,
  retry: Retry.never,
  origin: 'S',
  usedBy: SecurityUI,
});

export const mfaDisable = defineEndpoint({
  operation: 'mfa.disable',
  method: 'POST',
  path: '/auth/mfa/disable',
  summary: 'Turn MFA off; backup codes and trusted devices are dropped',
  response: MfaStatus,
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const mfaBackupCodes = defineEndpoint({
  operation: 'mfa.backupCodes',
  method: 'GET',
  path: '/auth/mfa/backup-codes',
  summary: 'How many backup codes are left (the codes themselves are shown only when generated)',
  response: MfaBackupCodesSummary,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const mfaRegenerateBackupCodes = defineEndpoint({
  operation: 'mfa.regenerateBackupCodes',
  method: 'POST',
  path: '/auth/mfa/backup-codes/regenerate',
  summary: 'Replace every backup code with a new set, returned this once; 409 without MFA',
  response: MfaBackupCodes,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.never,
  origin: 'added',
  usedBy: SecurityUI,
});

export const mfaValidateBackup = defineEndpoint({
  operation: 'mfa.validateBackup',
  method: 'POST',
  path: '/auth/mfa/validate-backup',
  summary:
    'Use a backup code in place of the authenticator: it is consumed and opens the re-auth window (at sign-in, use /auth/login/mfa)',
  body: MfaBackupValidateBody,
  response: MfaBackupValidated,
  errors: [409, 422, 423],
  auth: Auth.session,
  retry: Retry.never,
  origin: 'S',
  usedBy: SecurityUI,
});

export const mfaReset = defineEndpoint({
  operation: 'mfa.reset',
  method: 'POST',
  path: '/auth/mfa-reset',
  summary:
    'Lost-device MFA reset, by step: request (with the sign-in mfa_token), confirm (emailed token, starts the waiting period), cancel',
  body: MfaResetBody,
  response: MfaReset,
  errors: [409, 410],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-sign-in', 'reel-account-security'],
});

export const mfaCancelReset = defineEndpoint({
  operation: 'mfa.cancelReset',
  method: 'DELETE',
  path: '/auth/mfa-reset',
  summary: 'Cancel a pending lost-device reset from a signed-in session (the owner still has the device)',
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'added',
  usedBy: SecurityUI,
});

export const mfaRecoveryCodes = defineEndpoint({
  operation: 'mfa.recoveryCodes',
  method: 'GET',
  path: '/auth/recovery-codes',
  summary: 'The current backup-code set code by code: last characters, used or not, when and where',
  response: RecoveryCodes,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

/**
 * Two-factor authentication with TOTP and backup codes (§16). Wrong, expired or replayed codes
 * answer 422; repeated failures lock MFA attempts for a while (423 with `details.hint.retry_after`).
 */
export const mfa = {
  status: mfaStatus,
  setup: mfaSetup,
  verify: mfaVerify,
  disable: mfaDisable,
  backupCodes: mfaBackupCodes,
  regenerateBackupCodes: mfaRegenerateBackupCodes,
  validateBackup: mfaValidateBackup,
  reset: mfaReset,
  cancelReset: mfaCancelReset,
  recoveryCodes: mfaRecoveryCodes,
} as const;

export const sessionsList = defineEndpoint({
  operation: 'sessions.list',
  method: 'GET',
  path: '/auth/sessions',
  summary: 'Active sessions with device, browser, IP, approximate location and last activity; this one marked',
  response: AccountSessionList,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const sessionsRevoke = defineEndpoint({
  operation: 'sessions.revoke',
  method: 'DELETE',
  path: '/auth/sessions/{session_id}',
  summary: "Sign out one session (this one too, which signs you out); another account's session answers 404",
  params: z.object({ session_id: Id }),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const sessionsRevokeAll = defineEndpoint({
  operation: 'sessions.revokeAll',
  method: 'POST',
  path: '/auth/sessions/revoke-all',
  summary: 'Sign out everywhere, this session included',
  response: SessionsRevoked,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const sessionsRevokeOthers = defineEndpoint({
  operation: 'sessions.revokeOthers',
  method: 'POST',
  path: '/auth/sessions/revoke-others',
  summary: 'Sign out every session but this one',
  response: SessionsRevoked,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

/** Where you are signed in (§19). Revoking a session ends its refresh family at once. */
export const sessions = {
  list: sessionsList,
  revoke: sessionsRevoke,
  revokeAll: sessionsRevokeAll,
  revokeOthers: sessionsRevokeOthers,
} as const;

export const devicesList = defineEndpoint({
  operation: 'devices.list',
  method: 'GET',
  path: '/users/me/devices',
  summary: 'Devices that have signed in, with last activity, session count and trust; this one marked',
  response: AccountDeviceList,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const devicesRemove = defineEndpoint({
  operation: 'devices.remove',
  method: 'DELETE',
  path: '/users/me/devices/{device_id}',
  summary: 'Forget a device: its sessions are signed out and its MFA trust removed',
  params: z.object({ device_id: Id }),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const devicesRevokeAll = defineEndpoint({
  operation: 'devices.revokeAll',
  method: 'POST',
  path: '/users/me/devices/revoke-all',
  summary: 'Sign out every device (optionally keeping this one) and remove their MFA trust',
  body: DevicesRevokeAllBody,
  response: DevicesRevoked,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const devicesSessions = defineEndpoint({
  operation: 'devices.sessions',
  method: 'GET',
  path: '/users/me/devices/sessions',
  summary: 'Active sessions grouped by device',
  query: z.object({ device_id: z.optional(Id) }),
  response: AccountDeviceSessions,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

/** Browsers and apps that have signed in (§5). */
export const devices = {
  list: devicesList,
  remove: devicesRemove,
  revokeAll: devicesRevokeAll,
  sessions: devicesSessions,
} as const;

export const accountDeactivate = defineEndpoint({
  operation: 'account.deactivate',
  method: 'POST',
  path: '/auth/account/deactivate',
  summary:
    'Deactivate the account (announced by email); every session is signed out; signing in again offers to reactivate',
  body: AccountLeaveBody,
  response: AccountDeactivated,
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const accountReactivate = defineEndpoint({
  operation: 'account.reactivate',
  method: 'POST',
  path: '/auth/account/reactivate',
  summary: 'Reactivate a deactivated account, or cancel a deletion still in its grace period',
  response: AccountReactivated,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-account-security', 'reel-shell'],
});

export const accountDeletionPlan = defineEndpoint({
  operation: 'account.deletionPlan',
  method: 'GET',
  path: '/auth/account/deletion',
  summary: 'What deleting the account removes and keeps, the grace period, and a deletion already scheduled',
  response: AccountDeletionPlan,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'added',
  usedBy: SecurityUI,
});

export const accountDelete = defineEndpoint({
  operation: 'account.delete',
  method: 'POST',
  path: '/auth/account/delete',
  summary:
    'Schedule deletion after the grace period (typed email confirmation, 422 if it differs); every session is signed out, announced by email',
  body: AccountDeleteBody,
  status: 202,
  response: AccountDeletionScheduled,
  errors: [409, 422],
  auth: Auth.session,
  reauth: true,
  retry: Retry.never,
  origin: 'S',
  usedBy: SecurityUI,
});

export const accountActivity = defineEndpoint({
  operation: 'account.activity',
  method: 'GET',
  path: '/auth/activity',
  summary: 'Sign-in attempts, successes and failures, with where and how; newest first',
  query: z.extend(PageQuery, LoginActivityQuery.def.shape),
  response: page(LoginActivity),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const accountAuditLog = defineEndpoint({
  operation: 'account.auditLog',
  method: 'GET',
  path: '/auth/audit-log',
  summary:
    'Security events (password, MFA, email, sessions, devices, account), filtered by kind and date; newest first',
  query: z.extend(PageQuery, SecurityAuditQuery.def.shape),
  response: page(SecurityAuditEvent),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const accountTrustedDevices = defineEndpoint({
  operation: 'account.trustedDevices',
  method: 'GET',
  path: '/auth/trusted-devices',
  summary: 'Browsers that skip the MFA step, until when, last used',
  response: z.object({ items: z.array(TrustedDevice) }),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: SecurityUI,
});

export const accountRemoveTrustedDevice = defineEndpoint({
  operation: 'account.removeTrustedDevice',
  method: 'DELETE',
  path: '/auth/trusted-devices/{id}',
  summary: 'Remove MFA trust from a browser; its next sign-in asks for a code',
  params: z.object({ id: Id }),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: SecurityUI,
});

/**
 * The account's lifecycle, login activity, security audit log and trusted devices (§20).
 * Signing in to a deactivated or pending-deletion account succeeds with `user.status` saying so;
 * the shell then offers `account.reactivate`.
 */
export const account = {
  deactivate: accountDeactivate,
  reactivate: accountReactivate,
  deletionPlan: accountDeletionPlan,
  delete: accountDelete,
  activity: accountActivity,
  auditLog: accountAuditLog,
  trustedDevices: accountTrustedDevices,
  removeTrustedDevice: accountRemoveTrustedDevice,
} as const;
