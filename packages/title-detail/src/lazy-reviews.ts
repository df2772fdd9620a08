import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The reviews package, resolved at run time (the shell's import map points it at the deployed
 * @reel/reviews): a variable, so no bundler copies reviews into this package's bundles.
 */
const REVIEWS_MODULE = '@reel/reviews/define';

/**
 * Loads `<reel-reviews>` (its own, independently deployed package) only when the reviews part of
 * the page scrolls near: `ref(lazy.watch)` on the placeholder, then render the element once
 * `lazy.ready` is true. A page that already defined `reel-reviews` (a partner page loading its
 * standalone script) loads nothing; where the module cannot be found the part stays empty.
 */
export class LazyReviews implements ReactiveController {
  ready = false;
  /** The reviews module could not be loaded. */
  failed = false;
  private observer: IntersectionObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** A `ref()` callback for the placeholder element. */
  readonly watch = (el?: Element): void => {
    if (!el || this.ready || this.observer) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.hostDisconnected();
        const load = customElements.get('reel-reviews') ? Promise.resolve() : import(/* @vite-ignore */ REVIEWS_MODULE);
        load.then(
          () => {
            this.ready = true;
            this.host.requestUpdate();
          },
          (error: unknown) => {
            this.failed = true;
            this.host.requestUpdate();
            console.warn('reel-title-detail: reviews did not load', error);
          },
        );
      },
      { rootMargin: '600px 0px' },
    );
    this.observer.observe(el);
  };

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
