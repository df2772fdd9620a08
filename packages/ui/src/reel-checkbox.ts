import { msg } from '@lit/localize';
import { emit } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ReelFormControl } from './form-control.js';
import { styles } from './reel-checkbox.styles.js';

/**
 * A checkbox (WAI-ARIA checkbox pattern, on a native `<input type="checkbox">`): Space toggles,
 * the label toggles it too, and `indeterminate` shows a mixed state. A form-associated control
 * that submits `value` when checked.
 *
 * @summary A labelled checkbox.
 * @tagname reel-checkbox
 * @slot - The label (defaults to the `label` property).
 * @csspart control - The box.
 * @csspart label - The label text.
 * @csspart help - The help text.
 * @fires reel-change - The user toggled it; `detail: { value, checked }`.
 */
export class ReelCheckbox extends ReelFormControl {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...ReelFormControl.shadowRootOptions, delegatesFocus: true };

  @property({ type: Boolean, reflect: true }) checked = false;

  /** Neither checked nor unchecked (e.g. "select all" over a partial selection). */
  @property({ type: Boolean, reflect: true }) indeterminate = false;

  /** Submitted with the form when checked. */
  @property() value = 'on';

  @query('input') private input?: HTMLInputElement;

  private initialChecked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.initialChecked = this.hasAttribute('checked');
  }

  override formResetCallback(): void {
    this.checked = this.initialChecked;
    this.indeterminate = false;
  }

  private onChange(event: Event) {
    this.checked = (event.target as HTMLInputElement).checked;
    this.indeterminate = false;
    emit(this, 'reel-change', { value: this.value, checked: this.checked });
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.internals.setFormValue(this.checked ? this.value : null);
    if (this.required && !this.checked) {
      this.internals.setValidity(
        { valueMissing: true },
        msg('Check this box to continue.', { id: 'ui.checkbox.required' }),
        this.input,
      );
    } else {
      this.internals.setValidity({});
    }
  }

  override render() {
    const invalid = this.error !== '';
    const describedBy = [this.helpText && 'help', invalid && 'error'].filter(Boolean).join(' ');
    return html`<label
      class=${classMap({ row: true, checked: this.checked, indeterminate: this.indeterminate, invalid, disabled: this.isDisabled })}
    >
      <span class="control" part="control">
        <input
          type="checkbox"
          aria-labelledby="text"
          .checked=${live(this.checked)}
          .indeterminate=${this.indeterminate}
          ?disabled=${this.isDisabled}
          ?required=${this.required}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @change=${this.onChange}
        />
        <span class="box" aria-hidden="true"><reel-icon name=${this.indeterminate ? 'minus' : 'check'}></reel-icon></span>
      </span>
      <span class="text">
        <span id="text" part="label"><slot>${this.label}</slot></span>
        ${invalid ? html`<span id="error" class="error-text">${this.error}</span>` : nothing}
        ${this.helpText ? html`<span id="help" class="help" part="help">${this.helpText}</span>` : nothing}
      </span>
    </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-checkbox': ReelCheckbox;
  }
}
