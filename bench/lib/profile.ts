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
  samples: number[];
  timeDeltas: number[];
}

function where(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/.next')) return 'app bundle (.next)';
  return path.basename(url);
}

export function summariseProfile(dir: string, top = 25): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Profile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      const n = nodes.get(id)!;
      const { functionName, url, lineNumber } = n.callFrame;
      const key = `${functionName || '(anonymous)'}  ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
      byFn.set(key, (byFn.get(key) ?? 0) + dt);
      byPkg.set(where(url), (byPkg.get(where(url)) ?? 0) + dt);
      total += dt;
    });
  }
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [`CPU profile (${files.length} file(s), ${(total / 1000).toFixed(1)} s sampled)`, '', 'self time by package:', ...rows(byPkg), '', 'self time by function:', ...rows(byFn)].join('\n');
}
