// The ballot page's "next nomination" after a submit reads the nominations' states in one query
// (nextOpenNomination) instead of every nomination's candidates and scores (jurorNominations). Both must
// name the same nomination whatever the juror has submitted and whichever ballot they are on.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, type TestDb } from '@/tests/db';
import { demoCast, voteAndSubmit } from '@/tests/festival';
import { setPhase } from '@/tests/actions';
import { jurorNominations, nextOpenNomination } from './queries';

let t: TestDb;
let juror: SessionUser;
beforeEach(async () => {
  t = await seededDb();
  ({ juror } = demoCast(t.db));
  setPhase(t, 'voting');
});
afterEach(() => t.close());

/** The page's former reading: the first open nomination after `code`, round to the start. */
function fromProgress(code: string): string | null {
  const all = jurorNominations(t.db, juror);
  const at = all.findIndex((n) => n.code === code);
  return [...all.slice(at + 1), ...all.slice(0, Math.max(at, 0))].find((n) => n.state === 'open')?.code ?? null;
}

it('names the same next nomination as the progress list, as ballots are submitted one by one', () => {
  const codes = jurorNominations(t.db, juror).map((n) => n.code);
  const open = jurorNominations(t.db, juror).filter((n) => n.state === 'open').map((n) => n.code);
  expect(open.length).toBeGreaterThan(2);
  const seen = new Set<string | null>();
  // Submit the open ballots in an order that is not the award order, checking every page after each.
  for (const code of [...open.slice(1), open[0]]) {
    for (const at of codes) {
      expect(nextOpenNomination(t.db, juror, at), `after ${at}`).toBe(fromProgress(at));
      seen.add(nextOpenNomination(t.db, juror, at));
    }
    voteAndSubmit(t.db, code, () => 7, [juror]);
  }
  // Everything submitted: nothing is offered next.
  for (const at of codes) expect(nextOpenNomination(t.db, juror, at)).toBeNull();
  expect(seen.size).toBeGreaterThan(2);
});
