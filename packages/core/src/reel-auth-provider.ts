import { ContextProvider } from '@lit/context';
import { msg } from '@lit/localize';
import { ApiError, createTransport, type Transport } from '@reel/client';
import { authReauth, profilesSwitch, type User } from '@reel/contracts';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { clientContext, type Session, type SessionMode, sessionContext } from './contexts.js';
import { emit } from './events.js';
import { SessionController, type SessionSnapshot } from './session-controller.js';
import { hostStyles } from './theme.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-auth-provider': ReelAuthProvider;
  }
  interface GlobalEventHandlersEventMap {
    'reel-session-change': CustomEvent<{ status: Session['status']; userId: string | null; profileId: string | null }>;
  }
}

/**
 * Holds the session and provides it, with a ready API client, to every Reel element inside it
 * through `@lit/context` (keys `Symbol.for('reel.auth')` and `Symbol.for('reel.client')`, shared
 * by separately built bundles).
 *
 * On the site (`mode="site"`, the default) the access token lives in memory and is refreshed
 * through the httpOnly refresh cookie before it expires, one refresh at a time in the page and
 * across tabs; when the server asks for a fresh re-authentication, the provider asks the user
 * for their password and sends the request again. On a partner page (`mode="embed"`) it never
 * shows a password form and never sends cookies: requests carry the `playback-token`, if any.
 *
 * @summary The session and API client for every Reel element inside it.
 * @slot - The page or elements that use the session.
 * @fires reel-session-change - The user signed in or out, or switched profile.
 * @csspart reauth-dialog - The re-authentication dialog.
 * @cssproperty --reel-color-surface-raised - Background of the re-authentication dialog.
 *
 * @example
 * <reel-auth-provider api-base="/api/v1">
 *   <reel-home></reel-home>
 * </reel-auth-provider>
 */
export class ReelAuthProvider extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        background: var(--reel-color-surface-raised, #1c1b22);
        color: var(--reel-color-text, #f4f3f8);
        border: 1px solid var(--reel-color-border, #2c2b35);
        border-radius: var(--reel-radius-lg, 12px);
        padding: var(--reel-space-6, 24px);
        width: min(26rem, calc(100vw - 2rem));
        box-shadow: var(--reel-shadow-lg, 0 24px 48px rgb(0 0 0 / 0.5));
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      h2 {
        margin: 0 0 var(--reel-space-2, 8px);
        font: var(--reel-font-title, 600 1.25rem/1.3 system-ui, sans-serif);
      }
      p {
        margin: 0 0 var(--reel-space-4, 16px);
        color: var(--reel-color-text-muted, #b9b8c6);
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--reel-space-1, 4px);
      }
      input {
        box-sizing: border-box;
        width: 100%;
        font: inherit;
        padding: 10px 12px;
        border-radius: var(--reel-radius-md, 8px);
        border: 1px solid var(--reel-color-border-strong, #4a4856);
        background: var(--reel-color-surface, #141319);
        color: inherit;
      }
      input:focus-visible,
      button:focus-visible {
        outline: var(--reel-focus-ring, 2px solid #8ab4ff);
        outline-offset: 2px;
      }
      .error {
        color: var(--reel-color-danger, #ff6b6b);
        margin: var(--reel-space-2, 8px) 0 0;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: var(--reel-space-2, 8px);
        margin-top: var(--reel-space-5, 20px);
      }
      button {
        font: inherit;
        font-weight: 600;
        padding: 10px 18px;
        border-radius: var(--reel-radius-md, 8px);
        border: 1px solid transparent;
        cursor: pointer;
      }
      .primary {
        background: var(--reel-color-accent, #e50914);
        color: var(--reel-color-on-accent, #fff);
      }
      .secondary {
        background: transparent;
        color: inherit;
        border-color: var(--reel-color-border-strong, #4a4856);
      }
    `,
  ];

  /** The API base: `/api/v1` on the site, an absolute URL on a partner page. */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '/api/v1';

  /** `site` (user session, refresh cookie) or `embed` (partner page: playback token or public data). */
  @property({ reflect: true }) mode: SessionMode = 'site';

  /** On a partner page: a playback token minted by the partner's server. */
  @property({ attribute: 'playback-token' }) playbackToken: string | null = null;

  /** The session status, reflected for styling (`reel-auth-provider[status="signed-in"]`). */
  @property({ reflect: true }) status: Session['status'] = 'loading';

  @state() private reauthOpen = false;
  @state() private reauthError = '';
  @state() private reauthBusy = false;
  @query('dialog') private dialog?: HTMLDialogElement;

  private controller: SessionController | null = null;
  private embedClient: Transport | null = null;
  private reauthResolve: ((ok: boolean) => void) | null = null;
  private readonly sessionProvider = new ContextProvider(this, { context: sessionContext });
  private readonly clientProvider = new ContextProvider(this, { context: clientContext });

  override connectedCallback(): void {
    super.connectedCallback();
    this.setup();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.stop();
    this.controller = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('mode')) && this.isConnected && changed.get('apiBase') !== undefined) {
      this.controller?.stop();
      this.setup();
    }
  }

  /**
   * Refreshes the access token now (normally it happens by itself before expiry). Calls at the
   * same time share one request; tabs take turns. Resolves to whether the user is signed in.
   */
  async refresh(): Promise<boolean> {
    if (!this.controller) return false;
    return (await this.controller.refresh().catch(() => null)) !== null;
  }

  /** The current session (also what consumers receive through context). */
  get session(): Session | undefined {
    return this.sessionProvider.value;
  }

  private setup(): void {
    if (this.mode === 'embed') {
      this.controller = null;
      this.embedClient = createTransport({
        baseUrl: this.apiBase,
        credentials: 'omit',
        headers: (): Record<string, string> => (this.playbackToken ? { 'x-playback-token': this.playbackToken } : {}),
      });
      this.publish({ status: 'signed-out', user: null, profileId: null });
      return;
    }
    this.controller = new SessionController({
      apiBase: this.apiBase,
      onChange: (snapshot) => this.publish(snapshot),
      reauthenticate: () => this.askReauth(),
    });
    this.publish(this.controller.state);
    void this.controller.start().catch(() => {});
  }

  private publish(snapshot: SessionSnapshot): void {
    const previous = this.sessionProvider.value;
    const client = this.controller?.client ?? (this.embedClient as Transport);
    const session: Session = {
      ...snapshot,
      mode: this.mode,
      apiBase: this.apiBase,
      client,
      accessToken: async () => (this.controller ? this.controller.token() : null),
      signOut: async () => {
        await this.controller?.signOut();
      },
      switchProfile: (profileId, pin) => this.switchProfile(profileId, pin),
      signIn: (credentials) => this.site().signIn(credentials),
      completeMfa: (answer) => this.site().completeMfa(answer),
      signUp: (details) => this.site().signUp(details),
      acceptTokens: (tokens) => this.controller?.accept(tokens),
    };
    this.status = snapshot.status;
    this.sessionProvider.setValue(session, true);
    this.clientProvider.setValue(client);
    if (
      previous?.status !== session.status ||
      previous?.user?.id !== session.user?.id ||
      previous?.profileId !== session.profileId
    ) {
      emit(this, 'reel-session-change', {
        status: session.status,
        userId: session.user?.id ?? null,
        profileId: session.profileId,
      });
    }
  }

  /** The site's session controller; a partner page (`mode="embed"`) has none. */
  private site(): SessionController {
    if (!this.controller) throw new Error('No user session on this page (mode="embed")');
    return this.controller;
  }

  private async switchProfile(profileId: string, pin?: string): Promise<void> {
    if (!this.controller) throw new Error('No user session on this page');
    const tokens = (await this.controller.client.call(profilesSwitch, {
      params: { profile_id: profileId },
      body: pin ? { pin } : {},
    })) as { access_token: string; expires_in: number; user: User };
    this.controller.accept(tokens);
    this.controller.announceProfile(profileId);
  }

  /** Opens the re-authentication dialog; resolves true once the server accepted the password. */
  private askReauth(): Promise<boolean> {
    if (this.mode === 'embed') return Promise.resolve(false);
    this.reauthResolve?.(false);
    this.reauthError = '';
    this.reauthOpen = true;
    return new Promise<boolean>((resolve) => {
      this.reauthResolve = resolve;
      void this.updateComplete.then(() => {
        if (!this.dialog?.open) this.dialog?.showModal();
        this.dialog?.querySelector('input')?.focus();
      });
    });
  }

  private async submitReauth(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (!password || !this.controller) return;
    this.reauthBusy = true;
    this.reauthError = '';
    try {
      await this.controller.client.call(authReauth, { body: { method: 'password', password } });
      this.closeReauth(true);
    } catch (error) {
      // The form keeps what was typed; the message says why.
      this.reauthError =
        error instanceof ApiError && error.status < 500
          ? msg('That password is not right. Try again.', { id: 'core.reauth.wrong' })
          : msg('We could not check your password. Try again.', { id: 'core.reauth.failed' });
    } finally {
      this.reauthBusy = false;
    }
  }

  private closeReauth(ok: boolean): void {
    this.dialog?.close();
    this.reauthOpen = false;
    this.reauthResolve?.(ok);
    this.reauthResolve = null;
  }

  protected override render() {
    return html`<slot></slot>${
      this.reauthOpen
        ? html`<dialog part="reauth-dialog" aria-labelledby="reauth-title" @cancel=${() => this.closeReauth(false)}>
            <form @submit=${this.submitReauth}>
              <h2 id="reauth-title">${msg('Confirm it’s you', { id: 'core.reauth.title' })}</h2>
              <p>${msg('For your security, enter your password to continue.', { id: 'core.reauth.text' })}</p>
              <label for="reauth-password">${msg('Password', { id: 'core.reauth.password' })}</label>
              <input id="reauth-password" name="password" type="password" autocomplete="current-password" required aria-describedby=${this.reauthError ? 'reauth-error' : nothing} />
              ${this.reauthError ? html`<p class="error" id="reauth-error" role="alert">${this.reauthError}</p>` : nothing}
              <div class="actions">
                <button type="button" class="secondary" @click=${() => this.closeReauth(false)}>${msg('Cancel', { id: 'core.cancel' })}</button>
                <button type="submit" class="primary" ?disabled=${this.reauthBusy}>${msg('Continue', { id: 'core.continue' })}</button>
              </div>
            </form>
          </dialog>`
        : nothing
    }`;
  }
}
