import { createContext } from '@lit/context';
import type { Transport } from '@reel/client';
import type { User } from '@reel/contracts';
import type { MfaAnswer, SignInCredentials, SignInResult, SignUpDetails } from './session-controller.js';

/**
 * Where an element runs: the main `site` (a user session, refresh cookie) or an `embed` on a
 * partner page (a playback token or public data only: no password form, no cookie).
 */
export type SessionMode = 'site' | 'embed';

/** The session as elements see it. A new object is provided on every change. */
export interface Session {
  /** `loading` until the provider knows whether a refresh cookie signs the user in. */
  readonly status: 'loading' | 'signed-out' | 'signed-in';
  readonly user: User | null;
  /** The active profile, when one is chosen. */
  readonly profileId: string | null;
  readonly mode: SessionMode;
  readonly apiBase: string;
  /** The API client of this session (token, refresh on 401, re-auth prompt). */
  readonly client: Transport;
  /**
   * The current access token (refreshed when about to expire), for code that talks to the API
   * without `client` (the player's media engine); null when signed out or embedded.
   */
  accessToken?(): Promise<string | null>;
  /** Signs out everywhere on this browser (every tab). */
  signOut(): Promise<void>;
  /** Makes `profileId` active for every element at once; `pin` for a protected profile. */
  switchProfile(profileId: string, pin?: string): Promise<void>;
  /**
   * Signs in with email and password: the whole page (and every tab) follows. Resolves
   * `{ status: 'mfa-required', challenge }` when the account asks for a second step; rejects with
   * the server's `ApiError` otherwise (401 `invalid_credentials`, 429 …).
   */
  signIn(credentials: SignInCredentials): Promise<SignInResult>;
  /** Finishes an MFA sign-in with a TOTP code or a backup code. */
  completeMfa(answer: MfaAnswer): Promise<User>;
  /** Creates an account and signs it in. */
  signUp(details: SignUpDetails): Promise<User>;
  /** Replaces the session after a sign-in flow got tokens (`POST /auth/login`, register, MFA). */
  acceptTokens(tokens: { access_token: string; expires_in: number; user: User }): void;
}

// Context keys are `Symbol.for(...)`: separately built bundles on one page (each with its own
// copy of @lit/context) find the same provider, because the registry of Symbol.for is global.

/** The session: user, active profile, client. Provided by `<reel-auth-provider>`. */
export const sessionContext = createContext<Session | undefined>(Symbol.for('reel.auth'));

/** The API client alone, for elements that need no user (public catalog data). */
export const clientContext = createContext<Transport | undefined>(Symbol.for('reel.client'));
