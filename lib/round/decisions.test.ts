// The chair always has a way to the end, and decisions can be changed until finalisation: against
// a real database, through the real actions. Each case here was a dead end or a silent re-use of an
// old decision before (see issue 11).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray, not } from 'drizzle-orm';
import { audit, award, candidate, decision, jury, film, nomination } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { tally } from '@/lib/tally';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf as candidatesOfNomination, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { declareRecusalSpec, reopenBallotSpec, saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from './specs';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from './decision-specs';
import { buildTallyInput } from '@/lib/count/tally-input';
import { decisionRows, setAsideByReopen } from '@/lib/count/decisions';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
});
afterEach(() => t.close());

const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
const phase = () => t.db.select().from(jury).get()!.phase;
const run = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<T>;
const ok = (spec: Parameters<typeof executeAction>[0], input: unknown, u: SessionUser = chair) => expect(run(spec, u, input)).toMatchObject({ ok: true });
const candidatesOf = (code: string) => candidatesOfNomination(t.db, code);
const vote = (code: string, score: (j: number, c: number) => number) => voteAndSubmit(t.db, code, score, jurors);
const result = (code: string) => tally(buildTallyInput(t.db)).nominations.find((n) => n.code === code)!;
const strict = (_j: number, c: number) => Math.max(1, 10 - c);
const dropSpecial = () => t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
const auditActions = () => t.db.select({ a: audit.action }).from(audit).all().map((r) => r.a);

/**
 * Every juror recuses from `films` before scoring, then scores and submits each of `codes`, leaving
 * those films out. Every ballot is in (the quorum holds), yet nobody scores what the films stand for.
 */
function voteRecusedFrom(films: number[], codes: string[]) {
  for (const j of jurors) for (const f of films) ok(declareRecusalSpec, { filmId: f, reason: 'conflict of interest' }, j);
  for (const code of codes) {
    for (const j of jurors) {
      candidatesOf(code).forEach((c, i) => { if (!films.includes(c.filmId)) ok(saveScoreSpec, { candidateId: c.id, value: strict(0, i) }, j); });
      ok(submitBallotSpec, { nominationId: nominationId(t.db, code) }, j);
    }
  }
}

/** Best actress keeps one performance, whose film every juror recuses from: no score counts there. */
function bestActressWithoutScores() {
  const [only, ...rest] = candidatesOf('best_actress');
  t.db.delete(candidate).where(inArray(candidate.id, rest.map((c) => c.id))).run();
  voteRecusedFrom([only.filmId], MAIN);
}

/** Every main nomination strictly ordered except an exact tie at the top of best film; the main round closed. */
function tieAtBestFilm() {
  for (const code of MAIN.slice(1)) vote(code, strict);
  vote('best_film', (_j, c) => (c < 2 ? 9 : 5));
  ok(closeRoundSpec, {});
  const [a, b] = candidatesOf('best_film').map((x) => x.id);
  return { a, b };
}

/** A form as the browser posts it (ActionForm: named fields, lists comma-joined). */
const form = (fields: Record<string, string>) => { const f = new FormData(); for (const [k, v] of Object.entries(fields)) f.set(k, v); return f; };

describe('the chair\'s forms, posted as forms (they work before JavaScript)', () => {
  it('the tie form\'s one radio records a casting vote, or the shared award, with the tied ids comma-joined', () => {
    dropSpecial();
    const { a, b } = tieAtBestFilm();
    ok(decideTieSpec, form({ nomination: 'best_film', tied: `${a},${b}`, choice: String(b), reason: 'posted' }));
    expect(result('best_film')).toMatchObject({ status: 'decided', winners: [String(b)] });
    const logged = t.db.select().from(decision).where(eq(decision.kind, 'casting_vote')).all();
    expect(logged.map((d) => [JSON.parse(d.tied), JSON.parse(d.chosen), d.reason])).toEqual([[[a, b], [b], 'posted']]);
    // No choice is no decision; a choice outside the tie is refused as before.
    expect(run(decideTieSpec, chair, form({ nomination: 'best_film', tied: `${a},${b}` }))).toMatchObject({ ok: false, code: 'invalid:input' });
    expectRefused(t, decideTieSpec, chair, form({ nomination: 'best_film', tied: `${a},${b}`, choice: '999999' }), 'round:not_tied');
  });

  it('the reopen form\'s one select names the juror and the nomination', () => {
    dropSpecial();
    for (const code of MAIN) vote(code, strict);
    const nom = nominationId(t.db, 'best_film');
    ok(reopenBallotSpec, form({ ballot: `${juror.id}:${nom}`, reason: 'posted before any script' }));
    expect(run(reopenBallotSpec, chair, form({ ballot: '', reason: 'posted before any script' }))).toMatchObject({ ok: false, code: 'invalid:input' });
  });
});

describe('changing and withdrawing a decision', () => {
  it('a later decision on the same tie supersedes the earlier one; both stay in the logs', () => {
    dropSpecial();
    const { a, b } = tieAtBestFilm();
    ok(decideTieSpec, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a], reason: 'first thoughts' });
    expect(result('best_film').winners).toEqual([String(a)]);
    ok(decideTieSpec, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [b], reason: 'on reflection' });
    expect(result('best_film')).toMatchObject({ status: 'decided', winners: [String(b)] });
    const logged = t.db.select().from(decision).where(eq(decision.kind, 'casting_vote')).all();
    expect(logged.map((d) => JSON.parse(d.chosen))).toEqual([[a], [b]]);
    expect(auditActions().filter((x) => x === 'round.decide_tie')).toHaveLength(2);
    ok(finaliseSpec, {});
    expect(t.db.select().from(award).where(eq(award.nominationId, nominationId(t.db, 'best_film'))).all().map((r) => r.candidateId)).toEqual([b]);
  });

  it('a withdrawn decision no longer counts: the tie is open again and finalising waits for it', () => {
    dropSpecial();
    const { a, b } = tieAtBestFilm();
    expectRefused(t, withdrawDecisionSpec, chair, { nomination: 'best_film' }, 'round:nothing_to_withdraw');
    ok(decideTieSpec, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] });
    expectRefused(t, withdrawDecisionSpec, juror, { nomination: 'best_film' }, 'forbidden:role');
    expectRefused(t, withdrawDecisionSpec, chair, { nomination: 'special_jury_prize' }, 'round:unknown_nomination');
    ok(withdrawDecisionSpec, { nomination: 'best_film', reason: 'misclick' });
    expect(result('best_film').status).toBe('blocked');
    expectRefused(t, finaliseSpec, chair, {}, 'round:undecided');
    expectRefused(t, withdrawDecisionSpec, chair, { nomination: 'best_film' }, 'round:nothing_to_withdraw');
    // The log keeps both acts; the audit log too.
    expect(t.db.select({ k: decision.kind }).from(decision).where(inArray(decision.kind, ['casting_vote', 'withdraw'])).all().map((d) => d.k)).toEqual(['casting_vote', 'withdraw']);
    expect(auditActions()).toContain('round.withdraw_decision');
    ok(decideTieSpec, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [b] });
    ok(finaliseSpec, {});
    expectRefused(t, withdrawDecisionSpec, chair, { nomination: 'best_film' }, 'phase:finalised');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'phase:finalised');
  });

  it('reopening the round sets its decisions aside: after the next close the same tie needs a new decision', () => {
    dropSpecial();
    const { a, b } = tieAtBestFilm();
    ok(decideTieSpec, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] });
    ok(reopenRoundSpec, { reason: 'The jury deliberates again' });
    ok(closeRoundSpec, {});
    // Same ballots, same tie: the old decision must not silently apply again.
    expect(result('best_film')).toMatchObject({ status: 'blocked', winners: [] });
    expect(setAsideByReopen(decisionRows(t.db), 'main').map((d) => d.chosen)).toEqual([[a]]);
    expectRefused(t, finaliseSpec, chair, {}, 'round:undecided');
    ok(decideTieSpec, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [b] });
    expect(setAsideByReopen(decisionRows(t.db), 'main')).toEqual([]);
    ok(finaliseSpec, {});
    expect(t.db.select().from(award).where(eq(award.nominationId, nominationId(t.db, 'best_film'))).all().map((r) => r.candidateId)).toEqual([b]);
  });
});

describe('always a way to the end', () => {
  it('a nomination without counted scores gets "no award" and the festival finalises', () => {
    dropSpecial();
    bestActressWithoutScores();
    ok(closeRoundSpec, {});
    expect(result('best_actress').status).toBe('no_scores');
    expectRefused(t, finaliseSpec, chair, {}, 'round:undecided');
    expectRefused(t, noAwardSpec, chair, { nomination: 'best_film', reason: 'nobody deserves it' }, 'round:award_possible');
    expectRefused(t, noAwardSpec, chair, { nomination: 'best_actress', reason: 'no' }, 'invalid:input');
    expectRefused(t, noAwardSpec, organiser, { nomination: 'best_actress', reason: 'no ballots' }, 'forbidden:role');
    ok(noAwardSpec, { nomination: 'best_actress', reason: 'No juror submitted a ballot' });
    expect(result('best_actress')).toMatchObject({ status: 'no_award', winners: [] });
    ok(finaliseSpec, {});
    ok(publishSpec, {}, organiser);
    expect(t.db.select().from(award).where(eq(award.nominationId, nominationId(t.db, 'best_actress'))).all()).toEqual([]);
  });

  it('"no award" can be withdrawn, and the main round cannot be left for the special round without it', () => {
    bestActressWithoutScores();
    ok(closeRoundSpec, {});
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'round:no_award_open');
    ok(noAwardSpec, { nomination: 'best_actress', reason: 'No juror submitted a ballot' });
    ok(withdrawDecisionSpec, { nomination: 'best_actress' });
    expect(result('best_actress').status).toBe('no_scores');
    ok(noAwardSpec, { nomination: 'best_actress', reason: 'No juror submitted a ballot' });
    ok(openSpecialRoundSpec, {});
  });

  it('when every competition film won a main award, the special round is skipped with a note', () => {
    // Three competition films, which win best film, best director and best screenplay in turn.
    const keep = candidatesOf('best_film').slice(0, 3).map((c) => c.filmId);
    t.db.update(film).set({ competition: false }).where(not(inArray(film.id, keep))).run();
    for (const code of MAIN) vote(code, strict);
    ok(closeRoundSpec, {});
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'round:no_special_candidates');
    ok(finaliseSpec, {});
    expect(phase()).toBe('finalised');
    expect(t.db.select().from(decision).where(eq(decision.kind, 'skip_special')).all()).toMatchObject([{ round: 'special', actorId: chair.id }]);
    const fin = t.db.select().from(audit).where(eq(audit.action, 'round.finalise')).get()!;
    expect(JSON.parse(fin.payload)).toMatchObject({ special: 'skipped' });
  });

  it('a special round that is not wanted is waived with a reason; withdrawing the waiver brings it back', () => {
    for (const code of MAIN) vote(code, strict);
    ok(closeRoundSpec, {});
    expectRefused(t, finaliseSpec, chair, {}, 'round:special_pending');
    expectRefused(t, waiveSpecialSpec, chair, { reason: '' }, 'invalid:input');
    expectRefused(t, waiveSpecialSpec, juror, { reason: 'not this year' }, 'forbidden:role');
    expectRefused(t, withdrawDecisionSpec, chair, {}, 'round:nothing_to_withdraw');
    ok(waiveSpecialSpec, { reason: 'The jury gives no special prize this year' });
    ok(withdrawDecisionSpec, {});
    expectRefused(t, finaliseSpec, chair, {}, 'round:special_pending');
    ok(waiveSpecialSpec, { reason: 'The jury gives no special prize this year' });
    ok(finaliseSpec, {});
    expect(JSON.parse(t.db.select().from(audit).where(eq(audit.action, 'round.finalise')).get()!.payload)).toMatchObject({ special: 'waived' });
  });

  it('a waiver is set aside by reopening the main round', () => {
    for (const code of MAIN) vote(code, strict);
    ok(closeRoundSpec, {});
    ok(waiveSpecialSpec, { reason: 'not this year' });
    ok(reopenRoundSpec, { reason: 'one more look' });
    expectRefused(t, waiveSpecialSpec, chair, { reason: 'not this year' }, 'phase:wrong');
    ok(closeRoundSpec, {});
    expectRefused(t, finaliseSpec, chair, {}, 'round:special_pending');
  });

  it('an empty special round (every juror recused) ends with "no award"', () => {
    // Four competition films: the first three win best film, director and screenplay in turn; the
    // fourth, the special round's one candidate, is the film every juror recused from.
    const keep = candidatesOf('best_film').slice(0, 4).map((c) => c.filmId);
    t.db.update(film).set({ competition: false }).where(not(inArray(film.id, keep))).run();
    voteRecusedFrom([keep[3]], MAIN);
    ok(closeRoundSpec, {});
    ok(openSpecialRoundSpec, {});
    for (const j of jurors) ok(submitBallotSpec, { nominationId: nominationId(t.db, 'special_jury_prize') }, j);
    ok(closeRoundSpec, {});
    expect(result('special_jury_prize').status).toBe('no_scores');
    expectRefused(t, finaliseSpec, chair, {}, 'round:undecided');
    expectRefused(t, noAwardSpec, chair, { nomination: 'best_film', reason: 'main is closed' }, 'round:not_closed');
    ok(noAwardSpec, { nomination: 'special_jury_prize', reason: 'No ballot was submitted' });
    ok(finaliseSpec, {});
  });
});
