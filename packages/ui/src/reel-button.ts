import { ReelElement } from '@reel/core';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styles } from './reel-button.styles.js';

/** The looks of a button. */
export const ButtonVariant = {
  primary: 'primary',
  secondary: 'secondary',
  inverse: 'inverse',
  ghost: 'ghost',
  outline: 'outline',
  danger: 'danger',
  overlay: 'overlay',
} as const;
export type ButtonVariant = (typeof ButtonVariant)[keyof typeof ButtonVariant];

/** Control sizes. */
export const ControlSize = { sm: 'sm', md: 'md', lg: 'lg' } as const;
export type ControlSize = (typeof ControlSize)[keyof typeof ControlSize];

/**
 * A button (WAI-ARIA button pattern, on a native `<button>`), or a link styled as one when it has
 * an `href`. Submits or resets its form like a native button. While `loading` it shows a spinner,
 * stays focusable and ignores presses.
 *
 * @summary A button or button-styled link.
 * @tagname reel-button
 * @slot - The label.
 * @slot start - An icon before the label.
 * @slot end - An icon after the label.
 * @csspart base - The native button or link.
 * @csspart label - The label wrapper.
 * @cssproperty --reel-button-radius - Corner radius (default `--reel-radius-md`).
 */
export class ReelButton extends ReelElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...ReelElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  private readonly internals: ElementInternals;

  /** `primary` (the accent), `secondary` (default), `inverse` (white on dark: "Play"), `ghost`, `outline`, `danger`, `overlay` (over video). */
  @property({ reflect: true }) variant: ButtonVariant = 'secondary';

  @property({ reflect: true }) size: ControlSize = 'md';

  /** What the button does in a form. */
  @property() type: 'button' | 'submit' | 'reset' = 'button';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shows a spinner and ignores presses (an action in progress). */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** Renders a link to this URL instead of a button. */
  @property() href?: string;

  @property() target?: '_blank' | '_self' | '_parent' | '_top';

  /** Fills the width of its container. */
  @property({ type: Boolean, reflect: true }) block = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  private onClick(event: MouseEvent) {
    if (this.loading || this.disabled) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const form = this.internals.form;
    if (!form || this.href) return;
    if (this.type === 'submit') form.requestSubmit();
    else if (this.type === 'reset') form.reset();
  }

  override render() {
    const classes = classMap({ button: true, [this.variant]: true, [this.size]: true, loading: this.loading });
    const content = html`${this.loading ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
      <slot name="start"></slot><span class="label" part="label"><slot></slot></span><slot name="end"></slot>`;
    if (this.href !== undefined) {
      return html`<a
        part="base"
        class=${classes}
        href=${ifDefined(this.disabled ? undefined : this.href)}
        target=${ifDefined(this.target)}
        rel=${ifDefined(this.target === '_blank' ? 'noopener noreferrer' : undefined)}
        role=${ifDefined(this.disabled ? 'link' : undefined)}
        aria-disabled=${ifDefined(this.disabled || this.loading ? 'true' : undefined)}
        @click=${this.onClick}
        >${content}</a
      >`;
    }
    return html`<button
      part="base"
      class=${classes}
      type="button"
      ?disabled=${this.disabled}
      aria-disabled=${ifDefined(this.loading ? 'true' : undefined)}
      @click=${this.onClick}
    >
      ${content}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-button': ReelButton;
  }
}
