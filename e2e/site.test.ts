import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type Site, startSite } from './helpers.js';

describe('the site, as npm start serves it', () => {
  let site: Site;
  let browser: Browser;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('serves a page in Chromium with no console errors or CSP violations', async () => {
    const { page, problems } = await openPage(browser);
    const response = await page.goto(site.url);
    assert.equal(response?.status(), 200);
    assert.match(await page.title(), /Reel/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("loads the kit's standalone build, which registers <reel-auth-provider>, and a second copy is harmless", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(site.url);
    const result = await page.evaluate(async (base) => {
      const manifest = await (await fetch(`${base}/packages/core/dist/standalone/.vite/manifest.json`)).json();
      const file = (Object.values(manifest) as { file: string; isEntry?: boolean }[]).find((e) => e.isEntry)?.file;
      await import(`${base}/packages/core/dist/standalone/${file}`);
      // A second copy of the same build (another URL): its definition is skipped, nothing throws.
      await import(`${base}/packages/core/dist/standalone/${file}?copy=2`);
      return typeof customElements.get('reel-auth-provider');
    }, site.url);
    assert.equal(result, 'function');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
