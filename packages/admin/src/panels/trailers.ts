import { msg, str } from '@lit/localize';
import {
  type AdminTitleRow,
  type AdminTrailer,
  adminTrailersCreate,
  adminTrailersDelete,
  adminTrailersList,
  adminTrailersUpdate,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { assetStyles, fileDrop, mb, pause, progressView, tusSend } from '../asset-kit.js';
import { confirmAction } from '../confirm.js';
import { sourceBadge } from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

interface Values {
  name: string;
  language: string;
  is_primary: boolean;
}
const EMPTY: Values = { name: '', language: '', is_primary: false };
const VIDEO_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  mxf: 'video/mxf',
};
const duration = (s: number | null) =>
  s === null ? '—' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/**
 * Trailers of a title: a video uploaded (resumable) and put through the pipeline like a film,
 * named, ordered, one of them primary; deletes behind a confirmation.
 *
 * @summary Admin trailers.
 */
export class ReelAdminTrailers extends AdminPanel {
  static override styles = [
    ...AdminPanel.styles,
    assetStyles,
    css`
      .thumb {
        inline-size: 7rem;
        aspect-ratio: 16 / 9;
        object-fit: cover;
        border-radius: var(--reel-radius-md);
        background: var(--reel-color-border);
        flex: none;
      }
    `,
  ];

  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private items: AdminTrailer[] = [];
  @state() private error = '';
  @state() private editing: AdminTrailer | null = null;
  @state() private values: Values = { ...EMPTY };
  @state() private file: File | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private sent = 0;
  @state() private total = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void pickable(this.client, ['film', 'series', 'anime']).then((t) => {
      this.titles = t;
      const first = this.rest || t[0]?.id;
      if (first) void this.pick(first);
    });
  }

  private async pick(id: string): Promise<void> {
    this.titleId = id;
    this.reset();
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.error = '';
    try {
      this.items = (await this.client.call(adminTrailersList, { query: { title_id: this.titleId } })).items;
    } catch (error) {
      this.items = [];
      this.error = problemOf(error).message;
    }
  }

  private reset(): void {
    this.editing = null;
    this.values = { ...EMPTY };
    this.file = null;
    this.errors = {};
    this.formError = '';
    this.sent = 0;
    this.total = 0;
  }

  private contentType(file: File): string {
    return VIDEO_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!v.name.trim()) errors.name = msg('Give the trailer a name', { id: 'admin.trailers.need-name' });
    if (v.language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language))
      errors.language = msg('A language tag such as fr or pt-BR', { id: 'admin.subtitles.need-language' });
    if (!this.editing) {
      if (!this.file) errors.file = msg('Choose a video file', { id: 'admin.video.need-file' });
      else if (!Object.values(VIDEO_TYPES).includes(this.contentType(this.file)))
        errors.file = msg('MP4, MOV, MKV, WebM or MXF only', { id: 'admin.trailers.bad-type' });
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.saving = true;
    this.formError = '';
    const body = { name: v.name.trim(), language: v.language || null, is_primary: v.is_primary };
    try {
      if (this.editing) {
        await this.client.call(adminTrailersUpdate, { params: { id: this.editing.id }, body });
        this.notify(msg('Saved', { id: 'admin.titles.saved' }));
      } else if (this.file) {
        const file = this.file;
        const created = await this.client.call(adminTrailersCreate, {
          body: {
            title_id: this.titleId,
            ...body,
            filename: file.name,
            content_type: this.contentType(file) as 'video/mp4',
            size_bytes: file.size,
          },
        });
        this.total = file.size;
        await tusSend(
          file,
          created.upload.url,
          async () => (await this.api.session?.accessToken?.()) ?? null,
          (sent, total) => {
            this.sent = sent;
            this.total = total;
          },
        );
        this.notify(msg('Uploaded: the trailer is being processed', { id: 'admin.trailers.uploaded' }));
        void this.follow();
      }
      this.reset();
      await this.reload();
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.saving = false;
    }
  }

  private async follow(): Promise<void> {
    for (let i = 0; i < 120 && this.isConnected; i++) {
      await pause(2500);
      await this.reload();
      if (!this.items.some((t) => t.status === 'processing' || t.status === 'uploading')) return;
    }
  }

  private async removeTrailer(t: AdminTrailer): Promise<void> {
    const ok = await confirmAction(this, {
      heading: msg(str`Delete the trailer “${t.name}”?`, { id: 'admin.trailers.confirm-delete' }),
      message: msg('Its video and renditions are deleted too.', { id: 'admin.trailers.confirm-message' }),
    });
    if (!ok) return;
    try {
      await this.client.call(adminTrailersDelete, { params: { id: t.id } });
      this.notify(msg('Deleted', { id: 'admin.crud.deleted' }));
      if (this.editing?.id === t.id) this.reset();
      await this.reload();
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private async move(t: AdminTrailer, by: number): Promise<void> {
    try {
      await this.client.call(adminTrailersUpdate, { params: { id: t.id }, body: { order: Math.max(0, t.order + by) } });
      await this.reload();
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private set<K extends keyof Values>(key: K, value: Values[K]): void {
    this.values = { ...this.values, [key]: value };
  }

  private renderForm() {
    const v = this.values;
    return html`<form class="card form" novalidate @submit=${this.save} aria-labelledby="trl-form">
      <h2 id="trl-form">${this.editing ? msg(str`Edit “${this.editing.name}”`, { id: 'admin.trailers.edit' }) : msg('Add a trailer', { id: 'admin.trailers.add' })}</h2>
      <div class="form-row">
        <reel-text-field name="name" label=${msg('Name', { id: 'admin.trailers.name' })} error=${this.errors.name ?? ''} .value=${v.name} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('name', e.detail.value)}></reel-text-field>
        <reel-text-field name="language" label=${msg('Language (optional)', { id: 'admin.trailers.language' })} error=${this.errors.language ?? ''} .value=${v.language} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('language', e.detail.value.trim())}></reel-text-field>
      </div>
      <reel-checkbox name="is_primary" .checked=${v.is_primary} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.set('is_primary', e.detail.checked)}>${msg('Primary: shown first on the title page', { id: 'admin.trailers.primary' })}</reel-checkbox>
      ${
        this.editing
          ? nothing
          : fileDrop({
              file: this.file,
              accept: 'video/*,.mkv,.mxf',
              label: msg('Drop a video or choose one', { id: 'admin.trailers.drop' }),
              hint: 'MP4, MOV, MKV, WebM, MXF',
              error: this.errors.file ?? '',
              disabled: this.saving,
              onPick: (f) => {
                this.file = f;
                this.errors = { ...this.errors, file: '' };
              },
            })
      }
      ${this.saving && this.total ? progressView(this.sent, this.total) : nothing}
      <div class="form-foot">
        <p class="error-text" role="alert">${this.formError}</p>
        ${this.editing ? html`<reel-button @click=${() => this.reset()}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>` : nothing}
        <reel-button type="submit" variant="primary" ?loading=${this.saving}>${this.editing ? msg('Save', { id: 'admin.form.save' }) : msg('Upload', { id: 'admin.video.start' })}</reel-button>
      </div>
    </form>`;
  }

  protected override render() {
    return html`<header class="panel-head"><div><h1>${msg('Trailers', { id: 'admin.group.trailers' })}</h1><p class="lede">${msg('Trailers and teasers of a title, the primary one first.', { id: 'admin.trailers.lede' })}</p></div></header>
      <div class="layout">
        <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pick(id))}</div>
        <p class="error-text" role="alert">${this.error}</p>
        <div class="work-wrap"><div class="work">
        <section class="card" aria-labelledby="trl-list">
          <h2 id="trl-list">${msg('Trailers', { id: 'admin.group.trailers' })}</h2>
          ${
            this.items.length
              ? html`<ul class="items">${this.items.map(
                  (t) => html`<li class="item" data-id=${t.id}>
                    ${t.thumbnail ? html`<img class="thumb" src=${t.thumbnail} alt="" loading="lazy" />` : nothing}
                    <div class="main"><strong>${t.name}${t.language ? html` <span class="muted">(${t.language})</span>` : nothing}</strong>
                      <span class="meta">${duration(t.duration)} · ${t.filename} · ${mb(t.size_bytes)}</span>
                      ${t.job?.error ? html`<span class="error-text">${t.job.error.message}</span>` : nothing}</div>
                    ${t.is_primary ? html`<reel-badge variant="info">${msg('Primary', { id: 'admin.artwork.is-primary' })}</reel-badge>` : nothing}
                    ${sourceBadge(t.status === 'awaiting_upload' ? 'uploading' : t.status)}
                    <div class="tools">
                      <reel-icon-button name="chevron-up" label=${msg(str`Move “${t.name}” up`, { id: 'admin.trailers.up' })} @click=${() => void this.move(t, -1)}></reel-icon-button>
                      <reel-icon-button name="chevron-down" label=${msg(str`Move “${t.name}” down`, { id: 'admin.trailers.down' })} @click=${() => void this.move(t, 1)}></reel-icon-button>
                      <reel-button size="sm" data-action="edit" @click=${() => {
                        this.reset();
                        this.editing = t;
                        this.values = { name: t.name, language: t.language ?? '', is_primary: t.is_primary };
                      }}>${msg('Edit', { id: 'admin.subtitles.edit-button' })}</reel-button>
                      <reel-button size="sm" variant="danger" data-action="delete" @click=${() => void this.removeTrailer(t)}>${msg('Delete', { id: 'admin.titles.delete' })}</reel-button>
                    </div>
                  </li>`,
                )}</ul>`
              : html`<p class="muted">${msg('No trailers yet.', { id: 'admin.trailers.none' })}</p>`
          }
        </section>
        ${this.titleId ? this.renderForm() : nothing}
        </div></div>
      </div>`;
  }
}

defineElement('reel-admin-trailers', ReelAdminTrailers);
