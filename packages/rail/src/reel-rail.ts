import { msg, str } from '@lit/localize';
import { initialState, Task } from '@lit/task';
import type { RailKind, TitleSummary } from '@reel/contracts';
import { getLocale, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import {
  CardActions,
  type CardLayout,
  CardRenderer,
  cardHref,
  FOCUS_DELAY,
  HOVER_DELAY,
  HoverPreview,
  isTouch,
  placePreview,
  rememberPointer,
  renderCardSkeleton,
  renderPreview,
} from '@reel/title-card';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cardsPerPage, MAX_PER_PAGE, visibleWindow } from './layout.js';
import { styles } from './reel-rail.styles.js';
import { loadRail, type RailData, sourceKind } from './sources.js';

let railCount = 0;
const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * A horizontal row of title cards with a heading and "see all": Trending, Top 10 (rank numerals),
 * Continue Watching (progress, remove from row), Because you watched…, a collection. It loads its
 * titles from a `source`, or shows the `items` it is given.
 *
 * It scrolls a page at a time with its buttons, by touch, and by keyboard: the cards are one tab
 * stop (roving focus), arrow keys move card to card, Home and End go to the ends. Only the cards
 * near the viewport are in the DOM, so a rail of a thousand titles stays smooth; artwork
 * lazy-loads into boxes of reserved size. Cards are templates inside the rail, not one element
 * each (the same markup and styles as `<reel-title-card>`).
 *
 * Public sources (trending, top10, collections, genres) need no session: the rail works on a
 * partner page with just `api-base`.
 *
 * @summary A virtualised, keyboard-navigable row of title cards.
 * @tagname reel-rail
 * @fires reel-watchlist-toggle-request - A card's My List button was pressed; `detail: { titleId, add }`.
 *   Cancel it to handle the change yourself.
 * @fires reel-continue-watching-remove-request - "Remove from row" was pressed; `detail: { titleId }`.
 * @fires reel-select - A card was chosen; `detail: { titleId, title }`. Cancel it to route it yourself.
 * @fires reel-title-play-request - A preview's play button was pressed; `detail: { titleId, episodeId? }`.
 * @csspart heading - The rail's heading.
 * @csspart see-all - The "see all" link.
 * @csspart viewport - The horizontally scrolling area.
 * @csspart card - Each card.
 * @csspart preview - The expanded card shown on hover.
 * @cssproperty --reel-rail-gutter - Space before the first and after the last card (default: 4% of the width).
 * @cssproperty --reel-rail-gap - Space between cards.
 * @cssproperty --reel-rail-spacing - Space above and below the rail.
 * @cssproperty --reel-rail-heading-size - The heading's font size.
 */
export class ReelRail extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /**
   * Where the titles come from: `trending`, `top10`, `continue-watching`, `recommendations`,
   * `because-you-watched[:<title id>]`, `collection:<slug>`, `genre:<slug>`, `new-this-week`,
   * `coming-soon`. Ignored when `items` is set.
   */
  @property({ reflect: true }) source: string | null = null;

  /** The titles to show (no request is made). */
  @property({ attribute: false }) items: TitleSummary[] | null = null;

  /** The heading (default: the source's own). */
  @property() heading: string | null = null;

  /** Where "see all" links (default: the source's own, if any). */
  @property({ attribute: 'see-all' }) seeAll: string | null = null;

  /** The kind of rail, when given `items` (`continue-watching` adds "remove from row"; `top10` rank numerals). */
  @property({ reflect: true }) kind: RailKind | null = null;

  /** `backdrop` (16:9), `poster` (2:3) or `rank` (Top 10); default from the kind. */
  @property({ reflect: true }) layout: CardLayout | null = null;

  /** Region for `top10` (default: the viewer's). */
  @property() region: string | null = null;

  /** How many titles to load from a source. */
  @property({ type: Number }) limit = 40;

  /** Loads the first page of artwork at once (the first rails of a page). */
  @property({ type: Boolean }) eager = false;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Where cards link, with `{id}` for the title id (a partner's own page); default Reel's detail page. */
  @property({ attribute: 'href-template' }) hrefTemplate: string | null = null;

  /** Set when the rail has no titles (it hides itself). */
  @property({ type: Boolean, reflect: true }) empty = false;

  /** The titles shown, with local changes (My List, progress, removed). */
  @state() private list: TitleSummary[] = [];
  @state() private start = 0;
  @state() private end = MAX_PER_PAGE;
  /** The card that holds the roving focus. */
  @state() private active = 0;
  @state() private atStart = true;
  @state() private atEnd = false;

  @query('.viewport') private viewport?: HTMLElement;

  private readonly uid = `rail-${++railCount}`;
  private readonly api = new SessionConsumer(this);
  private readonly preview = new HoverPreview(this, {
    client: () => this.api.client,
    apiBase: () => this.mediaBase,
  });
  private readonly actions = new CardActions({
    host: this,
    api: this.api,
    find: (id) => this.list.find((t) => t.id === id),
    patch: (id, patch) => this.patch(id, patch),
    drop: (id) => {
      this.dropped.set(
        id,
        this.list.findIndex((t) => t.id === id),
      );
      this.list = this.list.filter((t) => t.id !== id);
      this.preview.hide();
    },
    restore: (id) => {
      const at = this.dropped.get(id);
      const title = (this.loaded ?? []).find((t) => t.id === id);
      this.dropped.delete(id);
      if (at === undefined || !title || this.list.some((t) => t.id === id)) return;
      const list = [...this.list];
      list.splice(Math.min(at, list.length), 0, title);
      this.list = list;
    },
  });
  private readonly dropped = new Map<string, number>();
  private readonly cards = new CardRenderer();
  /** The titles as given or loaded, before local changes. */
  private loaded: TitleSummary[] | null = null;
  private loadedOnce = false;
  private fromSource: RailData | null = null;
  private perPage = 0;
  private stride = 0;
  private gutter = 0;
  private resize: ResizeObserver | undefined;
  private frame = 0;
  private unlisten: (() => void) | undefined;

  private readonly fetched = new Task(this, {
    task: async ([items, source, limit, region, client, profileId, status], { signal }) => {
      if (items || !source || !client) return null;
      if (status === 'loading') return initialState;
      return loadRail(client, source, { limit, region, profileId, signal });
    },
    args: () =>
      [
        this.items,
        this.source,
        this.limit,
        this.region,
        // Given items need no client (and no transport is made for them).
        this.items ? null : this.api.client,
        this.api.profileId,
        this.api.session?.status,
      ] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = this.actions.listen();
    this.resize = new ResizeObserver((entries) => this.resized(entries[0]?.contentBoxSize[0]?.inlineSize ?? 0));
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  /** Changes fields of a shown title and repaints its card (My List, progress). */
  patch(id: string, patch: Partial<TitleSummary>): void {
    const index = this.list.findIndex((t) => t.id === id);
    if (index === -1) return;
    const list = [...this.list];
    const next = { ...(list[index] as TitleSummary), ...patch };
    list[index] = next;
    this.list = list;
    this.preview.refresh(next);
  }

  /** The titles shown now. */
  get titles(): readonly TitleSummary[] {
    return this.list;
  }

  /** Scrolls by one page (`1` forward, `-1` back). */
  page(direction: 1 | -1): void {
    const viewport = this.viewport;
    if (!viewport) return;
    this.preview.hide();
    this.measure();
    const distance = Math.max(this.stride * Math.max(1, this.perPage), viewport.clientWidth * 0.8);
    const sign = this.isRtl ? -1 : 1;
    viewport.scrollBy({ left: direction * distance * sign, behavior: reducedMotion() ? 'instant' : 'smooth' });
  }

  /** Moves the roving focus to card `index` (scrolling it into view). */
  async focusCard(index: number): Promise<void> {
    const count = this.list.length;
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    this.active = target;
    this.measure();
    if (target < this.start || target >= this.end) {
      // Far away (Home/End): jump there, then render around it.
      const viewport = this.viewport;
      if (viewport && this.stride > 0) {
        const offset = Math.max(0, target * this.stride - (this.perPage - 1) * this.stride);
        viewport.scrollLeft = (this.isRtl ? -1 : 1) * offset;
      }
      const span = Math.max(this.perPage, 1);
      this.start = Math.max(0, target - span * 2);
      this.end = Math.min(count, target + span + 1);
    }
    await this.updateComplete;
    const link = this.renderRoot.querySelector<HTMLElement>(`li[aria-posinset="${target + 1}"] .card__link`);
    if (!link) return;
    link.focus({ preventScroll: true });
    link.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reducedMotion() ? 'instant' : 'smooth' });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.items) this.adopt(this.items, null);
    const source = this.fetched.value;
    if (!this.items && source && source !== this.fromSource) this.adopt(source.items, source);
    this.empty = this.loadedOnce && this.list.length === 0;
  }

  private adopt(items: TitleSummary[], source: RailData | null): void {
    this.loaded = items;
    this.fromSource = source;
    this.list = this.dropped.size ? items.filter((t) => !this.dropped.has(t.id)) : items;
    this.loadedOnce = true;
    if (this.active >= this.list.length) this.active = Math.max(0, this.list.length - 1);
    if (this.stride === 0) {
      // Before the rail's width is known, guess from the window's (no layout read).
      const perPage = this.perPage || cardsPerPage(this.resolvedLayout, globalThis.innerWidth || 1280);
      this.start = 0;
      this.end = 2 * perPage + 1;
    }
    this.preview.hide();
  }

  /** The rail's own words, looked up once per locale. */
  private get labels() {
    const locale = getLocale();
    if (this.words?.locale !== locale) {
      this.words = {
        locale,
        seeAll: msg('See all', { id: 'rail.see-all' }),
        previous: (heading: string) => msg(str`Previous titles in ${heading}`, { id: 'rail.previous' }),
        next: (heading: string) => msg(str`More titles in ${heading}`, { id: 'rail.next' }),
      };
    }
    return this.words;
  }
  private words:
    | { locale: string; seeAll: string; previous: (h: string) => string; next: (h: string) => string }
    | undefined;

  private get isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  private get resolvedKind(): string | null {
    return this.kind ?? this.fromSource?.kind ?? (this.source ? sourceKind(this.source) : null);
  }

  private get resolvedLayout(): CardLayout {
    return this.layout ?? (this.resolvedKind === 'top10' ? 'rank' : 'backdrop');
  }

  private get resolvedHeading(): string {
    if (this.heading) return this.heading;
    if (this.fromSource?.heading) return this.fromSource.heading;
    switch (this.resolvedKind) {
      case 'trending':
        return msg('Trending now', { id: 'rail.heading.trending' });
      case 'top10':
        return msg('Top 10 today', { id: 'rail.heading.top10' });
      case 'continue-watching':
        return msg('Continue watching', { id: 'rail.heading.continue' });
      case 'recommendations':
        return msg('Recommended for you', { id: 'rail.heading.recommended' });
      case 'because-you-watched':
        return msg('Because you watched', { id: 'rail.heading.because.plain' });
      case 'new-this-week':
        return msg('New this week', { id: 'rail.heading.new' });
      case 'coming-soon':
        return msg('Coming soon', { id: 'rail.heading.soon' });
      default:
        return msg('Titles', { id: 'rail.heading.default' });
    }
  }

  protected override render() {
    const layout = this.resolvedLayout;
    if (!this.items && this.source && !this.loadedOnce) {
      return this.renderTask(this.fetched, {
        complete: () => nothing,
        pending: () => this.renderSkeleton(layout),
        isEmpty: () => false,
      });
    }
    if (this.list.length === 0) return nothing;
    const heading = this.resolvedHeading;
    const seeAll = this.seeAll ?? this.fromSource?.seeAll ?? null;
    const start = Math.min(this.start, Math.max(0, this.list.length - 1));
    const end = Math.min(Math.max(this.end, start + 1), this.list.length);
    return html`<section class="rail rail--${layout}" aria-labelledby="${this.uid}-h">
      <div class="head">
        <h2 id="${this.uid}-h" part="heading">${heading}</h2>
        <a class="see-all" part="see-all" href=${seeAll ?? ''} ?hidden=${!seeAll}
          >${this.labels.seeAll}<span class="reel-visually-hidden">: ${heading}</span><span class="chevron" aria-hidden="true"></span
        ></a>
      </div>
      <div class="body" @pointerleave=${() => this.preview.leave()}>
        <button
          class="page page--prev"
          type="button"
          tabindex="-1"
          ?hidden=${this.atStart}
          aria-label=${this.labels.previous(heading)}
          @click=${() => this.page(-1)}
        >
          <span class="chevron chevron--back" aria-hidden="true"></span>
        </button>
        <div
          class="viewport"
          part="viewport"
          @scroll=${this.onScroll}
          @keydown=${this.onKeyDown}
          @focusin=${this.onFocusIn}
          @focusout=${this.onFocusOut}
          @click=${(e: MouseEvent) => this.actions.handleClick(e)}
          @pointerover=${this.onPointerOver}
          @pointerdown=${rememberPointer}
          @contextmenu=${this.onContextMenu}
        >
          <ul class="track" role="list" ${styleProps({ '--_start': start, '--_count': this.list.length })}>
            ${this.renderCards(layout, start, end)}
          </ul>
        </div>
        <button
          class="page page--next"
          type="button"
          tabindex="-1"
          ?hidden=${this.atEnd}
          aria-label=${this.labels.next(heading)}
          @click=${() => this.page(1)}
        >
          <span class="chevron" aria-hidden="true"></span>
        </button>
      </div>
      ${this.renderExpanded()}
    </section>`;
  }

  /**
   * The cards of the window, as nodes kept by the card renderer, keyed (`repeat`): when the window
   * moves, the cards that stay are not moved in the DOM (a moved node would lose focus).
   */
  private renderCards(layout: CardLayout, start: number, end: number) {
    const list = this.list;
    const signedIn = this.api.profileId !== null;
    const removable = signedIn && this.resolvedKind === 'continue-watching';
    const apiBase = this.mediaBase;
    const active = Math.min(this.active, list.length - 1);
    const eagerUntil = this.eager ? MAX_PER_PAGE : 0;
    const size = { size: list.length };
    return repeat(
      list.slice(start, end),
      (t) => t.id,
      (t, i) =>
        this.cards.render(t, {
          index: start + i,
          href: cardHref(t.id, this.hrefTemplate),
          layout,
          focusable: start + i === active,
          apiBase,
          watchlist: signedIn,
          removable,
          eager: start + i < eagerUntil,
          item: size,
        }),
    );
  }

  private renderSkeleton(layout: CardLayout) {
    return html`<div class="rail rail--${layout}" aria-busy="true">
      <div class="head"><span class="skeleton-heading"></span></div>
      <span class="reel-visually-hidden" role="status">${msg('Loading titles…', { id: 'rail.loading' })}</span>
      <div class="viewport">
        <div class="track" ${styleProps({ '--_start': 0, '--_count': MAX_PER_PAGE })}>
          ${Array.from({ length: MAX_PER_PAGE }, () => html`<div class="item">${renderCardSkeleton(layout)}</div>`)}
        </div>
      </div>
    </div>`;
  }

  private renderExpanded() {
    const active = this.preview.active;
    const viewport = this.viewport;
    if (!active || !viewport || !active.anchor.isConnected) return nothing;
    const host = (this.renderRoot.querySelector('.rail') ?? this).getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    const { placement, origin } = placePreview(active.anchor.getBoundingClientRect(), host, {
      left: view.left + Math.max(8, this.gutter * 0.25),
      right: view.right - Math.max(8, this.gutter * 0.25),
    });
    const signedIn = this.api.profileId !== null;
    return html`<div
      class="overlay"
      @pointerenter=${() => this.preview.keep()}
      @pointerleave=${() => this.preview.leave()}
      @click=${(e: MouseEvent) => this.actions.handleClick(e)}
    >
      ${renderPreview(active.title, {
        apiBase: this.mediaBase,
        watchlist: signedIn,
        removable: signedIn && this.resolvedKind === 'continue-watching',
        frame: this.preview.sprite.frame,
        placement,
        origin,
      })}
    </div>`;
  }

  protected override updated(): void {
    // Keep only the card nodes of the window just rendered.
    this.cards.retain(this.list.slice(this.start, this.end).map((t) => t.id));
  }

  /**
   * The rail's width changed (or is first known): how many cards make a page, and enough of them
   * rendered to fill it. Reads no layout: a rail below the fold stays unrendered
   * (`content-visibility: auto`) until it is scrolled to.
   */
  private resized(width: number): void {
    if (width <= 0) return;
    this.perPage = cardsPerPage(this.resolvedLayout, width);
    this.stride = 0;
    const needed = this.start + 2 * this.perPage + 1;
    if (this.end < Math.min(needed, this.list.length)) this.end = needed;
  }

  /** Reads the card size from layout, when an interaction needs it (the rail is on screen then). */
  private measure(): boolean {
    if (this.stride > 0) return true;
    const card = this.renderRoot.querySelector<HTMLElement>('.item');
    if (!card?.parentElement) return false;
    const style = getComputedStyle(card.parentElement);
    const gap = Number.parseFloat(style.columnGap) || 0;
    this.gutter = Number.parseFloat(style.paddingInlineEnd) || 0;
    this.stride = card.getBoundingClientRect().width + gap;
    if (this.perPage === 0) this.perPage = cardsPerPage(this.resolvedLayout, this.getBoundingClientRect().width);
    return this.stride > 0;
  }

  private onScroll = () => {
    if (this.preview.active) this.preview.hide();
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.syncWindow());
  };

  /** Renders the cards near the viewport (and moves the roving focus along when it scrolled away). */
  private syncWindow(): void {
    const viewport = this.viewport;
    if (!viewport || !this.measure()) return;
    const offset = Math.abs(viewport.scrollLeft);
    const max = viewport.scrollWidth - viewport.clientWidth;
    this.atStart = offset <= 1;
    this.atEnd = offset >= max - 1;
    const { start, end } = visibleWindow(
      this.list.length,
      { offset, viewport: viewport.clientWidth, stride: this.stride, gutter: this.gutter },
      Math.max(2, this.perPage),
    );
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
    }
    const focused = this.cardOf((this.renderRoot as ShadowRoot).activeElement);
    if (!focused && (this.active < start || this.active >= end)) {
      this.active = Math.min(this.list.length - 1, Math.floor(Math.max(0, offset - this.gutter) / this.stride));
    }
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = this.isRtl ? 'ArrowLeft' : 'ArrowRight';
    const back = this.isRtl ? 'ArrowRight' : 'ArrowLeft';
    let index: number;
    switch (event.key) {
      case forward:
        index = this.active + 1;
        break;
      case back:
        index = this.active - 1;
        break;
      case 'Home':
        index = 0;
        break;
      case 'End':
        index = this.list.length - 1;
        break;
      case 'Escape':
        this.preview.hide();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (index < 0 || index >= this.list.length) return;
    this.preview.hide();
    void this.focusCard(index);
  };

  private cardOf(target: EventTarget | null | undefined): { card: HTMLElement; index: number } | null {
    if (!(target instanceof Element)) return null;
    const card = target.closest<HTMLElement>('li[aria-posinset]');
    return card ? { card, index: Number(card.getAttribute('aria-posinset')) - 1 } : null;
  }

  private onFocusIn = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    const found = this.cardOf(target);
    if (!found) return;
    this.active = found.index;
    const title = this.list[found.index];
    const art = found.card.querySelector<HTMLElement>('.card__art');
    if (title && art && target instanceof Element && target.matches('.card__link:focus-visible')) {
      this.preview.schedule(title, art, FOCUS_DELAY);
    }
  };

  private onFocusOut = (event: FocusEvent) => {
    if (!this.cardOf(event.relatedTarget)) this.preview.leave();
  };

  private onPointerOver = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const found = this.cardOf(event.composedPath()[0]);
    const title = found ? this.list[found.index] : undefined;
    const art = found?.card.querySelector<HTMLElement>('.card__art');
    if (title && art) this.preview.schedule(title, art, HOVER_DELAY);
    else this.preview.leave();
  };

  private onContextMenu = (event: MouseEvent) => {
    const found = this.cardOf(event.composedPath()[0]);
    const title = found ? this.list[found.index] : undefined;
    const art = found?.card.querySelector<HTMLElement>('.card__art');
    if (!title || !art || !isTouch(event)) return;
    event.preventDefault();
    this.preview.show(title, art);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-rail': ReelRail;
  }
}
