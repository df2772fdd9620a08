import { msg } from '@lit/localize';
import type { ReelConfirmDialog } from '@reel/ui';

export interface ConfirmOptions {
  heading: string;
  message?: string;
  confirmLabel?: string;
  /** A destructive action (red confirm button); default true. */
  danger?: boolean;
}

/**
 * Asks with a `<reel-confirm-dialog>` (focus on Cancel, Escape cancels) placed in `host`'s shadow
 * root, and resolves `true` when confirmed. The dialog is removed afterwards.
 */
export async function confirmAction(host: HTMLElement, options: ConfirmOptions): Promise<boolean> {
  const root = host.shadowRoot ?? document.body;
  const dialog = document.createElement('reel-confirm-dialog') as ReelConfirmDialog;
  dialog.heading = options.heading;
  dialog.message = options.message ?? '';
  dialog.confirmLabel = options.confirmLabel ?? msg('Delete', { id: 'admin.titles.delete' });
  dialog.danger = options.danger ?? true;
  dialog.dataset.confirm = '';
  root.append(dialog);
  await dialog.updateComplete;
  try {
    return await dialog.ask();
  } finally {
    dialog.remove();
  }
}
