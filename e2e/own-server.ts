// A spec that changes what other specs see (settings, phases, awards) runs serially on a server and
// database of its own, on E2E_PORT + an offset of its own (the offsets are listed in docs/TESTING.md).
import Database from 'better-sqlite3';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type { Server } from '../tests/server';
import { startE2eServer } from './server';

/** What this helper needs of a spec's `test` (the plain one or the console-checking one of fixtures.ts). */
interface Hooks {
  describe: { configure(options: { mode: 'serial' }): void };
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
  setTimeout(ms: number): void;
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
  let server: Server | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startE2eServer(port);
    ready?.(port);
  });
  test.afterAll(async () => { await server?.stop(); });

  const db = () => {
    const d = new Database(server!.dbFile);
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
