// Issue 23: the ballot room sees and changes the served jury only. With a second jury in the same
// database (its ballots, recusal and runoffs written beside the demo's), a juror's pages and the counted
// ballots are exactly what they were without it, every ballot action given the other jury's ids is
// refused as for a missing one and changes nothing, and with a newer edition the older edition's rows
// stay as they were and none of them shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { score } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { listFilms, listNominations } from '@/lib/festival/queries';
import { hasSpecialRound, listCandidates } from '@/lib/nomination/queries';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { addJury, juryRows } from '@/tests/juries';
import { auditRows, otherJuryVotes, otherJuryVotingRows } from '@/tests/jury-activity';
import { ballotView, jurorNominations } from './queries';
import { filmBallotView, jurorFilms } from './film-view';
import { countedBallots, countedSnapshots } from './snapshot';
import { declareRecusalSpec, reopenBallotSpec, saveNoteSpec, saveScoreSpec, submitBallotSpec, withdrawRecusalSpec } from './specs';

let t: TestDb;
let juror: SessionUser, chair: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ juror, chair, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
});
afterEach(() => t.close());

const ok = (spec: Parameters<typeof executeAction>[0], u: SessionUser, input: unknown) => expect(executeAction(spec, u, input, t.db)).toMatchObject({ ok: true });

/** The demo juror recuses from a film, scores best_film and submits it, notes a candidate of best_director. */
function demoVoting() {
  const recused = candidatesOf(t.db, 'best_screenplay').at(-1)!.filmId;
  ok(declareRecusalSpec, juror, { filmId: recused, reason: 'my cousin produced it' });
  const cands = candidatesOf(t.db, 'best_film').filter((c) => c.filmId !== recused);
  cands.forEach((c, i) => ok(saveScoreSpec, juror, { candidateId: c.id, value: (i % 10) + 1 }));
  ok(submitBallotSpec, juror, { nominationId: nominationId(t.db, 'best_film') });
  ok(saveNoteSpec, juror, { candidateId: candidatesOf(t.db, 'best_director')[0].id, note: 'seen twice' });
}

/** Everything the ballot room shows the juror, and what it counts. */
function ballotFigures() {
  const firstFilm = candidatesOf(t.db, 'best_film')[0].filmId;
  return {
    nominations: jurorNominations(t.db, juror),
    ballot: ballotView(t.db, juror, 'best_film'),
    films: jurorFilms(t.db, juror),
    film: filmBallotView(t.db, juror, firstFilm),
    counted: countedBallots(t.db),
    snapshots: countedSnapshots(t.db),
    listNominations: listNominations(t.db),
    listFilms: listFilms(t.db),
    candidates: listCandidates(t.db, nominationId(t.db, 'best_film')),
    special: hasSpecialRound(t.db),
  };
}

describe('a second jury in the same edition', () => {
  it('changes none of the juror\'s pages nor the counted ballots', () => {
    demoVoting();
    const before = ballotFigures();
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    expect(ballotFigures()).toEqual(before);
    // The other jury's own rows are there: the filters, not an empty jury, keep them out.
    expect(countedBallots(t.db, other.juryId).length).toBe(jurors.length * 5);
  });

  it('refuses every ballot action given its ids, as for missing ones, and changes nothing of either jury', () => {
    demoVoting();
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    const before = { demo: juryRows(t.db, 1), other: juryRows(t.db, other.juryId), voting: otherJuryVotingRows(t.db, other), audit: auditRows(t.db) };
    const [c] = other.candidates.best_film;
    expectRefused(t, saveScoreSpec, juror, { candidateId: c, value: 5 }, 'ballot:unknown_candidate');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c, value: null }, 'ballot:unknown_candidate');
    expectRefused(t, saveNoteSpec, juror, { candidateId: c, note: 'a note' }, 'ballot:unknown_candidate');
    expectRefused(t, submitBallotSpec, jurors[2], { nominationId: other.nominations.best_director }, 'ballot:unknown_nomination');
    expectRefused(t, declareRecusalSpec, juror, { filmId: other.films[1], reason: 'a reason' }, 'ballot:unknown_film');
    // The juror's recusal from the other jury's film (written there) is not this jury's to withdraw.
    expectRefused(t, withdrawRecusalSpec, juror, { filmId: other.films[0] }, 'ballot:not_recused');
    expectRefused(t, reopenBallotSpec, chair, { jurorId: juror.id, nominationId: other.nominations.best_film, reason: 'to look again' }, 'ballot:unknown_nomination');
    expect(filmBallotView(t.db, juror, other.films[1])).toBeNull();
    expect(listCandidates(t.db, other.nominations.best_film)).toEqual([]);
    expect({ demo: juryRows(t.db, 1), other: juryRows(t.db, other.juryId), voting: otherJuryVotingRows(t.db, other), audit: auditRows(t.db) }).toEqual(before);
  });
});

describe('a newer edition', () => {
  it('is served alone: the older edition\'s rows stay as they were and none of them shows or can be changed', () => {
    demoVoting();
    const older = { rows: juryRows(t.db, 1), scores: t.db.select().from(score).all(), counted: countedBallots(t.db, 1) };
    const other = addJury(t.db, { edition: 'new', phase: 'voting' });
    const newNominations = Object.values(other.nominations).sort();
    expect(jurorNominations(t.db, juror).map((n) => n.id).sort()).toEqual(newNominations);
    expect(jurorFilms(t.db, juror).every((f) => other.films.includes(f.id))).toBe(true);
    expect(jurorFilms(t.db, juror)).toHaveLength(other.films.length);
    expect(ballotView(t.db, juror, 'best_film')!.nomination.id).toBe(other.nominations.best_film);
    expect(countedBallots(t.db)).toEqual([]);
    expect(listNominations(t.db).map((n) => n.id).sort()).toEqual(newNominations);
    expect(listFilms(t.db).map((f) => f.id)).toEqual(other.films);
    // The older edition's candidates, nominations and films are unknown to the new one's actions.
    const old = candidatesOf(t.db, 'best_film');
    expectRefused(t, saveScoreSpec, juror, { candidateId: old[1].id, value: 3 }, 'ballot:unknown_candidate');
    expectRefused(t, submitBallotSpec, jurors[3], { nominationId: nominationId(t.db, 'best_director') }, 'ballot:unknown_nomination');
    expectRefused(t, withdrawRecusalSpec, juror, { filmId: candidatesOf(t.db, 'best_screenplay').at(-1)!.filmId }, 'ballot:not_recused');
    expect(filmBallotView(t.db, juror, old[0].filmId)).toBeNull();
    // The new edition's own ballot works, and leaves the older one's rows as they were.
    ok(saveScoreSpec, juror, { candidateId: other.candidates.best_film[0], value: 4 });
    expect({ rows: juryRows(t.db, 1), scores: t.db.select().from(score).all().filter((s) => s.candidateId !== other.candidates.best_film[0]), counted: countedBallots(t.db, 1) }).toEqual(older);
    expect(t.db.select().from(score).where(eq(score.candidateId, other.candidates.best_film[0])).all()).toHaveLength(1);
  });
});
