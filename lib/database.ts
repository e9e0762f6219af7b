// The one database connection of this process. Opened lazily (never at import time, so `next build`
// touches no database) on the file the environment names, migrated on first open, and upgraded
// with what only the app knows: the audit key seals a log written before it (lib/audit/index.ts
// sealLegacyChain) and states the accounts and closes made before the log did (lib/replay/baseline.ts).
import { connect, type Handle, type DB } from '@/db';
import { sealLegacyChain } from './audit';
import { writeStateBaseline } from './replay/baseline';
import { stateEditionsUpgrade } from './festival/editions-upgrade';
import { stateMembersUpgrade } from './auth/members-upgrade';
import { env } from './env';

const globalForDb = globalThis as unknown as { juryDb?: Handle };

export function databaseFile(): string {
  return env().dbFile;
}

export function migrationsFolder(): string {
  return env().migrations;
}

/** Opens, migrates and upgrades `file` (default: the environment's). Scripts and tests own the handle they get. */
export function openDatabase(file: string = databaseFile()): Handle {
  return connect(file, migrationsFolder(), { unkeyedLog: sealLegacyChain, unstatedState: writeStateBaseline, editions: stateEditionsUpgrade, members: stateMembersUpgrade });
}

function handle(): Handle {
  const file = databaseFile();
  const cached = globalForDb.juryDb;
  if (cached && cached.file === file && cached.sqlite.open) return cached;
  const h = openDatabase(file);
  globalForDb.juryDb = h;
  return h;
}

export function getDb(): DB {
  return handle().db;
}
