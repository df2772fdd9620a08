// The pipeline on a tiny generated source (5 s, 640x360, English and Spanish audio and subtitles,
// chapters): validation, the ladder, the multivariant and media playlists, segment durations and
// alignment, WebVTT subtitles, trickplay sprites and their VTT coordinates, chapters, the poster.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { packageSource, validateSource } from '../../src/services/media/pipeline.js';
import type { PackagedMedia } from '../../src/services/media/types.js';
import { jpegSize, parseMaster, parseMedia, parseVtt, scratch, TINY, tinySource } from './support.js';

describe('media pipeline on a tiny source', () => {
  let out: string;
  let output: PackagedMedia;
  let source: string;

  before(async () => {
    source = await tinySource();
    const { probe, report } = await validateSource(source);
    assert.ok(probe, 'probed');
    assert.notEqual(report.status, 'failed', JSON.stringify(report));
    out = join(scratch(), 'out');
    output = await packageSource(source, probe, out, { segmentSeconds: 2, preset: 'ultrafast' });
  });

  it('probes and validates the source, with a clear report', async () => {
    const { probe, report } = await validateSource(source);
    assert.ok(probe);
    assert.match(probe.container, /matroska/);
    assert.ok(Math.abs(probe.duration - TINY.duration) < 0.2, `duration ${probe.duration}`);
    const video = probe.streams.find((s) => s.type === 'video');
    assert.equal(video?.width, 640);
    assert.equal(video?.height, 360);
    assert.deepEqual(
      probe.streams.filter((s) => s.type === 'audio').map((s) => [s.language, s.channels]),
      [
        ['eng', 2],
        ['spa', 2],
      ],
    );
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    for (const id of [
      'container',
      'video_stream',
      'video_codec',
      'duration',
      'audio_stream',
      'audio_channels',
      'decode',
    ]) {
      assert.equal(byId.get(id)?.status, 'passed', `${id}: ${JSON.stringify(byId.get(id))}`);
    }
    // 360 lines is below SD: a warning, not a failure.
    assert.equal(byId.get('resolution')?.status, 'warning');
    assert.equal(report.status, 'warning');
  });

  it('rejects what cannot be played, saying why', async () => {
    const dir = scratch();
    const text = join(dir, 'notes.mp4');
    writeFileSync(text, 'this is not a video at all');
    const bad = await validateSource(text);
    assert.equal(bad.report.status, 'failed');
    assert.equal(bad.report.checks[0]?.id, 'container');
    assert.equal(bad.report.checks[0]?.status, 'failed');
    assert.ok(bad.report.checks[0]?.message);

    const audioOnly = join(dir, 'tone.m4a');
    const made = spawnSync('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=2',
      '-c:a',
      'aac',
      audioOnly,
    ]);
    assert.equal(made.status, 0);
    const noVideo = await validateSource(audioOnly);
    assert.equal(noVideo.report.status, 'failed');
    const check = noVideo.report.checks.find((c) => c.id === 'video_stream');
    assert.equal(check?.status, 'failed');
    assert.equal(check?.message, 'The file has no video');
  });

  it('makes a ladder from the source resolution, without upscaling', () => {
    assert.deepEqual(
      output.rungs.map((r) => [r.label, r.width, r.height]),
      [
        ['240p', 426, 240],
        ['360p', 640, 360],
      ],
    );
    for (const r of output.rungs) {
      assert.match(r.codecs, /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      assert.equal(r.frameRate, 24);
      assert.ok(r.bandwidth >= r.averageBandwidth && r.averageBandwidth > 0);
    }
    assert.ok(
      (output.rungs[0] as { bandwidth: number }).bandwidth < (output.rungs[1] as { bandwidth: number }).bandwidth,
    );
  });

  it('writes a multivariant playlist with CODECS, RESOLUTION, FRAME-RATE and every audio and subtitle rendition', () => {
    const master = parseMaster(readFileSync(join(out, 'master.m3u8'), 'utf8'));
    assert.equal(master.variants.length, 2);
    for (const v of master.variants) {
      assert.match(v.attrs.CODECS ?? '', /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      assert.match(v.attrs.RESOLUTION ?? '', /^\d+x\d+$/);
      assert.equal(v.attrs['FRAME-RATE'], '24.000');
      assert.ok(Number(v.attrs.BANDWIDTH) > 0 && Number(v.attrs['AVERAGE-BANDWIDTH']) > 0);
      assert.equal(v.attrs.AUDIO, 'audio');
      assert.equal(v.attrs.SUBTITLES, 'subs');
    }
    const audio = master.media.filter((m) => m.TYPE === 'AUDIO');
    assert.deepEqual(
      audio.map((a) => [a.LANGUAGE, a.NAME, a.DEFAULT, a['GROUP-ID'], a.CHANNELS]),
      [
        ['en', 'English', 'YES', 'audio', '2'],
        ['es', 'Español', 'NO', 'audio', '2'],
      ],
    );
    const subs = master.media.filter((m) => m.TYPE === 'SUBTITLES');
    assert.deepEqual(
      subs.map((s) => [s.LANGUAGE, s.NAME, s.FORCED, s['GROUP-ID']]),
      [
        ['en', 'English', 'NO', 'subs'],
        ['es', 'Español', 'NO', 'subs'],
      ],
    );
    for (const m of master.media) assert.ok(readFileSync(join(out, m.URI as string), 'utf8').startsWith('#EXTM3U'));
  });

  it('segments every rendition as fMP4 in 2 s segments aligned across rungs', () => {
    const durations: number[][] = [];
    for (const dir of [...output.rungs.map((r) => r.path), ...output.audio.map((a) => a.path)]) {
      const pl = parseMedia(readFileSync(join(out, dir, 'index.m3u8'), 'utf8'));
      assert.equal(pl.type, 'VOD');
      assert.ok(pl.ended);
      assert.equal(pl.map, 'init.mp4');
      assert.ok(pl.targetDuration >= 2 && pl.targetDuration <= 4, `${dir} target ${pl.targetDuration}`);
      for (const s of pl.segments) {
        assert.ok(s.duration <= pl.targetDuration + 0.5, `${dir}: ${s.duration}`);
        assert.ok(readFileSync(join(out, dir, s.uri)).length > 0);
      }
      const total = pl.segments.reduce((a, s) => a + s.duration, 0);
      assert.ok(Math.abs(total - TINY.duration) < 0.15, `${dir} lasts ${total}`);
      const init = readFileSync(join(out, dir, 'init.mp4'));
      assert.equal(init.subarray(4, 8).toString('latin1'), 'ftyp');
      if (dir.startsWith('v/')) durations.push(pl.segments.map((s) => s.duration));
    }
    // Every rung cuts at the same times: 2, 2, 1.
    assert.deepEqual(durations[0], [2, 2, 1]);
    for (const d of durations) assert.deepEqual(d, durations[0]);
    // Each video segment starts on a keyframe.
    const rung = output.rungs[0]?.path as string;
    const joined = Buffer.concat([
      readFileSync(join(out, rung, 'init.mp4')),
      readFileSync(join(out, rung, 'seg_00001.m4s')),
    ]);
    const file = join(scratch(), 'one.mp4');
    writeFileSync(file, joined);
    const probe = spawnSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'frame=key_frame',
        '-read_intervals',
        '%+#1',
        '-of',
        'csv=p=0',
        file,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(probe.stdout.trim().split('\n')[0], '1');
  });

  it('turns the text subtitle tracks into WebVTT renditions', () => {
    assert.deepEqual(
      output.subtitles.map((s) => [s.language, s.name, s.kind, s.forced]),
      [
        ['en', 'English', 'subtitles', false],
        ['es', 'Español', 'subtitles', false],
      ],
    );
    const en = parseVtt(readFileSync(join(out, 's/en/subtitles.vtt'), 'utf8'));
    const es = parseVtt(readFileSync(join(out, 's/es/subtitles.vtt'), 'utf8'));
    assert.ok(en.length >= 2 && en.length === es.length);
    assert.match(en[0]?.text ?? '', /Line 1/);
    assert.match(es[0]?.text ?? '', /Línea 1/);
    assert.ok(Math.abs((en[0]?.start ?? 0) - 0.5) < 0.05);
    const pl = parseMedia(readFileSync(join(out, 's/en/index.m3u8'), 'utf8'));
    assert.deepEqual(
      pl.segments.map((s) => s.uri),
      ['subtitles.vtt'],
    );
    assert.ok(pl.targetDuration >= TINY.duration);
  });

  it('makes trickplay sprite sheets and a WebVTT thumbnails track whose tiles are inside the sheet', () => {
    const sprite = output.sprite;
    assert.ok(sprite);
    assert.equal(sprite.interval, 2);
    assert.equal(sprite.count, Math.ceil(TINY.duration / sprite.interval));
    assert.equal(sprite.tileWidth, 240);
    assert.equal(sprite.tileHeight, 136);
    const cues = parseVtt(readFileSync(join(out, sprite.vtt), 'utf8'));
    assert.equal(cues.length, sprite.count);
    cues.forEach((cue, i) => {
      assert.equal(cue.start, i * sprite.interval);
      assert.equal(cue.end, Math.min(TINY.duration, (i + 1) * sprite.interval));
      const m = /^(sprite_\d+\.jpg)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(cue.text);
      assert.ok(m, cue.text);
      const [, file, x, y, w, h] = m;
      const size = jpegSize(readFileSync(join(out, 'thumbs', file as string)));
      assert.equal(size.width, sprite.columns * sprite.tileWidth);
      assert.equal(Number(x), (i % sprite.columns) * sprite.tileWidth);
      assert.equal(Number(y), Math.floor(i / sprite.columns) * sprite.tileHeight);
      assert.ok(Number(x) + Number(w) <= size.width && Number(y) + Number(h) <= size.height);
    });
  });

  it('writes the chapters as WebVTT and a poster frame', () => {
    const chapters = parseVtt(readFileSync(join(out, output.chapters as string), 'utf8'));
    assert.deepEqual(
      chapters.map((c) => c.text),
      ['Previously', 'Opening titles', 'Part one', 'Part two', 'End credits', 'Next time'],
    );
    assert.equal(chapters[0]?.start, 0);
    const poster = jpegSize(readFileSync(join(out, 'poster.jpg')));
    assert.deepEqual(poster, { width: 640, height: 360 });
    assert.ok(output.timings.transcodeSeconds > 0);
  });
});
