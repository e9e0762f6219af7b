// Issue 20, route 10: twenty addresses with ten guesses each made 200 password guesses at one
// login, the throttle counting per address only. Played through the real sign-in check
// (authorizeCredentials) on a real database: now the login is locked for everyone after
// ACCOUNT_MAX_FAILURES failures in ACCOUNT_WINDOW_MS, the chair's desk lists the lock, and the
// holder's next sign-in is told how many failures from how many addresses there were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { audit, user } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { authorizeCredentials } from './options';
import { ACCOUNT_MAX_FAILURES, ACCOUNT_WINDOW_MS, MAX_FAILURES, failedSigninsOf, lockedAccounts } from './throttle';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
  process.env.JURY_DB = t.file; // authorizeCredentials reads the app's own connection (getDb)
});
afterEach(() => {
  (globalThis as { juryDb?: { sqlite: { close(): void } } }).juryDb?.sqlite.close();
  delete (globalThis as { juryDb?: unknown }).juryDb;
  t.close();
});

const T0 = 1_800_000_000_000;

/** One guess: 'tried' when the password was checked (and wrong), 'throttled' when refused before. */
async function guess(login: string, password: string, address: string, at: number) {
  try {
    const r = await authorizeCredentials({ login, password }, address, at);
    return r ? 'signed_in' : 'tried';
  } catch (e) {
    if (String((e as Error).message).startsWith('throttled:')) return 'throttled';
    throw e;
  }
}

describe('a ceiling per account on failed sign-ins from all addresses together', () => {
  it('200 guesses from 20 addresses: only the ceiling is tried; the lock is on the chair’s desk and told to the juror', async () => {
    const outcomes: string[] = [];
    for (let a = 0; a < 20; a++) {
      for (let k = 0; k < MAX_FAILURES; k++) outcomes.push(await guess('juror05', `guess-${a}-${k}`, `203.0.113.${a + 1}`, T0 + a * 100 + k));
    }
    expect(outcomes.filter((o) => o === 'tried')).toHaveLength(ACCOUNT_MAX_FAILURES);
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(200 - ACCOUNT_MAX_FAILURES);
    // Locked for everyone, the owner with the right password included, until the window passes.
    expect(await guess('juror05', 'juror-demo', '198.51.100.7', T0 + 5_000)).toBe('throttled');
    // Another juror is not affected.
    expect(await guess('juror06', 'juror-demo', '203.0.113.1', T0 + 5_000)).toBe('signed_in');

    // The chair's desk lists the lock: how many failures, from how many addresses, since when.
    const locked = lockedAccounts(t.db, T0 + 5_000);
    expect(locked).toEqual([expect.objectContaining({ login: 'juror05', displayName: 'Juror 05', failures: ACCOUNT_MAX_FAILURES, addresses: 3, since: T0 })]);

    // After the window the juror signs in, and is told of the attempts; the lock is gone.
    const later = T0 + 2_000 + ACCOUNT_WINDOW_MS;
    expect(lockedAccounts(t.db, later)).toEqual([]);
    expect(await guess('juror05', 'juror-demo', '198.51.100.7', later)).toBe('signed_in');
    const id = t.db.select({ id: user.id }).from(user).where(eq(user.login, 'juror05')).get()!.id;
    expect(failedSigninsOf(t.db, id)).toEqual({ failures: ACCOUNT_MAX_FAILURES, addresses: 3, first: T0, last: T0 + 209 });
    const logged = t.db.select({ payload: audit.payload }).from(audit).where(eq(audit.action, 'auth.failed_signins')).all();
    expect(logged.map((e) => JSON.parse(e.payload))).toEqual([{ id, failures: ACCOUNT_MAX_FAILURES, addresses: 3, first: T0, last: T0 + 209 }]);
    expect(logged[0].payload).not.toContain('203.0.113');
    // A clean sign-in next time: nothing more to tell.
    expect(await guess('juror05', 'juror-demo', '198.51.100.7', later + 1)).toBe('signed_in');
    expect(failedSigninsOf(t.db, id)).toBeNull();
  });
});

describe('a guesser on the holder’s own address (one festival wifi)', () => {
  // The holder's sign-in used to delete the failures from the address it came from: the ceiling per
  // account forgot them. An insider on the same wifi (one address for everyone) guessed 9 times
  // between each of the juror's sign-ins: past the ceiling within the hour, and the juror told
  // nothing. Now the sign-in only marks them cleared: the address's own limit ends, the ceiling keeps
  // counting them, and the account locks (the chair's desk lists it; the juror's sign-in is refused).
  it('cannot guess past the ceiling unseen', async () => {
    const wifi = '10.0.0.5';
    const guesses: string[] = [];
    let at = T0;
    for (let round = 0; round < 4; round++) {
      for (let k = 0; k < MAX_FAILURES - 1; k++) guesses.push(await guess('juror05', `guess-${round}-${k}`, wifi, at++));
      // Not asserted: once fixed, the fourth sign-in meets the lock; only the check below may throw here.
      await guess('juror05', 'juror-demo', wifi, at++);
    }
    const id = t.db.select({ id: user.id }).from(user).where(eq(user.login, 'juror05')).get()!.id;
    const tried = guesses.filter((o) => o === 'tried').length;
    const told = failedSigninsOf(t.db, id)?.failures ?? 0;
    // Before the fix: all 36 guesses checked within the hour, none throttled, and nothing told.
    expect(tried <= ACCOUNT_MAX_FAILURES || told > 0).toBe(true);
    expect(lockedAccounts(t.db, at).map((a) => a.login)).toContain('juror05');
  });
});
