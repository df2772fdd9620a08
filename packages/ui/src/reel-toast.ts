import { msg } from '@lit/localize';
import { emit, ReelElement } from '@reel/core';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-toast.styles.js';

/** Why a toast went away. */
export type ToastCloseReason = 'timeout' | 'dismiss' | 'action';

/** The kinds of toast. */
export const ToastVariant = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;
export type ToastVariant = (typeof ToastVariant)[keyof typeof ToastVariant];

const icons: Record<ToastVariant, string> = { info: 'info', success: 'success', warning: 'warning', error: 'error' };

let counter = 0;

/**
 * A short notification, with an optional action ("Undo") and a dismiss button. It goes away after
 * `duration` ms, a countdown that pauses while the pointer or focus is on it; Escape dismisses it
 * when focused. Usually created by `<reel-toast-region>` (or `toast()`), whose live region is what
 * screen readers hear; a standalone toast is not announced.
 *
 * @summary A transient notification with an optional action.
 * @tagname reel-toast
 * @slot - The message (defaults to `message`).
 * @csspart toast - The box.
 * @csspart icon - The variant's icon.
 * @csspart action - The action button.
 * @csspart dismiss - The dismiss button.
 * @fires reel-toast-action - The action was pressed; `detail: { id }`.
 * @fires reel-toast-dismiss - The toast went away; `detail: { id, reason }` (`timeout`, `dismiss`, `action`).
 */
export class ReelToast extends ReelElement {
  static override styles = styles;

  @property({ reflect: true }) variant: ToastVariant = 'info';

  @property() message = '';

  /** The action button's label; no action without it. */
  @property({ attribute: 'action-label' }) actionLabel = '';

  /** How long it stays, in ms; 0 keeps it until dismissed. */
  @property({ type: Number }) duration = 5000;

  private timer?: ReturnType<typeof setTimeout>;
  private remaining = 0;
  private startedAt = 0;
  private paused = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Its id identifies the toast in its events.
    if (!this.id) this.id = `reel-toast-${++counter}`;
    this.remaining = this.duration;
    this.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Removes the toast from view and reports why. */
  dismiss(reason: ToastCloseReason = 'dismiss'): void {
    if (this.hidden) return;
    clearTimeout(this.timer);
    this.hidden = true;
    emit(this, 'reel-toast-dismiss', { id: this.id, reason });
  }

  private pause = () => {
    this.paused++;
    if (this.paused > 1 || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining -= Date.now() - this.startedAt;
  };

  private resume = () => {
    this.paused = Math.max(0, this.paused - 1);
    if (this.paused > 0 || this.duration <= 0 || this.hidden) return;
    this.startedAt = Date.now();
    this.timer = setTimeout(() => this.dismiss('timeout'), Math.max(this.remaining, 1000));
  };

  private onAction() {
    emit(this, 'reel-toast-action', { id: this.id });
    this.dismiss('action');
  }

  override render() {
    return html`<div
      class="toast"
      part="toast"
      @pointerenter=${this.pause}
      @pointerleave=${this.resume}
      @focusin=${this.pause}
      @focusout=${this.resume}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.dismiss();
      }}
    >
      <reel-icon class="icon" part="icon" name=${icons[this.variant]}></reel-icon>
      <div class="message"><slot>${this.message}</slot></div>
      ${
        this.actionLabel
          ? html`<button class="action" part="action" type="button" @click=${this.onAction}>${this.actionLabel}</button>`
          : nothing
      }
      <reel-icon-button
        class="dismiss"
        part="dismiss"
        name="close"
        size="sm"
        tooltip="none"
        label=${msg('Dismiss', { id: 'ui.toast.dismiss' })}
        @click=${() => this.dismiss()}
      ></reel-icon-button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-toast': ReelToast;
  }
  interface GlobalEventHandlersEventMap {
    'reel-toast-action': CustomEvent<{ id: string }>;
    'reel-toast-dismiss': CustomEvent<{ id: string; reason: ToastCloseReason }>;
  }
}
