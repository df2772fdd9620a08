// Partner embedding, measured (issue 13):
//
//   node bench/run.mjs embed
//
// 1. Each embed loader as served (GET /embed/<element>.js, brotli): budget 2 KB.
// 2. Each standalone build's JS before its lazy chunks (the entry and its static imports;
//    dynamic imports such as hls.js and the player's chrome excluded), min+gzip; the player's
//    budget is 14 KB.
// The API is built in-process on an in-memory database (no listening socket). Packages must be
// built first (`node scripts/pnpm.mjs --filter @reel/player --filter @reel/rail build`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    'Not measured here yet: partner-page cold load to first frame vs a bare <video> with the same hls.js build (needs the player build and a browser run).',
  ]
    .filter(Boolean)
    .join('\n');
  return [
    { title: 'Embed loaders (budget ≤ 2 KB brotli)', rows: loaders },
    { title: 'Standalone builds before the media engine (player budget ≤ 14 KB min+gzip)', rows: builds, notes },
  ];
}
