// npm run db:seed: seeds the demo festival into an empty database and prints the demo accounts.
import { getDb, databaseFile } from '../lib/database';
import { DEMO_ACCOUNTS, seedDemo } from '../lib/demo/seed';

export function printAccounts(): void {
  console.log('Demo accounts (login / password):');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.login.padEnd(11)} ${a.password}`);
}

async function main() {
  const seeded = await seedDemo(getDb());
  if (seeded) {
    console.log(`Seeded the demo festival into ${databaseFile()}`);
    printAccounts();
  } else {
    console.log(`${databaseFile()} already holds a festival; nothing seeded.`);
  }
}

if (process.argv[1]?.endsWith('seed.ts')) main().catch((e) => { console.error(e); process.exit(1); });
