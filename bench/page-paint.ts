// Where a page's first and largest paint go on a phone (issue 21): for each page of `npm run bench:pages`,
// with the same phone profile, one cold load at a time, prints the document's timings (first byte, last
// byte, parsed), the paints (first paint, first contentful paint, every largest-contentful-paint entry
// with its element and size), when each font and script arrived, and the main thread's long tasks.
// With TRACE=1 each load is also traced (Chromium's own trace of the renderer's main thread) and the work
// before the first contentful paint is counted in what does not depend on the machine's load: the HTML
// parser's tasks, the inline scripts run, the layouts, and the main thread's CPU time (thread time, not wall
// time: a busy machine stretches the wall clock, not the work).
// A diagnostic, not a benchmark: it writes nothing.
//   npx tsx bench/page-paint.ts [path …]      (BENCH_PAGE_LOADS=n loads a page, default 3;
//                                               DUMP_HTML=/tmp/x writes each page's HTML to /tmp/x_<path>.html;
//                                               TRACE=1 traces each load, TRACE_DUMP=/tmp/x keeps one trace a page)
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { demoDb, setPhase } from './lib/db';
import { median } from './lib/report';
import { ensureBuild, login, startApp } from './lib/server';
import { CPU_SLOWDOWN, NETWORK, PHONE } from './lib/phone';

const LOADS = Number(process.env.BENCH_PAGE_LOADS) || 3;
const TRACE = process.env.TRACE === '1';
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading', 'blink.user_timing', 'v8.execute'];
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const PATHS = paths.length ? paths : ['/bench/empty', '/jury/best_film'];

/** The main thread's work before the first contentful paint, from a Chromium trace. */
interface PreFcp {
  /** Every top-level task of the renderer's main thread from the navigation's start to FCP: count and CPU ms. */
  tasks: number; cpu: number;
  /** HTML parser tasks (ParseHTML) and their CPU ms; scripts evaluated (the RSC payload's inline pushes, the framework's chunks). */
  parseTasks: number; parseCpu: number;
  scripts: number; scriptCpu: number;
  /** The rendering steps before the first contentful paint, CPU ms: style recalculation, layout, paint. */
  styleCpu: number; layoutCpu: number; paintCpu: number;
  /** The same work counted, whatever the machine's load: elements styled, layout objects laid out. */
  styledElements: number; laidOutObjects: number;
}

type TraceEvent = {
  name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number;
  args?: { data?: { navigationId?: string }; elementCount?: number; beginData?: { dirtyObjects?: number } };
};

/** The renderer main thread's work between this navigation's start and its first contentful paint. */
function preFcp(events: TraceEvent[]): PreFcp | null {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp) return null;
  // The navigation this paint belongs to (a trace also holds the blank page's and other frames' starts).
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.navigationId === fcp.args?.data?.navigationId);
  const from = nav?.ts ?? 0;
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && e.ts >= from && e.ts <= fcp.ts);
  const of = (...names: string[]) => main.filter((e) => names.includes(e.name));
  // Thread time (tdur), not wall time: what the page costs the CPU, whatever else the machine is doing.
  const cpu = (list: TraceEvent[]) => list.reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 1000;
  return {
    tasks: of('RunTask').length, cpu: cpu(of('RunTask')),
    parseTasks: of('ParseHTML').length, parseCpu: cpu(of('ParseHTML')),
    scripts: of('EvaluateScript').length, scriptCpu: cpu(of('EvaluateScript')),
    styleCpu: cpu(of('UpdateLayoutTree')), layoutCpu: cpu(of('Layout')), paintCpu: cpu(of('Paint')),
    styledElements: of('UpdateLayoutTree').reduce((a, e) => a + (e.args?.elementCount ?? 0), 0),
    laidOutObjects: of('Layout').reduce((a, e) => a + (e.args?.beginData?.dirtyObjects ?? 0), 0),
  };
}

interface Paint {
  ttfb: number; docEnd: number; domInteractive: number; dcl: number; load: number;
  /** The document's size: on the wire and as parsed (decompressed), KB. */
  docWireKb: number; docKb: number;
  trace?: PreFcp | null;
  fp: number; fcp: number;
  lcp: { t: number; size: number; el: string; url: string }[];
  res: { name: string; type: string; start: number; end: number; kb: number }[];
  long: { start: number; dur: number }[];
}

async function main() {
  ensureBuild();
  const { file, sqlite } = await demoDb('paint');
  setPhase(sqlite, 'voting');
  sqlite.close();
  console.error('database ready; starting the server');
  const server = await startApp(file);
  console.error(`server at ${server.base}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const cookie = await login(server.base, 'azimov', 'juror-demo');
    for (const path of PATHS) {
      const runs: Paint[] = [];
      for (let i = 0; i <= LOADS; i++) {
        const ctx = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
        if (path !== '/login') {
          const [name, value] = cookie.split('=');
          await ctx.addCookies([{ name, value, url: server.base }]);
        }
        // Long tasks are not buffered: observe them from the first script on.
        // (A string: the bundler's helpers do not exist in the page.)
        await ctx.addInitScript(
          "window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, dur: e.duration }); }).observe({ type: 'longtask' });",
        );
        const p = await ctx.newPage();
        const cdp = await ctx.newCDPSession(p);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', NETWORK);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        console.error(`${path}: load ${i}`);
        if (TRACE) await browser.startTracing(p, { categories: TRACE_CATEGORIES });
        const res = await p.goto(server.base + path, { waitUntil: 'load' });
        if (i === 0 && process.env.DUMP_HTML) fs.writeFileSync(`${process.env.DUMP_HTML}${path.replace(/\//g, '_')}.html`, (await res?.text()) ?? '');
        await p.evaluate(() => document.fonts.ready.then(() => undefined));
        await p.waitForLoadState('networkidle');
        // A string, as the bundler's helpers (__name) do not exist in the page.
        const r = (await p.evaluate(`new Promise((resolve) => {
          const lcp = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              const el = e.element;
              const desc = el ? el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"' : '(gone)';
              lcp.push({ t: e.startTime, size: e.size, el: desc, url: e.url });
            }
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const paint = (n) => (performance.getEntriesByName(n)[0] || { startTime: NaN }).startTime;
            const res = performance.getEntriesByType('resource').map((e) => ({
              name: e.name.split('/').pop().slice(0, 48), type: e.initiatorType, start: e.startTime, end: e.responseEnd, kb: e.transferSize / 1024,
            }));
            resolve({
              docWireKb: nav.transferSize / 1024, docKb: nav.decodedBodySize / 1024,
              ttfb: nav.responseStart, docEnd: nav.responseEnd, domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart,
              fp: paint('first-paint'), fcp: paint('first-contentful-paint'), lcp, res, long: window.__long || [],
            });
          }, 500);
        })`)) as Paint;
        if (TRACE) {
          const trace = (await browser.stopTracing()).toString('utf8');
          // TRACE_DUMP=/tmp/x keeps the first counted load's trace (for DevTools' Performance panel).
          if (i === 1 && process.env.TRACE_DUMP) fs.writeFileSync(`${process.env.TRACE_DUMP}${path.replace(/\//g, '_')}.json`, trace);
          r.trace = preFcp((JSON.parse(trace) as { traceEvents: TraceEvent[] }).traceEvents);
        }
        await ctx.close();
        if (i === 0) continue; // warm-up
        runs.push(r);
        const f = (x: number) => x.toFixed(0).padStart(5);
        console.log(`\n${path} load ${i}: TTFB ${f(r.ttfb)}  doc end ${f(r.docEnd)}  interactive ${f(r.domInteractive)}  DCL ${f(r.dcl)}  load ${f(r.load)}  FP ${f(r.fp)}  FCP ${f(r.fcp)}  document ${r.docWireKb.toFixed(1)} KB on the wire, ${r.docKb.toFixed(1)} KB parsed`);
        const tr = r.trace;
        if (tr) console.log(`  before FCP, CPU ms: ${tr.tasks} main-thread tasks ${tr.cpu.toFixed(0)}; ${tr.parseTasks} parse tasks ${tr.parseCpu.toFixed(0)}; ${tr.scripts} scripts ${tr.scriptCpu.toFixed(0)}; style ${tr.styleCpu.toFixed(0)}; layout ${tr.layoutCpu.toFixed(0)}; paint ${tr.paintCpu.toFixed(0)}; ${tr.styledElements} elements styled, ${tr.laidOutObjects} objects laid out`);
        for (const e of r.lcp) console.log(`  LCP entry ${f(e.t)} size ${e.size} ${e.el}${e.url ? ` ${e.url}` : ''}`);
        for (const e of r.res) console.log(`  ${e.type.padEnd(10)} ${f(e.start)} → ${f(e.end)}  ${e.kb.toFixed(1).padStart(6)} KB  ${e.name}`);
        console.log(`  long tasks: ${r.long.map((l) => `${l.start.toFixed(0)}+${l.dur.toFixed(0)}`).join(', ') || 'none'}`);
      }
      const m = (k: (r: Paint) => number) => median(runs.map(k)).toFixed(0);
      console.log(`\n${path} medians of ${LOADS}: TTFB ${m((r) => r.ttfb)}  doc end ${m((r) => r.docEnd)}  FCP ${m((r) => r.fcp)}  LCP ${m((r) => r.lcp.at(-1)?.t ?? NaN)}  DCL ${m((r) => r.dcl)}  document ${median(runs.map((r) => r.docKb)).toFixed(1)} KB parsed`);
      if (TRACE) {
        const t = (k: (p: PreFcp) => number) => median(runs.map((r) => (r.trace ? k(r.trace) : NaN))).toFixed(0);
        console.log(`${path} before FCP, medians, CPU ms: ${t((p) => p.tasks)} main-thread tasks ${t((p) => p.cpu)}; ${t((p) => p.parseTasks)} parse tasks ${t((p) => p.parseCpu)}; ${t((p) => p.scripts)} scripts ${t((p) => p.scriptCpu)}; style ${t((p) => p.styleCpu)}; layout ${t((p) => p.layoutCpu)}; paint ${t((p) => p.paintCpu)}; ${t((p) => p.styledElements)} elements styled, ${t((p) => p.laidOutObjects)} objects laid out`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
