import { msg, str } from '@lit/localize';
import {
  type AdminSubtitleTrack,
  type AdminSubtitleValidation,
  type AdminTitleRow,
  adminSubtitlesCreate,
  adminSubtitlesDelete,
  adminSubtitlesList,
  adminSubtitlesShift,
  adminSubtitlesUpdate,
  adminSubtitlesValidate,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { assetStyles, fileDrop } from '../asset-kit.js';
import { confirmAction } from '../confirm.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

type Kind = AdminSubtitleTrack['kind'];
interface Values {
  language: string;
  label: string;
  kind: Kind;
  is_default: boolean;
}
const EMPTY: Values = { language: '', label: '', kind: 'subtitles', is_default: false };
const time = (s: number | null) =>
  s === null
    ? '—'
    : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}.${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;

/**
 * Subtitle tracks of a film: the tracks its media plays, a WebVTT or SRT upload checked line by
 * line before it is saved (SRT is converted), edits, a timing shift and deletes behind a
 * confirmation. A saved track is in the player's multivariant playlist at once.
 *
 * @summary Admin subtitles: upload, validate, shift.
 */
export class ReelAdminSubtitles extends AdminPanel {
  static override styles = [...AdminPanel.styles, assetStyles];

  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private items: AdminSubtitleTrack[] = [];
  @state() private error = '';
  @state() private editing: AdminSubtitleTrack | null = null;
  @state() private values: Values = { ...EMPTY };
  @state() private file: File | null = null;
  @state() private content = '';
  @state() private check: AdminSubtitleValidation | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private shiftBy: Record<string, string> = {};

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
      this.items = (await this.client.call(adminSubtitlesList, { query: { title_id: this.titleId } })).items;
    } catch (error) {
      this.items = [];
      this.error = problemOf(error).message;
    }
  }

  private reset(): void {
    this.editing = null;
    this.values = { ...EMPTY };
    this.file = null;
    this.content = '';
    this.check = null;
    this.errors = {};
    this.formError = '';
  }

  private edit(s: AdminSubtitleTrack): void {
    this.reset();
    this.editing = s;
    this.values = { language: s.language, label: s.label, kind: s.kind, is_default: s.is_default };
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector('form [name="language"]') as HTMLElement | null)?.focus(),
    );
  }

  private get format(): 'vtt' | 'srt' {
    return this.file?.name.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt';
  }

  private async pickFile(file: File | null): Promise<void> {
    this.file = file;
    this.check = null;
    this.errors = { ...this.errors, content: '' };
    if (!file) return;
    if (file.size > 2_000_000) {
      this.errors = { ...this.errors, content: msg('The file is larger than 2 MB', { id: 'admin.subtitles.too-big' }) };
      return;
    }
    this.content = await file.text();
    try {
      this.check = await this.client.call(adminSubtitlesValidate, {
        body: { format: this.format, content: this.content },
      });
    } catch (error) {
      this.errors = { ...this.errors, content: problemOf(error).message };
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v.language))
      errors.language = msg('A language tag such as fr or pt-BR', { id: 'admin.subtitles.need-language' });
    if (!v.label.trim()) errors.label = msg('Give the name viewers see', { id: 'admin.subtitles.need-label' });
    if (!this.editing && !this.content)
      errors.content = msg('Choose a .vtt or .srt file', { id: 'admin.subtitles.need-file' });
    if (this.check && !this.check.valid)
      errors.content = msg('Fix the errors listed below the file', { id: 'admin.subtitles.fix' });
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.saving = true;
    this.formError = '';
    try {
      const file = this.content ? { format: this.format, content: this.content } : {};
      if (this.editing) {
        await this.client.call(adminSubtitlesUpdate, { params: { id: this.editing.id }, body: { ...v, ...file } });
      } else {
        await this.client.call(adminSubtitlesCreate, {
          body: { title_id: this.titleId, ...v, format: this.format, content: this.content },
        });
      }
      this.notify(msg('Saved', { id: 'admin.titles.saved' }));
      this.reset();
      await this.reload();
    } catch (error) {
      const p = problemOf(error);
      const issues = (error as { hint?: { issues?: AdminSubtitleValidation['issues'] } }).hint?.issues;
      if (issues)
        this.check = {
          ...(this.check ?? { format: this.format, cue_count: 0, first_cue_start: null, last_cue_end: null }),
          valid: false,
          issues,
        };
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.saving = false;
    }
  }

  private async shift(s: AdminSubtitleTrack): Promise<void> {
    const offset = Number(this.shiftBy[s.id] ?? '');
    if (!Number.isFinite(offset) || offset === 0) {
      this.notify(
        msg('Enter the seconds to move the cues by, e.g. 1.5 or -0.8', { id: 'admin.subtitles.shift-need' }),
        'danger',
      );
      return;
    }
    try {
      await this.client.call(adminSubtitlesShift, { params: { id: s.id }, body: { offset } });
      this.notify(msg(str`Moved every cue by ${offset} s`, { id: 'admin.subtitles.shifted' }));
      this.shiftBy = { ...this.shiftBy, [s.id]: '' };
      await this.reload();
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private async removeTrack(s: AdminSubtitleTrack): Promise<void> {
    const ok = await confirmAction(this, {
      heading: msg(str`Delete the subtitles “${s.label}”?`, { id: 'admin.subtitles.confirm-delete' }),
      message: msg('Viewers stop seeing this language at once.', { id: 'admin.subtitles.confirm-message' }),
    });
    if (!ok) return;
    try {
      await this.client.call(adminSubtitlesDelete, { params: { id: s.id } });
      this.notify(msg('Deleted', { id: 'admin.crud.deleted' }));
      if (this.editing?.id === s.id) this.reset();
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
    const c = this.check;
    return html`<form class="card form" novalidate @submit=${this.save} aria-labelledby="sub-form">
      <h2 id="sub-form">${this.editing ? msg(str`Edit “${this.editing.label}”`, { id: 'admin.subtitles.edit' }) : msg('Add subtitles', { id: 'admin.subtitles.add' })}</h2>
      <div class="form-row">
        <reel-text-field name="language" label=${msg('Language', { id: 'admin.subtitles.language' })} help-text="fr, pt-BR …" error=${this.errors.language ?? ''} .value=${v.language} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('language', e.detail.value.trim())}></reel-text-field>
        <reel-text-field name="label" label=${msg('Name shown to viewers', { id: 'admin.subtitles.label' })} error=${this.errors.label ?? ''} .value=${v.label} @reel-input=${(e: CustomEvent<{ value: string }>) => this.set('label', e.detail.value)}></reel-text-field>
        <reel-select name="kind" label=${msg('Kind', { id: 'admin.subtitles.kind' })} .value=${v.kind} .options=${[
          { value: 'subtitles', label: msg('Subtitles', { id: 'admin.group.subtitles' }) },
          { value: 'sdh', label: msg('For the deaf and hard of hearing (SDH)', { id: 'admin.subtitles.sdh' }) },
          { value: 'forced', label: msg('Forced (foreign parts only)', { id: 'admin.subtitles.forced' }) },
        ]} @reel-change=${(e: CustomEvent<{ value: string }>) => this.set('kind', e.detail.value as Kind)}></reel-select>
      </div>
      <reel-checkbox name="is_default" .checked=${v.is_default} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.set('is_default', e.detail.checked)}>${msg('On by default', { id: 'admin.subtitles.default' })}</reel-checkbox>
      ${fileDrop({
        file: this.file,
        accept: '.vtt,.srt,text/vtt',
        label: this.editing
          ? msg('Replace the cues: drop a .vtt or .srt file (optional)', { id: 'admin.subtitles.drop-replace' })
          : msg('Drop a .vtt or .srt file or choose one', { id: 'admin.subtitles.drop' }),
        hint: msg('WebVTT or SRT (converted to WebVTT), up to 2 MB', { id: 'admin.subtitles.hint' }),
        error: this.errors.content ?? '',
        onPick: (f) => void this.pickFile(f),
      })}
      ${
        c
          ? html`<div role="status">
              <p class=${c.valid ? 'muted' : 'error-text'}>${c.valid ? msg(str`${c.cue_count} cues, ${time(c.first_cue_start)} – ${time(c.last_cue_end)}`, { id: 'admin.subtitles.valid' }) : msg(str`Not valid: ${c.issues.filter((i) => i.severity === 'error').length} errors`, { id: 'admin.subtitles.invalid' })}</p>
              ${c.issues.length ? html`<ul class="issues">${c.issues.slice(0, 20).map((i) => html`<li class=${i.severity}>${i.line ? msg(str`Line ${i.line}`, { id: 'admin.subtitles.line' }) : ''}${i.line ? ': ' : ''}${i.message}</li>`)}</ul>` : nothing}
            </div>`
          : nothing
      }
      <div class="form-foot">
        <p class="error-text" role="alert">${this.formError}</p>
        ${this.editing ? html`<reel-button @click=${() => this.reset()}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>` : nothing}
        <reel-button type="submit" variant="primary" ?loading=${this.saving}>${this.editing ? msg('Save', { id: 'admin.form.save' }) : msg('Add subtitles', { id: 'admin.subtitles.add' })}</reel-button>
      </div>
    </form>`;
  }

  protected override render() {
    return html`<header class="panel-head"><div><h1>${msg('Subtitles', { id: 'admin.group.subtitles' })}</h1><p class="lede">${msg('Subtitle tracks of a film: what the player offers, in every language.', { id: 'admin.subtitles.lede' })}</p></div></header>
      <div class="layout">
        <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pick(id))}</div>
        <p class="error-text" role="alert">${this.error}</p>
        <div class="work-wrap"><div class="work">
        <section class="card" aria-labelledby="sub-list">
          <h2 id="sub-list">${msg('Tracks', { id: 'admin.subtitles.tracks' })}</h2>
          ${
            this.items.length
              ? html`<ul class="items">${this.items.map(
                  (s) => html`<li class="item" data-id=${s.id}>
                    <div class="main"><strong>${s.label} <span class="muted">(${s.language})</span></strong>
                      <span class="meta">${s.kind} · ${msg(str`${s.cue_count} cues`, { id: 'admin.subtitles.cues' })} · ${time(s.first_cue_start)} – ${time(s.last_cue_end)}${s.warnings.length ? ` · ${msg(str`${s.warnings.length} warnings`, { id: 'admin.subtitles.warnings' })}` : ''}</span></div>
                    ${s.is_default ? html`<reel-badge variant="info">${msg('Default', { id: 'admin.subtitles.is-default' })}</reel-badge>` : nothing}
                    <div class="tools" role="group" aria-label=${s.label}>
                      <reel-text-field class="shift" type="number" inputmode="decimal" placeholder="±1.5" label=${msg('Shift (s)', { id: 'admin.subtitles.shift-label' })} .value=${this.shiftBy[s.id] ?? ''} @reel-input=${(e: CustomEvent<{ value: string }>) => (this.shiftBy = { ...this.shiftBy, [s.id]: e.detail.value })}></reel-text-field>
                      <reel-button size="sm" data-action="shift" @click=${() => void this.shift(s)}>${msg('Shift', { id: 'admin.subtitles.shift' })}</reel-button>
                      <reel-button size="sm" data-action="edit" @click=${() => this.edit(s)}>${msg('Edit', { id: 'admin.subtitles.edit-button' })}</reel-button>
                      <reel-button size="sm" variant="danger" data-action="delete" @click=${() => void this.removeTrack(s)}>${msg('Delete', { id: 'admin.titles.delete' })}</reel-button>
                    </div>
                  </li>`,
                )}</ul>`
              : html`<p class="muted">${msg('No subtitles yet (or no processed video to add them to).', { id: 'admin.subtitles.none' })}</p>`
          }
        </section>
        ${this.titleId ? this.renderForm() : nothing}
        </div></div>
      </div>`;
  }
}

defineElement('reel-admin-subtitles', ReelAdminSubtitles);
