// Playback sessions: what the start answers (manifest, token, tracks, ladder with plan locks,
// markers, sprite, resume), entitlements (kids maturity ceiling, region, concurrent streams and
// freeing a slot), media still being prepared, events that keep progress (Continue Watching),
// token renewal, quality switches, analytics, debug info and problem reports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { episodes, markers, mediaAssets, mediaBindings, progress } from '../../src/db/schema/index.js';
import { newId } from '../../src/ids.js';
import { createViewer, signIn } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, readyAsset } from './support.js';

describe('player sessions and entitlements', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let film: string;
  let filmAsset: string;
  let series: { id: string; episodeIds: string[] };
  let mature: string;

  const call = (
    caller: { headers: Record<string, string> } | null,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(caller?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  before(async () => {
    t = await mediaApp({ REEL_MEDIA_PREPARE_WAIT: '1' });
    app = t.app;
    film = (await insertTitle(app, { maturity: 7 })).id;
    filmAsset = (await readyAsset(app, film)).id;
    await app.db.insert(markers).values([
      { id: newId('mrk'), titleId: film, episodeId: null, kind: 'intro', start: 0.5, end: 1.5 },
      { id: newId('mrk'), titleId: film, episodeId: null, kind: 'credits', start: 4, end: 60 },
    ]);
    series = await insertTitle(app, { type: 'series', episodes: 3, maturity: 12 });
    // Every episode plays the same source (as the demo catalog shares its sources).
    await app.db
      .insert(mediaBindings)
      .values(series.episodeIds.map((episodeId) => ({ titleId: series.id, episodeId, assetId: filmAsset })));
    await app.db.insert(markers).values({
      id: newId('mrk'),
      titleId: series.id,
      episodeId: series.episodeIds[1] as string,
      kind: 'recap',
      start: 0,
      end: 1,
    });
    mature = (await insertTitle(app, { maturity: 18 })).id;
    await app.db.insert(mediaBindings).values({ titleId: mature, episodeId: '', assetId: filmAsset });
  });
  after(() => t.close());

  it('starts a session with everything the player needs', async () => {
    const viewer = await createViewer(app, { plan: 'basic' });
    const res = await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(res.statusCode, 201, res.body);
    const s = res.json();
    assert.match(s.manifest_url, new RegExp(`^/media/${filmAsset}/master\\.m3u8\\?token=`));
    assert.equal(s.media_token.attach.mode, 'query');
    assert.equal(s.media_token.attach.name, 'token');
    assert.ok(s.media_token.expires_in > 3000);
    assert.equal(s.duration, 5);
    assert.equal(s.resume_position, 0);
    assert.equal(s.resume_source, 'start');
    assert.deepEqual(
      s.markers.map((m: { kind: string; start: number; end: number }) => [m.kind, m.start, m.end]),
      [
        ['intro', 0.5, 1.5],
        ['credits', 4, 5],
      ],
    );
    assert.equal(s.thumbnails.count, 3);
    assert.match(s.thumbnails.vtt_url, /thumbnails\.vtt\?token=/);
    assert.match(s.chapters_url, /chapters\.vtt\?token=/);
    assert.deepEqual(
      s.audio_tracks.map((a: { language: string; name: string; is_default: boolean }) => [
        a.language,
        a.name,
        a.is_default,
      ]),
      [
        ['en', 'English', true],
        ['es', 'Español', false],
      ],
    );
    assert.deepEqual(
      s.subtitle_tracks.map((x: { language: string }) => x.language),
      ['en', 'es'],
    );
    assert.deepEqual(
      s.qualities.map((q: { level: number; label: string; allowed: boolean }) => [q.level, q.label, q.allowed]),
      [
        [0, '240p', true],
        [1, '360p', true],
      ],
    );
    assert.equal(s.max_quality, '720p');
    assert.equal(s.plan, 'basic');
    assert.deepEqual(s.concurrent_streams, { in_use: 1, limit: 2 });
    assert.equal(s.episode, null);
    assert.equal(s.title.id, film);
    assert.equal(s.partner, false);
    // The subtitle URLs play.
    assert.equal((await app.inject({ method: 'GET', url: s.subtitle_tracks[1].url })).statusCode, 200);
  });

  it('refuses a kids profile a title above its maturity ceiling, and a title not offered in the region', async () => {
    const family = await createViewer(app, { profiles: [{ name: 'Kid', isKids: true, maturityLevel: 7 }] });
    const refused = await call(family, 'POST', '/player/sessions/enhanced', { title_id: mature });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'maturity_restricted');
    const allowed = await call(family, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(allowed.statusCode, 201, allowed.body);
    const abroad = await createViewer(app, { region: 'JP' });
    const region = await call(abroad, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(region.statusCode, 403);
    assert.equal(region.json().error.code, 'not_available_in_region');
    // Another account's profile id is not found; a profile of one's own may be named.
    const other = await createViewer(app);
    const foreign = await call(other, 'POST', '/player/sessions/enhanced', {
      title_id: film,
      profile_id: family.profiles[0]?.id,
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('enforces the concurrent-stream limit across devices and frees the slot when a session ends', async () => {
    // Basic allows two screens: a third device is refused, naming the streams and a plan that allows more.
    const phone = await createViewer(app, { plan: 'basic' });
    const tv = await signIn(app, phone);
    const laptop = await signIn(app, phone);
    const first = await call(phone, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(first.statusCode, 201);
    const second = await call(tv, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(second.statusCode, 201);
    const third = await call(laptop, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(third.statusCode, 409);
    const error = third.json().error;
    assert.equal(error.code, 'stream_limit');
    assert.equal(error.details.hint.limit, 2);
    assert.deepEqual(
      error.details.hint.streams.map((s: { session_id: string }) => s.session_id).sort(),
      [first.json().session_id, second.json().session_id].sort(),
    );
    assert.ok(error.details.hint.upgrade, 'the refusal names a plan with more screens');
    assert.match(error.message, /2 screens at a time: stop another stream first, or upgrade to \w+ for \d+ screens/);
    // The same device starting again replaces its own stream.
    const again = await call(phone, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(again.statusCode, 201);
    const ended = await call(phone, 'GET', `/player/sessions/${first.json().session_id}/analytics`);
    assert.equal(ended.json().status, 'ended');
    // Ending it frees the slot for the laptop.
    assert.equal((await call(phone, 'DELETE', `/player/sessions/${again.json().session_id}`)).statusCode, 204);
    assert.equal((await call(phone, 'DELETE', `/player/sessions/${again.json().session_id}`)).statusCode, 204);
    const tvStart = await call(laptop, 'POST', '/player/sessions/enhanced', { title_id: film });
    assert.equal(tvStart.statusCode, 201, tvStart.body);
    // An ended session answers 410 to calls that need it live.
    const renew = await call(phone, 'POST', `/player/sessions/${again.json().session_id}/renew-token`, {});
    assert.equal(renew.statusCode, 410);
    // Someone else's session is not found.
    const stranger = await createViewer(app);
    assert.equal((await call(stranger, 'DELETE', `/player/sessions/${tvStart.json().session_id}`)).statusCode, 404);
  });

  it('waits briefly for media still being prepared, then answers 503 with Retry-After', async () => {
    const pending = (await insertTitle(app)).id;
    const assetId = newId('ast');
    await app.db.insert(mediaAssets).values({
      id: assetId,
      titleId: pending,
      filename: 'pending.mkv',
      contentType: 'video/x-matroska',
      status: 'processing',
    });
    await app.db.insert(mediaBindings).values({ titleId: pending, episodeId: '', assetId });
    await app.media.queue.enqueue({ assetId, kind: 'transcode', label: 'pending.mkv' });
    const viewer = await createViewer(app);
    const started = Date.now();
    const res = await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: pending });
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.json().error.code, 'media_preparing');
    assert.equal(res.headers['retry-after'], '5');
    assert.ok(Date.now() - started >= 900, 'it waited');
    const none = (await insertTitle(app)).id;
    const missing = await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: none });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'media_unavailable');
  });

  it('skips filler episodes to the next one when the viewer chose "skip filler", and says how many', async () => {
    const anime = await insertTitle(app, { type: 'series', episodes: 5, maturity: 12 });
    await app.db
      .insert(mediaBindings)
      .values(anime.episodeIds.map((episodeId) => ({ titleId: anime.id, episodeId, assetId: filmAsset })));
    // Episodes 2 and 3 are filler; 5 is filler too, and the last.
    await app.db
      .update(episodes)
      .set({ filler: 'filler' })
      .where(inArray(episodes.id, [anime.episodeIds[1], anime.episodeIds[2], anime.episodeIds[4]] as string[]));
    app.catalog.invalidate();
    const viewer = await createViewer(app);
    const profileId = viewer.profiles[0]?.id as string;
    const next = async (episode: number) => {
      const res = await call(viewer, 'POST', '/player/sessions/enhanced', {
        title_id: anime.id,
        episode_id: anime.episodeIds[episode - 1],
      });
      assert.equal(res.statusCode, 201, res.body);
      const n = res.json().next_episode;
      return n ? [n.episode.number, n.skipped_filler] : null;
    };
    assert.deepEqual(await next(1), [2, 0], 'off: the next episode, filler or not');
    const set = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${profileId}/settings`,
      headers: viewer.headers,
      payload: { playback: { skip_filler: true } },
    });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(await next(1), [4, 2], 'on: past the two fillers');
    assert.deepEqual(await next(4), [5, 0], 'only filler left: the series goes on');
  });

  it('plays a series from where the profile is, and keeps progress from events (Continue Watching reads it)', async () => {
    const viewer = await createViewer(app);
    const profileId = viewer.profiles[0]?.id as string;
    // Finished episode 1 (progress kept against the catalog runtime).
    await app.db.insert(progress).values({
      profileId,
      titleId: series.id,
      episodeId: series.episodeIds[0] as string,
      position: 2700,
      duration: 2700,
      completed: true,
    });
    const res = await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: series.id });
    assert.equal(res.statusCode, 201, res.body);
    const s = res.json();
    assert.equal(s.episode.id, series.episodeIds[1]);
    assert.equal(s.episode.number, 2);
    assert.equal(s.next_episode.episode.id, series.episodeIds[2]);
    assert.equal(s.next_episode.countdown, 10);
    assert.deepEqual(
      s.markers.map((m: { kind: string }) => m.kind),
      ['recap'],
    );
    const now = Date.now();
    const event = (id: string, type: string, position: number, details?: unknown, at = now) => ({
      id,
      session_id: s.session_id,
      type,
      position,
      timestamp: new Date(at).toISOString(),
      ...(details !== undefined ? { details } : {}),
    });
    const batch = [
      event('e1', 'play', 0, { autoplay: false }),
      event(
        'e2',
        'heartbeat',
        2.5,
        {
          playing: true,
          buffer_ahead: 2,
          quality: '360p',
          bitrate: 400000,
          bandwidth_estimate: 5000000,
          playback_rate: 1,
          dropped_frames: 0,
          watched: 2.5,
        },
        now + 2500,
      ),
      event('e3', 'quality_change', 2.6, { from: '240p', to: '360p', mode: 'auto', reason: 'bandwidth' }, now + 2600),
      event('e4', 'rebuffer', 2.6, { duration_ms: 300 }, now + 2700),
    ];
    const sent = await call(viewer, 'POST', '/player/events', { events: batch });
    assert.equal(sent.statusCode, 202, sent.body);
    assert.deepEqual(
      { ...(sent.json() as object), server_time: undefined },
      { accepted: 4, duplicates: 0, ignored: 0, server_time: undefined },
    );
    // The same batch again (a retry) is de-duplicated; an unknown session is ignored.
    const resent = await call(viewer, 'POST', '/player/events', {
      events: [...batch, { ...event('x1', 'pause', 1), session_id: 'pls_unknown' }],
    });
    assert.deepEqual(
      { ...(resent.json() as object), server_time: undefined },
      { accepted: 0, duplicates: 4, ignored: 1, server_time: undefined },
    );
    const [row] = await app.db
      .select()
      .from(progress)
      .where(and(eq(progress.profileId, profileId), eq(progress.episodeId, series.episodeIds[1] as string)));
    assert.equal(row?.position, 2.6);
    assert.equal(row?.duration, 5);
    assert.equal(row?.completed, false);
    const rails = await call(viewer, 'GET', '/home/rails');
    assert.equal(rails.statusCode, 200, rails.body);
    const cw = rails.json().rails.find((r: { kind: string }) => r.kind === 'continue-watching');
    assert.ok(cw, 'a Continue Watching rail');
    const card = cw.items.find((i: { id: string }) => i.id === series.id);
    assert.ok(card, 'the series is in Continue Watching');
    assert.equal(card.progress.episode_id, series.episodeIds[1]);
    assert.ok(Math.abs(card.progress.fraction - 0.52) < 0.01);
    // Starting again resumes there.
    const resumed = (await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: series.id })).json();
    assert.equal(resumed.resume_position, 2.6);
    assert.equal(resumed.resume_source, 'history');
    // Analytics from the events.
    const analytics = (await call(viewer, 'GET', `/player/sessions/${s.session_id}/analytics`)).json();
    assert.equal(analytics.watch_time, 2.5);
    assert.equal(analytics.rebuffer_count, 1);
    assert.deepEqual(analytics.quality_switches, { auto: 1, manual: 0 });
    assert.deepEqual(analytics.time_by_quality, [{ quality: '360p', seconds: 2.5 }]);
    // Ended at the end: completed.
    const done = await call(viewer, 'POST', '/player/events', {
      events: [
        {
          id: 'end',
          session_id: resumed.session_id,
          type: 'ended',
          position: 5,
          timestamp: new Date().toISOString(),
          details: { reason: 'completed' },
        },
      ],
    });
    assert.equal(done.json().accepted, 1);
    const finished = (await call(viewer, 'GET', `/titles/${series.id}/seasons/1/episodes`)).json();
    assert.equal(finished.items[1].progress.completed, true);
  });

  it('accepts events sent with sendBeacon: text/plain, the token in the body', async () => {
    const viewer = await createViewer(app, { plan: 'premium' });
    const s = (await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: film })).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/player/events',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({
        token: viewer.token,
        events: [
          { id: 'b1', session_id: s.session_id, type: 'pause', position: 1.5, timestamp: new Date().toISOString() },
        ],
      }),
    });
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().accepted, 1);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/player/events',
      headers: { 'content-type': 'text/plain' },
      payload: '{not json',
    });
    assert.equal(bad.statusCode, 400);
  });

  it('renews the media token, caps a manual quality above the plan, and reports a problem with the debug snapshot', async () => {
    const viewer = await createViewer(app, { plan: 'free' });
    const s = (await call(viewer, 'POST', '/player/sessions/enhanced', { title_id: film })).json();
    const renewed = await call(viewer, 'POST', `/player/sessions/${s.session_id}/renew-token`, {});
    assert.equal(renewed.statusCode, 200, renewed.body);
    const token = renewed.json().media_token.token;
    assert.equal(
      (await app.inject({ method: 'GET', url: `/media/${filmAsset}/master.m3u8?token=${token}` })).statusCode,
      200,
    );
    const capped = await call(viewer, 'POST', `/player/sessions/${s.session_id}/quality-switch`, {
      from: '360p',
      to: '1080p',
      mode: 'manual',
      reason: 'user',
      position: 1,
    });
    assert.equal(capped.statusCode, 200, capped.body);
    assert.equal(capped.json().quality, '720p');
    assert.equal(capped.json().capped, true);
    assert.match(capped.json().message, /720p/);
    const debug = (await call(viewer, 'GET', `/player/sessions/${s.session_id}/debug-info`)).json();
    assert.equal(debug.status, 'active');
    assert.equal(debug.media_token_renewals, 1);
    assert.equal(debug.quality, '720p');
    assert.match(debug.manifest_url, /^\/media\/.+\?token=/);
    const report = await call(viewer, 'POST', `/player/sessions/${s.session_id}/report-issue`, {
      category: 'buffering',
      text: 'It stalls',
      position: 1,
      debug: {
        user_agent: 'test',
        player_version: '1.0.0',
        engine: 'hls.js',
        position: 1,
        duration: 5,
        buffer_ahead: 0,
        level: 0,
        quality: '240p',
        bitrate: 300000,
        bandwidth_estimate: 1000000,
        resolution: { width: 426, height: 240 },
        dropped_frames: 0,
        decoded_frames: 24,
        playback_rate: 1,
        audio_track: 'English',
        subtitle_track: null,
        ready_state: 4,
        network_state: 2,
        online: true,
        recent_errors: [],
      },
    });
    assert.equal(report.statusCode, 201, report.body);
    assert.match(report.json().reference, /^PB-[0-9A-Z]{5}$/);
    const hints = await call(viewer, 'GET', `/playback-intelligence/hints?title_id=${film}&effective_connection=3g`);
    assert.equal(hints.statusCode, 200, hints.body);
    assert.equal(hints.json().source, 'device');
    assert.equal(hints.json().max_quality, '720p');
  });

  it('serves markers per episode and the thumbnail sprite of a title, publicly', async () => {
    const m = await call(null, 'GET', `/episodes/${series.episodeIds[1]}/markers`);
    assert.equal(m.statusCode, 200, m.body);
    assert.deepEqual(m.json(), {
      episode_id: series.episodeIds[1],
      duration: 5,
      items: [{ kind: 'recap', start: 0, end: 1 }],
    });
    assert.equal((await call(null, 'GET', '/episodes/ep_nope/markers')).statusCode, 404);
    const sprite = await call(null, 'GET', `/titles/${film}/thumbnail-sprite`);
    assert.equal(sprite.statusCode, 200, sprite.body);
    const body = sprite.json();
    assert.equal(body.count, 3);
    assert.equal(body.columns, 10);
    const image = await app.inject({ method: 'GET', url: body.images[0] });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/jpeg');
    // The sprite's signature opens the thumbnails only, never the video.
    const token = new URL(body.images[0], 'http://x').searchParams.get('token');
    assert.equal(
      (await app.inject({ method: 'GET', url: `/media/${filmAsset}/master.m3u8?token=${token}` })).statusCode,
      403,
    );
    const episodeSprite = await call(
      null,
      'GET',
      `/titles/${series.id}/thumbnail-sprite?episode_id=${series.episodeIds[2]}`,
    );
    assert.equal(episodeSprite.statusCode, 200);
  });
});
