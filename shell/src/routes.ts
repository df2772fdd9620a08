// The site's routes, in one place. Each route names the element package that renders it (loaded
// by URL through the import map) and the tag to create; route params become the element's
// attributes. A route whose package is not in the import map shows "coming soon".
import { msg } from '@lit/localize';

/**
 * Who may open a route.
 * - `guest`: the sign-in pages; a signed-in user is sent on (to `?next=` or home).
 * - `public`: anyone (a signed-in user without a chosen profile picks one first).
 * - `account`: signed in; no profile needed (the profile picker, account settings).
 * - `profile`: signed in with a chosen profile (everything profile-scoped).
 * - `staff`: signed in with a staff role; others see "forbidden".
 */
export type Access = 'guest' | 'public' | 'account' | 'profile' | 'staff';

/**
 * How much of the layout shows: `full` (top bar, tab bar, footer), `minimal` (logo and footer:
 * sign-in pages, the profile picker), `none` (the player).
 */
export type Chrome = 'full' | 'minimal' | 'none';

/** Route params (`:id`, and `*` as `rest`) and query parameters, by name. */
export type RouteValues = Readonly<Record<string, string>>;

export interface RouteDefinition {
  /** A stable name (used for the single-spa application, tests and analytics). */
  name: string;
  /** `/title/:id`; a trailing `/*` matches the rest of the path (as the param `rest`, maybe empty). */
  path: string;
  /** The module that registers the element: `<package>/define`, resolved through the import map. */
  module: string;
  /** The element to create. */
  tag: string;
  /** Route params and query parameters → attributes: `{ id: 'title-id' }`, or a function. */
  attributes?: Readonly<Record<string, string>> | ((values: RouteValues) => Record<string, string>);
  /** Query parameters passed on as values (`['q']` for `/search?q=`). */
  query?: readonly string[];
  access: Access;
  chrome?: Chrome;
  /** The page starts under the transparent top bar (a hero image fills the top). */
  overlay?: boolean;
  /** The page's name: the document title and what is announced on navigation. */
  title: () => string;
}

/** `/watch/:id` plays a title; `?episode=` picks one of a series' episodes, `?t=` a start time. */
const watchAttributes = (values: RouteValues): Record<string, string> => ({
  'title-id': values.id ?? '',
  ...(values.episode ? { 'episode-id': values.episode } : {}),
  ...(values.t ? { 'start-time': values.t } : {}),
});

/** The route table, matched in order (first match wins). */
// biome-ignore format: one route a line reads as a table
export const routes: readonly RouteDefinition[] = [
  // Discovery and playback
  { name: 'home', path: '/', module: '@reel/home/define', tag: 'reel-home', access: 'profile', overlay: true, title: () => msg('Home', { id: 'shell.route.home' }) },
  { name: 'browse', path: '/browse', module: '@reel/browse/define', tag: 'reel-browse', query: ['type', 'genre'], access: 'profile', title: () => msg('Browse', { id: 'shell.route.browse' }) },
  { name: 'title', path: '/title/:id', module: '@reel/title-detail/define', tag: 'reel-title-detail', attributes: { id: 'title-id' }, access: 'public', overlay: true, title: () => msg('Title', { id: 'shell.route.title' }) },
  { name: 'watch', path: '/watch/:id', module: '@reel/player/define', tag: 'reel-player', query: ['episode', 't'], attributes: watchAttributes, access: 'profile', chrome: 'none', title: () => msg('Watch', { id: 'shell.route.watch' }) },
  { name: 'search', path: '/search', module: '@reel/search/define', tag: 'reel-search', query: ['q'], attributes: { q: 'query' }, access: 'profile', title: () => msg('Search', { id: 'shell.route.search' }) },
  { name: 'person', path: '/person/:id', module: '@reel/title-detail/define', tag: 'reel-person-detail', attributes: { id: 'person-id' }, access: 'public', title: () => msg('Cast & crew', { id: 'shell.route.person' }) },
  { name: 'collection', path: '/collections/:slug', module: '@reel/title-detail/define', tag: 'reel-collection-detail', attributes: { slug: 'slug' }, access: 'public', overlay: true, title: () => msg('Collection', { id: 'shell.route.collection' }) },
  { name: 'schedule', path: '/schedule', module: '@reel/schedule/define', tag: 'reel-schedule', access: 'profile', title: () => msg('Schedule', { id: 'shell.route.schedule' }) },
  { name: 'anime', path: '/anime', module: '@reel/anime/define', tag: 'reel-anime', access: 'profile', overlay: true, title: () => msg('Anime', { id: 'shell.route.anime' }) },
  { name: 'downloads', path: '/downloads', module: '@reel/downloads/define', tag: 'reel-downloads', access: 'profile', title: () => msg('Downloads', { id: 'shell.route.downloads' }) },

  // The viewer's own data
  { name: 'my-list', path: '/my-list', module: '@reel/watchlist/define', tag: 'reel-watchlist', access: 'profile', title: () => msg('My List', { id: 'shell.route.my-list' }) },
  { name: 'shared-list', path: '/shared/my-list/:token', module: '@reel/watchlist/define', tag: 'reel-watchlist', attributes: { token: 'share-token' }, access: 'public', title: () => msg('Shared list', { id: 'shell.route.shared-list' }) },
  { name: 'history', path: '/history', module: '@reel/history/define', tag: 'reel-history', access: 'profile', title: () => msg('Viewing history', { id: 'shell.route.history' }) },
  { name: 'profiles', path: '/profiles', module: '@reel/profiles/define', tag: 'reel-profile-gate', access: 'account', chrome: 'minimal', title: () => msg('Who’s watching?', { id: 'shell.route.profiles' }) },

  // Account
  { name: 'account', path: '/account', module: '@reel/settings/define', tag: 'reel-settings', access: 'account', title: () => msg('Account', { id: 'shell.route.account' }) },
  { name: 'account-profiles', path: '/account/profiles', module: '@reel/profiles/define', tag: 'reel-profile-manager', access: 'account', title: () => msg('Manage profiles', { id: 'shell.route.account-profiles' }) },
  { name: 'account-security', path: '/account/security/*', module: '@reel/account-security/define', tag: 'reel-account-security', attributes: { rest: 'section' }, access: 'account', title: () => msg('Security', { id: 'shell.route.account-security' }) },
  { name: 'plans', path: '/plans', module: '@reel/billing/define', tag: 'reel-billing', attributes: () => ({ section: 'plans' }), access: 'public', title: () => msg('Plans', { id: 'shell.route.plans' }) },
  { name: 'account-billing', path: '/account/billing/*', module: '@reel/billing/define', tag: 'reel-billing', attributes: { rest: 'section' }, access: 'account', title: () => msg('Plan and billing', { id: 'shell.route.account-billing' }) },
  { name: 'account-insights', path: '/account/insights', module: '@reel/insights/define', tag: 'reel-insights', access: 'profile', title: () => msg('Your viewing', { id: 'shell.route.account-insights' }) },
  { name: 'account-notifications', path: '/account/notifications', module: '@reel/notifications/define', tag: 'reel-notification-center', access: 'account', title: () => msg('Notifications', { id: 'shell.route.account-notifications' }) },
  { name: 'account-settings', path: '/account/*', module: '@reel/settings/define', tag: 'reel-settings', attributes: { rest: 'section' }, access: 'account', title: () => msg('Account', { id: 'shell.route.account' }) },

  // Platform
  { name: 'admin', path: '/admin/*', module: '@reel/admin/define', tag: 'reel-admin', attributes: { rest: 'section' }, access: 'staff', title: () => msg('Admin', { id: 'shell.route.admin' }) },

  // Signing in
  { name: 'sign-in', path: '/sign-in', module: '@reel/auth/define', tag: 'reel-sign-in', access: 'guest', chrome: 'minimal', title: () => msg('Sign in', { id: 'shell.route.sign-in' }) },
  { name: 'sign-up', path: '/sign-up', module: '@reel/auth/define', tag: 'reel-sign-up', access: 'guest', chrome: 'minimal', title: () => msg('Create your account', { id: 'shell.route.sign-up' }) },
  { name: 'forgot-password', path: '/forgot-password', module: '@reel/auth/define', tag: 'reel-password-reset', access: 'guest', chrome: 'minimal', title: () => msg('Reset your password', { id: 'shell.route.forgot-password' }) },
  { name: 'reset-password', path: '/reset-password', module: '@reel/auth/define', tag: 'reel-password-reset', query: ['token'], attributes: { token: 'token' }, access: 'public', chrome: 'minimal', title: () => msg('Choose a new password', { id: 'shell.route.reset-password' }) },
  { name: 'staff-invitation', path: '/staff/invitation', module: '@reel/auth/define', tag: 'reel-staff-invitation', query: ['token'], attributes: { token: 'token' }, access: 'public', chrome: 'minimal', title: () => msg('Join the Reel admin', { id: 'shell.route.staff-invitation' }) },
  { name: 'mfa-reset', path: '/mfa-reset', module: '@reel/account-security/define', tag: 'reel-mfa-reset', query: ['token', 'action'], attributes: { token: 'token', action: 'action' }, access: 'public', chrome: 'minimal', title: () => msg('Reset two-step verification', { id: 'shell.route.mfa-reset' }) },
  { name: 'verify-email', path: '/verify-email', module: '@reel/auth/define', tag: 'reel-verify-email', query: ['token'], attributes: { token: 'token' }, access: 'public', chrome: 'minimal', title: () => msg('Verify your email', { id: 'shell.route.verify-email' }) },
];

/** Where guards send people. */
export const SIGN_IN_PATH = '/sign-in';
export const PROFILES_PATH = '/profiles';
