// Runs once when a server process starts (never during `next build`): checks the settings (a bad
// or missing one stops the server with a message naming it), opens and migrates the database, and
// seeds the demo festival into an empty one unless JURY_DEMO=0.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkEnvOrExit } = await import('./lib/env');
  const { demo } = checkEnvOrExit();
  const { getDb, databaseFile } = await import('./db');
  const db = getDb();
  const { markRunning } = await import('./lib/server-pid');
  markRunning(databaseFile());
  if (!demo) return;
  const { seedDemo, DEMO_ACCOUNTS } = await import('./db/seed');
  if (await seedDemo(db)) {
    console.log(`Jury: seeded the demo festival into ${databaseFile()}. Demo accounts (login / password):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.login.padEnd(11)} ${a.password}`);
  }
}
