// Shared by every benchmark: the machine line, statistics, and docs/PERFORMANCE.md, in which each
// benchmark owns one section (between its markers) and regenerates only that section.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DOC = path.join(ROOT, 'docs', 'PERFORMANCE.md');

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model?.trim() ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  return `${cpus.length} cores (${model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the end of the run (1 / 5 / 15 min): ${load}`;
}

export function today(): string {
  return new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
export const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

export function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const HEADER = `# Performance

Measured by the benchmarks under \`bench/\` (\`npm run bench\`, or one at a time: \`npm run bench:save\`,
\`bench:tally\`, \`bench:finalise\`, \`bench:pages\`, \`bench:ballot-views\`, \`bench:live\`, \`bench:editions\`, \`bench:juries\`), never by timed assertions in tests. Each benchmark
rewrites its own section below, with the machine and the date of its run, and always measures our figure
and its baseline in the same run: read the ratios first, since absolute figures move with the machine.

**Load caveat.** The reference machine has 2 cores, the load generator (or browser) runs on the same
machine as the server, and other engineers' test runs may share it during a run (see each section's load
average). Absolute throughput and latency are therefore pessimistic and noisy; ratios to a baseline taken
in the same run are the figures to compare across runs.
`;

/** Replaces (or appends) the section `id` of docs/PERFORMANCE.md, keeping every other section. */
export function writeSection(id: string, markdown: string): void {
  // Hand-written analysis kept with the generated figures: bench/notes/<id>.md, if present.
  const notesFile = path.join(ROOT, 'bench', 'notes', `${id}.md`);
  if (fs.existsSync(notesFile)) markdown = `${markdown.trim()}\n\n${fs.readFileSync(notesFile, 'utf8').trim()}`;
  const begin = `<!-- bench:${id}:begin -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : HEADER;
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) doc = doc.slice(0, a) + block + doc.slice(b + end.length);
  else {
    // Keep the sections in the order of `npm run bench`.
    const order = ['save', 'tally', 'finalise', 'pages', 'ballot-views', 'live', 'editions', 'juries'];
    const after = order.slice(order.indexOf(id) + 1).map((n) => doc.indexOf(`<!-- bench:${n}:begin -->`)).filter((i) => i >= 0);
    const at = after.length ? Math.min(...after) : -1;
    doc = at >= 0 ? `${doc.slice(0, at)}${block}\n\n${doc.slice(at)}` : `${doc.trimEnd()}\n\n${block}\n`;
  }
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, doc);
  console.log(`wrote section "${id}" of ${path.relative(ROOT, DOC)}`);
}
