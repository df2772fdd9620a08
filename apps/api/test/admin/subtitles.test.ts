// Admin subtitles (§21 assets/subtitles): WebVTT and SRT uploads validated by line, SRT converted,
// a new language in the player's multivariant playlist, timing shift, edits and deletes audited,
// and a source shared by two titles copied before one of them changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit, mediaBindings } from '../../src/db/schema/index.js';
import { parseSubtitles, shiftCues, toWebVtt } from '../../src/services/admin/subtitle-text.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, parseMaster, parseVtt, readyAsset } from '../media/support.js';
import { caller, play } from './media-support.js';

const SRT = `1
00:00:00,500 --> 00:00:01,800
Bonjour <i>tout le monde</i>

2
00:00:02,000 --> 00:00:03,250
Deuxième ligne
`;

describe('subtitle files', () => {
  it('converts SRT to WebVTT and names bad lines', () => {
    const p = parseSubtitles('srt', SRT);
    assert.equal(p.valid, true);
    assert.equal(p.cues.length, 2);
    assert.match(toWebVtt(p.cues), /^WEBVTT\n\n1\n00:00:00\.500 --> 00:00:01\.800\nBonjour <i>tout le monde<\/i>/);
    const bad = parseSubtitles(
      'vtt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:05.000 -> 00:00:06.000\nbroken\n\n00:00:09.000 --> 00:00:08.000\nbackwards\n',
    );
    assert.equal(bad.valid, false);
    assert.deepEqual(
      bad.issues.map((i) => [i.severity, i.line]),
      [
        ['error', 6],
        ['error', 9],
      ],
    );
    const header = parseSubtitles('vtt', '1\n00:00:01.000 --> 00:00:02.000\nno header\n');
    assert.equal(header.issues[0]?.line, 1);
    const late = parseSubtitles('vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nlong\n', 5);
    assert.equal(late.valid, true);
    assert.match(late.issues[0]?.message ?? '', /past the end/);
  });

  it('shifts cues, refusing a shift before zero', () => {
    const { cues } = parseSubtitles('srt', SRT);
    const later = shiftCues(cues, 1.25);
    assert.ok(Array.isArray(later));
    assert.deepEqual(
      later.map((c) => [c.start, c.end]),
      [
        [1.75, 3.05],
        [3.25, 4.5],
      ],
    );
    assert.deepEqual(shiftCues(cues, -1), { before: 1 });
    const some = shiftCues(cues, 1, 1.9);
    assert.ok(Array.isArray(some));
    assert.deepEqual(
      some.map((c) => c.start),
      [0.5, 3],
    );
  });
});

describe('admin subtitle routes', () => {
  let t: TestApp;
  let editor: TestCaller;
  let viewer: TestCaller;
  let film: string;
  let twin: string;
  let send: ReturnType<typeof caller>;

  before(async () => {
    t = await mediaApp();
    send = caller(t.app);
    editor = await createStaff(t.app, 'content_editor');
    viewer = await createViewer(t.app, { plan: 'premium' });
    film = (await insertTitle(t.app)).id;
    const asset = await readyAsset(t.app, film);
    // A second title playing the same source (as demo titles share theirs).
    twin = (await insertTitle(t.app)).id;
    await t.app.db.insert(mediaBindings).values({ titleId: twin, episodeId: '', assetId: asset.id });
  });
  after(() => t.close());

  it('refuses callers without assets.manage', async () => {
    const moderator = await createStaff(t.app, 'moderator');
    for (const who of [viewer, moderator]) {
      assert.equal((await send('GET', `/admin/assets/subtitles?title_id=${film}`, who)).status, 403);
      assert.equal(
        (await send('POST', '/admin/assets/subtitles/validate', who, { format: 'vtt', content: 'WEBVTT' })).status,
        403,
      );
    }
  });

  it('lists the tracks the pipeline made', async () => {
    const list = await send('GET', `/admin/assets/subtitles?title_id=${film}`, editor);
    assert.equal(list.status, 200, list.raw);
    assert.equal(list.body.items.length, 2);
    assert.ok(list.body.items.every((s: { cue_count: number }) => s.cue_count > 0));
  });

  it('validates without saving, with issues by line', async () => {
    const res = await send('POST', '/admin/assets/subtitles/validate', editor, {
      format: 'srt',
      content: '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> nonsense\nbad\n',
    });
    assert.equal(res.status, 200, res.raw);
    assert.equal(res.body.valid, false);
    assert.equal(res.body.cue_count, 1);
    assert.deepEqual(res.body.issues[0], {
      severity: 'error',
      line: 6,
      cue: 2,
      message: 'Not a timing line: "00:00:03,000 --> nonsense"',
    });
  });

  it('refuses an invalid file with 422 and the line', async () => {
    const res = await send('POST', '/admin/assets/subtitles', editor, {
      title_id: film,
      language: 'fr',
      label: 'Français',
      kind: 'subtitles',
      format: 'vtt',
      content: 'WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nbackwards\n',
    });
    assert.equal(res.status, 422, res.raw);
    assert.match(res.body.error.message, /line 3/);
  });

  it('adds an SRT track the player sees as a new subtitle rendition; the twin title does not change', async () => {
    const before = await play(t.app, viewer, film);
    const langsBefore = parseMaster(before.master)
      .media.filter((m) => m.TYPE === 'SUBTITLES')
      .map((m) => m.LANGUAGE);
    assert.ok(!langsBefore.includes('fr'));
    const res = await send('POST', '/admin/assets/subtitles', editor, {
      title_id: film,
      language: 'fr',
      label: 'Français',
      kind: 'subtitles',
      format: 'srt',
      content: SRT,
    });
    assert.equal(res.status, 201, res.raw);
    assert.equal(res.body.source_format, 'srt');
    assert.equal(res.body.cue_count, 2);
    assert.equal(res.body.first_cue_start, 0.5);

    const after = await play(t.app, viewer, film);
    const fr = parseMaster(after.master).media.find((m) => m.TYPE === 'SUBTITLES' && m.LANGUAGE === 'fr');
    assert.ok(fr, after.master);
    assert.equal(fr.NAME, 'Français');
    const track = after.session.subtitle_tracks.find((s: { language: string }) => s.language === 'fr');
    assert.ok(track);
    const vtt = await after.fetch(track.url);
    assert.deepEqual(
      parseVtt(vtt).map((c) => c.start),
      [0.5, 2],
    );
    // The twin still plays the shared source, without the new track.
    const twinPlay = await play(t.app, viewer, twin);
    assert.ok(!parseMaster(twinPlay.master).media.some((m) => m.LANGUAGE === 'fr'));
    assert.notEqual(after.session.manifest_url.split('/')[2], twinPlay.session.manifest_url.split('/')[2]);
    // Playback of the original tracks still works from the title's copy.
    assert.equal(parseMaster(after.master).media.filter((m) => m.TYPE === 'SUBTITLES').length, langsBefore.length + 1);
  });

  it('shifts, edits and deletes a track, each audited', async () => {
    const list = await send('GET', `/admin/assets/subtitles?title_id=${film}`, editor);
    const fr = list.body.items.find((s: { language: string }) => s.language === 'fr');
    const shifted = await send('POST', `/admin/assets/subtitles/${fr.id}/shift`, editor, { offset: 1.5 });
    assert.equal(shifted.status, 200, shifted.raw);
    assert.equal(shifted.body.first_cue_start, 2);
    const detail = await send('GET', `/admin/assets/subtitles/${fr.id}`, editor);
    assert.match(detail.body.content, /00:00:02\.000 --> 00:00:03\.300/);
    assert.equal((await send('POST', `/admin/assets/subtitles/${fr.id}/shift`, editor, { offset: -10 })).status, 422);

    const renamed = await send('PATCH', `/admin/assets/subtitles/${fr.id}`, editor, {
      label: 'French (CC)',
      kind: 'sdh',
      is_default: true,
    });
    assert.equal(renamed.status, 200, renamed.raw);
    assert.equal(renamed.body.kind, 'sdh');
    const { master } = await play(t.app, viewer, film);
    const media = parseMaster(master).media.find((m) => m.LANGUAGE === 'fr');
    assert.equal(media?.NAME, 'French (CC)');
    assert.equal(media?.DEFAULT, 'YES');
    assert.match(master, /public\.accessibility\.describes-spoken-dialog/);

    assert.equal((await send('DELETE', `/admin/assets/subtitles/${fr.id}`, editor)).status, 204);
    const gone = await play(t.app, viewer, film);
    assert.ok(!parseMaster(gone.master).media.some((m) => m.LANGUAGE === 'fr'));
    assert.equal((await send('GET', `/admin/assets/subtitles/${fr.id}`, editor)).status, 404);

    const actions = (await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, fr.id)))
      .map((a) => a.action)
      .sort();
    assert.deepEqual(actions, ['subtitles.create', 'subtitles.delete', 'subtitles.shift', 'subtitles.update']);
  });
});
