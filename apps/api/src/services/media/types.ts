// The media pipeline's reports, as stored in `media_assets` (probe, validation, output).
import type { PlayerQuality } from '@reel/contracts';

/** One stream of a probed source. */
export interface ProbedStream {
  index: number;
  type: 'video' | 'audio' | 'subtitle' | 'data' | 'attachment' | 'unknown';
  codec: string | null;
  /** Per type: 0, 1, 2 … among streams of the same type (ffmpeg's `0:a:1`). */
  typeIndex: number;
  language: string | null;
  title: string | null;
  isDefault: boolean;
  isForced: boolean;
  width?: number;
  height?: number;
  frameRate?: number;
  pixelFormat?: string | null;
  channels?: number;
  sampleRate?: number;
  /** Image-based subtitles (PGS, DVD) cannot become WebVTT. */
  bitmap?: boolean;
}

export interface ProbeResult {
  container: string;
  duration: number;
  sizeBytes: number;
  bitRate: number | null;
  streams: ProbedStream[];
  chapters: { start: number; end: number; title: string }[];
}

export type CheckStatus = 'passed' | 'warning' | 'failed' | 'skipped';

export interface ValidationCheck {
  id: string;
  name: string;
  status: CheckStatus;
  expected: string | null;
  actual: string | null;
  message: string | null;
}

export interface ValidationReport {
  status: 'passed' | 'warning' | 'failed';
  checks: ValidationCheck[];
  checkedAt: string;
}

/** A packaged rung of the ladder. */
export interface PackagedRung {
  /** Directory under the asset's output: `v/720p`. */
  path: string;
  label: PlayerQuality;
  width: number;
  height: number;
  /** Peak and average bits per second of video + the default audio, measured from the segments. */
  bandwidth: number;
  averageBandwidth: number;
  videoBitrate: number;
  codecs: string;
  frameRate: number;
  segmentCount: number;
  sizeBytes: number;
}

export interface PackagedAudio {
  path: string;
  /** The rendition's NAME (what hls.js reports). */
  id: string;
  language: string;
  name: string;
  channels: number;
  isDefault: boolean;
  codecs: string;
  bandwidth: number;
}

export interface PackagedSubtitle {
  path: string;
  id: string;
  language: string;
  name: string;
  kind: 'subtitles' | 'captions';
  forced: boolean;
  isDefault: boolean;
  /** The WebVTT file, relative to the asset's output. */
  file: string;
}

export interface PackagedSprite {
  interval: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  count: number;
  images: string[];
  vtt: string;
}

/** What the pipeline made: everything is relative to `/media/<asset_id>/`. */
export interface PackagedMedia {
  version: 1;
  /** The source file's name (demo output is reused when it matches). */
  source: string;
  duration: number;
  segmentSeconds: number;
  master: string;
  rungs: PackagedRung[];
  audio: PackagedAudio[];
  subtitles: PackagedSubtitle[];
  sprite: PackagedSprite | null;
  chapters: string | null;
  poster: string | null;
  /** Encoding wall time and media seconds, for the transcode-speed figures. */
  timings: { transcodeSeconds: number; totalSeconds: number };
}
