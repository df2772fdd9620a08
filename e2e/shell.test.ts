// The shell, as `npm start` serves it (needs `pnpm build`): the route table, the guards, client-side
// navigation, isolation of a broken element, one session for separately built packages, and
// import-map overrides. Every page is watched for Content-Security-Policy violations.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, root, type Site, settled, startSite, watchCsp } from './helpers.js';

const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };
const ADMIN = { email: 'admin@reel.test', password: 'reel-admin-demo' };

/**
 * A fixture package built like a real element package's dist/: bare imports of lit and the kit,
 * which the shell's import map resolves to its one shared copy.
 */
async function fixturePackage(tag: string, kind: 'session-card' | 'throws-on-mount'): Promise<string> {
  const contents =
    kind === 'session-card'
      ? `import { ShellSessionCard } from './shell-session-card.ts';\ncustomElements.define(${JSON.stringify(tag)}, class extends ShellSessionCard {});`
      : // Injected fault: an element whose connectedCallback throws.
        `customElements.define(${JSON.stringify(tag)}, class extends HTMLElement { connectedCallback() { throw new Error('injected fault: ${tag} throws on mount'); } });`;
  const result = await build({
    stdin: { contents, resolveDir: join(root, 'e2e/fixtures'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
    external: ['lit', 'lit/*', '@lit/*', '@reel/*'],
    conditions: ['reel-source', 'browser', 'module', 'import'],
    tsconfig: join(root, 'tsconfig.base.json'),
  });
  return result.outputFiles[0]?.text ?? '';
}

async function signIn(context: BrowserContext, site: Site, who: { email: string; password: string }) {
  const response = await context.request.post(`${site.url}/api/v1/auth/login`, { data: who });
  assert.equal(response.status(), 200, await response.text());
  return (await response.json()) as { access_token: string; user: { active_profile_id: string | null } };
}

async function profileNamed(context: BrowserContext, site: Site, token: string, name: string): Promise<string> {
  const response = await context.request.get(`${site.url}/api/v1/users/me/profiles`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const found = ((await response.json()) as { items: { id: string; name: string }[] }).items.find(
    (p) => p.name === name,
  );
  if (!found) throw new Error(`no profile ${name}`);
  return found.id;
}

/** The text of an element and of the shadow roots inside it, as a user sees it (no CSS case changes). */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const text = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(text).join(' ');
      const shadow = (node as Element).shadowRoot;
      return [...(shadow ? shadow.childNodes : node.childNodes)].map(text).join(' ');
    };
    return text(element).replace(/\s+/g, ' ').trim();
  });

/** Requests for the test's fixture packages (not the page, whose query may name them). */
const isFixture = (url: URL) => url.pathname.startsWith('/__fixtures__/');

const navigate = (page: Page, href: string) =>
  page.evaluate((to) => {
    window.dispatchEvent(new CustomEvent('reel-navigate', { detail: { href: to }, cancelable: true }));
  }, href);

const mapped = (page: Page, specifier: string) =>
  page.evaluate((spec) => {
    const maps = [...document.querySelectorAll('script[type="importmap"]')].map(
      (s) => (JSON.parse(s.textContent ?? '{}') as { imports?: Record<string, string> }).imports ?? {},
    );
    return maps.some((m) => spec in m);
  }, specifier);

describe('the shell', () => {
  let site: Site;
  let browser: Browser;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('resolves every route to its element, or to a clear "coming soon" page when the package is not deployed', async () => {
    const context = await browser.newContext();
    await signIn(context, site, ADMIN); // staff, one profile (chosen at sign-in)
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/`);
    const table: [string, string, string][] = [
      ['/', 'home', '@reel/home/define'],
      ['/browse?type=film', 'browse', '@reel/browse/define'],
      ['/title/ttl_x', 'title', '@reel/title-detail/define'],
      ['/watch/ep_x', 'watch', '@reel/player/define'],
      ['/search?q=space', 'search', '@reel/search/define'],
      ['/my-list', 'my-list', '@reel/watchlist/define'],
      ['/history', 'history', '@reel/history/define'],
      ['/schedule', 'schedule', '@reel/schedule/define'],
      ['/anime', 'anime', '@reel/anime/define'],
      ['/downloads', 'downloads', '@reel/downloads/define'],
      ['/account', 'account', '@reel/settings/define'],
      ['/account/security', 'account-security', '@reel/account-security/define'],
      ['/profiles', 'profiles', '@reel/profiles/define'],
      ['/admin/titles', 'admin', '@reel/admin/define'],
      ['/person/per_x', 'person', '@reel/title-detail/define'],
      ['/collections/x', 'collection', '@reel/title-detail/define'],
    ];
    for (const [href, name, module] of table) {
      await navigate(page, href);
      const state = await settled(page, name);
      const expected = (await mapped(page, module)) ? 'ready' : 'missing';
      assert.equal(state, expected, `${href}: ${module} ${expected === 'ready' ? 'is deployed' : 'is not deployed'}`);
      if (state === 'missing') {
        const text = await shown(page, `[data-route="${name}"] reel-status-page`);
        assert.match(text, /coming soon/i, href);
      }
      const path = await page.evaluate(() => location.pathname + location.search);
      assert.equal(path, href);
    }
    await navigate(page, '/no/such/page');
    assert.equal(await settled(page, 'shell:not-found'), 'shell');
    assert.match(await page.title(), /not found/i);
    await csp.assertNone();
    await context.close();
  });

  it('serves the shell for deep links (404 for unknown ones) and keeps unknown /api paths a JSON 404', async () => {
    const { page, problems } = await openPage(browser);
    const csp = await watchCsp(page);
    const list = await page.request.get(`${site.url}/api/v1/titles?limit=1`);
    const titleId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id;
    const deep = await page.goto(`${site.url}/title/${titleId}?x=1`);
    assert.equal(deep?.status(), 200);
    assert.equal(deep?.headers()['cache-control'], 'no-cache');
    assert.match(deep?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
    await settled(page, 'title');
    const unknown = await page.goto(`${site.url}/definitely/not/a/page`);
    assert.equal(unknown?.status(), 404);
    assert.equal(await settled(page, 'shell:not-found'), 'shell');
    const api = await page.request.get(`${site.url}/api/v1/definitely-not`);
    assert.equal(api.status(), 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'not_found');
    await csp.assertNone();
    assert.deepEqual(
      problems.filter((p) => !p.includes('404')),
      [],
    );
    await page.close();
  });

  it('guards: signed out → sign-in with the way back; back after signing in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/my-list?sort=added`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/my-list?sort=added');
    await settled(page, 'sign-in');
    // Sign in the way <reel-sign-in> does: tokens from the API, handed to the provider.
    await page.evaluate(async (who) => {
      const response = await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'include',
        body: JSON.stringify(who),
      });
      const tokens = await response.json();
      (
        document.querySelector('reel-auth-provider') as unknown as { session: { acceptTokens(t: unknown): void } }
      ).session.acceptTokens(tokens);
    }, ADMIN);
    await page.waitForURL((url) => url.pathname === '/my-list' && url.search === '?sort=added');
    await settled(page, 'my-list');
    await csp.assertNone();
    await context.close();
  });

  it('guards: several profiles and none chosen → the profile picker, then on to the page', async () => {
    const context = await browser.newContext();
    const tokens = await signIn(context, site, VIEWER);
    const alex = await profileNamed(context, site, tokens.access_token, 'Alex');
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/history`);
    await page.waitForURL((url) => url.pathname === '/profiles');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/history');
    await settled(page, 'profiles');
    // Choose a profile as the picker does (through the provider); the shell goes on to ?next=.
    await page.evaluate(
      (id) =>
        (
          document.querySelector('reel-auth-provider') as unknown as {
            session: { switchProfile(id: string): Promise<void> };
          }
        ).session.switchProfile(id),
      alex,
    );
    await page.waitForURL((url) => url.pathname === '/history');
    await settled(page, 'history');
    await csp.assertNone();
    await context.close();
  });

  it('guards: a viewer on an admin route sees "forbidden"', async () => {
    const context = await browser.newContext();
    const tokens = await signIn(context, site, VIEWER);
    // Choose a profile for the session first (the cookie's session keeps it).
    const alex = await profileNamed(context, site, tokens.access_token, 'Alex');
    const switched = await context.request.post(`${site.url}/api/v1/users/me/profiles/${alex}/switch`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
      data: {},
    });
    assert.equal(switched.status(), 200, await switched.text());
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/admin/staff`);
    assert.equal(await settled(page, 'shell:forbidden'), 'shell');
    assert.match(await shown(page, 'reel-status-page'), /don’t have access/);
    assert.equal(new URL(page.url()).pathname, '/admin/staff');
    await csp.assertNone();
    await context.close();
  });

  it('navigates without reloading: links in shadow roots, reel-navigate, back restores the scroll, focus and title follow', async () => {
    const context = await browser.newContext();
    await signIn(context, site, ADMIN);
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/`);
    await settled(page, 'home');
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      (document.querySelector('main') as HTMLElement).style.minHeight = '6000px';
    });
    await page.evaluate(() => window.scrollTo(0, 1500));
    await page.waitForFunction(() => window.scrollY === 1500);
    // "My List" in the top bar: a link inside <reel-app-shell>'s shadow root.
    await page.locator('reel-app-shell nav.primary a[href="/my-list"]').click();
    await page.waitForURL((url) => url.pathname === '/my-list');
    await settled(page, 'my-list');
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true);
    assert.equal(await page.title(), 'My List · Reel');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.waitForFunction(() =>
      document
        .querySelector('reel-app-shell')
        ?.shadowRoot?.querySelector('[role="status"]')
        ?.textContent?.includes('My List'),
    );
    await navigate(page, '/schedule');
    await page.waitForURL((url) => url.pathname === '/schedule');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/my-list');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForFunction(() => window.scrollY === 1500, undefined, { timeout: 5000 });
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true);
    await csp.assertNone();
    await context.close();
  });
});

describe('the shell with import-map overrides allowed (development, or REEL_IMPORT_MAP_OVERRIDES=1)', () => {
  let site: Site;
  let browser: Browser;
  let sessionCardA: string;
  let sessionCardB: string;
  let throwsOnMount: string;
  before(async () => {
    [site, browser, sessionCardA, sessionCardB, throwsOnMount] = await Promise.all([
      startSite({ env: { REEL_IMPORT_MAP_OVERRIDES: '1' } }),
      launchBrowser(),
      fixturePackage('reel-home', 'session-card'),
      fixturePackage('reel-notification-center', 'session-card'),
      fixturePackage('reel-browse', 'throws-on-mount'),
    ]);
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** A page whose overrides point packages at fixtures served by the test (same origin). */
  async function pageWith(
    context: BrowserContext,
    overrides: Record<string, string>,
    files: Record<string, string | null>,
  ) {
    const page = await context.newPage();
    await page.addInitScript({
      content: `localStorage.setItem('reel.importMapOverrides', ${JSON.stringify(JSON.stringify(overrides))});`,
    });
    await page.route(isFixture, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const body = files[name];
      return body == null
        ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found (injected fault)' })
        : route.fulfill({ contentType: 'text/javascript', body });
    });
    return page;
  }

  it('two elements from two separately built packages share the session in the shell', async () => {
    const context = await browser.newContext();
    await signIn(context, site, ADMIN);
    const page = await pageWith(
      context,
      { '@reel/home/define': '/__fixtures__/a.js', '@reel/notifications/define': '/__fixtures__/b.js' },
      { 'a.js': sessionCardA, 'b.js': sessionCardB },
    );
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/`);
    assert.equal(await settled(page, 'home'), 'ready');
    const read = (tag: string) => shown(page, `${tag} [data-session]`);
    await page.waitForFunction(() =>
      document
        .querySelector('reel-notification-center')
        ?.shadowRoot?.querySelector('[data-session]')
        ?.textContent?.startsWith('signed-in'),
    );
    const home = await read('reel-home');
    const bell = await read('reel-notification-center');
    assert.match(home, /^signed-in \| admin@reel\.test \| prf_/);
    assert.equal(bell, home, 'both packages see the same session');
    // One refresh for the page, however many elements consume the session.
    const refreshes = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/auth/refresh')).length,
    );
    assert.equal(refreshes, 1);
    // Both share the one copy of lit and of the kit from the import map.
    const copies = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => /\/assets\/(vendor\/lit@|packages\/core@)/.test(p) && /\/(index|define)/.test(p)),
    );
    assert.equal(new Set(copies).size, copies.length, `each module once: ${copies.join(', ')}`);
    // Signing out reaches both at once.
    await page.evaluate(() =>
      (
        document.querySelector('reel-auth-provider') as unknown as { session: { signOut(): Promise<void> } }
      ).session.signOut(),
    );
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await csp.assertNone();
    await context.close();
  });

  it('an element whose bundle 404s or throws on mount leaves the rest of the site working (injected faults)', async () => {
    const context = await browser.newContext();
    await signIn(context, site, ADMIN);
    const files: Record<string, string | null> = { 'home.js': null, 'browse.js': throwsOnMount };
    const page = await pageWith(
      context,
      { '@reel/home/define': '/__fixtures__/home.js', '@reel/browse/define': '/__fixtures__/browse.js' },
      files,
    );
    const csp = await watchCsp(page);
    const uncaught: string[] = [];
    page.on('pageerror', (e) => uncaught.push(e.message));
    await page.goto(`${site.url}/`);
    // The home package 404s: its slot shows an error with "Try again"; the layout is all there.
    assert.equal(await settled(page, 'home'), 'failed');
    assert.match(await shown(page, '[data-route="home"] reel-error-panel'), /Try again/);
    assert.equal(await page.locator('reel-app-shell nav.primary a').count(), 5);
    // The rest of the site works: another page, then one whose element throws on mount.
    await page.locator('reel-app-shell nav.primary a[href="/my-list"]').click();
    await page.waitForURL((url) => url.pathname === '/my-list');
    assert.notEqual(await settled(page, 'my-list'), 'failed');
    await page.locator('reel-app-shell nav.primary a[href="/browse?type=series"]').click();
    assert.equal(await settled(page, 'browse'), 'failed');
    assert.match(await shown(page, '[data-route="browse"] reel-error-panel'), /injected fault/);
    assert.ok(
      uncaught.some((m) => m.includes('injected fault')),
      'the throw is still reported',
    );
    // Once the package is fixed, "Try again" brings the page without a reload.
    await navigate(page, '/');
    assert.equal(await settled(page, 'home'), 'failed');
    files['home.js'] = sessionCardA;
    await page.locator('[data-route="home"] reel-error-panel').getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.querySelector('[data-route="home"]')?.getAttribute('state') === 'ready');
    assert.match(await shown(page, 'reel-home [data-session]'), /^signed-in \| admin@reel\.test/);
    await csp.assertNone();
    await context.close();
  });

  it('uses an override only from this origin or an allowed one, and says so in the bar', async () => {
    const context = await browser.newContext();
    await signIn(context, site, ADMIN);
    const page = await pageWith(
      context,
      { '@reel/home/define': '/__fixtures__/a.js', '@reel/browse/define': 'https://evil.example/browse.js' },
      { 'a.js': sessionCardA },
    );
    const csp = await watchCsp(page);
    const response = await page.goto(`${site.url}/`);
    assert.match(
      response?.headers()['content-security-policy'] ?? '',
      /script-src 'self' 'nonce-[^']+' http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*;/,
    );
    assert.equal(await settled(page, 'home'), 'ready');
    const map = await page.evaluate(() =>
      JSON.parse(document.querySelector('script[type="importmap"]')?.textContent ?? '{}'),
    );
    assert.deepEqual(Object.keys(map.imports), ['@reel/home/define'], 'the disallowed origin is left out');
    const badge = await shown(page, 'reel-app-shell reel-badge.overrides');
    assert.match(badge, /1 override/);
    await csp.assertNone();
    await context.close();
  });
});

describe('the shell without overrides allowed (the default outside development)', () => {
  let site: Site;
  let browser: Browser;
  before(async () => {
    [site, browser] = await Promise.all([startSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('ignores overrides in localStorage and the query string', async () => {
    const context = await browser.newContext();
    await signIn(context, site, ADMIN);
    const page = await context.newPage();
    let fetched = false;
    await page.route(isFixture, (route) => {
      fetched = true;
      return route.fulfill({ contentType: 'text/javascript', body: 'window.__overridden = true;' });
    });
    await page.addInitScript({
      content: `localStorage.setItem('reel.importMapOverrides', JSON.stringify({ '@reel/home/define': '/__fixtures__/a.js' }));`,
    });
    const csp = await watchCsp(page);
    const response = await page.goto(`${site.url}/?reel-override=@reel/home/define=/__fixtures__/a.js`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self' 'nonce-[^']+';/);
    assert.doesNotMatch(policy, /reel-import-map-overrides/);
    await settled(page, 'home');
    assert.equal(await page.locator('script[type="importmap"]').count(), 1);
    assert.equal(fetched, false);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __overridden?: boolean }).__overridden ?? false),
      false,
    );
    await csp.assertNone();
    await context.close();
  });
});
