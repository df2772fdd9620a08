// Registers <reel-history> (and the UI primitives it renders) and its translations. The only
// module of the package with side effects.
import { defineElement } from '@reel/core';
import {
  ReelButton,
  ReelEmptyState,
  ReelIcon,
  ReelIconButton,
  ReelMenu,
  ReelMenuItem,
  ReelProgressBar,
  ReelSelect,
  ReelToast,
  ReelToastRegion,
} from '@reel/ui';
import { ReelHistory } from './reel-history.js';
import { registerHistoryTranslations } from './translations.js';

registerHistoryTranslations();

defineElement('reel-button', ReelButton);
defineElement('reel-empty-state', ReelEmptyState);
defineElement('reel-icon', ReelIcon);
defineElement('reel-icon-button', ReelIconButton);
defineElement('reel-menu', ReelMenu);
defineElement('reel-menu-item', ReelMenuItem);
defineElement('reel-progress-bar', ReelProgressBar);
defineElement('reel-select', ReelSelect);
defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-history', ReelHistory);
