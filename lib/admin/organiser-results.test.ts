// Organisers learn no winner before finalisation from any page, log or export (issue 20, route 5,
// "read the side channel"). One test per side channel found, through the functions the organisers'
// pages use (the audit log, the progress table, the live stream, the draft protocol), played with
// the real actions on a real SQLite; each then checks that after finalisation the organisers see it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { candidate, jury, nomination } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { declareRecusalSpec, reopenBallotSpec, saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { castRunoffVoteSpec, openRunoffSpec } from '@/lib/runoff/specs';
import { readLiveFacts } from '@/lib/live/facts';
import { liveView } from '@/lib/live/view';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, reopenRoundSpec } from '@/lib/round/specs';
import { noAwardSpec, waiveSpecialSpec } from '@/lib/round/decision-specs';
import { protocolDecisions, protocolNamesResults } from '@/lib/round/protocol-decisions';
import { closedRoundTally } from '@/lib/round/view';
import { getFestival } from '@/lib/festival/phase';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { REDACTED, auditPage } from './audit-log';
import { votingProgress } from './progress';
import { setPhase } from '@/tests/actions';

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, jurors } = demoCast(t.db));
  // Best film in the main round (best actor kept for "no award"), and the special round.
  t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actress'])).run();
  setPhase(t, 'voting');
});
afterEach(() => t.close());

const ok = (out: { ok: boolean }) => expect(out, JSON.stringify(out)).toMatchObject({ ok: true });
/** The organisers' audit log, filtered by action as /admin/audit does: the payloads as the page shows them. */
const entries = (action: string) => auditPage(t.db, { action }).rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
const phase = () => getFestival(t.db).phase;
/** Best actor left without candidates: its only way to finalise is the chair's "no award". */
const noActors = () => t.db.delete(candidate).where(eq(candidate.nominationId, nominationId(t.db, 'best_actor'))).run();

/** Every juror scores best film with a tie between all its candidates; the round is closed. */
function tiedRound() {
  noActors();
  voteAndSubmit(t.db, 'best_film', () => 7, jurors);
  ok(executeAction(closeRoundSpec, chair, {}, t.db));
  ok(executeAction(noAwardSpec, chair, { nomination: 'best_actor', reason: 'no performance was entered' }, t.db));
  return closedRoundTally(t.db).nominations.find((n) => n.code === 'best_film')!.tie!.candidates.map(Number);
}

function finalise() {
  ok(executeAction(waiveSpecialSpec, chair, { reason: 'not this year' }, t.db));
  ok(executeAction(finaliseSpec, chair, {}, t.db));
  expect(phase()).toBe('finalised');
}

describe('the audit log', () => {
  it('a casting vote does not name the tied and chosen candidates, nor the chair’s reason, until finalisation', () => {
    const tied = tiedRound();
    ok(executeAction(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied, chosen: [tied[3]], reason: 'the jury preferred The Diamond Sword' }, t.db));
    const [entry] = entries('round.decide_tie');
    expect(entry).toEqual({ jury: 1, nomination: 'best_film', kind: 'casting_vote', tied: REDACTED, chosen: REDACTED, reason: REDACTED });
    finalise();
    expect(entries('round.decide_tie')[0]).toMatchObject({ chosen: [String(tied[3])], reason: 'the jury preferred The Diamond Sword' });
  });

  it('a "no award" does not name its award until finalisation', () => {
    const tied = tiedRound();
    expect(entries('round.no_award')[0]).toEqual({ jury: REDACTED, nomination: REDACTED, status: REDACTED, reason: REDACTED });
    ok(executeAction(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied, chosen: [tied[0]], reason: '' }, t.db));
    finalise();
    expect(entries('round.no_award')[0]).toMatchObject({ nomination: 'best_actor' });
  });

  it('a runoff does not name its tied candidates, nor who may vote or did, until finalisation; nor does the live stream', () => {
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['runoff', 'casting_vote']) }).where(eq(nomination.code, 'best_film')).run();
    const tied = tiedRound();
    const opened = executeAction(openRunoffSpec, chair, { nomination: 'best_film', tied }, t.db);
    ok(opened);
    const runoffId = (opened as { data: { runoff: number } }).data.runoff;
    ok(executeAction(castRunoffVoteSpec, userByLogin(t.db, 'juror05'), { runoff: runoffId, choice: tied[1] }, t.db));
    expect(entries('runoff.open')[0]).toMatchObject({ nomination: 'best_film', tied: REDACTED, entitled: REDACTED });
    // Who voted would be who was entitled: with recusals and the nationality rule, the tied films' countries.
    expect(entries('runoff.vote')).toEqual([]);
    expect(liveView(readLiveFacts(t.db), organiser).runoffs).toEqual([]);
    // The chair still follows it.
    expect(liveView(readLiveFacts(t.db), chair).runoffs).toHaveLength(1);
  });
});

describe('the chair’s words', () => {
  it('the reasons of a reopened round, a reopened ballot and a waived special round are not shown until finalisation (the chair’s words may name the films)', () => {
    tiedRound();
    const why = 'to weigh The Diamond Sword against Laila again';
    ok(executeAction(reopenRoundSpec, chair, { reason: why }, t.db));
    ok(executeAction(reopenBallotSpec, chair, { jurorId: userByLogin(t.db, 'juror05').id, nominationId: nominationId(t.db, 'best_film'), reason: why }, t.db));
    ok(executeAction(submitBallotSpec, userByLogin(t.db, 'juror05'), { nominationId: nominationId(t.db, 'best_film') }, t.db));
    ok(executeAction(closeRoundSpec, chair, {}, t.db));
    ok(executeAction(noAwardSpec, chair, { nomination: 'best_actor', reason: 'no performance was entered' }, t.db));
    const tied = closedRoundTally(t.db).nominations.find((n) => n.code === 'best_film')!.tie!.candidates.map(Number);
    ok(executeAction(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied, chosen: [tied[0]], reason: '' }, t.db));
    ok(executeAction(waiveSpecialSpec, chair, { reason: why }, t.db));
    expect(entries('round.reopen')[0]).toMatchObject({ round: 'main', reason: REDACTED });
    expect(entries('ballot.reopen')[0]).toMatchObject({ reason: REDACTED });
    expect(entries('round.waive_special')[0]).toMatchObject({ reason: REDACTED });
    const reasons = (role: 'organiser' | 'chair') => protocolDecisions(t.db, phase(), role).filter((d) => d.kind === 'reopen_round' || d.kind === 'waive_special').map((d) => d.reason);
    expect(reasons('organiser')).toEqual(['', '']);
    expect(reasons('chair')).toEqual([why, why]);
    ok(executeAction(finaliseSpec, chair, {}, t.db));
    expect(entries('round.reopen')[0]).toMatchObject({ reason: why });
    expect(entries('ballot.reopen')[0]).toMatchObject({ reason: why });
    expect(reasons('organiser')).toEqual([why, why]);
  });
});

describe('the special round', () => {
  /**
   * Juror 03 recused from the film that wins best film, juror 04 from another one; best film is
   * decided (candidate 0 scored 10 by everyone) and the chair opens the special round.
   */
  function specialOpen() {
    noActors();
    const cs = candidatesOf(t.db, 'best_film');
    const [winner, other] = [cs[0].filmId, cs[1].filmId];
    setPhase(t, 'setup');
    ok(executeAction(declareRecusalSpec, userByLogin(t.db, 'juror03'), { filmId: winner, reason: 'my cousin produced it' }, t.db));
    ok(executeAction(declareRecusalSpec, userByLogin(t.db, 'juror04'), { filmId: other, reason: 'I edited it' }, t.db));
    setPhase(t, 'voting');
    scoreAll('best_film', (j, i) => (i === 0 ? 10 : 1 + ((3 * j + 7 * i) % 9)));
    ok(executeAction(closeRoundSpec, chair, {}, t.db));
    ok(executeAction(noAwardSpec, chair, { nomination: 'best_actor', reason: 'no performance was entered' }, t.db));
    ok(executeAction(openSpecialRoundSpec, chair, {}, t.db));
    return { winner, other };
  }

  /** Every juror scores every candidate they are not recused from and submits. */
  function scoreAll(code: string, score: (j: number, i: number) => number) {
    const cs = candidatesOf(t.db, code);
    jurors.forEach((u, j) => {
      cs.forEach((c, i) => {
        const out = executeAction(saveScoreSpec, u, { candidateId: c.id, value: score(j, i) }, t.db);
        if (!out.ok) expect(out).toMatchObject({ code: 'ballot:recused' });
      });
      ok(executeAction(submitBallotSpec, u, { nominationId: nominationId(t.db, code) }, t.db));
    });
  }

  it('opening it does not list its films (those without a main award) until finalisation', () => {
    specialOpen();
    expect(entries('round.open_special')[0]).toEqual({ jury: REDACTED, films: REDACTED });
    scoreAll('special_jury_prize', (_j, i) => (i === 0 ? 10 : 5));
    ok(executeAction(closeRoundSpec, chair, {}, t.db));
    ok(executeAction(finaliseSpec, chair, {}, t.db));
    expect((entries('round.open_special')[0].films as number[]).length).toBe(candidatesOf(t.db, 'special_jury_prize').length);
  });

  it('the progress table does not count its candidates per juror (beside the recusals it tells which films won) until finalisation', () => {
    specialOpen();
    const special = nominationId(t.db, 'special_jury_prize');
    const cell = (login: string) => votingProgress(t.db).rows.find((r) => r.jurorId === userByLogin(t.db, login).id)!.cells.find((c) => c.nominationId === special)!;
    // The attack: juror 03 (recused from the winner) would have one film more to score than juror 04.
    for (const login of ['juror03', 'juror04', 'juror05']) expect(cell(login)).toMatchObject({ total: null, scored: null, submitted: false });
    scoreAll('special_jury_prize', (_j, i) => (i === 0 ? 10 : 5));
    expect(cell('juror04')).toMatchObject({ total: null, scored: null, submitted: true });
    ok(executeAction(closeRoundSpec, chair, {}, t.db));
    ok(executeAction(finaliseSpec, chair, {}, t.db));
    const n = candidatesOf(t.db, 'special_jury_prize').length;
    expect(cell('juror03')).toMatchObject({ total: n });
    expect(cell('juror04')).toMatchObject({ total: n - 1 });
  });

  it('its ballot entries in the audit log name no candidate and no count until finalisation', () => {
    const { other } = specialOpen();
    scoreAll('special_jury_prize', (_j, i) => (i === 0 ? 10 : 5));
    const specialId = nominationId(t.db, 'special_jury_prize');
    const submits = () => entries('ballot.submit').filter((p) => p.nominationId === specialId);
    expect(submits()).toHaveLength(jurors.length);
    for (const p of submits()) expect(p).toMatchObject({ candidates: REDACTED, scores: REDACTED });
    // Not even listed: how many scores each juror saved would be the count; nor is the chain's count of
    // entries printed beside the list, which would give how many are not listed.
    expect(entries('ballot.save_score').filter((p) => p.nomination === 'special_jury_prize')).toEqual([]);
    expect(auditPage(t.db).final).toBe(false);
    ok(executeAction(closeRoundSpec, chair, {}, t.db));
    ok(executeAction(finaliseSpec, chair, {}, t.db));
    const specialFilms = new Set(candidatesOf(t.db, 'special_jury_prize').map((c) => c.filmId));
    expect(specialFilms.has(other)).toBe(true);
    expect(submits().every((p) => Array.isArray(p.candidates))).toBe(true);
    expect(entries('ballot.save_score').filter((p) => p.nomination === 'special_jury_prize').length).toBeGreaterThan(0);
    expect(auditPage(t.db).final).toBe(true);
  });
  it('a recusal declared while it is open does not name its film until finalisation (the film is one without a main award)', () => {
    noActors();
    // Juror 06 missed the main round: in the special round they may still recuse from a film.
    const six = userByLogin(t.db, 'juror06');
    t.db.update(jury).set({ quorum: 9 }).where(eq(jury.id, 1)).run();
    voteAndSubmit(t.db, 'best_film', (_j, i) => (i === 0 ? 10 : 5), jurors.filter((u) => u.id !== six.id));
    ok(executeAction(closeRoundSpec, chair, { confirmMissing: true }, t.db));
    ok(executeAction(noAwardSpec, chair, { nomination: 'best_actor', reason: 'no performance was entered' }, t.db));
    const earlier = entries('ballot.declare_recusal').length;
    ok(executeAction(openSpecialRoundSpec, chair, {}, t.db));
    const film = candidatesOf(t.db, 'special_jury_prize')[0].filmId;
    ok(executeAction(declareRecusalSpec, six, { filmId: film, reason: 'my cousin produced it' }, t.db));
    const declared = () => entries('ballot.declare_recusal');
    expect(declared()).toHaveLength(earlier + 1);
    expect(declared()[0]).toEqual({ jury: REDACTED, filmId: REDACTED, reason: REDACTED });
    scoreAll('special_jury_prize', (_j, i) => (i === 0 ? 10 : 5));
    ok(executeAction(closeRoundSpec, chair, { confirmMissing: true }, t.db));
    ok(executeAction(finaliseSpec, chair, {}, t.db));
    expect(declared()[0]).toEqual({ jury: 1, filmId: film, reason: 'my cousin produced it' });
  });
});

describe('the draft protocol', () => {
  it('an organiser reads that a casting vote and a "no award" were decided, not on which award or why, until finalisation', () => {
    const tied = tiedRound();
    ok(executeAction(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied, chosen: [tied[0]], reason: 'the jury preferred The Diamond Sword' }, t.db));
    const named = (role: 'organiser' | 'chair') => protocolDecisions(t.db, phase(), role).filter((d) => d.label === 'casting_vote' || d.label === 'no_award');
    expect(named('organiser')).toEqual([expect.objectContaining({ label: 'no_award', nomination: null, reason: '', withheld: true }), expect.objectContaining({ label: 'casting_vote', nomination: null, reason: '', withheld: true })]);
    expect(named('chair').map((d) => d.nomination)).toEqual(['best_actor', 'best_film']);
    // Nor the runoffs (their award and how many voted): the page lists them only where this says so.
    expect(protocolNamesResults(phase(), 'organiser')).toBe(false);
    expect(protocolNamesResults(phase(), 'chair')).toBe(true);
    finalise();
    expect(protocolNamesResults(phase(), 'organiser')).toBe(true);
    expect(named('organiser').map((d) => [d.nomination, d.reason])).toEqual([['best_actor', 'no performance was entered'], ['best_film', 'the jury preferred The Diamond Sword']]);
  });
});
