import { msg, str } from '@lit/localize';
import { ApiError } from '@reel/client';
import {
  type SharedWatchlist,
  type WatchlistBulkUploadResult,
  type WatchlistFolder,
  type WatchlistFolderList,
  type WatchlistItem,
  watchlistBulk,
  watchlistBulkUpload,
  watchlistClear,
  watchlistCreateFolder,
  watchlistDeleteFolder,
  watchlistExport,
  watchlistFolders,
  watchlistImport,
  watchlistList,
  watchlistReorder,
  watchlistRestore,
  watchlistShared,
  watchlistShareFolder,
  watchlistUnshareFolder,
  watchlistUpdateFolder,
} from '@reel/contracts';
import { emit, formatDate, formatNumber, plural, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import { artworkSrcset, mediaUrl, titleHref } from '@reel/title-card';
import { announce, type SelectOption, toast } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from './reel-watchlist.styles.js';
import { canReorder, type ListView, moveId, viewItems, type WatchlistSortKey } from './reorder.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-watchlist': ReelWatchlist;
  }
  interface GlobalEventHandlersEventMap {
    /** The list changed here (order, titles, folders); `detail: { total }`. */
    'reel-watchlist-update': CustomEvent<{ total: number }>;
  }
}

type Dialog = 'none' | 'bulk-add' | 'import' | 'clear' | 'folder' | 'delete-folder' | 'share';

/** How long the undo toast of a clear or a bulk remove stays (the server keeps the undo longer). */
const UNDO_MS = 12_000;

const typeLabel = (type: string): string => {
  switch (type) {
    case 'film':
      return msg('Film', { id: 'watchlist.type.film' });
    case 'series':
      return msg('Series', { id: 'watchlist.type.series' });
    case 'anime':
      return msg('Anime', { id: 'watchlist.type.anime' });
    default:
      return type;
  }
};

const problemOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : msg('Something went wrong. Please try again.', { id: 'watchlist.error' });

/**
 * My List (route `/my-list`): the active profile's list as a grid of posters or a detailed list,
 * in the profile's own order. Reorder by dragging a title, or by keyboard — focus a title's
 * handle, Space to pick it up, arrow keys to move, Space to drop, Escape to cancel — with every
 * step announced. Select titles to remove them or move them to a folder; add many at once by
 * pasting names or ids; import and export the list as JSON; clear it (confirmed, with undo);
 * search, sort (your order, date added, title, year, rating) and filter (type, genre, folder,
 * tag); make folders and share one as a read-only link. Changes show at once and are rolled back,
 * with a message, when the server refuses them.
 *
 * @summary The My List page.
 * @tagname reel-watchlist
 * @fires reel-watchlist-update - The list changed here; `detail: { total }`.
 * @fires reel-watchlist-change - (on `window`) a title left the list here; `detail: { titleId, inWatchlist }`.
 * @csspart header - The heading and the page actions.
 * @csspart toolbar - Search, sort and filters.
 * @csspart items - The grid or list of titles.
 * @csspart item - One title.
 * @csspart selection-bar - The bulk actions shown while titles are selected.
 * @cssproperty --reel-watchlist-poster-width - Smallest poster width in the grid (default 9.5rem).
 */
export class ReelWatchlist extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** `grid` (posters) or `list` (rows with details). */
  @property({ reflect: true }) view: 'grid' | 'list' = 'grid';
  /** The order shown. */
  @property({ reflect: true }) sort: WatchlistSortKey = 'position';
  /** Search within the list. */
  @property({ reflect: true }) q = '';
  /** Type filter (`film`, `series`, `anime`), or '' for all. */
  @property({ attribute: 'filter-type', reflect: true }) filterType = '';
  /** Genre filter (a slug), or ''. */
  @property({ attribute: 'filter-genre', reflect: true }) filterGenre = '';
  /** Folder filter: a folder id, `none`, or ''. */
  @property({ reflect: true }) folder = '';
  /** Tag filter, or ''. */
  @property({ reflect: true }) tag = '';
  /**
   * A share link's token: shows that shared folder read-only (route `/shared/my-list/:token`),
   * signed in or not, instead of the profile's own list.
   */
  @property({ attribute: 'share-token', reflect: true }) shareToken = '';
  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private shared: SharedWatchlist | null = null;
  @state() private items: WatchlistItem[] | null = null;
  @state() private folders: WatchlistFolderList | null = null;
  @state() private loadError: unknown = null;
  @state() private maxItems = 500;
  @state() private selected = new Set<string>();
  /** The title picked up by keyboard, and the order before (Escape goes back to it). */
  @state() private picked: { id: string; before: string[] } | null = null;
  @state() private dragging: string | null = null;
  @state() private dialog: Dialog = 'none';
  @state() private busy = false;
  @state() private bulkText = '';
  @state() private bulkResult: WatchlistBulkUploadResult | null = null;
  @state() private importMode: 'merge' | 'replace' = 'merge';
  @state() private importFile: { name: string; text: string } | null = null;
  @state() private importError: {
    message: string;
    field: string | null;
    line: number | null;
    column: number | null;
  } | null = null;
  @state() private folderName = '';
  @state() private folderError = '';
  /** The folder being renamed (null: a new folder). */
  @state() private editingFolder: WatchlistFolder | null = null;
  @state() private moveTarget = '';
  @state() private tagDraft = '';

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly api = new SessionConsumer(this);
  private loadedFor: unknown = undefined;
  /** A keyboard move is re-rendering the picked title (its handle loses focus for a moment). */
  private moving = false;
  private loading: AbortController | null = null;

  private get listView(): ListView {
    return {
      q: this.q,
      sort: this.sort,
      type: this.filterType,
      genre: this.filterGenre,
      folder: this.folder,
      tag: this.tag,
    };
  }

  private get shown(): WatchlistItem[] {
    return this.items ? viewItems(this.items, this.listView) : [];
  }

  private get reorderable(): boolean {
    return canReorder(this.listView) && (this.items?.length ?? 0) > 1;
  }

  private get profileId(): string | null {
    return this.api.profileId;
  }

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.shareToken) {
      if (this.loadedFor !== `share:${this.shareToken}`) {
        this.loadedFor = `share:${this.shareToken}`;
        void this.loadShared();
      }
      return;
    }
    const key = this.profileId;
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      this.selected = new Set();
      this.picked = null;
      if (key) void this.load();
      else this.items = null;
    }
    if (changed.has('folder') && this.folder && this.folders && !this.folders.items.some((f) => f.id === this.folder)) {
      if (this.folder !== 'none') this.folder = '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.loadedFor = undefined;
  }

  /** Loads the whole list (in pages of 200) and the folders. */
  async load(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    const { signal } = controller;
    this.loadError = null;
    try {
      const client = this.api.client;
      const params = { profile_id: profileId };
      const foldersRequest = client.call(watchlistFolders, { params, signal });
      // Awaited after the pages; a failure meanwhile must not go unhandled.
      foldersRequest.catch(() => {});
      const all: WatchlistItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.call(watchlistList, {
          params,
          query: { limit: 200, sort: 'position', ...(cursor ? { cursor } : {}) },
          signal,
        });
        all.push(...page.items);
        this.maxItems = page.max_items;
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      const folders = await foldersRequest;
      if (signal.aborted) return;
      this.items = all;
      this.folders = folders;
    } catch (error) {
      if (signal.aborted) return;
      this.loadError = error;
    }
  }

  private async loadShared(): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.loadError = null;
    this.shared = null;
    try {
      const all: SharedWatchlist['items'] = [];
      let page: SharedWatchlist;
      let cursor: string | undefined;
      do {
        page = await this.api.client.call(watchlistShared, {
          params: { token: this.shareToken },
          query: { limit: 100, ...(cursor ? { cursor } : {}) },
          signal: controller.signal,
        });
        all.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor && all.length < 500);
      if (!controller.signal.aborted) this.shared = { ...page, items: all };
    } catch (error) {
      if (!controller.signal.aborted) this.loadError = error;
    }
  }

  private renderShared() {
    const error = this.loadError;
    if (error) {
      if (error instanceof ApiError && (error.status === 410 || error.status === 404 || error.status === 400)) {
        return html`<div class="page">${this.renderEmpty({
          heading: msg('This link no longer works', { id: 'watchlist.shared.gone' }),
          text: msg('Its owner stopped sharing this list, or the link is mistyped.', {
            id: 'watchlist.shared.gone.text',
          }),
        })}</div>`;
      }
      return html`<div class="page">${this.renderError(error, () => void this.loadShared())}</div>`;
    }
    const shared = this.shared;
    if (!shared) {
      return html`<div class="page"><div class="items items--loading" aria-busy="true">
        <span class="visually-hidden" role="status">${msg('Loading My List…', { id: 'watchlist.loading' })}</span>
        ${Array.from({ length: 8 }, () => html`<div class="item skeleton" aria-hidden="true"></div>`)}
      </div></div>`;
    }
    return html`<div class="page shared">
      <div class="header" part="header">
        <div class="heading">
          <h1>${shared.name}</h1>
          <p class="count owner">
            <img class="owner__avatar" src=${mediaUrl(shared.owner.avatar_url, this.mediaBase)} alt="" />
            ${msg(str`A list shared by ${shared.owner.name}`, { id: 'watchlist.shared.by' })} ·
            ${plural(shared.item_count, {
              one: msg(str`${formatNumber(shared.item_count)} title`, { id: 'watchlist.count.one' }),
              other: msg(str`${formatNumber(shared.item_count)} titles`, { id: 'watchlist.count.other' }),
            })}
          </p>
          ${shared.description ? html`<p class="description">${shared.description}</p>` : nothing}
        </div>
      </div>
      ${
        shared.items.length
          ? html`<ol class="items" part="items" data-view="grid" aria-label=${shared.name}>
            ${shared.items.map((i) => {
              const t = i.title;
              const poster = mediaUrl(t.artwork.poster, this.mediaBase);
              return html`<li class="item" part="item" data-id=${t.id} ${styleProps({ '--_color': t.artwork.color })}>
                <a class="poster" href=${titleHref(t.id)} tabindex="-1" aria-hidden="true">
                  <img src=${poster} srcset=${artworkSrcset(poster, t.artwork) || nothing} sizes="12rem" alt="" loading="lazy" />
                </a>
                <div class="body">
                  <a class="name" href=${titleHref(t.id)}>${t.name}</a>
                  <p class="meta">${[t.year ? String(t.year) : '', typeLabel(t.type)].filter(Boolean).join(' · ')}</p>
                </div>
              </li>`;
            })}
          </ol>`
          : this.renderEmpty({ heading: msg('This list is empty for now', { id: 'watchlist.shared.empty' }) })
      }
    </div>`;
  }

  private async reloadFolders(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    try {
      this.folders = await this.api.client.call(watchlistFolders, { params: { profile_id: profileId } });
    } catch {
      // The folders keep what they showed; the next load brings them.
    }
  }

  private changed(): void {
    emit(this, 'reel-watchlist-update', { total: this.items?.length ?? 0 });
  }

  // -------------------------------------------------------------------------------------------
  // Order

  private get order(): string[] {
    return (this.items ?? []).map((i) => i.title_id);
  }

  /** Shows `ids` as the order at once (positions renumbered). */
  private applyOrder(ids: readonly string[]): void {
    const byId = new Map((this.items ?? []).map((i) => [i.title_id, i]));
    this.items = ids
      .map((id, position) => {
        const item = byId.get(id);
        return item ? { ...item, position } : null;
      })
      .filter((i): i is WatchlistItem => i !== null);
  }

  /** Stores the order shown; on refusal puts `before` back and says so. */
  private async saveOrder(before: string[]): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    const ids = this.order;
    if (ids.join('\n') === before.join('\n')) return;
    try {
      await this.api.client.call(watchlistReorder, { params: { profile_id: profileId }, body: { title_ids: ids } });
      this.changed();
    } catch (error) {
      this.applyOrder(before);
      toast({
        variant: 'error',
        message: msg(str`Couldn’t save the new order: ${problemOf(error)}`, { id: 'watchlist.reorder.failed' }),
      });
      if (error instanceof ApiError && error.status === 409) void this.load();
    }
  }

  private nameOf(id: string): string {
    return this.items?.find((i) => i.title_id === id)?.title.name ?? '';
  }

  private onHandleKeydown(event: KeyboardEvent, id: string): void {
    const total = this.items?.length ?? 0;
    const name = this.nameOf(id);
    if (!this.picked || this.picked.id !== id) {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        if (!this.reorderable) return;
        this.picked = { id, before: this.order };
        const at = this.order.indexOf(id) + 1;
        announce(
          msg(
            str`${name} picked up, position ${at} of ${total}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
            { id: 'watchlist.reorder.picked' },
          ),
          'assertive',
        );
      }
      return;
    }
    const rtl = getComputedStyle(this).direction === 'rtl';
    const index = this.order.indexOf(id);
    const columns = this.view === 'grid' ? this.columns() : 1;
    let to = index;
    switch (event.key) {
      case 'ArrowUp':
        to = index - columns;
        break;
      case 'ArrowDown':
        to = index + columns;
        break;
      case 'ArrowLeft':
        to = index + (rtl ? 1 : -1);
        break;
      case 'ArrowRight':
        to = index + (rtl ? -1 : 1);
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = total - 1;
        break;
      case ' ':
      case 'Enter': {
        event.preventDefault();
        const { before } = this.picked;
        this.picked = null;
        announce(
          msg(str`${name} dropped at position ${index + 1} of ${total}.`, { id: 'watchlist.reorder.dropped' }),
          'assertive',
        );
        void this.saveOrder(before);
        return;
      }
      case 'Escape': {
        event.preventDefault();
        event.stopPropagation();
        const { before } = this.picked;
        this.picked = null;
        this.applyOrder(before);
        announce(
          msg(str`Reorder cancelled. ${name} is back at position ${before.indexOf(id) + 1}.`, {
            id: 'watchlist.reorder.cancelled',
          }),
          'assertive',
        );
        void this.refocusHandle(id);
        return;
      }
      case 'Tab':
        return;
      default:
        return;
    }
    event.preventDefault();
    to = Math.max(0, Math.min(total - 1, to));
    if (to === index) return;
    this.moving = true;
    this.applyOrder(moveId(this.order, id, to));
    announce(
      msg(str`${name} moved to position ${to + 1} of ${total}.`, { id: 'watchlist.reorder.moved' }),
      'assertive',
    );
    void this.refocusHandle(id);
  }

  private async refocusHandle(id: string): Promise<void> {
    this.moving = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .handle`)?.focus();
    this.moving = false;
  }

  /** Columns of the grid, as laid out. */
  private columns(): number {
    const cells = [...this.renderRoot.querySelectorAll<HTMLElement>('.item')];
    const top = cells[0]?.offsetTop;
    if (top === undefined) return 1;
    return Math.max(1, cells.filter((c) => c.offsetTop === top).length);
  }

  private onHandleBlur(id: string): void {
    // Leaving a picked-up title drops it where it is.
    if (this.picked?.id !== id || this.moving) return;
    setTimeout(() => {
      if (this.moving) return;
      const active = this.shadowRoot?.activeElement;
      if (
        this.picked?.id === id &&
        !(active instanceof HTMLElement && active.closest(`[data-id="${CSS.escape(id)}"]`))
      ) {
        const { before } = this.picked;
        this.picked = null;
        void this.saveOrder(before);
      }
    }, 0);
  }

  private dragBefore: string[] | null = null;

  private onDragStart(event: DragEvent, id: string): void {
    if (!this.reorderable) {
      event.preventDefault();
      return;
    }
    this.dragging = id;
    this.dragBefore = this.order;
    event.dataTransfer?.setData('text/plain', id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  private onDragOver(event: DragEvent, overId: string): void {
    if (!this.dragging) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (overId === this.dragging) return;
    this.applyOrder(moveId(this.order, this.dragging, this.order.indexOf(overId)));
  }

  private onDragEnd(): void {
    const id = this.dragging;
    const before = this.dragBefore;
    this.dragging = null;
    this.dragBefore = null;
    if (!id || !before) return;
    const at = this.order.indexOf(id) + 1;
    announce(
      msg(str`${this.nameOf(id)} dropped at position ${at} of ${this.order.length}.`, {
        id: 'watchlist.reorder.dropped',
      }),
    );
    void this.saveOrder(before);
  }

  // -------------------------------------------------------------------------------------------
  // Removing, bulk actions

  /** Takes titles off the list at once; on refusal puts them back and says so. Offers undo. */
  private async removeTitles(ids: string[]): Promise<void> {
    const profileId = this.profileId;
    if (!profileId || !this.items || !ids.length) return;
    const before = this.items;
    const gone = new Set(ids);
    const names = before.filter((i) => gone.has(i.title_id)).map((i) => i.title.name);
    this.items = before.filter((i) => !gone.has(i.title_id));
    this.selected = new Set([...this.selected].filter((id) => !gone.has(id)));
    try {
      const result = await this.api.client.call(watchlistBulk, {
        params: { profile_id: profileId },
        body: { action: 'remove', title_ids: ids },
      });
      for (const id of ids) emit(window, 'reel-watchlist-change', { titleId: id, inWatchlist: false });
      this.changed();
      void this.reloadFolders();
      const message =
        ids.length === 1
          ? msg(str`Removed ${names[0] ?? ''} from My List`, { id: 'watchlist.removed.one' })
          : msg(str`Removed ${ids.length} titles from My List`, { id: 'watchlist.removed.many' });
      const undo = result.undo;
      toast({
        message,
        duration: UNDO_MS,
        ...(undo
          ? { actionLabel: msg('Undo', { id: 'watchlist.undo' }), onAction: () => void this.restore(undo.undo_token) }
          : {}),
      });
    } catch (error) {
      this.items = before;
      toast({
        variant: 'error',
        message: msg(str`Couldn’t remove: ${problemOf(error)}`, { id: 'watchlist.remove.failed' }),
      });
    }
  }

  private async restore(token: string): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    try {
      const result = await this.api.client.call(watchlistRestore, {
        params: { profile_id: profileId },
        body: { undo_token: token },
      });
      await this.load();
      this.changed();
      announce(msg(str`Restored ${result.restored} titles`, { id: 'watchlist.restored' }));
    } catch (error) {
      toast({
        variant: 'error',
        message: msg(str`Couldn’t undo: ${problemOf(error)}`, { id: 'watchlist.undo.failed' }),
      });
    }
  }

  /** Moves the selected titles into one folder (only). */
  private async moveSelected(folderId: string): Promise<void> {
    const profileId = this.profileId;
    if (!profileId || !this.items || !folderId) return;
    const ids = [...this.selected];
    const before = this.items;
    this.items = before.map((i) => (this.selected.has(i.title_id) ? { ...i, folder_ids: [folderId] } : i));
    const name = this.folders?.items.find((f) => f.id === folderId)?.name ?? '';
    try {
      await this.api.client.call(watchlistBulk, {
        params: { profile_id: profileId },
        body: { action: 'move', title_ids: ids, folder_id: folderId },
      });
      this.selected = new Set();
      this.moveTarget = '';
      void this.reloadFolders();
      this.changed();
      toast({ message: msg(str`Moved ${ids.length} titles to ${name}`, { id: 'watchlist.moved' }) });
    } catch (error) {
      this.items = before;
      toast({
        variant: 'error',
        message: msg(str`Couldn’t move the titles: ${problemOf(error)}`, { id: 'watchlist.move.failed' }),
      });
    }
  }

  /** Tags the selected titles (`tag` is one tag or several, comma-separated). */
  private async tagSelected(text: string): Promise<void> {
    const profileId = this.profileId;
    const tags = [
      ...new Set(
        text
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    if (!profileId || !this.items || tags.length === 0) return;
    const ids = [...this.selected];
    const before = this.items;
    this.items = before.map((i) =>
      this.selected.has(i.title_id) ? { ...i, tags: [...new Set([...i.tags, ...tags])] } : i,
    );
    try {
      await this.api.client.call(watchlistBulk, {
        params: { profile_id: profileId },
        body: { action: 'tag', title_ids: ids, tags },
      });
      this.tagDraft = '';
      void this.reloadFolders();
      this.changed();
      toast({
        message: msg(str`Tagged ${ids.length} titles #${tags.join(', #')}`, { id: 'watchlist.tagged' }),
      });
    } catch (error) {
      this.items = before;
      toast({
        variant: 'error',
        message: msg(str`Couldn’t tag the titles: ${problemOf(error)}`, { id: 'watchlist.tag.failed' }),
      });
    }
  }

  private toggleSelected(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  // -------------------------------------------------------------------------------------------
  // Bulk add, import, export, clear

  private async bulkAdd(entries: string[]): Promise<void> {
    const profileId = this.profileId;
    if (!profileId || !entries.length) return;
    this.busy = true;
    try {
      const result = await this.api.client.call(watchlistBulkUpload, {
        params: { profile_id: profileId },
        body: {
          entries: entries.slice(0, 200),
          ...(this.folder && this.folder !== 'none' ? { folder_id: this.folder } : {}),
        },
      });
      this.bulkResult = result;
      this.bulkText = '';
      for (const r of result.results) {
        if (r.outcome === 'added' && r.title)
          emit(window, 'reel-watchlist-change', { titleId: r.title.id, inWatchlist: true });
      }
      announce(
        msg(
          str`${result.counts.added} added, ${result.counts.already_present} already on the list, ${result.counts.not_found + result.counts.ambiguous + result.counts.unavailable} need a look.`,
          {
            id: 'watchlist.bulk.summary',
          },
        ),
      );
      if (result.counts.added) {
        await this.load();
        this.changed();
      }
    } catch (error) {
      toast({ variant: 'error', message: problemOf(error) });
    } finally {
      this.busy = false;
    }
  }

  private async onFileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.importError = null;
    if (file.size > 2_000_000) {
      this.importError = {
        message: msg('This file is larger than 2 MB: it is not a My List export.', { id: 'watchlist.import.too-big' }),
        field: null,
        line: null,
        column: null,
      };
      return;
    }
    this.importFile = { name: file.name, text: await file.text() };
  }

  private async runImport(): Promise<void> {
    const profileId = this.profileId;
    const file = this.importFile;
    if (!profileId || !file) return;
    this.busy = true;
    this.importError = null;
    try {
      const result = await this.api.client.call(watchlistImport, {
        params: { profile_id: profileId },
        body: { mode: this.importMode, content: file.text, filename: file.name.slice(0, 255) },
      });
      this.dialog = 'none';
      this.importFile = null;
      await this.load();
      this.changed();
      const undo = result.undo;
      toast({
        message: msg(
          str`Imported ${file.name}: ${result.added} added, ${result.updated} updated, ${result.removed} removed.`,
          {
            id: 'watchlist.import.done',
          },
        ),
        duration: undo ? UNDO_MS : 6000,
        ...(undo
          ? { actionLabel: msg('Undo', { id: 'watchlist.undo' }), onAction: () => void this.restore(undo.undo_token) }
          : {}),
      });
    } catch (error) {
      const api = error instanceof ApiError ? error : null;
      const line = api?.hint?.line;
      const column = api?.hint?.column;
      this.importError = {
        message: problemOf(error),
        field: api ? (Object.keys(api.fields)[0] ?? null) : null,
        line: typeof line === 'number' ? line : null,
        column: typeof column === 'number' ? column : null,
      };
    } finally {
      this.busy = false;
    }
  }

  private async exportList(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    try {
      const folder = this.folder && this.folder !== 'none' ? this.folder : undefined;
      const file = await this.api.client.call(watchlistExport, {
        params: { profile_id: profileId },
        query: folder ? { folder_id: folder } : {},
      });
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? 'reel-my-list.json';
      a.hidden = true;
      this.renderRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(msg('My List exported', { id: 'watchlist.exported' }));
    } catch (error) {
      toast({
        variant: 'error',
        message: msg(str`Couldn’t export: ${problemOf(error)}`, { id: 'watchlist.export.failed' }),
      });
    }
  }

  private async clearAll(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId || !this.items) return;
    const before = this.items;
    this.items = [];
    this.selected = new Set();
    this.dialog = 'none';
    try {
      const result = await this.api.client.call(watchlistClear, { params: { profile_id: profileId } });
      for (const i of before) emit(window, 'reel-watchlist-change', { titleId: i.title_id, inWatchlist: false });
      this.changed();
      void this.reloadFolders();
      toast({
        message: msg(str`Cleared My List (${result.removed} titles)`, { id: 'watchlist.cleared' }),
        duration: UNDO_MS,
        actionLabel: msg('Undo', { id: 'watchlist.undo' }),
        onAction: () => void this.restore(result.undo_token),
      });
    } catch (error) {
      this.items = before;
      toast({
        variant: 'error',
        message: msg(str`Couldn’t clear My List: ${problemOf(error)}`, { id: 'watchlist.clear.failed' }),
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Folders

  private openFolderDialog(folder: WatchlistFolder | null): void {
    this.editingFolder = folder;
    this.folderName = folder?.name ?? '';
    this.folderError = '';
    this.dialog = 'folder';
  }

  private async saveFolder(): Promise<void> {
    const profileId = this.profileId;
    const name = this.folderName.trim();
    if (!profileId) return;
    if (!name) {
      this.folderError = msg('Give the folder a name.', { id: 'watchlist.folder.name-required' });
      return;
    }
    this.busy = true;
    try {
      const editing = this.editingFolder;
      const saved = editing
        ? await this.api.client.call(watchlistUpdateFolder, {
            params: { profile_id: profileId, id: editing.id },
            body: { name },
          })
        : await this.api.client.call(watchlistCreateFolder, { params: { profile_id: profileId }, body: { name } });
      this.dialog = 'none';
      await this.reloadFolders();
      if (!editing) this.folder = saved.id;
      announce(msg(str`Folder ${saved.name} saved`, { id: 'watchlist.folder.saved' }));
    } catch (error) {
      this.folderError = problemOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async deleteFolder(): Promise<void> {
    const profileId = this.profileId;
    const folder = this.currentFolder;
    if (!profileId || !folder) return;
    this.dialog = 'none';
    try {
      await this.api.client.call(watchlistDeleteFolder, { params: { profile_id: profileId, id: folder.id } });
      this.folder = '';
      this.items = (this.items ?? []).map((i) => ({ ...i, folder_ids: i.folder_ids.filter((f) => f !== folder.id) }));
      await this.reloadFolders();
      toast({
        message: msg(str`Deleted the folder ${folder.name}; its titles stay on My List`, {
          id: 'watchlist.folder.deleted',
        }),
      });
    } catch (error) {
      toast({ variant: 'error', message: problemOf(error) });
    }
  }

  private get currentFolder(): WatchlistFolder | undefined {
    return this.folders?.items.find((f) => f.id === this.folder);
  }

  private async share(on: boolean): Promise<void> {
    const profileId = this.profileId;
    const folder = this.currentFolder;
    if (!profileId || !folder) return;
    this.busy = true;
    try {
      if (on) {
        const share = await this.api.client.call(watchlistShareFolder, {
          params: { profile_id: profileId, id: folder.id },
          body: {},
        });
        this.folders = this.folders && {
          ...this.folders,
          items: this.folders.items.map((f) => (f.id === folder.id ? { ...f, share } : f)),
        };
        this.dialog = 'share';
      } else {
        await this.api.client.call(watchlistUnshareFolder, { params: { profile_id: profileId, id: folder.id } });
        this.folders = this.folders && {
          ...this.folders,
          items: this.folders.items.map((f) => (f.id === folder.id ? { ...f, share: null } : f)),
        };
        this.dialog = 'none';
        toast({
          message: msg(str`Stopped sharing ${folder.name}: the link no longer works`, {
            id: 'watchlist.share.revoked',
          }),
        });
      }
    } catch (error) {
      toast({ variant: 'error', message: problemOf(error) });
    } finally {
      this.busy = false;
    }
  }

  private async copyLink(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      announce(msg('Link copied', { id: 'watchlist.share.copied' }));
      toast({ message: msg('Link copied', { id: 'watchlist.share.copied' }), variant: 'success' });
    } catch {
      const field = this.renderRoot.querySelector<HTMLElement & { select?: () => void }>('.share-url');
      field?.focus();
      toast({ message: msg('Copy the link from the field.', { id: 'watchlist.share.copy-manually' }) });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render() {
    if (this.shareToken) return this.renderShared();
    if (!this.profileId) {
      return html`<div class="page">${this.renderEmpty({
        heading: msg('Sign in to see My List', { id: 'watchlist.signed-out' }),
      })}</div>`;
    }
    if (this.loadError && !this.items) {
      return html`<div class="page">${this.renderError(this.loadError, () => void this.load())}</div>`;
    }
    if (!this.items) {
      return html`<div class="page">
        ${this.renderHeader()}
        <div class="items items--loading" aria-busy="true">
          <span class="visually-hidden" role="status">${msg('Loading My List…', { id: 'watchlist.loading' })}</span>
          ${Array.from({ length: 12 }, () => html`<div class="item skeleton" aria-hidden="true"></div>`)}
        </div>
      </div>`;
    }
    return html`<div class="page">
      ${this.renderHeader()}
      ${this.items.length ? html`${this.renderFolders()}${this.renderToolbar()}${this.renderSelectionBar()}${this.renderItems()}` : this.renderEmptyList()}
      ${this.renderDialogs()}
      <input type="file" accept="application/json,.json" hidden @change=${this.onFileChosen} />
    </div>`;
  }

  private renderHeader() {
    const count = this.items?.length ?? 0;
    return html`<div class="header" part="header">
      <div class="heading">
        <h1>${msg('My List', { id: 'watchlist.heading' })}</h1>
        ${
          this.items
            ? html`<p class="count">
              ${plural(count, {
                one: msg(str`${formatNumber(count)} title`, { id: 'watchlist.count.one' }),
                other: msg(str`${formatNumber(count)} titles`, { id: 'watchlist.count.other' }),
              })}<span class="count__max">
                · ${msg(str`room for ${formatNumber(this.maxItems)}`, { id: 'watchlist.count.max' })}</span
              >
            </p>`
            : nothing
        }
      </div>
      <div class="actions">
        <reel-button size="sm" variant="primary" data-action="bulk-add" @click=${() => this.openBulkAdd()}
          ><reel-icon slot="start" name="plus"></reel-icon>${msg('Add titles', { id: 'watchlist.bulk-add' })}</reel-button
        >
        <reel-button size="sm" data-action="import" @click=${() => this.openImport()}
          ><reel-icon slot="start" name="upload"></reel-icon>${msg('Import', { id: 'watchlist.import' })}</reel-button
        >
        <reel-button size="sm" data-action="export" ?disabled=${!count} @click=${() => void this.exportList()}
          ><reel-icon slot="start" name="download"></reel-icon>${msg('Export', { id: 'watchlist.export' })}</reel-button
        >
        <reel-button size="sm" variant="ghost" data-action="clear" ?disabled=${!count} @click=${() => {
          this.dialog = 'clear';
        }}
          ><reel-icon slot="start" name="trash"></reel-icon>${msg('Clear all', { id: 'watchlist.clear' })}</reel-button
        >
      </div>
    </div>`;
  }

  private renderEmptyList() {
    return html`<section class="empty" part="empty">
      <div class="empty__art" aria-hidden="true">
        <span></span><span></span><span></span>
      </div>
      <h2>${msg('Your list is ready for its first title', { id: 'watchlist.empty.heading' })}</h2>
      <p>
        ${msg('Press My List on any title to keep it here, paste a list of names, or bring back a list you exported.', {
          id: 'watchlist.empty.text',
        })}
      </p>
      <div class="empty__actions">
        <reel-button variant="primary" href="/">${msg('Browse titles', { id: 'watchlist.empty.browse' })}</reel-button>
        <reel-button @click=${() => this.openBulkAdd()}>${msg('Add titles by name', { id: 'watchlist.empty.paste' })}</reel-button>
        <reel-button variant="ghost" @click=${() => this.openImport()}>${msg('Import a file', { id: 'watchlist.empty.import' })}</reel-button>
      </div>
    </section>`;
  }

  private renderFolders() {
    const folders = this.folders?.items ?? [];
    const all = this.items?.length ?? 0;
    const chip = (value: string, label: string, count: number, shared = false) =>
      html`<button
        class="chip"
        type="button"
        aria-pressed=${this.folder === value ? 'true' : 'false'}
        @click=${() => {
          this.folder = value;
          this.selected = new Set();
        }}
      >
        ${shared ? html`<reel-icon name="share" aria-hidden="true"></reel-icon>` : nothing}<span>${label}</span
        ><span class="chip__count">${formatNumber(count)}</span>
      </button>`;
    const folder = this.currentFolder;
    return html`<nav class="folders" aria-label=${msg('Folders', { id: 'watchlist.folders' })}>
        ${chip('', msg('All titles', { id: 'watchlist.folders.all' }), all)}
        ${folders.map((f) => chip(f.id, f.name, f.item_count, f.share !== null))}
        ${
          folders.length
            ? chip(
                'none',
                msg('Not in a folder', { id: 'watchlist.folders.none' }),
                (this.items ?? []).filter((i) => !i.folder_ids.length).length,
              )
            : nothing
        }
        <reel-button size="sm" variant="ghost" data-action="new-folder" @click=${() => this.openFolderDialog(null)}
          ><reel-icon slot="start" name="plus"></reel-icon>${msg('New folder', { id: 'watchlist.folder.new' })}</reel-button
        >
      </nav>
      ${
        folder
          ? html`<div class="folder-bar">
            <h2>${folder.name}</h2>
            <reel-button size="sm" data-action="share" ?loading=${this.busy} @click=${() => void this.share(true)}
              ><reel-icon slot="start" name="share"></reel-icon>${
                folder.share
                  ? msg('Shared link', { id: 'watchlist.share.open' })
                  : msg('Share link', { id: 'watchlist.share' })
              }</reel-button
            >
            <reel-button size="sm" variant="ghost" @click=${() => this.openFolderDialog(folder)}
              ><reel-icon slot="start" name="edit"></reel-icon>${msg('Rename', { id: 'watchlist.folder.rename' })}</reel-button
            >
            <reel-button size="sm" variant="ghost" @click=${() => {
              this.dialog = 'delete-folder';
            }}
              ><reel-icon slot="start" name="trash"></reel-icon>${msg('Delete folder', { id: 'watchlist.folder.delete' })}</reel-button
            >
          </div>`
          : nothing
      }`;
  }

  private renderToolbar() {
    const items = this.items ?? [];
    const genres = new Map<string, string>();
    const types = new Set<string>();
    for (const i of items) {
      types.add(i.title.type);
      for (const g of i.title.genres) genres.set(g.slug, g.name);
    }
    const sortOptions: SelectOption[] = [
      { value: 'position', label: msg('My order', { id: 'watchlist.sort.position' }) },
      { value: 'added', label: msg('Recently added', { id: 'watchlist.sort.added' }) },
      { value: 'title', label: msg('Title (A–Z)', { id: 'watchlist.sort.title' }) },
      { value: 'year', label: msg('Release year', { id: 'watchlist.sort.year' }) },
      { value: 'rating', label: msg('Rating', { id: 'watchlist.sort.rating' }) },
    ];
    const typeOptions: SelectOption[] = [
      { value: '', label: msg('All types', { id: 'watchlist.filter.all-types' }) },
      ...[...types].sort().map((t) => ({ value: t, label: typeLabel(t) })),
    ];
    const genreOptions: SelectOption[] = [
      { value: '', label: msg('All genres', { id: 'watchlist.filter.all-genres' }) },
      ...[...genres].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label })),
    ];
    const tags = this.folders?.tags ?? [];
    const tagOptions: SelectOption[] = [
      { value: '', label: msg('All tags', { id: 'watchlist.filter.all-tags' }) },
      ...tags.map((t) => ({ value: t.tag, label: `${t.tag} (${formatNumber(t.item_count)})` })),
    ];
    const shown = this.shown;
    const filtered = shown.length !== items.length;
    return html`<div class="toolbar" part="toolbar">
        <reel-text-field
          class="search"
          type="search"
          label=${msg('Search My List', { id: 'watchlist.search' })}
          .value=${this.q}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.q = e.detail.value;
          }}
          ><reel-icon slot="start" name="search"></reel-icon
        ></reel-text-field>
        <reel-select
          label=${msg('Sort', { id: 'watchlist.sort' })}
          .options=${sortOptions}
          .value=${this.sort}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.sort = e.detail.value as WatchlistSortKey;
          }}
        ></reel-select>
        <reel-select
          label=${msg('Type', { id: 'watchlist.filter.type' })}
          .options=${typeOptions}
          .value=${this.filterType}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.filterType = e.detail.value;
          }}
        ></reel-select>
        <reel-select
          label=${msg('Genre', { id: 'watchlist.filter.genre' })}
          .options=${genreOptions}
          .value=${this.filterGenre}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.filterGenre = e.detail.value;
          }}
        ></reel-select>
        ${
          tags.length
            ? html`<reel-select
              label=${msg('Tag', { id: 'watchlist.filter.tag' })}
              .options=${tagOptions}
              .value=${this.tag}
              @reel-change=${(e: CustomEvent<{ value: string }>) => {
                this.tag = e.detail.value;
              }}
            ></reel-select>`
            : nothing
        }
        <div class="view-switch" role="group" aria-label=${msg('View', { id: 'watchlist.view' })}>
          <reel-icon-button
            name="grid"
            toggle
            .pressed=${this.view === 'grid'}
            label=${msg('Grid', { id: 'watchlist.view.grid' })}
            @click=${() => {
              this.view = 'grid';
            }}
          ></reel-icon-button>
          <reel-icon-button
            name="list"
            toggle
            .pressed=${this.view === 'list'}
            label=${msg('List', { id: 'watchlist.view.list' })}
            @click=${() => {
              this.view = 'list';
            }}
          ></reel-icon-button>
        </div>
      </div>
      <p class="status" role="status">
        ${
          filtered
            ? msg(str`Showing ${formatNumber(shown.length)} of ${formatNumber(items.length)}`, {
                id: 'watchlist.filtered',
              })
            : nothing
        }
        ${
          !this.reorderable && items.length > 1
            ? html`<span class="hint"
              >${msg('Choose “My order” with no search or filter to reorder.', { id: 'watchlist.reorder.hint' })}</span
            >`
            : nothing
        }
      </p>
      <p id="reorder-help" class="visually-hidden">
        ${msg(
          'To reorder, press Space to pick up the title, the arrow keys to move it, Space to drop it, Escape to cancel. Or drag it.',
          {
            id: 'watchlist.reorder.help',
          },
        )}
      </p>`;
  }

  private renderSelectionBar() {
    const shown = this.shown;
    const n = this.selected.size;
    const allSelected = shown.length > 0 && shown.every((i) => this.selected.has(i.title_id));
    const folders = this.folders?.items ?? [];
    return html`<div class="selection-bar" part="selection-bar" ?data-active=${n > 0}>
      <reel-checkbox
        .checked=${allSelected}
        .indeterminate=${n > 0 && !allSelected}
        label=${msg('Select all shown', { id: 'watchlist.select-all' })}
        @reel-change=${(e: CustomEvent<{ checked: boolean }>) => {
          this.selected = e.detail.checked ? new Set(shown.map((i) => i.title_id)) : new Set();
        }}
      ></reel-checkbox>
      ${
        n
          ? html`<span class="selection-count" role="status"
              >${msg(str`${formatNumber(n)} selected`, { id: 'watchlist.selected' })}</span
            >
            <reel-button size="sm" variant="danger" data-action="remove-selected" @click=${() => void this.removeTitles([...this.selected])}
              ><reel-icon slot="start" name="trash"></reel-icon>${msg('Remove', { id: 'watchlist.bulk.remove' })}</reel-button
            >
            ${
              folders.length
                ? html`<reel-select
                  class="move"
                  label=${msg('Move to folder', { id: 'watchlist.bulk.move' })}
                  placeholder=${msg('Choose a folder', { id: 'watchlist.bulk.move.placeholder' })}
                  .options=${folders.map((f) => ({ value: f.id, label: f.name }))}
                  .value=${this.moveTarget}
                  @reel-change=${(e: CustomEvent<{ value: string }>) => void this.moveSelected(e.detail.value)}
                ></reel-select>`
                : html`<reel-button size="sm" variant="ghost" @click=${() => this.openFolderDialog(null)}
                  >${msg('New folder to move them to', { id: 'watchlist.bulk.new-folder' })}</reel-button
                >`
            }
            <form
              class="tag-form"
              @submit=${(e: Event) => {
                e.preventDefault();
                void this.tagSelected(this.tagDraft);
              }}
            >
              <reel-text-field
                class="tag"
                label=${msg('Tag', { id: 'watchlist.bulk.tag' })}
                placeholder=${msg('rewatch, cosy', { id: 'watchlist.bulk.tag.placeholder' })}
                maxlength="100"
                .value=${this.tagDraft}
                @reel-input=${(e: CustomEvent<{ value: string }>) => {
                  this.tagDraft = e.detail.value;
                }}
              ></reel-text-field>
              <reel-button size="sm" variant="secondary" type="submit" data-action="tag-selected"
                >${msg('Add tag', { id: 'watchlist.bulk.tag.add' })}</reel-button
              >
            </form>
            <reel-button size="sm" variant="ghost" @click=${() => {
              this.selected = new Set();
            }}
              >${msg('Clear selection', { id: 'watchlist.select-none' })}</reel-button
            >`
          : nothing
      }
    </div>`;
  }

  private renderItems() {
    const shown = this.shown;
    if (!shown.length) {
      return html`<div class="no-match">
        ${this.renderEmpty({
          heading: msg('Nothing on your list matches', { id: 'watchlist.no-match' }),
          actions: html`<reel-button
            @click=${() => {
              this.q = '';
              this.filterType = '';
              this.filterGenre = '';
              this.tag = '';
              this.folder = '';
            }}
            >${msg('Show all titles', { id: 'watchlist.show-all' })}</reel-button
          >`,
        })}
      </div>`;
    }
    const reorderable = this.reorderable;
    return html`<ol class="items" part="items" data-view=${this.view} aria-label=${msg('My List', { id: 'watchlist.heading' })}>
      ${repeat(
        shown,
        (i) => i.title_id,
        (item, index) => this.renderItem(item, index, shown.length, reorderable),
      )}
    </ol>`;
  }

  private renderItem(item: WatchlistItem, index: number, total: number, reorderable: boolean) {
    const t = item.title;
    const poster = mediaUrl(t.artwork.poster, this.mediaBase);
    const srcset = artworkSrcset(poster, t.artwork);
    const folders = (this.folders?.items ?? []).filter((f) => item.folder_ids.includes(f.id));
    const picked = this.picked?.id === item.title_id;
    const meta = [t.year ? String(t.year) : '', typeLabel(t.type), t.certification ?? ''].filter(Boolean).join(' · ');
    const selected = this.selected.has(item.title_id);
    return html`<li
      class="item"
      part="item"
      data-id=${item.title_id}
      ?data-picked=${picked}
      ?data-dragging=${this.dragging === item.title_id}
      ?data-selected=${selected}
      draggable=${reorderable ? 'true' : 'false'}
      @dragstart=${(e: DragEvent) => this.onDragStart(e, item.title_id)}
      @dragover=${(e: DragEvent) => this.onDragOver(e, item.title_id)}
      @drop=${(e: DragEvent) => e.preventDefault()}
      @dragend=${() => this.onDragEnd()}
      ${styleProps({ '--_color': t.artwork.color })}
    >
      <a class="poster" href=${titleHref(t.id)} tabindex="-1" aria-hidden="true" draggable="false">
        <img src=${poster} srcset=${srcset || nothing} sizes="(max-width: 600px) 45vw, 12rem" alt="" loading="lazy" decoding="async" draggable="false" />
      </a>
      <div class="body">
        <a class="name" href=${titleHref(t.id)} draggable="false">${t.name}</a>
        <p class="meta">${meta}${
          t.rating_average !== null
            ? html` · <span class="rating"><reel-icon name="star-filled" aria-hidden="true"></reel-icon>${formatNumber(t.rating_average, { maximumFractionDigits: 1 })}</span>`
            : nothing
        }</p>
        ${
          this.view === 'list'
            ? html`<p class="genres">${t.genres.map((g) => g.name).join(', ')}</p>
              <p class="added">${msg(str`Added ${formatDate(item.added_at, { dateStyle: 'medium' })}`, { id: 'watchlist.added-on' })}</p>`
            : nothing
        }
        ${
          folders.length || item.tags.length
            ? html`<p class="labels">
              ${folders.map((f) => html`<span class="label label--folder">${f.name}</span>`)}
              ${item.tags.map((tag) => html`<span class="label">#${tag}</span>`)}
            </p>`
            : nothing
        }
      </div>
      <div class="controls">
        <reel-checkbox
          class="select"
          .checked=${selected}
          label=${msg(str`Select ${t.name}`, { id: 'watchlist.select' })}
          @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.toggleSelected(item.title_id, e.detail.checked)}
        ></reel-checkbox>
        ${
          reorderable
            ? html`<button
              class="handle"
              type="button"
              aria-label=${msg(str`Reorder ${t.name}, position ${index + 1} of ${total}`, { id: 'watchlist.reorder.handle' })}
              aria-describedby="reorder-help"
              aria-pressed=${picked ? 'true' : 'false'}
              @keydown=${(e: KeyboardEvent) => this.onHandleKeydown(e, item.title_id)}
              @blur=${() => this.onHandleBlur(item.title_id)}
            >
              <reel-icon name="drag-handle" aria-hidden="true"></reel-icon>
            </button>`
            : nothing
        }
        <reel-icon-button
          class="remove"
          name="close"
          size="sm"
          label=${msg(str`Remove ${t.name} from My List`, { id: 'watchlist.remove' })}
          @click=${() => void this.removeTitles([item.title_id])}
        ></reel-icon-button>
      </div>
    </li>`;
  }

  private openBulkAdd(): void {
    this.bulkResult = null;
    this.dialog = 'bulk-add';
  }

  private openImport(): void {
    this.importFile = null;
    this.importError = null;
    this.importMode = 'merge';
    this.dialog = 'import';
  }

  private closeDialog = () => {
    this.dialog = 'none';
  };

  private renderDialogs() {
    return html`${this.renderBulkAddDialog()}${this.renderImportDialog()}${this.renderFolderDialog()}${this.renderShareDialog()}
      <reel-confirm-dialog
        .open=${this.dialog === 'clear'}
        danger
        heading=${msg('Clear My List?', { id: 'watchlist.clear.heading' })}
        message=${msg(
          str`All ${this.items?.length ?? 0} titles leave your list. Your folders stay. You can undo this for a short while.`,
          {
            id: 'watchlist.clear.message',
          },
        )}
        confirm-label=${msg('Clear all', { id: 'watchlist.clear' })}
        @reel-confirm=${() => void this.clearAll()}
        @reel-cancel=${this.closeDialog}
      ></reel-confirm-dialog>
      <reel-confirm-dialog
        .open=${this.dialog === 'delete-folder'}
        danger
        heading=${msg(str`Delete the folder ${this.currentFolder?.name ?? ''}?`, { id: 'watchlist.folder.delete.heading' })}
        message=${msg('Its titles stay on My List. A shared link to it stops working.', { id: 'watchlist.folder.delete.message' })}
        confirm-label=${msg('Delete folder', { id: 'watchlist.folder.delete' })}
        @reel-confirm=${() => void this.deleteFolder()}
        @reel-cancel=${this.closeDialog}
      ></reel-confirm-dialog>`;
  }

  private renderBulkAddDialog() {
    const result = this.bulkResult;
    const outcomeLabel: Record<string, string> = {
      added: msg('Added', { id: 'watchlist.bulk.added' }),
      already_present: msg('Already on your list', { id: 'watchlist.bulk.already' }),
      ambiguous: msg('Several titles match — choose one', { id: 'watchlist.bulk.ambiguous' }),
      not_found: msg('No title found', { id: 'watchlist.bulk.not-found' }),
      unavailable: msg('Not available on this profile', { id: 'watchlist.bulk.unavailable' }),
      limit_reached: msg('Your list is full', { id: 'watchlist.bulk.full' }),
      resolved: msg('Found', { id: 'watchlist.bulk.resolved' }),
    };
    const entries = this.bulkText
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    return html`<reel-dialog
      .open=${this.dialog === 'bulk-add'}
      label=${msg('Add titles', { id: 'watchlist.bulk-add' })}
      size="md"
      @reel-dialog-close=${this.closeDialog}
    >
      <form
        id="bulk-form"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.bulkAdd(entries);
        }}
      >
        <reel-text-field
          multiline
          rows="6"
          label=${msg('Titles or ids, one per line', { id: 'watchlist.bulk.field' })}
          help-text=${msg('Add a year to pick one of several: Dune (2021). Up to 200 at a time.', { id: 'watchlist.bulk.help' })}
          .value=${this.bulkText}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.bulkText = e.detail.value;
          }}
        ></reel-text-field>
      </form>
      ${
        result
          ? html`<ul class="report" aria-label=${msg('What happened to each line', { id: 'watchlist.bulk.report' })}>
            ${result.results.map(
              (r) => html`<li class="report__row" data-outcome=${r.outcome}>
                <reel-icon
                  name=${r.outcome === 'added' || r.outcome === 'already_present' ? 'check' : r.outcome === 'ambiguous' ? 'info' : 'warning'}
                  aria-hidden="true"
                ></reel-icon>
                <span class="report__input">${r.input}</span>
                <span class="report__outcome">${outcomeLabel[r.outcome]}${r.title && r.outcome !== 'added' ? nothing : nothing}</span>
                ${
                  r.candidates.length
                    ? html`<span class="report__candidates">
                      ${r.candidates.map(
                        (c) => html`<reel-button size="sm" variant="ghost" @click=${() => void this.bulkAdd([c.id])}
                          >${c.name}${c.year ? ` (${c.year})` : ''}</reel-button
                        >`,
                      )}
                    </span>`
                    : nothing
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }
      <reel-button slot="footer" variant="ghost" @click=${this.closeDialog}>${msg('Done', { id: 'watchlist.done' })}</reel-button>
      <reel-button
        slot="footer"
        variant="primary"
        data-action="bulk-submit"
        ?loading=${this.busy}
        ?disabled=${!entries.length}
        @click=${() => void this.bulkAdd(entries)}
        >${plural(entries.length, {
          one: msg('Add 1 title', { id: 'watchlist.bulk.submit.one' }),
          other: msg(str`Add ${entries.length} titles`, { id: 'watchlist.bulk.submit.other' }),
        })}</reel-button
      >
    </reel-dialog>`;
  }

  private renderImportDialog() {
    const error = this.importError;
    const modeOptions: SelectOption[] = [
      {
        value: 'merge',
        label: msg('Add to my list', { id: 'watchlist.import.merge' }),
        description: msg('Titles already here keep their place', { id: 'watchlist.import.merge.help' }),
      },
      {
        value: 'replace',
        label: msg('Replace my list', { id: 'watchlist.import.replace' }),
        description: msg('Titles not in the file leave the list (you can undo)', {
          id: 'watchlist.import.replace.help',
        }),
      },
    ];
    return html`<reel-dialog
      .open=${this.dialog === 'import'}
      label=${msg('Import My List', { id: 'watchlist.import.heading' })}
      size="md"
      @reel-dialog-close=${this.closeDialog}
    >
      <p class="dialog-text">
        ${msg('Choose a JSON file exported from My List. It is checked whole before anything changes.', {
          id: 'watchlist.import.text',
        })}
      </p>
      <div class="file-row">
        <reel-button data-action="choose-file" @click=${() => this.fileInput?.click()}
          ><reel-icon slot="start" name="upload"></reel-icon>${msg('Choose file', { id: 'watchlist.import.choose' })}</reel-button
        >
        <span class="file-name">${this.importFile?.name ?? msg('No file chosen', { id: 'watchlist.import.none' })}</span>
      </div>
      <reel-select
        label=${msg('How to import', { id: 'watchlist.import.mode' })}
        .options=${modeOptions}
        .value=${this.importMode}
        @reel-change=${(e: CustomEvent<{ value: string }>) => {
          this.importMode = e.detail.value as 'merge' | 'replace';
        }}
      ></reel-select>
      ${
        error
          ? html`<div class="import-error" role="alert">
            <reel-icon name="error" aria-hidden="true"></reel-icon>
            <div>
              <p class="import-error__title">
                ${msg('This file can’t be imported. Nothing was changed.', { id: 'watchlist.import.rejected' })}
              </p>
              <p>${error.message}</p>
              ${
                error.line !== null
                  ? html`<p class="import-error__where">
                    ${msg(str`Line ${error.line}, column ${error.column ?? 1}`, { id: 'watchlist.import.where' })}${
                      error.field && error.field !== 'content' ? html` · <code>${error.field}</code>` : nothing
                    }
                  </p>`
                  : nothing
              }
            </div>
          </div>`
          : nothing
      }
      <reel-button slot="footer" variant="ghost" @click=${this.closeDialog}>${msg('Cancel', { id: 'watchlist.cancel' })}</reel-button>
      <reel-button
        slot="footer"
        variant="primary"
        data-action="import-submit"
        ?disabled=${!this.importFile}
        ?loading=${this.busy}
        @click=${() => void this.runImport()}
        >${msg('Import', { id: 'watchlist.import' })}</reel-button
      >
    </reel-dialog>`;
  }

  private renderFolderDialog() {
    return html`<reel-dialog
      .open=${this.dialog === 'folder'}
      label=${
        this.editingFolder
          ? msg('Rename folder', { id: 'watchlist.folder.rename.heading' })
          : msg('New folder', { id: 'watchlist.folder.new' })
      }
      size="sm"
      @reel-dialog-close=${this.closeDialog}
    >
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.saveFolder();
        }}
      >
        <reel-text-field
          label=${msg('Folder name', { id: 'watchlist.folder.name' })}
          maxlength="60"
          .value=${this.folderName}
          .error=${this.folderError}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.folderName = e.detail.value;
            this.folderError = '';
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void this.saveFolder();
            }
          }}
        ></reel-text-field>
      </form>
      <reel-button slot="footer" variant="ghost" @click=${this.closeDialog}>${msg('Cancel', { id: 'watchlist.cancel' })}</reel-button>
      <reel-button slot="footer" variant="primary" data-action="folder-save" ?loading=${this.busy} @click=${() => void this.saveFolder()}
        >${msg('Save', { id: 'watchlist.save' })}</reel-button
      >
    </reel-dialog>`;
  }

  private renderShareDialog() {
    const folder = this.currentFolder;
    const share = folder?.share;
    const url = share ? (share.url.startsWith('http') ? share.url : new URL(share.url, location.origin).href) : '';
    return html`<reel-dialog
      .open=${this.dialog === 'share' && !!share}
      label=${msg(str`Share ${folder?.name ?? ''}`, { id: 'watchlist.share.heading' })}
      size="sm"
      @reel-dialog-close=${this.closeDialog}
    >
      <p class="dialog-text">
        ${msg(
          'Anyone with this link can see the titles in this folder. They can’t change anything, and they don’t see your other titles or tags.',
          {
            id: 'watchlist.share.text',
          },
        )}
      </p>
      <reel-text-field class="share-url" readonly label=${msg('Link', { id: 'watchlist.share.link' })} .value=${url}></reel-text-field>
      <reel-button slot="footer" variant="danger" data-action="unshare" @click=${() => void this.share(false)}
        >${msg('Stop sharing', { id: 'watchlist.share.stop' })}</reel-button
      >
      <reel-button slot="footer" variant="primary" data-action="copy-link" @click=${() => void this.copyLink(url)}
        ><reel-icon slot="start" name="copy"></reel-icon>${msg('Copy link', { id: 'watchlist.share.copy' })}</reel-button
      >
    </reel-dialog>`;
  }
}
