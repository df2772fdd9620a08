// The player's chrome: controls, seek bar with markers, chapters and thumbnails, menus, skip
// button, next-episode card, "still watching?", subtitles and the keyboard. Loaded on the first
// intent (pointer over, focus, play), so it never weighs on the element's initial chunk.
import { msg, str } from '@lit/localize';
import type { EnhancedSession, Marker } from '@reel/contracts';
import { styleProps } from '@reel/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { EngineTrack } from './engine-api.js';
import { clock, words } from './format.js';
import { icon } from './icons.js';
import type { PlaybackSwitch } from './prefs.js';
import type { Chrome, ReelPlayer } from './reel-player.js';

type Menu = 'tracks' | 'speed' | 'quality';
type Panel = 'report' | 'shortcuts' | 'stats';

interface Ui {
  menu?: Menu | null;
  menuTrigger?: HTMLElement | null;
  hover?: { x: number; t: number } | null;
  dragging?: boolean;
  scrub?: number | null;
  skipped?: Record<string, boolean>;
  nextUntil?: number | null;
  nextCancelled?: boolean;
  still?: boolean;
  auto?: number;
  advancedAt?: number;
  input?: number;
  dialog?: Panel | null;
  stats?: boolean;
  chapters?: { start: number; end: number; title: string }[];
  chaptersFor?: string;
  appearance?: Record<string, string>;
  prefsFor?: string;
  resumeChecked?: boolean;
  tick?: number;
  lastTap?: { at: number; side: number };
  ripple?: { side: number; at: number } | null;
  lastSubtitle?: number;
  summary?: Record<string, unknown> | null;
  summaryFor?: string;
  panels?: typeof import('./panels.js');
}

export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const SKIPPABLE = ['recap', 'intro', 'credits'] as const;

const ui = (p: ReelPlayer) => p.ui as Ui;
const sessionOf = (p: ReelPlayer): EnhancedSession | undefined => p.engine?.session;
const durationOf = (p: ReelPlayer): number => {
  const d = p.video?.duration;
  return Number.isFinite(d) && d > 0 ? d : (sessionOf(p)?.duration ?? 0);
};
const markerLabel = (m: Marker): string =>
  m.kind === 'intro'
    ? msg('Skip Intro', { id: 'player.skip.intro' })
    : m.kind === 'recap'
      ? msg('Skip Recap', { id: 'player.skip.recap' })
      : msg('Skip Credits', { id: 'player.skip.credits' });
const markerName = (kind: string): string =>
  kind === 'intro'
    ? msg('Intro', { id: 'player.marker.intro' })
    : kind === 'recap'
      ? msg('Recap', { id: 'player.marker.recap' })
      : msg('Credits', { id: 'player.marker.credits' });

/** The intro / recap / credits marker at the current position, if any. */
function currentMarker(p: ReelPlayer): Marker | null {
  const t = p.video?.currentTime ?? 0;
  return (
    sessionOf(p)?.markers.find((m) => SKIPPABLE.includes(m.kind as never) && t >= m.start && t < m.end - 0.25) ?? null
  );
}

function creditsMarker(p: ReelPlayer): Marker | undefined {
  return sessionOf(p)?.markers.find((m) => m.kind === 'credits');
}

/** Whether the next-episode card is up: from the credits (or the last 10 s) to the end. */
function nextVisible(p: ReelPlayer): boolean {
  const s = sessionOf(p);
  const u = ui(p);
  if (!s?.next_episode || u.nextCancelled || u.still) return false;
  const v = p.video;
  const t = v.currentTime;
  const credits = creditsMarker(p);
  const d = durationOf(p);
  return v.ended || (credits ? t >= credits.start : d > 0 && d - t <= 10);
}

function skip(p: ReelPlayer, m: Marker | null = currentMarker(p)): void {
  if (!m) return;
  if (m.kind === 'credits' && sessionOf(p)?.next_episode) {
    goNext(p, false);
    return;
  }
  p.seek(m.end);
  p.announce(msg(str`Skipped ${markerName(m.kind)}`, { id: 'player.announce.skipped' }));
}

/** Switches to the next episode: a new session for it (the element restarts on `episode-id`). */
function goNext(p: ReelPlayer, auto: boolean): void {
  const s = sessionOf(p);
  const next = s?.next_episode;
  if (!s || !next) return;
  const u = ui(p);
  const now = Date.now();
  const untouched = (u.input ?? 0) <= (u.advancedAt ?? 0);
  const count = auto ? (untouched ? (u.auto ?? 0) + 1 : 1) : 0;
  const after = s.preferences.still_watching_after;
  if (auto && after > 0 && count >= after) {
    u.still = true;
    u.nextUntil = null;
    p.video.pause();
    p.requestUpdate();
    return;
  }
  u.auto = count;
  u.advancedAt = now;
  u.nextUntil = null;
  p.titleId = s.title.id;
  p.episodeId = next.episode.id;
  p.announce(msg(str`Playing ${next.episode.name}`, { id: 'player.announce.next' }));
}

function togglePlay(p: ReelPlayer): void {
  const v = p.video;
  if (v.paused || v.ended) {
    void p.play();
    p.announce(msg('Playing', { id: 'player.announce.playing' }));
  } else {
    p.pause();
    p.announce(msg('Paused', { id: 'player.announce.paused' }));
  }
}

function seekBy(p: ReelPlayer, delta: number): void {
  p.seek(p.video.currentTime + delta);
  p.wake();
  if (Math.abs(delta) >= 10) {
    ui(p).ripple = { side: delta < 0 ? -1 : 1, at: Date.now() };
    setTimeout(() => p.requestUpdate(), 600);
  }
}

function setVolume(p: ReelPlayer, value: number): void {
  const v = p.video;
  v.volume = Math.max(0, Math.min(1, Math.round(value * 100) / 100));
  v.muted = v.volume === 0;
  p.announce(msg(str`Volume ${Math.round(v.volume * 100)}%`, { id: 'player.announce.volume' }));
}

function toggleMute(p: ReelPlayer): void {
  const v = p.video;
  v.muted = !v.muted;
  if (!v.muted && v.volume === 0) v.volume = 0.5;
  p.announce(
    v.muted ? msg('Muted', { id: 'player.announce.muted' }) : msg('Sound on', { id: 'player.announce.unmuted' }),
  );
}

function setSpeed(p: ReelPlayer, rate: number): void {
  p.video.playbackRate = rate;
  p.announce(msg(str`Speed ${rate}×`, { id: 'player.announce.speed' }));
}

function stepSpeed(p: ReelPlayer, dir: number): void {
  const i = SPEEDS.indexOf(p.video.playbackRate);
  const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + dir))] ?? 1;
  setSpeed(p, next);
}

async function toggleFullscreen(p: ReelPlayer): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await p.requestFullscreen();
  } catch {
    // Not allowed here (an iframe without allowfullscreen): nothing to do.
  }
  p.requestUpdate();
}

async function togglePip(p: ReelPlayer): Promise<void> {
  try {
    if (document.pictureInPictureElement) await document.exitPictureInPicture();
    else await p.video.requestPictureInPicture();
  } catch {
    // Not supported or refused.
  }
}

function subtitleName(t: EngineTrack | undefined): string {
  return t ? t.name || t.language : msg('Off', { id: 'player.subtitles.off' });
}

function setSubtitle(p: ReelPlayer, id: number, remember = true): void {
  const e = p.engine;
  if (!e) return;
  e.setSubtitleTrack(id);
  if (id >= 0) ui(p).lastSubtitle = id;
  const t = e.subtitleTracks.find((x) => x.id === id);
  p.announce(msg(str`Subtitles: ${subtitleName(t)}`, { id: 'player.announce.subtitles' }));
  if (remember) void remember_(p);
  p.requestUpdate();
}

function setAudio(p: ReelPlayer, id: number): void {
  const e = p.engine;
  if (!e) return;
  e.setAudioTrack(id);
  const t = e.audioTracks.find((x) => x.id === id);
  p.announce(msg(str`Audio: ${t?.name ?? ''}`, { id: 'player.announce.audio' }));
  void remember_(p);
  p.requestUpdate();
}

function toggleCaptions(p: ReelPlayer): void {
  const e = p.engine;
  if (!e || e.subtitleTracks.length === 0) return;
  if (e.subtitleTrack >= 0) setSubtitle(p, -1);
  else
    setSubtitle(p, ui(p).lastSubtitle ?? e.subtitleTracks.find((t) => t.default)?.id ?? e.subtitleTracks[0]?.id ?? -1);
}

function setQuality(p: ReelPlayer, index: number): void {
  const e = p.engine;
  if (!e) return;
  e.setLevel(index);
  const label =
    index < 0 ? msg('Auto', { id: 'player.quality.auto' }) : (e.levels.find((l) => l.index === index)?.label ?? '');
  p.announce(msg(str`Quality: ${label}`, { id: 'player.announce.quality' }));
  p.requestUpdate();
}

/** Remembers the audio and subtitle choice for the series (server side, signed-in viewers only). */
async function remember_(p: ReelPlayer): Promise<void> {
  const s = sessionOf(p);
  const e = p.engine;
  const session = p.session;
  if (!s || !e || !s.episode || s.partner || !session?.profileId || session.status !== 'signed-in') return;
  const audio = e.audioTracks.find((t) => t.id === e.audioTrack);
  const sub = e.subtitleTracks.find((t) => t.id === e.subtitleTrack);
  const { saveSeriesPreference } = await import('./prefs.js');
  await saveSeriesPreference(session.client, session.profileId, s.title.id, {
    audio_language: audio?.language || null,
    subtitle_language: sub?.language || null,
    subtitles: sub ? 'on' : 'off',
  }).catch(() => {});
}

/** Applies the remembered (or preferred) audio and subtitle languages once tracks are known. */
function applyPreferences(p: ReelPlayer): void {
  const e = p.engine;
  const s = sessionOf(p);
  const u = ui(p);
  if (!e || !s || u.prefsFor === s.session_id) return;
  if (e.audioTracks.length === 0 && e.subtitleTracks.length === 0) return;
  u.prefsFor = s.session_id;
  const pref = s.preferences;
  apply(p, pref.audio_language, pref.subtitles, pref.subtitle_language, pref.language_order);
  // A series: the choice remembered for it on the server wins (when the session did not carry it).
  const session = p.session;
  if (s.episode && pref.source !== 'series' && !s.partner && session?.profileId && session.status === 'signed-in') {
    const sessionId = s.session_id;
    void import('./prefs.js')
      .then(({ seriesPreference }) => seriesPreference(session.client, session.profileId as string, s.title.id))
      .then((sp) => {
        if (sp.remembered && sessionOf(p)?.session_id === sessionId) {
          apply(p, sp.audio_language, sp.subtitles, sp.subtitle_language, pref.language_order);
          p.requestUpdate();
        }
      })
      .catch(() => {});
  }
}

function apply(
  p: ReelPlayer,
  audioLang: string | null,
  subtitles: string,
  subtitleLang: string | null,
  order: string[],
): void {
  const e = p.engine;
  if (!e) return;
  const match = (tracks: EngineTrack[], lang: string | null) =>
    lang ? tracks.find((t) => t.language === lang || t.language.startsWith(`${lang}-`)) : undefined;
  const audio = match(e.audioTracks, audioLang) ?? order.map((l) => match(e.audioTracks, l)).find(Boolean);
  if (audio && audio.id !== e.audioTrack) e.setAudioTrack(audio.id);
  if (subtitles === 'on') {
    const sub = match(e.subtitleTracks, subtitleLang);
    if (sub && sub.id !== e.subtitleTrack) e.setSubtitleTrack(sub.id);
  } else if (subtitles === 'off' && e.subtitleTrack >= 0) {
    e.setSubtitleTrack(-1);
  }
}

/** The profile's subtitle appearance, as CSS custom properties on the subtitle box. */
async function loadAppearance(p: ReelPlayer): Promise<void> {
  const session = p.session;
  const u = ui(p);
  if (u.appearance || !session?.profileId || session.status !== 'signed-in' || sessionOf(p)?.partner) return;
  u.appearance = {};
  const { subtitleAppearance } = await import('./prefs.js');
  u.appearance = await subtitleAppearance(session.client, session.profileId).catch(() => ({}));
  p.requestUpdate();
}

async function loadChapters(p: ReelPlayer): Promise<void> {
  const s = sessionOf(p);
  const u = ui(p);
  if (!s?.chapters_url || u.chaptersFor === s.session_id) return;
  u.chaptersFor = s.session_id;
  try {
    const text = await (await fetch(p.apiUrl(s.chapters_url), { credentials: 'omit' })).text();
    u.chapters = parseChapters(text);
    p.requestUpdate();
  } catch {
    u.chapters = [];
  }
}

/** Chapters from a WebVTT file: `00:00:01.000 --> 00:00:05.000` followed by the title. */
export function parseChapters(vtt: string): { start: number; end: number; title: string }[] {
  const time = (x: string) => x.split(':').reduce((acc, part) => acc * 60 + Number.parseFloat(part), 0);
  const out: { start: number; end: number; title: string }[] = [];
  const lines = vtt.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\d:.]+)\s+-->\s+([\d:.]+)/.exec(lines[i] ?? '');
    if (m?.[1] && m[2]) out.push({ start: time(m[1]), end: time(m[2]), title: (lines[i + 1] ?? '').trim() });
  }
  return out;
}

/** The current subtitle lines: hls.js's text tracks are hidden and drawn here, styled. */
function subtitleLines(p: ReelPlayer): string[] {
  const e = p.engine;
  if (!e || e.subtitleTrack < 0) return [];
  const lines: string[] = [];
  for (const track of Array.from(p.video.textTracks)) {
    if (track.kind !== 'subtitles' && track.kind !== 'captions') continue;
    if (track.mode === 'showing') track.mode = 'hidden';
    if (track.mode !== 'hidden') continue;
    for (const cue of Array.from(track.activeCues ?? [])) {
      const text = (cue as VTTCue).text ?? '';
      lines.push(...text.replace(/<[^>]*>/g, '').split('\n'));
    }
  }
  return lines;
}

// ------------------------------------------------------------------------------------- ticking

function tick(p: ReelPlayer): void {
  const u = ui(p);
  if (!p.isConnected) {
    clearInterval(u.tick);
    u.tick = 0;
    return;
  }
  const s = sessionOf(p);
  const v = p.video;
  if (!s || !v) return;
  // A saved position inside the intro resumes after it.
  if (!u.resumeChecked && v.readyState > 0) {
    u.resumeChecked = true;
    const intro = s.markers.find((m) => m.kind === 'intro');
    if (
      intro &&
      s.resume_source === 'history' &&
      s.resume_position >= intro.start &&
      s.resume_position < intro.end &&
      v.currentTime < intro.end
    ) {
      p.seek(intro.end);
    }
  }
  // Skip intros / recaps automatically.
  const m = currentMarker(p);
  const key = m ? `${s.session_id}:${m.kind}:${m.start}` : '';
  u.skipped ??= {};
  if (m && !u.skipped[key] && !v.paused) {
    const auto = (m.kind === 'intro' && s.preferences.skip_intros) || (m.kind === 'recap' && s.preferences.skip_recaps);
    if (auto) {
      u.skipped[key] = true;
      skip(p, m);
    }
  }
  // The next-episode countdown (paused while the video is paused, not at the end).
  if (nextVisible(p) && s.preferences.autoplay_next) {
    const now = Date.now();
    if (!u.nextUntil) u.nextUntil = now + (s.next_episode?.countdown ?? 10) * 1000;
    else if (v.paused && !v.ended) u.nextUntil += 250;
    if (now >= u.nextUntil) goNext(p, true);
    p.requestUpdate();
  } else if (u.nextUntil && !nextVisible(p)) {
    u.nextUntil = null;
  }
  if (u.stats) p.requestUpdate();
}

// ---------------------------------------------------------------------------------- keyboard

const isField = (el: EventTarget | undefined) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

function onKey(p: ReelPlayer, e: KeyboardEvent): void {
  p.wake();
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const target = e.composedPath()[0];
  if (isField(target) || ui(p).dialog) return;
  const el = target instanceof HTMLElement ? target : null;
  const role = el?.getAttribute('role');
  if (role === 'menuitemradio' || role === 'menuitemcheckbox') return; // the menu's own keys
  const k = e.key;
  const name = k === ' ' ? 'space' : k;
  const off = p.disabledShortcuts;
  if (off.includes(name) || off.includes(k) || off.includes(k.toLowerCase())) return;
  const v = p.video;
  if (!v || !p.engine) return;
  const onButton = el instanceof HTMLButtonElement;
  const volumeSlider = el?.classList.contains('volume');
  let handled = true;
  switch (k) {
    case ' ':
    case 'Enter':
      if (onButton || k === 'Enter') handled = false;
      else togglePlay(p);
      break;
    case 'k':
    case 'K':
      togglePlay(p);
      break;
    case 'f':
    case 'F':
      void toggleFullscreen(p);
      break;
    case 'm':
    case 'M':
      toggleMute(p);
      break;
    case 'c':
    case 'C':
      toggleCaptions(p);
      break;
    case 'i':
    case 'I':
      void togglePip(p);
      break;
    case 's':
    case 'S':
      skip(p);
      break;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const dir = k === 'ArrowLeft' ? -1 : 1;
      if (volumeSlider) setVolume(p, v.volume + dir * 0.05);
      else seekBy(p, dir * 5);
      break;
    }
    case 'j':
    case 'J':
      seekBy(p, -10);
      break;
    case 'l':
    case 'L':
      seekBy(p, 10);
      break;
    case 'ArrowUp':
    case 'ArrowDown':
      setVolume(p, v.volume + (k === 'ArrowUp' ? 0.1 : -0.1));
      break;
    case 'Home':
      p.seek(0);
      break;
    case 'End':
      p.seek(durationOf(p));
      break;
    case '<':
    case ',':
      if (k === '<' || e.shiftKey) stepSpeed(p, -1);
      else handled = false;
      break;
    case '>':
    case '.':
      if (k === '>' || e.shiftKey) stepSpeed(p, 1);
      else handled = false;
      break;
    case '?':
      open(p, 'shortcuts');
      break;
    case 'Escape':
      if (ui(p).menu) closeMenu(p);
      else if (ui(p).stats) ui(p).stats = false;
      else if (document.fullscreenElement) void toggleFullscreen(p);
      else handled = false;
      break;
    default:
      if (/^[0-9]$/.test(k)) p.seek((durationOf(p) * Number(k)) / 10);
      else handled = false;
  }
  if (handled) {
    e.preventDefault();
    p.requestUpdate();
  }
}

// ------------------------------------------------------------------------------------- menus

function openMenu(p: ReelPlayer, menu: Menu, e: Event): void {
  const u = ui(p);
  if (u.menu === menu) {
    closeMenu(p);
    return;
  }
  u.menu = menu;
  u.menuTrigger = e.currentTarget as HTMLElement;
  p.requestUpdate();
  void p.updateComplete.then(() => {
    const items = menuItems(p);
    (items.find((i) => i.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
  });
}

function closeMenu(p: ReelPlayer, focusBack = true): void {
  const u = ui(p);
  const trigger = u.menuTrigger;
  u.menu = null;
  u.menuTrigger = null;
  p.requestUpdate();
  if (focusBack) trigger?.focus();
}

function menuItems(p: ReelPlayer): HTMLElement[] {
  return Array.from(p.renderRoot.querySelectorAll<HTMLElement>('.menu [role^="menuitem"]'));
}

function onMenuKey(p: ReelPlayer, e: KeyboardEvent): void {
  const items = menuItems(p);
  const i = items.indexOf(e.composedPath()[0] as HTMLElement);
  let next = -1;
  switch (e.key) {
    case 'ArrowDown':
      next = (i + 1) % items.length;
      break;
    case 'ArrowUp':
      next = (i - 1 + items.length) % items.length;
      break;
    case 'ArrowRight':
    case 'ArrowLeft': {
      // Between the audio and subtitle columns.
      const column = (e.composedPath()[0] as HTMLElement).closest('[role="menu"]');
      const groups = Array.from(p.renderRoot.querySelectorAll('.menu [role="menu"]'));
      const other = groups[(groups.indexOf(column as Element) + 1) % groups.length];
      const target =
        other?.querySelector<HTMLElement>('[aria-checked="true"]') ??
        other?.querySelector<HTMLElement>('[role^="menuitem"]');
      if (target && other !== column) next = items.indexOf(target);
      break;
    }
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = items.length - 1;
      break;
    case 'Escape':
      e.preventDefault();
      e.stopPropagation();
      closeMenu(p);
      return;
    case 'Tab':
      closeMenu(p, false);
      return;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation();
  items[next]?.focus();
}

function item(checked: boolean, label: string | TemplateResult, pick: () => void, disabled = false): TemplateResult {
  return html`<button
    role="menuitemradio"
    aria-checked=${checked ? 'true' : 'false'}
    aria-disabled=${disabled ? 'true' : 'false'}
    class="item"
    tabindex="-1"
    @click=${() => {
      if (!disabled) pick();
    }}
  >
    <span class="tick">${checked ? icon('check') : nothing}</span>${label}
  </button>`;
}

/** The profile's playback switches, in the settings menu of a signed-in viewer (not on partner pages). */
function renderSwitches(p: ReelPlayer): TemplateResult | typeof nothing {
  const s = sessionOf(p);
  const session = p.session;
  if (!s || s.partner || !session?.profileId || session.status !== 'signed-in') return nothing;
  const pref = s.preferences;
  const switches: [PlaybackSwitch, keyof typeof pref, string][] = [
    ['skip_intros', 'skip_intros', msg('Skip intros automatically', { id: 'player.switch.intros' })],
    ['skip_recaps', 'skip_recaps', msg('Skip recaps automatically', { id: 'player.switch.recaps' })],
  ];
  if (s.title.type === 'anime')
    switches.push(['skip_filler', 'skip_filler', msg('Skip filler episodes', { id: 'player.switch.filler' })]);
  if (s.episode)
    switches.push([
      'autoplay_next_episode',
      'autoplay_next',
      msg('Play the next episode automatically', { id: 'player.switch.next' }),
    ]);
  return html`<hr />
    <div role="group" aria-label=${msg('Playback', { id: 'player.switch.group' })}>
    ${switches.map(([name, field, label]) => {
      const on = pref[field] === true;
      return html`<button
        role="menuitemcheckbox"
        class="item"
        tabindex="-1"
        data-switch=${name}
        aria-checked=${on ? 'true' : 'false'}
        @click=${() => {
          (pref as Record<string, unknown>)[field] = !on;
          p.announce(
            on
              ? msg(str`${label}: off`, { id: 'player.switch.off' })
              : msg(str`${label}: on`, { id: 'player.switch.on' }),
          );
          p.requestUpdate();
          void import('./prefs.js')
            .then(({ savePlaybackSwitch }) =>
              savePlaybackSwitch(session.client, session.profileId as string, name, !on),
            )
            .catch(() => {
              (pref as Record<string, unknown>)[field] = on;
              p.announce(msg('Couldn’t save that setting', { id: 'player.switch.failed' }));
              p.requestUpdate();
            });
        }}
      >
        <span class="tick">${on ? icon('check') : nothing}</span>${label}
      </button>`;
    })}
    </div>`;
}

function renderMenu(p: ReelPlayer): TemplateResult | typeof nothing {
  const u = ui(p);
  const e = p.engine;
  if (!u.menu || !e) return nothing;
  const close = (fn: () => void) => () => {
    fn();
    closeMenu(p);
  };
  let body: TemplateResult;
  let label: string;
  if (u.menu === 'tracks') {
    label = msg('Audio and subtitles', { id: 'player.menu.tracks' });
    body = html`<div class="columns">
      <div>
        <h3 id="m-audio">${msg('Audio', { id: 'player.menu.audio' })}</h3>
        <div role="menu" aria-labelledby="m-audio">
          ${e.audioTracks.map((t) =>
            item(
              t.id === e.audioTrack,
              t.name || t.language,
              close(() => setAudio(p, t.id)),
            ),
          )}
        </div>
      </div>
      <div>
        <h3 id="m-subs">${msg('Subtitles', { id: 'player.menu.subtitles' })}</h3>
        <div role="menu" aria-labelledby="m-subs">
          ${item(
            e.subtitleTrack < 0,
            msg('Off', { id: 'player.subtitles.off' }),
            close(() => setSubtitle(p, -1)),
          )}
          ${e.subtitleTracks.map((t) =>
            item(
              t.id === e.subtitleTrack,
              subtitleName(t),
              close(() => setSubtitle(p, t.id)),
            ),
          )}
        </div>
      </div>
    </div>`;
  } else if (u.menu === 'speed') {
    label = msg('Playback speed', { id: 'player.menu.speed' });
    body = html`<h3 id="m-h">${label}</h3>
      <div role="menu" aria-labelledby="m-h">
        ${SPEEDS.map((r) =>
          item(
            p.video.playbackRate === r,
            r === 1 ? msg('1× (Normal)', { id: 'player.speed.normal' }) : `${r}×`,
            close(() => setSpeed(p, r)),
          ),
        )}
      </div>`;
  } else {
    label = msg('Quality', { id: 'player.menu.quality' });
    const allowed = new Map((sessionOf(p)?.qualities ?? []).map((q) => [q.label, q.allowed]));
    const levels = [...e.levels].sort((a, b) => b.height - a.height);
    const current = e.levels.find((l) => l.index === e.currentLevel)?.label;
    body = html`<h3 id="m-h">${label}</h3>
      <div role="menu" aria-labelledby="m-h">
      ${item(
        e.autoLevel,
        html`${msg('Auto', { id: 'player.quality.auto' })}${e.autoLevel && current ? html` <small>${current}</small>` : nothing}`,
        close(() => setQuality(p, -1)),
      )}
      ${levels.map((l) => {
        const ok = allowed.get(l.label as never) !== false;
        return item(
          !e.autoLevel && l.index === e.currentLevel,
          html`${l.label}${ok ? nothing : html` <small>${msg('Upgrade your plan', { id: 'player.quality.upgrade' })}</small>`}`,
          close(() => setQuality(p, l.index)),
          !ok,
        );
      })}
      <hr />
      <button
        role="menuitemcheckbox"
        class="item"
        tabindex="-1"
        aria-checked=${u.stats ? 'true' : 'false'}
        @click=${close(() => {
          u.stats = !u.stats;
        })}
      >
        <span class="tick">${u.stats ? icon('check') : nothing}</span>${msg('Stats for nerds', { id: 'player.stats' })}
      </button>
      ${renderSwitches(p)}
      </div>`;
  }
  return html`<div
    class="menu ${u.menu}"
    @keydown=${(ev: KeyboardEvent) => onMenuKey(p, ev)}
    @focusout=${(ev: FocusEvent) => {
      const to = ev.relatedTarget as Node | null;
      if (to && !(ev.currentTarget as HTMLElement).contains(to) && to !== u.menuTrigger) closeMenu(p, false);
    }}
  >
    ${body}
  </div>`;
}

// ----------------------------------------------------------------------------------- seeking

function timeAt(p: ReelPlayer, bar: HTMLElement, clientX: number): { t: number; x: number } {
  const r = bar.getBoundingClientRect();
  const rtl = getComputedStyle(bar).direction === 'rtl';
  let f = Math.max(0, Math.min(1, (clientX - r.left) / r.width));
  if (rtl) f = 1 - f;
  return { t: f * durationOf(p), x: (rtl ? 1 - f : f) * r.width };
}

function seekEvents(p: ReelPlayer) {
  const u = ui(p);
  return {
    down: (e: PointerEvent) => {
      const bar = e.currentTarget as HTMLElement;
      bar.setPointerCapture?.(e.pointerId);
      u.dragging = true;
      const at = timeAt(p, bar, e.clientX);
      u.scrub = at.t;
      u.hover = at;
      p.requestUpdate();
    },
    move: (e: PointerEvent) => {
      const at = timeAt(p, e.currentTarget as HTMLElement, e.clientX);
      u.hover = at;
      if (u.dragging) u.scrub = at.t;
      p.requestUpdate();
    },
    up: (e: PointerEvent) => {
      if (!u.dragging) return;
      u.dragging = false;
      p.seek(timeAt(p, e.currentTarget as HTMLElement, e.clientX).t);
      u.scrub = null;
      if (e.pointerType !== 'mouse') u.hover = null;
      p.requestUpdate();
    },
    leave: () => {
      if (u.dragging) return;
      u.hover = null;
      p.requestUpdate();
    },
  };
}

function thumbnail(p: ReelPlayer, t: number): TemplateResult | typeof nothing {
  const sprite = sessionOf(p)?.thumbnails;
  if (!sprite || sprite.images.length === 0) return nothing;
  const index = Math.min(sprite.count - 1, Math.max(0, Math.floor(t / sprite.interval)));
  const perImage = sprite.columns * sprite.rows;
  const image = sprite.images[Math.floor(index / perImage)];
  if (!image) return nothing;
  const cell = index % perImage;
  const scale = 192 / sprite.tile_width;
  return html`<div
    class="thumb"
    ${styleProps({
      width: `${sprite.tile_width * scale}px`,
      height: `${sprite.tile_height * scale}px`,
      backgroundImage: `url("${p.apiUrl(image).replace(/"/g, '%22')}")`,
      backgroundSize: `${sprite.columns * sprite.tile_width * scale}px ${sprite.rows * sprite.tile_height * scale}px`,
      backgroundPosition: `-${(cell % sprite.columns) * sprite.tile_width * scale}px -${Math.floor(cell / sprite.columns) * sprite.tile_height * scale}px`,
    })}
  ></div>`;
}

function renderSeek(p: ReelPlayer): TemplateResult {
  const u = ui(p);
  const v = p.video;
  const d = durationOf(p);
  const t = u.scrub ?? v.currentTime;
  const pct = (x: number) => `${d ? Math.max(0, Math.min(100, (x / d) * 100)) : 0}%`;
  const buffered: TemplateResult[] = [];
  for (let i = 0; i < v.buffered.length; i++) {
    const a = v.buffered.start(i);
    const b = v.buffered.end(i);
    buffered.push(html`<span class="buffered" ${styleProps({ insetInlineStart: pct(a), width: pct(b - a) })}></span>`);
  }
  const markers = (sessionOf(p)?.markers ?? []).filter((m) => SKIPPABLE.includes(m.kind as never));
  const chapters = u.chapters ?? [];
  const ev = seekEvents(p);
  const hoverChapter = u.hover ? chapters.find((c) => u.hover && u.hover.t >= c.start && u.hover.t < c.end) : undefined;
  const hoverMarker = u.hover ? markers.find((m) => u.hover && u.hover.t >= m.start && u.hover.t < m.end) : undefined;
  return html`<div class="seekrow">
    <div
      class="seek"
      part="seek"
      role="slider"
      tabindex="0"
      aria-label=${msg('Seek', { id: 'player.seek' })}
      aria-keyshortcuts="ArrowLeft ArrowRight J L Home End 0 1 2 3 4 5 6 7 8 9"
      aria-valuemin="0"
      aria-valuemax=${Math.round(d)}
      aria-valuenow=${Math.round(t)}
      aria-valuetext=${msg(str`${words(t)} of ${words(d)}`, { id: 'player.seek.value' })}
      @pointerdown=${ev.down}
      @pointermove=${ev.move}
      @pointerup=${ev.up}
      @pointercancel=${ev.up}
      @pointerleave=${ev.leave}
    >
      <div class="track">
        ${buffered}
        ${markers.map((m) => html`<span class="marker ${m.kind}" ${styleProps({ insetInlineStart: pct(m.start), width: pct(m.end - m.start) })}></span>`)}
        <span class="played" ${styleProps({ width: pct(t) })}></span>
        ${chapters.slice(1).map((c) => html`<span class="chapter" ${styleProps({ insetInlineStart: pct(c.start) })}></span>`)}
      </div>
      <span class="knob" ${styleProps({ insetInlineStart: pct(t) })}></span>
      ${
        u.hover
          ? html`<div class="preview" ${styleProps({ insetInlineStart: `${u.hover.x}px` })} aria-hidden="true">
              ${thumbnail(p, u.hover.t)}
              <div class="ptime">
                ${hoverMarker ? html`<b>${markerName(hoverMarker.kind)}</b>` : hoverChapter?.title ? html`<b>${hoverChapter.title}</b>` : nothing}
                ${clock(u.hover.t)}
              </div>
            </div>`
          : nothing
      }
    </div>
    <span class="remaining" aria-hidden="true">${clock(Math.max(0, d - t))}</span>
  </div>`;
}

// ------------------------------------------------------------------------------------ render

function button(
  name: Parameters<typeof icon>[0],
  label: string,
  action: (e: Event) => void,
  keys?: string,
  extra: { cls?: string; expanded?: boolean; pressed?: boolean; text?: string } = {},
): TemplateResult {
  return html`<button
    class="ctl ${extra.cls ?? ''}"
    aria-label=${label}
    title=${label}
    aria-keyshortcuts=${keys ?? nothing}
    aria-haspopup=${ifDefined(extra.expanded === undefined ? undefined : 'menu')}
    aria-expanded=${ifDefined(extra.expanded === undefined ? undefined : extra.expanded ? 'true' : 'false')}
    aria-pressed=${ifDefined(extra.pressed === undefined ? undefined : extra.pressed ? 'true' : 'false')}
    @click=${action}
  >
    ${icon(name, extra.text)}
  </button>`;
}

function volumeSlider(p: ReelPlayer): TemplateResult {
  const v = p.video;
  const level = v.muted ? 0 : v.volume;
  const set = (e: PointerEvent) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    setVolume(p, (e.clientX - r.left) / r.width);
  };
  return html`<div
    class="volume"
    role="slider"
    tabindex="0"
    aria-label=${msg('Volume', { id: 'player.volume' })}
    aria-keyshortcuts="ArrowUp ArrowDown"
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${Math.round(level * 100)}
    aria-valuetext=${`${Math.round(level * 100)}%`}
    @pointerdown=${(e: PointerEvent) => {
      (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      ui(p).dragging = true;
      set(e);
    }}
    @pointermove=${(e: PointerEvent) => ui(p).dragging && set(e)}
    @pointerup=${() => {
      ui(p).dragging = false;
    }}
  >
    <span class="vtrack"><span class="vfill" ${styleProps({ width: `${level * 100}%` })}></span></span>
  </div>`;
}

function renderNext(p: ReelPlayer): TemplateResult | typeof nothing {
  const s = sessionOf(p);
  const next = s?.next_episode;
  if (!next || !nextVisible(p)) return nothing;
  const u = ui(p);
  const left = u.nextUntil ? Math.max(0, Math.ceil((u.nextUntil - Date.now()) / 1000)) : null;
  const ep = next.episode;
  return html`<section class="next" part="next" aria-label=${msg('Next episode', { id: 'player.next' })}>
    <img src=${new URL(ep.still, location.href).href} alt="" />
    <div class="nbody">
      <p class="nlabel">
        ${left !== null ? msg(str`Next episode in ${left}`, { id: 'player.next.countdown' }) : msg('Next episode', { id: 'player.next' })}
      </p>
      <h3>${msg(str`E${ep.number} · ${ep.name}`, { id: 'player.next.name' })}</h3>
      ${next.skipped_filler ? html`<p class="nsub">${msg(str`${next.skipped_filler} filler episodes skipped`, { id: 'player.next.filler' })}</p>` : nothing}
      <div class="nactions">
        <button class="btn play" @click=${() => goNext(p, false)}>${icon('play')}${msg('Play now', { id: 'player.next.play' })}</button>
        <button
          class="btn ghost"
          @click=${() => {
            u.nextCancelled = true;
            u.nextUntil = null;
            p.announce(msg('Next episode cancelled', { id: 'player.next.cancelled' }));
            p.requestUpdate();
            p.stage()?.focus();
          }}
        >
          ${msg('Cancel', { id: 'player.next.cancel' })}
        </button>
      </div>
    </div>
    ${left !== null ? html`<span class="nprogress" ${styleProps({ width: `${(left / Math.max(1, next.countdown)) * 100}%` })}></span>` : nothing}
  </section>`;
}

function renderStill(p: ReelPlayer): TemplateResult | typeof nothing {
  const u = ui(p);
  if (!u.still) return nothing;
  return html`<div class="center still" role="alertdialog" aria-modal="false" aria-labelledby="still-h">
    <div class="panel">
      <h2 id="still-h">${msg('Are you still watching?', { id: 'player.still' })}</h2>
      <button
        class="btn"
        @click=${() => {
          u.still = false;
          u.auto = 0;
          goNext(p, false);
        }}
      >
        ${msg('Continue watching', { id: 'player.still.continue' })}
      </button>
      <button class="btn ghost" @click=${() => back(p)}>${msg('Back to browse', { id: 'player.still.back' })}</button>
    </div>
  </div>`;
}

function back(p: ReelPlayer): void {
  const id = sessionOf(p)?.title.id ?? p.titleId;
  if (history.length > 1 && p.session) history.back();
  else p.emit('reel-navigate', { href: `/title/${id ?? ''}` });
}

function subtitleStyle(p: ReelPlayer): Record<string, string> {
  return ui(p).appearance ?? {};
}

function onSurface(p: ReelPlayer) {
  const u = ui(p);
  return (e: PointerEvent) => {
    if (e.button > 0) return;
    if (u.menu) {
      closeMenu(p, false);
      return;
    }
    if (e.pointerType === 'mouse') {
      togglePlay(p);
      return;
    }
    // Touch: a tap shows or hides the controls; a double tap on either side seeks 10 s.
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const f = (e.clientX - r.left) / r.width;
    const side = f < 0.35 ? -1 : f > 0.65 ? 1 : 0;
    const now = Date.now();
    if (u.lastTap && now - u.lastTap.at < 320 && side !== 0 && side === u.lastTap.side) {
      seekBy(p, side * 10);
      u.lastTap = { at: now, side };
      return;
    }
    u.lastTap = { at: now, side };
    if (p.controlsShown) {
      setTimeout(() => {
        if (u.lastTap?.at === now) {
          p.controlsShown = false;
        }
      }, 330);
    } else {
      p.wake();
    }
  };
}

function render(p: ReelPlayer): TemplateResult {
  const e = p.engine;
  const s = sessionOf(p);
  const v = p.video;
  const u = ui(p);
  if (!e || !s || !v) return html``;
  const playing = !v.paused && !v.ended;
  const marker = currentMarker(p);
  const showSkip = marker && !(marker.kind === 'credits' && nextVisible(p));
  const ep = s.episode;
  const fullscreen = document.fullscreenElement === p;
  const lines = subtitleLines(p);
  const shown = p.controlsShown || !playing;
  const nameOfEp = ep ? msg(str`E${ep.number} ${ep.name}`, { id: 'player.episode' }) : '';
  return html`
    <div class="surface" @pointerup=${onSurface(p)} @dblclick=${() => toggleFullscreen(p)}></div>
    ${
      u.ripple && Date.now() - u.ripple.at < 600
        ? html`<div class="ripple ${u.ripple.side < 0 ? 'left' : 'right'}" aria-hidden="true">${icon(u.ripple.side < 0 ? 'replay' : 'forward', '10')}</div>`
        : nothing
    }
    <div class=${classMap({ chrome: true, hidden: !shown })} .inert=${!shown && !u.menu}>
      <div class="top">
        ${button('back', msg('Back', { id: 'player.back' }), () => back(p), undefined, { cls: 'backbtn' })}
        <span class="spacer"></span>
        ${button('flag', msg('Report a problem', { id: 'player.report' }), () => open(p, 'report'))}
      </div>
      <div class="bottom" part="controls" role="group" aria-label=${msg('Player controls', { id: 'player.controls' })}>
        ${renderSeek(p)}
        <div class="buttons">
          ${button(playing ? 'pause' : 'play', playing ? msg('Pause', { id: 'player.pause' }) : msg('Play', { id: 'player.play' }), () => togglePlay(p), 'k Space', { cls: 'primary' })}
          ${button('replay', msg('Back 10 seconds', { id: 'player.back10' }), () => seekBy(p, -10), 'j', { text: '10' })}
          ${button('forward', msg('Forward 10 seconds', { id: 'player.fwd10' }), () => seekBy(p, 10), 'l', { text: '10' })}
          <div class="vol">
            ${button(
              v.muted || v.volume === 0 ? 'mute' : v.volume < 0.5 ? 'volumeLow' : 'volume',
              v.muted ? msg('Unmute', { id: 'player.unmute' }) : msg('Mute', { id: 'player.mute' }),
              () => toggleMute(p),
              'm',
              { pressed: v.muted },
            )}
            ${volumeSlider(p)}
          </div>
          <span class="time" aria-hidden="true">${clock(v.currentTime)} / ${clock(durationOf(p))}</span>
          <div class="name">
            <b>${s.title.name}</b>${ep ? html` <span>${nameOfEp}</span>` : nothing}
          </div>
          ${s.next_episode ? button('next', msg('Next episode', { id: 'player.next' }), () => goNext(p, false), undefined, { cls: 'hide-narrow' }) : nothing}
          ${
            e.audioTracks.length > 1 || e.subtitleTracks.length > 0
              ? button(
                  'subtitles',
                  msg('Audio and subtitles', { id: 'player.menu.tracks' }),
                  (ev) => openMenu(p, 'tracks', ev),
                  'c',
                  {
                    expanded: u.menu === 'tracks',
                  },
                )
              : nothing
          }
          ${button(
            'speed',
            msg('Playback speed', { id: 'player.menu.speed' }),
            (ev) => openMenu(p, 'speed', ev),
            '< >',
            {
              expanded: u.menu === 'speed',
              cls: 'hide-narrow',
            },
          )}
          ${button(
            'quality',
            msg('Quality', { id: 'player.menu.quality' }),
            (ev) => openMenu(p, 'quality', ev),
            undefined,
            {
              expanded: u.menu === 'quality',
            },
          )}
          ${
            document.pictureInPictureEnabled
              ? button('pip', msg('Picture in picture', { id: 'player.pip' }), () => togglePip(p), 'i', {
                  cls: 'hide-narrow',
                  pressed: document.pictureInPictureElement === v,
                })
              : nothing
          }
          ${button(
            fullscreen ? 'exitFullscreen' : 'fullscreen',
            fullscreen
              ? msg('Exit full screen', { id: 'player.fullscreen.exit' })
              : msg('Full screen', { id: 'player.fullscreen' }),
            () => toggleFullscreen(p),
            'f',
          )}
        </div>
      </div>
      ${renderMenu(p)}
    </div>
    ${
      lines.length
        ? html`<div class="subs ${shown ? 'raised' : ''}" ${styleProps(subtitleStyle(p))}>
            <div class="win"><span part="subtitles">${lines.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</span></div>
          </div>`
        : nothing
    }
    ${
      showSkip
        ? html`<button class="skip" part="skip" aria-keyshortcuts="s" @click=${() => skip(p)}>${markerLabel(marker)}</button>`
        : nothing
    }
    ${renderNext(p)} ${renderStill(p)} ${u.panels && (u.stats || u.dialog || u.summary) ? u.panels.render(p) : nothing}
    ${!playing && !v.ended && v.readyState < 3 && !v.paused ? html`<div class="center" aria-hidden="true"><div class="spinner"></div></div>` : nothing}
  `;
}

/** Opens a panel: report, shortcuts or stats (their code loads on first use). */
function open(p: ReelPlayer, what: Panel): void {
  const u = ui(p);
  void import('./panels.js').then((panels) => {
    u.panels = panels;
    if (what === 'stats') u.stats = true;
    else panels.openDialog(p, what);
    p.requestUpdate();
  });
}

function attach(p: ReelPlayer): void {
  const u = ui(p);
  if (!u.tick) u.tick = window.setInterval(() => tick(p), 250);
  const v = p.video;
  if (v && !(v as { reelTracks?: boolean }).reelTracks) {
    (v as { reelTracks?: boolean }).reelTracks = true;
    const watch = (t: TextTrack) => t.addEventListener('cuechange', () => p.requestUpdate());
    for (const t of Array.from(v.textTracks)) watch(t);
    v.textTracks.addEventListener('addtrack', (e) => e.track && watch(e.track));
    v.addEventListener('ended', () => {
      const s = sessionOf(p);
      if (s && !s.next_episode) {
        void import('./panels.js').then((panels) => {
          u.panels = panels;
          void panels.loadSummary(p);
        });
      }
    });
  }
  if (p.engine) {
    applyPreferences(p);
    p.engine.addEventListener('tracks', () => applyPreferences(p));
    void loadAppearance(p);
    void loadChapters(p);
  }
}

const styles = css`
  .surface {
    position: absolute;
    inset: 0;
  }
  .chrome {
    position: absolute;
    inset: 0;
    pointer-events: none;
    transition: opacity 0.3s;
    background:
      linear-gradient(180deg, rgb(0 0 0 / 0.7), transparent 22%),
      linear-gradient(0deg, rgb(0 0 0 / 0.85), transparent 35%);
  }
  .chrome.hidden {
    opacity: 0;
  }
  .chrome > * {
    pointer-events: auto;
  }
  .chrome.hidden > * {
    pointer-events: none;
  }
  .top {
    position: absolute;
    inset-inline: 0;
    top: 0;
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: clamp(0.5rem, 2vw, 1.25rem) clamp(0.5rem, 2.5vw, 2rem);
  }
  .spacer {
    flex: 1;
  }
  .toptitle {
    flex: 1;
    text-align: center;
    color: rgb(255 255 255 / 0.85);
    font-size: 0.95rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .bottom {
    position: absolute;
    inset-inline: 0;
    bottom: 0;
    padding: 0 clamp(0.5rem, 2.5vw, 2rem) clamp(0.25rem, 1.5vw, 1rem);
  }
  .ctl {
    background: none;
    border: 0;
    color: #fff;
    width: clamp(2.5rem, 4vw, 3.25rem);
    height: clamp(2.5rem, 4vw, 3.25rem);
    padding: 0.35rem;
    border-radius: 50%;
    cursor: pointer;
    display: grid;
    place-items: center;
    flex: none;
    transition: transform 0.12s;
  }
  .ctl svg {
    width: 100%;
    height: 100%;
  }
  .ctl:hover {
    transform: scale(1.18);
  }
  .ctl[aria-expanded='true'] {
    background: rgb(255 255 255 / 0.16);
  }
  .buttons {
    display: flex;
    align-items: center;
    gap: clamp(0.125rem, 1.2vw, 1.25rem);
  }
  .name {
    flex: 1;
    min-width: 0;
    text-align: center;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    font-size: clamp(0.875rem, 1.3vw, 1.125rem);
  }
  .name span {
    color: rgb(255 255 255 / 0.8);
    margin-inline-start: 0.5rem;
  }
  .time {
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
    color: rgb(255 255 255 / 0.85);
    white-space: nowrap;
  }
  .vol {
    display: flex;
    align-items: center;
  }
  .volume {
    width: 0;
    height: 2rem;
    display: flex;
    align-items: center;
    overflow: hidden;
    transition: width 0.2s;
    cursor: pointer;
    touch-action: none;
  }
  .vol:hover .volume,
  .volume:focus-visible,
  .vol:focus-within .volume {
    width: 6rem;
    margin-inline: 0.25rem;
  }
  .vtrack {
    position: relative;
    width: 100%;
    height: 4px;
    background: rgb(255 255 255 / 0.35);
    border-radius: 2px;
  }
  .vfill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    background: #fff;
    border-radius: 2px;
  }
  .seekrow {
    display: flex;
    align-items: center;
    gap: 1rem;
  }
  .remaining {
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
    min-width: 3.5em;
    text-align: end;
  }
  .seek {
    position: relative;
    flex: 1;
    height: 1.75rem;
    display: flex;
    align-items: center;
    cursor: pointer;
    touch-action: none;
  }
  .track {
    position: relative;
    width: 100%;
    height: 4px;
    background: rgb(255 255 255 / 0.25);
    transition: height 0.12s;
  }
  .seek:hover .track,
  .seek:focus-visible .track {
    height: 7px;
  }
  .track > span {
    position: absolute;
    inset-block: 0;
  }
  .buffered {
    background: rgb(255 255 255 / 0.4);
  }
  .played {
    inset-inline-start: 0;
    background: var(--accent);
  }
  .marker {
    inset-block: auto 100% !important;
    height: 3px;
    margin-bottom: 2px;
    border-radius: 2px;
    opacity: 0.9;
  }
  .marker.intro {
    background: #6cb2ff;
  }
  .marker.recap {
    background: #b794ff;
  }
  .marker.credits {
    background: #f7b84b;
  }
  .chapter {
    width: 3px;
    background: rgb(0 0 0 / 0.85);
    transform: translateX(-1px);
  }
  .knob {
    position: absolute;
    top: 50%;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--accent);
    transform: translate(-50%, -50%) scale(0.9);
    transition: transform 0.12s;
  }
  .seek:hover .knob,
  .seek:focus-visible .knob {
    transform: translate(-50%, -50%) scale(1.2);
  }
  .preview {
    position: absolute;
    bottom: 2.25rem;
    transform: translateX(-50%);
    display: grid;
    justify-items: center;
    gap: 0.35rem;
    pointer-events: none;
  }
  .thumb {
    border: 2px solid #fff;
    border-radius: 4px;
    background-color: #111;
    background-repeat: no-repeat;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.6);
  }
  .ptime {
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
    text-shadow: 0 1px 4px #000;
    display: grid;
    justify-items: center;
  }
  .menu {
    position: absolute;
    z-index: 3;
    inset-inline-end: clamp(0.5rem, 2.5vw, 2rem);
    bottom: clamp(5.5rem, 10vw, 7rem);
    max-height: calc(100% - 8rem);
    overflow: auto;
    background: rgb(38 38 38 / 0.96);
    border-radius: 6px;
    padding: 0.75rem 0;
    min-width: 14rem;
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.6);
  }
  .columns {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5rem;
    min-width: min(30rem, 80vw);
  }
  .menu h3 {
    margin: 0.25rem 1.25rem 0.5rem;
    font-size: 1.125rem;
    font-weight: 700;
  }
  .item {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    font: inherit;
    font-size: 1rem;
    color: rgb(255 255 255 / 0.7);
    background: none;
    border: 0;
    padding: 0.5rem 1.25rem 0.5rem 0.75rem;
    cursor: pointer;
    text-align: start;
  }
  .item:hover,
  .item:focus-visible {
    color: #fff;
    background: rgb(255 255 255 / 0.1);
    outline-offset: -3px;
  }
  .item[aria-checked='true'] {
    color: #fff;
    font-weight: 600;
  }
  .item[aria-disabled='true'] {
    color: rgb(255 255 255 / 0.4);
    cursor: default;
  }
  .item small {
    color: rgb(255 255 255 / 0.6);
    font-weight: 400;
  }
  .tick {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }
  .menu hr {
    border: 0;
    border-top: 1px solid rgb(255 255 255 / 0.15);
    margin: 0.5rem 0;
  }
  .skip {
    position: absolute;
    z-index: 2;
    inset-inline-end: clamp(1rem, 4vw, 3rem);
    bottom: clamp(6rem, 14vh, 9rem);
    font: inherit;
    font-weight: 700;
    font-size: clamp(0.95rem, 1.4vw, 1.2rem);
    padding: 0.75rem 1.5rem;
    background: rgb(42 42 42 / 0.6);
    color: #fff;
    border: 2px solid rgb(255 255 255 / 0.7);
    border-radius: 4px;
    cursor: pointer;
    backdrop-filter: blur(4px);
  }
  .skip:hover {
    background: #fff;
    color: #000;
  }
  .next {
    position: absolute;
    z-index: 2;
    inset-inline-end: clamp(1rem, 4vw, 3rem);
    bottom: clamp(6rem, 14vh, 9rem);
    width: min(26rem, calc(100% - 2rem));
    display: grid;
    grid-template-columns: 40% 1fr;
    gap: 0.75rem;
    background: rgb(20 20 20 / 0.92);
    border-radius: 6px;
    overflow: hidden;
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.6);
  }
  .next img {
    width: 100%;
    height: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
  .nbody {
    padding: 0.75rem 0.75rem 0.75rem 0;
  }
  .nlabel {
    margin: 0;
    font-size: 0.8rem;
    color: rgb(255 255 255 / 0.7);
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .next h3 {
    margin: 0.25rem 0 0.5rem;
    font-size: 1rem;
  }
  .nsub {
    margin: 0 0 0.5rem;
    font-size: 0.8rem;
    color: rgb(255 255 255 / 0.7);
  }
  .nactions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .nactions .btn {
    margin: 0;
    padding: 0.4rem 0.8rem;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .nactions svg {
    width: 1.1rem;
    height: 1.1rem;
  }
  .nprogress {
    position: absolute;
    inset-inline-start: 0;
    bottom: 0;
    height: 3px;
    background: var(--accent);
    transition: width 0.25s linear;
  }
  .subs {
    position: absolute;
    z-index: 1;
    inset-inline: 5%;
    bottom: 8%;
    text-align: center;
    pointer-events: none;
    transition: bottom 0.3s;
    font-size: calc(clamp(1rem, 2.6vw, 2.4rem) * var(--sub-scale, 1));
    line-height: 1.3;
  }
  .subs.raised {
    bottom: clamp(7rem, 18%, 10rem);
  }
  .win {
    display: inline-block;
    background: var(--sub-window, transparent);
    padding: 0.1em 0.2em;
  }
  .subs span {
    display: inline;
    color: var(--sub-color, #fff);
    background: var(--sub-bg, rgb(0 0 0 / 0.55));
    font-family: var(--sub-font, inherit);
    font-variant: var(--sub-variant, normal);
    text-shadow: var(--sub-edge, 0 1px 3px rgb(0 0 0 / 0.9));
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
    padding: 0.05em 0.3em;
    border-radius: 2px;
  }
  .ripple {
    position: absolute;
    top: 50%;
    width: 4.5rem;
    height: 4.5rem;
    transform: translateY(-50%);
    background: rgb(0 0 0 / 0.45);
    border-radius: 50%;
    padding: 0.9rem;
    pointer-events: none;
    animation: fade 0.6s forwards;
  }
  .ripple.left {
    inset-inline-start: 15%;
  }
  .ripple.right {
    inset-inline-end: 15%;
  }
  @keyframes fade {
    to {
      opacity: 0;
    }
  }
  .still {
    background: rgb(0 0 0 / 0.6);
  }
  @container reel-player (max-width: 640px) {
    .hide-narrow,
    .time,
    .name span {
      display: none;
    }
    .name {
      font-size: 0.8rem;
    }
    .buttons {
      gap: 0;
    }
    .columns {
      grid-template-columns: 1fr;
    }
    .toptitle {
      display: none;
    }
    .menu {
      inset-inline: 0.5rem;
      bottom: 5rem;
    }
  }
`;

export const chrome: Chrome = { styles, render, key: onKey, attach, open };
