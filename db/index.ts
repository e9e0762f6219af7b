// Opening an SQLite file as Jury's database: the pragmas docs/ARCHITECTURE.md gives, then the migrations.
// The ground floor (docs/ARCHITECTURE.md): it imports nothing of the app. Which file, which migrations
// folder, the one connection of the process and the data upgrades that need the audit key are
// lib/database.ts's; it hands the upgrades in here because only this function sees the database as it
// was before migrating.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Handle = { sqlite: Database.Database; db: DB; file: string };

/** One-time rewrites of data that a migration just made possible, each run once, right after it. */
export interface Upgrades {
  /** The migration that marks the unkeyed audit entries (audit.keyed) has just run on a log that had some. */
  unkeyedLog(db: DB): void;
  /** The migration that adds user.baseline_entry has just run on a database that had accounts. */
  unstatedState(db: DB): void;
  /** The migration to editions and juries has just made a festival edition 1 with its jury. */
  editions(db: DB): void;
  /** The migration to per-jury membership has just seated a database's accounts on its jury. */
  members(db: DB): void;
}

export function connect(file: string, migrationsFolder: string, upgrades: Upgrades): Handle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = FULL');
  const db = drizzle(sqlite, { schema });
  // What the database lacked before migrating decides which upgrades run: only on the open that
  // migrates past that point, never later (a log rewritten unkeyed afterwards must not be sealed).
  const hadAudit = !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit'").get();
  const unkeyedLog = hadAudit && !(sqlite.prepare("select 1 from pragma_table_info('audit') where name = 'keyed'").get());
  const hadUsers = !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'user'").get();
  const unstated = hadUsers && !(sqlite.prepare("select 1 from pragma_table_info('user') where name = 'baseline_entry'").get());
  const hadFestival = !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'festival'").get();
  const hadMembers = !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'jury_member'").get();
  // SQLite's procedure for rebuilding a table (a required column that references another table, as in
  // 0007_editions): keys off while the migrations run, so dropping the old table cascades to nothing, then
  // every key checked before the app writes a row. The pragma cannot change inside the migrations'
  // transaction, hence here.
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`the migrated database ${file} breaks ${broken.length} foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
  sqlite.pragma('foreign_keys = ON');
  if (unkeyedLog) upgrades.unkeyedLog(db);
  if (unstated) upgrades.unstatedState(db);
  if (hadFestival) upgrades.editions(db);
  if (hadUsers && !hadMembers) upgrades.members(db);
  return { sqlite, db, file };
}

export { schema };
