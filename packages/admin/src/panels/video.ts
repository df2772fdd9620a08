import { msg, str } from '@lit/localize';
import {
  type AdminTitleRow,
  type AdminVideoAsset,
  type AdminVideoStatus,
  adminSeriesEpisodes,
  adminSeriesSeasons,
  adminTitlesList,
  adminVideoCreate,
  adminVideoList,
  adminVideoRetry,
  adminVideoStatus,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sourceBadge } from '../form.js';
import { AdminPanel, problemOf } from '../panel.js';
import type { ReelAdminTable, TableColumn, TableQuery } from '../reel-admin-table.js';
import '../define-table.js';

/** Where an unfinished upload is remembered, so a reload can resume it. */
const RESUME_KEY = 'reel.admin.uploads';
interface Remembered {
  asset_id: string;
  url: string;
  title_id: string;
  episode_id: string | null;
  name: string;
  size: number;
  modified: number;
}
const fingerprintOf = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;
function remembered(): Record<string, Remembered> {
  try {
    return JSON.parse(localStorage.getItem(RESUME_KEY) ?? '{}') as Record<string, Remembered>;
  } catch {
    return {};
  }
}
function remember(key: string, value: Remembered | null): void {
  const all = remembered();
  if (value) all[key] = value;
  else delete all[key];
  try {
    localStorage.setItem(RESUME_KEY, JSON.stringify(all));
  } catch {
    // Storage blocked: resuming after a reload will not be offered.
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  mxf: 'video/mxf',
};

type Phase = 'idle' | 'uploading' | 'paused' | 'offline' | 'processing' | 'done' | 'failed';

/**
 * Video sources: a resumable upload (the tus protocol, through a lazily loaded tus-js-client) with
 * progress, pause and resume — after a dropped connection it retries, after a page reload the same
 * file picks up where it stopped — then the media pipeline's job with its live stage and progress;
 * and the table of every source with its state.
 *
 * @summary Admin video upload (resumable) and pipeline status.
 */
export class ReelAdminVideo extends AdminPanel {
  static override styles = [
    ...AdminPanel.styles,
    css`
      .upload {
        display: grid;
        gap: var(--reel-space-4);
        margin-block-end: var(--reel-space-6);
      }
      .drop {
        display: grid;
        place-items: center;
        gap: var(--reel-space-2);
        padding: var(--reel-space-8) var(--reel-space-4);
        border: 2px dashed var(--reel-color-border-strong);
        border-radius: var(--reel-radius-xl);
        text-align: center;
        color: var(--reel-color-text-muted);
        cursor: pointer;
      }
      .drop.over {
        border-color: var(--reel-color-accent);
        background: var(--reel-color-accent-soft);
      }
      .drop:focus-within {
        outline: 2px solid var(--reel-color-focus);
        outline-offset: 2px;
      }
      .drop input {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        opacity: 0;
      }
      .drop strong {
        color: var(--reel-color-text);
      }
      .progress {
        display: grid;
        gap: var(--reel-space-2);
      }
      .progress-head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--reel-space-2);
        font-size: var(--reel-font-size-sm);
      }
      .stage {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Bytes per PATCH (the server suggests 8 MiB); smaller for slow links and tests. */
  @property({ type: Number, attribute: 'chunk-size' }) chunkSize = 0;

  @state() private titles: AdminTitleRow[] = [];
  @state() private titleQuery = '';
  @state() private titleId = '';
  @state() private episodes: { id: string; label: string }[] = [];
  @state() private episodeId = '';
  @state() private file: File | null = null;
  @state() private phase: Phase = 'idle';
  @state() private sent = 0;
  @state() private total = 0;
  @state() private status: AdminVideoStatus | null = null;
  @state() private error = '';
  @state() private errors: Record<string, string> = {};
  @state() private over = false;
  @state() private resumable: Remembered | null = null;
  private upload: { start(): void; abort(): Promise<void> } | null = null;
  private poll = 0;
  private readonly onOnline = () => {
    if (this.phase === 'offline') this.resume();
  };
  private readonly onOffline = () => {
    if (this.phase === 'uploading') this.phase = 'offline';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    const wanted = new URLSearchParams(location.search).get('title');
    if (wanted) this.titleId = wanted;
    void this.findTitles('');
    const pending = Object.values(remembered());
    this.resumable = pending[0] ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.poll);
    void this.upload?.abort();
  }

  /** True while bytes are on their way (the admin asks before leaving). */
  get dirty(): boolean {
    return this.phase === 'uploading';
  }

  private async findTitles(q: string): Promise<void> {
    try {
      const page = await this.client.call(adminTitlesList, {
        query: { limit: 50, sort: 'name', order: 'asc', ...(q ? { q } : {}) },
      });
      this.titles = page.items;
      if (this.titleId && !page.items.some((t) => t.id === this.titleId) && !q) {
        const one = await this.client.call(adminTitlesList, { query: { q: this.titleId, limit: 1 } });
        this.titles = [...one.items, ...page.items];
      }
      if (this.titleId) void this.chooseTitle(this.titleId);
    } catch (error) {
      this.error = problemOf(error).message;
    }
  }

  private async chooseTitle(id: string): Promise<void> {
    this.titleId = id;
    this.episodeId = '';
    this.episodes = [];
    const t = this.titles.find((x) => x.id === id);
    if (!t || t.type === 'film') return;
    const seasons = await this.client.call(adminSeriesSeasons, { params: { id } });
    const lists = await Promise.all(
      seasons.items.map((s) => this.client.call(adminSeriesEpisodes, { params: { id, season_number: s.number } })),
    );
    this.episodes = lists.flatMap((l) =>
      l.items.map((e) => ({ id: e.id, label: `S${e.season_number} E${e.number} · ${e.name}` })),
    );
  }

  private pick(files: FileList | null | undefined): void {
    const file = files?.[0];
    if (!file) return;
    this.file = file;
    this.errors = {};
    const saved = remembered()[fingerprintOf(file)];
    if (saved) {
      this.titleId = saved.title_id;
      this.episodeId = saved.episode_id ?? '';
    }
  }

  private contentType(file: File): string {
    if (file.type && Object.values(TYPES).includes(file.type)) return file.type;
    return TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type;
  }

  private async token(): Promise<string | null> {
    return (await this.api.session?.accessToken?.()) ?? null;
  }

  /** Starts (or, for a remembered file, resumes) the upload. */
  private async start(event?: Event): Promise<void> {
    event?.preventDefault();
    const file = this.file;
    const errors: Record<string, string> = {};
    if (!this.titleId) errors.title_id = msg('Choose the title this video is for', { id: 'admin.video.need-title' });
    if (!file) errors.file = msg('Choose a video file', { id: 'admin.video.need-file' });
    const t = this.titles.find((x) => x.id === this.titleId);
    if (t && t.type !== 'film' && !this.episodeId)
      errors.episode_id = msg('Choose the episode', { id: 'admin.video.need-episode' });
    this.errors = errors;
    if (!file || Object.keys(errors).length) return;
    this.error = '';
    const key = fingerprintOf(file);
    let target = remembered()[key] ?? null;
    try {
      if (target) {
        const status = await this.client.call(adminVideoStatus, { params: { id: target.asset_id } }).catch(() => null);
        if (!status?.upload) {
          remember(key, null);
          target = null;
        }
      }
      if (!target) {
        const created = await this.client.call(adminVideoCreate, {
          body: {
            title_id: this.titleId,
            ...(this.episodeId ? { episode_id: this.episodeId } : {}),
            filename: file.name,
            content_type: this.contentType(file) as 'video/mp4',
            size_bytes: file.size,
            replace: true,
          },
        });
        target = {
          asset_id: created.asset.id,
          url: created.upload.url,
          title_id: this.titleId,
          episode_id: this.episodeId || null,
          name: file.name,
          size: file.size,
          modified: file.lastModified,
        };
        remember(key, target);
        if (!this.chunkSize) this.chunkSize = created.upload.chunk_size;
      }
    } catch (error) {
      const p = problemOf(error);
      this.error = p.message;
      this.errors = p.fields;
      return;
    }
    this.resumable = null;
    const { Upload } = await import('tus-js-client');
    const url = new URL(target.url, location.origin).href;
    this.total = file.size;
    this.phase = 'uploading';
    const assetId = target.asset_id;
    this.upload = new Upload(file, {
      uploadUrl: url,
      chunkSize: this.chunkSize || 8 * 1024 * 1024,
      // A dropped connection is retried, then waits for the browser to be online again.
      retryDelays: [0, 1000, 2000, 4000, 8000, 15000],
      storeFingerprintForResuming: false,
      onBeforeRequest: async (req) => {
        const token = await this.token();
        if (token) req.setHeader('Authorization', `Bearer ${token}`);
      },
      onShouldRetry: (err) => {
        const status = err.originalResponse?.getStatus() ?? 0;
        return status === 0 || status === 409 || status === 423 || status >= 500;
      },
      onProgress: (sent, total) => {
        this.sent = sent;
        this.total = total;
        if (this.phase === 'offline' && navigator.onLine) this.phase = 'uploading';
      },
      onError: (err) => {
        if (!navigator.onLine) {
          this.phase = 'offline';
          return;
        }
        this.phase = 'failed';
        this.error = msg(str`The upload stopped: ${err.message.split('\n')[0] ?? ''}. Resume to try again.`, {
          id: 'admin.video.stopped',
        });
      },
      onSuccess: () => {
        remember(key, null);
        this.phase = 'processing';
        this.sent = this.total;
        this.watch(assetId);
      },
    });
    this.upload.start();
  }

  private pause(): void {
    void this.upload?.abort();
    this.phase = 'paused';
  }

  private resume(): void {
    if (!this.upload) {
      void this.start();
      return;
    }
    this.error = '';
    this.phase = 'uploading';
    this.upload.start();
  }

  /** Follows the pipeline's job until it finishes. */
  private watch(assetId: string): void {
    clearTimeout(this.poll);
    const tick = async () => {
      try {
        const status = await this.client.call(adminVideoStatus, { params: { id: assetId } });
        this.status = status;
        if (status.status === 'ready') {
          this.phase = 'done';
          this.notify(msg('The video is processed and ready to play', { id: 'admin.video.ready' }));
          void (this.renderRoot.querySelector('reel-admin-table') as ReelAdminTable | null)?.reload();
          return;
        }
        if (status.status === 'failed') {
          this.phase = 'failed';
          this.error =
            status.job?.error?.message ??
            msg('The pipeline could not process this file', { id: 'admin.video.pipeline-failed' });
          return;
        }
      } catch {
        // Keep polling through a blip.
      }
      this.poll = window.setTimeout(tick, 1500);
    };
    void tick();
  }

  private async retry(id: string): Promise<void> {
    try {
      await this.client.call(adminVideoRetry, { params: { id } });
      this.phase = 'processing';
      this.error = '';
      this.watch(id);
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  protected override render() {
    const t = this.titles.find((x) => x.id === this.titleId);
    const busy = this.phase === 'uploading' || this.phase === 'processing' || this.phase === 'offline';
    return html`
      <header class="panel-head">
        <div>
          <h1>${msg('Video', { id: 'admin.video.title' })}</h1>
          <p class="lede">${msg('Upload a source file; it is checked, transcoded into an HLS ladder and packaged. Uploads survive a dropped connection and a reload.', { id: 'admin.video.lede' })}</p>
        </div>
      </header>
      <form class="card upload" novalidate @submit=${this.start} aria-labelledby="upload-heading">
        <h2 id="upload-heading">${msg('Upload a source', { id: 'admin.video.upload' })}</h2>
        ${
          this.resumable && this.phase === 'idle'
            ? html`<p class="muted" role="status">${msg(str`An upload of ${this.resumable.name} stopped part-way. Choose the same file to resume it.`, { id: 'admin.video.resume-hint' })}</p>`
            : nothing
        }
        <div class="form-row">
          <reel-text-field
            type="search"
            label=${msg('Find a title', { id: 'admin.video.find' })}
            .value=${this.titleQuery}
            ?disabled=${busy}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.titleQuery = e.detail.value;
              void this.findTitles(e.detail.value);
            }}
          ></reel-text-field>
          <reel-select
            name="title_id"
            label=${msg('Title', { id: 'admin.titles.col.title' })}
            placeholder=${msg('Choose a title', { id: 'admin.video.choose-title' })}
            .value=${this.titleId}
            ?disabled=${busy}
            error=${this.errors.title_id ?? ''}
            .options=${this.titles.map((x) => ({ value: x.id, label: x.name, description: `${x.type}${x.year ? ` · ${x.year}` : ''}` }))}
            @reel-change=${(e: CustomEvent<{ value: string }>) => void this.chooseTitle(e.detail.value)}
          ></reel-select>
          ${
            t && t.type !== 'film'
              ? html`<reel-select
                  name="episode_id"
                  label=${msg('Episode', { id: 'admin.video.episode' })}
                  placeholder=${msg('Choose an episode', { id: 'admin.video.choose-episode' })}
                  .value=${this.episodeId}
                  ?disabled=${busy}
                  error=${this.errors.episode_id ?? ''}
                  .options=${this.episodes.map((e) => ({ value: e.id, label: e.label }))}
                  @reel-change=${(e: CustomEvent<{ value: string }>) => (this.episodeId = e.detail.value)}
                ></reel-select>`
              : nothing
          }
        </div>
        <label
          class="drop ${this.over ? 'over' : ''}"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.over = true;
          }}
          @dragleave=${() => (this.over = false)}
          @drop=${(e: DragEvent) => {
            e.preventDefault();
            this.over = false;
            this.pick(e.dataTransfer?.files);
          }}
        >
          <reel-icon name="upload"></reel-icon>
          <strong>${this.file ? this.file.name : msg('Drop a video here or choose a file', { id: 'admin.video.drop' })}</strong>
          <span>${this.file ? mb(this.file.size) : 'MP4, MOV, MKV, WebM, MXF'}</span>
          <input type="file" name="file" accept="video/*,.mkv,.mxf" ?disabled=${busy} aria-invalid=${this.errors.file ? 'true' : 'false'} @change=${(e: Event) => this.pick((e.target as HTMLInputElement).files)} />
        </label>
        ${this.errors.file ? html`<p class="error-text" role="alert">${this.errors.file}</p>` : nothing}
        ${this.renderProgress()}
        <p class="error-text" role="alert">${this.error}</p>
        <div class="form-foot">
          ${this.phase === 'uploading' ? html`<reel-button @click=${this.pause}><reel-icon slot="start" name="pause"></reel-icon>${msg('Pause', { id: 'admin.video.pause' })}</reel-button>` : nothing}
          ${this.phase === 'paused' || (this.phase === 'failed' && this.upload && !this.status) || this.phase === 'offline' ? html`<reel-button variant="primary" @click=${this.resume}><reel-icon slot="start" name="play"></reel-icon>${msg('Resume', { id: 'admin.video.resume' })}</reel-button>` : nothing}
          ${this.phase === 'idle' || this.phase === 'done' ? html`<reel-button type="submit" variant="primary"><reel-icon slot="start" name="upload"></reel-icon>${msg('Upload', { id: 'admin.video.start' })}</reel-button>` : nothing}
        </div>
      </form>
      <reel-admin-table
        label=${msg('Video sources', { id: 'admin.video.sources' })}
        storage-key="video"
        user-id=${this.api.session?.user?.id ?? ''}
        default-sort="created_at"
        .columns=${this.columns}
        .filters=${[{ id: 'status', label: msg('State', { id: 'admin.titles.col.state' }), options: ['awaiting_upload', 'uploading', 'processing', 'ready', 'failed'].map((s) => ({ value: s, label: s })) }]}
        .load=${this.load}
        @reel-admin-open=${(e: CustomEvent<{ row: AdminVideoAsset }>) => this.go(`/admin/titles/${e.detail.row.title.id}`)}
      ></reel-admin-table>
    `;
  }

  private renderProgress() {
    if (this.phase === 'idle') return nothing;
    const uploading =
      this.phase === 'uploading' ||
      this.phase === 'paused' ||
      this.phase === 'offline' ||
      (this.phase === 'failed' && !this.status);
    if (uploading) {
      const pct = this.total ? Math.floor((this.sent / this.total) * 100) : 0;
      const label =
        this.phase === 'paused'
          ? msg('Paused', { id: 'admin.video.paused' })
          : this.phase === 'offline'
            ? msg('Connection lost — resumes when you are back online', { id: 'admin.video.offline' })
            : this.phase === 'failed'
              ? msg('Stopped', { id: 'admin.video.stopped-short' })
              : msg('Uploading', { id: 'admin.source.uploading' });
      return html`<div class="progress" data-phase=${this.phase}>
        <div class="progress-head"><strong>${label}</strong><span class="stage">${mb(this.sent)} / ${mb(this.total)} · ${pct}%</span></div>
        <reel-progress-bar .value=${pct} label=${msg('Upload progress', { id: 'admin.video.progress' })} value-text=${`${pct}%`}></reel-progress-bar>
      </div>`;
    }
    const job = this.status?.job;
    const pct = this.phase === 'done' ? 100 : Math.round((job?.progress ?? 0) * 100);
    return html`<div class="progress" data-phase=${this.phase}>
      <div class="progress-head">
        <strong>${this.phase === 'done' ? msg('Ready to play', { id: 'admin.video.done' }) : this.phase === 'failed' ? msg('Processing failed', { id: 'admin.video.failed' }) : msg('Processing', { id: 'admin.source.processing' })}</strong>
        <span class="stage" aria-live="polite">${job?.stage ?? job?.state ?? msg('queued', { id: 'admin.video.queued' })}${job?.eta_seconds ? ` · ~${job.eta_seconds}s` : ''}</span>
      </div>
      <reel-progress-bar .value=${pct} label=${msg('Processing progress', { id: 'admin.video.processing-progress' })} value-text=${`${pct}%`}></reel-progress-bar>
      ${this.phase === 'failed' && this.status ? html`<reel-button size="sm" @click=${() => void this.retry(this.status?.asset_id ?? '')}>${msg('Run again', { id: 'admin.video.retry' })}</reel-button>` : nothing}
      ${
        this.phase === 'done' && this.titleId
          ? html`<reel-button size="sm" href=${`/admin/titles/${this.titleId}`} @click=${(e: Event) => {
              e.preventDefault();
              this.go(`/admin/titles/${this.titleId}`);
            }}>${msg('Open the title to publish it', { id: 'admin.video.open-title' })}</reel-button>`
          : nothing
      }
    </div>`;
  }

  private readonly columns: TableColumn<AdminVideoAsset>[] = [
    {
      id: 'name',
      label: msg('File', { id: 'admin.video.col.file' }),
      fixed: true,
      sort: 'filename',
      render: (a) => a.filename,
    },
    {
      id: 'title',
      label: msg('Title', { id: 'admin.titles.col.title' }),
      render: (a) => (a.episode ? `${a.title.name} · S${a.episode.season_number}E${a.episode.number}` : a.title.name),
    },
    {
      id: 'status',
      label: msg('State', { id: 'admin.titles.col.state' }),
      render: (a) => sourceBadge(a.status === 'awaiting_upload' ? 'uploading' : a.status),
      text: (a) => a.status,
    },
    {
      id: 'job',
      label: msg('Pipeline', { id: 'admin.dashboard.jobs' }),
      render: (a) => (a.job ? `${a.job.stage ?? a.job.state} · ${Math.round(a.job.progress * 100)}%` : '—'),
    },
    {
      id: 'size',
      label: msg('Size', { id: 'admin.video.col.size' }),
      sort: 'size_bytes',
      render: (a) => mb(a.size_bytes),
      text: (a) => a.size_bytes,
    },
    {
      id: 'format',
      label: msg('Format', { id: 'admin.video.col.format' }),
      optional: true,
      render: (a) => (a.width ? `${a.width}×${a.height} ${a.video_codec ?? ''}` : '—'),
    },
    {
      id: 'created',
      label: msg('Added', { id: 'admin.video.col.added' }),
      sort: 'created_at',
      render: (a) => new Date(a.created_at).toLocaleString(),
      text: (a) => a.created_at,
    },
  ];

  private load = (q: TableQuery) =>
    this.client.call(adminVideoList, {
      query: {
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.sort ? { sort: q.sort as 'created_at', order: q.order } : {}),
        ...(q.filters as Record<string, never>),
      },
    });
}

defineElement('reel-admin-video', ReelAdminVideo);
