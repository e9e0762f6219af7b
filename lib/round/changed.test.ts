// "Changed" counts changed content by jurors other than the chair (lib/round/changed.ts), played
// through the real actions on a real SQLite: issue 20's route 4 ("three changed ballots made of
// nothing") and every other way to feed the counter: the chair's own ballot, unchanged
// resubmissions, a change undone, one changed score per ballot, deactivations, recusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { jury, nomination } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { declareRecusalSpec, reopenBallotSpec, saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { approveAccountRequestSpec, requestAccountChangeSpec } from '@/lib/juror/requests';
import { setPhase } from '@/tests/actions';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { closeRoundSpec, reopenRoundSpec } from './specs';
import { closedRoundTally } from './view';

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, jurors: SessionUser[];
const j = (n: number) => userByLogin(t.db, `juror${String(n).padStart(2, '0')}`);
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, jurors } = demoCast(t.db));
  // Best film alone (23 candidates): one nomination plays every route.
  t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress'])).run();
  setPhase(t, 'voting');
  t.db.update(jury).set({ quorum: 9 }).where(eq(jury.id, 1)).run();
});
afterEach(() => t.close());

const ok = (out: { ok: boolean }) => expect(out).toMatchObject({ ok: true });
const varied = (a: number, c: number) => 1 + ((3 * a + 7 * c) % 10);
const bestFilm = () => closedRoundTally(t.db).nominations.find((n) => n.code === 'best_film')!;
const cands = () => candidatesOf(t.db, 'best_film').map((c) => String(c.id));
const close = () => ok(executeAction(closeRoundSpec, chair, { confirmMissing: true }, t.db));
const reopenRound = () => ok(executeAction(reopenRoundSpec, chair, { reason: 'a juror asked' }, t.db));

/** The chair reopens `u`'s ballot; `u` sets the scores `change` gives (candidate index -> value) and submits again. */
function resubmit(u: SessionUser, change: Record<number, number> = {}) {
  const nom = nominationId(t.db, 'best_film');
  ok(executeAction(reopenBallotSpec, chair, { jurorId: u.id, nominationId: nom, reason: 'please check' }, t.db));
  const cs = candidatesOf(t.db, 'best_film');
  for (const [i, v] of Object.entries(change)) ok(executeAction(saveScoreSpec, u, { candidateId: cs[Number(i)].id, value: v }, t.db));
  ok(executeAction(submitBallotSpec, u, { nominationId: nom }, t.db));
}

const firstVoters = () => jurors.filter((u) => u.login !== 'juror07');
/** The score `login` gave candidate `c` at the first close. */
const firstScore = (login: string, c: number) => varied(firstVoters().findIndex((u) => u.login === login), c);

/** Every juror but juror 07 scores and submits best film; the chair closes and reads every figure. */
function firstClose() {
  voteAndSubmit(t.db, 'best_film', varied, firstVoters());
  close();
  const shown = bestFilm();
  expect(Object.keys(shown.histograms)).toHaveLength(cands().length);
  return shown;
}

/** Candidates whose histogram the desk shows. */
const shownOf = () => Object.keys(bestFilm().histograms).sort();

describe('issue 20, route 4: three "changed" ballots made of nothing', () => {
  it('juror 07 submits, the chair resubmits their own ballot and juror 08 theirs unchanged: juror 07’s ballot is not the difference', () => {
    firstClose();
    reopenRound();
    voteAndSubmit(t.db, 'best_film', (_a, c) => 1 + ((5 * c) % 10), [j(7)]);
    resubmit(chair);
    resubmit(j(8));
    close();
    // Three ballots got new receipts; only one juror's content changed: every candidate's figures
    // (histogram, aggregate, margin) would be that juror's score plus what was shown.
    const n = bestFilm();
    expect(n.histograms).toEqual({});
    expect(n.ranking.every((r) => r.aggregate === null)).toBe(true);
    expect(n.margin).toBeNull();
    expect(n.changedSinceShown).toBe(cands().length);
  });
});

describe('what counts as changed', () => {
  it('the chair’s own changed ballot does not count towards the 3: juror 07, the chair and juror 08 change', () => {
    firstClose();
    reopenRound();
    voteAndSubmit(t.db, 'best_film', varied, [j(7)]);
    const every = (v: number) => Object.fromEntries(cands().map((_c, i) => [i, v]));
    resubmit(chair, every(2));
    resubmit(j(8), every(3));
    close();
    // Juror 07 and juror 08: two jurors behind every difference once the chair subtracts their own.
    expect(shownOf()).toEqual([]);
  });

  it('per candidate: one changed score in two ballots does not make the other 22 differ by more than juror 07', () => {
    firstClose();
    reopenRound();
    voteAndSubmit(t.db, 'best_film', varied, [j(7)]);
    resubmit(j(8), { 0: 10 });
    resubmit(j(9), { 0: 1 });
    close();
    // Three ballots changed content, but candidates 1–22 differ by juror 07's score alone, and
    // candidate 0 by jurors 07, 08 and 09 (shown: three other jurors behind it).
    const [first, ...rest] = cands();
    expect(bestFilm().withheld[first]).not.toBe('few_changed');
    expect(rest.every((c) => bestFilm().withheld[c] === 'few_changed')).toBe(true);
    expect(bestFilm().changedSinceShown).toBe(rest.length);
  });

  it('three other jurors’ changed content shows the figures again', () => {
    firstClose();
    reopenRound();
    voteAndSubmit(t.db, 'best_film', varied, [j(7)]);
    // Every score of jurors 08 and 09 moved one step (10 to 1).
    const shifted = (login: string) => Object.fromEntries(cands().map((_c, i) => [i, (firstScore(login, i) % 10) + 1]));
    resubmit(j(8), shifted('juror08'));
    resubmit(j(9), shifted('juror09'));
    close();
    expect(shownOf()).toEqual([...cands()].sort());
    expect(bestFilm().changedSinceShown).toBe(0);
  });

  it('a change undone (A → B → A) shows what was shown before; against every view shown, not only the last', () => {
    firstClose();
    const c = cands();
    // A -> B by juror 08 alone: withheld.
    reopenRound();
    resubmit(j(8), { 0: 10 });
    close();
    expect(shownOf()).not.toContain(c[0]);
    // B -> A: the same figures as the first close, nothing new: shown.
    reopenRound();
    resubmit(j(8), { 0: firstScore('juror08', 0) });
    close();
    expect(shownOf()).toContain(c[0]);
    // Three jurors change candidate 0 (shown), then two of them change back and a fourth changes:
    // three changed since the last view, but the first view and this one differ by two jurors.
    reopenRound();
    resubmit(j(9), { 0: 10 });
    resubmit(j(10), { 0: 10 });
    resubmit(j(11), { 0: 10 });
    close();
    expect(shownOf()).toContain(c[0]);
    reopenRound();
    resubmit(j(9), { 0: firstScore('juror09', 0) });
    resubmit(j(10), { 0: firstScore('juror10', 0) });
    resubmit(j(12), { 0: 10 });
    close();
    expect(shownOf()).not.toContain(c[0]);
    expect(shownOf()).toHaveLength(c.length - 1);
  });

  it('deactivations change nothing counted: juror 07 and two deactivated jurors are still one juror', () => {
    firstClose();
    reopenRound();
    voteAndSubmit(t.db, 'best_film', varied, [j(7)]);
    for (const u of [j(8), j(9)]) {
      const asked = executeAction(requestAccountChangeSpec, organiser, { targetId: u.id, kind: 'deactivate', reason: 'left the festival' }, t.db);
      ok(asked);
      ok(executeAction(approveAccountRequestSpec, chair, { id: (asked as { data: { id: number } }).data.id }, t.db));
    }
    close();
    expect(shownOf()).toEqual([]);
  });

  it('a recusal added after the close removes a score: a change of that juror’s content, not fed by unchanged ballots', () => {
    firstClose();
    reopenRound();
    const film = candidatesOf(t.db, 'best_film')[0].filmId;
    ok(executeAction(reopenBallotSpec, chair, { jurorId: j(8).id, nominationId: nominationId(t.db, 'best_film'), reason: 'a conflict' }, t.db));
    ok(executeAction(declareRecusalSpec, j(8), { filmId: film, reason: 'my cousin produced it' }, t.db));
    ok(executeAction(submitBallotSpec, j(8), { nominationId: nominationId(t.db, 'best_film') }, t.db));
    resubmit(j(9));
    resubmit(j(10));
    close();
    // Three new receipts; the only content changed is juror 08's score of candidate 0, gone.
    expect(shownOf()).toEqual(cands().slice(1).sort());
    expect(bestFilm().withheld[cands()[0]]).toBe('few_changed');
  });

  it('under normalized_mean one changed score moves every candidate’s aggregate: the whole nomination is the unit', () => {
    t.db.update(jury).set({ method: 'normalized_mean' }).where(eq(jury.id, 1)).run();
    firstClose();
    reopenRound();
    resubmit(j(8), { 0: 10 });
    resubmit(j(9));
    resubmit(j(10));
    close();
    expect(shownOf()).toEqual([]);
    expect(bestFilm().ranking.every((r) => r.aggregate === null)).toBe(true);
  });

  it('under normalized_mean three jurors changing the nomination still leave a histogram that differs by one juror withheld', () => {
    // Juror 08 changes candidate 0; jurors 09 and 10 change candidate 1. Three jurors changed the
    // nomination (every aggregate moves), but candidate 0's histogram holds raw scores: it differs
    // from the one shown by juror 08's score alone, and candidate 1's by two jurors.
    t.db.update(jury).set({ method: 'normalized_mean' }).where(eq(jury.id, 1)).run();
    firstClose();
    reopenRound();
    const other = (login: string, c: number) => (firstScore(login, c) % 10) + 1;
    resubmit(j(8), { 0: other('juror08', 0) });
    resubmit(j(9), { 1: other('juror09', 1) });
    resubmit(j(10), { 1: other('juror10', 1) });
    close();
    const [c0, c1, ...rest] = cands();
    expect(bestFilm().withheld[c0]).toBe('few_changed');
    expect(bestFilm().withheld[c1]).toBe('few_changed');
    expect(shownOf()).toEqual([...rest].sort());
  });
});
