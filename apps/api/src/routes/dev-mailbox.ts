import { auth } from '@reel/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { emailServices } from '../services/email-services.js';
import type { DevMailView } from '../services/outbox.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** No script at all, styles from a file: the page works under the strictest policy. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const CSS = `:root{color-scheme:dark;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#0b0b10;color:#ecebf3}
body{margin:0}main{max-width:60rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
h1{font-size:1.75rem;margin:0 0 .25rem;letter-spacing:-.01em}h1 span{color:#e50914}
.lead{color:#b9b8c6;margin:0 0 1.5rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1.5rem}
label{display:flex;flex-direction:column;gap:.25rem;font-size:.85rem;color:#b9b8c6}
input{font:inherit;color:inherit;background:#17161d;border:1px solid #3a3944;border-radius:6px;padding:.5rem .65rem;min-width:16rem}
button{font:inherit;font-weight:600;background:#e50914;color:#fff;border:0;border-radius:6px;padding:.55rem 1rem;cursor:pointer}
input:focus-visible,button:focus-visible,a:focus-visible{outline:2px solid #8ab4ff;outline-offset:2px}
ol{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
article{background:#15141b;border:1px solid #26252f;border-radius:10px;padding:1rem 1.25rem}
article h2{font-size:1.1rem;margin:0 0 .35rem}
.meta{display:flex;flex-wrap:wrap;gap:.35rem 1rem;color:#b9b8c6;font-size:.85rem;margin:0 0 .75rem}
.tag{background:#26252f;border-radius:999px;padding:.05rem .6rem;color:#ecebf3}
pre{white-space:pre-wrap;word-break:break-word;font:inherit;font-size:.92rem;line-height:1.5;margin:0 0 .75rem;color:#d8d7e2}
ul.links{margin:0;padding-left:1.1rem}a{color:#8ab4ff;word-break:break-all}
.empty{color:#b9b8c6;border:1px dashed #3a3944;border-radius:10px;padding:2rem;text-align:center}`;

function page(items: DevMailView[], to: string): string {
  const list = items.length
    ? `<ol>${items
        .map(
          (m) => `<li><article aria-labelledby="m-${m.id}">
<h2 id="m-${m.id}">${escapeHtml(m.subject)}</h2>
<p class="meta"><span>To <strong>${escapeHtml(m.to)}</strong></span><time datetime="${m.sent_at}">${escapeHtml(m.sent_at.replace('T', ' ').slice(0, 19))} UTC</time><span class="tag">${escapeHtml(m.template)}</span></p>
<pre>${escapeHtml(m.text)}</pre>
${m.links.length ? `<ul class="links">${m.links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join('')}</ul>` : ''}
</article></li>`,
        )
        .join('')}</ol>`
    : '<p class="empty">No emails yet. Sign up or ask for a password reset, and the message appears here.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mailbox · Reel development</title><link rel="stylesheet" href="/dev/mailbox.css"></head>
<body><main><h1><span>Reel</span> mailbox</h1><p class="lead">Emails the server kept instead of sending (no SMTP server is configured). Development and tests only.</p>
<form method="get" action="/dev/mailbox" role="search"><label>Recipient<input type="email" name="to" value="${escapeHtml(to)}" autocomplete="email"></label><button type="submit">Filter</button></form>
${list}</main></body></html>`;
}

/**
 * The development mailbox: the outbox as JSON (`GET /api/v1/dev/mailbox`, what tests read) and as
 * a small HTML page at `/dev/mailbox` with every message and its links. Both answer 404 in
 * production.
 */
export function registerDevMailboxRoutes(app: FastifyInstance): void {
  const enabled = () => app.config.env !== 'production';

  handle(app, auth.devMailbox, async ({ query, reply }) => {
    if (!enabled()) throw notFound('That page');
    reply.header('cache-control', 'no-store');
    return emailServices(app).outbox.list(query);
  });

  const html = (reply: FastifyReply) =>
    reply.headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_POLICY,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });

  app.get<{ Querystring: { to?: string } }>('/dev/mailbox', async (request, reply) => {
    if (!enabled()) return reply.callNotFound();
    const to = typeof request.query.to === 'string' ? request.query.to.slice(0, 254) : '';
    const { items } = await emailServices(app).outbox.list({ to: to || undefined, limit: 50 });
    html(reply);
    return page(items, to);
  });

  app.get('/dev/mailbox.css', async (_request, reply) => {
    if (!enabled()) return reply.callNotFound();
    reply.headers({ 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
    return CSS;
  });
}
