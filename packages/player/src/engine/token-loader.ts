// hls.js never retries a 4xx by itself. Every media request (playlists, segments, subtitles) goes
// through this loader: it carries the current media token (the URLs inside playlists carry the
// one they were fetched with), waits while a renewal is under way, and on a 403 renews the token
// once and sends the same request again, so hls.js sees neither the expiry nor a reload.
import type { Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';

export interface TokenSource {
  /** The URL with the current token in its `name` query parameter. */
  sign(url: string): string;
  /** Resolves once no renewal is pending (at once, normally). */
  ready(): Promise<void> | null;
  /** After a 403: renews the token; false when the refusal is permanent. */
  refused(url: string): Promise<boolean>;
  /** Counts every media request (the fault tests read it). */
  onRequest?(url: string): void;
  /** Whether loading is allowed (false after a fatal error, until retry). */
  allowed(): boolean;
}

type LoaderClass = new (config: unknown) => Loader<LoaderContext>;

/** A loader class delegating to hls.js's default one, with the token handling above. */
export function tokenLoader(Base: LoaderClass, tokens: TokenSource): LoaderClass {
  return class TokenLoader implements Loader<LoaderContext> {
    #config: unknown;
    #inner: Loader<LoaderContext>;
    #gone = false;

    constructor(config: unknown) {
      this.#config = config;
      this.#inner = new Base(config);
    }
    get stats() {
      return this.#inner.stats;
    }
    get context() {
      return this.#inner.context;
    }
    destroy(): void {
      this.#gone = true;
      this.#inner.destroy();
    }
    abort(): void {
      this.#gone = true;
      this.#inner.abort();
    }
    getCacheAge(): number | null {
      return this.#inner.getCacheAge?.() ?? null;
    }
    getResponseHeader(name: string): string | null {
      return this.#inner.getResponseHeader?.(name) ?? null;
    }

    load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      const send = (attempt: number) => {
        if (this.#gone) return;
        if (!tokens.allowed()) {
          // Stopped after a fatal error: nothing leaves until the viewer retries.
          callbacks.onError({ code: 0, text: 'stopped' }, context, null, this.#inner.stats);
          return;
        }
        context.url = tokens.sign(context.url);
        tokens.onRequest?.(context.url);
        this.#inner.load(context, config, {
          ...callbacks,
          onError: (error, ctx, details, stats) => {
            if (error.code !== 403 || attempt > 0 || this.#gone) {
              callbacks.onError(error, ctx, details, stats);
              return;
            }
            void tokens.refused(context.url).then((renewed) => {
              if (this.#gone) return;
              if (!renewed) {
                callbacks.onError(error, ctx, details, stats);
                return;
              }
              // A loader is single-use: the same request again on a fresh one.
              this.#inner.destroy();
              this.#inner = new Base(this.#config);
              send(attempt + 1);
            });
          },
        });
      };
      const pending = tokens.ready();
      if (pending) void pending.then(() => send(0));
      else send(0);
    }
  };
}

/** `url` with its `name` query parameter set to `token`. */
export function withToken(url: string, name: string, token: string): string {
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? url.slice(hash) : '';
  const q = base.indexOf('?');
  const path = q >= 0 ? base.slice(0, q) : base;
  const params = new URLSearchParams(q >= 0 ? base.slice(q + 1) : '');
  params.set(name, token);
  return `${path}?${params.toString()}${fragment}`;
}
