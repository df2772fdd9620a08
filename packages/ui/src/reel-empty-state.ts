import { msg } from '@lit/localize';
import { ReelElement } from '@reel/core';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { styles } from './reel-empty-state.styles.js';

/**
 * What an empty list or result says: an icon, a heading, a line of explanation and what to do
 * next ("Browse films").
 *
 * @summary An empty state with a call to action.
 * @tagname reel-empty-state
 * @slot - The explanation.
 * @slot actions - Buttons or links.
 * @csspart icon - The icon's circle.
 * @csspart heading - The heading.
 */
export class ReelEmptyState extends ReelElement {
  static override styles = styles;

  /** Default "Nothing here yet". */
  @property() heading = '';

  /** An icon's name (default `film`). */
  @property() icon = 'film';

  /** The heading's level (it sits in the page outline). */
  @property({ type: Number }) level: 2 | 3 | 4 = 3;

  @state() private hasActions = false;

  override render() {
    const heading = this.heading || msg('Nothing here yet', { id: 'ui.empty.heading' });
    return html`<div class="empty">
      <div class="icon" part="icon"><reel-icon name=${this.icon}></reel-icon></div>
      <div class="heading" part="heading" role="heading" aria-level=${this.level}>${heading}</div>
      <div class="text"><slot></slot></div>
      <div class=${classMap({ actions: true, 'empty-slot': !this.hasActions })}>
        <slot
          name="actions"
          @slotchange=${(e: Event) => {
            this.hasActions = (e.target as HTMLSlotElement).assignedElements().length > 0;
          }}
        ></slot>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-empty-state': ReelEmptyState;
  }
}
