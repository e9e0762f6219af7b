// Statements prepared once per database connection and reused. Drizzle otherwise builds the SQL text
// and SQLite compiles a fresh statement for every query: on the autosave path (every score a juror
// enters) that was most of an action's CPU time (docs/PERFORMANCE.md, "Where a save's time goes").
// Only queries that run on every save or every request are worth a name here.
import type { DB } from '@/db';
import { connectionOf } from '@/db/connection';
import { requestJury } from './request-jury';

/** A database or transaction, or the part of one that a statement needs. */
type Queries = Partial<Pick<DB, 'select' | 'insert' | 'update' | 'delete'>>;

// Keyed by the connection (db/connection.ts): a transaction runs on its database's connection, and a
// statement prepared on a connection runs inside any of its transactions. A closed connection's
// statements are dropped with it.
const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * The statement `build` prepares on this connection, built once under `key` for each jury a request
 * chose (lib/server/request-jury.ts): a statement that reads the served jury's membership builds that
 * jury into its text (lib/festival/members.ts servedJuryId), so one built for another jury is never reused.
 */
export function prepared<Q extends Queries, P>(q: Q, key: string, build: (q: Q) => P): P {
  const connection = connectionOf(q);
  let byKey = cache.get(connection);
  if (!byKey) cache.set(connection, (byKey = new Map()));
  const keyInJury = `${key}@${requestJury() ?? ''}`;
  let statement = byKey.get(keyInJury) as P | undefined;
  if (statement === undefined) {
    statement = build(q);
    byKey.set(keyInJury, statement);
  }
  return statement;
}
