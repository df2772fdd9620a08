// The account-security journey in a real browser against the real site: turn on two-step
// verification from the key the page shows, sign out, sign in with a code, sign in elsewhere with
// a backup code (which then cannot be used again), see the sessions, sign the other one out (its
// refresh fails), find each step in the security log, and turn two-step verification off.
//
// It drives the shell's /account/security page when the site serves it; otherwise a small page
// with the built standalone bundles (the kit's provider and @reel/account-security).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, root, type Site, startSite } from './helpers.js';

const PASSWORD = 'lantern-harbour-meadow-42';

/** The RFC 6238 code of a base32 key, `offset` 30-second steps from now (an authenticator app's). */
const totp = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offset * 30_000 });

/** The entry file of a package's standalone build. */
function standalone(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'dist/standalone/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean }
  >;
  const entry = Object.values(manifest).find((e) => e.isEntry);
  if (!entry) throw new Error(`no standalone entry in ${dir}`);
  return `/${dir}/dist/standalone/${entry.file}`;
}

const sidOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')).sid as string;

/** Opens the security page in a signed-in context: the shell's route, or a test page. */
async function openSecurity(site: Site, context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}/account/security`);
  const viaShell = await page
    .locator('reel-account-security')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  if (!viaShell) {
    const testPage = `${site.url}/__e2e/account-security`;
    await page.route(testPage, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en" data-reel-theme="dark"><head><meta charset="utf-8"><title>Security</title>
          <script type="module" src="${standalone('packages/core')}"></script>
          <script type="module" src="${standalone('packages/account-security')}"></script></head>
          <body><reel-auth-provider api-base="/api/v1"><reel-account-security></reel-account-security></reel-auth-provider><reel-toast-region></reel-toast-region></body></html>`,
      }),
    );
    await page.goto(testPage);
  }
  await page.locator('reel-security-mfa #mfa-title').waitFor({ timeout: 15_000 });
  return { page, problems };
}

/** Answers the provider's "Confirm it's you" prompt if it shows within a moment. */
async function reauthIfAsked(page: Page): Promise<void> {
  const field = page.locator('reel-auth-provider #reauth-password');
  if (
    await field.waitFor({ timeout: 2500 }).then(
      () => true,
      () => false,
    )
  ) {
    await field.fill(PASSWORD);
    await field.press('Enter');
    await field.waitFor({ state: 'detached', timeout: 10_000 });
  }
}

/** Signs an account in through the API in a context (its cookies), with the MFA step. */
async function signInWith(request: APIRequestContext, site: Site, email: string, answer: Record<string, string>) {
  const login = await request.post(`${site.url}/api/v1/auth/login`, { data: { email, password: PASSWORD } });
  const challenge = await login.json();
  assert.equal(challenge.mfa_required, true, 'sign-in asks for the second step');
  return request.post(`${site.url}/api/v1/auth/login/mfa`, { data: { mfa_token: challenge.mfa_token, ...answer } });
}

describe('account security, end to end', () => {
  let site: Site;
  let browser: Browser;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    // A warm-up page, as the other journeys do, so Chromium is ready.
    const { page } = await openPage(browser);
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('MFA on → code sign-in → single-use backup code → revoke the other session → audit log → MFA off', async () => {
    assert.ok(
      existsSync(join(root, 'packages/account-security/dist/standalone')) || existsSync(join(root, 'shell/dist')),
      'the site is built',
    );
    const email = `journey-${Date.now()}@example.test`;
    const main = await browser.newContext();
    const signUp = await main.request.post(`${site.url}/api/v1/auth/register`, {
      data: { email, password: PASSWORD, display_name: 'Journey', accept_terms: true },
    });
    assert.equal(signUp.status(), 201, await signUp.text());
    let { page, problems } = await openSecurity(site, main);

    // Turn on two-step verification with the key the page shows.
    await page.locator('reel-security-mfa reel-button', { hasText: 'Turn on' }).first().click();
    await reauthIfAsked(page);
    const key =
      (await page.locator('reel-security-mfa [data-key]').textContent({ timeout: 10_000 }))?.replace(/\s/g, '') ?? '';
    assert.match(key, /^[A-Z2-7]{32}$/);
    assert.ok(await page.locator('reel-security-mfa svg[part="qr"] path').count(), 'a QR code');
    await page.locator('reel-security-mfa reel-text-field[name="code"] input').fill(totp(key));
    await page.locator('reel-security-mfa reel-button', { hasText: 'Verify and turn on' }).click();
    const codeItems = page.locator('reel-security-mfa [part="codes"] li');
    await codeItems.nth(9).waitFor({ timeout: 10_000 });
    const codes = (await codeItems.allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);
    await page.locator('reel-security-mfa reel-button', { hasText: 'saved them' }).click();
    await page.locator('reel-security-mfa reel-badge', { hasText: 'On' }).waitFor({ timeout: 10_000 });

    // Sign out, then sign in again with a code (the next step's: the enabling one is spent).
    assert.equal((await main.request.post(`${site.url}/api/v1/auth/logout`)).status(), 204);
    const again = await signInWith(main.request, site, email, { code: totp(key, 1) });
    assert.equal(again.status(), 200, await again.text());
    const mainSid = sidOf((await again.json()).access_token);

    // Elsewhere: a backup code signs in once; the same code again is refused.
    const other = await browser.newContext();
    const withBackup = await signInWith(other.request, site, email, { backup_code: codes[0] as string });
    assert.equal(withBackup.status(), 200, await withBackup.text());
    const otherSid = sidOf((await withBackup.json()).access_token);
    const third = await browser.newContext();
    const reused = await signInWith(third.request, site, email, { backup_code: codes[0] as string });
    assert.equal(reused.status(), 422);
    assert.equal((await reused.json()).error.code, 'invalid_code');

    // Both sessions are listed; the other one is signed out and its next refresh fails.
    await page.close();
    ({ page, problems } = await openSecurity(site, main));
    const sessions = page.locator('reel-security-sessions [part="session"]');
    await page.locator(`reel-security-sessions [data-session="${otherSid}"]`).waitFor({ timeout: 10_000 });
    assert.equal(await sessions.count(), 2);
    assert.match(
      (await page.locator(`reel-security-sessions [data-session="${mainSid}"]`).textContent()) ?? '',
      /This device/,
    );
    await page.locator(`reel-security-sessions [data-session="${otherSid}"] reel-button`).click();
    await page.locator('reel-security-sessions reel-confirm-dialog [part="confirm-button"]').click();
    await page
      .locator(`reel-security-sessions [data-session="${otherSid}"]`)
      .waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal((await other.request.post(`${site.url}/api/v1/auth/refresh`)).status(), 401);

    // The security log shows each step.
    const log = page.locator('reel-security-log');
    await log.locator('[part="event"]').first().waitFor({ timeout: 10_000 });
    await log.locator('reel-select').click();
    await log.locator('[part="option"]', { hasText: 'Two-step verification' }).click();
    for (const event of ['mfa.setup_started', 'mfa.enabled', 'mfa.backup_code_used'])
      await log.locator(`[data-event="${event}"]`).first().waitFor({ timeout: 10_000 });
    await log.locator('reel-select').click();
    await log.locator('[part="option"]', { hasText: 'Sessions' }).click();
    await log.locator('[data-event="session.revoked"]').waitFor({ timeout: 10_000 });
    await log.locator('reel-select').click();
    await log.locator('[part="option"]', { hasText: 'Sign-ins' }).click();
    // The sign-up's, the code's and the backup code's sign-ins.
    await log.locator('[data-event="sign_in.succeeded"]').nth(2).waitFor({ timeout: 10_000 });
    await log.locator('[data-event="sign_out"]').waitFor({ timeout: 10_000 });

    // Turn two-step verification off (after confirming it is you).
    await page.locator('reel-security-mfa reel-button', { hasText: 'Turn off' }).first().click();
    await page.locator('reel-security-mfa reel-confirm-dialog [part="confirm-button"]').click();
    await reauthIfAsked(page);
    await page.locator('reel-security-mfa reel-badge', { hasText: 'Off' }).waitFor({ timeout: 10_000 });
    const relogin = await third.request.post(`${site.url}/api/v1/auth/login`, { data: { email, password: PASSWORD } });
    assert.ok((await relogin.json()).access_token, 'sign-in needs the password only again');
    assert.deepEqual(problems, []);
    await Promise.all([main.close(), other.close(), third.close()]);
  });
});
