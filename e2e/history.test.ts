// Watch history end to end, in the shell as `npm start` serves it (needs `pnpm build`, or at least
// @reel/history, @reel/player and @reel/shell built): Alex plays part of an episode in
// <reel-player> at /watch and pauses — and it shows in Continue Watching on home and in /history
// with its progress; the
// history is exported (JSON and CSV, as real downloads) and the files read back; the kids profile
// Sam sees none of it. Every page is watched for Content-Security-Policy violations.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  type PlayerHandle,
  playing,
  profiles,
  type Site,
  settled,
  signIn,
  startSite,
  switchTo,
  watchCsp,
} from './helpers.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Played {
  titleId: string;
  titleName: string;
  episodeId: string;
  seasonNumber: number;
  episodeNumber: number;
  fraction: number;
}

/**
 * In the page: finds a series Alex has not started whose demo media is ready, starts a session on
 * its second episode and sends the events the player sends while playing 40 % of it.
 */
/** A series episode Alex has not started whose media is ready (the demo media may still be being made). */
async function playableEpisode(page: Page, token: string, profileId: string): Promise<Omit<Played, 'fraction'>> {
  return page.evaluate(
    async ({ token, profileId }) => {
      const api = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return { status: res.status, body: res.status === 204 ? null : await res.json() };
      };
      const started = new Set(
        (
          (await api('GET', `/users/${profileId}/history/streams?limit=100`)).body.items as { title: { id: string } }[]
        ).map((e) => e.title.id),
      );
      const series = ((await api('GET', '/titles?type=series&limit=20')).body.items as { id: string; name: string }[])
        .filter((t) => !started.has(t.id))
        .slice(0, 6);
      const deadline = Date.now() + 150_000;
      for (;;) {
        for (const title of series) {
          const eps = await api('GET', `/titles/${title.id}/seasons/1/episodes`);
          const episode = (eps.body?.items ?? [])[1] as
            | { id: string; season_number: number; number: number }
            | undefined;
          if (!episode) continue;
          // A probe: can this episode play yet? (Ended at once, so it takes no stream slot.)
          const s = await api('POST', '/player/sessions/enhanced', {
            title_id: title.id,
            episode_id: episode.id,
            profile_id: profileId,
          });
          if (s.status === 503 || s.status === 404) continue;
          if (s.status !== 201) throw new Error(`session: ${s.status} ${JSON.stringify(s.body)}`);
          await api('DELETE', `/player/sessions/${(s.body as { session_id: string }).session_id}`);
          return {
            titleId: title.id,
            titleName: title.name,
            episodeId: episode.id,
            seasonNumber: episode.season_number,
            episodeNumber: episode.number,
          };
        }
        if (Date.now() > deadline) throw new Error('no demo series media was ready in time');
        await new Promise((r) => setTimeout(r, 1500));
      }
    },
    { token, profileId },
  );
}

/** Plays part of an episode in <reel-player> at /watch, pauses at about 40 %, and leaves the page. */
async function playPartOfAnEpisode(page: Page, site: Site, token: string, profileId: string): Promise<Played> {
  const episode = await playableEpisode(page, token, profileId);
  await page.goto(`${site.url}/watch/${episode.titleId}?episode=${episode.episodeId}`);
  assert.equal(await settled(page, 'watch'), 'ready');
  await playing(page);
  await page.waitForFunction(
    () => {
      const v = (document.querySelector('reel-player') as unknown as PlayerHandle).video;
      return v.duration > 0 && v.currentTime >= v.duration * 0.4;
    },
    undefined,
    { timeout: 30_000 },
  );
  const { position, duration } = await page.evaluate(() => {
    const p = document.querySelector('reel-player') as unknown as PlayerHandle;
    p.pause();
    return { position: p.video.currentTime, duration: p.video.duration };
  });
  // The pause is reported at once; leaving the page ends the session (its events flushed).
  await page.waitForTimeout(1500);
  return { ...episode, fraction: position / duration };
}

/** Text of the shadow DOM under a selector, as a user reads it. */
const deepText = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const text = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      const shadow = (node as Element).shadowRoot;
      return [...(shadow ? shadow.childNodes : node.childNodes)].map(text).join(' ');
    };
    return text(element).replace(/\s+/g, ' ');
  });

describe('watch history in the shell', () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;
  let ids: { alex: string; sam: string };
  let played: Played;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    token = await signIn(context, site);
    ids = await profiles(context, site, token);
    token = await switchTo(context, site, token, ids.alex);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.stop();
  });

  it('part of an episode played shows in Continue Watching on home, and in /history with its progress', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/`);
    await settled(page, 'home');
    played = await playPartOfAnEpisode(page, site, token, ids.alex);

    // Home again: Continue Watching has it, with its progress.
    await page.goto(`${site.url}/`);
    await settled(page, 'home');
    const card = page.locator(`reel-rail[source="continue-watching"] .card[data-id="${played.titleId}"]`).first();
    await card.waitFor({ timeout: 20_000 });
    const progress = await card.locator('progress.card__progress').getAttribute('value');
    assert.ok(
      Math.abs(Number(progress) - played.fraction * 100) <= 2,
      `progress ${progress} ≈ ${played.fraction * 100}`,
    );

    // The history page: the entry at the top, today, with the episode and its progress.
    await page.goto(`${site.url}/history`);
    assert.equal(await settled(page, 'history'), 'ready');
    const entry = page.locator('reel-history [part="entry"]').first();
    await entry.waitFor({ timeout: 20_000 });
    assert.equal(await entry.locator('.entry__title').textContent(), played.titleName);
    assert.match(
      (await entry.locator('.entry__episode').textContent()) ?? '',
      new RegExp(`^S${played.seasonNumber} E${played.episodeNumber} · `),
    );
    const value = await entry
      .locator('reel-progress-bar')
      .evaluate((el) => (el as HTMLElement & { value: number }).value);
    assert.ok(Math.abs(value - played.fraction * 100) <= 2, `history progress ${value} ≈ ${played.fraction * 100}`);
    assert.equal(await page.locator('reel-history [part="day"] h3').first().textContent(), 'Today');
    assert.match(
      await deepText(page, 'reel-history .activity'),
      new RegExp(`Started ${escapeRegExp(played.titleName)}`),
    );
    await csp.assertNone();
    await page.close();
  });

  it('exports the history as CSV and JSON downloads that read back', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/history`);
    await settled(page, 'history');
    await page.locator('reel-history [part="entry"]').first().waitFor({ timeout: 20_000 });

    const exportAs = async (label: RegExp) => {
      await page.locator('reel-history reel-menu.export').locator('button').first().click();
      const downloading = page.waitForEvent('download');
      await page.locator('reel-history reel-menu-item').filter({ hasText: label }).click();
      const download = await downloading;
      return { name: download.suggestedFilename(), text: await readFile((await download.path()) as string, 'utf8') };
    };

    const csv = await exportAs(/CSV/);
    assert.match(csv.name, /^reel-history-alex-\d{4}-\d\d-\d\d\.csv$/);
    assert.ok(csv.text.startsWith('\uFEFFsection,kind,occurred_at,title_id,title_name,'), csv.text.slice(0, 80));
    const line = csv.text.split('\r\n').find((l) => l.startsWith('streams,') && l.includes(played.titleId));
    assert.ok(line, 'the played episode is a row');
    assert.ok(line.includes(`,${played.seasonNumber},${played.episodeNumber},`), line);
    assert.ok(line.includes(',false,'), line);

    const json = await exportAs(/JSON/);
    assert.match(json.name, /\.json$/);
    const doc = JSON.parse(json.text) as {
      format: string;
      profile: { name: string };
      rows: {
        section: string;
        title_id: string;
        episode_number: number | null;
        position: number | null;
        duration: number | null;
      }[];
    };
    assert.equal(doc.format, 'reel.history');
    assert.equal(doc.profile.name, 'Alex');
    const row = doc.rows.find((r) => r.section === 'streams' && r.title_id === played.titleId);
    assert.ok(row);
    assert.equal(row.episode_number, played.episodeNumber);
    assert.ok(Math.abs((row.position ?? 0) / (row.duration ?? 1) - played.fraction) < 0.02);
    await csp.assertNone();
    await page.close();
  });

  it('the kids profile Sam sees none of Alex’s history', async () => {
    const kids = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const kidsToken = await switchTo(kids, site, await signIn(kids, site), ids.sam);
    // The API: Alex's history is not Sam's to read, and Sam's own has none of it.
    const foreign = await kids.request.get(`${site.url}/api/v1/users/${ids.alex}/history/streams`, {
      headers: { authorization: `Bearer ${kidsToken}` },
    });
    assert.equal(foreign.status(), 404);
    const own = await kids.request.get(`${site.url}/api/v1/users/${ids.sam}/history/streams?limit=100`, {
      headers: { authorization: `Bearer ${kidsToken}` },
    });
    const ownItems = ((await own.json()) as { items: { title: { id: string } }[] }).items;
    assert.ok(!ownItems.some((e) => e.title.id === played.titleId));

    // The page: Sam's entries only.
    const page = await kids.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${site.url}/history`);
    assert.equal(await settled(page, 'history'), 'ready');
    await page.waitForFunction(
      () => {
        const root = document.querySelector('reel-history')?.shadowRoot;
        return !!root && !root.querySelector('[aria-busy="true"]') && !!root.querySelector('.days > :not(h2)');
      },
      undefined,
      { timeout: 20_000 },
    );
    const names = await page.locator('reel-history .entry__title').allTextContents();
    assert.equal(names.length, ownItems.length);
    assert.ok(!names.includes(played.titleName), names.join(', '));
    assert.doesNotMatch(await deepText(page, 'reel-history'), new RegExp(escapeRegExp(played.titleName)));
    await csp.assertNone();
    await kids.close();
  });
});
