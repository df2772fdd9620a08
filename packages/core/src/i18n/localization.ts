import { configureLocalization, type LocaleModule, type TemplateMap } from '@lit/localize';
import { emit } from '../events.js';
import {
  isTargetLocale,
  localeDirection,
  matchLocale,
  type ReelLocale,
  sourceLocale,
  type TargetLocale,
  targetLocales,
} from './locales.js';

/**
 * Loads one package's translations for one locale: the module `lit-localize build` writes in
 * runtime mode (`src/generated/locales/<locale>.ts`), imported lazily.
 */
export type TranslationLoader = (locale: TargetLocale) => Promise<LocaleModule>;

interface Runtime {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

/**
 * Cross-bundle state. Every separately built bundle on a page carries its own copy of the kit and
 * of @lit/localize (configured once per copy); they agree on one locale through this record and
 * the `reel-locale-request` event on `window`. Keep it minimal: other versions read it too.
 */
interface SharedLocaleState {
  locale?: string;
}
const SHARED = Symbol.for('reel.i18n');
const shared = (): SharedLocaleState => {
  const holder = globalThis as unknown as Record<symbol, SharedLocaleState | undefined>;
  holder[SHARED] ??= {};
  return holder[SHARED];
};

const loaders = new Map<string, TranslationLoader>([
  [
    '@reel/core',
    (locale) => (locale === 'es' ? import('../generated/locales/es.js') : import('../generated/locales/ar.js')),
  ],
]);
/** Per locale, the one template map handed to @lit/localize; packages' templates merge into it. */
const merged = new Map<TargetLocale, TemplateMap>();
/** Per locale, the packages whose templates were merged (or failed: they fall back to English). */
const attempted = new Map<TargetLocale, Set<string>>();

let runtime: Runtime | undefined;
/** True while this copy asks the others to switch (it switches itself, and awaits it). */
let requesting = false;

async function loadMissing(locale: TargetLocale): Promise<TemplateMap> {
  const templates = merged.get(locale) ?? {};
  merged.set(locale, templates);
  const done = attempted.get(locale) ?? new Set<string>();
  attempted.set(locale, done);
  // Loop: a package may register while another package's translations are still loading.
  for (;;) {
    const missing = [...loaders.keys()].filter((name) => !done.has(name));
    if (missing.length === 0) return templates;
    for (const name of missing) done.add(name);
    await Promise.all(
      missing.map(async (name) => {
        try {
          const module = await loaders.get(name)?.(locale);
          if (module) Object.assign(templates, module.templates);
        } catch (error) {
          console.warn(`[reel] translations of ${name} for "${locale}" did not load; it shows English.`, error);
        }
      }),
    );
  }
}

function announce(): void {
  const locale = getLocale();
  if (typeof window !== 'undefined') emit(window, 'reel-locale-change', { locale, dir: localeDirection(locale) });
}

async function switchTo(locale: ReelLocale): Promise<void> {
  const active = configured();
  await active.setLocale(locale);
  if (active.getLocale() === locale) announce();
}

function configured(): Runtime {
  if (runtime) return runtime;
  try {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: async (locale) => {
        // @lit/localize only asks for configured target locales.
        const templates = await loadMissing(locale as TargetLocale);
        return { templates };
      },
    });
  } catch (error) {
    // Something else configured this copy of @lit/localize first. Reel then renders its source
    // strings rather than failing the page.
    console.warn('[reel] @lit/localize was configured outside the Reel kit; Reel elements stay in English.', error);
    runtime = { getLocale: () => sourceLocale, setLocale: async () => {} };
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('reel-locale-request', (event) => {
      if (requesting) return;
      const locale = matchLocale(event.detail.locale);
      if (locale) void switchTo(locale);
    });
  }
  const initial = matchLocale(shared().locale) ?? matchLocale(globalThis.document?.documentElement.lang);
  if (initial && initial !== sourceLocale) void switchTo(initial);
  return runtime;
}

/**
 * Configures localisation for this copy of the kit, once (later calls do nothing). Element
 * packages never need to call it: `ReelElement`, `setLocale` and `registerTranslations` do.
 * The starting locale is the one another Reel bundle on the page already uses, else the page's
 * `<html lang>` when Reel supports it, else English.
 */
export function ensureLocalization(): void {
  configured();
}

/** The active locale of this copy of the kit. */
export function getLocale(): ReelLocale {
  return matchLocale(configured().getLocale()) ?? sourceLocale;
}

/**
 * Switches every Reel element on the page (every bundle) to `locale`, without a reload. Accepts
 * a BCP 47 tag (`es-MX` → `es`). Resolves when this bundle renders in the new locale; a package
 * whose translations fail to load shows English rather than failing.
 *
 * @throws RangeError when no supported locale matches.
 * @example
 * await setLocale('ar'); // elements re-render right-to-left
 */
export async function setLocale(tag: string): Promise<void> {
  const locale = matchLocale(tag);
  if (!locale)
    throw new RangeError(`[reel] unsupported locale "${tag}" (supported: ${sourceLocale}, ${targetLocales})`);
  configured();
  shared().locale = locale;
  requesting = true;
  try {
    emit(window, 'reel-locale-request', { locale });
  } finally {
    requesting = false;
  }
  await switchTo(locale);
}

/**
 * Adds a package's translations to the kit. Each element package calls it once, from its
 * `define.ts`, with a loader for the modules `lit-localize build` generated; the kit loads them
 * for the active locale (now, if it is not English) and merges them with every other package's.
 * A package loaded after a locale switch is translated as soon as its templates arrive.
 *
 * Message ids must be unique across packages: prefix them with the package (`msg('Play', { id:
 * 'player.play' })`).
 *
 * @example
 * const translations = {
 *   es: () => import('./generated/locales/es.js'),
 *   ar: () => import('./generated/locales/ar.js'),
 * };
 * registerTranslations('@reel/ui', (locale) => translations[locale]());
 */
export function registerTranslations(packageName: string, loader: TranslationLoader): void {
  if (loaders.has(packageName)) return;
  loaders.set(packageName, loader);
  const active = configured().getLocale();
  if (isTargetLocale(active)) void loadMissing(active).then(announce);
}

/**
 * Keeps `<html lang dir>` (or `root`'s) in step with Reel's locale. For pages Reel owns (the shell);
 * an embed on a partner page leaves the partner's document alone (each element sets its own).
 * Returns a function that stops it.
 */
export function bindDocumentLocale(root: HTMLElement = document.documentElement): () => void {
  const sync = () => {
    const locale = getLocale();
    root.lang = locale;
    root.dir = localeDirection(locale);
  };
  sync();
  window.addEventListener('reel-locale-change', sync);
  return () => window.removeEventListener('reel-locale-change', sync);
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Internal to the kit: asks every copy of the kit on the page to switch to `locale`. */
    'reel-locale-request': CustomEvent<{ locale: string }>;
  }
}
