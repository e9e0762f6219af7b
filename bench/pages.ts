// Benchmark 4: page weight and paint. For /login, /jury and a ballot page (/jury/best_film): the
// JavaScript sent to the browser (gzipped bytes of every script the page loads), time to first byte
// and largest contentful paint in headless Chromium against the production server (scripts/server.ts); baseline in the same run:
// an empty page of the same build (app/bench/empty, JURY_BENCH=1 only) under the same root layout.
//   npm run bench:pages
import { chromium, type Browser } from '@playwright/test';
import http from 'node:http';
import zlib from 'node:zlib';
import { demoDb, setPhase } from './lib/db';
import { kb, machine, mark, median, ms, ratio, table, today, writeSection } from './lib/report';
import { ensureBuild, login, startApp } from './lib/server';

const LOADS = 5;
const PAGES = [
  { path: '/bench/empty', label: 'empty page (baseline)', session: true },
  { path: '/login', label: '/login', session: false },
  { path: '/jury', label: '/jury', session: true },
  { path: '/jury/best_film', label: '/jury/best_film (ballot)', session: true },
];

/** Compressed size of a script as the server sends it with Accept-Encoding: gzip (gzipped here if it does not). */
function gzippedBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve(res.headers['content-encoding'] === 'gzip' ? body.length : zlib.gzipSync(body).length);
        });
      })
      .on('error', reject);
  });
}

interface PageResult {
  label: string;
  path: string;
  scripts: number;
  jsGzip: number;
  ttfb: number[];
  lcp: number[];
  status: number;
}

async function measure(browser: Browser, base: string, page: (typeof PAGES)[number], cookie: string): Promise<PageResult> {
  const out: PageResult = { label: page.label, path: page.path, scripts: 0, jsGzip: 0, ttfb: [], lcp: [], status: 0 };
  for (let i = 0; i <= LOADS; i++) {
    const ctx = await browser.newContext();
    if (page.session) {
      const [name, value] = cookie.split('=');
      await ctx.addCookies([{ name, value, url: base }]);
    }
    const p = await ctx.newPage();
    const scripts = new Set<string>();
    p.on('response', (r) => { if (r.request().resourceType() === 'script') scripts.add(r.url()); });
    const res = await p.goto(base + page.path, { waitUntil: 'load' });
    out.status = res?.status() ?? 0;
    const timing = await p.evaluate(
      () =>
        new Promise<{ ttfb: number; lcp: number }>((resolve) => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve({ ttfb: nav.responseStart, lcp: entries[entries.length - 1].startTime });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve({ ttfb: nav.responseStart, lcp: NaN }), 3000);
        }),
    );
    if (new URL(p.url()).pathname !== page.path) throw new Error(`${page.path} went to ${p.url()}`);
    if (i > 0) {
      // The first load warms the server's caches and is not counted.
      out.ttfb.push(timing.ttfb);
      out.lcp.push(timing.lcp);
    }
    if (i === LOADS) {
      out.scripts = scripts.size;
      out.jsGzip = (await Promise.all([...scripts].map(gzippedBytes))).reduce((a, b) => a + b, 0);
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
      console.log(`${r.label.padEnd(28)} HTTP ${r.status}  ${r.scripts} scripts  ${kb(r.jsGzip)} KB gzipped JS  TTFB ${ms(median(r.ttfb))} ms  LCP ${ms(median(r.lcp))} ms`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const empty = results[0];
  const ballot = results.find((r) => r.path === '/jury/best_film')!;
  const lines = ['## 4. Pages', '', `Run ${today()} on ${machine()}.`, ''];
  lines.push(
    `Headless Chromium (\`/usr/bin/chromium\`, playwright-core) against the production server (\`scripts/server.ts\`, as \`npm start\` runs it) on the demo festival in voting, signed in as a juror ` +
      `(Sergey Azimov) except for /login. Per page one warm-up load, then ${LOADS} loads each in a fresh browser context (empty cache); ` +
      `medians shown. JavaScript: the sum over every script resource the page loaded of its bytes as the server sends them with ` +
      `\`Accept-Encoding: gzip\`. TTFB: the navigation entry's responseStart; LCP: the last \`largest-contentful-paint\` entry ` +
      `(PerformanceObserver, buffered). Baseline in the same run: \`/bench/empty\`, an empty page of the same build under the same root ` +
      `layout (header, language provider), so the ratio shows what each page adds over the shared shell.`,
    '',
  );
  lines.push(
    table(
      ['page', 'HTTP', 'scripts', 'JS gzipped KB', 'JS ÷ empty page', 'TTFB ms', 'LCP ms', 'LCP ÷ empty page'],
      results.map((r) => [r.label, r.status, r.scripts, kb(r.jsGzip), ratio(r.jsGzip, empty.jsGzip), ms(median(r.ttfb)), ms(median(r.lcp)), ratio(median(r.lcp), median(empty.lcp))]),
    ),
    '',
  );
  lines.push(
    '### Targets',
    '',
    table(
      ['figure', 'value', 'target', ''],
      [
        ['ballot page JavaScript, gzipped', `${kb(ballot.jsGzip)} KB`, '< 200 KB', mark(ballot.jsGzip < 200 * 1024)],
        ['ballot page LCP (median)', `${ms(median(ballot.lcp))} ms`, '< 1000 ms', mark(median(ballot.lcp) < 1000)],
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
