// What the media-asset panels (subtitles, trailers, artwork, audio tracks) share: a file drop
// zone, a resumable (tus) upload with progress, and their styles.
import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';

export const assetStyles = css`
  .layout {
    display: grid;
    gap: var(--reel-space-4);
  }
  .work-wrap {
    container-type: inline-size;
  }
  .work {
    display: grid;
    gap: var(--reel-space-4);
    align-items: start;
  }
  .work > .card {
    margin: 0;
  }
  @container (min-width: 56rem) {
    .work {
      grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
    }
  }
  .drop {
    position: relative;
    display: grid;
    place-items: center;
    gap: var(--reel-space-1);
    padding: var(--reel-space-6) var(--reel-space-4);
    border: 2px dashed var(--reel-color-border-strong);
    border-radius: var(--reel-radius-xl);
    text-align: center;
    color: var(--reel-color-text-muted);
    cursor: pointer;
  }
  .drop[aria-invalid='true'] {
    border-color: var(--reel-color-danger);
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
    overflow-wrap: anywhere;
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
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--reel-space-2);
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-3);
    padding: var(--reel-space-3) var(--reel-space-4);
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-surface-raised, var(--reel-color-surface));
  }
  .item .main {
    flex: 1 1 14rem;
    min-inline-size: 0;
    display: grid;
    gap: 2px;
  }
  .item .main strong {
    overflow-wrap: anywhere;
  }
  .item .meta {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .item .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--reel-space-2);
  }
  .item .tools .shift {
    inline-size: 6.5rem;
  }
  .issues {
    margin: 0;
    padding-inline-start: var(--reel-space-5);
    font-size: var(--reel-font-size-sm);
  }
  .issues .error {
    color: var(--reel-color-danger);
  }
  .issues .warning {
    color: var(--reel-color-warning);
  }
  h2 {
    margin: 0 0 var(--reel-space-3);
    font-size: var(--reel-font-size-md);
  }
`;

export const mb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A file drop zone around a hidden file input; `error` shows under it. */
export function fileDrop(options: {
  file: File | null;
  accept: string;
  hint: string;
  label: string;
  error?: string;
  disabled?: boolean;
  onPick: (file: File | null) => void;
}) {
  const { file, error } = options;
  return html`<label
      class="drop"
      aria-invalid=${error ? 'true' : 'false'}
      @dragover=${(e: DragEvent) => e.preventDefault()}
      @drop=${(e: DragEvent) => {
        e.preventDefault();
        options.onPick(e.dataTransfer?.files?.[0] ?? null);
      }}
    >
      <reel-icon name="upload"></reel-icon>
      <strong>${file ? file.name : options.label}</strong>
      <span>${file ? mb(file.size) : options.hint}</span>
      <input
        type="file"
        name="file"
        accept=${options.accept}
        ?disabled=${options.disabled}
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(e: Event) => options.onPick((e.target as HTMLInputElement).files?.[0] ?? null)}
      />
    </label>
    ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}`;
}

/** Upload progress: bytes sent of the total. */
export function progressView(sent: number, total: number, label = msg('Uploading', { id: 'admin.source.uploading' })) {
  if (!total) return nothing;
  const pct = Math.floor((sent / total) * 100);
  return html`<div class="progress">
    <div class="progress-head"><strong>${label}</strong><span>${mb(sent)} / ${mb(total)} · ${pct}%</span></div>
    <reel-progress-bar .value=${pct} label=${msg('Upload progress', { id: 'admin.video.progress' })} value-text=${`${pct}%`}></reel-progress-bar>
  </div>`;
}

/**
 * Sends a file to a tus 1.0 upload URL in chunks (PATCH with `Upload-Offset`). A dropped
 * connection or a 5xx is retried after asking the server for its offset (HEAD), so the upload
 * carries on from the last byte received.
 */
export async function tusSend(
  file: File,
  url: string,
  token: () => Promise<string | null>,
  onProgress: (sent: number, total: number) => void,
  chunkSize = 8 * 1024 * 1024,
): Promise<void> {
  const target = new URL(url, location.origin).href;
  const headers = async (extra: Record<string, string> = {}) => {
    const t = await token();
    return { 'tus-resumable': '1.0.0', ...(t ? { authorization: `Bearer ${t}` } : {}), ...extra };
  };
  const offsetNow = async (): Promise<number> => {
    const res = await fetch(target, { method: 'HEAD', headers: await headers() });
    if (!res.ok) throw new Error(`The upload cannot continue (${res.status})`);
    return Number(res.headers.get('upload-offset') ?? 0);
  };
  let offset = await offsetNow();
  let failures = 0;
  onProgress(offset, file.size);
  while (offset < file.size) {
    const chunk = file.slice(offset, offset + chunkSize);
    let res: Response | null = null;
    try {
      res = await fetch(target, {
        method: 'PATCH',
        headers: await headers({ 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }),
        body: chunk,
      });
    } catch {
      res = null;
    }
    if (res && res.status === 204) {
      offset = Number(res.headers.get('upload-offset') ?? offset + chunk.size);
      failures = 0;
      onProgress(offset, file.size);
      continue;
    }
    if (res && res.status !== 409 && res.status < 500) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `The upload was refused (${res.status})`);
    }
    if (++failures > 5) throw new Error('The connection keeps dropping: try again later');
    await pause(1000 * failures);
    offset = await offsetNow();
  }
}

/** Waits `ms`. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
