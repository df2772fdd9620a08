import { msg } from '@lit/localize';
import { emit, ReelElement } from '@reel/core';
import type { ReelTextField } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { styles } from './reel-search-box.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-search-box': ReelSearchBox;
  }
}

/**
 * The top bar's search: a search button that opens into a field. Typing goes to
 * `/search?q=…` as you type (replacing the history entry while on the search page), Escape closes
 * an empty field.
 *
 * @summary The top bar's expanding search field.
 * @tagname reel-search-box
 * @fires reel-navigate - To `/search?q=…`.
 */
export class ReelSearchBox extends ReelElement {
  static override styles = styles;

  /** The current query (the shell sets it from `/search?q=`). */
  @property() value = '';

  /** Whether the field is open (it stays open on the search page). */
  @property({ type: Boolean, reflect: true }) open = false;

  @query('reel-text-field') private field?: ReelTextField;
  private timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && changed.get('open') === false) this.field?.focus();
  }

  private go(value: string, replace: boolean) {
    clearTimeout(this.timer);
    const q = value.trim();
    const onSearch = location.pathname === '/search';
    if (!q && !onSearch) return;
    emit(this, 'reel-navigate', { href: q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search', replace });
  }

  private onInput(value: string) {
    this.value = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.go(value, location.pathname === '/search'), 350);
  }

  override render() {
    const label = msg('Search', { id: 'shell.search.label' });
    return html`<reel-icon-button
        name="search"
        label=${label}
        tooltip="below"
        @click=${() => {
          this.open = true;
        }}
      ></reel-icon-button>
      <form
        role="search"
        @submit=${(event: Event) => {
          event.preventDefault();
          this.go(this.value, false);
        }}
      >
        <reel-text-field
          type="search"
          label=${label}
          placeholder=${msg('Titles, people, genres', { id: 'shell.search.placeholder' })}
          .value=${this.value}
          autocomplete="off"
          .inert=${!this.open}
          @reel-input=${(event: CustomEvent<{ value: string }>) => this.onInput(event.detail.value)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              this.go(this.value, false);
            } else if (event.key === 'Escape' && !this.value) {
              this.open = false;
            }
          }}
          @focusout=${() => {
            if (!this.value && location.pathname !== '/search') this.open = false;
          }}
        >
          <reel-icon slot="start" name="search"></reel-icon>
          ${
            this.value
              ? html`<reel-icon-button
                  class="clear"
                  slot="end"
                  name="close"
                  size="sm"
                  tooltip="none"
                  label=${msg('Clear search', { id: 'shell.search.clear' })}
                  @click=${() => {
                    this.value = '';
                    this.field?.focus();
                    this.go('', true);
                  }}
                ></reel-icon-button>`
              : nothing
          }
        </reel-text-field>
      </form>`;
  }
}
