import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a popup goes relative to its anchor. */
export interface PopupOptions {
  /** Gap between anchor and popup, in px. */
  offset?: number;
  /** The popup is at least as wide as the anchor (listboxes). */
  matchWidth?: boolean;
  /** Align the popup's start edge (default) or end edge with the anchor's. */
  align?: 'start' | 'end';
}

const MARGIN = 8;

/**
 * Places `popup` (a `position: fixed` element in the top layer, e.g. a `popover`) under `anchor`,
 * or above it when there is more room there, aligned to the anchor's start edge (its right edge
 * in right-to-left text), kept inside the viewport, and scrolling when it does not fit.
 */
export function positionPopup(anchor: Element, popup: HTMLElement, options: PopupOptions = {}): void {
  const { offset = 6, matchWidth = false, align = 'start' } = options;
  const a = anchor.getBoundingClientRect();
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = window.innerHeight;
  popup.style.minInlineSize = matchWidth ? `${a.width}px` : '';
  popup.style.maxBlockSize = '';
  const natural = popup.getBoundingClientRect();
  const below = viewportHeight - a.bottom - offset - MARGIN;
  const above = a.top - offset - MARGIN;
  const up = natural.height > below && above > below;
  const room = Math.max(96, up ? above : below);
  popup.style.maxBlockSize = `${room}px`;
  const height = Math.min(natural.height, room);
  const rtl = getComputedStyle(anchor).direction === 'rtl';
  const startAligned = (align === 'start') !== rtl;
  const left = startAligned ? a.left : a.right - natural.width;
  popup.style.left = `${Math.round(Math.min(Math.max(MARGIN, left), viewportWidth - natural.width - MARGIN))}px`;
  popup.style.top = `${Math.round(up ? a.top - offset - height : a.bottom + offset)}px`;
  popup.dataset.side = up ? 'top' : 'bottom';
}

/**
 * Keeps an open popup attached to its anchor (on scroll and resize) and closes it on a pointer
 * press outside the host. Listeners exist only while the popup is open, and go when the host
 * disconnects.
 */
export class PopupController implements ReactiveController {
  private open = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      anchor: () => Element | null | undefined;
      popup: () => HTMLElement | null | undefined;
      onOutside: () => void;
      placement?: () => PopupOptions;
    },
  ) {
    host.addController(this);
  }

  private reposition = () => {
    const anchor = this.options.anchor();
    const popup = this.options.popup();
    if (anchor && popup) positionPopup(anchor, popup, this.options.placement?.());
  };

  private onPointerDown = (event: PointerEvent) => {
    if (!event.composedPath().includes(this.host)) this.options.onOutside();
  };

  /** Shows the popup (`showPopover()`), positions it and starts following the anchor. */
  show(): void {
    const popup = this.options.popup();
    if (!popup) return;
    if (!popup.matches(':popover-open')) popup.showPopover();
    this.reposition();
    if (this.open) return;
    this.open = true;
    window.addEventListener('resize', this.reposition);
    window.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    document.addEventListener('pointerdown', this.onPointerDown, { capture: true });
  }

  /** Hides the popup and stops following. */
  hide(): void {
    const popup = this.options.popup();
    if (popup?.matches(':popover-open')) popup.hidePopover();
    this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    if (!this.open) return;
    this.open = false;
    window.removeEventListener('resize', this.reposition);
    window.removeEventListener('scroll', this.reposition, { capture: true });
    document.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
  }
}

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Finds the first option whose label starts with `query` (case-insensitive), starting after `from`. */
export function typeAhead<T>(items: readonly T[], label: (item: T) => string, query: string, from: number): number {
  const q = query.toLocaleLowerCase();
  for (let i = 1; i <= items.length; i++) {
    const index = (from + i) % items.length;
    if (
      label(items[index] as T)
        .trim()
        .toLocaleLowerCase()
        .startsWith(q)
    )
      return index;
  }
  return -1;
}
