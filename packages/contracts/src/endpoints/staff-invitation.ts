import * as z from 'zod/mini';
import { Email, Timestamp } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { NewPassword, TokenResponse } from '../schemas/account.js';
import { EmailLinkTokenBody } from '../schemas/security.js';

// The page an emailed staff invitation opens (§21). A module of its own, so that the sign-in
// elements' bundle does not carry it.

/** What the invitation page shows before the password is set. */
export const StaffInvitationStatus = z.object({
  email: Email,
  display_name: z.string(),
  roles: z.array(z.string()),
  expires_at: Timestamp,
  /** MFA must be set up before any staff route answers. */
  mfa_required: z.boolean(),
});

export const authVerifyStaffInvitation = defineEndpoint({
  operation: 'staffInvitation.verify',
  method: 'POST',
  path: '/auth/staff-invitation/verify',
  summary: 'Check a staff invitation link before the password form is shown (does not use it up); 410 when unusable',
  body: EmailLinkTokenBody,
  response: StaffInvitationStatus,
  errors: [410],
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'admin',
  usedBy: ['reel-staff-invitation'],
});

export const authAcceptStaffInvitation = defineEndpoint({
  operation: 'staffInvitation.accept',
  method: 'POST',
  path: '/auth/staff-invitation/accept',
  summary:
    'Use a staff invitation link: sets the password and signs in; staff routes answer once MFA is set up. 410 when the link is expired or used, 422 for a rejected password',
  body: z.extend(EmailLinkTokenBody, {
    password: NewPassword,
    display_name: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  }),
  response: TokenResponse,
  errors: [410, 422],
  auth: Auth.public,
  retry: Retry.never,
  origin: 'admin',
  usedBy: ['reel-staff-invitation'],
});

/** A staff invitation link: check it, then use it (set the password, sign in). */
export const staffInvitation = {
  verify: authVerifyStaffInvitation,
  accept: authAcceptStaffInvitation,
} as const;
