import { ReelElement } from '@reel/core';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-badge.styles.js';

/**
 * A short label: "NEW", "4K", "HD", "Live", a maturity rating, a status. Text in the badge is read
 * as it is; give it words, not only a colour.
 *
 * @summary A small status or metadata label.
 * @tagname reel-badge
 * @slot - The text (and optionally a reel-icon).
 */
export class ReelBadge extends ReelElement {
  static override styles = styles;

  /** `neutral` (default), `accent`, `success`, `warning`, `danger`, `info`, `outline`. */
  @property({ reflect: true }) variant: 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info' | 'outline' =
    'neutral';

  /** Fully rounded ends. */
  @property({ type: Boolean, reflect: true }) pill = false;

  /** A status dot before the text. */
  @property({ type: Boolean }) dot = false;

  override render() {
    return html`${this.dot ? html`<span class="dot" aria-hidden="true"></span>` : nothing}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-badge': ReelBadge;
  }
}
