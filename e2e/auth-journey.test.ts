// A newcomer's account journey through the real shell at the site's root (needs `pnpm build`):
// `/` signed out → the guard's sign-in page → sign up → the verification email (the development
// mailbox page) → its link verifies the address → a second profile in the manager → switch to it
// (profile menu → the picker) → sign out (profile menu) → forgot password → the reset email → a new
// password → sign in with it → the picker → home. Every page is watched for Content-Security-Policy
// violations, and nothing but the expected refusals may reach the console.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type Site, settled, startSite, watchCsp } from './helpers.js';

const PASSWORD = 'lantern-harbour-meadow-42';
const NEW_PASSWORD = 'orchard-lighthouse-violet-19';

/** Waits for the address bar to show `path` (and, when given, this query). */
const at = (page: Page, path: string, search?: Record<string, string>) =>
  page.waitForURL(
    (url) =>
      url.pathname === path && (!search || Object.entries(search).every(([k, v]) => url.searchParams.get(k) === v)),
    { timeout: 15_000 },
  );

const status = (page: Page) =>
  page.evaluate(() => document.querySelector('reel-auth-provider')?.getAttribute('status'));

const activeProfile = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('reel-auth-provider') as HTMLElement & { session?: { profileId: string | null } }).session
        ?.profileId ?? null,
  );

/**
 * An item of the top bar's profile menu, by value (its role comes from ElementInternals, which
 * Playwright's role selectors do not read).
 */
const menuItem = (page: Page, value: string) => page.locator(`reel-profile-menu reel-menu-item[value="${value}"]`);

const field = (page: Page, host: string, name: string) => page.locator(`${host} reel-text-field[name="${name}"] input`);

type Csp = Awaited<ReturnType<typeof watchCsp>>;

/**
 * Opens the development mailbox page (what a developer reads instead of an inbox), waits for the
 * newest `template` email to `to`, and follows its link as a reader would: a click.
 */
async function openEmailLink(
  page: Page,
  site: Site,
  csp: Csp,
  mail: { to: string; template: string; linkPath: string },
) {
  const { to, template, linkPath } = mail;
  const mailbox = `${site.url}/dev/mailbox?${new URLSearchParams({ to }).toString()}`;
  const message = page.locator('article', { has: page.locator('.tag', { hasText: template }) }).first();
  const deadline = Date.now() + 10_000;
  for (;;) {
    await csp.assertNone(); // (each document keeps its own record: check before leaving it)
    await page.goto(mailbox);
    if ((await message.count()) > 0) break;
    if (Date.now() > deadline) throw new Error(`no ${template} email to ${to} in the mailbox`);
    await page.waitForTimeout(250);
  }
  await message.locator('h2').waitFor();
  const link = message.locator(`ul.links a[href*="${linkPath}?token="]`).first();
  const href = (await link.getAttribute('href')) ?? '';
  assert.equal(new URL(href).origin, site.url, 'the email links to this site');
  await csp.assertNone();
  await link.click();
  await at(page, linkPath);
}

describe('the account journey, through the shell', () => {
  let site: Site;
  let browser: Browser;
  before(async () => {
    [site, browser] = await Promise.all([startSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('/ → sign in → sign up → verify by email → second profile → switch → sign out → reset by email → sign in → home', async () => {
    // The refusal the journey causes on purpose: the old password, after the reset.
    const { page, problems } = await openPage(browser, {
      expected: (m) => m.text().includes('status of 401') && m.location().url.endsWith('/api/v1/auth/login'),
    });
    const csp = await watchCsp(page);
    const email = `journey-${Date.now()}@example.test`;

    // Signed out, the home page sends a newcomer to sign in, with the way back.
    await page.goto(`${site.url}/`);
    await at(page, '/sign-in', { next: '/' });
    await settled(page, 'sign-in');
    assert.equal(await status(page), 'signed-out');

    // "Sign up now" → the sign-up page (client-side, the way back kept).
    await page.locator('reel-sign-in a[href^="/sign-up"]').click();
    await at(page, '/sign-up', { next: '/' });
    await settled(page, 'sign-up');
    assert.equal(await page.title(), 'Create your account · Reel');

    await field(page, 'reel-sign-up', 'display_name').fill('Jamie Journey');
    await field(page, 'reel-sign-up', 'email').fill(email);
    await field(page, 'reel-sign-up', 'password').fill(PASSWORD);
    await page.locator('reel-sign-up reel-checkbox[name="terms"] input').check();
    await page.locator('reel-sign-up reel-button.submit').click();
    await page.waitForFunction(
      () => document.querySelector('reel-auth-provider')?.getAttribute('status') === 'signed-in',
    );
    // The account's one profile is chosen for it: the shell goes on to `?next=`, home.
    await at(page, '/');
    assert.equal(await settled(page, 'home'), 'ready');
    const first = await activeProfile(page);
    assert.ok(first, 'the first profile is active');

    // The verification email, read in the mailbox; its link verifies the address.
    await openEmailLink(page, site, csp, { to: email, template: 'email_verification', linkPath: '/verify-email' });
    await settled(page, 'verify-email');
    await page.locator('reel-verify-email[state="verified"]').waitFor();
    await page.getByText('Your email is verified').waitFor();
    assert.equal(await status(page), 'signed-in', 'the session survived the trip to the mailbox');
    await page.locator('reel-verify-email reel-button[variant="primary"]').click();
    await at(page, '/');
    assert.equal(await settled(page, 'home'), 'ready');

    // Profile menu → "Manage profiles" → add a second profile.
    const menu = page.getByRole('button', { name: /^Account menu/ });
    await menu.click();
    await menuItem(page, '/account/profiles').click();
    await at(page, '/account/profiles');
    await settled(page, 'account-profiles');
    await page.locator('reel-profile-manager button.tile.add').click();
    await field(page, 'reel-profile-manager', 'name').fill('Second');
    await page.locator('reel-profile-manager reel-button[slot="footer"][variant="primary"]').click();
    const tiles = page.locator('reel-profile-manager button.tile[data-profile]');
    await tiles.nth(1).waitFor();
    assert.equal(await tiles.count(), 2);
    const second = await tiles.filter({ hasText: 'Second' }).getAttribute('data-profile');
    assert.ok(second);

    // Profile menu → "Switch profile" → the picker → "Second": the session (the whole page) now
    // acts for it, and the picker goes on home. (The menu lists the other profiles too, but only
    // those it loaded before this one was created.)
    await menu.click();
    await menuItem(page, '/profiles').click();
    await at(page, '/profiles');
    await settled(page, 'profiles');
    await page.locator(`reel-profile-gate button.tile[data-profile="${second}"]`).click();
    await page.waitForFunction(
      (id) =>
        (document.querySelector('reel-auth-provider') as HTMLElement & { session?: { profileId: string } }).session
          ?.profileId === id,
      second,
    );
    await at(page, '/');
    assert.equal(await settled(page, 'home'), 'ready');
    await page.getByRole('button', { name: 'Account menu, Second' }).waitFor();

    // Profile menu → sign out → the sign-in page.
    await menu.click();
    await menuItem(page, 'sign-out').click();
    await at(page, '/sign-in');
    await settled(page, 'sign-in');
    assert.equal(await status(page), 'signed-out');

    // "Forgot password?" → ask for a reset email.
    await field(page, 'reel-sign-in', 'email').fill(email);
    await page.locator('reel-sign-in a[href^="/forgot-password"]').click();
    await at(page, '/forgot-password');
    await settled(page, 'forgot-password');
    await field(page, 'reel-password-reset', 'email').fill(email);
    await field(page, 'reel-password-reset', 'email').press('Enter');
    await page.locator('reel-password-reset[step="sent"]').waitFor();

    // The reset email's link → choose a new password.
    await openEmailLink(page, site, csp, { to: email, template: 'password_reset', linkPath: '/reset-password' });
    await settled(page, 'reset-password');
    await page.locator('reel-password-reset[step="choose"]').waitFor();
    await field(page, 'reel-password-reset', 'password').fill(NEW_PASSWORD);
    await field(page, 'reel-password-reset', 'confirm').fill(NEW_PASSWORD);
    await field(page, 'reel-password-reset', 'confirm').press('Enter');
    await page.locator('reel-password-reset[step="done"]').waitFor();
    await page.locator('reel-password-reset reel-button[variant="primary"]').click();
    await at(page, '/sign-in');
    await settled(page, 'sign-in');

    // The old password is refused; the new one signs in and lands on home.
    await field(page, 'reel-sign-in', 'email').fill(email);
    await field(page, 'reel-sign-in', 'password').fill(PASSWORD);
    await field(page, 'reel-sign-in', 'password').press('Enter');
    await page.getByText('The email address or the password is not right').waitFor();
    await field(page, 'reel-sign-in', 'password').fill(NEW_PASSWORD);
    await field(page, 'reel-sign-in', 'password').press('Enter');
    // Two profiles and none chosen yet: "Who's watching?" first, then on to home.
    await at(page, '/profiles', { next: '/' });
    await settled(page, 'profiles');
    await page.locator(`reel-profile-gate button.tile[data-profile="${first}"]`).click();
    await at(page, '/');
    assert.equal(await activeProfile(page), first);
    assert.equal(await settled(page, 'home'), 'ready');
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

    await csp.assertNone();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
