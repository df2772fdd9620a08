// The player end to end, in the shell as `npm start` serves it (needs @reel/player and
// @reel/shell built): Alex opens /watch/<film>, it plays, seeks, skips the intro (the position
// jumps past the marker's end), and after a reload resumes from where it was left. The page is
// watched for Content-Security-Policy violations throughout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, type PlayerHandle, playing, type Site, settled, startSite, watchCsp } from './helpers.js';

const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };

/** Passed to page functions that need no argument (they find the player themselves). */
const player = 'reel-player';

describe('the player in the shell', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let film: string;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const login = await context.request.post(`${site.url}/api/v1/auth/login`, { data: VIEWER });
    assert.equal(login.status(), 200, await login.text());
    const token = ((await login.json()) as { access_token: string }).access_token;
    const headers = { authorization: `Bearer ${token}` };
    const list = await context.request.get(`${site.url}/api/v1/users/me/profiles`, { headers });
    const alex = ((await list.json()) as { items: { id: string; name: string }[] }).items.find(
      (p) => p.name === 'Alex',
    );
    assert.ok(alex);
    const switched = await context.request.post(`${site.url}/api/v1/users/me/profiles/${alex.id}/switch`, {
      headers,
      data: {},
    });
    assert.equal(switched.status(), 200, await switched.text());
    const films = await context.request.get(`${site.url}/api/v1/titles?type=film&limit=10`, { headers });
    const items = ((await films.json()) as { items: { id: string; progress?: unknown }[] }).items;
    film = (items.find((t) => !t.progress) ?? items[0])?.id as string;
    assert.ok(film);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.stop();
  });

  it('plays /watch/<id>, seeks, skips the intro, and resumes after a reload', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/watch/${film}`);
    assert.equal(await settled(page, 'watch'), 'ready');
    await playing(page);

    // Seek.
    await page.evaluate((_sel) => (document.querySelector('reel-player') as unknown as PlayerHandle).seek(3), player);
    await page.waitForFunction(
      (_sel) =>
        Math.abs((document.querySelector('reel-player') as unknown as PlayerHandle).video.currentTime - 3) < 0.6,
      player,
    );

    // Skip the intro: the button shows inside the marker, and a click jumps past its end.
    const intro = await page.evaluate(
      (_sel) =>
        (document.querySelector('reel-player') as unknown as PlayerHandle).engine?.session.markers.find(
          (m) => m.kind === 'intro',
        ) ?? null,
      player,
    );
    assert.ok(intro, 'the film has an intro marker');
    await page.evaluate(
      ([_sel, t]) => {
        const p = document.querySelector('reel-player') as unknown as PlayerHandle;
        p.pause();
        p.seek(t as number);
      },
      [player, intro.start + 0.1] as const,
    );
    await page.waitForFunction(
      (_sel) =>
        (document.querySelector('reel-player') as unknown as PlayerHandle).shadowRoot.querySelector('button.skip') !==
        null,
      player,
    );
    await page.evaluate(
      (_sel) =>
        (
          (document.querySelector('reel-player') as unknown as PlayerHandle).shadowRoot.querySelector(
            'button.skip',
          ) as HTMLElement
        ).click(),
      player,
    );
    await page.waitForFunction(
      ([_sel, end]) =>
        (document.querySelector('reel-player') as unknown as PlayerHandle).video.currentTime >= (end as number) - 0.05,
      [player, intro.end] as const,
    );

    // Leave it part-way, paused (the engine reports the position), and reload: it resumes there.
    await page.evaluate((_sel) => {
      const p = document.querySelector('reel-player') as unknown as PlayerHandle;
      p.seek(3.5);
      return p.play();
    }, player);
    await page.waitForTimeout(400);
    await page.evaluate((_sel) => (document.querySelector('reel-player') as unknown as PlayerHandle).pause(), player);
    const left = await page.evaluate(
      (_sel) => (document.querySelector('reel-player') as unknown as PlayerHandle).video.currentTime,
      player,
    );
    await page.waitForTimeout(1500);
    await page.reload();
    assert.equal(await settled(page, 'watch'), 'ready');
    await playing(page);
    const resumed = await page.evaluate(
      (_sel) => (document.querySelector('reel-player') as unknown as PlayerHandle).video.currentTime,
      player,
    );
    assert.ok(resumed >= left - 1.5, `resumed at ${resumed}, left at ${left}`);
    await csp.assertNone();
    await page.close();
  });
});
