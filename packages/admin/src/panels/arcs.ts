import { msg, str } from '@lit/localize';
import {
  type AdminFillerGuide,
  type AdminTitleRow,
  type Arc,
  adminAnimeArcsCreate,
  adminAnimeArcsDelete,
  adminAnimeArcsFiller,
  adminAnimeArcsList,
  adminAnimeArcsSetFiller,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

type Kind = 'canon' | 'mixed' | 'filler';

/**
 * Anime arcs (a name over a range of episodes) and each episode's canon / mixed / filler mark.
 *
 * @summary Admin anime arcs and filler guide.
 */
export class ReelAdminArcs extends AdminPanel {
  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private arcs: Arc[] = [];
  @state() private guide: AdminFillerGuide | null = null;
  @state() private changes: Record<string, Kind> = {};
  @state() private form = { name: '', first: '', last: '' };
  @state() private error = '';

  get dirty(): boolean {
    return Object.keys(this.changes).length > 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void pickable(this.client, ['anime']).then((t) => {
      this.titles = t;
      const first = t[0]?.id;
      if (first) void this.pick(first);
    });
  }

  private async pick(id: string): Promise<void> {
    this.titleId = id;
    this.changes = {};
    const [arcs, guide] = await Promise.all([
      this.client.call(adminAnimeArcsList, { query: { title_id: id } }),
      this.client.call(adminAnimeArcsFiller, { query: { title_id: id } }),
    ]);
    this.arcs = arcs.items;
    this.guide = guide;
  }

  private async saveFiller(): Promise<void> {
    const items = Object.entries(this.changes).map(([episode_id, kind]) => ({ episode_id, kind }));
    if (!items.length) return;
    try {
      this.guide = await this.client.call(adminAnimeArcsSetFiller, { body: { title_id: this.titleId, items } });
      this.changes = {};
      this.notify(msg(str`${items.length} episodes marked`, { id: 'admin.arcs.marked' }));
    } catch (error) {
      this.error = problemOf(error).message;
    }
  }

  private async addArc(event: Event): Promise<void> {
    event.preventDefault();
    try {
      await this.client.call(adminAnimeArcsCreate, {
        body: {
          title_id: this.titleId,
          name: this.form.name,
          first_episode_id: this.form.first,
          last_episode_id: this.form.last,
        },
      });
      this.form = { name: '', first: '', last: '' };
      await this.pick(this.titleId);
    } catch (error) {
      this.error = problemOf(error).message;
    }
  }

  protected override render() {
    const eps = this.guide?.items ?? [];
    const options = eps.map((e) => ({ value: e.episode_id, label: `S${e.season_number} E${e.number} · ${e.name}` }));
    const kinds: { value: Kind; label: string }[] = [
      { value: 'canon', label: msg('Canon', { id: 'admin.arcs.canon' }) },
      { value: 'mixed', label: msg('Mixed', { id: 'admin.arcs.mixed' }) },
      { value: 'filler', label: msg('Filler', { id: 'admin.arcs.filler' }) },
    ];
    return html`<header class="panel-head"><div><h1>${msg('Anime arcs', { id: 'admin.group.anime-arcs' })}</h1><p class="lede">${msg('Story arcs over ranges of episodes, and which episodes are canon, mixed or filler.', { id: 'admin.arcs.lede' })}</p></div></header>
      <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pick(id), msg('Anime', { id: 'admin.titles.anime' }))}</div>
      <p class="error-text" role="alert">${this.error}</p>
      ${
        this.guide
          ? html`<div class="grid-2">
              <section class="card" aria-labelledby="arcs">
                <h2 id="arcs">${msg('Arcs', { id: 'admin.arcs.arcs' })}</h2>
                <table class="simple"><thead><tr><th scope="col">${msg('Name', { id: 'admin.titles.f.name' })}</th><th scope="col">${msg('Episodes', { id: 'admin.dashboard.episodes' })}</th><th scope="col">${msg('Filler', { id: 'admin.arcs.filler' })}</th><th scope="col"><span class="sr-only">${msg('Actions', { id: 'admin.series.actions' })}</span></th></tr></thead>
                <tbody>${this.arcs.map(
                  (a) =>
                    html`<tr><td>${a.name}</td><td>S${a.first_episode.season_number}E${a.first_episode.number}–S${a.last_episode.season_number}E${a.last_episode.number} (${a.episode_count})</td><td>${a.filler_count}</td><td><reel-icon-button name="trash" label=${msg(str`Delete ${a.name}`, { id: 'admin.series.delete' })} @click=${async () => {
                      await this.client.call(adminAnimeArcsDelete, { params: { id: a.id } });
                      await this.pick(this.titleId);
                    }}></reel-icon-button></td></tr>`,
                )}</tbody></table>
                <form class="form" style="margin-block-start: var(--reel-space-4)" novalidate @submit=${this.addArc}>
                  <reel-text-field label=${msg('Arc name', { id: 'admin.arcs.name' })} .value=${this.form.name} @reel-input=${(e: CustomEvent<{ value: string }>) => (this.form = { ...this.form, name: e.detail.value })}></reel-text-field>
                  <div class="form-row">
                    <reel-select label=${msg('First episode', { id: 'admin.arcs.first' })} .value=${this.form.first} .options=${options} @reel-change=${(e: CustomEvent<{ value: string }>) => (this.form = { ...this.form, first: e.detail.value })}></reel-select>
                    <reel-select label=${msg('Last episode', { id: 'admin.arcs.last' })} .value=${this.form.last} .options=${options} @reel-change=${(e: CustomEvent<{ value: string }>) => (this.form = { ...this.form, last: e.detail.value })}></reel-select>
                  </div>
                  <div class="form-foot"><reel-button type="submit">${msg('Add arc', { id: 'admin.arcs.add' })}</reel-button></div>
                </form>
              </section>
              <section class="card" aria-labelledby="filler">
                <h2 id="filler">${msg('Filler guide', { id: 'admin.arcs.guide' })}</h2>
                <p class="muted">${msg(str`${this.guide.counts.canon} canon · ${this.guide.counts.mixed} mixed · ${this.guide.counts.filler} filler`, { id: 'admin.arcs.counts' })}</p>
                <div class="scroll"><table class="simple"><thead><tr><th scope="col">${msg('Episode', { id: 'admin.video.episode' })}</th><th scope="col">${msg('Kind', { id: 'admin.bundles.kind' })}</th></tr></thead>
                <tbody>${eps.map((e) => html`<tr><td>S${e.season_number} E${e.number} · ${e.name}</td><td><reel-select label=${msg(str`Kind of ${e.name}`, { id: 'admin.arcs.kind-of' })} .value=${this.changes[e.episode_id] ?? e.kind} .options=${kinds} @reel-change=${(ev: CustomEvent<{ value: Kind }>) => (this.changes = { ...this.changes, [e.episode_id]: ev.detail.value })}></reel-select></td></tr>`)}</tbody></table></div>
                <div class="form-foot">${this.dirty ? html`<span class="dirty">${msg('Unsaved changes', { id: 'admin.form.unsaved' })}</span>` : nothing}<reel-button variant="primary" ?disabled=${!this.dirty} @click=${() => void this.saveFiller()}>${msg('Save', { id: 'admin.form.save' })}</reel-button></div>
              </section>
            </div>`
          : nothing
      }`;
  }
}

defineElement('reel-admin-arcs', ReelAdminArcs);
