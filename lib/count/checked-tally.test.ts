// Whatever the database holds, the chair's desk and actions describe what stops the tally instead
// of failing: a score row edited to a value no save could write (the old REAL column let one juror
// store 5.000000000001 and GET /chair answered 500) is named by nomination, candidate and juror.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { score } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { checkedTally } from './checked-tally';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec } from '@/lib/round/specs';
import { waiveSpecialSpec } from '@/lib/round/decision-specs';
import { closedRoundTally } from '@/lib/round/view';
import { fullExport } from '@/lib/round/results';

let t: TestDb;
let chair: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
  // Every main ballot in: the round closes only at its quorum.
  for (const code of ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress']) voteAndSubmit(t.db, code, (_j, c) => Math.max(1, 10 - c), jurors);
  expect(executeAction(closeRoundSpec, chair, {}, t.db).ok).toBe(true);
});
afterEach(() => t.close());

/** A counted score (the submitted ballot's copy, which the tally reads) of the first juror for the second best-film candidate, set by hand. */
function tamper(steps: number) {
  const c = candidatesOf(t.db, 'best_film')[1];
  const sqlite = t.db.$client;
  sqlite.pragma('ignore_check_constraints = ON'); // the holder of the file can do this too
  const changed = sqlite
    .prepare('update ballot_score set steps = ? where candidate_id = ? and ballot_id = (select b.id from ballot b join candidate c on c.nomination_id = b.nomination_id where b.juror_id = ? and c.id = ?)')
    .run(steps, c.id, jurors[0].id, c.id).changes;
  expect(changed).toBe(1);
  sqlite.pragma('ignore_check_constraints = OFF');
  return c;
}

describe('a stored score no save could write', () => {
  it.each([
    ['beyond the top of the scale', 99],
    ['a fraction of a step', 2.5],
    ['below the scale', -1],
  ])('(%s) gives the chair a described problem, not a failed page', (_name, steps) => {
    const c = tamper(steps);
    const view = closedRoundTally(t.db);
    expect(view.nominations).toEqual([]);
    expect(view.problems).toEqual([{ code: 'score', nomination: 'best_film', candidate: String(c.id), juror: String(jurors[0].id) }]);
    const checked = checkedTally(t.db);
    expect(checked.ok).toBe(false);
  });

  it('makes every chair action that needs the tally refuse clearly, changing nothing', () => {
    tamper(99);
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'round:tally_problem');
    // (finalise in this phase first asks for the special round; past it, the same refusal)
    setPhase(t, 'special_closed');
    expectRefused(t, finaliseSpec, chair, {}, 'round:tally_problem');
    setPhase(t, 'main_closed');
    const [a, b] = candidatesOf(t.db, 'best_film');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a.id, b.id], chosen: [a.id] }, 'round:tally_problem');
  });

  it('gives an export that says where, without any value', () => {
    // The export is served from finalisation on: the file is edited after it.
    expect(executeAction(waiveSpecialSpec, chair, { reason: 'not this year' }, t.db).ok).toBe(true);
    expect(executeAction(finaliseSpec, chair, {}, t.db).ok).toBe(true);
    const c = tamper(99);
    const out = fullExport(t.db);
    expect(out.result).toBeUndefined();
    expect(out.problems).toEqual([{ code: 'score', nomination: 'best_film', candidate: String(c.id) }]);
  });

  it('the same rows with every score on the scale tally as before', () => {
    const c = candidatesOf(t.db, 'best_film')[1];
    expect(t.db.select().from(score).where(and(eq(score.jurorId, jurors[0].id), eq(score.candidateId, c.id))).get()!.steps).toBe(8);
    expect(closedRoundTally(t.db).problems).toEqual([]);
    expect(checkedTally(t.db).ok).toBe(true);
  });
});
