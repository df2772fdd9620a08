// Registers <reel-reviews> (and the @reel/ui controls it renders) and its translations. The only
// module of the package with side effects.
import { defineElement } from '@reel/core';
import {
  ReelBadge,
  ReelButton,
  ReelCheckbox,
  ReelConfirmDialog,
  ReelDialog,
  ReelIcon,
  ReelSelect,
  ReelTextField,
  ReelToast,
  ReelToastRegion,
} from '@reel/ui';
import { ReelReviews } from './reel-reviews.js';
import { registerReviewsTranslations } from './translations.js';

registerReviewsTranslations();

defineElement('reel-badge', ReelBadge);
defineElement('reel-button', ReelButton);
defineElement('reel-checkbox', ReelCheckbox);
defineElement('reel-confirm-dialog', ReelConfirmDialog);
defineElement('reel-dialog', ReelDialog);
defineElement('reel-icon', ReelIcon);
defineElement('reel-select', ReelSelect);
defineElement('reel-text-field', ReelTextField);
defineElement('reel-toast', ReelToast);
defineElement('reel-toast-region', ReelToastRegion);
defineElement('reel-reviews', ReelReviews);
