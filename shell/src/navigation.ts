// Client-side navigation for the shell: same-origin link clicks (inside shadow roots too) and
// `reel-navigate` events go through the History API, which single-spa follows, without a reload;
// scroll positions are remembered per history entry and restored on back/forward.

/** Paths the server answers itself (not the shell): a link to them is a normal page load. */
const SERVER_PATHS = /^\/(api|media|assets|packages|apps|\.well-known)(\/|$)/;

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
}

let counter = 0;
const newKey = () => `${Date.now().toString(36)}.${(counter++).toString(36)}`;

/** The key of the current history entry (scroll positions are kept under it). */
export function entryKey(): string | null {
  const state = history.state as { reelKey?: unknown } | null;
  return typeof state?.reelKey === 'string' ? state.reelKey : null;
}

/**
 * The same-origin path of `href` if the shell can show it without a reload, else null (another
 * origin, a server path such as `/api/…`, a file such as `/manifest.webmanifest`).
 */
export function appPath(href: string, base: string = location.href): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin !== new URL(base).origin) return null;
  if (SERVER_PATHS.test(url.pathname)) return null;
  const last = url.pathname.split('/').pop() ?? '';
  if (last.includes('.')) return null;
  return url.pathname + url.search + url.hash;
}

/** The shell's history: navigation that keeps scroll positions per entry. */
export class Navigator {
  private positions = new Map<string, number>();
  /** Where to scroll once the next route is on screen: 0 for a new page, the saved offset on back. */
  private pendingScroll: number | null = null;
  private saveFrame = 0;
  private restoreStop: (() => void) | null = null;
  private readonly storageKey = 'reel.shell.scroll';
  private disposers: Array<() => void> = [];

  constructor(private readonly win: Window = window) {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]') as [string, number][];
      this.positions = new Map(saved.slice(-50));
    } catch {
      // A fresh map is fine.
    }
  }

  /** Starts listening: link clicks, `reel-navigate`, back/forward and scrolling. */
  install(): () => void {
    const { history } = this.win;
    history.scrollRestoration = 'manual';
    if (!entryKey()) history.replaceState({ ...(history.state ?? {}), reelKey: newKey() }, '');
    const on = <K extends keyof WindowEventMap>(
      type: K,
      listener: (event: WindowEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      this.win.addEventListener(type, listener, options);
      this.disposers.push(() => this.win.removeEventListener(type, listener, options));
    };
    on('click', (event) => this.onClick(event));
    on('reel-navigate', (event) => {
      const path = appPath(event.detail.href);
      if (path === null) return;
      event.preventDefault();
      this.navigate(path, { replace: event.detail.replace ?? false });
    });
    on('popstate', (event) => {
      // single-spa dispatches synthetic popstate events for pushState/replaceState: only a real
      // back/forward restores a position.
      if ((event as PopStateEvent & { singleSpa?: boolean }).singleSpa) return;
      const key = entryKey();
      this.pendingScroll = key ? (this.positions.get(key) ?? 0) : 0;
    });
    on('scroll', () => this.scheduleSave(), { passive: true });
    on('pagehide', () => this.persist());
    return () => {
      for (const dispose of this.disposers.splice(0)) dispose();
      this.restoreStop?.();
    };
  }

  /** Goes to `href` (a path of this site) without a reload. */
  navigate(href: string, options: NavigateOptions = {}): void {
    const path = appPath(href);
    if (path === null) {
      this.win.location.assign(href);
      return;
    }
    const target = new URL(path, this.win.location.href);
    const here = this.win.location;
    if (target.pathname === here.pathname && target.search === here.search && !options.replace) {
      // Same page: follow a fragment, or just go back to the top.
      if (target.hash) this.win.location.hash = target.hash;
      else this.win.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    this.save();
    this.pendingScroll = 0;
    const state = { reelKey: newKey() };
    if (options.replace) this.win.history.replaceState(state, '', path);
    else this.win.history.pushState(state, '', path);
  }

  /**
   * Restores the scroll position for the entry now showing (call once its route is mounted).
   * Content that arrives late (rails loading) is waited for, briefly; the user scrolling wins.
   */
  restoreScroll(): void {
    if (!entryKey()) this.win.history.replaceState({ ...(this.win.history.state ?? {}), reelKey: newKey() }, '');
    const top = this.pendingScroll;
    this.pendingScroll = null;
    if (top === null) return;
    this.restoreStop?.();
    const hash = this.win.location.hash.slice(1);
    if (top === 0) {
      const anchor = hash ? this.win.document.getElementById(decodeURIComponent(hash)) : null;
      if (anchor) anchor.scrollIntoView();
      else this.win.scrollTo(0, 0);
      return;
    }
    const doc = this.win.document.documentElement;
    const started = performance.now();
    let frame = 0;
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const type of ['wheel', 'touchstart', 'keydown'] as const) this.win.removeEventListener(type, stop);
      this.restoreStop = null;
    };
    for (const type of ['wheel', 'touchstart', 'keydown'] as const)
      this.win.addEventListener(type, stop, { passive: true });
    const step = () => {
      this.win.scrollTo(0, top);
      const reachable = doc.scrollHeight - this.win.innerHeight >= top - 1;
      if ((reachable && Math.abs(this.win.scrollY - top) < 2) || performance.now() - started > 3000) stop();
      else frame = requestAnimationFrame(step);
    };
    this.restoreStop = stop;
    step();
  }

  private onClick(event: MouseEvent): void {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event
      .composedPath()
      .find(
        (node): node is HTMLAnchorElement | SVGAElement =>
          node instanceof HTMLAnchorElement || node instanceof SVGAElement,
      );
    if (!anchor) return;
    const href = anchor instanceof SVGAElement ? anchor.href.baseVal : anchor.getAttribute('href');
    if (!href || href.startsWith('#')) return;
    const target = anchor instanceof SVGAElement ? anchor.target.baseVal : anchor.target;
    if (target && target !== '_self') return;
    if (anchor.hasAttribute('download')) return;
    if ((anchor.getAttribute('rel') ?? '').split(/\s+/).includes('external')) return;
    const path = appPath(href, anchor.baseURI);
    if (path === null) return;
    event.preventDefault();
    this.navigate(path);
  }

  private scheduleSave(): void {
    if (this.saveFrame) return;
    this.saveFrame = requestAnimationFrame(() => {
      this.saveFrame = 0;
      this.save();
    });
  }

  private save(): void {
    const key = entryKey();
    if (key && this.pendingScroll === null) this.positions.set(key, this.win.scrollY);
  }

  private persist(): void {
    this.save();
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify([...this.positions].slice(-50)));
    } catch {
      // Storage full or disabled: positions last for this page only.
    }
  }
}
