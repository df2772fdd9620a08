import { Rng } from '../seed/random.js';
import type { Palette } from './palettes.js';
import { mix, n } from './svg.js';

/** What a scene draws into: its size, palette, randomness and the `<defs>` it adds to. */
export interface Scene {
  w: number;
  h: number;
  rng: Rng;
  p: Palette;
  /** Prefix of ids in this document. */
  uid: string;
  defs: string[];
  /** Where the eye should go: the poster's upper middle, the backdrop's right side. */
  focus: { x: number; y: number };
  /** Where the horizon sits (0–1 of the height). */
  horizon: number;
  format: 'poster' | 'backdrop' | 'still' | 'square';
}

export function makeScene(
  w: number,
  h: number,
  p: Palette,
  seed: number,
  format: Scene['format'],
  stream = 'scene',
): Scene {
  const rng = new Rng(seed, stream);
  const uid = `a${(seed % 46656).toString(36)}`;
  const focus =
    format === 'poster'
      ? { x: w * rng.float(0.3, 0.7), y: h * rng.float(0.22, 0.38) }
      : format === 'backdrop'
        ? { x: w * rng.float(0.6, 0.78), y: h * rng.float(0.3, 0.48) }
        : { x: w * rng.float(0.25, 0.75), y: h * rng.float(0.3, 0.5) };
  const horizon = format === 'poster' ? rng.float(0.5, 0.62) : rng.float(0.6, 0.72);
  return { w, h, rng, p, uid, defs: [], focus, horizon, format };
}

/** A fresh id inside the document. */
function gid(s: Scene, name: string): string {
  return `${s.uid}${name}${s.defs.length}`;
}

type Stop = [offset: number, color: string, opacity?: number];
const stops = (list: Stop[]) =>
  list
    .map(
      ([o, c, a]) =>
        `<stop offset="${n(o * 100)}%" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`,
    )
    .join('');

export function linear(s: Scene, list: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  const id = gid(s, 'l');
  s.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`);
  return `url(#${id})`;
}

export function radial(s: Scene, list: Stop[], cx = 0.5, cy = 0.5, r = 0.5, fx?: number, fy?: number): string {
  const id = gid(s, 'r');
  const f = fx === undefined ? '' : ` fx="${fx}" fy="${fy ?? fx}"`;
  s.defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}"${f}>${stops(list)}</radialGradient>`);
  return `url(#${id})`;
}

/** A smooth closed-at-the-bottom path through points (Catmull-Rom as cubic Béziers). */
function smooth(points: [number, number][]): string {
  if (points.length < 2) return '';
  const [first] = points;
  let d = `M${n(first?.[0] ?? 0)} ${n(first?.[1] ?? 0)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)] as [number, number];
    const p1 = points[i] as [number, number];
    const p2 = points[i + 1] as [number, number];
    const p3 = points[Math.min(points.length - 1, i + 2)] as [number, number];
    const c1x = p1[0] + (p2[0] - p0[0]) / 6;
    const c1y = p1[1] + (p2[1] - p0[1]) / 6;
    const c2x = p2[0] - (p3[0] - p1[0]) / 6;
    const c2y = p2[1] - (p3[1] - p1[1]) / 6;
    d += `C${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(p2[0])} ${n(p2[1])}`;
  }
  return d;
}

// ------------------------------------------------------------------------------------------
// Primitives

export function sky(s: Scene): string {
  const { w, h, p } = s;
  const fill = linear(s, [
    [0, p.top],
    [0.62, mix(p.top, p.bottom, 0.7)],
    [1, p.bottom],
  ]);
  const glow = radial(
    s,
    [
      [0, p.glow, p.light ? 0.55 : 0.38],
      [0.45, p.accent, p.light ? 0.12 : 0.1],
      [1, p.accent, 0],
    ],
    s.focus.x / w,
    s.focus.y / h,
    0.75,
  );
  return `<rect width="${w}" height="${h}" fill="${fill}"/><rect width="${w}" height="${h}" fill="${glow}"/>`;
}

export function stars(s: Scene, count: number, maxY: number): string {
  const { rng, w } = s;
  let out = '';
  for (let i = 0; i < count; i++) {
    const r = rng.chance(0.08) ? rng.float(1.2, 2.2) : rng.float(0.4, 1.1);
    out += `<circle cx="${n(rng.float(0, w))}" cy="${n(rng.float(0, maxY))}" r="${n(r)}" opacity="${rng.float(0.25, 0.95).toFixed(2)}"/>`;
  }
  return `<g fill="${mix(s.p.glow, '#ffffff', 0.6)}">${out}</g>`;
}

/** A lit sphere: sun, moon or planet. */
export function sphere(s: Scene, x: number, y: number, r: number, kind: 'sun' | 'moon' | 'planet'): string {
  const { p } = s;
  let out = '';
  const halo = radial(s, [
    [0, p.glow, kind === 'sun' ? 0.55 : 0.35],
    [1, p.glow, 0],
  ]);
  out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r * (kind === 'planet' ? 1.5 : 2.6))}" fill="${halo}"/>`;
  if (kind === 'sun') {
    const fill = radial(s, [
      [0, '#ffffff'],
      [0.35, p.glow],
      [1, p.accent],
    ]);
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"/>`;
  } else if (kind === 'moon') {
    const fill = radial(
      s,
      [
        [0, mix(p.glow, '#ffffff', 0.5)],
        [0.8, p.glow],
        [1, mix(p.glow, p.top, 0.35)],
      ],
      0.42,
      0.4,
      0.65,
    );
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"/>`;
    const craters = s.rng.int(3, 6);
    for (let i = 0; i < craters; i++) {
      const a = s.rng.float(0, Math.PI * 2);
      const d = s.rng.float(0, r * 0.6);
      out += `<circle cx="${n(x + Math.cos(a) * d)}" cy="${n(y + Math.sin(a) * d)}" r="${n(s.rng.float(r * 0.05, r * 0.16))}" fill="${p.top}" opacity="0.08"/>`;
    }
  } else {
    const fill = radial(
      s,
      [
        [0, mix(p.glow, '#ffffff', 0.25)],
        [0.5, p.accent],
        [1, mix(p.accent, p.top, 0.85)],
      ],
      0.32,
      0.3,
      0.85,
    );
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"/>`;
    // Bands.
    const bands = s.rng.int(2, 5);
    const clip = gid(s, 'c');
    s.defs.push(`<clipPath id="${clip}"><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}"/></clipPath>`);
    let b = '';
    for (let i = 0; i < bands; i++) {
      const by = y - r + s.rng.float(0.15, 1.85) * r;
      b += `<rect x="${n(x - r)}" y="${n(by)}" width="${n(r * 2)}" height="${n(s.rng.float(0.03, 0.12) * r)}" fill="${p.top}" opacity="${s.rng.float(0.08, 0.2).toFixed(2)}"/>`;
    }
    const shade = radial(
      s,
      [
        [0.55, p.top, 0],
        [1, p.top, 0.75],
      ],
      0.3,
      0.28,
      0.95,
    );
    out += `<g clip-path="url(#${clip})">${b}<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${shade}"/></g>`;
  }
  return out;
}

/** A jagged mountain range from the left edge to the right, filled down to the bottom. */
export function ridge(s: Scene, baseY: number, amp: number, color: string, opacity = 1, jag = 0.55): string {
  const { w, h, rng } = s;
  const steps = 64;
  const ys: number[] = new Array(steps + 1).fill(0);
  // Midpoint displacement.
  ys[0] = rng.float(-1, 1);
  ys[steps] = rng.float(-1, 1);
  for (let size = steps; size > 1; size /= 2) {
    for (let i = size / 2; i < steps; i += size) {
      ys[i] = ((ys[i - size / 2] ?? 0) + (ys[i + size / 2] ?? 0)) / 2 + rng.float(-1, 1) * (size / steps) * 2 * jag * 2;
    }
  }
  let d = `M0 ${n(h)}`;
  for (let i = 0; i <= steps; i++) d += `L${n((i / steps) * w)} ${n(baseY - (ys[i] ?? 0) * amp)}`;
  d += `L${n(w)} ${n(h)}Z`;
  return `<path d="${d}" fill="${color}"${opacity < 1 ? ` opacity="${opacity}"` : ''}/>`;
}

/** Rolling hills: a smooth line across the width. */
export function hills(s: Scene, baseY: number, amp: number, color: string, bumps = 3): string {
  const { w, h, rng } = s;
  const pts: [number, number][] = [];
  const count = bumps * 2 + 1;
  for (let i = 0; i <= count; i++) {
    pts.push([
      (i / count) * w * 1.1 - w * 0.05,
      baseY - (i % 2 === 1 ? rng.float(0.5, 1) : rng.float(-0.2, 0.25)) * amp,
    ]);
  }
  return `<path d="${smooth(pts)}L${n(w * 1.05)} ${n(h)}L${n(-w * 0.05)} ${n(h)}Z" fill="${color}"/>`;
}

/** A standing figure seen from afar, feet at (x, baseY). */
export function figure(_s: Scene, x: number, baseY: number, height: number, color: string, variant = 0): string {
  const u = height / 100;
  const t = (px: number, py: number) => `${n(x + px * u)} ${n(baseY - py * u)}`;
  const head = `<circle cx="${n(x)}" cy="${n(baseY - 90 * u)}" r="${n(8 * u)}"/>`;
  // Coat silhouette, slightly different per variant.
  const flare = variant % 2 === 0 ? 16 : 11;
  const body = `<path d="M${t(-10, 80)}Q${t(0, 84)} ${t(10, 80)}L${t(flare, 38)}L${t(8, 36)}L${t(7, 0)}L${t(2, 0)}L${t(0, 30)}L${t(-2, 0)}L${t(-7, 0)}L${t(-8, 36)}L${t(-flare, 38)}Z"/>`;
  const hat =
    variant === 2
      ? `<path d="M${t(-16, 94)}L${t(16, 94)}L${t(9, 97)}L${t(7, 106)}L${t(-7, 106)}L${t(-9, 97)}Z"/>`
      : variant === 3
        ? `<path d="M${t(14, 78)}L${t(40, 120)}L${t(43, 118)}L${t(17, 76)}Z"/>`
        : '';
  return `<g fill="${color}">${head}${body}${hat}</g>`;
}

/** A bare tree from recursive branches. */
export function bareTree(s: Scene, x: number, baseY: number, height: number, color: string): string {
  const { rng } = s;
  let d = '';
  const branch = (x0: number, y0: number, len: number, angle: number, depth: number) => {
    const x1 = x0 + Math.cos(angle) * len;
    const y1 = y0 + Math.sin(angle) * len;
    d += `M${n(x0)} ${n(y0)}L${n(x1)} ${n(y1)}`;
    if (depth === 0) return;
    const k = rng.int(2, 3);
    for (let i = 0; i < k; i++) branch(x1, y1, len * rng.float(0.58, 0.78), angle + rng.float(-0.75, 0.75), depth - 1);
  };
  branch(x, baseY, height * 0.32, -Math.PI / 2 + rng.float(-0.12, 0.12), 5);
  return `<path d="${d}" stroke="${color}" stroke-width="${n(Math.max(1, height / 70))}" stroke-linecap="round" fill="none"/><path d="M${n(x - height * 0.025)} ${n(baseY)}L${n(x)} ${n(baseY - height * 0.3)}L${n(x + height * 0.025)} ${n(baseY)}Z" fill="${color}"/>`;
}

export function pine(x: number, baseY: number, height: number, color: string): string {
  const w = height * 0.36;
  let d = '';
  for (let i = 0; i < 3; i++) {
    const top = baseY - height + i * height * 0.22;
    const bottom = baseY - height * 0.12 - (2 - i) * height * 0.16;
    const half = w * (0.55 + i * 0.22);
    d += `M${n(x)} ${n(top)}L${n(x + half)} ${n(bottom + height * 0.16)}L${n(x - half)} ${n(bottom + height * 0.16)}Z`;
  }
  d += `M${n(x - height * 0.03)} ${n(baseY)}h${n(height * 0.06)}v${n(-height * 0.14)}h${n(-height * 0.06)}Z`;
  return `<path d="${d}" fill="${color}"/>`;
}

export function cloud(s: Scene, x: number, y: number, size: number, color: string, opacity: number): string {
  const { rng } = s;
  let out = `<rect x="${n(x - size)}" y="${n(y - size * 0.18)}" width="${n(size * 2)}" height="${n(size * 0.36)}" rx="${n(size * 0.18)}"/>`;
  const puffs = rng.int(3, 5);
  for (let i = 0; i < puffs; i++) {
    const px = x - size * 0.7 + (i / (puffs - 1)) * size * 1.4;
    const r = size * rng.float(0.28, 0.5) * (1 - Math.abs(i / (puffs - 1) - 0.5));
    out += `<circle cx="${n(px)}" cy="${n(y - r * 0.35)}" r="${n(r + size * 0.12)}"/>`;
  }
  return `<g fill="${color}" opacity="${opacity}">${out}</g>`;
}

/** Rays fanning out from a point. */
export function rays(s: Scene, cx: number, cy: number, count: number, color: string, opacity: number): string {
  const len = Math.hypot(s.w, s.h) * 1.2;
  const start = s.rng.float(0, Math.PI * 2);
  let d = '';
  for (let i = 0; i < count; i++) {
    const a = start + (i / count) * Math.PI * 2;
    const b = a + (Math.PI / count) * 0.9;
    d += `M${n(cx)} ${n(cy)}L${n(cx + Math.cos(a) * len)} ${n(cy + Math.sin(a) * len)}L${n(cx + Math.cos(b) * len)} ${n(cy + Math.sin(b) * len)}Z`;
  }
  return `<path d="${d}" fill="${color}" opacity="${opacity}"/>`;
}

export function waves(s: Scene, top: number, count: number, color: string, amp: number): string {
  const { w, h, rng } = s;
  let out = '';
  for (let i = 0; i < count; i++) {
    const y = top + (i / count) * (h - top) * 1.05;
    const pts: [number, number][] = [];
    const k = rng.int(3, 6);
    const phase = rng.float(0, Math.PI * 2);
    for (let j = 0; j <= 24; j++)
      pts.push([(j / 24) * w, y + Math.sin((j / 24) * Math.PI * k + phase) * amp * (0.5 + i / count)]);
    out += `<path d="${smooth(pts)}L${n(w)} ${n(h)}L0 ${n(h)}Z" fill="${mix(color, s.p.top, 0.65 - (i / count) * 0.5)}" opacity="${n(0.35 + (i / count) * 0.6)}"/>`;
  }
  return out;
}

export function contours(s: Scene, cx: number, cy: number, count: number, color: string): string {
  const { rng, w, h } = s;
  let out = '';
  const wobble = Array.from({ length: 8 }, () => rng.float(0.75, 1.25));
  const base = Math.max(w, h) * 0.06;
  for (let i = 1; i <= count; i++) {
    const r = base * i;
    const pts: [number, number][] = [];
    for (let j = 0; j <= 48; j++) {
      const a = (j / 48) * Math.PI * 2;
      const k = wobble[Math.floor((j / 48) * 8) % 8] ?? 1;
      const k2 = wobble[(Math.floor((j / 48) * 8) + 1) % 8] ?? 1;
      const t = ((j / 48) * 8) % 1;
      const rr = r * (k * (1 - t) + k2 * t) * (1 + Math.sin(a * 3 + i) * 0.04);
      pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr * 0.8]);
    }
    out += `<path d="${smooth(pts)}" fill="none" stroke="${color}" stroke-width="${i % 5 === 0 ? 2.2 : 1.1}" opacity="${n(0.55 - i / (count * 2.4))}"/>`;
  }
  return out;
}

export function fog(s: Scene, y: number, height: number, color: string, opacity: number): string {
  const fill = linear(s, [
    [0, color, 0],
    [0.5, color, opacity],
    [1, color, 0],
  ]);
  return `<rect x="0" y="${n(y)}" width="${s.w}" height="${n(height)}" fill="${fill}"/>`;
}

/** A city skyline with lit windows. */
export function skyline(
  s: Scene,
  baseY: number,
  minH: number,
  maxH: number,
  color: string,
  windows: string,
  density: number,
): string {
  const { rng, w, h } = s;
  let x = -rng.float(0, 30);
  let body = '';
  let lights = '';
  const unit = Math.max(w, h) / 100;
  while (x < w) {
    const bw = rng.float(4, 11) * unit;
    const bh = rng.float(minH, maxH);
    const top = baseY - bh;
    body += `<rect x="${n(x)}" y="${n(top)}" width="${n(bw + 1)}" height="${n(h - top)}"/>`;
    if (rng.chance(0.25))
      body += `<rect x="${n(x + bw * 0.4)}" y="${n(top - unit * rng.float(2, 6))}" width="${n(unit * 0.4)}" height="${n(unit * 6)}"/>`;
    const cols = Math.max(1, Math.floor(bw / (unit * 1.6)));
    const rows = Math.floor(bh / (unit * 2.2));
    for (let r = 1; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (rng.chance(density)) {
          lights += `<rect x="${n(x + (c + 0.3) * (bw / cols))}" y="${n(top + r * unit * 2.2)}" width="${n(unit * 0.6)}" height="${n(unit * 0.9)}"/>`;
        }
      }
    }
    x += bw + rng.float(0, 1.5) * unit;
  }
  return `<g fill="${color}">${body}</g><g fill="${windows}" opacity="0.85">${lights}</g>`;
}

export function rain(s: Scene, count: number, color: string): string {
  const { rng, w, h } = s;
  let d = '';
  for (let i = 0; i < count; i++) {
    const x = rng.float(-0.1, 1) * w;
    const y = rng.float(0, 1) * h;
    const l = rng.float(0.02, 0.06) * h;
    d += `M${n(x)} ${n(y)}l${n(l * 0.18)} ${n(l)}`;
  }
  return `<path d="${d}" stroke="${color}" stroke-width="1" opacity="0.22"/>`;
}

export function grain(s: Scene, opacity: number): string {
  const id = gid(s, 'g');
  s.defs.push(
    `<filter id="${id}" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${s.rng.int(1, 999)}" stitchTiles="stitch"/><feColorMatrix values="0 0 0 0 0.5 0 0 0 0 0.5 0 0 0 0 0.5 0 0 0 1.6 -0.45"/></filter>`,
  );
  return `<rect width="${s.w}" height="${s.h}" filter="url(#${id})" opacity="${opacity}"/>`;
}

export function vignette(s: Scene, strength: number): string {
  const fill = radial(
    s,
    [
      [0.55, '#000000', 0],
      [1, '#000000', strength],
    ],
    0.5,
    0.5,
    0.75,
  );
  return `<rect width="${s.w}" height="${s.h}" fill="${fill}"/>`;
}

// ------------------------------------------------------------------------------------------
// Motifs: whole scenes, one per kind of story.

export type Motif = (s: Scene) => string;

const planetHorizon: Motif = (s) => {
  const { w, h, p, rng, focus } = s;
  const r = Math.min(w, h) * rng.float(0.16, 0.3);
  let out = sky(s) + stars(s, rng.int(70, 140), h * 0.8);
  out += sphere(s, focus.x, focus.y, r, 'planet');
  if (rng.chance(0.6)) {
    const tilt = rng.float(-22, 22);
    out += `<ellipse cx="${n(focus.x)}" cy="${n(focus.y)}" rx="${n(r * 1.75)}" ry="${n(r * 0.34)}" fill="none" stroke="${p.glow}" stroke-width="${n(r * 0.05)}" opacity="0.55" transform="rotate(${n(tilt)} ${n(focus.x)} ${n(focus.y)})"/>`;
  }
  if (rng.chance(0.7))
    out += sphere(s, rng.float(0.1, 0.9) * w, rng.float(0.08, 0.3) * h, r * rng.float(0.12, 0.25), 'moon');
  const hy = h * s.horizon + h * 0.1;
  const ground = linear(s, [
    [0, mix(p.bottom, p.top, 0.3)],
    [1, p.top],
  ]);
  out += `<ellipse cx="${n(w / 2)}" cy="${n(hy + w * 1.4)}" rx="${n(w * 2.2)}" ry="${n(w * 1.4)}" fill="${ground}"/>`;
  out += `<ellipse cx="${n(w / 2)}" cy="${n(hy + w * 1.4)}" rx="${n(w * 2.2)}" ry="${n(w * 1.4)}" fill="none" stroke="${p.accent}" stroke-width="2" opacity="0.6"/>`;
  if (rng.chance(0.65)) out += figure(s, w * rng.float(0.3, 0.7), hy + 2, h * 0.06, p.top, rng.int(0, 1));
  return out;
};

const neonCity: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  if (rng.chance(0.5)) out += sphere(s, s.focus.x, s.focus.y, Math.min(w, h) * 0.14, 'sun');
  const base = h * (s.horizon + 0.25);
  out += skyline(s, base - h * 0.05, h * 0.25, h * 0.6, mix(p.bottom, p.top, 0.55), mix(p.accent, p.glow, 0.3), 0.08);
  out += fog(s, base - h * 0.35, h * 0.3, p.accent, 0.18);
  out += skyline(s, base + h * 0.05, h * 0.15, h * 0.45, p.top, p.accent, 0.16);
  // Neon signs.
  for (let i = 0; i < rng.int(2, 4); i++) {
    const x = rng.float(0.05, 0.95) * w;
    const y = rng.float(0.35, 0.7) * h;
    const color = rng.chance(0.5) ? p.accent : p.glow;
    out += `<rect x="${n(x)}" y="${n(y)}" width="${n(w * 0.018)}" height="${n(h * rng.float(0.06, 0.14))}" rx="3" fill="${color}" opacity="0.9"/><rect x="${n(x - w * 0.02)}" y="${n(y - h * 0.02)}" width="${n(w * 0.058)}" height="${n(h * 0.18)}" fill="${radial(
      s,
      [
        [0, color, 0.35],
        [1, color, 0],
      ],
    )}"/>`;
  }
  out += rain(s, rng.int(90, 160), p.glow);
  return out;
};

const cityMap: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = `<rect width="${w}" height="${h}" fill="${p.top}"/>`;
  const angle = rng.float(-30, 30);
  let lines = '';
  const step = Math.max(w, h) / rng.int(9, 14);
  for (let x = -w; x < w * 2; x += step * rng.float(0.6, 1.4)) lines += `M${n(x)} ${n(-h)}V${n(h * 2)}`;
  for (let y = -h; y < h * 2; y += step * rng.float(0.6, 1.4)) lines += `M${n(-w)} ${n(y)}H${n(w * 2)}`;
  const cx = s.focus.x;
  const cy = s.focus.y + h * 0.05;
  out += `<g transform="rotate(${n(angle)} ${n(cx)} ${n(cy)})"><path d="${lines}" stroke="${mix(p.bottom, p.glow, 0.25)}" stroke-width="${n(step * 0.14)}" opacity="0.55"/><path d="${lines}" stroke="${p.bottom}" stroke-width="${n(step * 0.04)}" opacity="0.8"/>`;
  out += `<path d="M${n(cx - w)} ${n(cy + step * 0.5)}L${n(cx + w)} ${n(cy - step * 0.8)}" stroke="${mix(p.glow, p.bottom, 0.4)}" stroke-width="${n(step * 0.3)}" opacity="0.5"/></g>`;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(step * 2.2)}" fill="none" stroke="${p.accent}" stroke-width="2" stroke-dasharray="6 8" opacity="0.7"/>`;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(step * 1.1)}" fill="${p.accent}" opacity="0.12"/>`;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(step * 0.22)}" fill="${p.accent}"/>`;
  out += `<rect width="${w}" height="${h}" fill="${radial(
    s,
    [
      [0, p.glow, 0.18],
      [1, p.top, 0.0],
    ],
    cx / w,
    cy / h,
    0.6,
  )}"/>`;
  return out;
};

const softHills: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const sunR = Math.min(w, h) * rng.float(0.09, 0.15);
  out += rays(s, s.focus.x, s.focus.y, 18, p.glow, 0.12);
  out += sphere(s, s.focus.x, s.focus.y, sunR, 'sun');
  for (let i = 0; i < rng.int(2, 4); i++)
    out += cloud(
      s,
      rng.float(0.1, 0.9) * w,
      rng.float(0.1, 0.4) * h,
      Math.min(w, h) * rng.float(0.07, 0.13),
      '#ffffff',
      0.85,
    );
  const base = h * s.horizon;
  const green = p.accent;
  out += hills(s, base + h * 0.02, h * 0.08, mix(green, p.top, 0.35), 2);
  out += hills(s, base + h * 0.1, h * 0.07, mix(green, '#1b4332', 0.15), 3);
  // Lollipop trees and a little house on the far hill.
  for (let i = 0; i < rng.int(3, 6); i++) {
    const x = rng.float(0.05, 0.95) * w;
    const y = base + h * rng.float(0.06, 0.12);
    const r = h * rng.float(0.018, 0.03);
    out += `<rect x="${n(x - r * 0.12)}" y="${n(y - r)}" width="${n(r * 0.24)}" height="${n(r * 1.4)}" fill="#6b4f3a"/><circle cx="${n(x)}" cy="${n(y - r * 1.3)}" r="${n(r)}" fill="${mix(green, '#0b3d2e', 0.35)}"/>`;
  }
  out += hills(s, base + h * 0.2, h * 0.06, mix(green, '#0b3d2e', 0.45), 2);
  if (rng.chance(0.6)) {
    const kx = rng.float(0.2, 0.8) * w;
    const ky = h * rng.float(0.15, 0.3);
    const k = Math.min(w, h) * 0.04;
    out += `<path d="M${n(kx)} ${n(ky - k)}L${n(kx + k * 0.7)} ${n(ky)}L${n(kx)} ${n(ky + k * 1.2)}L${n(kx - k * 0.7)} ${n(ky)}Z" fill="${mix(p.glow, '#ff5d8f', 0.5)}"/><path d="M${n(kx)} ${n(ky + k * 1.2)}q${n(k)} ${n(k * 2)} ${n(-k * 0.5)} ${n(k * 4)}" stroke="#ffffff" stroke-width="1.5" fill="none" opacity="0.8"/>`;
  }
  return out;
};

const moonForest: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s) + stars(s, rng.int(20, 60), h * 0.5);
  out += sphere(s, s.focus.x, s.focus.y, Math.min(w, h) * rng.float(0.12, 0.2), 'moon');
  out += fog(s, h * (s.horizon - 0.05), h * 0.2, p.glow, 0.14);
  const base = h * (s.horizon + 0.12);
  out += ridge(s, base - h * 0.04, h * 0.03, mix(p.bottom, p.top, 0.5), 1, 0.4);
  const dark = mix(p.top, '#000000', 0.4);
  for (let i = 0; i < rng.int(3, 6); i++)
    out += bareTree(s, rng.float(0, 1) * w, base + h * 0.02, h * rng.float(0.25, 0.5), dark);
  if (rng.chance(0.5)) {
    const hx = rng.float(0.2, 0.8) * w;
    const hw = w * 0.16;
    out += `<path d="M${n(hx - hw / 2)} ${n(base)}v${n(-hw * 0.55)}l${n(hw / 2)} ${n(-hw * 0.45)}l${n(hw / 2)} ${n(hw * 0.45)}v${n(hw * 0.55)}Z" fill="${dark}"/><rect x="${n(hx - hw * 0.08)}" y="${n(base - hw * 0.5)}" width="${n(hw * 0.14)}" height="${n(hw * 0.16)}" fill="${p.glow}" opacity="0.9"/>`;
  } else {
    out += figure(s, rng.float(0.3, 0.7) * w, base + h * 0.02, h * 0.07, dark, 0);
  }
  out += `<rect x="0" y="${n(base)}" width="${w}" height="${n(h - base)}" fill="${dark}"/>`;
  out += fog(s, base - h * 0.08, h * 0.18, p.glow, 0.12);
  return out;
};

const bokeh: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  for (let i = 0; i < rng.int(14, 24); i++) {
    const r = Math.min(w, h) * rng.float(0.03, 0.12);
    const color = rng.chance(0.5) ? p.glow : p.accent;
    out += `<circle cx="${n(rng.float(0, 1) * w)}" cy="${n(rng.float(0, 0.75) * h)}" r="${n(r)}" fill="${radial(s, [
      [0, color, 0.45],
      [0.7, color, 0.25],
      [1, color, 0],
    ])}"/>`;
  }
  const base = h * (s.horizon + 0.1);
  out += waves(s, base, 4, p.accent, h * 0.01);
  out += sphere(s, s.focus.x, base - h * 0.02, Math.min(w, h) * 0.11, 'sun');
  out += waves(s, base + h * 0.02, 3, p.top, h * 0.008);
  const cx = rng.float(0.35, 0.65) * w;
  const fig = h * 0.1;
  out += figure(s, cx - fig * 0.12, base + h * 0.06, fig, mix(p.top, '#000000', 0.3), 0);
  out += figure(s, cx + fig * 0.12, base + h * 0.06, fig * 0.94, mix(p.top, '#000000', 0.3), 1);
  return out;
};

const fantasyPeaks: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s) + stars(s, rng.int(10, 40), h * 0.4);
  out += sphere(s, s.focus.x, s.focus.y, Math.min(w, h) * rng.float(0.08, 0.14), rng.chance(0.5) ? 'moon' : 'sun');
  const base = h * s.horizon;
  out += ridge(s, base, h * 0.12, mix(p.bottom, p.glow, 0.15), 0.75, 0.7);
  out += fog(s, base - h * 0.02, h * 0.12, p.glow, 0.2);
  // A castle on the middle range.
  const cx = rng.float(0.3, 0.7) * w;
  const cy = base + h * 0.04;
  const u = Math.min(w, h) * 0.012;
  const dark = mix(p.top, p.bottom, 0.35);
  let castle = `<rect x="${n(cx - 8 * u)}" y="${n(cy - 10 * u)}" width="${n(16 * u)}" height="${n(12 * u)}"/>`;
  for (const [dx, th] of [
    [-8, 20],
    [-2, 28],
    [5, 16],
  ] as const) {
    castle += `<rect x="${n(cx + dx * u)}" y="${n(cy - th * u)}" width="${n(3 * u)}" height="${n(th * u)}"/><path d="M${n(cx + (dx - 0.8) * u)} ${n(cy - th * u)}l${n(2.3 * u)} ${n(-6 * u)}l${n(2.3 * u)} ${n(6 * u)}Z"/>`;
  }
  out += ridge(s, base + h * 0.08, h * 0.08, dark, 1, 0.6);
  out += `<g fill="${dark}">${castle}</g>`;
  out += `<rect x="${n(cx - u * 0.5)}" y="${n(cy - 24 * u)}" width="${n(u)}" height="${n(u * 1.4)}" fill="${p.glow}"/>`;
  out += fog(s, base + h * 0.06, h * 0.1, p.glow, 0.14);
  out += ridge(s, base + h * 0.2, h * 0.06, mix(p.top, '#000000', 0.3), 1, 0.5);
  // Birds.
  let birds = '';
  for (let i = 0; i < rng.int(3, 7); i++) {
    const bx = rng.float(0.1, 0.9) * w;
    const by = rng.float(0.15, 0.4) * h;
    const b = u * rng.float(1.2, 2.2);
    birds += `M${n(bx - b)} ${n(by)}q${n(b / 2)} ${n(-b / 2)} ${n(b)} 0q${n(b / 2)} ${n(-b / 2)} ${n(b)} 0`;
  }
  out += `<path d="${birds}" stroke="${dark}" stroke-width="${n(u * 0.35)}" fill="none"/>`;
  return out;
};

const burst: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const cx = s.focus.x;
  const cy = s.focus.y + h * 0.08;
  out += rays(s, cx, cy, rng.int(14, 22), p.accent, 0.12);
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(Math.min(w, h) * 0.28)}" fill="${radial(s, [
    [0, '#ffffff', 0.9],
    [0.2, p.glow, 0.8],
    [0.6, p.accent, 0.35],
    [1, p.accent, 0],
  ])}"/>`;
  // Shards flying out.
  for (let i = 0; i < rng.int(10, 18); i++) {
    const a = rng.float(0, Math.PI * 2);
    const d = Math.min(w, h) * rng.float(0.15, 0.55);
    const x = cx + Math.cos(a) * d;
    const y = cy + Math.sin(a) * d;
    const l = Math.min(w, h) * rng.float(0.02, 0.06);
    out += `<path d="M${n(x)} ${n(y)}l${n(Math.cos(a) * l)} ${n(Math.sin(a) * l)}l${n(-Math.sin(a) * l * 0.3)} ${n(Math.cos(a) * l * 0.3)}Z" fill="${rng.chance(0.5) ? p.glow : p.top}" opacity="0.8"/>`;
  }
  let sparks = '';
  for (let i = 0; i < rng.int(30, 60); i++) {
    const a = rng.float(0, Math.PI * 2);
    const d = Math.min(w, h) * rng.float(0.1, 0.7);
    sparks += `M${n(cx + Math.cos(a) * d)} ${n(cy + Math.sin(a) * d)}l${n(Math.cos(a) * 6)} ${n(Math.sin(a) * 6)}`;
  }
  out += `<path d="${sparks}" stroke="${p.glow}" stroke-width="1.6" stroke-linecap="round" opacity="0.8"/>`;
  const base = h * (s.horizon + 0.2);
  out += skyline(s, base, h * 0.05, h * 0.22, mix(p.top, '#000000', 0.3), p.accent, 0.05);
  out += figure(
    s,
    cx + rng.float(-0.1, 0.1) * w,
    base + h * 0.01,
    h * 0.16,
    mix(p.top, '#000000', 0.45),
    rng.chance(0.4) ? 3 : 1,
  );
  return out;
};

const crackedGlass: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const cx = s.focus.x;
  const cy = s.focus.y + h * 0.06;
  // A spotlight cone.
  out += `<path d="M${n(cx - w * 0.04)} 0L${n(cx + w * 0.04)} 0L${n(cx + w * 0.35)} ${n(h)}L${n(cx - w * 0.35)} ${n(h)}Z" fill="${linear(
    s,
    [
      [0, p.glow, 0.28],
      [1, p.glow, 0],
    ],
  )}"/>`;
  out += figure(s, cx, h * (s.horizon + 0.2), h * 0.22, mix(p.top, '#000000', 0.5), rng.int(0, 1));
  let d = '';
  const spokes = rng.int(9, 14);
  const radii = [0.04, 0.1, 0.2, 0.34].map((k) => k * Math.max(w, h));
  const ends: [number, number][][] = [];
  for (let i = 0; i < spokes; i++) {
    const a = (i / spokes) * Math.PI * 2 + rng.float(-0.2, 0.2);
    const pts: [number, number][] = [[cx, cy]];
    for (const r of radii)
      pts.push([cx + Math.cos(a + rng.float(-0.08, 0.08)) * r, cy + Math.sin(a + rng.float(-0.08, 0.08)) * r]);
    pts.push([cx + Math.cos(a) * Math.max(w, h) * 1.2, cy + Math.sin(a) * Math.max(w, h) * 1.2]);
    ends.push(pts);
    d += `M${pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}`;
  }
  for (let r = 1; r < radii.length + 1; r++) {
    for (let i = 0; i < spokes; i++) {
      if (!rng.chance(0.7 - r * 0.12)) continue;
      const a = ends[i]?.[r];
      const b = ends[(i + 1) % spokes]?.[r];
      if (a && b) d += `M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}`;
    }
  }
  out += `<path d="${d}" stroke="#ffffff" stroke-width="1.3" fill="none" opacity="0.55"/>`;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(Math.min(w, h) * 0.02)}" fill="#ffffff" opacity="0.7"/>`;
  return out;
};

const topography: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  out += contours(s, s.focus.x, s.focus.y + h * 0.05, rng.int(14, 22), p.glow);
  if (rng.chance(0.5)) out += contours(s, rng.float(0, 1) * w, rng.float(0.6, 1) * h, rng.int(6, 10), p.accent);
  out += sphere(s, s.focus.x + rng.float(-0.2, 0.2) * w, h * rng.float(0.1, 0.2), Math.min(w, h) * 0.05, 'sun');
  return out;
};

const ocean: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  out += sphere(s, s.focus.x, h * s.horizon - h * 0.04, Math.min(w, h) * rng.float(0.1, 0.18), 'sun');
  out += waves(s, h * s.horizon, rng.int(6, 9), p.accent, h * 0.012);
  // A whale tail or a lone boat.
  const x = rng.float(0.25, 0.75) * w;
  const y = h * (s.horizon + 0.12);
  const u = Math.min(w, h) * 0.02;
  out += rng.chance(0.5)
    ? `<path d="M${n(x)} ${n(y)}c${n(-u)} ${n(-2 * u)} ${n(-u)} ${n(-4 * u)} ${n(-4 * u)} ${n(-5 * u)}c${n(2 * u)} 0 ${n(3.5 * u)} ${n(u)} ${n(4 * u)} ${n(2.5 * u)}c${n(0.5 * u)} ${n(-1.5 * u)} ${n(2 * u)} ${n(-2.5 * u)} ${n(4 * u)} ${n(-2.5 * u)}c${n(-3 * u)} ${n(u)} ${n(-3 * u)} ${n(3 * u)} ${n(-4 * u)} ${n(5 * u)}Z" fill="${mix(p.top, '#000000', 0.3)}"/>`
    : `<path d="M${n(x - 3 * u)} ${n(y)}h${n(6 * u)}l${n(-u)} ${n(u)}h${n(-4 * u)}Z M${n(x)} ${n(y - 0.2 * u)}v${n(-5 * u)}l${n(2.5 * u)} ${n(4.6 * u)}Z" fill="${mix(p.top, '#000000', 0.3)}"/>`;
  return out;
};

const lonePlain: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  out += sphere(s, s.focus.x, h * s.horizon - h * rng.float(0.02, 0.12), Math.min(w, h) * rng.float(0.06, 0.12), 'sun');
  const base = h * s.horizon;
  out += ridge(s, base, h * 0.015, mix(p.bottom, p.top, 0.4), 1, 0.3);
  const field = linear(s, [
    [0, mix(p.bottom, p.accent, 0.25)],
    [1, mix(p.top, '#000000', 0.2)],
  ]);
  out += `<rect x="0" y="${n(base + h * 0.01)}" width="${w}" height="${n(h)}" fill="${field}"/>`;
  // Furrows converging to the horizon.
  let d = '';
  const vx = s.focus.x;
  for (let i = -12; i <= 12; i++) d += `M${n(vx)} ${n(base + h * 0.01)}L${n(vx + i * w * 0.12)} ${n(h)}`;
  out += `<path d="${d}" stroke="${p.glow}" stroke-width="1" opacity="0.12"/>`;
  const fx = vx + rng.float(-0.15, 0.15) * w;
  const fy = base + h * rng.float(0.08, 0.16);
  const fh = h * 0.09;
  out += `<path d="M${n(fx)} ${n(fy)}L${n(fx + w * 0.25)} ${n(fy + h * 0.04)}L${n(fx + w * 0.25)} ${n(fy + h * 0.05)}Z" fill="#000000" opacity="0.25"/>`;
  out += figure(s, fx, fy, fh, mix(p.top, '#000000', 0.45), rng.int(0, 1));
  if (rng.chance(0.5))
    out += bareTree(s, w * rng.float(0.05, 0.25), base + h * 0.01, h * 0.18, mix(p.top, '#000000', 0.3));
  return out;
};

const windowLight: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = `<rect width="${w}" height="${h}" fill="${mix(p.top, p.bottom, 0.25)}"/>`;
  const ww = Math.min(w, h) * rng.float(0.36, 0.5);
  const wh = ww * 1.45;
  const wx = s.focus.x - ww / 2;
  const wy = s.focus.y - wh * 0.45;
  out += `<rect x="${n(wx)}" y="${n(wy)}" width="${n(ww)}" height="${n(wh)}" fill="${linear(s, [
    [0, p.glow],
    [1, p.accent],
  ])}"/>`;
  const bar = ww * 0.04;
  out += `<path d="M${n(wx + ww / 2 - bar / 2)} ${n(wy)}h${n(bar)}v${n(wh)}h${n(-bar)}Z M${n(wx)} ${n(wy + wh * 0.45)}h${n(ww)}v${n(bar)}h${n(-ww)}Z" fill="${mix(p.top, p.bottom, 0.25)}"/>`;
  // The light falling on the floor.
  const floor = wy + wh + h * 0.18;
  out += `<path d="M${n(wx)} ${n(wy + wh)}L${n(wx + ww)} ${n(wy + wh)}L${n(wx + ww * 1.9)} ${n(floor + h * 0.2)}L${n(wx - ww * 0.3)} ${n(floor + h * 0.2)}Z" fill="${linear(
    s,
    [
      [0, p.glow, 0.35],
      [1, p.glow, 0],
    ],
  )}"/>`;
  const fx = wx + ww * rng.float(0.15, 0.85);
  out += figure(s, fx, wy + wh * 1.02, wh * 0.62, mix(p.top, '#000000', 0.35), rng.int(0, 1));
  return out;
};

const mesa: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const r = Math.min(w, h) * rng.float(0.18, 0.26);
  const cx = s.focus.x;
  const cy = h * s.horizon - r * 0.25;
  const clip = gid(s, 'c');
  let cut = '';
  for (let i = 0; i < 6; i++)
    cut += `<rect x="${n(cx - r)}" y="${n(cy + r * (0.05 + i * 0.16))}" width="${n(r * 2)}" height="${n(r * (0.02 + i * 0.018))}"/>`;
  s.defs.push(`<clipPath id="${clip}"><rect x="0" y="0" width="${w}" height="${n(h * s.horizon)}"/></clipPath>`);
  out += `<g clip-path="url(#${clip})">${sphere(s, cx, cy, r, 'sun')}<g fill="${mix(p.bottom, p.top, 0.2)}">${cut}</g></g>`;
  const base = h * s.horizon;
  const dark = mix(p.top, '#000000', 0.25);
  for (let i = 0; i < rng.int(2, 4); i++) {
    const mx = rng.float(-0.1, 0.9) * w;
    const mw = w * rng.float(0.18, 0.4);
    const mh = h * rng.float(0.06, 0.16);
    out += `<path d="M${n(mx)} ${n(base)}l${n(mw * 0.15)} ${n(-mh)}h${n(mw * 0.7)}l${n(mw * 0.15)} ${n(mh)}Z" fill="${mix(p.bottom, dark, 0.55)}"/>`;
  }
  out += `<rect x="0" y="${n(base)}" width="${w}" height="${n(h - base)}" fill="${linear(s, [
    [0, mix(p.bottom, dark, 0.4)],
    [1, dark],
  ])}"/>`;
  // Cactus and rider.
  const cxs = rng.float(0.05, 0.3) * w;
  const ch = h * 0.14;
  out += `<path d="M${n(cxs - ch * 0.06)} ${n(base + h * 0.1)}v${n(-ch)}a${n(ch * 0.06)} ${n(ch * 0.06)} 0 0 1 ${n(ch * 0.12)} 0v${n(ch)}Z M${n(cxs + ch * 0.06)} ${n(base + h * 0.1 - ch * 0.45)}h${n(ch * 0.14)}v${n(-ch * 0.25)}a${n(ch * 0.045)} ${n(ch * 0.045)} 0 0 1 ${n(ch * 0.09)} 0v${n(ch * 0.34)}h${n(-ch * 0.23)}Z" fill="${dark}"/>`;
  out += figure(s, rng.float(0.5, 0.9) * w, base + h * 0.09, h * 0.1, mix(dark, '#000000', 0.3), 2);
  return out;
};

const sunburstAnime: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  out += rays(s, s.focus.x, s.focus.y, rng.int(16, 28), '#ffffff', p.light ? 0.18 : 0.08);
  out += sphere(s, s.focus.x, s.focus.y, Math.min(w, h) * rng.float(0.14, 0.22), 'sun');
  // Towering clouds.
  for (let i = 0; i < rng.int(2, 4); i++) {
    out += cloud(
      s,
      rng.float(0, 1) * w,
      h * rng.float(0.45, 0.6),
      Math.min(w, h) * rng.float(0.12, 0.22),
      p.light ? '#ffffff' : mix(p.glow, p.bottom, 0.5),
      p.light ? 0.9 : 0.35,
    );
  }
  const base = h * (s.horizon + 0.12);
  out += skyline(s, base, h * 0.03, h * 0.12, mix(p.top, '#000000', p.light ? 0.1 : 0.4), p.glow, 0.05);
  out += `<rect x="0" y="${n(base)}" width="${w}" height="${n(h)}" fill="${mix(p.top, '#000000', p.light ? 0.1 : 0.4)}"/>`;
  // Speed lines and petals.
  let lines = '';
  for (let i = 0; i < rng.int(10, 20); i++) {
    const y = rng.float(0, 1) * h;
    const x = rng.float(-0.2, 0.8) * w;
    lines += `M${n(x)} ${n(y)}h${n(rng.float(0.1, 0.4) * w)}`;
  }
  out += `<path d="${lines}" stroke="#ffffff" stroke-width="1.4" opacity="0.25"/>`;
  let petals = '';
  for (let i = 0; i < rng.int(18, 36); i++) {
    const x = rng.float(0, 1) * w;
    const y = rng.float(0, 1) * h;
    const r = Math.min(w, h) * rng.float(0.006, 0.013);
    petals += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r * 1.6)}" ry="${n(r)}" transform="rotate(${n(rng.float(0, 180))} ${n(x)} ${n(y)})"/>`;
  }
  out += `<g fill="${mix(p.accent, '#ffffff', 0.45)}" opacity="0.85">${petals}</g>`;
  out += figure(s, rng.float(0.3, 0.7) * w, base + 1, h * 0.12, mix(p.top, '#000000', p.light ? 0.3 : 0.55), 3);
  return out;
};

const vinyl: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const r = Math.min(w, h) * rng.float(0.36, 0.5);
  const cx = s.focus.x + rng.float(-0.1, 0.1) * w;
  const cy = s.focus.y + h * 0.05;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${mix(p.top, '#000000', 0.5)}"/>`;
  let grooves = '';
  for (let i = 0; i < 18; i++) grooves += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * (0.38 + i * 0.034))}"/>`;
  out += `<g fill="none" stroke="${p.glow}" stroke-width="0.8" opacity="0.18">${grooves}</g>`;
  out += `<path d="M${n(cx)} ${n(cy)}L${n(cx + r)} ${n(cy - r * 0.3)}A${n(r)} ${n(r)} 0 0 1 ${n(cx + r * 0.6)} ${n(cy + r * 0.8)}Z" fill="${p.glow}" opacity="0.08"/>`;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 0.32)}" fill="${p.accent}"/><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 0.03)}" fill="${p.top}"/>`;
  // Equalizer.
  const base = h * 0.98;
  let bars = '';
  const count = 28;
  for (let i = 0; i < count; i++) {
    const bh = h * rng.float(0.02, 0.16) * (1 - Math.abs(i / count - 0.5));
    bars += `<rect x="${n((i / count) * w + 2)}" y="${n(base - bh)}" width="${n(w / count - 4)}" height="${n(bh)}" rx="2"/>`;
  }
  out += `<g fill="${p.accent}" opacity="0.5">${bars}</g>`;
  return out;
};

const stadium: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  for (const side of [0.08, 0.92]) {
    const x = side * w;
    const y = h * 0.12;
    out += `<path d="M${n(x)} ${n(y)}L${n(s.focus.x + (side < 0.5 ? -1 : 1) * w * 0.1)} ${n(h)}L${n(s.focus.x + (side < 0.5 ? 1 : -1) * w * 0.45)} ${n(h)}Z" fill="${linear(
      s,
      [
        [0, '#ffffff', 0.35],
        [1, '#ffffff', 0],
      ],
    )}"/>`;
    let lamps = '';
    for (let i = 0; i < 9; i++)
      lamps += `<circle cx="${n(x + ((i % 3) - 1) * w * 0.015)}" cy="${n(y + (Math.floor(i / 3) - 1) * w * 0.015)}" r="${n(w * 0.006)}"/>`;
    out += `<g fill="#ffffff">${lamps}</g>`;
  }
  const base = h * (s.horizon + 0.08);
  out += `<rect x="0" y="${n(base)}" width="${w}" height="${n(h - base)}" fill="${mix(p.bottom, '#1d6b3a', 0.4)}"/>`;
  // Lanes or pitch lines in perspective.
  let d = '';
  for (let i = -6; i <= 6; i++) d += `M${n(s.focus.x + i * w * 0.04)} ${n(base)}L${n(s.focus.x + i * w * 0.3)} ${n(h)}`;
  d += `M0 ${n(base + (h - base) * 0.35)}H${w}`;
  out += `<path d="${d}" stroke="#ffffff" stroke-width="2" opacity="0.35"/>`;
  out += `<rect x="0" y="${n(base - h * 0.08)}" width="${w}" height="${n(h * 0.08)}" fill="${mix(p.top, '#000000', 0.3)}"/>`;
  let crowd = '';
  for (let i = 0; i < 160; i++)
    crowd += `<circle cx="${n(rng.float(0, 1) * w)}" cy="${n(base - h * rng.float(0.01, 0.07))}" r="${n(rng.float(1, 2.4))}"/>`;
  out += `<g fill="${p.glow}" opacity="0.35">${crowd}</g>`;
  out += figure(s, s.focus.x, base + (h - base) * 0.5, h * 0.2, mix(p.top, '#000000', 0.5), 1);
  return out;
};

const smokeRidge: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  out += sphere(s, s.focus.x, s.focus.y + h * 0.05, Math.min(w, h) * rng.float(0.1, 0.16), 'sun');
  for (let i = 0; i < rng.int(4, 7); i++) {
    const x = rng.float(0, 1) * w;
    const y = h * rng.float(0.3, 0.6);
    const r = Math.min(w, h) * rng.float(0.1, 0.25);
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${radial(s, [
      [0, mix(p.bottom, p.glow, 0.2), 0.5],
      [1, p.bottom, 0],
    ])}"/>`;
  }
  const base = h * s.horizon;
  out += ridge(s, base, h * 0.05, mix(p.bottom, p.top, 0.5), 1, 0.4);
  out += ridge(s, base + h * 0.12, h * 0.04, mix(p.top, '#000000', 0.25), 1, 0.35);
  const dark = mix(p.top, '#000000', 0.45);
  const count = rng.int(3, 6);
  const x0 = rng.float(0.2, 0.5) * w;
  for (let i = 0; i < count; i++) out += figure(s, x0 + i * w * 0.05, base + h * 0.12, h * 0.07, dark, 3);
  return out;
};

const arches: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const cols = s.format === 'poster' ? 3 : 5;
  const aw = w / cols;
  const top = h * 0.12;
  const bottom = h * (s.horizon + 0.2);
  let frame = `<path fill-rule="evenodd" d="M0 0H${w}V${h}H0Z`;
  for (let i = 0; i < cols; i++) {
    const x = i * aw + aw * 0.14;
    const iw = aw * 0.72;
    frame += `M${n(x)} ${n(bottom)}V${n(top + iw / 2)}A${n(iw / 2)} ${n(iw / 2)} 0 0 1 ${n(x + iw)} ${n(top + iw / 2)}V${n(bottom)}Z`;
  }
  frame += `" fill="${mix(p.top, '#000000', 0.35)}"/>`;
  out += sphere(s, s.focus.x, s.focus.y + h * 0.1, Math.min(w, h) * 0.12, 'sun');
  out += ridge(s, h * (s.horizon + 0.05), h * 0.05, mix(p.bottom, p.top, 0.5), 1, 0.4);
  out += frame;
  out += `<rect x="0" y="${n(bottom)}" width="${w}" height="${n(h - bottom)}" fill="${mix(p.top, '#000000', 0.45)}"/>`;
  out += `<path d="M0 ${n(bottom)}H${w}" stroke="${p.accent}" stroke-width="2" opacity="0.6"/>`;
  out += figure(
    s,
    (Math.floor(rng.float(0, cols)) + 0.5) * aw,
    bottom,
    h * 0.14,
    mix(p.top, '#000000', 0.6),
    rng.int(0, 1),
  );
  return out;
};

const labyrinth: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const cx = s.focus.x;
  const cy = s.focus.y + h * 0.08;
  let d = '';
  for (let i = 1; i <= 9; i++) {
    const r = Math.min(w, h) * 0.05 * i;
    const gap = rng.float(0, Math.PI * 2);
    const a0 = gap + 0.35;
    const a1 = gap + Math.PI * 2 - 0.35;
    d += `M${n(cx + Math.cos(a0) * r)} ${n(cy + Math.sin(a0) * r)}A${n(r)} ${n(r)} 0 1 1 ${n(cx + Math.cos(a1) * r)} ${n(cy + Math.sin(a1) * r)}`;
    const wall = rng.float(0, Math.PI * 2);
    d += `M${n(cx + Math.cos(wall) * r)} ${n(cy + Math.sin(wall) * r)}L${n(cx + Math.cos(wall) * (r + Math.min(w, h) * 0.05))} ${n(cy + Math.sin(wall) * (r + Math.min(w, h) * 0.05))}`;
  }
  out += `<path d="${d}" fill="none" stroke="${p.accent}" stroke-width="${n(Math.min(w, h) * 0.012)}" stroke-linecap="round" opacity="0.7"/>`;
  const k = Math.min(w, h) * 0.035;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(k * 3)}" fill="${radial(s, [
    [0, p.glow, 0.8],
    [1, p.glow, 0],
  ])}"/>`;
  out += `<path d="M${n(cx)} ${n(cy - k)}a${n(k * 0.6)} ${n(k * 0.6)} 0 0 1 ${n(k * 0.35)} ${n(k * 1.1)}l${n(k * 0.3)} ${n(k * 1.4)}h${n(-k * 1.3)}l${n(k * 0.3)} ${n(-k * 1.4)}a${n(k * 0.6)} ${n(k * 0.6)} 0 0 1 ${n(k * 0.35)} ${n(-k * 1.1)}Z" fill="${mix(p.top, '#000000', 0.5)}"/>`;
  out += fog(s, h * 0.6, h * 0.3, p.glow, 0.1);
  return out;
};

const popShapes: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const u = Math.min(w, h);
  // Halftone dots.
  const dot = gid(s, 'p');
  s.defs.push(
    `<pattern id="${dot}" width="14" height="14" patternUnits="userSpaceOnUse"><circle cx="7" cy="7" r="2.6" fill="${p.accent}"/></pattern>`,
  );
  out += `<circle cx="${n(s.focus.x)}" cy="${n(s.focus.y)}" r="${n(u * rng.float(0.3, 0.42))}" fill="url(#${dot})" opacity="0.35"/>`;
  out += `<circle cx="${n(s.focus.x + u * 0.12)}" cy="${n(s.focus.y - u * 0.06)}" r="${n(u * rng.float(0.16, 0.24))}" fill="${p.glow}"/>`;
  // Stripes.
  const stripeY = h * rng.float(0.45, 0.6);
  out += `<g transform="rotate(${n(rng.float(-14, -4))} ${n(w / 2)} ${n(stripeY)})">`;
  for (let i = 0; i < 4; i++)
    out += `<rect x="${n(-w * 0.2)}" y="${n(stripeY + i * u * 0.05)}" width="${n(w * 1.4)}" height="${n(u * 0.022)}" fill="${i % 2 ? p.accent : mix(p.accent, '#ffffff', 0.5)}"/>`;
  out += '</g>';
  // Confetti.
  let confetti = '';
  const colors = [p.accent, p.glow, mix(p.accent, '#3a86ff', 0.6), mix(p.accent, '#ffd23f', 0.6)];
  for (let i = 0; i < rng.int(26, 44); i++) {
    const x = rng.float(0, 1) * w;
    const y = rng.float(0, 0.75) * h;
    confetti += `<rect x="${n(x)}" y="${n(y)}" width="${n(u * 0.02)}" height="${n(u * 0.008)}" fill="${rng.pick(colors)}" transform="rotate(${n(rng.float(0, 180))} ${n(x)} ${n(y)})"/>`;
  }
  out += confetti;
  // Two characters, one tall, one short, side by side.
  const base = h * (s.horizon + 0.2);
  const dark = p.light ? mix(p.text, p.top, 0.1) : mix(p.top, '#000000', 0.4);
  out += figure(s, s.focus.x - u * 0.07, base, h * 0.24, dark, 0);
  out += figure(s, s.focus.x + u * 0.08, base, h * 0.18, dark, 1);
  return out;
};

const monolith: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s) + stars(s, rng.int(20, 60), h * 0.5);
  const base = h * (s.horizon + 0.1);
  out += `<rect x="0" y="${n(base)}" width="${w}" height="${n(h - base)}" fill="${linear(s, [
    [0, mix(p.bottom, p.top, 0.4)],
    [1, p.top],
  ])}"/>`;
  const mw = Math.min(w, h) * rng.float(0.12, 0.2);
  const mh = h * rng.float(0.35, 0.5);
  const mx = s.focus.x - mw / 2;
  out += `<rect x="${n(mx)}" y="${n(base - mh)}" width="${n(mw)}" height="${n(mh)}" fill="${mix(p.top, '#000000', 0.5)}"/>`;
  out += `<rect x="${n(mx)}" y="${n(base - mh)}" width="${n(mw * 0.06)}" height="${n(mh)}" fill="${p.accent}" opacity="0.8"/>`;
  out += `<path d="M${n(mx)} ${n(base)}L${n(mx + mw)} ${n(base)}L${n(mx + mw + w * 0.6)} ${n(h)}L${n(mx - w * 0.1)} ${n(h)}Z" fill="#000000" opacity="0.25"/>`;
  out += figure(s, mx - mw * rng.float(0.8, 1.6), base + h * 0.03, h * 0.06, mix(p.top, '#000000', 0.4), 0);
  return out;
};

const mothership: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  const cx = s.focus.x;
  const cy = h * 0.2;
  const rx = w * rng.float(0.5, 0.8);
  out += `<path d="M${n(cx)} ${n(cy)}L${n(cx - rx * 0.3)} ${n(h)}L${n(cx + rx * 0.3)} ${n(h)}Z" fill="${linear(s, [
    [0, p.glow, 0.5],
    [1, p.glow, 0],
  ])}"/>`;
  out += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(rx * 0.16)}" fill="${mix(p.top, '#000000', 0.4)}"/>`;
  let lights = '';
  for (let i = 0; i < 14; i++) {
    const a = (i / 13) * Math.PI;
    lights += `<circle cx="${n(cx - Math.cos(a) * rx * 0.85)}" cy="${n(cy + Math.sin(a) * rx * 0.1)}" r="${n(w * 0.005)}"/>`;
  }
  out += `<g fill="${p.accent}">${lights}</g>`;
  const base = h * (s.horizon + 0.2);
  out += skyline(s, base, h * 0.06, h * 0.2, mix(p.top, '#000000', 0.35), p.glow, 0.1);
  out += figure(s, cx + rng.float(-0.15, 0.15) * w, base + 2, h * 0.06, '#000000', 0);
  return out;
};

const clockRings: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s) + stars(s, rng.int(40, 80), h);
  const cx = s.focus.x;
  const cy = s.focus.y + h * 0.06;
  const u = Math.min(w, h);
  for (let i = 0; i < 4; i++) {
    const r = u * (0.14 + i * 0.09);
    const dash = 2 * Math.PI * r;
    out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${i % 2 ? p.glow : p.accent}" stroke-width="${n(u * (i === 0 ? 0.01 : 0.004))}" stroke-dasharray="${n(dash * rng.float(0.4, 0.9))} ${n(dash * 0.1)}" opacity="${n(0.8 - i * 0.15)}" transform="rotate(${n(rng.float(0, 360))} ${n(cx)} ${n(cy)})"/>`;
  }
  let ticks = '';
  for (let i = 0; i < 60; i++) {
    const a = (i / 60) * Math.PI * 2;
    const r1 = u * 0.2;
    const r2 = r1 + (i % 5 === 0 ? u * 0.03 : u * 0.012);
    ticks += `M${n(cx + Math.cos(a) * r1)} ${n(cy + Math.sin(a) * r1)}L${n(cx + Math.cos(a) * r2)} ${n(cy + Math.sin(a) * r2)}`;
  }
  out += `<path d="${ticks}" stroke="${p.glow}" stroke-width="1.5"/>`;
  const a1 = rng.float(0, Math.PI * 2);
  const a2 = rng.float(0, Math.PI * 2);
  out += `<path d="M${n(cx)} ${n(cy)}L${n(cx + Math.cos(a1) * u * 0.12)} ${n(cy + Math.sin(a1) * u * 0.12)}M${n(cx)} ${n(cy)}L${n(cx + Math.cos(a2) * u * 0.17)} ${n(cy + Math.sin(a2) * u * 0.17)}" stroke="${p.glow}" stroke-width="${n(u * 0.008)}" stroke-linecap="round"/>`;
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(u * 0.012)}" fill="${p.accent}"/>`;
  return out;
};

const pineValley: Motif = (s) => {
  const { w, h, p, rng } = s;
  let out = sky(s);
  out += sphere(s, s.focus.x, s.focus.y, Math.min(w, h) * rng.float(0.07, 0.12), 'sun');
  const base = h * s.horizon;
  out += ridge(s, base - h * 0.04, h * 0.14, mix(p.bottom, p.glow, 0.2), 0.8, 0.8);
  out += fog(s, base - h * 0.05, h * 0.14, p.glow, 0.22);
  const layers = 3;
  for (let l = 0; l < layers; l++) {
    const y = base + h * (0.05 + l * 0.09);
    const color = mix(p.bottom, p.top, 0.35 + l * 0.25);
    let trees = '';
    const size = h * (0.08 + l * 0.05);
    for (let x = -size; x < w + size; x += size * rng.float(0.25, 0.5))
      trees += pine(x, y + rng.float(-0.01, 0.01) * h, size * rng.float(0.7, 1.2), color);
    out += `${trees}<rect x="0" y="${n(y - 1)}" width="${w}" height="${n(h - y + 1)}" fill="${color}"/>`;
  }
  if (rng.chance(0.6))
    out += figure(s, rng.float(0.3, 0.7) * w, base + h * 0.05, h * 0.05, mix(p.top, '#000000', 0.2), 0);
  return out;
};

/** Motifs by genre slug (sub-genres first, then top-level genres). */
export const MOTIFS: Record<string, readonly Motif[]> = {
  'space-opera': [planetHorizon],
  cyberpunk: [neonCity],
  'time-travel': [clockRings],
  dystopian: [monolith, neonCity],
  'alien-invasion': [mothership],
  'sci-fi': [planetHorizon, monolith, clockRings, planetHorizon],
  noir: [neonCity],
  crime: [cityMap, neonCity],
  'police-procedural': [cityMap],
  thriller: [crackedGlass, cityMap, labyrinth],
  horror: [moonForest, pineValley],
  'folk-horror': [lonePlain, moonForest],
  drama: [lonePlain, windowLight, ocean],
  'period-drama': [arches, windowLight],
  comedy: [popShapes],
  romance: [bokeh],
  family: [softHills],
  kids: [softHills],
  animation: [softHills, popShapes],
  fantasy: [fantasyPeaks, pineValley],
  action: [burst],
  spy: [cityMap, crackedGlass],
  heist: [cityMap, neonCity],
  disaster: [burst, ocean],
  adventure: [pineValley, fantasyPeaks, ocean],
  survival: [pineValley, ocean],
  documentary: [topography, ocean],
  nature: [ocean, pineValley, topography],
  'true-crime': [cityMap, labyrinth],
  music: [vinyl],
  sports: [stadium],
  war: [smokeRidge],
  history: [arches, smokeRidge],
  western: [mesa],
  mystery: [labyrinth, moonForest],
  anime: [sunburstAnime, fantasyPeaks, neonCity],
  shonen: [sunburstAnime, burst],
  shojo: [bokeh, sunburstAnime],
  seinen: [neonCity, moonForest, lonePlain],
  'slice-of-life': [softHills, ocean, sunburstAnime],
  mecha: [sunburstAnime, neonCity, planetHorizon],
  isekai: [fantasyPeaks, pineValley, sunburstAnime],
};

/** The motif for a title's genres (most specific first), varied by seed. */
export function motifFor(subGenres: readonly string[], family: string, seed: number): Motif {
  for (const g of subGenres) {
    if (g === family) continue;
    const list = MOTIFS[g];
    if (list && (seed >>> 3) % 3 !== 0) return list[seed % list.length] ?? lonePlain;
  }
  const list = MOTIFS[family] ?? [lonePlain, topography, bokeh, fantasyPeaks];
  return list[(seed >>> 5) % list.length] ?? lonePlain;
}

export const ALL_MOTIFS = {
  planetHorizon,
  neonCity,
  cityMap,
  softHills,
  moonForest,
  bokeh,
  fantasyPeaks,
  burst,
  crackedGlass,
  topography,
  ocean,
  lonePlain,
  windowLight,
  mesa,
  sunburstAnime,
  vinyl,
  stadium,
  smokeRidge,
  arches,
  labyrinth,
  popShapes,
  monolith,
  mothership,
  clockRings,
  pineValley,
};
