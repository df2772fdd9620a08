import { formatNumber, ReelElement, styleProps } from '@reel/core';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styles } from './reel-progress-bar.styles.js';

/**
 * A progress bar (role `progressbar` with `aria-valuenow`, `-min`, `-max` and a name), or an
 * indeterminate one while the amount is unknown. `size="sm"` is the thin line under a "continue
 * watching" card.
 *
 * @summary A determinate or indeterminate progress bar.
 * @tagname reel-progress-bar
 * @csspart track - The background track.
 * @csspart fill - The filled part.
 * @cssproperty --reel-progress-color - The fill colour (default: the accent).
 * @cssproperty --reel-progress-track-color - The track colour.
 * @cssproperty --reel-progress-height - The bar's thickness.
 */
export class ReelProgressBar extends ReelElement {
  static override styles = styles;

  @property({ type: Number }) value = 0;

  @property({ type: Number }) max = 100;

  /** The accessible name (and, with `show-label`, a visible caption). Required. */
  @property() label = '';

  /** Shows the label and the percentage above the bar. */
  @property({ type: Boolean, attribute: 'show-label' }) showLabel = false;

  /** The amount is unknown: an animated bar without a value. */
  @property({ type: Boolean, reflect: true }) indeterminate = false;

  /** A value for screen readers instead of the percentage (e.g. "23 of 48 min"). */
  @property({ attribute: 'value-text' }) valueText = '';

  @property({ reflect: true }) size: 'sm' | 'md' = 'md';

  override render() {
    const max = this.max > 0 ? this.max : 100;
    const value = Math.min(Math.max(this.value, 0), max);
    const percent = formatNumber(value / max, { style: 'percent', maximumFractionDigits: 0 });
    return html`${
      this.showLabel
        ? html`<div class="top" aria-hidden="true">
            <span class="label">${this.label}</span>
            ${this.indeterminate ? nothing : html`<span class="value">${this.valueText || percent}</span>`}
          </div>`
        : nothing
    }
      <div
        class=${classMap({ track: true, indeterminate: this.indeterminate })}
        part="track"
        role="progressbar"
        aria-label=${this.label}
        aria-valuemin="0"
        aria-valuemax=${ifDefined(this.indeterminate ? undefined : max)}
        aria-valuenow=${ifDefined(this.indeterminate ? undefined : value)}
        aria-valuetext=${ifDefined(this.indeterminate ? undefined : this.valueText || percent)}
        ${styleProps({ '--_value': `${(value / max) * 100}%` })}
      >
        <div class="fill" part="fill"></div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-progress-bar': ReelProgressBar;
  }
}
