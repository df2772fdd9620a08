#!/usr/bin/env node
// Renders the @reel/ui gallery (demo/index.html) in headless Chromium under the product's strict
// Content-Security-Policy and saves screenshots.
//   node demo/screenshot.mjs [out.png] [--theme=light] [--locale=ar] [--open=select] [--width=1440] [--clip=x,y,w,h] [--serve]
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'docs/screenshots/ui-primitives.png'));
const width = Number(option('width', '1440'));

const dist = await mkdtemp(join(tmpdir(), 'reel-ui-demo-'));
await build({
  entryPoints: [join(here, 'demo.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(dist, 'demo.js'),
  conditions: ['reel-source', 'development', 'browser'],
  tsconfig: join(root, 'tsconfig.base.json'),
  logLevel: 'warning',
});

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'report-sample'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = path === '/' ? join(here, 'index.html') : path === '/demo.js' ? join(dist, 'demo.js') : join(here, path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': policy,
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();
if (args.includes('--serve')) {
  console.log(`serving the gallery at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
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
try {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  const query = new URLSearchParams({
    theme: option('theme', 'dark'),
    locale: option('locale', 'en'),
    open: option('open', ''),
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        'VIOLATION',
        e.effectiveDirective,
        e.sample,
        e.target?.nodeName,
        e.target?.localName,
        e.target?.getRootNode?.()?.host?.localName,
      ),
    ),
  );
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  await page.waitForSelector('html[data-ready]');
  await page.waitForTimeout(600);
  const clip = option('clip', '').split(',').filter(Boolean).map(Number);
  await page.screenshot({
    path: out,
    fullPage: !args.includes('--viewport'),
    ...(clip.length === 4 ? { clip: { x: clip[0], y: clip[1], width: clip[2], height: clip[3] } } : {}),
  });
  const csp = problems.filter((p) => /Content.Security.Policy|Trusted ?Type/i.test(p));
  console.log(`saved ${out}${problems.length ? `\nconsole:\n  ${problems.join('\n  ')}` : ''}`);
  if (csp.length) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
  await rm(dist, { recursive: true, force: true });
}
