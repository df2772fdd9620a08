import { AVATARS } from '../artwork/avatars.js';
import { avatarUrl as artworkAvatarUrl, avatarList } from '../artwork/urls.js';

/**
 * Profile avatars, as the profile routes use them: the generated set of `src/artwork` (served at
 * `/media/avatars/<key>.svg`), with the defaults a new profile gets.
 */

/** The contract's `ProfileAvatar`. */
export type AvatarView = ReturnType<typeof avatarList>[number];

const KEYS = new Set(AVATARS.map((a) => a.key));
const CLASSICS = AVATARS.filter((a) => a.group === 'classics').map((a) => a.key);

/** The default avatar for a kids profile. */
export const KIDS_AVATAR = AVATARS.find((a) => a.group === 'kids')?.key ?? (AVATARS[0]?.key as string);

/** Whether a key is one of the avatars offered. */
export function isAvatar(key: string): boolean {
  return KEYS.has(key);
}

/** The avatar a new profile gets when none is chosen (by position, so profiles differ). */
export function defaultAvatar(position: number): string {
  return CLASSICS[position % CLASSICS.length] ?? (AVATARS[0]?.key as string);
}

/** The image of an avatar; a key that is not offered (any more) shows the first default. */
export function avatarUrl(key: string): string {
  return artworkAvatarUrl(isAvatar(key) ? key : defaultAvatar(0));
}

/** Every avatar, in picker order. */
export function listAvatars(): AvatarView[] {
  return avatarList();
}
