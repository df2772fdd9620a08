import { msg, str } from '@lit/localize';
import { ReelElement } from '@reel/core';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

/** A column of the table. */
export interface TableColumn<T> {
  id: string;
  label: string;
  render: (row: T) => unknown;
  /** The value CSV export writes (defaults to the rendered text when it is a string or number). */
  text?: (row: T) => string | number | null;
  /** The server's sort key, when the column can be sorted. */
  sort?: string;
  /** Hidden until the person chooses it. */
  optional?: boolean;
  /** Always shown: not in the column chooser. */
  fixed?: boolean;
}

export interface TableFilter {
  id: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface TableQuery {
  cursor?: string;
  limit: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  filters: Record<string, string>;
}

export interface TablePage<T> {
  items: T[];
  next_cursor: string | null;
}

export interface BulkAction {
  id: string;
  label: string;
  variant?: 'secondary' | 'danger';
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-table': ReelAdminTable;
  }
}

/**
 * The admin's data table: server-side cursor paging, sort and filters, a free-text search, a
 * column chooser remembered per person (localStorage, keyed by `storage-key` and the user), row
 * selection with bulk actions, and CSV export. Rows are keyboard-operable: ↑/↓ move between rows,
 * Home/End jump, Enter opens, Space selects.
 *
 * @summary Paged, sortable, filterable admin table with bulk actions and CSV export.
 * @fires reel-admin-open - A row was opened (click or Enter); `detail: { row }`.
 * @fires reel-admin-bulk - A bulk action was chosen; `detail: { action, ids }`.
 * @fires reel-admin-export - CSV export was asked for; `detail: { query }` (cancel to export yourself).
 * @csspart table - The table.
 */
export class ReelAdminTable<T = Record<string, unknown>> extends ReelElement {
  static override styles = css`
    :host {
      display: block;
      min-inline-size: 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--reel-space-2);
      align-items: end;
      margin-block-end: var(--reel-space-3);
    }
    .toolbar reel-text-field {
      flex: 1 1 14rem;
      max-inline-size: 24rem;
    }
    .toolbar reel-select {
      flex: 0 1 9.5rem;
    }
    .spacer {
      flex: 1;
    }
    @media (max-width: 40rem) {
      .toolbar {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
      .toolbar reel-text-field {
        grid-column: 1 / -1;
        max-inline-size: none;
      }
      .spacer {
        display: none;
      }
    }
    details.columns {
      position: relative;
    }
    details.columns summary {
      list-style: none;
      cursor: pointer;
      display: inline-flex;
      align-items: center;
      gap: var(--reel-space-1);
      block-size: 2.5rem;
      padding-inline: var(--reel-space-3);
      border-radius: var(--reel-radius-md);
      border: 1px solid var(--reel-color-border-strong);
      font-size: var(--reel-font-size-sm);
      font-weight: var(--reel-font-weight-semibold);
    }
    details.columns summary::-webkit-details-marker {
      display: none;
    }
    details.columns summary:focus-visible {
      outline: 2px solid var(--reel-color-focus);
      outline-offset: 2px;
    }
    details.columns .menu {
      position: absolute;
      inset-inline-end: 0;
      z-index: 5;
      display: grid;
      gap: var(--reel-space-2);
      min-inline-size: 12rem;
      margin-block-start: var(--reel-space-1);
      padding: var(--reel-space-3);
      background: var(--reel-color-surface-overlay);
      border: 1px solid var(--reel-color-border);
      border-radius: var(--reel-radius-lg);
      box-shadow: var(--reel-shadow-3);
    }
    .bulk {
      display: flex;
      flex-wrap: wrap;
      gap: var(--reel-space-2);
      align-items: center;
      padding: var(--reel-space-2) var(--reel-space-3);
      margin-block-end: var(--reel-space-3);
      border-radius: var(--reel-radius-lg);
      background: var(--reel-color-accent-soft);
      font-size: var(--reel-font-size-sm);
    }
    .wrap {
      overflow-x: auto;
      border: 1px solid var(--reel-color-border);
      border-radius: var(--reel-radius-xl);
      background: var(--reel-color-surface);
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-size: var(--reel-font-size-sm);
    }
    th,
    td {
      text-align: start;
      padding: var(--reel-space-3);
      border-block-end: 1px solid var(--reel-color-border);
      white-space: nowrap;
    }
    td.wide {
      white-space: normal;
      min-inline-size: 12rem;
    }
    th {
      position: sticky;
      top: 0;
      background: var(--reel-color-surface-raised);
      color: var(--reel-color-text-muted);
      font-weight: var(--reel-font-weight-semibold);
      font-size: var(--reel-font-size-xs);
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    th button {
      all: unset;
      cursor: pointer;
      display: inline-flex;
      gap: var(--reel-space-1);
      align-items: center;
    }
    th button:focus-visible,
    tr:focus-visible {
      outline: 2px solid var(--reel-color-focus);
      outline-offset: -2px;
    }
    tbody tr {
      cursor: pointer;
    }
    tbody tr:hover {
      background: var(--reel-color-surface-hover);
    }
    tbody tr[aria-selected='true'] {
      background: var(--reel-color-accent-soft);
    }
    tbody tr:last-child td {
      border-block-end: 0;
    }
    .check {
      inline-size: 2.5rem;
    }
    /* The row checkboxes keep their label for screen readers only. */
    reel-checkbox.bare::part(label) {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .cell-title {
      display: flex;
      align-items: center;
      gap: var(--reel-space-3);
    }
    td img {
      inline-size: 2rem;
      block-size: 3rem;
      flex: none;
      border-radius: var(--reel-radius-sm);
      object-fit: cover;
      background: var(--reel-color-surface-raised);
    }
    td a {
      color: var(--reel-color-text);
      font-weight: var(--reel-font-weight-semibold);
      text-decoration: none;
    }
    td a:hover {
      text-decoration: underline;
    }
    .pager {
      display: flex;
      gap: var(--reel-space-2);
      align-items: center;
      justify-content: flex-end;
      margin-block-start: var(--reel-space-3);
      color: var(--reel-color-text-muted);
      font-size: var(--reel-font-size-sm);
    }
    .empty {
      padding: var(--reel-space-8);
      text-align: center;
      color: var(--reel-color-text-muted);
    }
    reel-skeleton {
      display: block;
      block-size: 2.75rem;
      margin: var(--reel-space-1) var(--reel-space-3);
    }
  `;

  /** Accessible name of the table. */
  @property() label = '';
  @property({ attribute: false }) columns: TableColumn<T>[] = [];
  @property({ attribute: false }) filters: TableFilter[] = [];
  @property({ attribute: false }) bulkActions: BulkAction[] = [];
  /** Loads one page. */
  @property({ attribute: false }) load?: (query: TableQuery) => Promise<TablePage<T>>;
  @property({ attribute: false }) rowKey: (row: T) => string = (row) => String((row as { id?: unknown }).id);
  /** Where the column choice is kept (with the user id): `titles`. Empty: not kept. */
  @property({ attribute: 'storage-key' }) storageKey = '';
  @property({ attribute: 'user-id' }) userId = '';
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;
  @property({ attribute: 'default-sort' }) defaultSort = '';
  @property({ attribute: 'default-order' }) defaultOrder: 'asc' | 'desc' = 'desc';
  /** Search box off. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;
  @property({ type: Boolean, attribute: 'no-export' }) noExport = false;

  @state() private items: T[] = [];
  @state() private next: string | null = null;
  @state() private stack: (string | undefined)[] = [];
  @state() private loading = true;
  @state() private error: unknown = null;
  @state() private sort = '';
  @state() private order: 'asc' | 'desc' = 'desc';
  @state() private q = '';
  @state() private filterValues: Record<string, string> = {};
  @state() private hiddenCols = new Set<string>();
  @state() private selected = new Set<string>();
  @state() private active = 0;
  private searchTimer = 0;
  private loadSeq = 0;

  private get prefKey() {
    return this.storageKey ? `reel.admin.columns.${this.userId || 'anon'}.${this.storageKey}` : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sort = this.defaultSort;
    this.order = this.defaultOrder;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('columns') || changed.has('storageKey') || changed.has('userId')) {
      let saved: string[] | null = null;
      try {
        saved = this.prefKey ? (JSON.parse(localStorage.getItem(this.prefKey) ?? 'null') as string[] | null) : null;
      } catch {
        saved = null;
      }
      this.hiddenCols = new Set(saved ?? this.columns.filter((c) => c.optional).map((c) => c.id));
    }
    if (changed.has('load') && this.load) void this.fetch(this.stack[this.stack.length - 1]);
  }

  /** Loads the first page again (after an edit elsewhere). */
  reload(): Promise<void> {
    this.stack = [];
    return this.fetch(undefined);
  }

  /** The query the table shows now (for exports). */
  get query(): TableQuery {
    return {
      limit: this.pageSize,
      ...(this.sort ? { sort: this.sort, order: this.order } : {}),
      ...(this.q ? { q: this.q } : {}),
      filters: Object.fromEntries(Object.entries(this.filterValues).filter(([, v]) => v)),
    };
  }

  private async fetch(cursor: string | undefined): Promise<void> {
    if (!this.load) return;
    const seq = ++this.loadSeq;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.load({ ...this.query, ...(cursor ? { cursor } : {}) });
      if (seq !== this.loadSeq) return;
      this.items = page.items;
      this.next = page.next_cursor;
      this.active = Math.min(this.active, Math.max(0, page.items.length - 1));
    } catch (error) {
      if (seq === this.loadSeq) this.error = error;
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private changed(): void {
    this.stack = [];
    this.selected = new Set();
    void this.fetch(undefined);
  }

  private sortBy(column: TableColumn<T>): void {
    if (!column.sort) return;
    if (this.sort === column.sort) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = column.sort;
      this.order = column.sort === 'name' || column.sort === 'title' ? 'asc' : 'desc';
    }
    this.changed();
  }

  private toggleColumn(id: string, on: boolean): void {
    const hidden = new Set(this.hiddenCols);
    if (on) hidden.delete(id);
    else hidden.add(id);
    this.hiddenCols = hidden;
    if (this.prefKey) {
      try {
        localStorage.setItem(this.prefKey, JSON.stringify([...hidden]));
      } catch {
        // Storage full or blocked: the choice lasts this visit.
      }
    }
  }

  private toggleRow(row: T): void {
    const key = this.rowKey(row);
    const next = new Set(this.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.selected = next;
  }

  private open(row: T): void {
    this.dispatchEvent(new CustomEvent('reel-admin-open', { bubbles: true, composed: true, detail: { row } }));
  }

  private focusRow(index: number): void {
    this.active = Math.max(0, Math.min(this.items.length - 1, index));
    void this.updateComplete.then(() => {
      (this.renderRoot.querySelector(`tbody tr[data-index="${this.active}"]`) as HTMLElement | null)?.focus();
    });
  }

  private onRowKey(event: KeyboardEvent, row: T, index: number): void {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: this.items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focusRow(moves[event.key] as number);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.open(row);
    } else if (event.key === ' ' && this.bulkActions.length) {
      event.preventDefault();
      this.toggleRow(row);
    }
  }

  private async exportCsv(): Promise<void> {
    const ask = new CustomEvent('reel-admin-export', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { query: this.query },
    });
    if (!this.dispatchEvent(ask) || !this.load) return;
    // No server export: walk the pages (at most 2,000 rows) and write the visible columns.
    const rows: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.load({ ...this.query, limit: 100, ...(cursor ? { cursor } : {}) });
      rows.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor && rows.length < 2000);
    const cols = this.columns.filter((c) => !this.hiddenCols.has(c.id));
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const text = (c: TableColumn<T>, r: T) => {
      if (c.text) return c.text(r);
      const v = c.render(r);
      return typeof v === 'string' || typeof v === 'number' ? v : '';
    };
    const csv = [
      cols.map((c) => cell(c.label)).join(','),
      ...rows.map((r) => cols.map((c) => cell(text(c, r))).join(',')),
    ].join('\r\n');
    downloadBlob(new Blob([csv], { type: 'text/csv' }), `${this.storageKey || 'export'}.csv`);
  }

  private bulk(action: string): void {
    this.dispatchEvent(
      new CustomEvent('reel-admin-bulk', {
        bubbles: true,
        composed: true,
        detail: { action, ids: [...this.selected] },
      }),
    );
    this.selected = new Set();
  }

  protected override render(): TemplateResult {
    const cols = this.columns.filter((c) => !this.hiddenCols.has(c.id));
    const allSelected = this.items.length > 0 && this.items.every((r) => this.selected.has(this.rowKey(r)));
    const page = this.stack.length + 1;
    return html`
      <div class="toolbar">
        ${
          this.noSearch
            ? nothing
            : html`<reel-text-field
                type="search"
                label=${msg('Search', { id: 'admin.table.search' })}
                .value=${this.q}
                @reel-input=${(e: CustomEvent<{ value: string }>) => {
                  this.q = e.detail.value;
                  clearTimeout(this.searchTimer);
                  this.searchTimer = window.setTimeout(() => this.changed(), 250);
                }}
              ><reel-icon slot="start" name="search"></reel-icon></reel-text-field>`
        }
        ${this.filters.map(
          (f) => html`<reel-select
            label=${f.label}
            .value=${this.filterValues[f.id] ?? ''}
            .options=${[{ value: '', label: msg('All', { id: 'admin.table.all' }) }, ...f.options]}
            @reel-change=${(e: CustomEvent<{ value: string }>) => {
              this.filterValues = { ...this.filterValues, [f.id]: e.detail.value };
              this.changed();
            }}
          ></reel-select>`,
        )}
        <span class="spacer"></span>
        <details class="columns">
          <summary><reel-icon name="list"></reel-icon>${msg('Columns', { id: 'admin.table.columns' })}</summary>
          <div class="menu" role="group" aria-label=${msg('Columns shown', { id: 'admin.table.columns-shown' })}>
            ${this.columns
              .filter((c) => !c.fixed)
              .map(
                (c) => html`<reel-checkbox
                  .checked=${!this.hiddenCols.has(c.id)}
                  @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.toggleColumn(c.id, e.detail.checked)}
                  >${c.label}</reel-checkbox
                >`,
              )}
          </div>
        </details>
        ${
          this.noExport
            ? nothing
            : html`<reel-button @click=${() => void this.exportCsv()}
                ><reel-icon slot="start" name="download"></reel-icon>${msg('Export CSV', { id: 'admin.table.export' })}</reel-button
              >`
        }
      </div>
      ${
        this.selected.size && this.bulkActions.length
          ? html`<div class="bulk" role="region" aria-label=${msg('Bulk actions', { id: 'admin.table.bulk' })}>
              <strong>${msg(str`${this.selected.size} selected`, { id: 'admin.table.selected' })}</strong>
              ${this.bulkActions.map(
                (a) =>
                  html`<reel-button size="sm" variant=${a.variant ?? 'secondary'} @click=${() => this.bulk(a.id)}>${a.label}</reel-button>`,
              )}
              <reel-button size="sm" variant="ghost" @click=${() => (this.selected = new Set())}>${msg('Clear', { id: 'admin.table.clear' })}</reel-button>
            </div>`
          : nothing
      }
      <div class="wrap">
        <table part="table" aria-label=${this.label} aria-busy=${this.loading ? 'true' : 'false'}>
          <thead>
            <tr>
              ${
                this.bulkActions.length
                  ? html`<th class="check" scope="col">
                      <reel-checkbox
                        class="bare"
                        .checked=${allSelected}
                        .indeterminate=${!allSelected && this.selected.size > 0}
                        label=${msg('Select all on this page', { id: 'admin.table.select-all' })}
                        @reel-change=${(e: CustomEvent<{ checked: boolean }>) => {
                          this.selected = e.detail.checked ? new Set(this.items.map((r) => this.rowKey(r))) : new Set();
                        }}
                      ></reel-checkbox>
                    </th>`
                  : nothing
              }
              ${cols.map((c) => {
                const sorted = c.sort && this.sort === c.sort;
                return html`<th
                  scope="col"
                  aria-sort=${sorted ? (this.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  ${
                    c.sort
                      ? html`<button type="button" @click=${() => this.sortBy(c)}>
                          ${c.label}${sorted ? html`<reel-icon name=${this.order === 'asc' ? 'chevron-up' : 'chevron-down'}></reel-icon>` : nothing}
                        </button>`
                      : c.label
                  }
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${
              this.loading && !this.items.length
                ? html`<tr><td colspan=${cols.length + 1}><reel-skeleton></reel-skeleton><reel-skeleton></reel-skeleton><reel-skeleton></reel-skeleton></td></tr>`
                : nothing
            }
            ${this.items.map((row, i) => {
              const key = this.rowKey(row);
              return html`<tr
                data-index=${i}
                tabindex=${i === this.active ? '0' : '-1'}
                aria-selected=${this.bulkActions.length ? (this.selected.has(key) ? 'true' : 'false') : 'false'}
                @click=${(e: Event) => {
                  if ((e.target as HTMLElement).closest('reel-checkbox,a,reel-button')) return;
                  this.active = i;
                  this.open(row);
                }}
                @keydown=${(e: KeyboardEvent) => this.onRowKey(e, row, i)}
                @focus=${() => (this.active = i)}
              >
                ${
                  this.bulkActions.length
                    ? html`<td class="check">
                        <reel-checkbox
                          class="bare"
                          .checked=${this.selected.has(key)}
                          label=${msg('Select row', { id: 'admin.table.select-row' })}
                          @reel-change=${() => this.toggleRow(row)}
                        ></reel-checkbox>
                      </td>`
                    : nothing
                }
                ${cols.map((c) => html`<td class=${c.id === 'name' ? 'wide' : ''}>${c.render(row)}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
        ${
          !this.loading && !this.items.length && !this.error
            ? html`<p class="empty">${msg('Nothing here yet.', { id: 'admin.table.empty' })}</p>`
            : nothing
        }
        ${this.error ? html`<reel-error-panel .error=${this.error} @reel-retry=${() => void this.fetch(this.stack[this.stack.length - 1])}></reel-error-panel>` : nothing}
      </div>
      <nav class="pager" aria-label=${msg('Pages', { id: 'admin.table.pages' })}>
        <span aria-live="polite">${msg(str`Page ${page}`, { id: 'admin.table.page' })}</span>
        <reel-button
          size="sm"
          ?disabled=${!this.stack.length || this.loading}
          @click=${() => {
            this.stack = this.stack.slice(0, -1);
            void this.fetch(this.stack[this.stack.length - 1]);
          }}
          >${msg('Previous', { id: 'admin.table.previous' })}</reel-button
        >
        <reel-button
          size="sm"
          ?disabled=${!this.next || this.loading}
          @click=${() => {
            if (!this.next) return;
            this.stack = [...this.stack, this.next];
            void this.fetch(this.next);
          }}
          >${msg('Next', { id: 'admin.table.next' })}</reel-button
        >
      </nav>
    `;
  }
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
