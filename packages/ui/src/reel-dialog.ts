import { msg } from '@lit/localize';
import { emit, ReelElement } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { focusFirst, tabbableElements } from './focus.js';
import { deepActiveElement } from './popup.js';
import { styles } from './reel-dialog.styles.js';

/** What asked a dialog to close. */
export type DialogCloseSource = 'escape' | 'close-button' | 'backdrop';

/**
 * A modal dialog (WAI-ARIA dialog pattern) on the native `<dialog>` with `showModal()`: the rest of
 * the page is inert while it is open (focus cannot leave it), Escape asks it to close, it focuses
 * its `[autofocus]` or first focusable content when it opens, and returns focus to what had it
 * when it closes. Closing is a request the owner may cancel (unsaved changes).
 *
 * @summary A modal dialog with a title, body and actions.
 * @tagname reel-dialog
 * @slot - The body.
 * @slot footer - Actions (buttons), aligned to the end.
 * @slot header-actions - Extra controls next to the close button.
 * @csspart dialog - The native dialog element.
 * @csspart title - The heading.
 * @csspart close-button - The close button.
 * @csspart body - The scrolling body.
 * @csspart footer - The actions row.
 * @cssproperty --reel-dialog-width - The dialog's width (by default set by `size`).
 * @fires reel-dialog-open - The dialog opened.
 * @fires reel-dialog-close - The dialog closed; `detail: { returnValue }`.
 * @fires reel-dialog-close-request - Escape, the close button or (with `light-dismiss`) a click on
 *   the backdrop asks to close; `detail: { source }`. Cancel it to keep the dialog open.
 */
export class ReelDialog extends ReelElement {
  static override styles = styles;

  @property({ type: Boolean, reflect: true }) open = false;

  /** The title, which is also the dialog's accessible name. */
  @property() label = '';

  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' | 'fullscreen' = 'md';

  /** A click on the backdrop asks to close. */
  @property({ type: Boolean, attribute: 'light-dismiss' }) lightDismiss = false;

  /** Hides the close button (the footer must then offer a way out). */
  @property({ type: Boolean, attribute: 'no-close-button' }) noCloseButton = false;

  /** An alert dialog (role `alertdialog`, described by its body): for confirmations. */
  @property({ type: Boolean }) alert = false;

  /** The value `reel-dialog-close` reports (set by `close(value)`). */
  returnValue = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @state() private hasFooter = false;

  private returnFocusTo: Element | null = null;

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (without asking) and reports `returnValue`. */
  close(returnValue = ''): void {
    this.returnValue = returnValue;
    this.open = false;
  }

  /** Asks to close, as Escape and the close button do: fires a cancelable `reel-dialog-close-request`. */
  requestClose(source: DialogCloseSource): void {
    const request = emit(this, 'reel-dialog-close-request', { source }, { cancelable: true });
    if (!request.defaultPrevented) this.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.returnFocusTo = deepActiveElement();
      this.returnValue = '';
      dialog.showModal();
      this.focusInitial();
      emit(this, 'reel-dialog-open', {});
    } else if (!this.open && dialog.open) {
      dialog.close();
      this.afterClose();
    }
  }

  private focusInitial() {
    const slotted = [...this.renderRoot.querySelectorAll('slot')].flatMap((s) => s.assignedElements({ flatten: true }));
    if (!focusFirst(slotted)) this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
  }

  private afterClose() {
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    emit(this, 'reel-dialog-close', { returnValue: this.returnValue });
  }

  private onNativeClose() {
    // Only a close the browser made on its own (not ours, whose event arrives later and may find
    // the dialog already reopened) still needs syncing.
    if (!this.open || this.dialog?.open) return;
    this.open = false;
    this.afterClose();
  }

  private onCancel(event: Event) {
    event.preventDefault();
    this.requestClose('escape');
  }

  /** Wraps Tab and Shift+Tab around the dialog: the page behind is inert, and so is the browser's UI here. */
  private onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Tab' || event.defaultPrevented) return;
    const panel = this.renderRoot.querySelector('.panel');
    if (!panel) return;
    const tabbable = tabbableElements(panel);
    const first = tabbable[0];
    const last = tabbable[tabbable.length - 1];
    const active = deepActiveElement();
    if (!first || !last) return;
    if (event.shiftKey && (active === first || !tabbable.includes(active as HTMLElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private onClick(event: MouseEvent) {
    if (this.lightDismiss && event.target === this.dialog) this.requestClose('backdrop');
  }

  override render() {
    return html`<dialog
      part="dialog"
      role=${ifDefined(this.alert ? 'alertdialog' : undefined)}
      aria-labelledby="title"
      aria-describedby=${ifDefined(this.alert ? 'body' : undefined)}
      @cancel=${this.onCancel}
      @close=${this.onNativeClose}
      @click=${this.onClick}
      @keydown=${this.onKeyDown}
    >
      <div class="panel">
        <header class="header">
          <h2 id="title" class="title" part="title">${this.label}</h2>
          <slot name="header-actions"></slot>
          ${
            this.noCloseButton
              ? nothing
              : html`<reel-icon-button
                  class="close"
                  part="close-button"
                  name="close"
                  tooltip="none"
                  label=${msg('Close', { id: 'ui.dialog.close' })}
                  @click=${() => this.requestClose('close-button')}
                ></reel-icon-button>`
          }
        </header>
        <div id="body" class="body" part="body"><slot></slot></div>
        <footer class=${classMap({ footer: true, empty: !this.hasFooter })} part="footer">
          <slot
            name="footer"
            @slotchange=${(e: Event) => {
              this.hasFooter = (e.target as HTMLSlotElement).assignedNodes().length > 0;
            }}
          ></slot>
        </footer>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-dialog': ReelDialog;
  }
  interface GlobalEventHandlersEventMap {
    'reel-dialog-open': CustomEvent<Record<string, never>>;
    'reel-dialog-close': CustomEvent<{ returnValue: string }>;
    'reel-dialog-close-request': CustomEvent<{ source: DialogCloseSource }>;
  }
}
