import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES, WINDOW_MS, beginAttempt, clearFailures, recordFailure, throttleState } from './throttle';
import { tempDb, type TestDb } from '@/tests/db';

let t: TestDb;
beforeEach(() => { t = tempDb(); });
afterEach(() => t.close());

describe('login throttle', () => {
  const T0 = 1_800_000_000_000;

  it('allows 10 failures, then refuses that name from that address', () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(t.db, 'azimov', '10.0.0.1', T0 + i);
    expect(throttleState(t.db, 'azimov', '10.0.0.1', T0 + 100).limited).toBe(false);
    recordFailure(t.db, 'azimov', '10.0.0.1', T0 + 100);
    const s = throttleState(t.db, 'azimov', '10.0.0.1', T0 + 200);
    expect(s.limited).toBe(true);
    if (s.limited) expect(s.retryAfterMs).toBe(WINDOW_MS - 200);
  });

  it('does not lock the same name out from another address (below the ceiling per account), nor another name from the same address', () => {
    for (let i = 0; i < 2 * MAX_FAILURES; i++) recordFailure(t.db, 'azimov', '10.0.0.1', T0 + i);
    expect(throttleState(t.db, 'azimov', '10.0.0.2', T0 + 60).limited).toBe(false);
    expect(throttleState(t.db, 'juror03', '10.0.0.1', T0 + 60).limited).toBe(false);
  });

  it('releases once the failures age out of the 15-minute window', () => {
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(t.db, 'azimov', '10.0.0.1', T0 + i * 1000);
    expect(throttleState(t.db, 'azimov', '10.0.0.1', T0 + WINDOW_MS - 1).limited).toBe(true);
    expect(throttleState(t.db, 'azimov', '10.0.0.1', T0 + WINDOW_MS + 1).limited).toBe(false);
  });

  it('is cleared by a successful sign-in from that address', () => {
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(t.db, 'azimov', '10.0.0.1', T0 + i);
    clearFailures(t.db, 'azimov', '10.0.0.1');
    expect(throttleState(t.db, 'azimov', '10.0.0.1', T0 + 100).limited).toBe(false);
  });

  it('beginAttempt counts an attempt before it is checked, and refuses without counting once limited', () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect(beginAttempt(t.db, 'azimov', '10.0.0.1', T0 + i).limited).toBe(false);
    const s = beginAttempt(t.db, 'azimov', '10.0.0.1', T0 + 100);
    expect(s.limited).toBe(true);
    const rows = t.db.$client.prepare("select count(*) as n from login_failure where login = 'azimov'").get() as { n: number };
    expect(rows.n).toBe(MAX_FAILURES);
    clearFailures(t.db, 'azimov', '10.0.0.1'); // what a successful check does
    expect(beginAttempt(t.db, 'azimov', '10.0.0.1', T0 + 200).limited).toBe(false);
  });
});
