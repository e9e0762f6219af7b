// End-to-end tests: Debian's Chromium (never a downloaded browser) against the production server on fresh
// temporary databases (scripts/e2e-server.ts, through the one server harness tests/server.ts). A setup
// project signs each role in once.
//
// E2E_WORKERS workers (default 2) run spec files in parallel, each against a server and database of
// its own: worker slot i (TEST_PARALLEL_INDEX, never shared by two running workers) talks to port
// E2E_PORT + i. Measured on 2 cores with one kept busy, two workers took 76 s where one took 97 s
// (docs/TESTING.md). Change the count with E2E_WORKERS, not --workers, so that each slot has a server.
import { defineConfig } from '@playwright/test';

const WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3211);
// In a worker process this is that worker's server; in the runner, the first one.
const PORT = FIRST_PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', dependencies: ['setup'], testIgnore: /auth\.setup\.ts/ },
  ],
  // Playwright's own webServer wait (the url answering) is what lets the tests start; the script itself
  // also waits for the server's listening line and exits with the server's output if it fails.
  webServer: Array.from({ length: WORKERS }, (_, i) => ({
    command: `node --import tsx scripts/e2e-server.ts ${FIRST_PORT + i}`,
    url: `http://localhost:${FIRST_PORT + i}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    // SIGTERM rather than Playwright's default SIGKILL: scripts/e2e-server.ts then stops the server and
    // removes its temporary database folder.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  })),
});
