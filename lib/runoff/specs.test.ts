// Runoffs against a real database: the chair opens one only on a tie the rules send to a runoff,
// only entitled jurors vote, once, among the tied (or abstain where allowed), the chair closes at
// the quorum or when all have voted, reopening the round sets runoffs aside; every refusal changes
// nothing; and the insiders' attacks: the chair cannot learn a choice, an organiser cannot vote in
// a juror's name, a choice edited in the database file is caught by audit:verify.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { audit, jury, film, nomination, recusal, runoff, runoffVote, user } from '@/db/schema';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { executeAction, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { closeRoundSpec, decideTieSpec, finaliseSpec, reopenRoundSpec } from '@/lib/round/specs';
import { replayAudit } from '@/lib/replay/audit';
import { tallyOrRefuse } from '@/lib/count/checked-tally';
import { auditPage, redactPayload } from '@/lib/admin/audit-log';
import { castRunoffVoteSpec, closeRunoffSpec, openRunoffSpec } from './specs';
import { canonicalRunoffVote, runoffReceiptOf } from './receipt';
import { runoffOverview, runoffsWaitingFor } from './queries';
import { runoffReceiptList } from '@/lib/count/runoffs';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
  t.db.update(jury).set({ recusalByNationality: false }).where(eq(jury.id, 1)).run();
});
afterEach(() => t.close());

const run = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<T>;
const ok = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown): T => {
  const out = run<T>(spec, u, input);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
};
const rule = (chain: string[], abstention = false) =>
  t.db.update(nomination).set({ tieBreak: JSON.stringify(chain), runoffAbstention: abstention }).where(eq(nomination.code, 'best_director')).run();

/** Best Director alone in the main round, its first two candidates tied exactly (every juror 9 and 9). */
function tieInBestDirector(chain: string[] = ['runoff', 'runoff', 'casting_vote'], abstention = false) {
  t.db.delete(nomination).where(inArray(nomination.code, ['best_film', 'best_screenplay', 'best_actor', 'best_actress'])).run();
  rule(chain, abstention);
  voteAndSubmit(t.db, 'best_director', (_j, c) => (c < 2 ? 9 : 5), jurors);
  expect(run(closeRoundSpec, chair, { confirmMissing: true }).ok).toBe(true);
  const [a, b, c] = candidatesOf(t.db, 'best_director').map((x) => x.id);
  return { a, b, c };
}

const openIt = (tied: number[]) => ok<{ runoff: number; entitled: number }>(openRunoffSpec, chair, { nomination: 'best_director', tied }).runoff;
/** Every juror votes; `pick(i)` gives juror i's choice. */
const everyoneVotes = (r: number, pick: (i: number) => number | 'abstain') => jurors.forEach((j, i) => ok(castRunoffVoteSpec, j, { runoff: r, choice: pick(i) }));

describe('openRunoff', () => {
  it('refuses the wrong role, the wrong phase, no tie, a changed tie and a chain without a runoff; stores exactly the tie', () => {
    const { a, b, c } = tieInBestDirector();
    for (const u of [juror, organiser]) expectRefused(t, openRunoffSpec, u, { nomination: 'best_director', tied: [a, b] }, 'forbidden:role');
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, c] }, 'round:tie_changed');
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a] }, 'invalid:input');
    expectRefused(t, openRunoffSpec, chair, { nomination: 'nope', tied: [a, b] }, 'round:unknown_nomination');
    rule(['casting_vote', 'shared']);
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'runoff:not_in_rules');
    rule(['runoff', 'casting_vote']);
    setPhase(t, 'voting');
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'phase:wrong');
    setPhase(t, 'main_closed');
    const r = openIt([b, a]);
    const row = t.db.select().from(runoff).where(eq(runoff.id, r)).get()!;
    expect(JSON.parse(row.tied).sort()).toEqual([a, b].sort());
    expect(row.places).toBe(1);
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'runoff:already_open');
  });

  it('refuses where the scores decided', () => {
    t.db.delete(nomination).where(inArray(nomination.code, ['best_film', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    rule(['runoff', 'casting_vote']);
    voteAndSubmit(t.db, 'best_director', (_j, c) => Math.max(1, 10 - c), jurors);
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b] = candidatesOf(t.db, 'best_director').map((x) => x.id);
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'round:no_tie');
  });

  it('the chain decides: no casting vote while a runoff is due or open', () => {
    const { a, b } = tieInBestDirector();
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'runoff:rules_say_runoff');
    openIt([a, b]);
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'runoff:already_open');
    expectRefused(t, finaliseSpec, chair, {}, 'runoff:still_open');
  });
});

describe('castRunoffVote', () => {
  it('one vote among the tied, once, with a receipt the juror can recompute; refusals change nothing', () => {
    const { a, b, c } = tieInBestDirector();
    const r = openIt([a, b]);
    expectRefused(t, castRunoffVoteSpec, organiser, { runoff: r, choice: a }, 'forbidden:role');
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: c }, 'runoff:not_tied');
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: 'abstain' }, 'runoff:abstention_not_allowed');
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r + 1, choice: a }, 'runoff:unknown');
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: 'b' }, 'invalid:input');
    const v = ok<{ receipt: string; salt: string }>(castRunoffVoteSpec, juror, { runoff: r, choice: a });
    expect(v.receipt).toBe(runoffReceiptOf(canonicalRunoffVote(r, 'best_director', juror.login, a, v.salt)));
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: b }, 'runoff:already_voted');
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: a }, 'runoff:already_voted');
    expect(t.db.select().from(runoffVote).all()).toHaveLength(1);
    expect(runoffsWaitingFor(t.db, juror.id)).toHaveLength(0);
    expect(runoffsWaitingFor(t.db, chair.id).map((x) => x.id)).toEqual([r]);
  });

  it('abstention where the rules allow it', () => {
    const { a, b } = tieInBestDirector(['runoff', 'casting_vote'], true);
    const r = openIt([a, b]);
    expect(run(castRunoffVoteSpec, juror, { runoff: r, choice: 'abstain' }).ok).toBe(true);
    expect(t.db.select().from(runoffVote).get()!.choice).toBeNull();
  });

  it('a juror recused from a tied film (declared or by nationality) may not vote', () => {
    t.db.delete(nomination).where(inArray(nomination.code, ['best_film', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    rule(['runoff', 'casting_vote']);
    const [a0] = candidatesOf(t.db, 'best_director');
    t.db.insert(recusal).values({ jurorId: juror.id, filmId: a0.filmId, reason: 'produced it' }).run();
    const others = jurors.filter((j) => j.id !== juror.id);
    voteAndSubmit(t.db, 'best_director', (_j, c) => (c < 2 ? 9 : 5), others);
    const cs = candidatesOf(t.db, 'best_director');
    cs.forEach((c, i) => i > 0 && expect(run(saveScoreSpec, juror, { candidateId: c.id, value: i < 2 ? 9 : 5 }).ok).toBe(true));
    expect(run(submitBallotSpec, juror, { nominationId: cs[0].nominationId }).ok).toBe(true);
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b] = cs.map((x) => x.id);
    // The recused juror's score for a does not count, but the others' still tie a and b.
    const r = openIt([a, b]);
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: b }, 'runoff:recused');
    expect(runoffsWaitingFor(t.db, juror.id)).toHaveLength(0);
    expect(runoffOverview(t.db).open[0]).toMatchObject({ entitled: jurors.length - 1, cast: 0 });
    // By nationality: a juror of the country of b's film, once the rule is on.
    const other = others.find((j) => j.id !== chair.id)!;
    const countryOfB = t.db.select().from(film).where(eq(film.id, cs[1].filmId)).get()!.country;
    t.db.update(user).set({ country: countryOfB }).where(eq(user.id, other.id)).run();
    expect(run(castRunoffVoteSpec, other, { runoff: r, choice: a }).ok).toBe(true);
    t.db.delete(runoffVote).where(eq(runoffVote.runoffId, r)).run();
    t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run();
    expectRefused(t, castRunoffVoteSpec, other, { runoff: r, choice: a }, 'runoff:recused');
  });

  it('refused once the runoff is closed, and in another phase', () => {
    const { a, b } = tieInBestDirector();
    const r = openIt([a, b]);
    everyoneVotes(r, (i) => (i < 7 ? a : b));
    ok(closeRunoffSpec, chair, { runoff: r });
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: a }, 'runoff:not_open');
    setPhase(t, 'voting');
    expectRefused(t, castRunoffVoteSpec, juror, { runoff: r, choice: a }, 'phase:wrong');
  });
});

describe('closeRunoff', () => {
  it('not before the quorum (all active jurors by default); then closes with the counts', () => {
    const { a, b } = tieInBestDirector();
    const r = openIt([a, b]);
    jurors.slice(0, 11).forEach((j) => ok(castRunoffVoteSpec, j, { runoff: r, choice: a }));
    expectRefused(t, closeRunoffSpec, juror, { runoff: r }, 'forbidden:role');
    expectRefused(t, closeRunoffSpec, chair, { runoff: r }, 'runoff:below_quorum');
    t.db.update(jury).set({ quorum: 11 }).where(eq(jury.id, 1)).run();
    const out = ok<{ counts: { candidate: number; votes: number }[] }>(closeRunoffSpec, chair, { runoff: r });
    expect(out.counts).toEqual([{ candidate: a, votes: 11 }, { candidate: b, votes: 0 }]);
    expectRefused(t, closeRunoffSpec, chair, { runoff: r }, 'runoff:not_open');
  });

  it('a 6–6 runoff leads to a second, a 6–6 second to the casting vote the chain names', () => {
    const { a, b } = tieInBestDirector(['runoff', 'runoff', 'casting_vote']);
    const r1 = openIt([a, b]);
    everyoneVotes(r1, (i) => (i % 2 ? a : b));
    ok(closeRunoffSpec, chair, { runoff: r1 });
    const r2 = openIt([a, b]);
    expect(r2).not.toBe(r1);
    everyoneVotes(r2, (i) => (i % 2 ? a : b));
    ok(closeRunoffSpec, chair, { runoff: r2 });
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'runoff:not_in_rules');
    expect(run(decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [b] }).ok).toBe(true);
    expect(runoffReceiptList(t.db)).toHaveLength(2 * jurors.length);
  });

  it('a majority decides the award; the tie is gone, so no further runoff or casting vote', () => {
    const { a, b } = tieInBestDirector(['runoff', 'casting_vote']);
    const r = openIt([a, b]);
    everyoneVotes(r, (i) => (i < 7 ? b : a));
    ok(closeRunoffSpec, chair, { runoff: r });
    const result = tallyOrRefuse(t.db).result.nominations.find((n) => n.code === 'best_director')!;
    expect(result).toMatchObject({ status: 'decided', winners: [String(b)] });
    expect(result.runoffs?.[0]).toMatchObject({ counts: [{ candidate: String(a), votes: 5 }, { candidate: String(b), votes: 7 }], abstentions: 0 });
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'round:no_tie');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:no_tie');
  });

  it('reopening the round sets its runoffs aside, open and closed', () => {
    const { a, b } = tieInBestDirector();
    const r1 = openIt([a, b]);
    everyoneVotes(r1, (i) => (i % 2 ? a : b));
    ok(closeRunoffSpec, chair, { runoff: r1 });
    openIt([a, b]);
    ok(reopenRoundSpec, chair, { reason: 'a ballot was wrong' });
    expect(t.db.select().from(runoff).all().every((x) => x.setAsideAt !== null)).toBe(true);
    expect(runoffOverview(t.db)).toEqual({ open: [], closed: [] });
    expect(runoffsWaitingFor(t.db, juror.id)).toEqual([]);
    expect(replayAudit(t.db).filter((p) => p.includes('runoff'))).toEqual([]);
  });
});

describe('insiders', () => {
  it('the chair never learns a choice: while open only the number cast; the audit log holds no choice', () => {
    const { a, b } = tieInBestDirector();
    const r = openIt([a, b]);
    ok(castRunoffVoteSpec, juror, { runoff: r, choice: b });
    const view = runoffOverview(t.db);
    expect(view.open[0]).toMatchObject({ cast: 1, entitled: jurors.length });
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/choice|votes"|counts|juror/);
    for (const e of t.db.select().from(audit).where(eq(audit.action, 'runoff.vote')).all()) {
      expect(Object.keys(JSON.parse(e.payload)).sort()).toEqual(['jurorId', 'nomination', 'receipt', 'runoff']);
      expect(redactPayload(e.action, e.payload)).not.toContain(JSON.parse(e.payload).receipt);
    }
  });

  it("the organisers' audit log shows who voted in a runoff only once the awards are final, never a receipt, a choice or, before publication, a count", () => {
    const { a, b } = tieInBestDirector();
    const r = openIt([a, b]);
    everyoneVotes(r, (i) => (i < 7 ? a : b));
    ok(closeRunoffSpec, chair, { runoff: r });
    // Who voted would be who was entitled, and so point at the tied films (issue 20): not before finalisation.
    expect(auditPage(t.db, { action: 'runoff.' }).rows.map((x) => x.action)).not.toContain('runoff.vote');
    t.db.update(jury).set({ phase: 'finalised' }).where(eq(jury.id, 1)).run();
    const rows = auditPage(t.db, { action: 'runoff.' }).rows;
    expect(rows.map((x) => x.action)).toContain('runoff.vote');
    const receipts = t.db.select().from(runoffVote).all().map((v) => v.receipt);
    for (const row of rows) {
      for (const rc of receipts) expect(row.payload).not.toContain(rc);
      expect(row.payload).not.toContain('"choice"');
    }
    expect(rows.find((x) => x.action === 'runoff.close')!.payload).toContain('"counts":"[redacted]"');
  });

  it('an organiser cannot vote, nor name a juror to vote for', () => {
    const { a, b } = tieInBestDirector();
    const r = openIt([a, b]);
    expectRefused(t, castRunoffVoteSpec, organiser, { runoff: r, choice: a }, 'forbidden:role');
    expectRefused(t, castRunoffVoteSpec, chair, { runoff: r, choice: a, jurorId: juror.id }, 'invalid:input');
    expect(runoffsWaitingFor(t.db, juror.id)).toHaveLength(1);
  });

  it('a choice changed in the database file (receipt and all) is caught by audit:verify', () => {
    const { a, b } = tieInBestDirector();
    const r = openIt([a, b]);
    everyoneVotes(r, (i) => (i < 7 ? a : b));
    ok(closeRunoffSpec, chair, { runoff: r });
    expect(replayAudit(t.db).filter((p) => p.includes('runoff'))).toEqual([]);
    const v = t.db.select().from(runoffVote).where(eq(runoffVote.jurorId, juror.id)).get()!;
    const other = v.choice === a ? b : a;
    t.db.update(runoffVote).set({ choice: other }).where(eq(runoffVote.id, v.id)).run();
    expect(replayAudit(t.db).join('\n')).toMatch(/runoff vote row .*does not match its stored choice/);
    // Re-hashing the receipt with the stored salt does not help: the audited receipt differs.
    const receipt = runoffReceiptOf(canonicalRunoffVote(r, 'best_director', juror.login, other, v.salt));
    t.db.update(runoffVote).set({ receipt }).where(eq(runoffVote.id, v.id)).run();
    expect(replayAudit(t.db).join('\n')).toMatch(/receipt differs from the one audited/);
  });
});
