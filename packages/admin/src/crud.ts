import { msg, str } from '@lit/localize';
import { ReelElement, SessionConsumer } from '@reel/core';
import { toast } from '@reel/ui';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { confirmAction } from './confirm.js';
import { errorUnder, splitList, validate } from './form.js';
import { problemOf } from './panel.js';
import type { ReelAdminTable, TableColumn, TableFilter, TablePage, TableQuery } from './reel-admin-table.js';
import { panelStyles } from './styles.js';
import './define-table.js';

/** A field of a record form. */
export interface CrudField {
  id: string;
  label: string;
  kind?: 'text' | 'number' | 'textarea' | 'select' | 'checkbox' | 'list';
  options?: { value: string; label: string }[];
  help?: string;
  /** Only when creating (keys such as a slug). */
  createOnly?: boolean;
  /** Empty text becomes null rather than being left out. */
  nullable?: boolean;
}

export interface CrudConfig<T> {
  label: string;
  storageKey: string;
  columns: TableColumn<T>[];
  filters?: TableFilter[];
  defaultSort?: string;
  load: (query: TableQuery) => Promise<TablePage<T>>;
  fields: CrudField[];
  /** The form values of a record (for editing). */
  valuesOf?: (row: T) => Record<string, unknown>;
  createSchema?: { safeParse(v: unknown): { success: boolean; error?: { issues: never[] } } };
  updateSchema?: { safeParse(v: unknown): { success: boolean; error?: { issues: never[] } } };
  create?: (body: Record<string, unknown>) => Promise<unknown>;
  update?: (row: T, body: Record<string, unknown>) => Promise<unknown>;
  remove?: (row: T) => Promise<unknown>;
  /** The remove button's label and its confirmation (default: "Delete", "Delete this …?"). */
  removeLabel?: string;
  confirmRemove?: (row: T) => { heading: string; message?: string; confirmLabel?: string };
  /** Whether a record may be removed (default: every record). */
  removable?: (row: T) => boolean;
  rowKey?: (row: T) => string;
  /** Shapes the form's values into the request body (nested objects such as a price). */
  toBody?: (values: Record<string, unknown>, creating: boolean) => Record<string, unknown>;
  noun: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-crud': ReelAdminCrud;
  }
}

/**
 * A table of records with a create / edit form beside it: what the smaller admin groups
 * (genres, tags, moods, certifications, bundles, download rules) have in common. The form is
 * validated by the contract's schema before it is sent; the server's field errors show next to
 * their fields.
 *
 * @summary Generic admin records table with a validated form.
 */
export class ReelAdminCrud<T = Record<string, unknown>> extends ReelElement {
  static override styles = [
    panelStyles,
    css`
      .layout {
        display: grid;
        gap: var(--reel-space-4);
      }
      .editor {
        border-color: var(--reel-color-accent);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--reel-space-2);
        margin-block-end: var(--reel-space-3);
      }
    `,
  ];

  @property({ attribute: false }) config?: CrudConfig<T>;
  @state() private editing: T | null = null;
  @state() private creating = false;
  @state() private values: Record<string, unknown> = {};
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  private dirty_ = false;
  private readonly api = new SessionConsumer(this);

  get dirty(): boolean {
    return this.dirty_;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config')) this.close();
  }

  /** Opens the form empty, to add a record. */
  add(): void {
    this.editing = null;
    this.creating = true;
    this.values = {};
    this.errors = {};
    this.formError = '';
    this.focusForm();
  }

  private edit(row: T): void {
    if (!this.config?.update) return;
    this.editing = row;
    this.creating = false;
    this.values = this.config.valuesOf ? this.config.valuesOf(row) : { ...(row as Record<string, unknown>) };
    this.errors = {};
    this.formError = '';
    this.focusForm();
  }

  private focusForm(): void {
    void this.updateComplete.then(() => {
      const first = this.renderRoot.querySelector('form [name]') as HTMLElement | null;
      first?.focus();
      this.renderRoot.querySelector('form')?.scrollIntoView({ block: 'nearest' });
    });
  }

  private close(): void {
    this.editing = null;
    this.creating = false;
    this.dirty_ = false;
  }

  private body(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of this.config?.fields ?? []) {
      if (f.createOnly && !this.creating) continue;
      const v = this.values[f.id];
      if (f.kind === 'checkbox') {
        out[f.id] = !!v;
        continue;
      }
      if (v === undefined || v === '') {
        if (f.nullable && !this.creating) out[f.id] = null;
        continue;
      }
      if (f.kind === 'number') out[f.id] = Number(v);
      else if (f.kind === 'list') out[f.id] = Array.isArray(v) ? v : splitList(String(v));
      else out[f.id] = v;
    }
    return out;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const config = this.config;
    if (!config) return;
    const body = config.toBody ? config.toBody(this.body(), this.creating) : this.body();
    const schema = this.creating ? config.createSchema : config.updateSchema;
    this.errors = schema ? validate(schema as never, body) : {};
    if (Object.keys(this.errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.saving = true;
    this.formError = '';
    try {
      if (this.creating) await config.create?.(body);
      else if (this.editing) await config.update?.(this.editing, body);
      toast({ message: msg('Saved', { id: 'admin.titles.saved' }), variant: 'success' });
      this.close();
      await (this.renderRoot.querySelector('reel-admin-table') as ReelAdminTable | null)?.reload();
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.saving = false;
    }
  }

  private async removeRecord(): Promise<void> {
    const row = this.editing;
    if (!row || !this.config?.remove) return;
    const ask = this.config.confirmRemove?.(row) ?? {
      heading: msg(str`Delete this ${this.config.noun}?`, { id: 'admin.crud.confirm' }),
    };
    if (!(await confirmAction(this, ask))) return;
    try {
      await this.config.remove(row);
      toast({
        message: this.config.removeLabel
          ? msg('Done', { id: 'admin.crud.done' })
          : msg('Deleted', { id: 'admin.crud.deleted' }),
        variant: 'success',
      });
      this.close();
      await (this.renderRoot.querySelector('reel-admin-table') as ReelAdminTable | null)?.reload();
    } catch (error) {
      this.formError = problemOf(error).message;
    }
  }

  private set(id: string, value: unknown): void {
    this.values = { ...this.values, [id]: value };
    this.dirty_ = true;
  }

  private field(f: CrudField) {
    const v = this.values[f.id];
    const error = errorUnder(this.errors, f.id);
    const disabled = f.createOnly && !this.creating;
    switch (f.kind) {
      case 'select':
        return html`<reel-select name=${f.id} label=${f.label} help-text=${f.help ?? ''} error=${error} ?disabled=${disabled} .value=${String(v ?? '')} .options=${f.options ?? []} @reel-change=${(e: CustomEvent<{ value: string }>) => this.set(f.id, e.detail.value)}></reel-select>`;
      case 'checkbox':
        return html`<reel-checkbox name=${f.id} .checked=${!!v} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.set(f.id, e.detail.checked)}>${f.label}</reel-checkbox>`;
      default:
        return html`<reel-text-field
          name=${f.id}
          label=${f.label}
          help-text=${f.help ?? ''}
          error=${error}
          ?disabled=${disabled}
          ?multiline=${f.kind === 'textarea'}
          type=${f.kind === 'number' ? 'number' : 'text'}
          .value=${Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v)}
          @reel-input=${(e: CustomEvent<{ value: string }>) => this.set(f.id, e.detail.value)}
        ></reel-text-field>`;
    }
  }

  protected override render() {
    const c = this.config;
    if (!c) return nothing;
    const open = this.creating || this.editing;
    return html`<div class="layout">
      ${
        open
          ? html`<form class="card form editor" novalidate @submit=${this.save} aria-label=${this.creating ? msg(str`New ${c.noun}`, { id: 'admin.crud.new' }) : msg(str`Edit ${c.noun}`, { id: 'admin.crud.edit' })}>
              <div class="head"><h2>${this.creating ? msg(str`New ${c.noun}`, { id: 'admin.crud.new' }) : msg(str`Edit ${c.noun}`, { id: 'admin.crud.edit' })}</h2>
              <reel-icon-button name="close" label=${msg('Close', { id: 'admin.crud.close' })} @click=${() => this.close()}></reel-icon-button></div>
              <div class="form-row">${c.fields.map((f) => this.field(f))}</div>
              <div class="form-foot">
                <p class="error-text" role="alert">${this.formError}</p>
                ${!this.creating && c.remove && (!this.editing || !c.removable || c.removable(this.editing)) ? html`<reel-button variant="danger" @click=${() => void this.removeRecord()}>${c.removeLabel ?? msg('Delete', { id: 'admin.titles.delete' })}</reel-button>` : nothing}
                <reel-button @click=${() => this.close()}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
                <reel-button type="submit" variant="primary" ?loading=${this.saving}>${msg('Save', { id: 'admin.form.save' })}</reel-button>
              </div>
            </form>`
          : nothing
      }
      <reel-admin-table
        label=${c.label}
        storage-key=${c.storageKey}
        user-id=${this.api.session?.user?.id ?? ''}
        default-sort=${c.defaultSort ?? ''}
        default-order="asc"
        .columns=${c.columns}
        .filters=${c.filters ?? []}
        .rowKey=${c.rowKey ?? ((r: T) => String((r as { id?: unknown }).id))}
        .load=${c.load}
        @reel-admin-open=${(e: CustomEvent<{ row: T }>) => this.edit(e.detail.row)}
      ></reel-admin-table>
    </div>`;
  }
}
