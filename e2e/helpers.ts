// Shared helpers for end-to-end tests: start the site as `npm start` does (without the install
// step), and drive Debian's Chromium with playwright-core.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
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
export async function startSite(): Promise<Site> {
  return startApiServer();
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
 * A new page that collects console errors, page errors and CSP violations in `problems`.
 * tsx compiles the tests with esbuild's keepNames, which wraps functions passed to
 * `page.evaluate` in a `__name` helper; the init script defines it in the page.
 */
export async function openPage(browser: Browser) {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}
