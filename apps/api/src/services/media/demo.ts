// The demo media: a handful of distinct sources made locally with ffmpeg's test sources (no
// downloads), each a Matroska file like an upload would be — H.264 video with the title, the
// running timecode and the current part burnt in, a tone per audio language, SRT subtitles in two
// languages and chapters — so the demo goes through the same pipeline as an upload.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkerKind } from '@reel/contracts';
import { FFMPEG, runFfmpeg } from './ffmpeg.js';

export interface DemoSource {
  key: string;
  name: string;
  /** An ffmpeg source filter (and filters after it), without size, rate or duration. */
  pattern: (width: number, height: number, fps: number) => string;
  audio: { language: string; iso639: string; title: string; frequency: number }[];
}

export interface DemoSet {
  /** `full` for the site, `tiny` for tests (a few seconds at 640x360). */
  size: 'full' | 'tiny';
  width: number;
  height: number;
  fps: number;
  duration: number;
  sources: DemoSource[];
}

const EN = { language: 'en', iso639: 'eng', title: 'English' };
const ES = { language: 'es', iso639: 'spa', title: 'Español' };

const SOURCES: DemoSource[] = [
  {
    key: 'demo-1',
    name: 'Test Card',
    pattern: (w, h, fps) => `testsrc2=s=${w}x${h}:r=${fps}`,
    audio: [
      { ...EN, frequency: 440 },
      { ...ES, frequency: 587 },
    ],
  },
  {
    key: 'demo-2',
    name: 'Colour Bars',
    pattern: (w, h, fps) => `smptehdbars=s=${w}x${h}:r=${fps}`,
    audio: [
      { ...EN, frequency: 392 },
      { ...ES, frequency: 523 },
    ],
  },
  {
    key: 'demo-3',
    name: 'Game of Life',
    pattern: (w, h, fps) =>
      `life=s=${Math.round(w / 4)}x${Math.round(h / 4)}:r=${fps}:mold=10:ratio=0.1:seed=7:death_color=#102040:life_color=#f0b030,format=yuv420p,scale=${w}:${h}:flags=neighbor`,
    audio: [
      { ...EN, frequency: 330 },
      { ...ES, frequency: 494 },
    ],
  },
  {
    key: 'demo-4',
    name: 'Gradients',
    pattern: (w, h, fps) =>
      `gradients=s=${Math.round(w / 4)}x${Math.round(h / 4)}:r=${fps}:speed=0.015:n=4:seed=11,format=yuv420p,scale=${w}:${h}:flags=fast_bilinear`,
    audio: [
      { ...EN, frequency: 262 },
      { ...ES, frequency: 349 },
    ],
  },
];

/** The demo set: four one-minute 720p sources, or two 6-second 640x360 ones for tests. */
export function demoSet(size: 'full' | 'tiny'): DemoSet {
  return size === 'full'
    ? { size, width: 1280, height: 720, fps: 24, duration: 60, sources: SOURCES }
    : { size, width: 640, height: 360, fps: 24, duration: 6, sources: SOURCES.slice(0, 2) };
}

/** The parts of a demo episode, as fractions of its length: they become markers and chapters. */
const PARTS: { kind: MarkerKind | 'part'; label: string; from: number; to: number }[] = [
  { kind: 'recap', label: 'Previously', from: 0, to: 0.08 },
  { kind: 'intro', label: 'Opening titles', from: 0.08, to: 0.22 },
  { kind: 'part', label: 'Part one', from: 0.22, to: 0.55 },
  { kind: 'part', label: 'Part two', from: 0.55, to: 0.85 },
  { kind: 'credits', label: 'End credits', from: 0.85, to: 0.96 },
  { kind: 'preview', label: 'Next time', from: 0.96, to: 1 },
];

const at = (duration: number, fraction: number) => Math.round(duration * fraction * 10) / 10;

/** The intro, recap, credits and preview markers of a demo source of this length. */
export function demoMarkers(duration: number): { kind: MarkerKind; start: number; end: number }[] {
  return PARTS.filter((p) => p.kind !== 'part').map((p) => ({
    kind: p.kind as MarkerKind,
    start: at(duration, p.from),
    end: at(duration, p.to),
  }));
}

const srtTime = (s: number) => {
  const ms = Math.round(s * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
};

/** Subtitles: a numbered line every few seconds, naming the part on screen. */
function subtitles(source: DemoSource, duration: number, language: 'en' | 'es'): string {
  const step = duration >= 30 ? 4 : 1.5;
  const cues: string[] = [];
  let n = 1;
  for (let t = 0.5; t + 1 <= duration; t += step) {
    const part = PARTS.find((p) => t / duration >= p.from && t / duration < p.to) ?? PARTS[0];
    const text =
      language === 'en'
        ? `[${source.name}] Line ${n}: ${part?.label ?? ''}`
        : `[${source.name}] Línea ${n}: ${spanishPart(part?.label ?? '')}`;
    cues.push(`${n}\n${srtTime(t)} --> ${srtTime(Math.min(duration, t + step - 0.5))}\n${text}\n`);
    n++;
  }
  return cues.join('\n');
}

function spanishPart(label: string): string {
  return (
    {
      Previously: 'Anteriormente',
      'Opening titles': 'Cabecera',
      'Part one': 'Primera parte',
      'Part two': 'Segunda parte',
      'End credits': 'Créditos finales',
      'Next time': 'Próximamente',
    }[label] ?? label
  );
}

function chaptersMetadata(source: DemoSource, duration: number): string {
  const lines = [';FFMETADATA1', `title=Reel demo: ${source.name}`, ''];
  for (const p of PARTS) {
    lines.push(
      '[CHAPTER]',
      'TIMEBASE=1/1000',
      `START=${Math.round(duration * p.from * 1000)}`,
      `END=${Math.round(duration * p.to * 1000)}`,
      `title=${p.label}`,
      '',
    );
  }
  return lines.join('\n');
}

let fontFile: string | null | undefined;
/** A TrueType font for drawtext (DejaVu / Liberation, or what fontconfig offers); null without one. */
export function demoFont(): string | null {
  if (fontFile !== undefined) return fontFile;
  const candidates = [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  ];
  fontFile = candidates.find((f) => existsSync(f)) ?? null;
  if (!fontFile) {
    const r = spawnSync('fc-match', ['-f', '%{file}', 'sans:bold'], { encoding: 'utf8' });
    fontFile = r.status === 0 && r.stdout.trim() && existsSync(r.stdout.trim()) ? r.stdout.trim() : null;
  }
  return fontFile;
}

let drawtext: boolean | undefined;
function hasDrawtext(): boolean {
  if (drawtext === undefined) {
    const r = spawnSync(FFMPEG, ['-hide_banner', '-filters'], { encoding: 'utf8' });
    drawtext = r.status === 0 && /\sdrawtext\s/.test(r.stdout);
  }
  return drawtext;
}

/**
 * The video filter graph: the pattern with the demo's name, the running timecode and the current
 * part (Recap, Opening titles …) drawn on it. Without drawtext or a font, the pattern alone
 * (testsrc2 and the others move, so playback is still visible).
 */
function videoGraph(source: DemoSource, set: DemoSet): string {
  const { width: w, height: h, fps, duration } = set;
  const base = `${source.pattern(w, h, fps)},trim=duration=${duration},format=yuv420p`;
  const font = demoFont();
  if (!font || !hasDrawtext()) return `${base}[v]`;
  const size = Math.round(h / 16);
  const box = 'box=1:boxcolor=black@0.62:boxborderw=12:fontcolor=white';
  const text = (value: string, extra: string) => `drawtext=fontfile=${font}:${box}:text='${value}':${extra}`;
  const filters = [
    text(`REEL DEMO  ${source.name.toUpperCase()}`, `fontsize=${Math.round(size * 0.7)}:x=${size}:y=${size}`),
    text('%{pts\\:hms}', `fontsize=${size}:x=${size}:y=h-th-${size}`),
    ...PARTS.map((p) =>
      text(
        p.label,
        `fontsize=${Math.round(size * 0.7)}:x=w-tw-${size}:y=${size}:enable='between(t,${at(duration, p.from)},${at(duration, p.to)})'`,
      ),
    ),
  ];
  return `${base},${filters.join(',')}[v]`;
}

/**
 * Writes one demo source to `file` (Matroska: H.264, one AAC track per language with its tag,
 * SRT subtitles in English and Spanish, chapters). `onProgress` gets 0–1.
 */
export async function generateDemoSource(
  source: DemoSource,
  set: DemoSet,
  file: string,
  onProgress: (fraction: number) => void = () => {},
): Promise<void> {
  const work = `${file}.parts`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { duration } = set;
  writeFileSync(join(work, 'en.srt'), subtitles(source, duration, 'en'));
  writeFileSync(join(work, 'es.srt'), subtitles(source, duration, 'es'));
  writeFileSync(join(work, 'chapters.txt'), chaptersMetadata(source, duration));
  const graph = [
    videoGraph(source, set),
    ...source.audio.map(
      (a, i) => `sine=frequency=${a.frequency}:beep_factor=2:sample_rate=48000:duration=${duration},volume=0.3[a${i}]`,
    ),
  ].join(';\n');
  writeFileSync(join(work, 'graph.txt'), graph);
  const subs = ['en', 'es'];
  const args = [
    '-filter_complex_script',
    join(work, 'graph.txt'),
    ...subs.flatMap((l) => ['-i', join(work, `${l}.srt`)]),
    '-i',
    join(work, 'chapters.txt'),
    '-map',
    '[v]',
    ...source.audio.flatMap((_, i) => ['-map', `[a${i}]`]),
    ...subs.flatMap((_, i) => ['-map', `${i}:s`]),
    '-map_metadata',
    String(subs.length),
    '-map_chapters',
    String(subs.length),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '23',
    '-g',
    String(set.fps * 2),
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ac',
    '2',
    '-c:s',
    'srt',
    ...source.audio.flatMap((a, i) => [
      `-metadata:s:a:${i}`,
      `language=${a.iso639}`,
      `-metadata:s:a:${i}`,
      `title=${a.title}`,
    ]),
    '-metadata:s:s:0',
    'language=eng',
    '-metadata:s:s:0',
    'title=English',
    '-metadata:s:s:1',
    'language=spa',
    '-metadata:s:s:1',
    'title=Español',
    '-disposition:a:0',
    'default',
    '-disposition:a:1',
    '0',
    '-disposition:s:0',
    '0',
    '-disposition:s:1',
    '0',
    '-t',
    String(duration),
    '-f',
    'matroska',
    `${file}.tmp`,
  ];
  await runFfmpeg(args, { onProgress: (s) => onProgress(Math.min(1, s / duration)) });
  renameSync(`${file}.tmp`, file);
  rmSync(work, { recursive: true, force: true });
}
