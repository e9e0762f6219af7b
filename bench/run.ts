// npm run bench: every benchmark in turn, each in its own process, each rewriting its own section of
// docs/PERFORMANCE.md. Builds the app first if needed (see bench/lib/server.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/report';
import { ensureBuild } from './lib/server';

const t0 = Date.now();
ensureBuild();
const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let failed = 0;
// bench:editions and bench:juries run the server's own modules in-process: React's server condition lets them load.
const inProcess = new Set(['editions', 'juries']);
for (const name of ['save', 'tally', 'finalise', 'pages', 'ballot-views', 'live', 'editions', 'juries']) {
  console.log(`\n=== bench:${name}`);
  const t = Date.now();
  const script = path.join('bench', `${name}.ts`);
  const args = inProcess.has(name) ? ['--conditions', 'react-server', '--import', 'tsx', script] : [tsx, script];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  console.log(`=== bench:${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  if (r.status !== 0) failed++;
}
console.log(`\nall benchmarks in ${((Date.now() - t0) / 1000).toFixed(0)} s; see docs/PERFORMANCE.md`);
process.exit(failed ? 1 : 0);
