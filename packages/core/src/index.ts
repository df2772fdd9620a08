export { clientContext, type Session, type SessionMode, sessionContext } from './contexts.js';
export { DefineResult, defineElement, type ElementConstructor } from './define-element.js';
export { styleProps } from './directives.js';
export {
  type EmitOptions,
  ErrorSource,
  emit,
  type ReelErrorDetail,
  type ReelEventDetail,
  type ReelEventName,
  type ReelLocaleChangeDetail,
  type ReelNavigateDetail,
  type ReelRetryDetail,
} from './events.js';
export {
  formatDate,
  formatDuration,
  formatList,
  formatNumber,
  formatRelativeTime,
  plural,
  pluralCategory,
} from './i18n/format.js';
export {
  allLocales,
  isReelLocale,
  isTargetLocale,
  localeDirection,
  localeInfo,
  matchLocale,
  type ReelLocale,
  sourceLocale,
  type TargetLocale,
  targetLocales,
} from './i18n/locales.js';
export {
  bindDocumentLocale,
  ensureLocalization,
  getLocale,
  registerTranslations,
  setLocale,
  type TranslationLoader,
} from './i18n/localization.js';
export { createLifecycles, type LifecycleOptions, type LifecycleProps, type Lifecycles } from './lifecycles.js';
export { ReelAuthProvider } from './reel-auth-provider.js';
export { type ErrorReporter, isEmptyValue, ReelElement, setErrorReporter, type TaskRenderers } from './reel-element.js';
export { SessionConsumer, type SessionHost } from './session-consumer.js';
export {
  type MfaAnswer,
  SessionController,
  type SessionControllerOptions,
  type SessionSnapshot,
  type SignInCredentials,
  type SignInResult,
  type SignUpDetails,
} from './session-controller.js';
export {
  type EmptyStateOptions,
  type ErrorStateOptions,
  errorMessage,
  renderEmptyState,
  renderErrorState,
  renderSkeleton,
  type SkeletonOptions,
  stateStyles,
} from './states.js';
export { flushTelemetry, reportClientError, startTelemetry, type TelemetryOptions } from './telemetry.js';
export {
  adoptTheme,
  applyTheme,
  getTheme,
  hostStyles,
  type ReelToken,
  ThemeMode,
  tokenDeclarations,
  tokens,
} from './theme.js';
