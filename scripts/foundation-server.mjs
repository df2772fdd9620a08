// Serves what exists before the API and the shell do: a status page listing the built packages,
// and each package's dist/ under /packages/<dir>/. Replaced by apps/api once it exists.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { root, workspacePackages } from './workspace.mjs';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
};
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page() {
  const rows = workspacePackages()
    .map((p) => {
      const dir = p.dir.slice(root.length + 1);
      const built = existsSync(join(p.dir, 'dist'));
      const standalone = existsSync(join(p.dir, 'dist/standalone'));
      const manifest = existsSync(join(p.dir, 'custom-elements.json'));
      return `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.pkg.version ?? '')}</td><td>${built ? `<a href="/${dir}/dist/">dist</a>` : '—'}</td><td>${standalone ? 'yes' : '—'}</td><td>${manifest ? `<a href="/${dir}/custom-elements.json">manifest</a>` : '—'}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Reel — foundation</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/foundation.css"></head>
<body><main><h1>Reel</h1><p class="status" role="status">The workspace is built. The API server and the shell do not exist yet: this page lists the packages that do.</p>
<table><caption>Packages</caption><thead><tr><th scope="col">Package</th><th scope="col">Version</th><th scope="col">Build</th><th scope="col">Standalone</th><th scope="col">Manifest</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
}

const css = `:root{color-scheme:dark;font-family:system-ui,sans-serif;background:#0b0b10;color:#ecebf3}
main{max-width:56rem;margin:4rem auto;padding:0 1.5rem}h1{font-size:2.5rem;letter-spacing:-.02em;color:#e50914}
.status{color:#b9b8c6}table{width:100%;border-collapse:collapse;margin-top:2rem}caption{text-align:left;font-weight:600;padding-bottom:.5rem}
th,td{text-align:left;padding:.6rem .75rem;border-bottom:1px solid #26252f}a{color:#8ab4ff}`;

const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#e50914"/><path d="M12 9v14l11-7z" fill="#fff"/></svg>`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const headers = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  };
  if (url.pathname === '/') {
    res.writeHead(200, { ...headers, 'content-type': types['.html'], 'cache-control': 'no-cache' });
    return res.end(page());
  }
  if (url.pathname === '/favicon.svg' || url.pathname === '/favicon.ico') {
    res.writeHead(200, { ...headers, 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' });
    return res.end(favicon);
  }
  if (url.pathname === '/foundation.css') {
    res.writeHead(200, { ...headers, 'content-type': 'text/css' });
    return res.end(css);
  }
  const path = normalize(join(root, decodeURIComponent(url.pathname)));
  const allowed =
    /^\/(packages|apps)\/[^/]+\/(dist\/|custom-elements\.json$)/.test(url.pathname) && path.startsWith(root);
  if (allowed && existsSync(path) && statSync(path).isFile()) {
    res.writeHead(200, { ...headers, 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    return createReadStream(path).pipe(res);
  }
  res.writeHead(404, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: 'not_found', message: `No route for ${url.pathname}` } }));
});
server.listen(port, host, () => {
  console.log(`Reel (foundation) at http://${host}:${port} — the API and the shell are not built yet.`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));

// Exported for tests that start it in-process.
export { server };
export const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
