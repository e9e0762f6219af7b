// The reliability tests (tests/reliability, docs/RELIABILITY.md): real `next start` servers of the
// production build, one file at a time. Files end in .rtest.ts so that the unit run (vitest.config.mts,
// which takes every *.test.ts) leaves them out. RELIABILITY_MODE=full for the long run.
import { defineConfig } from 'vitest/config';
import unit from './vitest.config.mts';

export default defineConfig({
  // The same module resolution as the unit tests (the `@` alias, `server-only`).
  resolve: unit.resolve,
  test: {
    environment: 'node',
    // The full run also takes the model-based walk of lib/round/walk.test.ts at its full length
    // (300 random walks of two juries each; npm test's unit step runs 8).
    include: ['tests/reliability/**/*.rtest.ts', ...(process.env.RELIABILITY_MODE === 'full' ? ['lib/round/walk.test.ts'] : [])],
    testTimeout: 60 * 60 * 1000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
