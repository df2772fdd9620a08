// The HLS ladder: which rungs a source gets, their bitrates, and the CODECS strings of the
// multivariant playlist.
import type { PlayerQuality } from '@reel/contracts';

export interface RungSpec {
  label: PlayerQuality;
  height: number;
  /** Target video bitrate, bits per second (peak is 110 % of it). */
  bitrate: number;
  /** H.264 level for the CODECS string and the encoder (`-level:v`). */
  level: string;
}

/** Every rung the pipeline knows, highest first. */
export const RUNGS: readonly RungSpec[] = [
  { label: '2160p', height: 2160, bitrate: 14_000_000, level: '5.1' },
  { label: '1440p', height: 1440, bitrate: 8_000_000, level: '5.0' },
  { label: '1080p', height: 1080, bitrate: 4_500_000, level: '4.0' },
  { label: '720p', height: 720, bitrate: 2_500_000, level: '3.1' },
  { label: '480p', height: 480, bitrate: 1_100_000, level: '3.0' },
  { label: '360p', height: 360, bitrate: 650_000, level: '3.0' },
  { label: '240p', height: 240, bitrate: 300_000, level: '3.0' },
];

/** The rung heights by label, lowest first (for comparisons with a plan's ceiling). */
export const QUALITY_ORDER: readonly PlayerQuality[] = ['240p', '360p', '480p', '720p', '1080p', '1440p', '2160p'];
export const heightOf = (q: PlayerQuality): number => Number.parseInt(q, 10);

/**
 * The rungs for a source of this height: its own (or the nearest below) and a few below it, no
 * upscaling, at most four (1080p → 1080/720/480/240; 720p → 720/480/240; 360p → 360/240).
 * A source under 240 lines gets one 240p rung at its own size.
 */
export function chooseRungs(height: number): RungSpec[] {
  const top = RUNGS.find((r) => r.height <= height + 8);
  if (!top) return [RUNGS[RUNGS.length - 1] as RungSpec];
  const plans: Record<string, PlayerQuality[]> = {
    '2160p': ['2160p', '1440p', '1080p', '720p', '480p', '240p'],
    '1440p': ['1440p', '1080p', '720p', '480p', '240p'],
    '1080p': ['1080p', '720p', '480p', '240p'],
    '720p': ['720p', '480p', '240p'],
    '480p': ['480p', '360p', '240p'],
    '360p': ['360p', '240p'],
    '240p': ['240p'],
  };
  const labels = plans[top.label] ?? [top.label];
  return labels.map((l) => RUNGS.find((r) => r.label === l) as RungSpec);
}

/** An even width for `height` keeping the source's aspect ratio. */
export function widthFor(height: number, sourceWidth: number, sourceHeight: number): number {
  const w = Math.round((sourceWidth * height) / Math.max(1, sourceHeight));
  return Math.max(2, w - (w % 2));
}

/**
 * The RFC 6381 codec string of an H.264 stream, read from the `avcC` box of an fMP4 init
 * segment (`avc1.64001f`); null when the box is not there.
 */
export function avcCodecsFromInit(init: Buffer): string | null {
  const at = init.indexOf('avcC');
  if (at < 0 || at + 8 > init.length) return null;
  // avcC: configurationVersion, AVCProfileIndication, profile_compatibility, AVCLevelIndication.
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  return `avc1.${hex(init[at + 5] as number)}${hex(init[at + 6] as number)}${hex(init[at + 7] as number)}`;
}

/** H.264 profile/level → codec string, when the init segment cannot be read: High profile. */
export function avcCodecs(level: string): string {
  const n = Math.round(Number(level) * 10);
  return `avc1.6400${n.toString(16).padStart(2, '0')}`;
}

/** AAC-LC, as the pipeline encodes every audio rendition. */
export const AAC_LC = 'mp4a.40.2';

const ISO639_2: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  por: 'pt',
  jpn: 'ja',
  kor: 'ko',
  zho: 'zh',
  chi: 'zh',
  ara: 'ar',
  hin: 'hi',
  rus: 'ru',
  nld: 'nl',
  dut: 'nl',
  swe: 'sv',
  pol: 'pl',
  tur: 'tr',
  dan: 'da',
  fin: 'fi',
  nor: 'no',
  nob: 'nb',
  ces: 'cs',
  cze: 'cs',
  ell: 'el',
  gre: 'el',
  heb: 'he',
  hun: 'hu',
  ind: 'id',
  tha: 'th',
  ukr: 'uk',
  vie: 'vi',
  ron: 'ro',
  rum: 'ro',
};

/** A stream's language tag as a BCP 47 tag (`spa` → `es`); `und` when absent or unreadable. */
export function bcp47(tag: string | null | undefined): string {
  if (!tag) return 'und';
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const [primary = '', ...rest] = lower.split('-');
  const base = ISO639_2[primary] ?? primary;
  const out = [base, ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
  return /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(out) ? out : 'und';
}

/** A language's name in itself: `es` → `Español`; the tag when unknown. */
export function endonym(language: string): string {
  if (language === 'und') return 'Unknown';
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    if (name && name !== language) return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  } catch {
    // Not a language Intl knows.
  }
  return language;
}
