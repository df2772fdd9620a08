// The home element and its single-spa lifecycles, with no side effects: `@reel/home/define`
// registers the element (the lifecycles load it on first mount).
import { createLifecycles } from '@reel/core';

export { type HomeData, ReelHome } from './reel-home.js';

/** single-spa lifecycles: the shell mounts `<reel-home>` at `/`. */
export const lifecycles = createLifecycles('reel-home', { load: () => import('./define.js') });
