import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function packages() {
  const out: { dir: string; name: string; version: string }[] = [];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const d of readdirSync(base)) {
      const file = join(base, d, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string };
      out.push({ dir: `${group}/${d}`, name: pkg.name, version: pkg.version });
    }
  }
  return out;
}

const favicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#e50914"/><path d="M12 9v14l11-7z" fill="#fff"/></svg>';
const css = `:root{color-scheme:dark;font-family:system-ui,sans-serif;background:#0b0b10;color:#ecebf3}
main{max-width:56rem;margin:4rem auto;padding:0 1.5rem}h1{font-size:2.5rem;letter-spacing:-.02em;color:#e50914}
.status{color:#b9b8c6}table{width:100%;border-collapse:collapse;margin-top:2rem}caption{text-align:left;font-weight:600;padding-bottom:.5rem}
th,td{text-align:left;padding:.6rem .75rem;border-bottom:1px solid #26252f}a{color:#8ab4ff}code{color:#ffd479}`;

/**
 * The site around the API. Until the shell is built, `/` is a status page that says what exists:
 * the API and the built packages (served under /packages/<dir>/dist/).
 */
export function registerSite(app: FastifyInstance): void {
  const headers = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  };
  app.get('/', async (_req, reply) => {
    const rows = packages()
      .map((p) => {
        const built = existsSync(join(root, p.dir, 'dist'));
        const manifest = existsSync(join(root, p.dir, 'custom-elements.json'));
        return `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.version)}</td><td>${built ? `<a href="/${p.dir}/dist/">dist</a>` : '—'}</td><td>${manifest ? `<a href="/${p.dir}/custom-elements.json">manifest</a>` : '—'}</td></tr>`;
      })
      .join('');
    reply.headers({ ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Reel</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/site.css"></head>
<body><main><h1>Reel</h1><p class="status" role="status">The API is running at <a href="/api/v1/ops/health"><code>/api/v1</code></a>. The shell (the site itself) is not built yet: this page lists the packages that are.</p>
<table><caption>Packages</caption><thead><tr><th scope="col">Package</th><th scope="col">Version</th><th scope="col">Build</th><th scope="col">Manifest</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
  });
  app.get('/favicon.svg', async (_req, reply) => {
    reply.headers({ 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
    return favicon;
  });
  app.get('/favicon.ico', async (_req, reply) => reply.redirect('/favicon.svg', 301));
  app.get('/site.css', async (_req, reply) => {
    reply.headers({ 'content-type': 'text/css', 'cache-control': 'public, max-age=3600' });
    return css;
  });
  app.get('/:group/:pkg/*', async (request, reply) => {
    const { group, pkg } = request.params as { group: string; pkg: string; '*': string };
    const rest = (request.params as Record<string, string>)['*'] ?? '';
    if (group !== 'packages' && group !== 'apps') return reply.callNotFound();
    const path = normalize(join(root, group, pkg, rest));
    const allowed =
      path.startsWith(join(root, group, pkg, 'dist')) || path === join(root, group, pkg, 'custom-elements.json');
    if (!allowed || !existsSync(path) || !statSync(path).isFile()) return reply.callNotFound();
    reply.headers({
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    return reply.send(createReadStream(path));
  });
}
