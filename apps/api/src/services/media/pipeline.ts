// The pipeline for one source: probe → validate → transcode (H.264 ladder + AAC renditions in
// fMP4 HLS segments, one ffmpeg process, keyframes aligned across rungs) → WebVTT subtitles →
// trickplay sprites → chapters → poster → multivariant playlist. Output is built in a scratch
// directory and moved into place at the end, so a served directory is always complete.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FfmpegError, probe, runFfmpeg } from './ffmpeg.js';
import { AAC_LC, avcCodecs, avcCodecsFromInit, bcp47, chooseRungs, endonym, widthFor } from './ladder.js';
import type {
  PackagedAudio,
  PackagedMedia,
  PackagedRung,
  PackagedSprite,
  PackagedSubtitle,
  ProbeResult,
  ValidationCheck,
  ValidationReport,
} from './types.js';

export interface PipelineOptions {
  /** Segment length, seconds (2–4 s; segments are aligned across renditions). */
  segmentSeconds: number;
  /** x264 preset: `ultrafast` … `medium`. */
  preset: string;
  signal?: AbortSignal;
}

export type ProgressFn = (stage: string, fraction: number) => void;

/** The source cannot be played: its validation report says why. Not retried. */
export class ValidationFailed extends Error {
  constructor(readonly report: ValidationReport) {
    const failed = report.checks.filter((c) => c.status === 'failed');
    super(`The source cannot be played: ${failed.map((c) => c.message ?? c.name).join('; ')}`);
    this.name = 'ValidationFailed';
  }
}

const CONTAINERS = /^(mov|mp4|m4a|3gp|3g2|mj2|matroska|webm|mxf|mpegts|avi|flv|ogg)/;
const VIDEO_CODECS = new Set([
  'h264',
  'hevc',
  'vp8',
  'vp9',
  'av1',
  'mpeg2video',
  'mpeg4',
  'prores',
  'dnxhd',
  'mjpeg',
  'theora',
  'ffv1',
  'rawvideo',
  'mpeg1video',
  'h263',
  'vc1',
]);

const check = (
  id: string,
  name: string,
  status: ValidationCheck['status'],
  expected: string | null,
  actual: string | null,
  message: string | null = null,
): ValidationCheck => ({ id, name, status, expected, actual, message });

/** Probes a source and judges whether it can become a playable ladder. Never throws. */
export async function validateSource(file: string): Promise<{ probe: ProbeResult | null; report: ValidationReport }> {
  const checks: ValidationCheck[] = [];
  const done = (p: ProbeResult | null) => {
    const status = checks.some((c) => c.status === 'failed')
      ? 'failed'
      : checks.some((c) => c.status === 'warning')
        ? 'warning'
        : 'passed';
    return { probe: p, report: { status, checks, checkedAt: new Date().toISOString() } as ValidationReport };
  };
  let p: ProbeResult;
  try {
    p = await probe(file);
  } catch (error) {
    checks.push(
      check(
        'container',
        'Container',
        'failed',
        'a video file ffmpeg can read (MP4, MOV, MKV, WebM, MXF)',
        'unreadable',
        (error as Error).message,
      ),
    );
    return done(null);
  }
  checks.push(
    CONTAINERS.test(p.container)
      ? check('container', 'Container', 'passed', 'MP4, MOV, MKV, WebM or MXF', p.container)
      : check(
          'container',
          'Container',
          'warning',
          'MP4, MOV, MKV, WebM or MXF',
          p.container,
          'An unusual container; it was read, but re-export as MP4 or MKV if playback looks wrong',
        ),
  );
  const video = p.streams.find((s) => s.type === 'video');
  if (!video) {
    checks.push(check('video_stream', 'Video stream', 'failed', 'one video stream', 'none', 'The file has no video'));
    return done(p);
  }
  checks.push(check('video_stream', 'Video stream', 'passed', 'one video stream', `${video.codec ?? '?'}`));
  checks.push(
    video.codec && VIDEO_CODECS.has(video.codec)
      ? check('video_codec', 'Video codec', 'passed', [...VIDEO_CODECS].slice(0, 6).join(', '), video.codec)
      : check(
          'video_codec',
          'Video codec',
          'failed',
          'H.264, HEVC, VP9, AV1, ProRes, MPEG-2 …',
          video.codec ?? 'unknown',
          `The video codec ${video.codec ?? '(unknown)'} cannot be transcoded`,
        ),
  );
  const duration = p.duration;
  checks.push(
    duration >= 1 && duration <= 6 * 3600
      ? check('duration', 'Duration', 'passed', '1 s – 6 h', `${duration.toFixed(2)} s`)
      : check(
          'duration',
          'Duration',
          'failed',
          '1 s – 6 h',
          `${duration.toFixed(2)} s`,
          duration < 1 ? 'The video is shorter than a second' : 'The video is longer than 6 hours',
        ),
  );
  const w = video.width ?? 0;
  const h = video.height ?? 0;
  checks.push(
    w >= 192 && h >= 144
      ? h < 480
        ? check(
            'resolution',
            'Resolution',
            'warning',
            'at least 854x480',
            `${w}x${h}`,
            'Below SD: only low rungs can be made',
          )
        : check('resolution', 'Resolution', 'passed', 'at least 854x480', `${w}x${h}`)
      : check(
          'resolution',
          'Resolution',
          'failed',
          'at least 192x144',
          `${w}x${h}`,
          'The picture is too small to play',
        ),
  );
  const fps = video.frameRate ?? 0;
  checks.push(
    fps >= 10 && fps <= 120
      ? check('frame_rate', 'Frame rate', 'passed', '10–120 fps', `${fps} fps`)
      : check(
          'frame_rate',
          'Frame rate',
          'warning',
          '10–120 fps',
          fps ? `${fps} fps` : 'unknown',
          'An unusual frame rate: the ladder is made at 24 fps',
        ),
  );
  const audio = p.streams.filter((s) => s.type === 'audio');
  if (audio.length === 0) {
    checks.push(
      check('audio_stream', 'Audio', 'warning', 'one or more audio tracks', 'none', 'No audio: it will play silent'),
    );
  } else {
    checks.push(check('audio_stream', 'Audio', 'passed', 'one or more audio tracks', `${audio.length}`));
    const badChannels = audio.filter((a) => !a.channels || a.channels > 8);
    const surround = audio.filter((a) => (a.channels ?? 0) > 2);
    checks.push(
      badChannels.length
        ? check(
            'audio_channels',
            'Audio channels',
            'failed',
            '1–8 channels',
            audio.map((a) => a.channels ?? 0).join(', '),
            'An audio track has no readable channel layout',
          )
        : surround.length
          ? check(
              'audio_channels',
              'Audio channels',
              'warning',
              'stereo',
              audio.map((a) => a.channels).join(', '),
              'Surround tracks are mixed down to stereo',
            )
          : check(
              'audio_channels',
              'Audio channels',
              'passed',
              '1–8 channels',
              audio.map((a) => a.channels).join(', '),
            ),
    );
    const untagged = audio.filter((a) => bcp47(a.language) === 'und');
    checks.push(
      untagged.length
        ? check(
            'audio_language',
            'Audio languages',
            'warning',
            'a language tag on every track',
            audio.map((a) => a.language ?? '—').join(', '),
            'Tracks without a language tag are labelled "Unknown"',
          )
        : check(
            'audio_language',
            'Audio languages',
            'passed',
            'a language tag on every track',
            audio.map((a) => bcp47(a.language)).join(', '),
          ),
    );
  }
  const subs = p.streams.filter((s) => s.type === 'subtitle');
  const bitmap = subs.filter((s) => s.bitmap);
  checks.push(
    subs.length === 0
      ? check('subtitles', 'Subtitles', 'skipped', 'text subtitles (SRT, ASS, WebVTT)', 'none')
      : bitmap.length
        ? check(
            'subtitles',
            'Subtitles',
            'warning',
            'text subtitles (SRT, ASS, WebVTT)',
            subs.map((s) => s.codec).join(', '),
            'Image-based subtitles cannot become WebVTT and are left out',
          )
        : check(
            'subtitles',
            'Subtitles',
            'passed',
            'text subtitles (SRT, ASS, WebVTT)',
            subs.map((s) => `${bcp47(s.language)} ${s.codec}`).join(', '),
          ),
  );
  if (!checks.some((c) => c.status === 'failed')) {
    // Decode the first seconds: a truncated or corrupt file fails here, not half-way through.
    try {
      await runFfmpeg(['-v', 'error', '-xerror', '-t', '3', '-i', file, '-map', '0:v:0', '-f', 'null', '-']);
      checks.push(check('decode', 'Decodes', 'passed', 'the first seconds decode cleanly', 'ok'));
    } catch (error) {
      checks.push(
        check(
          'decode',
          'Decodes',
          'failed',
          'the first seconds decode cleanly',
          'error',
          error instanceof FfmpegError ? error.stderrTail || error.message : (error as Error).message,
        ),
      );
    }
  }
  return done(p);
}

/** `#EXTINF` durations of a media playlist. */
export function segmentDurations(playlist: string): number[] {
  return [...playlist.matchAll(/^#EXTINF:([\d.]+)/gm)].map((m) => Number(m[1]));
}

const segmentFiles = (playlist: string) => playlist.split('\n').filter((l) => l && !l.startsWith('#'));

/** Peak and average bits per second of a media playlist's segments. */
function measure(dir: string): { peak: number; average: number; count: number; bytes: number } {
  const text = readFileSync(join(dir, 'index.m3u8'), 'utf8');
  const durations = segmentDurations(text);
  const files = segmentFiles(text);
  let bytes = 0;
  let peak = 0;
  let total = 0;
  files.forEach((f, i) => {
    const size = statSync(join(dir, f)).size;
    const d = durations[i] ?? 0;
    bytes += size;
    total += d;
    if (d >= 0.5) peak = Math.max(peak, (size * 8) / d);
  });
  const init = join(dir, 'init.mp4');
  if (existsSync(init)) bytes += statSync(init).size;
  return { peak: Math.round(peak), average: Math.round(total ? (bytes * 8) / total : 0), count: files.length, bytes };
}

/** ffmpeg's output arguments for one fMP4 HLS rendition in `dir` (the admin's track tools reuse them). */
export const hlsArgs = (segmentSeconds: number, dir: string) => [
  '-f',
  'hls',
  '-hls_time',
  String(segmentSeconds),
  '-hls_playlist_type',
  'vod',
  '-hls_segment_type',
  'fmp4',
  '-hls_flags',
  'independent_segments',
  '-hls_fmp4_init_filename',
  'init.mp4',
  '-hls_segment_filename',
  join(dir, 'seg_%05d.m4s'),
  join(dir, 'index.m3u8'),
];

const vttTime = (s: number) => {
  const ms = Math.max(0, Math.round(s * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** The trickplay interval for a source of this length: 2 s up to 3 minutes, then 5 s, then 10 s. */
export const spriteInterval = (duration: number) => (duration <= 180 ? 2 : duration <= 1200 ? 5 : 10);

/**
 * Runs the pipeline on a validated source, writing into `outDir` (replaced when done).
 * Returns what it made; throws FfmpegError (retryable) or ValidationFailed.
 */
export async function packageSource(
  file: string,
  p: ProbeResult,
  outDir: string,
  options: PipelineOptions,
  progress: ProgressFn = () => {},
): Promise<PackagedMedia> {
  const started = performance.now();
  const work = `${outDir}.building`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const video = p.streams.find((s) => s.type === 'video');
  if (!video) throw new ValidationFailed({ status: 'failed', checks: [], checkedAt: new Date().toISOString() });
  const seg = options.segmentSeconds;
  const sourceDuration = p.duration;
  const srcW = video.width ?? 1280;
  const srcH = video.height ?? 720;
  const sourceFps = video.frameRate && video.frameRate >= 10 && video.frameRate <= 120 ? video.frameRate : 24;
  const fps = sourceFps > 60 ? sourceFps / 2 : sourceFps;
  const gop = Math.max(1, Math.round(fps * seg));
  const rungs = chooseRungs(srcH);
  const audioStreams = p.streams.filter((s) => s.type === 'audio');

  // Trickplay tiles come from the same decode: 10×10 sheets of one frame every `interval` s.
  const interval = spriteInterval(sourceDuration);
  const tileWidth = 240;
  const tileHeight = Math.max(2, Math.round((tileWidth * srcH) / srcW / 2) * 2);
  const columns = 10;
  const rows = 10;
  mkdirSync(join(work, 'thumbs'), { recursive: true });

  // 1. Transcode: one decode, every rung, the sprite sheets and every audio track, segmented as fMP4 HLS.
  progress('transcode', 0);
  const split = rungs.map((_, i) => `[s${i}]`).join('');
  const filter = [
    `[0:v:0]fps=${fps},split=${rungs.length + 1}${split}[st]`,
    ...rungs.map((r, i) => `[s${i}]scale=${widthFor(r.height, srcW, srcH)}:${r.height},setsar=1[v${i}]`),
    `[st]fps=1/${interval}:round=down,scale=${tileWidth}:${tileHeight},setsar=1,tile=${columns}x${rows}[thumbs]`,
  ].join(';');
  const args: string[] = ['-i', file, '-filter_complex', filter];
  args.push('-map', '[thumbs]', '-an', '-sn', '-q:v', '5', '-f', 'image2', join(work, 'thumbs', 'sprite_%03d.jpg'));
  rungs.forEach((r, i) => {
    const dir = join(work, 'v', r.label);
    mkdirSync(dir, { recursive: true });
    args.push(
      '-map',
      `[v${i}]`,
      '-an',
      '-sn',
      '-c:v',
      'libx264',
      '-preset',
      options.preset,
      '-profile:v',
      'high',
      '-level:v',
      r.level,
      '-pix_fmt',
      'yuv420p',
      '-b:v',
      String(r.bitrate),
      '-maxrate',
      String(Math.round(r.bitrate * 1.1)),
      '-bufsize',
      String(r.bitrate * 2),
      '-g',
      String(gop),
      '-keyint_min',
      String(gop),
      '-sc_threshold',
      '0',
      '-force_key_frames',
      `expr:gte(t,n_forced*${seg})`,
      ...hlsArgs(seg, dir),
    );
  });
  const usedAudio = new Map<string, number>();
  const audioPaths = audioStreams.map((a) => {
    const language = bcp47(a.language);
    const n = usedAudio.get(language) ?? 0;
    usedAudio.set(language, n + 1);
    return `a/${n ? `${language}-${n + 1}` : language}`;
  });
  audioStreams.forEach((a, i) => {
    const dir = join(work, audioPaths[i] as string);
    mkdirSync(dir, { recursive: true });
    args.push(
      '-map',
      `0:a:${a.typeIndex}`,
      '-vn',
      '-sn',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ac',
      '2',
      '-ar',
      '48000',
      '-t',
      String(sourceDuration),
      ...hlsArgs(seg, dir),
    );
  });
  const t0 = performance.now();
  await runFfmpeg(args, {
    signal: options.signal,
    onProgress: (s) => progress('transcode', Math.min(1, s / Math.max(sourceDuration, 0.001))),
  });
  const transcodeSeconds = (performance.now() - t0) / 1000;
  // The media's length is what the video segments add up to (a container's duration may run a
  // few milliseconds past the last frame).
  const topPlaylist = readFileSync(join(work, 'v', (rungs[0] as (typeof rungs)[number]).label, 'index.m3u8'), 'utf8');
  const measured = segmentDurations(topPlaylist).reduce((a, b) => a + b, 0);
  const duration = measured > 0 ? Math.round(measured * 1000) / 1000 : sourceDuration;

  // 2. Subtitles: every text track to one WebVTT file and a one-segment playlist.
  progress('subtitles', 0);
  const textSubs = p.streams.filter((s) => s.type === 'subtitle' && !s.bitmap);
  const subtitles: PackagedSubtitle[] = [];
  if (textSubs.length) {
    const subArgs: string[] = ['-i', file];
    const usedSub = new Map<string, number>();
    for (const s of textSubs) {
      const language = bcp47(s.language);
      const n = usedSub.get(language) ?? 0;
      usedSub.set(language, n + 1);
      const path = `s/${n ? `${language}-${n + 1}` : language}`;
      mkdirSync(join(work, path), { recursive: true });
      subArgs.push('-map', `0:s:${s.typeIndex}`, '-c:s', 'webvtt', '-f', 'webvtt', join(work, path, 'subtitles.vtt'));
      const title = s.title ?? '';
      const captions = /\b(sdh|cc|captions?)\b/i.test(title);
      const name = `${endonym(language)}${s.isForced ? ' (forced)' : captions ? ' (CC)' : ''}${n ? ` ${n + 1}` : ''}`;
      subtitles.push({
        path,
        id: name,
        language,
        name,
        kind: captions ? 'captions' : 'subtitles',
        forced: s.isForced,
        isDefault: s.isDefault,
        file: `${path}/subtitles.vtt`,
      });
    }
    await runFfmpeg(subArgs, { signal: options.signal });
    const target = Math.max(1, Math.ceil(duration));
    for (const s of subtitles) {
      writeFileSync(
        join(work, s.path, 'index.m3u8'),
        [
          '#EXTM3U',
          '#EXT-X-VERSION:7',
          `#EXT-X-TARGETDURATION:${target}`,
          '#EXT-X-MEDIA-SEQUENCE:0',
          '#EXT-X-PLAYLIST-TYPE:VOD',
          `#EXTINF:${duration.toFixed(3)},`,
          'subtitles.vtt',
          '#EXT-X-ENDLIST',
          '',
        ].join('\n'),
      );
    }
  }

  // 3. The WebVTT thumbnails track for the sheets made during the transcode.
  progress('sprites', 0);
  const images = readdirSync(join(work, 'thumbs'))
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => `thumbs/${f}`);
  const perSheet = columns * rows;
  const count = Math.min(Math.ceil(duration / interval - 0.01), images.length * perSheet);
  const cues = ['WEBVTT', ''];
  for (let i = 0; i < count; i++) {
    const sheet = images[Math.floor(i / perSheet)] as string;
    const n = i % perSheet;
    const x = (n % columns) * tileWidth;
    const y = Math.floor(n / columns) * tileHeight;
    cues.push(
      `${vttTime(i * interval)} --> ${vttTime(Math.min(duration, (i + 1) * interval))}`,
      `${sheet.slice('thumbs/'.length)}#xywh=${x},${y},${tileWidth},${tileHeight}`,
      '',
    );
  }
  writeFileSync(join(work, 'thumbs', 'thumbnails.vtt'), cues.join('\n'));
  const sprite: PackagedSprite | null = images.length
    ? { interval, tileWidth, tileHeight, columns, rows, count, images, vtt: 'thumbs/thumbnails.vtt' }
    : null;

  // 4. Chapters (from the source) and the poster frame.
  progress('poster', 0);
  let chapters: string | null = null;
  if (p.chapters.length) {
    const lines = ['WEBVTT', ''];
    p.chapters.forEach((c, i) => {
      lines.push(`chapter-${i + 1}`, `${vttTime(c.start)} --> ${vttTime(Math.min(c.end, duration))}`, c.title, '');
    });
    writeFileSync(join(work, 'chapters.vtt'), lines.join('\n'));
    chapters = 'chapters.vtt';
  }
  const posterAt = Math.min(Math.max(0, duration - 0.5), duration * 0.3);
  await runFfmpeg(
    [
      '-ss',
      posterAt.toFixed(2),
      '-i',
      file,
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-vf',
      `scale=-2:${Math.min(720, srcH)}`,
      '-q:v',
      '3',
      join(work, 'poster.jpg'),
    ],
    { signal: options.signal },
  );

  // 5. Measure the renditions and write the multivariant playlist.
  const audio: PackagedAudio[] = audioStreams.map((a, i) => {
    const path = audioPaths[i] as string;
    const language = bcp47(a.language);
    const m = measure(join(work, path));
    const name = audioName(a.title, language, audioStreams, i);
    return {
      path,
      id: name,
      language,
      name,
      channels: Math.min(2, a.channels ?? 2),
      isDefault: false,
      codecs: AAC_LC,
      bandwidth: m.peak,
    };
  });
  const defaultAudio = audioStreams.findIndex((a) => a.isDefault);
  if (audio.length) (audio[Math.max(0, defaultAudio)] as PackagedAudio).isDefault = true;
  const audioPeak = Math.max(0, ...audio.map((a) => a.bandwidth));
  const packagedRungs: PackagedRung[] = rungs
    .map((r) => {
      const dir = join(work, 'v', r.label);
      const m = measure(dir);
      const init = readFileSync(join(dir, 'init.mp4'));
      const videoCodec = avcCodecsFromInit(init) ?? avcCodecs(r.level);
      return {
        path: `v/${r.label}`,
        label: r.label,
        width: widthFor(r.height, srcW, srcH),
        height: r.height,
        bandwidth: m.peak + audioPeak,
        averageBandwidth: m.average + (audio.length ? Math.round(audioPeak * 0.9) : 0),
        videoBitrate: m.average,
        codecs: audio.length ? `${videoCodec},${AAC_LC}` : videoCodec,
        frameRate: Math.round(fps * 1000) / 1000,
        segmentCount: m.count,
        sizeBytes: m.bytes,
      };
    })
    .sort((a, b) => a.bandwidth - b.bandwidth);
  writeFileSync(join(work, 'master.m3u8'), masterPlaylist(packagedRungs, audio, subtitles));

  const output: PackagedMedia = {
    version: 1,
    source: basename(file),
    duration,
    segmentSeconds: seg,
    master: 'master.m3u8',
    rungs: packagedRungs,
    audio,
    subtitles,
    sprite,
    chapters,
    poster: 'poster.jpg',
    timings: {
      transcodeSeconds: Math.round(transcodeSeconds * 1000) / 1000,
      totalSeconds: Math.round((performance.now() - started) / 10) / 100,
    },
  };
  writeFileSync(join(work, 'output.json'), JSON.stringify(output, null, 2));
  // Swap in the finished directory.
  mkdirSync(dirname(outDir), { recursive: true });
  const old = `${outDir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(work, outDir);
  rmSync(old, { recursive: true, force: true });
  progress('done', 1);
  return output;
}

function audioName(title: string | null, language: string, all: ProbeResult['streams'], index: number): string {
  const sameLanguage = all.filter((a) => bcp47(a.language) === language);
  const base = endonym(language);
  if (sameLanguage.length <= 1) return base;
  const position = sameLanguage.indexOf(all[index] as (typeof all)[number]);
  return title && title !== base ? `${base} (${title})` : `${base} ${position + 1}`;
}

const attr = (value: string) => `"${value.replace(/"/g, "'")}"`;

/** The multivariant playlist: audio and subtitle renditions, then the ladder (lowest first). */
export function masterPlaylist(rungs: PackagedRung[], audio: PackagedAudio[], subtitles: PackagedSubtitle[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS', ''];
  for (const a of audio) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE=${attr(a.language)},NAME=${attr(a.name)},DEFAULT=${a.isDefault ? 'YES' : 'NO'},AUTOSELECT=YES,CHANNELS="${a.channels}",URI=${attr(`${a.path}/index.m3u8`)}`,
    );
  }
  for (const s of subtitles) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE=${attr(s.language)},NAME=${attr(s.name)},DEFAULT=${s.isDefault ? 'YES' : 'NO'},AUTOSELECT=YES,FORCED=${s.forced ? 'YES' : 'NO'}${s.kind === 'captions' ? ',CHARACTERISTICS="public.accessibility.describes-spoken-dialog,public.accessibility.describes-music-and-sound"' : ''},URI=${attr(`${s.path}/index.m3u8`)}`,
    );
  }
  if (audio.length || subtitles.length) lines.push('');
  for (const r of rungs) {
    const groups = `${audio.length ? ',AUDIO="audio"' : ''}${subtitles.length ? ',SUBTITLES="subs"' : ''}`;
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},AVERAGE-BANDWIDTH=${r.averageBandwidth},CODECS=${attr(r.codecs)},RESOLUTION=${r.width}x${r.height},FRAME-RATE=${r.frameRate.toFixed(3)}${groups},CLOSED-CAPTIONS=NONE`,
      `${r.path}/index.m3u8`,
    );
  }
  return `${lines.join('\n')}\n`;
}
