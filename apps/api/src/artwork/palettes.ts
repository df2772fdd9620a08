import { hash32 } from '../seed/random.js';
import { mix, shiftHue } from './svg.js';

/** A colour scheme for a piece of artwork. */
export interface Palette {
  /** Sky/background, top to bottom. */
  top: string;
  bottom: string;
  /** The bright colour of the scene (neon, planet, sun). */
  accent: string;
  /** Light sources: sun, moon, glows. */
  glow: string;
  /** The title's colour. */
  text: string;
  /** True when the background is light and text needs a dark treatment. */
  light?: boolean;
}

const p = (top: string, bottom: string, accent: string, glow: string, text: string, light = false): Palette => ({
  top,
  bottom,
  accent,
  glow,
  text,
  light,
});

/** Palettes per top-level genre. */
export const PALETTES: Record<string, readonly Palette[]> = {
  'sci-fi': [
    p('#04101c', '#0f3b4f', '#3fd0c9', '#f6b26b', '#eafcff'),
    p('#0b0720', '#3a1553', '#c45bd6', '#ffd3a5', '#fbeaff'),
    p('#050a16', '#1c3358', '#6fa8ff', '#dbe8ff', '#f0f6ff'),
    p('#140a05', '#5a2a12', '#ff9b42', '#ffe0b0', '#fff4e6'),
  ],
  crime: [
    p('#0a0c10', '#22303a', '#f2a541', '#ffd08a', '#fff6e8'),
    p('#0c0608', '#3a0f18', '#ff4455', '#ff9aa5', '#fff0f1'),
    p('#0d1117', '#2b3a4a', '#9fb7c9', '#dfe9f1', '#ffffff'),
  ],
  thriller: [
    p('#0b0f13', '#26343b', '#d6e4e8', '#ffffff', '#ffffff'),
    p('#100607', '#40141a', '#e63946', '#ffb3ad', '#ffffff'),
    p('#14100a', '#4a3a1e', '#e0b04f', '#fff0c9', '#fff8ea'),
  ],
  horror: [
    p('#080405', '#2a0b0e', '#b3121b', '#ffcfb0', '#f4e9e0'),
    p('#050806', '#1b2b1f', '#7fb069', '#e6f5c9', '#f1f6ea'),
    p('#0a0b10', '#2d3140', '#8e9bb8', '#e4e8f2', '#f2f4fa'),
  ],
  drama: [
    p('#2b1a12', '#9c5a2e', '#f3b562', '#ffe7b8', '#fffaf0'),
    p('#101a2b', '#47628a', '#f0c987', '#fff1d0', '#fffdf7'),
    p('#18231d', '#557062', '#e8d5a3', '#fbf3de', '#fbfbf5'),
  ],
  comedy: [
    p('#ffd23f', '#ff9f1c', '#ee4266', '#fff6cc', '#1b1b3a', true),
    p('#b8f2e6', '#5ec2b7', '#ff6f59', '#ffffff', '#12263a', true),
    p('#ffc6d9', '#ff8fab', '#3a86ff', '#fff0f5', '#2b193d', true),
    p('#1b1b3a', '#3a2e6b', '#ffd23f', '#fff6cc', '#ffffff'),
  ],
  romance: [
    p('#2a1626', '#b0566f', '#ffb5a7', '#ffe5d9', '#fff5f2'),
    p('#1e1a33', '#6c5b9e', '#f7c6d9', '#fde8f0', '#fff7fb'),
    p('#14283b', '#e07a5f', '#f2cc8f', '#fff1dc', '#fffaf3'),
  ],
  family: [
    p('#5cc6f2', '#cdefff', '#7bc96f', '#ffd166', '#ffffff', true),
    p('#ff8f7e', '#ffd6a5', '#6bcb77', '#fff3b0', '#ffffff', true),
    p('#1d2b64', '#4a5fa8', '#ffd166', '#fff4c2', '#ffffff'),
  ],
  fantasy: [
    p('#07170f', '#1f5a46', '#9be3c2', '#f7e7a1', '#f5fff9'),
    p('#120b26', '#3d2a78', '#e0b64f', '#ffe9a8', '#fff8e6'),
    p('#1a0906', '#6e1f10', '#ff7b39', '#ffd29a', '#fff3e8'),
  ],
  action: [
    p('#06141c', '#11465a', '#ff7a1a', '#ffd0a0', '#ffffff'),
    p('#0a0a0a', '#3b0d0d', '#ff3b30', '#ffb199', '#ffffff'),
    p('#0a1220', '#22406a', '#5ab0ff', '#d6ecff', '#ffffff'),
  ],
  adventure: [
    p('#0b2016', '#2f6b3f', '#f4a259', '#ffe3b3', '#fffaf0'),
    p('#1e3d59', '#f5b971', '#e76f51', '#fff1c9', '#ffffff'),
    p('#0d2538', '#6aa9c9', '#e9f5fb', '#ffffff', '#ffffff'),
  ],
  documentary: [
    p('#1b2a1a', '#6b8f4e', '#e9c46a', '#fff3c4', '#ffffff'),
    p('#041c2c', '#0e5e7a', '#7fdbda', '#e0fbfc', '#ffffff'),
    p('#1f1a14', '#6d5a44', '#d9b98b', '#f4e6cf', '#fbf6ee'),
  ],
  music: [
    p('#12051f', '#4b0f59', '#ff3cac', '#ffd1f0', '#ffffff'),
    p('#050b2e', '#1d2fb5', '#ffcf3f', '#fff3c4', '#ffffff'),
    p('#1a1209', '#3d2b1f', '#d4a373', '#fae1c3', '#fffaf2'),
  ],
  sports: [
    p('#061226', '#143d7a', '#f9c80e', '#ffffff', '#ffffff'),
    p('#07210f', '#1d6b3a', '#ffffff', '#e7ffe9', '#ffffff'),
    p('#1a0505', '#8a1414', '#ffd23f', '#ffe8a3', '#ffffff'),
  ],
  war: [
    p('#16140f', '#4a463a', '#c9a66b', '#efe2c4', '#f6f1e6'),
    p('#0f1214', '#3a4248', '#d14b2a', '#f2c1a8', '#f3f3f1'),
  ],
  history: [
    p('#1c140d', '#5c4128', '#c99a56', '#f3dfb4', '#fbf3e2'),
    p('#1a0a10', '#5e1a2e', '#d6a85c', '#f7e0b5', '#fff7ea'),
  ],
  western: [
    p('#2a1608', '#b5562a', '#f2a65a', '#ffe0a6', '#fff6e6'),
    p('#1a2340', '#c8733d', '#ffcf7a', '#fff0c9', '#ffffff'),
  ],
  mystery: [
    p('#0a1416', '#2c4a4f', '#c8b273', '#eef0e4', '#f7f7f0'),
    p('#150d1a', '#47304f', '#d7b46a', '#f6e6c2', '#fbf7ef'),
  ],
  anime: [
    p('#2a2a72', '#ff8c6b', '#ffd56b', '#fff3d1', '#ffffff'),
    p('#3aa0ff', '#bfe6ff', '#ff5d8f', '#ffffff', '#ffffff', true),
    p('#0d0b26', '#40236b', '#ff8fc7', '#ffe3f1', '#ffffff'),
    p('#12020a', '#6d0f2a', '#ff4d4d', '#ffd0b5', '#ffffff'),
  ],
};
PALETTES.animation = PALETTES.family ?? [];

const FALLBACK = PALETTES.drama ?? [];

/**
 * The palette of a piece of artwork: one of its genre's palettes, nudged in hue and lightness by
 * the seed so that titles of one genre are related but not identical.
 */
export function paletteFor(family: string, seed: number): Palette {
  const list = PALETTES[family] ?? FALLBACK;
  const base = list[seed % list.length] ?? FALLBACK[0];
  if (!base) throw new Error('no palettes');
  const h = hash32(`hue:${seed}`);
  const shift = ((h % 41) - 20) * 0.9;
  const light = 0.92 + ((h >>> 8) % 17) / 100;
  return {
    top: shiftHue(base.top, shift, 1, base.light ? 1 : light),
    bottom: shiftHue(base.bottom, shift, 1, base.light ? 1 : light),
    accent: shiftHue(base.accent, shift * 0.6),
    glow: shiftHue(base.glow, shift * 0.4),
    text: base.text,
    light: base.light ?? false,
  };
}

/** The dominant colour of artwork with this palette, shown while the image loads. */
export function dominantColor(palette: Palette): string {
  return mix(palette.top, palette.bottom, 0.45);
}

/** The families with palettes, for an unknown genre's fallback. */
export const FAMILIES = Object.keys(PALETTES);
