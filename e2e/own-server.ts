// A spec that changes what other specs see (settings, phases, awards) runs serially on a server and
// database of its own, on E2E_PORT + an offset of its own (the offsets are listed in docs/TESTING.md).
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { e2eDatabase } from './fixtures';

/** What this helper needs of a spec's `test` (the plain one or the console-checking one of fixtures.ts). */
interface Hooks {
  describe: { configure(options: { mode: 'serial' }): void };
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => void): void;
}

export const ownPort = (offset: number) => Number(process.env.E2E_PORT ?? 3211) + offset;

/**
 * Starts the spec's server before its first test and stops it after its last. `ready` runs once the
 * server answers (e.g. to move the festival to a phase). Gives the port, the base URL, the database
 * (for arranging states and reading what a page may not show) and a signed-in API client.
 */
export function ownServer(test: Hooks, offset: number, ready?: (port: number) => void) {
  const port = ownPort(offset);
  const base = `http://localhost:${port}`;
  let server: ChildProcess | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    server = spawn(process.execPath, ['scripts/e2e-server.mjs', String(port)], { stdio: 'ignore' });
    // Polls until the server answers; the count only bounds a server that never comes up.
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/login`)).ok) {
          ready?.(port);
          return;
        }
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the spec's own server on port ${port} did not start`);
  });
  test.afterAll(() => { server?.kill('SIGTERM'); });

  const db = () => {
    const d = new Database(e2eDatabase(port));
    d.pragma('busy_timeout = 5000');
    return d;
  };
  async function apiLogin(login: string, password: string): Promise<APIRequestContext> {
    const ctx = await playwrightRequest.newContext({ baseURL: base });
    const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
    const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, login, password, json: 'true' } });
    expect(res.ok()).toBe(true);
    return ctx;
  }
  return { port, base, db, apiLogin };
}
