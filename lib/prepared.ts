// Statements prepared once per database connection and reused. Drizzle otherwise builds the SQL text
// and SQLite compiles a fresh statement for every query: on the autosave path (every score a juror
// enters) that was most of an action's CPU time (docs/PERFORMANCE.md, "Where a save's time goes").
// Only queries that run on every save or every request are worth a name here.
import type { DB } from '@/db';

/** A database or transaction, or the part of one that a statement needs. */
type Queries = Partial<Pick<DB, 'select' | 'insert' | 'update' | 'delete'>>;

// Keyed by drizzle's session: a transaction shares its database's session (and so its
// better-sqlite3 connection), and a statement prepared on a connection runs inside any of its
// transactions. A closed connection's session is dropped with it.
const cache = new WeakMap<object, Map<string, unknown>>();

function sessionOf(q: Queries): object {
  const session = (q as unknown as { session?: object }).session;
  if (!session) throw new Error('prepared: not a drizzle database or transaction');
  return session;
}

/** The statement `build` prepares on this connection, built once under `key`. */
export function prepared<Q extends Queries, P>(q: Q, key: string, build: (q: Q) => P): P {
  const session = sessionOf(q);
  let byKey = cache.get(session);
  if (!byKey) cache.set(session, (byKey = new Map()));
  let statement = byKey.get(key) as P | undefined;
  if (statement === undefined) {
    statement = build(q);
    byKey.set(key, statement);
  }
  return statement;
}
