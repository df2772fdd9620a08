import { ReelElement } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, queryAssignedElements } from 'lit/decorators.js';
import { styles } from './reel-form-field.styles.js';

const LABELABLE = 'input, select, textarea, [role="textbox"], [role="combobox"], [role="slider"], [role="spinbutton"]';

/**
 * Lays out a label, help text and an error message around a control that is not a Reel control
 * (a native `<input>`, `<textarea>`, `<select>`, or a third-party element), and ties them to it:
 * ARIA ids cannot cross the shadow boundary, so the field sets the control's `aria-label`,
 * `aria-description` and `aria-invalid` (never values the page set itself). With `group`, the
 * field is instead a labelled group (role `group`) of several controls, such as checkboxes.
 *
 * @summary Label, help and error text around any control.
 * @tagname reel-form-field
 * @slot - The control (or, with `group`, the controls).
 * @csspart label - The label.
 * @csspart help - The help text.
 * @csspart error - The error message.
 */
export class ReelFormField extends ReelElement {
  static override styles = styles;

  @property() label = '';

  @property({ attribute: 'help-text' }) helpText = '';

  /** An error message; the control is marked invalid while it is set. */
  @property({ reflect: true }) error = '';

  /** Shows the required marker (the control itself carries `required`). */
  @property({ type: Boolean }) required = false;

  /** A labelled group of several controls rather than one labelled control. */
  @property({ type: Boolean, reflect: true }) group = false;

  @queryAssignedElements({ flatten: true }) private slotted!: Element[];

  private readonly internals: ElementInternals;
  /** What this field set on the control, to tell its own values from the page's. */
  private managed = new WeakMap<Element, Map<string, string>>();

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The control the field labels. */
  get control(): HTMLElement | null {
    for (const el of this.slotted) {
      if (el.matches(LABELABLE)) return el as HTMLElement;
      const inner = el.querySelector<HTMLElement>(LABELABLE);
      if (inner) return inner;
    }
    return (this.slotted[0] as HTMLElement | undefined) ?? null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('group') || changed.has('label')) {
      this.internals.role = this.group ? 'group' : null;
      this.internals.ariaLabel = this.group ? this.label : null;
    }
    this.describe();
  }

  private describe = () => {
    if (this.group) return;
    const control = this.control;
    if (!control) return;
    const description = [this.error, this.helpText].filter(Boolean).join(' ');
    this.set(control, 'aria-label', this.label);
    this.set(control, 'aria-description', description);
    this.set(control, 'aria-invalid', this.error ? 'true' : '');
  };

  private set(control: Element, name: string, value: string): void {
    const mine = this.managed.get(control) ?? new Map<string, string>();
    this.managed.set(control, mine);
    const current = control.getAttribute(name);
    if (current !== null && current !== mine.get(name)) return; // the page's own value wins
    if (value) {
      control.setAttribute(name, value);
      mine.set(name, value);
    } else {
      control.removeAttribute(name);
      mine.delete(name);
    }
  }

  private focusControl() {
    if (!this.group) this.control?.focus();
  }

  override render() {
    return html`<div class="field">
      <!-- The control carries the label as its name (and the group as its own): hidden here to be read once. -->
      <span class="label" part="label" aria-hidden="true" @click=${this.focusControl}
        >${this.label}${this.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</span
      >
      <div class=${this.group ? 'group' : 'control'}><slot @slotchange=${this.describe}></slot></div>
      ${
        this.error
          ? html`<p class="error-text" part="error" aria-hidden=${this.group ? 'false' : 'true'}>
              <reel-icon name="error"></reel-icon><span>${this.error}</span>
            </p>`
          : nothing
      }
      ${this.helpText ? html`<p class="help" part="help" aria-hidden=${this.group ? 'false' : 'true'}>${this.helpText}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-form-field': ReelFormField;
  }
}
