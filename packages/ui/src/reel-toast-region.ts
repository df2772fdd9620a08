import { ReelElement } from '@reel/core';
import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ToastCloseReason, ToastVariant } from './reel-toast.js';
import { styles } from './reel-toast-region.styles.js';

/** What a toast says and does. */
export interface ToastOptions {
  message: string;
  variant?: ToastVariant;
  /** An action button, e.g. "Undo". */
  actionLabel?: string;
  /** Called when the action is pressed. */
  onAction?: () => void;
  /** In ms; 0 keeps it until dismissed (default 5000, or 8000 with an action). */
  duration?: number;
}

/** A toast on screen. */
export interface ToastHandle {
  id: string;
  dismiss(): void;
  /** Resolves when the toast goes away, with why. */
  closed: Promise<ToastCloseReason>;
}

interface Entry extends ToastOptions {
  id: string;
  resolve: (reason: ToastCloseReason) => void;
}

let counter = 0;

/**
 * Where toasts appear, and the page's live regions: every toast's message is announced to screen
 * readers (politely; errors assertively), and {@link ReelToastRegion.announce} announces text
 * without showing anything. The stack sits in the top layer, above dialogs. Put one in the page
 * (the shell does), or let `toast()` add it.
 *
 * @summary The toast stack and the page's screen-reader announcer.
 * @tagname reel-toast-region
 * @csspart stack - The column of toasts.
 * @cssproperty --reel-toast-offset - Distance from the viewport edge.
 */
export class ReelToastRegion extends ReelElement {
  static override styles = styles;

  /** `bottom-center` (default), `bottom-end`, `top-center` or `top-end`. */
  @property({ reflect: true }) placement: 'bottom-center' | 'bottom-end' | 'top-center' | 'top-end' = 'bottom-center';

  /** At most this many toasts at once; the oldest goes first. */
  @property({ type: Number }) max = 3;

  @state() private toasts: Entry[] = [];
  @state() private polite = '';
  @state() private assertive = '';

  @query('.stack') private stack?: HTMLElement;

  /** Shows a toast and announces its message. */
  show(options: ToastOptions): ToastHandle {
    const id = `reel-toast-${Date.now().toString(36)}-${++counter}`;
    let resolve!: (reason: ToastCloseReason) => void;
    const closed = new Promise<ToastCloseReason>((r) => {
      resolve = r;
    });
    const overflow = this.toasts.length + 1 - this.max;
    for (const old of this.toasts.slice(0, Math.max(0, overflow))) this.removeToast(old.id, 'dismiss');
    this.toasts = [...this.toasts, { ...options, id, resolve }];
    this.announce(options.message, options.variant === 'error' ? 'assertive' : 'polite');
    return { id, closed, dismiss: () => this.removeToast(id, 'dismiss') };
  }

  /** Has screen readers read `message` (politely, or interrupting with `assertive`). */
  announce(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
    const key = politeness === 'assertive' ? 'assertive' : 'polite';
    // Clear first, so the same message twice is announced twice.
    this[key] = '';
    requestAnimationFrame(() => {
      this[key] = message;
    });
  }

  private removeToast(id: string, reason: ToastCloseReason) {
    const entry = this.toasts.find((t) => t.id === id);
    if (!entry) return;
    this.toasts = this.toasts.filter((t) => t.id !== id);
    entry.resolve(reason);
  }

  protected override updated(changed: PropertyValues): void {
    const stack = this.stack;
    if (!stack || !changed.has('toasts')) return;
    const before = (changed.get('toasts') as Entry[] | undefined) ?? [];
    const added = this.toasts.some((t) => !before.includes(t));
    if (this.toasts.length === 0) {
      if (stack.matches(':popover-open')) stack.hidePopover();
    } else if (added) {
      // Re-show to rise above anything that entered the top layer since (a dialog).
      if (stack.matches(':popover-open')) stack.hidePopover();
      stack.showPopover();
    }
  }

  override render() {
    return html`<div class="live" role="status" aria-live="polite" aria-atomic="true">${this.polite}</div>
      <div class="live" role="alert" aria-live="assertive" aria-atomic="true">${this.assertive}</div>
      <div class="stack" part="stack" .popover=${'manual'}>
        ${repeat(
          this.toasts,
          (t) => t.id,
          (t) => html`<reel-toast
            id=${t.id}
            variant=${t.variant ?? 'info'}
            message=${t.message}
            action-label=${t.actionLabel ?? ''}
            duration=${t.duration ?? (t.actionLabel ? 8000 : 5000)}
            @reel-toast-action=${() => t.onAction?.()}
            @reel-toast-dismiss=${(e: CustomEvent<{ reason: ToastCloseReason }>) => this.removeToast(t.id, e.detail.reason)}
          ></reel-toast>`,
        )}
      </div>`;
  }
}

/**
 * Shows a toast in the page's `<reel-toast-region>`, adding one to `<body>` if there is none
 * (`@reel/ui/define` must have registered the elements).
 *
 * @example
 * const { closed } = toast({ message: msg('Removed from My List'), actionLabel: msg('Undo'), onAction: restore });
 */
export function toast(options: ToastOptions): ToastHandle {
  let region = document.querySelector('reel-toast-region');
  if (!region) {
    region = document.createElement('reel-toast-region');
    document.body.append(region);
  }
  return region.show(options);
}

/** Announces `message` to screen-reader users through the page's toast region (without a toast). */
export function announce(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
  let region = document.querySelector('reel-toast-region');
  if (!region) {
    region = document.createElement('reel-toast-region');
    document.body.append(region);
  }
  region.announce(message, politeness);
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-toast-region': ReelToastRegion;
  }
}
