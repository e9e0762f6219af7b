// Login throttle, two ceilings, both counted in the database (shared by every server process):
// - per login name and address: after MAX_FAILURES failures within WINDOW_MS that address is
//   refused for that name until the window passes, so one address cannot guess on; a successful
//   sign-in from the address ends this limit (its failures are marked cleared, not deleted);
// - per login name from all addresses together: after ACCOUNT_MAX_FAILURES failures within
//   ACCOUNT_WINDOW_MS the account is locked for everyone, so twenty addresses cannot make 200
//   guesses at one login (issue 20, route 10). Cleared failures count here too: a guesser sharing
//   the holder's address (the festival's wifi) gets no fresh allowance from the holder's sign-ins. Such a lock can be someone else's doing: the chair's
//   desk lists locked accounts (lockedAccounts), and the holder's next sign-in tells them how many
//   failed attempts from how many addresses there were (FailedSignins on their account).
import { and, desc, eq, gt, gte, inArray, isNotNull, lt, count, min, max, countDistinct, ne, notInArray } from 'drizzle-orm';
import type { DB } from '@/db';
import type { Tx } from '@/lib/server/action';
import { loginFailure, user as userTable } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import { servedRole, shownRole } from '@/lib/festival/members';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_MAX_FAILURES = 30;
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
// Failures at an account's login are kept until its holder signs in (or this long: a session's
// length), so the holder hears of them; failures at names no account has only as long as a window needs.
const KEEP_FOR_ACCOUNT_MS = 14 * 24 * 60 * 60 * 1000;

export type ThrottleState = { limited: false } | { limited: true; retryAfterMs: number; scope: 'address' | 'account' };

export function throttleState(db: Pick<DB, 'select'>, login: string, address: string, nowMs: number): ThrottleState {
  const since = nowMs - WINDOW_MS;
  const row = db
    .select({ n: count(), first: min(loginFailure.at) })
    .from(loginFailure)
    .where(and(eq(loginFailure.login, login), eq(loginFailure.address, address), eq(loginFailure.cleared, false), gte(loginFailure.at, since)))
    .get();
  if (row && row.n >= MAX_FAILURES) {
    // The window slides: the address is free again once enough failures have aged out of it.
    const rows = db
      .select({ at: loginFailure.at })
      .from(loginFailure)
      .where(and(eq(loginFailure.login, login), eq(loginFailure.address, address), eq(loginFailure.cleared, false), gte(loginFailure.at, since)))
      .orderBy(loginFailure.at)
      .all();
    const releasing = rows[rows.length - MAX_FAILURES];
    return { limited: true, retryAfterMs: Math.max(0, releasing.at + WINDOW_MS - nowMs), scope: 'address' };
  }
  return accountState(db, login, nowMs);
}

/** The ceiling per login name, from every address together. */
function accountState(db: Pick<DB, 'select'>, login: string, nowMs: number): ThrottleState {
  const since = nowMs - ACCOUNT_WINDOW_MS;
  const rows = db
    .select({ at: loginFailure.at })
    .from(loginFailure)
    .where(and(eq(loginFailure.login, login), gte(loginFailure.at, since)))
    .orderBy(loginFailure.at)
    .all();
  if (rows.length < ACCOUNT_MAX_FAILURES) return { limited: false };
  const releasing = rows[rows.length - ACCOUNT_MAX_FAILURES];
  return { limited: true, retryAfterMs: Math.max(0, releasing.at + ACCOUNT_WINDOW_MS - nowMs), scope: 'account' };
}

function insertFailure(q: Pick<DB, 'insert' | 'delete' | 'select'>, login: string, address: string, nowMs: number): void {
  q.insert(loginFailure).values({ login, address, at: nowMs }).run();
  // Old rows are no longer needed for any window; an account's are kept for its holder to hear of.
  const accounts = q.select({ login: userTable.login }).from(userTable);
  q.delete(loginFailure).where(and(lt(loginFailure.at, nowMs - 2 * ACCOUNT_WINDOW_MS), notInArray(loginFailure.login, accounts))).run();
  q.delete(loginFailure).where(lt(loginFailure.at, nowMs - KEEP_FOR_ACCOUNT_MS)).run();
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

/** Failed sign-ins at an account from other addresses before its holder's last sign-in (user.failedSignins). */
export type FailedSignins = { failures: number; addresses: number; first: number; last: number };
// Stored with the time up to which failures were already told, so none is told twice.
type Stored = FailedSignins & { until: number };

function readStored(v: string | null | undefined): Stored | null {
  if (!v) return null;
  try {
    return JSON.parse(v) as Stored;
  } catch {
    return null;
  }
}

/**
 * After a successful check: the failures of this login from this address no longer limit it. For an account's
 * sign-in, the failures from other addresses not yet told are written on the account for its holder
 * to read (failures 0 when there were none) and, when there were some, to the audit log (counts and
 * times, never an address). They keep counting toward the ceiling per account until they age out:
 * the holder's sign-in does not give a guesser elsewhere a fresh allowance. Inside a transaction (a
 * password change) it is part of it: cleared only if the change commits.
 */
export function clearFailures(db: DB | Tx, login: string, address: string): void {
  db.transaction((tx) => {
    const account = tx.select({ id: userTable.id, failedSignins: userTable.failedSignins }).from(userTable).where(eq(userTable.login, login)).get();
    if (account) {
      const until = readStored(account.failedSignins)?.until ?? 0;
      const others = tx
        .select({ n: count(), addresses: countDistinct(loginFailure.address), first: min(loginFailure.at), last: max(loginFailure.at) })
        .from(loginFailure)
        .where(and(eq(loginFailure.login, login), ne(loginFailure.address, address), gt(loginFailure.at, until)))
        .get();
      const seen: Stored = others && others.n > 0
        ? { failures: others.n, addresses: others.addresses, first: others.first!, last: others.last!, until: others.last! }
        : { failures: 0, addresses: 0, first: 0, last: 0, until };
      tx.update(userTable).set({ failedSignins: JSON.stringify(seen) }).where(eq(userTable.id, account.id)).run();
      if (seen.failures > 0) {
        const { until: _until, ...told } = seen;
        appendAudit(tx, { actorId: null, action: 'auth.failed_signins', payload: { id: account.id, ...told } });
      }
    }
    // The attempt that just succeeded was counted when it began (beginAttempt): it was no failure.
    // Rows of one key and address count alike, so the newest uncleared one stands for it.
    const own = tx.select({ id: loginFailure.id }).from(loginFailure)
      .where(and(eq(loginFailure.login, login), eq(loginFailure.address, address), eq(loginFailure.cleared, false)))
      .orderBy(desc(loginFailure.id)).limit(1).get();
    if (own) tx.delete(loginFailure).where(eq(loginFailure.id, own.id)).run();
    // The others end this address's own limit but keep counting toward the account's ceiling.
    tx.update(loginFailure).set({ cleared: true }).where(and(eq(loginFailure.login, login), eq(loginFailure.address, address))).run();
  }, { behavior: 'immediate' });
}

/** What the account's holder is told: the failures before their last sign-in, or null. */
export function failedSigninsOf(db: Pick<DB, 'select'>, userId: number): FailedSignins | null {
  const row = db.select({ v: userTable.failedSignins }).from(userTable).where(eq(userTable.id, userId)).get();
  const stored = readStored(row?.v);
  if (!stored || stored.failures === 0) return null;
  const { until: _until, ...told } = stored;
  return told;
}

export type LockedAccount = { id: number; login: string; displayName: string; latinName: string | null; role: string; failures: number; addresses: number; since: number; retryAfterMs: number };

/** Accounts locked now by the ceiling per login (for the chair's desk): the served jury's members and the organisers; never an address, only how many. */
export function lockedAccounts(db: Pick<DB, 'select'>, nowMs: number): LockedAccount[] {
  const since = nowMs - ACCOUNT_WINDOW_MS;
  const groups = db
    .select({ login: loginFailure.login, n: count(), addresses: countDistinct(loginFailure.address), first: min(loginFailure.at) })
    .from(loginFailure)
    .where(gte(loginFailure.at, since))
    .groupBy(loginFailure.login)
    .all()
    .filter((g) => g.n >= ACCOUNT_MAX_FAILURES);
  if (groups.length === 0) return [];
  // The served jury's members and the organisers only (issue 23): the chair of one jury learns nothing
  // of the sign-ins of another's members.
  const accounts = new Map(db.select({ id: userTable.id, login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName, role: shownRole })
    .from(userTable).where(and(inArray(userTable.login, groups.map((g) => g.login)), isNotNull(servedRole))).all().map((a) => [a.login, a]));
  return groups.flatMap((g) => {
    const a = accounts.get(g.login);
    const state = accountState(db, g.login, nowMs);
    return a && state.limited ? [{ ...a, failures: g.n, addresses: g.addresses, since: g.first!, retryAfterMs: state.retryAfterMs }] : [];
  });
}
