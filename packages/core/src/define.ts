import { ContextRoot } from '@lit/context';
import { defineElement } from './define-element.js';
import { ReelAuthProvider } from './reel-auth-provider.js';

// One ContextRoot per page, whichever bundle loads first: it holds context requests made before
// a provider upgraded and replays them when it does (late-upgrading providers).
const ROOT = Symbol.for('reel.contextRoot');
const page = globalThis as unknown as Record<symbol, boolean | undefined>;
if (!page[ROOT] && typeof document !== 'undefined') {
  page[ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}

defineElement('reel-auth-provider', ReelAuthProvider);
