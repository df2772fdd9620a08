import { type CSSResult, unsafeCSS } from 'lit';

/**
 * Reel's design tokens, as CSS custom properties. Colours are written with `light-dark()`, so one
 * declaration serves both schemes and resolves where it is used, against that element's
 * `color-scheme` (which follows `--reel-color-scheme`, see {@link applyTheme}).
 *
 * The tokens are declared on the document at zero specificity (`:where(:root)`), never on an
 * element's `:host`: a declaration on `:host` would hide whatever the page set on an ancestor.
 * So a host page overrides any token anywhere — `:root`, a container, or the element itself:
 *
 * ```css
 * :root { --reel-color-accent: #0a84ff; --reel-radius-md: 2px; }
 * .sidebar reel-rail { --reel-space-4: 12px; }
 * ```
 */
export const tokenDeclarations = {
  // Scheme: dark by default; `applyTheme()` or `data-reel-theme` switch it.
  '--reel-color-scheme': 'dark',

  // Surfaces: near-black, layered by lightness rather than by borders.
  '--reel-color-bg': 'light-dark(#f5f5f7, #08080a)',
  '--reel-color-surface': 'light-dark(#ffffff, #141417)',
  '--reel-color-surface-raised': 'light-dark(#ffffff, #1c1c21)',
  '--reel-color-surface-overlay': 'light-dark(#ffffff, #232329)',
  '--reel-color-surface-hover': 'light-dark(rgb(10 10 20 / 0.06), rgb(255 255 255 / 0.08))',
  '--reel-color-surface-pressed': 'light-dark(rgb(10 10 20 / 0.1), rgb(255 255 255 / 0.14))',
  '--reel-color-surface-sunken': 'light-dark(#ececf0, #0e0e11)',
  /** Text inputs and selects. */
  '--reel-color-field': 'light-dark(#ffffff, #0e0e11)',
  '--reel-color-border': 'light-dark(rgb(10 10 20 / 0.12), rgb(255 255 255 / 0.1))',
  '--reel-color-border-strong': 'light-dark(rgb(10 10 20 / 0.32), rgb(255 255 255 / 0.28))',
  '--reel-color-scrim': 'light-dark(rgb(20 20 28 / 0.5), rgb(0 0 0 / 0.72))',

  // Text.
  '--reel-color-text': 'light-dark(#111114, #f4f4f6)',
  '--reel-color-text-muted': 'light-dark(#55555f, #a9a9b3)',
  '--reel-color-text-subtle': 'light-dark(#6b6b76, #8c8c97)',
  '--reel-color-text-disabled': 'light-dark(rgb(17 17 20 / 0.38), rgb(244 244 246 / 0.38))',

  // One strong accent, plus the text colour that sits on it.
  '--reel-color-accent': 'light-dark(#c70a15, #e50914)',
  '--reel-color-accent-hover': 'light-dark(#a8070f, #f6222c)',
  '--reel-color-accent-pressed': 'light-dark(#8e050c, #c40812)',
  '--reel-color-accent-soft': 'light-dark(rgb(199 10 21 / 0.1), rgb(229 9 20 / 0.18))',
  '--reel-color-on-accent': '#ffffff',
  '--reel-color-link': 'light-dark(#b0101a, #ff5a62)',

  // Neutral controls (secondary buttons, chips).
  '--reel-color-neutral': 'light-dark(rgb(10 10 20 / 0.08), rgb(255 255 255 / 0.14))',
  '--reel-color-neutral-hover': 'light-dark(rgb(10 10 20 / 0.13), rgb(255 255 255 / 0.22))',
  '--reel-color-neutral-pressed': 'light-dark(rgb(10 10 20 / 0.18), rgb(255 255 255 / 0.3))',
  '--reel-color-inverse': 'light-dark(#141417, #ffffff)',
  '--reel-color-on-inverse': 'light-dark(#ffffff, #0b0b0d)',

  // Status.
  '--reel-color-success': 'light-dark(#0e6b3c, #3ccf85)',
  '--reel-color-success-soft': 'light-dark(rgb(20 128 74 / 0.12), rgb(60 207 133 / 0.16))',
  '--reel-color-warning': 'light-dark(#7a4d00, #f7b84b)',
  '--reel-color-warning-soft': 'light-dark(rgb(143 93 0 / 0.12), rgb(247 184 75 / 0.16))',
  '--reel-color-danger': 'light-dark(#c0262d, #ff6b6b)',
  '--reel-color-danger-solid': 'light-dark(#c0262d, #d1242f)',
  '--reel-color-on-danger': '#ffffff',
  '--reel-color-danger-soft': 'light-dark(rgb(192 38 45 / 0.1), rgb(255 107 107 / 0.16))',
  '--reel-color-info': 'light-dark(#1f5fbf, #6cb2ff)',
  '--reel-color-info-soft': 'light-dark(rgb(31 95 191 / 0.1), rgb(108 178 255 / 0.16))',

  // Placeholders while loading.
  '--reel-color-skeleton': 'light-dark(#e4e4ea, #1d1d22)',
  '--reel-color-skeleton-shine': 'light-dark(#f1f1f5, #2a2a31)',

  // Data series for charts.
  '--reel-color-chart-1': 'light-dark(#c70a15, #ff3b44)',
  '--reel-color-chart-2': 'light-dark(#1f5fbf, #6cb2ff)',
  '--reel-color-chart-3': 'light-dark(#14804a, #3ccf85)',
  '--reel-color-chart-4': 'light-dark(#8f5d00, #f7b84b)',
  '--reel-color-chart-5': 'light-dark(#6d3fc0, #b794ff)',
  '--reel-color-chart-grid': 'light-dark(rgb(10 10 20 / 0.08), rgb(255 255 255 / 0.08))',

  // Focus ring: one look for every focusable thing.
  '--reel-color-focus': 'light-dark(#1f5fbf, #ffffff)',
  '--reel-focus-ring-width': '2px',
  '--reel-focus-ring-offset': '2px',

  // Type.
  '--reel-font-family':
    'Inter, "SF Pro Text", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans Arabic", sans-serif',
  '--reel-font-family-mono': 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  '--reel-font-size-2xs': '0.6875rem',
  '--reel-font-size-xs': '0.75rem',
  '--reel-font-size-sm': '0.875rem',
  '--reel-font-size-md': '1rem',
  '--reel-font-size-lg': '1.125rem',
  '--reel-font-size-xl': '1.375rem',
  '--reel-font-size-2xl': '1.75rem',
  '--reel-font-size-3xl': '2.25rem',
  '--reel-font-size-4xl': '3rem',
  '--reel-font-weight-regular': '400',
  '--reel-font-weight-medium': '500',
  '--reel-font-weight-semibold': '600',
  '--reel-font-weight-bold': '700',
  '--reel-line-height-tight': '1.2',
  '--reel-line-height-snug': '1.35',
  '--reel-line-height-normal': '1.5',
  '--reel-letter-spacing-tight': '-0.012em',
  '--reel-letter-spacing-wide': '0.06em',

  // Space (a 4px grid).
  '--reel-space-0-5': '0.125rem',
  '--reel-space-1': '0.25rem',
  '--reel-space-1-5': '0.375rem',
  '--reel-space-2': '0.5rem',
  '--reel-space-3': '0.75rem',
  '--reel-space-4': '1rem',
  '--reel-space-5': '1.25rem',
  '--reel-space-6': '1.5rem',
  '--reel-space-8': '2rem',
  '--reel-space-10': '2.5rem',
  '--reel-space-12': '3rem',
  '--reel-space-16': '4rem',

  // Control sizes.
  '--reel-control-height-sm': '2rem',
  '--reel-control-height-md': '2.5rem',
  '--reel-control-height-lg': '3rem',

  // Radii.
  '--reel-radius-xs': '2px',
  '--reel-radius-sm': '4px',
  '--reel-radius-md': '6px',
  '--reel-radius-lg': '10px',
  '--reel-radius-xl': '16px',
  '--reel-radius-pill': '999px',

  // Shadows (deeper on dark surfaces, where a shadow has to fight the background).
  '--reel-shadow-1': '0 1px 2px light-dark(rgb(10 10 20 / 0.08), rgb(0 0 0 / 0.5))',
  '--reel-shadow-2':
    '0 4px 12px light-dark(rgb(10 10 20 / 0.1), rgb(0 0 0 / 0.45)), 0 1px 3px light-dark(rgb(10 10 20 / 0.08), rgb(0 0 0 / 0.4))',
  '--reel-shadow-3':
    '0 12px 32px light-dark(rgb(10 10 20 / 0.16), rgb(0 0 0 / 0.6)), 0 2px 8px light-dark(rgb(10 10 20 / 0.08), rgb(0 0 0 / 0.4))',
  '--reel-shadow-4':
    '0 24px 64px light-dark(rgb(10 10 20 / 0.22), rgb(0 0 0 / 0.7)), 0 4px 16px light-dark(rgb(10 10 20 / 0.1), rgb(0 0 0 / 0.5))',

  // Motion.
  '--reel-duration-instant': '60ms',
  '--reel-duration-fast': '120ms',
  '--reel-duration-normal': '200ms',
  '--reel-duration-slow': '320ms',
  '--reel-duration-slower': '480ms',
  '--reel-easing-standard': 'cubic-bezier(0.2, 0, 0, 1)',
  '--reel-easing-emphasized': 'cubic-bezier(0.3, 0, 0, 1.15)',
  '--reel-easing-exit': 'cubic-bezier(0.3, 0, 1, 1)',

  // Layers.
  '--reel-z-base': '0',
  '--reel-z-raised': '10',
  '--reel-z-sticky': '100',
  '--reel-z-dropdown': '1000',
  '--reel-z-overlay': '1100',
  '--reel-z-modal': '1200',
  '--reel-z-toast': '1300',
  '--reel-z-tooltip': '1400',
} as const;

/** The name of a design token, e.g. `--reel-color-accent`. */
export type ReelToken = keyof typeof tokenDeclarations;

/** The theme a page (or a part of it) asks for. `system` follows `prefers-color-scheme`. */
export const ThemeMode = {
  dark: 'dark',
  light: 'light',
  system: 'system',
} as const;
export type ThemeMode = (typeof ThemeMode)[keyof typeof ThemeMode];

const declarations = Object.entries(tokenDeclarations)
  .map(([name, value]) => `${name}: ${value};`)
  .join('\n  ');

/**
 * The document-level stylesheet: every token at zero specificity, the scheme switches, and the
 * motion tokens collapsed under `prefers-reduced-motion`. {@link adoptTheme} installs it; a page
 * that prefers a `<link>`-free setup can also include it in its own constructed stylesheets.
 */
// Built from a string (our own constants) rather than `css`: the declarations are generated.
export const tokens: CSSResult = unsafeCSS(`
  :where(:root) {
    ${declarations}
  }
  :where([data-reel-theme='dark']) {
    --reel-color-scheme: dark;
  }
  :where([data-reel-theme='light']) {
    --reel-color-scheme: light;
  }
  :where([data-reel-theme='system']) {
    --reel-color-scheme: light dark;
  }
  /* A part of the page that applies a theme is painted in it (the page itself, for the shell). */
  :where([data-reel-theme]) {
    color-scheme: var(--reel-color-scheme);
    background-color: var(--reel-color-bg);
    color: var(--reel-color-text);
  }
  @media (prefers-reduced-motion: reduce) {
    :where(:root) {
      --reel-duration-instant: 0ms;
      --reel-duration-fast: 0ms;
      --reel-duration-normal: 0ms;
      --reel-duration-slow: 0ms;
      --reel-duration-slower: 0ms;
    }
  }
  @media (prefers-contrast: more) {
    :where(:root) {
      --reel-color-border: light-dark(rgb(10 10 20 / 0.5), rgb(255 255 255 / 0.5));
      --reel-color-text-muted: light-dark(#2e2e35, #d4d4da);
    }
  }
`);

/**
 * What every Reel element's shadow root starts with (ReelElement adds it for you): the scheme,
 * type and colour inherited by the element's contents, and the hidden-attribute rule.
 */
// A string for the same reason as `tokens`, and because lit-analyzer's CSS data predates `color-scheme`.
export const hostStyles: CSSResult = unsafeCSS(`
  :host {
    box-sizing: border-box;
    color-scheme: var(--reel-color-scheme, dark);
    font-family: var(--reel-font-family);
    line-height: var(--reel-line-height-normal);
    color: var(--reel-color-text);
    -webkit-font-smoothing: antialiased;
    -moz-osx-font-smoothing: grayscale;
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`);

const THEMED = Symbol.for('reel.theme.documents');
type ThemeRegistry = WeakSet<Document>;
const registry = (): ThemeRegistry => {
  const holder = globalThis as unknown as Record<symbol, ThemeRegistry | undefined>;
  holder[THEMED] ??= new WeakSet<Document>();
  return holder[THEMED];
};

/**
 * Makes the tokens available in `doc` (idempotent, shared by every copy of the kit on the page).
 * `ReelElement` calls it when it connects, so a page never has to.
 */
export function adoptTheme(doc: Document = document): void {
  const done = registry();
  if (done.has(doc)) return;
  const sheet = tokens.styleSheet;
  if (!sheet) return;
  done.add(doc);
  // Prepend: the page's own adopted sheets (and its <style> and <link> sheets, which come first
  // in the cascade anyway) must be able to override the defaults.
  doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
}

/**
 * Applies a theme to the page (or to a part of it): `dark` (the default), `light`, or `system`
 * (follows `prefers-color-scheme`). Tokens resolve per element, so a subtree can differ.
 *
 * @example
 * applyTheme('light');
 * applyTheme('system', document.querySelector('#preview')!);
 */
export function applyTheme(mode: ThemeMode, root: HTMLElement = document.documentElement): void {
  adoptTheme(root.ownerDocument);
  root.setAttribute('data-reel-theme', mode);
}

/** The theme applied to `root` or its nearest themed ancestor (`dark` when none is). */
export function getTheme(root: Element = document.documentElement): ThemeMode {
  const value = root.closest('[data-reel-theme]')?.getAttribute('data-reel-theme');
  return value === 'light' || value === 'system' ? value : 'dark';
}
