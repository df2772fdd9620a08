import { auth } from '@reel/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.js';
import { handle } from '../http/route.js';
import { originOf } from '../services/audit.js';
import { accountServices } from '../services/auth.js';
import type { ClientContext } from '../services/client-info.js';
import { locate, parseUserAgent } from '../services/client-info.js';
import { emailServices } from '../services/email-services.js';
import type { SessionGrant } from '../services/sessions.js';

/** The code of a refresh that cannot continue (no cookie, unknown, expired, revoked or reused token). */
export const SESSION_EXPIRED = 'session_expired';

/** The refresh token's cookie: httpOnly, sent only to the auth routes. */
export const REFRESH_COOKIE = 'reel_refresh';
/** The browser's device key: long-lived, so the device is recognised (and trusted) next time. */
export const DEVICE_COOKIE = 'reel_device';
const AUTH_COOKIE_PATH = '/api/v1/auth';
/** Browsers cap cookie lifetimes at 400 days. */
const DEVICE_COOKIE_MAX_AGE = 400 * 86_400;

/**
 * Cookie attributes. SameSite=Strict: the cookies are only ever needed by `fetch` from Reel's own
 * pages (same-site, which Strict allows), never on a navigation from another site, and partner
 * embeds use playback tokens, not these cookies — so Strict costs nothing and also keeps other
 * sites from triggering a refresh or a sign-out with the user's cookie. Secure whenever the
 * site is served over https (plain http only on a developer's loopback).
 */
function cookieOptions(app: FastifyInstance, request: FastifyRequest) {
  return {
    path: AUTH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.publicOrigin.startsWith('https:') || request.protocol === 'https',
  };
}

/** Sets the refresh cookie (and the device cookie) of a session just started or rotated. */
export function setSessionCookies(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  grant: SessionGrant,
  browserKey?: string,
): void {
  const options = cookieOptions(app, request);
  reply.setCookie(REFRESH_COOKIE, grant.refreshToken, { ...options, expires: grant.refreshExpiresAt });
  if (browserKey && request.cookies[DEVICE_COOKIE] !== browserKey) {
    reply.setCookie(DEVICE_COOKIE, browserKey, { ...options, maxAge: DEVICE_COOKIE_MAX_AGE });
  }
  // Token answers must not be cached anywhere (RFC 6749 §5.1).
  reply.header('cache-control', 'no-store');
  reply.header('pragma', 'no-cache');
}

/** Clears the refresh cookie (the device cookie stays: it only names the browser). */
export function clearSessionCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(app, request));
}

/** Who is calling: address, browser, approximate place and device key. */
export function clientOf(request: FastifyRequest): ClientContext {
  const userAgent = request.headers['user-agent'] ?? '';
  return {
    ip: request.ip,
    userAgent,
    device: parseUserAgent(userAgent),
    location: locate(request.ip),
    browserKey: request.cookies[DEVICE_COOKIE] ?? null,
  };
}

/** The caller of a session route, as the services take it. */
export const callerOf = (principal: { userId: string; sessionId: string; profileId: string | null }) => ({
  userId: principal.userId,
  sessionId: principal.sessionId,
  profileId: principal.profileId,
});

/** Sign-up, sign-in and its MFA step, refresh, sign-out, me, re-auth and password change (§17–§20). */
export function registerAuthRoutes(app: FastifyInstance): void {
  const service = () => accountServices(app);

  handle(app, auth.register, async ({ body, request, reply }) => {
    const client = clientOf(request);
    const signedIn = await service().register(body, client);
    setSessionCookies(app, request, reply, signedIn.grant, signedIn.browserKey);
    // The verification email; an account is not refused because the mail server is down (the
    // banner's resend sends it again).
    await emailServices(app)
      .verification.send(signedIn.response.user.id, originOf(client))
      .catch((error: unknown) => request.log.error({ err: error }, 'the verification email was not sent'));
    return signedIn.response;
  });

  handle(app, auth.login, async ({ body, request, reply }) => {
    const result = await service().login(body, clientOf(request));
    reply.header('cache-control', 'no-store');
    if (result.kind === 'mfa') return result.challenge;
    setSessionCookies(app, request, reply, result.signedIn.grant, result.signedIn.browserKey);
    return result.signedIn.response;
  });

  handle(app, auth.loginMfa, async ({ body, request, reply }) => {
    // `method` may be left out: the field sent says which (see the contract's AuthLoginMfaBody).
    const answer =
      'code' in body
        ? { ...body, method: 'totp' as const }
        : { ...body, method: 'backup_code' as const, backup_code: body.backup_code };
    const signedIn = await service().loginMfa(answer, clientOf(request));
    setSessionCookies(app, request, reply, signedIn.grant, signedIn.browserKey);
    return signedIn.response;
  });

  handle(app, auth.refresh, async ({ request, reply }) => {
    const token = request.cookies[REFRESH_COOKIE];
    // Not the guard's `unauthenticated`: the route is public; the session itself is gone.
    if (!token) throw new HttpError(401, SESSION_EXPIRED, 'There is no session to refresh: sign in');
    const refreshed = await service().refresh(token, clientOf(request));
    if (!refreshed) {
      clearSessionCookie(app, request, reply);
      throw new HttpError(401, SESSION_EXPIRED, 'This session has ended: sign in again');
    }
    setSessionCookies(app, request, reply, refreshed.grant);
    return refreshed.response;
  });

  handle(app, auth.logout, async ({ principal, request, reply }) => {
    await service().logout(request.cookies[REFRESH_COOKIE], principal ? callerOf(principal) : null, clientOf(request));
    clearSessionCookie(app, request, reply);
  });

  handle(app, auth.me, async ({ principal }) => service().userView(principal.userId, principal.profileId));

  handle(app, auth.reauth, async ({ principal, body, request }) =>
    service().reauth(callerOf(principal), body, clientOf(request)),
  );

  handle(app, auth.changePassword, async ({ principal, body, request }) =>
    service().changePassword(callerOf(principal), body, clientOf(request)),
  );
}
