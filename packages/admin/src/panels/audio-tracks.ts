import { msg, str } from '@lit/localize';
import {
  type AdminAudioTrack,
  type AdminTitleRow,
  adminAudioTracksCreate,
  adminAudioTracksDelete,
  adminAudioTracksList,
  adminAudioTracksReplace,
  adminAudioTracksUpdate,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { assetStyles, fileDrop, pause, progressView, tusSend } from '../asset-kit.js';
import { confirmAction } from '../confirm.js';
import { sourceBadge } from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

type Kind = AdminAudioTrack['kind'];
interface Values {
  language: string;
  name: string;
  kind: Kind;
  is_default: boolean;
}
const EMPTY: Values = { language: '', name: '', kind: 'dub', is_default: false };
const AUDIO_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/aac',
  flac: 'audio/flac',
  mp3: 'audio/mpeg',
  ac3: 'audio/ac3',
  eac3: 'audio/eac3',
};

/**
 * Audio tracks of a film: the renditions its media plays, a new language uploaded (resumable)
 * and encoded to AAC beside the others, names, kinds and the default edited, a track's file
 * replaced (the old one plays meanwhile), deletes behind a confirmation.
 *
 * @summary Admin audio tracks.
 */
export class ReelAdminAudioTracks extends AdminPanel {
  static override styles = [...AdminPanel.styles, assetStyles];

  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private items: AdminAudioTrack[] = [];
  @state() private error = '';
  @state() private editing: AdminAudioTrack | null = null;
  /** Replacing the file of this track (the form shows only the file). */
  @state() private replacing: AdminAudioTrack | null = null;
  @state() private values: Values = { ...EMPTY };
  @state() private file: File | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private sent = 0;
  @state() private total = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void pickable(this.client, ['film']).then((t) => {
      this.titles = t;
      const first = this.rest || t.find((x) => x.source_status === 'ready')?.id || t[0]?.id;
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
      this.items = (await this.client.call(adminAudioTracksList, { query: { title_id: this.titleId } })).items;
    } catch (error) {
      this.items = [];
      this.error = problemOf(error).message;
    }
  }

  private reset(): void {
    this.editing = null;
    this.replacing = null;
    this.values = { ...EMPTY };
    this.file = null;
    this.errors = {};
    this.formError = '';
    this.sent = 0;
    this.total = 0;
  }

  private focusForm(): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector('form [name]') as HTMLElement | null)?.focus());
  }

  private contentType(file: File): string {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    return AUDIO_TYPES[ext] ?? file.type;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!this.replacing) {
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language))
        errors.language = msg('A language tag such as fr or pt-BR', { id: 'admin.subtitles.need-language' });
      if (!v.name.trim()) errors.name = msg('Give the name viewers see', { id: 'admin.subtitles.need-label' });
    }
    const needFile = !this.editing;
    if (needFile && !this.file) errors.file = msg('Choose an audio file', { id: 'admin.audio.need-file' });
    else if (this.file && !Object.values(AUDIO_TYPES).includes(this.contentType(this.file)))
      errors.file = msg('WAV, FLAC, AAC, M4A, MP3, AC-3 or E-AC-3 only', { id: 'admin.audio.bad-type' });
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.saving = true;
    this.formError = '';
    try {
      const file = this.file;
      const fileBody = file
        ? { filename: file.name, content_type: this.contentType(file) as 'audio/wav', size_bytes: file.size }
        : null;
      let url: string | null = null;
      if (this.editing) {
        await this.client.call(adminAudioTracksUpdate, { params: { id: this.editing.id }, body: v });
      } else if (this.replacing && fileBody) {
        url = (await this.client.call(adminAudioTracksReplace, { params: { id: this.replacing.id }, body: fileBody }))
          .upload.url;
      } else if (fileBody) {
        url = (await this.client.call(adminAudioTracksCreate, { body: { title_id: this.titleId, ...v, ...fileBody } }))
          .upload.url;
      }
      if (url && file) {
        this.total = file.size;
        await tusSend(
          file,
          url,
          async () => (await this.api.session?.accessToken?.()) ?? null,
          (sent, total) => {
            this.sent = sent;
            this.total = total;
          },
        );
      }
      this.notify(
        url
          ? msg('Uploaded: the track is being encoded', { id: 'admin.audio.uploaded' })
          : msg('Saved', { id: 'admin.titles.saved' }),
      );
      this.reset();
      await this.reload();
      if (url) void this.follow();
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.saving = false;
    }
  }

  /** Refreshes while a track is being encoded. */
  private async follow(): Promise<void> {
    for (let i = 0; i < 60 && this.isConnected; i++) {
      await pause(2000);
      await this.reload();
      if (!this.items.some((a) => a.status === 'processing' || a.status === 'uploading')) return;
    }
  }

  private async removeTrack(a: AdminAudioTrack): Promise<void> {
    const ok = await confirmAction(this, {
      heading: msg(str`Delete the audio track “${a.name}”?`, { id: 'admin.audio.confirm-delete' }),
      message: msg('Viewers stop hearing this language at once.', { id: 'admin.audio.confirm-message' }),
    });
    if (!ok) return;
    try {
      await this.client.call(adminAudioTracksDelete, { params: { id: a.id } });
      this.notify(msg('Deleted', { id: 'admin.crud.deleted' }));
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
    const heading = this.editing
      ? msg(str`Edit “${this.editing.name}”`, { id: 'admin.audio.edit' })
      : this.replacing
        ? msg(str`Replace the file of “${this.replacing.name}”`, { id: 'admin.audio.replace-heading' })
        : msg('Add an audio track', { id: 'admin.audio.add' });
    return html`<form class="card form" novalidate @submit=${this.save} aria-labelledby="audio-form">
      <h2 id="audio-form">${heading}</h2>
      ${
        this.replacing
          ? nothing
          : html`<div class="form-row">
              <reel-text-field name="language" label=${msg('Language', { id: 'admin.subtitles.language' })} help-text="fr, pt-BR …" error=${this.errors.language ?? ''} .value=${v.language} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('language', e.detail.value.trim())}></reel-text-field>
              <reel-text-field name="name" label=${msg('Name shown to viewers', { id: 'admin.subtitles.label' })} error=${this.errors.name ?? ''} .value=${v.name} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('name', e.detail.value)}></reel-text-field>
              <reel-select name="kind" label=${msg('Kind', { id: 'admin.subtitles.kind' })} .value=${v.kind} .options=${[
                { value: 'main', label: msg('Original', { id: 'admin.audio.main' }) },
                { value: 'dub', label: msg('Dub', { id: 'admin.audio.dub' }) },
                { value: 'commentary', label: msg('Commentary', { id: 'admin.audio.commentary' }) },
                { value: 'description', label: msg('Audio description', { id: 'admin.audio.description' }) },
              ]} @reel-change=${(e: CustomEvent<{ value: string }>) => this.set('kind', e.detail.value as Kind)}></reel-select>
            </div>
            <reel-checkbox name="is_default" .checked=${v.is_default} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.set('is_default', e.detail.checked)}>${msg('Plays by default', { id: 'admin.audio.default' })}</reel-checkbox>`
      }
      ${
        this.editing
          ? nothing
          : fileDrop({
              file: this.file,
              accept: 'audio/*,.wav,.flac,.m4a,.aac,.mp3,.ac3,.eac3',
              label: msg('Drop an audio file or choose one', { id: 'admin.audio.drop' }),
              hint: msg('WAV, FLAC, AAC/M4A, MP3, AC-3 — encoded to AAC stereo', { id: 'admin.audio.hint' }),
              error: this.errors.file ?? '',
              disabled: this.saving,
              onPick: (f) => {
                this.file = f;
                this.errors = { ...this.errors, file: '' };
              },
            })
      }
      ${this.saving ? progressView(this.sent, this.total) : nothing}
      <div class="form-foot">
        <p class="error-text" role="alert">${this.formError}</p>
        ${this.editing || this.replacing ? html`<reel-button @click=${() => this.reset()}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>` : nothing}
        <reel-button type="submit" variant="primary" ?loading=${this.saving}>${this.editing ? msg('Save', { id: 'admin.form.save' }) : msg('Upload', { id: 'admin.video.start' })}</reel-button>
      </div>
    </form>`;
  }

  protected override render() {
    return html`<header class="panel-head"><div><h1>${msg('Audio tracks', { id: 'admin.group.audio' })}</h1><p class="lede">${msg('The languages and mixes a film plays in.', { id: 'admin.audio.lede' })}</p></div></header>
      <div class="layout">
        <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pick(id))}</div>
        <p class="error-text" role="alert">${this.error}</p>
        <div class="work-wrap"><div class="work">
        <section class="card" aria-labelledby="audio-list">
          <h2 id="audio-list">${msg('Tracks', { id: 'admin.subtitles.tracks' })}</h2>
          ${
            this.items.length
              ? html`<ul class="items">${this.items.map(
                  (a) => html`<li class="item" data-id=${a.id}>
                    <div class="main"><strong>${a.name} <span class="muted">(${a.language})</span></strong>
                      <span class="meta">${a.kind}${a.channels ? ` · ${a.channels} ch` : ''}${a.codec ? ` · ${a.codec}` : ''}${a.bitrate ? ` · ${Math.round(a.bitrate / 1000)} kb/s` : ''}${a.filename ? ` · ${a.filename}` : ''}</span>
                      ${a.job?.error ? html`<span class="error-text">${a.job.error.message}</span>` : nothing}</div>
                    ${a.is_default ? html`<reel-badge variant="info">${msg('Default', { id: 'admin.subtitles.is-default' })}</reel-badge>` : nothing}
                    ${sourceBadge(a.status === 'awaiting_upload' ? 'uploading' : a.status)}
                    <div class="tools">
                      <reel-button size="sm" data-action="edit" @click=${() => {
                        this.reset();
                        this.editing = a;
                        this.values = { language: a.language, name: a.name, kind: a.kind, is_default: a.is_default };
                        this.focusForm();
                      }}>${msg('Edit', { id: 'admin.subtitles.edit-button' })}</reel-button>
                      <reel-button size="sm" data-action="replace" @click=${() => {
                        this.reset();
                        this.replacing = a;
                        this.focusForm();
                      }}>${msg('Replace file', { id: 'admin.audio.replace' })}</reel-button>
                      <reel-button size="sm" variant="danger" data-action="delete" @click=${() => void this.removeTrack(a)}>${msg('Delete', { id: 'admin.titles.delete' })}</reel-button>
                    </div>
                  </li>`,
                )}</ul>`
              : html`<p class="muted">${msg('No audio tracks: this film has no processed video yet.', { id: 'admin.audio.none' })}</p>`
          }
        </section>
        ${this.titleId ? this.renderForm() : nothing}
        </div></div>
      </div>`;
  }
}

defineElement('reel-admin-audio-tracks', ReelAdminAudioTracks);
