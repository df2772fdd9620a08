import { type Task, TaskStatus } from '@lit/task';
import {
  type CSSResultGroup,
  type CSSResultOrNative,
  LitElement,
  type PropertyValues,
  ReactiveElement,
  render,
} from 'lit';
import { type ErrorSource, emit, type ReelErrorDetail } from './events.js';
import { localeDirection } from './i18n/locales.js';
import { ensureLocalization, getLocale } from './i18n/localization.js';
import { renderEmptyState, renderErrorState, renderSkeleton, stateStyles } from './states.js';
import { adoptTheme, hostStyles } from './theme.js';

/** Receives every error a Reel element catches (the shell sends them to telemetry). */
export type ErrorReporter = (detail: ReelErrorDetail) => void;

const REPORTER = Symbol.for('reel.errorReporter');
type ReporterSlot = Record<symbol, ErrorReporter | undefined>;

/**
 * Sets the page's error reporter, shared by every Reel bundle on the page; `undefined` removes it.
 * Without a reporter (and when no listener cancels the `reel-error` event) errors go to the console.
 *
 * @example
 * setErrorReporter(({ error, source, element }) => telemetry.send({ error, source, element }));
 */
export function setErrorReporter(reporter: ErrorReporter | undefined): void {
  (globalThis as unknown as ReporterSlot)[REPORTER] = reporter;
}

/** Renderers for {@link ReelElement.renderTask}; only `complete` is required. */
export interface TaskRenderers<R> {
  /** The data, when there is some. */
  complete: (value: R) => unknown;
  /** While loading (default: a skeleton). */
  pending?: () => unknown;
  /** Before the task first runs (default: same as `pending`). */
  initial?: () => unknown;
  /** When the data is empty (default: "Nothing here yet"). */
  empty?: () => unknown;
  /** Whether the data is empty (default: null, `[]`, or `{ items: [] }`). */
  isEmpty?: (value: R) => boolean;
  /** When the task failed (default: an error panel with "Try again", which re-runs the task). */
  error?: (error: unknown, retry: () => void) => unknown;
}

/** The default emptiness test of {@link ReelElement.renderTask}: null, `[]`, or a page with no items. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'items' in value) {
    const items = (value as { items: unknown }).items;
    return Array.isArray(items) && items.length === 0;
  }
  return false;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

// ReactiveElement.update does the bookkeeping of an update (attribute reflection, marking it done)
// without rendering; the error boundary needs it alone. It is protected, hence the cast.
const reactiveUpdate = (
  ReactiveElement.prototype as unknown as { update(this: ReactiveElement, changed: PropertyValues): void }
).update;

/**
 * The base class of every Reel element: LitElement plus the kit.
 *
 * - **Theme**: the design tokens are adopted into the document, and `:host` gets Reel's type,
 *   colour and scheme (`static styles` of subclasses are added after the kit's).
 * - **Localisation**: re-renders when the locale changes (or a package's translations arrive), and
 *   keeps its own `lang` and `dir` attributes in step unless the page set them.
 * - **Error boundary**: if `render()` throws, the element shows a small error panel with "Try
 *   again" instead, fires `reel-error`, and the rest of the page keeps working.
 * - **Tasks**: {@link ReelElement.renderTask} renders a `@lit/task` with a skeleton while loading,
 *   an empty state, and an error panel whose retry re-runs the task.
 *
 * @fires reel-error - An error was caught (render or task); `detail: { error, source, element }`.
 *   Cancel it to keep it from the console; the page's reporter (`setErrorReporter`) gets it anyway.
 * @csspart error - The error panel shown when rendering or a task failed.
 * @csspart retry - The panel's "Try again" button.
 * @csspart loading - The default loading skeleton.
 * @csspart empty - The default empty state.
 */
export class ReelElement extends LitElement {
  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    // biome-ignore lint/complexity/noThisInStatic: `super` keeps Lit's static inheritance (`this` is the subclass).
    return super.finalizeStyles([hostStyles, stateStyles, ...(styles ? [styles] : [])]);
  }

  /** The error that tripped the boundary, if any. */
  private __failure: { error: unknown } | undefined;
  /** Tasks rendered through renderTask, and the error of each that was already reported. */
  private __tasks = new Map<Task<ReadonlyArray<unknown>, unknown>, unknown>();
  /** Attributes the kit set (lang, dir) and the value it set: an attribute that differs was set by the page. */
  private __ownAttributes = new Map<string, string>();

  private __onLocaleChange = () => {
    this.__syncLocaleAttributes();
    this.requestUpdate();
  };

  constructor() {
    super();
    ensureLocalization();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptTheme(this.ownerDocument);
    this.__syncLocaleAttributes();
    window.addEventListener('reel-locale-change', this.__onLocaleChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('reel-locale-change', this.__onLocaleChange);
  }

  /** Whether the error boundary is showing its panel instead of the element's template. */
  get hasFailed(): boolean {
    return this.__failure !== undefined;
  }

  protected override update(changed: PropertyValues): void {
    if (this.__failure === undefined) {
      try {
        super.update(changed);
        return;
      } catch (error) {
        this.__failure = { error };
        queueMicrotask(() => this.reportError(error, 'render'));
      }
    }
    // Finish the update without the element's own template, then show the error panel where it
    // would have been. The element keeps updating (and showing the panel) until `recover()`.
    reactiveUpdate.call(this, changed);
    render(
      this.renderError(this.__failure.error, () => this.recover()),
      this.renderRoot,
      this.renderOptions,
    );
  }

  /**
   * Leaves the error state: clears the boundary, re-runs failed tasks and renders again. The
   * error panel's "Try again" calls it.
   */
  recover(): void {
    this.__failure = undefined;
    for (const task of this.__tasks.keys()) {
      if (task.status === TaskStatus.ERROR) {
        this.__tasks.set(task, undefined);
        void task.run();
      }
    }
    this.requestUpdate();
  }

  /**
   * Reports a caught error: fires `reel-error` (bubbles, composed, cancelable) and hands it to the
   * page's reporter; logs it when nobody cancelled the event.
   */
  protected reportError(error: unknown, source: ErrorSource): void {
    const detail: ReelErrorDetail = { error, source, element: this.localName };
    const event = emit(this, 'reel-error', detail, { cancelable: true });
    const reporter = (globalThis as unknown as ReporterSlot)[REPORTER];
    try {
      reporter?.(detail);
    } catch (reporterError) {
      console.error('[reel] the error reporter threw', reporterError);
    }
    if (!event.defaultPrevented && !reporter) console.error(`[reel] <${this.localName}> caught an error`, error);
  }

  /**
   * Renders a `@lit/task`: a skeleton while pending, the empty state for empty data, an error
   * panel with retry on failure (reported once per failure through `reel-error`).
   *
   * @example
   * render() {
   *   return this.renderTask(this.titles, {
   *     complete: (page) => html`<ul>${page.items.map((t) => html`<li>${t.name}</li>`)}</ul>`,
   *     empty: () => this.renderEmpty({ heading: msg('Your list is empty', { id: 'watchlist.empty' }) }),
   *   });
   * }
   */
  protected renderTask<T extends ReadonlyArray<unknown>, R>(task: Task<T, R>, renderers: TaskRenderers<R>): unknown {
    const known = task as unknown as Task<ReadonlyArray<unknown>, unknown>;
    if (!this.__tasks.has(known)) this.__tasks.set(known, undefined);
    const retry = () => {
      this.__tasks.set(known, undefined);
      void task.run();
    };
    switch (task.status) {
      case TaskStatus.INITIAL:
        return (renderers.initial ?? renderers.pending ?? (() => this.renderLoading()))();
      case TaskStatus.PENDING:
        return (renderers.pending ?? (() => this.renderLoading()))();
      case TaskStatus.ERROR: {
        const error = task.error;
        if (!isAbort(error) && this.__tasks.get(known) !== error) {
          this.__tasks.set(known, error);
          queueMicrotask(() => this.reportError(error, 'task'));
        }
        return renderers.error ? renderers.error(error, retry) : this.renderError(error, retry);
      }
      default: {
        const value = task.value as R;
        const empty = renderers.isEmpty ? renderers.isEmpty(value) : isEmptyValue(value);
        if (empty) return (renderers.empty ?? (() => this.renderEmpty()))();
        return renderers.complete(value);
      }
    }
  }

  /** The loading state (override to draw a skeleton shaped like the content). */
  protected renderLoading(options?: Parameters<typeof renderSkeleton>[0]): unknown {
    return renderSkeleton(options);
  }

  /** The empty state (override, or pass `empty` to renderTask, for a specific message). */
  protected renderEmpty(options?: Parameters<typeof renderEmptyState>[0]): unknown {
    return renderEmptyState(options);
  }

  /** The error state, for the boundary and failed tasks (override for a different look). */
  protected renderError(error: unknown, retry: () => void): unknown {
    return renderErrorState({ error, onRetry: retry });
  }

  private __syncLocaleAttributes(): void {
    const locale = getLocale();
    this.__syncAttribute('lang', locale);
    this.__syncAttribute('dir', localeDirection(locale));
  }

  private __syncAttribute(name: string, value: string): void {
    const current = this.getAttribute(name);
    const ours = this.__ownAttributes.get(name);
    if (current !== null && current !== ours) return; // set by the page: it wins
    if (current !== value) this.setAttribute(name, value);
    this.__ownAttributes.set(name, value);
  }
}
