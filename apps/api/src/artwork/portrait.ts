import { Rng } from '../seed/random.js';
import { grain, linear, makeScene, radial, vignette } from './scenes.js';
import { mix, n, shiftHue, svgDoc } from './svg.js';

const BACKDROPS = [
  '#2f4858',
  '#6b4e3d',
  '#3d4a3a',
  '#4b3f5e',
  '#5e5340',
  '#34495e',
  '#5b3a3a',
  '#2f3e46',
  '#4a4e69',
  '#355c55',
];
const SKIN = ['#f6dccb', '#efc9ae', '#e2b08d', '#cf9874', '#b87c58', '#9a6444', '#7a4a30', '#5a3422'];
const HAIR = [
  '#17110e',
  '#2a1c14',
  '#3f2a1d',
  '#5e3d26',
  '#8a5a33',
  '#b98649',
  '#dcb877',
  '#9c3f22',
  '#7d7d7d',
  '#cfcfcf',
];
const CLOTHES = [
  '#1f2933',
  '#e9e4d8',
  '#7a2e2e',
  '#2e4a7a',
  '#3c5a3a',
  '#c9a227',
  '#5a3d6b',
  '#a0522d',
  '#111111',
  '#8fa3b5',
];

/** What a person's portrait is drawn from. */
export interface PortraitInput {
  id: string;
  name: string;
  seed: number;
}

/**
 * A person's portrait (400×500): an abstract studio bust — backdrop, lighting, skin tone, hair,
 * clothes and accessories from the seed — so every person is recognisably distinct.
 */
export function renderPortrait(input: PortraitInput): string {
  const rng = new Rng(input.seed, 'portrait');
  const W = 400;
  const H = 500;
  const bg = shiftHue(rng.pick(BACKDROPS), rng.float(-12, 12));
  const palette = {
    top: mix(bg, '#000000', 0.35),
    bottom: bg,
    accent: bg,
    glow: mix(bg, '#ffffff', 0.45),
    text: '#ffffff',
  };
  const s = makeScene(W, H, palette, input.seed, 'square', 'portrait-scene');
  const skin = rng.pick(SKIN);
  const hair = rng.pick(HAIR);
  const clothes = rng.pick(CLOTHES);
  const style = rng.pick([
    'short',
    'crop',
    'long',
    'bob',
    'bun',
    'curly',
    'bald',
    'side',
    'afro',
    'ponytail',
    'long',
    'short',
  ] as const);
  const cx = W / 2 + rng.float(-10, 10);
  const cy = 200;
  const rx = rng.float(56, 66);
  const ry = rx * rng.float(1.18, 1.32);
  const lightLeft = rng.chance(0.5);
  const shade = mix(skin, '#2a1a12', 0.28);
  let body = `<rect width="${W}" height="${H}" fill="${linear(
    s,
    [
      [0, palette.glow],
      [1, palette.top],
    ],
    lightLeft ? 0 : 1,
    0,
    lightLeft ? 1 : 0,
    1,
  )}"/>`;
  body += `<circle cx="${n(cx + (lightLeft ? -40 : 40))}" cy="${n(cy - 20)}" r="220" fill="${radial(s, [
    [0, '#ffffff', 0.35],
    [1, '#ffffff', 0],
  ])}"/>`;
  // An abstract shape behind, so portraits are not all alike.
  const shape = rng.int(0, 2);
  if (shape === 0) body += `<circle cx="${n(cx)}" cy="${n(cy + 10)}" r="150" fill="${mix(bg, '#ffffff', 0.12)}"/>`;
  else if (shape === 1)
    body += `<rect x="${n(cx - 140)}" y="60" width="280" height="400" rx="140" fill="${mix(bg, '#000000', 0.15)}"/>`;
  else body += `<path d="M0 ${n(H * 0.75)}L${W} ${n(H * 0.35)}V${H}H0Z" fill="${mix(bg, '#000000', 0.18)}"/>`;

  const headTop = cy - ry;
  // Hair behind the head.
  if (style === 'long' || style === 'bob') {
    const len = style === 'long' ? 200 : 105;
    body += `<path d="M${n(cx - rx - 16)} ${n(cy - 10)}Q${n(cx - rx - 22)} ${n(cy + len * 0.6)} ${n(cx - rx + 4)} ${n(cy + len)}H${n(cx + rx - 4)}Q${n(cx + rx + 22)} ${n(cy + len * 0.6)} ${n(cx + rx + 16)} ${n(cy - 10)}Z" fill="${hair}"/>`;
  } else if (style === 'afro') {
    body += `<circle cx="${n(cx)}" cy="${n(cy - 24)}" r="${n(rx * 1.62)}" fill="${hair}"/>`;
  } else if (style === 'ponytail') {
    body += `<ellipse cx="${n(cx + (lightLeft ? 1 : -1) * (rx + 18))}" cy="${n(cy + 40)}" rx="22" ry="70" fill="${hair}"/>`;
  }
  // Shoulders and neck.
  const neckW = rx * 0.62;
  body += `<path d="M${n(cx - neckW)} ${n(cy + ry * 0.6)}V${n(cy + ry + 50)}H${n(cx + neckW)}V${n(cy + ry * 0.6)}Z" fill="${shade}"/>`;
  const sy = cy + ry + 40;
  body += `<path d="M${n(cx - 175)} ${H}C${n(cx - 170)} ${n(sy + 20)} ${n(cx - 120)} ${n(sy - 6)} ${n(cx - neckW - 6)} ${n(sy - 12)}Q${n(cx)} ${n(sy + 22)} ${n(cx + neckW + 6)} ${n(sy - 12)}C${n(cx + 120)} ${n(sy - 6)} ${n(cx + 170)} ${n(sy + 20)} ${n(cx + 175)} ${H}Z" fill="${clothes}"/>`;
  const collar = rng.int(0, 2);
  if (collar === 0)
    body += `<path d="M${n(cx - neckW - 4)} ${n(sy - 12)}L${n(cx)} ${n(sy + 50)}L${n(cx + neckW + 4)} ${n(sy - 12)}Q${n(cx)} ${n(sy + 6)} ${n(cx - neckW - 4)} ${n(sy - 12)}Z" fill="${shade}"/>`;
  else if (collar === 1)
    body += `<path d="M${n(cx - neckW - 8)} ${n(sy - 16)}L${n(cx - 6)} ${n(sy + 40)}L${n(cx - 30)} ${n(sy + 50)}Z M${n(cx + neckW + 8)} ${n(sy - 16)}L${n(cx + 6)} ${n(sy + 40)}L${n(cx + 30)} ${n(sy + 50)}Z" fill="${mix(clothes, '#ffffff', 0.25)}"/>`;
  else
    body += `<rect x="${n(cx - neckW - 4)}" y="${n(sy - 30)}" width="${n(neckW * 2 + 8)}" height="38" rx="14" fill="${mix(clothes, '#000000', 0.15)}"/>`;
  // Ears and head.
  body += `<ellipse cx="${n(cx - rx + 2)}" cy="${n(cy + 8)}" rx="11" ry="17" fill="${shade}"/><ellipse cx="${n(cx + rx - 2)}" cy="${n(cy + 8)}" rx="11" ry="17" fill="${shade}"/>`;
  const clip = `${s.uid}head`;
  s.defs.push(`<clipPath id="${clip}"><ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}"/></clipPath>`);
  body += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${skin}"/>`;
  body += `<g clip-path="url(#${clip})"><rect x="${n(lightLeft ? cx + rx * 0.15 : cx - rx * 2)}" y="${n(cy - ry)}" width="${n(rx * 1.9)}" height="${n(ry * 2)}" fill="${linear(
    s,
    [
      [0, '#000000', lightLeft ? 0 : 0.22],
      [1, '#000000', lightLeft ? 0.22 : 0],
    ],
    0,
    0,
    1,
    0,
  )}"/><ellipse cx="${n(cx)}" cy="${n(cy + ry * 0.95)}" rx="${n(rx)}" ry="${n(ry * 0.35)}" fill="#000000" opacity="0.08"/></g>`;
  // Hair on top.
  const cap = (depth: number, sweep: number) =>
    `<path d="M${n(cx - rx - 4)} ${n(cy - ry * depth)}C${n(cx - rx - 8)} ${n(headTop - 34)} ${n(cx + rx + 8)} ${n(headTop - 34)} ${n(cx + rx + 4)} ${n(cy - ry * depth)}Q${n(cx + sweep)} ${n(headTop + ry * 0.35)} ${n(cx - rx - 4)} ${n(cy - ry * depth)}Z" fill="${hair}"/>`;
  if (style === 'short' || style === 'long' || style === 'bob' || style === 'ponytail')
    body += cap(0.2, rng.float(-30, 30));
  else if (style === 'crop') body += cap(0.45, 0);
  else if (style === 'side') body += cap(0.1, lightLeft ? 50 : -50);
  else if (style === 'bun')
    body += `${cap(0.3, 0)}<circle cx="${n(cx)}" cy="${n(headTop - 18)}" r="30" fill="${hair}"/>`;
  else if (style === 'curly') {
    let curls = '';
    for (let i = 0; i < 14; i++) {
      const a = Math.PI + (i / 13) * Math.PI;
      curls += `<circle cx="${n(cx + Math.cos(a) * rx * 1.02)}" cy="${n(cy - ry * 0.25 + Math.sin(a) * ry * 0.95)}" r="${n(rng.float(16, 22))}"/>`;
    }
    body += `<g fill="${hair}">${curls}</g>`;
  } else if (style === 'afro') body += cap(0.35, 0);
  // Glasses, earrings.
  if (rng.chance(0.22)) {
    const gy = cy + ry * 0.02;
    body += `<g fill="none" stroke="${rng.pick(['#111111', '#5a3a22', '#b08d57'])}" stroke-width="4"><rect x="${n(cx - rx * 0.78)}" y="${n(gy - 13)}" width="${n(rx * 0.66)}" height="28" rx="10"/><rect x="${n(cx + rx * 0.12)}" y="${n(gy - 13)}" width="${n(rx * 0.66)}" height="28" rx="10"/><path d="M${n(cx - rx * 0.12)} ${n(gy)}h${n(rx * 0.24)}"/></g>`;
  }
  if (rng.chance(0.25))
    body += `<circle cx="${n(cx - rx + 2)}" cy="${n(cy + 28)}" r="4.5" fill="#e8c66a"/><circle cx="${n(cx + rx - 2)}" cy="${n(cy + 28)}" r="4.5" fill="#e8c66a"/>`;
  body += grain(s, 0.09) + vignette(s, 0.35);
  return svgDoc(W, H, `<defs>${s.defs.join('')}</defs>${body}`, input.name);
}
