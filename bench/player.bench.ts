// The player's weight and start-up, side by side in one run:
//
//   node bench/run.mjs player
//
// 1. JS size: the element before any media engine (min+gzip, as `npm run size` measures it), and
//    all JS before the first frame on the hls.js path (brotli): the element's initial graph, the
//    engine chunk, Reel's hls.js build and the controls, from a standalone build of the package
//    with the player's hls.js options (packages/player/src/engine/hls-build.mjs) — next to hls.js's
//    own full and light builds.
// 2. Cold load to first frame on loopback, median of 9 runs, each in a fresh browser context (cold
//    cache): a bare page with a plain <video> and the same hls.js build playing a signed manifest
//    (the floor), and the engine page (engine + the same hls.js: session, hints and hls.js fetched
//    in parallel, start rung from the hints). The API runs with the tiny demo media.
// 3. play() → first frame on the engine page (media attached and buffered), median of 9.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const RUNS = 9;

type Row = Record<string, string | number>;

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

async function viteBuild(options: { entry: string; outDir: string; standalone?: boolean }) {
  const { build } = await import('vite');
  const { hlsBuild } = await import(pathToFileURL(join(root, 'packages/player/src/engine/hls-build.mjs')).href);
  const { resolveConditions } = await import(pathToFileURL(join(root, 'build/vite-element.mjs')).href);
  await build({
    configFile: false,
    root: join(root, 'packages/player'),
    logLevel: 'error',
    resolve: { conditions: resolveConditions },
    define: hlsBuild.define,
    plugins: hlsBuild.plugins,
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      manifest: true,
      lib: { entry: { page: options.entry }, formats: ['es'], fileName: () => 'page.js' },
      rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  return JSON.parse(readFileSync(join(options.outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}

/** The files a manifest key loads statically (itself included). */
function staticGraph(manifest: Record<string, ManifestChunk>, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const k of chunk.imports ?? []) staticGraph(manifest, k, into);
  return into;
}

async function sizes(work: string): Promise<Row[]> {
  const rows: Row[] = [];
  const sizeTool = await import(pathToFileURL(join(root, 'scripts/size.mjs')).href).catch(() => null);
  const define = join(root, 'packages/player/src/define.ts');
  let element: { gzip: number; brotli: number } | null = null;
  try {
    element = sizeTool ? await sizeTool.measure(define) : null;
  } catch (error) {
    rows.push({ what: 'element (define.ts) before any engine', note: `not measured: ${(error as Error).message}` });
  }
  if (element) {
    rows.push({
      what: 'element JS before any engine (Lit included)',
      'min+gzip': kb(element.gzip),
      brotli: kb(element.brotli),
      note: 'budget 14 KB min+gzip',
    });
  }
  // The standalone element with the player's hls.js build: what loads before the first frame.
  const out = join(work, 'element');
  let hlsChunk: Buffer | null = null;
  try {
    const manifest = await viteBuild({ entry: define, outDir: out });
    const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string;
    const files = staticGraph(manifest, entryKey);
    const parts: Row[] = [];
    // The controls (chrome.ts) load after the first frame, so they are not counted here.
    const lazyKeys = Object.keys(manifest).filter((k) => /engine\/index\.ts$|hls\.js\/src\//.test(k));
    for (const k of lazyKeys) {
      const graph = staticGraph(manifest, k);
      for (const f of graph) files.add(f);
    }
    const hlsKey = Object.keys(manifest).find((k) => /hls\.js\/src\//.test(k));
    if (hlsKey) hlsChunk = readFileSync(join(out, (manifest[hlsKey] as ManifestChunk).file));
    const all = Buffer.concat([...files].map((f) => readFileSync(join(out, f))));
    for (const f of files) {
      const b = readFileSync(join(out, f));
      parts.push({ file: f, brotli: br(b) });
    }
    rows.push({
      what: 'all JS before the first frame (element + engine + Reel hls.js)',
      'min+gzip': kb(gz(all)),
      brotli: kb(br(all)),
      note: `budget 125 KB brotli; ${parts.map((p) => `${String(p.file).replace(/^chunks\//, '')} ${kb(p.brotli as number)}`).join(', ')}`,
    });
  } catch (error) {
    rows.push({
      what: 'all JS before the first frame',
      note: `build failed: ${(error as Error).message.split('\n')[0]}`,
    });
  }
  if (hlsChunk) {
    rows.push({
      what: 'Reel hls.js build (alt audio, subtitles, media capabilities)',
      'min+gzip': kb(gz(hlsChunk)),
      brotli: kb(br(hlsChunk)),
    });
  }
  for (const [name, file] of [
    ['hls.js full build (hls.min.mjs)', 'hls.min.mjs'],
    ['hls.js light build (hls.light.min.mjs: no alt audio, no subtitles)', 'hls.light.min.mjs'],
  ] as const) {
    const b = readFileSync(join(root, 'node_modules/hls.js/dist', file));
    rows.push({ what: name, 'min+gzip': kb(gz(b)), brotli: kb(br(b)) });
  }
  return rows;
}

export default async function playerBench() {
  const work = mkdtempSync(join(tmpdir(), 'reel-bench-player-'));
  const { startApiServer } = await import(join(root, 'scripts', 'api-server.mjs'));
  const { startFaultProxy } = await import(join(root, 'e2e', 'fixtures', 'fault-proxy.ts'));
  const { chromium } = await import('playwright-core');
  try {
    const sizeRows = await sizes(work);

    // Pages: the bare floor and the engine, built with the same hls.js options.
    const pages = join(work, 'pages');
    writeFileSync(
      join(work, 'bare.ts'),
      `import Hls from 'hls.js';
const video = document.querySelector('video');
const url = decodeURIComponent(location.hash.slice(1));
video.requestVideoFrameCallback(() => { globalThis.firstFrame = performance.now(); });
const hls = new Hls({ enableWorker: false });
hls.attachMedia(video);
hls.loadSource(url);
video.play().catch(() => {});
`,
    );
    writeFileSync(
      join(work, 'engine.ts'),
      `import { PlaybackEngine } from ${JSON.stringify(join(root, 'packages/player/src/engine/index.ts'))};
const video = document.querySelector('video');
const [token, titleId, mode] = location.hash.slice(1).split(',');
video.requestVideoFrameCallback(() => { globalThis.firstFrame = performance.now(); });
globalThis.engine = PlaybackEngine.create({ video, apiBase: '/api/v1', getAccessToken: async () => token, titleId, startTime: 0 }).then((e) => {
  if (mode !== 'preload') video.play().catch(() => {});
  return e;
});
`,
    );
    const { build } = await import('vite');
    const { hlsBuild } = await import(pathToFileURL(join(root, 'packages/player/src/engine/hls-build.mjs')).href);
    const { resolveConditions } = await import(pathToFileURL(join(root, 'build/vite-element.mjs')).href);
    for (const name of ['bare', 'engine']) {
      await build({
        configFile: false,
        root: join(root, 'packages/player'),
        logLevel: 'error',
        resolve: { conditions: resolveConditions },
        define: hlsBuild.define,
        plugins: hlsBuild.plugins,
        build: {
          outDir: join(pages, name),
          emptyOutDir: true,
          target: 'es2022',
          minify: true,
          lib: { entry: join(work, `${name}.ts`), formats: ['es'], fileName: () => 'page.js' },
          rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      });
      writeFileSync(
        join(pages, name, 'index.html'),
        `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/__fault/${name}/page.js"></script></head><body><video muted playsinline width="640" height="360"></video></body></html>`,
      );
    }

    const server = await startApiServer({ env: { REEL_DEMO_MEDIA: 'tiny', LOG_LEVEL: 'silent' }, timeoutMs: 300_000 });
    const proxy = await startFaultProxy(server.url);
    proxy.serve(pages);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@reel.test', password: 'reel-viewer-demo' }),
      });
      const { access_token: token } = (await login.json()) as { access_token: string };
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const titles = (await (
        await fetch(`${server.url}/api/v1/titles?type=film&limit=10`, { headers: auth })
      ).json()) as {
        items: { id: string }[];
      };
      let titleId = '';
      const deadline = Date.now() + 180_000;
      while (!titleId && Date.now() < deadline) {
        for (const t of titles.items) {
          const r = await fetch(`${server.url}/api/v1/player/sessions/enhanced`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ title_id: t.id }),
          });
          if (r.status === 201) {
            titleId = t.id;
            break;
          }
        }
        if (!titleId) await new Promise((r) => setTimeout(r, 1000));
      }
      if (!titleId) throw new Error('the demo media was not ready');

      const firstFrame = async (url: string, mode: 'load' | 'play') => {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        await page.goto(url);
        let ms: number;
        if (mode === 'load') {
          await page.waitForFunction(() => 'firstFrame' in globalThis, undefined, { timeout: 30_000 });
          ms = await page.evaluate(() => (globalThis as unknown as { firstFrame: number }).firstFrame);
        } else {
          ms = await page.evaluate(async () => {
            const g = globalThis as unknown as { engine: Promise<unknown>; firstFrame?: number };
            await g.engine;
            const video = document.querySelector('video') as HTMLVideoElement;
            const start = Date.now();
            while (video.readyState < 3 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 20));
            const t0 = performance.now();
            const frame = new Promise<number>((resolve) =>
              video.requestVideoFrameCallback(() => resolve(performance.now())),
            );
            await video.play();
            return (await frame) - t0;
          });
        }
        await context.close();
        return ms;
      };

      const bare: number[] = [];
      const engine: number[] = [];
      const play: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A fresh signed manifest for the floor (sessions of one sign-in replace each other).
        const s = (await (
          await fetch(`${server.url}/api/v1/player/sessions/enhanced`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ title_id: titleId, start_position: 0 }),
          })
        ).json()) as { manifest_url: string };
        const manifest = new URL(s.manifest_url, proxy.url).href;
        bare.push(await firstFrame(`${proxy.url}/__fault/bare/index.html#${encodeURIComponent(manifest)}`, 'load'));
        engine.push(await firstFrame(`${proxy.url}/__fault/engine/index.html#${token},${titleId}`, 'load'));
        play.push(await firstFrame(`${proxy.url}/__fault/engine/index.html#${token},${titleId},preload`, 'play'));
      }
      const floor = median(bare);
      const ours = median(engine);
      const loadRows: Row[] = [
        {
          page: 'bare <video> + Reel hls.js build (floor)',
          'median ms': Math.round(floor),
          'min ms': Math.round(Math.min(...bare)),
          'max ms': Math.round(Math.max(...bare)),
          'vs floor': '1.00×',
        },
        {
          page: 'engine page (session + hints + hls.js in parallel)',
          'median ms': Math.round(ours),
          'min ms': Math.round(Math.min(...engine)),
          'max ms': Math.round(Math.max(...engine)),
          'vs floor': `${(ours / floor).toFixed(2)}×`,
        },
      ];
      const playRows: Row[] = [
        {
          measure: 'play() → first frame (media attached, buffered)',
          'median ms': Math.round(median(play)),
          'min ms': Math.round(Math.min(...play)),
          'max ms': Math.round(Math.max(...play)),
          target: '≤ 350 ms',
        },
      ];
      return [
        { title: 'Player JS size', rows: sizeRows },
        {
          title: `Cold load to first frame (loopback, fresh context each run, median of ${RUNS})`,
          rows: loadRows,
          notes:
            'Navigation start → the first video frame presented (requestVideoFrameCallback). Target: engine ≤ 1.05× the floor. ' +
            'The floor is handed a signed manifest; the engine page starts its own session first.',
        },
        { title: `play() to first frame (median of ${RUNS})`, rows: playRows },
      ];
    } finally {
      await browser.close();
      await proxy.close();
      await server.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
