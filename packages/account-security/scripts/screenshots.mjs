// Screenshots of the security page for docs/screenshots/ (1280×800 and 390×844), on the real site
// with an account that has two-step verification, sessions on three devices and a failed sign-in.
//   node packages/account-security/scripts/screenshots.mjs   (after building the site)
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startApiServer } from '../../../scripts/api-server.mjs';
import { root } from '../../../scripts/workspace.mjs';

const PASSWORD = 'lantern-harbour-meadow-42';
const UA = {
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  phone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  tv: 'Mozilla/5.0 (SMART-TV; Linux; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/5.0 TV Safari/537.36',
};

function totp(secret, offset = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + offset));
  const mac = createHmac('sha1', key).update(counter).digest();
  const o = mac[19] & 15;
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// A long re-auth window: the setup screenshot should show the setup, not the password prompt.
const site = await startApiServer({ env: { REEL_REAUTH_WINDOW_SECONDS: '600' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const email = `alex.morgan.${Date.now()}@example.com`;
  const main = await browser.newContext({ userAgent: UA.mac });
  const api = (ctx, path, data, token) =>
    ctx.request.post(`${site.url}/api/v1${path}`, {
      data: data ?? {},
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const { access_token: token } = await (
    await api(main, '/auth/register', { email, password: PASSWORD, display_name: 'Alex Morgan', accept_terms: true })
  ).json();
  const setup = await (await api(main, '/auth/mfa/setup', undefined, token)).json();
  const verified = await (await api(main, '/auth/mfa/verify', { code: totp(setup.secret) }, token)).json();
  for (const ua of [UA.phone, UA.tv]) {
    const ctx = await browser.newContext({ userAgent: ua });
    await api(ctx, '/auth/login', { email, password: 'not my password' });
    const challenge = await (await api(ctx, '/auth/login', { email, password: PASSWORD })).json();
    const answer = ua === UA.tv ? { backup_code: verified.backup_codes.codes[0] } : { code: totp(setup.secret, 1) };
    await api(ctx, '/auth/login/mfa', { mfa_token: challenge.mfa_token, ...answer, trust_device: ua === UA.tv });
  }
  for (const [width, height, name] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ]) {
    const page = await main.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${site.url}/account/security`);
    await page.locator('reel-security-log [part="event"]').first().waitFor({ timeout: 20_000 });
    await page.locator('reel-account-security .tile').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(root, `docs/screenshots/account-security-${name}.png`) });
    await page.screenshot({ path: join(root, `docs/screenshots/account-security-${name}-full.png`), fullPage: true });
    if (name === 'desktop') {
      await page.locator('reel-security-danger-zone reel-button', { hasText: 'Delete account' }).click();
      await page.locator('reel-security-danger-zone reel-text-field[name="confirm_email"]').waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(root, 'docs/screenshots/account-security-delete-dialog.png') });
      await page.keyboard.press('Escape');
    }
    await page.close();
  }
  // The setup dialog, on a fresh account.
  const fresh = await browser.newContext({ userAgent: UA.mac });
  await api(fresh, '/auth/register', {
    email: `sam.${Date.now()}@example.com`,
    password: PASSWORD,
    display_name: 'Sam',
    accept_terms: true,
  });
  for (const [width, height, name] of [[1280, 800, 'setup']]) {
    const page = await fresh.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${site.url}/account/security`);
    await page.locator('reel-security-mfa reel-button', { hasText: 'Turn on' }).first().click({ timeout: 20_000 });
    await page.locator('reel-security-mfa [data-key]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(root, `docs/screenshots/account-security-${name}.png`) });
    await page.close();
  }
  console.log('screenshots written to docs/screenshots/');
} finally {
  await browser.close();
  await site.stop();
}
