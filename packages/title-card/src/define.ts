// Registers <reel-title-card> (and the toasts it reports through) and the package's translations.
// The only module of the package with side effects.
import { defineElement } from '@reel/core';
import { ReelToast, ReelToastRegion } from '@reel/ui';
import { ReelTitleCard } from './reel-title-card.js';
import { registerCardTranslations } from './translations.js';

registerCardTranslations();

defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-title-card', ReelTitleCard);
