import { ReelElement } from '@reel/core';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-menu-item.styles.js';

/**
 * An item of a `<reel-menu>` (role `menuitem`). The menu moves focus through its items and fires
 * `reel-select` with the chosen item's `value`. A disabled item can be focused but not chosen.
 *
 * @summary An item of a reel-menu.
 * @tagname reel-menu-item
 * @slot - The label.
 * @slot start - An icon.
 * @slot end - A hint, such as a keyboard shortcut.
 */
export class ReelMenuItem extends ReelElement {
  static override styles = styles;

  /** What `reel-select` reports when this item is chosen (defaults to its text). */
  @property() value = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** `danger` for destructive items ("Delete"). */
  @property({ reflect: true }) variant: 'default' | 'danger' = 'default';

  private readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.internals.role = 'menuitem';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focusable by the menu only: the menu moves focus with the arrow keys.
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
  }

  /** The value reported when chosen. */
  get choice(): string {
    return this.value || (this.textContent ?? '').trim();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) this.internals.ariaDisabled = this.disabled ? 'true' : null;
  }

  override render() {
    return html`<slot name="start"></slot><span class="label"><slot></slot></span><slot name="end"></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-menu-item': ReelMenuItem;
  }
}
