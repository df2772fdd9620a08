import { ReelElement } from '@reel/core';
import { property, state } from 'lit/decorators.js';

/**
 * The base of Reel's form controls (text field, select, checkbox, switch): a form-associated
 * custom element, so a control inside a `<form>` submits its value under `name`, resets with the
 * form, and follows a disabled `<fieldset>`.
 */
export abstract class ReelFormControl extends ReelElement {
  static formAssociated = true;

  protected readonly internals: ElementInternals;

  /** The name the value is submitted under. */
  @property({ reflect: true }) name = '';

  /** Disables the control (it is skipped by Tab and not submitted). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The control must have a value for its form to submit. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The visible label (every control needs one; it is also the accessible name). */
  @property() label = '';

  /** Help text under the control, read with it by screen readers. */
  @property({ attribute: 'help-text' }) helpText = '';

  /** An error message (e.g. a field error from the server): shown under the control, which is marked invalid. */
  @property() error = '';

  /** Disabled by an ancestor `<fieldset disabled>`. */
  @state() protected formDisabled = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Whether the control is disabled by itself or by its fieldset. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Restores the control's initial value when its form resets. */
  abstract formResetCallback(): void;
}
