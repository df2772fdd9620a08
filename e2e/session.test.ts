import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
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

/**
 * A plain page on the site's origin, like a partner page: no shell, no CSP (the shell's page
 * enforces Trusted Types, which `addScriptTag` does not satisfy).
 */
async function blankPage(page: Page, site: Site) {
  await page.route(`${site.url}/__blank`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await page.goto(`${site.url}/__blank`);
}

async function mountProvider(page: Page, site: Site) {
  await blankPage(page, site);
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

describe('separately built bundles on one page', () => {
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

  /** Builds the example element into a self-contained bundle (its own lit, @lit/context, kit). */
  async function bundle(tag: string): Promise<string> {
    const result = await build({
      stdin: {
        contents: `import { ReelGenreList } from './reel-genre-list.ts';\ncustomElements.define(${JSON.stringify(tag)}, class extends ReelGenreList {});`,
        resolveDir: join(root, 'e2e/fixtures'),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      write: false,
      conditions: ['reel-source', 'browser', 'module', 'import'],
      tsconfig: join(root, 'tsconfig.base.json'),
    });
    return result.outputFiles[0]?.text ?? '';
  }

  it('share one provider’s session: both greet the signed-in user and render the catalog', async () => {
    const [a, b] = await Promise.all([bundle('reel-genre-list-a'), bundle('reel-genre-list-b')]);
    assert.notEqual(a, '');
    const context = await browser.newContext();
    const login = await context.request.post(`${site.url}/api/v1/auth/login`, {
      data: { email: 'viewer@reel.test', password: 'reel-viewer-demo' },
    });
    assert.equal(login.status(), 200, await login.text());
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.route('**/e2e-bundles/*.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: route.request().url().endsWith('a.js') ? a : b }),
    );
    await blankPage(page, site);
    await page.addScriptTag({ url: providerBundle(), type: 'module' });
    await page.evaluate(() => {
      const provider = document.createElement('reel-auth-provider');
      provider.append(document.createElement('reel-genre-list-a'), document.createElement('reel-genre-list-b'));
      document.body.append(provider);
    });
    await page.addScriptTag({ url: `${site.url}/e2e-bundles/a.js`, type: 'module' });
    await page.addScriptTag({ url: `${site.url}/e2e-bundles/b.js`, type: 'module' });
    for (const tag of ['reel-genre-list-a', 'reel-genre-list-b']) {
      await page.waitForFunction(
        (t) => document.querySelector(t)?.shadowRoot?.querySelector('h2')?.textContent?.includes('Genres for'),
        tag,
        { timeout: 15_000 },
      );
      await page
        .waitForFunction(
          (t) => (document.querySelector(t)?.shadowRoot?.querySelectorAll('li button').length ?? 0) > 3,
          tag,
          {
            timeout: 15_000,
          },
        )
        .catch(async () => {
          const text = await page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent ?? '', tag);
          assert.fail(`${tag} renders no genres: ${text.replace(/\s+/g, ' ')}`);
        });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
