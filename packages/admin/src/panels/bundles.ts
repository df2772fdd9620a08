import { msg } from '@lit/localize';
import {
  type AdminBundle,
  AdminBundleInput,
  AdminBundleUpdate,
  adminBundlesCreate,
  adminBundlesDelete,
  adminBundlesList,
  adminBundlesUpdate,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html } from 'lit';
import type { CrudConfig } from '../crud.js';
import { publishBadge } from '../form.js';
import { AdminPanel } from '../panel.js';
import '../define-crud.js';

const money = (p: AdminBundle['price']) =>
  p ? new Intl.NumberFormat(undefined, { style: 'currency', currency: p.currency }).format(p.amount / 100) : '—';

/**
 * Season and collection bundles: name, price, the plans they are offered on, contents, state.
 *
 * @summary Admin bundles.
 */
export class ReelAdminBundles extends AdminPanel {
  private readonly config: CrudConfig<AdminBundle> = {
    label: msg('Bundles', { id: 'admin.group.bundles' }),
    noun: msg('bundle', { id: 'admin.bundles.noun' }),
    storageKey: 'bundles',
    defaultSort: 'name',
    columns: [
      {
        id: 'name',
        label: msg('Name', { id: 'admin.titles.f.name' }),
        sort: 'name',
        fixed: true,
        render: (b) => b.name,
      },
      { id: 'kind', label: msg('Kind', { id: 'admin.bundles.kind' }), render: (b) => b.kind },
      { id: 'items', label: msg('Contents', { id: 'admin.bundles.items' }), render: (b) => b.items.length },
      { id: 'price', label: msg('Price', { id: 'admin.bundles.price' }), render: (b) => money(b.price) },
      {
        id: 'state',
        label: msg('State', { id: 'admin.titles.col.state' }),
        render: (b) => publishBadge(b.publish_state),
        text: (b) => b.publish_state,
      },
      {
        id: 'updated',
        label: msg('Updated', { id: 'admin.titles.col.updated' }),
        sort: 'updated_at',
        optional: true,
        render: (b) => new Date(b.updated_at).toLocaleDateString(),
      },
    ],
    filters: [
      {
        id: 'kind',
        label: msg('Kind', { id: 'admin.bundles.kind' }),
        options: [
          { value: 'season', label: msg('Season', { id: 'admin.bundles.season' }) },
          { value: 'collection', label: msg('Collection', { id: 'admin.bundles.collection' }) },
        ],
      },
    ],
    load: (q) =>
      this.client.call(adminBundlesList, {
        query: {
          limit: q.limit,
          ...(q.cursor ? { cursor: q.cursor } : {}),
          ...(q.q ? { q: q.q } : {}),
          ...(q.sort ? { sort: q.sort as 'name', order: q.order } : {}),
          ...(q.filters as Record<string, never>),
        },
      }),
    valuesOf: (b) => ({
      kind: b.kind,
      name: b.name,
      description: b.description,
      title_id: b.title_id ?? '',
      season_number: b.season_number ?? '',
      price_amount: b.price?.amount ?? '',
      currency: b.price?.currency ?? 'USD',
      items: b.items.map((i) => (i.episode_id ? `${i.title_id}/${i.episode_id}` : i.title_id)).join(', '),
      publish_state: b.publish_state,
    }),
    toBody: (v) => {
      const { price_amount, currency, items, ...rest } = v as Record<string, unknown>;
      const list =
        typeof items === 'string'
          ? items
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
      return {
        ...rest,
        ...(price_amount !== undefined
          ? { price: { amount: Number(price_amount), currency: String(currency ?? 'USD').toUpperCase() } }
          : {}),
        ...(list.length
          ? {
              items: list.map((s) => {
                const [title_id, episode_id] = s.split('/');
                return { title_id, episode_id: episode_id ?? null };
              }),
            }
          : {}),
      };
    },
    fields: [
      {
        id: 'kind',
        label: msg('Kind', { id: 'admin.bundles.kind' }),
        kind: 'select',
        options: [
          { value: 'season', label: msg('Season', { id: 'admin.bundles.season' }) },
          { value: 'collection', label: msg('Collection', { id: 'admin.bundles.collection' }) },
        ],
      },
      { id: 'name', label: msg('Name', { id: 'admin.titles.f.name' }) },
      { id: 'title_id', label: msg('Series (title id)', { id: 'admin.bundles.title' }), nullable: true },
      {
        id: 'season_number',
        label: msg('Season number', { id: 'admin.bundles.season-number' }),
        kind: 'number',
        nullable: true,
      },
      { id: 'price_amount', label: msg('Price (cents)', { id: 'admin.bundles.price-cents' }), kind: 'number' },
      { id: 'currency', label: msg('Currency', { id: 'admin.bundles.currency' }), help: 'USD, EUR' },
      {
        id: 'items',
        label: msg('Contents (title ids, or title/episode)', { id: 'admin.bundles.contents' }),
        help: msg('Empty for a season bundle: the season’s episodes', { id: 'admin.bundles.contents.help' }),
      },
      {
        id: 'publish_state',
        label: msg('State', { id: 'admin.titles.col.state' }),
        kind: 'select',
        options: [
          { value: 'draft', label: msg('Draft', { id: 'admin.state.draft' }) },
          { value: 'published', label: msg('Published', { id: 'admin.state.published' }) },
        ],
      },
      { id: 'description', label: msg('Description', { id: 'admin.genres.description' }), kind: 'textarea' },
    ],
    createSchema: AdminBundleInput as never,
    updateSchema: AdminBundleUpdate as never,
    create: (body) => this.client.call(adminBundlesCreate, { body: body as never }),
    update: (b, body) => this.client.call(adminBundlesUpdate, { params: { id: b.id }, body: body as never }),
    remove: (b) => this.client.call(adminBundlesDelete, { params: { id: b.id } }),
  };

  protected override render() {
    return html`<header class="panel-head">
        <div><h1>${msg('Bundles', { id: 'admin.group.bundles' })}</h1><p class="lede">${msg('Seasons and collections sold or offered together, with their price and plans.', { id: 'admin.bundles.lede' })}</p></div>
        <reel-button variant="primary" @click=${() => (this.renderRoot.querySelector('reel-admin-crud') as { add(): void } | null)?.add()}><reel-icon slot="start" name="plus"></reel-icon>${msg('New bundle', { id: 'admin.bundles.new' })}</reel-button>
      </header>
      <reel-admin-crud .config=${this.config}></reel-admin-crud>`;
  }
}

defineElement('reel-admin-bundles', ReelAdminBundles);
