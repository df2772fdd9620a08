import { msg, str } from '@lit/localize';
import {
  type AdminMarkers,
  AdminMarkersInput,
  type AdminTitleRow,
  adminMarkersGet,
  adminMarkersSet,
  adminSeriesEpisodes,
  adminSeriesSeasons,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorUnder, validate } from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

type Kind = 'intro' | 'recap' | 'credits' | 'preview';
const KINDS: Kind[] = ['recap', 'intro', 'credits', 'preview'];
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * The markers editor: intro, recap, credits and preview of a film or an episode, in seconds,
 * checked (start before end, no overlap, within the duration) before saving.
 *
 * @summary Admin markers editor.
 */
export class ReelAdminMarkers extends AdminPanel {
  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private episodes: { id: string; label: string }[] = [];
  @state() private target = '';
  @state() private data: AdminMarkers | null = null;
  @state() private rows: Record<Kind, { on: boolean; start: string; end: string }> = this.blank();
  @state() private errors: Record<string, string> = {};
  @state() private error = '';
  @state() private dirty_ = false;

  get dirty(): boolean {
    return this.dirty_;
  }

  private blank() {
    return Object.fromEntries(KINDS.map((k) => [k, { on: false, start: '', end: '' }])) as Record<
      Kind,
      { on: boolean; start: string; end: string }
    >;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void pickable(this.client, ['film', 'series', 'anime']).then((t) => (this.titles = t));
  }

  private async pickTitle(id: string): Promise<void> {
    this.titleId = id;
    this.episodes = [];
    this.data = null;
    const t = this.titles.find((x) => x.id === id);
    if (t?.type === 'film') return this.load(id);
    const seasons = await this.client.call(adminSeriesSeasons, { params: { id } });
    const lists = await Promise.all(
      seasons.items.map((s) => this.client.call(adminSeriesEpisodes, { params: { id, season_number: s.number } })),
    );
    this.episodes = lists.flatMap((l) =>
      l.items.map((e) => ({ id: e.id, label: `S${e.season_number} E${e.number} · ${e.name}` })),
    );
  }

  private async load(id: string): Promise<void> {
    this.target = id;
    try {
      this.data = await this.client.call(adminMarkersGet, { params: { id } });
      const rows = this.blank();
      for (const m of this.data.markers) rows[m.kind] = { on: true, start: String(m.start), end: String(m.end) };
      this.rows = rows;
      this.dirty_ = false;
      this.errors = {};
    } catch (error) {
      this.error = problemOf(error).message;
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const markers = KINDS.filter((k) => this.rows[k].on).map((kind) => ({
      kind,
      start: Number(this.rows[kind].start),
      end: Number(this.rows[kind].end),
    }));
    const body = { markers };
    this.errors = validate(AdminMarkersInput as never, body);
    markers.forEach((m, i) => {
      if (!(m.start < m.end)) this.errors[`markers[${i}].end`] = msg('After the start', { id: 'admin.markers.after' });
    });
    if (Object.keys(this.errors).length) return;
    try {
      this.data = await this.client.call(adminMarkersSet, { params: { id: this.target }, body });
      this.dirty_ = false;
      this.error = '';
      this.notify(msg('Markers saved', { id: 'admin.markers.saved' }));
    } catch (error) {
      const p = problemOf(error);
      this.error = p.message;
      this.errors = p.fields;
    }
  }

  protected override render() {
    const t = this.titles.find((x) => x.id === this.titleId);
    const on = KINDS.filter((k) => this.rows[k].on);
    return html`<header class="panel-head"><div><h1>${msg('Markers', { id: 'admin.group.markers' })}</h1><p class="lede">${msg('Where the intro, recap, credits and preview are, so viewers can skip them.', { id: 'admin.markers.lede' })}</p></div></header>
      <div class="card form"><div class="form-row">
        ${titleSelect(this.titles, this.titleId, (id) => void this.pickTitle(id))}
        ${t && t.type !== 'film' ? html`<reel-select label=${msg('Episode', { id: 'admin.video.episode' })} .value=${this.target} .options=${this.episodes.map((e) => ({ value: e.id, label: e.label }))} @reel-change=${(e: CustomEvent<{ value: string }>) => void this.load(e.detail.value)}></reel-select>` : nothing}
      </div></div>
      ${
        this.data
          ? html`<form class="card form" novalidate @submit=${this.save}>
              <h2>${msg(str`Markers · ${this.data.duration ? clock(this.data.duration) : '—'} long`, { id: 'admin.markers.heading' })}</h2>
              ${KINDS.map((k) => {
                const i = on.indexOf(k);
                const row = this.rows[k];
                const set = (patch: Partial<typeof row>) => {
                  this.rows = { ...this.rows, [k]: { ...row, ...patch } };
                  this.dirty_ = true;
                };
                return html`<div class="form-row">
                  <reel-checkbox .checked=${row.on} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => set({ on: e.detail.checked })}>${k}</reel-checkbox>
                  <reel-text-field type="number" label=${msg(str`${k} start (s)`, { id: 'admin.markers.start' })} ?disabled=${!row.on} error=${i >= 0 ? errorUnder(this.errors, `markers[${i}].start`) : ''} .value=${row.start} @reel-input=${(e: CustomEvent<{ value: string }>) => set({ start: e.detail.value })}></reel-text-field>
                  <reel-text-field type="number" label=${msg(str`${k} end (s)`, { id: 'admin.markers.end' })} ?disabled=${!row.on} error=${i >= 0 ? errorUnder(this.errors, `markers[${i}].end`) : ''} .value=${row.end} @reel-input=${(e: CustomEvent<{ value: string }>) => set({ end: e.detail.value })}></reel-text-field>
                </div>`;
              })}
              <div class="form-foot">${this.dirty_ ? html`<span class="dirty">${msg('Unsaved changes', { id: 'admin.form.unsaved' })}</span>` : nothing}<p class="error-text" role="alert">${this.error}</p><reel-button type="submit" variant="primary">${msg('Save', { id: 'admin.form.save' })}</reel-button></div>
            </form>`
          : nothing
      }`;
  }
}

defineElement('reel-admin-markers', ReelAdminMarkers);
