// Issue 23: every jury's data is its own. A second jury in the same database (of the same edition, or
// of a newer one) neither shows up in the served jury's rounds, tallies, runoffs and exports nor is
// changed by anything the served jury's chair does; an id or a code of the other jury is refused as a
// missing one, changing nothing; and audit:verify replays both juries from the one log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { anonBallot, award, ballot, ballotScore, candidate, decision, film, jury, nomination, recusal, runoff, runoffVote, score } from '@/db/schema';
import type { DB } from '@/db';
import type { z } from 'zod';
import { executeAction, type ActionSpec } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { seededDb, type TestDb } from '@/tests/db';
import { demoCast, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { addJury, addMembers, juryRows, type OtherJury } from '@/tests/juries';
import { buildTallyInput } from '@/lib/count/tally-input';
import { quorumOf } from '@/lib/count/quorum';
import { decisionRows } from '@/lib/count/decisions';
import { storedAnonIds } from '@/lib/count/anon-ids';
import { runoffReceiptList } from '@/lib/count/runoffs';
import { runoffOverview, runoffRows } from '@/lib/runoff/queries';
import { castRunoffVoteSpec, closeRunoffSpec, openRunoffSpec } from '@/lib/runoff/specs';
import { replayAudit } from '@/lib/replay/audit';
import { closeRoundSpec, decideTieSpec, finaliseSpec, publishSpec, reopenRoundSpec } from './specs';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from './decision-specs';
import { candidateLabels, closedRoundTally, filmTitles, recusalList, submissionTable } from './view';
import { missingBallots } from './missing';
import { notAwardedList } from './not-awarded';
import { awardsList, decisionList, fullExport, juryList, receiptList } from './results';
import { verifyAwards } from './verify';
import { updateJury } from '@/lib/festival/phase';
import { appendAudit } from '@/lib/audit';
import { frozenRules } from '@/lib/festival/frozen';
import { frozenSetupDigest } from '@/lib/festival/frozen-setup';
import { openVotingSpec } from '@/lib/admin/phase';

const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, jurors } = demoCast(t.db));
});
afterEach(() => t.close());

const ok = <S extends z.ZodType, R>(spec: ActionSpec<S, R>, u: SessionUser, input: unknown): R => {
  const out = executeAction(spec, u, input, t.db);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
};

/** Everything the served jury's rooms list or count. */
function figures(db: DB) {
  return {
    input: buildTallyInput(db), quorum: quorumOf(db, 'main'), missing: missingBallots(db, 'main'), desk: closedRoundTally(db),
    submissions: submissionTable(db), recusals: recusalList(db), labels: [...candidateLabels(db)], titles: [...filmTitles(db)],
    runoffs: runoffRows(db), overview: runoffOverview(db), runoffReceipts: runoffReceiptList(db), decisions: decisionRows(db), decisionList: decisionList(db),
    receipts: receiptList(db), awards: awardsList(db), notAwarded: notAwardedList(db), anonIds: [...storedAnonIds(db)], jury: juryList(db),
  };
}

/**
 * The other jury's rows of every kind, written straight into the file (that jury is not the one the app
 * serves, so no action can write them): ballots counted with their snapshots and scores for part of its
 * nominations, a recusal, decisions (a close and a "no award"), an open runoff and a closed one with
 * votes, an award and an anonymous ballot id. Plus a nomination of a code the served jury does not have.
 */
function otherJuryData(db: DB, o: OtherJury) {
  const [j0, j1, j2] = jurors;
  const best = o.candidates.best_film;
  const short = db.insert(nomination).values({ juryId: o.juryId, code: 'best_short', position: 10, kind: 'film', round: 'main', exemptOneAward: false, exAequoAllowed: false, maxWinners: 1 }).returning({ id: nomination.id }).get().id;
  const shortCandidates = o.films.slice(0, 2).map((f) => db.insert(candidate).values({ nominationId: short, filmId: f, person: null }).returning({ id: candidate.id }).get().id);
  for (const [k, j] of [j0, j1].entries()) {
    const b = db.insert(ballot).values({ jurorId: j.id, nominationId: o.nominations.best_film, submittedAt: '2026-01-01T00:00:00.000Z', receipt: `r${k}`, salt: `s${k}` }).returning({ id: ballot.id }).get().id;
    best.forEach((c, i) => {
      db.insert(score).values({ jurorId: j.id, candidateId: c, steps: i }).run();
      db.insert(ballotScore).values({ ballotId: b, candidateId: c, steps: i }).run();
    });
  }
  db.insert(recusal).values({ jurorId: j2.id, filmId: o.films[0], reason: 'generated' }).run();
  db.insert(decision).values({ juryId: o.juryId, kind: 'close_round', round: 'main', reason: 'generated', actorId: chair.id }).run();
  db.insert(decision).values({ juryId: o.juryId, nominationId: short, kind: 'no_award', reason: 'generated', actorId: chair.id }).run();
  const open = db.insert(runoff).values({ nominationId: o.nominations.best_director, tied: JSON.stringify(o.candidates.best_director.slice(0, 2)), places: 1, openedBy: chair.id }).returning({ id: runoff.id }).get().id;
  const closed = db.insert(runoff).values({ nominationId: o.nominations.best_screenplay, tied: JSON.stringify(o.candidates.best_screenplay.slice(0, 2)), places: 1, openedBy: chair.id, closedBy: chair.id, closedAt: '2026-01-01T00:00:00.000Z' }).returning({ id: runoff.id }).get().id;
  for (const [k, j] of jurors.slice(0, 4).entries()) db.insert(runoffVote).values({ runoffId: closed, jurorId: j.id, choice: o.candidates.best_screenplay[k % 2], receipt: `v${k}`, salt: `w${k}` }).run();
  db.insert(award).values({ nominationId: o.nominations.best_film, candidateId: best[0], aggregate: '9.00' }).run();
  db.insert(anonBallot).values({ jurorId: j0.id, nominationId: o.nominations.best_film, anonId: 'B-generated' }).run();
  return { short, shortCandidates, open, closed };
}

/** Every row of the other jury, runoffs and ballots included: for "nothing of it changed". */
function otherRows(db: DB, o: OtherJury) {
  const noms = db.select({ id: nomination.id }).from(nomination).where(eq(nomination.juryId, o.juryId)).all().map((n) => n.id);
  const runoffs = db.select().from(runoff).where(inArray(runoff.nominationId, noms)).orderBy(asc(runoff.id)).all();
  return {
    ...juryRows(db, o.juryId),
    candidates: db.select().from(candidate).where(inArray(candidate.nominationId, noms)).orderBy(asc(candidate.id)).all(),
    ballots: db.select().from(ballot).where(inArray(ballot.nominationId, noms)).orderBy(asc(ballot.id)).all(),
    decisions: db.select().from(decision).where(eq(decision.juryId, o.juryId)).orderBy(asc(decision.id)).all(),
    runoffs,
    votes: db.select().from(runoffVote).where(inArray(runoffVote.runoffId, runoffs.map((r) => r.id))).orderBy(asc(runoffVote.id)).all(),
    awards: db.select().from(award).where(inArray(award.nominationId, noms)).orderBy(asc(award.id)).all(),
    anon: db.select().from(anonBallot).where(inArray(anonBallot.nominationId, noms)).orderBy(asc(anonBallot.id)).all(),
  };
}

/** The database as it would be without the other jury: its rows removed (the served jury's ids stay as they were). */
function removeJury(db: DB, o: OtherJury) {
  const noms = db.select({ id: nomination.id }).from(nomination).where(eq(nomination.juryId, o.juryId)).all().map((n) => n.id);
  db.delete(award).where(inArray(award.nominationId, noms)).run();
  db.delete(decision).where(eq(decision.juryId, o.juryId)).run();
  db.delete(nomination).where(eq(nomination.juryId, o.juryId)).run();
  db.delete(film).where(eq(film.juryId, o.juryId)).run();
  db.delete(jury).where(eq(jury.id, o.juryId)).run();
}

/** Each of `who` scores every candidate of the other jury's nomination and submits, through the real actions. */
function voteOther(o: OtherJury, code: string, who: SessionUser[]) {
  who.forEach((u) => {
    o.candidates[code].forEach((c, i) => ok(saveScoreSpec, u, { candidateId: c, value: Math.max(1, 10 - i) }));
    ok(submitBallotSpec, u, { nominationId: o.nominations[code] });
  });
}

describe('a second jury of the same edition beside the served one', () => {
  it("neither shows in the served jury's lists, tallies and exports, nor stops its round, nor is changed by its chair", () => {
    setPhase(t, 'voting');
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryData(t.db, other);
    for (const code of MAIN) voteAndSubmit(t.db, code, (_j, c) => Math.max(1, 10 - c), jurors);
    const untouched = otherRows(t.db, other);

    // Its nominations without enough ballots do not hold the served round below its quorum; reopening
    // and closing the served round again sets none of its runoffs aside; finalising and publishing
    // award the served jury's nominations only.
    ok(closeRoundSpec, chair, {});
    ok(reopenRoundSpec, chair, { reason: 'one more look' });
    ok(closeRoundSpec, chair, {});
    ok(waiveSpecialSpec, chair, { reason: 'not this year' });
    ok(finaliseSpec, chair, {});
    ok(publishSpec, organiser, {});
    expect(otherRows(t.db, other)).toEqual(untouched);
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, checked: 6 });
    expect(awardsList(t.db).map((w) => w.nomination)).toEqual(MAIN);
    const exported = fullExport(t.db);

    // Every figure is what the database without the other jury gives.
    const withOther = figures(t.db);
    removeJury(t.db, other);
    expect(withOther).toEqual(figures(t.db));
    expect(exported).toEqual(fullExport(t.db));
  });

  it("refuses its nomination codes and runoff ids as missing ones, changing nothing of either jury nor the log", () => {
    setPhase(t, 'voting');
    for (const code of MAIN) voteAndSubmit(t.db, code, (_j, c) => Math.max(1, 10 - c), jurors);
    ok(closeRoundSpec, chair, {});
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    const o = otherJuryData(t.db, other);
    const [a, b] = o.shortCandidates;
    expectRefused(t, noAwardSpec, chair, { nomination: 'best_short', reason: 'not this one' }, 'round:unknown_nomination');
    expectRefused(t, withdrawDecisionSpec, chair, { nomination: 'best_short', reason: 'not this one' }, 'round:unknown_nomination');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_short', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:unknown_nomination');
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_short', tied: [a, b] }, 'round:unknown_nomination');
    const [x, y] = other.candidates.best_director;
    expectRefused(t, castRunoffVoteSpec, jurors[5], { runoff: o.open, choice: x }, 'runoff:unknown');
    expectRefused(t, castRunoffVoteSpec, chair, { runoff: o.open, choice: y }, 'runoff:unknown');
    expectRefused(t, closeRunoffSpec, chair, { runoff: o.open }, 'runoff:unknown');
    expectRefused(t, closeRunoffSpec, chair, { runoff: o.closed }, 'runoff:unknown');
  });
});

describe('a newer edition', () => {
  it("is served with none of the older edition's rows, votes on its own, and leaves the older edition's rows and published results as they were", () => {
    // The demo jury opens, votes, finalises and publishes.
    ok(openVotingSpec, organiser, {});
    for (const code of MAIN) voteAndSubmit(t.db, code, (_j, c) => Math.max(1, 10 - c), jurors);
    ok(closeRoundSpec, chair, {});
    ok(waiveSpecialSpec, chair, { reason: 'not this year' });
    ok(finaliseSpec, chair, {});
    ok(publishSpec, organiser, {});
    const old = otherRows(t.db, { juryId: 1 } as OtherJury);
    expect(old.awards.length).toBeGreaterThan(0);

    const other = addJury(t.db, { edition: 'new' });
    // The same people sit on the newer edition's jury, in the same roles (issue 23: jury_member).
    addMembers(t.db, other.juryId, { count: 0, also: jurors.map((j) => ({ id: j.id, role: j.role === 'chair' ? 'chair' as const : 'juror' as const })) });
    // Voting opens in the new edition with an entry that names no jury, as lib/admin/phase.ts writes it
    // (its preconditions still read every jury's films): the replay gives it to the jury served then.
    t.db.transaction((tx) => {
      updateJury(tx, { phase: 'voting' });
      appendAudit(tx, { actorId: organiser.id, action: 'festival.open_voting', payload: { from: 'setup', to: 'voting', rules: frozenRules(tx), setup: frozenSetupDigest(tx) } });
    }, { behavior: 'immediate' });
    // Nothing of the older edition in the new one's lists.
    const input = buildTallyInput(t.db);
    expect(input.films.map((f) => Number(f.id))).toEqual(other.films);
    expect(input.nominations.flatMap((n) => n.candidates.map((c) => Number(c.id)))).toEqual(Object.values(other.candidates).flat());
    expect(input.scores).toEqual([]);
    expect(input.decisions).toEqual([]);
    expect(decisionRows(t.db)).toEqual([]);
    expect(receiptList(t.db)).toEqual([]);
    expect(awardsList(t.db)).toEqual([]);
    expect(storedAnonIds(t.db).size).toBe(0);
    expect(submissionTable(t.db)).toMatchObject({ submitted: [], reopened: [] });
    expect(missingBallots(t.db, 'main').map((m) => m.nomination)).toEqual(expect.arrayContaining(MAIN));
    expect(quorumOf(t.db, 'main').nominations.every((n) => n.counted === 0)).toBe(true);
    expect(notAwardedList(t.db).map((n) => n.why)).toEqual(MAIN.concat('special_jury_prize').map(() => 'none'));
    const exported = fullExport(t.db);
    expect(exported.filmDetails.map((f) => Number(f.id))).toEqual(other.films);
    expect([exported.receipts, exported.decisionLog, exported.awards]).toEqual([[], [], []]);

    // The new jury votes, closes, finalises and publishes on its own.
    for (const code of MAIN) voteOther(other, code, jurors);
    ok(closeRoundSpec, chair, {});
    expect(closedRoundTally(t.db).nominations.map((n) => n.code)).toEqual(MAIN);
    ok(waiveSpecialSpec, chair, { reason: 'not this year either' });
    ok(finaliseSpec, chair, {});
    ok(publishSpec, organiser, {});
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, checked: 12 });
    expect(awardsList(t.db).map((w) => w.filmId).every((f) => other.films.includes(f))).toBe(true);

    // The older edition's rows, its awards and decisions included, are as they were; the log replays both juries.
    expect(otherRows(t.db, { juryId: 1 } as OtherJury)).toEqual(old);
    expect(t.db.select({ phase: jury.phase }).from(jury).where(and(eq(jury.id, 1))).get()!.phase).toBe('published');
    expect(replayAudit(t.db)).toEqual([]);

    // A decision of the older jury moved to the newer one by hand (its jury id edited in the file) is
    // reported: each jury's decisions are replayed from its own entries.
    const moved = t.db.select().from(decision).where(and(eq(decision.juryId, 1), eq(decision.kind, 'waive_special'))).get()!;
    t.db.update(decision).set({ juryId: other.juryId }).where(eq(decision.id, moved.id)).run();
    expect(replayAudit(t.db)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^jury main \(1\): the waive_special decision audited at entry \d+ \(id \d+\) has no row in the decision table/),
      expect.stringMatching(/^jury shorts \(\d+\): decision row \d+ \(waive_special\)/),
    ]));
    t.db.update(decision).set({ juryId: 1 }).where(eq(decision.id, moved.id)).run();
    expect(replayAudit(t.db)).toEqual([]);

    // The older jury's rules changed in the file after its opening are reported against it, though it is not the served jury.
    const method = t.db.select({ method: jury.method }).from(jury).where(eq(jury.id, 1)).get()!.method;
    t.db.update(jury).set({ method: method === 'median' ? 'mean' : 'median' }).where(eq(jury.id, 1)).run();
    expect(replayAudit(t.db)).toEqual([expect.stringMatching(/^jury main \(1\): the rules frozen when voting opened, .* differ from the stored ones: method$/)]);
    t.db.update(jury).set({ method }).where(eq(jury.id, 1)).run();

    // The older edition's final hash edited in the file is named with its jury, by the replay and by the recomputation.
    t.db.update(jury).set({ finalHash: 'f'.repeat(64) }).where(eq(jury.id, 1)).run();
    expect(replayAudit(t.db)).toEqual([expect.stringMatching(/^jury main \(1\): festival\.final_hash f{64} differs from the hash audited at finalisation/)]);
    const verified = verifyAwards(t.db);
    expect(verified.ok).toBe(false);
    expect(!verified.ok && verified.problems).toEqual([expect.stringMatching(/^jury main \(1\): final hash f{64} does not match/)]);
  });
});
