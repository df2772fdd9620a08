// Registers <reel-player> and its translations. The only module of the package with side effects.
// Its static import graph stays tiny (Lit, the element's shell): the controls, the engine, hls.js,
// zod and the API client load on demand (see reel-player.ts), to keep it under 14 KB min+gzip.
import { ReelPlayer } from './reel-player.js';
import { registerPlayerTranslations } from './translations.js';

registerPlayerTranslations();
if (!customElements.get('reel-player')) customElements.define('reel-player', ReelPlayer);
