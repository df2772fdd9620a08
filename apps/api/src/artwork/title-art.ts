import { Rng } from '../seed/random.js';
import { dominantColor, type Palette, paletteFor } from './palettes.js';
import { grain, linear, makeScene, motifFor, radial, type Scene, vignette } from './scenes.js';
import {
  balanceLines,
  contrast,
  esc,
  FONT_STACK,
  type FontKind,
  luminance,
  mix,
  n,
  svgDoc,
  textAttrs,
  textWidth,
} from './svg.js';

/** What the artwork of a title is drawn from. */
export interface TitleArtInput {
  id: string;
  name: string;
  type: 'film' | 'series' | 'anime';
  year: number | null;
  tagline: string | null;
  originalName?: string | null;
  seed: number;
  /** The title's genres in order, with their parents. */
  genres: readonly { slug: string; parent: string | null }[];
  networks?: readonly string[];
  studios?: readonly string[];
  /** A line above the title in place of the tagline (collections: "Collection"). */
  eyebrow?: string;
}

/** The top-level genre that styles a title's artwork. */
export function artFamily(genres: TitleArtInput['genres']): string {
  const first = genres[0];
  return first ? (first.parent ?? first.slug) : 'drama';
}

function subGenres(genres: TitleArtInput['genres'], family: string): string[] {
  return genres.filter((g) => g.parent === family).map((g) => g.slug);
}

/** The palette of a title's artwork. */
export function titlePalette(genres: TitleArtInput['genres'], seed: number): Palette {
  return paletteFor(artFamily(genres), seed);
}

/** The dominant colour of a title's artwork (`titles.artwork_color`). */
export function titleColor(genres: TitleArtInput['genres'], seed: number): string {
  return dominantColor(titlePalette(genres, seed));
}

type Treatment = 'block' | 'stacked' | 'serif' | 'tracked' | 'outline';

const TREATMENTS: Record<string, readonly Treatment[]> = {
  action: ['block', 'stacked', 'block'],
  thriller: ['block', 'tracked', 'stacked'],
  crime: ['block', 'stacked', 'tracked', 'serif'],
  'sci-fi': ['tracked', 'block', 'stacked'],
  horror: ['serif', 'block', 'tracked'],
  war: ['block', 'serif'],
  sports: ['stacked', 'block'],
  drama: ['serif', 'tracked', 'serif'],
  romance: ['serif', 'serif', 'tracked'],
  history: ['serif', 'tracked'],
  mystery: ['serif', 'block'],
  documentary: ['tracked', 'serif', 'block'],
  music: ['stacked', 'tracked', 'block'],
  comedy: ['block', 'outline', 'stacked'],
  family: ['outline'],
  animation: ['outline'],
  fantasy: ['serif', 'tracked'],
  adventure: ['block', 'serif'],
  western: ['serif', 'block'],
  anime: ['outline', 'block', 'stacked'],
};

const SMALL_WORDS = new Set(['THE', 'A', 'AN', 'OF', 'AND', 'IN', 'TO', 'AT', 'ON', 'MY', '&', 'FOR']);

/** One word a line, small words (articles, prepositions) kept with the word after them. */
function stackWords(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let carry = '';
  for (const w of words) {
    if (SMALL_WORDS.has(w.toUpperCase())) {
      carry = carry ? `${carry} ${w}` : w;
      continue;
    }
    lines.push(carry ? `${carry} ${w}` : w);
    carry = '';
  }
  if (carry) {
    if (lines.length) lines[lines.length - 1] += ` ${carry}`;
    else lines.push(carry);
  }
  return lines.slice(0, 4).length === lines.length ? lines : balanceLines(text, 'condensed', 4);
}

interface Block {
  svg: string;
  height: number;
}

/** Lays out the title in the chosen treatment, fitting `width`, from baseline `bottom` upwards. */
function titleBlock(
  treatment: Treatment,
  name: string,
  x: number,
  width: number,
  bottom: number,
  maxHeight: number,
  color: string,
  accent: string,
  align: 'middle' | 'start',
  stroke: string | null,
): Block {
  let font: FontKind = 'condensed';
  let tracking = 0;
  let maxSize = 150;
  let lineGap = 0.9;
  let text = name.toUpperCase();
  let maxLines = 3;
  let weight = 700;
  if (treatment === 'serif') {
    font = 'serif';
    text = name;
    maxSize = 104;
    lineGap = 1.02;
    tracking = 0.01;
    weight = 700;
  } else if (treatment === 'tracked') {
    font = 'sans';
    tracking = 0.16;
    maxSize = 60;
    lineGap = 1.25;
    maxLines = 3;
  } else if (treatment === 'outline') {
    font = 'sans';
    maxSize = 96;
    lineGap = 1.0;
    tracking = -0.01;
    text = name;
  } else if (treatment === 'stacked') {
    maxLines = 4;
    maxSize = 220;
    lineGap = 0.88;
  }
  const lines =
    treatment === 'stacked' && name.split(/\s+/).length <= 5
      ? stackWords(text)
      : balanceLines(text, font, maxLines, tracking);
  // One size for all lines (per line for stacked), then shrink the whole block to its height.
  let sizes = lines.map((l) => Math.min(maxSize, width / (textWidth(l, font, 1, tracking) || 1)));
  if (treatment !== 'stacked') {
    const min = Math.min(...sizes);
    sizes = sizes.map(() => min);
  } else {
    sizes = sizes.map((s) => Math.min(s, maxSize));
  }
  const total = sizes.reduce((a, s) => a + s * lineGap, 0);
  if (total > maxHeight) sizes = sizes.map((s) => (s * maxHeight) / total);
  let y = bottom;
  let out = '';
  const anchor = align === 'middle' ? 'middle' : 'start';
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const size = sizes[i] ?? 40;
    const fill = treatment === 'stacked' && lines.length > 1 && i === lines.length - 1 ? accent : color;
    const strokeAttrs = stroke
      ? ` stroke="${stroke}" stroke-width="${n(size * 0.12)}" stroke-linejoin="round" paint-order="stroke"`
      : '';
    out =
      `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}" fill="${fill}"${strokeAttrs} ${textAttrs(line, font, size, tracking, weight)}>${esc(line)}</text>` +
      out;
    y -= size * lineGap;
  }
  return { svg: out, height: bottom - y };
}

function smallCaps(
  text: string,
  x: number,
  y: number,
  size: number,
  color: string,
  anchor: 'middle' | 'start',
  maxWidth: number,
  opacity = 1,
): string {
  const t = text.toUpperCase();
  const tracking = 0.22;
  let s = size;
  const w = textWidth(t, 'sans', s, tracking);
  if (w > maxWidth) s = (s * maxWidth) / w;
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}" fill="${color}" opacity="${opacity}" ${textAttrs(t, 'sans', s, tracking, 700)}>${esc(t)}</text>`;
}

/** An italic line (taglines), wrapped to two lines at most. */
function italicLine(
  text: string,
  x: number,
  y: number,
  size: number,
  color: string,
  anchor: 'middle' | 'start',
  maxWidth: number,
  font: FontKind,
): string {
  const lines = textWidth(text, font, size) > maxWidth ? balanceLines(text, font, 2) : [text];
  let s = size;
  for (const l of lines) {
    const w = textWidth(l, font, s);
    if (w > maxWidth) s = (s * maxWidth) / w;
  }
  return lines
    .map(
      (l, i) =>
        `<text x="${n(x)}" y="${n(y + i * s * 1.25)}" text-anchor="${anchor}" fill="${color}" font-style="italic" ${textAttrs(l, font, s, 0.01, 400)}>${esc(l)}</text>`,
    )
    .join('');
}

function isOriginal(input: TitleArtInput): boolean {
  return (input.networks ?? []).includes('Reel Originals') || (input.studios ?? []).includes('Reel Originals');
}

/** The 2:3 poster (600×900): the scene, grain and vignette, and the title set over a scrim. */
export function renderPoster(input: TitleArtInput): string {
  const W = 600;
  const H = 900;
  const family = artFamily(input.genres);
  const p = paletteFor(family, input.seed);
  const s = makeScene(W, H, p, input.seed, 'poster');
  const rng = new Rng(input.seed, 'type');
  const motif = motifFor(subGenres(input.genres, family), family, input.seed);
  let body = motif(s);
  body += grain(s, 0.1);
  body += vignette(s, 0.55);

  const treatments = TREATMENTS[family] ?? ['block', 'serif', 'tracked'];
  const treatment = treatments[rng.int(0, treatments.length - 1)] ?? 'block';
  const darkInk = p.light && luminance(p.text) < 0.3;
  const outline = treatment === 'outline' || (p.light && !darkInk);
  const scrimColor = darkInk ? mix(p.glow, '#ffffff', 0.5) : mix(p.top, '#000000', 0.45);
  body += `<rect width="${W}" height="${H}" fill="${linear(s, [
    [0.45, scrimColor, 0],
    [0.72, scrimColor, darkInk ? 0.55 : 0.7],
    [1, scrimColor, darkInk ? 0.85 : 0.95],
  ])}"/>`;
  // Top shade for the eyebrow.
  body += `<rect width="${W}" height="${n(H * 0.2)}" fill="${linear(s, [
    [0, darkInk ? scrimColor : '#000000', darkInk ? 0.5 : 0.45],
    [1, darkInk ? scrimColor : '#000000', 0],
  ])}"/>`;

  let color = darkInk ? p.text : treatment === 'serif' || treatment === 'tracked' ? mix(p.text, p.glow, 0.25) : p.text;
  if (contrast(color, scrimColor) < 4.5) color = darkInk ? '#111111' : '#ffffff';
  const accent = contrast(p.accent, scrimColor) >= 3 ? p.accent : color;
  const stroke = outline ? (darkInk ? '#ffffff' : mix(p.top, '#000000', 0.55)) : null;
  const align: 'middle' | 'start' =
    treatment === 'tracked' || (treatment === 'stacked' && rng.chance(0.6)) ? 'start' : 'middle';
  const margin = 44;
  const x = align === 'middle' ? W / 2 : margin;
  const width = W - margin * 2;
  const bottom = H - 92;

  let text = '';
  const block = titleBlock(treatment, input.name, x, width, bottom, H * 0.36, color, accent, align, stroke);
  let shadowId = '';
  if (!darkInk && !outline) {
    shadowId = `${s.uid}sh`;
    s.defs.push(
      `<filter id="${shadowId}" x="-10%" y="-30%" width="120%" height="160%"><feDropShadow dx="0" dy="3" stdDeviation="6" flood-color="#000000" flood-opacity="0.55"/></filter>`,
    );
  }
  const rotate = outline && family !== 'anime' ? ` transform="rotate(-3 ${n(x)} ${n(bottom - block.height / 2)})"` : '';
  text += `<g${shadowId ? ` filter="url(#${shadowId})"` : ''}${rotate}>${block.svg}</g>`;
  if (treatment === 'tracked') {
    text += `<rect x="${n(x)}" y="${n(bottom - block.height - 8)}" width="56" height="4" fill="${accent}"/>`;
  }

  // Beneath the title: the original name (anime), a season line, or the year.
  const subColor = darkInk ? mix(p.text, scrimColor, 0.25) : mix(color, scrimColor, 0.2);
  const under = bottom + 34;
  if (input.type === 'anime' && input.originalName && input.originalName !== input.name) {
    const label = input.originalName;
    const size = 20;
    const w = Math.min(textWidth(label, 'sans', size, 0.04) + 28, width);
    const left = align === 'middle' ? x - w / 2 : x;
    text += `<rect x="${n(left)}" y="${n(under - 22)}" width="${n(w)}" height="32" rx="4" fill="${p.accent}"/>`;
    text += `<text x="${n(left + w / 2)}" y="${n(under)}" text-anchor="middle" fill="${contrast('#ffffff', p.accent) > 3 ? '#ffffff' : '#111111'}" ${textAttrs(label, 'sans', Math.min(size, ((w - 28) / textWidth(label, 'sans', size, 0.04)) * size), 0.04, 700)}>${esc(label)}</text>`;
  }
  // Billing line.
  const studio = (input.studios ?? [])[0];
  const billing = [studio, input.year ? String(input.year) : null].filter(Boolean).join('  ·  ');
  if (billing) text += smallCaps(billing, W / 2, H - 28, 13, subColor, 'middle', width, 0.75);

  // Eyebrow: an original's mark or the tagline.
  if (input.eyebrow) {
    text += `<rect x="${n(W / 2 - 28)}" y="92" width="56" height="3" fill="${accent}"/>`;
    text += smallCaps(input.eyebrow, W / 2, 74, 16, darkInk ? p.text : '#ffffff', 'middle', width, 0.92);
  } else if (isOriginal(input)) {
    const label = `A Reel Original ${input.type === 'film' ? 'Film' : 'Series'}`;
    text += `<rect x="${n(W / 2 - 9)}" y="38" width="18" height="18" rx="4" fill="#e50914"/><path d="M${n(W / 2 - 3)} 42v10l8-5z" fill="#ffffff"/>`;
    text += smallCaps(label, W / 2, 82, 14, darkInk ? p.text : '#ffffff', 'middle', width, 0.9);
  } else if (input.tagline && input.tagline.length <= 70) {
    const font: FontKind = treatment === 'serif' ? 'serif' : 'sans';
    if (font === 'serif')
      text += italicLine(input.tagline, W / 2, 62, 24, darkInk ? p.text : '#ffffff', 'middle', width, 'serif');
    else text += smallCaps(input.tagline, W / 2, 60, 14, darkInk ? p.text : '#ffffff', 'middle', width, 0.85);
  }
  return svgDoc(W, H, `<defs>${s.defs.join('')}</defs>${body}${text}`, `${input.name} poster`);
}

/** Shared 16:9 scene with a calm left side for overlaid text. */
function landscape(
  scene: Scene,
  motifSeed: number,
  family: string,
  genres: TitleArtInput['genres'],
  shade: number,
): string {
  const motif = motifFor(subGenres(genres, family), family, motifSeed);
  let body = motif(scene);
  body += grain(scene, 0.09);
  body += vignette(scene, 0.5);
  body += `<rect width="${scene.w}" height="${scene.h}" fill="${linear(
    scene,
    [
      [0, scene.p.top, shade],
      [0.55, scene.p.top, 0],
    ],
    0,
    0,
    1,
    0,
  )}"/>`;
  body += `<rect width="${scene.w}" height="${scene.h}" fill="${linear(scene, [
    [0.6, scene.p.top, 0],
    [1, scene.p.top, shade * 0.8],
  ])}"/>`;
  return body;
}

/** The 16:9 backdrop (1600×900), without text: heroes set the title over its calm left side. */
export function renderBackdrop(input: TitleArtInput): string {
  const family = artFamily(input.genres);
  const p = paletteFor(family, input.seed);
  const s = makeScene(1600, 900, p, input.seed, 'backdrop', 'backdrop');
  const body = landscape(s, input.seed, family, input.genres, 0.6);
  return svgDoc(1600, 900, `<defs>${s.defs.join('')}</defs>${body}`, `${input.name} backdrop`);
}

/** A 16:9 episode still (960×540): the title's palette, a scene of its own. */
export function renderStill(
  input: TitleArtInput,
  episode: { seed: number; name: string; season: number; number: number },
): string {
  const family = artFamily(input.genres);
  const p = paletteFor(family, input.seed);
  const s = makeScene(960, 540, p, episode.seed, 'still', 'still');
  let body = landscape(s, episode.seed, family, input.genres, 0.25);
  // A soft cinematic grade.
  body += `<rect width="960" height="540" fill="${radial(s, [
    [0, p.glow, 0.08],
    [1, p.top, 0.18],
  ])}"/>`;
  return svgDoc(
    960,
    540,
    `<defs>${s.defs.join('')}</defs>${body}`,
    `${input.name}, S${episode.season} E${episode.number}: ${episode.name}`,
  );
}

export { FONT_STACK };
