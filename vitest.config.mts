import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` only marks modules for the Next.js bundler; outside it there is nothing to guard.
      'server-only': path.resolve(import.meta.dirname, 'tests/server-only.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**'],
    testTimeout: 30_000,
    // Hooks build the same seeded databases the tests do (migrations, argon2 hashes): the same safety net, not
    // Vitest's 10 s, which a beforeEach missed on the shared 2-core machine at load 22 (docs/TESTING.md).
    hookTimeout: 30_000,
    pool: 'forks',
    // Two test processes, not Vitest's default of cores − 1 (one on the 2-core CI machine, which left a file's
    // start, about 0.6 s of fork, transform and import, and its tests' waits on one process while the second
    // core idled). Every file has databases of its own (tests/db.ts) and no fixed port. Measured on 12 files
    // (lib/festival, lib/juror), alternately on the shared machine: 120, 89 and 110 s with one, 99, 72, 50 and
    // 54 s with two (docs/TESTING.md, 2026-12-08). `--maxWorkers=1` on the command line goes back to one.
    maxWorkers: 2,
    // The run's temporary files (every test database) in memory, and the demo festival seeded once for
    // the whole run instead of once per test file (tests/unit-setup.ts says why and what it measured).
    globalSetup: ['tests/unit-setup.ts'],
    // FC_SEED / FC_PATH replay a failing fast-check property (tests/fast-check.setup.ts).
    setupFiles: process.env.FC_SEED ? ['tests/fast-check.setup.ts'] : [],
  },
});
