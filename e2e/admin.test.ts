// The admin end to end (§21): a staff member uploads a generated video through the resumable (tus)
// upload, the connection drops halfway (injected fault: PATCH requests aborted), the upload resumes
// from the server's offset, the pipeline's job finishes, the title is published and its stream
// plays. Then a bulk-upload manifest with two bad rows: the dry run names both rows and fields,
// apply adds the others, and applying again adds nothing twice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApiServer } from '../scripts/api-server.mjs';
import { launchBrowser, type Site, watchCsp } from './helpers.js';

const ADMIN = { email: 'admin@reel.test', password: 'reel-admin-demo' };

async function until(test: () => Promise<boolean>, timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('admin: resumable upload to playback, bulk upload', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;
  let dir: string;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${site.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  /** Text inside the admin's shadow roots. */
  const adminText = (page: Page) =>
    page.evaluate(() => {
      const text = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        const shadow = (node as Element).shadowRoot;
        return [...(shadow ? shadow.childNodes : []), ...node.childNodes].map(text).join(' ');
      };
      return text(document.body).replace(/\s+/g, ' ');
    });

  before(async () => {
    site = (await startApiServer({ timeoutMs: 180_000 })) as unknown as Site;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const login = await context.request.post(`${site.url}/api/v1/auth/login`, { data: ADMIN });
    assert.equal(login.status(), 200, await login.text());
    token = ((await login.json()) as { access_token: string }).access_token;
    dir = mkdtempSync(join(tmpdir(), 'reel-admin-e2e-'));
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads through tus, survives a dropped connection, processes, publishes and plays', async () => {
    // A few seconds of generated video and sound.
    const file = join(dir, 'harbour.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=4:size=320x240:rate=24',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=4',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      '-movflags',
      '+faststart',
      file,
    ]);
    const size = readFileSync(file).length;

    const created = await api('POST', '/admin/titles', {
      type: 'film',
      name: 'Quiet Harbour',
      synopsis: 'A lighthouse keeper finds a message in a bottle.',
      original_language: 'en',
      status: 'released',
      genres: [((await api('GET', '/admin/genres')).body.items[0] as { slug: string }).slug],
      maturity_level: 7,
      availability: [{ region: 'US', available_from: null, available_until: null }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const titleId = created.body.id as string;

    const page = await context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const csp = await watchCsp(page);
    // Injected fault: once half the bytes are in, the next PATCH requests die on the wire.
    let patches = 0;
    let aborted = 0;
    let headsAfterAbort = 0;
    await page.route('**/media/uploads/**', async (route) => {
      const method = route.request().method();
      if (method === 'HEAD' && aborted) headsAfterAbort++;
      if (method === 'PATCH') {
        patches++;
        const offset = Number(route.request().headers()['upload-offset'] ?? 0);
        if (offset >= size / 2 && aborted < 2) {
          aborted++;
          return route.abort('internetdisconnected');
        }
      }
      return route.continue();
    });
    await page.goto(`${site.url}/admin/assets/video?title=${titleId}`);
    const panel = page.locator('reel-admin-video');
    await panel.waitFor({ timeout: 60_000 });
    // Small chunks, so "halfway" is a real point between requests.
    await panel.evaluate(
      (el, chunk) => {
        (el as unknown as { chunkSize: number }).chunkSize = chunk;
      },
      Math.ceil(size / 8),
    );
    await until(
      () =>
        panel.evaluate((el, id) => {
          const v = el as unknown as { titleId?: string; titles?: { id: string }[] };
          return !!v.titles?.some((t) => t.id === id) && v.titleId === id;
        }, titleId),
      30_000,
    );
    await panel.locator('input[type=file]').setInputFiles(file);
    await panel.locator('reel-button[type=submit]').click();

    // The job runs to the end: the panel says so.
    await until(async () => {
      const phase = await panel
        .locator('.progress')
        .getAttribute('data-phase')
        .catch(() => null);
      return phase === 'done' || phase === 'failed';
    }, 240_000);
    const text = await adminText(page);
    assert.match(text, /Ready to play/, text.slice(0, 400));
    assert.ok(aborted >= 1, 'the connection was cut halfway');
    assert.ok(headsAfterAbort >= 1, 'the client asked the server for its offset, then resumed');
    assert.ok(patches > aborted + 1, 'more chunks went up after the cut');

    // Publish it and play its stream.
    const published = await api('POST', `/admin/titles/${titleId}/publish`, { state: 'published' });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.publish_state, 'published');
    const session = await api('POST', '/player/sessions/enhanced', { title_id: titleId });
    assert.equal(session.status, 201, JSON.stringify(session.body));
    const manifest = new URL(session.body.manifest_url as string, site.url).href;
    const result = await page.evaluate(async (url: string) => {
      const video = document.createElement('video');
      video.muted = true;
      document.body.append(video);
      const native = video.canPlayType('application/vnd.apple.mpegurl');
      const playlist = await fetch(url);
      if (!native) return { native: false, time: -1, playlist: playlist.status };
      video.src = url;
      await video.play().catch(() => {});
      const end = performance.now() + 15_000;
      while (video.currentTime < 1 && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
      return { native: true, time: video.currentTime, playlist: playlist.status };
    }, manifest);
    assert.equal(result.playlist, 200, 'the signed master playlist loads');
    if (result.native) assert.ok(result.time >= 1, `currentTime advanced (${result.time})`);
    await csp.assertNone();
    await page.close();
  });

  it('bulk upload: the dry run names the two bad rows and fields; apply adds the rest, once', async () => {
    const genre = ((await api('GET', '/admin/genres')).body.items[0] as { slug: string }).slug;
    const manifest = [
      'key,type,name,synopsis,year,genres,maturity_level,regions',
      `e2e-1,film,Paper Moons,A quiet drama.,2020,${genre},7,US`,
      `e2e-2,film,,Nameless.,2021,${genre},7,US`,
      `e2e-3,series,Salt Roads,Traders cross a desert.,2019,${genre},13,US`,
      `e2e-4,film,Wrong Year,Oops.,1700,${genre},7,US`,
      `e2e-5,anime,Lantern Fox,A fox spirit.,2022,${genre},10,US`,
    ].join('\n');
    const page = await context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`${site.url}/admin/assets/bulk-upload`);
    const panel = page.locator('reel-admin-bulk');
    await panel.waitFor({ timeout: 60_000 });
    await panel.locator('textarea').fill(manifest);
    await panel.locator('reel-button[type=submit]').click();
    await panel.locator('table tr[data-row]').first().waitFor({ timeout: 30_000 });
    const bad = await panel
      .locator('tr.bad')
      .evaluateAll((rows) =>
        rows.map((r) => [
          Number(r.getAttribute('data-row')),
          [...r.querySelectorAll('li[data-field]')].map((li) => li.getAttribute('data-field')),
        ]),
      );
    assert.deepEqual(bad, [
      [2, ['name']],
      [4, ['year']],
    ]);
    await panel.getByText('Apply 3 valid rows').click();
    await panel.getByText(/3 created · 0 updated · 0 unchanged · 0 failed/).waitFor({ timeout: 30_000 });
    await panel.getByText('Apply again').click();
    await panel.getByText(/3 created · 0 updated · 0 unchanged · 0 failed/).waitFor({ timeout: 30_000 });

    // A second dry run of the same manifest, applied: nothing new.
    const again = await api('POST', '/admin/assets/bulk-upload/dry-run', { format: 'csv', manifest });
    const applied = await api('POST', `/admin/assets/bulk-upload/${again.body.id}/apply`);
    assert.equal(applied.body.progress.created, 0);
    const found = await api('GET', '/admin/titles?q=Paper%20Moons');
    assert.equal(found.body.items.length, 1, 'one Paper Moons, not two');
    await page.close();
  });
});
