import { ReelElement } from '@reel/core';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ButtonVariant, ControlSize } from './reel-button.js';
import { styles } from './reel-icon-button.styles.js';

/**
 * A button showing only an icon; its `label` is the accessible name and a tooltip. As a toggle
 * (`toggle`), it exposes `aria-pressed` from `pressed`, which its owner sets: a press asks (the
 * native `click` event), the owner decides and pushes `pressed` down.
 *
 * @summary An icon-only button, optionally a toggle.
 * @tagname reel-icon-button
 * @csspart base - The native button.
 * @csspart icon - The icon.
 * @csspart tooltip - The tooltip showing the label on hover and keyboard focus.
 * @cssproperty --reel-icon-button-radius - Corner radius (default: round).
 */
export class ReelIconButton extends ReelElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...ReelElement.shadowRootOptions, delegatesFocus: true };

  /** The icon's name. */
  @property({ reflect: true }) name = '';

  /** The accessible name, also shown as a tooltip. Required. */
  @property() label = '';

  @property({ reflect: true }) variant: ButtonVariant = 'ghost';

  @property({ reflect: true }) size: ControlSize = 'md';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Makes this a toggle button (`aria-pressed`). */
  @property({ type: Boolean, reflect: true }) toggle = false;

  /** Whether the toggle is on. */
  @property({ type: Boolean, reflect: true }) pressed = false;

  /** Where the tooltip shows: `above` (default), `below`, or `none`. */
  @property({ reflect: true }) tooltip: 'above' | 'below' | 'none' = 'above';

  override render() {
    return html`<button
        part="base"
        class=${classMap({ button: true, [this.variant]: true, [this.size]: true })}
        type="button"
        aria-label=${this.label}
        aria-pressed=${ifDefined(this.toggle ? (this.pressed ? 'true' : 'false') : undefined)}
        ?disabled=${this.disabled}
      >
        <reel-icon part="icon" name=${this.name}></reel-icon></button
      ><span class="tooltip" part="tooltip" aria-hidden="true">${this.label}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-icon-button': ReelIconButton;
  }
}
