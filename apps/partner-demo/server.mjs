#!/usr/bin/env node
// The Daily Reel — a partner's site on its own origin, embedding Reel the way docs/embedding.md
// says: one <script type="module"> per element from the Reel server, no build, no framework.
// A plain Node http server: its pages, its stylesheet and script, and the one endpoint a partner
// must write itself — /token, which mints a playback token with the partner's API key (kept on
// this server, never sent to the browser).
//
//   REEL_PARTNER_DEMO_PORT   port (default 8090); REEL_PARTNER_DEMO_HOST (default 127.0.0.1)
//   REEL_PARTNER_DEMO_API    the Reel server's origin (default http://127.0.0.1:8080)
//   REEL_PARTNER_DEMO_KEY    the API key (default: the demo key the Reel demo seed creates)
//
// Every page sends a strict Content-Security-Policy with Trusted Types enforced, listing only what
// docs/embedding.md says a host page must allow.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The demo seed's key (apps/api/src/seed/partner.ts): demo data, like the demo passwords. */
export const DEMO_PARTNER_KEY = 'rk_live_demo_reel_partner_site_0000000000000000';

const STATIC = {
  '/assets/site.css': ['text/css; charset=utf-8', 'site.css'],
  '/assets/partner.js': ['text/javascript; charset=utf-8', 'partner.js'],
  '/favicon.svg': ['image/svg+xml', 'favicon.svg'],
};

/** The policy of every page: this site, plus the Reel origin for scripts, API calls, images and media. */
export function partnerCsp(api) {
  return [
    "default-src 'self'",
    `script-src 'self' ${api}`,
    "style-src 'self'",
    `img-src 'self' ${api} data: blob:`,
    `media-src ${api} blob:`,
    `connect-src 'self' ${api}`,
    "font-src 'self'",
    `frame-src ${api}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types lit-html 'allow-duplicates'",
  ].join('; ');
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {{ port?: number, host?: string, api?: string, key?: string, log?: (line: string) => void }} options
 */
export function createPartnerDemo(options = {}) {
  const api = (options.api ?? process.env.REEL_PARTNER_DEMO_API ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  const key = options.key ?? process.env.REEL_PARTNER_DEMO_KEY ?? DEMO_PARTNER_KEY;
  const dir = fileURLToPath(new URL('./public/', import.meta.url));
  let featured = null;

  /** A film to feature: the first of Reel's public trending list (cached). */
  async function featuredFilm() {
    if (featured) return featured;
    const res = await fetch(`${api}/api/v1/trending?limit=20`);
    if (!res.ok) throw new Error(`trending answered ${res.status}`);
    const { items } = await res.json();
    const film = items.find((t) => t.type === 'film') ?? items[0];
    if (!film) throw new Error('Reel has no titles yet');
    featured = { id: film.id, name: film.name, year: film.year };
    return featured;
  }

  /** The partner's server-to-server call: POST /partner/playback-tokens with the key. */
  async function mint(titleId, origin, ttl) {
    const res = await fetch(`${api}/api/v1/partner/playback-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ title_id: titleId, origin, ...(ttl ? { ttl } : {}) }),
    });
    const body = await res.json();
    if (!res.ok)
      throw Object.assign(new Error(body?.error?.message ?? `HTTP ${res.status}`), { status: res.status, body });
    return body;
  }

  const page = (title, main, { scripts = [] } = {}) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · The Daily Reel</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
${scripts.map((src) => `<script type="module" src="${esc(src)}"></script>`).join('\n')}
<script type="module" src="/assets/partner.js"></script>
</head>
<body data-reel-api="${esc(api)}">
<header class="masthead">
  <a class="brand" href="/">The Daily Reel</a>
  <nav aria-label="Sections">
    <a href="/article">Reviews</a>
    <a href="/rails">What's on</a>
    <a href="/iframe">Embedded (iframe)</a>
    <a href="/versions">Two versions</a>
  </nav>
</header>
${main}
<footer class="footer"><p>The Daily Reel is a demo partner site. Video and listings by Reel.</p></footer>
</body>
</html>
`;

  const routes = {
    '/': async () =>
      page(
        'Home',
        `<main class="front">
  <h1>The Daily Reel</h1>
  <p class="lede">A partner site embedding Reel: each page loads one script per element from the Reel server, under a strict Content-Security-Policy with Trusted Types.</p>
  <ul class="cards">
    <li><a href="/article"><strong>Article with a player</strong><span>&lt;reel-player&gt; between paragraphs; tokens minted by this site's server.</span></a></li>
    <li><a href="/rails"><strong>Sidebar rails</strong><span>Trending and Top 10: public data, no token.</span></a></li>
    <li><a href="/iframe"><strong>Iframe embed</strong><span>Isolation for hosts that want it.</span></a></li>
    <li><a href="/versions"><strong>Two versions side by side</strong><span>The latest rail and a pinned major on one page.</span></a></li>
  </ul>
</main>`,
      ),

    '/article': async (origin, url) => {
      const film = url.searchParams.get('title')
        ? { id: url.searchParams.get('title'), name: 'this film' }
        : await featuredFilm();
      // `?ttl=60` mints a one-minute token, to watch the renewal happen (the default is 15 minutes).
      const ttl = Number(url.searchParams.get('ttl')) || undefined;
      const token = await mint(film.id, origin, ttl && ttl >= 60 && ttl <= 3600 ? ttl : undefined);
      return page(
        `Review: ${film.name}`,
        `<main class="article">
  <article>
    <p class="kicker">Film review</p>
    <h1>${esc(film.name)}${film.year ? ` (${esc(film.year)})` : ''}: worth the late night</h1>
    <p class="byline">By our film desk · 6 min read</p>
    <p>There are films you admire and films you live inside for a couple of hours. This one manages both, and it starts doing so in the very first scene — which you can watch right here, without leaving the page.</p>
    <figure class="embed">
      <reel-player api-base="${esc(api)}/api/v1" playback-token="${esc(token.playback_token)}" title-id="${esc(film.id)}" data-token-endpoint="/token"></reel-player>
      <figcaption>Watch the opening. Streaming by Reel.</figcaption>
    </figure>
    <p>The direction is patient without ever being slow. Scenes are allowed to breathe, and the sound design does half of the storytelling: listen for how the city fades out whenever the two leads are alone.</p>
    <p>If there is a weakness it is the final act, which ties its threads a little too neatly. But by then the film has earned a little neatness.</p>
  </article>
  <aside class="sidebar" aria-label="More to watch">
    <reel-rail api-base="${esc(api)}/api/v1" source="top10" heading="Top 10 on Reel" limit="10" href-template="${esc(api)}/title/{id}"></reel-rail>
  </aside>
</main>`,
        { scripts: [`${api}/embed/player.js`, `${api}/embed/rail.js`] },
      );
    },

    '/rails': async () =>
      page(
        "What's on",
        `<main class="with-sidebar">
  <article>
    <h1>What's on this week</h1>
    <p>Our critics' picks change every Friday. Until then, here is what everyone is watching — straight from Reel, updated live. Select a title to read more on Reel.</p>
    <h2>Our picks</h2>
    <p><strong>For a rainy Sunday:</strong> a slow-burning mystery that rewards patience, with a final ten minutes you will want to watch twice.</p>
    <p><strong>For the family:</strong> an animated adventure that the grown-ups will quote for weeks.</p>
    <p><strong>For the brave:</strong> a horror film that does more with a creaking floorboard than most do with a monster.</p>
    <p class="selected" role="status" aria-live="polite" id="selected"></p>
  </article>
  <aside class="sidebar" aria-label="Trending on Reel">
    <reel-rail api-base="${esc(api)}/api/v1" source="trending" heading="Trending now" limit="12" href-template="${esc(api)}/title/{id}"></reel-rail>
    <reel-rail api-base="${esc(api)}/api/v1" source="top10" heading="Top 10" limit="10" href-template="${esc(api)}/title/{id}"></reel-rail>
  </aside>
</main>`,
        { scripts: [`${api}/embed/rail.js`] },
      ),

    '/iframe': async (origin) => {
      const film = await featuredFilm();
      const token = await mint(film.id, origin);
      const src = `${api}/embed/frame/player?token=${encodeURIComponent(token.playback_token)}&title_id=${encodeURIComponent(film.id)}`;
      return page(
        'Iframe embed',
        `<main class="article">
  <article>
    <h1>${esc(film.name)}, in a frame</h1>
    <p>For hosts that prefer isolation: the player runs in Reel's own page inside an iframe, which only this site's origin may frame.</p>
    <figure class="embed">
      <iframe class="reel-frame" title="${esc(film.name)} — Reel player" src="${esc(src)}" allow="autoplay; fullscreen; picture-in-picture" data-title-id="${esc(film.id)}"></iframe>
    </figure>
  </article>
</main>`,
      );
    },

    '/versions': async () =>
      page(
        'Two versions',
        `<main class="versions">
  <h1>Two versions of one element</h1>
  <p>This page loads the latest rail and the rail pinned to major 0. When they are two builds, the second definition of <code>&lt;reel-rail&gt;</code> is skipped with a console warning; nothing throws and both rails render.</p>
  <div class="side-by-side">
    <section aria-label="Latest"><h2>/embed/rail.js</h2><reel-rail api-base="${esc(api)}/api/v1" source="trending" limit="8"></reel-rail></section>
    <section aria-label="Pinned"><h2>/embed/rail@0.js</h2><reel-rail api-base="${esc(api)}/api/v1" source="top10" limit="8"></reel-rail></section>
  </div>
</main>`,
        { scripts: [`${api}/embed/rail.js`, `${api}/embed/rail@0.js`] },
      ),
  };

  const server = createServer(async (req, res) => {
    const self = `http://${req.headers.host ?? 'localhost'}`;
    const url = new URL(req.url ?? '/', self);
    const headers = {
      'content-security-policy': partnerCsp(api),
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...headers, allow: 'GET' }).end();
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(301, { ...headers, location: '/favicon.svg' }).end();
        return;
      }
      const asset = STATIC[url.pathname];
      if (asset) {
        res.writeHead(200, { ...headers, 'content-type': asset[0] });
        res.end(readFileSync(new URL(asset[1], `file://${dir}`)));
        return;
      }
      if (url.pathname === '/token') {
        // This site's own endpoint: the page asks it for a fresh token (reel-token-expiring).
        const titleId = url.searchParams.get('title_id') ?? '';
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(titleId)) {
          res.writeHead(400, { ...headers, 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'title_id is required' }));
          return;
        }
        const token = await mint(titleId, self);
        res.writeHead(200, { ...headers, 'content-type': 'application/json' });
        res.end(JSON.stringify({ playback_token: token.playback_token, expires_in: token.expires_in }));
        return;
      }
      const route = routes[url.pathname];
      if (!route) {
        res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        res.end(
          page(
            'Not found',
            '<main class="front"><h1>Page not found</h1><p><a href="/">Back to the front page</a></p></main>',
          ),
        );
        return;
      }
      const html = await route(self, url);
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : html);
    } catch (error) {
      options.log?.(`partner demo: ${error.message}`);
      res.writeHead(502, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          'Reel is unavailable',
          `<main class="front"><h1>Reel is unavailable</h1><p>${esc(error.message)}</p><p>Is the Reel server running at ${esc(api)}?</p></main>`,
        ),
      );
    }
  });

  return {
    server,
    api,
    listen(
      port = Number(options.port ?? process.env.REEL_PARTNER_DEMO_PORT ?? 8090),
      host = options.host ?? process.env.REEL_PARTNER_DEMO_HOST ?? '127.0.0.1',
    ) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(`http://${host}:${typeof address === 'object' && address ? address.port : port}`);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = createPartnerDemo({ log: (line) => console.error(line) });
  const url = await demo.listen();
  console.log(`› partner demo (The Daily Reel) at ${url} — embeds Reel from ${demo.api}`);
}
