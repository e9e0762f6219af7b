// Reads V8 .cpuprofile files (node --cpu-prof) and lists where the time went: self time by function
// and by package, the profile that shows what limits a benchmark.
import fs from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Now on the clock V8 stamps profiles with (CLOCK_MONOTONIC, microseconds), as process.hrtime reads it. */
export function profileClock(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function where(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/.next')) return 'app bundle (.next)';
  return path.basename(url);
}

export interface ProfileTotals {
  /** Sampled milliseconds: in all, by function, by package. */
  total: number;
  byFn: Map<string, number>;
  byPkg: Map<string, number>;
}

/** Totals of every profile in `dir`, or of the samples taken within `window` (profileClock() times). */
export function profileTotals(dir: string, window?: { from: number; to: number }): ProfileTotals & { files: number } {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Profile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    let at = p.startTime;
    p.samples.forEach((id, i) => {
      at += p.timeDeltas[i] ?? 0;
      if (window && (at < window.from || at > window.to)) return;
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      const n = nodes.get(id)!;
      const { functionName, url, lineNumber } = n.callFrame;
      const key = `${functionName || '(anonymous)'}  ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
      byFn.set(key, (byFn.get(key) ?? 0) + dt);
      byPkg.set(where(url), (byPkg.get(where(url)) ?? 0) + dt);
      total += dt;
    });
  }
  return { total, byFn, byPkg, files: files.length };
}

/**
 * Total (inclusive) time of the functions whose key matches `only`: the samples with that function
 * anywhere on their stack, so that a function's callees (drizzle building a query, SQLite running it)
 * count towards it. Keys as in profileTotals; idle time is left out of `total`.
 */
export function inclusiveTimes(dir: string, window: { from: number; to: number } | undefined, only: RegExp): { total: number; byFn: Map<string, number> } {
  const byFn = new Map<string, number>();
  let total = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Profile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = (n: Node) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    let at = p.startTime;
    p.samples.forEach((id, i) => {
      at += p.timeDeltas[i] ?? 0;
      if (window && (at < window.from || at > window.to)) return;
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      if (nodes.get(id)!.callFrame.functionName === '(idle)') return;
      total += dt;
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const key = keyOf(nodes.get(n)!);
        if (seen.has(key) || !only.test(key)) continue;
        seen.add(key);
        byFn.set(key, (byFn.get(key) ?? 0) + dt);
      }
    });
  }
  return { total, byFn };
}

export function summariseProfile(dir: string, top = 25, window?: { from: number; to: number }): string {
  const { total, byFn, byPkg, files } = profileTotals(dir, window);
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [`CPU profile (${files} file(s), ${(total / 1000).toFixed(1)} s sampled)`, '', 'self time by package:', ...rows(byPkg), '', 'self time by function:', ...rows(byFn)].join('\n');
}

/**
 * Two profiles of the same server under the same load, one per system: self time per completed request
 * by package and by function, and the difference, so that what one request costs more than the other
 * shows by where it is spent. Idle time is left out (it is not work).
 */
type Measured = { dir: string; requests: number; window: { from: number; to: number } };

export function compareProfiles(base: Measured, ours: Measured, top = 12): { packages: string[][]; functions: string[][] } {
  const a = profileTotals(base.dir, base.window);
  const b = profileTotals(ours.dir, ours.window);
  const diff = (ma: Map<string, number>, mb: Map<string, number>) =>
    [...new Set([...ma.keys(), ...mb.keys()])]
      .filter((k) => !k.startsWith('(idle)'))
      .map((k) => {
        const x = (ma.get(k) ?? 0) / base.requests;
        const y = (mb.get(k) ?? 0) / ours.requests;
        return { k, x, y, d: y - x };
      })
      .sort((p, q) => q.d - p.d);
  const fmtMs = (v: number) => v.toFixed(3);
  const rows = (list: ReturnType<typeof diff>) => list.slice(0, top).map(({ k, x, y, d }) => [k, fmtMs(x), fmtMs(y), (d >= 0 ? '+' : '') + fmtMs(d)]);
  const pk = diff(a.byPkg, b.byPkg);
  const sum = (l: ReturnType<typeof diff>, f: (e: ReturnType<typeof diff>[number]) => number) => l.reduce((s, e) => s + f(e), 0);
  const packages = [...rows(pk), ['all (no idle)', fmtMs(sum(pk, (e) => e.x)), fmtMs(sum(pk, (e) => e.y)), '+' + fmtMs(sum(pk, (e) => e.d))]];
  return { packages, functions: rows(diff(a.byFn, b.byFn)) };
}
