import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { catalogCollection, type TitleSummary } from '@reel/contracts';
import { formatNumber, plural, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import {
  CardActions,
  CardRenderer,
  HOVER_DELAY,
  HoverPreview,
  isTouch,
  mediaUrl,
  placePreview,
  rememberPointer,
  renderCardSkeleton,
  renderPreview,
  ScrollRestore,
} from '@reel/title-card';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { notFoundAsNull } from './not-found.js';
import { styles } from './reel-collection-detail.styles.js';

/**
 * An editorial collection's page (route `/collections/:slug`): its artwork, name and description,
 * then every title in it as a grid of cards (with the same hover previews and My List buttons as
 * rails), a page at a time.
 *
 * @summary A collection's page: header and a grid of title cards.
 * @tagname reel-collection-detail
 * @fires reel-watchlist-toggle-request - A card's My List button was pressed; `detail: { titleId, add }`.
 * @csspart hero - The header.
 * @csspart grid - The grid of cards.
 */
export class ReelCollectionDetail extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** The collection to show. */
  @property({ reflect: true }) slug = '';

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** How many titles a page loads ("Show more" loads the next). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 48;

  /** Titles of the pages loaded after the first, and local changes (My List). */
  @state() private items: TitleSummary[] = [];
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreFailed = false;

  private readonly api = new SessionConsumer(this);
  private readonly scrollMemory = new ScrollRestore(this);
  private readonly preview = new HoverPreview(this, { client: () => this.api.client, apiBase: () => this.mediaBase });
  private readonly actions = new CardActions({
    host: this,
    api: this.api,
    find: (id) => this.items.find((t) => t.id === id),
    patch: (id, patch) => {
      this.items = this.items.map((t) => (t.id === id ? { ...t, ...patch } : t));
      const next = this.items.find((t) => t.id === id);
      if (next) this.preview.refresh(next);
    },
  });
  private unlisten: (() => void) | undefined;
  private adopted: unknown = null;
  private readonly cards = new CardRenderer();

  private readonly collection = new Task(this, {
    task: async ([slug, limit, client, profileId], { signal }) => {
      void profileId;
      return slug
        ? notFoundAsNull(client.call(catalogCollection, { params: { slug }, query: { limit }, signal }))
        : null;
    },
    args: () => [this.slug, this.pageSize, this.api.client, this.api.profileId] as const,
  });

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = this.actions.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const value = this.collection.value;
    if (value && value !== this.adopted) {
      this.adopted = value;
      this.items = value.items;
      this.cursor = value.next_cursor;
      this.moreFailed = false;
    }
  }

  protected override updated(): void {
    if (this.collection.value) this.scrollMemory.restore();
  }

  /** Loads the next page of titles. */
  async loadMore(): Promise<void> {
    const cursor = this.cursor;
    if (!cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreFailed = false;
    try {
      const page = await this.api.client.call(catalogCollection, {
        params: { slug: this.slug },
        query: { limit: this.pageSize, cursor },
      });
      const known = new Set(this.items.map((t) => t.id));
      this.items = [...this.items, ...page.items.filter((t) => !known.has(t.id))];
      this.cursor = page.next_cursor;
    } catch {
      this.moreFailed = true;
    } finally {
      this.loadingMore = false;
    }
  }

  protected override render() {
    return this.renderTask(this.collection, {
      pending: () => html`<div class="page">
        <div class="skeleton-hero"></div>
        <div class="grid" aria-busy="true">${Array.from({ length: 12 }, () => renderCardSkeleton('backdrop'))}</div>
      </div>`,
      complete: (collection) => {
        if (!collection) return nothing;
        const signedIn = this.api.profileId !== null;
        const art = collection.artwork;
        return html`<article class="page">
          <header class="hero" part="hero">
            <div class="hero__art" ${styleProps({ '--_color': art?.color ?? null })}>
              ${
                art
                  ? html`<img .fetchPriority=${'high'} src=${mediaUrl(art.backdrop, this.mediaBase)} alt="" width="1600" height="900" decoding="async" />`
                  : nothing
              }
            </div>
            <div class="hero__content">
              <p class="eyebrow">${msg('Collection', { id: 'collection.eyebrow' })}</p>
              <h1>${collection.name}</h1>
              <p class="description">${collection.description}</p>
              <p class="meta">
                <span
                  >${plural(collection.title_count, {
                    one: msg('1 title', { id: 'collection.count.one' }),
                    other: msg(str`${formatNumber(collection.title_count)} titles`, { id: 'collection.count.other' }),
                  })}</span
                >
              </p>
            </div>
          </header>
          <section class="section grid-section" aria-labelledby="titles-h">
            <h2 id="titles-h" class="reel-visually-hidden">${msg(str`Titles in ${collection.name}`, { id: 'collection.titles' })}</h2>
            <ul
              class="grid"
              role="list"
              part="grid"
              @click=${(e: MouseEvent) => this.actions.handleClick(e)}
              @pointerover=${this.onPointerOver}
              @pointerleave=${() => this.preview.leave()}
              @pointerdown=${rememberPointer}
              @contextmenu=${this.onContextMenu}
              @focusout=${() => this.preview.leave()}
            >
              ${repeat(
                this.items,
                (t) => t.id,
                (t, i) =>
                  this.cards.render(t, {
                    index: i,
                    layout: 'backdrop',
                    focusable: true,
                    apiBase: this.mediaBase,
                    watchlist: signedIn,
                    removable: false,
                    eager: i < 8,
                    item: { size: this.items.length },
                  }),
              )}
            </ul>
            ${this.renderExpanded(signedIn)}
            ${
              this.cursor
                ? html`<div class="more">
                    ${this.moreFailed ? html`<p class="muted" role="alert">${msg('Couldn’t load more titles.', { id: 'collection.more.failed' })}</p>` : nothing}
                    <reel-button variant="secondary" ?loading=${this.loadingMore} @click=${() => this.loadMore()}
                      >${this.moreFailed ? msg('Try again', { id: 'collection.more.retry' }) : msg('Show more', { id: 'collection.more' })}</reel-button
                    >
                  </div>`
                : nothing
            }
          </section>
        </article>`;
      },
      isEmpty: (collection) => collection === null && this.slug !== '',
      empty: () => html`<div class="page not-found">
        ${this.renderEmpty({
          heading: msg('We couldn’t find that collection', { id: 'collection.not-found' }),
          actions: html`<reel-button href="/" variant="primary">${msg('Go to Home', { id: 'collection.home' })}</reel-button>`,
        })}
      </div>`,
    });
  }

  private renderExpanded(signedIn: boolean) {
    const active = this.preview.active;
    const section = this.renderRoot.querySelector<HTMLElement>('.grid-section');
    if (!active || !section || !active.anchor.isConnected) return nothing;
    const box = section.getBoundingClientRect();
    const { placement, origin } = placePreview(active.anchor.getBoundingClientRect(), box, {
      left: box.left + 8,
      right: box.right - 8,
    });
    return html`<div
      class="overlay"
      @pointerenter=${() => this.preview.keep()}
      @pointerleave=${() => this.preview.leave()}
      @click=${(e: MouseEvent) => this.actions.handleClick(e)}
    >
      ${renderPreview(active.title, {
        apiBase: this.mediaBase,
        watchlist: signedIn,
        removable: false,
        frame: this.preview.sprite.frame,
        placement,
        origin,
      })}
    </div>`;
  }

  private cardAt(event: Event): { title: TitleSummary; art: HTMLElement } | null {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return null;
    const card = target.closest<HTMLElement>('.card[data-id]');
    const title = card ? this.items.find((t) => t.id === card.dataset.id) : undefined;
    const art = card?.querySelector<HTMLElement>('.card__art');
    return title && art ? { title, art } : null;
  }

  private onPointerOver = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const found = this.cardAt(event);
    if (found) this.preview.schedule(found.title, found.art, HOVER_DELAY);
    else this.preview.leave();
  };

  private onContextMenu = (event: MouseEvent) => {
    const found = this.cardAt(event);
    if (!found || !isTouch(event)) return;
    event.preventDefault();
    this.preview.show(found.title, found.art);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-collection-detail': ReelCollectionDetail;
  }
}
