// Registers <reel-rail> (and the toasts its cards report through) and the translations of what it
// renders. The only module of the package with side effects.
import { defineElement } from '@reel/core';
import { ReelToast, ReelToastRegion } from '@reel/ui';
import { ReelRail } from './reel-rail.js';
import { registerRailTranslations } from './translations.js';
import { warmUp } from './warm-up.js';

registerRailTranslations();

defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-rail', ReelRail);
warmUp([ReelRail]);
