// Admin audio tracks (§21 audio-tracks): the pipeline's tracks listed, a WAV uploaded (tus) and
// encoded by ffmpeg to an AAC rendition in the master playlist, renamed / made default, replaced
// (the old one plays meanwhile), deleted; the only track of a published title stays.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit } from '../../src/db/schema/index.js';
import { settled } from '../../src/services/admin/media-tracks.js';
import { runFfmpeg } from '../../src/services/media/ffmpeg.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, parseMaster, parseMedia, readyAsset, scratch } from '../media/support.js';
import { caller, play, tusUpload } from './media-support.js';

async function wav(seconds: number, frequency = 440): Promise<Buffer> {
  const file = join(scratch('reel-audio-'), 'tone.wav');
  await runFfmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}:duration=${seconds}`,
    '-ac',
    '2',
    '-c:a',
    'pcm_s16le',
    file,
  ]);
  return readFileSync(file);
}

describe('admin audio track routes', () => {
  let t: TestApp;
  let editor: TestCaller;
  let viewer: TestCaller;
  let film: string;
  let send: ReturnType<typeof caller>;

  before(async () => {
    t = await mediaApp();
    send = caller(t.app);
    editor = await createStaff(t.app, 'content_editor');
    viewer = await createViewer(t.app, { plan: 'premium' });
    film = (await insertTitle(t.app)).id;
    await readyAsset(t.app, film);
  });
  after(() => t.close());

  it('refuses callers without assets.manage', async () => {
    assert.equal((await send('GET', `/admin/audio-tracks?title_id=${film}`, viewer)).status, 403);
    const res = await t.app.inject({ method: 'HEAD', url: '/media/admin-uploads/upl_x', headers: viewer.headers });
    assert.equal(res.statusCode, 403);
  });

  it("lists the tracks from the title's media", async () => {
    const list = await send('GET', `/admin/audio-tracks?title_id=${film}`, editor);
    assert.equal(list.status, 200, list.raw);
    assert.equal(list.body.items.length, 2);
    assert.equal(list.body.items.filter((a: { is_default: boolean }) => a.is_default).length, 1);
    assert.ok(
      list.body.items.every((a: { status: string; codec: string }) => a.status === 'ready' && a.codec === 'aac'),
    );
  });

  let trackId = '';
  it('adds a track: the WAV becomes an AAC rendition the player lists', async () => {
    const bytes = await wav(5);
    const created = await send('POST', '/admin/audio-tracks', editor, {
      title_id: film,
      language: 'it',
      name: 'Italiano',
      kind: 'dub',
      filename: 'italiano.wav',
      content_type: 'audio/wav',
      size_bytes: bytes.length,
    });
    assert.equal(created.status, 201, created.raw);
    assert.equal(created.body.track.status, 'awaiting_upload');
    assert.match(created.body.upload.url, /^\/media\/admin-uploads\//);
    trackId = created.body.track.id;
    await tusUpload(t.app, editor, created.body.upload.url, bytes, 256 * 1024);
    await settled(t.app);
    const list = await send('GET', `/admin/audio-tracks?title_id=${film}`, editor);
    const it = list.body.items.find((a: { id: string }) => a.id === trackId);
    assert.equal(it.status, 'ready', JSON.stringify(it));
    assert.equal(it.channels, 2);
    assert.ok(Math.abs(it.duration - 5) < 0.2);

    const p = await play(t.app, viewer, film);
    const media = parseMaster(p.master).media.find((m) => m.TYPE === 'AUDIO' && m.LANGUAGE === 'it');
    assert.ok(media, p.master);
    assert.equal(media.NAME, 'Italiano');
    assert.ok(p.session.audio_tracks.some((a: { language: string }) => a.language === 'it'));
    // Its playlist plays: segments the length of the video's.
    const base = p.session.manifest_url.replace(/master\.m3u8\?.*$/, '');
    const token = p.session.manifest_url.split('?')[1];
    const uri = media.URI as string;
    const playlist = parseMedia(await p.fetch(`${base}${uri}${uri.includes('token=') ? '' : `?${token}`}`));
    assert.ok(playlist.segments.length >= 2);
    assert.ok(Math.abs(playlist.segments.reduce((a, s) => a + s.duration, 0) - 5) < 0.2);
    await p.end();
  });

  it('renames a track and makes it the default', async () => {
    const res = await send('PATCH', `/admin/audio-tracks/${trackId}`, editor, {
      name: 'Italiano (doppiaggio)',
      is_default: true,
    });
    assert.equal(res.status, 200, res.raw);
    const list = await send('GET', `/admin/audio-tracks?title_id=${film}`, editor);
    assert.deepEqual(
      list.body.items.filter((a: { is_default: boolean }) => a.is_default).map((a: { id: string }) => a.id),
      [trackId],
    );
    const p = await play(t.app, viewer, film);
    const media = parseMaster(p.master).media.find((m) => m.LANGUAGE === 'it');
    assert.equal(media?.NAME, 'Italiano (doppiaggio)');
    assert.equal(media?.DEFAULT, 'YES');
    assert.equal(parseMaster(p.master).media.filter((m) => m.TYPE === 'AUDIO' && m.DEFAULT === 'YES').length, 1);
    await p.end();
  });

  it('replaces the file: the old rendition plays until the new one is ready', async () => {
    const before = await play(t.app, viewer, film);
    const oldUri = parseMaster(before.master).media.find((m) => m.LANGUAGE === 'it')?.URI;
    await before.end();
    const bytes = await wav(4, 660);
    const res = await send('POST', `/admin/audio-tracks/${trackId}/replace`, editor, {
      filename: 'italiano-v2.wav',
      content_type: 'audio/wav',
      size_bytes: bytes.length,
    });
    assert.equal(res.status, 201, res.raw);
    assert.equal(res.body.track.status, 'ready', 'the old one still plays');
    await tusUpload(t.app, editor, res.body.upload.url, bytes, 512 * 1024);
    await settled(t.app);
    const after = await play(t.app, viewer, film);
    const newUri = parseMaster(after.master).media.find((m) => m.LANGUAGE === 'it')?.URI;
    assert.ok(newUri && newUri !== oldUri);
    await after.end();
    const list = await send('GET', `/admin/audio-tracks?title_id=${film}`, editor);
    assert.equal(list.body.items.find((a: { id: string }) => a.id === trackId).filename, 'italiano-v2.wav');
  });

  it('marks a file that is not audio as failed', async () => {
    const bytes = Buffer.from('not audio at all '.repeat(100));
    const created = await send('POST', '/admin/audio-tracks', editor, {
      title_id: film,
      language: 'de',
      name: 'Deutsch',
      kind: 'dub',
      filename: 'x.wav',
      content_type: 'audio/wav',
      size_bytes: bytes.length,
    });
    await tusUpload(t.app, editor, created.body.upload.url, bytes);
    await settled(t.app);
    const list = await send('GET', `/admin/audio-tracks?title_id=${film}`, editor);
    const de = list.body.items.find((a: { id: string }) => a.id === created.body.track.id);
    assert.equal(de.status, 'failed');
    assert.match(de.job.error.message, /cannot be read|no audio/);
  });

  it('deletes tracks, but not the last one of a published title; every change audited', async () => {
    const list = await send('GET', `/admin/audio-tracks?title_id=${film}`, editor);
    const ids = list.body.items.map((a: { id: string }) => a.id) as string[];
    const failed = list.body.items.find((a: { status: string }) => a.status === 'failed').id as string;
    assert.equal((await send('DELETE', `/admin/audio-tracks/${failed}`, editor)).status, 204);
    const ready = ids.filter((id) => id !== failed);
    for (const id of ready.slice(0, -1))
      assert.equal((await send('DELETE', `/admin/audio-tracks/${id}`, editor)).status, 204);
    const last = ready[ready.length - 1] as string;
    assert.equal((await send('DELETE', `/admin/audio-tracks/${last}`, editor)).status, 409);
    const p = await play(t.app, viewer, film);
    assert.equal(parseMaster(p.master).media.filter((m) => m.TYPE === 'AUDIO').length, 1);
    await p.end();
    const actions = (await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, trackId)))
      .map((a) => a.action)
      .sort();
    assert.deepEqual(
      actions,
      ['audio_tracks.create', 'audio_tracks.replace', 'audio_tracks.update']
        .concat(ready.includes(trackId) && trackId !== last ? ['audio_tracks.delete'] : [])
        .sort(),
    );
  });
});
