import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertFixtureCatalog } from '../catalog-fixture.js';
import { createViewer, signIn, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

describe('settings routes', () => {
  let t: TestApp;
  let family: TestCaller;
  let stale: TestCaller;
  let stranger: TestCaller;
  let alex: string;
  let sam: string;

  const send = async (method: 'GET' | 'PATCH' | 'PUT', url: string, caller: TestCaller, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: caller.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    family = await createViewer(t.app, {
      profiles: [
        { name: 'Alex', language: 'en' },
        { name: 'Sam', isKids: true, maturityLevel: 7 },
      ],
    });
    alex = family.profiles[0]?.id as string;
    sam = family.profiles[1]?.id as string;
    stale = { ...family, ...(await signIn(t.app, family, { reauth: false })) };
    stranger = await createViewer(t.app);
  });
  after(() => t?.close());

  it('answers the account settings with defaults, and keeps what a patch leaves out', async () => {
    const first = await send('GET', '/users/me/settings', family);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.ui_language, 'en');
    assert.equal(first.body.email.product_updates, true);
    assert.equal(first.body.privacy.record_viewing_activity, true);
    const patched = await send('PATCH', '/users/me/settings', family, {
      ui_language: 'es',
      email: { offers: true },
      privacy: { usage_analytics: false },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.ui_language, 'es');
    assert.equal(patched.body.email.offers, true);
    assert.equal(patched.body.email.product_updates, true, 'untouched fields keep their value');
    assert.equal(patched.body.privacy.usage_analytics, false);
    assert.equal((await send('GET', '/users/me/settings', family)).body.email.offers, true);
  });

  it('rejects a bad account patch with a field error, and changes nothing', async () => {
    const bad = await send('PATCH', '/users/me/settings', family, { email: { offers: 'yes' } });
    assert.equal(bad.status, 400);
    assert.equal((await send('GET', '/users/me/settings', family)).body.email.offers, true);
  });

  it("answers a profile's settings with defaults: playback, subtitle appearance, languages, parental", async () => {
    const res = await send('GET', `/users/${alex}/settings`, family);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.profile_id, alex);
    assert.equal(res.body.playback.autoplay_next_episode, true);
    assert.equal(res.body.playback.skip_intros, false);
    assert.equal(res.body.playback.still_watching_after_episodes, 3);
    assert.equal(res.body.subtitle_appearance.size, 'medium');
    assert.deepEqual(res.body.languages.audio, ['en']);
    assert.equal(res.body.parental.maturity_level, 18);
    assert.equal(res.body.parental.has_pin, false);
    assert.deepEqual(res.body.parental.blocked_titles, []);
  });

  it('changes playback, subtitle appearance and language priorities without re-authentication', async () => {
    const res = await send('PATCH', `/users/${alex}/settings`, stale, {
      playback: { skip_intros: true, skip_filler: true, autoplay_next_episode: false },
      subtitle_appearance: { size: 'large', color: '#ffff00', edge: 'outline' },
      languages: { audio: ['es', 'en'], subtitles: ['en'], subtitle_mode: 'always' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.playback.skip_intros, true);
    assert.equal(res.body.playback.skip_filler, true);
    assert.equal(res.body.playback.autoplay_next_episode, false);
    assert.equal(res.body.playback.skip_recaps, false, 'untouched');
    assert.equal(res.body.subtitle_appearance.size, 'large');
    assert.equal(res.body.subtitle_appearance.color, '#ffff00');
    assert.equal(res.body.subtitle_appearance.font, 'default', 'untouched');
    assert.deepEqual(res.body.languages.audio, ['es', 'en']);
    const again = await send('GET', `/users/${alex}/settings`, family);
    assert.equal(again.body.subtitle_appearance.edge, 'outline');
  });

  it('rejects an invalid colour, and keeps the stored appearance', async () => {
    const bad = await send('PATCH', `/users/${alex}/settings`, family, { subtitle_appearance: { color: 'yellow' } });
    assert.equal(bad.status, 400);
    assert.equal((await send('GET', `/users/${alex}/settings`, family)).body.subtitle_appearance.color, '#ffff00');
  });

  it('needs a recent re-authentication for parental controls, and applies them with one', async () => {
    const refused = await send('PATCH', `/users/${sam}/settings`, stale, { parental: { maturity_level: 12 } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'reauth_required');
    const blocked = await send('PATCH', `/users/${sam}/settings`, stale, { parental: { blocked_title_ids: ['t-up'] } });
    assert.equal(blocked.status, 403, 'tightening through the settings route also asks');
    const ok = await send('PATCH', `/users/${sam}/settings`, family, {
      parental: { maturity_level: 10, blocked_title_ids: ['t-up'], pin: '1234' },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.parental.maturity_level, 10);
    assert.equal(ok.body.parental.has_pin, true);
    assert.deepEqual(
      ok.body.parental.blocked_titles.map((x: { id: string }) => x.id),
      ['t-up'],
    );
    const unknown = await send('PATCH', `/users/${sam}/settings`, family, {
      parental: { blocked_title_ids: ['t-nope'] },
    });
    assert.equal(unknown.status, 400);
  });

  it("keeps other accounts' profiles out (404)", async () => {
    assert.equal((await send('GET', `/users/${alex}/settings`, stranger)).status, 404);
    assert.equal(
      (await send('PATCH', `/users/${alex}/settings`, stranger, { playback: { skip_intros: false } })).status,
      404,
    );
    assert.equal((await send('GET', `/users/${alex}/series-preferences/t-star-voyagers`, stranger)).status, 404);
  });

  it("derives a series preference from the profile's priorities until one is remembered", async () => {
    const derived = await send('GET', `/users/${alex}/series-preferences/t-star-voyagers`, family);
    assert.equal(derived.status, 200, JSON.stringify(derived.body));
    assert.equal(derived.body.remembered, false);
    assert.equal(derived.body.audio_language, 'es', 'the first of the audio priorities');
    assert.equal(derived.body.subtitles, 'on', 'subtitle_mode always');
    assert.equal(derived.body.subtitle_language, 'en');
    assert.equal(derived.body.updated_at, null);
  });

  it('remembers the audio and subtitle choice per series and answers it from then on', async () => {
    const put = await send('PUT', `/users/${alex}/series-preferences/t-star-voyagers`, family, {
      audio_language: 'en',
      subtitle_language: 'es',
      subtitles: 'on',
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.remembered, true);
    assert.equal(put.body.audio_language, 'en');
    assert.equal(put.body.subtitle_language, 'es');
    const off = await send('PUT', `/users/${alex}/series-preferences/t-star-voyagers`, family, {
      audio_language: 'en',
      subtitle_language: 'es',
      subtitles: 'off',
    });
    assert.equal(off.body.subtitle_language, null, 'no language with subtitles off');
    const got = await send('GET', `/users/${alex}/series-preferences/t-star-voyagers`, family);
    assert.equal(got.body.subtitles, 'off');
    assert.equal(got.body.remembered, true);
    // Another profile of the same account is not affected.
    const other = await send('GET', `/users/${sam}/series-preferences/t-star-voyagers`, family);
    assert.equal(other.body.remembered, false);
  });

  it('rejects subtitles on without a language, and an unknown title', async () => {
    const bad = await send('PUT', `/users/${alex}/series-preferences/t-star-voyagers`, family, {
      audio_language: 'en',
      subtitle_language: null,
      subtitles: 'on',
    });
    assert.equal(bad.status, 400);
    const missing = await send('PUT', `/users/${alex}/series-preferences/t-missing`, family, {
      audio_language: 'en',
      subtitle_language: null,
      subtitles: 'off',
    });
    assert.equal(missing.status, 404);
  });
});
