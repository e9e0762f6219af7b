// Starts and stops real production servers (scripts/server.ts, as `npm start` runs) of the build, each on its own port with its
// own temporary database and session secret. Every test owns its servers and kills them at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DIST_DIR = process.env.JURY_DIST_DIR || '.next';

export interface Server {
  port: number;
  base: string;
  dir: string;
  dbFile: string;
  secret: string;
  child: ChildProcess;
  log: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (a crash) and wait for exit. */
  kill9(): Promise<void>;
}

export interface StartOptions {
  port: number;
  /** Reuse a database file (restart after a crash); default: a fresh temp dir. */
  dbFile?: string;
  secret?: string;
  nextauthUrl?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

const all = new Set<Server>();

export function tempDir(prefix = 'jury-rel-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServer(opts: StartOptions): Promise<Server> {
  if (!fs.existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no production build in ${DIST_DIR}: run npx next build first`);
  const dbFile = opts.dbFile ?? path.join(tempDir(), 'jury.db');
  const dir = path.dirname(dbFile);
  const secret = opts.secret ?? crypto.randomBytes(24).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JURY_DB: dbFile,
    JURY_DIST_DIR: DIST_DIR,
    NEXTAUTH_URL: opts.nextauthUrl ?? `http://localhost:${opts.port}`,
    NEXTAUTH_SECRET: secret,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    // The test clients stand in for a reverse proxy: their X-Forwarded-For spreads the callers over
    // addresses (the login throttle counts per address). Tests of the trust itself override this.
    JURY_TRUSTED_PROXIES: '127.0.0.1',
    ...opts.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-200_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://localhost:${opts.port}`;
  const server: Server = {
    port: opts.port, base, dir, dbFile, secret, child,
    log: () => out,
    async stop() {
      all.delete(server);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) { child.kill('SIGKILL'); await exited; }
    },
    async kill9() {
      all.delete(server);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  all.add(server);
  // Ready when the server says it listens (scripts/server.ts prints it once Next.js is prepared and
  // the socket is bound): an event, not a poll. The timeout only bounds a server that never comes up.
  const ready = await new Promise<'ready' | 'exited' | 'timeout'>((resolve) => {
    const check = () => { if (out.includes('Jury: listening on')) done('ready'); };
    const onExit = () => done('exited');
    const timer = setTimeout(() => done('timeout'), opts.timeoutMs ?? 60_000);
    function done(r: 'ready' | 'exited' | 'timeout') {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
      resolve(r);
    }
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });
  if (ready === 'exited') throw new Error(`server on ${opts.port} exited (${child.exitCode}):\n${out}`);
  if (ready === 'timeout') { await server.kill9(); throw new Error(`server on ${opts.port} did not start:\n${out}`); }
  const res = await fetch(`${base}/login`, { redirect: 'manual' });
  await res.arrayBuffer();
  if (res.status !== 200) { await server.kill9(); throw new Error(`server on ${opts.port} answers ${res.status} on /login:\n${out}`); }
  return server;
}

/** Kills every server this process started that is still running (afterAll safety net). */
export async function stopAll(): Promise<void> {
  await Promise.all([...all].map((s) => s.stop()));
}

export function removeDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sleep(ms: number) {
  return new Promise<void>((r) => setTimeout(r, ms));
}

process.once('exit', () => {
  for (const s of all) try { s.child.kill('SIGKILL'); } catch { /* gone */ }
});
