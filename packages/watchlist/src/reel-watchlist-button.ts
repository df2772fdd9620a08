import { msg, str } from '@lit/localize';
import { catalogGet } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { setInWatchlist } from '@reel/title-card';
import { announce, toast } from '@reel/ui';
import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-watchlist-button': ReelWatchlistButton;
  }
}

/**
 * A My List toggle for any card or page: adds the title to the active profile's list or removes
 * it, showing the change at once and going back (with a message) when the server refuses. Every
 * button, card and page showing the same title follows (`reel-watchlist-change` on `window`).
 * Without `in-watchlist` it asks the server once. Signed out, it renders nothing.
 *
 * @summary Add to / remove from My List.
 * @tagname reel-watchlist-button
 * @fires reel-watchlist-toggle-request - Pressed; `detail: { titleId, add }`. Cancel it to handle the change yourself.
 * @fires reel-watchlist-change - (on `window`) the title joined or left the list.
 * @csspart button - The button.
 */
export class ReelWatchlistButton extends ReelElement {
  static version = '0.1.0';
  static override styles = css`
    :host {
      display: inline-block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** The title. */
  @property({ attribute: 'title-id', reflect: true }) titleId = '';
  /** Whether the title is on the list (set it when known; otherwise the button asks). */
  @property({ attribute: 'in-watchlist', type: Boolean, reflect: true }) inWatchlist: boolean | null = null;
  /** The title's name, for the announcement and the accessible label. */
  @property({ attribute: 'title-name' }) titleName = '';
  /** Icon only (a round button), e.g. on a card. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Button size. */
  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' = 'md';
  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private pending = false;

  private readonly api = new SessionConsumer(this);
  private askedFor = '';

  private readonly onChange = (event: CustomEvent<{ titleId: string; inWatchlist: boolean }>) => {
    if (event.detail.titleId === this.titleId) this.inWatchlist = event.detail.inWatchlist;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('reel-watchlist-change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('reel-watchlist-change', this.onChange);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const key = `${this.titleId}\n${this.api.profileId ?? ''}`;
    if (this.inWatchlist === null && this.titleId && this.api.profileId && this.askedFor !== key) {
      this.askedFor = key;
      void this.api.client
        .call(catalogGet, { params: { id: this.titleId } })
        .then((title) => {
          if (this.inWatchlist === null) this.inWatchlist = title.in_watchlist === true;
          if (!this.titleName) this.titleName = title.name;
        })
        .catch(() => {});
    }
  }

  /** Adds or removes the title (as a press does). */
  async toggle(): Promise<void> {
    const profileId = this.api.profileId;
    if (!profileId || !this.titleId || this.pending) return;
    const add = this.inWatchlist !== true;
    const request = emit(this, 'reel-watchlist-toggle-request', { titleId: this.titleId, add }, { cancelable: true });
    if (request.defaultPrevented) return;
    const name = this.titleName || this.titleId;
    this.inWatchlist = add;
    this.pending = true;
    try {
      await setInWatchlist(this.api.client, profileId, this.titleId, add);
      announce(
        add
          ? msg(str`Added ${name} to My List`, { id: 'watchlist.button.added' })
          : msg(str`Removed ${name} from My List`, { id: 'watchlist.button.removed' }),
      );
    } catch {
      this.inWatchlist = !add;
      toast({
        variant: 'error',
        message: msg(str`Couldn’t update My List for ${name}. Please try again.`, { id: 'watchlist.button.failed' }),
      });
    } finally {
      this.pending = false;
    }
  }

  protected override render() {
    if (!this.api.profileId) return html``;
    const on = this.inWatchlist === true;
    const label = on
      ? msg('On My List', { id: 'watchlist.button.on' })
      : msg('My List', { id: 'watchlist.button.off' });
    const name = this.titleName;
    const aria = on
      ? msg(str`Remove ${name} from My List`, { id: 'watchlist.button.remove-label' })
      : msg(str`Add ${name} to My List`, { id: 'watchlist.button.add-label' });
    if (this.compact) {
      return html`<reel-icon-button
        part="button"
        name=${on ? 'check' : 'plus'}
        variant="overlay"
        size=${this.size}
        toggle
        .pressed=${on}
        label=${name ? aria : label}
        @click=${() => void this.toggle()}
      ></reel-icon-button>`;
    }
    return html`<reel-button
      part="button"
      size=${this.size}
      variant=${on ? 'secondary' : 'outline'}
      aria-pressed=${on ? 'true' : 'false'}
      aria-label=${name ? aria : label}
      @click=${() => void this.toggle()}
      ><reel-icon slot="start" name=${on ? 'check' : 'plus'}></reel-icon>${label}</reel-button
    >`;
  }
}
