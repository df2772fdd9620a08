// Partner embedding end to end (issue 13): the partner demo (apps/partner-demo) on a second
// loopback origin (`localhost:<port>`, the API on `127.0.0.1:<port>`), strict CSP with Trusted
// Types on every page, headless Chromium against the real API.
//
// Needs the standalone builds: `node scripts/pnpm.mjs --filter @reel/rail --filter @reel/player build`.
// The player cases run when packages/player has a standalone build; otherwise they are skipped
// with the reason.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { createPartnerDemo, type PartnerDemo, partnerCsp } from '../apps/partner-demo/server.mjs';
import { type RunningApi, startApiServer } from '../scripts/api-server.mjs';
import { launchBrowser, openPage, root, watchCsp } from './helpers.js';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const railBuild = join(root, 'packages/rail/dist/standalone');
const playerBuild = join(root, 'packages/player/dist/standalone/.vite/manifest.json');
const PLAYER_SKIP = existsSync(playerBuild)
  ? false
  : 'packages/player has no standalone build yet (dist/standalone): build it, then these run';

/** Every request a page makes, with the cookies it carried and the cookies it got back. */
function traffic(page: Page) {
  const requests: { url: string; cookie: boolean }[] = [];
  const setCookies: string[] = [];
  const failed: string[] = [];
  page.on('request', (r: Request) => {
    requests.push({ url: r.url(), cookie: Boolean(r.headers().cookie) });
  });
  page.on('response', async (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    const header = await r.headerValue('set-cookie').catch(() => null);
    if (header) setCookies.push(`${r.url()}: ${header}`);
  });
  return { requests, setCookies, failed };
}

/** How many titles the rails of a page show (cards inside their shadow roots). */
const railTitles = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('reel-rail')].map(
      (rail) => rail.shadowRoot?.querySelectorAll('a[href*="/title/"]').length ?? 0,
    ),
  );

describe('partner embedding', { timeout: 900_000 }, () => {
  let site: RunningApi;
  let demo: PartnerDemo;
  let demoUrl: string;
  let browser: Browser;
  let releases: string;

  before(async () => {
    assert.ok(existsSync(railBuild), 'build the rail first: node scripts/pnpm.mjs --filter @reel/rail build');
    // A second build of the rail, as if major 1 had shipped: /embed/rail.js now loads it, while
    // /embed/rail@0.js stays on 0.1.0 — two URLs, two module graphs, one tag.
    releases = mkdtempSync(join(tmpdir(), 'reel-embed-releases-'));
    cpSync(railBuild, join(releases, 'rail', '1.0.0'), { recursive: true });
    const port = await freePort();
    demoUrl = `http://localhost:${port}`;
    // (A generous start-up time: on a busy machine seeding the demo takes minutes.)
    site = await startApiServer({
      env: { REEL_EMBED_RELEASES_DIR: releases, REEL_PARTNER_DEMO_ORIGINS: demoUrl, REEL_DEMO_MEDIA: 'tiny' },
      timeoutMs: 300_000,
    });
    demo = createPartnerDemo({ api: site.url });
    await demo.listen(port, '127.0.0.1');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    await site?.stop();
    if (releases) rmSync(releases, { recursive: true, force: true });
  });

  it('renders public rails on a strict-CSP partner page: no violation, no error, no cookie, no other host', async () => {
    const { page, problems } = await openPage(browser);
    const csp = await watchCsp(page);
    const seen = traffic(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    const res = await page.goto(`${demoUrl}/rails`);
    // The page's policy is exactly the one docs/embedding.md gives a host (Trusted Types enforced).
    assert.equal(res?.headers()['content-security-policy'], partnerCsp(site.url));
    assert.match(String(res?.headers()['content-security-policy']), /require-trusted-types-for 'script'/);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('reel-rail')].every(
          (r) => (r.shadowRoot?.querySelectorAll('a[href*="/title/"]').length ?? 0) > 0,
        ),
      null,
      { timeout: 20_000 },
    );
    const counts = await railTitles(page);
    assert.equal(counts.length, 2);
    assert.ok(
      counts.every((n) => n > 0),
      `titles per rail: ${counts}`,
    );
    // href-template sends cards to Reel's title pages, not to the partner's own origin.
    const firstHref = await page.evaluate(
      () =>
        document.querySelector('reel-rail')?.shadowRoot?.querySelector<HTMLAnchorElement>('a[href*="/title/"]')?.href,
    );
    assert.ok(firstHref?.startsWith(`${site.url}/title/`), `card link: ${firstHref}`);
    await page.waitForLoadState('networkidle');
    await csp.assertNone();
    assert.deepEqual(problems, []);
    const hosts = new Set(seen.requests.map((r) => new URL(r.url).origin));
    for (const host of hosts) assert.ok(host === demoUrl || host === site.url, `a request to ${host}`);
    assert.ok(hosts.has(site.url), 'the rails called the API');
    assert.deepEqual(
      seen.requests.filter((r) => r.cookie && r.url.startsWith(site.url)),
      [],
      'no cookie is sent to the API',
    );
    assert.deepEqual(seen.setCookies, [], 'no cookie is set');
    await page.screenshot({ path: join(root, 'docs/screenshots/partner-rails.png') });
    await page.close();
  });

  it('runs two versions of the rail side by side: the second definition warns, nothing throws', async () => {
    const { page, problems } = await openPage(browser);
    const csp = await watchCsp(page);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const seen = traffic(page);
    await page.goto(`${demoUrl}/versions`);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('reel-rail')].every(
          (r) => (r.shadowRoot?.querySelectorAll('a[href*="/title/"]').length ?? 0) > 0,
        ),
      null,
      { timeout: 20_000 },
    );
    const builds = new Set(
      seen.requests.map((r) => /\/embed\/v\/rail\/([^/]+)\//.exec(r.url)?.[1]).filter((v): v is string => Boolean(v)),
    );
    assert.deepEqual([...builds].sort(), ['0.1.0', '1.0.0'], 'both builds were loaded');
    assert.ok(
      warnings.some((w) => /<reel-rail> is already defined/.test(w)),
      `a redefinition warning (got: ${warnings.join(' | ')})`,
    );
    await csp.assertNone();
    assert.deepEqual(problems, []);
    await page.close();
  });

  describe('the player', { skip: PLAYER_SKIP }, () => {
    async function adminToken(): Promise<string> {
      const res = await fetch(`${site.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@reel.test', password: 'reel-admin-demo' }),
      });
      assert.equal(res.status, 200);
      return (await res.json()).access_token;
    }

    it('plays in an article, renews its token without a reload and keeps its position', async () => {
      const { page, problems } = await openPage(browser);
      const csp = await watchCsp(page);
      const seen = traffic(page);
      page.on('response', (r) => {
        if (r.url().includes('/renew-token') && r.status() === 200) {
          void page
            .evaluate(() => {
              const w = window as unknown as { __renewed?: number };
              w.__renewed = (w.__renewed ?? 0) + 1;
            })
            .catch(() => {});
        }
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${demoUrl}/article?ttl=60`);
      await page.evaluate(() => {
        (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
        const player = document.querySelector('reel-player');
        player?.addEventListener('reel-token-expiring', () => {
          (window as unknown as { __expiring: number }).__expiring =
            ((window as unknown as { __expiring?: number }).__expiring ?? 0) + 1;
        });
      });
      // The player loads its engine on the first intent: press its play button, as a reader would.
      // Start it through its documented API (`play()`), as a host page's own button would.
      await page.waitForFunction(() => customElements.get('reel-player') !== undefined, null, { timeout: 30_000 });
      await page.evaluate(() =>
        (document.querySelector('reel-player') as HTMLElement & { play(): Promise<void> }).play(),
      );
      await page.waitForFunction(
        () => {
          const p = document.querySelector('reel-player') as HTMLElement & { currentTime?: number };
          const t =
            typeof p?.currentTime === 'number'
              ? p.currentTime
              : (p?.shadowRoot?.querySelector('video')?.currentTime ?? 0);
          return t > 0.5;
        },
        null,
        { timeout: 30_000 },
      );
      await page.screenshot({ path: join(root, 'docs/screenshots/partner-article.png') });
      await page.waitForFunction(() => ((window as unknown as { __expiring?: number }).__expiring ?? 0) > 0, null, {
        timeout: 75_000,
      });
      // The host answered with a new token (partner.js → /token → player.playbackToken) and the
      // player renewed its media token with it, in the same document.
      await page.waitForFunction(() => ((window as unknown as { __renewed?: number }).__renewed ?? 0) > 0, null, {
        timeout: 30_000,
      });
      // Playback goes on with the renewed token: from the start again (the tiny demo clip is a few
      // seconds long and has ended by now), without reloading the source.
      await page.evaluate(() => {
        const video = document.querySelector('reel-player')?.shadowRoot?.querySelector('video');
        if (video) {
          video.currentTime = 0;
          void video.play();
        }
      });
      await page.waitForFunction(
        () => {
          const v = document.querySelector('reel-player')?.shadowRoot?.querySelector('video');
          return Boolean(v && !v.paused && v.currentTime > 0.5);
        },
        null,
        { timeout: 20_000 },
      );
      assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true);
      assert.ok(
        seen.requests.some((r) => r.url.startsWith(`${demoUrl}/token`)),
        'the host minted a new token',
      );
      await csp.assertNone();
      assert.deepEqual(problems, [], `failed requests: ${seen.failed.join(', ')}`);
      assert.deepEqual(seen.setCookies, []);
      await page.close();
    });

    it('shows a clear, non-looping error for a revoked key', async () => {
      const admin = await adminToken();
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${admin}` };
      const created = await (
        await fetch(`${site.url}/api/v1/admin/api-keys`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: 'Revoked in e2e', scopes: ['playback'], allowed_origins: [demoUrl] }),
        })
      ).json();
      const trending = await (await fetch(`${site.url}/api/v1/trending?limit=5`)).json();
      const titleId = trending.items[0].id;
      const minted = await (
        await fetch(`${site.url}/api/v1/partner/playback-tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': created.secret },
          body: JSON.stringify({ title_id: titleId, origin: demoUrl }),
        })
      ).json();
      await fetch(`${site.url}/api/v1/admin/api-keys/${created.id}`, { method: 'DELETE', headers });
      const { page, problems } = await openPage(browser, {
        expected: (m) => /status of 401/.test(m.text()),
      });
      const seen = traffic(page);
      // A real page of the partner's (loopback address space, its CSP), with a player whose token
      // comes from the revoked key, added the way a host script would (no HTML strings).
      await page.goto(`${demoUrl}/article`);
      await page.waitForFunction(() => customElements.get('reel-player') !== undefined, null, { timeout: 30_000 });
      await page.evaluate(
        ({ api, token, title }) => {
          document.querySelector('reel-player')?.remove();
          const player = document.createElement('reel-player');
          player.setAttribute('api-base', api);
          player.setAttribute('playback-token', token);
          player.setAttribute('title-id', title);
          document.querySelector('figure.embed')?.prepend(player);
        },
        { api: `${site.url}/api/v1`, token: minted.playback_token as string, title: titleId as string },
      );
      const before = seen.requests.filter((r) => r.url.includes('/player/sessions/enhanced')).length;
      // The player may refuse at once (its first call is refused) or on the first play.
      await page
        .waitForFunction(
          () =>
            Boolean(
              document.querySelector('reel-player')?.shadowRoot?.querySelector('[part="play-button"], [role="alert"]'),
            ),
          null,
          { timeout: 20_000 },
        )
        .catch(async (error) => {
          const shown = await page.evaluate(
            () => document.querySelector('reel-player')?.shadowRoot?.innerHTML.slice(0, 600) ?? 'no shadow root',
          );
          throw new Error(
            `${error.message}\nplayer: ${shown}\nfailed: ${seen.failed.join(', ')}\nproblems: ${problems.join(' | ')}`,
          );
        });
      await page.evaluate(() =>
        (document.querySelector('reel-player') as HTMLElement & { play(): Promise<void> }).play().catch(() => {}),
      );
      await page.waitForFunction(
        () => Boolean(document.querySelector('reel-player')?.shadowRoot?.querySelector('[role="alert"]')),
        null,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(4000);
      const starts = seen.requests.filter((r) => r.url.includes('/player/sessions/enhanced')).length - before;
      assert.ok(starts <= 2, `the player did not loop (${starts} start requests)`);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('plays in the iframe embed, and a foreign page cannot frame it', async () => {
      const { page } = await openPage(browser);
      await page.goto(`${demoUrl}/iframe`);
      const frame = await (await page.waitForSelector('iframe.reel-frame')).contentFrame();
      assert.ok(frame);
      await frame.locator('reel-player [part="play-button"]').click({ timeout: 20_000 });
      await frame.waitForFunction(
        () => {
          const p = document.querySelector('reel-player') as HTMLElement & { currentTime?: number };
          const t =
            typeof p?.currentTime === 'number'
              ? p.currentTime
              : (p?.shadowRoot?.querySelector('video')?.currentTime ?? 0);
          return t > 0.5;
        },
        null,
        { timeout: 30_000 },
      );
      const src = await page.getAttribute('iframe.reel-frame', 'src');
      await page.close();

      const foreign = await openPage(browser, { expected: (m) => /frame-ancestors|Refused to frame/i.test(m.text()) });
      const ancestors = (await fetch(src as string)).headers.get('content-security-policy') ?? '';
      await foreign.page.route('http://foreign.example/**', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<!doctype html><html lang="en"><head><title>Foreign</title></head><body><iframe title="stolen" src="${src}"></iframe></body></html>`,
        }),
      );
      await foreign.page.goto('http://foreign.example/page');
      await foreign.page.waitForTimeout(2000);
      const framed = foreign.page.frames().find((f) => f !== foreign.page.mainFrame());
      const hasPlayer = framed
        ? await framed.evaluate(() => Boolean(document.querySelector('reel-player'))).catch(() => false)
        : false;
      assert.equal(hasPlayer, false, 'the player page did not load in a foreign frame');
      assert.match(ancestors, new RegExp(`frame-ancestors ${demoUrl.replace(/[.:/]/g, '\\$&')}(;|$)`));
      assert.doesNotMatch(ancestors, /foreign\.example/);
      await foreign.page.close();
    });
  });
});
