// Benchmark 4: page weight and paint on a phone. For /login, /jury and a ballot page (/jury/best_film):
// the bytes each page transfers by kind (document, scripts, stylesheets, fonts, the rest) and its
// largest contentful paint, in headless Chromium against the production server (scripts/server.ts) with a phone's profile: a
// 390×844 screen, slow 4G (150 ms round trip, 1.6 Mbit/s down) and the CPU slowed 4×. Baseline in the
// same run: an empty page of the same build (app/bench/empty, JURY_BENCH=1 only) under the same root
// layout.
//   npm run bench:pages            (BENCH_PAGE_LOADS=n for more than 5 loads a page)
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { demoDb, setPhase } from './lib/db';
import { kb, machine, mark, median, ms, ratio, table, today, writeSection } from './lib/report';
import { ensureBuild, login, startApp } from './lib/server';
import { CPU_SLOWDOWN, NETWORK, PHONE } from './lib/phone';

const LOADS = Number(process.env.BENCH_PAGE_LOADS) || 5;
const PAGES = [
  { path: '/bench/empty', label: 'empty page (baseline)', session: true },
  { path: '/login', label: '/login', session: false },
  { path: '/jury', label: '/jury', session: true },
  { path: '/jury/best_film', label: '/jury/best_film (ballot)', session: true },
];


const KINDS = ['document', 'script', 'stylesheet', 'font', 'other'] as const;
type Kind = (typeof KINDS)[number];
const kindOf = (cdpType: string | undefined): Kind => {
  const t = (cdpType ?? '').toLowerCase();
  return (KINDS as readonly string[]).includes(t) ? (t as Kind) : 'other';
};

/** "noto-sans-sc-97-400-normal" from a build's media URL such as /_next/static/media/noto-sans-sc-97-400-normal.0a1b2c3d.woff2. */
const fontName = (url: string) => (url.split('/').pop() ?? url).replace(/\.[0-9a-z_-]+\.woff2?$/i, '').replace(/\.woff2?$/i, '');

interface PageResult {
  label: string;
  path: string;
  status: number;
  /** Bytes on the wire (headers and compressed bodies) per kind, one entry per load. */
  bytes: Record<Kind, number[]>;
  total: number[];
  fontFiles: number[];
  /** The font files of the last load, as @fontsource names them (build hashes left out). */
  fontNames: string[];
  lcp: number[];
}

/** Counts what a page transfers, per request, from the DevTools protocol's own byte counts. */
function countTransfer(cdp: CDPSession) {
  const types = new Map<string, string>();
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const urls = new Map<string, string>();
  const fontNames: string[] = [];
  cdp.on('Network.requestWillBeSent', (e) => { urls.set(e.requestId, e.request.url); if (e.type) types.set(e.requestId, e.type); });
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const kind = kindOf(types.get(e.requestId));
    bytes[kind] += e.encodedDataLength;
    if (kind === 'font') fontNames.push(fontName(urls.get(e.requestId) ?? ''));
  });
  return { bytes, fontNames };
}

async function measure(browser: Browser, base: string, page: (typeof PAGES)[number], cookie: string): Promise<PageResult> {
  const out: PageResult = {
    label: page.label, path: page.path, status: 0,
    bytes: Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<Kind, number[]>,
    total: [], fontFiles: [], fontNames: [], lcp: [],
  };
  for (let i = 0; i <= LOADS; i++) {
    // A fresh context each time: an empty cache, as on a phone's first visit.
    const ctx = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
    if (page.session) {
      const [name, value] = cookie.split('=');
      await ctx.addCookies([{ name, value, url: base }]);
    }
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const transfer = countTransfer(cdp);
    const res = await p.goto(base + page.path, { waitUntil: 'load' });
    out.status = res?.status() ?? 0;
    // Fonts are fetched once layout finds text that needs them; wait for them and for the network to settle.
    await p.evaluate(() => document.fonts.ready.then(() => undefined));
    await p.waitForLoadState('networkidle');
    const lcp = await p.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1].startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(NaN), 3000);
        }),
    );
    if (new URL(p.url()).pathname !== page.path) throw new Error(`${page.path} went to ${p.url()}`);
    if (i > 0) {
      // The first load warms the server's caches and is not counted.
      let total = 0;
      for (const k of KINDS) {
        out.bytes[k].push(transfer.bytes[k]);
        total += transfer.bytes[k];
      }
      out.total.push(total);
      out.fontFiles.push(transfer.fontNames.length);
      out.fontNames = [...transfer.fontNames].sort();
      out.lcp.push(lcp);
    }
    await ctx.close();
  }
  return out;
}

async function main() {
  ensureBuild();
  const { file, sqlite } = await demoDb('pages');
  setPhase(sqlite, 'voting');
  sqlite.close();
  const server = await startApp(file);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: PageResult[] = [];
  try {
    const cookie = await login(server.base, 'azimov', 'juror-demo');
    for (const page of PAGES) {
      const r = await measure(browser, server.base, page, cookie);
      results.push(r);
      const byKind = KINDS.map((k) => `${k} ${kb(median(r.bytes[k]))}`).join('  ');
      console.log(`${r.label.padEnd(28)} fonts: ${r.fontNames.join(', ') || 'none'}`);
      console.log(`${r.label.padEnd(28)} HTTP ${r.status}  KB: ${byKind}  total ${kb(median(r.total))}  LCP ${ms(median(r.lcp))} ms (${r.lcp.map(ms).join(', ')})`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const empty = results[0];
  const ballot = results.find((r) => r.path === '/jury/best_film')!;
  const lines = ['## 4. Pages on a phone', '', `Run ${today()} on ${machine()}.`, ''];
  lines.push(
    `Headless Chromium (\`/usr/bin/chromium\`, playwright-core) against the production server (\`scripts/server.ts\`, as \`npm start\` runs it) on the demo festival in voting, signed in as a juror ` +
      `(Sergey Azimov) except for /login, with a phone's profile: a ${PHONE.width}×${PHONE.height} screen (${PHONE.deviceScaleFactor}× pixels, touch), ` +
      `slow 4G as DevTools throttles it (${NETWORK.latency} ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the CPU slowed ${CPU_SLOWDOWN}×. ` +
      `Per page one warm-up load, then ${LOADS} loads each in a fresh browser context (empty cache); medians shown. ` +
      `Transferred: the bytes on the wire (headers and compressed bodies, the DevTools protocol's \`encodedDataLength\`) of every request the ` +
      `page made until its fonts were ready and the network idle, by the kind Chromium gives each request ("other": prefetches, the icon). ` +
      `LCP: the last \`largest-contentful-paint\` entry (PerformanceObserver, buffered). Baseline in the same run: \`/bench/empty\`, an empty ` +
      `page of the same build under the same root layout (header, language provider), so the ratios show what each page adds over the shared shell.`,
    '',
  );
  lines.push(
    table(
      ['page', 'HTTP', ...KINDS.map((k) => `${k} KB`), 'font files', 'total KB', 'total ÷ empty page', 'LCP ms (median)', 'LCP ÷ empty page'],
      results.map((r) => [
        r.label, r.status, ...KINDS.map((k) => kb(median(r.bytes[k]))), median(r.fontFiles), kb(median(r.total)), ratio(median(r.total), median(empty.total)),
        ms(median(r.lcp)), ratio(median(r.lcp), median(empty.lcp)),
      ]),
    ),
    '',
    `LCP of each load, ms: ${results.map((r) => `${r.label} ${r.lcp.map(ms).join(', ')}`).join('; ')}.`,
    '',
    `Font files: ${results.map((r) => `${r.label} ${r.fontNames.join(', ') || 'none'}`).join('; ')}.`,
    '',
  );
  lines.push(
    '### Targets',
    '',
    table(
      ['figure', 'value', 'empty page', 'target', ''],
      [
        ['ballot page transferred (median)', `${kb(median(ballot.total))} KB`, `${kb(median(empty.total))} KB`, '< 250 KB', mark(median(ballot.total) < 250 * 1024)],
        ['ballot page LCP (median)', `${ms(median(ballot.lcp))} ms`, `${ms(median(empty.lcp))} ms`, '< 1000 ms', mark(median(ballot.lcp) < 1000)],
        ['ballot page JavaScript (median)', `${kb(median(ballot.bytes.script))} KB`, `${kb(median(empty.bytes.script))} KB`, '< 200 KB', mark(median(ballot.bytes.script) < 200 * 1024)],
      ],
    ),
    '',
  );
  writeSection('pages', lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
