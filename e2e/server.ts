// The end-to-end tests' servers: the one harness (tests/server.ts) on a fresh temporary database with the
// demo festival (or none), the e2e session secret, and the database's path left where the specs find it
// (e2eDatabase in fixtures.ts). Playwright's web servers (scripts/e2e-server.ts) and the specs that run
// a server of their own (own-server.ts, admin, setup, ballot views) all start here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryRoot, startServer, type Server } from '../tests/server';

/** The file that holds the database path of the e2e server on `port`. */
export const databasePathFile = (port: number) => path.join(os.tmpdir(), `jury-e2e-${port}.db-path`);

export async function startE2eServer(port: number, opts: { empty?: boolean; logFile?: string; echo?: boolean } = {}): Promise<Server> {
  const server = await startServer({
    port,
    tempPrefix: 'jury-e2e-',
    // The database in memory: what the specs check is what the pages show and the actions write, not the
    // disk's fsync under every commit (docs/TESTING.md, 2026-12-07 evening).
    tempRoot: memoryRoot(),
    secret: 'e2e-secret-not-for-production-0123456789',
    // empty: no demo festival, so the server prints its one-time set-up link.
    env: opts.empty ? { JURY_DEMO: '0' } : {},
    logFile: opts.logFile,
    echo: opts.echo,
    // Below the 120 s the specs give their beforeAll, so that a server that never comes up fails here, with its output.
    timeoutMs: 100_000,
  });
  fs.writeFileSync(databasePathFile(port), server.dbFile);
  return server;
}
