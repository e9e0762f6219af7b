// <db>.server-pid holds the server's pid while it runs: `npm run restore` refuses while it does.
// Loaded from instrumentation.ts in the Node.js runtime only.
import fs from 'node:fs';

/** The file that holds the pid of the server running on `dbFile`. */
export function serverPidFile(dbFile: string): string {
  return `${dbFile}.server-pid`;
}

export function markRunning(dbFile: string): void {
  const pidFile = serverPidFile(dbFile);
  fs.writeFileSync(pidFile, String(process.pid));
  process.once('exit', () => {
    try {
      if (fs.readFileSync(pidFile, 'utf8') === String(process.pid)) fs.rmSync(pidFile, { force: true });
    } catch { /* already gone */ }
  });
}
