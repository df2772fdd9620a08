// The playback engine's API as this element uses it (implemented in ./engine/index.ts, loaded with
// a dynamic import when playback starts). Types only: nothing here reaches the initial chunk.
import type { EnhancedSession } from '@reel/contracts';

export interface EngineOptions {
  video: HTMLVideoElement;
  apiBase: string;
  getAccessToken?: () => Promise<string | null>;
  playbackToken?: string;
  titleId: string;
  episodeId?: string;
  startTime?: number;
}
export interface EngineLevel {
  index: number;
  height: number;
  bitrate: number;
  label: string;
}
export interface EngineTrack {
  id: number;
  language: string;
  name: string;
  default: boolean;
}
export interface EngineError {
  fatal: boolean;
  code: string;
  message: string;
  recoverable: boolean;
}
export interface EngineStats {
  sessionId: string;
  bitrate: number;
  resolution: string;
  bufferLength: number;
  droppedFrames: number;
  bandwidthEstimate: number;
  level: number;
  errors: string[];
}
export interface Engine extends EventTarget {
  readonly session: EnhancedSession;
  readonly levels: EngineLevel[];
  readonly currentLevel: number;
  readonly autoLevel: boolean;
  setLevel(index: number): void;
  readonly audioTracks: EngineTrack[];
  readonly audioTrack: number;
  setAudioTrack(id: number): void;
  readonly subtitleTracks: EngineTrack[];
  readonly subtitleTrack: number;
  setSubtitleTrack(id: number): void;
  stats(): EngineStats;
  retry(): void;
  playbackToken: string;
  reportIssue(category: string, text: string): Promise<void>;
  analytics(): Promise<unknown>;
  destroy(): Promise<void>;
}
export interface EngineModule {
  PlaybackEngine: { create(options: EngineOptions): Promise<Engine> };
}
