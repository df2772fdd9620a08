// The shell's entry module: the layout is in index.html (<reel-auth-provider> around
// <reel-app-shell> around <main>); this wires the route table, guards and navigation to it.
import '@reel/core/define';
import '@reel/ui/define';
import './define.js';
import { type ManagedProfile, profilesList } from '@reel/contracts';
import { bindDocumentLocale, matchLocale, type ReelAuthProvider, setLocale, startTelemetry } from '@reel/core';
import { resolveSpecifier } from './load-module.js';
import { Navigator } from './navigation.js';
import { LOCALE_KEY, type ReelAppShell, type Section } from './reel-app-shell.js';
import type { ReelRouteView } from './reel-route-view.js';
import { type Resolution, type SessionFacts, safeNext } from './resolve.js';
import { startRouter } from './router.js';
import { PROFILES_PATH } from './routes.js';
import { slots } from './slots.js';

const provider = document.querySelector('reel-auth-provider') as ReelAuthProvider;
const shell = document.querySelector('reel-app-shell') as ReelAppShell;
const main = document.querySelector('main') as HTMLElement;
const outlet = document.getElementById('reel-route') as HTMLElement;

// Errors the elements catch, uncaught ones and web vitals, for the staff's observability panel.
startTelemetry();

// Language: the user's explicit choice, else the browser's; a profile's language when one is chosen.
bindDocumentLocale();
const stored = (() => {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
})();
const initialLocale = matchLocale(stored) ?? matchLocale(navigator.languages);
if (initialLocale && initialLocale !== 'en') void setLocale(initialLocale);

const facts = (): SessionFacts => {
  const session = provider.session;
  return {
    status: session?.status ?? 'loading',
    roles: session?.user?.roles ?? [],
    profileId: session?.profileId ?? null,
  };
};

const sectionOf = (resolution: Resolution, url: URL): Section => {
  if (resolution.kind !== 'route') return '';
  const name = resolution.route.name;
  if (name === 'browse') {
    const type = url.searchParams.get('type');
    return type === 'series' ? 'series' : type === 'film' ? 'films' : '';
  }
  if (name === 'home' || name === 'anime' || name === 'my-list' || name === 'search' || name === 'downloads')
    return name;
  if (name.startsWith('account')) return 'account';
  return '';
};

const titleOf = (resolution: Resolution): string => {
  switch (resolution.kind) {
    case 'route':
      return resolution.route.name === 'home' ? 'Reel' : `${resolution.route.title()} · Reel`;
    case 'forbidden':
      return `${resolution.route.title()} · Reel`;
    case 'not-found':
      return 'Page not found · Reel';
    default:
      return document.title;
  }
};

const navigation = new Navigator();
navigation.install();

const router = startRouter({
  outlet,
  session: facts,
  onResolved(resolution, url) {
    const route =
      resolution.kind === 'route' || resolution.kind === 'wait' || resolution.kind === 'forbidden'
        ? resolution.route
        : null;
    shell.chrome = route?.chrome ?? (facts().status === 'signed-in' ? 'full' : 'minimal');
    shell.overlay = resolution.kind === 'route' && (route?.overlay ?? false);
    shell.active = sectionOf(resolution, url);
    shell.query =
      resolution.kind === 'route' && resolution.route.name === 'search' ? (url.searchParams.get('q') ?? '') : '';
    shell.waiting = resolution.kind === 'wait';
    shell.signInPage = route?.access === 'guest';
    document.title = titleOf(resolution);
  },
  onRouted(resolution, _url, first) {
    navigation.restoreScroll();
    if (first) return;
    // Move focus to the page and say which page it is (the URL changed without a load).
    main.focus({ preventScroll: true });
    const view = outlet.lastElementChild as ReelRouteView | null;
    shell.announce(resolution.kind === 'route' ? resolution.route.title() : (view?.textContent ?? document.title));
  },
});

// Session changes run the guards again: sign-out leaves signed-in pages, a chosen profile leaves the picker.
let lastProfile: string | null | undefined;
provider.addEventListener('reel-session-change', (event) => {
  const { profileId, status } = event.detail;
  const url = new URL(location.href);
  const changedProfile = lastProfile !== undefined && profileId !== null && profileId !== lastProfile;
  lastProfile = profileId;
  if (status === 'signed-in' && changedProfile) void followProfileLanguage(profileId);
  if (url.pathname === PROFILES_PATH && changedProfile) {
    navigation.navigate(safeNext(url.searchParams.get('next')), { replace: true });
    return;
  }
  router.reevaluate();
});

async function followProfileLanguage(profileId: string) {
  try {
    const list = await provider.session?.client.call(profilesList);
    const profile = list?.items.find((p: ManagedProfile) => p.id === profileId);
    const locale = matchLocale(profile?.language);
    if (locale) await setLocale(locale);
  } catch {
    // The language stays as it is.
  }
}

// The layout's own slots (notifications): loaded like routes, isolated like routes.
for (const slot of slots) {
  if (resolveSpecifier(slot.module) === null) continue;
  const view = document.createElement('reel-route-view');
  view.module = slot.module;
  view.tag = slot.tag;
  view.values = { ...slot.attributes };
  view.slot = slot.name;
  view.addEventListener('reel-route-view-state', (event) => {
    // An absent or broken notification centre leaves the bell in place.
    if (event.detail.state !== 'ready') view.remove();
  });
  shell.append(view);
}

shell.overrides = (globalThis as { __reelImportMapOverrides?: string[] }).__reelImportMapOverrides ?? [];
