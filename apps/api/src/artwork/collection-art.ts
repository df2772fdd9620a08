import { dominantColor, paletteFor } from './palettes.js';
import { grain, linear, makeScene, motifFor, vignette } from './scenes.js';
import { esc, n, svgDoc, textAttrs, textWidth } from './svg.js';
import { renderBackdrop, renderPoster } from './title-art.js';

/** The genre family that styles a collection: the most common among its titles. */
export function collectionFamily(families: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of families) counts.set(f, (counts.get(f) ?? 0) + 1);
  // Most titles wins; ties go to the alphabetically first family, so the order does not matter.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0] ?? 'drama';
}

/** The dominant colour of a collection's artwork (`collections.artwork_color`). */
export function collectionColor(families: readonly string[], seed: number): string {
  return dominantColor(paletteFor(collectionFamily(families), seed));
}

export interface CollectionArtInput {
  slug: string;
  name: string;
  seed: number;
  family: string;
}

const asTitle = (c: CollectionArtInput) => ({
  id: c.slug,
  name: c.name,
  type: 'film' as const,
  year: null,
  tagline: null,
  seed: c.seed,
  genres: [{ slug: c.family, parent: null }],
  eyebrow: 'Collection',
});

/** A collection's 2:3 poster: its name set like a title, under a "Collection" eyebrow. */
export function renderCollectionPoster(c: CollectionArtInput): string {
  return renderPoster(asTitle(c));
}

/** A collection's 16:9 backdrop (no text). */
export function renderCollectionBackdrop(c: CollectionArtInput): string {
  return renderBackdrop(asTitle(c));
}

/** A genre tile (16:9, 640×360): the genre's scene with its name set bottom left. */
export function renderGenreTile(g: { slug: string; name: string; family: string; seed: number }): string {
  const p = paletteFor(g.family, g.seed);
  const s = makeScene(640, 360, p, g.seed, 'backdrop', 'genre');
  let body = motifFor(g.family === g.slug ? [] : [g.slug], g.family, g.seed)(s);
  body += grain(s, 0.08) + vignette(s, 0.45);
  body += `<rect width="640" height="360" fill="${linear(s, [
    [0.35, '#000000', 0],
    [1, '#000000', 0.7],
  ])}"/>`;
  const maxWidth = 560;
  let size = 54;
  const w = textWidth(g.name, 'sans', size, -0.01);
  if (w > maxWidth) size = (size * maxWidth) / w;
  body += `<text x="36" y="${n(360 - 36)}" fill="#ffffff" ${textAttrs(g.name, 'sans', size, -0.01, 700)}>${esc(g.name)}</text>`;
  return svgDoc(640, 360, `<defs>${s.defs.join('')}</defs>${body}`, g.name);
}
