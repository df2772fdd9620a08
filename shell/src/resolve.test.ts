import { expect } from '@open-wc/testing';
import { matchRoute, type Resolution, resolve, routeAttributes, type SessionFacts, safeNext } from './resolve.js';
import { routes } from './routes.js';

const signedOut: SessionFacts = { status: 'signed-out', roles: [], profileId: null };
const viewer: SessionFacts = { status: 'signed-in', roles: [], profileId: 'prf_alex' };
const noProfile: SessionFacts = { status: 'signed-in', roles: [], profileId: null };
const staff: SessionFacts = { status: 'signed-in', roles: ['admin'], profileId: 'prf_admin' };
const loading: SessionFacts = { status: 'loading', roles: [], profileId: null };

const at = (path: string, session: SessionFacts): Resolution => resolve(new URL(path, 'https://reel.test'), session);
const shows = (path: string, session: SessionFacts) => {
  const r = at(path, session);
  if (r.kind !== 'route') throw new Error(`${path} → ${r.kind}${r.kind === 'redirect' ? ` ${r.to}` : ''}`);
  return { tag: r.route.tag, module: r.route.module, attributes: routeAttributes(r.route, r.values) };
};

describe('the route table', () => {
  it('resolves every route of the issue to its element package and tag, params as attributes', () => {
    const table: [string, string, string, Record<string, string>][] = [
      ['/', '@reel/home/define', 'reel-home', {}],
      ['/browse?type=series', '@reel/browse/define', 'reel-browse', { type: 'series' }],
      ['/title/ttl_123', '@reel/title-detail/define', 'reel-title-detail', { 'title-id': 'ttl_123' }],
      ['/watch/ttl_123', '@reel/player/define', 'reel-player', { 'title-id': 'ttl_123' }],
      [
        '/watch/ttl_1?episode=ep_456&t=90',
        '@reel/player/define',
        'reel-player',
        { 'title-id': 'ttl_1', 'episode-id': 'ep_456', 'start-time': '90' },
      ],
      ['/search?q=dune', '@reel/search/define', 'reel-search', { query: 'dune' }],
      ['/my-list', '@reel/watchlist/define', 'reel-watchlist', {}],
      ['/history', '@reel/history/define', 'reel-history', {}],
      ['/schedule', '@reel/schedule/define', 'reel-schedule', {}],
      ['/anime', '@reel/anime/define', 'reel-anime', {}],
      ['/downloads', '@reel/downloads/define', 'reel-downloads', {}],
      ['/account', '@reel/settings/define', 'reel-settings', {}],
      ['/account/profiles', '@reel/profiles/define', 'reel-profile-manager', {}],
      ['/account/security/sessions', '@reel/account-security/define', 'reel-account-security', { section: 'sessions' }],
      ['/account/billing', '@reel/billing/define', 'reel-billing', {}],
      ['/account/playback', '@reel/settings/define', 'reel-settings', { section: 'playback' }],
      ['/profiles', '@reel/profiles/define', 'reel-profile-gate', {}],
      ['/person/per_9', '@reel/title-detail/define', 'reel-person-detail', { 'person-id': 'per_9' }],
      ['/collections/best-of-2024', '@reel/title-detail/define', 'reel-collection-detail', { slug: 'best-of-2024' }],
    ];
    for (const [path, module, tag, attributes] of table) {
      expect(shows(path, viewer), path).to.deep.equal({ module, tag, attributes });
    }
    expect(shows('/admin/titles/ttl_1', staff)).to.deep.equal({
      module: '@reel/admin/define',
      tag: 'reel-admin',
      attributes: { section: 'titles/ttl_1' },
    });
    for (const [path, tag] of [
      ['/sign-in', 'reel-sign-in'],
      ['/mfa-reset', 'reel-mfa-reset'],
      ['/sign-up', 'reel-sign-up'],
      ['/forgot-password', 'reel-password-reset'],
    ]) {
      expect(shows(path as string, signedOut).tag, path).to.equal(tag);
    }
    expect(shows('/reset-password?token=abc', signedOut)).to.deep.equal({
      module: '@reel/auth/define',
      tag: 'reel-password-reset',
      attributes: { token: 'abc' },
    });
    expect(shows('/verify-email?token=xyz', viewer).attributes).to.deep.equal({ token: 'xyz' });
  });

  it('decodes params, ignores a trailing slash, and knows no route for unknown paths', () => {
    expect(matchRoute('/title/a%20b')?.params).to.deep.equal({ id: 'a b' });
    expect(matchRoute('/my-list/')?.route.name).to.equal('my-list');
    expect(at('/nowhere', viewer).kind).to.equal('not-found');
    expect(at('/title', viewer).kind).to.equal('not-found');
    expect(at('/title/a/b', viewer).kind).to.equal('not-found');
  });

  it('names every route once, and every module is a package define entry', () => {
    const names = routes.map((r) => r.name);
    expect(new Set(names).size).to.equal(names.length);
    for (const route of routes) {
      expect(route.module, route.name).to.match(/^@reel\/[a-z-]+\/define$/);
      expect(route.tag, route.name).to.match(/^reel-[a-z-]+$/);
      expect(route.title(), route.name).to.be.a('string').and.not.equal('');
    }
  });
});

describe('the guards', () => {
  it('send a signed-out user to sign-in with the page to come back to', () => {
    expect(at('/my-list?sort=added#top', signedOut)).to.deep.equal({
      kind: 'redirect',
      to: `/sign-in?next=${encodeURIComponent('/my-list?sort=added#top')}`,
    });
    expect(at('/', signedOut)).to.deep.equal({ kind: 'redirect', to: '/sign-in?next=%2F' });
    expect(at('/admin/staff', signedOut)).to.deep.equal({ kind: 'redirect', to: '/sign-in?next=%2Fadmin%2Fstaff' });
  });

  it('send a signed-in user back from the sign-in pages, to a safe return URL only', () => {
    expect(at('/sign-in?next=%2Fmy-list', viewer)).to.deep.equal({ kind: 'redirect', to: '/my-list' });
    expect(at('/sign-up', viewer)).to.deep.equal({ kind: 'redirect', to: '/' });
    for (const next of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/sign-in',
    ]) {
      expect(safeNext(next), next).to.equal('/');
    }
    expect(safeNext('/title/ttl_1?x=1#cast')).to.equal('/title/ttl_1?x=1#cast');
  });

  it('show the profile picker to a signed-in user with no profile chosen', () => {
    expect(at('/my-list', noProfile)).to.deep.equal({ kind: 'redirect', to: '/profiles?next=%2Fmy-list' });
    expect(at('/title/ttl_1', noProfile)).to.deep.equal({ kind: 'redirect', to: '/profiles?next=%2Ftitle%2Fttl_1' });
    expect(at('/profiles', noProfile).kind).to.equal('route');
    expect(at('/account', noProfile).kind).to.equal('route');
    expect(at('/verify-email?token=t', noProfile).kind).to.equal('route');
  });

  it('keep staff routes for staff: a viewer sees "forbidden"', () => {
    const r = at('/admin/titles', viewer);
    expect(r.kind).to.equal('forbidden');
    expect(at('/admin', staff).kind).to.equal('route');
  });

  it('wait while the session is restored, except on public pages', () => {
    expect(at('/my-list', loading).kind).to.equal('wait');
    expect(at('/sign-in', loading).kind).to.equal('wait');
    expect(at('/title/ttl_1', loading).kind).to.equal('route');
    expect(at('/title/ttl_1', signedOut).kind).to.equal('route');
  });
});
