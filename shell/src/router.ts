// The single-spa side of the shell: one application per route of the table (plus "not found" and
// "forbidden"), active when the guards say so; guard redirects; the route's element in an isolated
// <reel-route-view>; title, focus, announcement and scroll after each navigation.
import { type LifeCycles, registerApplication, start, triggerAppChange } from 'single-spa';
import type { ModuleLoader } from './load-module.js';
import type { ReelRouteView } from './reel-route-view.js';
import type { StatusKind } from './reel-status-page.js';
import { type Resolution, resolve, routeAttributes, type SessionFacts } from './resolve.js';
import { type RouteDefinition, routes } from './routes.js';

export interface RouterOptions {
  /** Where route views are mounted (inside `<main>`). */
  outlet: HTMLElement;
  /** The session as the guards see it, now. */
  session: () => SessionFacts;
  /** How element packages are loaded (the import map by default). */
  loader?: ModuleLoader;
  /** After every routing: what the URL resolved to (the layout follows it). */
  onResolved?: (resolution: Resolution, url: URL) => void;
  /** After the route's application is mounted (not for redirects). */
  onRouted?: (resolution: Resolution, url: URL, first: boolean) => void;
}

export interface Router {
  /** What the current URL shows. */
  current(): Resolution;
  /** Runs the guards again (the session changed). */
  reevaluate(): void;
}

const here = () => new URL(location.href);

/** The lifecycles of a route's application: a <reel-route-view> that loads and shows its element. */
function routeApplication(route: RouteDefinition, options: RouterOptions, current: () => Resolution): LifeCycles {
  let view: ReelRouteView | null = null;
  const sync = () => {
    const resolution = current();
    if (!view || resolution.kind !== 'route' || resolution.route !== route) return;
    view.values = routeAttributes(route, resolution.values);
    view.pageTitle = route.title();
  };
  return {
    bootstrap: async () => {},
    mount: async () => {
      view = document.createElement('reel-route-view');
      view.module = route.module;
      view.tag = route.tag;
      view.overlay = route.overlay ?? false;
      view.dataset.route = route.name;
      if (options.loader) view.loader = options.loader;
      sync();
      options.outlet.append(view);
      window.addEventListener('single-spa:routing-event', sync);
    },
    unmount: async () => {
      window.removeEventListener('single-spa:routing-event', sync);
      view?.remove();
      view = null;
    },
  };
}

/** The shell's own pages (not found, forbidden). */
function statusApplication(kind: StatusKind, outlet: HTMLElement): LifeCycles {
  let page: HTMLElement | null = null;
  return {
    bootstrap: async () => {},
    mount: async () => {
      page = document.createElement('reel-status-page');
      page.setAttribute('kind', kind);
      page.dataset.route = `shell:${kind}`;
      outlet.append(page);
    },
    unmount: async () => {
      page?.remove();
      page = null;
    },
  };
}

/** Registers the route table with single-spa and starts it. */
export function startRouter(options: RouterOptions): Router {
  const current = () => resolve(here(), options.session());
  const activeRoute = (route: RouteDefinition) => () => {
    const r = current();
    return r.kind === 'route' && r.route === route;
  };
  for (const route of routes) {
    registerApplication({
      name: `route:${route.name}`,
      app: async () => routeApplication(route, options, current),
      activeWhen: activeRoute(route),
    });
  }
  registerApplication({
    name: 'shell:not-found',
    app: async () => statusApplication('not-found', options.outlet),
    activeWhen: () => current().kind === 'not-found',
  });
  registerApplication({
    name: 'shell:forbidden',
    app: async () => statusApplication('forbidden', options.outlet),
    activeWhen: () => current().kind === 'forbidden',
  });

  // Guards: a redirect replaces the URL before anything mounts (no application is active for a
  // URL that redirects), and single-spa routes again to the new one.
  const redirectIfNeeded = (): boolean => {
    const r = current();
    if (r.kind !== 'redirect') return false;
    history.replaceState({ ...(history.state ?? {}) }, '', r.to);
    return true;
  };
  let first = true;
  window.addEventListener('single-spa:before-routing-event', () => {
    if (redirectIfNeeded()) return;
    options.onResolved?.(current(), here());
  });
  window.addEventListener('single-spa:routing-event', () => {
    const r = current();
    if (r.kind === 'redirect' || r.kind === 'wait') return;
    options.onRouted?.(r, here(), first);
    first = false;
  });

  if (!redirectIfNeeded()) options.onResolved?.(current(), here());
  start({ urlRerouteOnly: true });
  return {
    current,
    reevaluate() {
      if (redirectIfNeeded()) return;
      options.onResolved?.(current(), here());
      void triggerAppChange();
    },
  };
}
