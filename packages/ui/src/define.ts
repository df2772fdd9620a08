// Registers every @reel/ui element (through core's guarded defineElement) and the package's
// translations. The only module of the package with side effects.
import type { LocaleModule } from '@lit/localize';
import { defineElement, registerTranslations, type TargetLocale } from '@reel/core';
import { ReelBadge } from './reel-badge.js';
import { ReelButton } from './reel-button.js';
import { ReelChart } from './reel-chart.js';
import { ReelCheckbox } from './reel-checkbox.js';
import { ReelConfirmDialog } from './reel-confirm-dialog.js';
import { ReelDialog } from './reel-dialog.js';
import { ReelEmptyState } from './reel-empty-state.js';
import { ReelErrorPanel } from './reel-error-panel.js';
import { ReelFormField } from './reel-form-field.js';
import { ReelIcon } from './reel-icon.js';
import { ReelIconButton } from './reel-icon-button.js';
import { ReelMenu } from './reel-menu.js';
import { ReelMenuItem } from './reel-menu-item.js';
import { ReelProgressBar } from './reel-progress-bar.js';
import { ReelSelect } from './reel-select.js';
import { ReelSkeleton } from './reel-skeleton.js';
import { ReelSpinner } from './reel-spinner.js';
import { ReelSwitch } from './reel-switch.js';
import { ReelTab } from './reel-tab.js';
import { ReelTabPanel } from './reel-tab-panel.js';
import { ReelTabs } from './reel-tabs.js';
import { ReelTextField } from './reel-text-field.js';
import { ReelToast } from './reel-toast.js';
import { ReelToastRegion } from './reel-toast-region.js';

const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  ar: () => import('./generated/locales/ar.js'),
};
registerTranslations('@reel/ui', (locale) => translations[locale]());

const elements = {
  'reel-badge': ReelBadge,
  'reel-button': ReelButton,
  'reel-chart': ReelChart,
  'reel-checkbox': ReelCheckbox,
  'reel-confirm-dialog': ReelConfirmDialog,
  'reel-dialog': ReelDialog,
  'reel-empty-state': ReelEmptyState,
  'reel-error-panel': ReelErrorPanel,
  'reel-form-field': ReelFormField,
  'reel-icon': ReelIcon,
  'reel-icon-button': ReelIconButton,
  'reel-menu': ReelMenu,
  'reel-menu-item': ReelMenuItem,
  'reel-progress-bar': ReelProgressBar,
  'reel-select': ReelSelect,
  'reel-skeleton': ReelSkeleton,
  'reel-spinner': ReelSpinner,
  'reel-switch': ReelSwitch,
  'reel-tab': ReelTab,
  'reel-tab-panel': ReelTabPanel,
  'reel-tabs': ReelTabs,
  'reel-text-field': ReelTextField,
  'reel-toast': ReelToast,
  'reel-toast-region': ReelToastRegion,
} as const;

for (const [tag, ctor] of Object.entries(elements)) defineElement(tag, ctor);
