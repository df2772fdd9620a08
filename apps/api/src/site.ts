// The site around the API, on the same origin: the built shell (shell/dist) — its page for every
// route (history fallback), its content-hashed assets, the import map, the PWA manifest — and,
// for partner pages and tests, the packages' own builds under /packages/<dir>/dist/.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteConfig } from './config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** Content-hashed files: never change under their URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and the import map: always revalidated, so a deploy is picked up at once. */
export const REVALIDATE = 'no-cache';

/** What the shell's build writes to dist/site.json (see shell/scripts/build.mjs). */
interface SiteManifest {
  entry: string;
  css: string;
  overrides: string;
  routes: { name: string; path: string; module: string }[];
  importMap: { imports: Record<string, string> };
  /** URL → the URLs it imports statically. */
  graph: Record<string, string[]>;
}

interface LoadedShell {
  dir: string;
  stamp: number;
  manifest: SiteManifest;
  template: string;
  importMapJson: string;
  importMapTag: string;
  etag: string;
  webManifest: { body: string; etag: string } | null;
  routes: { name: string; module: string; pattern: RegExp }[];
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

/** `/title/:id` → a RegExp (a trailing `/*` matches the rest of the path). The shell's own matcher does the same. */
function routePattern(path: string): RegExp {
  const splat = path.endsWith('/*');
  const base = splat ? path.slice(0, -2) : path;
  const body = base
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}${splat ? '(?:/.*)?' : ''}/?$`);
}

function loadShell(dir: string, previous: LoadedShell | null): LoadedShell | null {
  const siteFile = join(dir, 'site.json');
  let stamp: number;
  try {
    stamp = statSync(siteFile).mtimeMs;
  } catch {
    return null;
  }
  if (previous && previous.dir === dir && previous.stamp === stamp) return previous;
  try {
    const manifest = JSON.parse(readFileSync(siteFile, 'utf8')) as SiteManifest;
    const template = readFileSync(join(dir, 'index.html'), 'utf8');
    const importMapJson = `${JSON.stringify(manifest.importMap, null, 2)}\n`;
    const manifestFile = join(dir, 'manifest.webmanifest');
    const webManifestBody = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : null;
    return {
      dir,
      stamp,
      manifest,
      template,
      importMapJson,
      // `<` escaped: the JSON sits inside a <script> element.
      importMapTag: JSON.stringify(manifest.importMap).replace(/</g, '\\u003c'),
      etag: etagOf(importMapJson),
      webManifest: webManifestBody ? { body: webManifestBody, etag: etagOf(webManifestBody) } : null,
      routes: manifest.routes.map((r) => ({ name: r.name, module: r.module, pattern: routePattern(r.path) })),
    };
  } catch {
    // A build in progress (half-written files): keep serving what was there.
    return previous;
  }
}

/** The modules a page needs before it can run: the closure of static imports from `entries`. */
function staticGraph(graph: Record<string, string[]>, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    for (const dep of graph[url] ?? []) visit(dep);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

/**
 * The page's Content-Security-Policy: scripts only from this origin (and, with overrides on, the
 * allowed development origins) or carrying this response's nonce (the import maps); no eval, no
 * inline script or style; Trusted Types enforced, with the policies the site creates: Lit's, and
 * the overrides script's when overrides are on.
 */
export function contentSecurityPolicy(nonce: string, overrideOrigins: string[] | null): string {
  const extra = overrideOrigins?.length ? ` ${overrideOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${extra}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types lit-html${overrideOrigins ? ' reel-import-map-overrides' : ''} 'allow-duplicates'`,
  ].join('; ');
}

/** Paths the shell never answers for: an unknown one is the API's JSON 404. */
const SERVER_PATHS = /^\/(api|media|\.well-known|assets|packages|apps)(\/|$)/;

const escapeAttribute = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Sends a file with its type, preferring a pre-compressed copy the client accepts. */
function sendFile(request: FastifyRequest, reply: FastifyReply, path: string, cacheControl: string) {
  const accept = String(request.headers['accept-encoding'] ?? '');
  let file = path;
  if (/\bbr\b/.test(accept) && existsSync(`${path}.br`)) {
    file = `${path}.br`;
    reply.header('content-encoding', 'br');
  } else if (/\bgzip\b/.test(accept) && existsSync(`${path}.gz`)) {
    file = `${path}.gz`;
    reply.header('content-encoding', 'gzip');
  }
  reply.headers({
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    vary: 'Origin, Accept-Encoding',
    'x-content-type-options': 'nosniff',
    'content-length': String(statSync(file).size),
  });
  return reply.send(createReadStream(file));
}

/** A file strictly inside `dir`, or null. */
function inside(dir: string, rest: string): string | null {
  const path = normalize(join(dir, rest));
  if (!path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

/**
 * The site: the shell's page for every route (status 404 for an address no route matches — the
 * shell then shows "not found"), with the import map, the route's modulepreload links and the
 * strict CSP; its assets (`immutable`); `/importmap.json` and the manifest (`no-cache`, ETag).
 */
export function registerSite(app: FastifyInstance, site: SiteConfig): void {
  const dir = site.shellDir ?? join(root, 'shell', 'dist');
  const overrideOrigins = site.importMapOverrides ? site.importMapOverrideOrigins : null;
  let shell: LoadedShell | null = null;
  const current = () => {
    shell = loadShell(dir, shell);
    return shell;
  };

  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const loaded = current();
    const pathname = request.url.split('?')[0] ?? '/';
    if (!loaded) return notBuilt(reply);
    const route = loaded.routes.find((r) => r.pattern.test(pathname));
    const nonce = randomBytes(16).toString('base64');
    const { imports } = loaded.manifest.importMap;
    const routeModule = route ? imports[route.module] : undefined;
    const preload = staticGraph(loaded.manifest.graph, [
      loaded.manifest.entry,
      ...(routeModule ? [routeModule] : []),
    ]).filter((url) => url !== loaded.manifest.entry);
    const head = [
      overrideOrigins
        ? `<script src="${loaded.manifest.overrides}" nonce="${nonce}" data-origins="${escapeAttribute(overrideOrigins.join(' '))}"></script>`
        : '',
      `<script type="importmap" nonce="${nonce}">${loaded.importMapTag}</script>`,
      ...preload.map((url) => `<link rel="modulepreload" href="${escapeAttribute(url)}" />`),
    ]
      .filter(Boolean)
      .join('\n    ');
    reply.code(route ? 200 : 404).headers({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': REVALIDATE,
      'content-security-policy': contentSecurityPolicy(nonce, overrideOrigins),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(self)',
      'cross-origin-opener-policy': 'same-origin',
    });
    return reply.send(loaded.template.replace('<!--reel:head-->', head));
  };

  const revalidated = (request: FastifyRequest, reply: FastifyReply, body: string, etag: string, type: string) => {
    reply.headers({ 'content-type': type, 'cache-control': REVALIDATE, etag, 'x-content-type-options': 'nosniff' });
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  };

  app.get('/importmap.json', async (request, reply) => {
    const loaded = current();
    if (!loaded) return reply.callNotFound();
    return revalidated(request, reply, loaded.importMapJson, loaded.etag, 'application/importmap+json; charset=utf-8');
  });
  app.get('/manifest.webmanifest', async (request, reply) => {
    const manifest = current()?.webManifest;
    if (!manifest) return reply.callNotFound();
    return revalidated(request, reply, manifest.body, manifest.etag, types['.webmanifest'] as string);
  });
  app.get('/favicon.ico', async (_request, reply) => {
    const icon = current()?.template.match(/<link rel="icon" href="([^"]+)"/)?.[1];
    if (!icon) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=86400').redirect(icon, 302);
  });
  app.get('/assets/*', async (request, reply) => {
    const rest = (request.params as Record<string, string>)['*'] ?? '';
    const file = current() ? inside(join(dir, 'assets'), rest) : null;
    if (!file) return reply.callNotFound();
    return sendFile(request, reply, file, IMMUTABLE);
  });
  // Each package's own build (partner pages load dist/standalone/ from here; not hashed).
  for (const group of ['packages', 'apps']) {
    app.get(`/${group}/:pkg/*`, async (request, reply) => {
      const { pkg } = request.params as { pkg: string };
      const rest = (request.params as Record<string, string>)['*'] ?? '';
      const base = join(root, group, pkg);
      const file =
        rest === 'custom-elements.json' ? inside(base, rest) : inside(join(base, 'dist'), rest.replace(/^dist\//, ''));
      if (!file || !(rest.startsWith('dist/') || rest === 'custom-elements.json')) return reply.callNotFound();
      return sendFile(request, reply, file, REVALIDATE);
    });
  }
  // Every other GET is a page of the site (deep links), except the API's and the server's own paths.
  app.get('/', async (request, reply) => page(request, reply));
  app.get('/*', async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (SERVER_PATHS.test(pathname) || extname(pathname) !== '') return reply.callNotFound();
    return page(request, reply);
  });
}

/** Before `pnpm build`: a plain page that says so (the API works regardless). */
function notBuilt(reply: FastifyReply) {
  reply.code(503).headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': REVALIDATE,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'retry-after': '30',
  });
  return reply.send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Reel</title>
<style>body{margin:0;display:grid;place-items:center;min-height:100vh;background:#08080a;color:#f4f4f6;font:16px/1.5 system-ui,sans-serif}main{max-width:34rem;padding:2rem}h1{color:#e50914;font-size:2.5rem;margin:0 0 .5rem}code{color:#ffd479}</style></head>
<body><main><h1>Reel</h1><p>The API is running at <code>/api/v1</code>, but the site is not built yet. Run <code>node scripts/pnpm.mjs build</code> (or <code>npm start</code>, which builds first), then reload.</p></main></body></html>`);
}
