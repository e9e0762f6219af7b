// Insiders against the runoffs, played through the real actions on a real database: what the chair,
// an organiser, a juror or the holder of the database file could learn or change that they should
// not. Each test here failed on a hole once, or guards one that the code closes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { jury, nomination, runoff, runoffVote } from '@/db/schema';
import type { z } from 'zod';
import { executeAction, type ActionSpec, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { closeRoundSpec } from '@/lib/round/specs';
import { runoffReceiptList } from '@/lib/count/runoffs';
import { anonymiseTallyInput, buildTallyInput } from '@/lib/count/tally-input';
import { openVotingSpec } from '@/lib/admin/phase';
import { tallyOrRefuse } from '@/lib/count/checked-tally';
import { approveAccountRequestSpec, requestAccountChangeSpec } from '@/lib/juror/requests';
import { replayAudit } from '@/lib/replay/audit';
import { checkReceiptFile, webSha256Hex } from '@/lib/runoff/receipt-check';
import { castRunoffVoteSpec, closeRunoffSpec, openRunoffSpec } from './specs';

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
  t.db.update(jury).set({ recusalByNationality: false }).where(eq(jury.id, 1)).run();
});
afterEach(() => t.close());

const ok = <S extends z.ZodType, R>(spec: ActionSpec<S, R>, u: SessionUser | null, input: unknown): R => {
  const out: Outcome<R> = executeAction(spec, u, input, t.db);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
};

/** Best Director alone, its first two candidates tied by `voters`; the others' ballots missing. */
function tie(voters: SessionUser[], chain: string[] = ['runoff', 'casting_vote']) {
  t.db.delete(nomination).where(inArray(nomination.code, ['best_film', 'best_screenplay', 'best_actor', 'best_actress'])).run();
  t.db.update(nomination).set({ tieBreak: JSON.stringify(chain) }).where(eq(nomination.code, 'best_director')).run();
  voteAndSubmit(t.db, 'best_director', (_j, c) => (c < 2 ? 9 : 5), voters);
  t.db.update(jury).set({ quorum: voters.length }).where(eq(jury.id, 1)).run();
  ok(closeRoundSpec, chair, { confirmMissing: true });
  const [a, b] = candidatesOf(t.db, 'best_director').map((x) => x.id);
  return { a, b };
}

const bestDirector = () => tallyOrRefuse(t.db).result.nominations.find((n) => n.code === 'best_director')!;

/** The organiser asks, the chair approves: how a juror is deactivated once voting has opened. */
function deactivate(target: SessionUser) {
  const req = ok(requestAccountChangeSpec, organiser, { targetId: target.id, kind: 'deactivate', reason: 'left the festival' });
  ok(approveAccountRequestSpec, chair, { id: req.id });
}

describe('the chair differencing a runoff by deactivating a voter', () => {
  it('a juror without a counted ballot votes in a runoff and is then deactivated: their vote keeps counting, the tally does not move', () => {
    const x = jurors.find((j) => j.role === 'juror')!;
    const others = jurors.filter((j) => j.id !== x.id);
    const { a, b } = tie(others);
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    // 5 of the others for a, 6 for b; x, who submitted no ballot, for a: 6–6.
    others.forEach((j, i) => ok(castRunoffVoteSpec, j, { runoff: r, choice: i < 5 ? a : b }));
    ok(castRunoffVoteSpec, x, { runoff: r, choice: a });
    ok(closeRunoffSpec, chair, { runoff: r });
    const before = bestDirector();
    expect(before.runoffs?.[0]).toMatchObject({ counts: [{ candidate: String(a), votes: 6 }, { candidate: String(b), votes: 6 }] });
    // Deactivation ends access; it never withdraws a vote already cast (lib/juror/standing.ts).
    // Were x's vote dropped, the award would go to b and the chair would read x's choice as the difference.
    deactivate(x);
    expect(bestDirector()).toEqual(before);
  });
});

describe('a juror against the runoff', () => {
  it('votes once: a second vote, a candidate outside the tie, a vote after the close are refused and change nothing', () => {
    const { a, b } = tie(jurors);
    const [, , c] = candidatesOf(t.db, 'best_director').map((x) => x.id);
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    const [j1] = jurors;
    ok(castRunoffVoteSpec, j1, { runoff: r, choice: a });
    expectRefused(t, castRunoffVoteSpec, j1, { runoff: r, choice: b }, 'runoff:already_voted');
    // Two requests racing past that check in two server processes: the database itself takes one row per juror.
    const first = t.db.select().from(runoffVote).where(eq(runoffVote.jurorId, j1.id)).get()!;
    expect(() => t.db.insert(runoffVote).values({ ...first, id: undefined, choice: b }).run()).toThrow(/UNIQUE/);
    expectRefused(t, castRunoffVoteSpec, jurors[1], { runoff: r, choice: c }, 'runoff:not_tied');
    expectRefused(t, castRunoffVoteSpec, jurors[1], { runoff: r, choice: 'abstain' }, 'runoff:abstention_not_allowed');
    expectRefused(t, castRunoffVoteSpec, jurors[1], { runoff: r, choice: a, juror: j1.id }, 'invalid:input');
    for (const choice of [-1, 0, 1.5, '12abc', `${a} `, true, null, [a], 2 ** 40, 'ABSTAIN']) {
      expectRefused(t, castRunoffVoteSpec, jurors[1], { runoff: r, choice }, 'invalid:input');
    }
    expectRefused(t, castRunoffVoteSpec, jurors[1], { runoff: r + 1000, choice: a }, 'runoff:unknown');
    jurors.slice(1).forEach((j) => ok(castRunoffVoteSpec, j, { runoff: r, choice: b }));
    // Neither an organiser nor a juror closes it, however many have voted.
    for (const u of [organiser, jurors[1]]) expectRefused(t, closeRunoffSpec, u, { runoff: r }, 'forbidden:role');
    expectRefused(t, castRunoffVoteSpec, organiser, { runoff: r, choice: a }, 'forbidden:role');
    ok(closeRunoffSpec, chair, { runoff: r });
    expectRefused(t, castRunoffVoteSpec, j1, { runoff: r, choice: b }, 'runoff:not_open');
    expect(t.db.select().from(runoffVote).where(eq(runoffVote.jurorId, j1.id)).all().map((v) => v.choice)).toEqual([a]);
  });

  it('a deactivated juror may not vote in an open runoff', () => {
    const x = jurors.find((j) => j.role === 'juror')!;
    const { a, b } = tie(jurors);
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    deactivate(x);
    expectRefused(t, castRunoffVoteSpec, x, { runoff: r, choice: a }, 'runoff:not_entitled');
    expect(t.db.select().from(runoff).where(eq(runoff.id, r)).get()!.closedAt).toBeNull();
  });
});

describe('the holder of the database file against audit:verify', () => {
  it('two runoffs of one award reordered by their closing times in the file are caught', () => {
    t.db.delete(nomination).where(inArray(nomination.code, ['best_film', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['runoff', 'runoff', 'casting_vote']) }).where(eq(nomination.code, 'best_director')).run();
    voteAndSubmit(t.db, 'best_director', (_j, c) => (c < 3 ? 9 : 5), jurors);
    ok(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b, c] = candidatesOf(t.db, 'best_director').map((y) => y.id);
    const r1 = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b, c] }).runoff;
    jurors.forEach((j, i) => ok(castRunoffVoteSpec, j, { runoff: r1, choice: i < 5 ? a : i < 10 ? b : c }));
    ok(closeRunoffSpec, chair, { runoff: r1 });
    const r2 = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    jurors.forEach((j, i) => ok(castRunoffVoteSpec, j, { runoff: r2, choice: i < 7 ? a : b }));
    ok(closeRunoffSpec, chair, { runoff: r2 });
    expect(bestDirector()).toMatchObject({ status: 'decided', winners: [String(a)] });
    expect(replayAudit(t.db)).toEqual([]);
    const at = (id: number) => t.db.select().from(runoff).where(eq(runoff.id, id)).get()!.closedAt!;
    const [t1, t2] = [at(r1), at(r2)];
    t.db.update(runoff).set({ closedAt: t2 }).where(eq(runoff.id, r1)).run();
    t.db.update(runoff).set({ closedAt: t1 }).where(eq(runoff.id, r2)).run();
    // The tally now holds the second runoff first, and Best Director is undecided again.
    expect(bestDirector().status).toBe('blocked');
    expect(replayAudit(t.db).join('\n')).toMatch(/closing times give this order/);
  });
});

describe('a reader of /results with a crafted receipt file', () => {
  it("a juror's runoff receipt file is checked like a ballot's; one with its choice changed is called altered", async () => {
    const { a, b } = tie(jurors);
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    const mine = ok(castRunoffVoteSpec, jurors[0], { runoff: r, choice: a });
    jurors.slice(1).forEach((j) => ok(castRunoffVoteSpec, j, { runoff: r, choice: b }));
    ok(closeRunoffSpec, chair, { runoff: r });
    const published = runoffReceiptList(t.db).map((x) => ({ nomination: x.nomination, receipt: x.receipt }));
    // As app/jury/runoff/RunoffVote.tsx builds the file the juror downloads.
    const file = (vote: unknown) => JSON.stringify({ receipt: mine.receipt, votedAt: mine.at, vote, howToCheck: '' }, null, 2);
    await expect(checkReceiptFile(file(mine.canonical), published, webSha256Hex)).resolves.toEqual({ kind: 'matches', nomination: 'best_director', receipt: mine.receipt, runoff: true });
    await expect(checkReceiptFile(file({ ...mine.canonical, choice: b }), published, webSha256Hex)).resolves.toEqual({ kind: 'altered', runoff: true });
    await expect(checkReceiptFile(file({ ...mine.canonical, choice: '<img src=x onerror=alert(1)>' }), published, webSha256Hex)).resolves.toEqual({ kind: 'unreadable' });
  });

  it('a file nested too deeply to hash is called unreadable, not left unanswered (the box would keep the last answer)', async () => {
    const depth = 200_000;
    const text = `{"receipt":"00","ballot":{"version":1,"juror":"a","nomination":"b","salt":"c","scores":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(text.length).toBeLessThan(1_000_000); // within what the box reads
    await expect(checkReceiptFile(text, [{ nomination: 'best_film', receipt: '00' }], webSha256Hex)).resolves.toEqual({ kind: 'unreadable' });
  });
});

describe('the holder of the database file changing the runoff rules or a runoff', () => {
  it('the tie-break chain or the abstention rule changed after voting opened is caught', () => {
    setPhase(t, 'setup');
    ok(openVotingSpec, organiser, {});
    expect(replayAudit(t.db)).toEqual([]);
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['casting_vote']) }).where(eq(nomination.code, 'best_director')).run();
    expect(replayAudit(t.db).join('\n')).toMatch(/rules frozen.*nominations/);
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['casting_vote', 'shared']), runoffAbstention: true }).where(eq(nomination.code, 'best_director')).run();
    expect(replayAudit(t.db).join('\n')).toMatch(/rules frozen.*nominations/);
  });

  it("a runoff's tied candidates, its places, or its closing undone in the file are caught", () => {
    const { a, b } = tie(jurors);
    const [, , c] = candidatesOf(t.db, 'best_director').map((x) => x.id);
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    jurors.forEach((j, i) => ok(castRunoffVoteSpec, j, { runoff: r, choice: i < 7 ? a : b }));
    ok(closeRunoffSpec, chair, { runoff: r });
    expect(replayAudit(t.db)).toEqual([]);
    const row = t.db.select().from(runoff).where(eq(runoff.id, r)).get()!;
    const edit = (values: Partial<typeof row>) => {
      t.db.update(runoff).set(values).where(eq(runoff.id, r)).run();
      const problems = replayAudit(t.db).join('\n');
      t.db.update(runoff).set(row).where(eq(runoff.id, r)).run();
      return problems;
    };
    expect(edit({ tied: JSON.stringify([a, c]) })).toMatch(/differs from the runoff opened/);
    expect(edit({ places: 2 })).toMatch(/differs from the runoff opened/);
    expect(edit({ closedAt: null, closedBy: null })).toMatch(/open, but the log closed it/);
    expect(replayAudit(t.db)).toEqual([]);
  });
});

describe('a reader of the published results or the export', () => {
  it('learns nothing of the voting order: runoff receipts sorted, public votes sorted by choice under names that link to nobody', () => {
    const { a, b } = tie(jurors);
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    // Choices alternate in voting order, b first.
    jurors.forEach((j, i) => ok(castRunoffVoteSpec, j, { runoff: r, choice: i % 2 ? a : b }));
    ok(closeRunoffSpec, chair, { runoff: r });
    const receipts = runoffReceiptList(t.db).map((x) => x.receipt);
    expect(receipts).toEqual([...receipts].sort());
    const votedOrder = t.db.select().from(runoffVote).orderBy(asc(runoffVote.id)).all().map((v) => v.receipt);
    expect(receipts).not.toEqual(votedOrder);
    const pub = anonymiseTallyInput(t.db, buildTallyInput(t.db)).runoffs!;
    const [lo, hi] = [String(Math.min(a, b)), String(Math.max(a, b))];
    expect(pub[0].votes).toEqual([...Array(6).fill(lo), ...Array(6).fill(hi)].map((choice, k) => ({ juror: `r1-v${String(k + 1).padStart(2, '0')}`, choice })));
    const ids = new Set(jurors.map((j) => String(j.id)));
    expect(pub[0].votes.some((v) => ids.has(v.juror))).toBe(false);
  });
});
