import { emit, ReelElement } from '@reel/core';
import { html, type PropertyValues } from 'lit';
import { property, query, queryAssignedElements, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PopupController, typeAhead } from './popup.js';
import type { ButtonVariant, ControlSize } from './reel-button.js';
import { styles } from './reel-menu.styles.js';
import type { ReelMenuItem } from './reel-menu-item.js';

/**
 * A menu button (WAI-ARIA "Menu Button" pattern): a button that opens a menu of
 * `<reel-menu-item>`s. Enter, Space or ArrowDown opens it on the first item, ArrowUp on the last;
 * in the menu the arrow keys (wrapping), Home, End and type-ahead move focus, Enter or Space
 * chooses, Escape closes and returns focus to the button, Tab closes and moves on.
 *
 * @summary A button that opens a menu of actions.
 * @tagname reel-menu
 * @slot - `<reel-menu-item>` elements.
 * @slot trigger - Custom content for the menu button (an avatar); `label` stays its accessible name.
 * @csspart trigger - The menu button.
 * @csspart menu - The popup menu.
 * @fires reel-select - An item was chosen; `detail: { value }`. Cancel it to keep the menu open.
 */
export class ReelMenu extends ReelElement {
  static override styles = styles;

  /** The button's text, or its accessible name when it shows only an `icon`. */
  @property() label = '';

  /** Shows only this icon in the button (`more`, `settings`). */
  @property() icon = '';

  @property({ reflect: true }) variant: ButtonVariant = 'secondary';

  @property({ reflect: true }) size: ControlSize = 'md';

  /**
   * Aligns the menu with the button's start (default) or end edge. (Not `align`: on any element
   * that attribute is a presentational hint for `text-align`.)
   */
  @property({ reflect: true }) placement: 'start' | 'end' = 'start';

  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private open = false;
  /** Something is slotted into `trigger`: it replaces the button's label (which names it). */
  @state() private customTrigger = false;

  @query('#trigger') private trigger?: HTMLButtonElement;
  @query('#menu') private menu?: HTMLElement;
  @queryAssignedElements({ selector: 'reel-menu-item' }) private items!: ReelMenuItem[];

  private search = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
  private focusOnOpen: 'first' | 'last' = 'first';

  private popup = new PopupController(this, {
    anchor: () => this.trigger,
    popup: () => this.menu,
    onOutside: () => this.hide(false),
    placement: () => ({ offset: 6, align: this.placement }),
  });

  override focus(options?: FocusOptions): void {
    this.trigger?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.open = false;
  }

  /** Opens the menu, focusing its first (or last) item. */
  show(focus: 'first' | 'last' = 'first'): void {
    if (this.disabled) return;
    this.focusOnOpen = focus;
    this.open = true;
  }

  /** Closes the menu, returning focus to the button unless `returnFocus` is false. */
  hide(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) this.trigger?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (this.open) {
        this.popup.show();
        const items = this.items;
        (this.focusOnOpen === 'last' ? items[items.length - 1] : items[0])?.focus();
      } else if (changed.get('open') === true) {
        this.popup.hide();
      }
    }
  }

  private onTriggerKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.show('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.show('last');
    }
  }

  private move(from: ReelMenuItem | undefined, by: number | 'first' | 'last') {
    const items = this.items;
    if (items.length === 0) return;
    let index: number;
    if (by === 'first') index = 0;
    else if (by === 'last') index = items.length - 1;
    else index = ((from ? items.indexOf(from) : -1) + by + items.length) % items.length;
    items[index]?.focus();
  }

  private choose(item: ReelMenuItem) {
    if (item.disabled) return;
    const selection = emit(this, 'reel-select', { value: item.choice }, { cancelable: true });
    if (!selection.defaultPrevented) this.hide();
  }

  private onMenuKeyDown(event: KeyboardEvent) {
    const current = (event.target as Element).closest('reel-menu-item') ?? undefined;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.move(current, 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.move(current, -1);
        break;
      case 'Home':
        event.preventDefault();
        this.move(current, 'first');
        break;
      case 'End':
        event.preventDefault();
        this.move(current, 'last');
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation(); // a surrounding dialog stays open
        this.hide();
        break;
      case 'Tab':
        this.hide(false);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (current) this.choose(current);
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          clearTimeout(this.searchTimer);
          this.search += event.key;
          this.searchTimer = setTimeout(() => {
            this.search = '';
          }, 500);
          const items = this.items;
          const from = current ? items.indexOf(current) : -1;
          const found = typeAhead(
            items,
            (i) => i.textContent ?? '',
            this.search,
            this.search.length > 1 ? from - 1 : from,
          );
          if (found >= 0) items[found]?.focus();
        }
    }
  }

  private onMenuClick(event: MouseEvent) {
    const item = (event.target as Element).closest('reel-menu-item');
    if (item) this.choose(item);
  }

  override render() {
    const iconOnly = this.icon !== '';
    const named = iconOnly || this.customTrigger;
    return html`<button
        id="trigger"
        part="trigger"
        class=${classMap({ button: true, [this.variant]: true, [this.size]: true, 'icon-only': iconOnly })}
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${ifDefined(named ? this.label : undefined)}
        ?disabled=${this.disabled}
        @click=${() => (this.open ? this.hide() : this.show())}
        @keydown=${this.onTriggerKeyDown}
      >
        <slot
          name="trigger"
          @slotchange=${(e: Event) => {
            this.customTrigger = (e.target as HTMLSlotElement).assignedElements().length > 0;
          }}
          >${
            iconOnly
              ? html`<reel-icon name=${this.icon}></reel-icon>`
              : html`<span>${this.label}</span><reel-icon class="chevron" name="chevron-down"></reel-icon>`
          }</slot
        >
      </button>
      <div
        id="menu"
        class="popup"
        part="menu"
        role="menu"
        aria-labelledby="trigger"
        .popover=${'manual'}
        @keydown=${this.onMenuKeyDown}
        @click=${this.onMenuClick}
      >
        <slot></slot>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-menu': ReelMenu;
  }
  interface GlobalEventHandlersEventMap {
    'reel-select': CustomEvent<{ value: string }>;
  }
}
