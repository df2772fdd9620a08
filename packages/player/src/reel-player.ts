import { ContextConsumer, createContext } from '@lit/context';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { type CSSResult, css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Engine, EngineError, EngineModule } from './engine-api.js';

/** The session as the shell's `<reel-auth-provider>` provides it (the key is `Symbol.for('reel.auth')`). */
export interface PlayerSessionContext {
  readonly status: 'loading' | 'signed-out' | 'signed-in';
  readonly profileId: string | null;
  readonly mode: 'site' | 'embed';
  readonly apiBase: string;
  // biome-ignore lint/suspicious/noExplicitAny: the client's Transport, used only by lazy chunks
  readonly client: any;
  accessToken?(): Promise<string | null>;
}
// Recreated here rather than imported from @reel/core, whose barrel costs more than the budget allows.
const sessionContext = createContext<PlayerSessionContext | undefined>(Symbol.for('reel.auth'));

/** The lazily loaded chrome (controls, menus, markers, dialogs): `./chrome.ts`. */
export interface Chrome {
  styles: CSSResult;
  render(p: ReelPlayer): TemplateResult;
  key(p: ReelPlayer, e: KeyboardEvent): void;
  attach(p: ReelPlayer): void;
  open(p: ReelPlayer, what: 'report' | 'shortcuts' | 'stats'): void;
}

type Phase = 'idle' | 'loading' | 'ready' | 'error';

const listFrom = (value: string | null): string[] => (value ? value.split(/\s+/).filter(Boolean) : []);

/**
 * Reel's streaming player: custom controls, markers with Skip Intro / Recap / Credits, next
 * episode, remembered audio and subtitles, stats and problem reports. Before playback only this
 * element's shell loads (Lit and a poster); the media engine (hls.js) and the controls load on
 * the first intent (pointer over, focus, play, autoplay).
 *
 * @summary The streaming player, for the site and partner pages.
 *
 * @fires reel-play - Playback started or resumed. `detail: { time }`
 * @fires reel-pause - Playback paused. `detail: { time }`
 * @fires reel-ended - The media ended. `detail: { time }`
 * @fires reel-timeupdate - The position changed (about 4× a second). `detail: { time, duration }`
 * @fires reel-quality-change - The rendition changed. `detail: { level, label, auto }`
 * @fires reel-error - Playback failed; the error panel is shown. `detail: { code, message, fatal }`
 * @fires reel-token-expiring - A partner playback token is about to expire: set `playbackToken`. `detail: {}`
 * @fires reel-navigate - Back was pressed without history: `detail: { href }` (the title page).
 *
 * @csspart video - The `<video>` element.
 * @csspart poster - The poster shown before playback.
 * @csspart play-button - The big play button.
 * @csspart controls - The control bar.
 * @csspart seek - The seek bar.
 * @csspart skip - The Skip Intro / Recap / Credits button.
 * @csspart next - The next-episode card.
 * @csspart error - The error panel.
 * @csspart subtitles - The subtitle text.
 *
 * @cssproperty --reel-player-accent - The seek bar's progress and focus colour (default: the theme accent).
 * @cssproperty --reel-player-background - Behind the video (default black).
 * @cssproperty --reel-player-radius - Corner radius of the element (default 0).
 * @cssproperty --reel-player-font - The font of the controls (default: the theme font).
 */
export class ReelPlayer extends LitElement {
  // Reactive properties declared statically rather than with decorators: the decorators' runtime
  // is about half a kilobyte of the element's 14 KB budget before the media engine.
  static override properties = {
    titleId: { attribute: 'title-id', reflect: true },
    episodeId: { attribute: 'episode-id', reflect: true },
    autoplay: { type: Boolean },
    muted: { type: Boolean, reflect: true },
    startTime: { attribute: 'start-time', type: Number },
    playbackToken: { attribute: 'playback-token' },
    apiBase: { attribute: 'api-base' },
    poster: {},
    disabledShortcuts: {
      attribute: 'disable-shortcuts',
      converter: { fromAttribute: listFrom, toAttribute: (v: string[]) => v.join(' ') },
    },
    phase: { state: true },
    error: { state: true },
    controlsShown: { state: true },
    info: { state: true },
    announcement: { state: true },
  };

  /** The title to play (a film, or a series: its current episode). Attribute `title-id`. */
  declare titleId: string | null;
  /** The episode to play. Attribute `episode-id`. */
  declare episodeId: string | null;
  /** Start as soon as the element is connected (muted if the browser requires it). */
  declare autoplay: boolean;
  /** Start muted. */
  declare muted: boolean;
  /** Start here (seconds) instead of the saved position. Attribute `start-time`. */
  declare startTime: number | null;
  /** A partner's playback token (embedded players); renew it on `reel-token-expiring`. Attribute `playback-token`. */
  declare playbackToken: string | null;
  /** The API: `/api/v1` on the site, absolute on a partner page. Attribute `api-base`. */
  declare apiBase: string | null;
  /** A poster image shown before playback (default: the title's backdrop). */
  declare poster: string | null;
  /**
   * Keyboard shortcuts to turn off, by key (`k m f`, `ArrowLeft`, `space`): for hosts that need
   * those keys. Attribute `disable-shortcuts`, space-separated.
   */
  declare disabledShortcuts: string[];

  declare phase: Phase;
  declare error: EngineError | null;
  declare controlsShown: boolean;
  declare info: { name: string; sub: string; art: string } | null;
  declare announcement: string;

  get video(): HTMLVideoElement {
    return this.renderRoot.querySelector('video') as HTMLVideoElement;
  }

  engine: Engine | null = null;
  chrome: Chrome | null = null;
  /** Anything the chrome keeps (menus, countdowns …). */
  ui: Record<string, unknown> = {};
  session: PlayerSessionContext | undefined;
  #starting: Promise<void> | null = null;
  #hideTimer = 0;
  #generation = 0;

  constructor() {
    super();
    this.titleId = null;
    this.episodeId = null;
    this.autoplay = false;
    this.muted = false;
    this.startTime = null;
    this.playbackToken = null;
    this.apiBase = null;
    this.poster = null;
    this.disabledShortcuts = [];
    this.phase = 'idle';
    this.error = null;
    this.controlsShown = true;
    this.info = null;
    this.announcement = '';
    updateWhenLocaleChanges(this);
    new ContextConsumer(this, {
      context: sessionContext,
      subscribe: true,
      callback: (value) => {
        this.session = value;
      },
    });
  }

  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      /* The controls size themselves to the player, not the window: a 320 px partner column or a full-width hero. */
      container: reel-player / inline-size;
      background: var(--reel-player-background, #000);
      color: #fff;
      color-scheme: dark;
      border-radius: var(--reel-player-radius, 0);
      font-family: var(--reel-player-font, var(--reel-font-family, system-ui, sans-serif));
      aspect-ratio: 16 / 9;
      --accent: var(--reel-player-accent, var(--reel-color-accent, #e50914));
      -webkit-tap-highlight-color: transparent;
    }
    :host([fill]) {
      aspect-ratio: auto;
      height: 100%;
    }
    :host([page]) {
      aspect-ratio: auto;
      height: 100vh;
      height: 100dvh;
    }
    :host(:fullscreen) {
      aspect-ratio: auto;
    }
    :host([hide-cursor]) {
      cursor: none;
    }
    .stage {
      position: absolute;
      inset: 0;
      outline: none;
    }
    video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: contain;
      background: #000;
    }
    .poster {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      opacity: 0.7;
    }
    .shade {
      position: absolute;
      inset: 0;
      background: linear-gradient(180deg, rgb(0 0 0 / 0.55), transparent 30%, transparent 55%, rgb(0 0 0 / 0.75));
      pointer-events: none;
    }
    .center {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 1rem;
      text-align: center;
      padding: 1rem;
    }
    .headline {
      position: absolute;
      inset-inline-start: clamp(1rem, 4vw, 3rem);
      bottom: clamp(1rem, 6vh, 3rem);
      max-width: 60%;
      text-align: start;
    }
    .headline h1 {
      margin: 0;
      font-size: clamp(1.25rem, 3.5vw, 2.75rem);
      font-weight: 800;
      line-height: 1.1;
      text-shadow: 0 2px 12px rgb(0 0 0 / 0.6);
    }
    .headline p {
      margin: 0.4rem 0 0;
      color: rgb(255 255 255 / 0.8);
      font-size: clamp(0.875rem, 1.4vw, 1.125rem);
    }
    .big {
      width: clamp(3.5rem, 9vw, 6rem);
      height: clamp(3.5rem, 9vw, 6rem);
      border-radius: 50%;
      border: 2px solid rgb(255 255 255 / 0.9);
      background: rgb(0 0 0 / 0.45);
      color: #fff;
      display: grid;
      place-items: center;
      cursor: pointer;
      transition: transform 0.15s, background 0.15s;
    }
    .big:hover {
      transform: scale(1.08);
      background: var(--accent);
      border-color: var(--accent);
    }
    .big svg {
      width: 45%;
      height: 45%;
      margin-inline-start: 8%;
    }
    svg {
      fill: currentColor;
      display: block;
    }
    .spinner {
      width: 3.5rem;
      height: 3.5rem;
      border-radius: 50%;
      border: 4px solid rgb(255 255 255 / 0.2);
      border-top-color: var(--accent);
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    .panel {
      max-width: 32rem;
      background: rgb(20 20 23 / 0.92);
      border-radius: 0.5rem;
      padding: 1.5rem;
    }
    .panel h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }
    .panel p {
      margin: 0 0 1rem;
      color: rgb(255 255 255 / 0.75);
    }
    .btn {
      font: inherit;
      font-weight: 600;
      border: 0;
      border-radius: 0.25rem;
      padding: 0.6rem 1.25rem;
      margin: 0.25rem;
      cursor: pointer;
      background: #fff;
      color: #000;
    }
    .btn.ghost {
      background: rgb(109 109 110 / 0.7);
      color: #fff;
    }
    :focus-visible {
      outline: 3px solid #fff;
      outline-offset: 2px;
    }
    .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointermove', this.#wake);
    this.addEventListener('pointerdown', this.#wake);
    this.addEventListener('keydown', this.#onKey);
    this.addEventListener('pointerenter', this.#prefetch, { once: true });
    this.addEventListener('focusin', this.#prefetch, { once: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#hideTimer);
    this.removeEventListener('pointermove', this.#wake);
    this.removeEventListener('pointerdown', this.#wake);
    this.removeEventListener('keydown', this.#onKey);
    void this.#teardown();
  }

  protected override firstUpdated(): void {
    const v = this.video;
    v.muted = this.muted;
    for (const type of [
      'play',
      'pause',
      'playing',
      'waiting',
      'timeupdate',
      'progress',
      'durationchange',
      'volumechange',
      'ratechange',
      'seeking',
      'seeked',
      'ended',
      'loadedmetadata',
      'enterpictureinpicture',
      'leavepictureinpicture',
    ]) {
      v.addEventListener(type, this.#onMedia);
    }
    // A watch page of the site (the shell's route element) starts at once, as a click on Play led
    // there; a player embedded elsewhere waits for `autoplay` or a click.
    const host = (this.getRootNode() as ShadowRoot).host;
    const routed = this.parentElement?.localName === 'reel-route-view' || host?.localName === 'reel-route-view';
    if (routed) this.setAttribute('page', '');
    if (this.autoplay || routed) void this.#start(true);
    else void this.#loadPoster();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('muted') && this.video) this.video.muted = this.muted;
    if (changed.has('playbackToken') && this.engine && this.playbackToken) {
      this.engine.playbackToken = this.playbackToken;
    }
    // A new title or episode: a new session (the old one ends).
    if (
      (changed.has('titleId') && changed.get('titleId') !== undefined) ||
      (changed.has('episodeId') && changed.get('episodeId') !== undefined)
    ) {
      if (this.engine || this.#starting) void this.#restart();
    }
  }

  // ---------------------------------------------------------------------------------- public API

  /** Starts (or resumes) playback; starts the session on first use. */
  async play(): Promise<void> {
    if (!this.engine) return this.#start(true);
    await this.video.play().catch(() => {});
  }

  /** Pauses playback. */
  pause(): void {
    this.video?.pause();
  }

  /** Moves to `time` seconds (clamped to the media). */
  seek(time: number): void {
    const v = this.video;
    if (!v) return;
    const end = Number.isFinite(v.duration) ? v.duration : (this.engine?.session.duration ?? time);
    v.currentTime = Math.max(0, Math.min(time, end - 0.05));
  }

  /** Speaks `text` through the element's live region. */
  announce(text: string): void {
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  emit(type: string, detail: Record<string, unknown> = {}): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Shows the controls; hides them again after 3 s while playing. */
  wake(): void {
    this.controlsShown = true;
    this.removeAttribute('hide-cursor');
    clearTimeout(this.#hideTimer);
    this.#hideTimer = window.setTimeout(() => {
      if (this.video && !this.video.paused && !this.ui.menu && !this.ui.dragging && !this.ui.dialog) {
        this.controlsShown = false;
        this.setAttribute('hide-cursor', '');
      }
    }, 3000);
  }

  // -------------------------------------------------------------------------------- internals

  #wake = (): void => {
    this.ui.input = Date.now();
    this.wake();
  };

  #prefetch = (): void => {
    void this.#loadChrome();
    void import('./engine/index.js');
  };

  #onKey = (e: KeyboardEvent): void => {
    if (this.phase === 'idle' && (e.key === ' ' || e.key === 'k' || e.key === 'Enter') && !e.defaultPrevented) {
      if (e.composedPath()[0] instanceof HTMLButtonElement) return;
      e.preventDefault();
      void this.#start(true);
      return;
    }
    this.ui.input = Date.now();
    this.chrome?.key(this, e);
  };

  #onMedia = (e: Event): void => {
    const v = this.video;
    const time = v.currentTime;
    switch (e.type) {
      case 'play':
        this.emit('reel-play', { time });
        this.wake();
        break;
      case 'pause':
        this.emit('reel-pause', { time });
        this.wake();
        break;
      case 'ended':
        this.emit('reel-ended', { time });
        break;
      case 'timeupdate':
        this.emit('reel-timeupdate', { time, duration: v.duration });
        break;
      case 'volumechange':
        if (this.muted !== v.muted) this.muted = v.muted;
        break;
    }
    this.requestUpdate();
  };

  #chromeAfterFirstFrame(): void {
    if (this.chrome) return;
    const v = this.video;
    const load = () => void this.#loadChrome();
    if (v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) load();
    else v.addEventListener('loadeddata', load, { once: true });
    // A slow first frame still gets its controls (back, error panel) after a few seconds.
    setTimeout(load, 4000);
  }

  async #loadChrome(): Promise<Chrome> {
    if (this.chrome) return this.chrome;
    const chrome = (await import('./chrome.js')).chrome;
    if (!this.chrome) {
      this.chrome = chrome;
      const root = this.shadowRoot;
      if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, chrome.styles.styleSheet as CSSStyleSheet];
      chrome.attach(this);
      this.requestUpdate();
    }
    return this.chrome;
  }

  /** Poster and title before playback: the title's public card (best effort). */
  async #loadPoster(): Promise<void> {
    if (this.info || !this.titleId) return;
    try {
      const res = await fetch(`${this.#base()}/titles/${encodeURIComponent(this.titleId)}`, {
        credentials: 'omit',
        headers: { accept: 'application/json' },
      });
      if (!res.ok) return;
      const t = (await res.json()) as { name: string; year?: number; artwork?: { backdrop?: string } };
      if (!this.info)
        this.info = {
          name: t.name,
          sub: t.year ? String(t.year) : '',
          art: t.artwork?.backdrop ? this.apiUrl(t.artwork.backdrop) : '',
        };
    } catch {
      // No poster: the big play button is enough.
    }
  }

  #base(): string {
    return (this.apiBase ?? this.session?.apiBase ?? '/api/v1').replace(/\/$/, '');
  }

  /**
   * A URL the API gave (artwork, chapters, sprites), resolved against the API's origin, not the
   * page's: on a partner page the two differ.
   * @internal
   */
  apiUrl(url: string): string {
    return new URL(url, new URL(`${this.#base()}/`, location.href)).href;
  }

  /** Starts the session (engine and chrome load in parallel). Never loops: one attempt per call. */
  #start(autoplay: boolean): Promise<void> {
    if (this.#starting) return this.#starting;
    const generation = ++this.#generation;
    this.phase = 'loading';
    this.error = null;
    this.#starting = (async () => {
      try {
        const titleId = this.titleId;
        if (!titleId)
          throw Object.assign(new Error(msg('Nothing to play.', { id: 'player.error.no-title' })), {
            code: 'no_title',
          });
        // The controls load once the first frame is on screen (or on pointer intent, see #prefetch):
        // nothing but the element, the engine and hls.js stands between play and the first frame.
        this.#chromeAfterFirstFrame();
        const mod = (await import('./engine/index.js')) as EngineModule;
        const session = this.session;
        const token = this.playbackToken;
        const engine = await mod.PlaybackEngine.create({
          video: this.video,
          apiBase: this.#base(),
          ...(session?.accessToken && !token
            ? { getAccessToken: () => session.accessToken?.() ?? Promise.resolve(null) }
            : {}),
          ...(token ? { playbackToken: token } : {}),
          titleId,
          ...(this.episodeId ? { episodeId: this.episodeId } : {}),
          ...(this.startTime != null ? { startTime: this.startTime } : {}),
        });
        if (generation !== this.#generation) {
          void engine.destroy();
          return;
        }
        this.engine = engine;
        this.#wire(engine);
        this.phase = 'ready';
        this.chrome?.attach(this);
        this.stage()?.focus({ preventScroll: true });
        if (autoplay) {
          await this.video.play().catch(async () => {
            // The browser refuses sound without a gesture: start muted if `autoplay` asked for it;
            // otherwise stay paused on the first frame with the controls up.
            this.wake();
            if (!this.autoplay) return;
            this.video.muted = true;
            await this.video.play().catch(() => {});
          });
        }
      } catch (error) {
        if (generation !== this.#generation) return;
        const e = error as { code?: string; message?: string; status?: number };
        this.#fail({
          fatal: true,
          recoverable: true,
          code: e.code ?? 'start_failed',
          message: e.message ?? String(error),
        });
      } finally {
        if (generation === this.#generation) this.#starting = null;
      }
    })();
    return this.#starting;
  }

  stage(): HTMLElement | null {
    return this.renderRoot.querySelector('.stage');
  }

  #wire(engine: Engine): void {
    engine.addEventListener('error', (e) => {
      const detail = (e as CustomEvent<EngineError>).detail;
      if (detail.fatal) this.#fail(detail);
    });
    engine.addEventListener('recovered', () => {
      this.error = null;
      if (this.phase === 'error') this.phase = 'ready';
    });
    engine.addEventListener('level-switched', (e) => {
      const { level, auto } = (e as CustomEvent<{ level: number; auto: boolean }>).detail;
      const label = engine.levels.find((l) => l.index === level)?.label ?? '';
      this.emit('reel-quality-change', { level, label, auto });
      this.requestUpdate();
    });
    engine.addEventListener('token-expiring', () => this.emit('reel-token-expiring'));
    for (const type of ['levels', 'tracks']) engine.addEventListener(type, () => this.requestUpdate());
  }

  #fail(error: EngineError): void {
    this.error = error;
    this.phase = 'error';
    this.controlsShown = true;
    void this.#loadChrome();
    this.emit('reel-error', { code: error.code, message: error.message, fatal: error.fatal });
    this.announce(msg('Playback error', { id: 'player.announce.error' }));
  }

  async #teardown(): Promise<void> {
    this.#generation++;
    this.#starting = null;
    const engine = this.engine;
    this.engine = null;
    if (engine) await engine.destroy().catch(() => {});
  }

  async #restart(): Promise<void> {
    const playing = this.video ? !this.video.paused || this.phase === 'ready' : false;
    await this.#teardown();
    this.info = null;
    this.ui = { input: this.ui.input, auto: this.ui.auto };
    await this.#start(playing || this.autoplay);
  }

  /** Retry after a fatal error (user-initiated only). */
  retry(): void {
    this.error = null;
    if (this.engine) {
      this.phase = 'ready';
      this.engine.retry();
    } else {
      void this.#start(true);
    }
  }

  protected override render(): TemplateResult {
    const idle = this.phase === 'idle';
    const info = this.info;
    return html`<div class="stage" tabindex="-1">
        <video part="video" playsinline preload="none" crossorigin="anonymous"></video>
        ${
          idle
            ? html`${info?.art || this.poster ? html`<img part="poster" class="poster" alt="" src=${this.poster ?? info?.art ?? ''} />` : nothing}
                <div class="shade"></div>
                <div class="center">
                  <button class="big" part="play-button" aria-label=${msg('Play', { id: 'player.play' })} @click=${() => this.#start(true)}>
                    <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M8 5v14l11-7z" /></svg>
                  </button>
                </div>
                ${info ? html`<div class="headline"><h1>${info.name}</h1><p>${info.sub}</p></div>` : nothing}`
            : nothing
        }
        ${this.phase !== 'idle' && this.chrome ? this.chrome.render(this) : nothing}
        ${this.phase === 'loading' ? html`<div class="center" role="status" aria-label=${msg('Loading', { id: 'player.loading' })}><div class="spinner"></div></div>` : nothing}
        ${this.phase === 'error' ? this.#renderError() : nothing}
      </div>
      <div class="sr" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #renderError(): TemplateResult {
    const e = this.error;
    // Staff stopped the stream (admin live sessions): their message, or the default one translated.
    const stopped = e?.code === 'session_terminated';
    const stoppedDefault = msg('This stream was stopped by Reel support', { id: 'player.error.terminated' });
    const text =
      stopped && (!e?.message || e.message === 'This stream was stopped by Reel support')
        ? stoppedDefault
        : (e?.message ?? '');
    return html`<div class="center" part="error">
      <div class="panel" role="alert">
        <h2>${stopped ? msg('Playback stopped', { id: 'player.error.stopped' }) : msg('Something went wrong', { id: 'player.error.title' })}</h2>
        <p>${text}${e?.code ? html` <small>(${e.code})</small>` : nothing}</p>
        <button class="btn" @click=${() => this.retry()}>${msg('Retry', { id: 'player.retry' })}</button>
        ${
          this.engine
            ? html`<button class="btn ghost" @click=${() => this.chrome?.open(this, 'report')}>
                ${msg('Report a problem', { id: 'player.report' })}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-player': ReelPlayer;
  }
}
