import { msg } from '@lit/localize';
import {
  AdminGenreInput,
  AdminGenreUpdate,
  adminGenresCreate,
  adminGenresDelete,
  adminGenresList,
  adminGenresUpdate,
  type Genre,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html } from 'lit';
import type { CrudConfig } from '../crud.js';
import { localPage } from '../local-page.js';
import { AdminPanel } from '../panel.js';
import '../define-crud.js';

/**
 * Genres and sub-genres with their title counts: add, rename, re-parent, delete.
 *
 * @summary Admin genres.
 */
export class ReelAdminGenres extends AdminPanel {
  private readonly config: CrudConfig<Genre> = {
    label: msg('Genres', { id: 'admin.group.genres' }),
    noun: msg('genre', { id: 'admin.genres.noun' }),
    storageKey: 'genres',
    defaultSort: 'name',
    rowKey: (g) => g.slug,
    columns: [
      {
        id: 'name',
        label: msg('Name', { id: 'admin.titles.f.name' }),
        sort: 'name',
        fixed: true,
        render: (g) => g.name,
      },
      {
        id: 'slug',
        label: msg('Slug', { id: 'admin.titles.f.slug' }),
        render: (g) => html`<span class="mono">${g.slug}</span>`,
        text: (g) => g.slug,
      },
      {
        id: 'parent',
        label: msg('Parent', { id: 'admin.genres.parent' }),
        render: (g) => g.parent ?? '—',
        text: (g) => g.parent,
      },
      {
        id: 'count',
        label: msg('Titles', { id: 'admin.group.titles' }),
        sort: 'title_count',
        render: (g) => g.title_count,
        text: (g) => g.title_count,
      },
      {
        id: 'description',
        label: msg('Description', { id: 'admin.genres.description' }),
        optional: true,
        render: (g) => g.description,
      },
    ],
    load: async (q) =>
      localPage(
        (await this.client.call(adminGenresList, {})).items,
        q,
        (g) => `${g.name} ${g.slug}`,
        (g, s) => (s === 'title_count' ? g.title_count : g.name.toLowerCase()),
      ),
    fields: [
      { id: 'slug', label: msg('Slug', { id: 'admin.titles.f.slug' }), createOnly: true, help: 'space-opera' },
      { id: 'name', label: msg('Name', { id: 'admin.titles.f.name' }) },
      { id: 'parent', label: msg('Parent genre (slug)', { id: 'admin.genres.parent-slug' }), nullable: true },
      { id: 'description', label: msg('Description', { id: 'admin.genres.description' }), kind: 'textarea' },
    ],
    createSchema: AdminGenreInput as never,
    updateSchema: AdminGenreUpdate as never,
    create: (body) => this.client.call(adminGenresCreate, { body: body as never }),
    update: (g, body) => this.client.call(adminGenresUpdate, { params: { slug: g.slug }, body: body as never }),
    remove: (g) => this.client.call(adminGenresDelete, { params: { slug: g.slug }, query: {} }),
  };

  protected override render() {
    return html`<header class="panel-head">
        <div><h1>${msg('Genres', { id: 'admin.group.genres' })}</h1><p class="lede">${msg('The genres titles are filed under; a sub-genre names its parent.', { id: 'admin.genres.lede' })}</p></div>
        <reel-button variant="primary" @click=${() => (this.renderRoot.querySelector('reel-admin-crud') as { add(): void } | null)?.add()}><reel-icon slot="start" name="plus"></reel-icon>${msg('New genre', { id: 'admin.genres.new' })}</reel-button>
      </header>
      <reel-admin-crud .config=${this.config}></reel-admin-crud>`;
  }
}

defineElement('reel-admin-genres', ReelAdminGenres);
