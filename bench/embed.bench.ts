// Partner embedding, measured (issue 13):
//
//   node bench/run.mjs embed
//
// 1. Each embed loader as served (GET /embed/<element>.js, brotli): budget 2 KB.
// 2. Each standalone build's JS before its lazy chunks (the entry and its static imports;
//    dynamic imports such as hls.js and the player's chrome excluded), min+gzip; the player's
//    budget is 14 KB.
// 3. Partner page cold load to first frame, median of 9, each in a fresh browser context: a page
//    on its own origin with the loader tag and <reel-player autoplay muted playback-token=…>,
//    next to the floor — a bare page on the same origin with a <video> and Reel's hls.js build
//    playing a signed manifest from the same API. Target: partner page ≤ 1.05× the floor.
// Parts 1–2 build the API in-process on an in-memory database; part 3 starts the real server.
// Packages must be built first (`node scripts/pnpm.mjs --filter @reel/player --filter @reel/rail build`).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(fileURLToPath(import.meta.url), '..', '..');
type Row = Record<string, string | number>;

const LOADER_BUDGET = 2048;
const PLAYER_BUDGET = 14 * 1024;

interface ManifestEntry {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The entry's file and every file it imports statically, transitively. */
function staticClosure(manifest: Record<string, ManifestEntry>, key: string, seen = new Set<string>()): Set<string> {
  const entry = manifest[key];
  if (!entry || seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const dep of entry.imports ?? []) staticClosure(manifest, dep, seen);
  return seen;
}

export default async function embedBench() {
  const { loadConfig } = await import(join(root, 'apps/api/src/config.ts'));
  const { openDatabase } = await import(join(root, 'apps/api/src/db/client.ts'));
  const { buildApp } = await import(join(root, 'apps/api/src/app.ts'));
  const { embedBuilds } = await import(join(root, 'apps/api/src/embed.ts'));
  const config = loadConfig({ NODE_ENV: 'test', REEL_SEED_DEMO: '0', REEL_DEMO_MEDIA: 'off', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ databaseUrl: undefined, dataDir: null });
  const app = await buildApp(config, database);
  await app.ready();
  const loaders: Row[] = [];
  const builds: Row[] = [];
  try {
    const all = (embedBuilds(null) as { element: string; version: string; dir: string }[]).filter(
      (b, i, list) => list.findIndex((x) => x.element === b.element) === i,
    );
    for (const build of all) {
      const res = await app.inject({
        method: 'GET',
        url: `/embed/${build.element}.js`,
        headers: { 'accept-encoding': 'br' },
      });
      const bytes = res.rawPayload.length;
      loaders.push({
        element: `<reel-${build.element}>`,
        version: build.version,
        status: res.statusCode,
        encoding: String(res.headers['content-encoding'] ?? 'identity'),
        'loader bytes': bytes,
        budget: LOADER_BUDGET,
        ok: res.statusCode === 200 && bytes <= LOADER_BUDGET ? 'yes' : 'NO',
      });
      const manifestFile = join(build.dir, '.vite', 'manifest.json');
      if (!existsSync(manifestFile)) continue;
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestEntry>;
      const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
      if (!key) continue;
      const files = [...staticClosure(manifest, key)];
      const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(build.dir, f)), { level: 9 }).length, 0);
      const raw = files.reduce((n, f) => n + readFileSync(join(build.dir, f)).length, 0);
      builds.push({
        element: `<reel-${build.element}>`,
        'files before lazy chunks': files.length,
        'min bytes': raw,
        'min+gzip bytes': gz,
        budget: build.element === 'player' ? PLAYER_BUDGET : '—',
        ok: build.element === 'player' ? (gz <= PLAYER_BUDGET ? 'yes' : 'NO') : '—',
      });
    }
  } finally {
    await app.close();
    await database.close();
  }
  const notes = [
    'Loader: the bytes on the wire for GET /embed/<element>.js with Accept-Encoding: br.',
    'Standalone: the entry and its static imports from dist/standalone/.vite/manifest.json.',
    existsSync(join(root, 'packages/player/dist/standalone/.vite/manifest.json'))
      ? ''
      : 'The player has no standalone build here: build packages/player to measure it.',
  ]
    .filter(Boolean)
    .join('\n');
  const coldLoad = existsSync(join(root, 'packages/player/dist/standalone/.vite/manifest.json'))
    ? await partnerColdLoad()
    : { title: 'Partner page cold load', rows: [{ skipped: 'build packages/player first' }] };
  return [
    { title: 'Embed loaders (budget ≤ 2 KB brotli)', rows: loaders },
    { title: 'Standalone builds before the media engine (player budget ≤ 14 KB min+gzip)', rows: builds, notes },
    coldLoad,
  ];
}

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** The partner's origin: static files, and the partner page rendered with a fresh token. */
function pageServer(dir: string, partnerPage: (query: URLSearchParams) => string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/partner') {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      res.end(partnerPage(url.searchParams));
      return;
    }
    const file = join(dir, url.pathname.replace(/\.\.+/g, ''));
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function partnerColdLoad() {
  const work = mkdtempSync(join(tmpdir(), 'reel-bench-embed-'));
  const { startApiServer } = await import(join(root, 'scripts', 'api-server.mjs'));
  const { DEMO_PARTNER_KEY } = await import(join(root, 'apps/api/src/seed/partner.ts'));
  const { chromium } = await import('playwright-core');
  const { build } = await import('vite');
  const { hlsBuild } = await import(pathToFileURL(join(root, 'packages/player/src/engine/hls-build.mjs')).href);
  try {
    // The floor: a bare <video> with the same hls.js build the player's engine loads.
    writeFileSync(
      join(work, 'bare.ts'),
      `import Hls from 'hls.js';
const video = document.querySelector('video');
video.requestVideoFrameCallback(() => { globalThis.firstFrame = performance.now(); });
const hls = new Hls({ enableWorker: false });
hls.attachMedia(video);
hls.loadSource(decodeURIComponent(location.hash.slice(1)));
video.play().catch(() => {});
`,
    );
    await build({
      configFile: false,
      root: join(root, 'packages/player'),
      logLevel: 'error',
      define: hlsBuild.define,
      plugins: hlsBuild.plugins,
      build: {
        outDir: join(work, 'site', 'bare'),
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: join(work, 'bare.ts'), formats: ['es'], fileName: () => 'page.js' },
      },
    });
    writeFileSync(
      join(work, 'site', 'bare', 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/bare/page.js"></script></head>' +
        '<body><video muted playsinline width="640" height="360"></video></body></html>',
    );
    // The partner page as docs/embedding.md shows it, plus a probe for the first frame.
    let apiUrl = '';
    const partnerPage = (q: URLSearchParams) => `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="${apiUrl}/embed/player.js"></script>
<script type="module">
document.addEventListener('reel-play', (e) => {
  const video = e.target.shadowRoot.querySelector('video');
  video.requestVideoFrameCallback(() => { globalThis.firstFrame ??= performance.now(); });
});
</script></head><body>
<reel-player style="width:640px" api-base="${apiUrl}/api/v1" title-id="${q.get('title')}" playback-token="${q.get('token')}" autoplay muted></reel-player>
</body></html>`;
    const pages = await pageServer(join(work, 'site'), partnerPage);
    const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    const api = await startApiServer({
      env: { REEL_DEMO_MEDIA: 'tiny', LOG_LEVEL: 'silent', REEL_PARTNER_DEMO_ORIGINS: origin },
      timeoutMs: 300_000,
    });
    apiUrl = api.url;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const mint = async (titleId: string) => {
        const res = await fetch(`${api.url}/api/v1/partner/playback-tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': DEMO_PARTNER_KEY },
          body: JSON.stringify({ title_id: titleId, origin }),
        });
        if (res.status !== 201 && res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { playback_token: string }).playback_token;
      };
      const session = (token: string, titleId: string) =>
        fetch(`${api.url}/api/v1/player/sessions/enhanced`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin },
          body: JSON.stringify({ title_id: titleId, start_position: 0 }),
        });
      // A demo film whose media is ready (made in the background at start).
      const films = (await (await fetch(`${api.url}/api/v1/titles?type=film&limit=10`)).json()) as {
        items: { id: string }[];
      };
      let titleId = '';
      for (const deadline = Date.now() + 180_000; !titleId && Date.now() < deadline; ) {
        for (const t of films.items) {
          if ((await session(await mint(t.id), t.id)).status === 201) {
            titleId = t.id;
            break;
          }
        }
        if (!titleId) await new Promise((r) => setTimeout(r, 1000));
      }
      if (!titleId) throw new Error('the demo media was not ready');

      const firstFrame = async (url: string) => {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        const log: string[] = [];
        page.on('console', (m) => log.push(m.text()));
        page.on('pageerror', (e) => log.push(e.message));
        page.on('response', (r) => {
          if (r.status() >= 400) log.push(`${r.status()} ${r.url()}`);
        });
        await page.goto(url);
        await page
          .waitForFunction(() => 'firstFrame' in globalThis, undefined, { timeout: 30_000 })
          .catch((error: Error) => {
            throw new Error(`${url}: no first frame in 30 s (${error.message})\n${log.join('\n')}`);
          });
        const ms = await page.evaluate(() => (globalThis as unknown as { firstFrame: number }).firstFrame);
        await context.close();
        return ms;
      };
      const bare: number[] = [];
      const partner: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = (await (await session(await mint(titleId), titleId)).json()) as { manifest_url: string };
        const manifest = new URL(s.manifest_url, api.url).href;
        bare.push(await firstFrame(`${origin}/bare/index.html#${encodeURIComponent(manifest)}`));
        partner.push(
          await firstFrame(`${origin}/partner?title=${titleId}&token=${encodeURIComponent(await mint(titleId))}`),
        );
      }
      const floor = median(bare);
      const row = (page: string, xs: number[]) => ({
        page,
        'median ms': Math.round(median(xs)),
        'min ms': Math.round(Math.min(...xs)),
        'max ms': Math.round(Math.max(...xs)),
        'vs floor': `${(median(xs) / floor).toFixed(2)}×`,
      });
      return {
        title: `Partner page cold load to first frame (loopback, fresh context each run, median of ${RUNS})`,
        rows: [
          row('bare <video> + Reel hls.js build, same origin setup (floor)', bare),
          row('partner page: loader tag + <reel-player playback-token autoplay>', partner),
        ],
        notes:
          'Navigation start → the first video frame presented (requestVideoFrameCallback). Both pages are served from ' +
          'a second loopback origin and fetch media from the API origin. The floor is handed a signed manifest; the ' +
          'partner page loads the loader, the standalone player and its hls.js chunk, and starts its own session. ' +
          'Target: ≤ 1.05× the floor.',
      };
    } finally {
      await browser.close();
      pages.close();
      await api.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
