// Servers for the benchmarks: the production build (built here if missing or older than the sources),
// the app's production server on a benchmark's database and the bare baselines (both through the one
// server harness, tests/server.ts), and juror logins over HTTP.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './report';
import { actionId as actionIdIn } from '../../e2e/actions';
import { freePort, startChild, startServer, tempDir as harnessTempDir, type Child, type Server } from '../../tests/server';
import { BARE_LISTENING } from './bare';

/** The benchmarks' own build directory, so that building never disturbs another run's `.next`. */
export const DIST_DIR = process.env.JURY_DIST_DIR || '.next-bench';
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'lib', 'db', 'i18n', 'messages', 'next.config.js', 'proxy.ts', 'instrumentation.ts', 'package-lock.json'];

function newestSource(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === '__tests__' || e.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestSource(path.join(p, e)));
  }
  return newest;
}

/** The id of the server action `file#export` in the benchmark's build. */
export function actionId(name: string): string {
  return actionIdIn(name, path.join(ROOT, DIST_DIR));
}

/** Builds into DIST_DIR when there is no build, it lacks the bench pages, or a source is newer. */
export function ensureBuild(): void {
  const idFile = path.join(ROOT, DIST_DIR, 'BUILD_ID');
  let why = '';
  if (!fs.existsSync(idFile)) why = 'no build';
  else if (process.argv.includes('--rebuild')) why = '--rebuild';
  else {
    try {
      actionId('app/bench/actions.ts#noop');
    } catch {
      why = 'the build lacks app/bench';
    }
  }
  if (!why) {
    // Other work in the same tree changes sources all the time: say so, rebuild only when asked.
    const built = fs.statSync(idFile).mtimeMs;
    if (SOURCES.some((s) => newestSource(path.join(ROOT, s)) > built)) console.log(`note: sources are newer than the build in ${DIST_DIR}; pass --rebuild to measure them`);
    return;
  }
  console.log(`building into ${DIST_DIR} (${why}) …`);
  // `next build` may add its dist dir's types to tsconfig.json; that file is not the benchmark's to change.
  const keep = ['tsconfig.json', 'next-env.d.ts'].filter((f) => fs.existsSync(path.join(ROOT, f))).map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')] as const);
  const t0 = Date.now();
  // BENCH_NO_MANGLING=1 keeps function names readable in CPU profiles (same code otherwise).
  const args = [NEXT_BIN, 'build', ...(process.env.BENCH_NO_MANGLING === '1' ? ['--no-mangling'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, JURY_DIST_DIR: DIST_DIR, JURY_BENCH_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1' } });
  for (const [f, text] of keep) if (fs.readFileSync(path.join(ROOT, f), 'utf8') !== text) fs.writeFileSync(path.join(ROOT, f), text);
  if (r.status !== 0) throw new Error(`next build failed (${r.status})`);
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

export function tempDir(prefix: string): string {
  return harnessTempDir(`jury-bench-${prefix}-`);
}

// Ctrl-C or a kill of the benchmark ends it through process.exit, so that the harness's exit hook kills
// the servers it started (a signal's default action would leave them running).
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

/** The production server (scripts/server.ts, as `npm start` runs it) of the bench build on `dbFile`, with the bench pages switched on. */
export async function startApp(dbFile: string, opts: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<Server> {
  return startServer({
    port: await freePort(),
    dbFile,
    distDir: DIST_DIR,
    secret: 'bench-secret-not-for-production-0123456789',
    env: { JURY_DEMO: '0', JURY_BENCH: '1', ...opts.env },
    cwd: ROOT,
    nodeArgs: opts.nodeArgs,
  });
}

/** A baseline server (bench/bare-*.ts): ready when it prints its listening line. */
export async function startBare(script: string, env: Record<string, string>): Promise<Child & { port: number }> {
  const port = await freePort();
  const child = await startChild({
    args: ['--import', 'tsx', script],
    readyLine: BARE_LISTENING,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    cwd: ROOT,
  });
  return { ...child, port };
}

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    out.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return out;
}

/** Logs in over HTTP as the login page does; returns the session cookie ("name=value"). */
export async function login(base: string, loginName: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ csrfToken, login: loginName, password, json: 'true' }).toString(),
  });
  await res.arrayBuffer();
  const token = cookiesOf(res).get('next-auth.session-token');
  if (!token) throw new Error(`login of ${loginName} failed (HTTP ${res.status})`);
  return `next-auth.session-token=${token}`;
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
