import * as z from 'zod/mini';
import { Id } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { TokenResponse } from '../schemas/account.js';
import {
  ManagedProfile,
  ProfileAvatar,
  ProfileCreateBody,
  ProfileList,
  ProfileSwitchBody,
  ProfileUpdateBody,
} from '../schemas/viewer.js';

const ProfileParams = z.object({ profile_id: Id });

export const profilesList = defineEndpoint({
  operation: 'profiles.list',
  method: 'GET',
  path: '/users/me/profiles',
  summary: "The account's profiles, the active one, and the plan's profile limit (to explain it)",
  response: ProfileList,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-profile-gate', 'reel-profile-manager', 'reel-shell'],
});

export const profilesCreate = defineEndpoint({
  operation: 'profiles.create',
  method: 'POST',
  path: '/users/me/profiles',
  summary:
    'Create a profile. Over the plan limit: 403 entitlement_exceeded with the limit and the upgrade in details.hint; a name already used: 409',
  body: ProfileCreateBody,
  status: 201,
  response: ManagedProfile,
  errors: [409],
  auth: Auth.session,
  retry: Retry.never,
  origin: 'S',
  usedBy: ['reel-profile-manager'],
});

export const profilesUpdate = defineEndpoint({
  operation: 'profiles.update',
  method: 'PATCH',
  path: '/users/me/profiles/{profile_id}',
  summary:
    'Edit a profile. Raising its maturity level, leaving kids mode, or changing or removing its PIN needs a recent re-authentication',
  params: ProfileParams,
  body: ProfileUpdateBody,
  response: ManagedProfile,
  errors: [409],
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-profile-manager'],
});

export const profilesDelete = defineEndpoint({
  operation: 'profiles.delete',
  method: 'DELETE',
  path: '/users/me/profiles/{profile_id}',
  summary:
    "Delete a profile with its history, list, settings and reviews. The primary profile and the token's active profile answer 409",
  params: ProfileParams,
  errors: [409],
  auth: Auth.session,
  reauth: true,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-profile-manager'],
});

export const profilesSwitch = defineEndpoint({
  operation: 'profiles.switch',
  method: 'POST',
  path: '/users/me/profiles/{profile_id}/switch',
  summary:
    'Act as this profile: a new access token bound to it. A PIN-locked profile needs its PIN (403 when missing or wrong; 423 after too many wrong ones, for a while)',
  params: ProfileParams,
  body: ProfileSwitchBody,
  response: TokenResponse,
  errors: [423],
  auth: Auth.session,
  retry: Retry.never,
  origin: 'I',
  usedBy: ['reel-profile-gate', 'reel-auth-provider', 'reel-shell'],
});

export const profilesAvatars = defineEndpoint({
  operation: 'profiles.avatars',
  method: 'GET',
  path: '/profiles/avatars',
  summary: 'The avatars a profile can pick, by group',
  response: z.object({ items: z.array(ProfileAvatar) }),
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-profile-manager'],
});

/** Profiles of the signed-in account (§1). */
export const profiles = {
  list: profilesList,
  create: profilesCreate,
  update: profilesUpdate,
  delete: profilesDelete,
  switch: profilesSwitch,
  avatars: profilesAvatars,
} as const;
