// Which route a URL shows, given the session: the route and its values, a redirect (the guards),
// "forbidden", "not found", or "wait" while the session is not known yet. Pure: no DOM, no state.
import { PROFILES_PATH, type RouteDefinition, type RouteValues, routes, SIGN_IN_PATH } from './routes.js';

/** What the guards need to know about the session. */
export interface SessionFacts {
  status: 'loading' | 'signed-in' | 'signed-out';
  /** Staff roles of the user (empty for viewers). */
  roles: readonly string[];
  profileId: string | null;
}

export type Resolution =
  | { kind: 'route'; route: RouteDefinition; values: RouteValues }
  | { kind: 'redirect'; to: string }
  | { kind: 'forbidden'; route: RouteDefinition }
  | { kind: 'not-found' }
  | { kind: 'wait'; route: RouteDefinition };

export interface RouteMatch {
  route: RouteDefinition;
  /** Path params (decoded), `rest` for a trailing `/*`. */
  params: Record<string, string>;
}

const compiled = new Map<string, RegExp>();

function pattern(path: string): RegExp {
  let re = compiled.get(path);
  if (!re) {
    const splat = path.endsWith('/*');
    const base = splat ? path.slice(0, -2) : path;
    const body = base
      .split('/')
      .map((part) =>
        part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    re = new RegExp(`^${body}${splat ? '(?:/(?<rest>.*))?' : ''}/?$`);
    compiled.set(path, re);
  }
  return re;
}

/** The first route whose path matches `pathname`, with its params. */
export function matchRoute(pathname: string, table: readonly RouteDefinition[] = routes): RouteMatch | null {
  for (const route of table) {
    const found = pattern(route.path).exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(found.groups ?? {})) {
      try {
        params[key] = decodeURIComponent(value ?? '');
      } catch {
        params[key] = value ?? '';
      }
    }
    return { route, params };
  }
  return null;
}

/** Path params plus the route's query parameters, the values its attributes come from. */
export function routeValues(match: RouteMatch, search: URLSearchParams): RouteValues {
  const values: Record<string, string> = { ...match.params };
  for (const name of match.route.query ?? []) {
    const value = search.get(name);
    if (value !== null) values[name] = value;
  }
  return values;
}

/** The element attributes of a route for its values. */
export function routeAttributes(route: RouteDefinition, values: RouteValues): Record<string, string> {
  if (typeof route.attributes === 'function') return route.attributes(values);
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(route.attributes ?? {})) {
    const value = values[from];
    if (value !== undefined && value !== '') out[to] = value;
  }
  // Query parameters without an explicit mapping keep their name.
  for (const name of route.query ?? []) {
    if (route.attributes && typeof route.attributes !== 'function' && name in route.attributes) continue;
    const value = values[name];
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

/**
 * A return URL that is safe to follow: a path on this site (not `//evil.example`, not a
 * `javascript:` URL), and not a sign-in page itself. Anything else becomes `/`.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, 'http://reel.invalid');
    if (url.origin !== 'http://reel.invalid') return '/';
    const match = matchRoute(url.pathname);
    if (match?.route.access === 'guest') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

const withNext = (path: string, url: URL) =>
  `${path}?${new URLSearchParams({ next: url.pathname + url.search + url.hash }).toString()}`;

/**
 * Decides what `url` shows for `session`:
 * - a signed-out user on a signed-in route → `/sign-in?next=<the url>`;
 * - a signed-in user without a chosen profile on a profile route → `/profiles?next=<the url>`;
 * - a signed-in user on a sign-in page → `?next=` (or home);
 * - a viewer on a staff route → forbidden.
 */
export function resolve(url: URL, session: SessionFacts): Resolution {
  const match = matchRoute(url.pathname);
  if (!match) return { kind: 'not-found' };
  const { route } = match;
  const values = routeValues(match, url.searchParams);
  const ok: Resolution = { kind: 'route', route, values };
  const { status } = session;
  switch (route.access) {
    case 'public':
      if (
        status === 'signed-in' &&
        !session.profileId &&
        route.name !== 'reset-password' &&
        route.name !== 'verify-email'
      )
        return { kind: 'redirect', to: withNext(PROFILES_PATH, url) };
      return ok;
    case 'guest':
      if (status === 'loading') return { kind: 'wait', route };
      if (status === 'signed-in') return { kind: 'redirect', to: safeNext(url.searchParams.get('next')) };
      return ok;
    case 'account':
    case 'profile':
    case 'staff':
      if (status === 'loading') return { kind: 'wait', route };
      if (status === 'signed-out') return { kind: 'redirect', to: withNext(SIGN_IN_PATH, url) };
      if (route.access === 'staff') return session.roles.length > 0 ? ok : { kind: 'forbidden', route };
      if (route.access === 'profile' && !session.profileId)
        return { kind: 'redirect', to: withNext(PROFILES_PATH, url) };
      return ok;
  }
}
