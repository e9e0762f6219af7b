// The phone of the page benchmarks (bench/pages.ts, bench/page-paint.ts): Lighthouse's mobile profile
// (slow 4G as DevTools throttles it: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; a mid-range
// phone's CPU as 4× slower than this machine's).
export const PHONE = { width: 390, height: 844, deviceScaleFactor: 3 };
export const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;
