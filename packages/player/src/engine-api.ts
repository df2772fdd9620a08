// The playback engine's API as this element uses it (implemented in ./engine/index.ts, loaded with
// a dynamic import when playback starts). Types only: nothing here reaches the initial chunk.
import type { EnhancedSession } from '@reel/contracts';
import type { EngineLevel, EngineOptions, EngineStats, EngineTrack } from './engine/index.js';

export type { EngineError, EngineLevel, EngineOptions, EngineStats, EngineTrack } from './engine/index.js';

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
