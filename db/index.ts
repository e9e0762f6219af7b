// The one database connection of this process. Opened lazily (never at import time, so `next build`
// touches no database), with the pragmas DESIGN.md asks for, and migrated on first open.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { env } from '../lib/env';
import { sealLegacyChain } from '../lib/audit';
import { writeStateBaseline } from '../lib/audit-baseline';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
type Handle = { sqlite: Database.Database; db: DB; file: string };

const globalForDb = globalThis as unknown as { juryDb?: Handle };

export function databaseFile(): string {
  return env().dbFile;
}

export function migrationsFolder(): string {
  return env().migrations;
}

export function openDatabase(file: string = databaseFile()): Handle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = FULL');
  const db = drizzle(sqlite, { schema });
  // A log written before the audit key (no audit.keyed column yet) is sealed once, right after the
  // migration that marks its entries (lib/audit.ts sealLegacyChain).
  const hadAudit = !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit'").get();
  const unkeyedLog = hadAudit && !(sqlite.prepare("select 1 from pragma_table_info('audit') where name = 'keyed'").get());
  // Accounts and closes' counted ballots made before the log stated them get a keyed baseline, once,
  // right after the migration that adds user.baseline_entry (lib/audit-baseline.ts).
  const hadUsers = !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'user'").get();
  const unstated = hadUsers && !(sqlite.prepare("select 1 from pragma_table_info('user') where name = 'baseline_entry'").get());
  migrate(db, { migrationsFolder: migrationsFolder() });
  if (unkeyedLog) sealLegacyChain(db);
  if (unstated) writeStateBaseline(db);
  return { sqlite, db, file };
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

export { schema };
