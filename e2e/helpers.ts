import assert from 'node:assert/strict';
// Shared helpers for end-to-end tests: start the site as `npm start` does (without the install
// step), and drive Debian's Chromium with playwright-core.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { startApiServer } from '../scripts/api-server.mjs';

export const root = join(fileURLToPath(import.meta.url), '..', '..');

export interface Site {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts the whole site (already built) on a free port with a fresh data folder and the demo
 * content: the same server `npm start` runs (scripts/api-server.mjs, shared with the browser tests).
 */
export async function startSite(options: { env?: Record<string, string> } = {}): Promise<Site> {
  return startApiServer(options);
}

/** Debian's headless Chromium, launched with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * A new page (in a context of its own) that collects console errors, page errors and CSP
 * violations in `problems`; `options.expected` names console errors the test causes on purpose.
 * tsx compiles the tests with esbuild's keepNames, which wraps functions passed to
 * `page.evaluate` in a `__name` helper; the init script defines it in the page.
 */
export async function openPage(browser: Browser, options: { expected?: (message: ConsoleMessage) => boolean } = {}) {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page.on('console', (m) => {
    // A signed-out visitor's session probe (POST /auth/refresh without a cookie) answers 401 by
    // design; the browser logs every 4xx resource. Anything else is a problem, unless the test
    // caused it on purpose (`options.expected`).
    if (m.type() === 'error' && !isExpectedSignedOutProbe(m) && !options.expected?.(m)) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** The 401 of the session probe a signed-out page makes (see openPage). */
export function isExpectedSignedOutProbe(message: ConsoleMessage): boolean {
  return message.text().includes('status of 401') && message.location().url.endsWith('/api/v1/auth/refresh');
}

/**
 * Collects Content-Security-Policy and Trusted Types violations of a page — the
 * `securitypolicyviolation` events of every document (shadow roots included, they are composed)
 * and the console errors Chromium logs for them — so a test fails on any of them:
 *
 * ```ts
 * const csp = await watchCsp(page);
 * await page.goto(url);
 * await csp.assertNone();
 * ```
 * Call it before the page loads (it adds an init script).
 */
export async function watchCsp(page: Page): Promise<{ violations(): Promise<string[]>; assertNone(): Promise<void> }> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' && /Content Security Policy|Content-Security-Policy|Trusted Type/i.test(text))
      fromConsole.push(text);
  });
  await page.addInitScript({
    // (`__name`: see openPage.)
    content: `globalThis.__name ??= (f) => f;
    (() => {
      const seen = (window.__reelCspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(e.effectiveDirective + (e.blockedURI ? ' blocked ' + e.blockedURI : '') + (e.sample ? ' (' + e.sample + ')' : ''));
      }, true);
    })();`,
  });
  const violations = async () => {
    const events = await page
      .evaluate(() => (window as unknown as { __reelCspViolations?: string[] }).__reelCspViolations ?? [])
      .catch(() => [] as string[]);
    return [...events, ...fromConsole];
  };
  return {
    violations,
    async assertNone() {
      const found = await violations();
      if (found.length > 0) throw new Error(`Content-Security-Policy violations:\n  ${found.join('\n  ')}`);
    },
  };
}

/**
 * Waits until the shell's view of the route `name` has settled (its element `ready`, `missing` or
 * `failed`, or `shell` for the shell's own pages: not found, forbidden); returns that state.
 */
export async function settled(page: Page, name: string): Promise<string> {
  const handle = await page.waitForFunction(
    (route) => {
      const view = document.querySelector(`#reel-route [data-route="${route}"]`);
      if (!view) return null;
      if (view.localName === 'reel-status-page') return 'shell';
      const state = view.getAttribute('state');
      return state && state !== 'loading' ? state : null;
    },
    name,
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as string;
}

/** Signs the demo viewer in through the context's request API (its cookie jar keeps the session). */
export async function signIn(context: BrowserContext, site: Site): Promise<string> {
  const response = await context.request.post(`${site.url}/api/v1/auth/login`, {
    data: { email: 'viewer@reel.test', password: 'reel-viewer-demo' },
  });
  assert.equal(response.status(), 200, await response.text());
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The demo viewer's profiles by name: Alex and the kids profile Sam. */
export async function profiles(context: BrowserContext, site: Site, token: string) {
  const response = await context.request.get(`${site.url}/api/v1/users/me/profiles`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const items = ((await response.json()) as { items: { id: string; name: string }[] }).items;
  const byName = (name: string) => {
    const found = items.find((p) => p.name === name);
    if (!found) throw new Error(`no profile ${name}`);
    return found.id;
  };
  return { alex: byName('Alex'), sam: byName('Sam') };
}

/** Makes `profileId` the active profile of the context's session (the cookie's session keeps it). */
export async function switchTo(context: BrowserContext, site: Site, token: string, profileId: string): Promise<string> {
  const switched = await context.request.post(`${site.url}/api/v1/users/me/profiles/${profileId}/switch`, {
    headers: { authorization: `Bearer ${token}` },
    data: {},
  });
  assert.equal(switched.status(), 200, await switched.text());
  return ((await switched.json()) as { access_token: string }).access_token;
}

/** What the e2e tests reach on a `<reel-player>`. */
export interface PlayerHandle {
  phase: string;
  video: HTMLVideoElement;
  engine: { session: { session_id: string; markers: { kind: string; start: number; end: number }[] } } | null;
  seek(t: number): void;
  pause(): void;
  play(): Promise<void>;
  retry(): void;
  shadowRoot: ShadowRoot;
}

/** Waits until the player plays (the demo media may still be being made: retries after an error). */
export async function playing(page: Page): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const phase = await page.waitForFunction(
      (_sel) => {
        const p = document.querySelector('reel-player') as unknown as PlayerHandle | null;
        return p && (p.phase === 'ready' || p.phase === 'error') ? p.phase : null;
      },
      'reel-player',
      { timeout: 60_000 },
    );
    if ((await phase.jsonValue()) === 'ready') break;
    if (Date.now() > deadline) assert.fail('playback did not start');
    await page.waitForTimeout(1500);
    await page.evaluate(
      (_sel) => (document.querySelector('reel-player') as unknown as PlayerHandle).retry(),
      'reel-player',
    );
  }
  await page.evaluate((_sel) => {
    const p = document.querySelector('reel-player') as unknown as PlayerHandle;
    p.video.muted = true;
    return p.play();
  }, 'reel-player');
  await page.waitForFunction(
    (_sel) => (document.querySelector('reel-player') as unknown as PlayerHandle).video.currentTime > 0.2,
    'reel-player',
    { timeout: 30_000 },
  );
}
