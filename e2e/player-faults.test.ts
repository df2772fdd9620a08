// The playback engine of <reel-player> under injected faults (DELIBERATE: a loopback fault proxy,
// e2e/fixtures/fault-proxy.ts, in front of the real API and its real demo media; service workers
// blocked). The page is a bare one under a strict CSP with Trusted Types, running the engine with
// Reel's own hls.js build (packages/player/src/engine/hls-build.mjs), built here with Vite.
//
// The test media is the tiny demo (6 s, 2 s segments, 360p + 240p): the engine runs with a 2 s
// forward buffer so every fault lands while it plays. Recoverable faults: it plays on to the end
// with no fatal error and no skip longer than one segment. Unrecoverable ones: one fatal error
// within 30 s, then no media request at all for 10 s. "Offline 90 s" is run as 35 s offline: past
// every hls.js retry and the engine's give-up deadline (20 s), which is what the long outage tests.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApiServer } from '../scripts/api-server.mjs';
import { type FaultProxy, type FaultRule, startFaultProxy } from './fixtures/fault-proxy.js';
import { launchBrowser, root, type Site } from './helpers.js';

const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };
const SEGMENT = 2;
/** Each recoverable fault runs this many times (fresh page each); each unrecoverable one, FATAL_ROUNDS. */
const ROUNDS = 3;
const FATAL_ROUNDS = 2;
/** The page's policy: no inline script, no eval, Trusted Types enforced, MSE blobs for media. */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

interface PageLog {
  errors: { fatal: boolean; code: string; at: number }[];
  fatalAt: number | null;
  recovered: number;
  skips: { from: number; to: number }[];
  levels: number[];
  ended: boolean;
  time: number;
}

describe('player engine under injected faults', { timeout: 1_500_000 }, () => {
  let site: Site;
  let proxy: FaultProxy;
  let browser: Browser;
  let token: string;
  let titleId: string;
  let dist: string;

  before(async () => {
    // startSite's server, with more time to seed on a busy 2-core machine.
    site = await startApiServer({ timeoutMs: 300_000 });
    proxy = await startFaultProxy(site.url);
    dist = mkdtempSync(join(tmpdir(), 'reel-faults-'));
    // The engine and Reel's hls.js build, bundled for the page.
    const { build } = await import('vite');
    const { hlsBuild } = await import(pathToFileURL(join(root, 'packages/player/src/engine/hls-build.mjs')).href);
    const { resolveConditions } = await import(pathToFileURL(join(root, 'build/vite-element.mjs')).href);
    const entry = join(dist, 'entry.ts');
    writeFileSync(
      entry,
      `import { PlaybackEngine } from ${JSON.stringify(join(root, 'packages/player/src/engine/index.ts'))};\n` +
        'globalThis.PlaybackEngine = PlaybackEngine;\n',
    );
    await build({
      configFile: false,
      root: dist,
      logLevel: 'warn',
      resolve: { conditions: resolveConditions },
      define: hlsBuild.define,
      plugins: hlsBuild.plugins,
      build: {
        outDir: join(dist, 'out'),
        target: 'es2022',
        minify: true,
        lib: { entry, formats: ['es'], fileName: () => 'page.js' },
      },
    });
    writeFileSync(
      join(dist, 'out', 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>faults</title>' +
        '<script type="module" src="/__fault/page.js"></script></head><body><video muted playsinline></video></body></html>',
    );
    proxy.serve(join(dist, 'out'), { 'content-security-policy': POLICY });
    browser = await launchBrowser();

    const login = await fetch(`${site.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(VIEWER),
    });
    assert.equal(login.status, 200, await login.clone().text());
    token = ((await login.json()) as { access_token: string }).access_token;
    // A demo film whose media is ready (made in the background at start).
    const titles = (await (
      await fetch(`${site.url}/api/v1/titles?type=film&limit=10`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { id: string }[] };
    const deadline = Date.now() + 120_000;
    for (titleId = ''; !titleId; ) {
      for (const title of titles.items) {
        const res = await fetch(`${site.url}/api/v1/player/sessions/enhanced`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title_id: title.id }),
        });
        if (res.status === 201) {
          titleId = title.id;
          break;
        }
      }
      if (!titleId && Date.now() > deadline) assert.fail('the demo media was not ready in 2 minutes');
      if (!titleId) await new Promise((r) => setTimeout(r, 1000));
    }
  });

  after(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** A fresh context (service workers blocked) on the test page with the engine started and playing. */
  async function open(rules: FaultRule[] = []): Promise<{ context: BrowserContext; page: Page }> {
    proxy.rules.splice(0, proxy.rules.length, ...rules);
    proxy.requests.length = 0;
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${proxy.url}/__fault/index.html`);
    await page.waitForFunction(() => 'PlaybackEngine' in globalThis);
    await page.evaluate(
      async ({ token, titleId }) => {
        type Engine = EventTarget & { failed: boolean; currentLevel: number; retry(): void };
        const g = globalThis as unknown as {
          PlaybackEngine: { create(o: unknown): Promise<Engine> };
          log: PageLog;
          engine: Engine;
        };
        const video = document.querySelector('video') as HTMLVideoElement;
        const log: PageLog = { errors: [], fatalAt: null, recovered: 0, skips: [], levels: [], ended: false, time: 0 };
        g.log = log;
        let last = 0;
        video.addEventListener('timeupdate', () => {
          if (!video.seeking) last = video.currentTime;
          log.time = video.currentTime;
        });
        // Any jump the player makes by itself (hls.js skipping a gap, a recovery seeking on).
        video.addEventListener('seeking', () => log.skips.push({ from: last, to: video.currentTime }));
        video.addEventListener('ended', () => {
          log.ended = true;
        });
        const engine = await g.PlaybackEngine.create({
          video,
          apiBase: '/api/v1',
          getAccessToken: async () => token,
          titleId,
          startTime: 0,
          hlsConfig: { maxBufferLength: 2, maxMaxBufferLength: 3, backBufferLength: 0 },
        });
        g.engine = engine;
        engine.addEventListener('error', (e) => {
          const d = (e as CustomEvent<{ fatal: boolean; code: string }>).detail;
          log.errors.push({ fatal: d.fatal, code: d.code, at: Date.now() });
          if (d.fatal && log.fatalAt === null) log.fatalAt = Date.now();
        });
        engine.addEventListener('recovered', () => log.recovered++);
        engine.addEventListener('level-switched', (e) =>
          log.levels.push((e as CustomEvent<{ level: number }>).detail.level),
        );
        // Not awaited: with the master gone it would never settle.
        void video.play().catch(() => {});
      },
      { token, titleId },
    );
    Object.assign(page, { problems });
    return { context, page };
  }

  const log = (page: Page) => page.evaluate(() => (globalThis as unknown as { log: PageLog }).log);

  /** Plays to the end (or near it) with no fatal error and no skip longer than one segment. */
  async function playsOn(page: Page, timeout = 60_000): Promise<PageLog> {
    await page
      .waitForFunction(
        () => {
          const l = (globalThis as unknown as { log: PageLog }).log;
          return l.ended || l.time >= 5.5 || l.fatalAt !== null;
        },
        undefined,
        { timeout, polling: 200 },
      )
      .catch(async (error: Error) => {
        // Where it stands, for whoever reads the failure.
        const state = await page.evaluate(() => {
          const v = document.querySelector('video') as HTMLVideoElement;
          const ranges = Array.from({ length: v.buffered.length }, (_, i) => [v.buffered.start(i), v.buffered.end(i)]);
          const engine = (globalThis as unknown as { engine?: { debugSnapshot(): { recent_errors: unknown[] } } })
            .engine;
          const recent = engine?.debugSnapshot().recent_errors ?? [];
          return { time: v.currentTime, paused: v.paused, readyState: v.readyState, buffered: ranges, recent };
        });
        const media = proxy.requests.map(
          (r) => `${r.path.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '')}${r.fault ? ` (${r.fault})` : ''}`,
        );
        throw new Error(
          `${error.message}\nvideo: ${JSON.stringify(state)}\nlog: ${JSON.stringify(await log(page))}\nmedia: ${media.join(', ')}`,
        );
      });
    const l = await log(page);
    assert.equal(l.fatalAt, null, `no fatal error (errors: ${JSON.stringify(l.errors)})`);
    for (const s of l.skips) {
      if (s.to > s.from)
        assert.ok(s.to - s.from <= SEGMENT + 0.25, `a skip of at most one segment: ${JSON.stringify(s)}`);
    }
    return l;
  }

  /** A fatal error within 30 s, then no media request for 10 s. */
  async function failsCleanly(page: Page, started: number): Promise<PageLog> {
    await page.waitForFunction(() => (globalThis as unknown as { log: PageLog }).log.fatalAt !== null, undefined, {
      timeout: 30_000,
      polling: 200,
    });
    const l = await log(page);
    // From the first refused request (the fault), not from the page's start.
    const faultAt = proxy.requests.find((r) => r.fault)?.at ?? started;
    assert.ok((l.fatalAt as number) - faultAt <= 30_000, `fatal ${(l.fatalAt as number) - faultAt} ms after the fault`);
    assert.equal(l.errors.filter((e) => e.fatal).length, 1, 'one fatal error event');
    const seen = proxy.requests.length;
    await page.waitForTimeout(10_000);
    assert.deepEqual(
      proxy.requests.slice(seen).map((r) => r.path),
      [],
      'no media request after the fatal error',
    );
    return l;
  }

  const segment = (n: number) => new RegExp(`/v/\\d+p/seg_0*${n}\\.m4s$`);

  /** Runs `round` `times` times, each on a fresh page (open() resets the rules and the request log). */
  async function rounds(times: number, round: (n: number) => Promise<void>): Promise<void> {
    for (let n = 1; n <= times; n++) await round(n);
  }

  it('a segment 500 once: retried, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'status', status: 500 }, times: 1 }]);
      await playsOn(page);
      assert.equal(proxy.rules[0]?.hits, 1);
      await context.close();
    });
  });

  it('a segment 500 three times: retried with backoff, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'status', status: 500 }, times: 3 }]);
      await playsOn(page);
      assert.equal(proxy.rules[0]?.hits, 3);
      const tries = proxy.requests.filter((r) => segment(1).test(r.path));
      assert.ok(tries.length >= 4, 'the segment was asked for again until it came');
      // Backoff: the retries spread out (0.5 s, 1 s, 2 s bases, jittered).
      const gaps = tries.slice(1, 4).map((r, i) => r.at - (tries[i] as { at: number }).at);
      assert.ok((gaps[2] ?? 0) > (gaps[0] ?? 0), `growing delays: ${gaps.join(', ')} ms`);
      await context.close();
    });
  });

  it('a segment that never answers: timed out, asked again, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'hang' }, times: 1 }]);
      await playsOn(page, 60_000);
      await context.close();
    });
  });

  it('a connection reset in the middle of a segment: plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'reset-mid-body' }, times: 1 }]);
      await playsOn(page);
      await context.close();
    });
  });

  it('a 403 (media token expired): renewed once, the same segment again with the new token, no reload', async () => {
    await rounds(ROUNDS, async () => {
      const renewalsBefore = proxy.renewals;
      const { context, page } = await open([
        { match: segment(1), fault: { kind: 'status', status: 403, code: 'token_expired' }, times: 1 },
      ]);
      await playsOn(page);
      const masters = proxy.requests.filter((r) => r.path.endsWith('/master.m3u8'));
      assert.equal(masters.length, 1, 'the source was not loaded again');
      const tries = proxy.requests.filter((r) => segment(1).test(r.path));
      assert.ok(tries.length >= 2, 'the same segment was asked for again');
      // (The renewed token can equal the old one when both are minted within the same second.)
      assert.equal(proxy.renewals - renewalsBefore, 1, 'the media token was renewed once');
      await context.close();
    });
  });

  it('one variant playlist 404: falls back to another rung and plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([
        { match: /\/v\/360p\/[^/]*\.m3u8$/, fault: { kind: 'status', status: 404 }, times: Number.POSITIVE_INFINITY },
      ]);
      await playsOn(page);
      assert.ok(
        proxy.requests.some((r) => /\/v\/240p\/.*\.m4s$/.test(r.path)),
        'the other rung played',
      );
      await context.close();
    });
  });

  it('a corrupt segment (decode error): recovered, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'corrupt' }, times: 1 }]);
      await playsOn(page);
      await context.close();
    });
  });

  it('a bandwidth collapse: switches down to the lowest rung and plays on', async () => {
    await rounds(ROUNDS, async () => {
      // The first segment arrives at full speed; from the second on, 360p crawls at 15 KB/s (a 2 s
      // segment takes ~10 s): the player has to give up on it and switch down.
      const { context, page } = await open([
        {
          match: /\/v\/360p\/seg_0*[1-9]\d*\.m4s$/,
          fault: { kind: 'throttle', bytesPerSecond: 15_000 },
          times: Number.POSITIVE_INFINITY,
        },
      ]);
      const l = await playsOn(page, 90_000);
      assert.ok(
        proxy.requests.some((r) => /\/v\/240p\/seg_.*\.m4s$/.test(r.path)),
        `segments of 240p were fetched (levels: ${l.levels.join(', ')})`,
      );
      await context.close();
    });
  });

  // Offline for 10 s several times; for 90 s once (a minute and a half per round).
  for (const [seconds, times] of [
    [10, ROUNDS],
    [90, 1],
  ] as const) {
    it(`offline for ${seconds} s: waits for the network, then plays on from where it was`, async () => {
      await rounds(times, async () => {
        const { context, page } = await open([]);
        await page.waitForFunction(() => (globalThis as unknown as { log: PageLog }).log.time > 0.3);
        const before = (await log(page)).time;
        await context.setOffline(true);
        await page.waitForTimeout(seconds * 1000);
        const during = await log(page);
        assert.equal(during.fatalAt, null, 'no fatal error while offline');
        assert.ok(during.time >= before, 'the position was kept');
        await context.setOffline(false);
        await playsOn(page);
        await context.close();
      });
    });
  }

  it('every variant dead (all segments 500): one fatal error within 30 s, then no request loop', async () => {
    await rounds(FATAL_ROUNDS, async () => {
      const started = Date.now();
      const { context, page } = await open([
        { match: /\/v\/.*\.m4s$/, fault: { kind: 'status', status: 500 }, times: Number.POSITIVE_INFINITY },
      ]);
      await failsCleanly(page, started);
      await context.close();
    });
  });

  it('a permanent 403: renewal does not help, one fatal error, then no request loop', async () => {
    await rounds(FATAL_ROUNDS, async () => {
      const started = Date.now();
      const { context, page } = await open([
        { match: /\/(v|a|s)\//, fault: { kind: 'status', status: 403 }, times: Number.POSITIVE_INFINITY },
      ]);
      const l = await failsCleanly(page, started);
      assert.equal(l.errors.find((e) => e.fatal)?.code, 'forbidden');
      await context.close();
    });
  });

  it('the master playlist 404: one fatal error, then no request loop; retry() plays once it is back', async () => {
    await rounds(FATAL_ROUNDS, async () => {
      const started = Date.now();
      const { context, page } = await open([
        { match: /\/master\.m3u8$/, fault: { kind: 'status', status: 404 }, times: Number.POSITIVE_INFINITY },
      ]);
      const l = await failsCleanly(page, started);
      assert.equal(l.errors.find((e) => e.fatal)?.code, 'not_found');
      proxy.rules.length = 0;
      // The viewer presses Retry (the element calls retry() and plays).
      await page.evaluate(() => {
        (globalThis as unknown as { engine: { retry(): void } }).engine.retry();
        void (document.querySelector('video') as HTMLVideoElement).play().catch(() => {});
      });
      await page.waitForFunction(
        () => {
          const video = document.querySelector('video') as HTMLVideoElement;
          if (video.paused && video.readyState >= 2) void video.play().catch(() => {});
          return video.currentTime > 1;
        },
        undefined,
        { timeout: 20_000, polling: 250 },
      );
      await context.close();
    });
  });
});
