// Which device a sign-in came from, as its owner would recognise it: a short browser and system
// summary from the user agent ("Firefox · Windows"), and a random per-browser cookie, kept only as
// its SHA-256, that tells one browser from another even where the summaries are alike. The cookie is
// not a secret of the account: it only lets the chair see that an account was used from a browser
// that also signed in as an organiser (lib/account/flags.ts).
import { createHash, randomBytes } from 'node:crypto';

export const DEVICE_COOKIE = 'jury-device';
export const DEVICE_COOKIE_MAX_AGE_S = 5 * 365 * 24 * 60 * 60;

/** Where a sign-in or a credential change came from. */
export type From = { device: string; deviceId: string | null; address: string };

export function newDeviceCookie(): string {
  return randomBytes(18).toString('base64url');
}

/** What is stored of the cookie: its hash (a well-formed cookie only), so the database holds no usable value. */
export function deviceIdOf(cookie: string | undefined | null): string | null {
  if (!cookie || !/^[A-Za-z0-9_-]{16,64}$/.test(cookie)) return null;
  return createHash('sha256').update(cookie).digest('hex');
}

/** The device cookie's value in a Cookie header, if any. */
export function deviceCookieIn(cookieHeader: string | undefined | null): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === DEVICE_COOKIE) return v.join('=');
  }
  return null;
}

const UNKNOWN = 'unknown';
const SCRIPT = 'a script';

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/Chrom(?:e|ium)\/|\bCriOS\//, 'Chrome'], // HeadlessChrome too
  [/\bMicroMessenger\//, 'WeChat'],
  [/\bSafari\//, 'Safari'],
  [/\bcurl\//, 'curl'],
  [/\bnode\b|undici/i, SCRIPT],
];
const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b|\biPod\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/** "Chrome · Android", "Safari · iPhone", "Firefox", or "unknown" (shown translated). Product names: never translated. */
export function deviceSummary(userAgent: string | undefined | null): string {
  const ua = (userAgent ?? '').slice(0, 500);
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? UNKNOWN;
}

/** A stored summary as a reader sees it: product names as they are, "unknown" and "a script" in their words (common.device). */
export function deviceWords(summary: string | null | undefined, words: (key: 'device.unknown' | 'device.script') => string): string {
  if (!summary || summary === UNKNOWN) return words('device.unknown');
  return summary === SCRIPT ? words('device.script') : summary;
}
