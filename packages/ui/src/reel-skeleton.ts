import { ReelElement } from '@reel/core';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-skeleton.styles.js';

/**
 * A placeholder shaped like content that is loading (a shimmer, still under reduced motion).
 * Decorative: hidden from assistive technology — the loading region says it is busy instead
 * (`aria-busy`, or the kit's `renderLoading()`).
 *
 * @summary A loading placeholder.
 * @tagname reel-skeleton
 * @csspart bone - Each placeholder shape.
 * @cssproperty --reel-skeleton-width - Width of the shape (text: 100%; circle: 2.5rem).
 * @cssproperty --reel-skeleton-height - Height of a line or rectangle.
 * @cssproperty --reel-skeleton-aspect-ratio - Aspect ratio of a rectangle (default 16 / 9: a poster frame).
 * @cssproperty --reel-skeleton-radius - Corner radius.
 */
export class ReelSkeleton extends ReelElement {
  static override styles = styles;

  /** `text` (lines), `rect` (a card or poster) or `circle` (an avatar). */
  @property({ reflect: true }) shape: 'text' | 'rect' | 'circle' = 'text';

  /** Lines drawn for `text`. */
  @property({ type: Number }) lines = 1;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  override render() {
    const count = this.shape === 'text' ? Math.max(1, this.lines) : 1;
    return html`<div class="lines ${this.shape}">
      ${Array.from({ length: count }, () => html`<span class="bone" part="bone"></span>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-skeleton': ReelSkeleton;
  }
}
