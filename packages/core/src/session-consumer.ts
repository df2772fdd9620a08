import { ContextConsumer } from '@lit/context';
import { createTransport, type Transport } from '@reel/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Session, sessionContext } from './contexts.js';

/** An element that can work without a provider: from its own `api-base` (and playback token). */
export type SessionHost = ReactiveControllerHost &
  HTMLElement & {
    apiBase?: string | null;
    playbackToken?: string | null;
  };

/**
 * Gives an element the session and API client of the `<reel-auth-provider>` above it, re-rendering
 * it when the session changes (sign-in, sign-out, profile switch). Outside any provider it builds a
 * client from the element's own `api-base` (default `/api/v1`) and `playback-token`, without
 * cookies, so the element still works — with public data or the token — and never throws.
 *
 * @example
 * class ReelRail extends ReelElement {
 *   private readonly api = new SessionConsumer(this);
 *   // this.api.client, this.api.session?.profileId
 * }
 */
export class SessionConsumer implements ReactiveController {
  /** The provider's session; undefined outside any provider. */
  session: Session | undefined;
  private standalone: { key: string; client: Transport } | null = null;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
    new ContextConsumer(host, {
      context: sessionContext,
      subscribe: true,
      callback: (session) => {
        this.session = session;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {}

  /** The API client: the provider's, or one of the element's own. */
  get client(): Transport {
    if (this.session) return this.session.client;
    const base = this.host.apiBase || '/api/v1';
    const token = this.host.playbackToken ?? '';
    const key = `${base}\n${token}`;
    if (this.standalone?.key !== key) {
      this.standalone = {
        key,
        client: createTransport({
          baseUrl: base,
          credentials: 'omit',
          headers: (): Record<string, string> =>
            this.host.playbackToken ? { 'x-playback-token': this.host.playbackToken } : {},
        }),
      };
    }
    return this.standalone.client;
  }

  /** True once a provider reports a signed-in user. */
  get signedIn(): boolean {
    return this.session?.status === 'signed-in';
  }

  /** The active profile, when one is chosen. */
  get profileId(): string | null {
    return this.session?.profileId ?? null;
  }
}
