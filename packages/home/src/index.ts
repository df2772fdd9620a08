// The home element, with no side effects: `@reel/home/define` registers it.
export { type HomeData, ReelHome } from './reel-home.js';
