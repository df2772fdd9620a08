import { msg, str } from '@lit/localize';
import {
  type AdminTitle,
  AdminTitleInput,
  type AdminTitleRow,
  AdminTitleUpdate,
  adminGenresList,
  adminTitlesBulk,
  adminTitlesCreate,
  adminTitlesExport,
  adminTitlesGet,
  adminTitlesList,
  adminTitlesPublish,
  adminTitlesUpdate,
  type Genre,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { confirmAction } from '../confirm.js';
import {
  errorUnder,
  fromLocalInput,
  publishBadge,
  sourceBadge,
  splitList,
  toLocalInput,
  UnsavedGuard,
  validate,
} from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import { downloadBlob, type ReelAdminTable, type TableColumn, type TableQuery } from '../reel-admin-table.js';
import '../define-table.js';

type Draft = {
  type: 'film' | 'series' | 'anime';
  name: string;
  slug: string;
  tagline: string;
  synopsis: string;
  year: string;
  runtime_minutes: string;
  original_language: string;
  status: 'released' | 'upcoming' | 'ended' | 'ongoing';
  genres: string[];
  tags: string;
  maturity_level: string;
  availability: { region: string; from: string; until: string }[];
  publish_state: 'draft' | 'scheduled' | 'published';
  publish_at: string;
};

const empty = (): Draft => ({
  type: 'film',
  name: '',
  slug: '',
  tagline: '',
  synopsis: '',
  year: '',
  runtime_minutes: '',
  original_language: 'en',
  status: 'released',
  genres: [],
  tags: '',
  maturity_level: '0',
  availability: [{ region: 'US', from: '', until: '' }],
  publish_state: 'draft',
  publish_at: '',
});

const draftOf = (t: AdminTitle): Draft => ({
  type: t.type,
  name: t.name,
  slug: t.slug,
  tagline: t.tagline ?? '',
  synopsis: t.synopsis,
  year: t.year === null ? '' : String(t.year),
  runtime_minutes: t.runtime_minutes === null ? '' : String(t.runtime_minutes),
  original_language: t.original_language,
  status: t.status,
  genres: t.genres.map((g) => g.slug),
  tags: t.tags.join(', '),
  maturity_level: String(t.maturity_level),
  availability: t.availability.map((a) => ({
    region: a.region,
    from: toLocalInput(a.available_from),
    until: toLocalInput(a.available_until),
  })),
  publish_state: t.publish_state,
  publish_at: toLocalInput(t.publish_at),
});

const num = (s: string) => (s.trim() === '' ? null : Number(s));

/** The body the contract expects, from the form. */
function bodyOf(d: Draft) {
  return {
    type: d.type,
    name: d.name.trim(),
    ...(d.slug.trim() ? { slug: d.slug.trim() } : {}),
    tagline: d.tagline.trim() || null,
    synopsis: d.synopsis,
    year: num(d.year),
    runtime_minutes: num(d.runtime_minutes),
    original_language: d.original_language.trim(),
    status: d.status,
    genres: d.genres,
    tags: splitList(d.tags),
    maturity_level: Number(d.maturity_level),
    availability: d.availability.map((a) => ({
      region: a.region.trim().toUpperCase(),
      available_from: fromLocalInput(a.from),
      available_until: fromLocalInput(a.until),
    })),
  };
}

/**
 * Titles: the table (paging, sort, filters, bulk publish / unpublish / delete, CSV export) and
 * the editor (`/admin/titles/new`, `/admin/titles/<id>`), validated by the contract's schema
 * field by field, with the publish state, schedule and availability windows per region.
 *
 * @summary Admin titles table and editor.
 */
export class ReelAdminTitles extends AdminPanel {
  static override styles = [
    ...AdminPanel.styles,
    css`
      .cell-title {
        display: flex;
        align-items: center;
        gap: var(--reel-space-3);
      }
      .cell-title img {
        inline-size: 2rem;
        block-size: 3rem;
        border-radius: var(--reel-radius-sm);
        object-fit: cover;
        background: var(--reel-color-surface-raised);
      }
      .genres {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2) var(--reel-space-4);
      }
      .window {
        display: grid;
        grid-template-columns: 6rem minmax(0, 1fr) minmax(0, 1fr) auto;
        gap: var(--reel-space-2);
        align-items: end;
        margin-block-end: var(--reel-space-2);
      }
      @media (max-width: 40rem) {
        .window {
          grid-template-columns: 1fr 1fr;
        }
      }
      input[type='datetime-local'] {
        box-sizing: border-box;
        inline-size: 100%;
        block-size: 2.5rem;
        padding-inline: var(--reel-space-3);
        border-radius: var(--reel-radius-md);
        border: 1px solid var(--reel-color-border-strong);
        background: var(--reel-color-field);
        color: var(--reel-color-text);
        font: inherit;
        color-scheme: var(--reel-color-scheme);
      }
      input[type='datetime-local']:focus-visible {
        outline: 2px solid var(--reel-color-focus);
        outline-offset: 1px;
      }
      label.small {
        display: grid;
        gap: var(--reel-space-1);
        font-size: var(--reel-font-size-sm);
        color: var(--reel-color-text-muted);
      }
      .states {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-inline-size: 0;
      }
      legend {
        padding: 0;
        margin-block-end: var(--reel-space-2);
        font-weight: var(--reel-font-weight-semibold);
      }
    `,
  ];

  @state() private title_: AdminTitle | null = null;
  @state() private draft: Draft = empty();
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private genres: Genre[] = [];
  @state() private loadingTitle = false;
  private readonly guard = new UnsavedGuard();

  /** True while the editor has unsaved changes (the admin asks before leaving). */
  get dirty(): boolean {
    return this.guard.dirty;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.guard.attach();
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.guard.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rest')) void this.open(this.rest);
  }

  private async open(rest: string): Promise<void> {
    this.errors = {};
    this.formError = '';
    this.guard.dirty = false;
    if (!rest) {
      this.title_ = null;
      return;
    }
    if (!this.genres.length) {
      this.client
        .call(adminGenresList, {})
        .then((g) => (this.genres = g.items))
        .catch(() => undefined);
    }
    if (rest === 'new') {
      this.title_ = null;
      this.draft = empty();
      return;
    }
    this.loadingTitle = true;
    try {
      const t = await this.client.call(adminTitlesGet, { params: { id: decodeURIComponent(rest) } });
      this.title_ = t;
      this.draft = draftOf(t);
    } catch (error) {
      this.formError = problemOf(error).message;
    } finally {
      this.loadingTitle = false;
    }
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.guard.dirty = true;
    if (this.errors[key as string]) {
      const { [key as string]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const body = bodyOf(this.draft);
    const schema = this.title_ ? AdminTitleUpdate : AdminTitleInput;
    const errors = validate(schema, body);
    if (this.draft.publish_state === 'scheduled' && !this.draft.publish_at)
      errors.publish_at = msg('When should it go live?', { id: 'admin.titles.when' });
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      await this.updateComplete;
      (this.renderRoot.querySelector('[error]:not([error=""])') as HTMLElement | null)?.focus();
      return;
    }
    this.saving = true;
    this.formError = '';
    try {
      let saved = this.title_
        ? await this.client.call(adminTitlesUpdate, {
            params: { id: this.title_.id },
            body: { ...body, version: this.title_.version },
          })
        : await this.client.call(adminTitlesCreate, { body });
      if (
        saved.publish_state !== this.draft.publish_state ||
        (this.draft.publish_state === 'scheduled' && toLocalInput(saved.publish_at) !== this.draft.publish_at)
      ) {
        try {
          saved = await this.client.call(adminTitlesPublish, {
            params: { id: saved.id },
            body: {
              state: this.draft.publish_state,
              ...(this.draft.publish_state === 'scheduled'
                ? { publish_at: fromLocalInput(this.draft.publish_at) as string }
                : {}),
            },
          });
        } catch (error) {
          const p = problemOf(error);
          this.formError = p.message;
          this.errors = p.fields;
        }
      }
      const created = !this.title_;
      this.title_ = saved;
      const keepState = this.formError ? this.draft.publish_state : saved.publish_state;
      this.draft = { ...draftOf(saved), publish_state: keepState };
      this.guard.dirty = !!this.formError;
      this.notify(
        created ? msg('Title created', { id: 'admin.titles.created' }) : msg('Saved', { id: 'admin.titles.saved' }),
      );
      if (created) this.go(`/admin/titles/${saved.id}`, true);
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.saving = false;
    }
  }

  protected override render() {
    if (!this.rest) return this.renderList();
    return this.renderEditor();
  }

  // The table ---------------------------------------------------------------------------------

  private readonly columns: TableColumn<AdminTitleRow>[] = [
    {
      id: 'name',
      label: msg('Title', { id: 'admin.titles.col.title' }),
      sort: 'name',
      fixed: true,
      text: (t) => t.name,
      render: (t) =>
        html`<span class="cell-title"><img alt="" src=${`${t.artwork.poster}&w=92`} loading="lazy" /><a href=${`/admin/titles/${t.id}`} @click=${(e: Event) => this.follow(e, `/admin/titles/${t.id}`)}>${t.name}</a></span>`,
    },
    { id: 'type', label: msg('Type', { id: 'admin.titles.col.type' }), render: (t) => t.type },
    {
      id: 'year',
      label: msg('Year', { id: 'admin.titles.col.year' }),
      sort: 'year',
      render: (t) => t.year ?? '—',
      text: (t) => t.year,
    },
    {
      id: 'state',
      label: msg('State', { id: 'admin.titles.col.state' }),
      render: (t) => publishBadge(t.publish_state),
      text: (t) => t.publish_state,
    },
    {
      id: 'source',
      label: msg('Source', { id: 'admin.titles.col.source' }),
      render: (t) => sourceBadge(t.source_status),
      text: (t) => t.source_status,
    },
    {
      id: 'genres',
      label: msg('Genres', { id: 'admin.titles.col.genres' }),
      render: (t) => t.genres.map((g) => g.name).join(', '),
      optional: true,
    },
    {
      id: 'episodes',
      label: msg('Episodes', { id: 'admin.titles.col.episodes' }),
      render: (t) => t.episode_count ?? '—',
      text: (t) => t.episode_count,
      optional: true,
    },
    {
      id: 'rating',
      label: msg('Rating', { id: 'admin.titles.col.rating' }),
      render: (t) => t.certification ?? '—',
      text: (t) => t.certification,
      optional: true,
    },
    {
      id: 'updated',
      label: msg('Updated', { id: 'admin.titles.col.updated' }),
      sort: 'updated_at',
      render: (t) => new Date(t.updated_at).toLocaleDateString(),
      text: (t) => t.updated_at,
    },
  ];

  private follow(event: Event, href: string): void {
    event.preventDefault();
    this.go(href);
  }

  private load = (q: TableQuery) =>
    this.client.call(adminTitlesList, {
      query: {
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.sort ? { sort: q.sort as 'name', order: q.order } : {}),
        ...(q.filters as Record<string, never>),
      },
    });

  private async exportCsv(event: CustomEvent<{ query: TableQuery }>): Promise<void> {
    event.preventDefault();
    const q = event.detail.query;
    const file = await this.client.call(adminTitlesExport, {
      query: {
        ...(q.q ? { q: q.q } : {}),
        ...(q.sort ? { sort: q.sort as 'name', order: q.order } : {}),
        ...(q.filters as Record<string, never>),
      },
    });
    downloadBlob(file.blob, file.filename ?? 'titles.csv');
  }

  private async bulk(event: CustomEvent<{ action: 'publish' | 'unpublish' | 'delete'; ids: string[] }>): Promise<void> {
    const { action, ids } = event.detail;
    if (
      action === 'delete' &&
      !(await confirmAction(this, {
        heading: msg(str`Delete ${ids.length} titles with their episodes and media?`, {
          id: 'admin.titles.confirm-delete',
        }),
      }))
    )
      return;
    try {
      const result = await this.client.call(adminTitlesBulk, { body: { action, ids } });
      const failed = result.results.filter((r) => !r.ok);
      if (failed.length)
        this.notify(
          msg(str`${ids.length - failed.length} done, ${failed.length} refused: ${failed[0]?.error?.message ?? ''}`, {
            id: 'admin.titles.bulk-partial',
          }),
          'danger',
        );
      else this.notify(msg(str`${ids.length} titles updated`, { id: 'admin.titles.bulk-done' }));
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
    await (this.renderRoot.querySelector('reel-admin-table') as ReelAdminTable | null)?.reload();
  }

  private renderList() {
    return html`
      <header class="panel-head">
        <div>
          <h1>${msg('Titles', { id: 'admin.titles.title' })}</h1>
          <p class="lede">${msg('Films, series and anime in every state. Open one to edit it.', { id: 'admin.titles.lede' })}</p>
        </div>
        <div class="actions">
          <reel-button variant="primary" href="/admin/titles/new" @click=${(e: Event) => this.follow(e, '/admin/titles/new')}><reel-icon slot="start" name="plus"></reel-icon>${msg('New title', { id: 'admin.titles.new' })}</reel-button>
        </div>
      </header>
      <reel-admin-table
        label=${msg('Titles', { id: 'admin.titles.title' })}
        storage-key="titles"
        user-id=${this.api.session?.user?.id ?? ''}
        default-sort="updated_at"
        .columns=${this.columns}
        .filters=${[
          {
            id: 'type',
            label: msg('Type', { id: 'admin.titles.col.type' }),
            options: [
              { value: 'film', label: msg('Films', { id: 'admin.titles.films' }) },
              { value: 'series', label: msg('Series', { id: 'admin.titles.series' }) },
              { value: 'anime', label: msg('Anime', { id: 'admin.titles.anime' }) },
            ],
          },
          {
            id: 'publish_state',
            label: msg('State', { id: 'admin.titles.col.state' }),
            options: [
              { value: 'draft', label: msg('Draft', { id: 'admin.state.draft' }) },
              { value: 'scheduled', label: msg('Scheduled', { id: 'admin.state.scheduled' }) },
              { value: 'published', label: msg('Published', { id: 'admin.state.published' }) },
            ],
          },
          {
            id: 'source_status',
            label: msg('Source', { id: 'admin.titles.col.source' }),
            options: ['none', 'uploading', 'processing', 'ready', 'failed'].map((s) => ({ value: s, label: s })),
          },
        ]}
        .bulkActions=${[
          { id: 'publish', label: msg('Publish', { id: 'admin.titles.publish' }) },
          { id: 'unpublish', label: msg('Back to draft', { id: 'admin.titles.unpublish' }) },
          { id: 'delete', label: msg('Delete', { id: 'admin.titles.delete' }), variant: 'danger' as const },
        ]}
        .load=${this.load}
        @reel-admin-open=${(e: CustomEvent<{ row: AdminTitleRow }>) => this.go(`/admin/titles/${e.detail.row.id}`)}
        @reel-admin-export=${this.exportCsv}
        @reel-admin-bulk=${this.bulk}
      ></reel-admin-table>
    `;
  }

  // The editor --------------------------------------------------------------------------------

  private text(
    key: keyof Draft,
    label: string,
    options: { type?: string; help?: string; required?: boolean; multiline?: boolean; path?: string } = {},
  ) {
    return html`<reel-text-field
      name=${key}
      label=${label}
      type=${(options.type ?? 'text') as 'text'}
      ?required=${options.required}
      ?multiline=${options.multiline}
      help-text=${options.help ?? ''}
      error=${errorUnder(this.errors, options.path ?? key)}
      .value=${String(this.draft[key])}
      @reel-input=${(e: CustomEvent<{ value: string }>) => this.set(key, e.detail.value as never)}
    ></reel-text-field>`;
  }

  private renderEditor() {
    if (this.loadingTitle) return this.renderLoading();
    const d = this.draft;
    const t = this.title_;
    return html`
      <header class="panel-head">
        <div>
          <p class="muted"><a href="/admin/titles" @click=${(e: Event) => this.follow(e, '/admin/titles')}>${msg('Titles', { id: 'admin.titles.title' })}</a></p>
          <h1>${t ? t.name : msg('New title', { id: 'admin.titles.new' })}</h1>
          ${t ? html`<p class="lede">${publishBadge(t.publish_state)} ${sourceBadge(t.source_status)} <span class="mono">${t.id}</span></p>` : nothing}
        </div>
        ${t ? html`<div class="actions"><reel-button href=${`/admin/assets/video?title=${t.id}`} @click=${(e: Event) => this.follow(e, `/admin/assets/video?title=${t.id}`)}><reel-icon slot="start" name="upload"></reel-icon>${msg('Upload video', { id: 'admin.dashboard.upload' })}</reel-button></div>` : nothing}
      </header>
      <form class="form card" novalidate @submit=${this.save} aria-describedby="form-error">
        <div class="form-row">
          ${this.text('name', msg('Name', { id: 'admin.titles.f.name' }), { required: true })}
          <reel-select
            label=${msg('Type', { id: 'admin.titles.col.type' })}
            .value=${d.type}
            ?disabled=${!!t}
            .options=${[{ value: 'film', label: msg('Film', { id: 'admin.titles.film' }) }, { value: 'series', label: msg('Series', { id: 'admin.titles.series' }) }, { value: 'anime', label: msg('Anime', { id: 'admin.titles.anime' }) }]}
            @reel-change=${(e: CustomEvent<{ value: Draft['type'] }>) => this.set('type', e.detail.value)}
          ></reel-select>
          ${this.text('slug', msg('Slug', { id: 'admin.titles.f.slug' }), { help: msg('Made from the name when empty', { id: 'admin.titles.f.slug.help' }) })}
        </div>
        ${this.text('tagline', msg('Tagline', { id: 'admin.titles.f.tagline' }))}
        ${this.text('synopsis', msg('Synopsis', { id: 'admin.titles.f.synopsis' }), { multiline: true })}
        <div class="form-row">
          ${this.text('year', msg('Year', { id: 'admin.titles.col.year' }), { type: 'number' })}
          ${this.text('runtime_minutes', msg('Runtime (minutes)', { id: 'admin.titles.f.runtime' }), { type: 'number' })}
          ${this.text('original_language', msg('Original language', { id: 'admin.titles.f.language' }), { help: 'en, es, ja, pt-BR' })}
          ${this.text('maturity_level', msg('Maturity (0–18)', { id: 'admin.titles.f.maturity' }), { type: 'number' })}
          <reel-select
            label=${msg('Status', { id: 'admin.titles.f.status' })}
            .value=${d.status}
            .options=${(['released', 'upcoming', 'ongoing', 'ended'] as const).map((s) => ({ value: s, label: s }))}
            @reel-change=${(e: CustomEvent<{ value: Draft['status'] }>) => this.set('status', e.detail.value)}
          ></reel-select>
        </div>
        <fieldset>
          <legend>${msg('Genres', { id: 'admin.titles.col.genres' })}</legend>
          <div class="genres">
            ${this.genres.map(
              (g) => html`<reel-checkbox
                .checked=${d.genres.includes(g.slug)}
                @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.set('genres', e.detail.checked ? [...d.genres, g.slug] : d.genres.filter((x) => x !== g.slug))}
                >${g.name}</reel-checkbox
              >`,
            )}
          </div>
          ${errorUnder(this.errors, 'genres') ? html`<p class="error-text" role="alert">${errorUnder(this.errors, 'genres')}</p>` : nothing}
        </fieldset>
        ${this.text('tags', msg('Tags', { id: 'admin.titles.f.tags' }), { help: msg('Comma-separated slugs: space, time-travel', { id: 'admin.titles.f.tags.help' }) })}
        <fieldset>
          <legend>${msg('Availability windows', { id: 'admin.titles.f.availability' })}</legend>
          <p class="muted">${msg('Where and when it can be watched. Empty dates are open-ended; no window means nowhere.', { id: 'admin.titles.f.availability.help' })}</p>
          ${d.availability.map(
            (a, i) => html`<div class="window">
              <reel-text-field
                label=${msg('Region', { id: 'admin.titles.f.region' })}
                .value=${a.region}
                maxlength="2"
                error=${errorUnder(this.errors, `availability[${i}].region`)}
                @reel-input=${(e: CustomEvent<{ value: string }>) =>
                  this.set(
                    'availability',
                    d.availability.map((x, j) => (j === i ? { ...x, region: e.detail.value } : x)),
                  )}
              ></reel-text-field>
              <label class="small">${msg('From', { id: 'admin.titles.f.from' })}<input type="datetime-local" .value=${a.from} @change=${(
                e: Event,
              ) =>
                this.set(
                  'availability',
                  d.availability.map((x, j) => (j === i ? { ...x, from: (e.target as HTMLInputElement).value } : x)),
                )} /></label>
              <label class="small">${msg('Until', { id: 'admin.titles.f.until' })}<input type="datetime-local" .value=${a.until} aria-invalid=${errorUnder(this.errors, `availability[${i}].available_until`) ? 'true' : 'false'} @change=${(
                e: Event,
              ) =>
                this.set(
                  'availability',
                  d.availability.map((x, j) => (j === i ? { ...x, until: (e.target as HTMLInputElement).value } : x)),
                )} /></label>
              <reel-icon-button name="trash" label=${msg('Remove window', { id: 'admin.titles.f.remove-window' })} @click=${() =>
                this.set(
                  'availability',
                  d.availability.filter((_, j) => j !== i),
                )}></reel-icon-button>
              ${errorUnder(this.errors, `availability[${i}].available_until`) ? html`<p class="error-text" role="alert">${errorUnder(this.errors, `availability[${i}].available_until`)}</p>` : nothing}
            </div>`,
          )}
          <reel-button size="sm" @click=${() => this.set('availability', [...d.availability, { region: '', from: '', until: '' }])}><reel-icon slot="start" name="plus"></reel-icon>${msg('Add a region', { id: 'admin.titles.f.add-window' })}</reel-button>
        </fieldset>
        <fieldset>
          <legend>${msg('Publishing', { id: 'admin.titles.f.publishing' })}</legend>
          <div class="states" role="radiogroup" aria-label=${msg('Publish state', { id: 'admin.titles.f.state' })}>
            ${(['draft', 'scheduled', 'published'] as const).map(
              (s) => html`<reel-button
                role="radio"
                aria-checked=${d.publish_state === s ? 'true' : 'false'}
                variant=${d.publish_state === s ? 'primary' : 'secondary'}
                size="sm"
                @click=${() => this.set('publish_state', s)}
                >${s === 'draft' ? msg('Draft', { id: 'admin.state.draft' }) : s === 'scheduled' ? msg('Scheduled', { id: 'admin.state.scheduled' }) : msg('Published', { id: 'admin.state.published' })}</reel-button
              >`,
            )}
          </div>
          ${
            d.publish_state === 'scheduled'
              ? html`<label class="small">${msg('Goes live at', { id: 'admin.titles.f.publish-at' })}<input type="datetime-local" .value=${d.publish_at} @change=${(e: Event) => this.set('publish_at', (e.target as HTMLInputElement).value)} /></label>
                ${this.errors.publish_at ? html`<p class="error-text" role="alert">${this.errors.publish_at}</p>` : nothing}`
              : nothing
          }
          ${['source', 'episodes', 'synopsis', 'availability'].filter((k) => (this.errors[k] && k !== 'availability' ? true : k === 'availability' && this.errors.availability)).map((k) => html`<p class="error-text" role="alert">${this.errors[k]}</p>`)}
        </fieldset>
        <div class="form-foot">
          ${this.guard.dirty ? html`<span class="dirty">${msg('Unsaved changes', { id: 'admin.form.unsaved' })}</span>` : nothing}
          <p id="form-error" class="error-text" role="alert">${this.formError}</p>
          <reel-button href="/admin/titles" @click=${(e: Event) => this.follow(e, '/admin/titles')}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
          <reel-button type="submit" variant="primary" ?loading=${this.saving}>${msg('Save', { id: 'admin.form.save' })}</reel-button>
        </div>
      </form>
    `;
  }
}

defineElement('reel-admin-titles', ReelAdminTitles);
