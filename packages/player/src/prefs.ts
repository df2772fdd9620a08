// The profile's subtitle appearance and the per-series audio/subtitle memory, through the
// session's API client. Loaded lazily (it brings the contract's endpoint definitions).
import type { Transport } from '@reel/client';
import {
  type SeriesPreference,
  type SeriesPreferenceBody,
  type SettingsSubtitleAppearance,
  settingsProfile,
  settingsSeriesPreference,
  settingsSetSeriesPreference,
  settingsUpdateProfile,
} from '@reel/contracts';

const rgba = (hex: string, alpha: number): string => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
};

const SCALE = { small: '0.75', medium: '1', large: '1.3', x_large: '1.6' } as const;
const FONT: Record<SettingsSubtitleAppearance['font'], string> = {
  default: 'inherit',
  sans_serif: 'Helvetica, Arial, sans-serif',
  serif: 'Georgia, "Times New Roman", serif',
  monospace: 'ui-monospace, Menlo, Consolas, monospace',
  casual: '"Comic Sans MS", "Comic Neue", casual, sans-serif',
  cursive: '"Brush Script MT", cursive',
  small_caps: 'inherit',
};
const EDGE: Record<SettingsSubtitleAppearance['edge'], string> = {
  none: 'none',
  drop_shadow: '0.06em 0.06em 0.12em rgb(0 0 0 / 0.95)',
  raised: '-1px -1px 0 rgb(255 255 255 / 0.35), 1px 1px 0 rgb(0 0 0 / 0.9)',
  depressed: '1px 1px 0 rgb(255 255 255 / 0.35), -1px -1px 0 rgb(0 0 0 / 0.9)',
  outline: '-1px -1px 0 #000, 1px -1px 0 #000, -1px 1px 0 #000, 1px 1px 0 #000',
};

/** CSS custom properties for the subtitle box from the appearance settings. */
export function appearanceStyle(a: SettingsSubtitleAppearance): Record<string, string> {
  return {
    '--sub-scale': SCALE[a.size],
    '--sub-color': rgba(a.color, a.opacity),
    '--sub-bg': rgba(a.background_color, a.background_opacity),
    '--sub-font': FONT[a.font],
    '--sub-variant': a.font === 'small_caps' ? 'small-caps' : 'normal',
    '--sub-edge': EDGE[a.edge],
    '--sub-window': rgba(a.window_color, a.window_opacity),
  };
}

export async function subtitleAppearance(client: Transport, profileId: string): Promise<Record<string, string>> {
  const settings = await client.call(settingsProfile, { params: { profile_id: profileId } });
  return appearanceStyle(settings.subtitle_appearance);
}

export async function saveSeriesPreference(
  client: Transport,
  profileId: string,
  titleId: string,
  body: SeriesPreferenceBody,
): Promise<void> {
  await client.call(settingsSetSeriesPreference, { params: { profile_id: profileId, title_id: titleId }, body });
}

/** The audio and subtitle choice remembered for a series (or the profile's priorities). */
export function seriesPreference(client: Transport, profileId: string, titleId: string): Promise<SeriesPreference> {
  return client.call(settingsSeriesPreference, { params: { profile_id: profileId, title_id: titleId } });
}

/** The profile's playback switches the player offers in its menu (merged into its settings). */
export type PlaybackSwitch = 'skip_intros' | 'skip_recaps' | 'skip_filler' | 'autoplay_next_episode';

export async function savePlaybackSwitch(
  client: Transport,
  profileId: string,
  name: PlaybackSwitch,
  on: boolean,
): Promise<void> {
  await client.call(settingsUpdateProfile, { params: { profile_id: profileId }, body: { playback: { [name]: on } } });
}
