#!/usr/bin/env node
// Screenshots of the sign-in flows (@reel/auth) and the profile pages (@reel/profiles) against the
// real API (started with the demo content), in headless Chromium under a strict CSP, at 1280×800
// and 390×844, into docs/screenshots/auth-*.png and profiles-*.png.
//   node packages/auth/demo/screenshots.mjs [--only=auth-sign-in] [--serve]
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startApiServer } from '../../../scripts/api-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const outDir = join(root, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

const dist = await mkdtemp(join(tmpdir(), 'reel-auth-demo-'));
await build({
  stdin: {
    contents: "import '@reel/core/define'; import '../src/define.ts'; import '../../profiles/src/define.ts';",
    resolveDir: here,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(dist, 'page.js'),
  conditions: ['reel-source', 'browser'],
  tsconfig: join(root, 'tsconfig.base.json'),
  logLevel: 'warning',
});

const api = await startApiServer({ env: { REEL_EMAIL_RESEND_SECONDS: '60' } });
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');
const html = `<!doctype html><html lang="en" data-reel-theme="dark"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="stylesheet" href="/page.css"><script type="module" src="/page.js"></script></head><body><reel-auth-provider api-base="/api/v1"><div id="app"></div></reel-auth-provider></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (/^\/(api|media)\//.test(path)) {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: api.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${api.port}` },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    req.pipe(upstream);
    return;
  }
  if (path === '/page.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(readFileSync(join(dist, 'page.js')));
    return;
  }
  if (path === '/page.css') {
    res.writeHead(200, { 'content-type': 'text/css' });
    res.end('html,body{margin:0;background:#000;min-height:100%}');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': policy });
  res.end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
if (args.includes('--serve')) {
  console.log(`serving at ${origin}/ (Ctrl+C to stop)`);
  await new Promise(() => {});
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const VIEWPORTS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
];

/** Opens a fresh page (own cookies), mounts `markup` in the provider, runs `act`, and saves both sizes. */
async function shot(name, markup, act = async () => {}) {
  if (only && !name.startsWith(only)) return;
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(origin);
    await page.waitForFunction(() => customElements.get('reel-sign-in') && customElements.get('reel-profile-gate'));
    await page.waitForFunction(
      () => document.querySelector('reel-auth-provider')?.getAttribute('status') !== 'loading',
    );
    await act(page, 'before');
    await page.evaluate((elements) => {
      // Trusted Types are enforced: build the elements, no markup strings.
      const app = document.getElementById('app');
      for (const [tag, attributes] of elements) {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
        app.append(el);
      }
    }, parse(markup));
    await act(page, 'after');
    await page.waitForTimeout(600);
    const file = join(outDir, `${name}-${viewport.name}.png`);
    await page.screenshot({ path: file, fullPage: viewport.width <= 500 });
    console.log(`${file}${problems.length ? `  (page problems: ${problems.join(' | ')})` : ''}`);
    await context.close();
  }
}

/** `<tag a="b"></tag>…` → [[tag, { a: 'b' }], …] (this script's own markup only). */
function parse(markup) {
  return [...markup.matchAll(/<([a-z-]+)([^>]*)><\/\1>/g)].map(([, tag, attrs]) => [
    tag,
    Object.fromEntries([...attrs.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
  ]);
}

const signIn = (email, password) => async (page, when) => {
  if (when !== 'before') return;
  await page.evaluate(
    async ([e, p]) => {
      await document.querySelector('reel-auth-provider').session.signIn({ email: e, password: p });
    },
    [email, password],
  );
};
const type = async (page, host, name, value) => {
  await page.locator(`${host} reel-text-field[name="${name}"] input`).fill(value);
};

try {
  await shot('auth-sign-in', '<reel-sign-in></reel-sign-in>', async (page, when) => {
    if (when !== 'after') return;
    await type(page, 'reel-sign-in', 'email', 'viewer@reel.test');
  });
  await shot('auth-sign-in-error', '<reel-sign-in></reel-sign-in>', async (page, when) => {
    if (when !== 'after') return;
    await type(page, 'reel-sign-in', 'email', 'viewer@reel.test');
    await type(page, 'reel-sign-in', 'password', 'wrong password');
    await page.locator('reel-sign-in reel-text-field[name="password"] input').press('Enter');
    await page.waitForSelector('reel-sign-in >> .alert');
  });
  await shot('auth-sign-up', '<reel-sign-up></reel-sign-up>', async (page, when) => {
    if (when !== 'after') return;
    await type(page, 'reel-sign-up', 'display_name', 'Jordan Rivers');
    await type(page, 'reel-sign-up', 'email', 'jordan@example.test');
    await type(page, 'reel-sign-up', 'password', 'velvet-otter-harbour');
  });
  await shot('auth-reset', '<reel-password-reset></reel-password-reset>', async (page, when) => {
    if (when !== 'after') return;
    await type(page, 'reel-password-reset', 'email', 'viewer@reel.test');
  });
  await shot(
    'auth-reset-sent',
    '<reel-password-reset email="viewer@reel.test"></reel-password-reset>',
    async (page, when) => {
      if (when !== 'after') return;
      await page.locator('reel-password-reset reel-button.submit').click();
      await page.waitForSelector('reel-password-reset[step="sent"]');
    },
  );
  await shot('auth-reset-new-password', '<reel-password-reset></reel-password-reset>', async (page, when) => {
    if (when !== 'after') return;
    const token = await page.evaluate(async () => {
      await fetch('/api/v1/auth/password-reset/request', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@reel.test' }),
      });
      for (let i = 0; i < 40; i++) {
        const r = await (await fetch('/api/v1/dev/mailbox?to=admin@reel.test&template=password_reset')).json();
        if (r.items[0]) return new URL(r.items[0].links[0]).searchParams.get('token');
        await new Promise((res) => setTimeout(res, 150));
      }
      return null;
    });
    await page.evaluate((t) => {
      document.querySelector('reel-password-reset').token = t;
    }, token);
    await page.waitForSelector('reel-password-reset[step="choose"]');
    await type(page, 'reel-password-reset', 'password', 'orchard-lantern');
  });
  await shot(
    'auth-verify-banner',
    '<reel-verify-email-banner></reel-verify-email-banner><reel-verify-email token="expired-or-not-a-real-token-x"></reel-verify-email>',
    async (page, when) => {
      if (when !== 'before') return;
      await page.evaluate(async () => {
        await document.querySelector('reel-auth-provider').session.signUp({
          email: `banner-${Date.now()}@example.test`,
          password: 'lantern-harbour-meadow-42',
          display_name: 'Casey',
          accept_terms: true,
        });
      });
    },
  );
  await shot('profiles-gate', '<reel-profile-gate></reel-profile-gate>', async (page, when) => {
    if (when === 'before') await signIn('viewer@reel.test', 'reel-viewer-demo')(page, when);
    else await page.waitForSelector('reel-profile-gate >> button.tile');
  });
  await shot('profiles-pin', '<reel-profile-gate></reel-profile-gate>', async (page, when) => {
    if (when === 'before') {
      // A new account with a kids profile locked by a PIN.
      await page.evaluate(async () => {
        const json = { 'content-type': 'application/json' };
        const reg = await (
          await fetch('/api/v1/auth/register', {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
              email: `pin-${Date.now()}@example.test`,
              password: 'lantern-harbour-meadow-42',
              display_name: 'Riley',
              accept_terms: true,
            }),
          })
        ).json();
        await fetch('/api/v1/users/me/profiles', {
          method: 'POST',
          headers: { ...json, authorization: `Bearer ${reg.access_token}` },
          body: JSON.stringify({ name: 'Little Ones', avatar: 'panda', is_kids: true, pin: '1234' }),
        });
        await document.querySelector('reel-auth-provider').refresh();
      });
      return;
    }
    await page.waitForSelector('reel-profile-gate >> button.tile');
    await page.locator('reel-profile-gate >> button.tile >> nth=1').click();
    await page.waitForSelector('reel-profile-gate >> reel-dialog[open]');
  });
  await shot('profiles-manager', '<reel-profile-manager></reel-profile-manager>', async (page, when) => {
    if (when === 'before') await signIn('viewer@reel.test', 'reel-viewer-demo')(page, when);
    else await page.waitForSelector('reel-profile-manager >> button.tile');
  });
  await shot('profiles-editor', '<reel-profile-manager></reel-profile-manager>', async (page, when) => {
    if (when === 'before') await signIn('viewer@reel.test', 'reel-viewer-demo')(page, when);
    else {
      await page.waitForSelector('reel-profile-manager >> button.tile');
      await page.locator('reel-profile-manager >> button.tile >> nth=1').click();
      await page.waitForSelector('reel-profile-manager >> reel-dialog[open]');
    }
  });
} finally {
  await browser.close();
  server.close();
  await api.stop();
}
