import { emit, ReelElement, renderErrorState } from '@reel/core';
import { property } from 'lit/decorators.js';
import { styles } from './reel-error-panel.styles.js';

/**
 * Says that something failed, with "Try again" (WAI-ARIA `alert`: announced when it appears) and
 * the technical details folded away. The same panel the kit's error boundary shows; use it where
 * an element handles a failure itself. Pressing "Try again" asks the owner to retry.
 *
 * @summary An error message with a retry button.
 * @tagname reel-error-panel
 * @csspart error - The panel.
 * @csspart retry - The "Try again" button.
 * @fires reel-retry - The user pressed "Try again".
 */
export class ReelErrorPanel extends ReelElement {
  static override styles = styles;

  /** Default "Something went wrong". */
  @property() heading = '';

  /** What failed, in words (default: "This part of the page couldn't load…"). */
  @property() message = '';

  /** The error, whose message appears under "Details". */
  @property({ attribute: false }) error?: unknown;

  /** Hides "Try again" (nothing to retry). */
  @property({ type: Boolean, attribute: 'no-retry' }) noRetry = false;

  /** Draws a border and surface around the panel. */
  @property({ type: Boolean, reflect: true }) bordered = false;

  override render() {
    return renderErrorState({
      heading: this.heading || undefined,
      text: this.message || undefined,
      error: this.error,
      onRetry: this.noRetry ? undefined : () => emit(this, 'reel-retry', {}),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-error-panel': ReelErrorPanel;
  }
}
