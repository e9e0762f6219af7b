// One of Playwright's web servers (playwright.config.ts, one per worker slot): the production server on a
// fresh temporary database with the demo festival (e2e/server.ts), until Playwright stops it. Playwright's
// own webServer wait (its `url`) is what lets the tests start; this process has also waited for the
// server's "listening" line, and fails with the server's output if the server does not come up or ends.
//   node --import tsx scripts/e2e-server.ts <port>      (JURY_E2E_EMPTY=1: no demo festival)
import { startE2eServer } from '../e2e/server';

const port = Number(process.argv[2] ?? 3211);

async function main() {
  // echo: Playwright shows what its web servers print (stdout: 'pipe').
  const server = await startE2eServer(port, { empty: process.env.JURY_E2E_EMPTY === '1', echo: true });
  let stopping = false;
  const stop = () => {
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await server.exited;
  if (stopping) return;
  console.error(`the e2e server on port ${port} ended by itself (${server.child.signalCode ?? server.child.exitCode})`);
  process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
