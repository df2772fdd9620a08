// The playback engine against the real reference API and its (tiny) demo media, in Chromium under
// the test pages' strict CSP and Trusted Types: it plays, seeks, switches the rendition it fetches,
// switches audio and subtitles, resumes, and ends its session. No mocks.
import { expect, waitUntil } from '@open-wc/testing';
import { PlaybackEngine } from './index.js';

let token = '';
let titleId = '';

async function login(): Promise<string> {
  const res = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'viewer@reel.test', password: 'reel-viewer-demo' }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`login: ${res.status}`);
  return body.access_token;
}

const mediaRequests = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => n.includes('/media/') && pattern.test(n));

function newVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.style.width = '320px';
  document.body.append(video);
  return video;
}

/** A session for a demo film, waiting (bounded) while the demo media is still being made. */
async function start(options: Partial<Parameters<typeof PlaybackEngine.create>[0]> = {}): Promise<PlaybackEngine> {
  const video = options.video ?? newVideo();
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await PlaybackEngine.create({
        video,
        apiBase: '/api/v1',
        getAccessToken: async () => token,
        titleId,
        ...options,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'media_preparing' || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

const playing = (video: HTMLVideoElement, past: number, timeout = 15_000) =>
  waitUntil(() => video.currentTime > past, `currentTime passes ${past} (at ${video.currentTime})`, {
    timeout,
    interval: 50,
  });

describe('PlaybackEngine', function () {
  this.timeout(120_000);
  const engines: PlaybackEngine[] = [];

  before(async () => {
    token = await login();
    const titles = (await (
      await fetch('/api/v1/titles?type=film&limit=10', { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { id: string }[] };
    // The first film with media (the tiny demo binds a few).
    for (const t of titles.items) {
      const res = await fetch(`/api/v1/playback-intelligence/hints?title_id=${t.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.ok) {
        titleId = t.id;
        const probe = await fetch('/api/v1/player/sessions/enhanced', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title_id: t.id }),
        });
        if (probe.status === 201 || probe.status === 503) {
          if (probe.status === 201) {
            const s = (await probe.json()) as { session_id: string };
            await fetch(`/api/v1/player/sessions/${s.session_id}`, {
              method: 'DELETE',
              headers: { authorization: `Bearer ${token}` },
            });
          }
          break;
        }
      }
    }
    expect(titleId, 'a demo film with media').to.not.equal('');
  });

  afterEach(async () => {
    for (const e of engines.splice(0)) await e.destroy();
    for (const v of document.querySelectorAll('video')) v.remove();
  });

  it('plays through hls.js from a start rung below the top, and reports its state', async () => {
    const engine = await start();
    engines.push(engine);
    const video = document.querySelector('video')!;
    expect(engine.engine).to.equal('hls.js');
    expect(engine.session.session_id).to.match(/^pls/);
    await video.play();
    await playing(video, 1);
    expect(engine.levels.length).to.be.greaterThan(1);
    // The hinted start rung, never the top by default.
    const hinted = engine.session.qualities.find((q) => q.label === engine.session.hints.start_quality);
    expect(hinted, 'the hinted rung exists').to.not.equal(undefined);
    expect(hinted!.height).to.be.lessThan(Math.max(...engine.levels.map((l) => l.height)) + 1);
    const stats = engine.stats();
    expect(stats.sessionId).to.equal(engine.session.session_id);
    expect(stats.resolution).to.match(/^\d+x\d+$/);
    expect(stats.bufferLength).to.be.greaterThan(0);
    expect(engine.debugSnapshot().engine).to.equal('hls.js');
  });

  it('seeks, and the seek reaches the server as an event', async () => {
    const engine = await start({ startTime: 0 });
    engines.push(engine);
    const video = document.querySelector('video')!;
    await video.play();
    await playing(video, 0.5);
    video.currentTime = 4;
    await waitUntil(() => !video.seeking && video.currentTime >= 4, 'seeked to 4 s', { timeout: 10_000 });
    await playing(video, 4.3);
    video.pause();
    await waitUntil(
      async () => {
        const info = (await engine.debugInfo()) as { events_received: number; last_event: { type: string } | null };
        return info.events_received >= 2;
      },
      'events reached the server',
      { timeout: 8_000, interval: 500 },
    );
  });

  it('setLevel changes the rendition actually fetched, reports the manual choice, and -1 goes back to Auto', async () => {
    performance.clearResourceTimings();
    const engine = await start({ startTime: 0 });
    engines.push(engine);
    const video = document.querySelector('video')!;
    await waitUntil(() => engine.levels.length > 1, 'levels', { timeout: 10_000 });
    await video.play();
    await playing(video, 0.3);
    const current = engine.currentLevel;
    const other = engine.levels.find((l) => l.index !== current)!;
    const rung = new RegExp(`/v/${other.height}p/[^?]*\\.m4s`);
    const before = mediaRequests(rung).length;
    video.pause();
    video.currentTime = 0;
    engine.setLevel(other.index);
    expect(engine.autoLevel).to.equal(false);
    await video.play();
    await waitUntil(() => mediaRequests(rung).length > before, `segments of ${other.label} fetched`, {
      timeout: 10_000,
    });
    await waitUntil(() => engine.currentLevel === other.index, 'the level switched', { timeout: 10_000 });
    // The manual choice (/quality-switch) and the batched quality_change both reach the server.
    await waitUntil(
      async () => ((await engine.debugInfo()) as { quality: string | null }).quality === other.label,
      `the server knows ${other.label}`,
      { timeout: 6_000, interval: 500 },
    );
    engine.setLevel(-1);
    expect(engine.autoLevel).to.equal(true);
  });

  it('switches the audio track (the other language is fetched) and turns subtitles on and off', async () => {
    performance.clearResourceTimings();
    const engine = await start({ startTime: 0 });
    engines.push(engine);
    const video = document.querySelector('video')!;
    await waitUntil(() => engine.audioTracks.length >= 2, 'two audio tracks', { timeout: 10_000 });
    await video.play();
    await playing(video, 0.3);
    const target = engine.audioTracks.find((t) => t.id !== engine.audioTrack)!;
    engine.setAudioTrack(target.id);
    await waitUntil(() => engine.audioTrack === target.id, 'audio track switched', { timeout: 10_000 });
    await waitUntil(
      () => mediaRequests(new RegExp(`/a/${target.language}[^/]*/`)).length > 0,
      `audio of ${target.language} fetched`,
      { timeout: 10_000 },
    );
    expect(engine.subtitleTracks.length).to.be.greaterThan(0);
    const sub = engine.subtitleTracks[0]!;
    engine.setSubtitleTrack(sub.id);
    await waitUntil(
      () => Array.from(video.textTracks).some((t) => t.mode !== 'disabled' && (t.cues?.length ?? 0) > 0),
      'subtitle cues loaded into a text track',
      { timeout: 10_000 },
    );
    expect(engine.subtitleTrack).to.equal(sub.id);
    engine.setSubtitleTrack(-1);
    await waitUntil(() => engine.subtitleTrack === -1, 'subtitles off');
  });

  it('resumes from the saved position after the session ends, and from start-time when given', async () => {
    const first = await start({ startTime: 3 });
    const video = document.querySelector('video')!;
    await waitUntil(() => video.readyState >= 1, 'metadata');
    expect(first.startPosition).to.equal(3);
    await video.play();
    await playing(video, 3.4);
    video.pause();
    const at = video.currentTime;
    await first.destroy();
    video.remove();

    const second = await start();
    engines.push(second);
    expect(second.session.resume_source).to.equal('history');
    expect(second.session.resume_position).to.be.closeTo(at, 0.6);
    const v2 = document.querySelector('video')!;
    await waitUntil(() => v2.readyState >= 1 && v2.currentTime > 0, 'positioned', { timeout: 10_000 });
    expect(v2.currentTime).to.be.closeTo(second.startPosition, 0.6);
  });

  it('falls back to transmuxing inline when the page refuses the hls.js worker (Trusted Types)', async () => {
    // DELIBERATE: a worker URL this page's policy refuses (a plain string under Trusted Types).
    const claimed: string[] = [];
    const claim = (e: SecurityPolicyViolationEvent) => {
      claimed.push(e.effectiveDirective);
      e.stopPropagation();
    };
    document.addEventListener('securitypolicyviolation', claim, true);
    try {
      const engine = await start({ startTime: 0, workerPath: '/node_modules/hls.js/dist/hls.worker.js' });
      engines.push(engine);
      const video = document.querySelector('video')!;
      await video.play();
      await playing(video, 1);
      expect(engine.failed).to.equal(false);
    } finally {
      document.removeEventListener('securitypolicyviolation', claim, true);
    }
  });

  it('ends its session on destroy (the media token stops working)', async () => {
    const engine = await start({ startTime: 0 });
    const manifest = new URL(engine.session.manifest_url, location.href).href;
    await engine.destroy();
    const info = (await engine.debugInfo()) as { status: string };
    expect(info.status).to.equal('ended');
    // Delivery may serve from its short validity cache for a moment (under load, a second or two).
    let status = 0;
    for (let i = 0; i < 25 && status !== 403; i++) {
      status = (await fetch(manifest, { cache: 'no-store' })).status;
      if (status !== 403) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).to.equal(403);
  });
});
