/** Small helpers for composing SVG as strings: escaping, numbers, colours and text metrics. */

/** Escapes text for an SVG/XML text node or attribute value; drops characters XML forbids. */
export function esc(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; strip them.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}

/** A number with at most one decimal, for compact coordinates. */
export const n = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

// ------------------------------------------------------------------------------------------
// Fonts. Stacks start with metric-compatible pairs (Arial Narrow/Liberation Sans Narrow,
// Arial/Liberation Sans, Times New Roman/Liberation Serif) so the widths measured below hold on
// Windows, macOS and Linux alike; `textLength` pins the width where another font steps in.

export type FontKind = 'condensed' | 'sans' | 'serif';

export const FONT_STACK: Record<FontKind, string> = {
  condensed: "'Arial Narrow','Liberation Sans Narrow','Roboto Condensed','Helvetica Neue',Arial,sans-serif",
  sans: "'Helvetica Neue',Arial,'Liberation Sans','DejaVu Sans',sans-serif",
  serif: "'Times New Roman','Liberation Serif',Times,Georgia,'DejaVu Serif',serif",
};

// Advance widths in 1/1000 em of Helvetica-Bold (= Arial Bold = Liberation Sans Bold).
const SANS_BOLD: Record<string, number> = {
  ' ': 278,
  '!': 333,
  '"': 474,
  '#': 556,
  $: 556,
  '%': 889,
  '&': 722,
  "'": 238,
  '(': 333,
  ')': 333,
  '*': 389,
  '+': 584,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  ':': 333,
  ';': 333,
  '?': 611,
  '@': 975,
  A: 722,
  B: 722,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 556,
  K: 722,
  L: 611,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  a: 556,
  b: 611,
  c: 556,
  d: 611,
  e: 556,
  f: 333,
  g: 611,
  h: 611,
  i: 278,
  j: 278,
  k: 556,
  l: 278,
  m: 889,
  n: 611,
  o: 611,
  p: 611,
  q: 611,
  r: 389,
  s: 556,
  t: 333,
  u: 611,
  v: 556,
  w: 778,
  x: 556,
  y: 556,
  z: 500,
  '\u2019': 278,
  '\u2018': 278,
  '\u2014': 1000,
  '\u2013': 556,
  '\u00b7': 278,
  '\u2026': 1000,
};
// Times-Bold (= Times New Roman Bold = Liberation Serif Bold).
const SERIF_BOLD: Record<string, number> = {
  ' ': 250,
  '!': 333,
  '"': 555,
  '&': 833,
  "'": 278,
  '(': 333,
  ')': 333,
  ',': 250,
  '-': 333,
  '.': 250,
  '/': 278,
  ':': 333,
  ';': 333,
  '?': 500,
  A: 722,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 778,
  I: 389,
  J: 500,
  K: 778,
  L: 667,
  M: 944,
  N: 722,
  O: 778,
  P: 611,
  Q: 778,
  R: 722,
  S: 556,
  T: 667,
  U: 722,
  V: 722,
  W: 1000,
  X: 722,
  Y: 722,
  Z: 667,
  a: 500,
  b: 556,
  c: 444,
  d: 556,
  e: 444,
  f: 333,
  g: 500,
  h: 556,
  i: 278,
  j: 333,
  k: 556,
  l: 278,
  m: 833,
  n: 556,
  o: 500,
  p: 556,
  q: 556,
  r: 444,
  s: 389,
  t: 333,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 444,
  '\u2019': 333,
  '\u2018': 333,
  '\u2014': 1000,
  '\u2013': 500,
  '\u00b7': 250,
  '\u2026': 1000,
};

function advance(table: Record<string, number>, ch: string, digit: number): number {
  const direct = table[ch];
  if (direct !== undefined) return direct;
  if (ch >= '0' && ch <= '9') return digit;
  // Accented Latin letters are as wide as their base letter.
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base !== ch && base.length === 1) return advance(table, base, digit);
  const code = ch.codePointAt(0) ?? 0;
  // CJK and other wide scripts.
  if (code >= 0x2e80) return 1000;
  return 600;
}

/** The width of `text` in em at weight bold in the given font kind (letter-spacing not included). */
export function measure(text: string, font: FontKind): number {
  let total = 0;
  for (const ch of text) {
    if (font === 'serif') total += advance(SERIF_BOLD, ch, 500);
    else total += advance(SANS_BOLD, ch, 556) * (font === 'condensed' ? 0.82 : 1);
  }
  return total / 1000;
}

/** Width in px of `text` at `size`, with `tracking` (letter-spacing in em). */
export function textWidth(text: string, font: FontKind, size: number, tracking = 0): number {
  const chars = [...text].length;
  return (measure(text, font) + tracking * Math.max(0, chars - 1)) * size;
}

/**
 * Breaks `text` into at most `maxLines` lines with the widest line as narrow as possible
 * (balanced lines, as a designer would set a title), by trying every split of the words.
 */
export function balanceLines(text: string, font: FontKind, maxLines: number, tracking = 0): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= 1 || maxLines <= 1) return [words.join(' ')];
  const width = (ws: string[]) => measure(ws.join(' '), font) + tracking * Math.max(0, ws.join(' ').length - 1);
  let best: string[] = [words.join(' ')];
  let bestScore = width(words);
  const search = (start: number, lines: string[][], remaining: number) => {
    if (start === words.length) {
      const widths = lines.map(width);
      const max = Math.max(...widths);
      // Prefer fewer lines unless splitting makes the title clearly bigger.
      const score = max * (1 + 0.04 * lines.length);
      if (score < bestScore) {
        bestScore = score;
        best = lines.map((l) => l.join(' '));
      }
      return;
    }
    if (remaining === 0) return;
    for (let end = start + 1; end <= words.length; end++) {
      if (remaining === 1 && end !== words.length) continue;
      search(end, [...lines, words.slice(start, end)], remaining - 1);
    }
  };
  if (words.length <= 12) search(0, [], maxLines);
  return best;
}

/** Attributes of a text run: font, size and a `textLength` pinning the measured width. */
export function textAttrs(text: string, font: FontKind, size: number, tracking = 0, weight = 700): string {
  const w = textWidth(text, font, size, tracking);
  const spacing = tracking ? ` letter-spacing="${n(tracking * size)}"` : '';
  return `font-family="${FONT_STACK[font]}" font-weight="${weight}" font-size="${n(size)}"${spacing} textLength="${n(w)}" lengthAdjust="spacingAndGlyphs"`;
}

// ------------------------------------------------------------------------------------------
// Colours.

export type Rgb = [number, number, number];

export function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [Number.parseInt(h.slice(0, 2), 16), Number.parseInt(h.slice(2, 4), 16), Number.parseInt(h.slice(4, 6), 16)];
}

export function hex([r, g, b]: Rgb): string {
  const c = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** `a` mixed towards `b` by `t` (0–1). */
export function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return hex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** WCAG relative luminance. */
export function luminance(color: string): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(color);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Hue rotation in HSL space, for small per-title palette variation. */
export function shiftHue(color: string, degrees: number, satScale = 1, lightScale = 1): string {
  const [r0, g0, b0] = rgb(color).map((v) => v / 255) as Rgb;
  const max = Math.max(r0, g0, b0);
  const min = Math.min(r0, g0, b0);
  let h = 0;
  let s = 0;
  const l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r0) h = (g0 - b0) / d + (g0 < b0 ? 6 : 0);
    else if (max === g0) h = (b0 - r0) / d + 2;
    else h = (r0 - g0) / d + 4;
    h *= 60;
  }
  h = (((h + degrees) % 360) + 360) % 360;
  s = Math.min(1, s * satScale);
  const l2 = Math.min(1, l * lightScale);
  const c = (1 - Math.abs(2 * l2 - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l2 - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return hex([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

/** A standalone SVG document. */
export function svgDoc(width: number, height: number, body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${body}</svg>`;
}
