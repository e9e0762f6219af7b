// Runs once when a server process starts (never during `next build`): checks the settings (a bad
// or missing one stops the server with a message naming it), opens and migrates the database, and
// seeds the demo festival into an empty one unless JURY_DEMO=0; then, an empty database gets a
// one-time set-up link instead (printed here only; stored as a hash).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkEnvOrExit } = await import('./lib/env');
  const { demo } = checkEnvOrExit();
  const { getDb, databaseFile } = await import('./lib/database');
  const db = getDb();
  const { markRunning } = await import('./lib/http/server-pid');
  markRunning(databaseFile());
  if (!demo) {
    const { issueSetupToken } = await import('./lib/setup/festival');
    const token = issueSetupToken(db);
    if (token) {
      const { env } = await import('./lib/env');
      const base = (env().nextauthUrl ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
      console.log(`Jury: ${databaseFile()} holds no festival yet. Set it up once, in the browser:\n  ${base}/setup?token=${token}\n(or stop the server and run npm run setup)`);
    }
    return;
  }
  const { seedDemo, DEMO_ACCOUNTS } = await import('./lib/demo/seed');
  if (await seedDemo(db)) {
    console.log(`Jury: seeded the demo festival into ${databaseFile()}. Demo accounts (login / password):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.login.padEnd(11)} ${a.password}`);
  }
}
