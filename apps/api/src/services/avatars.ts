/**
 * Profile avatars, generated (no image files): a face on a coloured disc, in a few shapes and
 * expressions. The key picks the colour, the motif and the group shown in the picker.
 */

/** The contract's `ProfileAvatar`. */
export interface AvatarView {
  key: string;
  url: string;
  label: string;
  group: string;
  color: string;
}

interface Avatar {
  key: string;
  label: string;
  group: 'classics' | 'animals' | 'kids';
  color: string;
  motif: 'smile' | 'grin' | 'wink' | 'calm' | 'cat' | 'bear' | 'fox' | 'owl' | 'star' | 'sun' | 'robot' | 'ghost';
}

const AVATARS: readonly Avatar[] = [
  { key: 'smile-red', label: 'Red smiling face', group: 'classics', color: '#e5484d', motif: 'smile' },
  { key: 'smile-blue', label: 'Blue smiling face', group: 'classics', color: '#3e63dd', motif: 'smile' },
  { key: 'grin-green', label: 'Green grinning face', group: 'classics', color: '#30a46c', motif: 'grin' },
  { key: 'grin-yellow', label: 'Yellow grinning face', group: 'classics', color: '#f5c400', motif: 'grin' },
  { key: 'wink-purple', label: 'Purple winking face', group: 'classics', color: '#8e4ec6', motif: 'wink' },
  { key: 'wink-teal', label: 'Teal winking face', group: 'classics', color: '#12a594', motif: 'wink' },
  { key: 'calm-orange', label: 'Orange calm face', group: 'classics', color: '#f76b15', motif: 'calm' },
  { key: 'calm-pink', label: 'Pink calm face', group: 'classics', color: '#d6409f', motif: 'calm' },
  { key: 'cat-grey', label: 'Grey cat', group: 'animals', color: '#8b8d98', motif: 'cat' },
  { key: 'bear-brown', label: 'Brown bear', group: 'animals', color: '#a07553', motif: 'bear' },
  { key: 'fox-orange', label: 'Red fox', group: 'animals', color: '#ef5f00', motif: 'fox' },
  { key: 'owl-indigo', label: 'Indigo owl', group: 'animals', color: '#3358d4', motif: 'owl' },
  { key: 'star-gold', label: 'Golden star', group: 'kids', color: '#ffb224', motif: 'star' },
  { key: 'sun-yellow', label: 'Happy sun', group: 'kids', color: '#ffc53d', motif: 'sun' },
  { key: 'robot-cyan', label: 'Friendly robot', group: 'kids', color: '#00a2c7', motif: 'robot' },
  { key: 'ghost-lilac', label: 'Little ghost', group: 'kids', color: '#ab4aba', motif: 'ghost' },
];

const BY_KEY = new Map(AVATARS.map((a) => [a.key, a]));

/** The avatar a new profile gets when none is chosen (by position, so profiles differ). */
export function defaultAvatar(position: number): string {
  const classics = AVATARS.filter((a) => a.group === 'classics');
  return (classics[position % classics.length] as Avatar).key;
}

/** The default avatar for a kids profile. */
export const KIDS_AVATAR = 'star-gold';

/** One of the designed avatars (any other well-formed key still gets a generated image). */
export function isAvatar(key: string): boolean {
  return BY_KEY.has(key);
}

/** The design for a key: its own, or one picked from the key's hash for keys outside the list. */
function designOf(key: string): Avatar {
  const own = BY_KEY.get(key);
  if (own) return own;
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const base = AVATARS[h % AVATARS.length] as Avatar;
  return { ...base, key, label: 'Avatar' };
}

/** Where the image of an avatar is served (same origin). */
export function avatarUrl(key: string): string {
  return `/api/v1/profiles/avatars/${encodeURIComponent(key)}.svg`;
}

/** Every avatar, in picker order. */
export function listAvatars(): AvatarView[] {
  return AVATARS.map((a) => ({ key: a.key, url: avatarUrl(a.key), label: a.label, group: a.group, color: a.color }));
}

const EYES = '<circle cx="46" cy="54" r="5"/><circle cx="82" cy="54" r="5"/>';
const MOTIFS: Record<Avatar['motif'], string> = {
  smile: `${EYES}<path d="M44 78q20 18 40 0" fill="none" stroke="#111" stroke-width="6" stroke-linecap="round"/>`,
  grin: `${EYES}<path d="M40 74h48q-4 24-24 24t-24-24z" fill="#111"/><path d="M46 76h36v6H46z" fill="#fff"/>`,
  wink: `<circle cx="46" cy="54" r="5"/><path d="M76 54h12" stroke="#111" stroke-width="6" stroke-linecap="round"/><path d="M46 80q18 14 36 0" fill="none" stroke="#111" stroke-width="6" stroke-linecap="round"/>`,
  calm: `<path d="M40 56q6-6 12 0M76 56q6-6 12 0" fill="none" stroke="#111" stroke-width="5" stroke-linecap="round"/><path d="M54 82h20" stroke="#111" stroke-width="6" stroke-linecap="round"/>`,
  cat: `<path d="M30 40l6-26 18 16zM98 40l-6-26-18 16z" fill="#111" opacity=".55"/>${EYES}<path d="M58 70l6 6 6-6zM64 76v6M40 72l-14-2M40 78l-14 4M88 72l14-2M88 78l14 4" stroke="#111" stroke-width="3" fill="#111"/>`,
  bear: `<circle cx="32" cy="32" r="14" fill="#111" opacity=".45"/><circle cx="96" cy="32" r="14" fill="#111" opacity=".45"/>${EYES}<ellipse cx="64" cy="80" rx="16" ry="12" fill="#fff" opacity=".7"/><circle cx="64" cy="75" r="5"/>`,
  fox: `<path d="M26 30l22 22-24 4zM102 30l-22 22 24 4z" fill="#111" opacity=".5"/><path d="M28 70q36 40 72 0q-36 14-72 0z" fill="#fff"/>${EYES}<circle cx="64" cy="86" r="5"/>`,
  owl: `<circle cx="46" cy="56" r="15" fill="#fff"/><circle cx="82" cy="56" r="15" fill="#fff"/>${EYES}<path d="M58 70l6 10 6-10z" fill="#f5c400"/>`,
  star: `<path d="M64 18l13 28 30 3-23 20 7 30-27-16-27 16 7-30-23-20 30-3z" fill="#fff" opacity=".85"/>${EYES}<path d="M52 76q12 10 24 0" fill="none" stroke="#111" stroke-width="5" stroke-linecap="round"/>`,
  sun: `<g stroke="#fff" stroke-width="6" stroke-linecap="round" opacity=".8"><path d="M64 8v12M64 108v12M8 64h12M108 64h12M24 24l8 8M96 96l8 8M24 104l8-8M96 32l8-8"/></g>${EYES}<path d="M46 78q18 16 36 0" fill="none" stroke="#111" stroke-width="6" stroke-linecap="round"/>`,
  robot: `<rect x="30" y="36" width="68" height="56" rx="10" fill="#fff" opacity=".85"/><path d="M64 36V22" stroke="#fff" stroke-width="5"/><circle cx="64" cy="20" r="5" fill="#fff"/><rect x="42" y="50" width="12" height="12" rx="2"/><rect x="74" y="50" width="12" height="12" rx="2"/><path d="M48 76h32" stroke="#111" stroke-width="5" stroke-dasharray="4 4"/>`,
  ghost: `<path d="M34 100V58a30 30 0 0 1 60 0v42l-10-8-10 8-10-8-10 8-10-8z" fill="#fff" opacity=".9"/>${EYES}<ellipse cx="64" cy="76" rx="6" ry="8"/>`,
};

/** The SVG image of an avatar key (null for a malformed key). */
export function avatarSvg(key: string): string | null {
  if (!/^[a-z0-9-]{1,40}$/.test(key)) return null;
  const a = designOf(key);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" role="img" aria-label="${a.label}"><rect width="128" height="128" rx="24" fill="${a.color}"/><g fill="#111">${MOTIFS[a.motif]}</g></svg>`;
}
