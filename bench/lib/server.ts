// Servers for the benchmarks: the production build (built here if missing or older than the
// sources), `next start` on a temporary database, readiness polling, and juror logins over HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './report';
import { actionId as actionIdIn } from '../../e2e/actions';

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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `jury-bench-${prefix}-`));
}

export interface Running {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
function killAll() {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { killAll(); process.exit(130); });

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} not ready in ${timeoutMs} ms`);
}

/** Spawns a server process; `ready` is a path polled until it answers. */
export async function spawnServer(args: string[], env: Record<string, string>, port: number, ready: string, nodeArgs: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const keep = (b: Buffer) => { log = (log + b.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://localhost:${port}`;
  try {
    await waitReady(url + ready, child);
  } catch (e) {
    child.kill('SIGKILL');
    console.error(log);
    throw e;
  }
  return {
    url,
    port,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => { clearTimeout(t); running.delete(child); resolve(); });
        child.kill('SIGTERM');
      }),
  };
}

/** `next start` of the bench build on `dbFile`, with the bench pages switched on. */
export async function startNext(dbFile: string, opts: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<Running> {
  const port = await freePort();
  return spawnServer(
    [NEXT_BIN, 'start', '-p', String(port)],
    {
      JURY_DB: dbFile,
      JURY_DEMO: '0',
      JURY_BENCH: '1',
      JURY_DIST_DIR: DIST_DIR,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      ...opts.env,
    },
    port,
    '/login',
    opts.nodeArgs,
  );
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
