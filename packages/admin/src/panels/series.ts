import { msg, str } from '@lit/localize';
import {
  type AdminEpisode,
  AdminEpisodeInput,
  type AdminSeason,
  AdminSeasonInput,
  type AdminTitleRow,
  adminSeriesCreateEpisode,
  adminSeriesCreateSeason,
  adminSeriesDeleteEpisode,
  adminSeriesEpisodes,
  adminSeriesReorderEpisodes,
  adminSeriesSeasons,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { confirmAction } from '../confirm.js';
import { publishBadge, sourceBadge, validate } from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

/**
 * Series and anime: seasons, their episodes in order (move up and down to reorder), add and
 * remove episodes.
 *
 * @summary Admin series: seasons, episodes, reorder.
 */
export class ReelAdminSeries extends AdminPanel {
  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private seasons: AdminSeason[] = [];
  @state() private season: number | null = null;
  @state() private episodes: AdminEpisode[] = [];
  @state() private seasonForm = { number: '', name: '' };
  @state() private episodeForm = { name: '', runtime: '' };
  @state() private errors: Record<string, string> = {};
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void pickable(this.client, ['series', 'anime']).then((t) => {
      this.titles = t;
      const first = this.rest || t[0]?.id;
      if (first) void this.pickTitle(first);
    });
  }

  private async pickTitle(id: string): Promise<void> {
    this.titleId = id;
    this.season = null;
    this.episodes = [];
    this.seasons = (await this.client.call(adminSeriesSeasons, { params: { id } })).items;
    const first = this.seasons[0];
    if (first) await this.pickSeason(first.number);
  }

  private async pickSeason(n: number): Promise<void> {
    this.season = n;
    this.episodes = (
      await this.client.call(adminSeriesEpisodes, { params: { id: this.titleId, season_number: n } })
    ).items;
  }

  private async addSeason(event: Event): Promise<void> {
    event.preventDefault();
    const body = {
      number: Number(this.seasonForm.number || Math.max(0, ...this.seasons.map((s) => s.number)) + 1),
      name: this.seasonForm.name.trim(),
    };
    this.errors = validate(AdminSeasonInput as never, body);
    if (Object.keys(this.errors).length) return;
    try {
      await this.client.call(adminSeriesCreateSeason, { params: { id: this.titleId }, body });
      this.seasonForm = { number: '', name: '' };
      await this.pickTitle(this.titleId);
      await this.pickSeason(body.number);
      this.notify(msg('Season added', { id: 'admin.series.season-added' }));
    } catch (error) {
      const p = problemOf(error);
      this.error = p.message;
      this.errors = p.fields;
    }
  }

  private async addEpisode(event: Event): Promise<void> {
    event.preventDefault();
    if (this.season === null) return;
    const body = {
      name: this.episodeForm.name.trim(),
      ...(this.episodeForm.runtime ? { runtime_seconds: Number(this.episodeForm.runtime) * 60 } : {}),
    };
    this.errors = validate(AdminEpisodeInput as never, body);
    if (Object.keys(this.errors).length) return;
    try {
      await this.client.call(adminSeriesCreateEpisode, {
        params: { id: this.titleId, season_number: this.season },
        body,
      });
      this.episodeForm = { name: '', runtime: '' };
      await this.pickSeason(this.season);
    } catch (error) {
      const p = problemOf(error);
      this.error = p.message;
      this.errors = p.fields;
    }
  }

  private async move(index: number, by: number): Promise<void> {
    if (this.season === null) return;
    const list = [...this.episodes];
    const [item] = list.splice(index, 1);
    if (!item) return;
    list.splice(index + by, 0, item);
    try {
      this.episodes = (
        await this.client.call(adminSeriesReorderEpisodes, {
          params: { id: this.titleId, season_number: this.season },
          body: { episode_ids: list.map((e) => e.id) },
        })
      ).items;
      await this.updateComplete;
      (this.renderRoot.querySelector(`[data-move="${item.id}:${by}"]`) as HTMLElement | null)?.focus();
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private async removeEpisode(e: AdminEpisode): Promise<void> {
    if (
      !(await confirmAction(this, {
        heading: msg(str`Delete episode ${e.number}, “${e.name}”, and its media?`, {
          id: 'admin.series.confirm-delete',
        }),
      }))
    )
      return;
    await this.client.call(adminSeriesDeleteEpisode, { params: { id: this.titleId, episode_id: e.id } });
    if (this.season !== null) await this.pickSeason(this.season);
  }

  protected override render() {
    return html`<header class="panel-head"><div><h1>${msg('Series', { id: 'admin.group.series' })}</h1><p class="lede">${msg('Seasons and episodes of series and anime, in order.', { id: 'admin.series.lede' })}</p></div></header>
      <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pickTitle(id), msg('Series', { id: 'admin.group.series' }))}</div>
      ${this.titleId ? this.renderSeasons() : nothing}`;
  }

  private renderSeasons() {
    return html`<section class="card" aria-labelledby="seasons">
        <h2 id="seasons">${msg('Seasons', { id: 'admin.series.seasons' })}</h2>
        <div class="actions" role="tablist" aria-label=${msg('Seasons', { id: 'admin.series.seasons' })}>
          ${this.seasons.map((s) => html`<reel-button role="tab" aria-selected=${this.season === s.number ? 'true' : 'false'} size="sm" variant=${this.season === s.number ? 'primary' : 'secondary'} @click=${() => void this.pickSeason(s.number)}>${s.name} · ${s.episode_count}</reel-button>`)}
        </div>
        <form class="form-row" style="margin-block-start: var(--reel-space-4)" novalidate @submit=${this.addSeason}>
          <reel-text-field label=${msg('Season number', { id: 'admin.bundles.season-number' })} type="number" error=${this.errors.number ?? ''} .value=${this.seasonForm.number} @reel-input=${(e: CustomEvent<{ value: string }>) => (this.seasonForm = { ...this.seasonForm, number: e.detail.value })}></reel-text-field>
          <reel-text-field label=${msg('Season name', { id: 'admin.series.season-name' })} error=${this.errors.name ?? ''} .value=${this.seasonForm.name} @reel-input=${(e: CustomEvent<{ value: string }>) => (this.seasonForm = { ...this.seasonForm, name: e.detail.value })}></reel-text-field>
          <reel-button type="submit" style="align-self: end">${msg('Add season', { id: 'admin.series.add-season' })}</reel-button>
        </form>
      </section>
      ${
        this.season !== null
          ? html`<section class="card" aria-labelledby="episodes">
              <h2 id="episodes">${msg('Episodes', { id: 'admin.dashboard.episodes' })}</h2>
              <div class="scroll"><table class="simple">
                <thead><tr><th scope="col">#</th><th scope="col">${msg('Name', { id: 'admin.titles.f.name' })}</th><th scope="col">${msg('State', { id: 'admin.titles.col.state' })}</th><th scope="col">${msg('Source', { id: 'admin.titles.col.source' })}</th><th scope="col"><span class="sr-only">${msg('Actions', { id: 'admin.series.actions' })}</span></th></tr></thead>
                <tbody>${this.episodes.map(
                  (e, i) => html`<tr>
                    <td>${e.number}</td><td>${e.name}</td><td>${publishBadge(e.publish_state)}</td><td>${sourceBadge(e.source_status)}</td>
                    <td class="actions">
                      <reel-icon-button data-move=${`${e.id}:-1`} name="chevron-up" label=${msg(str`Move ${e.name} up`, { id: 'admin.series.up' })} ?disabled=${i === 0} @click=${() => void this.move(i, -1)}></reel-icon-button>
                      <reel-icon-button data-move=${`${e.id}:1`} name="chevron-down" label=${msg(str`Move ${e.name} down`, { id: 'admin.series.down' })} ?disabled=${i === this.episodes.length - 1} @click=${() => void this.move(i, 1)}></reel-icon-button>
                      <reel-icon-button name="upload" label=${msg('Upload video', { id: 'admin.dashboard.upload' })} @click=${() => this.go(`/admin/assets/video?title=${this.titleId}`)}></reel-icon-button>
                      <reel-icon-button name="trash" label=${msg(str`Delete ${e.name}`, { id: 'admin.series.delete' })} @click=${() => void this.removeEpisode(e)}></reel-icon-button>
                    </td>
                  </tr>`,
                )}</tbody>
              </table></div>
              <form class="form-row" style="margin-block-start: var(--reel-space-4)" novalidate @submit=${this.addEpisode}>
                <reel-text-field label=${msg('Episode name', { id: 'admin.series.episode-name' })} error=${this.errors.name ?? ''} .value=${this.episodeForm.name} @reel-input=${(e: CustomEvent<{ value: string }>) => (this.episodeForm = { ...this.episodeForm, name: e.detail.value })}></reel-text-field>
                <reel-text-field label=${msg('Runtime (minutes)', { id: 'admin.titles.f.runtime' })} type="number" error=${this.errors.runtime_seconds ?? ''} .value=${this.episodeForm.runtime} @reel-input=${(e: CustomEvent<{ value: string }>) => (this.episodeForm = { ...this.episodeForm, runtime: e.detail.value })}></reel-text-field>
                <reel-button type="submit" style="align-self: end">${msg('Add episode', { id: 'admin.series.add-episode' })}</reel-button>
              </form>
              <p class="error-text" role="alert">${this.error}</p>
            </section>`
          : nothing
      }`;
  }
}

defineElement('reel-admin-series', ReelAdminSeries);
