// My List end to end, in the shell as `npm start` serves it (needs `pnpm build`, or at least
// @reel/watchlist and @reel/shell built): Alex adds titles from the home page's cards, opens
// /my-list, reorders by keyboard, reloads (the order stays), exports the list (a real download),
// clears it, undoes, clears again and imports the exported file, which brings the list back; a
// malformed file is refused with where it is wrong, and changes nothing; the kids profile Sam sees
// none of Alex's list. Every page is watched for Content-Security-Policy violations.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApiServer } from '../scripts/api-server.mjs';
import { launchBrowser, profiles, type Site, settled, signIn, switchTo, watchCsp } from './helpers.js';

/** The ids of the titles shown on /my-list, in order. */
const shown = (page: Page) =>
  page.evaluate(() =>
    [
      ...(document.querySelector('reel-watchlist')?.shadowRoot?.querySelectorAll<HTMLElement>('.item[data-id]') ?? []),
    ].map((i) => i.dataset.id as string),
  );

/** The messages of the toasts on screen. */
describe('My List in the shell', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;
  let ids: { alex: string; sam: string };
  let added: string[] = [];
  let dir: string;

  const serverOrder = async () => {
    const res = await context.request.get(`${site.url}/api/v1/users/${ids.alex}/watchlist?limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { items: { title_id: string }[] }).items.map((i) => i.title_id);
  };

  const openMyList = async (page: Page) => {
    await page.goto(`${site.url}/my-list`);
    assert.equal(await settled(page, 'my-list'), 'ready');
    await page.waitForFunction(() => {
      const root = document.querySelector('reel-watchlist')?.shadowRoot;
      return !!root && !root.querySelector('[aria-busy="true"]') && !!root.querySelector('.items[data-view], .empty');
    });
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reel-watchlist-e2e-'));
    // The site as startSite() starts it, with more time to seed on a busy machine.
    site = await startApiServer({ timeoutMs: 300_000 });
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    token = await signIn(context, site);
    ids = await profiles(context, site, token);
    token = await switchTo(context, site, token, ids.alex);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.stop();
  });

  it('titles added from cards on home show on /my-list; reordered by keyboard, the order survives a reload', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/`);
    await settled(page, 'home');
    const rail = page.locator('reel-rail[source="trending"]').first();
    await rail.locator('.card[data-id]').first().waitFor({ timeout: 20_000 });
    const cards = rail.locator('.card[data-id]');
    for (let i = 0; i < 3; i++) {
      const card = cards.nth(i);
      const id = (await card.getAttribute('data-id')) as string;
      // The card's My List button, activated as Enter on it does (button.click(): a pointer would
      // land on the hover preview that opens over the card, and a focus preview moves focus).
      const button = card.locator('[data-action="watchlist"]');
      await button.evaluate((b) => (b as HTMLButtonElement).click());
      // The card shows it at once (its button now removes), then the server has it.
      for (let tries = 0; tries < 100 && !(await button.getAttribute('aria-label'))?.startsWith('Remove'); tries++) {
        await page.waitForTimeout(100);
      }
      assert.match((await button.getAttribute('aria-label')) ?? '', /^Remove /);
      added.unshift(id);
      // Each add lands at the top of the list.
      for (let tries = 0; tries < 50 && (await serverOrder())[0] !== id; tries++) await page.waitForTimeout(100);
    }
    assert.deepEqual(await serverOrder(), added);

    await openMyList(page);
    assert.deepEqual(await shown(page), added);
    // The list view; then keyboard: Space picks the first title up, ArrowDown twice, Space drops.
    await page.locator('reel-watchlist reel-icon-button[name="list"]').click();
    await page.locator(`reel-watchlist .item[data-id="${added[0]}"] .handle`).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const expected = [added[1], added[2], added[0]] as string[];
    assert.deepEqual(await shown(page), expected);
    for (let tries = 0; tries < 50 && (await serverOrder()).join() !== expected.join(); tries++)
      await page.waitForTimeout(100);
    assert.deepEqual(await serverOrder(), expected);
    added = expected;

    await page.reload();
    await settled(page, 'my-list');
    await page.waitForFunction(
      () => !!document.querySelector('reel-watchlist')?.shadowRoot?.querySelector('.item[data-id]'),
    );
    assert.deepEqual(await shown(page), added);
    await csp.assertNone();
    await page.close();
  });

  let exported = '';
  it('exports, clears, undoes, clears again, and importing the exported file brings the list back', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await openMyList(page);

    const downloading = page.waitForEvent('download');
    await page.locator('reel-watchlist reel-button[data-action="export"]').click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^reel-my-list-\d{4}-\d\d-\d\d\.json$/);
    exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const doc = JSON.parse(await readFile(exported, 'utf8')) as { format: string; items: { title_id: string }[] };
    assert.equal(doc.format, 'reel.watchlist');
    assert.deepEqual(
      doc.items.map((i) => i.title_id),
      added,
    );

    const clear = async () => {
      await page.locator('reel-watchlist reel-button[data-action="clear"]').click();
      const dialog = page.locator('reel-watchlist reel-confirm-dialog[open]');
      await dialog.getByRole('button', { name: 'Clear all' }).click();
      // The list empties at once (optimistic); the undo toast comes with the server's answer.
      await page.locator('reel-watchlist .empty').waitFor();
      await page.waitForFunction(() =>
        [...(document.querySelector('reel-toast-region')?.shadowRoot?.querySelectorAll('reel-toast') ?? [])].some((t) =>
          t.getAttribute('message')?.startsWith('Cleared My List'),
        ),
      );
      assert.deepEqual(await serverOrder(), []);
    };
    await clear();
    const undo = page
      .locator('reel-toast-region reel-toast')
      .filter({ has: page.locator('button.action') })
      .last();
    await undo.locator('button.action').click();
    await page.waitForFunction(
      (n) => document.querySelector('reel-watchlist')?.shadowRoot?.querySelectorAll('.item[data-id]').length === n,
      added.length,
    );
    assert.deepEqual(await shown(page), added);
    assert.deepEqual(await serverOrder(), added);

    await clear();
    await page.locator('reel-watchlist reel-button[data-action="import"]').first().click();
    await page.locator('reel-watchlist input[type="file"]').setInputFiles(exported);
    await page.locator('reel-watchlist reel-button[data-action="import-submit"]').click();
    await page.waitForFunction(
      (n) => document.querySelector('reel-watchlist')?.shadowRoot?.querySelectorAll('.item[data-id]').length === n,
      added.length,
    );
    assert.deepEqual(await shown(page), added);
    assert.deepEqual(await serverOrder(), added);
    await csp.assertNone();
    await page.close();
  });

  // Uses the file the previous case exported.
  it('a malformed file is refused with where it is wrong, and nothing changes', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await openMyList(page);
    const broken = join(dir, 'broken.json');
    const text = await readFile(exported, 'utf8');
    // A title id that is a number, on a known line.
    const bad = text.replace(`"title_id": "${added[1]}"`, '"title_id": 42');
    await writeFile(broken, bad);
    const line = bad.split('\n').findIndex((l) => l.includes('"title_id": 42')) + 1;
    await page.locator('reel-watchlist reel-button[data-action="import"]').first().click();
    await page.locator('reel-watchlist input[type="file"]').setInputFiles(broken);
    await page.locator('reel-watchlist reel-button[data-action="import-submit"]').click();
    const error = page.locator('reel-watchlist .import-error');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    assert.match(message, /Nothing was changed/);
    assert.match(message, /items\[1\]\.title_id/);
    assert.match(message, new RegExp(`Line ${line}, column \\d+`));
    assert.deepEqual(await serverOrder(), added);
    await page.keyboard.press('Escape');
    assert.deepEqual(await shown(page), added);
    await csp.assertNone();
    await page.close();
  });

  it('the kids profile Sam sees none of Alex’s list', async () => {
    const kids = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const kidsToken = await switchTo(kids, site, await signIn(kids, site), ids.sam);
    const own = await kids.request.get(`${site.url}/api/v1/users/${ids.sam}/watchlist`, {
      headers: { authorization: `Bearer ${kidsToken}` },
    });
    assert.deepEqual(((await own.json()) as { items: unknown[] }).items, []);

    const page = await kids.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/my-list`);
    assert.equal(await settled(page, 'my-list'), 'ready');
    await page.locator('reel-watchlist .empty').waitFor({ timeout: 15_000 });
    assert.deepEqual(await shown(page), []);
    await csp.assertNone();
    await kids.close();
  });
});
