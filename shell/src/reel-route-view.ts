import { msg, str } from '@lit/localize';
import { emit, ReelElement } from '@reel/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { importMapLoader, type ModuleLoader, ModuleMissingError } from './load-module.js';
import { styles } from './reel-route-view.styles.js';

/** Where a route view is. */
export type RouteViewState = 'loading' | 'ready' | 'missing' | 'failed';

declare global {
  interface HTMLElementTagNameMap {
    'reel-route-view': ReelRouteView;
  }
  interface GlobalEventHandlersEventMap {
    /** A route view settled: its element is on the page, or it shows coming soon or an error. */
    'reel-route-view-state': CustomEvent<{ state: RouteViewState; tag: string }>;
  }
}

/**
 * Shows one element of a route, isolated from the rest of the page: loads the element's package
 * through the import map, creates the element with its attributes, and shows "coming soon" when
 * the package (or the element) is not deployed, or an error with "Try again" when the package
 * fails to load or the element throws as it is created or connected. A slow package shows a
 * skeleton; nothing outside the view waits for it.
 *
 * @summary The isolated slot of a route's element.
 * @tagname reel-route-view
 * @slot - The route's element (created by the view).
 * @fires reel-route-view-state - The view settled (`ready`, `missing` or `failed`).
 */
export class ReelRouteView extends ReelElement {
  static override styles = styles;

  /** The module that registers the element (`@reel/home/define`). */
  @property() module = '';

  @property() tag = '';

  /** The element's attributes (from the route's params). */
  @property({ attribute: false }) values: Record<string, string> = {};

  /** The page's name, for "coming soon" and the error. */
  @property({ attribute: 'page-title' }) pageTitle = '';

  /** The page starts under the transparent top bar (only changes the loading outline). */
  @property({ type: Boolean, reflect: true }) overlay = false;

  /** How the module is loaded (the import map by default; tests inject faults here). */
  @property({ attribute: false }) loader: ModuleLoader = importMapLoader;

  @property({ reflect: true }) state: RouteViewState = 'loading';

  @state() private error: unknown;
  @state() private showSkeleton = false;

  private attempt = 0;
  private element: HTMLElement | null = null;
  private run = 0;
  private skeletonTimer?: ReturnType<typeof setTimeout>;

  /** The route's element, once created. */
  get routeElement(): HTMLElement | null {
    return this.element;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.module && !this.element) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.skeletonTimer);
    this.run++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved =
      (changed.has('module') && changed.get('module') !== undefined) ||
      (changed.has('tag') && changed.get('tag') !== undefined);
    if (moved && this.isConnected) {
      this.element?.remove();
      this.element = null;
      void this.load();
    } else if (changed.has('values') && this.element) {
      this.applyValues(this.element, changed.get('values'));
    }
  }

  /** Loads the package again and recreates the element ("Try again"). */
  retry(): Promise<void> {
    this.attempt++;
    this.element?.remove();
    this.element = null;
    return this.load();
  }

  private settle(state: RouteViewState, error?: unknown) {
    clearTimeout(this.skeletonTimer);
    this.showSkeleton = false;
    this.state = state;
    this.error = error;
    emit(this, 'reel-route-view-state', { state, tag: this.tag });
  }

  private async load(): Promise<void> {
    const run = ++this.run;
    this.state = 'loading';
    this.error = undefined;
    clearTimeout(this.skeletonTimer);
    this.skeletonTimer = setTimeout(() => {
      this.showSkeleton = true;
    }, 250);
    try {
      await this.loader(this.module, this.attempt);
    } catch (error) {
      if (run !== this.run) return;
      if (error instanceof ModuleMissingError) this.settle('missing');
      else {
        console.error(`[reel-shell] ${this.module} did not load`, error);
        this.settle('failed', error);
      }
      return;
    }
    if (run !== this.run) return;
    // The package is there but does not (yet) have this element.
    if (!customElements.get(this.tag)) return this.settle('missing');
    const failure = this.create();
    if (failure) {
      this.element?.remove();
      this.element = null;
      this.settle('failed', failure.error);
      return;
    }
    this.settle('ready');
  }

  /**
   * Creates the element and connects it. A constructor that throws throws here; a connected
   * callback that throws is reported (not thrown) while `append` runs, so the view listens for it.
   */
  private create(): { error: unknown } | null {
    let failure: { error: unknown } | null = null;
    const onError = (event: ErrorEvent) => {
      failure ??= { error: event.error ?? new Error(event.message) };
    };
    window.addEventListener('error', onError);
    try {
      const element = document.createElement(this.tag);
      this.applyValues(element, undefined);
      this.element = element;
      this.append(element);
    } catch (error) {
      failure ??= { error };
    } finally {
      window.removeEventListener('error', onError);
    }
    return failure;
  }

  private applyValues(element: HTMLElement, previous: Record<string, string> | undefined) {
    for (const name of Object.keys(previous ?? {})) if (!(name in this.values)) element.removeAttribute(name);
    for (const [name, value] of Object.entries(this.values)) {
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
  }

  override render() {
    switch (this.state) {
      case 'ready':
        return html`<slot></slot>`;
      case 'missing':
        return html`<reel-status-page kind="coming-soon" page-title=${this.pageTitle}></reel-status-page>`;
      case 'failed':
        return html`<div class="failed">
          <div class="failed-card">
            <h1 class="reel-visually-hidden" tabindex="-1">${this.pageTitle}</h1>
            <reel-error-panel
              .error=${this.error}
              heading=${
                this.pageTitle
                  ? msg(str`${this.pageTitle} didn’t load`, { id: 'shell.view.failed' })
                  : msg('This part of Reel didn’t load', { id: 'shell.view.failed-generic' })
              }
              message=${msg('The rest of Reel still works. Try again, or come back in a moment.', { id: 'shell.view.failed-text' })}
              @reel-retry=${(event: Event) => {
                event.stopPropagation();
                void this.retry();
              }}
            ></reel-error-panel>
          </div>
        </div>`;
      default:
        return this.showSkeleton
          ? html`<div class="loading" role="progressbar" aria-label=${msg('Loading', { id: 'shell.view.loading' })}>
              <reel-skeleton class="hero" shape="rect"></reel-skeleton>
              <div class="row">${[0, 1, 2, 3, 4, 5].map(() => html`<reel-skeleton shape="rect"></reel-skeleton>`)}</div>
              <div class="row">${[0, 1, 2, 3, 4, 5].map(() => html`<reel-skeleton shape="rect"></reel-skeleton>`)}</div>
            </div>`
          : nothing;
    }
  }
}
