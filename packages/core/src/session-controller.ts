import { ApiError, type ClientOptions, createTransport, type Transport } from '@reel/client';
import {
  authLogin,
  authLoginMfa,
  authRegister,
  type BodyOf,
  type MfaChallenge,
  type TokenResponse,
  type User,
} from '@reel/contracts';

/** What the controller tells its owner (the provider) whenever the session changes. */
export interface SessionSnapshot {
  status: 'loading' | 'signed-out' | 'signed-in';
  user: User | null;
  profileId: string | null;
}

export interface SessionControllerOptions {
  apiBase: string;
  /** Asks the user to confirm who they are (password or code); resolves once re-authenticated. */
  reauthenticate?: (client: Transport) => Promise<boolean>;
  onChange: (snapshot: SessionSnapshot) => void;
  fetch?: typeof fetch;
  /** Refresh this long before the access token expires. */
  refreshLeadSeconds?: number;
}

/** What a sign-in with email and password led to: signed in, or the MFA step is next. */
export type SignInResult = { status: 'signed-in'; user: User } | { status: 'mfa-required'; challenge: MfaChallenge };

/** `POST /auth/login`'s body. */
export type SignInCredentials = BodyOf<typeof authLogin>;
/** `POST /auth/login/mfa`'s body (a TOTP code or a backup code, with the challenge's token). */
export type MfaAnswer = BodyOf<typeof authLoginMfa>;
/** `POST /auth/register`'s body. */
export type SignUpDetails = BodyOf<typeof authRegister>;

const LOCK = 'reel.session.refresh';
const CHANNEL = 'reel.session';

type ChannelMessage =
  | { type: 'signed-out' }
  | { type: 'signed-in'; userId: string }
  | { type: 'refreshed'; at: number }
  | { type: 'profile'; profileId: string };

/**
 * The site's session: the access token in memory, the refresh token in an httpOnly cookie the
 * page never sees. Refreshes are single-flight in the page (one promise however many callers)
 * and across tabs (the Web Locks API), because refresh tokens rotate: two tabs refreshing at once
 * with the same cookie would look like token theft to the server. A sign-out in one tab signs
 * every tab out (BroadcastChannel).
 */
export class SessionController {
  readonly client: Transport;
  /** For the sign-in flows: no token, no refresh on 401 (a wrong password is not an expired session). */
  private readonly publicClient: Transport;
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private channel: BroadcastChannel | null = null;
  private snapshot: SessionSnapshot = { status: 'loading', user: null, profileId: null };

  constructor(private readonly options: SessionControllerOptions) {
    const transportOptions: ClientOptions = {
      baseUrl: options.apiBase,
      credentials: 'include',
      getAccessToken: () => this.accessToken,
      onUnauthorized: () => this.refresh(),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    const base = createTransport(transportOptions);
    this.publicClient = createTransport({
      baseUrl: options.apiBase,
      credentials: 'include',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.client = {
      baseUrl: base.baseUrl,
      url: base.url,
      call: async (endpoint, call) => {
        try {
          return await base.call(endpoint, call);
        } catch (error) {
          // The server wants a fresh re-authentication: ask, then send the request again once.
          if (error instanceof ApiError && error.code === 'reauth_required' && this.options.reauthenticate) {
            if (await this.options.reauthenticate(base)) return base.call(endpoint, call);
          }
          throw error;
        }
      },
    };
  }

  get state(): SessionSnapshot {
    return this.snapshot;
  }

  /** Starts: listens to other tabs and finds out whether the refresh cookie signs the user in. */
  async start(): Promise<void> {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event: MessageEvent<ChannelMessage>) => this.onMessage(event.data);
    }
    await this.refresh();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.channel?.close();
    this.channel = null;
  }

  /**
   * Gets a new access token with the refresh cookie. Callers at the same time share one request;
   * tabs take turns through a lock. Resolves to the token, or null when signed out.
   */
  /** The current access token, refreshed first when it is about to expire (for media engines). */
  async token(): Promise<string | null> {
    if (this.accessToken && Date.now() < this.expiresAt - 15_000) return this.accessToken;
    return this.accessToken || this.snapshot.status === 'signed-in' ? this.refresh() : null;
  }

  refresh(): Promise<string | null> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<string | null> {
    const run = async () => {
      try {
        const response = await (this.options.fetch ?? fetch)(`${this.client.baseUrl}/auth/refresh`, {
          method: 'POST',
          credentials: 'include',
          headers: { accept: 'application/json' },
        });
        if (response.status === 401 || response.status === 403) {
          this.clear('signed-out');
          return null;
        }
        if (!response.ok) throw new Error(`refresh failed with ${response.status}`);
        const body = (await response.json()) as { access_token: string; expires_in: number; user: User };
        this.accept(body);
        this.channel?.postMessage({ type: 'refreshed', at: Date.now() } satisfies ChannelMessage);
        return body.access_token;
      } catch (error) {
        // A network failure is not a sign-out: keep the state, try again later.
        if (this.snapshot.status === 'loading') this.set({ status: 'signed-out', user: null, profileId: null });
        this.schedule(15);
        throw error;
      }
    };
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks ? locks.request(LOCK, run) : run();
  }

  /** Takes tokens from a sign-in flow or a refresh. */
  accept(tokens: { access_token: string; expires_in: number; user: User }): void {
    this.accessToken = tokens.access_token;
    this.expiresAt = Date.now() + tokens.expires_in * 1000;
    this.set({ status: 'signed-in', user: tokens.user, profileId: tokens.user.active_profile_id });
    this.schedule(Math.max(5, tokens.expires_in - (this.options.refreshLeadSeconds ?? 60)));
  }

  /**
   * Signs in with email and password. Signed in: the session changes here and in every other tab
   * (they refresh with the new cookie). With MFA on: resolves the challenge for {@link completeMfa}.
   * A wrong password rejects with the server's `ApiError` (401 `invalid_credentials`).
   */
  async signIn(credentials: SignInCredentials): Promise<SignInResult> {
    const answer = await this.publicClient.call(authLogin, { body: credentials });
    if ('mfa_required' in answer) return { status: 'mfa-required', challenge: answer };
    this.signedIn(answer);
    return { status: 'signed-in', user: answer.user };
  }

  /** The MFA step of a sign-in: a TOTP code or a backup code with the challenge's `mfa_token`. */
  async completeMfa(answer: MfaAnswer): Promise<User> {
    const tokens = await this.publicClient.call(authLoginMfa, { body: answer });
    this.signedIn(tokens);
    return tokens.user;
  }

  /** Creates an account and signs it in (every tab follows). */
  async signUp(details: SignUpDetails): Promise<User> {
    const tokens = await this.publicClient.call(authRegister, { body: details });
    this.signedIn(tokens);
    return tokens.user;
  }

  private signedIn(tokens: TokenResponse): void {
    this.accept(tokens);
    this.channel?.postMessage({ type: 'signed-in', userId: tokens.user.id } satisfies ChannelMessage);
  }

  /** Signs out here and in every other tab. */
  async signOut(): Promise<void> {
    try {
      await (this.options.fetch ?? fetch)(`${this.client.baseUrl}/auth/logout`, {
        method: 'POST',
        credentials: 'include',
        headers: this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {},
      });
    } finally {
      this.clear('signed-out');
      this.channel?.postMessage({ type: 'signed-out' } satisfies ChannelMessage);
    }
  }

  /** Tells other tabs that the active profile changed (they refresh to follow). */
  announceProfile(profileId: string): void {
    this.channel?.postMessage({ type: 'profile', profileId } satisfies ChannelMessage);
  }

  private onMessage(message: ChannelMessage): void {
    if (message.type === 'signed-out') this.clear('signed-out');
    else if (message.type === 'signed-in' && message.userId !== this.snapshot.user?.id)
      void this.refresh().catch(() => {});
    else if (message.type === 'profile' && message.profileId !== this.snapshot.profileId)
      void this.refresh().catch(() => {});
  }

  private schedule(seconds: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => {}), seconds * 1000);
  }

  private clear(status: 'signed-out'): void {
    clearTimeout(this.timer);
    this.accessToken = null;
    this.expiresAt = 0;
    this.set({ status, user: null, profileId: null });
  }

  private set(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    this.options.onChange(snapshot);
  }

  /** Seconds until the access token expires (0 when there is none). */
  get expiresIn(): number {
    return Math.max(0, Math.round((this.expiresAt - Date.now()) / 1000));
  }
}
