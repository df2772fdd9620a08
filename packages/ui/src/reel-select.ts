import { msg } from '@lit/localize';
import { emit } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ReelFormControl } from './form-control.js';
import { PopupController, typeAhead } from './popup.js';
import { styles } from './reel-select.styles.js';

/** One choice of a {@link ReelSelect}. */
export interface SelectOption {
  value: string;
  label: string;
  /** A second, quieter line. */
  description?: string;
  disabled?: boolean;
}

const PAGE = 10;

/**
 * A select-only combobox with a custom listbox (WAI-ARIA "Select-Only Combobox" pattern): the
 * focus stays on the combobox while `aria-activedescendant` moves through the options. Arrow keys,
 * Home/End, PageUp/PageDown and type-ahead move; Enter, Space, Tab or a click choose; Escape
 * closes without choosing. Options come from `options` or from `<option>` children. A
 * form-associated control.
 *
 * @summary A labelled dropdown select with a custom listbox.
 * @tagname reel-select
 * @slot - `<option value="…">Label</option>` elements, when `options` is not set.
 * @csspart label - The label.
 * @csspart trigger - The combobox box showing the chosen option.
 * @csspart listbox - The popup listbox.
 * @csspart option - Each option.
 * @csspart help - The help text.
 * @csspart error - The error message.
 * @fires reel-change - The user chose another option; `detail: { value }`.
 */
export class ReelSelect extends ReelFormControl {
  static override styles = styles;

  /** The chosen option's value. */
  @property() value = '';

  /** Shown when nothing is chosen. */
  @property() placeholder = '';

  /** The choices (overrides `<option>` children). */
  @property({ attribute: false }) options?: SelectOption[];

  @state() private open = false;
  @state() private activeIndex = -1;
  @state() private slottedOptions: SelectOption[] = [];

  @query('#combobox') private combobox?: HTMLElement;
  @query('#listbox') private listbox?: HTMLElement;

  private search = '';
  private searchTimer?: ReturnType<typeof setTimeout>;

  private popup = new PopupController(this, {
    anchor: () => this.combobox,
    popup: () => this.listbox,
    onOutside: () => this.close(),
    placement: () => ({ matchWidth: true, offset: 4 }),
  });

  /** The options shown (from `options`, else from `<option>` children). */
  get items(): SelectOption[] {
    return this.options ?? this.slottedOptions;
  }

  private get selectedIndex(): number {
    return this.items.findIndex((o) => o.value === this.value);
  }

  override focus(options?: FocusOptions): void {
    this.combobox?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.open = false;
  }

  override formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  private readOptions(event: Event) {
    const slot = event.target as HTMLSlotElement;
    this.slottedOptions = slot
      .assignedElements({ flatten: true })
      .filter((el): el is HTMLOptionElement => el instanceof HTMLOptionElement)
      .map((o) => ({ value: o.value, label: o.label || o.text, disabled: o.disabled }));
    const selected = slot.assignedElements().find((el) => el instanceof HTMLOptionElement && el.defaultSelected);
    if (!this.value && selected) this.value = (selected as HTMLOptionElement).value;
  }

  private show(index = this.selectedIndex) {
    if (this.isDisabled || this.open) return;
    this.activeIndex = index >= 0 ? index : this.step(-1, 1);
    this.open = true;
  }

  private close() {
    this.open = false;
    this.search = '';
    clearTimeout(this.searchTimer);
  }

  private choose(index: number) {
    const option = this.items[index];
    if (!option || option.disabled) return;
    this.close();
    if (option.value === this.value) return;
    this.value = option.value;
    emit(this, 'reel-change', { value: this.value });
  }

  /** The next enabled option from `from` in direction `by` (±1, or ±PAGE), staying in range. */
  private step(from: number, by: number): number {
    const items = this.items;
    if (items.length === 0) return -1;
    const direction = Math.sign(by);
    let index = Math.min(Math.max(from + by, 0), items.length - 1);
    while (items[index]?.disabled) {
      index += direction;
      if (index < 0 || index >= items.length) return from;
    }
    return index;
  }

  private find(char: string) {
    clearTimeout(this.searchTimer);
    this.search += char;
    this.searchTimer = setTimeout(() => {
      this.search = '';
    }, 500);
    const from = this.search.length > 1 ? this.activeIndex - 1 : this.activeIndex;
    const found = typeAhead(this.items, (o) => (o.disabled ? '' : o.label), this.search, from);
    if (found >= 0) this.activeIndex = found;
  }

  private onKeyDown(event: KeyboardEvent) {
    if (this.isDisabled) return;
    const { key } = event;
    const printable = key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    const last = this.items.length;
    if (!this.open) {
      if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter' || key === ' ') {
        event.preventDefault();
        this.show();
      } else if (key === 'Home') {
        event.preventDefault();
        this.show(this.step(-1, 1));
      } else if (key === 'End') {
        event.preventDefault();
        this.show(this.step(last, -1));
      } else if (printable) {
        this.show();
        this.find(key);
      }
      return;
    }
    switch (key) {
      case 'ArrowDown':
        event.preventDefault();
        this.activeIndex = this.step(this.activeIndex, 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) this.choose(this.activeIndex);
        else this.activeIndex = this.step(this.activeIndex, -1);
        break;
      case 'Home':
        event.preventDefault();
        this.activeIndex = this.step(-1, 1);
        break;
      case 'End':
        event.preventDefault();
        this.activeIndex = this.step(last, -1);
        break;
      case 'PageDown':
        event.preventDefault();
        this.activeIndex = this.step(this.activeIndex, PAGE);
        break;
      case 'PageUp':
        event.preventDefault();
        this.activeIndex = this.step(this.activeIndex, -PAGE);
        break;
      case 'Enter':
        event.preventDefault();
        this.choose(this.activeIndex);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation(); // a surrounding dialog stays open
        this.close();
        break;
      case 'Tab':
        this.choose(this.activeIndex);
        break;
      default:
        if (key === ' ' && this.search === '') {
          event.preventDefault();
          this.choose(this.activeIndex);
        } else if (printable) {
          event.preventDefault();
          this.find(key);
        }
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (this.open) this.popup.show();
      else if (changed.get('open') === true) this.popup.hide();
    }
    if (this.open && changed.has('activeIndex')) {
      this.renderRoot.querySelector(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
    }
    this.internals.setFormValue(this.value || null);
    if (this.required && !this.value) {
      this.internals.setValidity(
        { valueMissing: true },
        msg('Choose an option.', { id: 'ui.select.required' }),
        this.combobox,
      );
    } else if (this.error) {
      this.internals.setValidity({ customError: true }, this.error, this.combobox);
    } else {
      this.internals.setValidity({});
    }
  }

  override render() {
    const selected = this.items[this.selectedIndex];
    const invalid = this.error !== '';
    const describedBy = [this.helpText && 'help', invalid && 'error'].filter(Boolean).join(' ');
    return html`<div class="field">
      <span id="label" class="label" part="label" @click=${() => this.combobox?.focus()}
        >${this.label}${this.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</span
      >
      <div
        id="combobox"
        class=${classMap({ box: true, trigger: true, open: this.open, invalid, disabled: this.isDisabled })}
        part="trigger"
        role="combobox"
        tabindex=${this.isDisabled ? '-1' : '0'}
        aria-labelledby="label"
        aria-controls="listbox"
        aria-haspopup="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-activedescendant=${ifDefined(this.open && this.activeIndex >= 0 ? `option-${this.activeIndex}` : undefined)}
        aria-describedby=${ifDefined(describedBy || undefined)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-required=${this.required ? 'true' : 'false'}
        aria-disabled=${this.isDisabled ? 'true' : 'false'}
        @click=${() => (this.open ? this.close() : this.show())}
        @keydown=${this.onKeyDown}
        @blur=${() => this.close()}
      >
        <span class=${classMap({ value: true, placeholder: !selected })}>${selected?.label ?? this.placeholder}</span>
        <reel-icon class="chevron" name="chevron-down"></reel-icon>
      </div>
      <div id="listbox" class="popup" part="listbox" role="listbox" aria-labelledby="label" tabindex="-1" .popover=${'manual'}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${this.items.map(
          (option, i) => html`<div
            id="option-${i}"
            class=${classMap({ item: true, active: i === this.activeIndex })}
            part="option"
            role="option"
            aria-selected=${option.value === this.value ? 'true' : 'false'}
            aria-disabled=${option.disabled ? 'true' : 'false'}
            @pointermove=${() => {
              if (!option.disabled) this.activeIndex = i;
            }}
            @click=${() => this.choose(i)}
          >
            <reel-icon class="check" name="check"></reel-icon>
            <span class="option-text"
              >${option.label}${
                option.description ? html`<span class="option-description">${option.description}</span>` : nothing
              }</span
            >
          </div>`,
        )}
      </div>
      ${
        invalid
          ? html`<p id="error" class="error-text" part="error"><reel-icon name="error"></reel-icon><span>${this.error}</span></p>`
          : nothing
      }
      ${this.helpText ? html`<p id="help" class="help" part="help">${this.helpText}</p>` : nothing}
      <slot hidden @slotchange=${this.readOptions}></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-select': ReelSelect;
  }
}
