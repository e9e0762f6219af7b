// Runoffs from the database into the tally and the exports, on a real SQLite file: only closed
// runoffs that no reopened round set aside count, in closing order; a festival without runoffs gets
// exactly the input it always got; no export names a runoff's voter.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jury, nomination, runoff, runoffVote, user, type PublicationLevel } from '@/db/schema';
import { tally, type TallyInput } from '@/lib/tally';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { setPhase } from '@/tests/actions';
import { checkedTally } from '@/lib/count/checked-tally';
import { fullExport } from './results';
import { runoffInput } from '@/lib/count/runoffs';
import { buildTallyInput, publicBallots, publicRunoffs } from '@/lib/count/tally-input';

const open: TestDb[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));

/** The demo festival with Best Director tied between its first two candidates (every juror scores both 8). */
async function tiedDirector() {
  const t = await seededDb();
  open.push(t);
  const { jurors } = demoCast(t.db);
  setPhase(t, 'voting');
  voteAndSubmit(t.db, 'best_director', (_j, c) => (c < 2 ? 8 : 3), jurors);
  const [a, b] = candidatesOf(t.db, 'best_director');
  return { t, jurors, a, b, nomination: nominationId(t.db, 'best_director') };
}

function addRunoff(t: TestDb, row: { nominationId: number; tied: number[]; closedAt?: string | null; setAsideAt?: string | null }, votes: { jurorId: number; choice: number | null }[]) {
  const r = t.db.insert(runoff).values({ nominationId: row.nominationId, tied: JSON.stringify(row.tied), closedAt: row.closedAt ?? null, setAsideAt: row.setAsideAt ?? null }).returning().get();
  for (const v of votes) t.db.insert(runoffVote).values({ runoffId: r.id, jurorId: v.jurorId, choice: v.choice, receipt: `receipt-${r.id}-${v.jurorId}`, salt: 'salt' }).run();
  return r.id;
}

describe('runoffs as tally input', () => {
  it('a festival without runoffs and with the default chain gets the input it always got', async () => {
    const { t } = await tiedDirector();
    const input = buildTallyInput(t.db);
    expect('runoffs' in input).toBe(false);
    expect('tieBreak' in input.rules).toBe(false);
    const n = tally(input).nominations.find((x) => x.code === 'best_director')!;
    expect(n.status).toBe('blocked');
    expect(n.tie).toEqual({ candidates: expect.any(Array), places: 1 });
    expect(runoffInput(t.db)).toEqual({ tieBreak: undefined, runoffs: undefined });
  });

  it('reads the chain and the closed runoffs in force, in closing order; the runoff decides the tie', async () => {
    const { t, jurors, a, b, nomination: nom } = await tiedDirector();
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['runoff', 'runoff', 'casting_vote']), runoffAbstention: true }).where(eq(nomination.id, nom)).run();
    const ids = jurors.map((j) => j.id);
    // Closed later, recorded first: 7–4 for b with one abstention.
    addRunoff(t, { nominationId: nom, tied: [a.id, b.id], closedAt: '2026-11-30T10:05:00.000Z' }, ids.map((jurorId, i) => ({ jurorId, choice: i < 7 ? b.id : i < 11 ? a.id : null })));
    // Closed first: 6–6.
    addRunoff(t, { nominationId: nom, tied: [a.id, b.id], closedAt: '2026-11-30T10:00:00.000Z' }, ids.map((jurorId, i) => ({ jurorId, choice: i % 2 ? a.id : b.id })));
    // Set aside by a reopened round, and one still open: neither is input.
    addRunoff(t, { nominationId: nom, tied: [a.id, b.id], closedAt: '2026-11-30T09:00:00.000Z', setAsideAt: '2026-11-30T09:30:00.000Z' }, [{ jurorId: ids[0], choice: a.id }]);
    addRunoff(t, { nominationId: nom, tied: [a.id, b.id] }, [{ jurorId: ids[0], choice: a.id }]);

    const { tieBreak, runoffs } = runoffInput(t.db);
    expect(tieBreak).toEqual({ best_director: { chain: ['runoff', 'runoff', 'casting_vote'], abstention: true } });
    expect(runoffs!.map((r) => r.votes.filter((v) => v.choice === String(b.id)).length)).toEqual([6, 7]);
    expect(runoffs![1].votes).toContainEqual({ juror: String(ids[11]), choice: null });
    expect(runoffs![0]).toMatchObject({ nomination: 'best_director', tied: [String(a.id), String(b.id)], places: 1 });

    const checked = checkedTally(t.db);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const n = checked.result.nominations.find((x) => x.code === 'best_director')!;
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([String(b.id)]);
    expect(n.runoffs?.map((o) => o.winners)).toEqual([null, [String(b.id)]]);
  });

  it('a stored chain or vote the tally cannot read stops the award with a problem, not a crash', async () => {
    const { t, jurors, a, b, nomination: nom } = await tiedDirector();
    t.db.update(nomination).set({ tieBreak: 'not json' }).where(eq(nomination.id, nom)).run();
    const bad = checkedTally(t.db);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ nomination: 'best_director' });
    // An abstention where the rules allow none (a row no action writes).
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['runoff', 'casting_vote']), runoffAbstention: false }).where(eq(nomination.id, nom)).run();
    addRunoff(t, { nominationId: nom, tied: [a.id, b.id], closedAt: '2026-11-30T10:00:00.000Z' }, [{ jurorId: jurors[0].id, choice: null }]);
    const abstained = checkedTally(t.db);
    expect(abstained.ok).toBe(false);
    if (!abstained.ok) expect(abstained.problems[0]).toEqual({ code: 'decision', nomination: 'best_director', candidate: null, juror: null });
  });
});

describe('runoffs in the public export', () => {
  async function exported(level: PublicationLevel) {
    const { t, jurors, a, b, nomination: nom } = await tiedDirector();
    t.db.update(nomination).set({ tieBreak: JSON.stringify(['runoff', 'casting_vote']) }).where(eq(nomination.id, nom)).run();
    addRunoff(t, { nominationId: nom, tied: [a.id, b.id], closedAt: '2026-11-30T10:00:00.000Z' }, jurors.map((j, i) => ({ jurorId: j.id, choice: i < 7 ? b.id : a.id })));
    t.db.update(jury).set({ publicationLevel: level }).where(eq(jury.id, 1)).run();
    setPhase(t, 'published');
    const json = JSON.stringify(fullExport(t.db));
    const users = t.db.select({ id: user.id, login: user.login }).from(user).all();
    return { json, exp: JSON.parse(json) as Record<string, unknown>, users, a, b };
  }
  const voterFields = (json: string) => [...json.matchAll(/"juror":"([^"]+)"/g)].map((m) => m[1]);

  it('awards: which tie went to a vote, no count and no voter; every vote’s receipt, sorted', async () => {
    const { exp, json, a, b } = await exported('awards');
    const receipts = exp.runoffReceipts as { nomination: string; runoff: number; receipt: string }[];
    expect(receipts).toHaveLength(12);
    expect(receipts.every((r) => r.nomination === 'best_director' && r.runoff === 1)).toBe(true);
    expect(receipts.map((r) => r.receipt)).toEqual(receipts.map((r) => r.receipt).sort());
    expect(exp.runoffsHeld).toEqual([{ nomination: 'best_director', tied: [String(a.id), String(b.id)], places: 1 }]);
    expect(exp).not.toHaveProperty('runoffs');
    expect(exp).not.toHaveProperty('runoffCounts');
    expect(json).not.toMatch(/"votes"/);
  });

  it('distributions: the counts, which recompute the award; no voter', async () => {
    const { exp, json, a, b } = await exported('distributions');
    expect(exp.runoffCounts).toEqual([{ nomination: 'best_director', tied: [String(a.id), String(b.id)], places: 1, counts: [{ candidate: String(a.id), votes: 5 }, { candidate: String(b.id), votes: 7 }], abstentions: 0 }]);
    expect(exp).not.toHaveProperty('runoffs');
    expect(voterFields(json)).toEqual([]);
  });

  it('anonymised ballots: the counted votes under names that are nobody’s', async () => {
    const { exp, users, b } = await exported('anonymised_ballots');
    const runoffs = exp.runoffs as { votes: { juror: string }[] }[];
    const names = runoffs[0].votes.map((v) => v.juror);
    expect(names).toEqual(Array.from({ length: 12 }, (_, k) => `r1-v${String(k + 1).padStart(2, '0')}`));
    for (const u of users) expect(names).not.toContain(String(u.id));
    // The file is a tally input on its own and gives the same award.
    const n = tally(exp as unknown as TallyInput).nominations.find((x) => x.code === 'best_director')!;
    expect(n.winners).toEqual([String(b.id)]);
    expect(n.runoffs?.[0].counts.map((c) => c.votes)).toEqual([5, 7]);
  });
});

describe('publicRunoffs', () => {
  it('leaves out the votes that do not count (a recused juror, someone not on the jury), sorted by choice, abstentions last', () => {
    const input: TallyInput = {
      version: 1,
      scale: { min: 1, max: 10, step: 1 },
      method: 'mean',
      rules: { oneAwardPerFilm: true, exemptNominations: [], exAequo: {}, recusalByNationality: true, tieBreak: { n: { chain: ['runoff'], abstention: true } } },
      films: [{ id: 'f1', country: 'KZ', competition: true }, { id: 'f2', country: 'CN', competition: true }],
      jurors: [{ id: '1', country: 'RU' }, { id: '2', country: 'KZ' }, { id: '3', country: null }, { id: '4', country: null }],
      nominations: [{ code: 'n', kind: 'film', round: 'main', candidates: [{ id: 'a', filmId: 'f1', person: null }, { id: 'b', filmId: 'f2', person: null }] }],
      scores: [],
      recusals: [{ juror: '3', film: 'f2' }],
      decisions: [],
      runoffs: [{ nomination: 'n', tied: ['a', 'b'], places: 1, votes: [{ juror: '4', choice: null }, { juror: '1', choice: 'b' }, { juror: '2', choice: 'a' }, { juror: '3', choice: 'a' }, { juror: 'x', choice: 'a' }] }],
    };
    // 2 is Kazakh (nationality rule, film f1), 3 declared a recusal from f2, x is not on the jury.
    expect(publicRunoffs(input, input.runoffs!)[0].votes).toEqual([{ juror: 'r1-v1', choice: 'b' }, { juror: 'r1-v2', choice: null }]);
    const pub = publicBallots(input, () => 'B');
    expect(pub.jurors.map((j) => j.id)).toEqual(['r1-v1', 'r1-v2']);
    expect(pub.recusals).toEqual([]);
  });
});
