// Login throttle: after MAX_FAILURES failures for one login name from one address within WINDOW_MS,
// that address is refused for that name until the window passes. Keyed by name AND address, so an
// attacker elsewhere cannot lock a juror out. Kept in the database: shared by every server process.
import { and, eq, gte, lt, count, min } from 'drizzle-orm';
import type { DB } from '@/db';
import { loginFailure } from '@/db/schema';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export type ThrottleState = { limited: false } | { limited: true; retryAfterMs: number };

export function throttleState(db: Pick<DB, 'select'>, login: string, address: string, nowMs: number): ThrottleState {
  const since = nowMs - WINDOW_MS;
  const row = db
    .select({ n: count(), first: min(loginFailure.at) })
    .from(loginFailure)
    .where(and(eq(loginFailure.login, login), eq(loginFailure.address, address), gte(loginFailure.at, since)))
    .get();
  if (!row || row.n < MAX_FAILURES) return { limited: false };
  // The window slides: the address is free again once enough failures have aged out of it.
  const rows = db
    .select({ at: loginFailure.at })
    .from(loginFailure)
    .where(and(eq(loginFailure.login, login), eq(loginFailure.address, address), gte(loginFailure.at, since)))
    .orderBy(loginFailure.at)
    .all();
  const releasing = rows[rows.length - MAX_FAILURES];
  return { limited: true, retryAfterMs: Math.max(0, releasing.at + WINDOW_MS - nowMs) };
}

function insertFailure(q: Pick<DB, 'insert' | 'delete'>, login: string, address: string, nowMs: number): void {
  q.insert(loginFailure).values({ login, address, at: nowMs }).run();
  // Old rows are no longer needed for any window.
  q.delete(loginFailure).where(lt(loginFailure.at, nowMs - 2 * WINDOW_MS)).run();
}

export function recordFailure(db: DB, login: string, address: string, nowMs: number): void {
  db.transaction((tx) => insertFailure(tx, login, address, nowMs), { behavior: 'immediate' });
}

/**
 * Starts a password check: refuses when the key is throttled, and otherwise counts the attempt as a
 * failure at once, in the same immediate transaction, before the (slow, asynchronous) password hash
 * is checked. Counting after the check would let parallel requests all pass the limit together.
 * A successful check then clears the key's failures (clearFailures).
 */
export function beginAttempt(db: DB, login: string, address: string, nowMs: number): ThrottleState {
  return db.transaction(
    (tx) => {
      const state = throttleState(tx, login, address, nowMs);
      if (!state.limited) insertFailure(tx, login, address, nowMs);
      return state;
    },
    { behavior: 'immediate' },
  );
}

export function clearFailures(db: DB, login: string, address: string): void {
  db.delete(loginFailure)
    .where(and(eq(loginFailure.login, login), eq(loginFailure.address, address)))
    .run();
}
