// Watch history (§2) built from what the real player writes: sessions and events through
// /player/sessions/enhanced and /player/events (a tiny source put through the media pipeline),
// plus progress rows like the demo seed's. Streams, activity, stats, export (JSON and CSV), hide
// and restore, and profile isolation (another account, and another profile of the same account).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HistoryExportDocument, HistoryStats } from '@reel/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { historyHidden, mediaBindings, progress, titles } from '../../src/db/schema/index.js';
import { csvField, toCsv } from '../../src/services/history.js';
import { insertFixtureCatalog, watch } from '../catalog-fixture.js';
import { createViewer, signIn, type TestCaller, type TestSession } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { mediaApp, readyAsset } from '../media/support.js';

const DEVICE = {
  kind: 'desktop',
  os: 'macOS',
  browser: 'Firefox',
  player_version: '1.0.0',
  screen_width: 1280,
  screen_height: 800,
  pixel_ratio: 2,
  supports: { mse: true, native_hls: false, hevc: false, av1: false, hdr: false },
};

interface Entry {
  id: string;
  title: { id: string; name: string; type: string };
  episode: { id: string; season_number: number; number: number; name: string } | null;
  position: number;
  duration: number;
  fraction: number;
  completed: boolean;
  watched_seconds: number;
  watched_at: string;
  device: { id: string | null; name: string; type: string };
}

describe('history routes', () => {
  let t: TestApp;
  let app: FastifyInstance;
  /** A family account: adult profile "Alex" (signed in) and kids profile "Sam". */
  let family: TestCaller;
  let samSession: TestSession;
  let alex: string;
  let sam: string;
  let stranger: TestCaller;
  let episodeEntry: Entry;

  const send = async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    caller: { headers: Record<string, string> },
    payload?: unknown,
  ) => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...caller.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
    const isJson = String(res.headers['content-type'] ?? '').startsWith('application/json');
    return { status: res.statusCode, body: res.body && isJson ? res.json() : null, raw: res };
  };
  const streams = async (profileId: string, query = '', caller: { headers: Record<string, string> } = family) => {
    const res = await send('GET', `/users/${profileId}/history/streams${query}`, caller);
    assert.equal(res.status, 200, res.raw.body);
    return res.body as { items: Entry[]; next_cursor: string | null };
  };

  /** Plays part of something through the player, as <reel-player> does. */
  const play = async (
    caller: { headers: Record<string, string> },
    body: Record<string, unknown>,
    until: number,
    ended = false,
  ) => {
    const res = await send('POST', '/player/sessions/enhanced', caller, { ...body, device: DEVICE });
    assert.equal(res.status, 201, res.raw.body);
    const s = res.body as { session_id: string; duration: number };
    const now = Date.now();
    const event = (id: string, type: string, position: number, details?: unknown, ms = 0) => ({
      id,
      session_id: s.session_id,
      type,
      position,
      timestamp: new Date(now + ms).toISOString(),
      ...(details !== undefined ? { details } : {}),
    });
    const events = [
      event('e1', 'play', 0, { autoplay: false }),
      event(
        'e2',
        'heartbeat',
        until,
        {
          playing: true,
          buffer_ahead: 2,
          quality: '360p',
          bitrate: 400000,
          bandwidth_estimate: 5000000,
          playback_rate: 1,
          dropped_frames: 0,
          watched: until,
        },
        1000,
      ),
      ...(ended ? [event('e3', 'ended', until, { reason: 'completed' }, 2000)] : []),
    ];
    const sent = await send('POST', '/player/events', caller, { events });
    assert.equal(sent.status, 202, sent.raw.body);
    return s;
  };

  before(async () => {
    t = await mediaApp({ REEL_MEDIA_PREPARE_WAIT: '1' });
    app = t.app;
    await insertFixtureCatalog(app);
    const asset = await readyAsset(app, 't-interstellar');
    await app.db.insert(mediaBindings).values(
      ['t-star-voyagers-s1e1', 't-star-voyagers-s1e2'].map((episodeId) => ({
        titleId: 't-star-voyagers',
        episodeId,
        assetId: asset.id,
      })),
    );
    family = await createViewer(app, {
      plan: 'premium',
      profiles: [{ name: 'Alex' }, { name: 'Sam', isKids: true, maturityLevel: 7 }],
    });
    alex = family.profiles[0]?.id as string;
    sam = family.profiles[1]?.id as string;
    samSession = await signIn(app, family, { profileId: sam });
    stranger = await createViewer(app);
  });
  after(() => t?.close());

  it('is empty for a profile that watched nothing, with zeroed stats', async () => {
    assert.deepEqual(await streams(alex), { items: [], next_cursor: null });
    const activity = await send('GET', `/users/${alex}/history/activity`, family);
    assert.deepEqual(activity.body, { items: [], next_cursor: null });
    const downloads = await send('GET', `/users/${alex}/history/downloads`, family);
    assert.deepEqual(downloads.body, { items: [], next_cursor: null });
    const stats = await send('GET', `/users/${alex}/history/stats?period=4w`, family);
    assert.equal(stats.status, 200, stats.raw.body);
    assert.equal(stats.body.per_week.length, 4);
    assert.equal(stats.body.totals.seconds_watched, 0);
    assert.equal(stats.body.completion_rate, 0);
    assert.equal(stats.body.first_watched_at, null);
  });

  it('lists part of an episode played through the player, with its progress and device', async () => {
    await play(family, { title_id: 't-star-voyagers', episode_id: 't-star-voyagers-s1e2' }, 2);
    const page = await streams(alex);
    assert.equal(page.items.length, 1);
    const [entry] = page.items as [Entry];
    assert.equal(entry.title.id, 't-star-voyagers');
    assert.deepEqual(
      { season: entry.episode?.season_number, number: entry.episode?.number, id: entry.episode?.id },
      { season: 1, number: 2, id: 't-star-voyagers-s1e2' },
    );
    assert.equal(entry.position, 2);
    assert.equal(entry.duration, 5);
    assert.equal(entry.fraction, 0.4);
    assert.equal(entry.completed, false);
    assert.equal(entry.watched_seconds, 2);
    assert.deepEqual(entry.device, { id: null, name: 'Firefox on macOS', type: 'web' });
    // Played again the same day: the same entry moves on.
    await play(family, { title_id: 't-star-voyagers', episode_id: 't-star-voyagers-s1e2', start_position: 2 }, 3);
    const again = await streams(alex);
    assert.equal(again.items.length, 1);
    assert.equal(again.items[0]?.id, entry.id);
    assert.equal(again.items[0]?.position, 3);
    assert.equal(again.items[0]?.watched_seconds, 5);
    episodeEntry = again.items[0] as Entry;
  });

  it('marks a viewing played to the end as completed, and lists older progress too', async () => {
    await play(family, { title_id: 't-interstellar' }, 4.9, true);
    await watch(app, alex, [
      { titleId: 't-amelie', position: 1200, duration: 6000, minutesAgo: 60 * 24 * 3 },
      {
        titleId: 't-star-voyagers',
        episodeId: 't-star-voyagers-s1e1',
        position: 2700,
        duration: 2700,
        completed: true,
        minutesAgo: 60 * 24 * 2,
      },
    ]);
    const page = await streams(alex);
    assert.deepEqual(
      page.items.map((e) => [e.title.id, e.episode?.id ?? null, e.completed]),
      [
        ['t-interstellar', null, true],
        ['t-star-voyagers', 't-star-voyagers-s1e2', false],
        ['t-star-voyagers', 't-star-voyagers-s1e1', true],
        ['t-amelie', null, false],
      ],
    );
    const film = page.items[0] as Entry;
    assert.equal(film.fraction, 1);
    assert.equal(film.position, film.duration);
    const amelie = page.items[3] as Entry;
    assert.equal(amelie.fraction, 0.2);
    assert.equal(amelie.device.name, 'Web browser');
  });

  it('filters by type, title and date range, and pages with a cursor', async () => {
    const films = await streams(alex, '?type=film');
    assert.deepEqual(
      films.items.map((e) => e.title.id),
      ['t-interstellar', 't-amelie'],
    );
    const series = await streams(alex, '?type=series');
    assert.equal(series.items.length, 2);
    assert.ok(series.items.every((e) => e.title.type === 'series'));
    const one = await streams(alex, '?title_id=t-amelie');
    assert.deepEqual(
      one.items.map((e) => e.title.id),
      ['t-amelie'],
    );
    const since = new Date(Date.now() - 36 * 3600_000).toISOString();
    const recent = await streams(alex, `?from=${encodeURIComponent(since)}`);
    assert.deepEqual(
      recent.items.map((e) => e.title.id),
      ['t-interstellar', 't-star-voyagers'],
    );
    const older = await streams(alex, `?to=${encodeURIComponent(since)}`);
    assert.equal(older.items.length, 2);
    const first = await streams(alex, '?limit=3');
    assert.equal(first.items.length, 3);
    assert.ok(first.next_cursor);
    const rest = await streams(alex, `?limit=3&cursor=${encodeURIComponent(first.next_cursor as string)}`);
    assert.deepEqual(
      rest.items.map((e) => e.title.id),
      ['t-amelie'],
    );
    assert.equal(rest.next_cursor, null);
    const bad = await send('GET', `/users/${alex}/history/streams?type=podcast`, family);
    assert.equal(bad.status, 400);
  });

  it('has an activity feed: started, finished, added to the list, reviewed', async () => {
    const added = await send('POST', `/users/${alex}/watchlist`, family, { title_id: 't-inception' });
    assert.equal(added.status, 201, added.raw.body);
    const res = await send('GET', `/users/${alex}/history/activity`, family);
    assert.equal(res.status, 200, res.raw.body);
    const kinds = (res.body.items as { kind: string; title: { id: string } }[]).map((a) => `${a.kind}:${a.title.id}`);
    assert.equal(kinds[0], 'added_to_watchlist:t-inception');
    for (const k of [
      'started:t-interstellar',
      'completed:t-interstellar',
      'started:t-star-voyagers',
      'completed:t-star-voyagers',
      'started:t-amelie',
    ])
      assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
    const finished = await send('GET', `/users/${alex}/history/activity?kind=completed`, family);
    assert.ok((finished.body.items as { kind: string }[]).every((a) => a.kind === 'completed'));
    assert.equal(finished.body.items.length, 2);

    // A review written is in the feed, with its stars.
    const written = await send('POST', '/titles/t-interstellar/reviews', family, {
      rating: 4,
      headline: 'Still thinking about it',
      body: 'The docking scene alone.',
    });
    assert.equal(written.status, 201, written.raw.body);
    const reviewed = await send('GET', `/users/${alex}/history/activity?kind=reviewed`, family);
    assert.deepEqual(
      (reviewed.body.items as { kind: string; title: { id: string }; rating: number; review_id: string }[]).map((a) => [
        a.kind,
        a.title.id,
        a.rating,
        a.review_id,
      ]),
      [['reviewed', 't-interstellar', 4, written.body.id]],
    );
  });

  it('counts time per week, top genres and completion', async () => {
    const res = await send('GET', `/users/${alex}/history/stats?period=4w&tz=Europe/Madrid`, family);
    assert.equal(res.status, 200, res.raw.body);
    const stats = HistoryStats.parse(res.body);
    assert.equal(stats.per_week.length, 4);
    const weekSum = stats.per_week.reduce((s, w) => s + w.seconds, 0);
    assert.ok(Math.abs(weekSum - stats.totals.seconds_watched) < 0.5);
    // 5 s of the episode, 4.9 s of the film, 2700 s of episode 1, 1200 s of Amélie.
    assert.ok(Math.abs(stats.totals.seconds_watched - 3909.9) < 0.5, String(stats.totals.seconds_watched));
    assert.equal(stats.totals.titles, 3);
    assert.equal(stats.totals.films, 2);
    assert.equal(stats.totals.episodes, 2);
    assert.equal(stats.completion_rate, 0.5);
    assert.ok(stats.top_genres.length > 0);
    assert.ok(stats.top_genres.every((g) => g.share > 0 && g.share <= 1));
    const series = stats.by_type.find((b) => b.type === 'series');
    assert.ok(series && series.seconds >= 2705);
    assert.ok(stats.current_streak_days >= 1);
    assert.ok(stats.first_watched_at);
    const bad = await send('GET', `/users/${alex}/history/stats?tz=Mars/Olympus`, family);
    assert.equal(bad.status, 400);
  });

  it('exports JSON: a document with one row per entry and activity, as a download', async () => {
    const res = await send('POST', `/users/${alex}/history/export`, family, { format: 'json' });
    assert.equal(res.status, 200, res.raw.body);
    assert.match(
      String(res.raw.headers['content-disposition']),
      /^attachment; filename="reel-history-alex-\d{4}-\d\d-\d\d\.json"$/,
    );
    const doc = HistoryExportDocument.parse(JSON.parse(res.raw.body));
    assert.equal(doc.profile.name, 'Alex');
    const streamRows = doc.rows.filter((r) => r.section === 'streams');
    assert.equal(streamRows.length, 4);
    const ep = streamRows.find((r) => r.episode_number === 2);
    assert.equal(ep?.position, 3);
    assert.equal(ep?.season_number, 1);
    assert.equal(ep?.device_name, 'Firefox on macOS');
    assert.ok(doc.rows.some((r) => r.section === 'activity' && r.kind === 'added_to_watchlist'));
    const onlyStreams = await send('POST', `/users/${alex}/history/export`, family, {
      format: 'json',
      sections: ['streams'],
      from: new Date(Date.now() - 36 * 3600_000).toISOString(),
    });
    const narrow = HistoryExportDocument.parse(JSON.parse(onlyStreams.raw.body));
    assert.deepEqual(
      narrow.rows.map((r) => r.title_id),
      ['t-interstellar', 't-star-voyagers'],
    );
  });

  it('exports CSV with RFC 4180 quoting (commas, quotes, line breaks) and formulas defused', async () => {
    await app.db.update(titles).set({ name: 'Amélie, "the\nfabulous" =1+1' }).where(eq(titles.id, 't-amelie'));
    app.catalog.invalidate();
    try {
      const res = await send('POST', `/users/${alex}/history/export`, family, { format: 'csv', sections: ['streams'] });
      assert.equal(res.status, 200, res.raw.body);
      assert.match(String(res.raw.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(String(res.raw.headers['content-disposition']), /filename="reel-history-alex-[\d-]+\.csv"/);
      const text = res.raw.body;
      assert.ok(text.startsWith('\uFEFFsection,kind,occurred_at,title_id,title_name,title_type,'));
      const lines = text.slice(1).split('\r\n');
      assert.equal(lines.length, 1 + 4 + 1); // header, four rows, the final line break
      assert.ok(text.includes(',"Amélie, ""the\nfabulous"" =1+1",film,'), text);
      assert.ok(text.includes(',completed,'));
    } finally {
      await app.db.update(titles).set({ name: 'Amélie' }).where(eq(titles.id, 't-amelie'));
      app.catalog.invalidate();
    }
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-2'), "'-2");
    assert.equal(csvField(-2), '-2');
    assert.equal(csvField(null), '');
    assert.equal(csvField(false), 'false');
    assert.equal(
      toCsv([]),
      '\uFEFFsection,kind,occurred_at,title_id,title_name,title_type,season_number,episode_number,episode_name,position,duration,completed,rating,device_name\r\n',
    );
    const bad = await send('POST', `/users/${alex}/history/export`, family, { format: 'xml' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
  });

  it('hides an entry from history and Continue Watching, and restores it', async () => {
    const cwIds = async () => {
      const rails = await send('GET', '/home/rails', family);
      assert.equal(rails.status, 200, rails.raw.body);
      const cw = rails.body.rails.find((r: { kind: string }) => r.kind === 'continue-watching');
      return (cw?.items ?? []).map((i: { id: string }) => i.id) as string[];
    };
    assert.ok((await cwIds()).includes('t-star-voyagers'));
    const hidden = await send('DELETE', `/users/${alex}/history/streams/${episodeEntry.id}`, family);
    assert.equal(hidden.status, 204, hidden.raw.body);
    const after = await streams(alex);
    assert.ok(!after.items.some((e) => e.id === episodeEntry.id));
    assert.equal(after.items.length, 3);
    const rows = await app.db
      .select()
      .from(progress)
      .where(and(eq(progress.profileId, alex), eq(progress.episodeId, 't-star-voyagers-s1e2')));
    assert.equal(rows.length, 0);
    // Hiding again is no error; an unknown entry is 404.
    assert.equal((await send('DELETE', `/users/${alex}/history/streams/${episodeEntry.id}`, family)).status, 204);
    assert.equal((await send('DELETE', `/users/${alex}/history/streams/hst_nope`, family)).status, 404);
    // Not in the export either.
    const doc = JSON.parse(
      (await send('POST', `/users/${alex}/history/export`, family, { format: 'json', sections: ['streams'] })).raw.body,
    );
    assert.equal(doc.rows.length, 3);

    const restored = await send('POST', `/users/${alex}/history/streams/${episodeEntry.id}/restore`, family);
    assert.equal(restored.status, 200, restored.raw.body);
    assert.equal(restored.body.id, episodeEntry.id);
    assert.equal(restored.body.position, 3);
    assert.equal((await streams(alex)).items.length, 4);
    const back = await app.db
      .select()
      .from(progress)
      .where(and(eq(progress.profileId, alex), eq(progress.episodeId, 't-star-voyagers-s1e2')));
    assert.equal(back[0]?.position, 3);
    assert.ok((await cwIds()).includes('t-star-voyagers'));
  });

  it('cannot restore an entry hidden more than 30 days ago (410)', async () => {
    const amelie = (await streams(alex, '?title_id=t-amelie')).items[0] as Entry;
    assert.equal((await send('DELETE', `/users/${alex}/history/streams/${amelie.id}`, family)).status, 204);
    await app.db
      .update(historyHidden)
      .set({ hiddenAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(historyHidden.entryId, amelie.id));
    const res = await send('POST', `/users/${alex}/history/streams/${amelie.id}/restore`, family);
    assert.equal(res.status, 410, res.raw.body);
    assert.equal(res.body.error.code, 'gone');
    assert.equal((await streams(alex)).items.length, 3);
  });

  it("keeps each profile's history to itself: another account and another profile get 404", async () => {
    const paths: ['GET' | 'POST' | 'DELETE', string, unknown?][] = [
      ['GET', `/users/${alex}/history/streams`],
      ['GET', `/users/${alex}/history/downloads`],
      ['GET', `/users/${alex}/history/activity`],
      ['GET', `/users/${alex}/history/stats`],
      ['POST', `/users/${alex}/history/export`, { format: 'json' }],
      ['DELETE', `/users/${alex}/history/streams/${episodeEntry.id}`],
      ['POST', `/users/${alex}/history/streams/${episodeEntry.id}/restore`],
    ];
    for (const caller of [stranger, samSession]) {
      for (const [method, path, body] of paths) {
        const res = await send(method, path, caller, body);
        assert.equal(res.status, 404, `${method} ${path}: ${res.raw.body}`);
        assert.equal(res.body.error.code, 'not_found');
      }
    }
    // Nothing changed for Alex; Sam's own history is empty and exports no row of Alex's.
    assert.equal((await streams(alex)).items.length, 3);
    assert.deepEqual(await streams(sam, '', samSession), { items: [], next_cursor: null });
    const samExport = await send('POST', `/users/${sam}/history/export`, samSession, { format: 'json' });
    assert.equal(samExport.status, 200, samExport.raw.body);
    assert.deepEqual(JSON.parse(samExport.raw.body).rows, []);
    const samStats = await send('GET', `/users/${sam}/history/stats`, samSession);
    assert.equal(samStats.body.totals.seconds_watched, 0);
    // An entry id of Alex's means nothing on Sam's path.
    assert.equal((await send('DELETE', `/users/${sam}/history/streams/${episodeEntry.id}`, samSession)).status, 404);
    assert.equal((await send('GET', `/users/${alex}/history/streams`, { headers: {} })).status, 401);
  });
});
