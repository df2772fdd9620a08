// Headless Chromium plays a generated demo title from the server: through hls.js (currentTime
// advances, both audio renditions are selectable and switching keeps playing, the subtitle
// renditions and the ladder are there) and natively (Chromium's own HLS). The page runs on
// another origin than the media (localhost vs 127.0.0.1), so CORS on media — a 403 included —
// is exercised for real.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, root, type Site, startSite } from './helpers.js';

const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };

interface Session {
  session_id: string;
  manifest_url: string;
  audio_tracks: { name: string; language: string }[];
}

describe('media playback in Chromium', () => {
  let site: Site;
  let browser: Browser;
  let token: string;
  let manifest: string;
  let pageOrigin: string;

  /** Starts a session for a demo film, waiting while the demo media is still being made. */
  async function startSession(): Promise<Session> {
    const titles = (await (
      await fetch(`${site.url}/api/v1/titles?type=film&limit=5`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { id: string }[] };
    const deadline = Date.now() + 120_000;
    for (;;) {
      for (const title of titles.items) {
        const res = await fetch(`${site.url}/api/v1/player/sessions/enhanced`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title_id: title.id }),
        });
        if (res.status === 201) return (await res.json()) as Session;
        if (res.status !== 503 && res.status !== 403) assert.fail(`session: ${res.status} ${await res.text()}`);
      }
      if (Date.now() > deadline) assert.fail('the demo media was not ready in 2 minutes');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    const login = await fetch(`${site.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(VIEWER),
    });
    assert.equal(login.status, 200, await login.clone().text());
    token = ((await login.json()) as { access_token: string }).access_token;
    const session = await startSession();
    manifest = new URL(session.manifest_url, site.url).href;
    pageOrigin = site.url.replace('127.0.0.1', 'localhost');
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('plays through hls.js, cross-origin, and switches between the two audio languages', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${pageOrigin}/api/v1/ops/health`);
    await page.addScriptTag({ path: join(root, 'node_modules/hls.js/dist/hls.min.js') });
    const result = await page.evaluate(async (url: string) => {
      type HlsTrack = { name: string; lang?: string };
      interface HlsLike {
        loadSource(u: string): void;
        attachMedia(v: HTMLVideoElement): void;
        on(event: string, cb: (e: string, data: unknown) => void): void;
        audioTracks: HlsTrack[];
        subtitleTracks: HlsTrack[];
        levels: { height: number; codecSet?: string }[];
        audioTrack: number;
        destroy(): void;
      }
      const Hls = (
        window as unknown as {
          Hls: { new (c: object): HlsLike; isSupported(): boolean; Events: Record<string, string> };
        }
      ).Hls;
      if (!Hls.isSupported()) return { error: 'hls.js: MediaSource not supported' };
      const video = document.createElement('video');
      video.muted = true;
      document.body.append(video);
      const hls = new Hls({ enableWorker: false });
      const errors: string[] = [];
      hls.on(Hls.Events.ERROR as string, (_e, data) => {
        const d = data as { fatal: boolean; details: string; response?: { code: number } };
        if (d.fatal) errors.push(`${d.details} ${d.response?.code ?? ''}`);
      });
      const parsed = new Promise<void>((resolve) => hls.on(Hls.Events.MANIFEST_PARSED as string, () => resolve()));
      hls.loadSource(url);
      hls.attachMedia(video);
      await parsed;
      await video.play().catch((e: Error) => errors.push(e.message));
      const until = async (test: () => boolean, ms: number) => {
        const end = performance.now() + ms;
        while (!test() && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
        return test();
      };
      await until(() => video.currentTime > 1.5, 15_000);
      const before = video.currentTime;
      const audio = hls.audioTracks.map((t) => ({ name: t.name, lang: t.lang ?? '' }));
      const switched = new Promise<number>((resolve) =>
        hls.on(Hls.Events.AUDIO_TRACK_SWITCHED as string, (_e, data) => resolve((data as { id: number }).id)),
      );
      hls.audioTrack = 1;
      const switchedTo = await Promise.race([switched, new Promise<number>((r) => setTimeout(() => r(-1), 10_000))]);
      // Still playing after the switch (the tiny demo loops back when it ends).
      video.loop = true;
      const afterSwitch = video.currentTime;
      await until(() => video.currentTime > afterSwitch + 0.5 || video.currentTime < afterSwitch - 1, 8_000);
      // English subtitles: the first cue is where the source put it (0.5 s).
      const cues = new Promise<void>((resolve) =>
        hls.on(Hls.Events.SUBTITLE_FRAG_PROCESSED as string, () => resolve()),
      );
      (hls as unknown as { subtitleTrack: number }).subtitleTrack = 0;
      await Promise.race([cues, new Promise((r) => setTimeout(r, 8000))]);
      await until(() => [...video.textTracks].some((t) => (t.cues?.length ?? 0) > 0), 3000);
      const track = [...video.textTracks].find((t) => (t.cues?.length ?? 0) > 0);
      const firstCue = track?.cues?.[0] as VTTCue | undefined;
      const out = {
        firstCue: firstCue ? [Math.round(firstCue.startTime * 100) / 100, firstCue.text] : null,
        before,
        after: video.currentTime,
        afterSwitch,
        audio,
        switchedTo,
        audioTrack: hls.audioTrack,
        subtitles: hls.subtitleTracks.map((t) => t.lang ?? ''),
        levels: hls.levels.map((l) => l.height),
        width: video.videoWidth,
        errors,
      };
      hls.destroy();
      return out;
    }, manifest);
    assert.ok(!('error' in result), JSON.stringify(result));
    const r = result as Exclude<typeof result, { error: string }>;
    assert.deepEqual(r.errors, [], 'no fatal hls.js errors');
    assert.ok(r.before > 1.5, `currentTime advanced (${r.before})`);
    assert.ok(r.width > 0, 'a picture was decoded');
    assert.deepEqual(
      r.audio.map((a) => a.lang),
      ['en', 'es'],
    );
    assert.deepEqual(
      r.audio.map((a) => a.name),
      ['English', 'Español'],
    );
    assert.equal(r.switchedTo, 1, 'switched to the Spanish audio');
    assert.equal(r.audioTrack, 1);
    assert.ok(r.after !== r.afterSwitch, 'playback went on after the switch');
    assert.deepEqual(r.subtitles, ['en', 'es']);
    assert.deepEqual(r.levels, [240, 360]);
    assert.ok(r.firstCue, 'subtitle cues loaded');
    assert.ok(Math.abs((r.firstCue?.[0] as number) - 0.5) < 0.1, `first cue at ${r.firstCue?.[0]}`);
    assert.match(String(r.firstCue?.[1]), /Line 1/);
    assert.deepEqual(
      problems.filter((p) => !/favicon/.test(p)),
      [],
    );
  });

  it('plays natively, and a cross-origin page can read a 403 for a tampered or missing signature', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${pageOrigin}/api/v1/ops/health`);
    const result = await page.evaluate(async (url: string) => {
      const video = document.createElement('video');
      video.muted = true;
      document.body.append(video);
      const native = video.canPlayType('application/vnd.apple.mpegurl');
      let time = -1;
      if (native) {
        video.src = url;
        await video.play().catch(() => {});
        const end = performance.now() + 10_000;
        while (video.currentTime < 1.5 && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
        time = video.currentTime;
      }
      const tampered = url.replace(
        /token=([^&]+)/,
        (_m, t: string) => `token=${t.slice(0, -2)}${t.endsWith('xx') ? 'yy' : 'xx'}`,
      );
      const bad = await fetch(tampered);
      const bare = await fetch(url.split('?')[0] as string);
      return {
        native,
        time,
        tampered: [bad.status, ((await bad.json()) as { error: { code: string } }).error.code],
        bare: bare.status,
      };
    }, manifest);
    assert.deepEqual(result.tampered, [403, 'signature_invalid']);
    assert.equal(result.bare, 403);
    if (result.native) assert.ok(result.time > 1.5, `native playback advanced (${result.time})`);
  });
});
