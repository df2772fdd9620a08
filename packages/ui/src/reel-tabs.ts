import { emit, ReelElement } from '@reel/core';
import { html, type PropertyValues } from 'lit';
import { property, queryAssignedElements } from 'lit/decorators.js';
import type { ReelTab } from './reel-tab.js';
import type { ReelTabPanel } from './reel-tab-panel.js';
import { styles } from './reel-tabs.styles.js';

let counter = 0;

/**
 * Tabs (WAI-ARIA "Tabs" pattern): a tablist of `<reel-tab slot="nav">` and their
 * `<reel-tab-panel>`s. One tab is in the Tab order; the arrow keys move between tabs (mirrored in
 * right-to-left text), Home and End go to the ends. With automatic activation (the default) moving
 * shows the panel; with `activation="manual"`, Enter or Space does.
 *
 * @summary Tabs with panels.
 * @tagname reel-tabs
 * @slot nav - The `<reel-tab>` elements.
 * @slot - The `<reel-tab-panel>` elements.
 * @csspart tablist - The row of tabs.
 * @csspart panels - The panels' container.
 * @fires reel-tab-change - Another tab was selected by the user; `detail: { name }` (its panel's name).
 */
export class ReelTabs extends ReelElement {
  static override styles = styles;

  /** The selected panel's name (defaults to the first tab's). */
  @property({ reflect: true }) value = '';

  /** The tablist's accessible name. */
  @property() label = '';

  @property() activation: 'auto' | 'manual' = 'auto';

  /** `underline` (default) or `pills`. */
  @property({ reflect: true }) appearance: 'underline' | 'pills' = 'underline';

  @queryAssignedElements({ slot: 'nav', selector: 'reel-tab' }) private tabs!: ReelTab[];
  @queryAssignedElements({ selector: 'reel-tab-panel' }) private panels!: ReelTabPanel[];

  private sync = () => {
    const tabs = this.tabs;
    const panels = this.panels;
    if (!this.value || !tabs.some((t) => t.panel === this.value && !t.disabled)) {
      this.value = tabs.find((t) => !t.disabled)?.panel ?? '';
    }
    for (const tab of tabs) {
      const panel = panels.find((p) => p.name === tab.panel);
      tab.id ||= `reel-tab-${++counter}`;
      if (panel) {
        panel.id ||= `reel-tab-panel-${++counter}`;
        tab.setAttribute('aria-controls', panel.id);
        panel.setAttribute('aria-labelledby', tab.id);
      }
      tab.selected = tab.panel === this.value;
      tab.tabIndex = tab.selected ? 0 : -1;
    }
    for (const panel of panels) panel.hidden = panel.name !== this.value;
  };

  protected override willUpdate(_changed: PropertyValues<this>): void {
    // Default to the first enabled tab before rendering, not after (no second update).
    if (!this.value) {
      const first = [...this.querySelectorAll<ReelTab>(':scope > reel-tab')].find((t) => !t.disabled);
      if (first) this.value = first.panel;
    }
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.sync();
  }

  private select(tab: ReelTab) {
    if (tab.disabled || tab.panel === this.value) return;
    this.value = tab.panel;
    emit(this, 'reel-tab-change', { name: this.value });
  }

  private onKeyDown(event: KeyboardEvent) {
    const tabs = this.tabs.filter((t) => !t.disabled);
    const current = (event.target as Element).closest('reel-tab');
    if (!current || tabs.length === 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const index = tabs.indexOf(current);
    let next: ReelTab | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = tabs[(index + (rtl ? -1 : 1) + tabs.length) % tabs.length];
        break;
      case 'ArrowLeft':
        next = tabs[(index + (rtl ? 1 : -1) + tabs.length) % tabs.length];
        break;
      case 'Home':
        next = tabs[0];
        break;
      case 'End':
        next = tabs[tabs.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.select(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    next.focus();
    if (this.activation === 'auto') this.select(next);
    else for (const tab of this.tabs) tab.tabIndex = tab === next ? 0 : -1;
  }

  private onClick(event: MouseEvent) {
    const tab = (event.target as Element).closest('reel-tab');
    if (tab) {
      tab.focus();
      this.select(tab);
    }
  }

  override render() {
    return html`<div
        class="tablist"
        part="tablist"
        role="tablist"
        aria-label=${this.label}
        @keydown=${this.onKeyDown}
        @click=${this.onClick}
      >
        <slot name="nav" @slotchange=${this.sync}></slot>
      </div>
      <div class="panels" part="panels"><slot @slotchange=${this.sync}></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-tabs': ReelTabs;
  }
  interface GlobalEventHandlersEventMap {
    'reel-tab-change': CustomEvent<{ name: string }>;
  }
}
