import { mix, svgDoc } from './svg.js';

/** A generated profile avatar: key, accessible label, picker group and background colour. */
export interface AvatarDef {
  key: string;
  label: string;
  group: 'classics' | 'animals' | 'kids' | 'anime';
  color: string;
  draw: () => string;
}

const eyes = (x1: number, x2: number, y: number, r = 7, color = '#1d1d2b') =>
  `<circle cx="${x1}" cy="${y}" r="${r}" fill="${color}"/><circle cx="${x2}" cy="${y}" r="${r}" fill="${color}"/><circle cx="${x1 + r * 0.35}" cy="${y - r * 0.35}" r="${r * 0.32}" fill="#ffffff"/><circle cx="${x2 + r * 0.35}" cy="${y - r * 0.35}" r="${r * 0.32}" fill="#ffffff"/>`;
const blush = (x1: number, x2: number, y: number, color = '#ff8fa3') =>
  `<ellipse cx="${x1}" cy="${y}" rx="10" ry="6" fill="${color}" opacity="0.55"/><ellipse cx="${x2}" cy="${y}" rx="10" ry="6" fill="${color}" opacity="0.55"/>`;
const smile = (x: number, y: number, w = 14, color = '#1d1d2b') =>
  `<path d="M${x - w} ${y}q${w} ${w * 0.9} ${w * 2} 0" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round"/>`;

/** The avatars a profile can pick, in picker order. */
export const AVATARS: readonly AvatarDef[] = [
  {
    key: 'comet',
    label: 'Comet',
    group: 'classics',
    color: '#1b2a5c',
    draw: () =>
      `<path d="M58 200L150 96a34 34 0 1 1 14 52Z" fill="#ffb347" opacity="0.35"/><path d="M84 188L152 108a26 26 0 1 1 10 40Z" fill="#ffd166" opacity="0.6"/><circle cx="168" cy="96" r="34" fill="#ffe8a3"/><circle cx="158" cy="88" r="8" fill="#fff6d5"/>` +
      `<g fill="#ffffff"><circle cx="60" cy="64" r="3"/><circle cx="200" cy="190" r="2.5"/><circle cx="96" cy="42" r="2"/><circle cx="214" cy="60" r="2"/></g>`,
  },
  {
    key: 'planet',
    label: 'Ringed planet',
    group: 'classics',
    color: '#3d2466',
    draw: () =>
      `<circle cx="128" cy="128" r="62" fill="#ff8fab"/><path d="M70 112q58 -16 116 0" stroke="#ff6f91" stroke-width="12" fill="none"/><path d="M74 150q54 14 108 0" stroke="#ffc2d1" stroke-width="10" fill="none"/>` +
      `<ellipse cx="128" cy="132" rx="108" ry="26" fill="none" stroke="#ffd166" stroke-width="10" transform="rotate(-16 128 132)"/><path d="M66 128a62 62 0 0 0 124 0" fill="#ff8fab" opacity="0" />` +
      `<g fill="#ffffff"><circle cx="48" cy="52" r="3"/><circle cx="210" cy="206" r="3"/><circle cx="216" cy="48" r="2"/></g>`,
  },
  {
    key: 'rocket',
    label: 'Rocket',
    group: 'classics',
    color: '#0f6e78',
    draw: () =>
      `<path d="M128 36c32 22 44 66 36 116h-72c-8-50 4-94 36-116Z" fill="#f4f1e8"/><path d="M92 152l-28 32 36-6Z M164 152l28 32-36-6Z" fill="#ef476f"/><circle cx="128" cy="100" r="18" fill="#118ab2" stroke="#073b4c" stroke-width="6"/>` +
      `<path d="M108 152h40l-6 14h-28Z" fill="#b0aca0"/><path d="M114 168q14 44 28 0Z" fill="#ffd166"/><path d="M120 168q8 24 16 0Z" fill="#ff9f1c"/>`,
  },
  {
    key: 'popcorn',
    label: 'Popcorn',
    group: 'classics',
    color: '#2b2d42',
    draw: () =>
      `<g fill="#fff3d6"><circle cx="92" cy="92" r="24"/><circle cx="128" cy="78" r="28"/><circle cx="164" cy="92" r="24"/><circle cx="110" cy="104" r="22"/><circle cx="148" cy="104" r="22"/></g><g fill="#ffd166" opacity="0.6"><circle cx="120" cy="70" r="8"/><circle cx="160" cy="86" r="6"/></g>` +
      `<path d="M72 108h112l-14 108h-84Z" fill="#ffffff"/><path d="M86 108h18l6 108h-14Z M122 108h18l-2 108h-14Z M156 108h18l-10 108h-14Z" fill="#e63946"/>`,
  },
  {
    key: 'fox',
    label: 'Red fox',
    group: 'animals',
    color: '#2a9d8f',
    draw: () =>
      `<path d="M66 60l34 42-36 10Z M190 60l-34 42 36 10Z" fill="#f77f00"/><path d="M72 72l20 26-20 6Z M184 72l-20 26 20 6Z" fill="#5c2a00"/>` +
      `<path d="M62 112q0-40 66-40t66 40q0 30-66 92-66-62-66-92Z" fill="#f77f00"/><path d="M62 118q30 12 66 40 36-28 66-40-4 30-66 86-62-56-66-86Z" fill="#fff1e0"/>` +
      eyes(104, 152, 124, 7) +
      `<ellipse cx="128" cy="186" rx="11" ry="8" fill="#1d1d2b"/>`,
  },
  {
    key: 'owl',
    label: 'Owl',
    group: 'animals',
    color: '#3a5a40',
    draw: () =>
      `<path d="M76 70l16 26h-22Z M180 70l-16 26h22Z" fill="#7f5539"/><ellipse cx="128" cy="142" rx="64" ry="78" fill="#9c6644"/><ellipse cx="128" cy="168" rx="38" ry="44" fill="#ede0d4"/>` +
      `<path d="M106 158q6 6 12 0M122 172q6 6 12 0M138 158q6 6 12 0M114 186q6 6 12 0M130 186q6 6 12 0" stroke="#b08968" stroke-width="3" fill="none"/>` +
      `<circle cx="102" cy="116" r="24" fill="#ffffff"/><circle cx="154" cy="116" r="24" fill="#ffffff"/>` +
      eyes(102, 154, 118, 11) +
      `<path d="M120 134h16l-8 14Z" fill="#f4a261"/>`,
  },
  {
    key: 'cat',
    label: 'Cat',
    group: 'animals',
    color: '#f4a261',
    draw: () =>
      `<path d="M72 98l6-48 40 30Z M184 98l-6-48-40 30Z" fill="#3d405b"/><path d="M82 88l4-26 20 18Z M174 88l-4-26-20 18Z" fill="#f2cc8f"/><circle cx="128" cy="136" r="66" fill="#3d405b"/>` +
      `<ellipse cx="104" cy="128" rx="10" ry="13" fill="#81b29a"/><ellipse cx="152" cy="128" rx="10" ry="13" fill="#81b29a"/><ellipse cx="104" cy="128" rx="3.5" ry="10" fill="#1d1d2b"/><ellipse cx="152" cy="128" rx="3.5" ry="10" fill="#1d1d2b"/>` +
      `<path d="M122 152h12l-6 8Z" fill="#ff8fa3"/><path d="M128 160q-6 10-14 6M128 160q6 10 14 6" stroke="#f4f1de" stroke-width="3" fill="none" stroke-linecap="round"/>` +
      `<path d="M70 150l34 4M70 166l34-4M186 150l-34 4M186 166l-34-4" stroke="#f4f1de" stroke-width="2.5" stroke-linecap="round"/>`,
  },
  {
    key: 'panda',
    label: 'Panda',
    group: 'animals',
    color: '#95d5b2',
    draw: () =>
      `<circle cx="78" cy="78" r="24" fill="#1d1d2b"/><circle cx="178" cy="78" r="24" fill="#1d1d2b"/><circle cx="128" cy="136" r="70" fill="#ffffff"/>` +
      `<ellipse cx="100" cy="128" rx="17" ry="22" fill="#1d1d2b" transform="rotate(25 100 128)"/><ellipse cx="156" cy="128" rx="17" ry="22" fill="#1d1d2b" transform="rotate(-25 156 128)"/>` +
      `<circle cx="102" cy="126" r="5" fill="#ffffff"/><circle cx="154" cy="126" r="5" fill="#ffffff"/><ellipse cx="128" cy="158" rx="10" ry="7" fill="#1d1d2b"/>` +
      smile(128, 168, 8) +
      blush(92, 164, 160),
  },
  {
    key: 'dino',
    label: 'Little dinosaur',
    group: 'kids',
    color: '#ffd166',
    draw: () =>
      `<path d="M84 70l14-22 14 22Z M112 60l16-24 16 24Z M144 70l14-22 14 22Z" fill="#f77f00"/><rect x="64" y="66" width="128" height="142" rx="60" fill="#52b788"/><ellipse cx="128" cy="170" rx="44" ry="30" fill="#b7e4c7"/>` +
      eyes(104, 152, 120, 9) +
      `<path d="M104 162q24 22 48 0" fill="#ffffff" stroke="#1d1d2b" stroke-width="4" stroke-linejoin="round"/><path d="M114 164l5 8 5-8M132 164l5 8 5-8" fill="#ffffff" stroke="#1d1d2b" stroke-width="2"/>` +
      blush(86, 170, 146),
  },
  {
    key: 'octopus',
    label: 'Octopus',
    group: 'kids',
    color: '#48cae4',
    draw: () =>
      `<g fill="#ff70a6"><path d="M72 150q-20 40 4 60 10-26 18-52Z"/><path d="M100 160q-10 44 12 52 4-28 6-50Z"/><path d="M156 160q10 44-12 52-4-28-6-50Z"/><path d="M184 150q20 40-4 60-10-26-18-52Z"/></g>` +
      `<path d="M62 150q0-96 66-96t66 96q-66 22-132 0Z" fill="#ff70a6"/><circle cx="104" cy="84" r="8" fill="#ffffff" opacity="0.5"/>` +
      eyes(106, 150, 124, 9) +
      smile(128, 146, 10) +
      blush(88, 168, 140, '#ffffff'),
  },
  {
    key: 'ghost',
    label: 'Friendly ghost',
    group: 'kids',
    color: '#7b2cbf',
    draw: () =>
      `<path d="M70 200V120a58 58 0 0 1 116 0v80l-19-14-19 14-20-14-20 14-19-14Z" fill="#f8f9fa"/>` +
      `<ellipse cx="108" cy="124" rx="9" ry="13" fill="#1d1d2b"/><ellipse cx="148" cy="124" rx="9" ry="13" fill="#1d1d2b"/><ellipse cx="128" cy="154" rx="8" ry="10" fill="#1d1d2b"/>` +
      blush(94, 162, 144) +
      `<g fill="#ffd166"><circle cx="52" cy="60" r="4"/><circle cx="204" cy="76" r="3"/></g>`,
  },
  {
    key: 'robot',
    label: 'Robot',
    group: 'kids',
    color: '#ef476f',
    draw: () =>
      `<path d="M128 66V42" stroke="#dee2e6" stroke-width="6"/><circle cx="128" cy="38" r="10" fill="#ffd166"/><rect x="58" y="106" width="16" height="40" rx="6" fill="#adb5bd"/><rect x="182" y="106" width="16" height="40" rx="6" fill="#adb5bd"/>` +
      `<rect x="68" y="66" width="120" height="120" rx="26" fill="#dee2e6"/><rect x="84" y="86" width="88" height="64" rx="14" fill="#073b4c"/>` +
      `<circle cx="108" cy="116" r="10" fill="#06d6a0"/><circle cx="148" cy="116" r="10" fill="#06d6a0"/><path d="M104 166h48" stroke="#6c757d" stroke-width="6" stroke-linecap="round" stroke-dasharray="4 8"/>`,
  },
  {
    key: 'ninja',
    label: 'Ninja',
    group: 'anime',
    color: '#e9c46a',
    draw: () =>
      `<path d="M176 92q34-6 44 20-26-8-40 0Z M176 100q30 10 28 40-16-22-32-26Z" fill="#d62828"/><circle cx="128" cy="128" r="70" fill="#264653"/>` +
      `<rect x="62" y="92" width="132" height="22" fill="#d62828"/><rect x="72" y="116" width="112" height="34" rx="17" fill="#f4d3b6"/>` +
      `<path d="M96 134q10-8 20 0M140 134q10-8 20 0" stroke="#1d1d2b" stroke-width="6" fill="none" stroke-linecap="round"/><circle cx="128" cy="103" r="6" fill="#e9c46a"/>`,
  },
  {
    key: 'ramen',
    label: 'Bowl of ramen',
    group: 'anime',
    color: '#264653',
    draw: () =>
      `<path d="M100 72q-10-18 4-32M128 70q-10-18 4-32M156 72q-10-18 4-32" stroke="#ffffff" stroke-width="5" fill="none" stroke-linecap="round" opacity="0.6"/>` +
      `<path d="M168 58l40-30M180 64l36-24" stroke="#bc6c25" stroke-width="6" stroke-linecap="round"/><ellipse cx="128" cy="126" rx="80" ry="20" fill="#f4a261"/>` +
      `<path d="M84 122q12-8 24 0t24 0 24 0 24 0" stroke="#ffe8a3" stroke-width="5" fill="none"/><circle cx="108" cy="120" r="14" fill="#ffffff"/><circle cx="108" cy="120" r="7" fill="#ffb703"/><path d="M140 112h28v12h-28Z" fill="#8ac926" transform="rotate(-10 154 118)"/>` +
      `<path d="M48 128h160q-8 70-80 70t-80-70Z" fill="#e63946"/><path d="M70 150h116" stroke="#ffffff" stroke-width="4" stroke-dasharray="10 8"/>`,
  },
  {
    key: 'sakura',
    label: 'Cherry blossom',
    group: 'anime',
    color: '#3c096c',
    draw: () => {
      let petals = '';
      for (let i = 0; i < 5; i++) {
        petals += `<path d="M128 128c-26-24-24-62 0-70l6 10 6-10c24 8 26 46-12 70Z" transform="rotate(${i * 72} 128 128)"/>`;
      }
      return `<path d="M40 220q60-40 70-100" stroke="#7f5539" stroke-width="8" fill="none" stroke-linecap="round"/><g fill="#ffafcc">${petals}</g><circle cx="128" cy="128" r="14" fill="#ff4d6d"/><g fill="#ffe5ec"><circle cx="128" cy="112" r="3"/><circle cx="142" cy="122" r="3"/><circle cx="138" cy="140" r="3"/><circle cx="118" cy="140" r="3"/><circle cx="114" cy="122" r="3"/></g><ellipse cx="200" cy="200" rx="9" ry="6" fill="#ffafcc" transform="rotate(30 200 200)"/><ellipse cx="60" cy="70" rx="8" ry="5" fill="#ffafcc" transform="rotate(-20 60 70)"/>`;
    },
  },
  {
    key: 'daruma',
    label: 'Daruma doll',
    group: 'anime',
    color: '#f1faee',
    draw: () =>
      `<ellipse cx="128" cy="140" rx="76" ry="82" fill="#d62828"/><ellipse cx="128" cy="120" rx="46" ry="40" fill="#fff1e6"/>` +
      `<path d="M96 100q14-14 28 2M132 102q14-16 28-2" stroke="#1d1d2b" stroke-width="7" fill="none" stroke-linecap="round"/><circle cx="110" cy="120" r="9" fill="#1d1d2b"/><circle cx="146" cy="120" r="9" fill="#ffffff" stroke="#1d1d2b" stroke-width="3"/>` +
      `<path d="M112 146q16 8 32 0" stroke="#1d1d2b" stroke-width="4" fill="none" stroke-linecap="round"/><path d="M96 184q32 20 64 0" stroke="#ffd166" stroke-width="8" fill="none" stroke-linecap="round"/>`,
  },
];

/** The SVG of an avatar (256×256), or null for an unknown key. */
export function renderAvatar(key: string): string | null {
  const a = AVATARS.find((x) => x.key === key);
  if (!a) return null;
  const light = mix(a.color, '#ffffff', 0.18);
  const dark = mix(a.color, '#000000', 0.12);
  const body = `<defs><radialGradient id="av-bg" cx="0.35" cy="0.3" r="0.9"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></radialGradient></defs><rect width="256" height="256" fill="url(#av-bg)"/><ellipse cx="128" cy="226" rx="70" ry="10" fill="#000000" opacity="0.12"/>${a.draw()}`;
  return svgDoc(256, 256, body, a.label);
}
