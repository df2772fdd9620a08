import type { Transport } from '@reel/client';
import type { TitleSummary } from '@reel/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SpritePlayer } from './sprite.js';

/** How long a pointer rests on a card before it expands (ms). */
export const HOVER_DELAY = 450;
/** Keyboard focus waits longer: arrowing along a rail should not flash previews. */
export const FOCUS_DELAY = 900;

export interface HoverPreviewOptions {
  client: () => Transport;
  apiBase: () => string | null | undefined;
}

/**
 * When to show the expanded card and what it shows: a pointer resting on a card (or keyboard focus
 * staying on one) opens it after a short delay, a long press opens it on touch screens, leaving
 * closes it (after a grace period so the pointer can move onto it), Escape closes it. While open,
 * the title's thumbnail sprite plays. The host reflects `previewing` and renders
 * `renderPreview(preview.title, …)` at `preview.anchor`.
 */
export class HoverPreview implements ReactiveController {
  /** The open preview, if any. */
  active: { title: TitleSummary; anchor: HTMLElement } | null = null;
  readonly sprite: SpritePlayer;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: HoverPreviewOptions,
  ) {
    host.addController(this);
    this.sprite = new SpritePlayer(() => host.requestUpdate());
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.hide();
  }

  /** Opens the preview of `title` at `anchor` after `delay` ms (a card was hovered or focused). */
  schedule(title: TitleSummary, anchor: HTMLElement, delay: number): void {
    clearTimeout(this.closeTimer);
    if (this.active?.title.id === title.id) return;
    if (this.pending === title.id) return;
    clearTimeout(this.openTimer);
    this.pending = title.id;
    this.openTimer = setTimeout(() => this.show(title, anchor), delay);
  }

  /** Opens now (a long press on a touch screen). */
  show(title: TitleSummary, anchor: HTMLElement): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    if (!anchor.isConnected) return;
    this.active = { title, anchor };
    this.host.toggleAttribute('previewing', true);
    this.host.requestUpdate();
    if (title.has_preview) void this.sprite.start(this.options.client(), title.id, this.options.apiBase());
  }

  /** The pointer left a card or the preview: close soon, unless it comes back. */
  leave(): void {
    clearTimeout(this.openTimer);
    this.pending = null;
    clearTimeout(this.closeTimer);
    if (this.active) this.closeTimer = setTimeout(() => this.hide(), 160);
  }

  /** The pointer is on the preview: keep it open. */
  keep(): void {
    clearTimeout(this.closeTimer);
  }

  /** Keeps the shown title in step with the data (watchlist or progress changed). */
  refresh(title: TitleSummary): void {
    if (this.active?.title.id === title.id) this.active = { ...this.active, title };
  }

  hide(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    this.sprite.stop();
    if (!this.active) return;
    this.active = null;
    this.host.removeAttribute('previewing');
    this.host.requestUpdate();
  }
}

/** The physical edge an expanded card grows from. */
export type PreviewOrigin = 'left' | 'center' | 'right';

/**
 * Where the expanded card goes: centred on the card's artwork, about 1.5× as wide, kept inside
 * `bounds` (the rail's visible width), growing from the edge it is pinned to.
 */
export function placePreview(
  anchor: DOMRect,
  container: DOMRect,
  bounds: { left: number; right: number },
  scale = 1.5,
): { placement: Record<string, string>; origin: PreviewOrigin } {
  const width = Math.min(Math.max(anchor.width * scale, 280), bounds.right - bounds.left);
  const artHeight = (width * 9) / 16;
  const centre = anchor.left + anchor.width / 2;
  let left = centre - width / 2;
  let origin: PreviewOrigin = 'center';
  if (left < bounds.left) {
    left = bounds.left;
    origin = 'left';
  } else if (left + width > bounds.right) {
    left = bounds.right - width;
    origin = 'right';
  }
  const top = anchor.top + Math.min(anchor.height, (anchor.width * 9) / 16) / 2 - artHeight / 2;
  return {
    placement: {
      left: `${Math.round(left - container.left)}px`,
      top: `${Math.round(Math.max(top - container.top, -artHeight / 2))}px`,
      width: `${Math.round(width)}px`,
    },
    origin,
  };
}

let lastPointer = '';
/** A `pointerdown` listener that remembers the kind of pointer, for {@link isTouch}. */
export const rememberPointer = (event: PointerEvent): void => {
  lastPointer = event.pointerType;
};
/** Whether a `contextmenu` came from a long press on a touch screen. */
export function isTouch(event: MouseEvent): boolean {
  const type = 'pointerType' in event ? (event as PointerEvent).pointerType : '';
  return (type || lastPointer) === 'touch';
}
