import { msg } from '@lit/localize';
import {
  type AdminCertification,
  AdminCertificationInput,
  AdminCertificationUpdate,
  type AdminTaxonomyTerm,
  AdminTaxonomyTermInput,
  AdminTaxonomyTermUpdate,
  adminTaxonomyCertifications,
  adminTaxonomyCreateCertification,
  adminTaxonomyCreateMood,
  adminTaxonomyCreateTag,
  adminTaxonomyDeleteCertification,
  adminTaxonomyDeleteMood,
  adminTaxonomyDeleteTag,
  adminTaxonomyMoods,
  adminTaxonomyTags,
  adminTaxonomyUpdateCertification,
  adminTaxonomyUpdateMood,
  adminTaxonomyUpdateTag,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { CrudConfig } from '../crud.js';
import { localPage } from '../local-page.js';
import { AdminPanel } from '../panel.js';
import '../define-crud.js';

type Tab = 'tags' | 'moods' | 'certifications';

/**
 * The vocabulary: tags, moods, and each region's ratings with what they mean and the minimum age.
 *
 * @summary Admin taxonomy: tags, moods, certifications per region.
 */
export class ReelAdminTaxonomy extends AdminPanel {
  @state() private tab: Tab = 'tags';

  private terms(kind: 'tag' | 'mood'): CrudConfig<AdminTaxonomyTerm> {
    const tags = kind === 'tag';
    return {
      label: tags ? msg('Tags', { id: 'admin.titles.f.tags' }) : msg('Moods', { id: 'admin.taxonomy.moods' }),
      noun: tags ? msg('tag', { id: 'admin.taxonomy.tag' }) : msg('mood', { id: 'admin.taxonomy.mood' }),
      storageKey: tags ? 'tags' : 'moods',
      defaultSort: 'name',
      columns: [
        {
          id: 'name',
          label: msg('Name', { id: 'admin.titles.f.name' }),
          sort: 'name',
          fixed: true,
          render: (t) => t.name,
        },
        { id: 'slug', label: msg('Slug', { id: 'admin.titles.f.slug' }), render: (t) => t.slug },
        {
          id: 'count',
          label: msg('Titles', { id: 'admin.group.titles' }),
          sort: 'title_count',
          render: (t) => t.title_count,
        },
        {
          id: 'description',
          label: msg('Description', { id: 'admin.genres.description' }),
          optional: true,
          render: (t) => t.description ?? '',
        },
      ],
      load: (q) =>
        this.client.call(tags ? adminTaxonomyTags : adminTaxonomyMoods, {
          query: {
            limit: q.limit,
            ...(q.cursor ? { cursor: q.cursor } : {}),
            ...(q.q ? { q: q.q } : {}),
            ...(q.sort ? { sort: q.sort as 'name', order: q.order } : {}),
          },
        }),
      fields: [
        { id: 'slug', label: msg('Slug', { id: 'admin.titles.f.slug' }), createOnly: true },
        { id: 'name', label: msg('Name', { id: 'admin.titles.f.name' }) },
        { id: 'description', label: msg('Description', { id: 'admin.genres.description' }), nullable: true },
      ],
      createSchema: AdminTaxonomyTermInput as never,
      updateSchema: AdminTaxonomyTermUpdate as never,
      create: (body) =>
        this.client.call(tags ? adminTaxonomyCreateTag : adminTaxonomyCreateMood, { body: body as never }),
      update: (t, body) =>
        this.client.call(tags ? adminTaxonomyUpdateTag : adminTaxonomyUpdateMood, {
          params: { id: t.id },
          body: body as never,
        }),
      remove: (t) =>
        this.client.call(tags ? adminTaxonomyDeleteTag : adminTaxonomyDeleteMood, { params: { id: t.id } }),
    };
  }

  private readonly certs: CrudConfig<AdminCertification> = {
    label: msg('Certifications', { id: 'admin.taxonomy.certifications' }),
    noun: msg('rating', { id: 'admin.taxonomy.rating' }),
    storageKey: 'certifications',
    defaultSort: 'region',
    columns: [
      {
        id: 'region',
        label: msg('Region', { id: 'admin.titles.f.region' }),
        sort: 'region',
        fixed: true,
        render: (c) => c.region,
      },
      { id: 'system', label: msg('System', { id: 'admin.taxonomy.system' }), render: (c) => c.system },
      {
        id: 'rating',
        label: msg('Rating', { id: 'admin.titles.col.rating' }),
        render: (c) => html`<strong>${c.rating}</strong>`,
        text: (c) => c.rating,
      },
      { id: 'meaning', label: msg('Meaning', { id: 'admin.taxonomy.meaning' }), render: (c) => c.meaning },
      {
        id: 'age',
        label: msg('Minimum age', { id: 'admin.taxonomy.min-age' }),
        sort: 'min_age',
        render: (c) => c.min_age,
      },
      { id: 'count', label: msg('Titles', { id: 'admin.group.titles' }), render: (c) => c.title_count },
    ],
    load: async (q) => {
      const all = (await this.client.call(adminTaxonomyCertifications, { query: {} })).items;
      return localPage(
        all,
        q,
        (c) => `${c.region} ${c.system} ${c.rating} ${c.meaning}`,
        (c, s) => (s === 'min_age' ? c.min_age : `${c.region}${c.system}${String(c.order).padStart(3, '0')}`),
      );
    },
    fields: [
      { id: 'region', label: msg('Region', { id: 'admin.titles.f.region' }), help: 'US, GB, DE' },
      { id: 'system', label: msg('System', { id: 'admin.taxonomy.system' }), help: 'MPA, BBFC, FSK' },
      { id: 'rating', label: msg('Rating', { id: 'admin.titles.col.rating' }) },
      { id: 'meaning', label: msg('Meaning', { id: 'admin.taxonomy.meaning' }), kind: 'textarea' },
      { id: 'min_age', label: msg('Minimum age', { id: 'admin.taxonomy.min-age' }), kind: 'number' },
      { id: 'order', label: msg('Order (mildest first)', { id: 'admin.taxonomy.order' }), kind: 'number' },
    ],
    createSchema: AdminCertificationInput as never,
    updateSchema: AdminCertificationUpdate as never,
    create: (body) => this.client.call(adminTaxonomyCreateCertification, { body: body as never }),
    update: (c, body) =>
      this.client.call(adminTaxonomyUpdateCertification, { params: { id: c.id }, body: body as never }),
    remove: (c) => this.client.call(adminTaxonomyDeleteCertification, { params: { id: c.id } }),
  };

  private readonly tagConfig = this.terms('tag');
  private readonly moodConfig = this.terms('mood');

  protected override render() {
    const tabs: { id: Tab; label: string }[] = [
      { id: 'tags', label: msg('Tags', { id: 'admin.titles.f.tags' }) },
      { id: 'moods', label: msg('Moods', { id: 'admin.taxonomy.moods' }) },
      { id: 'certifications', label: msg('Certifications', { id: 'admin.taxonomy.certifications' }) },
    ];
    const config = this.tab === 'tags' ? this.tagConfig : this.tab === 'moods' ? this.moodConfig : this.certs;
    return html`<header class="panel-head">
        <div><h1>${msg('Tags, moods, ratings', { id: 'admin.group.taxonomy' })}</h1><p class="lede">${msg('The words titles are described with, and each region’s ratings with what they mean.', { id: 'admin.taxonomy.lede' })}</p></div>
        <reel-button variant="primary" @click=${() => (this.renderRoot.querySelector('reel-admin-crud') as { add(): void } | null)?.add()}><reel-icon slot="start" name="plus"></reel-icon>${msg('Add', { id: 'admin.taxonomy.add' })}</reel-button>
      </header>
      <div class="actions" role="tablist" aria-label=${msg('Vocabulary', { id: 'admin.taxonomy.vocabulary' })} style="margin-block-end: var(--reel-space-4)">
        ${tabs.map((t) => html`<reel-button role="tab" aria-selected=${this.tab === t.id ? 'true' : 'false'} variant=${this.tab === t.id ? 'primary' : 'secondary'} size="sm" @click=${() => (this.tab = t.id)}>${t.label}</reel-button>`)}
      </div>
      <reel-admin-crud role="tabpanel" .config=${config as CrudConfig<unknown>}></reel-admin-crud>`;
  }
}

defineElement('reel-admin-taxonomy', ReelAdminTaxonomy);
