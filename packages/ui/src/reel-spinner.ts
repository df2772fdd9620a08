import { msg } from '@lit/localize';
import { ReelElement } from '@reel/core';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-spinner.styles.js';

/**
 * An indeterminate progress indicator (role `progressbar` without a value), named "Loading…" or
 * by its `label`.
 *
 * @summary A loading spinner.
 * @tagname reel-spinner
 * @csspart svg - The drawing.
 * @cssproperty --reel-spinner-size - Diameter (by default set by `size`).
 * @cssproperty --reel-spinner-color - The arc's colour (default: the accent).
 */
export class ReelSpinner extends ReelElement {
  static override styles = styles;

  /** What is loading (default "Loading…"). */
  @property() label = '';

  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' = 'md';

  override render() {
    return html`<svg part="svg" viewBox="0 0 20 20" role="progressbar" aria-label=${this.label || msg('Loading…', { id: 'ui.spinner.label' })}>
      <circle class="track" cx="10" cy="10" r="8" fill="none" stroke-width="2.5"></circle>
      <circle class="arc" cx="10" cy="10" r="8" fill="none" stroke-width="2.5" pathLength="100"></circle>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-spinner': ReelSpinner;
  }
}
