import { msg, str } from '@lit/localize';
import { emit, formatNumber, plural } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ReelFormControl } from './form-control.js';
import { styles } from './reel-text-field.styles.js';

/** `reel-input` and `reel-change` detail: the control's value (and, for checkboxes and switches, whether it is on). */
export interface ReelChangeDetail {
  value: string;
  checked?: boolean;
}

/**
 * A labelled text input (or, `multiline`, a text area) with help text, an error message and a
 * character counter, all tied to the input for screen readers. A form-associated control: it
 * submits, validates and resets with its form.
 *
 * @summary A labelled text field with help, error and counter.
 * @tagname reel-text-field
 * @slot start - An icon or text before the input (e.g. a search icon).
 * @slot end - An icon or button after the input.
 * @csspart label - The label.
 * @csspart box - The bordered box around the input.
 * @csspart input - The native input or textarea.
 * @csspart help - The help text.
 * @csspart error - The error message.
 * @csspart counter - The remaining-characters counter.
 * @fires reel-input - The value changed as the user typed; `detail: { value }`.
 * @fires reel-change - The user committed a change (blur or Enter); `detail: { value }`.
 */
export class ReelTextField extends ReelFormControl {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...ReelFormControl.shadowRootOptions, delegatesFocus: true };

  @property() value = '';

  /** `text`, `email`, `password`, `search`, `url`, `tel` or `number`. */
  @property() type: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'number' = 'text';

  @property() placeholder = '';

  @property({ type: Boolean, reflect: true }) readonly = false;

  /** A text area instead of a single line. */
  @property({ type: Boolean }) multiline = false;

  /** Visible lines of a multiline field. */
  @property({ type: Number }) rows = 4;

  @property({ type: Number }) maxlength?: number;

  @property({ type: Number }) minlength?: number;

  @property() pattern?: string;

  @property() autocomplete?: string;

  @property() inputmode?: 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';

  /** For `type="password"`: a button that shows the password. */
  @property({ type: Boolean }) revealable = false;

  @state() private revealed = false;

  @query('.control') private control?: HTMLInputElement | HTMLTextAreaElement;

  private onInput(event: Event) {
    this.value = (event.target as HTMLInputElement).value;
    emit(this, 'reel-input', { value: this.value });
  }

  private onChange() {
    emit(this, 'reel-change', { value: this.value });
  }

  /** Selects the text in the field. */
  select(): void {
    this.control?.select();
  }

  override formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.internals.setFormValue(this.value);
    const control = this.control;
    if (control) {
      if (this.error) this.internals.setValidity({ customError: true }, this.error, control);
      else this.internals.setValidity(control.validity, control.validationMessage, control);
    }
  }

  private renderCounter() {
    if (this.maxlength === undefined) return nothing;
    const left = this.maxlength - this.value.length;
    const n = formatNumber(left);
    const text = plural(left, {
      // zero, one and two are exact counts in every Reel locale: no number needed (Arabic drops it).
      one: msg('One character left', { id: 'ui.text-field.left.one' }),
      other: msg(str`${n} characters left`, { id: 'ui.text-field.left.other' }),
      zero: msg('No characters left', { id: 'ui.text-field.left.zero' }),
      two: msg('Two characters left', { id: 'ui.text-field.left.two' }),
      few: msg(str`${n} characters left`, { id: 'ui.text-field.left.few' }),
      many: msg(str`${n} characters left`, { id: 'ui.text-field.left.many' }),
    });
    return html`<p id="counter" class=${classMap({ counter: true, over: left < 0 })} part="counter">${text}</p>`;
  }

  override render() {
    const invalid = this.error !== '';
    const describedBy = [this.helpText && 'help', invalid && 'error', this.maxlength !== undefined && 'counter']
      .filter(Boolean)
      .join(' ');
    const type = this.type === 'password' && this.revealed ? 'text' : this.type;
    const control = this.multiline
      ? html`<textarea
          id="control"
          class="control"
          part="input"
          rows=${this.rows}
          .value=${live(this.value)}
          placeholder=${ifDefined(this.placeholder || undefined)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          maxlength=${ifDefined(this.maxlength)}
          minlength=${ifDefined(this.minlength)}
          .autocomplete=${(this.autocomplete ?? '') as AutoFill}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @input=${this.onInput}
          @change=${this.onChange}
        ></textarea>`
      : html`<input
          id="control"
          class="control"
          part="input"
          type=${type}
          .value=${live(this.value)}
          placeholder=${ifDefined(this.placeholder || undefined)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          maxlength=${ifDefined(this.maxlength)}
          minlength=${ifDefined(this.minlength)}
          pattern=${ifDefined(this.pattern)}
          .autocomplete=${(this.autocomplete ?? '') as AutoFill}
          inputmode=${ifDefined(this.inputmode)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @input=${this.onInput}
          @change=${this.onChange}
        />`;
    return html`<div class="field">
      <label class="label" part="label" for="control"
        >${this.label}${this.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</label
      >
      <div class=${classMap({ box: true, invalid, disabled: this.isDisabled })} part="box">
        <slot name="start"></slot>
        ${control}
        ${
          this.type === 'password' && this.revealable
            ? html`<button
                class="inline-button"
                type="button"
                aria-pressed=${this.revealed ? 'true' : 'false'}
                aria-label=${msg('Show password', { id: 'ui.text-field.reveal' })}
                ?disabled=${this.isDisabled}
                @click=${() => {
                  this.revealed = !this.revealed;
                }}
              >
                <reel-icon name=${this.revealed ? 'eye-off' : 'eye'}></reel-icon>
              </button>`
            : nothing
        }
        <slot name="end"></slot>
      </div>
      ${
        invalid || this.helpText || this.maxlength !== undefined
          ? html`<div class="footer">
              <div class="messages">
                ${
                  invalid
                    ? html`<p id="error" class="error-text" part="error">
                        <reel-icon name="error"></reel-icon><span>${this.error}</span>
                      </p>`
                    : nothing
                }
                ${this.helpText ? html`<p id="help" class="help" part="help">${this.helpText}</p>` : nothing}
              </div>
              ${this.renderCounter()}
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-text-field': ReelTextField;
  }
  interface GlobalEventHandlersEventMap {
    'reel-input': CustomEvent<ReelChangeDetail>;
    'reel-change': CustomEvent<ReelChangeDetail>;
  }
}
