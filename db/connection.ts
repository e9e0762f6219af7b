// The better-sqlite3 connection under a drizzle database or transaction: the key for what is kept per
// connection (prepared statements, lib/server/prepared.ts; the audit key found from the database file,
// lib/audit/index.ts).
// A database carries it publicly as `$client`. A transaction does not: drizzle's SQLiteTransaction
// exposes no link to its connection, so for one this reads drizzle's `session.client`, a private field
// (the session a database and its transactions share). This module is the only place that knows it;
// connection.test.ts checks that format on real drizzle objects (a database and the transactions
// opened on it, nested ones included, lead to that database's `$client`), not a version number.
import type Database from 'better-sqlite3';

type Connected = { $client?: unknown; session?: { client?: unknown } };

/** The connection of a drizzle database or transaction; throws for anything else. */
export function connectionOf(q: object): Database.Database {
  const c = q as Connected;
  const client = c.$client ?? c.session?.client;
  if (!client || typeof (client as Database.Database).prepare !== 'function') {
    throw new Error('db/connection: not a drizzle better-sqlite3 database or transaction');
  }
  return client as Database.Database;
}
