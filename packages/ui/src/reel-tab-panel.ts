import { ReelElement } from '@reel/core';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-tab-panel.styles.js';

/**
 * A panel of a `<reel-tabs>` (role `tabpanel`), shown while its tab is selected.
 *
 * @summary A panel of reel-tabs.
 * @tagname reel-tab-panel
 * @slot - The panel's content.
 */
export class ReelTabPanel extends ReelElement {
  static override styles = styles;

  /** The name tabs refer to (`<reel-tab panel="…">`). */
  @property({ reflect: true }) name = '';

  constructor() {
    super();
    this.attachInternals().role = 'tabpanel';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-tab-panel': ReelTabPanel;
  }
}
