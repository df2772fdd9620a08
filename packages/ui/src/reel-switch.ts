import { emit } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ReelFormControl } from './form-control.js';
import { styles } from './reel-switch.styles.js';

/**
 * An on/off switch (WAI-ARIA switch pattern: a `button` with role `switch` and `aria-checked`).
 * Space or Enter toggles it, as does a click on its label. For settings that apply at once; in a
 * form it submits `value` when on.
 *
 * @summary An on/off switch for settings.
 * @tagname reel-switch
 * @slot - The label (defaults to the `label` property).
 * @csspart control - The track button.
 * @csspart thumb - The moving thumb.
 * @csspart label - The label text.
 * @fires reel-change - The user switched it; `detail: { value, checked }`.
 */
export class ReelSwitch extends ReelFormControl {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...ReelFormControl.shadowRootOptions, delegatesFocus: true };

  @property({ type: Boolean, reflect: true }) checked = false;

  @property() value = 'on';

  /** The label before (default) or after the switch. */
  @property({ attribute: 'label-position', reflect: true }) labelPosition: 'start' | 'end' = 'start';

  private initialChecked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.initialChecked = this.hasAttribute('checked');
  }

  override formResetCallback(): void {
    this.checked = this.initialChecked;
  }

  private toggleChecked() {
    if (this.isDisabled) return;
    this.checked = !this.checked;
    emit(this, 'reel-change', { value: this.value, checked: this.checked });
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.internals.setFormValue(this.checked ? this.value : null);
  }

  override render() {
    return html`<label class=${classMap({ row: true, disabled: this.isDisabled })}>
      <span class="text">
        <span id="text" part="label"><slot>${this.label}</slot></span>
        ${this.helpText ? html`<span id="help" class="help">${this.helpText}</span>` : nothing}
      </span>
      <button
        part="control"
        type="button"
        role="switch"
        aria-labelledby="text"
        aria-checked=${this.checked ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.helpText ? 'help' : undefined)}
        ?disabled=${this.isDisabled}
        @click=${this.toggleChecked}
      >
        <span class="thumb" part="thumb"></span>
      </button>
    </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-switch': ReelSwitch;
  }
}
