// The account journey on one page of the site's origin, driving the real elements against the real
// server: sign up → verification email (development mailbox) → verify → a second profile → switch
// to it → sign out → password reset by email → sign in with the new password.
//
// The page is minimal (the elements inside a <reel-auth-provider>, bundled from source with
// esbuild, served on the site's origin so cookies and the API behave as on the site). When the
// shell's routes for these pages are wired, the lead moves this journey onto the shell.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, root, type Site, startSite } from './helpers.js';

const PASSWORD = 'lantern-harbour-meadow-42';
const NEW_PASSWORD = 'orchard-lighthouse-violet-19';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import '@reel/core/define';\nimport './auth/src/define.ts';\nimport './profiles/src/define.ts';",
      resolveDir: join(root, 'packages'),
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

/** Shows one element (by tag, with attributes) inside the page's provider, replacing the last. */
async function show(page: Page, tag: string, attributes: Record<string, string> = {}) {
  await page.evaluate(
    ([t, attrs]) => {
      const app = document.getElementById('app') as HTMLElement;
      app.replaceChildren();
      const el = document.createElement(t as string);
      for (const [k, v] of Object.entries(attrs as Record<string, string>)) el.setAttribute(k, v);
      // The journey routes links itself (a shell would): nothing navigates the page away.
      el.addEventListener('reel-navigate', (e) => e.preventDefault());
      app.append(el);
    },
    [tag, attributes] as const,
  );
  await page.waitForFunction(
    (t) => (document.querySelector(t) as HTMLElement & { updateComplete?: unknown })?.shadowRoot,
    tag,
  );
}

const field = (page: Page, host: string, name: string) => page.locator(`${host} reel-text-field[name="${name}"] input`);
const status = (page: Page) =>
  page.evaluate(() => document.querySelector('reel-auth-provider')?.getAttribute('status'));

async function mail(page: Page, to: string, template: string): Promise<string> {
  const link = await page.waitForFunction(
    async ([address, kind]) => {
      const res = await fetch(`/api/v1/dev/mailbox?to=${encodeURIComponent(address as string)}&template=${kind}`);
      const body = (await res.json()) as { items: { links: string[] }[] };
      return body.items[0]?.links[0] ?? null;
    },
    [to, template] as const,
    { timeout: 10_000, polling: 200 },
  );
  return new URL((await link.jsonValue()) as string).searchParams.get('token') as string;
}

describe('the account journey', () => {
  let site: Site;
  let browser: Browser;
  let script: string;
  before(async () => {
    [site, browser, script] = await Promise.all([startSite(), launchBrowser(), bundle()]);
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('sign up → verify → second profile → switch → sign out → reset → sign in', async () => {
    const { page, problems } = await openPage(browser);
    await page.route(`${site.url}/e2e-journey*`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': POLICY },
        body: '<!doctype html><html lang="en" data-reel-theme="dark"><head><meta charset="utf-8"><script type="module" src="/e2e-journey.js"></script></head><body><reel-auth-provider api-base="/api/v1"><main id="app"></main></reel-auth-provider></body></html>',
      }),
    );
    await page.route(`${site.url}/e2e-journey.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: script }),
    );
    await page.goto(`${site.url}/e2e-journey`);
    await page.waitForFunction(
      () => document.querySelector('reel-auth-provider')?.getAttribute('status') === 'signed-out',
    );
    const email = `journey-${Date.now()}@example.test`;

    // Sign up.
    await show(page, 'reel-sign-up');
    await field(page, 'reel-sign-up', 'display_name').fill('Jamie Journey');
    await field(page, 'reel-sign-up', 'email').fill(email);
    await field(page, 'reel-sign-up', 'password').fill(PASSWORD);
    await page.locator('reel-sign-up reel-checkbox[name="terms"] input').check();
    await page.locator('reel-sign-up reel-button.submit').click();
    await page.waitForFunction(
      () => document.querySelector('reel-auth-provider')?.getAttribute('status') === 'signed-in',
    );
    await page.getByText('Welcome to Reel, Jamie Journey').waitFor();

    // The verification email, and its link.
    const verifyToken = await mail(page, email, 'email_verification');
    await show(page, 'reel-verify-email', { token: verifyToken });
    await page.locator('reel-verify-email[state="verified"]').waitFor();
    await page.getByText('Your email is verified').waitFor();

    // A second profile, in the manager.
    await show(page, 'reel-profile-manager');
    await page.locator('reel-profile-manager button.tile.add').click();
    await field(page, 'reel-profile-manager', 'name').fill('Second');
    await page.locator('reel-profile-manager reel-button[slot="footer"][variant="primary"]').click();
    await page.locator('reel-profile-manager button.tile[data-profile]').nth(1).waitFor();
    assert.equal(await page.locator('reel-profile-manager button.tile[data-profile]').count(), 2);

    // Switch to it from the gate: the provider (the whole page) follows.
    await show(page, 'reel-profile-gate');
    const second = page.locator('reel-profile-gate button.tile[data-profile]', { hasText: 'Second' });
    const secondId = await second.getAttribute('data-profile');
    await second.click();
    await page.waitForFunction(
      (id) =>
        (document.querySelector('reel-auth-provider') as HTMLElement & { session?: { profileId: string } }).session
          ?.profileId === id,
      secondId,
    );

    // Sign out.
    await page.evaluate(() =>
      (
        document.querySelector('reel-auth-provider') as HTMLElement & { session: { signOut(): Promise<void> } }
      ).session.signOut(),
    );
    assert.equal(await status(page), 'signed-out');

    // Forgot the password: request, email, new password.
    await show(page, 'reel-password-reset');
    await field(page, 'reel-password-reset', 'email').fill(email);
    await field(page, 'reel-password-reset', 'email').press('Enter');
    await page.locator('reel-password-reset[step="sent"]').waitFor();
    const resetToken = await mail(page, email, 'password_reset');
    await show(page, 'reel-password-reset', { token: resetToken });
    await page.locator('reel-password-reset[step="choose"]').waitFor();
    await field(page, 'reel-password-reset', 'password').fill(NEW_PASSWORD);
    await field(page, 'reel-password-reset', 'confirm').fill(NEW_PASSWORD);
    await field(page, 'reel-password-reset', 'confirm').press('Enter');
    await page.locator('reel-password-reset[step="done"]').waitFor();

    // Sign in with the new password (the old one is refused first).
    await show(page, 'reel-sign-in');
    await field(page, 'reel-sign-in', 'email').fill(email);
    await field(page, 'reel-sign-in', 'password').fill(PASSWORD);
    await field(page, 'reel-sign-in', 'password').press('Enter');
    await page.getByText('The email address or the password is not right').waitFor();
    await field(page, 'reel-sign-in', 'password').fill(NEW_PASSWORD);
    await field(page, 'reel-sign-in', 'password').press('Enter');
    await page.waitForFunction(
      () => document.querySelector('reel-auth-provider')?.getAttribute('status') === 'signed-in',
    );
    const user = await page.evaluate(
      () =>
        (
          document.querySelector('reel-auth-provider') as HTMLElement & {
            session: { user: { email: string; email_verified: boolean } };
          }
        ).session.user,
    );
    assert.equal(user.email, email);
    assert.equal(user.email_verified, true);
    // Only the expected refusals reached the console (the first refresh, the wrong password).
    assert.deepEqual(
      problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
  });
});
