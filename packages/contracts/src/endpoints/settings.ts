import * as z from 'zod/mini';
import { Id } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import {
  AccountSettings,
  AccountSettingsPatch,
  ProfileIdParams,
  ProfileSettings,
  ProfileSettingsPatch,
  SeriesPreference,
  SeriesPreferenceBody,
} from '../schemas/viewer.js';

const SeriesParams = z.object({ profile_id: Id, title_id: Id });

export const settingsAccount = defineEndpoint({
  operation: 'settings.account',
  method: 'GET',
  path: '/users/me/settings',
  summary: 'Account settings: UI language, email preferences, privacy',
  response: AccountSettings,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-settings', 'reel-auth-provider'],
});

export const settingsUpdateAccount = defineEndpoint({
  operation: 'settings.updateAccount',
  method: 'PATCH',
  path: '/users/me/settings',
  summary: 'Change account settings; fields left out keep their value',
  body: AccountSettingsPatch,
  response: AccountSettings,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-settings'],
});

export const settingsProfile = defineEndpoint({
  operation: 'settings.profile',
  method: 'GET',
  path: '/users/{profile_id}/settings',
  summary: "A profile's settings: playback, subtitle appearance, language priorities, parental controls",
  params: ProfileIdParams,
  response: ProfileSettings,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-settings', 'reel-player'],
});

export const settingsUpdateProfile = defineEndpoint({
  operation: 'settings.updateProfile',
  method: 'PATCH',
  path: '/users/{profile_id}/settings',
  summary:
    "Change a profile's settings; fields left out keep their value. Changes to parental controls need a recent re-authentication",
  params: ProfileIdParams,
  body: ProfileSettingsPatch,
  response: ProfileSettings,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-settings', 'reel-player'],
});

export const settingsSeriesPreference = defineEndpoint({
  operation: 'settings.seriesPreference',
  method: 'GET',
  path: '/users/{profile_id}/series-preferences/{title_id}',
  summary: "The audio and subtitle choice remembered for a series, or the one the profile's language priorities give",
  params: SeriesParams,
  response: SeriesPreference,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-player'],
});

export const settingsSetSeriesPreference = defineEndpoint({
  operation: 'settings.setSeriesPreference',
  method: 'PUT',
  path: '/users/{profile_id}/series-preferences/{title_id}',
  summary: 'Remember the audio and subtitle choice for a series (the player calls it when the viewer picks a track)',
  params: SeriesParams,
  body: SeriesPreferenceBody,
  response: SeriesPreference,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-player'],
});

/** Settings (§34): the account's (language, email, privacy) and each profile's (playback, subtitles, languages, parental). */
export const settings = {
  account: settingsAccount,
  updateAccount: settingsUpdateAccount,
  profile: settingsProfile,
  updateProfile: settingsUpdateProfile,
  seriesPreference: settingsSeriesPreference,
  setSeriesPreference: settingsSetSeriesPreference,
} as const;
