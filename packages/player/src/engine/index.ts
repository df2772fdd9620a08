// The playback engine of <reel-player>: a session from the API, hls.js (loaded here, in parallel
// with the session; Reel's own build of it, see hls-build.mjs) or the browser's own HLS, media
// token renewal, recovery from network and media errors, events and diagnostics. No UI: the
// element drives it through the API below and listens to its events.
//
// Events (CustomEvent): 'levels', 'level-switched' {level, auto}, 'tracks', 'error' (EngineError),
// 'recovered', 'token-expiring' {expires_at} (partner embeds: answer with `playbackToken = …`).
import type {
  EnhancedSession,
  EnhancedSessionRequest,
  MediaToken,
  PlaybackHints,
  PlayerDebugSnapshot,
  PlayerDevice,
  PlayerQualityChoice,
} from '@reel/contracts';
import type Hls from 'hls.js';
import type { ErrorData, FragBufferedData, HlsConfig, LevelSwitchedData, LoaderResponse, RetryConfig } from 'hls.js';
import { type ApiClient, apiClient, EngineApiError } from './api.js';
import { EventBatcher } from './events.js';
import { tokenLoader, withToken } from './token-loader.js';

export { EngineApiError } from './api.js';

export interface EngineOptions {
  video: HTMLVideoElement;
  /** '/api/v1' or absolute. */
  apiBase: string;
  /** The signed-in session (shell); absent when embedded. */
  getAccessToken?: () => Promise<string | null>;
  /** A partner embed's playback token. */
  playbackToken?: string;
  titleId: string;
  episodeId?: string;
  /** Seconds; otherwise the resume position from the server. */
  startTime?: number;
  /**
   * A same-origin URL of hls.js's worker (hls.worker.js) the host allows (`worker-src`). Without
   * it, or where the policy or Trusted Types refuse it, segments are transmuxed on the main thread.
   */
  workerPath?: string;
  /** Use the browser's own HLS even where hls.js could run (tests, diagnostics). */
  preferNative?: boolean;
  /** hls.js settings over the engine's (a host's tuning; the fault tests use a short buffer). */
  hlsConfig?: Partial<HlsConfig>;
}
export interface EngineLevel {
  index: number;
  height: number;
  bitrate: number;
  label: string;
}
export interface EngineTrack {
  id: number;
  language: string;
  name: string;
  default: boolean;
}
export interface EngineError {
  fatal: boolean;
  code: string;
  message: string;
  recoverable: boolean;
}
export interface EngineStats {
  sessionId: string;
  bitrate: number;
  resolution: string;
  bufferLength: number;
  droppedFrames: number;
  bandwidthEstimate: number;
  level: number;
  errors: string[];
}

type HlsClass = typeof Hls;
type PlayerSession = EnhancedSession;

const PLAYER_VERSION = '0.1.0';
const HLS_MIME = 'application/vnd.apple.mpegurl';
/** An unrecoverable failure is declared at the latest this long (ms) after the errors began. */
const GIVE_UP_AFTER = 20_000;
/** Engine-level retries of a fatal network error: base delay (ms), doubled, with ±30 % jitter. */
const NETWORK_RETRY_BASE = 1_000;
const NETWORK_RETRIES = 3;
/** Media errors closer together than this (ms) escalate: recover, then swap the audio codec. */
const MEDIA_ERROR_WINDOW = 6_000;
/** How long (ms) an embed's host has to hand over a fresh playback token after 'token-expiring'. */
const PARTNER_TOKEN_WAIT = 20_000;
/** Heartbeats this often (ms) while the session is open. */
const HEARTBEAT_EVERY = 10_000;

const jitter = (ms: number) => Math.round(ms * (0.7 + Math.random() * 0.6));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * hls.js retry policies with jittered exponential backoff (each retry's delay is drawn around its
 * base, so a crowd of players that failed together does not come back together), and no retry
 * of a 4xx (403 is handled by the token loader, 404 is final).
 */
function retry(maxNumRetry: number, retryDelayMs: number, maxRetryDelayMs: number): RetryConfig {
  return {
    maxNumRetry,
    retryDelayMs,
    maxRetryDelayMs,
    backoff: 'exponential',
    shouldRetry: (config, _count, isTimeout, response: LoaderResponse | undefined, fallback) => {
      if (config) config.retryDelayMs = jitter(retryDelayMs);
      const status = response?.code ?? 0;
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) return false;
      return fallback || isTimeout || status === 0;
    },
  };
}

function loadPolicy(ttfb: number, maxLoad: number, timeouts: number, errors: RetryConfig) {
  return {
    default: {
      maxTimeToFirstByteMs: ttfb,
      maxLoadTimeMs: maxLoad,
      timeoutRetry: { maxNumRetry: timeouts, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: errors,
    },
  };
}

/** What the browser can play and how it connects, for the session (and the start hints). */
function describeDevice(video: HTMLVideoElement): PlayerDevice {
  const ua = navigator.userAgent;
  const ms = (globalThis as { MediaSource?: { isTypeSupported(t: string): boolean } }).MediaSource;
  const can = (type: string) => !!ms?.isTypeSupported(type);
  const coarse = matchMedia('(pointer: coarse)').matches;
  const conn = (navigator as { connection?: { effectiveType?: string; downlink?: number; saveData?: boolean } })
    .connection;
  const effective = conn?.effectiveType;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Other';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'Other';
  return {
    kind: coarse ? (Math.min(screen.width, screen.height) >= 600 ? 'tablet' : 'mobile') : 'desktop',
    os,
    browser,
    player_version: PLAYER_VERSION,
    screen_width: Math.max(1, Math.min(16384, Math.round(screen.width || 1))),
    screen_height: Math.max(1, Math.min(16384, Math.round(screen.height || 1))),
    pixel_ratio: Math.max(0.25, Math.min(8, devicePixelRatio || 1)),
    supports: {
      mse: !!ms,
      native_hls: video.canPlayType(HLS_MIME) !== '',
      hevc: can('video/mp4; codecs="hvc1.1.6.L93.B0"'),
      av1: can('video/mp4; codecs="av01.0.05M.08"'),
      hdr: matchMedia('(dynamic-range: high)').matches,
    },
    ...(conn
      ? {
          connection: {
            ...(effective && ['slow-2g', '2g', '3g', '4g'].includes(effective)
              ? { effective_type: effective as 'slow-2g' | '2g' | '3g' | '4g' }
              : {}),
            ...(typeof conn.downlink === 'number' ? { downlink_mbps: Math.min(100000, conn.downlink) } : {}),
            ...(typeof conn.saveData === 'boolean' ? { save_data: conn.saveData } : {}),
          },
        }
      : {}),
  };
}

function mseAvailable(): boolean {
  const g = globalThis as { MediaSource?: unknown; ManagedMediaSource?: unknown };
  return !!(g.MediaSource || g.ManagedMediaSource);
}

export class PlaybackEngine extends EventTarget {
  /**
   * Starts a session and the media: the session, hls.js and the start hints are fetched in
   * parallel. Rejects with an EngineApiError (status, code, message) when the session is refused.
   */
  static async create(options: EngineOptions): Promise<PlaybackEngine> {
    const { video } = options;
    const native = video.canPlayType(HLS_MIME) !== '';
    const useHls = mseAvailable() && !options.preferNative;
    if (!useHls && !native) {
      throw new EngineApiError(0, 'unsupported', 'This browser cannot play HLS video (no Media Source Extensions)');
    }
    let partnerToken = options.playbackToken ?? null;
    const bearer = async () =>
      partnerToken && !options.getAccessToken ? partnerToken : ((await options.getAccessToken?.()) ?? null);
    const api = apiClient(options.apiBase, bearer);
    const device = describeDevice(video);
    const request: EnhancedSessionRequest = {
      title_id: options.titleId,
      ...(options.episodeId ? { episode_id: options.episodeId } : {}),
      ...(options.startTime !== undefined && options.startTime >= 0 ? { start_position: options.startTime } : {}),
      ...(partnerToken && !options.getAccessToken ? { playback_token: partnerToken } : {}),
      device,
    };
    const hlsModule: Promise<HlsClass | null> = useHls
      ? import('hls.js').then(
          (m) => (m.default.isSupported() ? m.default : null),
          () => null,
        )
      : Promise.resolve(null);
    const query = new URLSearchParams({ title_id: options.titleId });
    if (options.episodeId) query.set('episode_id', options.episodeId);
    if (device.connection?.effective_type) query.set('effective_connection', device.connection.effective_type);
    const hints = api<PlaybackHints>({ method: 'GET', path: `/playback-intelligence/hints?${query}` }).catch(
      () => null,
    );
    const sessionP = api<PlayerSession>({ method: 'POST', path: '/player/sessions/enhanced', body: request });
    // Nothing waits for hls.js or the hints if the session is refused.
    const session = await sessionP;
    const [HlsCtor, measured] = await Promise.all([hlsModule, hints]);
    if (!HlsCtor && !native) {
      void api({ method: 'DELETE', path: `/player/sessions/${session.session_id}`, keepalive: true }).catch(() => {});
      throw new EngineApiError(
        0,
        'unsupported',
        'The video player could not load: check your connection and try again',
      );
    }
    const engine = new PlaybackEngine(options, api, session, HlsCtor, measured ?? session.hints);
    engine.#setPartnerToken = (t) => {
      partnerToken = t;
    };
    engine.#start();
    return engine;
  }

  readonly session: PlayerSession;
  readonly #video: HTMLVideoElement;
  readonly #api: ApiClient;
  readonly #options: EngineOptions;
  readonly #Hls: HlsClass | null;
  readonly #hints: PlaybackHints;
  readonly #events: EventBatcher;
  #hls: Hls | null = null;
  #token: MediaToken;
  #tokenName: string;
  #renewTimer: ReturnType<typeof setTimeout> | null = null;
  #renewing: Promise<boolean> | null = null;
  #partnerWait: ((token: string) => void) | null = null;
  #setPartnerToken: (token: string) => void = () => {};
  #partnerToken: string | null = null;
  #lastBearer: string | null = null;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #watchdog: ReturnType<typeof setTimeout> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #failed = false;
  #destroyed = false;
  #offline = false;
  #errorsSince = 0;
  #networkRetries = 0;
  #mediaErrors: number[] = [];
  #recentErrors: PlayerDebugSnapshot['recent_errors'] = [];
  #position: number;
  #startPosition: number;
  #manual = false;
  #lastLevel = -1;
  #lastHeight = 0;
  #watchedAt = 0;
  #watched = 0;
  #stallAt = 0;
  #seekFrom = 0;
  #firstFrame = false;
  #playIntent = false;
  #nativeRetried = false;
  #requests = 0;
  readonly #listeners: [EventTarget, string, EventListener][] = [];

  private constructor(
    options: EngineOptions,
    api: ApiClient,
    session: PlayerSession,
    HlsCtor: HlsClass | null,
    hints: PlaybackHints,
  ) {
    super();
    this.#options = options;
    this.#video = options.video;
    this.#api = api;
    this.session = session;
    this.#Hls = HlsCtor;
    this.#hints = hints;
    this.#token = session.media_token;
    this.#tokenName = session.media_token.attach.name;
    // A saved position inside the intro resumes after it.
    let start = session.resume_position;
    const intro = session.markers.find((m) => m.kind === 'intro' && start > m.start && start < m.end);
    if (intro && session.resume_source === 'history') start = intro.end;
    this.#startPosition = start;
    this.#position = start;
    this.#partnerToken = options.playbackToken ?? null;
    this.#events = new EventBatcher(api, options.apiBase, session.session_id, () => this.#lastBearer);
    void this.#refreshBearer();
  }

  // ─── Public state ──────────────────────────────────────────────────────────────────────────

  /** Where playback started (the resume position, after an intro it fell into). */
  get startPosition(): number {
    return this.#startPosition;
  }
  /** 'hls.js' or 'native'. */
  get engine(): 'hls.js' | 'native' {
    return this.#hls ? 'hls.js' : 'native';
  }
  /** Media requests made so far (playlists, segments, subtitles) through hls.js. */
  get requests(): number {
    return this.#requests;
  }
  /** True after an unrecoverable error, until retry(). */
  get failed(): boolean {
    return this.#failed;
  }
  /** The last position known to be good (kept across errors and recoveries). */
  get position(): number {
    return this.#position;
  }

  get levels(): EngineLevel[] {
    const hls = this.#hls;
    if (!hls) return [];
    return hls.levels.map((l, index) => ({
      index,
      height: l.height,
      bitrate: l.bitrate,
      label: this.#labelOf(l.height) ?? `${l.height}p`,
    }));
  }
  get currentLevel(): number {
    return this.#hls?.currentLevel ?? -1;
  }
  get autoLevel(): boolean {
    return this.#hls ? this.#hls.autoLevelEnabled : true;
  }

  /** -1: Auto. A manual choice is reported to /quality-switch. */
  setLevel(index: number): void {
    const hls = this.#hls;
    if (!hls) return;
    const from = this.#qualityChoice();
    const target = index >= 0 && index < hls.levels.length ? index : -1;
    this.#manual = target >= 0;
    // nextLevel: switch at the next segment, flushing what is buffered ahead at the old rung.
    hls.nextLevel = target;
    if (target < 0) hls.loadLevel = -1;
    const to: PlayerQualityChoice =
      target < 0 ? 'auto' : ((this.#labelOf(hls.levels[target]?.height ?? 0) ?? 'auto') as PlayerQualityChoice);
    void this.#api({
      method: 'POST',
      path: `/player/sessions/${this.session.session_id}/quality-switch`,
      body: {
        from,
        to,
        mode: 'manual',
        reason: 'user',
        position: this.#now(),
        ...(hls.bandwidthEstimate > 0 ? { bandwidth_estimate: Math.round(hls.bandwidthEstimate) } : {}),
      },
    }).catch(() => {});
  }

  get audioTracks(): EngineTrack[] {
    const hls = this.#hls;
    if (hls) {
      return hls.audioTracks.map((t, id) => ({
        id,
        language: t.lang ?? '',
        name: t.name,
        default: !!t.default,
      }));
    }
    const list = (this.#video as { audioTracks?: ArrayLike<{ language: string; label: string; enabled: boolean }> })
      .audioTracks;
    return list
      ? Array.from(list, (t, id) => ({ id, language: t.language, name: t.label || t.language, default: id === 0 }))
      : [];
  }
  get audioTrack(): number {
    if (this.#hls) return this.#hls.audioTrack;
    const list = (this.#video as { audioTracks?: ArrayLike<{ enabled: boolean }> }).audioTracks;
    return list ? Array.from(list).findIndex((t) => t.enabled) : -1;
  }
  setAudioTrack(id: number): void {
    if (this.#hls) {
      this.#hls.audioTrack = id;
      return;
    }
    const list = (this.#video as { audioTracks?: ArrayLike<{ enabled: boolean }> }).audioTracks;
    if (list) {
      for (const [i, t] of Array.from(list).entries()) t.enabled = i === id;
    }
  }

  get subtitleTracks(): EngineTrack[] {
    if (this.#hls) {
      return this.#hls.subtitleTracks.map((t, id) => ({
        id,
        language: t.lang ?? '',
        name: t.name,
        default: !!t.default,
      }));
    }
    return this.#nativeTextTracks().map((t, id) => ({
      id,
      language: t.language,
      name: t.label || t.language,
      default: false,
    }));
  }
  get subtitleTrack(): number {
    if (this.#hls) return this.#hls.subtitleTrack;
    return this.#nativeTextTracks().findIndex((t) => t.mode === 'showing' || t.mode === 'hidden');
  }
  /** -1: off. The cues go to the video's TextTrack (mode `hidden`: the element renders them). */
  setSubtitleTrack(id: number): void {
    if (this.#hls) {
      this.#hls.subtitleTrack = id;
      this.#hls.subtitleDisplay = id >= 0;
      return;
    }
    this.#nativeTextTracks().forEach((t, i) => {
      t.mode = i === id ? 'hidden' : 'disabled';
    });
  }

  #nativeTextTracks(): TextTrack[] {
    return Array.from(this.#video.textTracks).filter((t) => t.kind === 'subtitles' || t.kind === 'captions');
  }

  stats(): EngineStats {
    const hls = this.#hls;
    const v = this.#video;
    const q = typeof v.getVideoPlaybackQuality === 'function' ? v.getVideoPlaybackQuality() : null;
    const level = hls ? hls.levels[hls.currentLevel] : undefined;
    return {
      sessionId: this.session.session_id,
      bitrate: level?.bitrate ?? 0,
      resolution: v.videoWidth ? `${v.videoWidth}x${v.videoHeight}` : '',
      bufferLength: this.#bufferAhead(),
      droppedFrames: q?.droppedVideoFrames ?? 0,
      bandwidthEstimate: hls ? Math.round(hls.bandwidthEstimate || 0) : 0,
      level: hls?.currentLevel ?? -1,
      errors: this.#recentErrors.map((e) => `${e.at.slice(11, 19)} ${e.type}${e.status ? ` ${e.status}` : ''}`),
    };
  }

  /** After a fatal error: start again where it stopped (a fresh token, or a new session if it ended). */
  retry(): void {
    if (this.#destroyed) return;
    this.#failed = false;
    this.#nativeRetried = false;
    this.#offline = false;
    this.#errorsSince = 0;
    this.#networkRetries = 0;
    this.#mediaErrors = [];
    this.#clearWatchdog();
    const resume = this.#playIntent;
    void this.#renew(true).then(() => {
      if (this.#destroyed || this.#failed) return;
      this.#attach(this.#position);
      this.#startHeartbeat();
      if (resume) void this.#video.play().catch(() => {});
    });
  }

  /** A partner embed's fresh playback token (after 'token-expiring'). */
  get playbackToken(): string {
    return this.#partnerToken ?? '';
  }
  set playbackToken(token: string) {
    this.#partnerToken = token;
    this.#setPartnerToken(token);
    const wait = this.#partnerWait;
    this.#partnerWait = null;
    wait?.(token);
  }

  async reportIssue(category: string, text: string): Promise<void> {
    await this.#api({
      method: 'POST',
      path: `/player/sessions/${this.session.session_id}/report-issue`,
      body: { category, text: text.slice(0, 2000), position: this.#now(), debug: this.debugSnapshot() },
    });
  }

  analytics(): Promise<unknown> {
    return this.#api({ method: 'GET', path: `/player/sessions/${this.session.session_id}/analytics` });
  }

  /** The server's view of the session (for "stats for nerds"). */
  debugInfo(): Promise<unknown> {
    return this.#api({ method: 'GET', path: `/player/sessions/${this.session.session_id}/debug-info` });
  }

  /** The player's state, bounded, for a problem report. */
  debugSnapshot(): PlayerDebugSnapshot {
    const hls = this.#hls;
    const v = this.#video;
    const q = typeof v.getVideoPlaybackQuality === 'function' ? v.getVideoPlaybackQuality() : null;
    const level = hls ? hls.levels[hls.currentLevel] : undefined;
    const audio = hls ? hls.audioTracks[hls.audioTrack] : undefined;
    const sub = hls ? hls.subtitleTracks[hls.subtitleTrack] : undefined;
    return {
      user_agent: navigator.userAgent.slice(0, 512),
      player_version: PLAYER_VERSION,
      engine: hls ? 'hls.js' : 'native',
      ...(this.#Hls ? { engine_version: this.#Hls.version.slice(0, 40) } : {}),
      position: this.#now(),
      duration: Number.isFinite(v.duration) ? v.duration : null,
      buffer_ahead: this.#bufferAhead(),
      level: hls ? hls.currentLevel : null,
      quality: this.#qualityChoice(),
      bitrate: level?.bitrate ?? null,
      bandwidth_estimate: hls?.bandwidthEstimate ? Math.round(hls.bandwidthEstimate) : null,
      resolution: v.videoWidth ? { width: v.videoWidth, height: v.videoHeight } : null,
      dropped_frames: q?.droppedVideoFrames ?? 0,
      decoded_frames: q?.totalVideoFrames ?? 0,
      playback_rate: Math.min(16, Math.max(0, v.playbackRate)),
      audio_track: audio ? `${audio.name} (${audio.lang ?? ''})`.slice(0, 100) : null,
      subtitle_track: sub ? `${sub.name} (${sub.lang ?? ''})`.slice(0, 100) : null,
      ready_state: v.readyState,
      network_state: v.networkState,
      online: navigator.onLine,
      recent_errors: this.#recentErrors.slice(-20),
      extra: {
        session_id: this.session.session_id,
        failed: this.#failed,
        manual_level: this.#manual,
        media_token_expires_at: this.#token.expires_at,
        requests: this.#requests,
      },
    };
  }

  /** Ends the session: events flushed, DELETE /player/sessions/{id} (keepalive), media released. */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#stopTimers();
    for (const [target, type, fn] of this.#listeners) target.removeEventListener(type, fn);
    this.#listeners.length = 0;
    this.#events.add('ended', this.#now(), { reason: 'closed' });
    this.#events.close();
    const flushed = this.#events.flush().catch(() => {});
    this.#detach();
    const v = this.#video;
    v.removeAttribute('src');
    v.load();
    await flushed;
    await this.#api({
      method: 'DELETE',
      path: `/player/sessions/${this.session.session_id}`,
      keepalive: true,
    }).catch(() => {});
  }

  // ─── Media ─────────────────────────────────────────────────────────────────────────────────

  #manifestUrl(): string {
    const base = new URL(this.#options.apiBase, location.href);
    return withToken(new URL(this.session.manifest_url, base).href, this.#tokenName, this.#token.token);
  }

  #start(): void {
    this.#listen();
    this.#attach(this.#startPosition);
    this.#scheduleRenewal();
    this.#startHeartbeat();
  }

  /** Creates hls.js (or sets the native source) at `position`. */
  #attach(position: number): void {
    this.#detach();
    const video = this.#video;
    const HlsCtor = this.#Hls;
    if (!HlsCtor) {
      video.src = this.#manifestUrl();
      const seek = () => {
        if (position > 0) video.currentTime = position;
        this.#emit('levels');
        this.#emit('tracks');
      };
      video.addEventListener('loadedmetadata', seek, { once: true });
      return;
    }
    const hints = this.#hints;
    const start = this.session.qualities.find((q) => q.label === hints.start_quality && q.allowed);
    const hls = new HlsCtor(this.#config(HlsCtor, position, start?.level ?? 0));
    this.#hls = hls;
    const E = HlsCtor.Events;
    hls.on(E.MANIFEST_PARSED, () => {
      // The start rung (never the top by default): the hinted one, else the lowest.
      if (start) {
        const index = hls.levels.findIndex((l) => l.height === start.height);
        if (index >= 0 && hls.startLevel !== index && !this.#firstFrame) hls.startLevel = index;
      }
      this.#emit('levels');
      this.#emit('tracks');
    });
    hls.on(E.AUDIO_TRACKS_UPDATED, () => this.#emit('tracks'));
    hls.on(E.SUBTITLE_TRACKS_UPDATED, () => this.#emit('tracks'));
    hls.on(E.AUDIO_TRACK_SWITCHED, () => this.#emit('tracks'));
    hls.on(E.SUBTITLE_TRACK_SWITCH, () => this.#emit('tracks'));
    hls.on(E.LEVEL_SWITCHED, (_e, data: LevelSwitchedData) => this.#levelSwitched(data.level));
    // Recovered: a media segment of the main (video) stream is in the buffer again. Audio or an
    // init segment alone says nothing about the video's rungs.
    hls.on(E.FRAG_BUFFERED, (_e, data: FragBufferedData) => {
      if (data.frag.type === 'main' && data.frag.sn !== 'initSegment') this.#progressed();
    });
    hls.on(E.ERROR, (_e, data: ErrorData) => this.#hlsError(data));
    hls.attachMedia(video);
    hls.loadSource(this.#manifestUrl());
  }

  #detach(): void {
    const hls = this.#hls;
    this.#hls = null;
    if (hls) hls.destroy();
  }

  #config(HlsCtor: HlsClass, position: number, startLevel: number): Partial<HlsConfig> {
    const hints = this.#hints;
    const Base = HlsCtor.DefaultConfig.loader as unknown as new (config: unknown) => never;
    const loader = tokenLoader(Base, {
      sign: (url) => withToken(url, this.#tokenName, this.#token.token),
      ready: () => (this.#renewing ? this.#renewing.then(() => {}) : null),
      refused: () => this.#renew(true),
      onRequest: () => {
        this.#requests++;
      },
      allowed: () => !this.#failed && !this.#destroyed,
    });
    return {
      // The transmux worker only from a file the host allows; otherwise (and when the policy or
      // Trusted Types refuse it) hls.js transmuxes inline, which fMP4 barely needs.
      enableWorker: !!this.#options.workerPath,
      ...(this.#options.workerPath ? { workerPath: this.#options.workerPath } : {}),
      startPosition: position,
      startLevel,
      abrEwmaDefaultEstimate: hints.start_bitrate,
      abrBandWidthFactor: hints.abr.bandwidth_factor,
      abrBandWidthUpFactor: hints.abr.bandwidth_up_factor,
      maxBufferLength: hints.buffer.target,
      maxMaxBufferLength: hints.buffer.max,
      backBufferLength: hints.buffer.back,
      capLevelToPlayerSize: false,
      renderTextTracksNatively: true,
      loader: loader as unknown as HlsConfig['loader'],
      manifestLoadPolicy: loadPolicy(10_000, 20_000, 2, retry(2, 500, 4_000)),
      playlistLoadPolicy: loadPolicy(10_000, 20_000, 2, retry(3, 500, 4_000)),
      fragLoadPolicy: loadPolicy(8_000, 60_000, 3, retry(4, 500, 4_000)),
      ...this.#options.hlsConfig,
    };
  }

  #progressed(): void {
    if (this.#errorsSince && !this.#failed) {
      this.#errorsSince = 0;
      this.#networkRetries = 0;
      this.#clearWatchdog();
      this.#emit('recovered');
    }
  }

  // ─── Errors and recovery ───────────────────────────────────────────────────────────────────

  #record(code: string, message: string, fatal: boolean, status?: number): void {
    this.#recentErrors.push({
      at: new Date().toISOString(),
      type: code.slice(0, 80),
      details: message.slice(0, 500),
      fatal,
      ...(status ? { status } : {}),
    });
    if (this.#recentErrors.length > 20) this.#recentErrors.shift();
  }

  /** Errors began: an unrecoverable failure is declared within GIVE_UP_AFTER, whatever happens. */
  #troubled(): void {
    if (this.#errorsSince) return;
    this.#errorsSince = Date.now();
    this.#watchdog = setTimeout(() => {
      this.#watchdog = null;
      if (this.#offline || this.#failed || !this.#errorsSince) return;
      // Offline is not a failure: wait for the network instead.
      if (!navigator.onLine) this.#goOffline();
      else this.#fail('playback_stalled', 'Playback could not recover from repeated errors');
    }, GIVE_UP_AFTER);
  }

  #clearWatchdog(): void {
    if (this.#watchdog !== null) clearTimeout(this.#watchdog);
    this.#watchdog = null;
  }

  #hlsError(data: ErrorData): void {
    if (this.#destroyed || this.#failed) return;
    const HlsCtor = this.#Hls as HlsClass;
    const status = data.response?.code || undefined;
    const code = `${data.type}/${data.details}`;
    this.#record(code, data.error?.message ?? data.reason ?? data.details, data.fatal, status);
    if (!data.fatal) {
      if (data.type === HlsCtor.ErrorTypes.NETWORK_ERROR) this.#troubled();
      return;
    }
    this.#events.add('error', this.#now(), {
      code: code.slice(0, 80),
      message: (data.error?.message ?? data.details).slice(0, 500),
      fatal: true,
      recovered: true,
      ...(status ? { status } : {}),
    });
    const D = HlsCtor.ErrorDetails;
    if (data.type === HlsCtor.ErrorTypes.MEDIA_ERROR) {
      this.#mediaError();
      return;
    }
    if (data.type === HlsCtor.ErrorTypes.NETWORK_ERROR) {
      // Final answers: the master is gone, access is refused for good.
      if (data.details === D.MANIFEST_LOAD_ERROR && status === 404) {
        this.#fail('not_found', 'This video is not available', status);
        return;
      }
      if (status === 403 || status === 401) {
        this.#fail('forbidden', 'Access to this video was refused', status);
        return;
      }
      if (status === 404 || status === 410) {
        // Every rung (hls.js has tried the others already) is gone.
        this.#fail('not_found', 'This video is not available', status);
        return;
      }
      this.#networkError(status);
      return;
    }
    this.#fail('playback_error', data.error?.message ?? data.details);
  }

  /** A fatal network error: wait for the network when offline, else retry with backoff + jitter. */
  #networkError(status: number | undefined): void {
    this.#troubled();
    this.#hls?.stopLoad();
    if (!navigator.onLine) {
      this.#goOffline();
      return;
    }
    if (this.#networkRetries >= NETWORK_RETRIES) {
      this.#fail('network', 'The video could not be loaded: check your connection and try again', status);
      return;
    }
    const delay = jitter(NETWORK_RETRY_BASE * 2 ** this.#networkRetries);
    this.#networkRetries++;
    this.#emitError({ fatal: false, code: 'network', message: 'Reconnecting…', recoverable: true });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (this.#failed || this.#destroyed) return;
      this.#resumeLoading();
    }, delay);
  }

  #goOffline(): void {
    if (this.#offline) return;
    this.#offline = true;
    this.#clearWatchdog();
    this.#errorsSince = 0;
    this.#hls?.stopLoad();
    this.#emitError({
      fatal: false,
      code: 'offline',
      message: 'You are offline: waiting for the network',
      recoverable: true,
    });
  }

  #backOnline(): void {
    if (!this.#offline || this.#destroyed) return;
    this.#offline = false;
    this.#networkRetries = 0;
    if (this.#failed) return;
    // The token may have expired meanwhile: renew first (the loader waits for it).
    if (Date.parse(this.#token.expires_at) - Date.now() < this.#token.renew_before * 1000) void this.#renew(false);
    this.#resumeLoading();
  }

  /** Loading again from the last good position, without reloading the source. */
  #resumeLoading(): void {
    const hls = this.#hls;
    if (!hls) {
      this.#attach(this.#position);
      return;
    }
    // Rungs hls.js sent to the penalty box come back: the fault may have passed.
    for (const level of hls.levels) {
      (level as { loadError?: number; fragmentError?: number }).loadError = 0;
      (level as { loadError?: number; fragmentError?: number }).fragmentError = 0;
    }
    hls.startLoad(this.#now() || this.#position);
  }

  #mediaError(): void {
    const now = Date.now();
    this.#mediaErrors = this.#mediaErrors.filter((t) => now - t < MEDIA_ERROR_WINDOW * 2);
    this.#mediaErrors.push(now);
    const hls = this.#hls;
    if (!hls) return;
    this.#troubled();
    const recent = this.#mediaErrors.filter((t) => now - t < MEDIA_ERROR_WINDOW).length;
    if (recent === 1) hls.recoverMediaError();
    else if (recent === 2) {
      hls.swapAudioCodec();
      hls.recoverMediaError();
    } else this.#fail('media', 'This video cannot be decoded on this device');
  }

  /** The server ended the session: when staff stopped it, fail at once with their message. */
  #ended(error: EngineApiError): void {
    const hint = (error.details as { hint?: { reason?: string | null; message?: string | null } } | null)?.hint;
    if (hint?.reason === 'terminated_by_staff') {
      this.#fail('session_terminated', hint.message || 'This stream was stopped by Reel support', 410);
    }
  }

  /** Unrecoverable: one 'error' event, loading stopped, nothing more requested until retry(). */
  #fail(code: string, message: string, status?: number): void {
    if (this.#failed || this.#destroyed) return;
    this.#failed = true;
    this.#position = this.#now();
    this.#clearWatchdog();
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#hls?.stopLoad();
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    this.#record(code, message, true, status);
    this.#events.add('error', this.#position, {
      code,
      message,
      fatal: true,
      recovered: false,
      ...(status ? { status } : {}),
    });
    void this.#events.flush();
    this.#emitError({ fatal: true, code, message, recoverable: true });
  }

  #emitError(error: EngineError): void {
    this.dispatchEvent(new CustomEvent<EngineError>('error', { detail: error }));
  }

  // ─── Media token ───────────────────────────────────────────────────────────────────────────

  #scheduleRenewal(): void {
    if (this.#renewTimer !== null) clearTimeout(this.#renewTimer);
    const t = this.#token;
    // expires_in (not the client's clock) says how long it has; renew `renew_before` ahead.
    const ms = Math.max(5_000, (t.expires_in - t.renew_before) * 1000);
    this.#renewTimer = setTimeout(() => {
      this.#renewTimer = null;
      void this.#renew(false);
    }, ms);
  }

  /**
   * A fresh media token (one renewal at a time). `refused`: after a 403. An embed asks its host for
   * a new playback token first ('token-expiring'). False: it could not be renewed.
   */
  #renew(refused: boolean): Promise<boolean> {
    if (this.#renewing) return this.#renewing;
    const sessionId = this.session.session_id;
    const attempt = async (): Promise<boolean> => {
      let playbackToken: string | undefined;
      if (this.#options.playbackToken && !this.#options.getAccessToken) {
        this.dispatchEvent(new CustomEvent('token-expiring', { detail: { expires_at: this.#token.expires_at } }));
        // The host has a while to answer; then the current token is tried as it is.
        playbackToken = await Promise.race([
          new Promise<string>((resolve) => {
            this.#partnerWait = resolve;
          }),
          sleep(PARTNER_TOKEN_WAIT).then(() => this.#partnerToken ?? undefined),
        ]);
        this.#partnerWait = null;
      }
      for (let i = 0; i < 3; i++) {
        try {
          const { media_token } = await this.#api<{ media_token: MediaToken }>({
            method: 'POST',
            path: `/player/sessions/${sessionId}/renew-token`,
            body: playbackToken ? { playback_token: playbackToken } : {},
          });
          this.#token = media_token;
          this.#tokenName = media_token.attach.name;
          this.#scheduleRenewal();
          return true;
        } catch (error) {
          const status = (error as EngineApiError).status ?? 0;
          if (status === 410) this.#ended(error as EngineApiError);
          if (status !== 0 && status < 500 && status !== 429) return false;
          await sleep(jitter(500 * 2 ** i));
        }
      }
      return false;
    };
    this.#renewing = attempt().finally(() => {
      this.#renewing = null;
    });
    if (refused) this.#record('media_token', 'The media token was refused (403): renewing', false, 403);
    return this.#renewing;
  }

  // ─── Events, heartbeats, page lifecycle ────────────────────────────────────────────────────

  #on(target: EventTarget, type: string, fn: EventListener): void {
    target.addEventListener(type, fn);
    this.#listeners.push([target, type, fn]);
  }

  #listen(): void {
    const v = this.#video;
    this.#on(v, 'play', () => {
      this.#playIntent = true;
      this.#watchedAt = v.currentTime;
      this.#events.add('play', v.currentTime, { autoplay: v.autoplay });
    });
    this.#on(v, 'pause', () => {
      if (!v.error) this.#playIntent = false;
      if (v.ended) return;
      this.#tick();
      this.#events.add('pause', v.currentTime);
    });
    this.#on(v, 'seeking', () => {
      this.#tick();
      this.#seekFrom = this.#position;
    });
    this.#on(v, 'seeked', () => {
      this.#events.add('seek', v.currentTime, { from: this.#seekFrom, to: v.currentTime });
      this.#position = v.currentTime;
      this.#watchedAt = v.currentTime;
    });
    this.#on(v, 'ended', () => {
      this.#tick();
      this.#events.add('ended', v.currentTime, { reason: 'completed' });
      void this.#events.flush();
    });
    this.#on(v, 'timeupdate', () => {
      if (!v.seeking && v.currentTime > 0 && !this.#failed) this.#position = v.currentTime;
    });
    this.#on(v, 'waiting', () => {
      if (this.#firstFrame && !v.seeking && !this.#stallAt) this.#stallAt = performance.now();
    });
    this.#on(v, 'playing', () => {
      this.#firstFrame = true;
      this.#nativeRetried = false;
      if (!this.#hls) this.#progressed();
      if (this.#stallAt) {
        const ms = Math.round(performance.now() - this.#stallAt);
        this.#stallAt = 0;
        this.#events.add('rebuffer', v.currentTime, { duration_ms: Math.min(3_600_000, ms) });
      }
    });
    this.#on(v, 'error', () => {
      // The browser's own HLS: an expired token (403) surfaces as a media error with no status.
      // Renew and set the source again at the same position, once; a second error before the
      // video plays again is final.
      if (this.#hls || this.#failed || this.#destroyed) return;
      const message = v.error?.message || 'The video could not be played';
      this.#record('media_element', message, false, v.error?.code);
      if (this.#nativeRetried) {
        this.#fail('playback_error', message);
        return;
      }
      this.#nativeRetried = true;
      this.#troubled();
      const at = this.#position;
      const resume = this.#playIntent;
      void this.#renew(true).then((ok) => {
        if (this.#destroyed || this.#failed) return;
        if (!ok) {
          this.#fail('forbidden', message);
          return;
        }
        this.#attach(at);
        if (resume) void v.play().catch(() => {});
      });
    });
    this.#on(window, 'online', () => this.#backOnline());
    this.#on(window, 'offline', () => {
      if (this.#errorsSince) this.#goOffline();
    });
    const hide = () => {
      this.#tick(true);
      this.#events.beacon();
    };
    this.#on(window, 'pagehide', hide);
    this.#on(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') hide();
    });
  }

  /** Queues a heartbeat with what was watched since the last one. */
  #tick(force = false): void {
    const v = this.#video;
    const now = v.currentTime;
    if (!v.paused && !v.seeking && now >= this.#watchedAt) this.#watched += now - this.#watchedAt;
    this.#watchedAt = now;
    if (!force && this.#watched <= 0 && v.paused) return;
    const hls = this.#hls;
    const level = hls ? hls.levels[hls.currentLevel] : undefined;
    const q = typeof v.getVideoPlaybackQuality === 'function' ? v.getVideoPlaybackQuality() : null;
    this.#events.add('heartbeat', this.#now(), {
      playing: !v.paused,
      buffer_ahead: this.#bufferAhead(),
      quality: this.#qualityChoice(),
      bitrate: level?.bitrate ?? null,
      bandwidth_estimate: hls?.bandwidthEstimate ? Math.round(hls.bandwidthEstimate) : null,
      playback_rate: Math.min(16, Math.max(0, v.playbackRate)),
      dropped_frames: q?.droppedVideoFrames ?? 0,
      watched: Math.round(this.#watched * 1000) / 1000,
    });
    this.#watched = 0;
  }

  #startHeartbeat(): void {
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = setInterval(() => {
      void this.#refreshBearer();
      this.#tick(true);
    }, HEARTBEAT_EVERY);
  }

  async #refreshBearer(): Promise<void> {
    const o = this.#options;
    this.#lastBearer = o.getAccessToken
      ? await o.getAccessToken().catch(() => null)
      : (this.#partnerToken ?? o.playbackToken ?? null);
  }

  #levelSwitched(level: number): void {
    const hls = this.#hls;
    if (!hls) return;
    const height = hls.levels[level]?.height ?? 0;
    if (level !== this.#lastLevel) {
      const from = this.#lastHeight ? ((this.#labelOf(this.#lastHeight) ?? null) as PlayerQualityChoice | null) : null;
      const to = this.#labelOf(height) as PlayerQualityChoice | undefined;
      if (to) {
        this.#events.add('quality_change', this.#now(), {
          from,
          to,
          mode: this.#manual ? 'manual' : 'auto',
          reason: this.#manual ? 'user' : this.#lastLevel < 0 ? 'startup' : 'bandwidth',
          ...(hls.levels[level]?.bitrate ? { bitrate: hls.levels[level].bitrate } : {}),
        });
      }
    }
    this.#lastLevel = level;
    this.#lastHeight = height;
    this.dispatchEvent(new CustomEvent('level-switched', { detail: { level, auto: hls.autoLevelEnabled } }));
  }

  // ─── Helpers ───────────────────────────────────────────────────────────────────────────────

  #labelOf(height: number): PlayerQualityChoice | undefined {
    return this.session.qualities.find((q) => q.height === height)?.label;
  }

  #qualityChoice(): PlayerQualityChoice | null {
    const hls = this.#hls;
    if (!hls) return null;
    if (hls.autoLevelEnabled) return 'auto';
    return this.#labelOf(hls.levels[hls.currentLevel]?.height ?? 0) ?? null;
  }

  /** The media position now, or the last good one while the video has none. */
  #now(): number {
    const t = this.#video.currentTime;
    return t > 0 ? t : this.#position;
  }

  #bufferAhead(): number {
    const v = this.#video;
    const t = v.currentTime;
    for (let i = 0; i < v.buffered.length; i++) {
      if (v.buffered.start(i) <= t + 0.1 && v.buffered.end(i) >= t) {
        return Math.round((v.buffered.end(i) - t) * 100) / 100;
      }
    }
    return 0;
  }

  #emit(type: string): void {
    this.dispatchEvent(new CustomEvent(type));
  }

  #stopTimers(): void {
    this.#clearWatchdog();
    for (const t of [this.#renewTimer, this.#retryTimer]) if (t !== null) clearTimeout(t);
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#renewTimer = this.#retryTimer = this.#heartbeat = null;
    this.#partnerWait = null;
  }
}
