import { ReelElement } from '@reel/core';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-tab.styles.js';

/**
 * A tab of a `<reel-tabs>` (role `tab`), naming the panel it shows.
 *
 * @summary A tab of reel-tabs.
 * @tagname reel-tab
 * @slot - The label (text, optionally with a reel-icon).
 * @cssproperty --reel-tab-indicator-color - The selected tab's underline (default: the accent).
 */
export class ReelTab extends ReelElement {
  static override styles = styles;

  /** The `name` of the `<reel-tab-panel>` this tab shows. */
  @property({ reflect: true }) panel = '';

  /** Set by the tabs. */
  @property({ type: Boolean, reflect: true }) selected = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  private readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.internals.role = 'tab';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected')) this.internals.ariaSelected = this.selected ? 'true' : 'false';
    if (changed.has('disabled')) this.internals.ariaDisabled = this.disabled ? 'true' : null;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-tab': ReelTab;
  }
}
