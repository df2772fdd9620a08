// Registers <reel-watchlist> and <reel-watchlist-button>, the UI primitives they draw, and the
// translations of what they render. The only module of the package with side effects.
import { defineElement } from '@reel/core';
import { registerCardTranslations } from '@reel/title-card';
import {
  ReelButton,
  ReelCheckbox,
  ReelConfirmDialog,
  ReelDialog,
  ReelIcon,
  ReelIconButton,
  ReelSelect,
  ReelTextField,
  ReelToast,
  ReelToastRegion,
} from '@reel/ui';
import { ReelWatchlist } from './reel-watchlist.js';
import { ReelWatchlistButton } from './reel-watchlist-button.js';
import { registerWatchlistTranslations } from './translations.js';

registerWatchlistTranslations();
registerCardTranslations();

defineElement('reel-button', ReelButton);
defineElement('reel-checkbox', ReelCheckbox);
defineElement('reel-confirm-dialog', ReelConfirmDialog);
defineElement('reel-dialog', ReelDialog);
defineElement('reel-icon', ReelIcon);
defineElement('reel-icon-button', ReelIconButton);
defineElement('reel-select', ReelSelect);
defineElement('reel-text-field', ReelTextField);
defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-watchlist', ReelWatchlist);
defineElement('reel-watchlist-button', ReelWatchlistButton);
