// Billing end to end on the sandbox gateway, in a real browser against the real site: subscribe
// from the plans page → upgrade with the proration preview → downgrade scheduled → cancel →
// resume → renewal after moving billing's clock (the NODE_ENV=test hook); a declined card keeps
// the form and says why; the authentication-required card completes through the dialog; and a
// Basic plan cannot open a third stream or a 1080p rendition, and is told which plan would allow it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, type Site, startSite } from './helpers.js';

const PASSWORD = 'lantern-harbour-meadow-42';
const DAY = 86_400;

async function signUp(context: BrowserContext, site: Site, tag: string) {
  const email = `billing-${tag}-${Date.now()}@example.test`;
  const res = await context.request.post(`${site.url}/api/v1/auth/register`, {
    data: { email, password: PASSWORD, display_name: 'Billing Journey', accept_terms: true },
  });
  assert.equal(res.status(), 201, await res.text());
  return { email, token: (await res.json()).access_token as string };
}

/** Answers the provider's "Confirm it's you" prompt if it shows within a moment. */
async function reauthIfAsked(page: Page): Promise<void> {
  const field = page.locator('reel-auth-provider #reauth-password');
  if (
    await field.waitFor({ timeout: 1500 }).then(
      () => true,
      () => false,
    )
  ) {
    await field.fill(PASSWORD);
    await field.press('Enter');
    await field.waitFor({ state: 'detached', timeout: 10_000 });
  }
}

async function openPlans(site: Site, context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}/plans`);
  await page.locator('reel-billing table.compare').waitFor({ timeout: 30_000 });
  return { page, problems };
}

async function fillCard(page: Page, number: string) {
  await page.locator('reel-billing reel-text-field[name="number"] input').fill(number);
  await page.locator('reel-billing reel-text-field[name="expiry"] input').fill('12 / 34');
  await page.locator('reel-billing reel-text-field[name="cvc"] input').fill('123');
}

const state = async (request: APIRequestContext, site: Site, token: string) =>
  (
    await request.get(`${site.url}/api/v1/billing/subscription`, { headers: { authorization: `Bearer ${token}` } })
  ).json();

describe('billing, end to end', () => {
  let site: Site;
  let browser: Browser;
  before(async () => {
    site = await startSite({ env: { REEL_REAUTH_WINDOW_SECONDS: '900' } });
    browser = await launchBrowser();
    const { page } = await openPage(browser);
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('declined card keeps the form; subscribe → upgrade with preview → downgrade → cancel → resume → renewal', async () => {
    const context = await browser.newContext();
    const { token } = await signUp(context, site, 'journey');
    const { page, problems } = await openPlans(site, context);

    // A declined card: the reason next to the form, and what was typed stays.
    await page.locator('reel-billing reel-button[data-plan="basic"]').click();
    await fillCard(page, '4000 0000 0000 0002');
    await page.locator('reel-billing reel-button[data-pay]').click();
    await reauthIfAsked(page);
    await page.locator('reel-billing .decline').waitFor({ timeout: 15_000 });
    assert.match((await page.locator('reel-billing .decline').textContent()) ?? '', /declined/i);
    assert.equal(
      await page.locator('reel-billing reel-text-field[name="number"] input').inputValue(),
      '4000 0000 0000 0002',
    );

    // A good card subscribes (a double click charges once).
    await fillCard(page, '4242 4242 4242 4242');
    await page.locator('reel-billing reel-button[data-pay]').dblclick();
    await page.waitForFunction(
      () => document.querySelector('reel-billing')?.getAttribute('plan-code') === 'basic',
      null,
      {
        timeout: 15_000,
      },
    );
    let s = await state(context.request, site, token);
    assert.equal(s.subscription.status, 'active');

    // Upgrade with the proration preview.
    await page.locator('reel-billing reel-button[data-plan="standard"]').click();
    const total = page.locator('reel-billing [data-total]');
    await total.waitFor({ timeout: 15_000 });
    assert.match((await total.textContent()) ?? '', /\$\d+\.\d\d/);
    await page.locator('reel-billing reel-button[data-confirm-change]').click();
    await page.waitForFunction(
      () => document.querySelector('reel-billing')?.getAttribute('plan-code') === 'standard',
      null,
      {
        timeout: 15_000,
      },
    );

    // Downgrade: scheduled for the period end.
    await page.locator('reel-billing reel-button[data-plan="basic"]').click();
    await page.locator('reel-billing reel-button[data-confirm-change]', { hasText: 'Schedule' }).click();
    await page.waitForTimeout(500);
    s = await state(context.request, site, token);
    assert.equal(s.subscription.scheduled_change?.plan.code, 'basic');

    // Cancel (reason → offer → end date → confirm), then resume.
    await page.goto(`${site.url}/account/billing`);
    const keep = page.locator('reel-billing .card reel-button', { hasText: 'Keep current plan' });
    await keep.waitFor({ timeout: 15_000 });
    await keep.click();
    await page.locator('reel-billing .card reel-button', { hasText: 'Cancel plan' }).waitFor({ timeout: 10_000 });
    await page.locator('reel-billing .card reel-button', { hasText: 'Cancel plan' }).click();
    await page.locator('reel-billing reel-select').click();
    await page.locator('reel-billing [part="option"]', { hasText: 'Taking a break' }).click();
    await page.locator('reel-billing reel-button[data-cancel-next]').click();
    await page.locator('reel-billing reel-button[data-cancel-next]').click();
    await page.locator('reel-billing [data-end]').waitFor();
    await page.locator('reel-billing reel-button[data-cancel-next]').click();
    await page.locator('reel-billing .card reel-button', { hasText: 'Resume plan' }).waitFor({ timeout: 15_000 });
    s = await state(context.request, site, token);
    assert.equal(s.subscription.cancel_at_period_end, true);
    assert.equal(s.subscription.cancellation.reason, 'taking_a_break');
    await page.locator('reel-billing .card reel-button', { hasText: 'Resume plan' }).click();
    await page.locator('reel-billing .card reel-button', { hasText: 'Cancel plan' }).waitFor({ timeout: 15_000 });

    // Renewal after moving the clock a month on.
    const end = s.subscription.current_period_end as string;
    const move = await context.request.post(`${site.url}/__test/billing/clock`, {
      data: { advance_seconds: 32 * DAY },
    });
    assert.equal(move.status(), 200);
    s = await state(context.request, site, token);
    assert.equal(s.subscription.status, 'active');
    assert.equal(s.subscription.current_period_start, end);
    const invoices = await (
      await context.request.get(`${site.url}/api/v1/billing/invoices`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    assert.equal(invoices.items[0].billing_reason, 'subscription_cycle');
    assert.equal(invoices.items.length, 3);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the authentication-required card completes through the dialog', async () => {
    const context = await browser.newContext();
    const { token } = await signUp(context, site, 'sca');
    const { page } = await openPlans(site, context);
    await page.locator('reel-billing reel-button[data-plan="standard"]').click();
    await fillCard(page, '4000 0025 0000 3155');
    await page.locator('reel-billing reel-button[data-pay]').click();
    await reauthIfAsked(page);
    const complete = page.locator('reel-billing reel-button', { hasText: 'Complete authentication' });
    await complete.waitFor({ timeout: 15_000 });
    await complete.click();
    await page.waitForFunction(
      () => document.querySelector('reel-billing')?.getAttribute('plan-code') === 'standard',
      null,
      {
        timeout: 15_000,
      },
    );
    assert.equal((await state(context.request, site, token)).subscription.status, 'active');
    await context.close();
  });

  it('a Basic plan cannot open a third stream or a 1080p rendition, and says which plan would', async () => {
    const context = await browser.newContext();
    const { token } = await signUp(context, site, 'limits');
    const auth = { authorization: `Bearer ${token}` };
    const tok = await (
      await context.request.post(`${site.url}/api/v1/integrations/sandbox-gateway/tokens`, {
        data: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' },
      })
    ).json();
    const pm = await (
      await context.request.post(`${site.url}/api/v1/billing/payment-methods`, {
        headers: auth,
        data: { token: tok.token },
      })
    ).json();
    const plans = (await (await context.request.get(`${site.url}/api/v1/billing/plans`)).json()).items;
    const basic = plans.find((p: { code: string }) => p.code === 'basic');
    const sub = await context.request.post(`${site.url}/api/v1/billing/subscription`, {
      headers: { ...auth, 'idempotency-key': `e2e-${Date.now()}` },
      data: { plan_id: basic.id, payment_method_id: pm.id },
    });
    assert.equal(sub.status(), 201, await sub.text());
    // The plan allows 720p and two screens.
    const st = await state(context.request, site, token);
    assert.equal(st.entitlements.max_quality, '720p');
    assert.equal(st.entitlements.concurrent_streams, 2);
    // Two screens play (two other devices of the account, each its own sign-in), on a film whose
    // demo media is ready (it may still be being made when the site starts).
    const me = (await (await context.request.get(`${site.url}/api/v1/auth/me`, { headers: auth })).json()) as {
      email: string;
    };
    const films = (
      (await (await context.request.get(`${site.url}/api/v1/titles?type=film&limit=5`, { headers: auth })).json()) as {
        items: { id: string }[];
      }
    ).items;
    assert.ok(films.length, 'the demo catalog has films');
    const devices: { token: string; close: () => Promise<void> }[] = [];
    for (let i = 0; i < 2; i++) {
      const other = await browser.newContext();
      const login = await other.request.post(`${site.url}/api/v1/auth/login`, {
        data: { email: me.email, password: PASSWORD },
      });
      assert.equal(login.status(), 200, await login.text());
      devices.push({ token: (await login.json()).access_token as string, close: () => other.close() });
    }
    type Quality = { label: string; height: number; allowed: boolean };
    const open = (token: string, titleId: string) =>
      context.request.post(`${site.url}/api/v1/player/sessions/enhanced`, {
        headers: { authorization: `Bearer ${token}` },
        data: { title_id: titleId },
      });
    let film = '';
    let first: { manifest_url: string; max_quality: string; qualities: Quality[] } | null = null;
    for (const deadline = Date.now() + 120_000; !first; ) {
      for (const f of films) {
        const r = await open((devices[0] as { token: string }).token, f.id);
        if (r.status() === 201) {
          film = f.id;
          first = await r.json();
          break;
        }
        assert.ok([503, 403].includes(r.status()), `session: ${r.status()} ${await r.text()}`);
      }
      if (!first) {
        assert.ok(Date.now() < deadline, 'the demo media was not ready in 2 minutes');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    assert.ok(first);
    // No 1080p for Basic: the session caps it, the master playlist leaves it out, and a rendition
    // above 720p is never offered to the player.
    assert.equal(first.max_quality, '720p');
    for (const q of first.qualities) assert.equal(q.allowed, q.height <= 720, `${q.label} allowed: ${q.allowed}`);
    const master = await (await context.request.get(new URL(first.manifest_url, site.url).href)).text();
    assert.match(master, /#EXTM3U/);
    const heights = [...master.matchAll(/RESOLUTION=\d+x(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(heights.length > 0, master);
    assert.ok(
      heights.every((h) => h <= 720),
      `the playlist offers ${heights.join(', ')}`,
    );
    const second = await open((devices[1] as { token: string }).token, film);
    assert.equal(second.status(), 201, await second.text());

    // A third stream through the API: refused, naming the limit and the plan that allows more.
    const third = await open(token, film);
    assert.equal(third.status(), 409, await third.text());
    const refusal = (await third.json()) as {
      error: { code: string; message: string; details: { hint: { limit: number; plan: string; upgrade: string } } };
    };
    assert.equal(refusal.error.code, 'stream_limit');
    assert.equal(refusal.error.details.hint.limit, 2);
    assert.equal(refusal.error.details.hint.plan, 'basic');
    assert.equal(refusal.error.details.hint.upgrade, 'standard');

    // The third screen in the browser: the player says why it will not play.
    const page = await context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`${site.url}/watch/${film}`);
    const panel = page.locator('reel-player [part="error"]');
    await panel.waitFor({ timeout: 30_000 });
    const shown = ((await panel.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(shown, /2 screens at a time/, shown);
    assert.match(shown, /stream_limit/, shown);
    assert.equal(await page.locator('reel-player [part="error"] [role="alert"]').count(), 1);
    for (const d of devices) await d.close();
    await context.close();
  });
});
