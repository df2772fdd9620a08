import {
  settingsAccount,
  settingsProfile,
  settingsSeriesPreference,
  settingsSetSeriesPreference,
  settingsUpdateAccount,
  settingsUpdateProfile,
} from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle, REAUTH_WINDOW_MS } from '../http/route.js';
import { accountServices } from '../services/auth.js';
import { SettingsService } from '../services/settings.js';

/**
 * Settings (§34): the account's (language, email, privacy), each profile's (playback, subtitle
 * appearance, language priorities, parental controls) and the audio/subtitle choice the player
 * remembers per series.
 */
export function registerSettingsRoutes(app: FastifyInstance): void {
  const settings = new SettingsService(app.db, async (ids) =>
    // Blocked titles are listed whatever their rating (that is why they are blocked).
    app.catalog.summariesByIds(ids, { ...(await app.catalog.viewer(null)), maturityCeiling: 18 }),
  );

  handle(app, settingsAccount, async ({ principal }) => settings.account(principal.userId));
  handle(app, settingsUpdateAccount, async ({ principal, body }) => settings.updateAccount(principal.userId, body));
  handle(app, settingsProfile, async ({ params }) => settings.profile(params.profile_id));
  handle(app, settingsUpdateProfile, async ({ principal, params, body }) =>
    settings.updateProfile(principal.userId, params.profile_id, body, {
      writer: accountServices(app).profiles,
      reauthFresh: principal.reauthAt !== null && Date.now() - principal.reauthAt.getTime() <= REAUTH_WINDOW_MS,
      activeProfileId: principal.profileId,
    }),
  );
  handle(app, settingsSeriesPreference, async ({ params }) =>
    settings.seriesPreference(params.profile_id, params.title_id),
  );
  handle(app, settingsSetSeriesPreference, async ({ params, body }) =>
    settings.setSeriesPreference(params.profile_id, params.title_id, body),
  );
}
