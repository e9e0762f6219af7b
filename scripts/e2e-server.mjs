// Serves the production build on a fresh temporary database for the end-to-end tests (one per
// Playwright worker slot, see playwright.config.ts; specs that change the festival start their own),
// through the production server (scripts/server.ts), as `npm start` does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3211';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-e2e-'));
const env = {
  ...process.env,
  JURY_DB: path.join(dir, 'jury.db'),
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
  PORT: port,
  // JURY_E2E_EMPTY=1: an empty database (no demo), so the server prints its one-time set-up link.
  ...(process.env.JURY_E2E_EMPTY === '1' ? { JURY_DEMO: '0' } : {}),
};
fs.writeFileSync(path.join(os.tmpdir(), `jury-e2e-${port}.db-path`), env.JURY_DB);
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], { stdio: 'inherit', env });
const stop = () => { child.kill('SIGTERM'); fs.rmSync(dir, { recursive: true, force: true }); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
