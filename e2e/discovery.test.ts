// The discovery pages in a real browser against the real API (e2e/fixtures/discovery/site.ts: the
// elements routed as the shell routes them): deep links survive a reload, the back button puts
// the home page back where it was scrolled, and the pages pass axe as whole pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type DiscoverySite, startDiscoverySite } from './fixtures/discovery/site.js';
import { launchBrowser, openPage } from './helpers.js';

const require = createRequire(import.meta.url);

/** Waits until every shadow root on the page has finished loading (no aria-busy left). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForFunction(() => {
    let busy = false;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const shadow = (el as HTMLElement).shadowRoot;
        if (!shadow) continue;
        if (shadow.querySelector('[aria-busy="true"]')) busy = true;
        walk(shadow);
      }
    };
    walk(document);
    return !busy;
  });
}

async function axe(page: Page): Promise<{ id: string; nodes: number }[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy allows no inline script.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
  });
}

describe('discovery pages in the browser', () => {
  let site: DiscoverySite;
  let browser: Browser;
  before(async () => {
    site = await startDiscoverySite();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('a title’s deep link shows it, and again after a reload', async () => {
    const home = await (await fetch(`${site.url}/api/v1/home/rails`)).json();
    const { page, problems } = await openPage(browser);
    await page.goto(`${site.url}/title/${home.hero.id}`);
    await settled(page);
    const name = () => page.locator('reel-title-detail h1').textContent();
    assert.equal(await name(), home.hero.name);
    await page.reload();
    await settled(page);
    assert.equal(await name(), home.hero.name);
    assert.deepEqual(
      problems.filter((p) => !p.includes('401')),
      [],
    );
    await page.close();
  });

  it('the back button returns to the home page where it was scrolled', async () => {
    const { page } = await openPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.url}/`);
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, 1100));
    await page.waitForTimeout(400);
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 1000, `scrolled (${before})`);
    // Follow a card's link (the router takes same-origin clicks, as the shell does).
    const card = page.locator('reel-home reel-rail').nth(3).locator('.card__link').first();
    await card.click();
    await page.waitForURL(/\/title\//);
    await settled(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.goBack();
    await page.waitForURL(`${site.url}/`);
    await settled(page);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 4, before, { timeout: 5000 });
    await page.close();
  });

  for (const path of ['/', '/title/:hero', '/person/:cast', '/collections/reel-originals']) {
    it(`${path} passes axe as a whole page`, async () => {
      const home = await (await fetch(`${site.url}/api/v1/home/rails`)).json();
      const credits = await (await fetch(`${site.url}/api/v1/titles/${home.hero.id}/credits`)).json();
      const url = path.replace(':hero', home.hero.id).replace(':cast', credits.cast[0].person.id);
      const { page } = await openPage(browser);
      await page.goto(site.url + url);
      await settled(page);
      assert.deepEqual(await axe(page), []);
      await page.close();
    });
  }
});
