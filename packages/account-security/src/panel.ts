import { msg } from '@lit/localize';
import { ApiError, ContractError, NetworkError } from '@reel/client';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { toast } from '@reel/ui';
import { property } from 'lit/decorators.js';

/** What changed on the account, so the other panels of the page can catch up. */
export type SecurityArea = 'mfa' | 'password' | 'sessions' | 'devices' | 'account';

declare global {
  interface GlobalEventHandlersEventMap {
    'reel-security-change': CustomEvent<{ area: SecurityArea }>;
  }
}

/**
 * What every panel of the security page shares: the session and API client (from the
 * `<reel-auth-provider>` above, or its own `api-base`), a `refresh()` the page calls when another
 * panel changed something, and plain-language messages for failures.
 */
export abstract class SecurityPanel extends ReelElement {
  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  protected readonly api = new SessionConsumer(this);

  /** Reloads what the panel shows (after a change elsewhere on the page). */
  abstract refresh(): void;

  /** Tells the page that something changed, so the other panels reload. */
  protected changed(area: SecurityArea): void {
    emit(this, 'reel-security-change', { area });
  }

  /** A toast for the outcome of an action. */
  protected say(message: string, variant: 'success' | 'error' | 'info' = 'success'): void {
    toast({ message, variant });
  }

  /** The current session was signed out by an action: the page (and every tab) follows. */
  protected async signedOutHere(): Promise<void> {
    await this.api.session?.signOut().catch(() => {});
  }

  /** What to tell the user about a failed action (never a raw stack). */
  protected problem(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.code === 'reauth_required')
        return msg('Confirm it’s you to continue: the change was not made.', { id: 'security.error.reauth' });
      if (error.status === 423 || error.status === 429)
        return msg('Too many attempts. Wait a few minutes, then try again.', { id: 'security.error.locked' });
      return error.message;
    }
    if (error instanceof NetworkError)
      return msg('We could not reach Reel. Check your connection and try again.', { id: 'security.error.network' });
    if (error instanceof ContractError)
      return msg('Reel answered in a way this page does not understand. Try again later.', {
        id: 'security.error.contract',
      });
    return msg('Something went wrong. Try again.', { id: 'security.error.unknown' });
  }

  /** A field's message from a 4xx answer (`fields.code`), if the server named that field. */
  protected fieldProblem(error: unknown, field: string): string {
    return error instanceof ApiError ? (error.fields[field] ?? '') : '';
  }
}
