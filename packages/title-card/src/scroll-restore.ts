import type { ReactiveController, ReactiveControllerHost } from 'lit';

const KEY = 'reelScrollY';

/**
 * Back-button scroll restoration for pages whose content arrives after the route shows (home,
 * title detail, person, collection): the browser restores scroll before the content is there, so
 * the position is lost. This remembers the window's scroll position in the current history entry
 * (`history.state`, merged with whatever the router keeps there) when scrolling stops, and puts it
 * back when the same entry is shown again — back/forward or reload — once the host says its
 * content is rendered. A new entry (a link followed) has no position and starts at the top.
 *
 * @example
 * private readonly scroll = new ScrollRestore(this);
 * // after the data rendered:
 * this.scroll.restore();
 */
export class ScrollRestore implements ReactiveController {
  private saved: number | null = null;
  private restored = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const state = history.state as Record<string, unknown> | null;
    const y = state && typeof state === 'object' ? state[KEY] : undefined;
    this.saved = typeof y === 'number' ? y : null;
    this.restored = false;
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.onScroll);
    clearTimeout(this.timer);
  }

  /** Restores the remembered position once (call after the content rendered). */
  restore(): void {
    if (this.restored) return;
    this.restored = true;
    const y = this.saved;
    if (y === null || y <= 0) return;
    // After this render's layout, so the page is tall enough.
    requestAnimationFrame(() => window.scrollTo({ top: y, behavior: 'instant' }));
  }

  private onScroll = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), 150);
  };

  private save(): void {
    const state = history.state as unknown;
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return;
    try {
      history.replaceState({ ...(state as Record<string, unknown> | null), [KEY]: Math.round(window.scrollY) }, '');
    } catch {
      // A state the browser cannot clone: leave it alone.
    }
  }
}
