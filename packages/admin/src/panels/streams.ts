import { msg, str } from '@lit/localize';
import {
  type AdminRung,
  type AdminStreamLadder,
  type AdminTitleRow,
  adminStreamsGet,
  adminStreamsRemove,
  adminStreamsRerun,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { confirmAction } from '../confirm.js';
import { AdminPanel, problemOf } from '../panel.js';
import { pickable, titleSelect } from '../title-picker.js';

const kbps = (b: number) => `${Math.round(b / 1000).toLocaleString()} kb/s`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The HLS ladder of a film: each rung's resolution, bitrate, codec, segments and size, and the
 * audio and subtitle renditions.
 *
 * @summary Admin streams: a title's ladder.
 */
export class ReelAdminStreams extends AdminPanel {
  @state() private titles: AdminTitleRow[] = [];
  @state() private titleId = '';
  @state() private ladder: AdminStreamLadder | null = null;
  @state() private error = '';
  @state() private busy: Record<string, boolean> = {};

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
    this.error = '';
    try {
      this.ladder = await this.client.call(adminStreamsGet, { params: { title_id: id }, query: {} });
    } catch (error) {
      this.ladder = null;
      this.error = problemOf(error).message;
    }
  }

  private async rerun(r: AdminRung): Promise<void> {
    try {
      await this.client.call(adminStreamsRerun, { params: { title_id: this.titleId, rung_id: r.id } });
      this.notify(msg(str`Encoding ${r.name} again from the source`, { id: 'admin.streams.rerun-started' }), 'info');
      this.busy = { ...this.busy, [r.id]: true };
      setTimeout(() => {
        this.busy = { ...this.busy, [r.id]: false };
        void this.pick(this.titleId);
      }, 8000);
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private async removeRung(r: AdminRung): Promise<void> {
    const ok = await confirmAction(this, {
      heading: msg(str`Remove the ${r.name} rung?`, { id: 'admin.streams.confirm-remove' }),
      message: msg('Players stop switching to it; its segments are deleted.', { id: 'admin.streams.confirm-message' }),
      confirmLabel: msg('Remove', { id: 'admin.streams.remove' }),
    });
    if (!ok) return;
    try {
      await this.client.call(adminStreamsRemove, { params: { title_id: this.titleId, rung_id: r.id } });
      this.notify(msg(str`Removed ${r.name}`, { id: 'admin.streams.removed' }));
      await this.pick(this.titleId);
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  protected override render() {
    const l = this.ladder;
    return html`<header class="panel-head"><div><h1>${msg('Streams', { id: 'admin.group.streams' })}</h1><p class="lede">${msg('The adaptive ladder a title plays from.', { id: 'admin.streams.lede' })}</p></div></header>
      <div class="card form">${titleSelect(this.titles, this.titleId, (id) => void this.pick(id))}</div>
      <p class="error-text" role="alert">${this.error}</p>
      ${
        l
          ? html`<section class="card" aria-labelledby="ladder">
              <h2 id="ladder">${msg('Ladder', { id: 'admin.streams.ladder' })}</h2>
              ${
                l.rungs.length
                  ? html`<div class="scroll"><table class="simple"><thead><tr><th scope="col">${msg('Rung', { id: 'admin.streams.rung' })}</th><th scope="col">${msg('Resolution', { id: 'admin.streams.resolution' })}</th><th scope="col">${msg('Bitrate', { id: 'admin.streams.bitrate' })}</th><th scope="col">${msg('Codec', { id: 'admin.streams.codec' })}</th><th scope="col">${msg('Segments', { id: 'admin.streams.segments' })}</th><th scope="col">${msg('Size', { id: 'admin.video.col.size' })}</th><th scope="col">${msg('State', { id: 'admin.titles.col.state' })}</th><th scope="col"><span class="sr-only">${msg('Actions', { id: 'admin.streams.actions' })}</span></th></tr></thead>
                    <tbody>${l.rungs.map((r) => html`<tr><td><strong>${r.name}</strong></td><td>${r.width}×${r.height}</td><td>${kbps(r.bitrate)}</td><td class="mono">${r.codec}</td><td>${r.segment_count} × ${r.segment_duration}s</td><td>${mb(r.size_bytes)}</td><td><reel-badge variant=${this.busy[r.id] ? 'warning' : r.status === 'ready' ? 'success' : r.status === 'failed' ? 'danger' : 'warning'}>${this.busy[r.id] ? 'processing' : r.status}</reel-badge></td><td><div class="actions"><reel-button size="sm" data-action="rerun" ?loading=${this.busy[r.id]} @click=${() => void this.rerun(r)}>${msg('Run again', { id: 'admin.video.retry' })}</reel-button><reel-button size="sm" variant="danger" data-action="remove" ?disabled=${l.rungs.length <= 1} @click=${() => void this.removeRung(r)}>${msg('Remove', { id: 'admin.streams.remove' })}</reel-button></div></td></tr>`)}</tbody></table></div>`
                  : html`<p class="muted">${msg('No ladder yet: upload and process a source first.', { id: 'admin.streams.none' })}</p>`
              }
              ${l.audio.length ? html`<p class="muted">${msg('Audio', { id: 'admin.streams.audio' })}: ${l.audio.map((a) => `${a.name} (${a.language})`).join(', ')}</p>` : nothing}
              ${l.subtitles.length ? html`<p class="muted">${msg('Subtitles', { id: 'admin.group.subtitles' })}: ${l.subtitles.map((s) => `${s.label} (${s.language})`).join(', ')}</p>` : nothing}
            </section>`
          : nothing
      }`;
  }
}

defineElement('reel-admin-streams', ReelAdminStreams);
