import { isIP } from 'node:net';

/** The contract's `AccountDeviceType`. */
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'tv' | 'console' | 'other';

const DEVICE_TYPES: readonly string[] = ['desktop', 'mobile', 'tablet', 'tv', 'console', 'other'];
/** A stored device type back into the contract's enum. */
export const asDeviceType = (type: string): DeviceType =>
  DEVICE_TYPES.includes(type) ? (type as DeviceType) : 'other';

/** What a User-Agent says about the browser, the OS and the kind of device. */
export interface ClientDevice {
  browser: string | null;
  os: string | null;
  type: DeviceType;
  /** `Firefox on macOS`, `Reel on Android TV`, `Unknown browser`. */
  name: string;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdgA?\/|\bEdg\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bChrome\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
  [/\bReel\//, 'Reel'],
  [/^curl\//, 'curl'],
  [/^node\b|\bundici\b|^node-fetch/, 'Node.js'],
  [/\bPostmanRuntime\//, 'Postman'],
  [/\bbot\b|\bcrawler\b|\bspider\b/i, 'Bot'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows Phone\b/, 'Windows Phone'],
  [/\bWindows\b/, 'Windows'],
  [/\biPad\b/, 'iPadOS'],
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bTizen\b/, 'Tizen'],
  [/\bWeb0S\b|\bwebOS\b/, 'webOS'],
  [/\bPlayStation\b/, 'PlayStation'],
  [/\bXbox\b/, 'Xbox'],
  [/\bNintendo\b/, 'Nintendo'],
  [/\bUbuntu\b/, 'Ubuntu'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/**
 * A small User-Agent reader: enough to tell "Firefox on macOS" from "Safari on iPhone" in the
 * sessions list. Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
 * @example
 * parseUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0')
 * // → { browser: 'Firefox', os: 'macOS', type: 'desktop', name: 'Firefox on macOS' }
 */
export function parseUserAgent(userAgent: string | undefined): ClientDevice {
  const ua = (userAgent ?? '').slice(0, 512);
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null;
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null;
  let type: DeviceType = 'other';
  if (/\bPlayStation\b|\bXbox\b|\bNintendo\b/.test(ua)) type = 'console';
  else if (
    /\bSmart-?TV\b|\bSMART-TV\b|\bTizen\b|\bWeb0S\b|\bAndroid TV\b|\bAppleTV\b|\bCrKey\b|\bBRAVIA\b|\bGoogleTV\b/i.test(
      ua,
    )
  )
    type = 'tv';
  else if (/\biPad\b|\bTablet\b/.test(ua) || (/\bAndroid\b/.test(ua) && !/\bMobile\b/.test(ua))) type = 'tablet';
  else if (/\bMobi|\biPhone\b|\biPod\b|\bWindows Phone\b/.test(ua)) type = 'mobile';
  else if (os && ['Windows', 'macOS', 'Linux', 'Ubuntu', 'ChromeOS'].includes(os)) type = 'desktop';
  const name = browser && os ? `${browser} on ${os}` : (browser ?? (os ? `Browser on ${os}` : 'Unknown browser'));
  return { browser, os, type, name };
}

/** The contract's `ApproxLocation`. */
export interface ApproxLocation {
  city: string | null;
  region: string | null;
  country: string | null;
  label: string;
}

/** Private, loopback and link-local addresses: the request came from the same machine or network. */
function isLocal(ip: string): 'loopback' | 'private' | null {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    if (a === 127) return 'loopback';
    if (
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    ) {
      return 'private';
    }
    return null;
  }
  const lower = ip.toLowerCase();
  if (lower === '::1') return 'loopback';
  if (/^f[cd]/.test(lower) || lower.startsWith('fe80:')) return 'private';
  return null;
}

/**
 * An approximate location for an IP address, as a label to show. Reel ships no GeoIP database,
 * so a public address is "Unknown location" until one is configured; loopback and private
 * addresses say so, which is what a demo on one machine sees.
 */
export function locate(ip: string): ApproxLocation {
  const local = isLocal(ip);
  const label = local === 'loopback' ? 'This computer' : local === 'private' ? 'Local network' : 'Unknown location';
  return { city: null, region: null, country: null, label };
}

/** A stored location label back into the contract's shape. */
export function locationFromLabel(label: string | null | undefined): ApproxLocation | null {
  return label ? { city: null, region: null, country: null, label } : null;
}

/** Who is calling, as sign-in and the session lists record it. */
export interface ClientContext {
  ip: string;
  userAgent: string;
  device: ClientDevice;
  location: ApproxLocation;
  /** The browser's key from its device cookie, when it sent one. */
  browserKey: string | null;
}
