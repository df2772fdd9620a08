import { msg, str } from '@lit/localize';
import {
  type AdminArtwork,
  type AdminTitleRow,
  adminArtworkCreate,
  adminArtworkDelete,
  adminArtworkGet,
  adminArtworkList,
  adminArtworkUpdate,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { assetStyles, fileDrop, mb, pause, progressView, tusSend } from '../asset-kit.js';
import { confirmAction } from '../confirm.js';
import { sourceBadge } from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

type ArtType = AdminArtwork['type'];
interface Values {
  type: ArtType;
  language: string;
  is_primary: boolean;
}
const EMPTY: Values = { type: 'poster', language: '', is_primary: false };
/** The server's rules, checked here first so the form can say so before the upload. */
const RULES: Record<ArtType, { minWidth: number; minHeight: number; aspect: number | null; shape: string }> = {
  poster: { minWidth: 400, minHeight: 600, aspect: 2 / 3, shape: '2:3' },
  backdrop: { minWidth: 1280, minHeight: 720, aspect: 16 / 9, shape: '16:9' },
  still: { minWidth: 640, minHeight: 360, aspect: 16 / 9, shape: '16:9' },
  banner: { minWidth: 1000, minHeight: 150, aspect: null, shape: '' },
  logo: { minWidth: 300, minHeight: 60, aspect: null, shape: '' },
  thumbnail: { minWidth: 320, minHeight: 180, aspect: 16 / 9, shape: '16:9' },
};
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX = 25 * 1024 * 1024;

const typeLabel = (t: ArtType): string =>
  ({
    poster: msg('Poster', { id: 'admin.artwork.type.poster' }),
    backdrop: msg('Backdrop', { id: 'admin.artwork.type.backdrop' }),
    logo: msg('Logo', { id: 'admin.artwork.type.logo' }),
    still: msg('Still', { id: 'admin.artwork.type.still' }),
    banner: msg('Banner', { id: 'admin.artwork.type.banner' }),
    thumbnail: msg('Thumbnail', { id: 'admin.artwork.type.thumbnail' }),
  })[t];

/** Width and height of an image file, or null when the browser cannot decode it. */
async function sizeOf(file: File): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const out = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return out;
  } catch {
    return null;
  }
}

/**
 * Artwork of a title: posters, backdrops, logos … uploaded (resumable), checked for type, size
 * and shape, resized into JPEG and WebP variants; the primary one of a type is what the site
 * shows instead of the generated artwork.
 *
 * @summary Admin artwork.
 */
export class ReelAdminArtwork extends AdminPanel {
  static override styles = [
    ...AdminPanel.styles,
    assetStyles,
    css`
      .thumb {
        inline-size: 4.5rem;
        block-size: 4.5rem;
        object-fit: contain;
        border-radius: var(--reel-radius-md);
        background: var(--reel-color-surface-sunken, var(--reel-color-border));
        flex: none;
      }
      .thumb.empty {
        display: grid;
        place-items: center;
        color: var(--reel-color-text-muted);
      }
    `,
  ];

  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private items: AdminArtwork[] = [];
  @state() private error = '';
  @state() private editing: AdminArtwork | null = null;
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
      this.items = (await this.client.call(adminArtworkList, { query: { title_id: this.titleId } })).items;
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

  /** The file's problems for the chosen type, in words, before anything is sent. */
  private async checkFile(file: File, type: ArtType): Promise<string> {
    if (!TYPES.includes(file.type)) return msg('A JPEG, PNG or WebP image', { id: 'admin.artwork.bad-type' });
    if (file.size > MAX) return msg('Images are up to 25 MB', { id: 'admin.artwork.too-big' });
    const size = await sizeOf(file);
    if (!size) return msg('The image cannot be read', { id: 'admin.artwork.unreadable' });
    const rule = RULES[type];
    if (size.width < rule.minWidth || size.height < rule.minHeight)
      return msg(str`A ${type} is at least ${rule.minWidth}×${rule.minHeight}; this is ${size.width}×${size.height}`, {
        id: 'admin.artwork.small',
      });
    if (rule.aspect && Math.abs(size.width / size.height / rule.aspect - 1) > 0.06)
      return msg(str`A ${type} is ${rule.shape}; this is ${size.width}×${size.height}`, { id: 'admin.artwork.shape' });
    return '';
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const v = this.values;
    const errors: Record<string, string> = {};
    if (v.language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language))
      errors.language = msg('A language tag such as fr or pt-BR', { id: 'admin.subtitles.need-language' });
    if (!this.editing) {
      if (!this.file) errors.file = msg('Choose an image', { id: 'admin.artwork.need-file' });
      else {
        const problem = await this.checkFile(this.file, v.type);
        if (problem) errors.file = problem;
      }
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.saving = true;
    this.formError = '';
    const body = { type: v.type, language: v.language || null, is_primary: v.is_primary };
    try {
      if (this.editing) {
        await this.client.call(adminArtworkUpdate, { params: { id: this.editing.id }, body });
        this.notify(msg('Saved', { id: 'admin.titles.saved' }));
      } else if (this.file) {
        const file = this.file;
        const created = await this.client.call(adminArtworkCreate, {
          body: {
            title_id: this.titleId,
            ...body,
            filename: file.name,
            content_type: file.type as 'image/png',
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
        let art = created.artwork;
        for (
          let i = 0;
          i < 20 && (art.status === 'awaiting_upload' || art.status === 'uploading' || art.status === 'processing');
          i++
        ) {
          await pause(500);
          art = await this.client.call(adminArtworkGet, { params: { id: art.id } });
        }
        if (art.status === 'failed') {
          // The server's verdict goes next to the file; the form keeps its values and file.
          this.errors = { file: art.problems.map((p) => p.message).join('; ') };
          this.formError = msg('The image was refused.', { id: 'admin.artwork.refused' });
          await this.reload();
          return;
        }
        this.notify(msg('Artwork added', { id: 'admin.artwork.added' }));
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

  private async removeArt(a: AdminArtwork): Promise<void> {
    const ok = await confirmAction(this, {
      heading: msg(str`Delete this ${a.type}?`, { id: 'admin.artwork.confirm-delete' }),
      message: msg('Its variants are deleted too.', { id: 'admin.artwork.confirm-message' }),
    });
    if (!ok) return;
    try {
      await this.client.call(adminArtworkDelete, { params: { id: a.id } });
      this.notify(msg('Deleted', { id: 'admin.crud.deleted' }));
      if (this.editing?.id === a.id) this.reset();
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
    const rule = RULES[v.type];
    return html`<form class="card form" novalidate @submit=${this.save} aria-labelledby="art-form">
      <h2 id="art-form">${this.editing ? msg(str`Edit ${this.editing.type}`, { id: 'admin.artwork.edit' }) : msg('Add artwork', { id: 'admin.artwork.add' })}</h2>
      <div class="form-row">
        <reel-select name="type" label=${msg('Type', { id: 'admin.artwork.type' })} .value=${v.type} .options=${(Object.keys(RULES) as ArtType[]).map((t) => ({ value: t, label: typeLabel(t) }))} @reel-change=${(e: CustomEvent<{ value: string }>) => this.set('type', e.detail.value as ArtType)}></reel-select>
        <reel-text-field name="language" label=${msg('Language of its text (optional)', { id: 'admin.artwork.language' })} error=${this.errors.language ?? ''} .value=${v.language} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('language', e.detail.value.trim())}></reel-text-field>
      </div>
      <reel-checkbox name="is_primary" .checked=${v.is_primary} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.set('is_primary', e.detail.checked)}>${msg('The one the site shows', { id: 'admin.artwork.primary' })}</reel-checkbox>
      ${
        this.editing
          ? nothing
          : fileDrop({
              file: this.file,
              accept: 'image/jpeg,image/png,image/webp',
              label: msg('Drop an image or choose one', { id: 'admin.artwork.drop' }),
              hint: msg(
                str`JPEG, PNG or WebP up to 25 MB; at least ${rule.minWidth}×${rule.minHeight}${rule.shape ? `, ${rule.shape}` : ''}`,
                { id: 'admin.artwork.hint' },
              ),
              error: this.errors.file ?? '',
              disabled: this.saving,
              onPick: (f) => {
                this.file = f;
                this.errors = { ...this.errors, file: '' };
                if (f)
                  void this.checkFile(f, this.values.type).then((p) => (this.errors = { ...this.errors, file: p }));
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
    return html`<header class="panel-head"><div><h1>${msg('Artwork', { id: 'admin.group.artwork' })}</h1><p class="lede">${msg('Posters, backdrops and logos: the primary one replaces the generated artwork.', { id: 'admin.artwork.lede' })}</p></div></header>
      <div class="layout">
        <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pick(id))}</div>
        <p class="error-text" role="alert">${this.error}</p>
        <div class="work-wrap"><div class="work">
        <section class="card" aria-labelledby="art-list">
          <h2 id="art-list">${msg('Uploaded artwork', { id: 'admin.artwork.list' })}</h2>
          ${
            this.items.length
              ? html`<ul class="items">${this.items.map((a) => {
                  const small = a.variants.find((x) => x.format === 'jpeg');
                  return html`<li class="item" data-id=${a.id}>
                    ${small ? html`<img class="thumb" src=${small.url} alt=${msg(str`${a.type} preview`, { id: 'admin.artwork.preview' })} loading="lazy" />` : html`<span class="thumb empty" aria-hidden="true"><reel-icon name="eye"></reel-icon></span>`}
                    <div class="main"><strong>${typeLabel(a.type)}${a.language ? ` · ${a.language}` : ''}</strong>
                      <span class="meta">${a.width && a.height ? `${a.width}×${a.height}` : '—'}${a.size_bytes ? ` · ${mb(a.size_bytes)}` : ''}${a.variants.length ? ` · ${msg(str`${a.variants.length} variants`, { id: 'admin.artwork.variants' })}` : ''}</span>
                      ${a.problems.length ? html`<span class="error-text">${a.problems.map((p) => p.message).join('; ')}</span>` : nothing}</div>
                    ${a.is_primary ? html`<reel-badge variant="info">${msg('Primary', { id: 'admin.artwork.is-primary' })}</reel-badge>` : nothing}
                    ${sourceBadge(a.status === 'awaiting_upload' ? 'uploading' : a.status)}
                    <div class="tools">
                      <reel-button size="sm" data-action="edit" @click=${() => {
                        this.reset();
                        this.editing = a;
                        this.values = { type: a.type, language: a.language ?? '', is_primary: a.is_primary };
                      }}>${msg('Edit', { id: 'admin.subtitles.edit-button' })}</reel-button>
                      <reel-button size="sm" variant="danger" data-action="delete" @click=${() => void this.removeArt(a)}>${msg('Delete', { id: 'admin.titles.delete' })}</reel-button>
                    </div>
                  </li>`;
                })}</ul>`
              : html`<p class="muted">${msg('No uploaded artwork: the site shows generated artwork.', { id: 'admin.artwork.none' })}</p>`
          }
        </section>
        ${this.titleId ? this.renderForm() : nothing}
        </div></div>
      </div>`;
  }
}

defineElement('reel-admin-artwork', ReelAdminArtwork);
