// ffmpeg and ffprobe from the system, spawned directly (no wrapper library): arguments as arrays,
// progress from `-progress pipe:1`, the tail of stderr kept for the error report.
import { spawn, spawnSync } from 'node:child_process';
import { setPriority } from 'node:os';
import type { ProbedStream, ProbeResult } from './types.js';

export const FFMPEG = process.env.REEL_FFMPEG ?? 'ffmpeg';
export const FFPROBE = process.env.REEL_FFPROBE ?? 'ffprobe';

/** ffmpeg failed: its exit code and the last lines it wrote, which say why. */
export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

let available: boolean | null = null;
/** Whether ffmpeg and ffprobe can be run (checked once). */
export function ffmpegAvailable(): boolean {
  if (available === null) {
    const ok = (bin: string) => spawnSync(bin, ['-version'], { stdio: 'ignore' }).status === 0;
    available = ok(FFMPEG) && ok(FFPROBE);
  }
  return available;
}

/** Lines of ffmpeg's stderr that explain a failure (drops the progress chatter). */
function tailOf(stderr: string, lines = 12): string {
  return stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('frame=') && !l.startsWith('size='))
    .slice(-lines)
    .join('\n');
}

export interface RunOptions {
  /** Called with the media time reached (seconds), from `-progress`. */
  onProgress?: (seconds: number) => void;
  signal?: AbortSignal;
  /** Lower the process's CPU priority so the API stays responsive (default 10). */
  nice?: number;
  cwd?: string;
}

/**
 * Runs ffmpeg with `args` (`-hide_banner -nostdin -y -progress pipe:1` are added). Resolves when it
 * exits 0; rejects with an FfmpegError carrying the tail of stderr otherwise.
 */
export function runFfmpeg(args: string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      FFMPEG,
      ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, signal: options.signal },
    );
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, options.nice ?? 10);
      } catch {
        // Not permitted here: run at normal priority.
      }
    }
    let stderr = '';
    let pending = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_000);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (m && options.onProgress) options.onProgress(Number(m[1]) / 1e6);
      }
    });
    child.on('error', (error) => {
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new FfmpegError(`${FFMPEG} is not installed (install ffmpeg)`, null, '')
          : error,
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const tail = tailOf(stderr);
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new FfmpegError(`ffmpeg failed (${why})${tail ? `: ${tail}` : ''}`, code, tail));
    });
  });
}

/** Runs ffprobe and parses its JSON. */
function ffprobeJson(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFPROBE, ['-v', 'error', '-of', 'json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err = (err + c).slice(-8000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new FfmpegError(`ffprobe could not read the file: ${tailOf(err, 4)}`, code, err));
      try {
        resolve(JSON.parse(out) as Record<string, unknown>);
      } catch {
        reject(new FfmpegError('ffprobe answered something other than JSON', code, err));
      }
    });
  });
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** `30000/1001` → 29.97. */
function rate(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const [a, b] = v.split('/').map(Number);
  if (!a || !b) return undefined;
  return Math.round((a / b) * 1000) / 1000;
}

const BITMAP_SUBTITLES = new Set(['hdmv_pgs_subtitle', 'dvd_subtitle', 'dvb_subtitle', 'xsub']);

/** Container, duration, streams (with language and title tags) and chapters of a media file. */
export async function probe(file: string): Promise<ProbeResult> {
  const json = await ffprobeJson(['-show_format', '-show_streams', '-show_chapters', file]);
  const format = (json.format ?? {}) as Record<string, unknown>;
  const counters: Record<string, number> = {};
  const streams: ProbedStream[] = ((json.streams ?? []) as Record<string, unknown>[]).map((s) => {
    const rawType = String(s.codec_type ?? 'unknown');
    const type = (
      ['video', 'audio', 'subtitle', 'data', 'attachment'].includes(rawType) ? rawType : 'unknown'
    ) as ProbedStream['type'];
    const tags = (s.tags ?? {}) as Record<string, string>;
    const disposition = (s.disposition ?? {}) as Record<string, number>;
    const typeIndex = counters[type] ?? 0;
    counters[type] = typeIndex + 1;
    const codec = typeof s.codec_name === 'string' ? s.codec_name : null;
    const out: ProbedStream = {
      index: Number(s.index ?? 0),
      type,
      codec,
      typeIndex,
      language: tags.language ?? tags.LANGUAGE ?? null,
      title: tags.title ?? tags.TITLE ?? null,
      isDefault: disposition.default === 1,
      isForced: disposition.forced === 1,
    };
    if (type === 'video') {
      out.width = num(s.width);
      out.height = num(s.height);
      out.frameRate = rate(s.avg_frame_rate) ?? rate(s.r_frame_rate);
      out.pixelFormat = typeof s.pix_fmt === 'string' ? s.pix_fmt : null;
      // Cover art in an MP4/MKV is a "video" stream with one picture.
      if (disposition.attached_pic === 1) out.type = 'attachment';
    } else if (type === 'audio') {
      out.channels = num(s.channels);
      out.sampleRate = num(s.sample_rate);
    } else if (type === 'subtitle') {
      out.bitmap = codec !== null && BITMAP_SUBTITLES.has(codec);
    }
    return out;
  });
  const chapters = ((json.chapters ?? []) as Record<string, unknown>[]).map((c, i) => ({
    start: num(c.start_time) ?? 0,
    end: num(c.end_time) ?? 0,
    title: ((c.tags ?? {}) as Record<string, string>).title ?? `Chapter ${i + 1}`,
  }));
  return {
    container: String(format.format_name ?? 'unknown'),
    duration: num(format.duration) ?? 0,
    sizeBytes: num(format.size) ?? 0,
    bitRate: num(format.bit_rate) ?? null,
    streams,
    chapters,
  };
}
