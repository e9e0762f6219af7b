// Ballot secrecy against insiders (issue 10), each attack played the way the insider would play it,
// through the real actions on a real database: the chair closing early, the chair differencing two
// tallies around a reopened ballot, the chair reading a thin candidate's aggregate, the organiser
// reading the audit log after publication. Each recovered a juror's scores before this work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { ballot, ballotScore, jury, nomination, user } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { declareRecusalSpec, reopenBallotSpec, saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { ballotView } from '@/lib/ballot/queries';
import { receiptOf } from '@/lib/ballot/receipt';
import { saveSettingsSpec } from '@/lib/admin/settings';
import { auditPage, REDACTED } from '@/lib/admin/audit-log';
import { expectRefused, setPhase } from '@/tests/actions';
import { tally, type NominationResult } from '@/lib/tally';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { closeRoundSpec, finaliseSpec, publishSpec, reopenRoundSpec } from './specs';
import { effectiveQuorum } from '@/lib/count/quorum';
import { receiptList } from './results';
import { buildTallyInput } from '@/lib/count/tally-input';
import { withholdThin } from '@/lib/count/thin';
import { closedRoundTally, withheldAwards } from './view';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
});
afterEach(() => t.close());

const run = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<T>;
const phase = () => t.db.select().from(jury).get()!.phase;
const bestFilm = () => candidatesOf(t.db, 'best_film');
/** The main round with best film alone (the quorum holds per nomination; one is enough to play the attacks). */
function bestFilmOnly({ special = true } = {}) {
  const gone = ['best_director', 'best_screenplay', 'best_actor', 'best_actress', ...(special ? [] : ['special_jury_prize'])];
  t.db.delete(nomination).where(inArray(nomination.code, gone)).run();
}
const varied = (j: number, c: number) => 1 + ((3 * j + 7 * c) % 10);

describe('quorum: the chair cannot close a round on one ballot', () => {
  beforeEach(() => setPhase(t, 'voting'));

  it('refuses "close anyway" with one ballot in, and with one less than all active jurors by default; changes nothing', () => {
    bestFilmOnly();
    voteAndSubmit(t.db, 'best_film', varied, [juror]);
    expectRefused(t, closeRoundSpec, chair, { confirmMissing: true }, 'round:below_quorum');
    expect(run(closeRoundSpec, chair, { confirmMissing: true })).toMatchObject({ ok: false, params: { quorum: 12, short: 1, lowest: 1 } });
    voteAndSubmit(t.db, 'best_film', varied, jurors.filter((u) => u.id !== juror.id && u.id !== chair.id));
    expectRefused(t, closeRoundSpec, chair, { confirmMissing: true }, 'round:below_quorum');
    voteAndSubmit(t.db, 'best_film', varied, [chair]);
    expect(run(closeRoundSpec, chair, {})).toMatchObject({ ok: true, data: { missing: 0 } });
    expect(phase()).toBe('main_closed');
  });

  it('holds per nomination: every nomination of the round must reach a set quorum of 3', () => {
    t.db.delete(nomination).where(inArray(nomination.code, ['best_screenplay', 'best_actor', 'best_actress'])).run();
    t.db.update(jury).set({ quorum: 3 }).where(eq(jury.id, 1)).run();
    voteAndSubmit(t.db, 'best_film', varied, jurors.slice(0, 3));
    voteAndSubmit(t.db, 'best_director', varied, jurors.slice(0, 2));
    expectRefused(t, closeRoundSpec, chair, { confirmMissing: true }, 'round:below_quorum');
    voteAndSubmit(t.db, 'best_director', varied, jurors.slice(2, 3));
    expectRefused(t, closeRoundSpec, chair, {}, 'round:missing_ballots');
    expect(run(closeRoundSpec, chair, { confirmMissing: true }).ok).toBe(true);
  });

  it('is never below 3 and never more than the active jurors', () => {
    expect(effectiveQuorum(null, 12)).toBe(12);
    expect(effectiveQuorum(null, 2)).toBe(3);
    expect(effectiveQuorum(5, 12)).toBe(5);
    expect(effectiveQuorum(20, 12)).toBe(12);
    expect(effectiveQuorum(3, 1)).toBe(3);
  });
});

describe('quorum setting', () => {
  const form = (quorum?: string) => ({ name: 'F', city: 'C', scaleMin: 1, scaleMax: 10, scaleStep: 1, method: 'mean', ...(quorum === undefined ? {} : { quorum }) });
  const stored = () => t.db.select().from(jury).get()!.quorum;

  it('is saved by the organisers during setup; empty means all active jurors', () => {
    expect(executeAction(saveSettingsSpec, organiser, form('5'), t.db).ok).toBe(true);
    expect(stored()).toBe(5);
    expect(executeAction(saveSettingsSpec, organiser, form(''), t.db).ok).toBe(true);
    expect(stored()).toBeNull();
  });

  it('refuses fewer than 3, a fraction or a word, naming the field; frozen once voting opens', () => {
    for (const bad of ['2', '0', '-3', '3.5', 'all']) {
      const out = expectRefused(t, saveSettingsSpec, 'organiser', form(bad), 'invalid:input');
      expect(out).toMatchObject({ fieldErrors: { quorum: ['quorum'] } });
    }
    setPhase(t, 'voting');
    expectRefused(t, saveSettingsSpec, 'organiser', form('3'), 'phase:frozen');
  });

  it('the database refuses a quorum below 3 written behind the app', () => {
    expect(() => t.db.update(jury).set({ quorum: 2 }).where(eq(jury.id, 1)).run()).toThrow(/CHECK constraint failed/);
  });
});

describe('a reopened ballot keeps counting: the chair cannot difference two tallies', () => {
  beforeEach(() => setPhase(t, 'voting'));

  it('close, read, reopen one juror\'s ballot, close again: the same tally, whatever the juror changes meanwhile', () => {
    bestFilmOnly();
    voteAndSubmit(t.db, 'best_film', varied, jurors);
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    const first = { result: tally(buildTallyInput(t.db)), view: closedRoundTally(t.db), receipts: receiptList(t.db) };

    expect(run(reopenRoundSpec, chair, { reason: 'The jury deliberates again' }).ok).toBe(true);
    const nom = nominationId(t.db, 'best_film');
    const old = t.db.select().from(ballot).where(and(eq(ballot.jurorId, juror.id), eq(ballot.nominationId, nom))).get()!;
    expect(run(reopenBallotSpec, chair, { jurorId: juror.id, nominationId: nom, reason: 'Juror asked to check a score' }).ok).toBe(true);
    // The juror, reopened, changes every score and recuses from one film: none of it counts yet.
    for (const c of bestFilm()) expect(run(saveScoreSpec, juror, { candidateId: c.id, value: 10 }).ok).toBe(true);
    expect(run(declareRecusalSpec, juror, { filmId: bestFilm()[0].filmId, reason: 'I know the director' }).ok).toBe(true);

    // Reopened, the ballot still counts: it is not missing, the round closes without confirmation.
    expect(run(closeRoundSpec, chair, {})).toMatchObject({ ok: true, data: { missing: 0 } });
    expect(tally(buildTallyInput(t.db))).toEqual(first.result);
    expect(closedRoundTally(t.db)).toEqual(first.view);
    expect(receiptList(t.db)).toEqual(first.receipts);

    // The juror's page shows the ballot that counts, with its receipt, which still recomputes.
    const view = ballotView(t.db, juror, 'best_film')!;
    expect(view.state).toBe('closed');
    expect(view.receipt).toMatchObject({ receipt: old.receipt, salt: old.salt, submittedAt: old.submittedAt, reopened: true });
    expect(receiptOf(view.receipt!.canonical)).toBe(old.receipt);
    const j = jurors.findIndex((u) => u.id === juror.id);
    expect(view.receipt!.canonical.scores).toEqual(bestFilm().map((c, i) => [c.id, varied(j, i)]));

    // Submitting again replaces the snapshot and the receipt together; then the new ballot counts.
    expect(run(reopenRoundSpec, chair, { reason: 'Let the juror submit' }).ok).toBe(true);
    expect(run(submitBallotSpec, juror, { nominationId: nom }).ok).toBe(true);
    const now = t.db.select().from(ballot).where(eq(ballot.id, old.id)).get()!;
    expect(now.receipt).not.toBe(old.receipt);
    expect(t.db.select().from(ballotScore).where(eq(ballotScore.ballotId, old.id)).all().map((s) => s.steps)).toEqual(Array(bestFilm().length - 1).fill(9));
    const mine = ballotView(t.db, juror, 'best_film')!;
    expect(mine.receipt).toMatchObject({ receipt: now.receipt, reopened: false });
    expect(receiptOf(mine.receipt!.canonical)).toBe(now.receipt);
    expect(receiptList(t.db).map((r) => r.receipt)).toContain(now.receipt);
    expect(receiptList(t.db).map((r) => r.receipt)).not.toContain(old.receipt);
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    expect(tally(buildTallyInput(t.db))).not.toEqual(first.result);
  });
});

describe('no aggregate over fewer than 3 scores', () => {
  beforeEach(() => setPhase(t, 'voting'));

  it('a candidate left with 2 counted scores shows its rank and no aggregate, histogram or the margin that would give it away', () => {
    bestFilmOnly({ special: false });
    const cs = bestFilm();
    const thinFilm = cs[1].filmId;
    const recusing = jurors.slice(2);
    for (const u of recusing) expect(run(declareRecusalSpec, u, { filmId: thinFilm, reason: 'Worked on the film' }).ok).toBe(true);
    // Candidate 0 wins with 10 from everyone; candidate 1 (two scores, 9 and 8) is the runner-up.
    jurors.forEach((u, j) => {
      cs.forEach((c, i) => {
        if (i === 1 && recusing.includes(u)) return;
        const value = i === 0 ? 10 : i === 1 ? 9 - j : 1 + ((j + i) % 5);
        expect(run(saveScoreSpec, u, { candidateId: c.id, value }).ok).toBe(true);
      });
      expect(run(submitBallotSpec, u, { nominationId: nominationId(t.db, 'best_film') }).ok).toBe(true);
    });
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    const full = tally(buildTallyInput(t.db)).nominations[0];
    expect(full.ranking.find((r) => r.candidate === String(cs[1].id))).toMatchObject({ rank: 2, counted: 2, aggregate: { exact: '17/2' } });

    const shown = closedRoundTally(t.db).nominations.find((n) => n.code === 'best_film')!;
    const thin = shown.ranking.find((r) => r.candidate === String(cs[1].id))!;
    expect(thin).toMatchObject({ rank: 2, counted: 2, aggregate: null });
    expect(shown.withheld).toEqual({ [String(cs[1].id)]: 'thin' });
    expect(shown.histograms[String(cs[1].id)]).toBeUndefined();
    expect(shown.ranking[0].aggregate).toMatchObject({ exact: '10' });
    expect(shown.margin).toBeNull();
    expect(JSON.stringify(shown)).not.toContain('17/2');
    expect(JSON.stringify(shown)).not.toContain('8.50');

    // The draft protocol (finalised, not yet published) withholds that margin too.
    expect(run(finaliseSpec, chair, {}).ok).toBe(true);
    expect(withheldAwards(t.db).margins).toEqual(new Set(['best_film']));
  });

  it('also withholds an aggregate equal to a thin one, and the juror counts of a head-to-head involving it', () => {
    const agg = (exact: string) => ({ exact, display: exact });
    const rc = (candidate: string, rank: number, counted: number, exact: string) =>
      ({ candidate, filmId: candidate, person: null, rank, aggregate: agg(exact), counted, recusedExcluded: 0, eligible: true, reasons: [] });
    const n: NominationResult & { histograms: Record<string, number[]> } = {
      code: 'best_film', round: 'main', status: 'decided', winners: ['a'], tie: null, margin: agg('1'),
      ranking: [rc('a', 1, 5, '8'), rc('b', 1, 1, '8'), rc('c', 3, 4, '7')],
      reasons: [{ code: 'head_to_head', params: { winner: 'a', loser: 'b', for: 1, against: 0 } }],
      histograms: { a: [1], b: [1], c: [1] },
    };
    const w = withholdThin(n);
    expect(w.withheld).toEqual({ a: 'tied_with_thin', b: 'thin' });
    expect(w.ranking.map((r) => r.aggregate?.exact ?? null)).toEqual([null, null, '7']);
    expect(Object.keys(w.histograms)).toEqual(['c']);
    expect(w.reasons).toEqual([{ code: 'head_to_head_thin', params: { winner: 'a', loser: 'b' } }]);
    expect(w.margin).toBeNull();
    // Nothing thin: nothing withheld.
    const plain = { ...n, ranking: [rc('a', 1, 5, '8'), rc('b', 2, 3, '7')] };
    expect(withholdThin(plain)).toMatchObject({ withheld: {}, marginWithheld: false, margin: agg('1'), reasons: n.reasons });
  });
});

describe('the organisers\' audit log never shows a score value or a receipt beside a name', () => {
  it('after publication: every score and ballot entry of every juror says what was done, never the value or the receipt', () => {
    setPhase(t, 'voting');
    bestFilmOnly({ special: false });
    voteAndSubmit(t.db, 'best_film', (j, c) => (c === 0 ? 10 : varied(j, c) === 10 ? 9 : varied(j, c)), jurors);
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    expect(run(finaliseSpec, chair, {}).ok).toBe(true);
    expect(run(publishSpec, organiser, {}).ok).toBe(true);

    const secrets = t.db.select({ receipt: ballot.receipt, salt: ballot.salt }).from(ballot).all().flatMap((b) => [b.receipt!, b.salt!]);
    expect(secrets).toHaveLength(2 * jurors.length);
    const jurorNames = new Set(t.db.select().from(user).all().filter((u) => u.role !== 'organiser').map((u) => u.displayName));
    const rows = [];
    for (let page = 1; ; page++) {
      const p = auditPage(t.db, { page });
      rows.push(...p.rows);
      if (page >= p.pages) break;
    }
    const byJurors = rows.filter((r) => r.actor && jurorNames.has(r.actor));
    const saves = byJurors.filter((r) => r.action === 'ballot.save_score');
    expect(saves).toHaveLength(jurors.length * bestFilm().length);
    for (const r of saves) expect(JSON.parse(r.payload)).toEqual({ candidateId: expect.any(Number), jurorId: expect.any(Number), nomination: 'best_film', steps: REDACTED, value: REDACTED });
    const submits = byJurors.filter((r) => r.action === 'ballot.submit');
    expect(submits).toHaveLength(jurors.length);
    for (const r of submits) expect(JSON.parse(r.payload)).toEqual({ nominationId: nominationId(t.db, 'best_film'), receipt: REDACTED, scores: bestFilm().length, candidates: bestFilm().map((c) => c.id) });
    for (const r of rows) {
      expect(r.payload).not.toMatch(/"(value|steps)":-?\d/);
      for (const s of secrets) expect(r.payload).not.toContain(s);
    }
  });
});
