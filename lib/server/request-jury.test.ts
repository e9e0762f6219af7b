// Issue 23: the jury a request chose is the one every room reads, from the action's checks to its
// transaction, also when its transaction is shared with another request's (group commit) and when a
// live stream is opened in it; and nothing chosen outlives its request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ballot, score } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { seededDb, type TestDb } from '@/tests/db';
import { demoCast, candidatesOf } from '@/tests/festival';
import { setPhase } from '@/tests/actions';
import { addJury, addMembers, type OtherJury } from '@/tests/juries';
import { findSessionUser } from '@/lib/auth/users';
import { closeRoundSpec } from '@/lib/round/specs';
import { executeAction, executeActionGrouped } from './action';
import { inGroupCommit } from './group-commit';
import { inJury, requestJury } from './request-jury';

let t: TestDb;
let other: OtherJury;
beforeEach(async () => {
  t = await seededDb();
  setPhase(t, 'voting');
  other = addJury(t.db, { edition: 'same', phase: 'voting' });
});
afterEach(() => t.close());

describe('the jury a request chose', () => {
  it('is the served jury inside its run and its awaits, and the default outside it or when it does not exist', async () => {
    expect(findFestival(t.db)!.id).toBe(1);
    expect(inJury(other.juryId, () => findFestival(t.db)!.id)).toBe(other.juryId);
    await inJury(other.juryId, async () => {
      await Promise.resolve();
      await new Promise((r) => setImmediate(r));
      expect(findFestival(t.db)!.id).toBe(other.juryId);
    });
    expect(requestJury()).toBeUndefined();
    expect(findFestival(t.db)!.id).toBe(1);
    expect(inJury(987654, () => findFestival(t.db)!.id)).toBe(1);
  });

  it('runs each piece of a shared transaction in its own request’s jury', async () => {
    const seen = await Promise.all([
      inJury(other.juryId, () => inGroupCommit(t.db, (tx) => findFestival(tx)!.id)),
      inJury(undefined, () => inGroupCommit(t.db, (tx) => findFestival(tx)!.id)),
      inJury(other.juryId, () => inGroupCommit(t.db, (tx) => findFestival(tx)!.id)),
    ]);
    expect(seen).toEqual([other.juryId, 1, other.juryId]);
  });

  it('scores in the jury chosen, through the real save, also in one batch with a save of the other jury', async () => {
    const { jurors } = demoCast(t.db);
    const [mine] = candidatesOf(t.db, 'best_film');
    const theirs = other.candidates.best_film[0];
    // Each save refuses the other jury's candidate as a missing one, in whichever jury it runs.
    expect(executeAction(saveScoreSpec, jurors[0], { candidateId: theirs, value: 7 }, t.db)).toMatchObject({ ok: false, code: 'ballot:unknown_candidate' });
    expect(inJury(other.juryId, () => executeAction(saveScoreSpec, jurors[0], { candidateId: mine.id, value: 7 }, t.db))).toMatchObject({ ok: false, code: 'ballot:unknown_candidate' });
    const [a, b] = await Promise.all([
      inJury(other.juryId, () => executeActionGrouped(saveScoreSpec, jurors[0], { candidateId: theirs, value: 7 }, t.db)),
      executeActionGrouped(saveScoreSpec, jurors[0], { candidateId: mine.id, value: 6 }, t.db),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const stored = t.db.select({ candidateId: score.candidateId, steps: score.steps }).from(score).all();
    expect(stored).toEqual(expect.arrayContaining([{ candidateId: theirs, steps: expect.any(Number) }, { candidateId: mine.id, steps: expect.any(Number) }]));
    // A ballot submitted in the other jury is that jury's nomination's.
    for (const c of other.candidates.best_film.slice(1)) inJury(other.juryId, () => executeAction(saveScoreSpec, jurors[0], { candidateId: c, value: 5 }, t.db));
    expect(inJury(other.juryId, () => executeAction(submitBallotSpec, jurors[0], { nominationId: other.nominations.best_film }, t.db)).ok).toBe(true);
    expect(t.db.select({ nominationId: ballot.nominationId }).from(ballot).all()).toEqual([{ nominationId: other.nominations.best_film }]);
  });

  it('gives each account its role in the jury chosen: the chair of one is no chair in the other (the session, read through a statement prepared per jury)', () => {
    const { chair, jurors } = demoCast(t.db);
    const both = jurors.find((j) => j.id !== chair.id)!;
    const [otherChair] = addMembers(t.db, other.juryId, { count: 3, also: [{ id: both.id, role: 'juror' }] });
    const role = (id: number, jury?: number) => inJury(jury, () => findSessionUser(t.db, id)?.role ?? null);
    expect([role(chair.id), role(chair.id, other.juryId), role(chair.id)]).toEqual(['chair', null, 'chair']);
    expect([role(otherChair), role(otherChair, other.juryId)]).toEqual([null, 'chair']);
    expect([role(both.id), role(both.id, other.juryId)]).toEqual(['juror', 'juror']);
    // Through a chair's action: refused to the demo's chair in the other jury, changing nothing there.
    const inOther = inJury(other.juryId, () => findSessionUser(t.db, chair.id)!);
    expect(inJury(other.juryId, () => executeAction(closeRoundSpec, inOther, { confirmMissing: true }, t.db))).toMatchObject({ ok: false });
    expect(inJury(other.juryId, () => findFestival(t.db)!.phase)).toBe('voting');
  });
});
