// The one way the end-to-end specs, the reliability tests and the benchmarks run a server: the production
// server (scripts/server.ts, what `npm start` serves) of a build, on a fresh temporary database or a given
// one, with the caller's environment. Ready means the server said so on its standard output ("Jury:
// listening on", printed once Next.js is prepared and the socket is bound): an event, never a poll. A
// child that exits first, or never says it, fails the start loudly with its last output.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The build the servers serve (next.config.js reads the same variable). */
export const DIST_DIR = process.env.JURY_DIST_DIR || '.next';
const LISTENING = 'Jury: listening on';
/** What a failure shows of the child's output: its end, where the reason is. */
const SHOWN = 20_000;

/** A child process that has said it is ready. */
export interface Child {
  child: ChildProcess;
  /** Its standard output and error so far (the last 200,000 characters). */
  log(): string;
  /** Resolves when the child has exited, however it ended. */
  exited: Promise<void>;
  /** SIGTERM, and wait for the exit (SIGKILL after 10 s: a server that hangs on the way out is not a test's to wait for). */
  stop(): Promise<void>;
  /** SIGKILL (a crash), and wait for the exit. */
  kill9(): Promise<void>;
}

export interface ChildOptions {
  /** Node's arguments: the script and its own. */
  args: string[];
  /** The line on standard output that says the child is ready. */
  readyLine: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Node's own options before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Also append everything the child prints to this file (for debugging a spec). */
  logFile?: string;
  /** Also pass everything the child prints on to this process's standard output and error. */
  echo?: boolean;
  /** Bounds only a child that neither says it is ready nor exits. */
  timeoutMs?: number;
}

const running = new Set<Child>();
// A test runner that ends (or fails) before its afterAll leaves no server behind.
process.once('exit', () => {
  for (const c of running) try { c.child.kill('SIGKILL'); } catch { /* gone */ }
});

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Starts `node [nodeArgs] args` and resolves once it prints `readyLine`; rejects with its output if it exits first. */
export async function startChild(opts: ChildOptions): Promise<Child> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...opts.args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFd = opts.logFile ? fs.openSync(opts.logFile, 'a') : undefined;
  let out = '';
  const keep = (to: NodeJS.WriteStream) => (b: Buffer) => {
    out = (out + b.toString()).slice(-200_000);
    if (logFd !== undefined) fs.writeSync(logFd, b);
    if (opts.echo) to.write(b);
  };
  child.stdout!.on('data', keep(process.stdout));
  child.stderr!.on('data', keep(process.stderr));
  const exited = new Promise<void>((resolve) => child.once('close', () => {
    if (logFd !== undefined) fs.closeSync(logFd);
    resolve();
  }));
  const c: Child = {
    child,
    log: () => out,
    exited,
    async stop() {
      running.delete(c);
      if (alive(child)) child.kill('SIGTERM');
      const timer = setTimeout(() => { if (alive(child)) child.kill('SIGKILL'); }, 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      running.delete(c);
      if (alive(child)) child.kill('SIGKILL');
      await exited;
    },
  };
  running.add(c);
  const what = `${opts.args.join(' ')} (pid ${child.pid})`;
  const ready = await new Promise<'ready' | 'exited' | 'failed' | 'timeout'>((resolve) => {
    // stdout only: the line is the server's own console.log, and a chunk may end mid-line.
    let stdout = '';
    const onData = (b: Buffer) => { stdout = (stdout + b.toString()).slice(-4096); if (stdout.includes(opts.readyLine)) done('ready'); };
    const onExit = () => done('exited');
    const onError = (e: Error) => { out += `\n${e.stack}`; done('failed'); };
    const timer = setTimeout(() => done('timeout'), opts.timeoutMs ?? 120_000);
    function done(r: 'ready' | 'exited' | 'failed' | 'timeout') {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      resolve(r);
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
  if (ready === 'ready') return c;
  await c.kill9(); // also collects the output the child wrote as it ended
  const how = ready === 'exited' ? `exited (${child.signalCode ?? child.exitCode}) before it said "${opts.readyLine}"`
    : ready === 'failed' ? 'could not be started'
    : `did not say "${opts.readyLine}" in ${(opts.timeoutMs ?? 120_000) / 1000} s`;
  throw new Error(`${what} ${how}. Its last output:\n${out.slice(-SHOWN)}`);
}

export interface Server extends Child {
  port: number;
  base: string;
  /** The folder of the database. */
  dir: string;
  dbFile: string;
  secret: string;
  /** SIGTERM, wait for the exit, and remove the temporary folder this start made (unless `keepDatabase`). */
  stop(opts?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  port: number;
  /** A given database (e.g. a restart after a crash); it is the caller's to remove. Default: jury.db in a fresh temporary folder. */
  dbFile?: string;
  /** The fresh folder's name prefix. */
  tempPrefix?: string;
  /** Where the fresh folder is made (default the temporary folder; memoryRoot() for a database in memory). */
  tempRoot?: string;
  /** NEXTAUTH_SECRET; default a random one. */
  secret?: string;
  /** NEXTAUTH_URL; default http://localhost:<port>. */
  nextauthUrl?: string;
  /** The build to serve; default DIST_DIR. */
  distDir?: string;
  /** Over everything else (JURY_DEMO, HOST, JURY_TRUSTED_PROXIES, …). */
  env?: Record<string, string>;
  cwd?: string;
  nodeArgs?: string[];
  logFile?: string;
  echo?: boolean;
  timeoutMs?: number;
}

export function tempDir(prefix = 'jury-test-', root = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(root, prefix));
}

/**
 * A folder in memory for test databases (/dev/shm where the machine has one), else the temporary folder.
 * The app keeps `synchronous = FULL` there too, but an fsync in memory costs nothing: for tests that check
 * what is written and shown, not that a disk keeps it (the reliability tests' crashes and backups stay on disk).
 */
export function memoryRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    if (fs.statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch { /* no /dev/shm (macOS, some containers) */ }
  return os.tmpdir();
}

export function removeDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
}

const servers = new Set<Server>();

/** Starts scripts/server.ts of the build on `port`; resolves once it listens and answers /login with 200. */
export async function startServer(opts: StartOptions): Promise<Server> {
  const distDir = opts.distDir ?? DIST_DIR;
  if (!fs.existsSync(path.resolve(opts.cwd ?? '.', distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir}: run npx next build first`);
  const ownDir = opts.dbFile ? undefined : tempDir(opts.tempPrefix, opts.tempRoot);
  const dbFile = opts.dbFile ?? path.join(ownDir!, 'jury.db');
  const secret = opts.secret ?? crypto.randomBytes(24).toString('base64url');
  const base = `http://localhost:${opts.port}`;
  let child: Child;
  try {
    child = await startChild({
      args: ['--import', 'tsx', 'scripts/server.ts'],
      readyLine: LISTENING,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        JURY_DB: dbFile,
        JURY_DIST_DIR: distDir,
        NEXTAUTH_URL: opts.nextauthUrl ?? base,
        NEXTAUTH_SECRET: secret,
        PORT: String(opts.port),
        ...opts.env,
      },
      cwd: opts.cwd, nodeArgs: opts.nodeArgs, logFile: opts.logFile, echo: opts.echo, timeoutMs: opts.timeoutMs,
    });
  } catch (e) {
    if (ownDir) removeDir(ownDir);
    throw new Error(`the server on port ${opts.port}: ${(e as Error).message}`);
  }
  const server: Server = {
    ...child,
    port: opts.port, base, dir: path.dirname(dbFile), dbFile, secret,
    async stop(stopOpts) {
      servers.delete(server);
      await child.stop();
      if (ownDir && !stopOpts?.keepDatabase) removeDir(ownDir);
    },
    async kill9() {
      servers.delete(server);
      await child.kill9();
    },
  };
  servers.add(server);
  // One request, not a poll: the app answers (the first request also runs what Next.js defers to it).
  const res = await fetch(`${base}/login`, { redirect: 'manual' }).catch((e: Error) => e);
  if (res instanceof Error || res.status !== 200) {
    await server.stop();
    throw new Error(`the server on port ${opts.port} answers ${res instanceof Error ? res.message : res.status} on /login. Its last output:\n${child.log().slice(-SHOWN)}`);
  }
  await res.arrayBuffer();
  return server;
}

/** Stops every server this process started that still runs, removing their temporary folders (an afterAll safety net). */
export async function stopAll(): Promise<void> {
  await Promise.all([...servers].map((s) => s.stop()));
}

/** A port nothing listens on now (for callers that are not given one). */
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
