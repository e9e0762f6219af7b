// Once per unit run (vitest.config.mts globalSetup), before any test file starts:
//
// 1. The run's test databases (tests/db.ts) go to a folder of its own in memory (/dev/shm where the machine
//    has it), removed at the end with whatever a test left there. Every test database is a file, and
//    the app opens them with `synchronous = FULL`, the production setting, kept: every commit waits
//    for an fsync, which on a disk costs milliseconds each and on a shared machine far more (measured:
//    lib/round/publication.test.ts 97 s on disk, 46 s in memory, back to back at load 7-14; docs/TESTING.md).
//    What the unit tests check is what the transactions write, not that a disk keeps it: that is the
//    reliability run's (kill -9 during saves, backups), against real servers on disk, unchanged.
// 2. The demo festival is seeded once for the whole run (13 argon2id hashes with the production
//    parameters, the migrations, the inserts) into a template file that tests/db.ts's seededDb()
//    copies. Before, each test file's process seeded its own template: one seeding per file.
import fs from 'node:fs';
import path from 'node:path';
import { memoryRoot } from './server';

// Read by tests/db.ts. Only the databases move: TMPDIR stays, so that the scripts some tests spawn through
// tsx keep its transpile cache (under the temporary folder; a fresh TMPDIR per run made each spawn
// transpile again and audit-tamper's tests time out at load 19).
const ROOT_ENV = 'JURY_TEST_DB_ROOT';
const TEMPLATE_ENV = 'JURY_TEST_TEMPLATE';

export default async function setup() {
  const root = fs.mkdtempSync(path.join(memoryRoot(), 'jury-unit-'));
  // The test processes are forked after this, with this process's environment.
  process.env[ROOT_ENV] = root;
  const { seedTemplate } = await import('./db');
  process.env[TEMPLATE_ENV] = await seedTemplate();
  return () => {
    fs.rmSync(root, { recursive: true, force: true });
    delete process.env[ROOT_ENV];
    delete process.env[TEMPLATE_ENV];
  };
}
