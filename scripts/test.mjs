// npm test: route types and type check, lint, unit tests, production build, end-to-end tests, short reliability run,
// in that order (docs/TESTING.md). Stops at the first failing step; prints each step's time and the
// count of tests run at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  // The route types first (.next/types: the validator of every page's and route's exports and props), so
  // that the type check covers what `next build` would check, and the build need not check it again.
  ['Route types', 'npx', ['next', 'typegen']],
  ['Type check', 'npx', ['tsc', '--noEmit']],
  // The cache only helps a second run on the same checkout; a fresh clone lints everything.
  ['Lint', 'npx', ['eslint', '.', '--cache', '--cache-location', 'node_modules/.cache/eslint/']],
  ['Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-reports/vitest.json']],
  // JURY_TYPES_CHECKED: the two steps above have type-checked every file the build would (next.config.js).
  ['Build', 'npx', ['next', 'build'], { JURY_TYPES_CHECKED: '1' }],
  ['Chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['End-to-end tests', 'npx', ['playwright', 'test']],
  // tests/reliability (short run; `npm run test:reliability` is the full one and writes docs/RELIABILITY.md)
  ['Reliability (short)', 'npx', ['tsx', 'tests/reliability/report.ts', '--short']],
];

// Playwright empties test-results/ when it starts, so the unit tests report elsewhere.
fs.mkdirSync('test-results', { recursive: true });
fs.mkdirSync('.test-reports', { recursive: true });
for (const f of ['.test-reports/vitest.json', 'test-results/e2e.json', 'test-results/reliability.json']) fs.rmSync(f, { force: true });
const times = [];
const start = Date.now();
for (const [name, cmd, args, env = {}] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env } });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  times.push(`${name} ${s} s`);
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${s} s`);
  if (r.status !== 0) {
    summary();
    process.exit(r.status ?? 1);
  }
}
summary();

function summary() {
  let passed = 0, failed = 0, skipped = 0;
  try {
    const v = JSON.parse(fs.readFileSync('.test-reports/vitest.json', 'utf8'));
    passed += v.numPassedTests; failed += v.numFailedTests; skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  } catch { /* the unit step did not run */ }
  try {
    const e = JSON.parse(fs.readFileSync('test-results/e2e.json', 'utf8')).stats;
    passed += e.expected; failed += e.unexpected + (e.flaky ?? 0); skipped += e.skipped;
  } catch { /* the end-to-end step did not run */ }
  try {
    const r = JSON.parse(fs.readFileSync('test-results/reliability.json', 'utf8'));
    passed += r.passed; failed += r.failed; skipped += r.skipped;
  } catch { /* the reliability step did not run */ }
  console.log(`\nSteps: ${times.join(', ')}; total ${((Date.now() - start) / 1000).toFixed(0)} s`);
  console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
