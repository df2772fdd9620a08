// Heavier, rarely used parts of the player, loaded on first use: the stats-for-nerds overlay, the
// keyboard shortcuts dialog, the report-a-problem dialog and the end-of-session summary.
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { bitrate, clock } from './format.js';
import { icon } from './icons.js';
import type { ReelPlayer } from './reel-player.js';

type Dialog = 'report' | 'shortcuts';

interface PanelUi {
  dialog?: Dialog | null;
  stats?: boolean;
  debug?: Record<string, unknown> | null;
  debugFor?: string;
  summary?: Record<string, unknown> | null;
  report?: { category: string; text: string; state: 'idle' | 'sending' | 'sent' | 'failed' };
  opener?: HTMLElement | null;
}

const ui = (p: ReelPlayer) => p.ui as PanelUi;

const CATEGORIES: [string, () => string][] = [
  ['video', () => msg('Picture', { id: 'player.report.video' })],
  ['audio', () => msg('Sound', { id: 'player.report.audio' })],
  ['subtitles', () => msg('Subtitles or captions', { id: 'player.report.subtitles' })],
  ['audio_sync', () => msg('Sound out of sync', { id: 'player.report.sync' })],
  ['buffering', () => msg('Buffering or loading', { id: 'player.report.buffering' })],
  ['quality', () => msg('Poor quality', { id: 'player.report.quality' })],
  ['playback_error', () => msg('An error stopped playback', { id: 'player.report.error' })],
  ['wrong_content', () => msg('Wrong title or episode', { id: 'player.report.wrong' })],
  ['other', () => msg('Something else', { id: 'player.report.other' })],
];

const SHORTCUTS: [string, () => string][] = [
  ['Space / K', () => msg('Play or pause', { id: 'player.keys.play' })],
  ['F', () => msg('Full screen', { id: 'player.fullscreen' })],
  ['M', () => msg('Mute', { id: 'player.mute' })],
  ['C', () => msg('Subtitles on or off', { id: 'player.keys.captions' })],
  ['I', () => msg('Picture in picture', { id: 'player.pip' })],
  ['S', () => msg('Skip intro, recap or credits', { id: 'player.keys.skip' })],
  ['← / →', () => msg('Back or forward 5 seconds', { id: 'player.keys.seek5' })],
  ['J / L', () => msg('Back or forward 10 seconds', { id: 'player.keys.seek10' })],
  ['↑ / ↓', () => msg('Volume up or down', { id: 'player.keys.volume' })],
  ['0 – 9', () => msg('Jump to 0% – 90%', { id: 'player.keys.percent' })],
  ['< / >', () => msg('Slower or faster', { id: 'player.keys.speed' })],
  ['Esc', () => msg('Close a menu or leave full screen', { id: 'player.keys.escape' })],
  ['?', () => msg('This list', { id: 'player.keys.help' })],
];

let adopted = false;

/** Opens a dialog (modal, focus trapped by the platform; focus returns to the opener). */
export function openDialog(p: ReelPlayer, what: Dialog): void {
  adopt(p);
  const u = ui(p);
  u.opener = (p.shadowRoot?.activeElement as HTMLElement | null) ?? null;
  u.dialog = what;
  if (what === 'report') u.report = { category: 'video', text: '', state: 'idle' };
  p.video?.pause();
  p.requestUpdate();
  void p.updateComplete.then(() => {
    const dialog = p.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  });
}

function closeDialog(p: ReelPlayer): void {
  const u = ui(p);
  u.dialog = null;
  p.requestUpdate();
  (u.opener ?? p.stage())?.focus();
}

function adopt(p: ReelPlayer): void {
  const root = p.shadowRoot;
  if (!root || (root as { reelPanels?: boolean }).reelPanels) return;
  (root as { reelPanels?: boolean }).reelPanels = true;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet as CSSStyleSheet];
  adopted = true;
}

/** The server's half of the stats: the session as the server sees it. */
async function loadDebug(p: ReelPlayer): Promise<void> {
  const u = ui(p);
  const s = p.engine?.session;
  const client = p.session?.client;
  if (!s || !client || u.debugFor === s.session_id) return;
  u.debugFor = s.session_id;
  try {
    const { playerDebugInfo } = await import('@reel/contracts');
    u.debug = (await client.call(playerDebugInfo, { params: { id: s.session_id } })) as Record<string, unknown>;
    p.requestUpdate();
  } catch {
    u.debug = null;
  }
}

/** The end-of-session summary (`/analytics`), shown when a film (or the last episode) ends. */
export async function loadSummary(p: ReelPlayer): Promise<void> {
  adopt(p);
  const e = p.engine;
  if (!e) return;
  try {
    ui(p).summary = (await e.analytics()) as Record<string, unknown>;
    p.requestUpdate();
  } catch {
    // No summary: the end screen is the paused last frame.
  }
}

function renderStats(p: ReelPlayer): TemplateResult {
  const e = p.engine;
  if (!e) return html``;
  adopt(p);
  void loadDebug(p);
  const st = e.stats();
  const d = ui(p).debug;
  const rows: [string, string][] = [
    [msg('Session', { id: 'player.stats.session' }), st.sessionId],
    [msg('Resolution', { id: 'player.stats.resolution' }), st.resolution || '—'],
    [msg('Bitrate', { id: 'player.stats.bitrate' }), bitrate(st.bitrate)],
    [msg('Level', { id: 'player.stats.level' }), `${st.level}${e.autoLevel ? ' (auto)' : ''}`],
    [msg('Buffer', { id: 'player.stats.buffer' }), `${st.bufferLength.toFixed(1)} s`],
    [msg('Bandwidth estimate', { id: 'player.stats.bandwidth' }), bitrate(st.bandwidthEstimate)],
    [msg('Dropped frames', { id: 'player.stats.dropped' }), String(st.droppedFrames)],
    [msg('Errors', { id: 'player.stats.errors' }), st.errors.length ? st.errors.slice(-3).join(', ') : '0'],
  ];
  if (d) {
    rows.push([msg('Server status', { id: 'player.stats.status' }), String(d.status ?? '')]);
    if (d.last_heartbeat_at)
      rows.push([msg('Last heartbeat', { id: 'player.stats.heartbeat' }), String(d.last_heartbeat_at)]);
  }
  return html`<aside class="stats" aria-label=${msg('Stats for nerds', { id: 'player.stats' })}>
    <button
      class="x"
      aria-label=${msg('Close stats', { id: 'player.stats.close' })}
      @click=${() => {
        ui(p).stats = false;
        p.requestUpdate();
      }}
    >
      ${icon('close')}
    </button>
    <dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
  </aside>`;
}

function renderReport(p: ReelPlayer): TemplateResult {
  const u = ui(p);
  const r = u.report ?? { category: 'video', text: '', state: 'idle' };
  const send = async (ev: Event) => {
    ev.preventDefault();
    if (!p.engine || r.state === 'sending') return;
    r.state = 'sending';
    p.requestUpdate();
    try {
      await p.engine.reportIssue(r.category, r.text);
      r.state = 'sent';
    } catch {
      r.state = 'failed';
    }
    p.requestUpdate();
  };
  return html`<h2 id="dlg-h">${msg('Report a problem', { id: 'player.report' })}</h2>
    ${
      r.state === 'sent'
        ? html`<p role="status">${msg('Thanks — we’ve got it, with what the player saw.', { id: 'player.report.sent' })}</p>
            <div class="actions"><button class="btn" @click=${() => closeDialog(p)}>${msg('Done', { id: 'player.done' })}</button></div>`
        : html`<form @submit=${send}>
            <fieldset>
              <legend>${msg('What’s wrong?', { id: 'player.report.what' })}</legend>
              ${CATEGORIES.map(
                ([value, label]) => html`<label class="radio">
                  <input
                    type="radio"
                    name="category"
                    .value=${value}
                    .checked=${r.category === value}
                    @change=${() => {
                      r.category = value;
                    }}
                  />${label()}
                </label>`,
              )}
            </fieldset>
            <label class="field"
              >${msg('Details (optional)', { id: 'player.report.details' })}
              <textarea
                maxlength="2000"
                rows="3"
                .value=${r.text}
                @input=${(e: Event) => {
                  r.text = (e.target as HTMLTextAreaElement).value;
                }}
              ></textarea>
            </label>
            <p class="hint">${msg('A snapshot of the player’s state is sent with your report.', { id: 'player.report.hint' })}</p>
            ${r.state === 'failed' ? html`<p role="alert" class="bad">${msg('Could not send the report. Try again.', { id: 'player.report.failed' })}</p>` : nothing}
            <div class="actions">
              <button type="button" class="btn ghost" @click=${() => closeDialog(p)}>${msg('Cancel', { id: 'player.next.cancel' })}</button>
              <button class="btn" ?disabled=${r.state === 'sending'}>${msg('Send report', { id: 'player.report.send' })}</button>
            </div>
          </form>`
    }`;
}

function renderShortcuts(p: ReelPlayer): TemplateResult {
  const off = p.disabledShortcuts;
  return html`<h2 id="dlg-h">${msg('Keyboard shortcuts', { id: 'player.keys' })}</h2>
    <dl class="keys">
      ${SHORTCUTS.map(
        ([keys, label]) =>
          html`<dt><kbd>${keys}</kbd></dt><dd>${label()}${
            keys
              .toLowerCase()
              .split(' / ')
              .some((k) => off.includes(k) || (k === 'space' && off.includes('space')))
              ? html` <small>${msg('(off)', { id: 'player.keys.off' })}</small>`
              : nothing
          }</dd>`,
      )}
    </dl>
    <div class="actions"><button class="btn" @click=${() => closeDialog(p)}>${msg('Close', { id: 'player.close' })}</button></div>`;
}

function renderSummary(p: ReelPlayer): TemplateResult | typeof nothing {
  const s = ui(p).summary as {
    watch_time?: number;
    startup_time_ms?: number | null;
    average_bitrate?: number | null;
    rebuffer_count?: number;
    quality_switches?: { auto: number; manual: number };
  } | null;
  if (!s) return nothing;
  return html`<section class="summary" aria-labelledby="sum-h">
    <h2 id="sum-h">${msg('Session summary', { id: 'player.summary' })}</h2>
    <dl>
      <dt>${msg('Watched', { id: 'player.summary.watched' })}</dt>
      <dd>${clock(s.watch_time ?? 0)}</dd>
      <dt>${msg('Started in', { id: 'player.summary.startup' })}</dt>
      <dd>${s.startup_time_ms != null ? `${s.startup_time_ms} ms` : '—'}</dd>
      <dt>${msg('Average bitrate', { id: 'player.summary.bitrate' })}</dt>
      <dd>${bitrate(s.average_bitrate ?? 0)}</dd>
      <dt>${msg('Rebuffers', { id: 'player.summary.rebuffers' })}</dt>
      <dd>${s.rebuffer_count ?? 0}</dd>
      <dt>${msg('Quality changes', { id: 'player.summary.switches' })}</dt>
      <dd>${msg(str`${s.quality_switches?.auto ?? 0} automatic, ${s.quality_switches?.manual ?? 0} yours`, { id: 'player.summary.switches.value' })}</dd>
    </dl>
    <button
      class="btn"
      @click=${() => {
        ui(p).summary = null;
        p.seek(0);
        void p.play();
      }}
    >
      ${msg('Watch again', { id: 'player.summary.again' })}
    </button>
  </section>`;
}

/** Everything of this module that is open right now. */
export function render(p: ReelPlayer): TemplateResult {
  const u = ui(p);
  return html`${u.stats ? renderStats(p) : nothing} ${renderSummary(p)}
  ${
    u.dialog
      ? html`<dialog
          aria-labelledby="dlg-h"
          @close=${() => {
            if (u.dialog) closeDialog(p);
          }}
          @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
        >
          ${u.dialog === 'report' ? renderReport(p) : renderShortcuts(p)}
        </dialog>`
      : nothing
  }`;
}

export const isAdopted = () => adopted;

const styles = css`
  .stats {
    position: absolute;
    top: 4.5rem;
    inset-inline-start: 1rem;
    max-width: min(24rem, calc(100% - 2rem));
    background: rgb(0 0 0 / 0.78);
    border: 1px solid rgb(255 255 255 / 0.15);
    border-radius: 6px;
    padding: 0.75rem 2.5rem 0.75rem 1rem;
    font-family: var(--reel-font-family-mono, ui-monospace, monospace);
    font-size: 0.75rem;
  }
  .stats dl,
  .summary dl,
  .keys {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .stats dt,
  .summary dt {
    color: rgb(255 255 255 / 0.65);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .x {
    position: absolute;
    top: 0.25rem;
    inset-inline-end: 0.25rem;
    width: 2rem;
    height: 2rem;
    background: none;
    border: 0;
    color: #fff;
    cursor: pointer;
    padding: 0.3rem;
  }
  dialog {
    background: #181818;
    color: #fff;
    border: 0;
    border-radius: 8px;
    width: min(32rem, calc(100vw - 2rem));
    padding: 1.5rem;
    box-shadow: 0 20px 60px rgb(0 0 0 / 0.7);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  dialog h2,
  .summary h2 {
    margin: 0 0 1rem;
    font-size: 1.375rem;
  }
  fieldset {
    border: 0;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.35rem 1rem;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  .radio {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    cursor: pointer;
  }
  input[type='radio'] {
    accent-color: var(--accent);
    width: 1.1rem;
    height: 1.1rem;
  }
  .field {
    display: grid;
    gap: 0.35rem;
    font-weight: 600;
  }
  textarea {
    font: inherit;
    font-weight: 400;
    color: #fff;
    background: #2a2a2a;
    border: 1px solid rgb(255 255 255 / 0.3);
    border-radius: 4px;
    padding: 0.5rem;
    resize: vertical;
  }
  .hint {
    color: rgb(255 255 255 / 0.65);
    font-size: 0.875rem;
  }
  .bad {
    color: #ff6b6b;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  kbd {
    font-family: inherit;
    font-weight: 700;
    background: #2f2f2f;
    border-radius: 4px;
    padding: 0.1rem 0.45rem;
    white-space: nowrap;
  }
  .summary {
    position: absolute;
    top: 50%;
    left: 50%;
    transform: translate(-50%, -50%);
    background: rgb(20 20 23 / 0.94);
    border-radius: 8px;
    padding: 1.5rem;
    width: min(24rem, calc(100% - 2rem));
  }
  .summary .btn {
    margin: 1rem 0 0;
  }
  @container reel-player (max-width: 480px) {
    fieldset {
      grid-template-columns: 1fr;
    }
  }
`;
