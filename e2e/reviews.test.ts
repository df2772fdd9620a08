// Reviews end to end, in the shell as `npm start` serves it (needs @reel/reviews, @reel/title-detail
// and @reel/shell built): Alex writes a review of a film Alex watched on its title page → it shows
// with "Watched" → Alex edits it ("edited") → other accounts (signed up through the API) vote it
// helpful → sorted by most helpful it moves up → three accounts report it → it is hidden → a
// moderator (admin@reel.test) keeps it through the admin route → it is visible again. Every page
// is watched for Content-Security-Policy violations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, type Site, settled, startSite, watchCsp } from './helpers.js';

const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };
const ADMIN = { email: 'admin@reel.test', password: 'reel-admin-demo' };
const PASSWORD = 'reel-e2e-Reviewer-2026!';

interface ReviewJson {
  id: string;
  headline: string;
  watched: boolean;
  edited_at: string | null;
}

describe('reviews, end to end', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let token = '';

  const api = async (method: string, path: string, auth: string | null, data?: unknown) => {
    const response = await fetch(`${site.url}/api/v1${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...(data === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(data === undefined ? {} : { body: JSON.stringify(data) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  /** A new account, signed up through the API; answers its access token. */
  const signUp = async (n: number) => {
    const res = await api('POST', '/auth/register', null, {
      email: `reviews-e2e-${n}-${Date.now()}@example.test`,
      password: PASSWORD,
      display_name: `Voter ${n}`,
      accept_terms: true,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.access_token as string;
  };

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const login = await context.request.post(`${site.url}/api/v1/auth/login`, { data: VIEWER });
    assert.equal(login.status(), 200, await login.text());
    token = (await login.json()).access_token;
    const profiles = await api('GET', '/users/me/profiles', token);
    const alex = (profiles.body.items as { id: string; name: string }[]).find((p) => p.name === 'Alex')!;
    const switched = await context.request.post(`${site.url}/api/v1/users/me/profiles/${alex.id}/switch`, {
      headers: { authorization: `Bearer ${token}` },
      data: {},
    });
    assert.equal(switched.status(), 200, await switched.text());
    token = (await switched.json()).access_token;
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.stop();
  });

  /** The ids of the title's reviews in the page's list, in order. */
  const listed = (page: Page) =>
    page.locator('reel-reviews .list article').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));

  async function openTitle(page: Page, titleId: string): Promise<void> {
    await page.goto(`${site.url}/title/${titleId}`);
    assert.equal(await settled(page, 'title'), 'ready');
    // The reviews load when their part of the page scrolls near.
    // (The page may still re-render the part once: try again while it is replaced.)
    for (let attempt = 0; ; attempt++) {
      try {
        await page.locator('reel-title-detail div.reviews').evaluate((el) => el.scrollIntoView());
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
        await page.waitForTimeout(300);
      }
    }
    // The reviews load lazily once scrolled to (their package, then the summary and the list): on a
    // 2-core machine running other e2e files at the same time that has taken over 20 s.
    await page.locator('reel-reviews .summary:not([aria-busy])').waitFor({ timeout: 60_000 });
    await page.locator('reel-reviews .list, reel-reviews .reel-state--empty').first().waitFor({ timeout: 60_000 });
  }

  it('write → "Watched" → edit → helpful votes move it up → three reports hide it → a moderator keeps it', async () => {
    // A film Alex watched (the demo history: finished, or seen past half).
    const films = await api('GET', '/titles?sort=popularity&type=film&limit=40', token);
    const watched = (films.body.items as { id: string; progress?: { fraction: number; completed: boolean } }[]).find(
      (t) => t.progress && (t.progress.completed || t.progress.fraction >= 0.5),
    );
    assert.ok(watched, 'Alex watched a film');
    const titleId = watched.id;

    const page = await context.newPage();
    const csp = await watchCsp(page);
    await openTitle(page, titleId);

    // Write it, in the page.
    await page.locator('reel-reviews [data-action="write"]').click();
    await page.locator('reel-reviews .stars [data-value="4"]').click();
    await page.locator('reel-reviews #headline input').fill('Stays with you');
    await page.locator('reel-reviews #body textarea').fill('Saw it twice.\nThe ending still gets me.');
    await page.locator('reel-reviews [data-action="save"]').click();
    const own = page.locator('reel-reviews .own article');
    await own.waitFor({ timeout: 30_000 });
    assert.equal(await own.locator('.headline').textContent(), 'Stays with you');
    await own.locator('.watched').waitFor();
    const reviewId = (await own.getAttribute('data-id')) as string;
    // …and in the list, with its badge.
    await page.locator(`reel-reviews .list article[data-id="${reviewId}"] .watched`).waitFor({ timeout: 30_000 });

    // Edit it.
    await own.locator('[data-action="edit"]').click();
    await page.locator('reel-reviews #headline input').fill('Stays with you, long after');
    await page.locator('reel-reviews [data-action="save"]').click();
    await page.locator('reel-reviews .own article .edited').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('reel-reviews .own .headline').textContent(), 'Stays with you, long after');

    // Sorted by most helpful (the default) before any vote: where it stands.
    await openTitle(page, titleId);
    const before = (await listed(page)).indexOf(reviewId);
    assert.ok(before > 0, `it starts below others (at ${before})`);

    // Other accounts vote it helpful.
    const voters = await Promise.all([1, 2, 3, 4, 5, 6].map(signUp));
    for (const voter of voters) {
      const vote = await api('POST', `/reviews/${reviewId}/vote`, voter, { vote: 'helpful' });
      assert.equal(vote.status, 200, JSON.stringify(vote.body));
    }
    await openTitle(page, titleId);
    const after = (await listed(page)).indexOf(reviewId);
    assert.ok(after >= 0 && after < before, `most helpful moves it up (${before} → ${after})`);
    const count = await page
      .locator(
        `reel-reviews .list article[data-id="${reviewId}"] .helpful-count, reel-reviews .list article[data-id="${reviewId}"] [data-vote="helpful"] .n`,
      )
      .first()
      .textContent();
    assert.match(count ?? '', /6/);

    // Three accounts report it: hidden pending moderation.
    for (const reporter of voters.slice(0, 3)) {
      const report = await api('POST', `/reviews/${reviewId}/report`, reporter, { reason: 'spam', text: 'e2e' });
      assert.equal(report.status, 201, JSON.stringify(report.body));
    }
    const publicList = async () =>
      ((await api('GET', `/titles/${titleId}/reviews?limit=50`, null)).body.items as ReviewJson[]).map((r) => r.id);
    assert.ok(!(await publicList()).includes(reviewId), 'hidden from everyone');
    await openTitle(page, titleId);
    await page.locator('reel-reviews .own .notice').waitFor({ timeout: 30_000 });
    assert.deepEqual(
      (await listed(page)).filter((id) => id === reviewId),
      [],
      'not in the list, only as "Your review" with a notice',
    );

    // A moderator keeps it (the admin route; its panel comes with the admin issue).
    const admin = await api('POST', '/auth/login', null, ADMIN);
    assert.equal(admin.status, 200, JSON.stringify(admin.body));
    const adminToken = admin.body.access_token as string;
    const queue = await api('GET', `/admin/reviews/reports?status=open&title_id=${titleId}`, adminToken);
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    const kase = (queue.body.items as { id: string; review: { id: string }; report_count: number }[]).find(
      (c) => c.review.id === reviewId,
    );
    assert.ok(kase);
    assert.equal(kase.report_count, 3);
    const kept = await api('POST', `/admin/reviews/reports/${kase.id}/resolve`, adminToken, {
      action: 'keep',
      note: 'Not spam: a real opinion.',
    });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));

    // Visible again, to everyone and on the page.
    assert.ok((await publicList()).includes(reviewId));
    await openTitle(page, titleId);
    await page.locator(`reel-reviews .list article[data-id="${reviewId}"]`).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('reel-reviews .own .notice').count(), 0);
    await csp.assertNone();
    await page.close();
  });
});
