// The profile elements, with no side effects: importing this registers nothing.
// `@reel/profiles/define` registers every tag (and the package's translations).
import { createLifecycles } from '@reel/core';

export { ReelProfileGate } from './reel-profile-gate.js';
export { limitText, ReelProfileManager } from './reel-profile-manager.js';

/** single-spa lifecycles for the shell's routes (`/profiles`, `/account/profiles`). */
export const lifecycles = {
  gate: createLifecycles('reel-profile-gate'),
  manager: createLifecycles('reel-profile-manager'),
} as const;
