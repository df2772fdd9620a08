// The player element and its helpers, with no side effects: `@reel/player/define` registers it.
export type { Engine, EngineError, EngineLevel, EngineOptions, EngineStats, EngineTrack } from './engine-api.js';
export { clock, words } from './format.js';
export { ReelPlayer } from './reel-player.js';
export { registerPlayerTranslations } from './translations.js';
