import type { Artwork } from '@reel/contracts';

/**
 * Resolves a media path of the API (`/media/artwork/…`) against the API base, so artwork loads
 * from the API's origin on a partner page too (`api-base="https://reel.example/api/v1"`).
 * Same-origin bases (`/api/v1`) leave the path as it is.
 *
 * @example
 * mediaUrl('/media/artwork/titles/t1/poster.svg?v=1', 'https://reel.example/api/v1');
 * // 'https://reel.example/media/artwork/titles/t1/poster.svg?v=1'
 */
export function mediaUrl(path: string, apiBase: string | null | undefined): string {
  if (!apiBase || !/^https?:\/\//i.test(apiBase) || /^https?:\/\//i.test(path)) return path;
  return new URL(path, apiBase).href;
}

/**
 * A `srcset` for artwork that comes in several widths (`?w=`); empty for vector artwork (SVG,
 * which has no width variants), where one URL serves every size.
 */
export function artworkSrcset(url: string, artwork: Artwork): string {
  if (!artwork.widths.length) return '';
  const join = url.includes('?') ? '&' : '?';
  return artwork.widths.map((w) => `${url}${join}w=${w} ${w}w`).join(', ');
}
