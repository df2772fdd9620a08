// The site around the API: the shell's page for every route, with the import map, the route's
// modulepreload links and a strict CSP; content-hashed assets served `immutable`; the import map
// and the manifest revalidated. Runs against a small shell build made here (the real one too, when
// `pnpm build` has run).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { buildTestApp, type TestApp } from '../helper.js';

/** A shell build in the format of shell/scripts/build.mjs, small enough to read. */
function fixtureShell(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reel-shell-'));
  mkdirSync(join(dir, 'assets/packages/title-detail@0.1.0-abc'), { recursive: true });
  const entry = '/assets/shell-AAAA.js';
  const write = (path: string, body: string) => writeFileSync(join(dir, path), body);
  write('assets/shell-AAAA.js', `import 'lit';\n${'// shell\n'.repeat(200)}`);
  writeFileSync(
    join(dir, 'assets/shell-AAAA.js.br'),
    brotliCompressSync(readFileSync(join(dir, 'assets/shell-AAAA.js'))),
  );
  write('assets/lit-BBBB.js', 'export const html = 1;');
  write('assets/packages/title-detail@0.1.0-abc/define.js', "import './chunk.js';");
  write('assets/packages/title-detail@0.1.0-abc/chunk.js', "import 'lit';");
  write(
    'index.html',
    '<!doctype html><html lang="en"><head><link rel="icon" href="/assets/icon-CCCC.svg" type="image/svg+xml" />\n<!--reel:head-->\n<script type="module" src="/assets/shell-AAAA.js"></script></head><body><main id="main"></main></body></html>',
  );
  write('manifest.webmanifest', JSON.stringify({ name: 'Reel', start_url: '/' }));
  const imports = {
    lit: '/assets/lit-BBBB.js',
    '@reel/title-detail/define': '/assets/packages/title-detail@0.1.0-abc/define.js',
  };
  write(
    'site.json',
    JSON.stringify({
      entry,
      css: '/assets/shell-DDDD.css',
      overrides: '/assets/import-map-overrides-EEEE.js',
      routes: [
        { name: 'home', path: '/', module: '@reel/home/define' },
        { name: 'title', path: '/title/:id', module: '@reel/title-detail/define' },
        { name: 'admin', path: '/admin/*', module: '@reel/admin/define' },
      ],
      importMap: { imports },
      graph: {
        [entry]: ['/assets/lit-BBBB.js'],
        '/assets/packages/title-detail@0.1.0-abc/define.js': ['/assets/packages/title-detail@0.1.0-abc/chunk.js'],
        '/assets/packages/title-detail@0.1.0-abc/chunk.js': ['/assets/lit-BBBB.js'],
      },
    }),
  );
  return dir;
}

const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
const directives = (csp: string) => new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the site', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    dir = fixtureShell();
    t = await buildTestApp({ REEL_SHELL_DIR: dir });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the shell page with the import map and a strict CSP whose nonce is the import map’s', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache');
    const csp = directives(String(res.headers['content-security-policy']));
    const nonce = /<script type="importmap" nonce="([^"]+)">/.exec(res.body)?.[1];
    assert.ok(nonce);
    assert.deepEqual(csp.get('script-src'), ["'self'", `'nonce-${nonce}'`]);
    assert.deepEqual(csp.get('style-src'), ["'self'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(csp.get('trusted-types'), ['lit-html', "'allow-duplicates'"]);
    const all = [...csp.values()].flat();
    assert.ok(!all.includes("'unsafe-eval'") && !all.includes("'unsafe-inline'"), 'no unsafe sources');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    // A new nonce for every answer.
    const again = await t.app.inject({ method: 'GET', url: '/' });
    assert.notEqual(/nonce="([^"]+)"/.exec(again.body)?.[1], nonce);
    const map = JSON.parse(/<script type="importmap"[^>]*>(.*?)<\/script>/s.exec(res.body)?.[1] ?? '{}');
    assert.equal(map.imports.lit, '/assets/lit-BBBB.js');
  });

  it('preloads the static module graph of the route: the shell’s and the route element’s', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.deepEqual(preloads(home.body), ['/assets/lit-BBBB.js']);
    const title = await t.app.inject({ method: 'GET', url: '/title/ttl_1?tab=cast' });
    assert.equal(title.statusCode, 200);
    assert.deepEqual(preloads(title.body).sort(), [
      '/assets/lit-BBBB.js',
      '/assets/packages/title-detail@0.1.0-abc/chunk.js',
      '/assets/packages/title-detail@0.1.0-abc/define.js',
    ]);
  });

  it('answers deep links with the page (404 for an address no route matches) and keeps /api a JSON 404', async () => {
    for (const url of ['/admin', '/admin/titles/ttl_1/edit', '/title/x/']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<script type="importmap"/, url);
    }
    const unknown = await t.app.inject({ method: 'GET', url: '/no/such/page' });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /<script type="importmap"/, 'the shell shows "not found"');
    for (const [method, url] of [
      ['GET', '/api/v1/no/such/route'],
      ['POST', '/api/v1/no/such/route'],
      ['GET', '/api/v2/anything'],
      ['GET', '/.well-known/nothing'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'not_found', url);
    }
    // Media paths are the media routes' (never the page), whatever they answer.
    const media = await t.app.inject({ method: 'GET', url: '/media/nothing/here.mp4' });
    assert.ok(media.statusCode >= 400, 'media');
    assert.doesNotMatch(String(media.headers['content-type']), /text\/html/);
  });

  it('serves content-hashed assets immutable, pre-compressed when the client accepts it, and nothing outside', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/assets/shell-AAAA.js' });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(plain.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await t.app.inject({
      method: 'GET',
      url: '/assets/shell-AAAA.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    for (const url of ['/assets/missing-XXXX.js', '/assets/../site.json', '/assets/%2e%2e/site.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
    }
  });

  it('revalidates the import map and the manifest (no-cache with an ETag)', async () => {
    const map = await t.app.inject({ method: 'GET', url: '/importmap.json' });
    assert.equal(map.statusCode, 200);
    assert.equal(map.headers['cache-control'], 'no-cache');
    assert.match(String(map.headers['content-type']), /^application\/importmap\+json/);
    assert.equal(map.json().imports.lit, '/assets/lit-BBBB.js');
    const etag = String(map.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: '/importmap.json', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    const manifest = await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    assert.equal(manifest.headers['cache-control'], 'no-cache');
    assert.match(String(manifest.headers['content-type']), /^application\/manifest\+json/);
    const favicon = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    assert.equal(favicon.statusCode, 302);
    assert.equal(favicon.headers.location, '/assets/icon-CCCC.svg');
  });

  it('picks up a new build without a restart (an element deployed alone)', async () => {
    const site = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8'));
    site.importMap.imports['@reel/home/define'] = '/assets/packages/home@0.2.0-new/define.js';
    writeFileSync(join(dir, 'site.json'), JSON.stringify(site));
    const res = await t.app.inject({ method: 'GET', url: '/importmap.json' });
    assert.equal(res.json().imports['@reel/home/define'], '/assets/packages/home@0.2.0-new/define.js');
  });
});

describe('the site with import-map overrides', () => {
  let dir: string;
  before(() => {
    dir = fixtureShell();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('are off by default outside development: no overrides script, no extra script origins', async () => {
    const t = await buildTestApp({ REEL_SHELL_DIR: dir });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      assert.doesNotMatch(res.body, /import-map-overrides/);
      assert.doesNotMatch(String(res.headers['content-security-policy']), /localhost|reel-import-map-overrides/);
    } finally {
      await t.close();
    }
  });

  it('when allowed, load the overrides script first and allow only the configured origins', async () => {
    const t = await buildTestApp({
      REEL_SHELL_DIR: dir,
      REEL_IMPORT_MAP_OVERRIDES: '1',
      REEL_IMPORT_MAP_OVERRIDE_ORIGINS: 'http://localhost:4173 javascript:alert(1) https://*.dev.reel.test',
    });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      const csp = directives(String(res.headers['content-security-policy']));
      const nonce = /nonce="([^"]+)"/.exec(res.body)?.[1];
      assert.deepEqual(csp.get('script-src'), [
        "'self'",
        `'nonce-${nonce}'`,
        'http://localhost:4173',
        'https://*.dev.reel.test',
      ]);
      assert.deepEqual(csp.get('trusted-types'), ['lit-html', 'reel-import-map-overrides', "'allow-duplicates'"]);
      const boot = res.body.indexOf('import-map-overrides-EEEE.js');
      assert.ok(boot > 0 && boot < res.body.indexOf('type="importmap"'), 'before the import map');
      assert.match(res.body, /data-origins="http:\/\/localhost:4173 https:\/\/\*\.dev\.reel\.test"/);
    } finally {
      await t.close();
    }
  });
});

describe('the site before the shell is built', () => {
  it('says how to build it (the API still answers)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'reel-shell-empty-'));
    const t = await buildTestApp({ REEL_SHELL_DIR: empty });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/my-list' });
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /not built yet/);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/ops/version' })).statusCode, 200);
    } finally {
      await t.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

const builtShell = fileURLToPath(new URL('../../../../shell/dist', import.meta.url));
describe('the real shell build', {
  skip: existsSync(join(builtShell, 'site.json')) ? false : 'shell not built (pnpm build)',
}, () => {
  it('serves every module of the import map and of the graph, immutable', async () => {
    const t = await buildTestApp({ REEL_SHELL_DIR: builtShell });
    try {
      const site = JSON.parse(readFileSync(join(builtShell, 'site.json'), 'utf8'));
      const urls = new Set<string>([
        site.entry,
        site.css,
        ...Object.values<string>(site.importMap.imports),
        ...Object.keys(site.graph),
        ...Object.values<string[]>(site.graph).flat(),
      ]);
      for (const url of urls) {
        const res = await t.app.inject({ method: 'HEAD', url });
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', url);
      }
      const page = await t.app.inject({ method: 'GET', url: '/' });
      for (const url of preloads(page.body)) assert.ok(urls.has(url as string), `${url} is a known module`);
    } finally {
      await t.close();
    }
  });
});
