// The home page's rendering cost, in headless Chromium on loopback against the real API:
//
// 1. <reel-home> with 20 rails × 40 cards (real titles), mounted at the start of a frame, timed to
//    the end of its first rendered frame and of the frame that has every rail — next to the very
//    markup it rendered (serialised: shadow roots as declarative shadow DOM, adopted sheets as
//    <style>), parsed as plain DOM on a page with no custom elements, in the same run.
// 2. The frame that repaints a card after a My List toggle or a progress change (as a toggle or
//    the player announces it on `window`; every rail showing the title repaints it).
// 3. LCP and CLS of the real home page (signed out, data from GET /home/rails) with the
//    web-vitals library, after load and after scrolling to the bottom.
//
// node bench/run.mjs home-render
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rail, TitleSummary } from '@reel/contracts';
import type { HomeData } from '@reel/home';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundle, pageHtml, startDiscoverySite } from '../e2e/fixtures/discovery/site.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '..', 'e2e', 'fixtures', 'discovery');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** BENCH_ONLY=render skips the repaint and web-vitals tables (for quick comparisons). */
const ONLY = process.env.BENCH_ONLY ?? '';
const VIEWPORT = { width: 1280, height: 800 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const ms = (x: number) => x.toFixed(1);
const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

interface BenchWindow {
  reelBench: {
    mountHome(data: HomeData): Promise<{ first: number; all: number; rails: number; cards: number }>;
    snapshot(): { markup: string; documentStyles: string };
    toggleCost(n: number): Promise<number[]>;
    clickCost(n: number): Promise<number[]>;
    signIn(): Promise<void>;
    progressCost(n: number): Promise<number[]>;
  };
  reelPlain: { mountPlain(markup: string): Promise<number>; addStyles(html: string): void };
  __vitals: { lcp?: number; lcpElement?: string; cls?: number };
}
declare const window: Window & BenchWindow;

/** 20 rails × 40 cards from the demo catalog, in the shape of GET /home/rails. */
async function homeData(api: string): Promise<HomeData> {
  const titles: TitleSummary[] = [];
  let cursor: string | null = null;
  do {
    const url = `${api}/titles?limit=100&sort=popularity${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await fetch(url)).json()) as { items: TitleSummary[]; next_cursor: string | null };
    titles.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  const kinds: Rail['kind'][] = ['trending', 'new-this-week', 'collection', 'genre'];
  const rails: Rail[] = Array.from({ length: 20 }, (_, r) => {
    const kind = kinds[r % kinds.length] as Rail['kind'];
    return {
      id: `bench-${r}`,
      kind,
      heading: `Rail ${r + 1}`,
      source: kind === 'collection' ? `collection:bench-${r}` : kind,
      reason: null,
      see_all: `/browse?rail=${r}`,
      items: Array.from({ length: 40 }, (_, i) => titles[(r * 11 + i) % titles.length] as TitleSummary),
    };
  });
  return { rails, hero: titles[0] ?? null };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { message?: string } };
}

/**
 * Runs `work` under Chrome's tracing and returns, with its result, what the frames the page marked
 * (a `reel-bench-start` stamp in each frame's animation callback) cost on the renderer's main
 * thread: the frame tasks' thread time (`cpu`: unaffected by other processes taking the CPU) and
 * wall time (`wall`), summed over the frames. Work outside those frames (image responses arriving,
 * later repaints) is not counted.
 */
async function traced<T>(
  browser: Browser,
  page: Page,
  work: () => Promise<T>,
): Promise<{ value: T; cpu: number; wall: number; frames: number; each: { cpu: number; wall: number }[] }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const value = await work();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const stamps = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'reel-bench-start');
  const tasks = events.filter(
    (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  let cpu = 0;
  let wall = 0;
  const counted = new Set<TraceEvent>();
  const each: { cpu: number; wall: number }[] = [];
  for (const stamp of stamps) {
    const frame = tasks.find(
      (t) => t.pid === stamp.pid && t.tid === stamp.tid && t.ts <= stamp.ts && stamp.ts <= t.ts + (t.dur ?? 0),
    );
    if (!frame || counted.has(frame)) continue;
    counted.add(frame);
    cpu += (frame.tdur ?? frame.dur ?? 0) / 1000;
    wall += (frame.dur ?? 0) / 1000;
    each.push({ cpu: (frame.tdur ?? frame.dur ?? 0) / 1000, wall: (frame.dur ?? 0) / 1000 });
  }
  if (process.env.BENCH_DEBUG) console.log(`frames=${counted.size} cpu=${cpu.toFixed(1)} wall=${wall.toFixed(1)}`);
  return { value, cpu, wall, frames: counted.size, each };
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  // As long as a real page waits for GET /home/rails on a fast connection: the page's idle work
  // (the kit's warm-up) runs then, as it would.
  await page.waitForTimeout(300);
  return page;
}

export default async function () {
  const benchScript = await bundle(join(fixtures, 'bench-page.ts'));
  const plainScript = await bundle(join(fixtures, 'bench-plain.ts'));
  const site = await startDiscoverySite({
    vitals: true,
    extra: {
      '/bench/reel': {
        type: 'text/html; charset=utf-8',
        strict: true,
        body: (n) => pageHtml(n, { script: '/bench/reel.js' }),
      },
      '/bench/plain': {
        type: 'text/html; charset=utf-8',
        body: (n) => pageHtml(n, { script: '/bench/plain.js', bench: 'plain' }),
      },
      '/bench/reel.js': { type: 'text/javascript; charset=utf-8', body: benchScript },
      '/bench/plain.js': { type: 'text/javascript; charset=utf-8', body: plainScript },
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const data = await homeData(`${site.url}/api/v1`);

    // The markup to compare with: what <reel-home> renders, once every rail is in.
    const first = await openPage(browser, `${site.url}/bench/reel`);
    const shape = await first.evaluate((d) => window.reelBench.mountHome(d), data);
    const { markup, documentStyles } = await first.evaluate(() => window.reelBench.snapshot());
    await first.close();

    // Repaints, signed in (cards carry My List buttons), once the artwork has loaded.
    const signedIn = await openPage(browser, `${site.url}/bench/reel`);
    await signedIn.evaluate(() => window.reelBench.signIn());
    await signedIn.evaluate((d) => window.reelBench.mountHome(d), data);
    await signedIn.waitForTimeout(2000);
    const clicks = await traced(browser, signedIn, () => signedIn.evaluate(() => window.reelBench.clickCost(15)));
    const toggles = await traced(browser, signedIn, () => signedIn.evaluate(() => window.reelBench.toggleCost(30)));
    const progress = await traced(browser, signedIn, () => signedIn.evaluate(() => window.reelBench.progressCost(30)));
    await signedIn.close();
    const repaintRow = (change: string, t: typeof toggles) => {
      const wall = t.each.map((f) => f.wall);
      const cpu = t.each.map((f) => f.cpu);
      return {
        change,
        frames: wall.length,
        'frame work median ms': ms(median(wall)),
        'frame work max ms': ms(Math.max(...wall)),
        'CPU median ms': ms(median(cpu)),
        'in-page median ms': ms(median(t.value)),
        'within 16 ms': `${wall.filter((x) => x <= 16).length}/${wall.length}`,
      };
    };
    const repaintRows = [
      repaintRow('My List button pressed (optimistic repaint)', clicks),
      repaintRow('My List changed elsewhere (reel-watchlist-change)', toggles),
      repaintRow('progress changed (reel-progress-change)', progress),
    ];

    const reelAll: number[] = [];
    const reelFirst: number[] = [];
    const reelFirstWork: number[] = [];
    const reelFirstCpu: number[] = [];
    const reelWork: number[] = [];
    const reelCpu: number[] = [];
    const reelFrames: number[] = [];
    const plain: number[] = [];
    const plainWork: number[] = [];
    const plainCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const reel = await openPage(browser, `${site.url}/bench/reel`);
      const r = await traced(browser, reel, () => reel.evaluate((d) => window.reelBench.mountHome(d), data));
      reelAll.push(r.value.all);
      reelFirst.push(r.value.first);
      reelFirstWork.push(r.each[0]?.wall ?? Number.NaN);
      reelFirstCpu.push(r.each[0]?.cpu ?? Number.NaN);
      reelWork.push(r.wall);
      reelCpu.push(r.cpu);
      reelFrames.push(r.frames);
      await reel.close();
      const vanilla = await openPage(browser, `${site.url}/bench/plain`);
      await vanilla.evaluate((css) => window.reelPlain.addStyles(css), documentStyles);
      const p = await traced(browser, vanilla, () => vanilla.evaluate((m) => window.reelPlain.mountPlain(m), markup));
      plain.push(p.value);
      plainWork.push(p.wall);
      plainCpu.push(p.cpu);
      await vanilla.close();
    }
    // Each Reel run next to the plain run right after it: slow spells of the machine hit both.
    const paired = (a: number[], b: number[]) => median(a.map((x, i) => x / (b[i] as number))).toFixed(2);
    const row = (name: string, frames: string, toPaint: number[], work: number[], cpu: number[]) => ({
      case: name,
      frames,
      'to painted, ms': ms(median(toPaint)),
      'frame work, ms': ms(median(work)),
      'frame work × plain':
        work === plainWork
          ? '1.00'
          : `${(median(work) / median(plainWork)).toFixed(2)} (paired ${paired(work, plainWork)})`,
      'main-thread CPU, ms': ms(median(cpu)),
      'CPU × plain':
        cpu === plainCpu ? '1.00' : `${(median(cpu) / median(plainCpu)).toFixed(2)} (paired ${paired(cpu, plainCpu)})`,
    });
    const renderRows = [
      row('plain DOM, same markup (declarative shadow DOM)', '1', plain, plainWork, plainCpu),
      row('<reel-home>, every rail rendered', String(median(reelFrames)), reelAll, reelWork, reelCpu),
    ];
    if (median(reelFrames) > 1) {
      renderRows.push(
        row('<reel-home>, its first frame (hero, first 5 rails)', '1', reelFirst, reelFirstWork, reelFirstCpu),
      );
    }
    if (process.env.BENCH_DEBUG) console.log({ plain, plainWork, plainCpu, reelAll, reelWork, reelCpu });
    const renderTable = {
      title: `Home render: 20 rails × 40 cards, 1280×800 (${RUNS} runs each, medians)`,
      rows: renderRows,
      notes:
        `Each run is a fresh page, Reel and plain alternating; the content is mounted at the start of a frame. ` +
        `"to painted": performance.now() from mounting to the task after the frame that shows it (includes waiting for other tasks); ` +
        `"frame work": wall time of that frame's task in Chrome's trace; "main-thread CPU": its thread time (unaffected by other processes; load average ${loadAverage()}). ` +
        `Rendered: ${shape.rails} rails, ${shape.cards} cards in the DOM (each rail renders the cards near its viewport; ` +
        `the rest are virtualised), markup ${(markup.length / 1024).toFixed(0)} KB. Target: ≤ 1.2× plain.`,
    };
    if (ONLY === 'render') return [renderTable];

    // LCP and CLS of the real home page.
    const vitals: { lcp: number; cls: number; clsScrolled: number; element: string }[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await page.goto(`${site.url}/`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await page.waitForTimeout(2500);
      const loaded = await page.evaluate(() => ({ ...window.__vitals }));
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += 300) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 120));
        }
      });
      await page.waitForTimeout(500);
      const scrolled = await page.evaluate(() => ({ ...window.__vitals }));
      vitals.push({
        lcp: loaded.lcp ?? Number.NaN,
        cls: loaded.cls ?? 0,
        clsScrolled: scrolled.cls ?? 0,
        element: loaded.lcpElement ?? '',
      });
      await page.close();
    }
    const vitalRows = [
      {
        metric: 'LCP (ms)',
        median: ms(median(vitals.map((v) => v.lcp))),
        max: ms(Math.max(...vitals.map((v) => v.lcp))),
        budget: '≤ 1800',
        note: `element: ${vitals[0]?.element ?? ''}`,
      },
      {
        metric: 'CLS after load',
        median: median(vitals.map((v) => v.cls)).toFixed(3),
        max: Math.max(...vitals.map((v) => v.cls)).toFixed(3),
        budget: '≤ 0.02',
        note: '',
      },
      {
        metric: 'CLS after scrolling to the bottom',
        median: median(vitals.map((v) => v.clsScrolled)).toFixed(3),
        max: Math.max(...vitals.map((v) => v.clsScrolled)).toFixed(3),
        budget: '≤ 0.02',
        note: '',
      },
    ];

    return [
      renderTable,
      {
        title: 'Repaint after one card changes (signed in as Alex; one frame each)',
        rows: repaintRows,
        notes:
          "Pressing a card's My List button (the card repaints before the server answers; the demo server has no watchlist route yet, so each press is later undone with a toast, in frames not counted), " +
          'or the change announced at the start of a frame as a toggle elsewhere or the player does (every rail showing the title repaints its card); ' +
          '"frame work" is that frame\'s task in Chrome\'s trace (script, style, layout, paint), "in-page" is performance.now() to the task after it. Target: ≤ 16 ms.',
      },
      {
        title: 'Home page Core Web Vitals (web-vitals 6, 5 loads, signed out, loopback, no throttling)',
        rows: vitalRows,
      },
    ];
  } finally {
    await browser.close();
    await site.stop();
  }
}
