import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, root, type Site, startSite } from './helpers.js';

/** The kit's standalone bundle (it registers <reel-auth-provider>). */
function providerBundle(): string {
  const manifest = JSON.parse(
    readFileSync(join(root, 'packages/core/dist/standalone/.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((e) => e.isEntry);
  if (!entry) throw new Error('no standalone entry for @reel/core');
  return `/packages/core/dist/standalone/${entry.file}`;
}

async function mountProvider(page: Page, site: Site) {
  await page.goto(site.url);
  await page.addScriptTag({ url: providerBundle(), type: 'module' });
  await page.evaluate(async () => {
    const provider = document.createElement('reel-auth-provider');
    provider.id = 'provider';
    document.body.append(provider);
    await customElements.whenDefined('reel-auth-provider');
  });
  await page.waitForFunction(() => document.getElementById('provider')?.getAttribute('status') !== 'loading');
}

describe('the session across concurrent refreshes', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    context = await browser.newContext();
    const { page } = await openPage(browser);
    await page.close();
    // Sign up in the browser context so it holds the refresh cookie.
    const signUp = await context.request.post(`${site.url}/api/v1/auth/register`, {
      data: {
        email: `storm-${Date.now()}@example.test`,
        password: 'a long enough passphrase 42',
        display_name: 'Storm',
        accept_terms: true,
      },
    });
    assert.equal(signUp.status(), 201, await signUp.text());
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('50 rounds of 8 concurrent refreshes in one page and in two tabs never sign the user out', async () => {
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await mountProvider(tabA, site);
    await mountProvider(tabB, site);
    for (const tab of [tabA, tabB]) {
      assert.equal(await tab.evaluate(() => document.getElementById('provider')?.getAttribute('status')), 'signed-in');
    }
    const storm = (tab: Page) =>
      tab.evaluate(async () => {
        const provider = document.getElementById('provider') as HTMLElement & { refresh(): Promise<boolean> };
        const results = await Promise.all(Array.from({ length: 8 }, () => provider.refresh()));
        return results.every(Boolean) && provider.getAttribute('status') === 'signed-in';
      });
    let signedOut = 0;
    for (let round = 0; round < 50; round++) {
      const [a, b] = await Promise.all([storm(tabA), storm(tabB)]);
      if (!a) signedOut++;
      if (!b) signedOut++;
    }
    assert.equal(signedOut, 0);
  });
});
