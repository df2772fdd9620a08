import { type SVGTemplateResult, svg } from 'lit';

/**
 * Reel's icon set: 24×24 outline icons drawn with `currentColor` (2px strokes, round caps), as Lit
 * `svg` templates — no `innerHTML`, no external files, nothing for a Content-Security-Policy to
 * refuse. `<reel-icon name="play">` draws one; {@link registerIcons} adds more.
 */
export interface IconDefinition {
  /** The shapes inside a `0 0 24 24` viewBox (stroked in currentColor unless they set `fill`). */
  readonly template: SVGTemplateResult;
  /** Mirrored in right-to-left text (arrows and chevrons that mean "next" / "back"). */
  readonly directional?: boolean;
}

const builtIn = {
  play: {
    template: svg`<path d="M7.5 4.6v14.8a1 1 0 0 0 1.52.85l12.02-7.4a1 1 0 0 0 0-1.7L9.02 3.75a1 1 0 0 0-1.52.85Z" fill="currentColor" stroke="none"/>`,
  },
  pause: {
    template: svg`<rect x="5.5" y="4" width="4.5" height="16" rx="1.2" fill="currentColor" stroke="none"/><rect x="14" y="4" width="4.5" height="16" rx="1.2" fill="currentColor" stroke="none"/>`,
  },
  'skip-next': {
    template: svg`<path d="M5.5 5.3v13.4a.8.8 0 0 0 1.25.66l9.6-6.7a.8.8 0 0 0 0-1.32l-9.6-6.7a.8.8 0 0 0-1.25.66Z" fill="currentColor" stroke="none"/><path d="M18.5 5v14"/>`,
  },
  'skip-previous': {
    template: svg`<path d="M18.5 5.3v13.4a.8.8 0 0 1-1.25.66l-9.6-6.7a.8.8 0 0 1 0-1.32l9.6-6.7a.8.8 0 0 1 1.25.66Z" fill="currentColor" stroke="none"/><path d="M5.5 5v14"/>`,
  },
  'rotate-ccw': { template: svg`<path d="M4 12a8 8 0 1 0 2.35-5.66L4 8.5"/><path d="M4 3.5v5h5"/>` },
  'rotate-cw': { template: svg`<path d="M20 12a8 8 0 1 1-2.35-5.66L20 8.5"/><path d="M20 3.5v5h-5"/>` },
  plus: { template: svg`<path d="M12 5v14M5 12h14"/>` },
  minus: { template: svg`<path d="M5 12h14"/>` },
  check: { template: svg`<path d="m4.5 12.5 5 5 10-10.5"/>` },
  close: { template: svg`<path d="M6 6l12 12M18 6 6 18"/>` },
  'chevron-down': { template: svg`<path d="m6 9 6 6 6-6"/>` },
  'chevron-up': { template: svg`<path d="m6 15 6-6 6 6"/>` },
  'chevron-left': { template: svg`<path d="m15 5-7 7 7 7"/>`, directional: true },
  'chevron-right': { template: svg`<path d="m9 5 7 7-7 7"/>`, directional: true },
  'arrow-left': { template: svg`<path d="M19 12H5m6-6-6 6 6 6"/>`, directional: true },
  'arrow-right': { template: svg`<path d="M5 12h14m-6-6 6 6-6 6"/>`, directional: true },
  search: { template: svg`<circle cx="11" cy="11" r="6.5"/><path d="m20 20-4.2-4.2"/>` },
  bell: {
    template: svg`<path d="M6 9.5a6 6 0 0 1 12 0c0 5.5 2.5 7.5 2.5 7.5h-17S6 15 6 9.5Z"/><path d="M10 20.5a2.2 2.2 0 0 0 4 0"/>`,
  },
  user: { template: svg`<circle cx="12" cy="8" r="4"/><path d="M4.5 20.5c.6-4 3.6-6.5 7.5-6.5s6.9 2.5 7.5 6.5"/>` },
  settings: {
    template: svg`<path d="M18.8 9.64 21.38 9.94 21.38 14.06 18.8 14.36 18.48 15.14 20.09 17.18 17.18 20.09 15.14 18.48 14.36 18.8 14.06 21.38 9.94 21.38 9.64 18.8 8.86 18.48 6.82 20.09 3.91 17.18 5.52 15.14 5.2 14.36 2.62 14.06 2.62 9.94 5.2 9.64 5.52 8.86 3.91 6.82 6.82 3.91 8.86 5.52 9.64 5.2 9.94 2.62 14.06 2.62 14.36 5.2 15.14 5.52 17.18 3.91 20.09 6.82 18.48 8.86Z"/><circle cx="12" cy="12" r="3"/>`,
  },
  volume: {
    template: svg`<path d="M4 9.5h3.2L12 5.5v13l-4.8-4H4a.5.5 0 0 1-.5-.5v-4a.5.5 0 0 1 .5-.5Z"/><path d="M15.5 9a4.2 4.2 0 0 1 0 6M18.2 6.3a8 8 0 0 1 0 11.4"/>`,
  },
  'volume-off': {
    template: svg`<path d="M4 9.5h3.2L12 5.5v13l-4.8-4H4a.5.5 0 0 1-.5-.5v-4a.5.5 0 0 1 .5-.5Z"/><path d="m16 9.5 5 5m0-5-5 5"/>`,
  },
  fullscreen: { template: svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>` },
  'fullscreen-exit': { template: svg`<path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5"/>` },
  pip: {
    template: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><rect x="12" y="11" width="6.5" height="5.5" rx="1" fill="currentColor" stroke="none"/>`,
  },
  subtitles: {
    template: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M7 12.5h3m3 0h4M7 15.5h7m3 0h0"/>`,
  },
  headphones: {
    template: svg`<path d="M4 15v-3a8 8 0 0 1 16 0v3"/><rect x="3.5" y="14" width="4.5" height="6" rx="1.5"/><rect x="16" y="14" width="4.5" height="6" rx="1.5"/>`,
  },
  star: {
    template: svg`<path d="M12 2.8 14.53 8.92 21.13 9.43 16.09 13.73 17.64 20.17 12 16.7 6.36 20.17 7.91 13.73 2.87 9.43 9.47 8.92Z"/>`,
  },
  'star-filled': {
    template: svg`<path d="M12 2.8 14.53 8.92 21.13 9.43 16.09 13.73 17.64 20.17 12 16.7 6.36 20.17 7.91 13.73 2.87 9.43 9.47 8.92Z" fill="currentColor"/>`,
  },
  'star-half': {
    template: svg`<path d="M12 2.8 14.53 8.92 21.13 9.43 16.09 13.73 17.64 20.17 12 16.7 6.36 20.17 7.91 13.73 2.87 9.43 9.47 8.92Z"/><path d="M12 2.8v13.9l-5.64 3.47 1.55-6.44-5.04-4.3 6.6-.51Z" fill="currentColor"/>`,
    directional: true,
  },
  'thumbs-up': {
    template: svg`<path d="M7.5 10.5v10H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Z"/><path d="M7.5 10.5 11 3.6a2.2 2.2 0 0 1 3.1 2.4l-.7 3.5h5a2 2 0 0 1 2 2.4l-1.4 7a2 2 0 0 1-2 1.6H7.5"/>`,
  },
  'thumbs-down': {
    template: svg`<g transform="matrix(1 0 0 -1 0 24)"><path d="M7.5 10.5v10H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Z"/><path d="M7.5 10.5 11 3.6a2.2 2.2 0 0 1 3.1 2.4l-.7 3.5h5a2 2 0 0 1 2 2.4l-1.4 7a2 2 0 0 1-2 1.6H7.5"/></g>`,
  },
  heart: {
    template: svg`<path d="M12 20.5s-8-4.7-8-10.6A4.6 4.6 0 0 1 12 7a4.6 4.6 0 0 1 8 2.9c0 5.9-8 10.6-8 10.6Z"/>`,
  },
  bookmark: { template: svg`<path d="M6.5 4h11a.5.5 0 0 1 .5.5V20l-6-4-6 4V4.5a.5.5 0 0 1 .5-.5Z"/>` },
  trash: {
    template: svg`<path d="M4 7h16M10 11v6m4-6v6M6 7l.9 12.1a2 2 0 0 0 2 1.9h6.2a2 2 0 0 0 2-1.9L18 7M9 7V4.8A1.8 1.8 0 0 1 10.8 3h2.4A1.8 1.8 0 0 1 15 4.8V7"/>`,
  },
  edit: { template: svg`<path d="M4 20h4L19.2 8.8a2.1 2.1 0 0 0-3-3L5 17v3Z"/><path d="m14.5 7.5 3 3"/>` },
  'drag-handle': {
    template: svg`<g fill="currentColor" stroke="none"><circle cx="9" cy="6" r="1.6"/><circle cx="15" cy="6" r="1.6"/><circle cx="9" cy="12" r="1.6"/><circle cx="15" cy="12" r="1.6"/><circle cx="9" cy="18" r="1.6"/><circle cx="15" cy="18" r="1.6"/></g>`,
  },
  more: {
    template: svg`<g fill="currentColor" stroke="none"><circle cx="5" cy="12" r="1.8"/><circle cx="12" cy="12" r="1.8"/><circle cx="19" cy="12" r="1.8"/></g>`,
  },
  'more-vertical': {
    template: svg`<g fill="currentColor" stroke="none"><circle cx="12" cy="5" r="1.8"/><circle cx="12" cy="12" r="1.8"/><circle cx="12" cy="19" r="1.8"/></g>`,
  },
  menu: { template: svg`<path d="M4 6.5h16M4 12h16M4 17.5h16"/>` },
  download: { template: svg`<path d="M12 4v11m-5-5 5 5 5-5M5 20h14"/>` },
  upload: { template: svg`<path d="M12 20V9m-5 5 5-5 5 5M5 4h14"/>` },
  info: {
    template: svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v5.5"/><circle cx="12" cy="7.8" r="1.1" fill="currentColor" stroke="none"/>`,
  },
  warning: {
    template: svg`<path d="M10.3 4.3 2.7 17.6A2 2 0 0 0 4.4 20.5h15.2a2 2 0 0 0 1.7-2.9L13.7 4.3a2 2 0 0 0-3.4 0Z"/><path d="M12 9.5v4.5"/><circle cx="12" cy="17.2" r="1.1" fill="currentColor" stroke="none"/>`,
  },
  error: {
    template: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7.5V13"/><circle cx="12" cy="16.3" r="1.1" fill="currentColor" stroke="none"/>`,
  },
  success: { template: svg`<circle cx="12" cy="12" r="9"/><path d="m8 12.3 2.8 2.8L16.2 9.6"/>` },
  home: { template: svg`<path d="M4 10.5 12 4l8 6.5V19a1 1 0 0 1-1 1h-4.5v-6h-5v6H5a1 1 0 0 1-1-1Z"/>` },
  list: {
    template: svg`<path d="M9 6h11M9 12h11M9 18h11"/><g fill="currentColor" stroke="none"><circle cx="4.5" cy="6" r="1.3"/><circle cx="4.5" cy="12" r="1.3"/><circle cx="4.5" cy="18" r="1.3"/></g>`,
  },
  grid: {
    template: svg`<rect x="4" y="4" width="6.5" height="6.5" rx="1.2"/><rect x="13.5" y="4" width="6.5" height="6.5" rx="1.2"/><rect x="4" y="13.5" width="6.5" height="6.5" rx="1.2"/><rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.2"/>`,
  },
  filter: { template: svg`<path d="M4 6.5h16M7 12h10M10 17.5h4"/>` },
  share: {
    template: svg`<circle cx="18" cy="5.5" r="2.5"/><circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="18.5" r="2.5"/><path d="m8.2 10.8 7.6-4.1m-7.6 6.5 7.6 4.1"/>`,
  },
  cast: {
    template: svg`<path d="M3 8.5V6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-5.5"/><path d="M3 12.5a7.5 7.5 0 0 1 7.5 7.5M3 16.5A3.5 3.5 0 0 1 6.5 20"/><circle cx="3.5" cy="20" r=".8" fill="currentColor"/>`,
  },
  eye: {
    template: svg`<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z"/><circle cx="12" cy="12" r="3"/>`,
  },
  'eye-off': {
    template: svg`<path d="M10 5.7A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.6 3.4M6.5 7.2C4 9 2.5 12 2.5 12s3.5 6.5 9.5 6.5a9.3 9.3 0 0 0 5-1.5"/><path d="M9.9 9.9a3 3 0 0 0 4.2 4.2M4 4l16 16"/>`,
  },
  lock: { template: svg`<rect x="5" y="10.5" width="14" height="10" rx="2"/><path d="M8 10.5V7.5a4 4 0 0 1 8 0v3"/>` },
  key: {
    template: svg`<circle cx="8" cy="15" r="4.5"/><path d="m11.2 11.8 8.3-8.3M16 7l2.5 2.5M13.5 9.5 15.5 11.5"/>`,
  },
  shield: { template: svg`<path d="M12 3 19 6v5.5c0 4.4-3 8-7 9.5-4-1.5-7-5.1-7-9.5V6Z"/>` },
  logout: {
    template: svg`<path d="M10 4.5H6a1 1 0 0 0-1 1v13a1 1 0 0 0 1 1h4M15 8l4 4-4 4m4-4H9.5"/>`,
    directional: true,
  },
  mail: { template: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 7 8.5 6 8.5-6"/>` },
  globe: {
    template: svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3Z"/>`,
  },
  calendar: { template: svg`<rect x="3.5" y="5" width="17" height="15" rx="2"/><path d="M3.5 10h17M8 3v4m8-4v4"/>` },
  clock: { template: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.2 2"/>` },
  'credit-card': { template: svg`<rect x="3" y="5.5" width="18" height="13" rx="2"/><path d="M3 10h18M7 15h3"/>` },
  film: {
    template: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M7.5 4v16m9-16v16M3 9h4.5M3 15h4.5m9-6H21m-4.5 6H21"/>`,
  },
  tv: { template: svg`<rect x="3" y="6" width="18" height="12.5" rx="2"/><path d="M8.5 21h7M9 3l3 3 3-3"/>` },
  laptop: { template: svg`<rect x="5" y="5.5" width="14" height="9.5" rx="1.2"/><path d="M3 18.5h18"/>` },
  copy: {
    template: svg`<rect x="8.5" y="8.5" width="12" height="12" rx="2"/><path d="M15.5 8.5V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v7.5a2 2 0 0 0 2 2h2.5"/>`,
  },
  'external-link': {
    template: svg`<path d="M14 4h6v6m0-6-8.5 8.5M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>`,
  },
  refresh: { template: svg`<path d="M20 12a8 8 0 1 1-2.35-5.66L20 8.5"/><path d="M20 3.5v5h-5"/>` },
  'bar-chart': { template: svg`<path d="M5 20V11m7 9V4m7 16v-7M3 20.5h18"/>` },
} satisfies Record<string, IconDefinition>;

/** The name of a built-in icon. */
export type IconName = keyof typeof builtIn;

const icons = new Map<string, IconDefinition>(Object.entries(builtIn));

/** Every registered icon name (built-in and added). */
export function iconNames(): string[] {
  return [...icons.keys()];
}

/** The icon registered as `name`, if any. */
export function getIcon(name: string): IconDefinition | undefined {
  return icons.get(name);
}

/**
 * Adds icons (or replaces built-in ones) for every `<reel-icon>` on the page. Templates must be
 * Lit `svg` templates for a 24×24 viewBox.
 *
 * @example
 * registerIcons({ 'four-k': { template: svg`<rect x="2" y="6" width="20" height="12" rx="2"/>` } });
 */
export function registerIcons(definitions: Record<string, IconDefinition>): void {
  for (const [name, definition] of Object.entries(definitions)) icons.set(name, definition);
}
