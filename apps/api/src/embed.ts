// Partner embedding (issue 13): the stable script URLs a partner page puts in one <script> tag,
// and the iframe embed.
//
//   GET /embed/<element>.js           a loader (< 2 KB brotli, short cache) importing the latest build
//   GET /embed/<element>@<major>.js   the same, pinned to a major version
//   GET /embed/v/<element>/<version>/<file>   the content-hashed standalone build (immutable)
//   GET /embed/frame/player?token=…&title_id=…   a minimal page with the player, framable only
//                                      by the token's API key's allowed origins
//
// `<element>` is a tag without `reel-` (player, rail, title-card …): every package whose
// vite.config.ts has a `standalone` entry (packages/<pkg>/dist/standalone, with .vite/manifest.json).
// Earlier releases, when kept, live in `<data dir>/embed-releases/<element>/<version>/` (a copy of
// that version's dist/standalone), so a pinned major keeps working after a new major ships.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http/errors.js';
import { IMMUTABLE } from './site.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The loader's cache: short, so a release is picked up within minutes. */
export const LOADER_CACHE = 'public, max-age=300, stale-while-revalidate=60';
/** Packages whose standalone entry is a library, not an element a partner embeds. */
const NOT_EMBEDDABLE = new Set(['core', 'ui']);
const ELEMENT = /^[a-z][a-z0-9-]{0,40}$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export interface EmbedBuild {
  element: string;
  version: string;
  /** The folder holding the standalone build (its .vite/manifest.json). */
  dir: string;
  /** The entry's file, relative to `dir`. */
  entry: string;
  /** The files the entry imports statically, transitively (relative to `dir`). */
  imports: string[];
}

/** `1.10.0` > `1.9.3`; a pre-release sorts below its release. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d) return d;
  }
  if (a.includes('-') !== b.includes('-')) return a.includes('-') ? -1 : 1;
  return a.localeCompare(b);
}

/** The entry file of a standalone build and its static imports, from its Vite manifest. */
function entryOf(dir: string, tag: string): { entry: string; imports: string[] } | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; name?: string; isEntry?: boolean; imports?: string[] }
    >;
    const entries = Object.values(manifest).filter((m) => m.isEntry);
    const entry = entries.find((m) => m.name === tag) ?? entries[0];
    if (!entry) return null;
    const imports = new Set<string>();
    const visit = (keys: string[] = []) => {
      for (const key of keys) {
        const chunk = manifest[key];
        if (!chunk || imports.has(chunk.file)) continue;
        imports.add(chunk.file);
        visit(chunk.imports);
      }
    };
    visit(entry.imports);
    return { entry: entry.file, imports: [...imports] };
  } catch {
    return null;
  }
}

/** Every embeddable build: the repository's packages (current) and the kept releases. */
export function embedBuilds(releasesDir: string | null): EmbedBuild[] {
  const out: EmbedBuild[] = [];
  const packagesDir = join(root, 'packages');
  for (const pkg of existsSync(packagesDir) ? readdirSync(packagesDir) : []) {
    if (NOT_EMBEDDABLE.has(pkg)) continue;
    const base = join(packagesDir, pkg);
    let config: string;
    let version: string;
    try {
      config = readFileSync(join(base, 'vite.config.ts'), 'utf8');
      version = (JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      continue;
    }
    const tag = /standalone:\s*\{\s*'(reel-[a-z0-9-]+)'/.exec(config)?.[1];
    if (!tag) continue;
    const dir = join(base, 'dist', 'standalone');
    const found = entryOf(dir, tag);
    if (found) out.push({ element: tag.slice('reel-'.length), version, dir, ...found });
  }
  if (releasesDir && existsSync(releasesDir)) {
    for (const element of readdirSync(releasesDir)) {
      if (!ELEMENT.test(element)) continue;
      for (const version of readdirSync(join(releasesDir, element))) {
        if (!VERSION.test(version)) continue;
        const dir = join(releasesDir, element, version);
        const found = entryOf(dir, `reel-${element}`);
        if (found && !out.some((b) => b.element === element && b.version === version)) {
          out.push({ element, version, dir, ...found });
        }
      }
    }
  }
  return out.sort((a, b) => compareVersions(b.version, a.version));
}

/** The build a loader URL names: the latest, or the latest of a major. */
export function resolveBuild(builds: EmbedBuild[], element: string, major: number | null): EmbedBuild | null {
  return (
    builds.find((b) => b.element === element && (major === null || Number(b.version.split('.')[0]) === major)) ?? null
  );
}

/**
 * The loader module: static imports of the hashed build, relative to the loader's own URL — the
 * entry's own imports listed first so the browser fetches every file at once instead of finding
 * them one level at a time (they are side-effect free; the entry runs last, as it would).
 */
export function loaderSource(build: EmbedBuild): string {
  const base = `./v/${build.element}/${build.version}/`;
  return (
    `/* <reel-${build.element}> ${build.version}: a loader (short cache); the build it imports is content-hashed and immutable. */\n` +
    [...build.imports, build.entry].map((file) => `import '${base}${file}';\n`).join('')
  );
}

const etagOf = (body: Buffer | string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

/** Compressed copies, made once per file version. */
const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();
function encodings(key: string, body: Buffer) {
  let entry = compressed.get(key);
  if (!entry) {
    entry = {
      br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(body, { level: 9 }),
    };
    if (compressed.size > 500) compressed.clear();
    compressed.set(key, entry);
  }
  return entry;
}

/** Sends a script (or map) to any origin: public, no credentials; br or gzip when accepted. */
function sendScript(
  request: FastifyRequest,
  reply: FastifyReply,
  body: Buffer,
  key: string,
  cacheControl: string,
  type = 'text/javascript; charset=utf-8',
) {
  const etag = etagOf(body);
  reply.headers({
    'content-type': type,
    'cache-control': cacheControl,
    etag,
    vary: 'Accept-Encoding',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'timing-allow-origin': '*',
  });
  reply.removeHeader('access-control-allow-credentials');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (body.length > 512 && /\b(br|gzip)\b/.test(accept)) {
    const packed = encodings(`${key}|${etag}`, body);
    const br = /\bbr\b/.test(accept);
    reply.header('content-encoding', br ? 'br' : 'gzip');
    return reply.send(br ? packed.br : packed.gzip);
  }
  return reply.send(body);
}

/** The Content-Security-Policy of the iframe embed: the player's needs, framable by `ancestors` only. */
export function frameCsp(ancestors: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`,
    "require-trusted-types-for 'script'",
    "trusted-types lit-html 'allow-duplicates'",
  ].join('; ');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The frame's script: hands `reel-token-expiring` to the host page and takes the new token back. */
const FRAME_SCRIPT = `// The iframe embed: asks the host page (the token's origin) for a new playback token before
// the current one expires, and gives it to the player. Messages from other origins are ignored.
const player = document.querySelector('reel-player');
const host = document.documentElement.dataset.hostOrigin;
if (player && host) {
  player.addEventListener('reel-token-expiring', () => {
    parent.postMessage({ type: 'reel-token-expiring', title_id: player.getAttribute('title-id') }, host);
  });
  addEventListener('message', (event) => {
    if (event.origin !== host || !event.data || event.data.type !== 'reel-playback-token') return;
    if (typeof event.data.token === 'string') player.playbackToken = event.data.token;
  });
}
`;
const FRAME_CSS = `html,body{margin:0;height:100%;background:#000;color:#f4f4f6;font:16px/1.5 system-ui,sans-serif}
reel-player{display:block;width:100%;height:100%}
.reel-frame-error{display:grid;place-items:center;height:100%;padding:1rem;text-align:center;box-sizing:border-box}
`;

/** The embed routes (see the top of this file). */
export function registerEmbed(app: FastifyInstance): void {
  const releasesDir = process.env.REEL_EMBED_RELEASES_DIR ?? join(app.config.dataDir, 'embed-releases');
  let cached: { at: number; builds: EmbedBuild[] } | null = null;
  const builds = () => {
    // Re-read at most once a second: a rebuild is picked up at once, a request costs no disk scan.
    if (!cached || Date.now() - cached.at > 1000) cached = { at: Date.now(), builds: embedBuilds(releasesDir) };
    return cached.builds;
  };
  const missing = (what: string) => new HttpError(404, 'not_found', `No embeddable ${what} here`);

  app.get('/embed/frame.js', async (request, reply) =>
    sendScript(request, reply, Buffer.from(FRAME_SCRIPT), 'frame.js', LOADER_CACHE),
  );
  app.get('/embed/frame.css', async (request, reply) =>
    sendScript(request, reply, Buffer.from(FRAME_CSS), 'frame.css', LOADER_CACHE, 'text/css; charset=utf-8'),
  );

  app.get('/embed/frame/player', async (request, reply) => {
    const query = request.query as { token?: string; title_id?: string; episode_id?: string };
    const token = typeof query.token === 'string' ? query.token : '';
    let grant: ReturnType<FastifyInstance['partner']['verify']> | null = null;
    let problem: string | null = null;
    try {
      grant = app.partner.verify(token, null);
      if (query.title_id && query.title_id !== grant.titleId) problem = 'This playback token is for another title.';
    } catch (error) {
      problem = error instanceof HttpError ? error.message : 'This playback token is not valid.';
    }
    const ancestors = grant ? (app.partner.originsOfKey(grant.keyId) ?? []) : [];
    reply.removeHeader('x-frame-options');
    reply.headers({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': frameCsp(ancestors),
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      'x-content-type-options': 'nosniff',
    });
    // No cookie is read or set here: the page carries the token only.
    const apiBase = `${app.config.publicOrigin}/api/v1`;
    const body =
      grant && !problem
        ? `<reel-player api-base="${escapeHtml(apiBase)}" playback-token="${escapeHtml(token)}" title-id="${escapeHtml(grant.titleId)}"${grant.episodeId ? ` episode-id="${escapeHtml(grant.episodeId)}"` : ''}></reel-player>
<script type="module" src="/embed/player.js"></script>
<script type="module" src="/embed/frame.js"></script>`
        : `<p class="reel-frame-error" role="alert">${escapeHtml(problem ?? 'This video cannot be played here.')}</p>`;
    reply.code(grant && !problem ? 200 : 403);
    return reply.send(`<!doctype html>
<html lang="en" data-host-origin="${escapeHtml(grant?.origin ?? '')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Reel player</title>
<link rel="stylesheet" href="/embed/frame.css">
</head>
<body>
${body}
</body>
</html>
`);
  });

  app.get('/embed/v/:element/:version/*', async (request, reply) => {
    const { element, version } = request.params as { element: string; version: string };
    const rest = (request.params as Record<string, string>)['*'] ?? '';
    const build = builds().find((b) => b.element === element && b.version === version);
    if (!build) throw missing(`build of ${element} ${version}`);
    const path = normalize(join(build.dir, rest));
    if (
      !path.startsWith(build.dir + sep) ||
      rest.startsWith('.') ||
      !/\.(js|map|css)$/.test(rest) ||
      !existsSync(path)
    ) {
      throw missing('file');
    }
    const stat = statSync(path);
    if (!stat.isFile()) throw missing('file');
    return sendScript(
      request,
      reply,
      readFileSync(path),
      `${path}|${stat.mtimeMs}`,
      IMMUTABLE,
      rest.endsWith('.map') ? 'application/json; charset=utf-8' : undefined,
    );
  });

  app.get('/embed/*', async () => {
    throw missing('file');
  });

  app.get('/embed/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const m = /^([a-z][a-z0-9-]{0,40})(?:@(\d{1,4}))?\.js$/.exec(file);
    if (!m) throw missing('element');
    const element = m[1] as string;
    const major = m[2] === undefined ? null : Number(m[2]);
    const build = resolveBuild(builds(), element, major);
    if (!build) throw missing(`element ${element}${major === null ? '' : `@${major}`} (is it built?)`);
    return sendScript(request, reply, Buffer.from(loaderSource(build)), `loader|${element}|${major}`, LOADER_CACHE);
  });
}
