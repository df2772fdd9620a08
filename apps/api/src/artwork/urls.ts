/**
 * Where generated artwork is served. The catalog, profile and schedule answers build their image
 * URLs here, and `routes/artwork.ts` serves exactly these paths. URLs carry a version (`?v=`), so
 * they are cached as immutable: a new generator version or a new artwork seed is a new URL.
 */
import { AVATARS } from './avatars.js';

/** Bump when the generator's output changes, so caches fetch the new images. */
export const ARTWORK_VERSION = '1';

/** Width variants a client may ask for with `?w=`: none, the images are SVG (vector, any size). */
export const ARTWORK_WIDTHS: readonly number[] = [];

const FALLBACK_COLOR = '#22222a';
const enc = encodeURIComponent;
const hexColor = (c: string | null | undefined) => (c && /^#[0-9a-f]{6}$/.test(c) ? c : FALLBACK_COLOR);

/** The contract's `Artwork`. */
export interface ArtworkUrls {
  poster: string;
  backdrop: string;
  widths: number[];
  color: string;
}

/**
 * A title's artwork: 2:3 poster and 16:9 backdrop, with its dominant colour.
 *
 * @example
 * titleArtwork('ttl_4k2j9x0m7q1b5c8d', 1234, '#1f3b4d').poster
 * // '/media/artwork/titles/ttl_4k2j9x0m7q1b5c8d/poster.svg?v=1-1234'
 */
export function titleArtwork(id: string, seed: number, color: string): ArtworkUrls {
  const v = `${ARTWORK_VERSION}-${seed}`;
  return {
    poster: `/media/artwork/titles/${enc(id)}/poster.svg?v=${v}`,
    backdrop: `/media/artwork/titles/${enc(id)}/backdrop.svg?v=${v}`,
    widths: [...ARTWORK_WIDTHS],
    color: hexColor(color),
  };
}

/** An episode's 16:9 still. */
export function episodeStill(id: string): string {
  return `/media/artwork/episodes/${enc(id)}/still.svg?v=${ARTWORK_VERSION}`;
}

/** A person's portrait (4:5). */
export function personPhoto(id: string): string {
  return `/media/artwork/people/${enc(id)}/photo.svg?v=${ARTWORK_VERSION}`;
}

/** A collection's artwork (poster and backdrop); pass the row's colour when known. */
export function collectionArtwork(slug: string, color?: string | null): ArtworkUrls {
  return {
    poster: `/media/artwork/collections/${enc(slug)}/poster.svg?v=${ARTWORK_VERSION}`,
    backdrop: `/media/artwork/collections/${enc(slug)}/backdrop.svg?v=${ARTWORK_VERSION}`,
    widths: [...ARTWORK_WIDTHS],
    color: hexColor(color),
  };
}

/** A genre's 16:9 tile with its name (the contract's `Genre.artwork`). */
export function genreArtwork(slug: string): string {
  return `/media/artwork/genres/${enc(slug)}/tile.svg?v=${ARTWORK_VERSION}`;
}

/** A profile avatar's image. */
export function avatarUrl(key: string): string {
  return `/media/avatars/${enc(key)}.svg?v=${ARTWORK_VERSION}`;
}

/** The avatar keys a profile can pick, in picker order. */
export const AVATAR_KEYS: readonly string[] = AVATARS.map((a) => a.key);

/** The contract's `ProfileAvatar` list: key, URL, label, picker group and colour. */
export function avatarList(): { key: string; url: string; label: string; group: string; color: string }[] {
  return AVATARS.map((a) => ({ key: a.key, url: avatarUrl(a.key), label: a.label, group: a.group, color: a.color }));
}
