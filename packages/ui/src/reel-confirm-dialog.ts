import { msg, str } from '@lit/localize';
import { emit, ReelElement } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styles } from './reel-confirm-dialog.styles.js';

/**
 * Confirms a destructive action (clear a list, delete a profile, revoke every session). An alert
 * dialog whose confirm button stays disabled until the user types `confirm-text` exactly (when
 * set); focus starts on that field, or on Cancel, never on the destructive button.
 *
 * The owner either awaits {@link ReelConfirmDialog.ask}, or listens for `reel-confirm`: cancelling
 * that event keeps the dialog open (set `busy` while the action runs, then close it).
 *
 * @summary A confirmation dialog, optionally asking to type a word to confirm.
 * @tagname reel-confirm-dialog
 * @slot - The explanation (defaults to `message`).
 * @csspart dialog - The underlying reel-dialog.
 * @csspart confirm-button - The confirm button.
 * @csspart cancel-button - The cancel button.
 * @fires reel-confirm - The user confirmed. Cancelable: cancel it to keep the dialog open while the action runs.
 * @fires reel-cancel - The user cancelled (button, Escape or close).
 */
export class ReelConfirmDialog extends ReelElement {
  static override styles = styles;

  @property({ type: Boolean, reflect: true }) open = false;

  /** The question, e.g. "Delete this profile?". */
  @property() heading = '';

  /** What will happen, when no body is slotted. */
  @property() message = '';

  /** What the user must type to enable the confirm button (e.g. the profile's name); none when empty. */
  @property({ attribute: 'confirm-text' }) confirmText = '';

  @property({ attribute: 'confirm-label' }) confirmLabel = '';

  @property({ attribute: 'cancel-label' }) cancelLabel = '';

  /** A destructive action: the confirm button is red. */
  @property({ type: Boolean }) danger = false;

  /** The action is running: the confirm button shows a spinner and the dialog stays open. */
  @property({ type: Boolean, reflect: true }) busy = false;

  @state() private typed = '';

  private settle?: (confirmed: boolean) => void;

  /** Opens the dialog and resolves `true` when the user confirms, `false` when they cancel. */
  ask(): Promise<boolean> {
    this.settle?.(false);
    this.open = true;
    return new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  private get typedMatches(): boolean {
    return this.confirmText === '' || this.typed.trim() === this.confirmText;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.typed = '';
  }

  private finish(confirmed: boolean) {
    this.open = false;
    this.busy = false;
    const settle = this.settle;
    this.settle = undefined;
    settle?.(confirmed);
  }

  private confirm(event?: Event) {
    event?.preventDefault();
    if (!this.typedMatches || this.busy) return;
    const confirmed = emit(this, 'reel-confirm', {}, { cancelable: true });
    if (!confirmed.defaultPrevented) this.finish(true);
    else {
      const settle = this.settle;
      this.settle = undefined;
      settle?.(true);
    }
  }

  private cancel() {
    if (this.busy) return;
    emit(this, 'reel-cancel', {});
    this.finish(false);
  }

  override render() {
    return html`<reel-dialog
      part="dialog"
      alert
      size="sm"
      .open=${this.open}
      label=${this.heading}
      @reel-dialog-close-request=${(e: Event) => {
        e.preventDefault();
        this.cancel();
      }}
    >
      <div>
        <div class="message"><slot>${this.message}</slot></div>
        ${
          this.confirmText
            ? html`<reel-text-field
                .autofocus=${true}
                autocomplete="off"
                label=${msg(str`Type “${this.confirmText}” to confirm`, { id: 'ui.confirm.type' })}
                .value=${this.typed}
                @reel-input=${(e: CustomEvent<{ value: string }>) => {
                  this.typed = e.detail.value;
                }}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') this.confirm(e);
                }}
              ></reel-text-field>`
            : nothing
        }
      </div>
      <reel-button slot="footer" part="cancel-button" .autofocus=${!this.confirmText} @click=${this.cancel}>
        ${this.cancelLabel || msg('Cancel', { id: 'ui.confirm.cancel' })}
      </reel-button>
      <reel-button
        slot="footer"
        part="confirm-button"
        variant=${this.danger ? 'danger' : 'primary'}
        ?disabled=${!this.typedMatches}
        ?loading=${this.busy}
        @click=${() => this.confirm()}
      >
        ${this.confirmLabel || msg('Confirm', { id: 'ui.confirm.confirm' })}
      </reel-button>
    </reel-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-confirm-dialog': ReelConfirmDialog;
  }
  interface GlobalEventHandlersEventMap {
    'reel-confirm': CustomEvent<Record<string, never>>;
    'reel-cancel': CustomEvent<Record<string, never>>;
  }
}
