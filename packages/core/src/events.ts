/**
 * Reel's events. Every `reel-*` event is a `CustomEvent` fired through {@link emit} and typed in
 * the global `GlobalEventHandlersEventMap`, so `addEventListener('reel-…', (e) => e.detail…)` is
 * typed wherever the declaring package is imported. A package declares its events next to the
 * element that fires them:
 *
 * ```ts
 * declare global {
 *   interface GlobalEventHandlersEventMap {
 *     'reel-watchlist-toggle-request': CustomEvent<{ titleId: string; add: boolean }>;
 *   }
 * }
 * ```
 *
 * Naming: a control asking its owner to do something fires `reel-<what>-request` (cancelable);
 * a notification of something that happened is `reel-<what happened>` (`reel-play`, `reel-select`).
 */

/** Every `reel-*` event name declared in the global event map. */
export type ReelEventName = Extract<keyof GlobalEventHandlersEventMap, `reel-${string}`>;

/** The `detail` type of the `reel-*` event `K`. */
export type ReelEventDetail<K extends ReelEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** How an event travels. Reel's defaults: bubbles and composed (crosses shadow roots), not cancelable. */
export interface EmitOptions {
  bubbles?: boolean;
  composed?: boolean;
  cancelable?: boolean;
}

/**
 * Fires the `reel-*` event `name` at `target` and returns it, so a caller can check
 * `defaultPrevented` for cancelable requests.
 *
 * @example
 * const request = emit(this, 'reel-play-request', { source: 'button' }, { cancelable: true });
 * if (request.defaultPrevented) return;
 */
export function emit<K extends ReelEventName>(
  target: EventTarget,
  name: K,
  detail: ReelEventDetail<K>,
  options: EmitOptions = {},
): CustomEvent<ReelEventDetail<K>> {
  const event = new CustomEvent<ReelEventDetail<K>>(name, {
    bubbles: options.bubbles ?? true,
    composed: options.composed ?? true,
    cancelable: options.cancelable ?? false,
    detail,
  });
  target.dispatchEvent(event);
  return event;
}

/** Where an error the kit reports came from. */
export const ErrorSource = {
  render: 'render',
  task: 'task',
  handler: 'handler',
} as const;
export type ErrorSource = (typeof ErrorSource)[keyof typeof ErrorSource];

/** `reel-error`: an element caught an error and is showing its error panel instead of failing the page. */
export interface ReelErrorDetail {
  error: unknown;
  source: ErrorSource;
  /** The tag name of the element that caught it. */
  element: string;
}

/** `reel-locale-change`: the kit switched locale (or merged new translations); elements re-render. */
export interface ReelLocaleChangeDetail {
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** `reel-retry`: the user asked to retry whatever failed (fired by error panels). */
export type ReelRetryDetail = Record<string, never>;

/**
 * `reel-navigate`: asks the page to go to `href` (a path on this site) without a reload. Fired
 * cancelable: the shell routes it and cancels the event; on a page without the shell nobody does,
 * and the element follows the link itself (`location.assign`) if it must.
 */
export interface ReelNavigateDetail {
  href: string;
  /** Replace the current history entry instead of pushing one. */
  replace?: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reel-error': CustomEvent<ReelErrorDetail>;
    'reel-navigate': CustomEvent<ReelNavigateDetail>;
    'reel-locale-change': CustomEvent<ReelLocaleChangeDetail>;
    'reel-retry': CustomEvent<ReelRetryDetail>;
  }
}
