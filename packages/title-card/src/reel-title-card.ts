import { Task } from '@lit/task';
import { catalogGet, type TitleSummary } from '@reel/contracts';
import { ReelElement, SessionConsumer } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CardActions } from './card-actions.js';
import { CardRenderer } from './card-dom.js';
import { type CardLayout, cardHref, progressPercent, renderCardSkeleton, renderPreview } from './card-template.js';
import { FOCUS_DELAY, HOVER_DELAY, HoverPreview, isTouch, placePreview, rememberPointer } from './hover-preview.js';
import { styles } from './reel-title-card.styles.js';

/**
 * A title's card: artwork in a reserved aspect ratio (no layout shift), the name, badges (new,
 * Top 10 rank, sub/dub, certification), a progress bar when partly watched, and a My List toggle
 * when a profile is active. Resting the pointer (or keyboard focus) on it expands it after a short
 * delay: the thumbnail sprite plays and the year, genres, maturity and a play button show. On touch
 * screens, a long press expands it. It links to `/title/:id`.
 *
 * Give it a `title` object (no request) or a `title-id` (it fetches the title). Rails render the same
 * card markup without one element per card; this element is for a card on its own.
 *
 * @summary A title card with badges, progress, My List and a hover preview.
 * @tagname reel-title-card
 * @fires reel-watchlist-toggle-request - The My List button was pressed; `detail: { titleId, add }`.
 *   Cancel it to handle the change yourself; otherwise the card saves it and fires
 *   `reel-watchlist-change` on `window`.
 * @fires reel-continue-watching-remove-request - "Remove from row" was pressed (`removable` cards);
 *   `detail: { titleId }`. Cancel it to handle it yourself.
 * @fires reel-select - The card was chosen; `detail: { titleId, title }`. Cancel it to route it yourself.
 * @fires reel-title-play-request - The preview's play button was pressed; `detail: { titleId, episodeId? }`.
 *   Cancel it to play in place instead of following the `/watch/:id` link.
 * @csspart card - The card.
 * @csspart link - The link around the artwork.
 * @csspart artwork - The artwork box.
 * @csspart preview - The expanded card.
 * @cssproperty --reel-title-card-radius - Corner radius of the artwork.
 * @cssproperty --reel-title-card-name-size - Font size of the name over the artwork.
 */
export class ReelTitleCard extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  private given: TitleSummary | null = null;

  /**
   * The title to show, as an object (no request is made). Reading it gives the title's name, so
   * the element stays an `HTMLElement` (whose `title` is a string); the object is {@link current}.
   * The `title` attribute keeps its usual meaning (a tooltip).
   */
  override get title(): string {
    return this.current?.name ?? '';
  }
  override set title(value: TitleSummary | string | null) {
    const old = this.given;
    this.given = value !== null && typeof value === 'object' ? value : null;
    this.requestUpdate('title', old);
  }

  /** A title id to fetch, when `title` is not set. */
  @property({ attribute: 'title-id', reflect: true }) titleId: string | null = null;

  /** Where the card links, with `{id}` for the title id (a partner's own page); default Reel's detail page. */
  @property({ attribute: 'href-template' }) hrefTemplate: string | null = null;

  /** `backdrop` (16:9, default), `poster` (2:3) or `rank` (Top 10 numeral and poster). */
  @property({ reflect: true }) layout: CardLayout = 'backdrop';

  /** Shows "Remove from row" (a Continue Watching card). */
  @property({ type: Boolean, reflect: true }) removable = false;

  /** Turns the hover preview off. */
  @property({ type: Boolean, attribute: 'no-preview' }) noPreview = false;

  /** Loads the artwork at once (a card above the fold) instead of lazily. */
  @property({ type: Boolean }) eager = false;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Whether the title is on the active profile's list (reflected). */
  @property({ type: Boolean, attribute: 'in-watchlist', reflect: true }) inWatchlist = false;

  /** Percent watched, 0 when not started (reflected). */
  @property({ type: Number, reflect: true }) progress = 0;

  /** Local changes (My List, progress) over the given or fetched title. */
  @state() private local: TitleSummary | null = null;

  private readonly api = new SessionConsumer(this);
  private readonly preview = new HoverPreview(this, {
    client: () => this.api.client,
    apiBase: () => this.apiBase,
  });
  private readonly actions = new CardActions({
    host: this,
    api: this.api,
    find: (id) => (this.current?.id === id ? this.current : undefined),
    patch: (id, patch) => {
      if (this.current?.id !== id) return;
      this.local = { ...this.current, ...patch };
      this.preview.refresh(this.local);
    },
    drop: () => {
      this.hidden = true;
    },
    restore: () => {
      this.hidden = false;
    },
  });
  private unlisten: (() => void) | undefined;
  private readonly cards = new CardRenderer();

  private readonly fetched = new Task(this, {
    task: async ([given, id, client], { signal }) => {
      if (given || !id) return null;
      return client.call(catalogGet, { params: { id }, signal });
    },
    args: () => [this.given, this.titleId, this.api.client] as const,
  });

  /** The title shown: local changes over the given (or fetched) one. */
  get current(): TitleSummary | null {
    return this.local ?? this.given ?? this.fetched.value ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = this.actions.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('title' as keyof ReelTitleCard) || changed.has('titleId')) this.local = null;
    const title = this.current;
    this.inWatchlist = title?.in_watchlist === true;
    this.progress = title ? (progressPercent(title) ?? 0) : 0;
  }

  protected override render() {
    const title = this.current;
    if (!title) {
      if (this.titleId && !this.given) {
        return this.renderTask(this.fetched, {
          complete: () => nothing,
          pending: () => renderCardSkeleton(this.layout),
          isEmpty: () => false,
        });
      }
      return renderCardSkeleton(this.layout);
    }
    const active = this.preview.active;
    return html`<div
      class="host"
      @click=${(e: MouseEvent) => this.actions.handleClick(e)}
      @pointerenter=${this.onPointerEnter}
      @pointerleave=${() => this.preview.leave()}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      @pointerdown=${rememberPointer}
      @contextmenu=${this.onContextMenu}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.preview.hide()}
    >
      ${this.cards.render(title, {
        index: 0,
        href: cardHref(title.id, this.hrefTemplate),
        layout: this.layout,
        focusable: true,
        apiBase: this.apiBase ?? this.api.session?.apiBase,
        watchlist: this.api.profileId !== null,
        removable: this.removable && this.api.profileId !== null,
        eager: this.eager,
      })}
      ${active ? this.renderExpanded(title, active.anchor) : nothing}
    </div>`;
  }

  private renderExpanded(title: TitleSummary, anchor: HTMLElement) {
    const host = this.getBoundingClientRect();
    const { placement, origin } = placePreview(anchor.getBoundingClientRect(), host, {
      left: Math.max(8, host.left - host.width),
      right: Math.min(document.documentElement.clientWidth - 8, host.right + host.width),
    });
    return renderPreview(title, {
      apiBase: this.apiBase ?? this.api.session?.apiBase,
      watchlist: this.api.profileId !== null,
      removable: this.removable && this.api.profileId !== null,
      frame: this.preview.sprite.frame,
      placement,
      origin,
    });
  }

  private art(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.card__art');
  }

  private onPointerEnter = (event: PointerEvent) => {
    const title = this.current;
    const art = this.art();
    if (event.pointerType !== 'mouse' || this.noPreview || !title || !art) return;
    this.preview.schedule(title, art, HOVER_DELAY);
  };

  private onFocusIn = (event: FocusEvent) => {
    const title = this.current;
    const art = this.art();
    const target = event.composedPath()[0];
    if (this.noPreview || !title || !art || !(target instanceof Element) || !target.matches(':focus-visible')) return;
    this.preview.schedule(title, art, FOCUS_DELAY);
  };

  private onFocusOut = (event: FocusEvent) => {
    if (
      !this.contains(event.relatedTarget as Node | null) &&
      !this.renderRoot.contains(event.relatedTarget as Node | null)
    ) {
      this.preview.leave();
    }
  };

  private onContextMenu = (event: MouseEvent) => {
    const title = this.current;
    const art = this.art();
    // A long press on a touch screen opens the preview instead of the link's menu.
    if (this.noPreview || !title || !art || !isTouch(event)) return;
    event.preventDefault();
    this.preview.show(title, art);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-title-card': ReelTitleCard;
  }
}
