import { msg } from '@lit/localize';
import type { Permission } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { type ToastOptions, toast } from '@reel/ui';
import { property } from 'lit/decorators.js';
import { panelStyles } from './styles.js';

/** What a failed call says: the server's message and its field errors. */
export interface Problem {
  message: string;
  fields: Record<string, string>;
}

/** Reads an `ApiError` (or anything thrown) into a message and field errors keyed by field path. */
export function problemOf(error: unknown): Problem {
  const e = error as { message?: string; fields?: Record<string, string> } | null;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(e?.fields ?? {})) fields[k.replace(/^body\./, '')] ??= v;
  return { message: e?.message || msg('Something went wrong', { id: 'admin.error.generic' }), fields };
}

/**
 * The base of every admin panel: the session's client, the rest of the path after the group
 * (`rest`), navigation, and the caller's permissions.
 */
export class AdminPanel extends ReelElement {
  static override styles = [panelStyles];

  /** The path after the panel's group: `ttl_123` for `/admin/titles/ttl_123`. */
  @property() rest = '';
  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  protected readonly api = new SessionConsumer(this);

  protected get client() {
    return this.api.client;
  }

  protected can(permission: Permission): boolean {
    return (this.api.session?.user?.permissions as readonly string[] | undefined)?.includes(permission) ?? false;
  }

  /** Moves the whole admin to another path (the shell routes it). */
  protected go(href: string, replace = false): void {
    emit(this, 'reel-navigate', { href, replace }, { cancelable: true });
  }

  /** Tells the admin something happened (a toast). */
  protected notify(message: string, variant: 'success' | 'danger' | 'info' = 'success'): void {
    toast({ message, variant: variant as ToastOptions['variant'] });
  }
}
