// The chair's rounds against a real database: every refusal (wrong role, wrong phase, bad input,
// stale tie) leaves the database unchanged, and a whole festival runs from voting to publication
// with the winners an independent computation expects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { award, decision, jury, film, nomination } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { verifyChain } from '@/lib/audit';
import { tally, type TallyInput } from '@/lib/tally';
import { canonicalJson } from '@/lib/canonical';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf as candidatesOfNomination, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from './specs';
import { finalHashOf } from './hash';
import { anonymiseTallyInput, buildTallyInput } from '@/lib/count/tally-input';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
});
afterEach(() => t.close());

const phase = () => t.db.select().from(jury).get()!.phase;
const run = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<T>;
const candidatesOf = (code: string) => candidatesOfNomination(t.db, code);
const vote = (code: string, score: (j: number, c: number) => number, who = jurors) => voteAndSubmit(t.db, code, score, who);
/** The quorum holds per nomination: tests about best film alone leave the main round with best film alone. */
const onlyBestFilm = () => t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress'])).run();

describe('refusals', () => {
  it('every chair action refuses jurors and organisers, and publish refuses the chair', () => {
    for (const u of [juror, organiser]) {
      expectRefused(t, closeRoundSpec, u, { confirmMissing: true }, 'forbidden:role');
      expectRefused(t, reopenRoundSpec, u, { reason: 'because' }, 'forbidden:role');
      expectRefused(t, openSpecialRoundSpec, u, {}, 'forbidden:role');
      expectRefused(t, finaliseSpec, u, {}, 'forbidden:role');
      expectRefused(t, decideTieSpec, u, { nomination: 'best_film', kind: 'casting_vote', tied: [1, 2], chosen: [1] }, 'forbidden:role');
    }
    expectRefused(t, publishSpec, chair, {}, 'forbidden:role');
    expectRefused(t, publishSpec, juror, {}, 'forbidden:role');
    expectRefused(t, closeRoundSpec, null, {}, 'auth:required');
  });

  it('closing with missing ballots needs confirmation (at or above the quorum)', () => {
    onlyBestFilm();
    t.db.update(jury).set({ quorum: 3 }).where(eq(jury.id, 1)).run();
    vote('best_film', (_j, c) => 1 + (c % 10), jurors.slice(0, 3));
    expectRefused(t, closeRoundSpec, chair, {}, 'round:missing_ballots');
    expectRefused(t, closeRoundSpec, chair, { confirmMissing: 'maybe' }, 'invalid:input');
    expect(run(closeRoundSpec, chair, { confirmMissing: true })).toMatchObject({ ok: true, data: { round: 'main' } });
    expect(phase()).toBe('main_closed');
  });

  it('refuses actions in the wrong phase', () => {
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'phase:wrong');
    expectRefused(t, finaliseSpec, chair, {}, 'phase:wrong');
    expectRefused(t, reopenRoundSpec, chair, { reason: 'because' }, 'phase:wrong');
    expectRefused(t, publishSpec, organiser, {}, 'phase:wrong');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [1, 2], chosen: [1] }, 'phase:wrong');
    setPhase(t, 'setup');
    expectRefused(t, closeRoundSpec, chair, { confirmMissing: true }, 'phase:wrong');
    setPhase(t, 'finalised');
    expectRefused(t, closeRoundSpec, chair, { confirmMissing: true }, 'phase:finalised');
    expectRefused(t, reopenRoundSpec, chair, { reason: 'because' }, 'phase:finalised');
  });

  it('refuses a tie decision that does not match the tie, bad kinds and shared awards where not allowed', () => {
    t.db.delete(nomination).where(inArray(nomination.code, ['best_screenplay', 'best_actor', 'best_actress'])).run();
    vote('best_director', (_j, c) => Math.max(1, 10 - c));
    vote('best_film', (_j, c) => (c < 2 ? 9 : 5)); // candidates 0 and 1 tie exactly
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b, c] = candidatesOf('best_film').map((x) => x.id);
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, c], chosen: [a] }, 'round:tie_changed');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [c] }, 'round:not_tied');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a, b] }, 'round:one_winner');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'shared', tied: [a, b], chosen: [a, b] }, 'round:shared_not_allowed');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'veto', tied: [a, b], chosen: [a] }, 'invalid:input');
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:no_tie');
    expectRefused(t, decideTieSpec, chair, { nomination: 'nope', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:unknown_nomination');
    expectRefused(t, decideTieSpec, chair, { nomination: 'special_jury_prize', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:not_closed');
    expectRefused(t, finaliseSpec, chair, {}, 'round:undecided');
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'round:ties_open');
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [b, a], chosen: [b], reason: 'deliberation' }).ok).toBe(true);
    // A decided tie can be decided again (the later decision supersedes), but only on the same tie.
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, c], chosen: [a] }, 'round:tie_changed');
  });

  it('refuses a shared award with more winners than the nomination allows', () => {
    onlyBestFilm();
    t.db.update(nomination).set({ exAequoAllowed: true, maxWinners: 2 }).where(eq(nomination.code, 'best_film')).run();
    vote('best_film', (_j, c) => (c < 3 ? 9 : 5)); // candidates 0, 1 and 2 tie exactly
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b, c] = candidatesOf('best_film').map((x) => x.id);
    expectRefused(t, decideTieSpec, chair, { nomination: 'best_film', kind: 'shared', tied: [a, b, c], chosen: [a, b, c] }, 'round:too_many_winners');
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'shared', tied: [a, b, c], chosen: [a, b] }).ok).toBe(true);
    const stored = t.db.select().from(decision).where(eq(decision.kind, 'shared')).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ nominationId: nominationId(t.db, 'best_film'), actorId: chair.id });
    expect(JSON.parse(stored[0].tied)).toEqual([a, b, c]);
    expect(JSON.parse(stored[0].chosen)).toEqual([a, b]);
  });

  it('opening the special round refuses without a special nomination and without special candidates', () => {
    setPhase(t, 'main_closed');
    t.db.update(film).set({ competition: false }).where(eq(film.competition, true)).run();
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'round:no_special_candidates');
    t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
    expectRefused(t, openSpecialRoundSpec, chair, {}, 'round:no_special_round');
  });

  it('finalising refuses a nomination whose tie is not decided', () => {
    // A strict order everywhere except an exact tie at the top of best film.
    for (const code of ['best_director', 'best_screenplay', 'best_actor', 'best_actress']) vote(code, (_j, c) => Math.max(1, 10 - c));
    vote('best_film', (_j, c) => (c < 2 ? 9 : 5));
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
    expectRefused(t, finaliseSpec, chair, {}, 'round:undecided');
    const [a, b] = candidatesOf('best_film').map((x) => x.id);
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] }).ok).toBe(true);
    expect(run(finaliseSpec, chair, {})).toMatchObject({ ok: true });
  });

  it('publishing refuses a festival already published', () => {
    setPhase(t, 'published');
    expectRefused(t, publishSpec, organiser, {}, 'phase:finalised');
  });

  it('reopening a round refuses a reason under 3 characters', () => {
    setPhase(t, 'main_closed');
    expectRefused(t, reopenRoundSpec, chair, { reason: 'ab' }, 'invalid:input');
    expectRefused(t, reopenRoundSpec, chair, { reason: '  ab  ' }, 'invalid:input');
    expectRefused(t, reopenRoundSpec, chair, {}, 'invalid:input');
    expect(run(reopenRoundSpec, chair, { reason: 'abc' }).ok).toBe(true);
    expect(phase()).toBe('voting');
    expect(t.db.select().from(decision).where(eq(decision.kind, 'reopen_round')).all()).toMatchObject([{ reason: 'abc', actorId: chair.id }]);
  });
});

describe('a whole festival', () => {
  it('runs from voting to publication with the winners an independent computation expects', () => {
    // Main round: best film has a planted exact tie between candidates 0 and 1; the other
    // nominations have a clear winner. Jurors differ so that means are not all equal.
    const codes = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
    const pattern: Record<string, (j: number, c: number) => number> = {
      best_film: (j, c) => (c < 2 ? 9 : 1 + ((j + c) % 8)),
      best_director: (j, c) => (c === 0 ? 10 : c === 3 ? 9 : 1 + ((j * 3 + c) % 7)), // film 0 again: passed over if it wins best film
      best_screenplay: (j, c) => (c === 5 ? 10 : 1 + ((j + 2 * c) % 8)),
      best_actor: (j, c) => (c === 0 ? 10 : 1 + ((j + c) % 9)), // exempt: film 0 may win it too
      best_actress: (j, c) => (c === 7 ? 10 : 1 + ((2 * j + c) % 9)),
    };
    for (const code of codes) vote(code, pattern[code]);
    expect(run(closeRoundSpec, chair, {})).toMatchObject({ ok: true, data: { missing: 0 } });

    const bf = candidatesOf('best_film');
    const blocked = tally(buildTallyInput(t.db)).nominations.find((n) => n.code === 'best_film')!;
    expect(blocked.status).toBe('blocked');
    expect(new Set(blocked.tie!.candidates)).toEqual(new Set([String(bf[0].id), String(bf[1].id)]));
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [bf[0].id, bf[1].id], chosen: [bf[0].id] }).ok).toBe(true);

    // Independent expectation: the highest mean, with films already awarded passed over.
    const mean = (code: string, c: number) => jurors.reduce((s, _u, j) => s + pattern[code](j, c), 0) / jurors.length;
    const best = (code: string, skipFilms: Set<number>) => {
      const cs = candidatesOf(code);
      let bi = -1;
      cs.forEach((c, i) => { if (!skipFilms.has(c.filmId) && (bi < 0 || mean(code, i) > mean(code, bi))) bi = i; });
      return cs[bi];
    };
    const won = new Set<number>([bf[0].filmId]);
    const expected: Record<string, number> = { best_film: bf[0].id };
    for (const code of ['best_director', 'best_screenplay']) {
      const w = best(code, won);
      expected[code] = w.id;
      won.add(w.filmId);
    }
    expected.best_actor = best('best_actor', new Set()).id;
    expected.best_actress = best('best_actress', new Set()).id;
    expect(candidatesOf('best_director').find((c) => c.id === expected.best_director)!.filmId).not.toBe(bf[0].filmId);

    // Special round: the competition films that won no main non-exempt award.
    expect(run(openSpecialRoundSpec, chair, {}).ok).toBe(true);
    const special = candidatesOf('special_jury_prize');
    expect(special).toHaveLength(23 - won.size);
    expect(special.some((c) => won.has(c.filmId))).toBe(false);
    vote('special_jury_prize', (j, c) => (c === 2 || c === 4 ? 10 : 1 + ((j + c) % 7)));
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    const tie = tally(buildTallyInput(t.db)).nominations.find((n) => n.code === 'special_jury_prize')!;
    expect(tie.status).toBe('blocked');
    expect(run(decideTieSpec, chair, { nomination: 'special_jury_prize', kind: 'shared', tied: [special[2].id, special[4].id], chosen: [special[2].id, special[4].id], reason: 'Both deserve it' }).ok).toBe(true);

    const fin = run<{ hash: string }>(finaliseSpec, chair, {});
    expect(fin.ok).toBe(true);
    expect(phase()).toBe('finalised');
    const awards = t.db.select().from(award).all();
    const byNom = (code: string) => awards.filter((a) => a.nominationId === nominationId(t.db, code)).map((a) => a.candidateId).sort();
    for (const code of codes) expect(byNom(code), code).toEqual([expected[code]]);
    expect(byNom('special_jury_prize')).toEqual([special[2].id, special[4].id].sort());
    expect(awards.filter((a) => a.shared)).toHaveLength(2);

    // The recorded hash is recomputable from the public (anonymised) data.
    const pub = anonymiseTallyInput(t.db, buildTallyInput(t.db));
    const hash = fin.ok ? fin.data.hash : '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.db.select().from(jury).get()!.finalHash).toBe(hash);
    expect(hash).toBe(finalHashOf(pub, tally(pub)));
    // One anonymous id per counted ballot (juror × nomination), random, never a juror's country.
    const ballots = jurors.length * codes.length + jurors.length;
    expect(pub.jurors).toHaveLength(ballots);
    expect(new Set(pub.jurors.map((j) => j.id)).size).toBe(ballots);
    expect(pub.jurors.every((j) => /^B-[0-9a-f]{24}$/.test(j.id) && j.country === null)).toBe(true);
    // And it binds the data: one score one step different, one award given to another candidate, or
    // the chair's casting vote for the other film, and the hash is not the recorded one.
    const [s0] = pub.scores;
    const rescored = { ...pub, scores: pub.scores.map((s) => (s === s0 ? { ...s, value: s.value === 10 ? 9 : s.value + 1 } : s)) };
    expect(finalHashOf(rescored, tally(rescored))).not.toBe(hash);
    const out = tally(pub);
    const otherWinner = { ...out, nominations: out.nominations.map((n) => (n.code === 'best_film' ? { ...n, winners: [String(bf[1].id)] } : n)) };
    expect(finalHashOf(pub, otherWinner)).not.toBe(hash);
    const otherVote = { ...pub, decisions: pub.decisions.map((d) => (d.nomination === 'best_film' ? { ...d, chosen: [String(bf[1].id)] } : d)) };
    expect(tally(otherVote).nominations.find((n) => n.code === 'best_film')!.winners).toEqual([String(bf[1].id)]);
    expect(finalHashOf(otherVote, tally(otherVote))).not.toBe(hash);

    // Nothing changes after finalisation; the organisers publish.
    expectRefused(t, saveScoreSpec, juror, { candidateId: special[0].id, value: 3 }, 'phase:finalised');
    expectRefused(t, reopenRoundSpec, chair, { reason: 'second thoughts' }, 'phase:finalised');
    expect(run(publishSpec, organiser, {}).ok).toBe(true);
    expect(phase()).toBe('published');
    expect(verifyChain(t.db).ok).toBe(true);
  });

  it('reopens a closed round for a revote, once', () => {
    onlyBestFilm();
    vote('best_film', (_j, c) => (c < 2 ? 9 : 5));
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b] = candidatesOf('best_film').map((x) => x.id);
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] }).ok).toBe(true);
    expect(run(reopenRoundSpec, chair, { reason: 'The jury deliberates again' }).ok).toBe(true);
    expect(phase()).toBe('voting');
    expectRefused(t, reopenRoundSpec, chair, { reason: 'twice' }, 'phase:wrong');
  });
});

describe('verifying the stored awards', () => {
  it('passes on a finalised festival and fails when a score or an award is altered afterwards', async () => {
    const { verifyAwards } = await import('./verify');
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, skipped: 'not_finalised' });
    // A strict order at the top of every nomination: no tie for any award, even after passing over.
    for (const code of ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress']) vote(code, (_j, c) => Math.max(1, 10 - c));
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
    const fin = run(finaliseSpec, chair, {});
    expect(fin).toMatchObject({ ok: true });
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, checked: 5 });
    const sql = t.db.$client;
    const { finalHash } = t.db.select().from(jury).get()!;
    const first = t.db.select().from(award).orderBy(asc(award.id)).get()!;
    const code = t.db.select().from(nomination).where(eq(nomination.id, first.nominationId)).get()!.code;
    const runnerUp = candidatesOf(code).find((c) => c.id !== first.candidateId)!.id;
    // Each check on its own: a stored hash altered fails only the hash ...
    sql.prepare('update jury set final_hash = ? where id = 1').run('0'.repeat(64));
    expect(verifyAwards(t.db)).toEqual({ ok: false, problems: [`final hash ${'0'.repeat(64)} does not match the recomputed ${finalHash}`] });
    sql.prepare('update jury set final_hash = ? where id = 1').run(finalHash);
    // ... an award row given to another candidate fails only that award ...
    sql.prepare('update award set candidate_id = ? where id = ?').run(runnerUp, first.id);
    expect(verifyAwards(t.db)).toEqual({ ok: false, problems: [`${code}: stored award [${runnerUp}] but the scores give [${first.candidateId}] (decided)`] });
    sql.prepare('update award set candidate_id = ? where id = ?').run(first.candidateId, first.id);
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, checked: 5 });
    // ... and a counted score changed behind the app's back (the ballots' snapshots are what the
    // tally reads): that award no longer follows, nor does the hash.
    sql.prepare('update ballot_score set steps = 0 where candidate_id = ?').run(first.candidateId);
    const broken = verifyAwards(t.db);
    expect(broken.ok).toBe(false);
    const problems = broken.ok ? [] : broken.problems;
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${code}: stored award \\[${first.candidateId}\\] but the scores give \\[\\d+\\] \\(decided\\)$`)));
    expect(problems.at(-1)).toMatch(new RegExp(`^final hash ${finalHash} does not match the recomputed [0-9a-f]{64}$`));
    expect(problems.at(-1)).not.toContain(`recomputed ${finalHash}`);
  });
});

describe('the final hash', () => {
  // Pinned so that it does not only agree with itself: the canonical JSON below is written out in
  // full (keys sorted, no whitespace), and the hash was computed once outside the app with
  //   printf '%s' '<the JSON below>' | sha256sum
  // A change to the canonical form, to what the hash covers, or to the tally's output fails here.
  const CANONICAL =
    '{"input":{"decisions":[],"films":[{"competition":true,"country":"KZ","id":"1"},{"competition":true,"country":"CN","id":"2"}],"jurors":[{"country":null,"id":"J-000000000001"}],"method":"mean","nominations":[{"candidates":[{"filmId":"1","id":"10","person":null},{"filmId":"2","id":"11","person":null}],"code":"best_film","kind":"film","round":"main"}],"recusals":[],"rules":{"exAequo":{},"exemptNominations":[],"oneAwardPerFilm":true,"recusalByNationality":false},"scale":{"max":10,"min":1,"step":1},"scores":[{"candidate":"10","juror":"J-000000000001","value":9},{"candidate":"11","juror":"J-000000000001","value":7}],"version":1},' +
    '"output":{"method":"mean","nominations":[{"code":"best_film","margin":{"display":"2.00","exact":"2"},"ranking":[{"aggregate":{"display":"9.00","exact":"9"},"candidate":"10","counted":1,"eligible":true,"filmId":"1","person":null,"rank":1,"reasons":[],"recusedExcluded":0},{"aggregate":{"display":"7.00","exact":"7"},"candidate":"11","counted":1,"eligible":true,"filmId":"2","person":null,"rank":2,"reasons":[],"recusedExcluded":0}],"reasons":[],"round":"main","status":"decided","tie":null,"winners":["10"]}]}}';
  const SHA256 = 'bb03fb11b6f8168334195d9a2f50e770e84716a032920be50101d35422fd53f9';
  const tiny: TallyInput = {
    version: 1,
    scale: { min: 1, max: 10, step: 1 },
    method: 'mean',
    rules: { oneAwardPerFilm: true, exemptNominations: [], exAequo: {}, recusalByNationality: false },
    films: [{ id: '1', country: 'KZ', competition: true }, { id: '2', country: 'CN', competition: true }],
    jurors: [{ id: 'J-000000000001', country: null }],
    nominations: [{ code: 'best_film', kind: 'film', round: 'main', candidates: [{ id: '10', filmId: '1', person: null }, { id: '11', filmId: '2', person: null }] }],
    scores: [{ juror: 'J-000000000001', candidate: '10', value: 9 }, { juror: 'J-000000000001', candidate: '11', value: 7 }],
    recusals: [],
    decisions: [],
  };

  it('is the sha256 of the canonical JSON of input and output, pinned for a tiny festival', () => {
    expect(canonicalJson({ input: tiny, output: tally(tiny) })).toBe(CANONICAL);
    expect(finalHashOf(tiny, tally(tiny))).toBe(SHA256);
  });

  it('changes with one score, and with the winner', () => {
    const lower = { ...tiny, scores: tiny.scores.map((s) => (s.candidate === '10' ? { ...s, value: 8 } : s)) };
    expect(finalHashOf(lower, tally(lower))).not.toBe(SHA256);
    const out = tally(tiny);
    expect(finalHashOf(tiny, { ...out, nominations: out.nominations.map((n) => ({ ...n, winners: ['11'] })) })).not.toBe(SHA256);
  });
});
