// Settings (§34): the account's (UI language, email, privacy) and each profile's (playback,
// subtitle appearance, language priorities, parental controls), and the audio/subtitle choice
// remembered per series. Stored as the fields that were changed, merged over the defaults here,
// so a new default reaches everyone who never touched it.
import type {
  AccountSettings,
  AccountSettingsPatch,
  PlayerPreferences,
  ProfileSettings,
  ProfileSettingsPatch,
  SeriesPreference,
  SeriesPreferenceBody,
  SettingsLanguages,
  SettingsPlayback,
  SettingsSubtitleAppearance,
  TitleSummary,
} from '@reel/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accountSettings, profileSettings, profiles, seriesPreferences, titles, users } from '../db/schema/index.js';
import { badRequest, notFound, reauthRequired } from '../http/errors.js';

export const DEFAULT_EMAIL: AccountSettings['email'] = {
  product_updates: true,
  offers: false,
  weekly_digest: true,
  surveys: false,
};
export const DEFAULT_PRIVACY: AccountSettings['privacy'] = {
  record_viewing_activity: true,
  personalized_recommendations: true,
  show_watched_badge: true,
  usage_analytics: true,
  playback_diagnostics: true,
};
export const DEFAULT_PLAYBACK: SettingsPlayback = {
  autoplay_next_episode: true,
  autoplay_previews: true,
  skip_intros: false,
  skip_recaps: false,
  skip_filler: false,
  still_watching_after_episodes: 3,
  data_usage: 'auto',
  download_quality: 'standard',
  download_wifi_only: true,
};
export const DEFAULT_SUBTITLE_APPEARANCE: SettingsSubtitleAppearance = {
  size: 'medium',
  font: 'default',
  color: '#ffffff',
  opacity: 1,
  background_color: '#000000',
  background_opacity: 0.5,
  window_color: '#000000',
  window_opacity: 0,
  edge: 'drop_shadow',
};

/** Keeps only the keys of `defaults` (stored JSON written by an older version may carry others). */
function merged<T extends object>(defaults: T, stored: Record<string, unknown> | null | undefined): T {
  const out = { ...defaults } as Record<string, unknown>;
  for (const key of Object.keys(defaults)) if (stored && stored[key] !== undefined) out[key] = stored[key];
  return out as T;
}

const defined = <T extends object>(patch: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** What the profile update of parental controls needs from the profiles service (maturity, PIN). */
export interface ParentalWriter {
  update(
    userId: string,
    profileId: string,
    input: { maturity_level?: number; pin?: string | null },
    options: { reauthFresh: boolean; activeProfileId: string | null },
  ): Promise<unknown>;
}

export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly titleSummaries: (ids: string[], profileId: string) => Promise<TitleSummary[]>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ------------------------------------------------------------------------------- account

  async account(userId: string): Promise<AccountSettings> {
    const [user] = await this.db.select({ language: users.language }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('That account');
    const [row] = await this.db.select().from(accountSettings).where(eq(accountSettings.userId, userId));
    return {
      ui_language: user.language,
      email: merged(DEFAULT_EMAIL, row?.email),
      privacy: merged(DEFAULT_PRIVACY, row?.privacy),
      updated_at: (row?.updatedAt ?? new Date(0)).toISOString(),
    };
  }

  async updateAccount(userId: string, patch: AccountSettingsPatch): Promise<AccountSettings> {
    const current = await this.account(userId);
    const now = this.now();
    if (patch.ui_language !== undefined) {
      await this.db.update(users).set({ language: patch.ui_language }).where(eq(users.id, userId));
    }
    const email = { ...current.email, ...defined(patch.email) };
    const privacy = { ...current.privacy, ...defined(patch.privacy) };
    await this.db
      .insert(accountSettings)
      .values({ userId, email, privacy, updatedAt: now })
      .onConflictDoUpdate({ target: accountSettings.userId, set: { email, privacy, updatedAt: now } });
    return this.account(userId);
  }

  // ------------------------------------------------------------------------------- profile

  async profile(profileId: string): Promise<ProfileSettings> {
    const [p] = await this.db
      .select({
        id: profiles.id,
        language: profiles.language,
        maturityLevel: profiles.maturityLevel,
        pinHash: profiles.pinHash,
      })
      .from(profiles)
      .where(eq(profiles.id, profileId));
    if (!p) throw notFound('That profile');
    const [row] = await this.db.select().from(profileSettings).where(eq(profileSettings.profileId, profileId));
    const languages = merged<SettingsLanguages>(
      { audio: [p.language], subtitles: [p.language], prefer_original_audio: false, subtitle_mode: 'off' },
      row?.languages,
    );
    const blocked = row?.blockedTitleIds.length ? await this.titleSummaries(row.blockedTitleIds, profileId) : [];
    return {
      profile_id: profileId,
      playback: merged(DEFAULT_PLAYBACK, row?.playback),
      subtitle_appearance: merged(DEFAULT_SUBTITLE_APPEARANCE, row?.subtitleAppearance),
      languages,
      parental: { maturity_level: p.maturityLevel, has_pin: p.pinHash !== null, blocked_titles: blocked },
      updated_at: (row?.updatedAt ?? new Date(0)).toISOString(),
    };
  }

  /**
   * Changes a profile's settings. Anything under `parental` needs a fresh re-authentication (403
   * `reauth_required`), so a profile's user cannot loosen its own controls.
   */
  async updateProfile(
    userId: string,
    profileId: string,
    patch: ProfileSettingsPatch,
    parental: { writer: ParentalWriter; reauthFresh: boolean; activeProfileId: string | null },
  ): Promise<ProfileSettings> {
    const current = await this.profile(profileId);
    const p = patch.parental;
    const touchesParental =
      p && (p.maturity_level !== undefined || p.pin !== undefined || p.blocked_title_ids !== undefined);
    if (touchesParental && !parental.reauthFresh) throw reauthRequired();
    let blockedIds: string[] | undefined;
    if (p?.blocked_title_ids !== undefined) {
      blockedIds = [...new Set(p.blocked_title_ids)];
      if (blockedIds.length) {
        const found = await this.db.select({ id: titles.id }).from(titles).where(inArray(titles.id, blockedIds));
        const known = new Set(found.map((r) => r.id));
        const unknown = blockedIds.filter((id) => !known.has(id));
        if (unknown.length) {
          throw badRequest(`parental.blocked_title_ids: unknown title ${unknown[0]}`, [
            { field: 'parental.blocked_title_ids', message: `unknown title ${unknown[0]}` },
          ]);
        }
      }
    }
    if (p && (p.maturity_level !== undefined || p.pin !== undefined)) {
      await parental.writer.update(
        userId,
        profileId,
        {
          ...(p.maturity_level !== undefined ? { maturity_level: p.maturity_level } : {}),
          ...(p.pin !== undefined ? { pin: p.pin } : {}),
        },
        { reauthFresh: parental.reauthFresh, activeProfileId: parental.activeProfileId },
      );
    }
    const now = this.now();
    const values = {
      playback: { ...current.playback, ...defined(patch.playback) },
      subtitleAppearance: { ...current.subtitle_appearance, ...defined(patch.subtitle_appearance) },
      languages: { ...current.languages, ...defined(patch.languages) },
      ...(blockedIds !== undefined ? { blockedTitleIds: blockedIds } : {}),
      updatedAt: now,
    };
    await this.db
      .insert(profileSettings)
      .values({ profileId, ...values })
      .onConflictDoUpdate({ target: profileSettings.profileId, set: values });
    return this.profile(profileId);
  }

  // ------------------------------------------------------------------------------- series

  async seriesPreference(profileId: string, titleId: string): Promise<SeriesPreference> {
    const [title] = await this.db.select({ id: titles.id }).from(titles).where(eq(titles.id, titleId));
    if (!title) throw notFound('That title');
    const [row] = await this.db
      .select()
      .from(seriesPreferences)
      .where(and(eq(seriesPreferences.profileId, profileId), eq(seriesPreferences.titleId, titleId)));
    if (row) {
      return {
        title_id: titleId,
        audio_language: row.audioLanguage,
        subtitle_language: row.subtitles === 'off' ? null : row.subtitleLanguage,
        subtitles: row.subtitles,
        remembered: true,
        updated_at: row.updatedAt.toISOString(),
      };
    }
    const { languages } = await this.profile(profileId);
    const audio = languages.audio[0] ?? null;
    const mode = languages.subtitle_mode;
    const subtitles = mode === 'always' ? 'on' : mode === 'forced_only' ? 'forced_only' : 'off';
    return {
      title_id: titleId,
      audio_language: languages.prefer_original_audio ? null : audio,
      subtitle_language: subtitles === 'off' ? null : (languages.subtitles[0] ?? null),
      subtitles,
      remembered: false,
      updated_at: null,
    };
  }

  async setSeriesPreference(profileId: string, titleId: string, body: SeriesPreferenceBody): Promise<SeriesPreference> {
    const [title] = await this.db.select({ id: titles.id }).from(titles).where(eq(titles.id, titleId));
    if (!title) throw notFound('That title');
    if (body.subtitles !== 'off' && !body.subtitle_language) {
      throw badRequest('subtitle_language: choose a language, or set subtitles to off', [
        { field: 'subtitle_language', message: 'choose a language, or set subtitles to off' },
      ]);
    }
    const now = this.now();
    const values = {
      audioLanguage: body.audio_language,
      subtitleLanguage: body.subtitles === 'off' ? null : body.subtitle_language,
      subtitles: body.subtitles,
      updatedAt: now,
    };
    await this.db
      .insert(seriesPreferences)
      .values({ profileId, titleId, ...values })
      .onConflictDoUpdate({ target: [seriesPreferences.profileId, seriesPreferences.titleId], set: values });
    return this.seriesPreference(profileId, titleId);
  }

  /**
   * What the player starts with (`preferences` of an enhanced session): the series' remembered
   * choice, else the profile's priorities, and the playback switches.
   */
  async playerPreferences(profileId: string, titleId: string): Promise<PlayerPreferences> {
    const settings = await this.profile(profileId);
    const series = await this.seriesPreference(profileId, titleId);
    return {
      audio_language: series.audio_language,
      subtitle_language: series.subtitle_language,
      subtitles: series.subtitles,
      source: series.remembered ? 'series' : 'profile',
      language_order: settings.languages.audio,
      skip_intros: settings.playback.skip_intros,
      skip_recaps: settings.playback.skip_recaps,
      skip_filler: settings.playback.skip_filler,
      autoplay_next: settings.playback.autoplay_next_episode,
      still_watching_after: settings.playback.still_watching_after_episodes,
    };
  }
}
