#!/usr/bin/env node
// Screenshots of the shell's main pages at 1280×800 and 390×844 into docs/screenshots/shell-*.png,
// against the built site (run `pnpm build` first). The "error" page is an injected fault: the home
// package's URL answers 404 through an import-map override (allowed for this run only).
//   node shell/scripts/screenshots.mjs [--only=<name-substring>]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startApiServer } from '../../scripts/api-server.mjs';
import { root } from '../../scripts/workspace.mjs';

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };
const ADMIN = { email: 'admin@reel.test', password: 'reel-admin-demo' };
const sizes = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

const site = await startApiServer({ env: { REEL_IMPORT_MAP_OVERRIDES: '1' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

async function signIn(context, who, profile) {
  const login = await context.request.post(`${site.url}/api/v1/auth/login`, { data: who });
  const { access_token: token } = await login.json();
  if (profile) {
    const list = await (
      await context.request.get(`${site.url}/api/v1/users/me/profiles`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    const id = list.items.find((p) => p.name === profile)?.id;
    await context.request.post(`${site.url}/api/v1/users/me/profiles/${id}/switch`, {
      headers: { authorization: `Bearer ${token}` },
      data: {},
    });
  }
}

const settle = (page) =>
  page
    .waitForFunction(
      () => {
        const view = document.querySelector('#reel-route > *');
        return (
          view && (view.localName === 'reel-status-page' || !['loading', null].includes(view.getAttribute('state')))
        );
      },
      undefined,
      { timeout: 15_000 },
    )
    .then(() => page.waitForLoadState('networkidle'))
    .then(() => page.waitForTimeout(600));

const shots = [
  { name: 'sign-in', path: '/my-list', who: null },
  { name: 'home', path: '/', who: ADMIN },
  { name: 'profiles', path: '/', who: VIEWER },
  {
    name: 'menu',
    path: '/my-list',
    who: VIEWER,
    profile: 'Alex',
    after: async (page) => {
      await page.locator('reel-profile-menu reel-menu').click();
      await page.waitForTimeout(400);
    },
  },
  {
    name: 'search',
    path: '/search?q=space',
    who: ADMIN,
  },
  { name: 'not-found', path: '/no/such/page', who: ADMIN },
  { name: 'forbidden', path: '/admin/titles', who: VIEWER, profile: 'Alex' },
  {
    name: 'error',
    path: '/',
    who: ADMIN,
    fault: true,
  },
  { name: 'arabic', path: '/', who: ADMIN, locale: 'ar' },
];

try {
  for (const shot of shots) {
    for (const [size, viewport] of Object.entries(sizes)) {
      const file = `shell-${shot.name}-${size}.png`;
      if (only && !file.includes(only)) continue;
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      if (shot.who) await signIn(context, shot.who, shot.profile);
      const page = await context.newPage();
      if (shot.locale) await page.addInitScript({ content: `localStorage.setItem('reel.locale', '${shot.locale}');` });
      if (shot.fault) {
        // Injected fault: the home package 404s.
        await page.addInitScript({
          content: `localStorage.setItem('reel.importMapOverrides', JSON.stringify({ '@reel/home/define': '/__fault__/home.js' }));`,
        });
        await page.route(
          (url) => url.pathname.startsWith('/__fault__/'),
          (route) => route.fulfill({ status: 404, body: 'not found' }),
        );
      }
      await page.goto(`${site.url}${shot.path}`);
      await settle(page);
      if (shot.fault) {
        // The override badge is for developers; keep it out of the picture.
        await page.evaluate(() => {
          const shell = document.querySelector('reel-app-shell');
          if (shell) shell.overrides = [];
        });
      }
      await shot.after?.(page);
      await page.screenshot({ path: join(out, file) });
      console.log(`wrote docs/screenshots/${file} (${page.url().replace(site.url, '')})`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.stop();
}
