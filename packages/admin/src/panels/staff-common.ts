import { msg } from '@lit/localize';
import type { ReelConfirmDialog } from '@reel/ui';
import { css, html, nothing } from 'lit';
import { AdminPanel } from '../panel.js';

/** What a confirmation asks: heading, explanation and the confirm button's label. */
export interface Confirmation {
  heading: string;
  message: string;
  label: string;
  danger?: boolean;
}

/** A date and time in the reader's locale, or an em dash. */
export const when = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** "3 min ago", "2 days ago" (or the date after a month). */
export function ago(iso: string | null | undefined): string {
  if (!iso) return msg('Never', { id: 'admin.platform.never' });
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return new Date(iso).toLocaleDateString();
}

/** Styles the platform panels (staff, permissions, API keys, JWKS) share. */
export const platformStyles = css`
  .stack {
    display: grid;
    gap: var(--reel-space-4);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-1);
  }
  .who {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .who strong {
    font-weight: var(--reel-font-weight-semibold);
    overflow-wrap: anywhere;
  }
  .who span {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    overflow-wrap: anywhere;
  }
  .detail-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: start;
    gap: var(--reel-space-3);
    margin-block-end: var(--reel-space-4);
  }
  dl.facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr));
    gap: var(--reel-space-3) var(--reel-space-5);
    margin: 0 0 var(--reel-space-4);
  }
  dl.facts dt {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  dl.facts dd {
    margin: 2px 0 0;
    overflow-wrap: anywhere;
  }
  fieldset.choices {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  fieldset.choices legend {
    font-weight: var(--reel-font-weight-semibold);
    margin-block-end: var(--reel-space-2);
    padding: 0;
  }
  .choice-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: var(--reel-space-2) var(--reel-space-4);
  }
  .hint {
    display: block;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs);
  }
  .dialog-form {
    display: grid;
    gap: var(--reel-space-4);
  }
`;

/**
 * A platform panel: an {@link AdminPanel} with one confirmation dialog (a @reel/ui dialog, never
 * `window.confirm`) that {@link PlatformPanel.confirm} fills and awaits.
 */
export class PlatformPanel extends AdminPanel {
  private confirmation: Confirmation | null = null;

  /** Asks a question in the confirmation dialog; resolves whether the person confirmed. */
  protected async confirm(c: Confirmation): Promise<boolean> {
    this.confirmation = c;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('reel-confirm-dialog.platform-confirm') as ReelConfirmDialog | null;
    return dialog ? dialog.ask() : false;
  }

  /** The confirmation dialog; render it once in the panel. */
  protected renderConfirm() {
    const c = this.confirmation;
    return html`<reel-confirm-dialog
      class="platform-confirm"
      ?danger=${c?.danger ?? true}
      heading=${c?.heading ?? ''}
      confirm-label=${c?.label ?? msg('Confirm', { id: 'admin.platform.confirm' })}
    >${c ? c.message : nothing}</reel-confirm-dialog>`;
  }
}
