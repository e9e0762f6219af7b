// Runs the reliability tests and writes their figures. `npm run test:reliability` = the full run,
// written to docs/RELIABILITY.md; `node … report.ts --short` (npm test) = the short run, written
// to test-results/RELIABILITY-short.md. Counts go to test-results/reliability.json for npm test's summary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const short = process.argv.includes('--short');
const mode = short ? 'short' : 'full';
const dir = process.env.RELIABILITY_FIGURES_DIR || path.join(os.tmpdir(), 'jury-reliability-figures');
process.env.RELIABILITY_FIGURES_DIR = dir;
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const t0 = Date.now();
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.reliability.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${path.join(dir, 'vitest.json')}`], {
  stdio: 'inherit',
  env: { ...process.env, RELIABILITY_MODE: mode, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
});
const totalS = ((Date.now() - t0) / 1000).toFixed(0);

type V = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number; testResults: { name: string; assertionResults: { title: string; status: string; duration?: number; failureMessages: string[] }[] }[] };
let v: V | undefined;
try { v = JSON.parse(fs.readFileSync(path.join(dir, 'vitest.json'), 'utf8')) as V; } catch { /* vitest did not get far */ }
const counts = { passed: v?.numPassedTests ?? 0, failed: v ? v.numFailedTests : 1, skipped: (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) };
fs.mkdirSync('test-results', { recursive: true });
fs.writeFileSync(path.join('test-results', 'reliability.json'), JSON.stringify(counts));

type F = { id: string; title: string; claim: string; ms: number; at: string; rows: Record<string, string | number>; notes?: string[] };
const figures: F[] = fs.readdirSync(dir).filter((f) => /^\d.*\.json$/.test(f)).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as F);

const esc = (x: string | number) => String(x).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const lines: string[] = [
  '# Reliability: what we promise, and the figures that show it holds',
  '',
  'A jury\'s votes are the one thing a festival cannot redo. The promises: nobody sees or changes what is not',
  'theirs; bad input changes nothing; nothing acknowledged is ever lost. Each section below is a test in',
  '`tests/reliability/` that runs against the real production build (`npm start`’s server `scripts/server.ts`, a fresh temporary database and',
  'session secret per server, ports 3400–3499, localhost only), and the figures of its last run.',
  '',
  `- Run: **${mode}** (\`npm run test:reliability\` is the full run and writes this file; \`npm test\` runs a shorter one)`,
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}`,
  `- Result: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}, in ${totalS} s`,
  '',
];
for (const f of figures) {
  lines.push(`## ${f.title}`, '', f.claim, '', '| figure | value |', '| --- | --- |');
  for (const [k, val] of Object.entries(f.rows)) lines.push(`| ${esc(k)} | ${esc(val)} |`);
  lines.push(`| time | ${(f.ms / 1000).toFixed(1)} s |`, '');
  for (const n of f.notes ?? []) lines.push(`Note: ${n}`, '');
}
const failures = (v?.testResults ?? []).flatMap((t) => t.assertionResults.filter((a) => a.status === 'failed').map((a) => `- ${path.basename(t.name)}: ${a.title}: ${a.failureMessages[0]?.split('\n')[0] ?? ''}`));
if (failures.length) lines.push('## Failures', '', ...failures, '');
lines.push(fs.readFileSync(path.join('tests', 'reliability', 'NOTES.md'), 'utf8'));
const out = short ? path.join('test-results', 'RELIABILITY-short.md') : path.join('docs', 'RELIABILITY.md');
fs.writeFileSync(out, lines.join('\n'));
console.log(`\nreliability (${mode}): ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped; figures in ${out}`);
process.exit(r.status ?? 1);
